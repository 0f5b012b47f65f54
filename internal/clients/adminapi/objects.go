package adminapi

import (
	"context"
	"errors"
	"fmt"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/transport"
)

// Get runs a Get-* cmdlet for one identity. found is false when the service
// says the object does not exist (IsNotFound) or returns no object.
func (c *Client) Get(ctx context.Context, cmdlet, identity string, extra map[string]any) (obj map[string]any, found bool, res Result, err error) {
	params := map[string]any{"Identity": identity}
	for k, v := range extra {
		params[k] = v
	}
	objs, res, err := c.Invoke(ctx, cmdlet, params)
	if IsNotFound(err) {
		return nil, false, res, nil
	}
	if err != nil {
		return nil, false, res, err
	}
	if len(objs) == 0 {
		return nil, false, res, nil
	}
	return objs[0], true, res, nil
}

// ReadFunc reads back the object a create was meant to make; found is false
// when it does not exist.
type ReadFunc func(ctx context.Context) (obj map[string]any, found bool, err error)

// createAttempts bounds the New-* calls CreateOrRead makes.
const createAttempts = 3

// CreateOrRead runs a non-idempotent New-* cmdlet. When it fails in a way
// that may have been applied (transport.ErrMaybeCommitted: the connection
// broke after the request left, or 503/504), the cmdlet is not sent again
// blindly: read tells whether the object exists. Found, it is returned as if
// the create had answered; confirmed absent, the create is sent again (at most
// three times in all); a failing read returns both errors.
func (c *Client) CreateOrRead(ctx context.Context, cmdlet string, params map[string]any, read ReadFunc) (map[string]any, Result, error) {
	var res Result
	var lastErr error
	for attempt := 0; attempt < createAttempts; attempt++ {
		objs, r, err := c.Invoke(ctx, cmdlet, params)
		res.add(r)
		if err == nil {
			if len(objs) > 0 {
				return objs[0], res, nil
			}
			return map[string]any{}, res, nil
		}
		if !errors.Is(err, transport.ErrMaybeCommitted) {
			return nil, res, err
		}
		lastErr = err
		got, found, rerr := read(ctx)
		switch {
		case rerr != nil:
			return nil, res, fmt.Errorf("%w; reading it back also failed: %v", err, rerr)
		case found:
			return got, res, nil
		}
	}
	return nil, res, lastErr
}
