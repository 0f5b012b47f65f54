package purview

import (
	"context"
	"errors"
	"strings"
	"sync"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/baseline"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/conns"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/flex"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/framework"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/service/snapshot"
)

// Snapshot reads every DLP policy and rule, every retention policy and rule,
// every audit log retention policy and alert policy (Security & Compliance;
// Microsoft's default alert policies included) and the audit log
// configuration (Exchange Online),
// and returns each as the resource's state would hold it, through the
// mapping each resource's Read uses. A list that fails yields one object with
// Err set, naming the missing role on a 403; the others are still read.
// Retention policies are listed for their names (plain and with
// -TeamsPolicyOnly: listRetentionPolicies) and each read with
// -Identity -DistributionDetail (withDetail).
// Objects pending deletion count as gone, as they do for the resources.
func Snapshot(ctx context.Context, c *conns.Client) []baseline.Object {
	var out []baseline.Object
	lists := readLists(ctx, c)

	dlpPolicies, dlpNames := snapshotPolicies(ctx, lists["Get-DlpCompliancePolicy"], "DLP policies", newDLPPolicyResource(),
		func(obj map[string]any, st *tfsdk.State, diags *diag.Diagnostics) {
			var prior dlpPolicyModel
			if diags.Append(st.Get(ctx, &prior)...); !diags.HasError() {
				m := (&dlpPolicyResource{}).fromRead(obj, prior)
				diags.Append(st.Set(ctx, &m)...)
			}
		})
	out = append(out, dlpPolicies...)
	out = append(out, snapshotRules(ctx, lists["Get-DlpComplianceRule"], "DLP rules", newDLPRuleResource(), dlpNames,
		func(obj map[string]any, policy string, st *tfsdk.State, diags *diag.Diagnostics) {
			var prior dlpRuleModel
			if diags.Append(st.Get(ctx, &prior)...); !diags.HasError() {
				m := (&dlpRuleResource{}).fromRead(ctx, obj, prior, diags)
				m.Policy = flex.FlattenString(policy, m.Policy)
				diags.Append(st.Set(ctx, &m)...)
			}
		})...)

	retPolicies, retNames := snapshotPolicies(ctx, withDetail(ctx, c, "Get-RetentionCompliancePolicy", lists["Get-RetentionCompliancePolicy"]), "retention policies", newRetentionPolicyResource(),
		func(obj map[string]any, st *tfsdk.State, diags *diag.Diagnostics) {
			var prior retentionPolicyModel
			if diags.Append(st.Get(ctx, &prior)...); !diags.HasError() {
				m := (&retentionPolicyResource{}).fromRead(obj, prior)
				diags.Append(st.Set(ctx, &m)...)
			}
		})
	out = append(out, retPolicies...)
	out = append(out, snapshotRules(ctx, lists["Get-RetentionComplianceRule"], "retention rules", newRetentionRuleResource(), retNames,
		func(obj map[string]any, policy string, st *tfsdk.State, diags *diag.Diagnostics) {
			var prior retentionRuleModel
			if diags.Append(st.Get(ctx, &prior)...); !diags.HasError() {
				m := (&retentionRuleResource{}).fromRead(obj, prior)
				m.Policy = flex.FlattenString(policy, m.Policy)
				diags.Append(st.Set(ctx, &m)...)
			}
		})...)

	auditRetention, _ := snapshotPolicies(ctx, lists["Get-UnifiedAuditLogRetentionPolicy"], "audit log retention policies", newAuditRetentionResource(),
		func(obj map[string]any, st *tfsdk.State, diags *diag.Diagnostics) {
			var prior auditRetentionModel
			if diags.Append(st.Get(ctx, &prior)...); !diags.HasError() {
				m := (&auditRetentionResource{}).fromRead(obj, prior)
				diags.Append(st.Set(ctx, &m)...)
			}
		})
	out = append(out, auditRetention...)
	alerts, _ := snapshotPolicies(ctx, lists["Get-ProtectionAlert"], "alert policies", newProtectionAlertResource(),
		func(obj map[string]any, st *tfsdk.State, diags *diag.Diagnostics) {
			var prior protectionAlertModel
			if diags.Append(st.Get(ctx, &prior)...); !diags.HasError() {
				m := (&protectionAlertResource{}).fromRead(obj, prior)
				diags.Append(st.Set(ctx, &m)...)
			}
		})
	out = append(out, alerts...)

	audit := snapshot.TypeOf(ctx, newAuditLogConfigResource())
	objs, err := lists["Get-AdminAuditLogConfig"].objs, lists["Get-AdminAuditLogConfig"].err
	switch {
	case err != nil:
		out = append(out, audit.Failed(auditSingletonID, err))
	case len(objs) == 0:
		out = append(out, audit.Failed(auditSingletonID, errNoAuditConfig))
	default:
		out = append(out, audit.Object(ctx, auditSingletonID, func(st *tfsdk.State, diags *diag.Diagnostics) {
			diags.Append(st.Set(ctx, modelFromAudit(objs[0], framework.NullTimeouts()))...)
		}))
	}
	return out
}

var errNoAuditConfig = errors.New("Get-AdminAuditLogConfig returned no object")

// listed is the answer of one list cmdlet.
type listed struct {
	objs []map[string]any
	err  error
	// errs, when set, is the error of reading each of objs (withDetail).
	errs []error
}

// snapshotCmdlets are the Security & Compliance list cmdlets of the snapshot.
var snapshotCmdlets = []string{"Get-DlpCompliancePolicy", "Get-DlpComplianceRule", "Get-RetentionCompliancePolicy",
	"Get-RetentionComplianceRule", "Get-UnifiedAuditLogRetentionPolicy", "Get-ProtectionAlert"}

// readLists runs the snapshot's list cmdlets (and Exchange's
// Get-AdminAuditLogConfig) at once: they are independent reads, and one
// after the other they were the longest path of an assessment (seven round
// trips). Keyed by cmdlet.
func readLists(ctx context.Context, c *conns.Client) map[string]listed {
	answers := make([]listed, len(snapshotCmdlets)+1)
	var wg sync.WaitGroup
	for i, cmdlet := range snapshotCmdlets {
		wg.Add(1)
		go func() {
			defer wg.Done()
			answers[i].objs, _, answers[i].err = listCmdlet(ctx, c.Compliance, cmdlet, nil)
		}()
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		last := len(snapshotCmdlets)
		answers[last].objs, _, answers[last].err = c.Exchange.Invoke(ctx, "Get-AdminAuditLogConfig", nil)
	}()
	wg.Wait()
	out := make(map[string]listed, len(answers))
	for i, cmdlet := range snapshotCmdlets {
		out[cmdlet] = answers[i]
	}
	out["Get-AdminAuditLogConfig"] = answers[len(snapshotCmdlets)]
	return out
}

// detailReads bounds the concurrent -Identity reads of withDetail: a few at
// once shorten the assessment without a burst the service would throttle.
const detailReads = 4

// withDetail reads again, each with -Identity and the cmdlet's identityReads,
// the objects l lists: Get-RetentionCompliancePolicy's list is "summary
// information" whose *Location values are not accurate (Example 1 and
// -DistributionDetail of Get-RetentionCompliancePolicy.md), so the list
// gives the names and each policy is judged from its own reading (the one the
// resource's refresh made in this operation, when it did: adminapi Read). An object
// that cannot be read keeps its name and the error (snapshotPolicies reports
// it); one gone since the list is left out.
func withDetail(ctx context.Context, c *conns.Client, cmdlet string, l listed) listed {
	if l.err != nil {
		return l
	}
	out := listed{objs: make([]map[string]any, len(l.objs)), errs: make([]error, len(l.objs))}
	sem := make(chan struct{}, detailReads)
	var wg sync.WaitGroup
	for i, obj := range l.objs {
		if pendingDeletion(obj) {
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			name := readString(field(obj, "Name"))
			// The refresh's reading with the same parameters, if nothing was written since.
			got, found, err := c.Compliance.Read(ctx, cmdlet, name, identityReads[cmdlet])
			switch {
			case err != nil:
				out.objs[i], out.errs[i] = obj, err
			case found:
				out.objs[i] = got
			}
		}()
	}
	wg.Wait()
	kept := listed{}
	for i, obj := range out.objs {
		if obj != nil {
			kept.objs = append(kept.objs, obj)
			kept.errs = append(kept.errs, out.errs[i])
		}
	}
	return kept
}

// snapshotPolicies maps every object of a Get-*CompliancePolicy cmdlet's list.
// names maps each policy's GUID to its name, so rules that name their policy
// by GUID are reported by name.
func snapshotPolicies(ctx context.Context, l listed, what string, r resource.Resource,
	fill func(obj map[string]any, st *tfsdk.State, diags *diag.Diagnostics)) ([]baseline.Object, map[string]string) {
	t := snapshot.TypeOf(ctx, r)
	if l.err != nil {
		return []baseline.Object{t.Failed(what, l.err)}, nil
	}
	var out []baseline.Object
	names := map[string]string{}
	for i, obj := range l.objs {
		if pendingDeletion(obj) {
			continue
		}
		name := readString(field(obj, "Name"))
		if guid := readString(field(obj, "Guid")); guid != "" {
			names[strings.ToLower(guid)] = name
		}
		if i < len(l.errs) && l.errs[i] != nil {
			out = append(out, t.Failed(name, l.errs[i]))
			continue
		}
		out = append(out, t.Object(ctx, name, func(st *tfsdk.State, diags *diag.Diagnostics) { fill(obj, st, diags) }))
	}
	return out, names
}

// snapshotRules maps every object of a Get-*ComplianceRule cmdlet's list; fill gets
// the rule's policy by name where policies (from snapshotPolicies) knows it.
func snapshotRules(ctx context.Context, l listed, what string, r resource.Resource, policies map[string]string,
	fill func(obj map[string]any, policy string, st *tfsdk.State, diags *diag.Diagnostics)) []baseline.Object {
	t := snapshot.TypeOf(ctx, r)
	if l.err != nil {
		return []baseline.Object{t.Failed(what, l.err)}
	}
	var out []baseline.Object
	for _, obj := range l.objs {
		if pendingDeletion(obj) {
			continue
		}
		policy := readString(firstOf(obj, "ParentPolicyName", "Policy"))
		if n, ok := policies[strings.ToLower(policy)]; ok {
			policy = n
		}
		out = append(out, t.Object(ctx, readString(field(obj, "Name")), func(st *tfsdk.State, diags *diag.Diagnostics) {
			fill(obj, policy, st, diags)
		}))
	}
	return out
}
