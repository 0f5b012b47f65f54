package entra_test

import (
	"fmt"
	"strings"
	"testing"

	sdkacctest "github.com/hashicorp/terraform-plugin-testing/helper/acctest"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/acctest"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/tenantsim"
)

// throttledCount is how many policies the throttled apply creates: twice
// Terraform's default parallelism (10), so every worker queues twice.
const throttledCount = 20

func throttledConfig(prefix string) string {
	return fmt.Sprintf(`
resource "teamshipaa_conditional_access_policy" "p" {
  count        = %[1]d
  display_name = "%[2]s-${count.index}"
  state        = "enabledForReportingButNotEnforced"
  conditions = {
    users        = { include_users = ["All"], exclude_groups = [%[3]q] }
    applications = { include_applications = ["All"] }
  }
  grant_controls = { built_in_controls = ["mfa"] }
}
`, throttledCount, prefix, breakGlassGroup)
}

// Graph throttles conditional access writes to about one per second per
// tenant. Under that throttle, enforced as a rate by the simulator, an apply
// of 20 policies with Terraform's default parallelism succeeds with no
// failed resource, the next plan is empty, and the destroy (20 throttled
// deletes) succeeds too; the simulator did refuse writes with 429, so the
// throttle was really in the way. The time it takes is measured by
// scripts/bench-throttle.sh, not here.
func TestAccEntra_throttledApplyOfTwentyPolicies(t *testing.T) {
	prefix := sdkacctest.RandomWithPrefix("tfacc-throttle")
	sim := acctest.NewTenant(t)
	sim.AddFault(tenantsim.Fault{Surface: "graph", PathPrefix: "/v1.0/identity/conditionalAccess/policies", Kind: tenantsim.FaultRate, IntervalMs: 1000})
	rate := func() tenantsim.Fault {
		for _, f := range sim.Faults() {
			if f.Kind == tenantsim.FaultRate {
				return f
			}
		}
		t.Fatal("the rate fault is gone")
		return tenantsim.Fault{}
	}
	stored := func() int {
		n := 0
		for _, o := range sim.GraphObjects("conditionalAccessPolicy") {
			if name, _ := o["displayName"].(string); strings.HasPrefix(name, prefix+"-") {
				n++
			}
		}
		return n
	}
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy: func(*terraform.State) error {
			if n := stored(); n != 0 {
				return fmt.Errorf("%d policies survived the throttled destroy", n)
			}
			return nil
		},
		Steps: []resource.TestStep{{
			Config:           throttledConfig(prefix),
			ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			Check: func(s *terraform.State) error {
				if n := stored(); n != throttledCount {
					return fmt.Errorf("the simulator holds %d policies, want %d", n, throttledCount)
				}
				var inState int
				for _, r := range s.RootModule().Resources {
					if r.Type == "teamshipaa_conditional_access_policy" && r.Primary != nil && r.Primary.ID != "" {
						inState++
					}
				}
				if inState != throttledCount {
					return fmt.Errorf("%d policies in state, want %d", inState, throttledCount)
				}
				f := rate()
				if f.Throttled == 0 {
					return fmt.Errorf("the simulator refused no write (admitted %d): the throttle was never in the way", f.Admitted)
				}
				if f.Admitted != throttledCount {
					return fmt.Errorf("the simulator admitted %d writes, want exactly the %d creates", f.Admitted, throttledCount)
				}
				t.Logf("throttled apply: %d writes admitted, %d answered 429", f.Admitted, f.Throttled)
				return nil
			},
		}},
	})
}
