package purview

import (
	"context"
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/setplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/clients/adminapi"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/flex"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/framework"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/service/baselinecheck"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/service/existing"
)

var (
	accessScopes          = []string{"InOrganization", "NotInOrganization"}
	blockAccessScopes     = []string{"All", "PerUser"}
	severityLevels        = []string{"Low", "Medium", "High", "None"}
	allowOverrides        = []string{"FalsePositive", "WithoutJustification", "WithJustification"}
	incidentReportContent = []string{"All", "Default", "DetectionDetails", "Detections", "DocumentAuthor", "DocumentLastModifier",
		"MatchedItem", "OriginalContent", "RulesMatched", "Service", "Severity", "Title", "RetentionLabel", "SensitivityLabel"}
	guidLike = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)
)

type dlpRuleResource struct{ cmdletResource[dlpRuleModel] }

func newDLPRuleResource() resource.Resource {
	r := &dlpRuleResource{}
	r.cmdletResource = newCmdletResource("teamshipaa_dlp_rule", r.object)
	return r
}

type dlpRuleModel struct {
	ID                     types.String   `tfsdk:"id"`
	Name                   types.String   `tfsdk:"name"`
	Policy                 types.String   `tfsdk:"policy"`
	Comment                types.String   `tfsdk:"comment"`
	Condition              types.Object   `tfsdk:"content_contains_sensitive_information"`
	AccessScope            types.String   `tfsdk:"access_scope"`
	BlockAccess            types.Bool     `tfsdk:"block_access"`
	BlockAccessScope       types.String   `tfsdk:"block_access_scope"`
	NotifyUser             types.Set      `tfsdk:"notify_user"`
	NotifyAllowOverride    types.Set      `tfsdk:"notify_allow_override"`
	GenerateIncidentReport types.Set      `tfsdk:"generate_incident_report"`
	IncidentReportContent  types.Set      `tfsdk:"incident_report_content"`
	ReportSeverityLevel    types.String   `tfsdk:"report_severity_level"`
	Disabled               types.Bool     `tfsdk:"disabled"`
	Timeouts               timeouts.Value `tfsdk:"timeouts"`
	AdoptExisting          types.Bool     `tfsdk:"adopt_existing"`
	baselinecheck.Args
}

// ruleScalar and ruleSet tie attributes to cmdlet parameters.
type ruleString struct {
	param string
	get   func(*dlpRuleModel) *types.String
}

type ruleSet struct {
	param string
	get   func(*dlpRuleModel) *types.Set
}

var ruleStrings = []ruleString{
	{"Comment", func(m *dlpRuleModel) *types.String { return &m.Comment }},
	{"AccessScope", func(m *dlpRuleModel) *types.String { return &m.AccessScope }},
	{"BlockAccessScope", func(m *dlpRuleModel) *types.String { return &m.BlockAccessScope }},
	{"ReportSeverityLevel", func(m *dlpRuleModel) *types.String { return &m.ReportSeverityLevel }},
}

var ruleSets = []ruleSet{
	{"NotifyUser", func(m *dlpRuleModel) *types.Set { return &m.NotifyUser }},
	{"NotifyAllowOverride", func(m *dlpRuleModel) *types.Set { return &m.NotifyAllowOverride }},
	{"GenerateIncidentReport", func(m *dlpRuleModel) *types.Set { return &m.GenerateIncidentReport }},
	{"IncidentReportContent", func(m *dlpRuleModel) *types.Set { return &m.IncidentReportContent }},
}

func (r *dlpRuleResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	optStr := func(desc string, values []string) schema.StringAttribute {
		a := schema.StringAttribute{Optional: true, Computed: true, MarkdownDescription: desc,
			PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()}}
		if values != nil {
			a.MarkdownDescription += " One of: " + flex.Backticked(values) + "."
			a.Validators = []validator.String{stringvalidator.OneOf(values...)}
		}
		return a
	}
	optSet := func(desc string, values []string) schema.SetAttribute {
		a := schema.SetAttribute{Optional: true, Computed: true, ElementType: types.StringType, MarkdownDescription: desc,
			PlanModifiers: []planmodifier.Set{setplanmodifier.UseStateForUnknown()}}
		if values != nil {
			a.MarkdownDescription += " Each one of: " + flex.Backticked(values) + "."
			a.Validators = []validator.Set{setvalidator.ValueStringsAre(stringvalidator.OneOf(values...))}
		}
		return a
	}
	optBool := func(desc string) schema.BoolAttribute {
		return schema.BoolAttribute{Optional: true, Computed: true, MarkdownDescription: desc,
			PlanModifiers: []planmodifier.Bool{boolplanmodifier.UseStateForUnknown()}}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "A rule of a Microsoft Purview DLP policy (`New-`/`Set-`/`Remove-DlpComplianceRule`): what content it " +
			"detects (sensitive information types) and what happens then. For the HIPAA baseline: U.S. SSN or DEA number together with " +
			"ICD-9-CM or ICD-10-CM codes, shared outside the organization (`access_scope = \"NotInOrganization\"`), blocked " +
			"(`block_access`), the user notified, an incident report sent to the security mailbox, severity `High` (SCuBA " +
			"MS.SECURITYSUITE.3.3/3.4; 45 CFR 164.312(e)(1) and 164.308(a)(6), this project's interpretation).\n\n" +
			"Optional settings left out of the configuration keep the service's value (read back, no diff); removing one from the " +
			"configuration leaves the service's value as it is. Values are compared ignoring case, and the service's read shape of " +
			"the sensitive types (lower-case keys, numbers as strings, ids added next to names) is normalised, so an applied " +
			"configuration plans empty. Plan-time checks: one form of `content_contains_sensitive_information`, a name or an id (or both, as an " +
			"import generates them) for each type, counts and confidences in order, `block_access_scope` only with `block_access = true`, `notify_allow_override` only " +
			"with `notify_user` (and not both justification values), `incident_report_content` only with `generate_incident_report`; and, when the tenant can be read at plan time, every " +
			"sensitive information type exists (look names and ids up with the `teamshipaa_sensitive_information_types` data source).\n\n" +
			"A rule being removed reads as `PendingDeletion` for a while and counts as gone when reading; destroy waits until it is really " +
			"gone, within `timeouts.delete`. Import with the rule name: the " +
			"import reads every setting back, the sensitive information types included." +
			wireNote + compliancePermissions,
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{Computed: true, MarkdownDescription: "The rule name.",
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()}},
			"name": schema.StringAttribute{Required: true, MarkdownDescription: "Unique name of the rule. Changing it replaces the rule.",
				Validators:    []validator.String{stringvalidator.LengthBetween(1, 64)},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()}},
			"policy": schema.StringAttribute{Required: true, MarkdownDescription: "Name of the DLP policy the rule belongs to (e.g. " +
				"`teamshipaa_dlp_policy.x.name`). Changing it replaces the rule. The plan fails when the tenant has no such policy and the " +
				"configuration does not create it.",
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()}},
			"comment":                                optStr("Free-text description.", nil),
			"content_contains_sensitive_information": conditionSchema(),
			"access_scope":                           optStr("Whether the rule applies to content shared inside or outside the organization.", accessScopes),
			"block_access":                           optBool("Whether matching content is blocked (for Teams: the message is blocked)."),
			"block_access_scope":                     optStr("Who is blocked: everyone, or only people outside the organization (`PerUser`). Needs `block_access = true`.", blockAccessScopes),
			"notify_user": optSet("Who is notified of a match: `Owner`, `SiteAdmin`, `LastModifier` or email addresses (checked at plan time). "+
				"For Teams, the sender is notified.", nil),
			"notify_allow_override": optSet("Whether and how the notified user may override the block. Needs `notify_user`; "+
				"`WithoutJustification` and `WithJustification` exclude each other.", allowOverrides),
			"generate_incident_report": optSet("Recipients of the incident report: email addresses (a security mailbox) or `SiteAdmin`.", nil),
			"incident_report_content":  optSet("What the incident report contains. Needs `generate_incident_report`.", incidentReportContent),
			"report_severity_level":    optStr("Severity of the alert and report.", severityLevels),
			"disabled":                 optBool("Whether the rule is turned off."),
			"timeouts":                 framework.TimeoutsAttribute(ctx),
			existing.Attr:              existing.Attribute("DLP rule", "name"),
		},
	}
	baselinecheck.AddSchema("teamshipaa_dlp_rule", resp.Schema.Attributes)
}

// ModifyPlan reports planned values that depart from the baseline catalog.
func (r *dlpRuleResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	resp.Diagnostics.Append(checkRulePolicy(ctx, r.Client, dlpRulePolicy, req.Plan.Raw)...)
	checkSITsExist(ctx, r.Client, req, resp)
	r.CheckBaseline(ctx, req, resp)
}

func (r *dlpRuleResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var m dlpRuleModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	validateCondition(ctx, m.Condition, &resp.Diagnostics)
	validateRecipients(&m, &resp.Diagnostics)
	if flex.Known(m.BlockAccessScope) && !m.BlockAccess.IsUnknown() && !m.BlockAccess.ValueBool() {
		resp.Diagnostics.AddAttributeError(path.Root("block_access_scope"), "block_access_scope needs block_access",
			"block_access_scope says who is blocked; set block_access = true, or drop block_access_scope.")
	}
	overrides := flex.ExpandStringSet(ctx, m.NotifyAllowOverride, &resp.Diagnostics)
	if len(overrides) > 0 && m.NotifyUser.IsNull() {
		resp.Diagnostics.AddAttributeError(path.Root("notify_allow_override"), "notify_allow_override needs notify_user",
			"Overrides are offered in the user notification; set notify_user.")
	}
	if containsFold(overrides, "WithoutJustification") && containsFold(overrides, "WithJustification") {
		resp.Diagnostics.AddAttributeError(path.Root("notify_allow_override"), "Conflicting override options",
			"WithoutJustification and WithJustification cannot be used together.")
	}
	if len(flex.ExpandStringSet(ctx, m.IncidentReportContent, &resp.Diagnostics)) > 0 && m.GenerateIncidentReport.IsNull() {
		resp.Diagnostics.AddAttributeError(path.Root("incident_report_content"), "incident_report_content needs generate_incident_report",
			"The content describes the incident report; set generate_incident_report to its recipients.")
	}
}

// object is the lifecycle the DLP rule shares with the other cmdlet objects.
func (r *dlpRuleResource) object() cmdletObject[dlpRuleModel] {
	return cmdletObject[dlpRuleModel]{client: r.Client, noun: "DlpComplianceRule", display: "DLP rule",
		key:      func(m dlpRuleModel) (types.String, timeouts.Value) { return m.ID, m.Timeouts },
		name:     func(m dlpRuleModel) types.String { return m.Name },
		fromRead: r.fromRead, matches: r.matches,
		newParams: func(ctx context.Context, plan dlpRuleModel, config tfsdk.Config, diags *diag.Diagnostics) map[string]any {
			p := r.params(ctx, plan, nil, configCondition(ctx, config, diags), diags)
			p["Policy"] = plan.Policy.ValueString()
			return p
		},
		setParams: func(ctx context.Context, plan, state dlpRuleModel, config tfsdk.Config, diags *diag.Diagnostics) map[string]any {
			return r.params(ctx, plan, &state, configCondition(ctx, config, diags), diags)
		}}
}

// configCondition is the condition as configured: the plan also holds the
// values the service filled in, such as a name next to a configured id.
func configCondition(ctx context.Context, config tfsdk.Config, diags *diag.Diagnostics) types.Object {
	var cfgCondition types.Object
	diags.Append(config.GetAttribute(ctx, path.Root("content_contains_sensitive_information"), &cfgCondition)...)
	return cfgCondition
}

func (r *dlpRuleResource) fromRead(ctx context.Context, obj map[string]any, prior dlpRuleModel, diags *diag.Diagnostics) dlpRuleModel {
	out := prior
	out.Name = flex.FlattenString(readString(field(obj, "Name")), prior.Name)
	out.ID = out.Name
	policy := readString(firstOf(obj, "ParentPolicyName", "Policy"))
	if guidLike.MatchString(policy) && flex.Known(prior.Policy) {
		out.Policy = prior.Policy // read back as the policy's GUID: the name cannot be checked here
	} else {
		out.Policy = flex.FlattenString(policy, prior.Policy)
	}
	for _, s := range ruleStrings {
		*s.get(&out) = flex.FlattenString(readString(field(obj, s.param)), *s.get(&prior))
	}
	for _, s := range ruleSets {
		*s.get(&out) = flex.FlattenStringSet(readStrings(field(obj, s.param)), *s.get(&prior))
	}
	out.BlockAccess, out.Disabled = types.BoolNull(), types.BoolNull()
	if b, ok := readBool(field(obj, "BlockAccess")); ok {
		out.BlockAccess = types.BoolValue(b)
	}
	if b, ok := readBool(field(obj, "Disabled")); ok {
		out.Disabled = types.BoolValue(b)
	}
	// The service reports a BlockAccessScope (its default, All) on a rule that
	// blocks nothing; it means nothing there, and a configuration holding it
	// is refused (block_access_scope needs block_access), so it is not kept:
	// an import's generated configuration must plan.
	if !out.BlockAccess.ValueBool() {
		out.BlockAccessScope = types.StringNull()
	}
	out.Condition = readCondition(ctx, field(obj, "ContentContainsSensitiveInformation"), prior.Condition, diags)
	return out
}

// params are the cmdlet parameters for plan; with a state, only what changed.
// The condition is sent as configured (cfgCondition): the plan also holds the
// values the service filled in, such as a name next to a configured id.
func (r *dlpRuleResource) params(ctx context.Context, plan dlpRuleModel, state *dlpRuleModel, cfgCondition types.Object, diags *diag.Diagnostics) map[string]any {
	p := map[string]any{}
	changed := func(a, b attr.Value) bool { return state == nil || !a.Equal(b) }
	for _, s := range ruleStrings {
		v := *s.get(&plan)
		if flex.Known(v) && (state == nil || changed(v, *s.get(state))) {
			p[s.param] = v.ValueString()
		}
	}
	for _, s := range ruleSets {
		v := *s.get(&plan)
		if flex.Known(v) && (state == nil || changed(v, *s.get(state))) {
			if vals := flex.ExpandStringSet(ctx, v, diags); len(vals) > 0 {
				p[s.param] = vals
			} else if state != nil {
				p[s.param] = nil // clears it
			}
		}
	}
	if flex.Known(plan.BlockAccess) && (state == nil || changed(plan.BlockAccess, state.BlockAccess)) {
		p["BlockAccess"] = plan.BlockAccess.ValueBool()
	}
	if flex.Known(plan.Disabled) && (state == nil || changed(plan.Disabled, state.Disabled)) {
		p["Disabled"] = plan.Disabled.ValueBool()
	}
	if flex.Known(plan.Condition) && (state == nil || changed(plan.Condition, state.Condition)) {
		// PswsHashtable[]: each hashtable carries its OData type (see adminapi.Hashtables).
		p["ContentContainsSensitiveInformation"] = adminapi.Hashtables(conditionParam(ctx, cfgCondition, diags))
	}
	return p
}

// matches reports whether obj reads back as plan (for every known planned value).
func (r *dlpRuleResource) matches(ctx context.Context, plan dlpRuleModel) func(map[string]any) bool {
	return func(obj map[string]any) bool {
		var d diag.Diagnostics
		got := r.fromRead(ctx, obj, plan, &d)
		if !conditionSatisfies(ctx, plan.Condition, got.Condition, &d) {
			return false
		}
		pairs := [][2]attr.Value{{plan.BlockAccess, got.BlockAccess}, {plan.Disabled, got.Disabled}}
		for _, s := range ruleStrings {
			pairs = append(pairs, [2]attr.Value{*s.get(&plan), *s.get(&got)})
		}
		for _, s := range ruleSets {
			pairs = append(pairs, [2]attr.Value{*s.get(&plan), *s.get(&got)})
		}
		for _, p := range pairs {
			if flex.Known(p[0]) && !p[0].Equal(p[1]) {
				return false
			}
		}
		return !d.HasError()
	}
}
