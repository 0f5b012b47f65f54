package poll

import (
	"context"
	"errors"
	"testing"
	"time"
)

func TestUntilSucceedsOnceThePredicateHolds(t *testing.T) {
	calls := 0
	err := Until(context.Background(), Options{Interval: time.Millisecond}, "three calls", func(context.Context) (bool, error) {
		calls++
		return calls == 3, nil
	})
	if err != nil || calls != 3 {
		t.Fatalf("err=%v calls=%d", err, calls)
	}
}

func TestUntilStopsAtTheBound(t *testing.T) {
	err := Until(context.Background(), Options{Timeout: 20 * time.Millisecond, Interval: time.Millisecond}, "never", func(context.Context) (bool, error) {
		return false, nil
	})
	if !errors.Is(err, ErrTimeout) {
		t.Fatalf("want ErrTimeout, got %v", err)
	}
}

func TestUntilReturnsThePredicateError(t *testing.T) {
	boom := errors.New("boom")
	err := Until(context.Background(), Options{}, "error", func(context.Context) (bool, error) { return false, boom })
	if !errors.Is(err, boom) {
		t.Fatalf("want boom, got %v", err)
	}
}
