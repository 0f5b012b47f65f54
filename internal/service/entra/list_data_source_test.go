package entra_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/acctest"
)

// The conditional access and named location lists find every object with its
// import block (by object ID), and mark a Microsoft-managed policy as built
// in, leaving it out of import_blocks.
func TestAccEntraListDataSources(t *testing.T) {
	acctest.NewTenant(t)
	objects := fmt.Sprintf(`
resource "teamshipaa_conditional_access_policy" "legacy" {
  display_name = "Block legacy authentication"
  state        = "enabledForReportingButNotEnforced"
  conditions = {
    users            = { include_users = ["All"], exclude_groups = [%[1]q] }
    applications     = { include_applications = ["All"] }
    client_app_types = ["exchangeActiveSync", "other"]
  }
  grant_controls = { built_in_controls = ["block"] }
}

resource "teamshipaa_conditional_access_policy" "managed" {
  display_name = "Microsoft-managed: Multifactor authentication for admins"
  state        = "enabledForReportingButNotEnforced"
  conditions = {
    users        = { include_roles = ["62e90394-69f5-4237-9190-012177145e10"], exclude_groups = [%[1]q] }
    applications = { include_applications = ["All"] }
  }
  grant_controls = { operator = "OR", built_in_controls = ["mfa"] }
}

resource "teamshipaa_named_location" "clinics" {
  display_name = "Clinics"
  ip_ranges    = ["203.0.113.0/24"]
  is_trusted   = true
}
`, "7c0a2f5e-3b1d-4e8a-9f6c-2d4b8e1a5c30")
	lists := objects + `
data "teamshipaa_conditional_access_policies" "all" {
  depends_on = [teamshipaa_conditional_access_policy.legacy, teamshipaa_conditional_access_policy.managed]
}
data "teamshipaa_named_locations" "all" {
  depends_on = [teamshipaa_named_location.clinics]
}
`
	block := func(typ, label, id string) string {
		return "import {\n  to = " + typ + "." + label + "\n  id = \"" + id + "\"\n}\n"
	}
	idOf := func(s *terraform.State, addr string) string { return s.RootModule().Resources[addr].Primary.ID }
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: objects},
			{
				Config: lists,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.teamshipaa_conditional_access_policies.all", tfjsonpath.New("items"), knownvalue.ListExact([]knownvalue.Check{
						knownvalue.ObjectPartial(map[string]knownvalue.Check{"display_name": knownvalue.StringExact("Block legacy authentication"),
							"detail": knownvalue.StringExact("enabledForReportingButNotEnforced"), "built_in": knownvalue.Bool(false)}),
						knownvalue.ObjectPartial(map[string]knownvalue.Check{"display_name": knownvalue.StringExact("Microsoft-managed: Multifactor authentication for admins"),
							"built_in": knownvalue.Bool(true)}),
					})),
					statecheck.ExpectKnownValue("data.teamshipaa_named_locations.all", tfjsonpath.New("items"), knownvalue.ListExact([]knownvalue.Check{
						knownvalue.ObjectPartial(map[string]knownvalue.Check{"display_name": knownvalue.StringExact("Clinics"),
							"detail": knownvalue.StringExact("ip"), "built_in": knownvalue.Bool(false)}),
					})),
				},
				Check: func(s *terraform.State) error {
					want := block("teamshipaa_conditional_access_policy", "block_legacy_authentication", idOf(s, "teamshipaa_conditional_access_policy.legacy"))
					if got := s.RootModule().Resources["data.teamshipaa_conditional_access_policies.all"].Primary.Attributes["import_blocks"]; got != want {
						return fmt.Errorf("conditional access import_blocks:\n%s\nwant (the Microsoft-managed policy left out):\n%s", got, want)
					}
					want = block("teamshipaa_named_location", "clinics", idOf(s, "teamshipaa_named_location.clinics"))
					if got := s.RootModule().Resources["data.teamshipaa_named_locations.all"].Primary.Attributes["import_blocks"]; got != want {
						return fmt.Errorf("named location import_blocks:\n%s\nwant:\n%s", got, want)
					}
					return nil
				},
			},
		},
	})
}
