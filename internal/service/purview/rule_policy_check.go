package purview

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/conns"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/flex"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/service/planned"
)

// notePolicyPlanned records a DLP or retention policy this plan creates or
// keeps, for the rules planned after it (package planned).
func notePolicyPlanned(ctx context.Context, c *conns.Client, noun string, req resource.ModifyPlanRequest) {
	if c == nil || req.Plan.Raw.IsNull() {
		return
	}
	var name types.String
	if req.Plan.GetAttribute(ctx, path.Root("name"), &name).HasError() || !flex.Known(name) {
		return
	}
	planned.Note(c, noun, name.ValueString())
}

// checkRulePolicy refuses, at plan time, a rule of a policy the tenant does
// not have (or is deleting) and this plan does not create: the rule's New-
// cmdlet would fail at apply. A policy created in the same run is planned
// first when the rule references it (policy = teamshipaa_dlp_policy.x.name);
// a literal name of a policy created alongside is refused, since nothing
// orders the two writes. Unconfigured, or when the read fails, the check is
// left to apply.
func checkRulePolicy(ctx context.Context, c *conns.Client, noun, display, policyResource string, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if c == nil || c.Compliance == nil || req.Plan.Raw.IsNull() {
		return
	}
	var name types.String
	if req.Plan.GetAttribute(ctx, path.Root("policy"), &name).HasError() || !flex.Known(name) {
		return
	}
	resp.Diagnostics.Append(rulePolicyExists(ctx, c, noun, display, policyResource, name.ValueString())...)
}

// rulePolicyExists is checkRulePolicy for a known policy name.
func rulePolicyExists(ctx context.Context, c *conns.Client, noun, display, policyResource, name string) diag.Diagnostics {
	if planned.Has(c, noun, name) {
		return nil
	}
	_, found, err := getter(c.Compliance, "Get-"+noun, name)(ctx)
	if err != nil || found {
		return nil
	}
	var diags diag.Diagnostics
	diags.AddAttributeError(path.Root("policy"), "No such policy",
		fmt.Sprintf("The tenant has no %s named %q (or is deleting it), and this plan does not create one. Fix the name, or create "+
			"the policy with %s and set policy = %s.<name>.name, so Terraform creates the policy before its rules.",
			display, name, policyResource, policyResource))
	return diags
}
