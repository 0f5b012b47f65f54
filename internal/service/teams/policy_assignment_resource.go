package teams

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
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
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/flex"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/framework"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/poll"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/transport"
)

// The types that can be assigned (assignableTypes, tenantOnlyTypes) come
// from the type table: PolicyType.Assignment.
var tenantAssignmentK = "global"

var (
	_ resource.ResourceWithConfigure      = (*policyAssignmentResource)(nil)
	_ resource.ResourceWithImportState    = (*policyAssignmentResource)(nil)
	_ resource.ResourceWithValidateConfig = (*policyAssignmentResource)(nil)
	_ resource.ResourceWithModifyPlan     = (*policyAssignmentResource)(nil)
)

type policyAssignmentResource struct {
	framework.WithLifecycle[policyAssignmentModel, policyAssignmentModel]
	framework.ResourceWithConfigure
}

// ReadsStateOnly opts the Read in to internal/protoserver's direct read
// (framework.StateOnlyReader): it is framework.Object's ReadResource, which
// reads the state and writes the state and diagnostics only. Plans stay with
// the framework: ModifyPlan reads the tenant.
func (*policyAssignmentResource) ReadsStateOnly() {}

var _ framework.StateOnlyReader = (*policyAssignmentResource)(nil)

func newPolicyAssignmentResource() resource.Resource {
	r := &policyAssignmentResource{ResourceWithConfigure: framework.NewResource("teamshipaa_policy_assignment")}
	r.WithLifecycle = framework.NewLifecycle(r.object)
	return r
}

type policyAssignmentModel struct {
	ID         types.String   `tfsdk:"id"`
	PolicyType types.String   `tfsdk:"policy_type"`
	PolicyName types.String   `tfsdk:"policy_name"`
	GroupID    types.String   `tfsdk:"group_id"`
	Rank       types.Int64    `tfsdk:"rank"`
	Timeouts   timeouts.Value `tfsdk:"timeouts"`
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

func (r *policyAssignmentResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Assigns a Teams policy to a group (the REST call behind `New-CsGroupPolicyAssignment` and " +
			"`Grant-Cs<Type>Policy -Group`), or, without `group_id`, makes it the tenant-wide default (`Grant-Cs<Type>Policy -Global`). " +
			"Destroying a group assignment removes it; destroying a tenant-wide default returns the tenant to its `Global` policy.\n\n" +
			"Ranks decide which policy wins for a user in several groups (1 is highest). The service keeps them sequential: inserting " +
			"an assignment at a rank moves the ones at and below it down, so give each assignment of a type its own rank.\n\n" +
			"Assignments reach users asynchronously (Microsoft documents hours for large groups). Microsoft documents the cmdlets, " +
			"not these REST calls: the routes are those the MicrosoftTeams module itself uses, recorded in the provider's source.\n\n" +
			"Group assignment is not available in the Microsoft 365 DoD cloud (Microsoft's `New-CsGroupPolicyAssignment` page); with " +
			"`environment = \"dod\"` a `group_id` is refused at plan time." + permissions,
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{Computed: true, MarkdownDescription: "`<policy_type>/<group_id>`, or `<policy_type>/global`.",
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()}},
			"policy_type": schema.StringAttribute{Required: true,
				MarkdownDescription: "The policy type. One of: " + flex.Backticked(assignableTypes) + ". " + flex.Backticked(tenantOnlyTypeList) + " can only be a tenant-wide default.",
				Validators:          []validator.String{stringvalidator.OneOf(assignableTypes...)},
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()}},
			"policy_name": schema.StringAttribute{Required: true,
				MarkdownDescription: "The name of the policy to assign, without the `Tag:` prefix (for example `teamshipaa_meeting_policy.x.name`). " +
					"For a tenant-wide default, `Global` returns the tenant to its Global policy. The plan fails when the tenant has no such " +
					"policy and the configuration does not create it: reference the policy resource's `name`, so that it is created first."},
			"group_id": schema.StringAttribute{Optional: true,
				MarkdownDescription: "Object ID of the Microsoft Entra group. Leave it out to make the policy the tenant-wide default.",
				Validators:          []validator.String{stringvalidator.RegexMatches(framework.GUID, "must be a group object ID (a GUID)")},
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()}},
			"rank": schema.Int64Attribute{Optional: true, Computed: true,
				MarkdownDescription: "Priority among the groups assigned a policy of this type, 1 being highest. Only with `group_id`; " +
					"left out, a new assignment goes last.",
				Validators:    []validator.Int64{int64validator.AtLeast(1)},
				PlanModifiers: []planmodifier.Int64{int64planmodifier.UseStateForUnknown()}},
			"timeouts": framework.TimeoutsAttribute(ctx),
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
	if req.Plan.Raw.IsNull() || r.Client == nil {
		return
	}
	var m policyAssignmentModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	checkGroupAssignmentCloud(r.Client.Cloud, m, &resp.Diagnostics)
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

// object is the assignment's lifecycle (internal/framework). Its id,
// <policy_type>/<group_id> or <policy_type>/global, says what to read.
func (r *policyAssignmentResource) object() framework.Object[policyAssignmentModel, policyAssignmentModel] {
	return framework.Object[policyAssignmentModel, policyAssignmentModel]{
		What: "policy assignment", TypeName: r.TypeName(),
		ID:       func(m policyAssignmentModel) types.String { return m.ID },
		Name:     func(m policyAssignmentModel) string { return m.describe() },
		Timeouts: func(m policyAssignmentModel) timeouts.Value { return m.Timeouts },
		Get: func(ctx context.Context, id string) (policyAssignmentModel, bool, error) {
			return r.read(ctx, assignmentOf(id))
		},
		Flatten: func(_ context.Context, got, prior policyAssignmentModel, _ *diag.Diagnostics) policyAssignmentModel {
			if strings.EqualFold(got.PolicyName.ValueString(), prior.PolicyName.ValueString()) {
				got.PolicyName = prior.PolicyName // the service's spelling may differ in case
			}
			got.Timeouts = prior.Timeouts
			return got
		},
		Matches: func(_ context.Context, plan policyAssignmentModel) func(policyAssignmentModel) bool {
			var rank int64
			if flex.Known(plan.Rank) {
				rank = plan.Rank.ValueInt64()
			}
			return func(got policyAssignmentModel) bool {
				return strings.EqualFold(got.PolicyName.ValueString(), plan.PolicyName.ValueString()) && (rank == 0 || got.Rank.ValueInt64() == rank)
			}
		},
		Create: func(ctx context.Context, plan policyAssignmentModel, _ tfsdk.Config, diags *diag.Diagnostics) string {
			if r.write(ctx, plan, diags, "Creating the ", true); diags.HasError() {
				return ""
			}
			return assignmentID(plan)
		},
		Update: func(ctx context.Context, _ string, plan, _ policyAssignmentModel, _ tfsdk.Config, diags *diag.Diagnostics) {
			r.write(ctx, plan, diags, "Updating the ", false)
		},
		Remove: func(ctx context.Context, id string, diags *diag.Diagnostics) {
			m := assignmentOf(id)
			typ := m.PolicyType.ValueString()
			if !m.group() {
				if _, err := r.Client.ConfigAPI.SetTenantAssignment(ctx, typ, globalIdentity); err != nil {
					diags.AddError("Returning the tenant to its Global "+typ, err.Error())
				}
				return
			}
			if _, err := r.Client.ConfigAPI.DeleteGroupAssignment(ctx, typ, m.GroupID.ValueString()); err != nil && !transport.IsNotFound(err) {
				diags.AddError("Deleting the "+m.describe(), err.Error())
			}
		},
		AwaitGone: func(ctx context.Context, id string, timeout time.Duration, diags *diag.Diagnostics) {
			m := assignmentOf(id)
			if !m.group() {
				return // a tenant-wide default is never gone: it is Global again
			}
			if err := poll.Gone(ctx, poll.Options{Timeout: timeout}, "the "+m.describe()+" to be gone", r.reader(m)); err != nil {
				diags.AddError("Confirming the deletion of the "+m.describe(), err.Error())
			}
		},
	}
}

// write sends the assignment plan describes.
func (r *policyAssignmentResource) write(ctx context.Context, plan policyAssignmentModel, diags *diag.Diagnostics, verb string, create bool) {
	typ, name := plan.PolicyType.ValueString(), plan.PolicyName.ValueString()
	var rank int64
	if flex.Known(plan.Rank) {
		rank = plan.Rank.ValueInt64()
	}
	var res configapi.Result
	var err error
	switch {
	case plan.group() && create:
		res, err = r.Client.ConfigAPI.CreateGroupAssignment(ctx, typ, plan.GroupID.ValueString(), name, rank)
	case plan.group():
		res, err = r.Client.ConfigAPI.UpdateGroupAssignment(ctx, typ, plan.GroupID.ValueString(), name, rank)
	default:
		res, err = r.Client.ConfigAPI.SetTenantAssignment(ctx, typ, name)
	}
	addWarnings(diags, res)
	if err != nil {
		diags.AddError(verb+plan.describe(), err.Error())
	}
}

// reader is read for the assignment m describes, in the shape poll waits on.
func (r *policyAssignmentResource) reader(m policyAssignmentModel) poll.Read[policyAssignmentModel] {
	return func(ctx context.Context) (policyAssignmentModel, bool, error) { return r.read(ctx, m) }
}

// read fetches the assignment m describes; found is false when it is gone.
func (r *policyAssignmentResource) read(ctx context.Context, m policyAssignmentModel) (policyAssignmentModel, bool, error) {
	out := m
	if m.group() {
		a, _, err := r.Client.ConfigAPI.GetGroupAssignment(ctx, m.PolicyType.ValueString(), m.GroupID.ValueString())
		if transport.IsNotFound(err) {
			return out, false, nil
		}
		if err != nil {
			return out, false, err
		}
		out.PolicyName, out.Rank = types.StringValue(a.PolicyName), types.Int64Value(a.Rank)
		return out, true, nil
	}
	name, _, err := r.Client.ConfigAPI.GetTenantAssignment(ctx, m.PolicyType.ValueString())
	if err != nil {
		return out, false, err
	}
	out.PolicyName, out.Rank = types.StringValue(name), types.Int64Null()
	return out, true, nil
}

func (r *policyAssignmentResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	typ, target, ok := strings.Cut(req.ID, "/")
	if !ok || typ == "" || target == "" {
		resp.Diagnostics.AddError("Unexpected import ID", fmt.Sprintf("Expected <policy_type>/<group_id> or <policy_type>/global, got %q.", req.ID))
		return
	}
	m := assignmentOf(typ + "/" + target)
	m.ID = types.StringValue(req.ID)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

// assignmentOf is the assignment an id names, its policy name not yet read.
func assignmentOf(id string) policyAssignmentModel {
	typ, target, _ := strings.Cut(id, "/")
	m := policyAssignmentModel{ID: types.StringValue(id), PolicyType: types.StringValue(typ), PolicyName: types.StringValue(""),
		GroupID: types.StringNull(), Rank: types.Int64Null(), Timeouts: framework.NullTimeouts()}
	if !strings.EqualFold(target, tenantAssignmentK) {
		m.GroupID = types.StringValue(target)
	}
	return m
}

func assignmentID(m policyAssignmentModel) string {
	if m.group() {
		return m.PolicyType.ValueString() + "/" + m.GroupID.ValueString()
	}
	return m.PolicyType.ValueString() + "/" + tenantAssignmentK
}
