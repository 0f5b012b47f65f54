package purview

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/flex"
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
	if got := flex.FlattenStringSet([]string{"all"}, prior); !got.Equal(prior) {
		t.Errorf("case: %v", got)
	}
	empty := types.SetValueMust(types.StringType, []attr.Value{})
	if got := flex.FlattenStringSet(nil, empty); !got.Equal(empty) {
		t.Errorf("empty: %v", got)
	}
	if got := flex.FlattenStringSet(nil, types.SetNull(types.StringType)); !got.IsNull() {
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
// strings and ids next to names. The state holds all of it, spelled as
// configured; it satisfies the configuration; and import (no prior) reads
// the same values.
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
	want := sitSet(t,
		map[string]attr.Value{"name": types.StringValue("Credit Card Number"), "id": types.StringValue("50842eb7-edc8-4019-85dd-5a5c1f2bb085"),
			"min_count": types.Int64Value(1), "max_count": types.Int64Value(9), "min_confidence": types.Int64Value(85), "max_confidence": types.Int64Value(100)},
		map[string]attr.Value{"name": types.StringValue("U.S. Social Security Number (SSN)"), "id": types.StringValue("A44669FE-0D48-453D-A9B1-2CC83F2CBA77"),
			"min_count": types.Int64Value(1)})
	if st := got.Attributes()["sensitive_types"]; diags.HasError() || !st.Equal(want) {
		t.Fatalf("got %v\nwant %v\n%v", st, want, diags)
	}
	if !conditionSatisfies(ctx, configured, got, &diags) {
		t.Error("the read condition does not satisfy the configured one")
	}
	// Import: the same types and numbers, spelled as the service spells them.
	imported := readCondition(ctx, read, types.ObjectNull(conditionAttrTypes), &diags)
	if !conditionSatisfies(ctx, imported, got, &diags) || !conditionSatisfies(ctx, got, imported, &diags) {
		t.Errorf("imported %v\nrefreshed %v", imported, got)
	}
	// The configuration plans as the stored condition: no diff after import.
	planned := plannedSITs(ctx, configured.Attributes()["sensitive_types"].(types.Set), imported.Attributes()["sensitive_types"].(types.Set), &diags)
	if !planned.Equal(want) {
		t.Errorf("planned %v\nwant %v", planned, want)
	}
	// A changed count is a new element: its computed values are unknown.
	changed := sitSet(t, map[string]attr.Value{"name": types.StringValue("Credit Card Number"), "min_confidence": types.Int64Value(90)},
		map[string]attr.Value{"id": types.StringValue("A44669FE-0D48-453D-A9B1-2CC83F2CBA77")})
	planned = plannedSITs(ctx, changed, got.Attributes()["sensitive_types"].(types.Set), &diags)
	unknowns := 0
	for _, e := range planned.Elements() {
		if e.(types.Object).Attributes()["id"].IsUnknown() {
			unknowns++
		}
	}
	if unknowns != 1 || diags.HasError() {
		t.Errorf("planned %v: want the changed type alone with an unknown id", planned)
	}
}

// A type configured by an id a data source has not read yet pairs with no
// stored type: it could be any of them.
func TestPlannedSITs_unknownIDIsNotPaired(t *testing.T) {
	ctx := context.Background()
	var diags diag.Diagnostics
	stored := sitSet(t, map[string]attr.Value{"name": types.StringValue("U.S. Social Security Number (SSN)"),
		"id": types.StringValue("a44669fe-0d48-453d-a9b1-2cc83f2cba77"), "min_count": types.Int64Value(1)})
	configured := sitSet(t, map[string]attr.Value{"id": types.StringUnknown()})
	planned := plannedSITs(ctx, configured, stored, &diags)
	e := planned.Elements()[0].(types.Object).Attributes()
	if !e["name"].IsUnknown() || !e["min_count"].IsUnknown() {
		t.Errorf("planned %v", planned)
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
	if diags.HasError() || !conditionSatisfies(ctx, configured, got, &diags) {
		t.Fatalf("got %v\nwant %v\n%v", got, configured, diags)
	}
	if got.Attributes()["operator"].(types.String).ValueString() != "And" {
		t.Errorf("operator %v: want the configured spelling", got.Attributes()["operator"])
	}
	g := got.Attributes()["groups"].(types.Set).Elements()[0].(types.Object).Attributes()
	if g["name"].(types.String).ValueString() != "Identifiers" {
		t.Errorf("group name %v: want the configured spelling", g["name"])
	}
}
