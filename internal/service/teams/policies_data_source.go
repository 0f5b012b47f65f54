package teams

import (
	"context"
	"slices"
	"sort"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/flex"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/framework"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/service/importblock"
)

// policiesDataSource lists the instances of any supported policy type, and
// their group and tenant-wide assignments, with the import blocks that
// bring them under Terraform.
type policiesDataSource struct {
	framework.DataSourceWithConfigure
}

func newPoliciesDataSource() datasource.DataSource {
	return &policiesDataSource{framework.NewDataSource("teamshipaa_teams_policies")}
}

type policiesModel struct {
	Type         types.String         `tfsdk:"type"`
	ID           types.String         `tfsdk:"id"`
	Policies     []policyRefModel     `tfsdk:"policies"`
	Assignments  []assignmentRefModel `tfsdk:"assignments"`
	ImportBlocks types.String         `tfsdk:"import_blocks"`
}

type policyRefModel struct {
	ID          types.String `tfsdk:"id"`
	Name        types.String `tfsdk:"name"`
	Resource    types.String `tfsdk:"resource_type"`
	ImportID    types.String `tfsdk:"import_id"`
	Description types.String `tfsdk:"description"`
	BuiltIn     types.Bool   `tfsdk:"built_in"`
	ImportBlock types.String `tfsdk:"import_block"`
}

type assignmentRefModel struct {
	PolicyName  types.String `tfsdk:"policy_name"`
	GroupID     types.String `tfsdk:"group_id"`
	Rank        types.Int64  `tfsdk:"rank"`
	ImportID    types.String `tfsdk:"import_id"`
	ImportBlock types.String `tfsdk:"import_block"`
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
		MarkdownDescription: "Lists every instance of one Teams admin policy type (`Global`, Microsoft's presets and custom policies) and, " +
			"for the assignable types, its group assignments and a tenant-wide default other than `Global`, each with the resource type, " +
			"import ID and a ready `import` block. `import_blocks` joins the blocks of everything but Microsoft's presets: write it to a " +
			"file and run `terraform plan -generate-config-out=generated.tf` to adopt an existing tenant." + permissions,
		Attributes: map[string]schema.Attribute{
			"type": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "The Teams admin API type to list. One of: " + flex.Backticked(supportedTypes()) + ".",
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
					"import_id":     schema.StringAttribute{Computed: true, MarkdownDescription: "The ID to import it with."},
					"description":   schema.StringAttribute{Computed: true, MarkdownDescription: "Its description, where it has one."},
					"built_in": schema.BoolAttribute{Computed: true, MarkdownDescription: "One of Microsoft's preset policies (for meeting " +
						"policies `AllOn`, `RestrictedAnonymousAccess`, `AllOff`, `RestrictedAnonymousNoRecording`, `Default`, `Kiosk`; " +
						"for messaging policies `Default`), or described by Microsoft as \"Do not assign\". `Global`, the org-wide " +
						"default every tenant has, is not marked: adopting it is the usual first step."},
					"import_block": schema.StringAttribute{Computed: true, MarkdownDescription: "An `import` block for it."},
				}},
			},
			"assignments": schema.ListNestedAttribute{
				Computed: true,
				MarkdownDescription: "Group assignments of this type in rank order, then the tenant-wide default when it is not " +
					"`Global` (no `group_id`); empty for the types that cannot be assigned.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"policy_name":  schema.StringAttribute{Computed: true, MarkdownDescription: "The policy assigned."},
					"group_id":     schema.StringAttribute{Computed: true, MarkdownDescription: "The group; null for the tenant-wide default."},
					"rank":         schema.Int64Attribute{Computed: true, MarkdownDescription: "The group assignment's rank; null for the tenant-wide default."},
					"import_id":    schema.StringAttribute{Computed: true, MarkdownDescription: "The `teamshipaa_policy_assignment` import ID."},
					"import_block": schema.StringAttribute{Computed: true, MarkdownDescription: "An `import` block for it."},
				}},
			},
			"import_blocks": schema.StringAttribute{Computed: true, MarkdownDescription: "The `import` blocks of every policy " +
				"but Microsoft's presets, and of every assignment, blank-line separated."},
		},
	}
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
	objs, res, err := d.Client.ConfigAPI.List(ctx, pt.Type)
	addWarnings(&resp.Diagnostics, res)
	if err != nil {
		resp.Diagnostics.AddError("Listing "+pt.Type, err.Error())
		return
	}
	sort.Slice(objs, func(i, j int) bool { return objs[i].Identity() < objs[j].Identity() })

	var items []importblock.Item
	var builtIn []bool
	m.Policies = make([]policyRefModel, 0, len(objs))
	for _, o := range objs {
		desc, _ := o["Description"].(string)
		name := nameOf(o.Identity())
		preset := o.Identity() != globalIdentity && isPreset(pt.Type, name, desc)
		m.Policies = append(m.Policies, policyRefModel{
			ID:          types.StringValue(o.Identity()),
			Name:        types.StringValue(name),
			Resource:    types.StringValue("teamshipaa_" + pt.Resource),
			ImportID:    types.StringValue(name),
			Description: types.StringValue(desc),
			BuiltIn:     types.BoolValue(preset),
		})
		label := name
		if pt.Singleton {
			label = "this"
		}
		items = append(items, importblock.Item{Resource: "teamshipaa_" + pt.Resource, Name: label, ID: name})
		builtIn = append(builtIn, preset)
	}

	m.Assignments = []assignmentRefModel{}
	if slices.Contains(assignableTypes, pt.Type) {
		if !tenantOnlyTypes[pt.Type] {
			as, res, err := d.Client.ConfigAPI.ListGroupAssignments(ctx, pt.Type)
			addWarnings(&resp.Diagnostics, res)
			if err != nil {
				resp.Diagnostics.AddError("Listing the group assignments of "+pt.Type, err.Error())
				return
			}
			sort.SliceStable(as, func(i, j int) bool { return as[i].Rank < as[j].Rank })
			for _, a := range as {
				id := pt.Type + "/" + a.GroupID
				m.Assignments = append(m.Assignments, assignmentRefModel{PolicyName: types.StringValue(a.PolicyName),
					GroupID: types.StringValue(a.GroupID), Rank: types.Int64Value(a.Rank), ImportID: types.StringValue(id)})
				items = append(items, importblock.Item{Resource: "teamshipaa_policy_assignment", Name: pt.Resource + " " + a.PolicyName + " " + a.GroupID, ID: id})
				builtIn = append(builtIn, false)
			}
		}
		name, res, err := d.Client.ConfigAPI.GetTenantAssignment(ctx, pt.Type)
		addWarnings(&resp.Diagnostics, res)
		if err != nil {
			resp.Diagnostics.AddError("Reading the tenant-wide default "+pt.Type, err.Error())
			return
		}
		if name != globalIdentity {
			id := pt.Type + "/" + tenantAssignmentK
			m.Assignments = append(m.Assignments, assignmentRefModel{PolicyName: types.StringValue(name),
				GroupID: types.StringNull(), Rank: types.Int64Null(), ImportID: types.StringValue(id)})
			items = append(items, importblock.Item{Resource: "teamshipaa_policy_assignment", Name: pt.Resource + " tenant default", ID: id})
			builtIn = append(builtIn, false)
		}
	}

	each, all := importblock.Blocks(items, func(i int) bool { return builtIn[i] })
	for i := range m.Policies {
		m.Policies[i].ImportBlock = types.StringValue(each[i])
	}
	for i := range m.Assignments {
		m.Assignments[i].ImportBlock = types.StringValue(each[len(m.Policies)+i])
	}
	m.ID = m.Type
	m.ImportBlocks = types.StringValue(all)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}
