package entra

import (
	"context"
	"sort"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/baseline"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/conns"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/service/snapshot"
)

// Snapshot reads every conditional access policy and named location and
// returns each as the resource's state would hold it (the mapping Read uses,
// with an imported resource's empty prior). A list that fails yields one
// object with Err set, naming the missing Graph permission on a 403.
func Snapshot(ctx context.Context, c *conns.Client) []baseline.Object {
	var out []baseline.Object

	ca := snapshot.TypeOf(ctx, newConditionalAccessPolicyResource())
	if policies, err := c.Graph.ListPolicies(ctx); err != nil {
		out = append(out, ca.Failed("conditional access policies", err))
	} else {
		sort.Slice(policies, func(i, j int) bool { return policies[i].DisplayName < policies[j].DisplayName })
		for _, p := range policies {
			out = append(out, ca.Object(ctx, p.DisplayName, func(st *tfsdk.State, diags *diag.Diagnostics) {
				var prior caPolicyModel
				if diags.Append(st.Get(ctx, &prior)...); diags.HasError() {
					return
				}
				m := policyState(p, &prior)
				diags.Append(st.Set(ctx, &m)...)
			}))
		}
	}

	nl := snapshot.TypeOf(ctx, newNamedLocationResource())
	if locations, err := c.Graph.ListNamedLocations(ctx); err != nil {
		out = append(out, nl.Failed("named locations", err))
	} else {
		sort.Slice(locations, func(i, j int) bool { return locations[i].DisplayName < locations[j].DisplayName })
		for _, l := range locations {
			out = append(out, nl.Object(ctx, l.DisplayName, func(st *tfsdk.State, diags *diag.Diagnostics) {
				var prior namedLocationModel
				if diags.Append(st.Get(ctx, &prior)...); diags.HasError() {
					return
				}
				m := fromAPI(l, prior)
				diags.Append(st.Set(ctx, &m)...)
			}))
		}
	}
	return out
}
