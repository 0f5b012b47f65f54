package purview

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/conns"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/service/planned"
)

// notePolicyPlanned records a DLP or retention policy this plan creates or
// keeps, for the rules planned after it (package planned). plan is the
// planned state (ModifyPlan's, or the state of a plan equal to it).
func notePolicyPlanned(c *conns.Client, noun string, plan tftypes.Value) {
	if name, ok := knownString(plan, "name"); ok && c != nil {
		planned.Note(c, noun, name)
	}
}

// rulePolicy is the policy kind a rule belongs to.
type rulePolicy struct {
	noun     string // the cmdlet noun, e.g. DlpCompliancePolicy
	display  string // as the error names it
	resource string // the resource type that manages it
}

var (
	dlpRulePolicy       = rulePolicy{"DlpCompliancePolicy", "DLP policy", "teamshipaa_dlp_policy"}
	retentionRulePolicy = rulePolicy{"RetentionCompliancePolicy", "retention policy", "teamshipaa_retention_policy"}
)

// checkRulePolicy refuses, at plan time, a rule of a policy the tenant does
// not have (or is deleting) and this plan does not create: the rule's New-
// cmdlet would fail at apply. A policy created in the same run is planned
// first when the rule references it (policy = teamshipaa_dlp_policy.x.name);
// a literal name of a policy created alongside is refused, since nothing
// orders the two writes. Unconfigured, or when the read fails, the check is
// left to apply. plan is the rule's planned state.
func checkRulePolicy(ctx context.Context, c *conns.Client, rp rulePolicy, plan tftypes.Value) diag.Diagnostics {
	if c == nil || c.Compliance == nil {
		return nil
	}
	name, ok := knownString(plan, "policy")
	if !ok || planned.Has(c, rp.noun, name) {
		return nil
	}
	_, found, err := getter(c.Compliance, "Get-"+rp.noun, name)(ctx)
	if err != nil || found {
		return nil
	}
	var diags diag.Diagnostics
	diags.AddAttributeError(path.Root("policy"), "No such policy",
		fmt.Sprintf("The tenant has no %s named %q (or is deleting it), and this plan does not create one. Fix the name, or create "+
			"the policy with %s and set policy = %s.<name>.name, so Terraform creates the policy before its rules.",
			rp.display, name, rp.resource, rp.resource))
	return diags
}

// knownString is the string attribute name of v, when it is known and not null.
func knownString(v tftypes.Value, name string) (string, bool) {
	var attrs map[string]tftypes.Value
	if v.IsNull() || !v.IsKnown() || v.As(&attrs) != nil {
		return "", false
	}
	a, ok := attrs[name]
	if !ok || a.IsNull() || !a.IsKnown() || !a.Type().Is(tftypes.String) {
		return "", false
	}
	var s string
	return s, a.As(&s) == nil
}
