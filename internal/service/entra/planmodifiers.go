package entra

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/clients/graph"
)

// configKind is the named location kind the configuration describes.
func configKind(ctx context.Context, get func(context.Context, path.Path, any) error) string {
	var countries types.Set
	if get(ctx, path.Root("countries_and_regions"), &countries) == nil && !countries.IsNull() {
		return graph.KindCountry
	}
	return graph.KindIP
}

// kindDefaultBool plans false for an attribute left out of a location of its
// kind, and null for a location of the other kind (where Graph has no such field).
type kindDefaultBool struct{ kind string }

func (m kindDefaultBool) Description(context.Context) string {
	return "false for " + m.kind + " locations, null otherwise"
}
func (m kindDefaultBool) MarkdownDescription(ctx context.Context) string { return m.Description(ctx) }
func (m kindDefaultBool) PlanModifyBool(ctx context.Context, req planmodifier.BoolRequest, resp *planmodifier.BoolResponse) {
	if !req.ConfigValue.IsNull() {
		return
	}
	get := func(ctx context.Context, p path.Path, v any) error {
		if d := req.Config.GetAttribute(ctx, p, v); d.HasError() {
			return fmt.Errorf("%v", d)
		}
		return nil
	}
	if configKind(ctx, get) == m.kind {
		resp.PlanValue = types.BoolValue(false)
	} else {
		resp.PlanValue = types.BoolNull()
	}
}

// kindDefaultString is kindDefaultBool for a string with a default value.
type kindDefaultString struct{ kind, value string }

func (m kindDefaultString) Description(context.Context) string {
	return fmt.Sprintf("%q for %s locations, null otherwise", m.value, m.kind)
}
func (m kindDefaultString) MarkdownDescription(ctx context.Context) string { return m.Description(ctx) }
func (m kindDefaultString) PlanModifyString(ctx context.Context, req planmodifier.StringRequest, resp *planmodifier.StringResponse) {
	if !req.ConfigValue.IsNull() {
		return
	}
	get := func(ctx context.Context, p path.Path, v any) error {
		if d := req.Config.GetAttribute(ctx, p, v); d.HasError() {
			return fmt.Errorf("%v", d)
		}
		return nil
	}
	if configKind(ctx, get) == m.kind {
		resp.PlanValue = types.StringValue(m.value)
	} else {
		resp.PlanValue = types.StringNull()
	}
}
