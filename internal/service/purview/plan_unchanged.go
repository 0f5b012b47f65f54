package purview

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/framework"
)

// The resources below opt in to internal/protoserver's shortcuts: each
// PlanUnchanged is its ModifyPlan for a plan equal to the prior state (the
// baseline checks judge the state as the plan, so standing deviations still
// show; what ModifyPlan notes or checks besides, it notes and checks here),
// and each Read (framework.Object's ReadResource, or the audit log
// configuration's) reads the state and writes the state and diagnostics
// only. direct_test.go compares every answer with the framework's.
var (
	_ framework.UnchangedPlanner = (*dlpPolicyResource)(nil)
	_ framework.UnchangedPlanner = (*retentionPolicyResource)(nil)
	_ framework.UnchangedPlanner = (*retentionRuleResource)(nil)
	_ framework.UnchangedPlanner = (*auditRetentionResource)(nil)
	_ framework.UnchangedPlanner = (*protectionAlertResource)(nil)
	_ framework.UnchangedPlanner = (*auditLogConfigResource)(nil)
	_ framework.StateOnlyReader  = (*dlpPolicyResource)(nil)
	_ framework.StateOnlyReader  = (*retentionPolicyResource)(nil)
	_ framework.StateOnlyReader  = (*retentionRuleResource)(nil)
	_ framework.StateOnlyReader  = (*auditRetentionResource)(nil)
	_ framework.StateOnlyReader  = (*protectionAlertResource)(nil)
	_ framework.StateOnlyReader  = (*auditLogConfigResource)(nil)
	// The DLP rule's reads only: its plans stay with the framework (its
	// conditionFromState plan modifier, and Terraform proposes a change to
	// the condition that the modifier takes back).
	_ framework.StateOnlyReader = (*dlpRuleResource)(nil)
)

func (r *dlpPolicyResource) PlanUnchanged(_ context.Context, state, config tftypes.Value) diag.Diagnostics {
	notePolicyPlanned(r.Client, "DlpCompliancePolicy", state)
	return r.CheckUnchanged(state, config)
}

func (r *retentionPolicyResource) PlanUnchanged(_ context.Context, state, config tftypes.Value) diag.Diagnostics {
	notePolicyPlanned(r.Client, "RetentionCompliancePolicy", state)
	return r.CheckUnchanged(state, config)
}

// PlanUnchanged checks, as ModifyPlan does, that the rule's policy exists
// or is planned (a read of the tenant when it is not planned), then judges
// the baseline.
func (r *retentionRuleResource) PlanUnchanged(ctx context.Context, state, config tftypes.Value) diag.Diagnostics {
	return append(checkRulePolicy(ctx, r.Client, retentionRulePolicy, state), r.CheckUnchanged(state, config)...)
}

func (r *auditRetentionResource) PlanUnchanged(_ context.Context, state, config tftypes.Value) diag.Diagnostics {
	return r.CheckUnchanged(state, config)
}

func (r *protectionAlertResource) PlanUnchanged(_ context.Context, state, config tftypes.Value) diag.Diagnostics {
	return r.CheckUnchanged(state, config)
}

func (r *auditLogConfigResource) PlanUnchanged(_ context.Context, state, config tftypes.Value) diag.Diagnostics {
	return r.CheckUnchanged(state, config)
}

func (*dlpPolicyResource) ReadsStateOnly()       {}
func (*retentionPolicyResource) ReadsStateOnly() {}
func (*retentionRuleResource) ReadsStateOnly()   {}
func (*auditRetentionResource) ReadsStateOnly()  {}
func (*protectionAlertResource) ReadsStateOnly() {}
func (*auditLogConfigResource) ReadsStateOnly()  {}
func (*dlpRuleResource) ReadsStateOnly()         {}
