package purview

import (
	"context"
	"regexp"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/flex"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/framework"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/service/baselinecheck"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/service/existing"
)

// Values of New-/Set-ProtectionAlert (MicrosoftDocs/office-docs-powershell New-ProtectionAlert.md).
var (
	AlertCategories   = []string{"AccessGovernance", "ComplianceManager", "DataGovernance", "MailFlow", "Others", "PrivacyManagement", "Supervision", "ThreatManagement"}
	AlertThreatTypes  = []string{"Activity", "Malware"}
	AlertSeverities   = []string{"Low", "Medium", "High"}
	AlertAggregations = []string{"None", "SimpleAggregation", "AnomalousAggregation"}
	// AlertFilterProperties are the properties Filter may name, by threat type.
	AlertFilterProperties = map[string][]string{
		"Activity": {"Activity.ClientIp", "Activity.CreationTime", "Activity.Item", "Activity.ItemType", "Activity.Operation", "Activity.ResultStatus",
			"Activity.Scope", "Activity.SiteUrl", "Activity.SourceFileExtension", "Activity.SourceFileName", "Activity.TargetUserOrGroupType",
			"Activity.UserAgent", "Activity.UserId", "Activity.UserType", "Activity.Workload"},
		"Malware": {"Mail:AttachmentExtensions", "Mail:AttachmentNames", "Mail:CreationTime", "Mail:DeliveryStatus", "Mail:Direction", "Mail:From",
			"Mail:FromDomain", "Mail:InternetMessageId", "Mail:IsIntraOrgSpoof", "Mail:IsMalware", "Mail:IsSpam", "Mail:IsThreat", "Mail:Language",
			"Mail:Recipient", "Mail:Scl", "Mail:SenderCountry", "Mail:SenderIpAddress", "Mail:Subject", "Mail:TenantId", "Mail:ThreatName"},
	}
	filterProperty = regexp.MustCompile(`(?i)\b(Activity\.[A-Za-z]+|Mail:[A-Za-z]+)`)
	smtpAddress    = regexp.MustCompile(`^[^@\s]+@[^@\s]+\.[^@\s]+$`)
)

type protectionAlertResource struct {
	cmdletResource[protectionAlertModel]
}

func newProtectionAlertResource() resource.Resource {
	r := &protectionAlertResource{}
	r.cmdletResource = newCmdletResource("teamshipaa_protection_alert", r.object)
	return r
}

type protectionAlertModel struct {
	ID                  types.String   `tfsdk:"id"`
	Name                types.String   `tfsdk:"name"`
	Category            types.String   `tfsdk:"category"`
	NotifyUser          types.Set      `tfsdk:"notify_user"`
	ThreatType          types.String   `tfsdk:"threat_type"`
	Operation           types.String   `tfsdk:"operation"`
	Severity            types.String   `tfsdk:"severity"`
	AggregationType     types.String   `tfsdk:"aggregation_type"`
	Filter              types.String   `tfsdk:"filter"`
	Description         types.String   `tfsdk:"description"`
	Disabled            types.Bool     `tfsdk:"disabled"`
	NotificationEnabled types.Bool     `tfsdk:"notification_enabled"`
	Timeouts            timeouts.Value `tfsdk:"timeouts"`
	AdoptExisting       types.Bool     `tfsdk:"adopt_existing"`
	baselinecheck.Args
}

const protectionAlertPermissions = "\n\n## Permissions\n\nCalls go to the Security & Compliance admin API (`InvokeCommand`, token audience " +
	"`https://ps.compliance.protection.outlook.com`). The app registration needs the application permission **Exchange.ManageAsApp** " +
	"of *Office 365 Exchange Online*. Microsoft requires the Purview role **Manage Alerts** or **Organization Configuration** to create " +
	"alert policies (learn.microsoft.com/purview/alert-policies); both are in the *Organization Management* role group. Without the " +
	"permissions calls fail with HTTP 401 or 403, and the error says so."

const protectionAlertLicensing = "\n\n## Licensing\n\nWithout an Office 365 / Microsoft 365 E5 subscription (or E3 with the Threat " +
	"Intelligence or E5 Compliance add-ons) only single-event alerts can be created: `aggregation_type = \"None\"` with an `operation`; " +
	"the service refuses aggregated ones with \"Creating advanced alert policies requires an Office 365 E5 subscription...\" " +
	"(New-ProtectionAlert.md). The alert policies of the HIPAA baseline are single-event alerts, so they need no E5. An alert policy " +
	"can take up to 24 hours to start raising alerts after it is created or changed (learn.microsoft.com/purview/alert-policies)."

func (r *protectionAlertResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	optComputed := func(desc string, values []string) schema.StringAttribute {
		return schema.StringAttribute{Optional: true, Computed: true, MarkdownDescription: desc + " One of " + flex.Backticked(values) + ".",
			Validators:    []validator.String{stringvalidator.OneOf(values...)},
			PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()}}
	}
	attrs := map[string]schema.Attribute{
		"id": schema.StringAttribute{Computed: true, MarkdownDescription: "The alert policy name.",
			PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()}},
		"name": schema.StringAttribute{Required: true, MarkdownDescription: "Unique name of the alert policy. Changing it replaces the policy.",
			Validators:    []validator.String{stringvalidator.LengthBetween(1, 64)},
			PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()}},
		"category": schema.StringAttribute{Required: true, MarkdownDescription: "Category the alerts are tagged with: one of " + flex.Backticked(AlertCategories) + ".",
			Validators: []validator.String{stringvalidator.OneOf(AlertCategories...)}},
		"notify_user": schema.SetAttribute{Required: true, ElementType: types.StringType,
			MarkdownDescription: "SMTP addresses that receive the alert notifications (at least one).",
			Validators: []validator.Set{setvalidator.SizeAtLeast(1), setvalidator.ValueStringsAre(
				stringvalidator.RegexMatches(smtpAddress, "must be an SMTP address, such as privacy-office@contoso.example"))}},
		"threat_type": schema.StringAttribute{Required: true,
			MarkdownDescription: "What the policy watches: `Activity` (audited user and admin activities) or `Malware`. Microsoft does not let it change: changing it replaces the policy.",
			Validators:          []validator.String{stringvalidator.OneOf(AlertThreatTypes...)},
			PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()}},
		"operation": schema.StringAttribute{Optional: true,
			MarkdownDescription: "The audited activity that raises the alert (for example `DlpRuleMatch`, `MemberAdded`, `Set-AdminAuditLogConfig`; " +
				"Microsoft's *Audited activities* list). Only with `threat_type = \"Activity\"`. One activity: Microsoft says several values do not work.",
			Validators: []validator.String{stringvalidator.LengthAtLeast(1)}},
		"severity":         optComputed("Severity of the alerts. Left out, the service's (Low on create).", AlertSeverities),
		"aggregation_type": optComputed("How occurrences raise alerts: `None` (every occurrence; the only kind without E5), `SimpleAggregation` (a volume in a time window; the service's default), `AnomalousAggregation`.", AlertAggregations),
		"filter": schema.StringAttribute{Optional: true,
			MarkdownDescription: "OPATH filter on the activity, for example `Activity.Workload -eq 'MicrosoftTeams'`. It may name only the documented " +
				"filterable properties of the threat type (`Activity.*` for Activity, `Mail:*` for Malware); checked at plan time.",
			Validators: []validator.String{stringvalidator.LengthAtLeast(1)}},
		"description": schema.StringAttribute{Optional: true, MarkdownDescription: "Free-text description.",
			Validators: []validator.String{stringvalidator.LengthAtLeast(1)}},
		"disabled": schema.BoolAttribute{Optional: true, Computed: true, MarkdownDescription: "Whether the policy is off. Left out, the service's value is kept (on, for a new policy).",
			PlanModifiers: []planmodifier.Bool{boolplanmodifier.UseStateForUnknown()}},
		"notification_enabled": schema.BoolAttribute{Optional: true, Computed: true, MarkdownDescription: "Whether `notify_user` is emailed. Left out, the service's value is kept.",
			PlanModifiers: []planmodifier.Bool{boolplanmodifier.UseStateForUnknown()}},
		"timeouts":    framework.TimeoutsAttribute(ctx),
		existing.Attr: existing.Attribute("alert policy", "name"),
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "A Microsoft Purview / Defender alert policy (`New-`/`Set-`/`Remove-ProtectionAlert`): an audited activity that " +
			"emails the people who review it. For the HIPAA baseline, alert the privacy or security office when a DLP rule matches PHI in " +
			"Teams, when someone is added to a team (guests included), and when the audit log configuration changes (controls HB.AUDIT.3-6: " +
			"information system activity review and security incident procedures, 45 CFR 164.308(a)(1)(ii)(D) and 164.308(a)(6)(ii); this " +
			"project's interpretation).\n\n" +
			"Microsoft's default alert policies cannot be changed with `Set-ProtectionAlert`: adopting or importing one works, changing it " +
			"fails with the service's message. Import with the alert policy name." +
			protectionAlertLicensing + wireNote + protectionAlertPermissions,
		Attributes: attrs,
	}
	r.AddBaselineSchema(resp.Schema.Attributes)
}

func (r *protectionAlertResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var m protectionAlertModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() || m.ThreatType.IsUnknown() {
		return
	}
	threat := m.ThreatType.ValueString()
	if flex.Known(m.Operation) && threat != "Activity" {
		resp.Diagnostics.AddAttributeError(path.Root("operation"), "operation needs threat_type = \"Activity\"",
			"Microsoft accepts an operation only on alert policies that watch activities (New-ProtectionAlert). Set threat_type = \"Activity\", or remove operation.")
	}
	if flex.Known(m.Filter) {
		allowed := AlertFilterProperties[threat]
		props := filterProperty.FindAllString(m.Filter.ValueString(), -1)
		if len(props) == 0 {
			resp.Diagnostics.AddAttributeError(path.Root("filter"), "filter names no filterable property",
				"An alert policy's filter compares filterable properties, for example Activity.Workload -eq 'MicrosoftTeams'. For threat_type "+
					threat+" they are: "+strings.Join(allowed, ", ")+".")
		}
		for _, p := range props {
			if !containsFold(allowed, p) {
				resp.Diagnostics.AddAttributeError(path.Root("filter"), "filter names a property Microsoft does not filter on",
					p+" is not a filterable property of threat_type "+threat+". Allowed: "+strings.Join(allowed, ", ")+" (New-ProtectionAlert -Filter).")
			}
		}
	}
}

func (r *protectionAlertResource) object() cmdletObject[protectionAlertModel] {
	return cmdletObject[protectionAlertModel]{client: r.Client, noun: "ProtectionAlert", display: "alert policy",
		key:      func(m protectionAlertModel) (types.String, timeouts.Value) { return m.ID, m.Timeouts },
		name:     func(m protectionAlertModel) types.String { return m.Name },
		fromRead: plainRead(r.fromRead), matches: r.matches,
		newParams: func(ctx context.Context, plan protectionAlertModel, _ tfsdk.Config, diags *diag.Diagnostics) map[string]any {
			p := r.params(ctx, plan, nil, diags)
			p["ThreatType"] = plan.ThreatType.ValueString() // New- only: a change replaces the policy
			return p
		},
		setParams: func(ctx context.Context, plan, prior protectionAlertModel, _ tfsdk.Config, diags *diag.Diagnostics) map[string]any {
			return r.params(ctx, plan, &prior, diags)
		}}
}

func (r *protectionAlertResource) fromRead(obj map[string]any, prior protectionAlertModel) protectionAlertModel {
	out := prior
	out.Name = flex.FlattenString(readString(field(obj, "Name")), prior.Name)
	out.ID = out.Name
	out.Category = flex.FlattenString(readString(field(obj, "Category")), prior.Category)
	out.NotifyUser = flex.FlattenStringSet(readStrings(field(obj, "NotifyUser")), prior.NotifyUser)
	out.ThreatType = flex.FlattenString(readString(field(obj, "ThreatType")), prior.ThreatType)
	ops := readStrings(field(obj, "Operation"))
	op := ""
	if len(ops) > 0 {
		op = ops[0]
	}
	out.Operation = flex.FlattenString(op, prior.Operation)
	out.Severity = flex.FlattenString(readString(field(obj, "Severity")), prior.Severity)
	out.AggregationType = flex.FlattenString(readString(field(obj, "AggregationType")), prior.AggregationType)
	out.Filter = flex.FlattenString(readString(field(obj, "Filter")), prior.Filter)
	out.Description = flex.FlattenString(readString(field(obj, "Description")), prior.Description)
	out.Disabled, out.NotificationEnabled = types.BoolNull(), types.BoolNull()
	if b, ok := readBool(field(obj, "Disabled")); ok {
		out.Disabled = types.BoolValue(b)
	}
	if b, ok := readBool(field(obj, "NotificationEnabled")); ok {
		out.NotificationEnabled = types.BoolValue(b)
	}
	return out
}

func (r *protectionAlertResource) matches(_ context.Context, plan protectionAlertModel) func(map[string]any) bool {
	return func(obj map[string]any) bool {
		got := r.fromRead(obj, plan)
		for _, p := range [][2]types.String{{plan.Category, got.Category}, {plan.Operation, got.Operation}, {plan.Severity, got.Severity},
			{plan.AggregationType, got.AggregationType}, {plan.Filter, got.Filter}, {plan.Description, got.Description}} {
			if flex.Known(p[0]) && !p[0].Equal(p[1]) {
				return false
			}
		}
		if flex.Known(plan.Disabled) && !plan.Disabled.Equal(got.Disabled) || flex.Known(plan.NotificationEnabled) && !plan.NotificationEnabled.Equal(got.NotificationEnabled) {
			return false
		}
		return plan.NotifyUser.Equal(got.NotifyUser)
	}
}

// params are New-'s parameters (state nil) or Set-'s changes (from state).
func (r *protectionAlertResource) params(ctx context.Context, plan protectionAlertModel, state *protectionAlertModel, diags *diag.Diagnostics) map[string]any {
	p := map[string]any{}
	str := func(param string, planned, prior types.String, cleared any) {
		switch {
		case flex.Known(planned) && (state == nil || !planned.Equal(prior)):
			if param == "Operation" {
				p[param] = []string{planned.ValueString()}
			} else {
				p[param] = planned.ValueString()
			}
		case state != nil && planned.IsNull() && flex.Known(prior):
			p[param] = cleared
		}
	}
	var st protectionAlertModel
	if state != nil {
		st = *state
	}
	str("Category", plan.Category, st.Category, nil)
	str("Operation", plan.Operation, st.Operation, nil)
	str("Severity", plan.Severity, st.Severity, nil)
	str("AggregationType", plan.AggregationType, st.AggregationType, nil)
	str("Filter", plan.Filter, st.Filter, "")
	str("Description", plan.Description, st.Description, "")
	for _, b := range []struct {
		param          string
		planned, prior types.Bool
	}{{"Disabled", plan.Disabled, st.Disabled}, {"NotificationEnabled", plan.NotificationEnabled, st.NotificationEnabled}} {
		if flex.Known(b.planned) && (state == nil || !b.planned.Equal(b.prior)) {
			p[b.param] = b.planned.ValueBool()
		}
	}
	if users := flex.ExpandStringSet(ctx, plan.NotifyUser, diags); state == nil || !flex.SameStrings(users, flex.ExpandStringSet(ctx, st.NotifyUser, diags)) {
		p["NotifyUser"] = users
	}
	for k, v := range p { // nothing to clear on a create
		if state == nil && v == nil {
			delete(p, k)
		}
	}
	return p
}
