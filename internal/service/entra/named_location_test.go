package entra_test

import (
	"fmt"
	"regexp"
	"testing"

	sdkacctest "github.com/hashicorp/terraform-plugin-testing/helper/acctest"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/acctest"
)

const locAddr = "teamshipaa_named_location.test"

// simID returns the id of addr in the Terraform state.
func simID(s *terraform.State, addr string) (string, error) {
	rs, ok := s.RootModule().Resources[addr]
	if !ok {
		return "", fmt.Errorf("%s not in state", addr)
	}
	return rs.Primary.ID, nil
}

func TestAccNamedLocation_ip(t *testing.T) {
	name := sdkacctest.RandomWithPrefix("tfacc-loc")
	sim := acctest.Sim(t)
	var id string
	cfg := func(trusted bool, ranges string) string {
		return fmt.Sprintf(`
resource "teamshipaa_named_location" "test" {
  display_name = %q
  ip_ranges    = [%s]
  is_trusted   = %t
}
`, name, ranges, trusted)
	}
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy: func(*terraform.State) error {
			if _, ok := sim.GraphObject("namedLocation", id); ok {
				return fmt.Errorf("named location %s survived destroy", id)
			}
			return nil
		},
		Steps: []resource.TestStep{
			{
				Config: cfg(true, `"203.0.113.0/24", "2001:db8::/48"`),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(locAddr, tfjsonpath.New("is_trusted"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue(locAddr, tfjsonpath.New("ip_ranges"), knownvalue.SetExact([]knownvalue.Check{
						knownvalue.StringExact("203.0.113.0/24"), knownvalue.StringExact("2001:db8::/48")})),
					statecheck.ExpectKnownValue(locAddr, tfjsonpath.New("country_lookup_method"), knownvalue.Null()),
				},
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				Check: func(s *terraform.State) error {
					var err error
					if id, err = simID(s, locAddr); err != nil {
						return err
					}
					obj, ok := sim.GraphObject("namedLocation", id)
					if !ok {
						return fmt.Errorf("simulator has no named location %s", id)
					}
					if obj["@odata.type"] != "#microsoft.graph.ipNamedLocation" {
						return fmt.Errorf("@odata.type %v", obj["@odata.type"])
					}
					rs, _ := obj["ipRanges"].([]any)
					if len(rs) != 2 {
						return fmt.Errorf("ipRanges %v", obj["ipRanges"])
					}
					for _, r := range rs {
						m, _ := r.(map[string]any)
						want := "#microsoft.graph.iPv4CidrRange"
						if m["cidrAddress"] == "2001:db8::/48" {
							want = "#microsoft.graph.iPv6CidrRange"
						}
						if m["@odata.type"] != want {
							return fmt.Errorf("range %v: @odata.type %v, want %s", m["cidrAddress"], m["@odata.type"], want)
						}
					}
					return nil
				},
			},
			{
				// In-place update.
				Config: cfg(false, `"203.0.113.0/24"`),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(locAddr, plancheck.ResourceActionUpdate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
			},
			{ResourceName: locAddr, ImportState: true, ImportStateVerify: true},
			{
				// Drift: someone renames it; the plan puts it back.
				PreConfig: func() {
					if err := sim.SetGraphObject("namedLocation", id, map[string]any{"displayName": "renamed by hand"}); err != nil {
						t.Fatal(err)
					}
				},
				Config: cfg(false, `"203.0.113.0/24"`),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(locAddr, plancheck.ResourceActionUpdate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
			},
		},
	})
}

func TestAccNamedLocation_country(t *testing.T) {
	name := sdkacctest.RandomWithPrefix("tfacc-loc")
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: fmt.Sprintf(`
resource "teamshipaa_named_location" "test" {
  display_name          = %q
  countries_and_regions = ["US", "CA"]
}
`, name),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(locAddr, tfjsonpath.New("country_lookup_method"), knownvalue.StringExact("clientIpAddress")),
					statecheck.ExpectKnownValue(locAddr, tfjsonpath.New("include_unknown_countries_and_regions"), knownvalue.Bool(false)),
					statecheck.ExpectKnownValue(locAddr, tfjsonpath.New("is_trusted"), knownvalue.Null()),
				},
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
			{
				Config: fmt.Sprintf(`
resource "teamshipaa_named_location" "test" {
  display_name                          = %q
  countries_and_regions                 = ["US"]
  include_unknown_countries_and_regions = true
  country_lookup_method                 = "authenticatorAppGps"
}
`, name),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(locAddr, plancheck.ResourceActionUpdate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
			},
			{ResourceName: locAddr, ImportState: true, ImportStateVerify: true},
			{
				// Switching kind replaces the location.
				Config: fmt.Sprintf(`
resource "teamshipaa_named_location" "test" {
  display_name = %q
  ip_ranges    = ["198.51.100.0/24"]
}
`, name),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(locAddr, plancheck.ResourceActionDestroyBeforeCreate)},
				},
			},
		},
	})
}

func TestAccNamedLocation_validation(t *testing.T) {
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      `resource "teamshipaa_named_location" "t" { display_name = "x" }`,
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)ip_ranges.*countries_and_regions`),
			},
			{
				Config: `resource "teamshipaa_named_location" "t" {
  display_name          = "x"
  ip_ranges             = ["203.0.113.0/24"]
  countries_and_regions = ["US"]
}`,
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)Invalid Attribute Combination`),
			},
			{
				Config: `resource "teamshipaa_named_location" "t" {
  display_name = "x"
  ip_ranges    = ["203.0.113.0"]
}`,
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)Invalid IP range.*not an IPv4 or IPv6 range`),
			},
			{
				Config: `resource "teamshipaa_named_location" "t" {
  display_name          = "x"
  countries_and_regions = ["us"]
}`,
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)ISO 3166`),
			},
			{
				Config: `resource "teamshipaa_named_location" "t" {
  display_name = "x"
  ip_ranges    = []
}`,
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)at least 1`),
			},
		},
	})
}

// A range known only at apply (here from another resource's output) plans
// without a conversion error; the checks that need the value wait for apply.
func TestAccNamedLocation_rangeKnownOnlyAtApply(t *testing.T) {
	name := sdkacctest.RandomWithPrefix("tfacc-loc")
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: fmt.Sprintf(`
resource "terraform_data" "range" {
  input = "203.0.113.0/24"
}

resource "teamshipaa_named_location" "test" {
  display_name = %q
  ip_ranges    = [terraform_data.range.output]
}
`, name),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(locAddr, tfjsonpath.New("ip_ranges"), knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact("203.0.113.0/24")})),
			},
			ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
		}},
	})
}
