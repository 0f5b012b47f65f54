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

type authStrengthDataSource struct {
	framework.DataSourceWithConfigure
}

func newAuthStrengthDataSource() datasource.DataSource {
	return &authStrengthDataSource{framework.NewDataSource("teamshipaa_authentication_strength_policy")}
}

type authStrengthModel struct {
	DisplayName         types.String `tfsdk:"display_name"`
	ID                  types.String `tfsdk:"id"`
	Description         types.String `tfsdk:"description"`
	PolicyType          types.String `tfsdk:"policy_type"`
	AllowedCombinations types.Set    `tfsdk:"allowed_combinations"`
}

func (d *authStrengthDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Finds an authentication strength (built-in or custom) by display name, for example " +
			"`Phishing-resistant MFA`, so `grant_controls.authentication_strength_id` needs no pasted GUID. The name matches " +
			"exactly, else ignoring case and hyphens. Needs the Graph application permission `Policy.Read.All`.",
		Attributes: map[string]schema.Attribute{
			"display_name":         schema.StringAttribute{Required: true, MarkdownDescription: "Display name, for example `Phishing-resistant MFA`, `Multifactor authentication`, `Passwordless MFA`."},
			"id":                   schema.StringAttribute{Computed: true, MarkdownDescription: "The authentication strength's ID."},
			"description":          schema.StringAttribute{Computed: true, MarkdownDescription: "Description."},
			"policy_type":          schema.StringAttribute{Computed: true, MarkdownDescription: "`builtIn` or `custom`."},
			"allowed_combinations": schema.SetAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: "Method combinations it accepts."},
		},
	}
}

func (d *authStrengthDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m authStrengthModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	all, err := d.Client.Graph.ListAuthenticationStrengths(ctx)
	if err != nil {
		resp.Diagnostics.AddError("Listing authentication strengths", err.Error())
		return
	}
	name := m.DisplayName.ValueString()
	got, names, err := pick(all, name, func(a graphAuthStrength) string { return a.DisplayName })
	if err != nil {
		resp.Diagnostics.AddAttributeError(pathDisplayName, "Authentication strength not found",
			fmt.Sprintf("Of the tenant's authentication strengths, %v. They are: %s.", err, strings.Join(names, "; ")))
		return
	}
	m.ID, m.Description, m.PolicyType = types.StringValue(got.ID), types.StringValue(got.Description), types.StringValue(got.PolicyType)
	combos, diags := types.SetValueFrom(ctx, types.StringType, nonNil(got.AllowedCombinations))
	resp.Diagnostics.Append(diags...)
	m.AllowedCombinations = combos
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

func nonNil(vs []string) []string {
	if vs == nil {
		return []string{}
	}
	return vs
}

type graphAuthStrength = graph.AuthenticationStrength
