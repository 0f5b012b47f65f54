package protoserver

import (
	"context"
	"reflect"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/attr/xattr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/defaults"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// defaulted is an attribute with a Default, reached from the root through
// single nested attributes only (names is its path, path the same as the
// framework's, built once).
type defaulted struct {
	names []string
	path  path.Path
	attr  schema.Attribute
}

// Why a Default may stand in a schema the plan shortcut serves: the
// framework's first plan step, TransformDefaults (internal/fwschemadata
// data_default.go, v1.19.0), walks the proposed state with tftypes.Transform
// (which does not descend into a null object) and, where the configuration
// is null at the same path (a null parent included: ValueAtPath reads
// tftypes.ErrInvalidStep as null), sets the attribute to its default. When
// every such default equals the prior value the plan is unchanged, and the
// framework's next step (MarkComputedNilsAsUnknown) runs only if the plan
// differs from the prior state: the answer is still the prior state.
// defaultsUnchanged checks exactly that, calling the defaults as the
// framework does; a default that would change the plan, or reports a
// diagnostic, leaves the plan to the framework, as does a configured value
// the type's Validate (which ValueAtPath runs) reports on. Only defaults
// whose path has no list, set or map (positions the framework resolves
// through the configuration) and whose value type does not validate itself
// are allowed; Unsupported keeps out the rest.

// defaultedAttrs lists the Defaults of s, or says why one keeps s out.
func defaultedAttrs(ctx context.Context, s schema.Schema) ([]defaulted, string) {
	var out []defaulted
	var walk func(names []string, attrs map[string]schema.Attribute) string
	walk = func(names []string, attrs map[string]schema.Attribute) string {
		for name, a := range attrs {
			p := append(append([]string(nil), names...), name)
			if hasDefault(a) {
				if why := supportedDefault(ctx, a); why != "" {
					return strings.Join(p, ".") + ": " + why
				}
				out = append(out, defaulted{names: p, path: attrPath(p), attr: a})
				continue
			}
			if n, ok := a.(schema.SingleNestedAttribute); ok {
				if why := walk(p, n.Attributes); why != "" {
					return why
				}
			}
		}
		return ""
	}
	if why := walk(nil, s.Attributes); why != "" {
		return nil, why
	}
	return out, ""
}

// attrPath is the framework's path of the attribute at names.
func attrPath(names []string) path.Path {
	p := path.Root(names[0])
	for _, n := range names[1:] {
		p = p.AtName(n)
	}
	return p
}

func hasDefault(a any) bool {
	v := reflect.ValueOf(a)
	if v.Kind() == reflect.Pointer {
		v = v.Elem()
	}
	if v.Kind() != reflect.Struct {
		return false
	}
	d := v.FieldByName("Default")
	return d.IsValid() && d.Kind() == reflect.Interface && !d.IsNil()
}

// supportedDefault says why the Default of a cannot be checked here.
func supportedDefault(ctx context.Context, a schema.Attribute) string {
	switch a.(type) {
	case schema.BoolAttribute, schema.StringAttribute, schema.Int64Attribute, schema.Float64Attribute,
		schema.SetAttribute, schema.ListAttribute, schema.MapAttribute:
	default:
		return "has a Default of a kind not checked here"
	}
	// A type's Validate is run as the framework runs it (defaultsUnchanged);
	// a value's ValidateAttribute is not.
	if _, ok := a.GetType().ValueType(ctx).(xattr.ValidateableAttribute); ok {
		return "has a Default and a value type that validates itself"
	}
	return ""
}

// defaultsUnchanged says whether the framework's TransformDefaults leaves
// state (the proposed new state) as it is, given config.
func defaultsUnchanged(ctx context.Context, ds []defaulted, state, config tftypes.Value) bool {
	for _, d := range ds {
		cur, visited := valueAt(state, d.names)
		if !visited {
			continue // under a null object: not visited
		}
		p := d.path
		cv, _ := valueAt(config, d.names)
		// ValueAtPath runs the type's Validate on the configured value.
		//nolint:staticcheck // deprecated, but the framework still runs it
		if tv, ok := d.attr.GetType().(xattr.TypeWithValidate); ok && len(tv.Validate(ctx, cv, p)) > 0 {
			return false
		}
		if !cv.IsNull() {
			continue // configured: kept
		}
		dv, diags := defaultValue(ctx, d.attr, p)
		if len(diags) > 0 || dv == nil { // diagnostics: the framework's to report
			return false
		}
		tv, err := dv.ToTerraformValue(ctx)
		if err != nil || !tv.Equal(cur) {
			return false
		}
	}
	return true
}

// valueAt is v's attribute at names; visited is false when an object on
// the way is null (or v is not an object), and the value is then null.
func valueAt(v tftypes.Value, names []string) (tftypes.Value, bool) {
	for _, n := range names {
		if v.IsNull() || !v.IsKnown() || !v.Type().Is(tftypes.Object{}) {
			return tftypes.Value{}, false
		}
		var attrs map[string]tftypes.Value
		if err := v.As(&attrs); err != nil {
			return tftypes.Value{}, false
		}
		v = attrs[n]
	}
	return v, true
}

// defaultValue calls the attribute's Default as TransformDefaults does.
func defaultValue(ctx context.Context, a schema.Attribute, p path.Path) (attr.Value, diag.Diagnostics) {
	switch a := a.(type) {
	case schema.BoolAttribute:
		var resp defaults.BoolResponse
		a.Default.DefaultBool(ctx, defaults.BoolRequest{Path: p}, &resp)
		return resp.PlanValue, resp.Diagnostics
	case schema.StringAttribute:
		var resp defaults.StringResponse
		a.Default.DefaultString(ctx, defaults.StringRequest{Path: p}, &resp)
		return resp.PlanValue, resp.Diagnostics
	case schema.Int64Attribute:
		var resp defaults.Int64Response
		a.Default.DefaultInt64(ctx, defaults.Int64Request{Path: p}, &resp)
		return resp.PlanValue, resp.Diagnostics
	case schema.Float64Attribute:
		var resp defaults.Float64Response
		a.Default.DefaultFloat64(ctx, defaults.Float64Request{Path: p}, &resp)
		return resp.PlanValue, resp.Diagnostics
	case schema.SetAttribute:
		var resp defaults.SetResponse
		a.Default.DefaultSet(ctx, defaults.SetRequest{Path: p}, &resp)
		return resp.PlanValue, resp.Diagnostics
	case schema.ListAttribute:
		var resp defaults.ListResponse
		a.Default.DefaultList(ctx, defaults.ListRequest{Path: p}, &resp)
		return resp.PlanValue, resp.Diagnostics
	case schema.MapAttribute:
		var resp defaults.MapResponse
		a.Default.DefaultMap(ctx, defaults.MapRequest{Path: p}, &resp)
		return resp.PlanValue, resp.Diagnostics
	}
	return nil, nil
}
