package entra

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/conns"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/framework"
)

// teamshipaa_named_locations: a listDataSource.
func newNamedLocationsDataSource() datasource.DataSource {
	return &listDataSource{
		DataSourceWithConfigure: framework.NewDataSource("teamshipaa_named_locations"),
		resource:                "teamshipaa_named_location",
		desc:                    "Lists the tenant's named locations (Graph v1.0 `GET /identity/conditionalAccess/namedLocations`), IP ranges and countries.",
		detail:                  "`ip` or `country`.",
		builtIn: "Always false: Microsoft creates no named locations (the legacy \"MFA trusted IPs\" the portal lists beside them " +
			"are not named location objects).",
		list: func(ctx context.Context, c *conns.Client) ([]listItemModel, error) {
			ls, err := c.Graph.ListNamedLocations(ctx)
			if err != nil {
				return nil, err
			}
			out := make([]listItemModel, 0, len(ls))
			for _, l := range ls {
				out = append(out, listItemModel{ID: types.StringValue(l.ID), DisplayName: types.StringValue(l.DisplayName),
					Detail: types.StringValue(l.Kind), BuiltIn: types.BoolValue(false)})
			}
			return out, nil
		},
	}
}
