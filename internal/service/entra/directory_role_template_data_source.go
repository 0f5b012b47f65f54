package entra

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/clients/graph"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/framework"
)

type roleTemplateDataSource struct {
	framework.DataSourceWithConfigure
}

func newRoleTemplateDataSource() datasource.DataSource {
	return &roleTemplateDataSource{framework.NewDataSource("teamshipaa_directory_role_template")}
}

type roleTemplateModel struct {
	DisplayName types.String `tfsdk:"display_name"`
	ID          types.String `tfsdk:"id"`
	Description types.String `tfsdk:"description"`
}

func (d *roleTemplateDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Finds a Microsoft Entra directory role template by display name (for example `Global Administrator`), " +
			"for `conditions.users.include_roles`: role template IDs are the same in every tenant, but a name says what a GUID does not. " +
			"Reads `GET /directoryRoleTemplates`, which needs a Graph application permission that can read the directory's roles " +
			"(`RoleManagement.Read.Directory` or `Directory.Read.All`).",
		Attributes: map[string]schema.Attribute{
			"display_name": schema.StringAttribute{Required: true, MarkdownDescription: "Display name, for example `Global Administrator`, `Security Administrator`."},
			"id":           schema.StringAttribute{Computed: true, MarkdownDescription: "The role template ID (what `include_roles` takes)."},
			"description":  schema.StringAttribute{Computed: true, MarkdownDescription: "Description."},
		},
	}
}

func (d *roleTemplateDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m roleTemplateModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	all, err := d.Client.Graph.ListDirectoryRoleTemplates(ctx)
	if err != nil {
		resp.Diagnostics.AddError("Listing directory role templates", err.Error())
		return
	}
	got, names, err := pick(all, m.DisplayName.ValueString(), func(t graphRoleTemplate) string { return t.DisplayName })
	if err != nil {
		resp.Diagnostics.AddAttributeError(pathDisplayName, "Directory role template not found",
			fmt.Sprintf("Of the %d directory role templates, %v. Some are: %s.", len(names), err, strings.Join(names[:min(len(names), 20)], "; ")))
		return
	}
	m.ID, m.Description = types.StringValue(got.ID), types.StringValue(got.Description)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

type graphRoleTemplate = graph.DirectoryRoleTemplate
