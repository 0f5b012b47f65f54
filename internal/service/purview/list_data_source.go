package purview

import (
	"context"
	"slices"
	"sort"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/framework"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/service/importblock"
)

// The list data sources of DLP and retention policies and rules: what an
// existing tenant holds, with the import blocks that adopt it (importblock).

// defaultDLPPolicies are the DLP policies Microsoft itself creates in a
// tenant, by name: the default policy for Teams and the default Office 365
// policy, as Microsoft's Purview articles on the default DLP policies name
// them. No stored source here confirms the exact names and nothing on the
// wire marks them, so an administrator's policy of the same name is marked
// too (the mark only keeps it out of import_blocks).
var defaultDLPPolicies = []string{"Default policy for Teams", "Default Office 365 DLP policy"}

type purviewListItemModel struct {
	Name        types.String `tfsdk:"name"`
	Policy      types.String `tfsdk:"policy"`
	Mode        types.String `tfsdk:"mode"`
	BuiltIn     types.Bool   `tfsdk:"built_in"`
	ImportBlock types.String `tfsdk:"import_block"`
}

type purviewListModel struct {
	ID           types.String           `tfsdk:"id"`
	Policy       types.String           `tfsdk:"policy"`
	Items        []purviewListItemModel `tfsdk:"items"`
	ImportBlocks types.String           `tfsdk:"import_blocks"`
}

type purviewListDataSource struct {
	framework.DataSourceWithConfigure
	resource string // the resource the items import as
	cmdlet   string // Get-<noun>
	rules    bool   // items are rules (they have a policy; policy filters them)
	desc     string
	builtIn  func(name, policy string) bool
	// builtInObj, when set, decides from the object itself (IsSystemRule of alert policies).
	builtInObj func(obj map[string]any) bool
	builtDoc   string
}

func (d *purviewListDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	policy := schema.StringAttribute{Computed: true, MarkdownDescription: "Null: policies have no parent."}
	itemPolicy := schema.StringAttribute{Computed: true, MarkdownDescription: "Null: policies have no parent."}
	if d.rules {
		policy = schema.StringAttribute{Optional: true, MarkdownDescription: "Only the rules of this policy (its name). Left out, every rule."}
		itemPolicy = schema.StringAttribute{Computed: true, MarkdownDescription: "The name of the policy the rule belongs to."}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: d.desc + " Objects Microsoft is still deleting (`Mode` `PendingDeletion`) are left out. Each comes with a " +
			"ready `import` block for `" + d.resource + "`; `import_blocks` joins those of everything not built in: write it to a file and run " +
			"`terraform plan -generate-config-out=generated.tf` to adopt them." + compliancePermissions,
		Attributes: map[string]schema.Attribute{
			"id":     schema.StringAttribute{Computed: true, MarkdownDescription: "The resource type the items are imported as."},
			"policy": policy,
			"items": schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: "Every object, sorted by name.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"name":         schema.StringAttribute{Computed: true, MarkdownDescription: "Name: the import ID."},
					"policy":       itemPolicy,
					"mode":         schema.StringAttribute{Computed: true, MarkdownDescription: "`Mode` as the service reports it (for example `Enable`, `TestWithNotifications`, `Enforce`)."},
					"built_in":     schema.BoolAttribute{Computed: true, MarkdownDescription: d.builtDoc},
					"import_block": schema.StringAttribute{Computed: true, MarkdownDescription: "An `import` block for it."},
				}},
			},
			"import_blocks": schema.StringAttribute{Computed: true, MarkdownDescription: "The `import` blocks of every item not built in, blank-line separated."},
		},
	}
}

func (d *purviewListDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m purviewListModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	params := map[string]any{}
	if d.rules && !m.Policy.IsNull() {
		params["Policy"] = m.Policy.ValueString()
	}
	c := d.Client.Compliance
	objs, res, err := listCmdlet(ctx, c, d.cmdlet, params)
	addWarnings(&resp.Diagnostics, c, res)
	if err != nil {
		resp.Diagnostics.AddError("Listing with "+d.cmdlet, err.Error())
		return
	}
	items := make([]purviewListItemModel, 0, len(objs))
	for _, o := range objs {
		if pendingDeletion(o) {
			continue
		}
		name := readString(field(o, "Name"))
		it := purviewListItemModel{Name: types.StringValue(name), Policy: types.StringNull(), Mode: types.StringValue(readString(field(o, "Mode")))}
		policy := ""
		if d.rules {
			policy = readString(firstOf(o, "ParentPolicyName", "Policy"))
			it.Policy = types.StringValue(policy)
		}
		if d.builtInObj != nil {
			it.BuiltIn = types.BoolValue(d.builtInObj(o))
		} else {
			it.BuiltIn = types.BoolValue(d.builtIn(name, policy))
		}
		items = append(items, it)
	}
	sort.SliceStable(items, func(i, j int) bool { return items[i].Name.ValueString() < items[j].Name.ValueString() })
	refs := make([]importblock.Item, len(items))
	for i, it := range items {
		refs[i] = importblock.Item{Resource: d.resource, Name: it.Name.ValueString(), ID: it.Name.ValueString()}
	}
	each, all := importblock.Blocks(refs, func(i int) bool { return items[i].BuiltIn.ValueBool() })
	for i := range items {
		items[i].ImportBlock = types.StringValue(each[i])
	}
	m.ID, m.Items, m.ImportBlocks = types.StringValue(d.resource), items, types.StringValue(all)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

func isDefaultDLP(name string) bool { return slices.Contains(defaultDLPPolicies, name) }

const (
	dlpBuiltInDoc = "One of the DLP policies Microsoft creates itself (`Default policy for Teams`, `Default Office 365 DLP policy`), " +
		"or a rule of one, marked by name. Left out of `import_blocks`."
	retentionBuiltInDoc = "Always false: Microsoft creates no retention policies or rules in a tenant."
)

func newDLPPoliciesDataSource() datasource.DataSource {
	return &purviewListDataSource{DataSourceWithConfigure: framework.NewDataSource("teamshipaa_dlp_policies"), resource: "teamshipaa_dlp_policy", cmdlet: "Get-DlpCompliancePolicy",
		desc:    "Lists the tenant's DLP policies (`Get-DlpCompliancePolicy`).",
		builtIn: func(name, _ string) bool { return isDefaultDLP(name) }, builtDoc: dlpBuiltInDoc}
}

func newDLPRulesDataSource() datasource.DataSource {
	return &purviewListDataSource{DataSourceWithConfigure: framework.NewDataSource("teamshipaa_dlp_rules"), resource: "teamshipaa_dlp_rule", cmdlet: "Get-DlpComplianceRule", rules: true,
		desc:    "Lists the tenant's DLP rules (`Get-DlpComplianceRule`), of every policy or of one.",
		builtIn: func(_, policy string) bool { return isDefaultDLP(policy) }, builtDoc: dlpBuiltInDoc}
}

func newRetentionPoliciesDataSource() datasource.DataSource {
	return &purviewListDataSource{DataSourceWithConfigure: framework.NewDataSource("teamshipaa_retention_policies"), resource: "teamshipaa_retention_policy", cmdlet: "Get-RetentionCompliancePolicy",
		desc: "Lists the tenant's retention policies (`Get-RetentionCompliancePolicy`, plain and with `-TeamsPolicyOnly`, merged: " +
			"public sources disagree on whether the plain list holds Teams policies).",
		builtIn: func(string, string) bool { return false }, builtDoc: retentionBuiltInDoc}
}

func newRetentionRulesDataSource() datasource.DataSource {
	return &purviewListDataSource{DataSourceWithConfigure: framework.NewDataSource("teamshipaa_retention_rules"), resource: "teamshipaa_retention_rule", cmdlet: "Get-RetentionComplianceRule", rules: true,
		desc:    "Lists the tenant's retention rules (`Get-RetentionComplianceRule`), of every policy or of one.",
		builtIn: func(string, string) bool { return false }, builtDoc: retentionBuiltInDoc}
}

func newAuditRetentionPoliciesDataSource() datasource.DataSource {
	return &purviewListDataSource{DataSourceWithConfigure: framework.NewDataSource("teamshipaa_audit_log_retention_policies"), resource: "teamshipaa_audit_log_retention_policy", cmdlet: "Get-UnifiedAuditLogRetentionPolicy",
		desc:    "Lists the tenant's audit log retention policies (`Get-UnifiedAuditLogRetentionPolicy`; Microsoft's default policy is never listed).",
		builtIn: func(string, string) bool { return false }, builtDoc: "Always false: Get-UnifiedAuditLogRetentionPolicy does not return Microsoft's default policy."}
}

func newProtectionAlertsDataSource() datasource.DataSource {
	return &purviewListDataSource{DataSourceWithConfigure: framework.NewDataSource("teamshipaa_protection_alerts"), resource: "teamshipaa_protection_alert", cmdlet: "Get-ProtectionAlert",
		desc:       "Lists the tenant's alert policies (`Get-ProtectionAlert`), Microsoft's default ones included.",
		builtInObj: func(o map[string]any) bool { b, _ := readBool(field(o, "IsSystemRule")); return b },
		builtDoc:   "One of Microsoft's default alert policies (`IsSystemRule`): `Set-ProtectionAlert` cannot change it. Left out of `import_blocks`."}
}
