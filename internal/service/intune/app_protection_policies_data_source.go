package intune

import (
	"context"
	"sort"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/clients/graph"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/framework"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/service/importblock"
)

// teamshipaa_ios_app_protection_policies and _android_app_protection_policies
// list a tenant's app protection policies with the import blocks that adopt
// them (the shape of the other list data sources: items with id,
// display_name, detail, built_in and import_block; import_blocks).

// builtInNote: Microsoft creates no iosManagedAppProtection or
// androidManagedAppProtection; the tenant-wide defaults Intune keeps are
// defaultManagedAppProtection objects, a different collection
// (/deviceAppManagement/defaultManagedAppProtections) these lists do not read.
const builtInNote = "Always false: Microsoft creates no app protection policies in this collection (Intune's tenant-wide " +
	"defaults are `defaultManagedAppProtection` objects, a different Graph collection)."

type policyItemModel struct {
	ID          types.String `tfsdk:"id"`
	DisplayName types.String `tfsdk:"display_name"`
	Description types.String `tfsdk:"description"`
	Detail      types.String `tfsdk:"detail"`
	BuiltIn     types.Bool   `tfsdk:"built_in"`
	ImportBlock types.String `tfsdk:"import_block"`
}

type policiesModel struct {
	ID           types.String      `tfsdk:"id"`
	Items        []policyItemModel `tfsdk:"items"`
	ImportBlocks types.String      `tfsdk:"import_blocks"`
}

type policiesDataSource struct {
	framework.DataSourceWithConfigure
	platform string // graph.PlatformIOS or graph.PlatformAndroid
}

func newIOSPoliciesDataSource() datasource.DataSource {
	return &policiesDataSource{DataSourceWithConfigure: framework.NewDataSource("teamshipaa_ios_app_protection_policies"), platform: graph.PlatformIOS}
}

func newAndroidPoliciesDataSource() datasource.DataSource {
	return &policiesDataSource{DataSourceWithConfigure: framework.NewDataSource("teamshipaa_android_app_protection_policies"), platform: graph.PlatformAndroid}
}

// resource is the resource type the items are imported as.
func (d *policiesDataSource) resource() string {
	return "teamshipaa_" + d.platform + "_app_protection_policy"
}

func (d *policiesDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	what, path := "iOS", "iosManagedAppProtections"
	if d.platform == graph.PlatformAndroid {
		what, path = "Android", "androidManagedAppProtections"
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the tenant's " + what + " app protection policies (Graph v1.0 `GET /deviceAppManagement/" + path + "`). " +
			"Each comes with a ready `import` block for `" + d.resource() + "`; `import_blocks` joins those of everything not built in: " +
			"write it to a file and run `terraform plan -generate-config-out=generated.tf` to adopt them." + permissionsNote,
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{Computed: true, MarkdownDescription: "The resource type the items are imported as."},
			"items": schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: "Every policy, sorted by display name.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"id":           schema.StringAttribute{Computed: true, MarkdownDescription: "Policy ID: the import ID."},
					"display_name": schema.StringAttribute{Computed: true, MarkdownDescription: "Display name."},
					"description":  schema.StringAttribute{Computed: true, MarkdownDescription: "Description (empty when unset)."},
					"detail": schema.StringAttribute{Computed: true, MarkdownDescription: "`assigned` when the policy is assigned to at " +
						"least one group (Graph's `isAssigned`), else `unassigned`: an unassigned policy protects nobody."},
					"built_in":     schema.BoolAttribute{Computed: true, MarkdownDescription: builtInNote},
					"import_block": schema.StringAttribute{Computed: true, MarkdownDescription: "An `import` block for it."},
				}},
			},
			"import_blocks": schema.StringAttribute{Computed: true, MarkdownDescription: "The `import` blocks of every item not built in, blank-line separated."},
		},
	}
}

func (d *policiesDataSource) Read(ctx context.Context, _ datasource.ReadRequest, resp *datasource.ReadResponse) {
	ps, err := d.Client.Graph.ListAppProtections(ctx, d.platform)
	if err != nil {
		resp.Diagnostics.AddError("Listing "+d.platform+" app protection policies", err.Error())
		return
	}
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].DisplayName < ps[j].DisplayName })
	refs := make([]importblock.Item, len(ps))
	for i, p := range ps {
		refs[i] = importblock.Item{Resource: d.resource(), Name: p.DisplayName, ID: p.ID}
	}
	each, all := importblock.Blocks(refs, nil)
	items := make([]policyItemModel, len(ps))
	for i, p := range ps {
		detail := "unassigned"
		if p.IsAssigned {
			detail = "assigned"
		}
		items[i] = policyItemModel{ID: types.StringValue(p.ID), DisplayName: types.StringValue(p.DisplayName),
			Description: types.StringValue(p.Description), Detail: types.StringValue(detail), BuiltIn: types.BoolValue(false),
			ImportBlock: types.StringValue(each[i])}
	}
	m := policiesModel{ID: types.StringValue(d.resource()), Items: items, ImportBlocks: types.StringValue(all)}
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}
