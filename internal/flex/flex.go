// Package flex converts between the values the APIs send and receive and
// Terraform's values, under one rule for null versus empty that every
// resource follows (the aws provider's internal/framework/flex is the model):
//
//	The configuration's choice wins: null stays null and [] stays []. From
//	the API, an empty value reads as null, unless the prior value (the plan,
//	or the state before the read) was empty but not null.
//
// So an attribute left out never diffs against an API that answers [] or
// nothing, and one written as [] never diffs against an API that answers
// nothing. Each function's comment says how it applies the rule.
//
// State written before a resource followed the rule (the Teams policy
// resources stored every empty list as []) needs no exception: a read takes
// the state as the prior value, so its [] stays [] and plans no change;
// only new objects, and lists the configuration leaves out of them, read as
// null. The Teams policy data sources, which have no configuration or
// prior value, keep showing an empty list as [].
package flex

import (
	"context"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
)

// Known reports whether v holds a value: neither null nor unknown. A set or
// list can be known while an element is not (ip_ranges =
// [terraform_data.x.output] at plan time): FullyKnown says whether every
// element is known too.
func Known(v attr.Value) bool { return v != nil && !v.IsNull() && !v.IsUnknown() }

// FullyKnown reports whether v is Known and, for a set, list or map, every
// element is known as well (recursively).
func FullyKnown(v attr.Value) bool {
	if !Known(v) {
		return false
	}
	for _, e := range elementsOf(v) {
		if e.IsUnknown() || (!e.IsNull() && !FullyKnown(e)) {
			return false
		}
	}
	return true
}

// elementsOf is the elements of a set, list or map; nil for anything else.
func elementsOf(v attr.Value) []attr.Value {
	switch c := v.(type) {
	case basetypes.SetValue:
		return c.Elements()
	case basetypes.ListValue:
		return c.Elements()
	case basetypes.MapValue:
		var out []attr.Value
		for _, e := range c.Elements() {
			out = append(out, e)
		}
		return out
	}
	return nil
}

// ExpandStringSet is what a set of strings sends: its elements, sorted (so
// requests do not depend on set order); nil for null, unknown or empty.
// Elements known only at apply are left out: at plan time what is known can
// be checked, and at apply every element is known.
func ExpandStringSet(ctx context.Context, s types.Set, diags *diag.Diagnostics) []string {
	if !Known(s) {
		return nil
	}
	if !FullyKnown(s) {
		var out []string
		for _, e := range s.Elements() {
			if v, ok := e.(types.String); ok && Known(v) {
				out = append(out, v.ValueString())
			}
		}
		slices.Sort(out)
		return out
	}
	var out []string
	diags.Append(s.ElementsAs(ctx, &out, false)...)
	slices.Sort(out)
	return out
}

// FlattenStringSet is the value of a set of strings the API returned. Empty
// is null, unless prior is an empty set (the configuration said []): the
// rule above. An element equal, ignoring case, to one in prior keeps prior's
// spelling, so an id or keyword the service returns in another case is not
// a change; elements that differ only in case are kept once.
func FlattenStringSet(got []string, prior types.Set) types.Set {
	if len(got) == 0 {
		return EmptySet(types.StringType, prior)
	}
	var spelled []string
	if Known(prior) {
		for _, e := range prior.Elements() {
			if s, ok := e.(types.String); ok && Known(s) {
				spelled = append(spelled, s.ValueString())
			}
		}
	}
	seen := map[string]bool{}
	elems := make([]attr.Value, 0, len(got))
	for _, g := range got {
		for _, p := range spelled {
			if strings.EqualFold(p, g) {
				g = p
				break
			}
		}
		if k := strings.ToLower(g); !seen[k] {
			seen[k] = true
			elems = append(elems, types.StringValue(g))
		}
	}
	return types.SetValueMust(types.StringType, elems)
}

// EmptySet is the value of a set the API returned empty (null or []): null,
// unless prior is an empty set (the configuration said [], or the state
// held [] before the read): the rule above. For a resource that builds its
// sets itself (the Teams policy tables decode the service's JSON per
// parameter kind) and applies the rule to an empty result.
func EmptySet(elemType attr.Type, prior types.Set) types.Set {
	if Known(prior) && len(prior.Elements()) == 0 {
		return types.SetValueMust(elemType, []attr.Value{})
	}
	return types.SetNull(elemType)
}

// ExpandString is what a string sends: "" for null or unknown.
func ExpandString(v types.String) string {
	if !Known(v) {
		return ""
	}
	return v.ValueString()
}

// FlattenString is the value of a string the API returned: "" is null
// unless prior was set (a configured "" stays ""), and a value equal to
// prior ignoring case keeps prior's spelling.
func FlattenString(v string, prior types.String) types.String {
	if Known(prior) && strings.EqualFold(prior.ValueString(), v) {
		return prior
	}
	if v == "" && !Known(prior) {
		return types.StringNull()
	}
	return types.StringValue(v)
}

// StringOrNull is the value of a string the API returned where no prior
// value matters (an id, a computed attribute): "" is null.
func StringOrNull(s string) types.String {
	if s == "" {
		return types.StringNull()
	}
	return types.StringValue(s)
}

// SameStrings reports whether two lists hold the same values, as sets,
// ignoring case.
func SameStrings(a, b []string) bool {
	norm := func(vs []string) []string {
		out := make([]string, 0, len(vs))
		for _, v := range vs {
			out = append(out, strings.ToLower(v))
		}
		slices.Sort(out)
		return slices.Compact(out)
	}
	return slices.Equal(norm(a), norm(b))
}

// Backticked renders values as `a`, `b`, `c`, for descriptions.
func Backticked(vs []string) string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = "`" + v + "`"
	}
	return strings.Join(out, ", ")
}
