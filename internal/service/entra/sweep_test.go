package entra_test

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/acctest"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/transport"
)

func TestMain(m *testing.M) { resource.TestMain(m) }

func init() {
	resource.AddTestSweepers("teamshipaa_conditional_access_policy", &resource.Sweeper{
		Name: "teamshipaa_conditional_access_policy",
		F:    sweepConditionalAccessPolicies,
	})
	// A named location that a policy still references cannot be deleted:
	// the policies go first.
	resource.AddTestSweepers("teamshipaa_named_location", &resource.Sweeper{
		Name:         "teamshipaa_named_location",
		Dependencies: []string{"teamshipaa_conditional_access_policy"},
		F:            sweepNamedLocations,
	})
}

func sweepConditionalAccessPolicies(region string) error {
	c, err := acctest.SweepClient(region)
	if err != nil {
		return err
	}
	ctx := context.Background()
	policies, err := c.Graph.ListPolicies(ctx)
	if err != nil {
		return fmt.Errorf("listing conditional access policies: %w", err)
	}
	var errs []error
	for _, p := range policies {
		if !acctest.Sweepable(p.DisplayName) {
			continue
		}
		if err := c.Graph.DeletePolicy(ctx, p.ID); err != nil && !transport.IsNotFound(err) {
			errs = append(errs, fmt.Errorf("deleting conditional access policy %q (%s): %w", p.DisplayName, p.ID, err))
			continue
		}
		acctest.Swept("conditional access policy", p.DisplayName)
	}
	return errors.Join(errs...)
}

func sweepNamedLocations(region string) error {
	c, err := acctest.SweepClient(region)
	if err != nil {
		return err
	}
	ctx := context.Background()
	locations, err := c.Graph.ListNamedLocations(ctx)
	if err != nil {
		return fmt.Errorf("listing named locations: %w", err)
	}
	var errs []error
	for _, l := range locations {
		if !acctest.Sweepable(l.DisplayName) {
			continue
		}
		if err := c.Graph.DeleteNamedLocation(ctx, l.ID); err != nil && !transport.IsNotFound(err) {
			errs = append(errs, fmt.Errorf("deleting named location %q (%s): %w", l.DisplayName, l.ID, err))
			continue
		}
		acctest.Swept("named location", l.DisplayName)
	}
	return errors.Join(errs...)
}
