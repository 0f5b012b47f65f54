package purview_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/acctest"
)

const listedObjects = `
resource "teamshipaa_dlp_policy" "default" {
  name           = "Default policy for Teams"
  mode           = "TestWithNotifications"
  teams_location = ["All"]
}

resource "teamshipaa_dlp_rule" "default" {
  name   = "Default rule"
  policy = teamshipaa_dlp_policy.default.name
  content_contains_sensitive_information = { sensitive_types = [{ name = "U.S. Social Security Number (SSN)" }] }
}

resource "teamshipaa_dlp_policy" "phi" {
  name           = "HIPAA PHI"
  mode           = "Enable"
  teams_location = ["All"]
}

resource "teamshipaa_dlp_rule" "phi" {
  name   = "PHI leaving"
  policy = teamshipaa_dlp_policy.phi.name
  content_contains_sensitive_information = { sensitive_types = [{ name = "U.S. Social Security Number (SSN)" }] }
}

resource "teamshipaa_retention_policy" "teams" {
  name                = "Teams records"
  teams_chat_location = ["All"]
}

resource "teamshipaa_retention_rule" "teams" {
  name                        = "Keep 6 years"
  policy                      = teamshipaa_retention_policy.teams.name
  retention_duration          = "2190"
  retention_compliance_action = "KeepAndDelete"
}
`

// The list data sources find every DLP and retention object with its import
// block, mark Microsoft's default DLP policy (and its rules) as built in and
// leave them out of import_blocks, and filter rules by policy.
func TestAccPurviewListDataSources(t *testing.T) {
	acctest.NewTenant(t)
	lists := listedObjects + `
data "teamshipaa_dlp_policies" "all" {
  depends_on = [teamshipaa_dlp_rule.default, teamshipaa_dlp_rule.phi]
}
data "teamshipaa_dlp_rules" "all" {
  depends_on = [teamshipaa_dlp_rule.default, teamshipaa_dlp_rule.phi]
}
data "teamshipaa_dlp_rules" "phi" {
  policy     = teamshipaa_dlp_policy.phi.name
  depends_on = [teamshipaa_dlp_rule.phi]
}
data "teamshipaa_retention_policies" "all" {
  depends_on = [teamshipaa_retention_rule.teams]
}
data "teamshipaa_retention_rules" "all" {
  depends_on = [teamshipaa_retention_rule.teams]
}
`
	block := func(typ, label, id string) string {
		return "import {\n  to = " + typ + "." + label + "\n  id = \"" + id + "\"\n}\n"
	}
	item := func(name, policy, mode string, builtIn bool, typ, label string) knownvalue.Check {
		var p knownvalue.Check = knownvalue.Null()
		if policy != "" {
			p = knownvalue.StringExact(policy)
		}
		return knownvalue.ObjectExact(map[string]knownvalue.Check{
			"name": knownvalue.StringExact(name), "policy": p, "mode": knownvalue.StringExact(mode),
			"built_in": knownvalue.Bool(builtIn), "import_block": knownvalue.StringExact(block(typ, label, name)),
		})
	}
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: listedObjects},
			{
				Config: lists,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.teamshipaa_dlp_policies.all", tfjsonpath.New("items"), knownvalue.ListExact([]knownvalue.Check{
						item("Default policy for Teams", "", "TestWithNotifications", true, "teamshipaa_dlp_policy", "default_policy_for_teams"),
						item("HIPAA PHI", "", "Enable", false, "teamshipaa_dlp_policy", "hipaa_phi"),
					})),
					statecheck.ExpectKnownValue("data.teamshipaa_dlp_policies.all", tfjsonpath.New("import_blocks"),
						knownvalue.StringExact(block("teamshipaa_dlp_policy", "hipaa_phi", "HIPAA PHI"))),
					statecheck.ExpectKnownValue("data.teamshipaa_dlp_rules.all", tfjsonpath.New("items").AtSliceIndex(0).AtMapKey("built_in"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue("data.teamshipaa_dlp_rules.all", tfjsonpath.New("import_blocks"),
						knownvalue.StringExact(block("teamshipaa_dlp_rule", "phi_leaving", "PHI leaving"))),
					statecheck.ExpectKnownValue("data.teamshipaa_dlp_rules.phi", tfjsonpath.New("items"), knownvalue.ListExact([]knownvalue.Check{
						item("PHI leaving", "HIPAA PHI", "Enable", false, "teamshipaa_dlp_rule", "phi_leaving"),
					})),
					statecheck.ExpectKnownValue("data.teamshipaa_retention_policies.all", tfjsonpath.New("import_blocks"),
						knownvalue.StringExact(block("teamshipaa_retention_policy", "teams_records", "Teams records"))),
					statecheck.ExpectKnownValue("data.teamshipaa_retention_rules.all", tfjsonpath.New("import_blocks"),
						knownvalue.StringExact(block("teamshipaa_retention_rule", "keep_6_years", "Keep 6 years"))),
				},
			},
		},
	})
}
