package graph

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/transport"
)

// A Terraform operation reads every resource once, and a plan of the
// baseline module reads eleven conditional access policies and thirteen
// directory role look-ups. One list request serves all of those reads, as the
// Teams ConfigAPI client's batched reads do (internal/clients/configapi): the
// first read fetches the list, concurrent reads wait for it, later reads use
// it. The client lives for one provider configuration, that is, one
// operation of one provider process.
//
// Read-after-write: any write to a collection drops its list, so the next
// read lists again, and the object written is read with its own GET from then
// on. Graph's reads lag its writes, so a caller waiting for a write to land
// must see the service each time it asks, not a list taken once.

// listing is one list request: in flight until done is closed.
type listing[T any] struct {
	done  chan struct{}
	items []T
	err   error
}

// listCache holds the last list of one collection.
type listCache[T any] struct {
	mu      sync.Mutex
	cur     *listing[T]     // nil: none, or dropped by a write
	written map[string]bool // lower-case ids this client wrote, read one by one
}

// list returns the collection's items, fetching them with fetch only when no
// list is held or in flight. A failed list is not remembered. The slice is
// the caller's; the items are shared and must not be changed.
func (lc *listCache[T]) list(ctx context.Context, fetch func(context.Context) ([]T, error)) ([]T, error) {
	lc.mu.Lock()
	l := lc.cur
	fetching := l == nil
	if fetching {
		l = &listing[T]{done: make(chan struct{})}
		lc.cur = l
	}
	lc.mu.Unlock()

	if fetching {
		l.items, l.err = fetch(ctx)
		if l.err != nil {
			lc.mu.Lock()
			if lc.cur == l {
				lc.cur = nil
			}
			lc.mu.Unlock()
		}
		close(l.done)
	} else {
		select {
		case <-l.done:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	if l.err != nil {
		return nil, l.err
	}
	return slices.Clone(l.items), nil
}

// wrote drops the list after a write to the collection and, for a write to
// one object (id not empty), has that object read with its own GET from now
// on. Called after the write returns (successful or not: a failed write may
// have landed), so that a list in flight during the write is not kept.
func (lc *listCache[T]) wrote(id string) {
	lc.mu.Lock()
	lc.cur = nil
	if id != "" {
		if lc.written == nil {
			lc.written = map[string]bool{}
		}
		lc.written[strings.ToLower(id)] = true
	}
	lc.mu.Unlock()
}

// writing marks id as written before its write is sent, so that a read
// during the write goes to the service.
func (lc *listCache[T]) writing(id string) {
	lc.mu.Lock()
	if lc.written == nil {
		lc.written = map[string]bool{}
	}
	lc.written[strings.ToLower(id)] = true
	lc.mu.Unlock()
}

// direct reports whether id was written by this client, so is read with its
// own GET.
func (lc *listCache[T]) direct(id string) bool {
	lc.mu.Lock()
	defer lc.mu.Unlock()
	return lc.written[strings.ToLower(id)]
}

// named returns the items whose name is name.
func named[T any](items []T, name string, nameOf func(T) string) []T {
	var same []T
	for _, it := range items {
		if nameOf(it) == name {
			same = append(same, it)
		}
	}
	return same
}

// notInList is the not-found error of an id missing from a fresh list: the
// object is gone (or never was), which Read shows as drift.
func (c *Client) notInList(path, id, what string) error {
	return &transport.APIError{
		Service: ServiceName, Method: http.MethodGet, URL: redactedURL(c.adapter.GetBaseUrl() + path + "/" + id),
		StatusCode: http.StatusNotFound,
		Message:    fmt.Sprintf("%s is not in the list of %s", id, what),
	}
}
