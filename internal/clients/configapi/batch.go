package configapi

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"sync"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/transport"
)

// A Terraform operation reads every resource once. One list request per
// policy type serves all of those reads: the first read of a type fetches
// the list, concurrent reads wait for it, later reads use it, and any write
// to the type drops it so that read-after-write stays correct. The client
// lives for one provider configuration, that is, one operation.

type listing struct {
	done chan struct{}
	byID map[string]Object // keyed by lower-case Identity
	res  Result
	err  error
}

type batcher struct {
	mu    sync.Mutex
	lists map[string]*listing
}

// Read returns one instance, served from a single list request per policy
// type. A missing instance is an error for which transport.IsNotFound is true.
// Use Get instead where a fresh read is needed (waiting for a write to land).
func (c *Client) Read(ctx context.Context, policyType, identity string) (Object, Result, error) {
	l, res, err := c.batched(ctx, policyType)
	if err != nil {
		return nil, res, err
	}
	obj, ok := l.byID[strings.ToLower(identity)]
	if !ok {
		return nil, res, &transport.APIError{
			Service: ServiceName, Method: http.MethodGet, URL: c.base + typePath(policyType), StatusCode: http.StatusNotFound,
			Message: fmt.Sprintf("%s %q is not in the list of %s instances", policyType, identity, policyType),
		}
	}
	return obj, res, nil
}

// ReadAll returns every instance of policyType (in no particular order) from
// the same list request Read uses, so that the assessment of an operation
// reads the list the resources' refresh already fetched. Use List where a
// fresh list is needed. The objects are shared and must not be changed.
func (c *Client) ReadAll(ctx context.Context, policyType string) ([]Object, Result, error) {
	l, res, err := c.batched(ctx, policyType)
	if err != nil {
		return nil, res, err
	}
	out := make([]Object, 0, len(l.byID))
	for _, o := range l.byID {
		out = append(out, o)
	}
	return out, res, nil
}

// batched returns the list of policyType, fetching it only when no list is
// held or in flight. The warnings go to the call that fetched, not to every
// reader.
func (c *Client) batched(ctx context.Context, policyType string) (*listing, Result, error) {
	c.batch.mu.Lock()
	if c.batch.lists == nil {
		c.batch.lists = map[string]*listing{}
	}
	l, inFlight := c.batch.lists[policyType]
	if !inFlight {
		l = &listing{done: make(chan struct{})}
		c.batch.lists[policyType] = l
	}
	c.batch.mu.Unlock()

	var res Result
	if !inFlight {
		objs, r, err := c.List(ctx, policyType)
		l.res, l.err = r, err
		if err == nil {
			l.byID = make(map[string]Object, len(objs))
			for _, o := range objs {
				l.byID[strings.ToLower(o.Identity())] = o
			}
		}
		c.batch.mu.Lock()
		if err != nil && c.batch.lists[policyType] == l {
			delete(c.batch.lists, policyType) // a failed list is not remembered
		}
		c.batch.mu.Unlock()
		close(l.done)
		res = r
	} else {
		select {
		case <-l.done:
		case <-ctx.Done():
			return nil, Result{}, ctx.Err()
		}
	}
	if l.err != nil {
		return nil, res, l.err
	}
	return l, res, nil
}

// invalidate drops the cached list of a type after a write to it.
func (c *Client) invalidate(policyType string) {
	c.batch.mu.Lock()
	delete(c.batch.lists, policyType)
	c.batch.mu.Unlock()
}
