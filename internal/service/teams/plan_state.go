package teams

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// A policy type has up to 110 parameters. Reading or writing them one
// attribute at a time (GetAttribute, SetAttribute, a UseStateForUnknown plan
// modifier each) costs a walk of the whole object and a copy of the schema's
// attribute map per attribute: quadratic in the parameter count, and most of
// a plan's CPU (issue 15). The helpers here convert the object once.

// computedAttrs are the attributes of r's schema the service computes when
// the configuration leaves them unset: id and every parameter.
func (r *policyResource) computedAttrs() map[string]bool {
	out := make(map[string]bool, len(r.pt.Params)+1)
	out["id"] = true
	for _, p := range r.pt.Params {
		out[p.Attr] = true
	}
	return out
}

// useStateForUnknown is UseStateForUnknown for every computed attribute in
// one pass over the object: on an update, an attribute the configuration
// leaves unset (planned unknown, configured null) keeps its prior state
// value, so the plan shows no diff for values the service chose. On a create
// or destroy the plan is returned as it is; an attribute configured from a
// value known only after apply stays unknown.
func useStateForUnknown(plan, state, config tftypes.Value, computed map[string]bool) (tftypes.Value, error) {
	if plan.IsNull() || !plan.IsKnown() || state.IsNull() || !state.IsKnown() {
		return plan, nil
	}
	var planned, prior, configured map[string]tftypes.Value
	if err := plan.As(&planned); err != nil {
		return plan, err
	}
	if err := state.As(&prior); err != nil {
		return plan, err
	}
	if !config.IsNull() && config.IsKnown() {
		if err := config.As(&configured); err != nil {
			return plan, err
		}
	}
	changed := false
	for name, v := range planned {
		if !computed[name] || v.IsKnown() {
			continue
		}
		if c, ok := configured[name]; ok && !c.IsKnown() {
			continue
		}
		if s, ok := prior[name]; ok {
			planned[name] = s
			changed = true
		}
	}
	if !changed {
		return plan, nil
	}
	return tftypes.NewValue(plan.Type(), planned), nil
}

// setObject writes vals (attribute name to value) into st in one write; the
// attributes vals does not name keep their value in st (null in an empty
// state).
func setObject(ctx context.Context, st *tfsdk.State, vals map[string]tftypes.Value, diags *diag.Diagnostics) {
	typ, ok := st.Schema.Type().TerraformType(ctx).(tftypes.Object)
	if !ok {
		diags.AddError("Writing the state", "the schema is not an object; this is a bug in the provider")
		return
	}
	var cur map[string]tftypes.Value
	if st.Raw.Type() != nil && !st.Raw.IsNull() && st.Raw.IsKnown() {
		if err := st.Raw.As(&cur); err != nil {
			diags.AddError("Writing the state", err.Error())
			return
		}
	}
	out := make(map[string]tftypes.Value, len(typ.AttributeTypes))
	for name, t := range typ.AttributeTypes {
		v, ok := vals[name]
		if !ok {
			v, ok = cur[name]
		}
		if !ok {
			v = tftypes.NewValue(t, nil)
		}
		if !v.Type().Equal(t) {
			diags.AddError("Writing the state", fmt.Sprintf("%s: a value of type %s for an attribute of type %s; this is a bug in the provider", name, v.Type(), t))
			return
		}
		out[name] = v
	}
	st.Raw = tftypes.NewValue(typ, out)
}
