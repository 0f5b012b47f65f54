package purview

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// The read shapes published clients decode (see internal/clients/adminapi/testdata/SOURCES.md).
func TestReadStrings_locationShapes(t *testing.T) {
	for _, raw := range []string{`["All"]`, `[{"Name":"All","DisplayName":"All"}]`, `"All"`} {
		var v any
		_ = json.Unmarshal([]byte(raw), &v)
		if got := readStrings(v); len(got) != 1 || got[0] != "All" {
			t.Errorf("%s -> %v", raw, got)
		}
	}
	if got := readString(map[string]any{"value": 3.0, "Value": "Enable"}); got != "Enable" {
		t.Errorf("enum collision -> %q", got)
	}
}

func TestSetFromRead_keepsSpellingAndEmpty(t *testing.T) {
	prior := types.SetValueMust(types.StringType, []attr.Value{types.StringValue("All")})
	if got := setFromRead([]string{"all"}, prior); !got.Equal(prior) {
		t.Errorf("case: %v", got)
	}
	empty := types.SetValueMust(types.StringType, []attr.Value{})
	if got := setFromRead(nil, empty); !got.Equal(empty) {
		t.Errorf("empty: %v", got)
	}
	if got := setFromRead(nil, types.SetNull(types.StringType)); !got.IsNull() {
		t.Errorf("null: %v", got)
	}
}

func TestDiffStrings(t *testing.T) {
	add, remove := diffStrings([]string{"All"}, []string{"alice@x", "ALL"})
	if len(add) != 1 || add[0] != "alice@x" || len(remove) != 0 {
		t.Errorf("add %v remove %v", add, remove)
	}
}

func sitSet(t *testing.T, elems ...map[string]attr.Value) types.Set {
	t.Helper()
	var vs []attr.Value
	for _, e := range elems {
		full := map[string]attr.Value{"name": types.StringNull(), "id": types.StringNull(), "min_count": types.Int64Null(),
			"max_count": types.Int64Null(), "min_confidence": types.Int64Null(), "max_confidence": types.Int64Null()}
		for k, v := range e {
			full[k] = v
		}
		vs = append(vs, types.ObjectValueMust(sitAttrTypes, full))
	}
	return types.SetValueMust(sitObjType, vs)
}

// The service reads the simple form back with lower-case keys, numbers as
// strings and ids next to names; that must equal what was configured.
func TestReadCondition_simpleReadShape(t *testing.T) {
	ctx := context.Background()
	var diags diag.Diagnostics
	configured := types.ObjectValueMust(conditionAttrTypes, map[string]attr.Value{
		"operator": types.StringNull(), "groups": types.SetNull(groupObjType),
		"sensitive_types": sitSet(t,
			map[string]attr.Value{"name": types.StringValue("Credit Card Number"), "min_confidence": types.Int64Value(85)},
			map[string]attr.Value{"id": types.StringValue("A44669FE-0D48-453D-A9B1-2CC83F2CBA77")}),
	})
	var read any
	_ = json.Unmarshal([]byte(`[
	  {"maxconfidence": "100", "mincount": "1", "confidencelevel": "High", "id": "50842eb7-edc8-4019-85dd-5a5c1f2bb085",
	   "name": "credit card number", "maxcount": "9", "minconfidence": "85", "classifiertype": "Content"},
	  {"mincount": "1", "id": "a44669fe-0d48-453d-a9b1-2cc83f2cba77", "name": "U.S. Social Security Number (SSN)", "classifiertype": "Content"}]`), &read)
	got := readCondition(ctx, read, configured, &diags)
	if diags.HasError() || !got.Equal(configured) {
		t.Fatalf("got %v\nwant %v\n%v", got, configured, diags)
	}
	// On import (no configuration) the defaults are dropped and types named by name.
	imported := readCondition(ctx, read, types.ObjectNull(conditionAttrTypes), &diags)
	want := sitSet(t,
		map[string]attr.Value{"name": types.StringValue("credit card number"), "max_count": types.Int64Value(9), "min_confidence": types.Int64Value(85)},
		map[string]attr.Value{"name": types.StringValue("U.S. Social Security Number (SSN)")})
	if st := imported.Attributes()["sensitive_types"]; !st.Equal(want) {
		t.Fatalf("imported %v\nwant %v", st, want)
	}
}

// The grouped form may come back as a bare object instead of a one-element list.
func TestReadCondition_groupedBareObject(t *testing.T) {
	ctx := context.Background()
	var diags diag.Diagnostics
	var read any
	_ = json.Unmarshal([]byte(`{"operator": "and", "groups": [
	  {"operator": "Or", "name": "identifiers", "sensitivetypes": [{"name": "U.S. Social Security Number (SSN)", "mincount": 1}]}]}`), &read)
	configured := types.ObjectValueMust(conditionAttrTypes, map[string]attr.Value{
		"operator": types.StringValue("And"), "sensitive_types": types.SetNull(sitObjType),
		"groups": types.SetValueMust(groupObjType, []attr.Value{types.ObjectValueMust(groupAttrTypes, map[string]attr.Value{
			"name": types.StringValue("Identifiers"), "operator": types.StringValue("Or"),
			"sensitive_types": sitSet(t, map[string]attr.Value{"name": types.StringValue("U.S. Social Security Number (SSN)")}),
		})}),
	})
	got := readCondition(ctx, read, configured, &diags)
	if diags.HasError() || !got.Equal(configured) {
		t.Fatalf("got %v\nwant %v\n%v", got, configured, diags)
	}
}
