package entra

import (
	"context"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/conns"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/framework"
)

// microsoftManagedPrefix starts the display name of the conditional access
// policies Microsoft creates in a tenant ("Microsoft-managed policies" in
// Entra's documentation). Graph v1.0 has no property that marks them, so the
// name is what marks them here.
const microsoftManagedPrefix = "Microsoft-managed:"

// teamshipaa_conditional_access_policies: a listDataSource.
func newCAPoliciesDataSource() datasource.DataSource {
	return &listDataSource{
		DataSourceWithConfigure: framework.NewDataSource("teamshipaa_conditional_access_policies"),
		resource:                caPolicyType,
		desc:                    "Lists the tenant's conditional access policies (Graph v1.0 `GET /identity/conditionalAccess/policies`).",
		detail:                  "The policy's state: `enabled`, `disabled` or `enabledForReportingButNotEnforced`.",
		builtIn: "A Microsoft-managed policy (its display name starts with `" + microsoftManagedPrefix + "`): Microsoft creates and " +
			"changes it; an administrator may only switch it or exclude users. Left out of `import_blocks`.",
		list: func(ctx context.Context, c *conns.Client) ([]listItemModel, error) {
			ps, err := c.Graph.ListPolicies(ctx)
			if err != nil {
				return nil, err
			}
			out := make([]listItemModel, 0, len(ps))
			for _, p := range ps {
				out = append(out, listItemModel{ID: types.StringValue(p.ID), DisplayName: types.StringValue(p.DisplayName),
					Detail: types.StringValue(p.State), BuiltIn: types.BoolValue(strings.HasPrefix(p.DisplayName, microsoftManagedPrefix))})
			}
			return out, nil
		},
	}
}
