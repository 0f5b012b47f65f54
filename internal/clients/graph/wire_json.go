package graph

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"

	"github.com/microsoft/kiota-abstractions-go/serialization"
	jsonserialization "github.com/microsoft/kiota-serialization-json-go"
)

// GetPolicyJSON reads one conditional access policy and returns it as Graph's
// JSON (camelCase field names, as the service sent them and the SDK parsed
// them), for checks that look at the wire rather than at this package's
// types (the live-tenant acceptance tests).
func (c *Client) GetPolicyJSON(ctx context.Context, id string) (map[string]any, error) {
	if c.err != nil {
		return nil, c.err
	}
	got, err := c.policies().ByConditionalAccessPolicyId(id).Get(ctx, nil)
	if err != nil {
		return nil, c.wrapErr(op{http.MethodGet, policiesPath + "/" + id, PermissionRead}, err)
	}
	return modelJSON(got)
}

// GetNamedLocationJSON is GetPolicyJSON for a named location.
func (c *Client) GetNamedLocationJSON(ctx context.Context, id string) (map[string]any, error) {
	if c.err != nil {
		return nil, c.err
	}
	got, err := c.namedLocations().ByNamedLocationId(id).Get(ctx, nil)
	if err != nil {
		return nil, c.wrapErr(op{http.MethodGet, namedLocationsPath + "/" + id, PermissionRead}, err)
	}
	return modelJSON(got)
}

func modelJSON(m serialization.Parsable) (map[string]any, error) {
	// A writer of its own: the client registers its JSON factories on its
	// request adapter (New), not in kiota's default registry that
	// SerializeToJson uses.
	w := jsonserialization.NewJsonSerializationWriter()
	defer w.Close()
	if err := w.WriteObjectValue("", m); err != nil {
		return nil, fmt.Errorf("%s: serializing the answer: %w", ServiceName, err)
	}
	b, err := w.GetSerializedContent()
	if err != nil {
		return nil, fmt.Errorf("%s: serializing the answer: %w", ServiceName, err)
	}
	var out map[string]any
	if err := json.Unmarshal(b, &out); err != nil {
		return nil, fmt.Errorf("%s: serializing the answer: %w", ServiceName, err)
	}
	return out, nil
}
