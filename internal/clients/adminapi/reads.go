package adminapi

import (
	"context"
	"encoding/json"
	"strings"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/clients/writes"
)

// The assessment reads each retention policy (Get-RetentionCompliancePolicy
// -Identity -DistributionDetail) right after the resources' refresh read the
// same policy the same way in the same operation. Read serves it the
// refresh's answer while this process has written nothing since
// (internal/clients/writes: any write drops it). Get, which the resources and
// read-after-write polling call, always asks the service and records what it
// found when no write overlapped the reading.

// readKey names one Get call: the cmdlet, the identity (names are
// case-insensitive) and the other parameters (encoding/json sorts map keys).
func readKey(cmdlet, identity string, extra map[string]any) string {
	b, _ := json.Marshal(extra)
	return strings.ToLower(cmdlet+"\x00"+identity) + "\x00" + string(b)
}

// record keeps obj (as JSON: every reader decodes its own copy), read
// while writes.Epoch was epoch.
func (c *Client) record(key string, epoch uint64, obj map[string]any) {
	if writes.Epoch() != epoch {
		return // Record would drop it: spare the encoding (read-after-write polls)
	}
	if b, err := json.Marshal(obj); err == nil {
		c.reads.Record(key, epoch, b)
	}
}

// Read is Get served from this operation's last reading of the object when
// the process has written nothing since. Not for waiting on a write: use Get.
func (c *Client) Read(ctx context.Context, cmdlet, identity string, extra map[string]any) (map[string]any, bool, error) {
	if b, ok := c.reads.Recorded(readKey(cmdlet, identity, extra)); ok {
		var obj map[string]any
		if json.Unmarshal(b, &obj) == nil {
			return obj, true, nil
		}
	}
	obj, found, _, err := c.Get(ctx, cmdlet, identity, extra)
	return obj, found, err
}
