package entra

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/clients/graph"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/conns"
)

// looseName folds case and treats hyphens as spaces, so "Phishing-resistant
// MFA" (the portal) finds "Phishing resistant MFA" (Graph's documentation).
func looseName(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(strings.ReplaceAll(s, "-", " "))), " ")
}

// pick finds the one item named name: an exact match first, then a loose one.
func pick[T any](items []T, name string, nameOf func(T) string) (T, []string, error) {
	var zero T
	var names []string
	var exact, loose []T
	for _, it := range items {
		n := nameOf(it)
		names = append(names, n)
		switch {
		case n == name:
			exact = append(exact, it)
		case looseName(n) == looseName(name):
			loose = append(loose, it)
		}
	}
	for _, set := range [][]T{exact, loose} {
		switch len(set) {
		case 0:
			continue
		case 1:
			return set[0], names, nil
		default:
			return zero, names, fmt.Errorf("%d objects are named %q", len(set), name)
		}
	}
	return zero, names, fmt.Errorf("none is named %q", name)
}

// ---- teamshipaa_authentication_strength_policy ----

type authStrengthDataSource struct{ client *conns.Client }

func newAuthStrengthDataSource() datasource.DataSource { return &authStrengthDataSource{} }

type authStrengthModel struct {
	DisplayName         types.String `tfsdk:"display_name"`
	ID                  types.String `tfsdk:"id"`
	Description         types.String `tfsdk:"description"`
	PolicyType          types.String `tfsdk:"policy_type"`
	AllowedCombinations types.Set    `tfsdk:"allowed_combinations"`
}

func (d *authStrengthDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_authentication_strength_policy"
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

func (d *authStrengthDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = conns.FromProviderData(req.ProviderData, &resp.Diagnostics)
}

func (d *authStrengthDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m authStrengthModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	all, err := d.client.Graph.ListAuthenticationStrengths(ctx)
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

// ---- teamshipaa_directory_role_template ----

type roleTemplateDataSource struct{ client *conns.Client }

func newRoleTemplateDataSource() datasource.DataSource { return &roleTemplateDataSource{} }

type roleTemplateModel struct {
	DisplayName types.String `tfsdk:"display_name"`
	ID          types.String `tfsdk:"id"`
	Description types.String `tfsdk:"description"`
}

func (d *roleTemplateDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_directory_role_template"
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

func (d *roleTemplateDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = conns.FromProviderData(req.ProviderData, &resp.Diagnostics)
}

func (d *roleTemplateDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m roleTemplateModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	all, err := d.client.Graph.ListDirectoryRoleTemplates(ctx)
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

func nonNil(vs []string) []string {
	if vs == nil {
		return []string{}
	}
	return vs
}

type (
	graphAuthStrength = graph.AuthenticationStrength
	graphRoleTemplate = graph.DirectoryRoleTemplate
)

var pathDisplayName = path.Root("display_name")
