package conns

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/clients/writes"
)

func TestSharedReadsOncePerWriteFreePeriod(t *testing.T) {
	ctx := context.Background()
	c := &Client{}
	var reads atomic.Int32
	read := func(context.Context) (any, bool) { return int(reads.Add(1)), true }

	// Concurrent and later callers of one operation share one reading.
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if got := c.Shared(ctx, "k", read); got != 1 {
				t.Errorf("got reading %v, want the first", got)
			}
		}()
	}
	wg.Wait()
	if n := reads.Load(); n != 1 {
		t.Fatalf("%d readings, want 1", n)
	}
	if got := c.Shared(ctx, "other", read); got != 2 {
		t.Errorf("another key got %v, want its own reading", got)
	}

	// A write drops it.
	writes.Begin()()
	if got := c.Shared(ctx, "k", read); got != 3 {
		t.Errorf("after a write got %v, want a new reading", got)
	}
	if got := c.Shared(ctx, "k", read); got != 3 {
		t.Errorf("got %v, want the reading after the write", got)
	}
}

func TestSharedKeepsNoReadingAWriteOverlapped(t *testing.T) {
	ctx := context.Background()
	c := &Client{}
	n := 0
	overlapped := func(context.Context) (any, bool) {
		n++
		if n == 1 {
			writes.Begin()() // an apply's write while the tenant is read
		}
		return n, true
	}
	if got := c.Shared(ctx, "k", overlapped); got != 1 {
		t.Fatalf("got %v", got)
	}
	if got := c.Shared(ctx, "k", overlapped); got != 2 {
		t.Errorf("got %v, want a new reading: a write overlapped the first", got)
	}
	if got := c.Shared(ctx, "k", overlapped); got != 2 {
		t.Errorf("got %v, want the second reading, which no write overlapped", got)
	}
}

func TestSharedKeepsNoPartialReading(t *testing.T) {
	ctx := context.Background()
	c := &Client{}
	n := 0
	failing := func(context.Context) (any, bool) { n++; return n, false }
	c.Shared(ctx, "k", failing)
	if got := c.Shared(ctx, "k", failing); got != 2 {
		t.Errorf("got %v, want a new reading after one that was not whole", got)
	}
	var nilClient *Client
	nilClient.Shared(ctx, "k", failing)
	if n != 3 {
		t.Errorf("a nil client read %d times in all, want 3", n)
	}
}
