package purview

import (
	"context"
	"regexp"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
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

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/flex"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/framework"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/service/baselinecheck"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/service/existing"
)

var (
	retentionActions      = []string{"Keep", "KeepAndDelete", "Delete"}
	expirationDateOptions = []string{"CreationAgeInDays", "ModificationAgeInDays"}
	durationRE            = regexp.MustCompile(`^(?i:unlimited)$|^[1-9][0-9]{0,5}$`)
)

type retentionRuleResource struct {
	cmdletResource[retentionRuleModel]
}

func newRetentionRuleResource() resource.Resource {
	r := &retentionRuleResource{}
	r.cmdletResource = newCmdletResource("teamshipaa_retention_rule", r.object)
	return r
}

type retentionRuleModel struct {
	ID                        types.String   `tfsdk:"id"`
	Name                      types.String   `tfsdk:"name"`
	Policy                    types.String   `tfsdk:"policy"`
	RetentionDuration         types.String   `tfsdk:"retention_duration"`
	RetentionComplianceAction types.String   `tfsdk:"retention_compliance_action"`
	ExpirationDateOption      types.String   `tfsdk:"expiration_date_option"`
	Timeouts                  timeouts.Value `tfsdk:"timeouts"`
	AdoptExisting             types.Bool     `tfsdk:"adopt_existing"`
	baselinecheck.Args
}

func (r *retentionRuleResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "The rule of a Microsoft Purview retention policy (`New-`/`Set-`/`Remove-RetentionComplianceRule`): how " +
			"long content is kept and what happens at the end. A Teams retention policy has one rule.\n\n" +
			"Right after its policy is created or changed, the service refuses rule changes while the policy deploys " +
			"(\"...are being deployed. Once deployed, additional actions can be performed.\"); create, update and delete retry " +
			"until it accepts them, within the `timeouts` (10 minutes by default). Plan-time checks: `retention_duration` is a " +
			"number of days (1-999999) or `Unlimited`, and `Unlimited` only goes with `Keep`. Import with the rule name." +
			wireNote + compliancePermissions,
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{Computed: true, MarkdownDescription: "The rule name.",
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()}},
			"name": schema.StringAttribute{Required: true, MarkdownDescription: "Unique name of the rule. Changing it replaces the rule.",
				Validators:    []validator.String{stringvalidator.LengthBetween(1, 64)},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()}},
			"policy": schema.StringAttribute{Required: true, MarkdownDescription: "Name of the retention policy (e.g. " +
				"`teamshipaa_retention_policy.x.name`). Changing it replaces the rule. The plan fails when the tenant has no such policy " +
				"and the configuration does not create it.",
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()}},
			"retention_duration": schema.StringAttribute{Required: true,
				MarkdownDescription: "How long content is retained: a number of days (for example `\"2190\"`, six years) or `Unlimited`.",
				Validators:          []validator.String{stringvalidator.RegexMatches(durationRE, "must be a number of days (1-999999) or \"Unlimited\"")}},
			"retention_compliance_action": schema.StringAttribute{Required: true,
				MarkdownDescription: "What happens to content: `Keep` (retain, never delete), `KeepAndDelete` (retain, then delete) or " +
					"`Delete` (delete after the duration). One of: " + flex.Backticked(retentionActions) + ".",
				Validators: []validator.String{stringvalidator.OneOf(retentionActions...)}},
			// Read only: Teams rules refuse the parameter, so it is never sent, and an
			// import's generated configuration must not set it.
			"expiration_date_option": schema.StringAttribute{Computed: true,
				MarkdownDescription: "What the duration counts from, as the service reports it (" + flex.Backticked(expirationDateOptions) +
					"). Read only: Microsoft's `New-RetentionComplianceRule` page says \"You can't use this parameter for Teams " +
					"retention rules\", and this provider's retention policies are Teams policies, so setting it is refused at plan time " +
					"(Teams messages count from creation).",
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()}},
			"timeouts":    framework.TimeoutsAttribute(ctx),
			existing.Attr: existing.Attribute("retention rule", "name"),
		},
	}
	baselinecheck.AddSchema("teamshipaa_retention_rule", resp.Schema.Attributes)
}

// ModifyPlan reports planned values that depart from the baseline catalog.
func (r *retentionRuleResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	resp.Diagnostics.Append(checkRulePolicy(ctx, r.Client, retentionRulePolicy, req.Plan.Raw)...)
	r.CheckBaseline(ctx, req, resp)
}

func (r *retentionRuleResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var m retentionRuleModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if flex.Known(m.RetentionDuration) && flex.Known(m.RetentionComplianceAction) &&
		strings.EqualFold(m.RetentionDuration.ValueString(), "Unlimited") && m.RetentionComplianceAction.ValueString() != "Keep" {
		resp.Diagnostics.AddAttributeError(path.Root("retention_duration"), "Unlimited retention cannot delete",
			m.RetentionComplianceAction.ValueString()+" deletes content when the duration ends; with retention_duration = \"Unlimited\" use \"Keep\".")
	}
	teamsRetentionRuleRefusals(m, &resp.Diagnostics)
}

// teamsRetentionRuleRefusals, rule PURVIEW.RETENTION.EXPIRATION:
// MicrosoftDocs/office-docs-powershell New-RetentionComplianceRule.md and
// Set-RetentionComplianceRule.md, -ExpirationDateOption: "You can't use this
// parameter for Teams retention rules." teamshipaa_retention_policy only has
// Teams locations, so a rule here is a Teams rule.
func teamsRetentionRuleRefusals(m retentionRuleModel, diags *diag.Diagnostics) {
	if m.ExpirationDateOption.IsNull() || m.ExpirationDateOption.IsUnknown() {
		return
	}
	diags.AddAttributeError(path.Root("expiration_date_option"), "expiration_date_option is not allowed on Teams retention rules",
		"Rule PURVIEW.RETENTION.EXPIRATION: Microsoft's New-RetentionComplianceRule and Set-RetentionComplianceRule documentation says of "+
			"ExpirationDateOption: \"You can't use this parameter for Teams retention rules.\" Remove expiration_date_option; Teams messages "+
			"are retained from their creation.")
}

// object is the lifecycle the retention rule shares with the other cmdlet objects.
func (r *retentionRuleResource) object() cmdletObject[retentionRuleModel] {
	return cmdletObject[retentionRuleModel]{client: r.Client, noun: "RetentionComplianceRule", display: "retention rule",
		key:      func(m retentionRuleModel) (types.String, timeouts.Value) { return m.ID, m.Timeouts },
		name:     func(m retentionRuleModel) types.String { return m.Name },
		fromRead: plainRead(r.fromRead), matches: r.matches, afterRead: r.policyName,
		newParams: func(_ context.Context, plan retentionRuleModel, _ tfsdk.Config, _ *diag.Diagnostics) map[string]any {
			p := r.params(plan, nil)
			p["Policy"] = plan.Policy.ValueString()
			return p
		},
		setParams: func(_ context.Context, plan, state retentionRuleModel, _ tfsdk.Config, _ *diag.Diagnostics) map[string]any {
			return r.params(plan, &state)
		}}
}

func durationParam(s string) any {
	if n, err := strconv.Atoi(s); err == nil {
		return n
	}
	return "Unlimited"
}

func (r *retentionRuleResource) fromRead(obj map[string]any, prior retentionRuleModel) retentionRuleModel {
	out := prior
	out.Name = flex.FlattenString(readString(field(obj, "Name")), prior.Name)
	out.ID = out.Name
	policy := readString(firstOf(obj, "Policy", "ParentPolicyName"))
	if guidLike.MatchString(policy) && flex.Known(prior.Policy) {
		out.Policy = prior.Policy // read back as the policy's GUID
	} else {
		out.Policy = flex.FlattenString(policy, prior.Policy)
	}
	out.RetentionDuration = flex.FlattenString(readString(field(obj, "RetentionDuration")), prior.RetentionDuration)
	out.RetentionComplianceAction = flex.FlattenString(readString(field(obj, "RetentionComplianceAction")), prior.RetentionComplianceAction)
	out.ExpirationDateOption = flex.FlattenString(readString(field(obj, "ExpirationDateOption")), prior.ExpirationDateOption)
	return out
}

func (r *retentionRuleResource) matches(_ context.Context, plan retentionRuleModel) func(map[string]any) bool {
	return func(obj map[string]any) bool {
		got := r.fromRead(obj, plan)
		for _, p := range [][2]types.String{{plan.RetentionDuration, got.RetentionDuration},
			{plan.RetentionComplianceAction, got.RetentionComplianceAction}, {plan.ExpirationDateOption, got.ExpirationDateOption}} {
			if flex.Known(p[0]) && !p[0].Equal(p[1]) {
				return false
			}
		}
		return true
	}
}

func (r *retentionRuleResource) params(plan retentionRuleModel, state *retentionRuleModel) map[string]any {
	p := map[string]any{}
	if state == nil || !plan.RetentionDuration.Equal(state.RetentionDuration) {
		p["RetentionDuration"] = durationParam(plan.RetentionDuration.ValueString())
	}
	if state == nil || !plan.RetentionComplianceAction.Equal(state.RetentionComplianceAction) {
		p["RetentionComplianceAction"] = plan.RetentionComplianceAction.ValueString()
	}
	return p
}

// policyName names the policy of a rule read after an import:
// Get-RetentionComplianceRule names it by GUID, and there is no configured
// name to keep, so look the name up.
func (r *retentionRuleResource) policyName(ctx context.Context, prior retentionRuleModel, got *retentionRuleModel, diags *diag.Diagnostics) bool {
	if flex.Known(prior.Policy) || !guidLike.MatchString(got.Policy.ValueString()) {
		return true
	}
	p, found, err := getOne(ctx, r.Client.Compliance, "Get-RetentionCompliancePolicy", got.Policy.ValueString())
	if err != nil {
		diags.AddError("Reading the policy of retention rule "+prior.ID.ValueString(), err.Error())
		return false
	}
	if found {
		got.Policy = types.StringValue(readString(field(p, "Name")))
	}
	return true
}
