package teams

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/clients/configapi"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/conns"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/poll"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/transport"
)

// The types that can be assigned (assignableTypes, tenantOnlyTypes) come
// from the type table: PolicyType.Assignment.
var (
	guidRE            = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)
	tenantAssignmentK = "global"
)

var (
	_ resource.ResourceWithConfigure      = (*policyAssignmentResource)(nil)
	_ resource.ResourceWithImportState    = (*policyAssignmentResource)(nil)
	_ resource.ResourceWithValidateConfig = (*policyAssignmentResource)(nil)
	_ resource.ResourceWithModifyPlan     = (*policyAssignmentResource)(nil)
)

type policyAssignmentResource struct {
	client *conns.Client
}

func newPolicyAssignmentResource() resource.Resource { return &policyAssignmentResource{} }

type policyAssignmentModel struct {
	ID         types.String `tfsdk:"id"`
	PolicyType types.String `tfsdk:"policy_type"`
	PolicyName types.String `tfsdk:"policy_name"`
	GroupID    types.String `tfsdk:"group_id"`
	Rank       types.Int64  `tfsdk:"rank"`
}

func (m policyAssignmentModel) group() bool {
	return !m.GroupID.IsNull() && m.GroupID.ValueString() != ""
}

func (m policyAssignmentModel) describe() string {
	if m.group() {
		return fmt.Sprintf("assignment of %s %q to group %s", m.PolicyType.ValueString(), m.PolicyName.ValueString(), m.GroupID.ValueString())
	}
	return fmt.Sprintf("tenant-wide default %s %q", m.PolicyType.ValueString(), m.PolicyName.ValueString())
}

func (r *policyAssignmentResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_policy_assignment"
}

func (r *policyAssignmentResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Assigns a Teams policy to a group (the REST call behind `New-CsGroupPolicyAssignment` and " +
			"`Grant-Cs<Type>Policy -Group`), or, without `group_id`, makes it the tenant-wide default (`Grant-Cs<Type>Policy -Global`). " +
			"Destroying a group assignment removes it; destroying a tenant-wide default returns the tenant to its `Global` policy.\n\n" +
			"Ranks decide which policy wins for a user in several groups (1 is highest). The service keeps them sequential: inserting " +
			"an assignment at a rank moves the ones at and below it down, so give each assignment of a type its own rank.\n\n" +
			"Assignments reach users asynchronously (Microsoft documents hours for large groups). Microsoft documents the cmdlets, " +
			"not these REST calls: the routes are those the MicrosoftTeams module itself uses, recorded in the provider's source." + waits + "\n\n" +
			"Group assignment is not available in the Microsoft 365 DoD cloud (Microsoft's `New-CsGroupPolicyAssignment` page); with " +
			"`environment = \"dod\"` a `group_id` is refused at plan time." + permissions,
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{Computed: true, MarkdownDescription: "`<policy_type>/<group_id>`, or `<policy_type>/global`.",
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()}},
			"policy_type": schema.StringAttribute{Required: true,
				MarkdownDescription: "The policy type. One of: " + backticked(assignableTypes) + ". " + backticked(tenantOnlyTypeList) + " can only be a tenant-wide default.",
				Validators:          []validator.String{stringvalidator.OneOf(assignableTypes...)},
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()}},
			"policy_name": schema.StringAttribute{Required: true,
				MarkdownDescription: "The name of the policy to assign, without the `Tag:` prefix (for example `teamshipaa_meeting_policy.x.name`). " +
					"For a tenant-wide default, `Global` returns the tenant to its Global policy. The plan fails when the tenant has no such " +
					"policy and the configuration does not create it: reference the policy resource's `name`, so that it is created first."},
			"group_id": schema.StringAttribute{Optional: true,
				MarkdownDescription: "Object ID of the Microsoft Entra group. Leave it out to make the policy the tenant-wide default.",
				Validators:          []validator.String{stringvalidator.RegexMatches(guidRE, "must be a group object ID (a GUID)")},
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()}},
			"rank": schema.Int64Attribute{Optional: true, Computed: true,
				MarkdownDescription: "Priority among the groups assigned a policy of this type, 1 being highest. Only with `group_id`; " +
					"left out, a new assignment goes last.",
				Validators:    []validator.Int64{int64validator.AtLeast(1)},
				PlanModifiers: []planmodifier.Int64{int64planmodifier.UseStateForUnknown()}},
		},
	}
}

func (r *policyAssignmentResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var m policyAssignmentModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	policyNameInput(m, &resp.Diagnostics)
	if m.GroupID.IsUnknown() {
		return
	}
	if !m.group() && !m.Rank.IsNull() && !m.Rank.IsUnknown() {
		resp.Diagnostics.AddAttributeError(path.Root("rank"), "rank needs group_id",
			"A rank orders group assignments; a tenant-wide default (no group_id) has none.")
	}
	if m.group() && tenantOnlyTypes[m.PolicyType.ValueString()] {
		resp.Diagnostics.AddAttributeError(path.Root("group_id"), "Not assignable to groups",
			m.PolicyType.ValueString()+" cannot be assigned to a group (New-CsGroupPolicyAssignment does not support it); leave group_id out to make it the tenant-wide default.")
	}
	if m.group() && strings.EqualFold(m.PolicyName.ValueString(), globalIdentity) {
		resp.Diagnostics.AddAttributeError(path.Root("policy_name"), "Global cannot be assigned to a group",
			"Users without an assignment get Global already; assign a named policy, or remove the assignment.")
	}
}

// ModifyPlan refuses, at plan time, what the configured cloud refuses and an
// assignment to a policy that does not exist; both need the configured
// provider, hence not in ValidateConfig.
func (r *policyAssignmentResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() || r.client == nil {
		return
	}
	var m policyAssignmentModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	checkGroupAssignmentCloud(r.client.Cloud, m, &resp.Diagnostics)
	r.checkPolicyExists(ctx, m, &resp.Diagnostics)
}

// checkGroupAssignmentCloud: rule TEAMS.ASSIGN.DOD. Microsoft's
// New-CsGroupPolicyAssignment page (MicrosoftDocs/office-docs-powershell,
// teams/teams-ps/teams/New-CsGroupPolicyAssignment.md): "Group policy
// assignment is currently not available in the Microsoft 365 DoD
// deployment." A tenant-wide default (no group_id) is still allowed.
func checkGroupAssignmentCloud(cloud string, m policyAssignmentModel, diags *diag.Diagnostics) {
	if cloud != "dod" || m.GroupID.IsNull() || (!m.GroupID.IsUnknown() && m.GroupID.ValueString() == "") {
		return
	}
	diags.AddAttributeError(path.Root("group_id"), "Group policy assignment is not available in the DoD cloud",
		"Rule TEAMS.ASSIGN.DOD: the provider's environment is \"dod\", and Microsoft's New-CsGroupPolicyAssignment documentation says "+
			"\"Group policy assignment is currently not available in the Microsoft 365 DoD deployment.\" Leave group_id out to make "+
			m.PolicyType.ValueString()+" the tenant-wide default instead, or assign it per user outside Terraform.")
}

func (r *policyAssignmentResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = conns.FromProviderData(req.ProviderData, &resp.Diagnostics)
}

func (r *policyAssignmentResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan policyAssignmentModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	plan.ID = types.StringValue(assignmentID(plan))
	r.write(ctx, plan, &resp.State, &resp.Diagnostics, "Creating the ", true)
}

func (r *policyAssignmentResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan policyAssignmentModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	r.write(ctx, plan, &resp.State, &resp.Diagnostics, "Updating the ", false)
}

// write assigns, saves the identity at once (so a failed read-back cannot
// orphan the assignment), then waits for the assignment to read back.
func (r *policyAssignmentResource) write(ctx context.Context, plan policyAssignmentModel, st *tfsdk.State, diags *diag.Diagnostics, verb string, create bool) {
	typ, name := plan.PolicyType.ValueString(), plan.PolicyName.ValueString()
	ctx, cancel := context.WithTimeout(ctx, writeTimeout) // bounds the retries too
	defer cancel()
	var rank int64
	if !plan.Rank.IsNull() && !plan.Rank.IsUnknown() {
		rank = plan.Rank.ValueInt64()
	}
	var res configapi.Result
	var err error
	switch {
	case plan.group() && create:
		res, err = r.client.ConfigAPI.CreateGroupAssignment(ctx, typ, plan.GroupID.ValueString(), name, rank)
	case plan.group():
		res, err = r.client.ConfigAPI.UpdateGroupAssignment(ctx, typ, plan.GroupID.ValueString(), name, rank)
	default:
		res, err = r.client.ConfigAPI.SetTenantAssignment(ctx, typ, name)
	}
	addWarnings(diags, res)
	if err != nil {
		diags.AddError(verb+plan.describe(), err.Error())
		return
	}
	diags.Append(st.SetAttribute(ctx, path.Root("id"), plan.ID)...)
	diags.Append(st.SetAttribute(ctx, path.Root("policy_type"), plan.PolicyType)...)
	diags.Append(st.SetAttribute(ctx, path.Root("policy_name"), plan.PolicyName)...)
	diags.Append(st.SetAttribute(ctx, path.Root("group_id"), plan.GroupID)...)

	got, err := poll.ReadBack(ctx, poll.Options{Timeout: writeTimeout}, "the "+plan.describe()+" to read back", r.reader(plan),
		func(got policyAssignmentModel) bool {
			return strings.EqualFold(got.PolicyName.ValueString(), name) && (rank == 0 || got.Rank.ValueInt64() == rank)
		})
	if err != nil {
		diags.AddError("Reading back the "+plan.describe(), err.Error())
		return
	}
	got.PolicyName = plan.PolicyName // the service's spelling may differ in case
	diags.Append(st.Set(ctx, &got)...)
}

// reader is read for the assignment m describes, in the shape poll waits on.
func (r *policyAssignmentResource) reader(m policyAssignmentModel) poll.Read[policyAssignmentModel] {
	return func(ctx context.Context) (policyAssignmentModel, bool, error) { return r.read(ctx, m) }
}

// read fetches the assignment m describes; found is false when it is gone.
func (r *policyAssignmentResource) read(ctx context.Context, m policyAssignmentModel) (policyAssignmentModel, bool, error) {
	out := m
	if m.group() {
		a, _, err := r.client.ConfigAPI.GetGroupAssignment(ctx, m.PolicyType.ValueString(), m.GroupID.ValueString())
		if transport.IsNotFound(err) {
			return out, false, nil
		}
		if err != nil {
			return out, false, err
		}
		out.PolicyName, out.Rank = types.StringValue(a.PolicyName), types.Int64Value(a.Rank)
		return out, true, nil
	}
	name, _, err := r.client.ConfigAPI.GetTenantAssignment(ctx, m.PolicyType.ValueString())
	if err != nil {
		return out, false, err
	}
	out.PolicyName, out.Rank = types.StringValue(name), types.Int64Null()
	return out, true, nil
}

func (r *policyAssignmentResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state policyAssignmentModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	got, found, err := r.read(ctx, state)
	if err != nil {
		resp.Diagnostics.AddError("Reading the "+state.describe(), err.Error())
		return
	}
	if !found {
		resp.State.RemoveResource(ctx)
		return
	}
	if strings.EqualFold(got.PolicyName.ValueString(), state.PolicyName.ValueString()) {
		got.PolicyName = state.PolicyName
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &got)...)
}

func (r *policyAssignmentResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state policyAssignmentModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	typ := state.PolicyType.ValueString()
	ctx, cancel := context.WithTimeout(ctx, writeTimeout) // bounds the retries too
	defer cancel()
	if !state.group() {
		if _, err := r.client.ConfigAPI.SetTenantAssignment(ctx, typ, globalIdentity); err != nil {
			resp.Diagnostics.AddError("Returning the tenant to its Global "+typ, err.Error())
		}
		return
	}
	_, err := r.client.ConfigAPI.DeleteGroupAssignment(ctx, typ, state.GroupID.ValueString())
	if err != nil && !transport.IsNotFound(err) {
		resp.Diagnostics.AddError("Deleting the "+state.describe(), err.Error())
		return
	}
	if err := poll.Gone(ctx, poll.Options{Timeout: writeTimeout}, "the "+state.describe()+" to be gone", r.reader(state)); err != nil {
		resp.Diagnostics.AddError("Confirming the deletion of the "+state.describe(), err.Error())
	}
}

func (r *policyAssignmentResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	typ, target, ok := strings.Cut(req.ID, "/")
	if !ok || typ == "" || target == "" {
		resp.Diagnostics.AddError("Unexpected import ID", fmt.Sprintf("Expected <policy_type>/<group_id> or <policy_type>/global, got %q.", req.ID))
		return
	}
	m := policyAssignmentModel{ID: types.StringValue(req.ID), PolicyType: types.StringValue(typ), PolicyName: types.StringValue(""),
		GroupID: types.StringNull(), Rank: types.Int64Null()}
	if !strings.EqualFold(target, tenantAssignmentK) {
		m.GroupID = types.StringValue(target)
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

func assignmentID(m policyAssignmentModel) string {
	if m.group() {
		return m.PolicyType.ValueString() + "/" + m.GroupID.ValueString()
	}
	return m.PolicyType.ValueString() + "/" + tenantAssignmentK
}
