package purview

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
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

// AuditRetentionDurations are the values RetentionDuration takes
// (New-UnifiedAuditLogRetentionPolicy.md, "Accepted values").
var AuditRetentionDurations = []string{"ThreeMonths", "SixMonths", "NineMonths", "TwelveMonths", "TenYears"}

type auditRetentionResource struct {
	cmdletResource[auditRetentionModel]
}

func newAuditRetentionResource() resource.Resource {
	r := &auditRetentionResource{}
	r.cmdletResource = newCmdletResource("teamshipaa_audit_log_retention_policy", r.object)
	return r
}

type auditRetentionModel struct {
	ID                types.String   `tfsdk:"id"`
	Name              types.String   `tfsdk:"name"`
	Description       types.String   `tfsdk:"description"`
	RecordTypes       types.Set      `tfsdk:"record_types"`
	Operations        types.Set      `tfsdk:"operations"`
	UserIDs           types.Set      `tfsdk:"user_ids"`
	RetentionDuration types.String   `tfsdk:"retention_duration"`
	Priority          types.Int64    `tfsdk:"priority"`
	Timeouts          timeouts.Value `tfsdk:"timeouts"`
	AdoptExisting     types.Bool     `tfsdk:"adopt_existing"`
	baselinecheck.Args
}

const auditPremiumNote = "\n\n## Licensing\n\nAudit log retention policies are a Microsoft Purview **Audit (Premium)** capability " +
	"(Microsoft 365 E5, E5 Compliance or the E5 eDiscovery and Audit add-on). Without it the service keeps audit records for its default " +
	"period (180 days for Audit (Standard)) and refuses these policies. `TenYears` also needs the **10-Year Audit Log Retention** add-on " +
	"for the users whose records it keeps; records of users without the licences are kept by the policy their licence allows " +
	"(learn.microsoft.com/purview/audit-log-retention-policies). The `hipaa-baseline` module lets an organization without Audit (Premium) " +
	"leave this policy out by recording an exception to control `HB.AUDIT.2`."

const auditRetentionPermissions = "\n\n## Permissions\n\nCalls go to the Security & Compliance admin API (`InvokeCommand`, token audience " +
	"`https://ps.compliance.protection.outlook.com`). The app registration needs the application permission **Exchange.ManageAsApp** " +
	"of *Office 365 Exchange Online*. Microsoft requires the Purview role **Organization Configuration** to create or change audit log " +
	"retention policies (learn.microsoft.com/purview/audit-log-retention-policies); it is part of the *Organization Management* role " +
	"group. Without the permissions calls fail with HTTP 401 or 403, and the error says so."

func (r *auditRetentionResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	setOf := func(desc string, v ...validator.String) schema.SetAttribute {
		a := schema.SetAttribute{Optional: true, ElementType: types.StringType, MarkdownDescription: desc,
			Validators: []validator.Set{setvalidator.SizeAtLeast(1)}}
		if len(v) > 0 {
			a.Validators = append(a.Validators, setvalidator.ValueStringsAre(v...))
		}
		return a
	}
	attrs := map[string]schema.Attribute{
		"id": schema.StringAttribute{Computed: true, MarkdownDescription: "The policy name.",
			PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()}},
		"name": schema.StringAttribute{Required: true, MarkdownDescription: "Unique name of the policy (at most 64 characters). Microsoft does not let it change: changing it replaces the policy.",
			Validators:    []validator.String{stringvalidator.LengthBetween(1, 64)},
			PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()}},
		"description": schema.StringAttribute{Optional: true, MarkdownDescription: "Free-text description (at most 256 characters).",
			Validators: []validator.String{stringvalidator.LengthBetween(1, 256)}},
		"record_types": setOf("Audit record types the policy keeps (Microsoft's `AuditLogRecordType` names, for example `MicrosoftTeams`, "+
			"`MicrosoftTeamsAdmin`, `MicrosoftTeamsDevice`, `MicrosoftTeamsAnalytics`, `MicrosoftTeamsShifts`, `TeamsHealthcare`). "+
			"At least one of `record_types` and `user_ids` is needed.", stringvalidator.OneOf(adminapi.AuditLogRecordTypes...)),
		"operations": setOf("Audited activities the policy keeps (for example `MemberAdded`); only with exactly one value in `record_types`. " +
			"Left out, every activity of the record types."),
		"user_ids": setOf("Users whose activities the policy keeps. Left out, every user."),
		"retention_duration": schema.StringAttribute{Required: true,
			MarkdownDescription: "How long the records are kept: " + flex.Backticked(AuditRetentionDurations) + ". `TenYears` is the only value that covers " +
				"the six years HIPAA keeps documentation (45 CFR 164.316(b)(2)(i)).",
			Validators: []validator.String{stringvalidator.OneOf(AuditRetentionDurations...)}},
		"priority": schema.Int64Attribute{Required: true,
			MarkdownDescription: "Order of processing, 1 (first) to 10000 (last); no two policies may share a value. Every custom policy " +
				"takes precedence over Microsoft's default one.",
			Validators: []validator.Int64{int64validator.Between(1, 10000)}},
		"timeouts":    framework.TimeoutsAttribute(ctx),
		existing.Attr: existing.Attribute("audit log retention policy", "name"),
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "A Microsoft Purview audit log retention policy (`New-`/`Set-`/`Remove-UnifiedAuditLogRetentionPolicy`): how long " +
			"the unified audit log keeps the records of some record types, activities or users. For the HIPAA baseline, keep every Microsoft Teams " +
			"record (`record_types = [\"MicrosoftTeams\"]`) for `TenYears` (control HB.AUDIT.2: information system activity review and audit " +
			"controls, 45 CFR 164.308(a)(1)(ii)(D) and 164.312(b); the six-year documentation retention of 164.316(b)(2)(i) is the reason for the " +
			"length; this project's interpretation).\n\n" +
			"`Get-UnifiedAuditLogRetentionPolicy` has no `-Identity`: the policy is found by name among all of them (Microsoft's default policy " +
			"is never listed). `Set-` needs `priority` and `retention_duration` every time, so both are always sent; `record_types`, `operations` " +
			"and `user_ids` are sent whole when they change, and cleared when removed. A removed policy shows `Mode PendingDeletion` for a while " +
			"(\"up to 30 minutes\", Microsoft): it counts as gone when reading, destroy waits until it is really gone within `timeouts.delete`, and " +
			"a create of the same name waits for it. At most 50 policies per organization. Import with the policy name." +
			auditPremiumNote + wireNote + auditRetentionPermissions,
		Attributes: attrs,
	}
	r.AddBaselineSchema(resp.Schema.Attributes)
}

func (r *auditRetentionResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var m auditRetentionModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if m.RecordTypes.IsUnknown() || m.UserIDs.IsUnknown() || m.Operations.IsUnknown() {
		return
	}
	if m.RecordTypes.IsNull() && m.UserIDs.IsNull() {
		resp.Diagnostics.AddAttributeError(path.Root("record_types"), "A record type or a user is needed",
			"Set record_types (the audit record types to keep, for example [\"MicrosoftTeams\"]), user_ids, or both: Microsoft refuses a policy with neither.")
	}
	if !m.Operations.IsNull() && len(m.RecordTypes.Elements()) != 1 {
		resp.Diagnostics.AddAttributeError(path.Root("operations"), "operations needs exactly one record type",
			"Microsoft accepts operations only with exactly one value in record_types (New-UnifiedAuditLogRetentionPolicy). "+
				"Split the policy into one per record type, or remove operations to keep every activity of the record types.")
	}
}

// object is the lifecycle the policy shares with the other cmdlet objects.
func (r *auditRetentionResource) object() cmdletObject[auditRetentionModel] {
	return cmdletObject[auditRetentionModel]{client: r.Client, noun: "UnifiedAuditLogRetentionPolicy", display: "audit log retention policy", listOnly: true,
		key:      func(m auditRetentionModel) (types.String, timeouts.Value) { return m.ID, m.Timeouts },
		name:     func(m auditRetentionModel) types.String { return m.Name },
		fromRead: plainRead(r.fromRead), matches: r.matches,
		newParams: func(ctx context.Context, plan auditRetentionModel, _ tfsdk.Config, diags *diag.Diagnostics) map[string]any {
			return r.params(ctx, plan, nil, diags)
		},
		setParams: func(ctx context.Context, plan, prior auditRetentionModel, _ tfsdk.Config, diags *diag.Diagnostics) map[string]any {
			return r.params(ctx, plan, &prior, diags)
		}}
}

func (r *auditRetentionResource) fromRead(obj map[string]any, prior auditRetentionModel) auditRetentionModel {
	out := prior
	out.Name = flex.FlattenString(readString(field(obj, "Name")), prior.Name)
	out.ID = out.Name
	out.Description = flex.FlattenString(readString(field(obj, "Description")), prior.Description)
	out.RecordTypes = flex.FlattenStringSet(readStrings(field(obj, "RecordTypes")), prior.RecordTypes)
	out.Operations = flex.FlattenStringSet(readStrings(field(obj, "Operations")), prior.Operations)
	out.UserIDs = flex.FlattenStringSet(readStrings(field(obj, "UserIds")), prior.UserIDs)
	out.RetentionDuration = flex.FlattenString(readString(field(obj, "RetentionDuration")), prior.RetentionDuration)
	out.Priority = types.Int64Null()
	if n, ok := readInt(field(obj, "Priority")); ok {
		out.Priority = types.Int64Value(n)
	}
	return out
}

func (r *auditRetentionResource) matches(_ context.Context, plan auditRetentionModel) func(map[string]any) bool {
	return func(obj map[string]any) bool {
		got := r.fromRead(obj, plan)
		return plan.RetentionDuration.Equal(got.RetentionDuration) && plan.Priority.Equal(got.Priority) &&
			(!flex.Known(plan.Description) || plan.Description.Equal(got.Description)) &&
			plan.RecordTypes.Equal(got.RecordTypes) && plan.Operations.Equal(got.Operations) && plan.UserIDs.Equal(got.UserIDs)
	}
}

// params are the parameters New- and Set- share; on Set- (update) a list
// that changed is sent whole, and null clears it.
func (r *auditRetentionResource) params(ctx context.Context, plan auditRetentionModel, state *auditRetentionModel, diags *diag.Diagnostics) map[string]any {
	p := map[string]any{"RetentionDuration": plan.RetentionDuration.ValueString(), "Priority": plan.Priority.ValueInt64()}
	if flex.Known(plan.Description) {
		p["Description"] = plan.Description.ValueString()
	} else if state != nil && flex.Known(state.Description) {
		p["Description"] = ""
	}
	for _, l := range []struct {
		param       string
		plan, prior types.Set
	}{
		{"RecordTypes", plan.RecordTypes, priorSet(state, func(m *auditRetentionModel) types.Set { return m.RecordTypes })},
		{"Operations", plan.Operations, priorSet(state, func(m *auditRetentionModel) types.Set { return m.Operations })},
		{"UserIds", plan.UserIDs, priorSet(state, func(m *auditRetentionModel) types.Set { return m.UserIDs })},
	} {
		values := flex.ExpandStringSet(ctx, l.plan, diags)
		switch {
		case state == nil && len(values) > 0:
			p[l.param] = values
		case state != nil && !flex.SameStrings(values, flex.ExpandStringSet(ctx, l.prior, diags)):
			if len(values) == 0 {
				p[l.param] = nil // Set-UnifiedAuditLogRetentionPolicy.md example 2: $null removes every value
			} else {
				p[l.param] = values
			}
		}
	}
	return p
}

func priorSet(state *auditRetentionModel, get func(*auditRetentionModel) types.Set) types.Set {
	if state == nil {
		return types.SetNull(types.StringType)
	}
	return get(state)
}
