// Package conns holds the API clients the provider configures once and hands
// to every resource and data source.
package conns

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/clients/adminapi"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/clients/configapi"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/clients/graph"
)

// Client is the provider data: one client per Microsoft API surface, all on
// the same transport and credential.
type Client struct {
	ConfigAPI            *configapi.Client
	Compliance, Exchange *adminapi.Client
	Graph                *graph.Client
}

// FromProviderData unpacks the provider data a resource's Configure receives.
// It returns nil, without a diagnostic, while the provider is not configured
// yet (Terraform calls Configure on resources before that during validation).
func FromProviderData(data any, diags *diag.Diagnostics) *Client {
	if data == nil {
		return nil
	}
	c, ok := data.(*Client)
	if !ok {
		diags.AddError("Unexpected provider data", fmt.Sprintf("expected *conns.Client, got %T; this is a bug in the provider", data))
		return nil
	}
	return c
}
