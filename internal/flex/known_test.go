package flex

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestFullyKnownLooksInsideCollections(t *testing.T) {
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
		if got := FullyKnown(c.v); got != c.want {
			t.Errorf("%s: FullyKnown = %v, want %v", c.name, got, c.want)
		}
	}
}

func TestKnownIsShallowAndExpandSkipsUnknownElements(t *testing.T) {
	s := types.SetValueMust(types.StringType, []attr.Value{types.StringValue("b"), types.StringUnknown(), types.StringValue("a")})
	if !Known(s) {
		t.Fatal("a set holding an unknown element is itself known")
	}
	var d diag.Diagnostics
	got := ExpandStringSet(context.Background(), s, &d)
	if d.HasError() || len(got) != 2 || got[0] != "a" || got[1] != "b" {
		t.Fatalf("ExpandStringSet = %v, %v; want the known elements [a b] and no error", got, d)
	}
}
