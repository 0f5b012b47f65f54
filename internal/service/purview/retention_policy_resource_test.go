package purview_test

import (
	"context"
	"fmt"
	"testing"

	sdkacctest "github.com/hashicorp/terraform-plugin-testing/helper/acctest"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/acctest"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/tenantsim"
)

func retentionConfig(policy, rule, comment, duration string) string {
	return fmt.Sprintf(`
resource "teamshipaa_retention_policy" "teams" {
  name                   = %q
  comment                = %q
  enabled                = true
  teams_chat_location    = ["All"]
  teams_channel_location = ["All"]
}

resource "teamshipaa_retention_rule" "teams" {
  name                        = %q
  policy                      = teamshipaa_retention_policy.teams.name
  retention_duration          = %q
  retention_compliance_action = "KeepAndDelete"
}
`, policy, comment, rule, duration)
}

// compliancePosts counts the InvokeCommand requests the compliance host
// received (every cmdlet is a POST to the same path).
func compliancePosts(sim *tenantsim.Simulator) int {
	n := 0
	for _, r := range sim.Stats().Requests {
		if r.Surface == "compliance" && r.Method == "POST" {
			n += r.Count
		}
	}
	return n
}

// A change made while the previous one is still being deployed is refused by
// the service ("... is being deployed. Once deployed, additional actions can be
// performed."); the provider retries it, bounded, until it is accepted.
//
// The simulator counts requests per host and path, not per cmdlet, so the
// retries are measured against a twin step: the same change (policy comment
// and rule duration), preceded by the same out-of-band writes, once with no
// deploy window and once with one. Nothing but the refused Set- calls and
// their retries can tell the two counts apart.
func TestAccRetention_throughDeployWindow(t *testing.T) {
	policy, rule := sdkacctest.RandomWithPrefix("tfacc-ret"), sdkacctest.RandomWithPrefix("tfacc-retrule")
	pAddr, rAddr := "teamshipaa_retention_policy.teams", "teamshipaa_retention_rule.teams"
	sim := acctest.Sim(t)
	ctx := context.Background()
	stored := func(comment, duration string) resource.TestCheckFunc {
		return func(*terraform.State) error {
			p, ok := sim.ComplianceObject("RetentionCompliancePolicy", policy)
			if !ok || fmt.Sprint(p["Comment"]) != comment {
				return fmt.Errorf("simulator policy %v, want comment %q", p, comment)
			}
			r, ok := sim.ComplianceObject("RetentionComplianceRule", rule)
			if !ok || fmt.Sprint(r["RetentionDuration"]) != duration {
				return fmt.Errorf("simulator rule %v, want duration %s", r, duration)
			}
			return nil
		}
	}
	// deployWindow makes every later write leave its object "being deployed"
	// for the next calls that touch it; then someone else changes both objects
	// (to their current values) in the service, so the next apply starts
	// inside a fresh window (or, with calls = 0, none). The counts start here.
	deployWindow := func(calls int, comment, duration string) func() {
		return func() {
			sim.SetDeployWindow(calls, 0)
			c := acctest.Configure(ctx, t).Compliance
			if _, _, err := c.Invoke(ctx, "Set-RetentionCompliancePolicy", map[string]any{"Identity": policy, "Comment": comment}); err != nil {
				t.Fatal(err)
			}
			if _, _, err := c.Invoke(ctx, "Set-RetentionComplianceRule", map[string]any{"Identity": rule, "RetentionDuration": duration}); err != nil {
				t.Fatal(err)
			}
			sim.ResetStats()
		}
	}
	var withoutWindow, withWindow int
	resource.Test(t, resource.TestCase{
		PreCheck: func() {
			acctest.PreCheck(t)
			t.Cleanup(func() { sim.SetDeployWindow(0, 0) })
		},
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				PreConfig:        func() { sim.SetDeployWindow(0, 0) },
				Config:           retentionConfig(policy, rule, "six years", "2190"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				Check:            stored("six years", "2190"),
			},
			{
				// The twin without a window: how many requests the change costs.
				PreConfig: deployWindow(0, "six years", "2190"),
				Config:    retentionConfig(policy, rule, "seven years", "2555"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(pAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectResourceAction(rAddr, plancheck.ResourceActionUpdate),
					},
				},
				Check: resource.ComposeAggregateTestCheckFunc(stored("seven years", "2555"), func(*terraform.State) error {
					withoutWindow = compliancePosts(sim)
					return nil
				}),
			},
			{
				// The same change inside a deploy window of 3 calls per object: the refresh reads use
				// one, the Set- calls of the policy and of the rule are refused, retried, accepted.
				PreConfig: deployWindow(3, "seven years", "2555"),
				Config:    retentionConfig(policy, rule, "six years", "2190"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(pAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectResourceAction(rAddr, plancheck.ResourceActionUpdate),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(stored("six years", "2190"), func(*terraform.State) error {
					withWindow = compliancePosts(sim)
					t.Logf("compliance requests for the change: %d without a deploy window, %d inside one", withoutWindow, withWindow)
					// At least one retried Set- for the policy and one for the rule.
					if withWindow-withoutWindow < 2 {
						return fmt.Errorf("%d requests inside the deploy window, %d without: the refused Set- calls were not retried",
							withWindow, withoutWindow)
					}
					return nil
				}),
			},
			{ResourceName: pAddr, ImportState: true, ImportStateId: policy, ImportStateVerify: true, ImportStateVerifyIgnore: []string{"timeouts"}},
			{ResourceName: rAddr, ImportState: true, ImportStateId: rule, ImportStateVerify: true, ImportStateVerifyIgnore: []string{"timeouts"}},
		},
	})
}
