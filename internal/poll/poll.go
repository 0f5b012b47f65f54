// Package poll waits for eventually consistent reads: it asks a predicate
// again and again, with growing pauses, until it holds or a bound is reached.
// Nothing in the provider waits a fixed time.
package poll

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// Options bound the wait.
type Options struct {
	Timeout  time.Duration // overall bound (default: until ctx's deadline, else 5 minutes)
	Interval time.Duration // first pause (default 250ms); doubles up to MaxInterval
	MaxInt   time.Duration // longest pause (default 10s)
	// Confirm (Settle only): how long reads must keep showing a write absent
	// before it counts as not applied and is sent again (0: one read).
	Confirm time.Duration
}

// ErrTimeout is wrapped by the error Until returns when the bound is reached.
var ErrTimeout = errors.New("timed out waiting")

// Until calls check until it reports done, returns an error, or the bound or
// ctx ends. what names the awaited condition in the timeout error.
func Until(ctx context.Context, o Options, what string, check func(context.Context) (bool, error)) error {
	if o.Timeout <= 0 {
		o.Timeout = 5 * time.Minute
		if d, ok := ctx.Deadline(); ok { // the operation's timeout
			o.Timeout = max(time.Until(d), time.Millisecond)
		}
	}
	if o.Interval <= 0 {
		o.Interval = 250 * time.Millisecond
	}
	if o.MaxInt <= 0 {
		o.MaxInt = 10 * time.Second
	}
	ctx, cancel := context.WithTimeout(ctx, o.Timeout)
	defer cancel()
	wait := o.Interval
	for attempt := 1; ; attempt++ {
		done, err := check(ctx)
		if err != nil {
			return err
		}
		if done {
			return nil
		}
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return fmt.Errorf("%w for %s after %d attempts (%s)", ErrTimeout, what, attempt, o.Timeout)
		case <-t.C:
		}
		if wait *= 2; wait > o.MaxInt {
			wait = o.MaxInt
		}
	}
}

// Read fetches an object; found is false while it does not exist (yet, or
// any more). It is the shape ReadBack and Gone wait on.
type Read[T any] func(ctx context.Context) (obj T, found bool, err error)

// ReadBack polls read until the object exists and match holds (nil match:
// it exists), and returns what it read last. Every resource waits through it
// after a write, because the services answer a write before every reader sees it.
func ReadBack[T any](ctx context.Context, o Options, what string, read Read[T], match func(T) bool) (T, error) {
	var got T
	err := Until(ctx, o, what, func(ctx context.Context) (bool, error) {
		obj, found, err := read(ctx)
		if err != nil || !found {
			return false, err
		}
		got = obj
		return match == nil || match(obj), nil
	})
	return got, err
}

// Gone polls read until the object no longer exists.
func Gone[T any](ctx context.Context, o Options, what string, read Read[T]) error {
	return Until(ctx, o, what, func(ctx context.Context) (bool, error) {
		_, found, err := read(ctx)
		return !found, err
	})
}
