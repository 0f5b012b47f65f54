package purview

import (
	"context"
	"strings"
	"sync"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/clients/adminapi"
)

// retentionListCmdlet lists retention policies; listRetentionPolicies lists it twice.
const retentionListCmdlet = "Get-RetentionCompliancePolicy"

// listCmdlet runs the list cmdlet: Get-RetentionCompliancePolicy as
// listRetentionPolicies (params unused), any other with params.
func listCmdlet(ctx context.Context, c *adminapi.Client, cmdlet string, params map[string]any) ([]map[string]any, adminapi.Result, error) {
	if cmdlet == retentionListCmdlet {
		return listRetentionPolicies(ctx, c)
	}
	return c.Invoke(ctx, cmdlet, params)
}

// listRetentionPolicies lists every retention policy, Teams policies
// included under either reading of the plain list: Microsoft's cmdlet page
// (Get-RetentionCompliancePolicy.md, -ExcludeTeamsPolicy and -TeamsPolicyOnly)
// implies the plain list holds Teams policies, CIPP-API's listing says they
// come only with -TeamsPolicyOnly. Both lists are sent at once and merged
// by Guid (Name where Guid is missing), so a Teams policy is seen once.
// An error of either list is the answer's error: a partial list would
// silently hide policies.
func listRetentionPolicies(ctx context.Context, c *adminapi.Client) ([]map[string]any, adminapi.Result, error) {
	var (
		plain, teams       []map[string]any
		plainRes, teamsRes adminapi.Result
		plainErr, teamsErr error
		wg                 sync.WaitGroup
	)
	wg.Add(1)
	go func() {
		defer wg.Done()
		teams, teamsRes, teamsErr = c.Invoke(ctx, retentionListCmdlet, map[string]any{"TeamsPolicyOnly": true})
	}()
	plain, plainRes, plainErr = c.Invoke(ctx, retentionListCmdlet, nil)
	wg.Wait()
	res := adminapi.Result{Warnings: append(plainRes.Warnings, teamsRes.Warnings...)}
	if plainErr != nil {
		return nil, res, plainErr
	}
	if teamsErr != nil {
		return nil, res, teamsErr
	}
	return mergeByGuid(plain, teams), res, nil
}

// mergeByGuid appends to a the objects of b it does not hold: the same
// object has the same Guid, or the same Name where either has no Guid.
func mergeByGuid(a, b []map[string]any) []map[string]any {
	guids := make(map[string]bool, len(a))
	names := make(map[string]bool, len(a))    // every name of a
	guidless := make(map[string]bool, len(a)) // names of a without a Guid
	for _, o := range a {
		name := strings.ToLower(readString(field(o, "Name")))
		names[name] = true
		if g := readString(field(o, "Guid")); g != "" {
			guids[strings.ToLower(g)] = true
		} else {
			guidless[name] = true
		}
	}
	out := a
	for _, o := range b {
		name := strings.ToLower(readString(field(o, "Name")))
		g := strings.ToLower(readString(field(o, "Guid")))
		if (g != "" && (guids[g] || guidless[name])) || (g == "" && names[name]) {
			continue
		}
		out = append(out, o)
	}
	return out
}
