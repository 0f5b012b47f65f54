package intune

import (
	"context"
	"sort"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/baseline"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/clients/graph"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/conns"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/service/snapshot"
)

// Snapshot reads every iOS and Android app protection policy, with its apps
// and groups, as the resources' state would hold it (the mapping Read uses,
// with an imported resource's empty prior). A list or read that fails yields
// one object with Err set, naming the missing permission on a 403.
func Snapshot(ctx context.Context, c *conns.Client) []baseline.Object {
	// The platforms are independent reads: read at once.
	return snapshot.All(
		func() []baseline.Object {
			return platformSnapshot[iosModel](ctx, c, newIOSResource(), graph.PlatformIOS)
		},
		func() []baseline.Object {
			return platformSnapshot[androidModel](ctx, c, newAndroidResource(), graph.PlatformAndroid)
		})
}

func platformSnapshot[M any, PM interface {
	*M
	model
}](ctx context.Context, c *conns.Client, r resource.Resource, platform string) []baseline.Object {
	typ := snapshot.TypeOf(ctx, r)
	list, err := c.Graph.ListAppProtections(ctx, platform)
	if err != nil {
		return []baseline.Object{typ.Failed(platform+" app protection policies", err)}
	}
	sort.Slice(list, func(i, j int) bool { return list[i].DisplayName < list[j].DisplayName })
	var out []baseline.Object
	for _, p := range list {
		// The refresh's reading of the policy in this operation, if no write followed it.
		full, err := c.Graph.ReadAppProtection(ctx, platform, p.ID)
		if err != nil {
			out = append(out, typ.Failed(p.DisplayName, err))
			continue
		}
		out = append(out, typ.Object(ctx, p.DisplayName, func(st *tfsdk.State, diags *diag.Diagnostics) {
			prior := PM(new(M))
			if diags.Append(st.Get(ctx, prior)...); diags.HasError() {
				return
			}
			fromAPI(full, prior)
			diags.Append(st.Set(ctx, prior)...)
		}))
	}
	return out
}
