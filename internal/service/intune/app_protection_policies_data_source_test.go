package intune_test

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/acctest"
)

const listConfig = `
data "teamshipaa_ios_app_protection_policies" "all" {
  depends_on = [%s]
}
data "teamshipaa_android_app_protection_policies" "all" {
  depends_on = [%s]
}
`

// The iOS and Android lists are empty in a new tenant, then find every
// policy created with its import block (by policy ID), and import_blocks
// joins them: nothing is built in.
func TestAccAppProtectionPoliciesDataSources(t *testing.T) {
	acctest.NewTenant(t)
	const ios, android = "data.teamshipaa_ios_app_protection_policies.all", "data.teamshipaa_android_app_protection_policies.all"
	objects := hipaaIOS("Clinicians iPhone", "") + fmt.Sprintf(`
resource "teamshipaa_android_app_protection_policy" "a" {
  display_name = "Clinicians Android"
  description  = "Teams on personal Android phones"
  apps         = ["com.microsoft.teams"]
  pin_required = true
}

resource "teamshipaa_android_app_protection_policy" "b" {
  display_name      = "2024 Front desk (Android)"
  apps              = ["com.microsoft.teams"]
  include_group_ids = [%q]
}
`, clinicians)
	lists := objects + fmt.Sprintf(listConfig, "teamshipaa_ios_app_protection_policy.test",
		"teamshipaa_android_app_protection_policy.a, teamshipaa_android_app_protection_policy.b")
	block := func(typ, label, id string) string {
		return "import {\n  to = " + typ + "." + label + "\n  id = \"" + id + "\"\n}\n"
	}
	attr := func(s *terraform.State, addr, key string) string {
		return s.RootModule().Resources[addr].Primary.Attributes[key]
	}
	idOf := func(s *terraform.State, addr string) string { return s.RootModule().Resources[addr].Primary.ID }
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: fmt.Sprintf(listConfig, "", ""),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(ios, tfjsonpath.New("items"), knownvalue.ListSizeExact(0)),
					statecheck.ExpectKnownValue(ios, tfjsonpath.New("import_blocks"), knownvalue.StringExact("")),
					statecheck.ExpectKnownValue(ios, tfjsonpath.New("id"), knownvalue.StringExact("teamshipaa_ios_app_protection_policy")),
					statecheck.ExpectKnownValue(android, tfjsonpath.New("items"), knownvalue.ListSizeExact(0)),
					statecheck.ExpectKnownValue(android, tfjsonpath.New("import_blocks"), knownvalue.StringExact("")),
				},
			},
			{Config: objects},
			{
				Config: lists,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(ios, tfjsonpath.New("items"), knownvalue.ListExact([]knownvalue.Check{
						knownvalue.ObjectPartial(map[string]knownvalue.Check{"display_name": knownvalue.StringExact("Clinicians iPhone"),
							"description": knownvalue.StringExact("Teams and the Office apps on personal iPhones"),
							"detail":      knownvalue.StringExact("assigned"), "built_in": knownvalue.Bool(false)}),
					})),
					// Sorted by display name; the unassigned policy is said to be.
					statecheck.ExpectKnownValue(android, tfjsonpath.New("items"), knownvalue.ListExact([]knownvalue.Check{
						knownvalue.ObjectPartial(map[string]knownvalue.Check{"display_name": knownvalue.StringExact("2024 Front desk (Android)"),
							"description": knownvalue.StringExact(""), "detail": knownvalue.StringExact("assigned"), "built_in": knownvalue.Bool(false)}),
						knownvalue.ObjectPartial(map[string]knownvalue.Check{"display_name": knownvalue.StringExact("Clinicians Android"),
							"detail": knownvalue.StringExact("unassigned"), "built_in": knownvalue.Bool(false)}),
					})),
				},
				Check: func(s *terraform.State) error {
					want := block("teamshipaa_ios_app_protection_policy", "clinicians_iphone", idOf(s, "teamshipaa_ios_app_protection_policy.test"))
					if got := attr(s, ios, "import_blocks"); got != want {
						return fmt.Errorf("iOS import_blocks:\n%s\nwant:\n%s", got, want)
					}
					if got := attr(s, ios, "items.0.import_block"); got != want {
						return fmt.Errorf("iOS items.0.import_block:\n%s\nwant:\n%s", got, want)
					}
					// A label cannot start with a digit: _2024_...
					front := block("teamshipaa_android_app_protection_policy", "_2024_front_desk_android", idOf(s, "teamshipaa_android_app_protection_policy.b"))
					clin := block("teamshipaa_android_app_protection_policy", "clinicians_android", idOf(s, "teamshipaa_android_app_protection_policy.a"))
					if got := attr(s, android, "items.0.import_block"); got != front {
						return fmt.Errorf("Android items.0.import_block:\n%s\nwant:\n%s", got, front)
					}
					if got, want := attr(s, android, "import_blocks"), front+"\n"+clin; got != want {
						return fmt.Errorf("Android import_blocks:\n%s\nwant:\n%s", got, want)
					}
					return nil
				},
			},
		},
	})
}

// Without DeviceManagementApps.ReadWrite.All the list fails with the
// service's 403, naming the permission.
func TestAccAppProtectionPoliciesDataSources_permissionDenied(t *testing.T) {
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config:      acctest.LimitedAppProvider(t) + `data "teamshipaa_android_app_protection_policies" "all" {}`,
			ExpectError: regexp.MustCompile(`(?s)Listing android app protection policies.*403.*DeviceManagementApps\.ReadWrite\.All`),
		}},
	})
}
