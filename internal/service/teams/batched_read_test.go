package teams_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/acctest"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/tenantsim"
)

// checkFunc adapts a function to a plan check, to inspect the simulator at a
// precise point of a test step.
type checkFunc func() error

func (f checkFunc) CheckPlan(_ context.Context, _ plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	resp.Error = f()
}

// teamsRequests sums the Teams admin requests by method and path shape.
func teamsRequests(st tenantsim.Stats) (lists map[string]int, singles, discovery, other int) {
	lists = map[string]int{}
	for _, r := range st.Requests {
		if r.Surface != "teams" {
			continue
		}
		switch {
		case r.Path == "/Teams.Tenant/serviceDiscovery" || r.Path == "/Teams.Tenant/tenants":
			discovery += r.Count
		case r.Method == "GET" && strings.Contains(r.Path, "/configuration/"):
			singles += r.Count
		case r.Method == "GET" && strings.HasPrefix(r.Path, "/Skype.Policy/configurations/"):
			lists[strings.TrimPrefix(r.Path, "/Skype.Policy/configurations/")] += r.Count
		default:
			other += r.Count
		}
	}
	return
}

// A plan over many policies (50 meeting and 20 messaging policies and a
// singleton) costs one list request per policy type, plus the handshake, not
// one request per policy.
func TestAccTeams_refreshIsBatched(t *testing.T) {
	sim := acctest.Sim(t)
	const n, m = 50, 20
	config := fmt.Sprintf(`
resource "teamshipaa_meeting_policy" "many" {
  count                 = %d
  name                  = "tfacc-batch-${count.index}"
  allow_cloud_recording = false
}

resource "teamshipaa_messaging_policy" "many" {
  count                             = %d
  name                              = "tfacc-batch-${count.index}"
  allow_security_end_user_reporting = true
}

resource "teamshipaa_external_access" "this" {
  external_access_with_trial_tenants = "Blocked"
}
`, n, m)
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: config},
			{
				PreConfig: sim.ResetStats,
				Config:    config,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectEmptyPlan(),
						checkFunc(func() error {
							lists, singles, discovery, other := teamsRequests(sim.Stats())
							want := map[string]int{"TeamsMeetingPolicy": 1, "TeamsMessagingPolicy": 1, "TenantFederationSettings": 1}
							if fmt.Sprint(lists) != fmt.Sprint(want) || singles != 0 || other != 0 || discovery > 1 {
								return fmt.Errorf("refreshing %d+%d+1 objects cost lists=%v single reads=%d handshakes=%d other=%d; "+
									"want one list per type and at most one handshake", n, m, lists, singles, discovery, other)
							}
							return nil
						}),
					},
				},
			},
		},
	})
}
