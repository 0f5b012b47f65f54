package teams

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/flex"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/service/planned"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/transport"
)

// Plan-time checks of policy_name: an assignment to a policy that
// does not exist, or to one named with its "Tag:" identity, used to reach the
// service and then wait for an assignment that could never land.

// policyNameInput refuses the "Tag:" identity where the name is expected.
func policyNameInput(m policyAssignmentModel, diags *diag.Diagnostics) {
	if !flex.Known(m.PolicyName) {
		return
	}
	n := m.PolicyName.ValueString()
	if len(n) >= len(tagPrefix) && strings.EqualFold(n[:len(tagPrefix)], tagPrefix) {
		diags.AddAttributeError(path.Root("policy_name"), "Policy name with the Tag: prefix",
			fmt.Sprintf("policy_name is the policy's name without the %q prefix of its identity: write %q "+
				"(or reference the policy resource's name, e.g. teamshipaa_meeting_policy.x.name).", tagPrefix, n[len(tagPrefix):]))
		return
	}
	if !nameRE.MatchString(n) {
		diags.AddAttributeError(path.Root("policy_name"), "Invalid policy name",
			fmt.Sprintf("%q cannot name a Teams policy: use \"Global\" or 1 to 64 letters, digits, spaces, dashes, underscores or dots.", n))
	}
}

// checkPolicyExists refuses an assignment to a policy the tenant does not have and
// this plan does not create. A policy this configuration creates is planned
// before the assignment that references it (Terraform plans dependencies
// first), and its resource notes it (package planned); a literal name of a
// policy created in the same run without a reference is refused too, since
// nothing orders the two writes. Without a configured client (validation), or
// when the tenant cannot be read, the check is left to apply.
func (r *policyAssignmentResource) checkPolicyExists(ctx context.Context, m policyAssignmentModel, diags *diag.Diagnostics) {
	if !flex.Known(m.PolicyName) || !flex.Known(m.PolicyType) {
		return
	}
	typ, name := m.PolicyType.ValueString(), m.PolicyName.ValueString()
	if strings.EqualFold(name, globalIdentity) || planned.Has(r.Client, typ, name) || strings.HasPrefix(strings.ToLower(name), "tag:") {
		return
	}
	_, _, err := r.Client.ConfigAPI.Read(ctx, typ, identity(name))
	if err == nil || !transport.IsNotFound(err) {
		return
	}
	existing := ""
	if objs, _, lerr := r.Client.ConfigAPI.List(ctx, typ); lerr == nil {
		var names []string
		for _, o := range objs {
			names = append(names, fmt.Sprintf("%q", nameOf(o.Identity())))
		}
		sort.Strings(names)
		existing = " The tenant's " + typ + " policies: " + strings.Join(names, ", ") + "."
	}
	res := resourceOf(typ)
	diags.AddAttributeError(path.Root("policy_name"), "No such policy",
		fmt.Sprintf("The tenant has no %s named %q, and this plan does not create one.%s Fix the name, or create the policy with %s "+
			"and set policy_name = %s.<name>.name, so Terraform creates the policy before assigning it.", typ, name, existing, res, res))
}

// resourceOf is the resource that manages a policy type.
func resourceOf(policyType string) string {
	for _, pt := range policyTypes {
		if pt.Type == policyType {
			return "teamshipaa_" + pt.Resource
		}
	}
	return "the policy's resource"
}

// notePlanned records a policy this plan creates or keeps, for the
// assignments planned after it.
func (r *policyResource) notePlanned(plan tftypes.Value) {
	if r.Client == nil || r.pt.Singleton || plan.IsNull() || !plan.IsKnown() {
		return
	}
	v, _, err := tftypes.WalkAttributePath(plan, tftypes.NewAttributePath().WithAttributeName("name"))
	name, ok := v.(tftypes.Value)
	if err != nil || !ok || !name.IsKnown() || name.IsNull() {
		return
	}
	var s string
	if name.As(&s) != nil {
		return
	}
	planned.Note(r.Client, r.pt.Type, s)
}
