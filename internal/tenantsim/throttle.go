package tenantsim

import (
	"fmt"
	"math"
	"net/http"
	"time"
)

// FaultRate is a throttle enforced as a rate, not a count: of the writes
// (POST, PUT, PATCH, DELETE) matching the fault, at most one is admitted per
// IntervalMs; a write arriving sooner is refused with 429 and a Retry-After
// saying when the next one will be admitted. Reads pass. The simulator holds
// one tenant, so the rate is per tenant, as Graph's is.
//
// Evidence: azuread documents conditional access writes as throttled to
// about one request per second per tenant (shared/reference/microsoft-apis.md
// §2). Graph's answer is 429 with a Retry-After header giving the suggested
// wait in seconds, and a request sent again too early is refused again
// (microsoftgraph/microsoft-graph-docs-contrib concepts/throttling.md, "Best
// practices to handle throttling"); the error code is TooManyRequests
// (concepts/errors.md), in Graph's usual error body with innerError
// request-id and date. Graph sends Retry-After as delta seconds, fractions
// included (the throttling sample: "Retry-After: 2.128"), so the remaining
// wait is sent to the millisecond.
//
// Not evidenced, so not simulated: whether refused requests count against
// the limit (here they do not: the window runs from the last admitted write).
const FaultRate = "rate"

// maxRateInterval bounds IntervalMs.
const maxRateInterval = time.Minute

// validateRate checks the fields of a rate fault.
func (f *Fault) validateRate() error {
	if f.IntervalMs <= 0 || time.Duration(f.IntervalMs)*time.Millisecond > maxRateInterval {
		return fmt.Errorf("rate needs interval_ms in 1..%d", maxRateInterval.Milliseconds())
	}
	if f.Count != 0 {
		return fmt.Errorf("rate is armed until cleared: count must be 0")
	}
	return nil
}

// admitLocked applies rate fault f to a write arriving at now: it returns
// nil when the write is admitted (and starts the next window), else the 429
// to answer. The fault set's lock is held.
func (f *Fault) admitLocked(now time.Time) *Fault {
	interval := time.Duration(f.IntervalMs) * time.Millisecond
	if !f.last.IsZero() {
		if wait := f.last.Add(interval).Sub(now); wait > 0 {
			f.Throttled++
			secs := math.Ceil(float64(wait)/float64(time.Millisecond)) / 1000
			return &Fault{
				Surface: f.Surface, Kind: FaultStatus, Status: http.StatusTooManyRequests,
				RetryAfter: fmt.Sprintf("%.3f", secs),
				message:    fmt.Sprintf("Too many requests: at most one write every %s. Please retry again later.", interval),
			}
		}
	}
	f.last = now
	f.Admitted++
	return nil
}
