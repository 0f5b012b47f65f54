package purview

import (
	"context"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
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

var dlpModes = []string{"Enable", "TestWithNotifications", "TestWithoutNotifications", "Disable"}

type dlpPolicyResource struct{ cmdletResource[dlpPolicyModel] }

func newDLPPolicyResource() resource.Resource {
	r := &dlpPolicyResource{}
	r.cmdletResource = newCmdletResource("teamshipaa_dlp_policy", r.object)
	return r
}

type dlpPolicyModel struct {
	ID                     types.String   `tfsdk:"id"`
	Name                   types.String   `tfsdk:"name"`
	Comment                types.String   `tfsdk:"comment"`
	Mode                   types.String   `tfsdk:"mode"`
	TeamsLocation          types.Set      `tfsdk:"teams_location"`
	TeamsLocationException types.Set      `tfsdk:"teams_location_exception"`
	ExchangeLocation       types.Set      `tfsdk:"exchange_location"`
	SharePointLocation     types.Set      `tfsdk:"sharepoint_location"`
	OneDriveLocation       types.Set      `tfsdk:"onedrive_location"`
	Timeouts               timeouts.Value `tfsdk:"timeouts"`
	AdoptExisting          types.Bool     `tfsdk:"adopt_existing"`
	baselinecheck.Args
}

var dlpLocations = []location[dlpPolicyModel]{
	{attr: "teams_location", param: "TeamsLocation", get: func(m *dlpPolicyModel) *types.Set { return &m.TeamsLocation },
		desc: "Teams chat and channel messages in scope: `[\"All\"]`, or the email addresses / object ids of specific users and groups."},
	{attr: "teams_location_exception", param: "TeamsLocationException", exceptionOf: "teams_location",
		get:  func(m *dlpPolicyModel) *types.Set { return &m.TeamsLocationException },
		desc: "Users or groups excluded from `teams_location = [\"All\"]`."},
	{attr: "exchange_location", param: "ExchangeLocation", get: func(m *dlpPolicyModel) *types.Set { return &m.ExchangeLocation },
		desc: "Exchange email in scope: `[\"All\"]` or distribution groups."},
	{attr: "sharepoint_location", param: "SharePointLocation", get: func(m *dlpPolicyModel) *types.Set { return &m.SharePointLocation },
		desc: "SharePoint sites in scope: `[\"All\"]` or site URLs."},
	{attr: "onedrive_location", param: "OneDriveLocation", get: func(m *dlpPolicyModel) *types.Set { return &m.OneDriveLocation },
		desc: "OneDrive accounts in scope: `[\"All\"]` or account URLs / users. Meeting recordings and transcripts are stored in OneDrive and SharePoint."},
}

func (r *dlpPolicyResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	attrs := map[string]schema.Attribute{
		"id": schema.StringAttribute{Computed: true, MarkdownDescription: "The policy name.",
			PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()}},
		"name": schema.StringAttribute{Required: true, MarkdownDescription: "Unique name of the policy. Changing it replaces the policy.",
			Validators:    []validator.String{stringvalidator.LengthBetween(1, 64)},
			PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()}},
		"comment": schema.StringAttribute{Optional: true, MarkdownDescription: "Free-text description."},
		"mode": schema.StringAttribute{Optional: true, Computed: true,
			MarkdownDescription: "One of: " + flex.Backticked(dlpModes) + ". Left out, the service's default (read back) is kept. " +
				"Roll out as `TestWithNotifications`, then `Enable`.",
			Validators:    []validator.String{stringvalidator.OneOf(dlpModes...)},
			PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()}},
		"timeouts":    framework.TimeoutsAttribute(ctx),
		existing.Attr: existing.Attribute("DLP policy", "name"),
	}
	locationSchema(dlpLocations, attrs)
	resp.Schema = schema.Schema{
		MarkdownDescription: "A Microsoft Purview data loss prevention policy (`New-`/`Set-`/`Remove-DlpCompliancePolicy`): where DLP " +
			"applies. Its `teamshipaa_dlp_rule`s say what it detects and does. For the HIPAA baseline, cover Teams (`teams_location = [\"All\"]`) " +
			"plus Exchange, SharePoint and OneDrive, with `mode = \"Enable\"` (SCuBA MS.SECURITYSUITE.3.2, CIS 3.2.2; 45 CFR 164.312(e)(1), " +
			"this project's interpretation).\n\n" +
			"Locations change in place: an update sends only the difference, as `Add<Location>`/`Remove<Location>` parameters. " +
			"At least one location must be set, `\"All\"` must stand alone, and `teams_location_exception` needs `teams_location = [\"All\"]` " +
			"(all checked at plan time). " +
			"Values are compared ignoring case.\n\n" +
			"Deleting a policy is asynchronous: the service first shows it with mode `PendingDeletion`, which this provider treats as gone " +
			"when reading (a policy found in that state is removed from the state and planned for creation). Destroy waits until the policy is " +
			"really gone, within `timeouts.delete`, so that a policy of the same name can be created next, and otherwise says that the service is " +
			"still deleting it. Changes take up to an hour to reach every workload. Import with the policy name." + wireNote + compliancePermissions,
		Attributes: attrs,
	}
	r.AddBaselineSchema(resp.Schema.Attributes)
}

// ModifyPlan reports planned values that depart from the baseline catalog.
func (r *dlpPolicyResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	notePolicyPlanned(r.Client, "DlpCompliancePolicy", req.Plan.Raw)
	r.CheckBaseline(ctx, req, resp)
}

func (r *dlpPolicyResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var m dlpPolicyModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	validateLocations(ctx, &m, dlpLocations, &resp.Diagnostics)
	requireLocation(ctx, &m, dlpLocations, "DLP policy", &resp.Diagnostics)
	siteURLs(ctx, "sharepoint_location", m.SharePointLocation, &resp.Diagnostics)
}

// object is the lifecycle the DLP policy shares with the other cmdlet objects.
func (r *dlpPolicyResource) object() cmdletObject[dlpPolicyModel] {
	return cmdletObject[dlpPolicyModel]{client: r.Client, noun: "DlpCompliancePolicy", display: "DLP policy",
		key:      func(m dlpPolicyModel) (types.String, timeouts.Value) { return m.ID, m.Timeouts },
		name:     func(m dlpPolicyModel) types.String { return m.Name },
		fromRead: plainRead(r.fromRead), matches: r.matches, newParams: r.newParams, setParams: r.setParams}
}

// fromRead is the state for obj, keeping prior's spelling where only case differs.
func (r *dlpPolicyResource) fromRead(obj map[string]any, prior dlpPolicyModel) dlpPolicyModel {
	out := prior
	name := readString(field(obj, "Name"))
	out.Name = flex.FlattenString(name, prior.Name)
	out.ID = out.Name
	out.Comment = flex.FlattenString(readString(field(obj, "Comment")), prior.Comment)
	out.Mode = flex.FlattenString(readString(field(obj, "Mode")), prior.Mode)
	readLocations(obj, &out, &prior, dlpLocations)
	return out
}

func (r *dlpPolicyResource) matches(ctx context.Context, plan dlpPolicyModel) func(map[string]any) bool {
	return func(obj map[string]any) bool {
		if flex.Known(plan.Mode) && !strings.EqualFold(readString(field(obj, "Mode")), plan.Mode.ValueString()) {
			return false
		}
		if flex.Known(plan.Comment) && readString(field(obj, "Comment")) != plan.Comment.ValueString() {
			return false
		}
		return locationsMatch(ctx, obj, &plan, dlpLocations)
	}
}

// newParams are New-DlpCompliancePolicy's parameters.
func (r *dlpPolicyResource) newParams(ctx context.Context, plan dlpPolicyModel, _ tfsdk.Config, diags *diag.Diagnostics) map[string]any {
	params := map[string]any{}
	if flex.Known(plan.Comment) {
		params["Comment"] = plan.Comment.ValueString()
	}
	if flex.Known(plan.Mode) {
		params["Mode"] = plan.Mode.ValueString()
	}
	newLocationParams(ctx, &plan, dlpLocations, params, diags)
	return params
}

// setParams are Set-DlpCompliancePolicy's parameters for what changed.
func (r *dlpPolicyResource) setParams(ctx context.Context, plan, state dlpPolicyModel, _ tfsdk.Config, diags *diag.Diagnostics) map[string]any {
	params := map[string]any{}
	setLocationParams(ctx, &state, &plan, dlpLocations, params, diags)
	if !plan.Comment.Equal(state.Comment) {
		params["Comment"] = plan.Comment.ValueString() // null clears it
	}
	if flex.Known(plan.Mode) && !plan.Mode.Equal(state.Mode) {
		params["Mode"] = plan.Mode.ValueString()
	}
	return params
}
