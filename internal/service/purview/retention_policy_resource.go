package purview

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
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

type retentionPolicyResource struct {
	cmdletResource[retentionPolicyModel]
}

func newRetentionPolicyResource() resource.Resource {
	r := &retentionPolicyResource{}
	r.cmdletResource = newCmdletResource("teamshipaa_retention_policy", r.object)
	return r
}

type retentionPolicyModel struct {
	ID                            types.String   `tfsdk:"id"`
	Name                          types.String   `tfsdk:"name"`
	Comment                       types.String   `tfsdk:"comment"`
	Enabled                       types.Bool     `tfsdk:"enabled"`
	TeamsChatLocation             types.Set      `tfsdk:"teams_chat_location"`
	TeamsChatLocationException    types.Set      `tfsdk:"teams_chat_location_exception"`
	TeamsChannelLocation          types.Set      `tfsdk:"teams_channel_location"`
	TeamsChannelLocationException types.Set      `tfsdk:"teams_channel_location_exception"`
	Timeouts                      timeouts.Value `tfsdk:"timeouts"`
	AdoptExisting                 types.Bool     `tfsdk:"adopt_existing"`
	baselinecheck.Args
}

var retentionLocations = []location[retentionPolicyModel]{
	{attr: "teams_chat_location", param: "TeamsChatLocation", get: func(m *retentionPolicyModel) *types.Set { return &m.TeamsChatLocation },
		desc: "Teams chats (1:1 and group) in scope: `[\"All\"]` or specific users."},
	{attr: "teams_chat_location_exception", param: "TeamsChatLocationException", exceptionOf: "teams_chat_location",
		get:  func(m *retentionPolicyModel) *types.Set { return &m.TeamsChatLocationException },
		desc: "Users excluded from `teams_chat_location = [\"All\"]`."},
	{attr: "teams_channel_location", param: "TeamsChannelLocation", get: func(m *retentionPolicyModel) *types.Set { return &m.TeamsChannelLocation },
		desc: "Teams standard channel messages in scope: `[\"All\"]` or specific teams (Microsoft 365 groups)."},
	{attr: "teams_channel_location_exception", param: "TeamsChannelLocationException", exceptionOf: "teams_channel_location",
		get:  func(m *retentionPolicyModel) *types.Set { return &m.TeamsChannelLocationException },
		desc: "Teams excluded from `teams_channel_location = [\"All\"]`."},
}

func (r *retentionPolicyResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	attrs := map[string]schema.Attribute{
		"id": schema.StringAttribute{Computed: true, MarkdownDescription: "The policy name.",
			PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()}},
		"name": schema.StringAttribute{Required: true, MarkdownDescription: "Unique name of the policy. Changing it replaces the policy.",
			Validators:    []validator.String{stringvalidator.LengthBetween(1, 64)},
			PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()}},
		"comment": schema.StringAttribute{Optional: true, MarkdownDescription: "Free-text description."},
		"enabled": schema.BoolAttribute{Optional: true, Computed: true, MarkdownDescription: "Whether the policy is on. Left out, the service's value is kept.",
			PlanModifiers: []planmodifier.Bool{boolplanmodifier.UseStateForUnknown()}},
		"timeouts":    framework.TimeoutsAttribute(ctx),
		existing.Attr: existing.Attribute("retention policy", "name"),
	}
	locationSchema(retentionLocations, attrs)
	resp.Schema = schema.Schema{
		MarkdownDescription: "A Microsoft Purview retention policy for Teams chats and channel messages " +
			"(`New-`/`Set-`/`Remove-RetentionCompliancePolicy`). Its `teamshipaa_retention_rule` says how long content is kept and " +
			"what happens then. Microsoft requires Teams locations to be in a policy of their own, so this resource offers only them. " +
			"For the HIPAA baseline, retain chats and channels per the organization's medical-records schedule, then delete " +
			"(45 CFR 164.316(b)(2)(i), 164.312(c)(1); this project's interpretation).\n\n" +
			"While an earlier change distributes, the service refuses further changes (\"...are being deployed. Once deployed, " +
			"additional actions can be performed.\"); updates and deletes are retried until it accepts them, within the `timeouts` " +
			"(10 minutes by default). Locations change in place through `Add<Location>`/`Remove<Location>` parameters; at least one " +
			"location must be set, `\"All\"` must stand alone and exceptions need their location set to `\"All\"` (checked at plan time). A policy in `PendingDeletion` " +
			"counts as gone when reading; destroy waits until it is really gone, within `timeouts.delete`. Import with the policy name." + wireNote + compliancePermissions,
		Attributes: attrs,
	}
	r.AddBaselineSchema(resp.Schema.Attributes)
}

// ModifyPlan reports planned values that depart from the baseline catalog.
func (r *retentionPolicyResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	notePolicyPlanned(r.Client, "RetentionCompliancePolicy", req.Plan.Raw)
	r.CheckBaseline(ctx, req, resp)
}

func (r *retentionPolicyResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var m retentionPolicyModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	validateLocations(ctx, &m, retentionLocations, &resp.Diagnostics)
	requireLocation(ctx, &m, retentionLocations, "retention policy", &resp.Diagnostics)
}

// object is the lifecycle the retention policy shares with the other cmdlet objects.
func (r *retentionPolicyResource) object() cmdletObject[retentionPolicyModel] {
	return cmdletObject[retentionPolicyModel]{client: r.Client, noun: "RetentionCompliancePolicy", display: "retention policy",
		key:      func(m retentionPolicyModel) (types.String, timeouts.Value) { return m.ID, m.Timeouts },
		name:     func(m retentionPolicyModel) types.String { return m.Name },
		fromRead: plainRead(r.fromRead), matches: r.matches, newParams: r.newParams, setParams: r.setParams}
}

func (r *retentionPolicyResource) fromRead(obj map[string]any, prior retentionPolicyModel) retentionPolicyModel {
	out := prior
	out.Name = flex.FlattenString(readString(field(obj, "Name")), prior.Name)
	out.ID = out.Name
	out.Comment = flex.FlattenString(readString(field(obj, "Comment")), prior.Comment)
	out.Enabled = types.BoolNull()
	if b, ok := readBool(field(obj, "Enabled")); ok {
		out.Enabled = types.BoolValue(b)
	}
	readLocations(obj, &out, &prior, retentionLocations)
	return out
}

func (r *retentionPolicyResource) matches(ctx context.Context, plan retentionPolicyModel) func(map[string]any) bool {
	return func(obj map[string]any) bool {
		got := r.fromRead(obj, plan)
		if flex.Known(plan.Enabled) && !plan.Enabled.Equal(got.Enabled) {
			return false
		}
		if flex.Known(plan.Comment) && !plan.Comment.Equal(got.Comment) {
			return false
		}
		return locationsMatch(ctx, obj, &plan, retentionLocations)
	}
}

// newParams are New-RetentionCompliancePolicy's parameters.
func (r *retentionPolicyResource) newParams(ctx context.Context, plan retentionPolicyModel, _ tfsdk.Config, diags *diag.Diagnostics) map[string]any {
	params := map[string]any{}
	if flex.Known(plan.Comment) {
		params["Comment"] = plan.Comment.ValueString()
	}
	if flex.Known(plan.Enabled) {
		params["Enabled"] = plan.Enabled.ValueBool()
	}
	newLocationParams(ctx, &plan, retentionLocations, params, diags)
	return params
}

// setParams are Set-RetentionCompliancePolicy's parameters for what changed.
func (r *retentionPolicyResource) setParams(ctx context.Context, plan, state retentionPolicyModel, _ tfsdk.Config, diags *diag.Diagnostics) map[string]any {
	params := map[string]any{}
	setLocationParams(ctx, &state, &plan, retentionLocations, params, diags)
	if !plan.Comment.Equal(state.Comment) {
		params["Comment"] = plan.Comment.ValueString()
	}
	if flex.Known(plan.Enabled) && !plan.Enabled.Equal(state.Enabled) {
		params["Enabled"] = plan.Enabled.ValueBool()
	}
	return params
}
