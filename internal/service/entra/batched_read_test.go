package entra_test

import (
	"context"
	"fmt"
	"testing"

	sdkacctest "github.com/hashicorp/terraform-plugin-testing/helper/acctest"
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

// graphRequests is the Graph requests of st, keyed "METHOD path".
func graphRequests(st tenantsim.Stats) map[string]int {
	out := map[string]int{}
	for _, r := range st.Requests {
		if r.Surface == "graph" {
			out[r.Method+" "+r.Path] += r.Count
		}
	}
	return out
}

// A plan over many conditional access policies and named locations, and
// several look-up data sources, makes one list request of each collection
// and no request per object (issue #15: the module's plan made 11
// single-policy GETs and 13 identical GET /directoryRoleTemplates).
func TestAccEntra_refreshIsBatched(t *testing.T) {
	sim := acctest.Sim(t)
	const n, m = 8, 4
	prefix := sdkacctest.RandomWithPrefix("tfacc-batch")
	config := fmt.Sprintf(`
locals {
  roles     = ["Global Administrator", "Security Administrator", "Teams Administrator", "Exchange Administrator", "SharePoint Administrator"]
  strengths = ["Multifactor authentication", "Passwordless MFA", "Phishing-resistant MFA"]
}

# count, not for_each: terraform-plugin-testing's state shim refuses for_each keys.
data "teamshipaa_directory_role_template" "admins" {
  count        = length(local.roles)
  display_name = local.roles[count.index]
}

data "teamshipaa_authentication_strength_policy" "each" {
  count        = length(local.strengths)
  display_name = local.strengths[count.index]
}

resource "teamshipaa_named_location" "many" {
  count        = %[2]d
  display_name = "%[1]s-location-${count.index}"
  ip_ranges    = ["203.0.113.0/24"]
}

resource "teamshipaa_conditional_access_policy" "many" {
  count        = %[3]d
  display_name = "%[1]s-policy-${count.index}"
  state        = "enabledForReportingButNotEnforced"
  conditions = {
    users = {
      include_roles  = [for r in data.teamshipaa_directory_role_template.admins : r.id]
      exclude_groups = [%[4]q]
    }
    applications     = { include_applications = ["All"] }
    locations        = { include_locations = ["All"], exclude_locations = [teamshipaa_named_location.many[count.index %% %[2]d].id] }
  }
  grant_controls = { authentication_strength_id = data.teamshipaa_authentication_strength_policy.each[2].id }
}
`, prefix, m, n, breakGlassGroup)
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
							got := graphRequests(sim.Stats())
							want := map[string]int{
								"GET /v1.0/identity/conditionalAccess/policies":                        1,
								"GET /v1.0/identity/conditionalAccess/namedLocations":                  1,
								"GET /v1.0/directoryRoleTemplates":                                     1,
								"GET /v1.0/identity/conditionalAccess/authenticationStrength/policies": 1,
							}
							if fmt.Sprint(got) != fmt.Sprint(want) {
								return fmt.Errorf("planning %d policies, %d named locations, 5 role and 3 strength look-ups made the Graph requests\n%v\nwant one list of each collection and nothing else:\n%v",
									n, m, got, want)
							}
							return nil
						}),
					},
				},
			},
		},
	})
}
