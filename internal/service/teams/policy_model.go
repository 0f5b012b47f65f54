package teams

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/clients/configapi"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/flex"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/framework"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/service/existing"
)

// policyModel is a policy resource's plan or state. A policy type's schema
// is built from its parameter table, so there is no struct to reflect into:
// the model is the object's attributes, converted from and to Terraform's
// value in one pass each (tftypes.ValueConverter and ValueCreator), never an
// attribute at a time (plan_state.go, issue 15).
type policyModel struct {
	attrs map[string]tftypes.Value
}

// FromTerraform5Value is how tfsdk's Get fills the model.
func (m *policyModel) FromTerraform5Value(v tftypes.Value) error {
	m.attrs = nil
	if v.IsNull() || !v.IsKnown() {
		return nil
	}
	return v.As(&m.attrs)
}

// ToTerraform5Value is how tfsdk's Set reads the model.
func (m *policyModel) ToTerraform5Value() (any, error) {
	return m.attrs, nil
}

// str is the string attribute name, "" when null, unknown or absent.
func (m *policyModel) str(name string) string {
	var s string
	if v, ok := m.attrs[name]; ok && v.IsKnown() && !v.IsNull() {
		_ = v.As(&s) // a string attribute by the schema
	}
	return s
}

func (m *policyModel) id() types.String {
	if s := m.str("id"); s != "" {
		return types.StringValue(s)
	}
	return types.StringNull()
}

// identity is the ConfigAPI identity the model's name gives (Global for a
// singleton, which has no name).
func (m *policyModel) identity() string {
	if _, ok := m.attrs["name"]; !ok {
		return globalIdentity
	}
	return identity(m.str("name"))
}

// adopt is adopt_existing.
func (m *policyModel) adopt() bool {
	var b bool
	if v, ok := m.attrs[existing.Attr]; ok && v.IsKnown() && !v.IsNull() {
		_ = v.As(&b)
	}
	return b
}

// timeouts is the timeouts block.
func (m *policyModel) timeouts(ctx context.Context) timeouts.Value {
	t := framework.NullTimeouts()
	v, ok := m.attrs["timeouts"]
	if !ok {
		return t
	}
	got, err := types.ObjectType{AttrTypes: t.AttributeTypes(ctx)}.ValueFromTerraform(ctx, v)
	if o, isObj := got.(types.Object); err == nil && isObj {
		t.Object = o
	}
	return t
}

// GetAttribute reads the root attribute p of the model into target (a
// types.Bool, Int64, String or Set pointer), so a model is a getter for
// Param.wire like a plan or a state.
func (m *policyModel) GetAttribute(ctx context.Context, p path.Path, target any) diag.Diagnostics {
	var diags diag.Diagnostics
	v, ok := m.attrs[p.String()]
	if !ok {
		diags.AddAttributeError(p, "Reading the model", "no such attribute; this is a bug in the provider")
		return diags
	}
	var err error
	switch t := target.(type) {
	case *types.Bool:
		err = assign(ctx, types.BoolType, v, t)
	case *types.Int64:
		err = assign(ctx, types.Int64Type, v, t)
	case *types.String:
		err = assign(ctx, types.StringType, v, t)
	case *types.Set:
		err = assign(ctx, types.SetType{ElemType: types.StringType}, v, t)
	default:
		err = fmt.Errorf("cannot read into %T", target)
	}
	if err != nil {
		diags.AddAttributeError(p, "Reading the model", err.Error()+"; this is a bug in the provider")
	}
	return diags
}

// assign sets *target to v as a value of typ.
func assign[T attr.Value](ctx context.Context, typ attr.Type, v tftypes.Value, target *T) error {
	a, err := typ.ValueFromTerraform(ctx, v)
	if err != nil {
		return err
	}
	t, ok := a.(T)
	if !ok {
		return fmt.Errorf("a %T where a %T was expected", a, t)
	}
	*target = t
	return nil
}

// flatten is the model of obj read back: prior's attributes (timeouts,
// adopt_existing and the baseline arguments, which the service does not
// hold), with the identity and every modelled parameter as obj has them. An
// attribute still unknown in prior is null. A parameter the service answers
// in an unexpected shape is an error and keeps prior's value.
func (r *policyResource) flatten(ctx context.Context, obj configapi.Object, prior *policyModel, diags *diag.Diagnostics) *policyModel {
	out := &policyModel{attrs: make(map[string]tftypes.Value, len(prior.attrs))}
	for name, v := range prior.attrs {
		if !v.IsKnown() {
			v = tftypes.NewValue(v.Type(), nil)
		}
		out.attrs[name] = v
	}
	for name, v := range r.identityValues(obj) {
		out.attrs[name] = v
	}
	paramValues(ctx, r.pt, obj, out.attrs, diags)
	for _, p := range r.pt.Params {
		if p.isList() {
			out.attrs[p.Attr] = emptyAsPrior(ctx, out.attrs[p.Attr], prior.attrs[p.Attr], diags)
		}
	}
	return out
}

// emptyAsPrior applies internal/flex's rule to a list parameter read from
// the service: an empty set is null unless prior was [] (flex.EmptySet).
// State written before the rule held [] for a list the configuration left
// out; a read keeps that [] as prior, so that state plans without a diff.
func emptyAsPrior(ctx context.Context, got, prior tftypes.Value, diags *diag.Diagnostics) tftypes.Value {
	var elems []tftypes.Value
	if !got.IsKnown() || got.IsNull() || got.As(&elems) != nil || len(elems) > 0 {
		return got
	}
	var p types.Set
	if prior.Type() != nil {
		if err := assign(ctx, types.SetType{ElemType: types.StringType}, prior, &p); err != nil {
			diags.AddError("Reading the prior state", err.Error()+"; this is a bug in the provider")
			return got
		}
	}
	v, err := flex.EmptySet(types.StringType, p).ToTerraformValue(ctx)
	if err != nil {
		diags.AddError("Writing the state", err.Error()+"; this is a bug in the provider")
		return got
	}
	return v
}

// identityValues are the id and (but for a singleton) the name of obj.
func (r *policyResource) identityValues(obj configapi.Object) map[string]tftypes.Value {
	vals := map[string]tftypes.Value{"id": tftypes.NewValue(tftypes.String, obj.Identity())}
	if !r.pt.Singleton {
		vals["name"] = tftypes.NewValue(tftypes.String, nameOf(obj.Identity()))
	}
	return vals
}
