package poll

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/transport"
)

// Settle sends a write until it is known to have happened: the lifecycle half
// of the one rule for uncertain writes (the transport's classify is the other
// half, and retries on its own what the service proved it did not act on).
//
// send makes the write; attempt counts from 1. When it fails with
// transport.ErrMaybeCommitted (the connection broke after the request left,
// or a gateway timed out), resolve reads whether the write happened: found,
// what it read is returned as the write's result; absent, send goes again
// after a jittered pause. Reads can lag writes, so absence counts only once
// every read for o.Confirm has shown it. Any other error from send, or an
// error from resolve, ends it. It is bounded by o.Timeout (0: by ctx only,
// and 5 minutes when ctx has no deadline) and by ctx.
func Settle[T any](ctx context.Context, o Options, what string, send func(ctx context.Context, attempt int) (T, error), resolve Read[T]) (T, error) {
	var zero T
	timeout := o.Timeout
	if timeout <= 0 {
		timeout = 5 * time.Minute
		if d, ok := ctx.Deadline(); ok {
			timeout = time.Until(d)
		}
	}
	if o.Interval <= 0 {
		o.Interval = 500 * time.Millisecond
	}
	if o.MaxInt <= 0 {
		o.MaxInt = 10 * time.Second
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	pause := o.Interval
	for attempt := 1; ; attempt++ {
		got, err := send(ctx, attempt)
		if err == nil || !errors.Is(err, transport.ErrMaybeCommitted) {
			return got, err
		}
		obj, found, rerr := confirm(ctx, o.Confirm, resolve)
		switch {
		case found:
			return obj, nil
		case rerr != nil && ctx.Err() != nil:
			return zero, fmt.Errorf("%w; %s: it is still not known whether it was applied after %d attempts (%s): check the tenant, then import the object if it exists", err, what, attempt, timeout)
		case rerr != nil:
			return zero, fmt.Errorf("%w; reading it back to find out also failed: %v", err, rerr)
		}
		// Confirmed not applied: send it again after a jittered pause.
		if sleep(ctx, o.Interval+rand.N(pause-o.Interval+1)) != nil {
			return zero, fmt.Errorf("%w; %s: not applied after %d attempts (%s)", err, what, attempt, timeout)
		}
		if pause *= 2; pause > o.MaxInt {
			pause = o.MaxInt
		}
	}
}

// confirm reads until the object shows (found) or has stayed absent for window.
func confirm[T any](ctx context.Context, window time.Duration, read Read[T]) (T, bool, error) {
	end := time.Now().Add(window)
	wait := 250 * time.Millisecond
	for {
		obj, found, err := read(ctx)
		if err != nil || found {
			return obj, found, err
		}
		left := time.Until(end)
		if left <= 0 {
			return obj, false, nil
		}
		if err := sleep(ctx, min(wait, left)); err != nil {
			return obj, false, err
		}
		wait = min(2*wait, 2*time.Second)
	}
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
