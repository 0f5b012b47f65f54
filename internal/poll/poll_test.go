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

func TestReadBackWaitsForExistenceAndMatch(t *testing.T) {
	calls := 0
	read := func(context.Context) (int, bool, error) {
		calls++
		return calls, calls >= 2, nil // absent once, then a value that grows
	}
	got, err := ReadBack(context.Background(), Options{Interval: time.Millisecond}, "value 4", read, func(v int) bool { return v == 4 })
	if err != nil || got != 4 || calls != 4 {
		t.Fatalf("got=%d err=%v calls=%d", got, err, calls)
	}
	boom := errors.New("boom")
	if _, err := ReadBack(context.Background(), Options{}, "x", func(context.Context) (int, bool, error) { return 0, false, boom }, nil); !errors.Is(err, boom) {
		t.Fatalf("want the read error, got %v", err)
	}
}

func TestGoneWaitsUntilAbsent(t *testing.T) {
	calls := 0
	err := Gone(context.Background(), Options{Interval: time.Millisecond}, "gone", func(context.Context) (struct{}, bool, error) {
		calls++
		return struct{}{}, calls < 3, nil
	})
	if err != nil || calls != 3 {
		t.Fatalf("err=%v calls=%d", err, calls)
	}
	err = Gone(context.Background(), Options{Timeout: 10 * time.Millisecond, Interval: time.Millisecond}, "never gone", func(context.Context) (int, bool, error) { return 1, true, nil })
	if !errors.Is(err, ErrTimeout) {
		t.Fatalf("want ErrTimeout, got %v", err)
	}
}
