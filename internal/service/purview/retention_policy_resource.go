package purview

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/conns"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/service/baselinecheck"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/service/existing"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/service/timeoutsattr"
)

var (
	_ resource.ResourceWithConfigure      = (*retentionPolicyResource)(nil)
	_ resource.ResourceWithImportState    = (*retentionPolicyResource)(nil)
	_ resource.ResourceWithValidateConfig = (*retentionPolicyResource)(nil)
	_ resource.ResourceWithModifyPlan     = (*retentionPolicyResource)(nil)
)

type retentionPolicyResource struct {
	client *conns.Client
}

func newRetentionPolicyResource() resource.Resource { return &retentionPolicyResource{} }

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

func (r *retentionPolicyResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_retention_policy"
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
		"timeouts":    timeoutsattr.Attributes(ctx, defaultTimeout),
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
	baselinecheck.AddSchema("teamshipaa_retention_policy", resp.Schema.Attributes)
}

// ModifyPlan reports planned values that depart from the baseline catalog.
func (r *retentionPolicyResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	notePolicyPlanned(ctx, r.client, "RetentionCompliancePolicy", req)
	baselinecheck.ModifyPlan(ctx, "teamshipaa_retention_policy", r.client, req, resp)
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

func (r *retentionPolicyResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = conns.FromProviderData(req.ProviderData, &resp.Diagnostics)
}

// object is the lifecycle the retention policy shares with the other cmdlet objects.
func (r *retentionPolicyResource) object() cmdletObject[retentionPolicyModel] {
	return cmdletObject[retentionPolicyModel]{client: r.client, noun: "RetentionCompliancePolicy", display: "retention policy",
		key:      func(m retentionPolicyModel) (types.String, timeouts.Value) { return m.ID, m.Timeouts },
		fromRead: plainRead(r.fromRead), matches: r.matches}
}

func (r *retentionPolicyResource) fromRead(obj map[string]any, prior retentionPolicyModel) retentionPolicyModel {
	out := prior
	out.Name = stringFromRead(readString(field(obj, "Name")), prior.Name)
	out.ID = out.Name
	out.Comment = stringFromRead(readString(field(obj, "Comment")), prior.Comment)
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
		if known(plan.Enabled) && !plan.Enabled.Equal(got.Enabled) {
			return false
		}
		if known(plan.Comment) && !plan.Comment.Equal(got.Comment) {
			return false
		}
		return locationsMatch(ctx, obj, &plan, retentionLocations)
	}
}

func (r *retentionPolicyResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan retentionPolicyModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	timeout, d := plan.Timeouts.Create(ctx, defaultTimeout)
	resp.Diagnostics.Append(d...)
	if resp.Diagnostics.HasError() {
		return
	}
	c, name := r.client.Compliance, plan.Name.ValueString()
	ctx, cancel := context.WithTimeout(ctx, timeout) // bounds the retries too
	defer cancel()
	if obj, found, ok := r.object().beforeCreate(ctx, req.Plan, name, timeout, &resp.Diagnostics); !ok {
		return
	} else if found {
		r.object().adopt(ctx, r.Update, obj, req, resp)
		return
	}
	params := map[string]any{"Name": name}
	if known(plan.Comment) {
		params["Comment"] = plan.Comment.ValueString()
	}
	if known(plan.Enabled) {
		params["Enabled"] = plan.Enabled.ValueBool()
	}
	newLocationParams(ctx, &plan, retentionLocations, params, &resp.Diagnostics)
	_, res, err := c.CreateOrRead(ctx, "New-RetentionCompliancePolicy", params, r.object().reader(name))
	addWarnings(&resp.Diagnostics, c, res)
	if err != nil {
		resp.Diagnostics.AddError("Creating retention policy "+name, err.Error())
		return
	}
	plan.ID = plan.Name
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), plan.ID)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("name"), plan.Name)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("timeouts"), plan.Timeouts)...)
	r.object().finish(ctx, name, plan, timeout, &resp.State, &resp.Diagnostics)
}

func (r *retentionPolicyResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	r.object().read(ctx, req, resp)
}

func (r *retentionPolicyResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state retentionPolicyModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	timeout, d := plan.Timeouts.Update(ctx, defaultTimeout)
	resp.Diagnostics.Append(d...)
	if resp.Diagnostics.HasError() {
		return
	}
	name := state.ID.ValueString()
	params := map[string]any{"Identity": name}
	changed := setLocationParams(ctx, &state, &plan, retentionLocations, params, &resp.Diagnostics)
	if !plan.Comment.Equal(state.Comment) {
		params["Comment"] = plan.Comment.ValueString()
		changed = true
	}
	if known(plan.Enabled) && !plan.Enabled.Equal(state.Enabled) {
		params["Enabled"] = plan.Enabled.ValueBool()
		changed = true
	}
	if changed && !r.object().set(ctx, name, params, timeout, &resp.Diagnostics) {
		return
	}
	r.object().finish(ctx, plan.Name.ValueString(), plan, timeout, &resp.State, &resp.Diagnostics)
}

func (r *retentionPolicyResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	r.object().delete(ctx, req, resp)
}

func (r *retentionPolicyResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	resource.ImportStatePassthroughID(ctx, path.Root("id"), req, resp)
}
