package graph

import (
	"context"
	"slices"
	"strings"
)

// The assessment reads every app protection policy with its apps and
// assignments right after the resources' refresh read the same policies in
// the same operation. ReadAppProtection serves it the refresh's answer while
// this process has written nothing since (internal/clients/writes: any write,
// whatever the collection, drops it). GetAppProtection, which the resources
// and read-after-write polling call, always asks the service and records what
// it got when no write overlapped the reading.

func protectionKey(platform, id string) string { return platform + "/" + strings.ToLower(id) }

// ReadAppProtection is GetAppProtection served from this operation's last
// reading of the policy when the process has written nothing since. Not for
// waiting on a write: use GetAppProtection.
func (c *Client) ReadAppProtection(ctx context.Context, platform, id string) (*AppProtectionPolicy, error) {
	if p, ok := c.protectionReads.Recorded(protectionKey(platform, id)); ok {
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
