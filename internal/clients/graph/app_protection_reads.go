package graph

import (
	"context"
	"slices"
	"strings"
	"sync"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/clients/writes"
)

// The assessment reads every app protection policy with its apps and
// assignments right after the resources' refresh read the same policies in
// the same operation. ReadAppProtection serves it the refresh's answer while
// this process has written nothing since (internal/clients/writes: any write,
// whatever the collection, drops it). GetAppProtection, which the resources
// and read-after-write polling call, always asks the service and records what
// it got when no write overlapped the reading.

type protectionRead struct {
	epoch uint64 // writes.Epoch of the reading
	p     *AppProtectionPolicy
}

type protectionReads struct {
	mu sync.Mutex
	m  map[string]protectionRead
}

func protectionKey(platform, id string) string { return platform + "/" + strings.ToLower(id) }

// record keeps p, read while writes.Epoch was epoch, unless a write began
// or ended since.
func (r *protectionReads) record(platform, id string, epoch uint64, p *AppProtectionPolicy) {
	if writes.Epoch() != epoch {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.m == nil {
		r.m = map[string]protectionRead{}
	}
	r.m[protectionKey(platform, id)] = protectionRead{epoch: epoch, p: p.clone()}
}

// recorded returns a copy of the policy recorded for id, if no write has
// begun since it was read.
func (r *protectionReads) recorded(platform, id string) (*AppProtectionPolicy, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	e, ok := r.m[protectionKey(platform, id)]
	if !ok || e.epoch != writes.Epoch() {
		return nil, false
	}
	return e.p.clone(), true
}

// ReadAppProtection is GetAppProtection served from this operation's last
// reading of the policy when the process has written nothing since. Not for
// waiting on a write: use GetAppProtection.
func (c *Client) ReadAppProtection(ctx context.Context, platform, id string) (*AppProtectionPolicy, error) {
	if p, ok := c.protectionReads.recorded(platform, id); ok {
		return p, nil
	}
	return c.GetAppProtection(ctx, platform, id)
}

// clone copies p and its slices.
func (p *AppProtectionPolicy) clone() *AppProtectionPolicy {
	c := *p
	c.AllowedDataStorageLocations = slices.Clone(p.AllowedDataStorageLocations)
	c.Apps = slices.Clone(p.Apps)
	c.Assignments = slices.Clone(p.Assignments)
	return &c
}
