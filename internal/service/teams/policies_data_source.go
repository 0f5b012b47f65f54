package teams

import (
	"context"
	"sort"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/conns"
)

var _ datasource.DataSourceWithConfigure = (*policiesDataSource)(nil)

// policiesDataSource lists the instances of any supported policy type, so an
// existing tenant's policies can be discovered and imported.
type policiesDataSource struct {
	client *conns.Client
}

func newPoliciesDataSource() datasource.DataSource { return &policiesDataSource{} }

type policiesModel struct {
	Type     types.String     `tfsdk:"type"`
	ID       types.String     `tfsdk:"id"`
	Policies []policyRefModel `tfsdk:"policies"`
}

type policyRefModel struct {
	ID          types.String `tfsdk:"id"`
	Name        types.String `tfsdk:"name"`
	Resource    types.String `tfsdk:"resource_type"`
	ImportID    types.String `tfsdk:"import_id"`
	Description types.String `tfsdk:"description"`
}

func (d *policiesDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_teams_policies"
}

func supportedTypes() []string {
	out := make([]string, 0, len(policyTypes))
	for _, pt := range policyTypes {
		out = append(out, pt.Type)
	}
	sort.Strings(out)
	return out
}

func (d *policiesDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists every instance of one Teams admin policy type (built-in, custom and `Global`), with the resource type " +
			"and import ID that bring each under Terraform." + permissions,
		Attributes: map[string]schema.Attribute{
			"type": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "The Teams admin API type to list. One of: " + backticked(supportedTypes()) + ".",
				Validators:          []validator.String{stringvalidator.OneOf(supportedTypes()...)},
			},
			"id": schema.StringAttribute{Computed: true, MarkdownDescription: "The type listed."},
			"policies": schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: "The instances, sorted by identity.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"id":            schema.StringAttribute{Computed: true, MarkdownDescription: "Identity: `Global` or `Tag:<name>`."},
					"name":          schema.StringAttribute{Computed: true, MarkdownDescription: "Name, without the `Tag:` prefix."},
					"resource_type": schema.StringAttribute{Computed: true, MarkdownDescription: "The teamshipaa resource that manages it."},
					"import_id":     schema.StringAttribute{Computed: true, MarkdownDescription: "The ID to give `terraform import`."},
					"description":   schema.StringAttribute{Computed: true, MarkdownDescription: "Its description, where it has one."},
				}},
			},
		},
	}
}

func (d *policiesDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = conns.FromProviderData(req.ProviderData, &resp.Diagnostics)
}

func (d *policiesDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m policiesModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	var pt *PolicyType
	for _, p := range policyTypes {
		if p.Type == m.Type.ValueString() {
			pt = p
		}
	}
	objs, res, err := d.client.ConfigAPI.List(ctx, pt.Type)
	addWarnings(&resp.Diagnostics, res)
	if err != nil {
		resp.Diagnostics.AddError("Listing "+pt.Type, err.Error())
		return
	}
	sort.Slice(objs, func(i, j int) bool { return objs[i].Identity() < objs[j].Identity() })
	m.ID = m.Type
	m.Policies = make([]policyRefModel, 0, len(objs))
	for _, o := range objs {
		desc, _ := o["Description"].(string)
		m.Policies = append(m.Policies, policyRefModel{
			ID:          types.StringValue(o.Identity()),
			Name:        types.StringValue(nameOf(o.Identity())),
			Resource:    types.StringValue("teamshipaa_" + pt.Resource),
			ImportID:    types.StringValue(nameOf(o.Identity())),
			Description: types.StringValue(desc),
		})
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}
