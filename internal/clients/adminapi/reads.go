package adminapi

import (
	"context"
	"encoding/json"
	"strings"
	"sync"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/clients/writes"
)

// The assessment reads each retention policy (Get-RetentionCompliancePolicy
// -Identity -DistributionDetail) right after the resources' refresh read the
// same policy the same way in the same operation. Read serves it the
// refresh's answer while this process has written nothing since
// (internal/clients/writes: any write drops it). Get, which the resources and
// read-after-write polling call, always asks the service and records what it
// found when no write overlapped the reading.

type reading struct {
	epoch uint64 // writes.Epoch of the reading
	obj   []byte // the object as JSON: every caller gets its own copy
}

type readings struct {
	mu sync.Mutex
	m  map[string]reading
}

// readKey names one Get call: the cmdlet, the identity (names are
// case-insensitive) and the other parameters (encoding/json sorts map keys).
func readKey(cmdlet, identity string, extra map[string]any) string {
	b, _ := json.Marshal(extra)
	return strings.ToLower(cmdlet+"\x00"+identity) + "\x00" + string(b)
}

// record keeps obj, read while writes.Epoch was epoch, unless a write began
// or ended since.
func (r *readings) record(key string, epoch uint64, obj map[string]any) {
	b, err := json.Marshal(obj)
	if err != nil || writes.Epoch() != epoch {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.m == nil {
		r.m = map[string]reading{}
	}
	r.m[key] = reading{epoch: epoch, obj: b}
}

// recorded returns a copy of the object recorded for key, if no write has
// begun since it was read.
func (r *readings) recorded(key string) (map[string]any, bool) {
	r.mu.Lock()
	e, ok := r.m[key]
	r.mu.Unlock()
	if !ok || e.epoch != writes.Epoch() {
		return nil, false
	}
	var obj map[string]any
	if json.Unmarshal(e.obj, &obj) != nil {
		return nil, false
	}
	return obj, true
}

// Read is Get served from this operation's last reading of the object when
// the process has written nothing since. Not for waiting on a write: use Get.
func (c *Client) Read(ctx context.Context, cmdlet, identity string, extra map[string]any) (map[string]any, bool, error) {
	if obj, ok := c.reads.recorded(readKey(cmdlet, identity, extra)); ok {
		return obj, true, nil
	}
	obj, found, _, err := c.Get(ctx, cmdlet, identity, extra)
	return obj, found, err
}
