package teams

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/framework"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/transport"
)

// policyDataSource reads one instance of a ConfigAPI policy type.
type policyDataSource struct {
	framework.DataSourceWithConfigure
	pt *PolicyType
}

func newPolicyDataSource(pt *PolicyType) func() datasource.DataSource {
	return func() datasource.DataSource {
		return &policyDataSource{DataSourceWithConfigure: framework.NewDataSource("teamshipaa_" + pt.Resource), pt: pt}
	}
}

func (d *policyDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := map[string]schema.Attribute{
		"id": schema.StringAttribute{Computed: true, MarkdownDescription: "The policy's identity: `Global`, or `Tag:<name>`."},
	}
	if !d.pt.Singleton {
		attrs["name"] = schema.StringAttribute{Required: true, MarkdownDescription: "`Global`, or the name of a custom or built-in policy " +
			"(without the `Tag:` prefix)."}
	}
	for _, p := range d.pt.Params {
		attrs[p.Attr] = p.dataSourceAttribute()
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: fmt.Sprintf("Reads a %s (`%s`) and all of its settings.", d.pt.Title, d.pt.Type) + permissions,
		Attributes:          attrs,
	}
}

func (d *policyDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	name := types.StringValue(globalIdentity)
	if !d.pt.Singleton {
		resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("name"), &name)...)
	}
	if resp.Diagnostics.HasError() {
		return
	}
	id := identity(nameOf(name.ValueString()))
	obj, res, err := d.Client.ConfigAPI.Read(ctx, d.pt.Type, id)
	addWarnings(&resp.Diagnostics, res)
	if err != nil {
		summary := fmt.Sprintf("Reading the %s %q", d.pt.Title, name.ValueString())
		if transport.IsNotFound(err) {
			resp.Diagnostics.AddError(summary, fmt.Sprintf("No %s named %q exists in the tenant.", d.pt.Type, name.ValueString()))
			return
		}
		resp.Diagnostics.AddError(summary, err.Error())
		return
	}
	vals := map[string]tftypes.Value{"id": tftypes.NewValue(tftypes.String, obj.Identity())}
	if !d.pt.Singleton {
		vals["name"] = tftypes.NewValue(tftypes.String, name.ValueString())
	}
	setParams(ctx, d.pt, obj, &resp.State, vals, &resp.Diagnostics)
}
