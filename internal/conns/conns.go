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
	// Cloud is the environment's name ("public", "usgovernment", "dod"), for
	// plan-time rules that depend on it.
	Cloud string
	// BaselineChecks is what a plan does when a planned value departs from
	// the baseline catalog (provider argument baseline_checks).
	BaselineChecks BaselineChecks
	// TenantID is the tenant the provider signs in to; ProviderVersion the
	// provider's release version ("dev" in a local build). Evidence states both.
	TenantID, ProviderVersion string

	shared sharedReadings // see Shared
}

// BaselineChecks is the provider's baseline_checks setting.
type BaselineChecks string

const (
	// ChecksWarn reports each deviation as a warning (the default).
	ChecksWarn BaselineChecks = "warn"
	// ChecksErrorNew fails the plan on a "shall" deviation the plan
	// introduces (a new object, or an attribute whose prior value complied);
	// deviations already there (standing) still warn. For a legacy tenant.
	ChecksErrorNew BaselineChecks = "error_new"
	// ChecksError fails the plan on every deviation from a "shall" control,
	// new or standing.
	ChecksError BaselineChecks = "error"
	// ChecksOff runs no check.
	ChecksOff BaselineChecks = "off"
)

// BaselineChecksValues lists the allowed settings, default first.
var BaselineChecksValues = []string{string(ChecksWarn), string(ChecksErrorNew), string(ChecksError), string(ChecksOff)}

// Checks returns the baseline_checks setting; warn while the provider is
// not configured or the setting is empty.
func (c *Client) Checks() BaselineChecks {
	if c == nil || c.BaselineChecks == "" {
		return ChecksWarn
	}
	return c.BaselineChecks
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
