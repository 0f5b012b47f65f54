package teams_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/acctest"
)

// globalLobbyConfig plans the Global meeting policy with auto_admitted_users
// set, under a provider block (empty for the defaults) and extra arguments.
func globalLobbyConfig(providerArgs, admitted, extra string) string {
	return fmt.Sprintf(`
provider "teamshipaa" {
  %s
}

resource "teamshipaa_meeting_policy" "global" {
  name                = "Global"
  auto_admitted_users = %q
  %s
}
`, providerArgs, admitted, extra)
}

func deviations(diags []acctest.Diagnostic, id string) []acctest.Diagnostic {
	var out []acctest.Diagnostic
	for _, d := range diags {
		if strings.HasPrefix(d.Summary, "Baseline deviation "+id+":") {
			out = append(out, d)
		}
	}
	return out
}

// The plan a reviewer reads (the real terraform CLI) carries the deviation
// warning: control id, attribute, planned and recommended values, crosswalk,
// HIPAA citation, and how to record an exception. A custom policy with the
// same value is not judged by this Global-scope control.
func TestAccBaselineChecks_planWarnsOnDeviation(t *testing.T) {
	acctest.PreCheck(t)
	config := globalLobbyConfig("", "Everyone", "") + `
resource "teamshipaa_meeting_policy" "custom" {
  name                = "tfacc-baseline-custom"
  auto_admitted_users = "Everyone"
}
`
	diags, err := acctest.Plan(t, config)
	if err != nil {
		t.Fatalf("a warning must not fail the plan: %v\n%+v", err, diags)
	}
	got := deviations(diags, "HB.MEETING.2")
	if len(got) != 1 {
		t.Fatalf("want one HB.MEETING.2 warning, got %+v", diags)
	}
	d := got[0]
	if d.Severity != "warning" || d.Address != "teamshipaa_meeting_policy.global" {
		t.Errorf("severity %q, address %q", d.Severity, d.Address)
	}
	for _, want := range []string{
		`auto_admitted_users is planned as "Everyone"`,
		`Recommended: "EveryoneInCompanyExcludingGuests"`,
		"SCuBA MS.TEAMS.1.3v1, MS.TEAMS.1.4v1; CIS 8.5.3; Maester MT.1045",
		"45 CFR 164.312(a)(1), 164.312(d)",
		"level shall",
		"auto_admitted_users = \"<why this object departs from the baseline>\"",
	} {
		if !strings.Contains(d.Detail, want) {
			t.Errorf("the warning lacks %q:\n%s", want, d.Detail)
		}
	}
}

func TestAccBaselineChecks_offReportsNothing(t *testing.T) {
	acctest.PreCheck(t)
	diags, err := acctest.Plan(t, globalLobbyConfig(`baseline_checks = "off"`, "Everyone", ""))
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range diags {
		if strings.HasPrefix(d.Summary, "Baseline deviation") {
			t.Errorf("baseline_checks = off: %+v", d)
		}
	}
}

// With baseline_checks = "error" the deviation fails the plan; an exception
// with a written reason lets it through, and the reason is kept in state
// (through refresh, and left null by an import). Unknown keys and empty
// reasons are refused.
func TestAccBaselineChecks_errorModeAndExceptions(t *testing.T) {
	addr := "teamshipaa_meeting_policy.global"
	reason := "Kiosk meeting rooms join as anonymous devices; approved by the privacy officer, ticket SEC-142."
	strict := `baseline_checks = "error"`
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		// Destroy leaves Global as the last step set it: the baseline value.
		CheckDestroy: checkSimValue(t, "Global", "AutoAdmittedUsers", "EveryoneInCompanyExcludingGuests"),
		Steps: []resource.TestStep{
			{
				Config:      globalLobbyConfig(strict, "Everyone", ""),
				ExpectError: regexp.MustCompile(`(?s)Baseline deviation HB\.MEETING\.2.*164\.312\(d\)`),
			},
			{
				Config:      globalLobbyConfig(strict, "Everyone", `baseline_exceptions = { allow_meet_now = "because" }`),
				ExpectError: regexp.MustCompile(`(?s)Unknown baseline exception.*Allowed keys.*auto_admitted_users.*HB\.MEETING\.2`),
			},
			{
				Config:      globalLobbyConfig(strict, "Everyone", `baseline_exceptions = { auto_admitted_users = " " }`),
				ExpectError: regexp.MustCompile(`Empty baseline exception reason`),
			},
			{
				Config: globalLobbyConfig(strict, "Everyone", fmt.Sprintf("baseline_exceptions = { auto_admitted_users = %q }", reason)),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("baseline_exceptions"),
						knownvalue.MapExact(map[string]knownvalue.Check{"auto_admitted_users": knownvalue.StringExact(reason)})),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("baseline_profile"), knownvalue.Null()),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("auto_admitted_users"), knownvalue.StringExact("Everyone")),
				},
				Check: checkSimValue(t, "Global", "AutoAdmittedUsers", "Everyone"),
			},
			{
				ResourceName:            addr,
				ImportState:             true,
				ImportStateId:           "Global",
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: []string{"baseline_exceptions"},
			},
			{
				// Keyed by control id, in the telehealth profile, then back to the baseline value.
				Config: globalLobbyConfig(strict, "Everyone", `
  baseline_profile    = "telehealth"
  baseline_exceptions = { "HB.MEETING.2" = "Patients wait in no lobby on the kiosk tablets." }`),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("baseline_profile"), knownvalue.StringExact("telehealth")),
				},
			},
			{
				Config: globalLobbyConfig(strict, "EveryoneInCompanyExcludingGuests", ""),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("baseline_exceptions"), knownvalue.Null()),
				},
				Check: checkSimValue(t, "Global", "AutoAdmittedUsers", "EveryoneInCompanyExcludingGuests"),
			},
		},
	})
}
