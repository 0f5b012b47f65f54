package flex

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func set(vs ...string) types.Set {
	elems := make([]attr.Value, len(vs))
	for i, v := range vs {
		elems[i] = types.StringValue(v)
	}
	return types.SetValueMust(types.StringType, elems)
}

// The rule: the configuration's null and [] both survive an API that
// answers nothing; a value the service spells in another case keeps the
// configuration's spelling.
func TestFlattenStringSetFollowsTheNullVersusEmptyRule(t *testing.T) {
	null, unknown := types.SetNull(types.StringType), types.SetUnknown(types.StringType)
	for name, c := range map[string]struct {
		got   []string
		prior types.Set
		want  types.Set
	}{
		"empty, prior null: null":            {nil, null, null},
		"empty, prior unknown: null":         {[]string{}, unknown, null},
		"empty, prior []: []":                {nil, set(), set()},
		"empty, prior set: null":             {nil, set("a"), null},
		"values, prior []: values":           {[]string{"a"}, set(), set("a")},
		"prior's spelling kept":              {[]string{"ALL", "b"}, set("All"), set("All", "b")},
		"case duplicates kept once":          {[]string{"a", "A"}, null, set("a")},
		"values, prior null: values as read": {[]string{"X"}, null, set("X")},
	} {
		if got := FlattenStringSet(c.got, c.prior); !got.Equal(c.want) {
			t.Errorf("%s: got %v, want %v", name, got, c.want)
		}
	}
}

func TestExpandStringSetIsSortedAndNilWhenUnset(t *testing.T) {
	ctx := context.Background()
	var d diag.Diagnostics
	if got := ExpandStringSet(ctx, types.SetNull(types.StringType), &d); got != nil {
		t.Errorf("null: %v", got)
	}
	if got := ExpandStringSet(ctx, types.SetUnknown(types.StringType), &d); got != nil {
		t.Errorf("unknown: %v", got)
	}
	if got := ExpandStringSet(ctx, set("b", "a"), &d); len(got) != 2 || got[0] != "a" || got[1] != "b" || d.HasError() {
		t.Errorf("values: %v %v", got, d)
	}
}

func TestFlattenString(t *testing.T) {
	for name, c := range map[string]struct {
		v     string
		prior types.String
		want  types.String
	}{
		"empty, prior null: null":  {"", types.StringNull(), types.StringNull()},
		"empty, prior set: empty":  {"", types.StringValue("x"), types.StringValue("")},
		"prior's spelling kept":    {"ENABLE", types.StringValue("Enable"), types.StringValue("Enable")},
		"other value: as read":     {"Disable", types.StringValue("Enable"), types.StringValue("Disable")},
		"configured empty stays":   {"", types.StringValue(""), types.StringValue("")},
		"value, prior null: value": {"v", types.StringNull(), types.StringValue("v")},
	} {
		if got := FlattenString(c.v, c.prior); !got.Equal(c.want) {
			t.Errorf("%s: got %v, want %v", name, got, c.want)
		}
	}
}

func TestSameStringsIgnoresOrderCaseAndRepeats(t *testing.T) {
	if !SameStrings([]string{"a", "B"}, []string{"b", "A", "a"}) || SameStrings([]string{"a"}, []string{"a", "c"}) {
		t.Error("SameStrings")
	}
}

func TestEmptySetIsNullUnlessPriorWasEmpty(t *testing.T) {
	empty := types.SetValueMust(types.StringType, []attr.Value{})
	one := types.SetValueMust(types.StringType, []attr.Value{types.StringValue("a")})
	for _, tc := range []struct {
		prior types.Set
		want  types.Set
	}{
		{types.SetNull(types.StringType), types.SetNull(types.StringType)},
		{types.SetUnknown(types.StringType), types.SetNull(types.StringType)},
		{one, types.SetNull(types.StringType)},
		{empty, empty},
	} {
		if got := EmptySet(types.StringType, tc.prior); !got.Equal(tc.want) {
			t.Errorf("prior %s: got %s, want %s", tc.prior, got, tc.want)
		}
	}
}
