package adminapi

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/clients/writes"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/poll"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/transport"
)

// Get runs a Get-* cmdlet for one identity. found is false when the service
// says the object does not exist (IsNotFound) or returns no object.
func (c *Client) Get(ctx context.Context, cmdlet, identity string, extra map[string]any) (obj map[string]any, found bool, res Result, err error) {
	params := map[string]any{"Identity": identity}
	for k, v := range extra {
		params[k] = v
	}
	epoch := writes.Epoch()
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
	if reads(cmdlet) {
		c.record(readKey(cmdlet, identity, extra), epoch, objs[0])
	}
	return objs[0], true, res, nil
}

// ReadFunc reads back the object a create was meant to make; found is false
// when it does not exist.
type ReadFunc func(ctx context.Context) (obj map[string]any, found bool, err error)

// CreateOrRead runs a non-idempotent New-* cmdlet. When it fails in a way
// that may have been applied (transport.ErrMaybeCommitted: the connection
// broke after the request left, or a gateway timed out), the cmdlet is not
// sent again blindly: read tells whether the object exists (poll.Settle).
// Found, it is returned as if the create had answered; confirmed absent, the
// create is sent again, within ctx's deadline. Names are unique, so "already
// exists" to a New-* sent again means an earlier one was applied: it is
// resolved by reading too.
func (c *Client) CreateOrRead(ctx context.Context, cmdlet string, params map[string]any, read ReadFunc) (map[string]any, Result, error) {
	var res Result
	obj, err := poll.Settle(ctx, poll.Options{}, cmdlet,
		func(ctx context.Context, attempt int) (map[string]any, error) {
			objs, r, err := c.Invoke(ctx, cmdlet, params)
			res.add(r)
			switch {
			case err == nil && len(objs) > 0:
				return objs[0], nil
			case err == nil:
				return map[string]any{}, nil
			case attempt > 1 && IsAlreadyExists(err):
				return nil, fmt.Errorf("%w: %w", transport.ErrMaybeCommitted, err)
			}
			return nil, err
		}, poll.Read[map[string]any](read))
	return obj, res, err
}

// IsAlreadyExists reports whether err is the cmdlet's refusal to create an
// object whose name is taken (ADObjectAlreadyExistsException, "... already exists").
func IsAlreadyExists(err error) bool {
	var ae *transport.APIError
	if !errors.As(err, &ae) {
		return false
	}
	return strings.Contains(ae.TypeName, "AlreadyExists") || strings.Contains(strings.ToLower(ae.Message), "already exists")
}

// IsPendingDeletion reports whether err is the refusal to change a policy
// that a Remove- has put in PendingDeletion ("... is pending deletion ...").
func IsPendingDeletion(err error) bool {
	var ae *transport.APIError
	return errors.As(err, &ae) && strings.Contains(strings.ToLower(ae.Message), "pending deletion")
}

// FindByName runs a Get-* cmdlet that has no -Identity (for example
// Get-UnifiedAuditLogRetentionPolicy) and returns the object called name
// (names are unique; compared without case, as the service does). found is
// false when no object has that name.
func (c *Client) FindByName(ctx context.Context, cmdlet, name string) (obj map[string]any, found bool, res Result, err error) {
	objs, res, err := c.Invoke(ctx, cmdlet, map[string]any{})
	if err != nil {
		return nil, false, res, err
	}
	for _, o := range objs {
		if n, _ := o["Name"].(string); strings.EqualFold(n, name) {
			return o, true, res, nil
		}
	}
	return nil, false, res, nil
}
