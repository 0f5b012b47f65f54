package entra_test

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"

	sdkacctest "github.com/hashicorp/terraform-plugin-testing/helper/acctest"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/acctest"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/clients/graph"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/tenantsim"
)

// reliabilityConfig is a report-only policy that refers to a named location.
func reliabilityConfig(policy, location, cidr, extra string) string {
	return fmt.Sprintf(`
resource "teamshipaa_named_location" "office" {
  display_name = %[2]q
  ip_ranges    = [%[3]q]
  is_trusted   = true
  %[4]s
}

resource "teamshipaa_conditional_access_policy" "test" {
  display_name = %[1]q
  state        = "enabledForReportingButNotEnforced"
  %[4]s
  conditions = {
    users = {
      include_users  = ["All"]
      exclude_groups = [%[5]q]
    }
    applications = { include_applications = ["All"] }
    locations = {
      include_locations = ["All"]
      exclude_locations = [teamshipaa_named_location.office.id]
    }
  }
  grant_controls = { built_in_controls = ["mfa"] }
}
`, policy, location, cidr, extra, breakGlassGroup)
}

func named(sim *tenantsim.Simulator, kind, name string) int {
	n := 0
	for _, o := range sim.GraphObjects(kind) {
		if o["displayName"] == name {
			n++
		}
	}
	return n
}

func consumed(sim *tenantsim.Simulator) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if left := sim.Faults(); len(left) > 0 {
			return fmt.Errorf("faults never hit: %+v", left)
		}
		return nil
	}
}

func exactlyOne(sim *tenantsim.Simulator, policy, location string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if n, m := named(sim, "conditionalAccessPolicy", policy), named(sim, "namedLocation", location); n != 1 || m != 1 {
			return fmt.Errorf("%d policies named %s and %d locations named %s, want one each", n, policy, m, location)
		}
		return nil
	}
}

func gone(sim *tenantsim.Simulator, policy, location string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if n, m := named(sim, "conditionalAccessPolicy", policy), named(sim, "namedLocation", location); n != 0 || m != 0 {
			return fmt.Errorf("%d policies and %d locations survived destroy", n, m)
		}
		return nil
	}
}

// A single 503 on each kind of conditional access write (policy and named
// location create, update and delete) is sent again: nothing fails, nothing
// is duplicated, nothing is left behind.
func TestAccEntra_single503OnEveryWrite(t *testing.T) {
	policy, location := sdkacctest.RandomWithPrefix("tfacc-ca"), sdkacctest.RandomWithPrefix("tfacc-loc")
	sim := acctest.Sim(t)
	fault := func(method string) func() {
		return func() {
			for _, p := range []string{"/v1.0/identity/conditionalAccess/policies", "/v1.0/identity/conditionalAccess/namedLocations"} {
				sim.AddFault(tenantsim.Fault{Surface: "graph", Method: method, PathPrefix: p, Kind: tenantsim.FaultStatus, Status: 503, Count: 1})
			}
		}
	}
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             resource.ComposeTestCheckFunc(consumed(sim), gone(sim, policy, location)),
		Steps: []resource.TestStep{
			{
				PreConfig:        fault("POST"),
				Config:           reliabilityConfig(policy, location, "203.0.113.0/24", ""),
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				Check:            resource.ComposeTestCheckFunc(consumed(sim), exactlyOne(sim, policy, location)),
			},
			{
				PreConfig:        fault("PATCH"),
				Config:           strings.Replace(reliabilityConfig(policy, location, "198.51.100.0/24", ""), `["mfa"]`, `["mfa", "compliantDevice"]`, 1),
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				Check:            resource.ComposeTestCheckFunc(consumed(sim), exactlyOne(sim, policy, location)),
			},
			{
				PreConfig: fault("DELETE"),
				Config:    reliabilityConfig(policy, location, "198.51.100.0/24", ""),
				Destroy:   true,
			},
		},
	})
}

// The connection drops after Graph created the policy and the location:
// since Graph allows duplicate display names, sending the POST again would
// make a second policy. The provider finds the one it made instead.
func TestAccEntra_droppedAfterTheCreate(t *testing.T) {
	policy, location := sdkacctest.RandomWithPrefix("tfacc-ca"), sdkacctest.RandomWithPrefix("tfacc-loc")
	sim := acctest.Sim(t)
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             gone(sim, policy, location),
		Steps: []resource.TestStep{
			{
				PreConfig: func() {
					for _, p := range []string{"/v1.0/identity/conditionalAccess/policies", "/v1.0/identity/conditionalAccess/namedLocations"} {
						sim.AddFault(tenantsim.Fault{Surface: "graph", Method: "POST", PathPrefix: p, Kind: tenantsim.FaultDropAfter, Count: 1})
					}
				},
				Config:           reliabilityConfig(policy, location, "203.0.113.0/24", ""),
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				Check:            resource.ComposeTestCheckFunc(consumed(sim), exactlyOne(sim, policy, location)),
			},
		},
	})
}

// Crash: the policy and location an interrupted apply created are in the
// tenant but not in the state. The next apply refuses with the import block
// (it used to create a duplicate policy silently), writes nothing, and with
// adopt_existing = true adopts them.
func TestAccEntra_existingIsRefusedWithTheImportBlock(t *testing.T) {
	policy, location := sdkacctest.RandomWithPrefix("tfacc-ca"), sdkacctest.RandomWithPrefix("tfacc-loc")
	sim := acctest.Sim(t)
	var policyID string
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             gone(sim, policy, location),
		Steps: []resource.TestStep{
			{
				PreConfig: func() {
					ctx := context.Background()
					c := acctest.Configure(ctx, t)
					if _, err := c.Graph.CreateNamedLocation(ctx, &graph.NamedLocation{DisplayName: location, Kind: graph.KindIP, IPRanges: []string{"192.0.2.0/24"}}); err != nil {
						t.Fatal(err)
					}
					p, err := c.Graph.CreatePolicy(ctx, &graph.ConditionalAccessPolicy{DisplayName: policy, State: "disabled",
						Conditions: graph.Conditions{Users: &graph.Users{IncludeUsers: []string{"All"}, ExcludeGroups: []string{breakGlassGroup}},
							Applications: &graph.Applications{IncludeApplications: []string{"All"}}, ClientAppTypes: []string{"all"}},
						GrantControls: &graph.GrantControls{Operator: "OR", BuiltInControls: []string{"block"}}})
					if err != nil {
						t.Fatal(err)
					}
					policyID = p.ID
				},
				Config:      reliabilityConfig(policy, location, "203.0.113.0/24", ""),
				ExpectError: regexp.MustCompile(`(?s)already exists.*import \{.*to = teamshipaa_named_location\..*id = "[^"]+".*adopt_existing = true`),
			},
			{
				PreConfig: func() {
					if n := named(sim, "conditionalAccessPolicy", policy); n != 1 {
						t.Fatalf("%d policies named %s after the refused apply", n, policy)
					}
				},
				// The location adopted, the policy is refused by its own check.
				Config:      strings.Replace(reliabilityConfig(policy, location, "203.0.113.0/24", ""), "is_trusted   = true\n", "is_trusted   = true\n  adopt_existing = true\n", 1),
				ExpectError: regexp.MustCompile(`(?s)conditional access policy.*already exists.*import \{.*to = teamshipaa_conditional_access_policy\..*id = "` + uuidRE + `"`),
			},
			{
				Config: reliabilityConfig(policy, location, "203.0.113.0/24", "adopt_existing = true"),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("teamshipaa_conditional_access_policy.test", tfjsonpath.New("state"), knownvalue.StringExact("enabledForReportingButNotEnforced")),
				},
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				Check: resource.ComposeTestCheckFunc(exactlyOne(sim, policy, location), func(s *terraform.State) error {
					if id, err := simID(s, "teamshipaa_conditional_access_policy.test"); err != nil || id != policyID {
						return fmt.Errorf("state holds policy %s (%v), want the adopted %s", id, err, policyID)
					}
					return nil
				}),
			},
		},
	})
}

const uuidRE = `[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`
