package conns

import (
	"context"
	"sync"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/clients/writes"
)

// Readings of the whole tenant (the assessment's snapshot) are shared within
// one provider configuration, that is, one Terraform operation of one
// provider process, until the process writes anything.
//
// Why this is safe: a plan reads and never writes, so every data source of
// one plan sees the tenant as the first one read it, as Terraform's own plan
// does (one refresh, then a plan against it). An apply's writes (any request
// that is not a read, see internal/clients/writes) drop the reading, and a
// reading during which a write began or ended is not kept, so a data source
// read after a resource changed reads the tenant again. Read-after-write
// polling (internal/poll, framework.Object's read-back) calls the clients'
// Get methods, never Shared, so it always sees the service.

type sharedReading struct {
	epoch uint64 // writes.Epoch when the reading began
	done  chan struct{}
	val   any
	keep  bool // read without a write and whole: others may use it
}

type sharedReadings struct {
	mu sync.Mutex
	m  map[string]*sharedReading
}

// Shared returns read's answer for key, reading once while this process
// sends no write: concurrent callers wait for the reading in flight, later
// ones take it. read says whether its answer may be shared (false, e.g. when
// part of it failed: a later caller then reads again, as a failed list is
// not remembered). The answer is shared: callers copy what they change.
// A nil Client reads every time.
func (c *Client) Shared(ctx context.Context, key string, read func(context.Context) (val any, keep bool)) any {
	if c == nil {
		v, _ := read(ctx)
		return v
	}
	epoch := writes.Epoch()
	c.shared.mu.Lock()
	if c.shared.m == nil {
		c.shared.m = map[string]*sharedReading{}
	}
	r := c.shared.m[key]
	reading := r == nil || r.epoch != epoch
	if reading {
		r = &sharedReading{epoch: epoch, done: make(chan struct{})}
		c.shared.m[key] = r
	}
	c.shared.mu.Unlock()

	if reading {
		var keep bool
		r.val, keep = read(ctx)
		r.keep = keep && writes.Epoch() == epoch
		if !r.keep {
			c.shared.mu.Lock()
			if c.shared.m[key] == r {
				delete(c.shared.m, key)
			}
			c.shared.mu.Unlock()
		}
		close(r.done)
		return r.val
	}
	select {
	case <-r.done:
	case <-ctx.Done():
		// The caller's deadline: read for itself, which fails at once with ctx's error.
		v, _ := read(ctx)
		return v
	}
	if !r.keep {
		v, _ := read(ctx)
		return v
	}
	return r.val
}
