// Package baselinecheck is the Terraform-facing side of the baseline
// catalog (internal/baseline): the baseline_profile and baseline_exceptions
// arguments every governed resource carries, the conversion of a planned or
// stored resource value into a baseline.Object, and the plan-time deviation
// diagnostics. Every resource uses this one package; none restates a rule.
package baselinecheck

import (
	"math/big"
	"strings"

	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/baseline"
)

// The arguments this package adds to every governed resource.
const (
	ProfileAttr    = "baseline_profile"
	ExceptionsAttr = "baseline_exceptions"
)

// globalName is the name of the tenant-wide default instance.
const globalName = "Global"

// ObjectFromValue converts a resource's planned or stored value (tfsdk.Plan.Raw,
// tfsdk.State.Raw) into the baseline.Object the catalog judges: attributes by
// their Terraform names as Go natives (strings, bools, int64 for integral
// numbers and float64 otherwise, []any for lists and sets, map[string]any for
// objects and maps, nil for null, baseline.Unknown for values known only after
// apply; a collection holding an unknown element is Unknown as a whole).
//
// Profile comes from baseline_profile; null leaves it empty (unmarked: a plan
// judges it as staff, and so does an assessment, as the
// baseline package defines). Global is set for the
// Global policy (name "Global") and for singletons: types with neither a name
// nor a display_name attribute, which exist once per tenant. Name is the
// object's name, display name or id. The baseline_* arguments themselves are
// not attributes of the object.
func ObjectFromValue(resourceType string, v tftypes.Value) baseline.Object {
	o := baseline.Object{Resource: resourceType, Attrs: map[string]any{}}
	if v.IsNull() || !v.IsKnown() {
		return o
	}
	var m map[string]tftypes.Value
	if err := v.As(&m); err != nil {
		o.Err = err
		return o
	}
	for k, av := range m {
		if k == ProfileAttr || k == ExceptionsAttr {
			continue
		}
		o.Attrs[k] = native(av)
	}
	if p, ok := knownString(m[ProfileAttr]); ok && p != "" {
		o.Profile = baseline.Profile(p)
	}
	_, hasName := m["name"]
	_, hasDisplayName := m["display_name"]
	name, _ := knownString(m["name"])
	o.Global = (!hasName && !hasDisplayName) || strings.EqualFold(name, globalName)
	if o.Global {
		o.Name = globalName
	} else if name != "" {
		o.Name = name
	} else if dn, ok := knownString(m["display_name"]); ok && dn != "" {
		o.Name = dn
	} else {
		o.Name, _ = knownString(m["id"])
	}
	return o
}

// Exceptions reads baseline_exceptions from a planned or stored value. ok is
// false while the map (or one of its reasons) is unknown.
func Exceptions(v tftypes.Value) (out map[string]baseline.Exception, ok bool) {
	if v.IsNull() || !v.IsKnown() {
		return nil, v.IsKnown()
	}
	var m map[string]tftypes.Value
	if err := v.As(&m); err != nil {
		return nil, true
	}
	ev, present := m[ExceptionsAttr]
	if !present || ev.IsNull() {
		return nil, true
	}
	if !ev.IsKnown() {
		return nil, false
	}
	var reasons map[string]tftypes.Value
	if err := ev.As(&reasons); err != nil {
		return nil, true
	}
	out = make(map[string]baseline.Exception, len(reasons))
	for k, rv := range reasons {
		if !rv.IsKnown() {
			return nil, false
		}
		s, _ := knownString(rv)
		out[k] = baseline.Exception{Reason: s}
	}
	return out, true
}

// Native converts one attribute value as ObjectFromValue does.
func Native(v tftypes.Value) any { return native(v) }

// native converts one attribute value; see ObjectFromValue.
func native(v tftypes.Value) any {
	if !v.IsKnown() {
		return baseline.Unknown
	}
	if v.IsNull() {
		return nil
	}
	t := v.Type()
	switch {
	case t.Is(tftypes.String):
		var s string
		_ = v.As(&s)
		return s
	case t.Is(tftypes.Bool):
		var b bool
		_ = v.As(&b)
		return b
	case t.Is(tftypes.Number):
		var n big.Float
		_ = v.As(&n)
		if n.IsInt() {
			if i, acc := n.Int64(); acc == big.Exact {
				return i
			}
		}
		f, _ := n.Float64()
		return f
	case t.Is(tftypes.List{}), t.Is(tftypes.Set{}), t.Is(tftypes.Tuple{}):
		var elems []tftypes.Value
		_ = v.As(&elems)
		out := make([]any, 0, len(elems))
		for _, e := range elems {
			if !e.IsFullyKnown() {
				return baseline.Unknown
			}
			out = append(out, native(e))
		}
		return out
	case t.Is(tftypes.Map{}), t.Is(tftypes.Object{}):
		var fields map[string]tftypes.Value
		_ = v.As(&fields)
		out := make(map[string]any, len(fields))
		for k, e := range fields {
			out[k] = native(e)
		}
		return out
	}
	return baseline.Unknown
}

// knownString reads a known, non-null string.
func knownString(v tftypes.Value) (string, bool) {
	if !v.IsKnown() || v.IsNull() || !v.Type().Is(tftypes.String) {
		return "", false
	}
	var s string
	if err := v.As(&s); err != nil {
		return "", false
	}
	return s, true
}
