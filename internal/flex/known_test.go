package flex

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestKnownLooksInsideCollections(t *testing.T) {
	unknownElem := types.SetValueMust(types.StringType, []attr.Value{types.StringValue("a"), types.StringUnknown()})
	cases := []struct {
		name string
		v    attr.Value
		want bool
	}{
		{"null string", types.StringNull(), false},
		{"unknown string", types.StringUnknown(), false},
		{"string", types.StringValue("x"), true},
		{"empty set", types.SetValueMust(types.StringType, nil), true},
		{"known set", types.SetValueMust(types.StringType, []attr.Value{types.StringValue("a")}), true},
		{"set with an unknown element", unknownElem, false},
		{"list with an unknown element", types.ListValueMust(types.StringType, []attr.Value{types.StringUnknown()}), false},
		{"map with an unknown element", types.MapValueMust(types.StringType, map[string]attr.Value{"k": types.StringUnknown()}), false},
		{"list of sets, one unknown inside", types.ListValueMust(types.SetType{ElemType: types.StringType}, []attr.Value{unknownElem}), false},
	}
	for _, c := range cases {
		if got := Known(c.v); got != c.want {
			t.Errorf("%s: Known = %v, want %v", c.name, got, c.want)
		}
	}
}
