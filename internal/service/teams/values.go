package teams

import (
	"context"
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	dsschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/flex"
)

// getter is what tfsdk.Config, tfsdk.Plan and tfsdk.State have in common.
type getter interface {
	GetAttribute(context.Context, path.Path, any) diag.Diagnostics
}

// setter is tfsdk.State.
type setter interface {
	SetAttribute(context.Context, path.Path, any) diag.Diagnostics
}

// description returns the attribute's documentation, naming the wire
// parameter and the allowed values so docs and errors agree.
func (p Param) description() string {
	d := p.Description + " Maps to `" + p.Name + "`."
	if p.Kind == Enum {
		d += " One of: " + flex.Backticked(p.Values) + "."
	}
	return d
}

// resourceAttribute is the attribute of p in a resource: optional, and
// computed so that a value left out of the configuration is the service's own
// and causes no diff (the resource's ModifyPlan keeps it from state in one
// pass, rather than a plan modifier per attribute: issue 15).
func (p Param) resourceAttribute() schema.Attribute {
	desc := p.description()
	switch p.Kind {
	case Bool:
		return schema.BoolAttribute{Optional: true, Computed: true, MarkdownDescription: desc}
	case Int:
		var v []validator.Int64
		switch {
		case p.Min != nil && p.Max != nil:
			v = append(v, int64validator.Between(*p.Min, *p.Max))
		case p.Min != nil:
			v = append(v, int64validator.AtLeast(*p.Min))
		case p.Max != nil:
			v = append(v, int64validator.AtMost(*p.Max))
		}
		return schema.Int64Attribute{Optional: true, Computed: true, MarkdownDescription: desc, Validators: v}
	case StringList, IDList, DomainList:
		return schema.SetAttribute{ElementType: types.StringType, Optional: true, Computed: true, MarkdownDescription: desc}
	case DomainAllowList:
		return schema.SetAttribute{ElementType: types.StringType, Optional: true, Computed: true, MarkdownDescription: desc,
			Validators: []validator.Set{allowAllKnownDomainsAlone{}}}
	default:
		var v []validator.String
		if p.Kind == Enum {
			v = append(v, stringvalidator.OneOf(p.Values...))
		}
		return schema.StringAttribute{Optional: true, Computed: true, MarkdownDescription: desc, Validators: v}
	}
}

// dataSourceAttribute is the read-only attribute of p in a data source.
func (p Param) dataSourceAttribute() dsschema.Attribute {
	desc := p.description()
	switch p.Kind {
	case Bool:
		return dsschema.BoolAttribute{Computed: true, MarkdownDescription: desc}
	case Int:
		return dsschema.Int64Attribute{Computed: true, MarkdownDescription: desc}
	case StringList, IDList, DomainList, DomainAllowList:
		return dsschema.SetAttribute{ElementType: types.StringType, Computed: true, MarkdownDescription: desc}
	default:
		return dsschema.StringAttribute{Computed: true, MarkdownDescription: desc}
	}
}

// wire reads p from src and returns its JSON value; ok is false when it is
// null or unknown there (not configured: not sent).
func (p Param) wire(ctx context.Context, src getter) (v any, ok bool, diags diag.Diagnostics) {
	at := path.Root(p.Attr)
	switch p.Kind {
	case Bool:
		var b types.Bool
		diags = src.GetAttribute(ctx, at, &b)
		if b.IsNull() || b.IsUnknown() {
			return nil, false, diags
		}
		return b.ValueBool(), true, diags
	case Int:
		var n types.Int64
		diags = src.GetAttribute(ctx, at, &n)
		if n.IsNull() || n.IsUnknown() {
			return nil, false, diags
		}
		return n.ValueInt64(), true, diags
	case StringList, IDList, DomainList, DomainAllowList:
		var s types.Set
		diags = src.GetAttribute(ctx, at, &s)
		if s.IsNull() || s.IsUnknown() {
			return nil, false, diags
		}
		out := []string{}
		diags.Append(s.ElementsAs(ctx, &out, false)...)
		sort.Strings(out)
		switch p.Kind {
		case IDList:
			return objectList(out, "Id"), true, diags
		case DomainList:
			return objectList(out, "Domain"), true, diags
		case DomainAllowList:
			v, err := allowedDomainsWire(out)
			if err != nil {
				diags.AddAttributeError(at, "Invalid "+p.Attr, err.Error())
				return nil, false, diags
			}
			return v, true, diags
		}
		return out, true, diags
	default:
		var s types.String
		diags = src.GetAttribute(ctx, at, &s)
		if s.IsNull() || s.IsUnknown() {
			return nil, false, diags
		}
		return s.ValueString(), true, diags
	}
}

// isList reports whether p is a Terraform set of strings.
func (p Param) isList() bool {
	switch p.Kind {
	case StringList, IDList, DomainList, DomainAllowList:
		return true
	}
	return false
}

// value converts the service's JSON value of p to its Terraform value. A
// list's empty value is decoded as it comes; the resource then applies
// internal/flex's rule to it (emptyAsPrior), the data sources show it as the
// service has it.
func (p Param) value(v any) (attr.Value, error) {
	switch p.Kind {
	case Bool:
		if v == nil {
			return types.BoolNull(), nil
		}
		b, ok := v.(bool)
		if !ok {
			return nil, fmt.Errorf("%s: expected a boolean, got %T", p.Name, v)
		}
		return types.BoolValue(b), nil
	case Int:
		switch n := v.(type) {
		case nil:
			return types.Int64Null(), nil
		case float64:
			if n != math.Trunc(n) {
				return nil, fmt.Errorf("%s: expected a whole number, got %v", p.Name, n)
			}
			return types.Int64Value(int64(n)), nil
		case int64:
			return types.Int64Value(n), nil
		case int:
			return types.Int64Value(int64(n)), nil
		}
		return nil, fmt.Errorf("%s: expected a number, got %T", p.Name, v)
	case StringList:
		// The service answers null or [] for an empty list: both decode as the
		// empty set here; the resource's read makes it null or [] by flex's rule.
		elems := []attr.Value{}
		switch l := v.(type) {
		case nil:
		case []any:
			for _, e := range l {
				s, ok := e.(string)
				if !ok {
					return nil, fmt.Errorf("%s: expected a list of strings, got an element of type %T", p.Name, e)
				}
				elems = append(elems, types.StringValue(s))
			}
		case []string:
			for _, s := range l {
				elems = append(elems, types.StringValue(s))
			}
		case string:
			// Some parameters documented as lists are declared as strings by
			// the PowerShell module; accept "A,B" as well as ["A","B"].
			for _, s := range strings.Split(l, ",") {
				if s = strings.TrimSpace(s); s != "" {
					elems = append(elems, types.StringValue(s))
				}
			}
		default:
			return nil, fmt.Errorf("%s: expected a list, got %T", p.Name, v)
		}
		return types.SetValueMust(types.StringType, elems), nil
	case IDList:
		return objectListValue(p.Name, v, "Id")
	case DomainList:
		return objectListValue(p.Name, v, "Domain")
	case DomainAllowList:
		return allowedDomainsValue(p.Name, v)
	default:
		if v == nil {
			return types.StringNull(), nil
		}
		s, ok := v.(string)
		if !ok {
			return nil, fmt.Errorf("%s: expected a string, got %T", p.Name, v)
		}
		return types.StringValue(s), nil
	}
}

// sameValue reports whether two JSON values of p mean the same.
func (p Param) sameValue(a, b any) bool {
	va, err1 := p.value(a)
	vb, err2 := p.value(b)
	return err1 == nil && err2 == nil && va.Equal(vb)
}
