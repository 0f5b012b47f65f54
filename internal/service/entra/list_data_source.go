package entra

import (
	"context"
	"sort"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/conns"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/framework"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/service/importblock"
)

// The list data sources find what an existing tenant holds and offer the
// import blocks that adopt it (importblock).

type listItemModel struct {
	ID          types.String `tfsdk:"id"`
	DisplayName types.String `tfsdk:"display_name"`
	Detail      types.String `tfsdk:"detail"`
	BuiltIn     types.Bool   `tfsdk:"built_in"`
	ImportBlock types.String `tfsdk:"import_block"`
}

type listModel struct {
	ID           types.String    `tfsdk:"id"`
	Items        []listItemModel `tfsdk:"items"`
	ImportBlocks types.String    `tfsdk:"import_blocks"`
}

type listDataSource struct {
	framework.DataSourceWithConfigure
	desc     string
	detail   string // what detail holds
	builtIn  string // what built_in means
	list     func(ctx context.Context, c *conns.Client) ([]listItemModel, error)
	resource string
}

func (d *listDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: d.desc + " Each comes with a ready `import` block for `" + d.resource + "`; `import_blocks` joins those " +
			"of everything not built in: write it to a file and run `terraform plan -generate-config-out=generated.tf` to adopt them." + permissionsCA,
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{Computed: true, MarkdownDescription: "The resource type the items are imported as."},
			"items": schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: "Every object, sorted by display name.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"id":           schema.StringAttribute{Computed: true, MarkdownDescription: "Object ID: the import ID."},
					"display_name": schema.StringAttribute{Computed: true, MarkdownDescription: "Display name."},
					"detail":       schema.StringAttribute{Computed: true, MarkdownDescription: d.detail},
					"built_in":     schema.BoolAttribute{Computed: true, MarkdownDescription: d.builtIn},
					"import_block": schema.StringAttribute{Computed: true, MarkdownDescription: "An `import` block for it."},
				}},
			},
			"import_blocks": schema.StringAttribute{Computed: true, MarkdownDescription: "The `import` blocks of every item not built in, blank-line separated."},
		},
	}
}

func (d *listDataSource) Read(ctx context.Context, _ datasource.ReadRequest, resp *datasource.ReadResponse) {
	items, err := d.list(ctx, d.Client)
	if err != nil {
		resp.Diagnostics.AddError("Listing for "+d.TypeName(), err.Error())
		return
	}
	sort.SliceStable(items, func(i, j int) bool { return items[i].DisplayName.ValueString() < items[j].DisplayName.ValueString() })
	refs := make([]importblock.Item, len(items))
	for i, it := range items {
		refs[i] = importblock.Item{Resource: d.resource, Name: it.DisplayName.ValueString(), ID: it.ID.ValueString()}
	}
	each, all := importblock.Blocks(refs, func(i int) bool { return items[i].BuiltIn.ValueBool() })
	for i := range items {
		items[i].ImportBlock = types.StringValue(each[i])
	}
	m := listModel{ID: types.StringValue(d.resource), Items: items, ImportBlocks: types.StringValue(all)}
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}
