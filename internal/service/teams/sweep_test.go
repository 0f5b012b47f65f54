package teams_test

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/acctest"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/service/teams"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/transport"
)

func TestMain(m *testing.M) { resource.TestMain(m) }

// Every Teams policy type that has instances gets a sweeper; singletons have
// only Global, which no test creates. Group policy assignments need none: the
// tests that make them read the simulator's assignments and skip in live mode.
func init() {
	for resourceName, policyType := range teams.SweptTypes() {
		resource.AddTestSweepers(resourceName, &resource.Sweeper{Name: resourceName, F: func(region string) error {
			return sweepPolicies(region, policyType)
		}})
	}
}

func sweepPolicies(region, policyType string) error {
	c, err := acctest.SweepClient(region)
	if err != nil {
		return err
	}
	ctx := context.Background()
	objs, _, err := c.ConfigAPI.List(ctx, policyType)
	if err != nil {
		return fmt.Errorf("listing %s: %w", policyType, err)
	}
	var errs []error
	for _, o := range objs {
		id, _ := o["Identity"].(string)
		if !acctest.Sweepable(id) {
			continue
		}
		if _, err := c.ConfigAPI.Delete(ctx, policyType, id); err != nil && !transport.IsNotFound(err) {
			errs = append(errs, fmt.Errorf("deleting %s %s: %w", policyType, id, err))
			continue
		}
		acctest.Swept(policyType, id)
	}
	return errors.Join(errs...)
}
