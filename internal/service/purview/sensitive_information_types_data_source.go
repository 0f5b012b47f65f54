package purview

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/clients/adminapi"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/conns"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/flex"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/framework"
)

type sensitiveTypesDataSource struct {
	framework.DataSourceWithConfigure
}

func newSensitiveTypesDataSource() datasource.DataSource {
	return &sensitiveTypesDataSource{framework.NewDataSource("teamshipaa_sensitive_information_types")}
}

type sensitiveTypesModel struct {
	ID    types.String `tfsdk:"id"`
	Names types.Set    `tfsdk:"names"`
	IDs   types.Map    `tfsdk:"ids"`
	Types types.List   `tfsdk:"types"`
}

var sensitiveTypeAttrTypes = map[string]attr.Type{"id": types.StringType, "name": types.StringType, "publisher": types.StringType}

func (d *sensitiveTypesDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the tenant's sensitive information types (`Get-DlpSensitiveInformationType`), the built-in ones " +
			"Microsoft publishes and any the organisation made, so a configuration can name a type (for example " +
			"`U.S. Social Security Number (SSN)`) and use its stable id in a `teamshipaa_dlp_rule`. With `names`, only those types " +
			"are returned, and a name the tenant does not have is an error (names match ignoring case)." + wireNote + compliancePermissions,
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{Computed: true, MarkdownDescription: "Always `sensitive_information_types`."},
			"names": schema.SetAttribute{Optional: true, ElementType: types.StringType,
				MarkdownDescription: "Names of the types to return. Leave out to return the whole catalog."},
			"ids": schema.MapAttribute{Computed: true, ElementType: types.StringType,
				MarkdownDescription: "Id of each returned type, keyed by name (spelled as in `names` when given)."},
			"types": schema.ListNestedAttribute{Computed: true, MarkdownDescription: "The returned types, sorted by name.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"id":        schema.StringAttribute{Computed: true, MarkdownDescription: "Stable id (a GUID)."},
					"name":      schema.StringAttribute{Computed: true, MarkdownDescription: "Name as the service spells it."},
					"publisher": schema.StringAttribute{Computed: true, MarkdownDescription: "Publisher, `Microsoft Corporation` for built-in types."},
				}}},
		},
	}
}

func (d *sensitiveTypesDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m sensitiveTypesModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	all, res, err := listSITs(ctx, d.Client)
	addWarnings(&resp.Diagnostics, d.Client.Compliance, res)
	if err != nil {
		resp.Diagnostics.AddError("Listing sensitive information types", err.Error())
		return
	}
	byName := map[string]sit{}
	for _, s := range all {
		byName[strings.ToLower(s.name)] = s
	}
	wanted := flex.ExpandStringSet(ctx, m.Names, &resp.Diagnostics)
	ids := map[string]attr.Value{}
	var picked []sit
	if len(wanted) > 0 {
		var missing []string
		for _, n := range wanted {
			s, ok := byName[strings.ToLower(n)]
			if !ok {
				missing = append(missing, n)
				continue
			}
			ids[n] = types.StringValue(s.id)
			picked = append(picked, s)
		}
		if len(missing) > 0 {
			sort.Strings(missing)
			resp.Diagnostics.AddAttributeError(path.Root("names"), "Unknown sensitive information types",
				fmt.Sprintf("The tenant has no sensitive information type named %s (%d types listed).", strings.Join(quoteAll(missing), ", "), len(all)))
			return
		}
	} else {
		picked = all
		for _, s := range all {
			ids[s.name] = types.StringValue(s.id)
		}
	}
	sort.Slice(picked, func(i, j int) bool { return picked[i].name < picked[j].name })
	objType := types.ObjectType{AttrTypes: sensitiveTypeAttrTypes}
	elems := make([]attr.Value, 0, len(picked))
	for _, s := range picked {
		elems = append(elems, types.ObjectValueMust(sensitiveTypeAttrTypes, map[string]attr.Value{
			"id": types.StringValue(s.id), "name": types.StringValue(s.name), "publisher": types.StringValue(s.publisher)}))
	}
	m.ID = types.StringValue("sensitive_information_types")
	m.IDs = types.MapValueMust(types.StringType, ids)
	m.Types = types.ListValueMust(objType, elems)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

// sit is one sensitive information type of the tenant.
type sit struct{ id, name, publisher string }

// listSITs reads the tenant's sensitive information types.
func listSITs(ctx context.Context, c *conns.Client) ([]sit, adminapi.Result, error) {
	objs, res, err := c.Compliance.Invoke(ctx, "Get-DlpSensitiveInformationType", nil)
	if err != nil {
		return nil, res, err
	}
	var all []sit
	for _, o := range objs {
		s := sit{
			id:        readString(firstOf(o, "Id", "Guid", "Identity")),
			name:      readString(field(o, "Name")),
			publisher: readString(field(o, "Publisher")),
		}
		if s.name != "" {
			all = append(all, s)
		}
	}
	return all, res, nil
}

func firstOf(o map[string]any, names ...string) any {
	for _, n := range names {
		if v := field(o, n); v != nil && readString(v) != "" {
			return v
		}
	}
	return nil
}

func quoteAll(vs []string) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = fmt.Sprintf("%q", v)
	}
	return out
}
