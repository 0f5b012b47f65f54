package teams

import (
	"context"
	"sort"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/baseline"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/conns"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/service/snapshot"
)

// Snapshot reads every instance of every supported policy type (one list
// request per type) and returns each as the resource's state would hold it.
// A type whose list fails yields one object with Err set; the other types are
// still read.
func Snapshot(ctx context.Context, c *conns.Client) []baseline.Object {
	// The types are independent reads: listed at once, in type order in the answer.
	reads := make([]func() []baseline.Object, len(policyTypes))
	for i, pt := range policyTypes {
		reads[i] = func() []baseline.Object { return snapshotType(ctx, c, pt) }
	}
	return snapshot.All(reads...)
}

// snapshotType reads every instance of one policy type.
func snapshotType(ctx context.Context, c *conns.Client, pt *PolicyType) []baseline.Object {
	r, ok := newPolicyResource(pt)().(*policyResource)
	if !ok {
		return nil // every policy type's constructor makes a *policyResource
	}
	t := snapshot.TypeOf(ctx, r)
	// The list the resources' refresh fetched in this operation, if any (a write to the type drops it).
	objs, _, err := c.ConfigAPI.ReadAll(ctx, pt.Type)
	if err != nil {
		return []baseline.Object{t.Failed(pt.Type, err)}
	}
	sort.Slice(objs, func(i, j int) bool { return objs[i].Identity() < objs[j].Identity() })
	out := make([]baseline.Object, 0, len(objs))
	for _, obj := range objs {
		out = append(out, t.Object(ctx, nameOf(obj.Identity()), func(st *tfsdk.State, diags *diag.Diagnostics) {
			setParams(ctx, pt, obj, st, r.identityValues(obj), diags)
		}))
	}
	return out
}
