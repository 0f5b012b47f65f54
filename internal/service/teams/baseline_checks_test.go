package teams_test

import (
	"encoding/json"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/acctest"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/baseline"
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
		if strings.HasPrefix(d.Summary, "Baseline deviation "+id+" (") {
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

// compliantGlobal is the Global meeting policy with every value the catalog
// recommends for it in profile p (taken from the catalog, so no value is
// typed twice), then the overrides, then extra arguments.
func compliantGlobal(t *testing.T, providerArgs string, p baseline.Profile, overrides map[string]any, extra string) string {
	t.Helper()
	vals := map[string]any{}
	settings := baseline.Settings(p)["teamshipaa_meeting_policy"]
	maps.Copy(vals, settings[string(baseline.ScopeEvery)])
	maps.Copy(vals, settings[string(baseline.ScopeGlobal)])
	maps.Copy(vals, overrides)
	var b strings.Builder
	for _, k := range slices.Sorted(maps.Keys(vals)) {
		v, err := json.Marshal(vals[k]) // JSON scalars and arrays are HCL literals
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "  %s = %s\n", k, v)
	}
	return fmt.Sprintf(`
provider "teamshipaa" {
  %s
}

resource "teamshipaa_meeting_policy" "global" {
  name = "Global"
%s
  %s
}
`, providerArgs, b.String(), extra)
}

// With baseline_checks = "error" the deviation fails the plan; an exception
// with a written reason (keyed by control id or by attribute) lets it
// through, and the reason is kept in state (through refresh; an import
// leaves it null). Unknown keys and empty reasons are refused.
func TestAccBaselineChecks_errorModeAndExceptions(t *testing.T) {
	addr := "teamshipaa_meeting_policy.global"
	reason := "Kiosk meeting rooms join as anonymous devices; approved by the privacy officer, ticket SEC-142."
	strict := `baseline_checks = "error"`
	everyone := map[string]any{"auto_admitted_users": "Everyone"}
	sim := acctest.Sim(t)
	before, _ := sim.TeamsInstance(meetingPolicyType, "Global")
	t.Cleanup(func() {
		if err := sim.SetTeamsParams(meetingPolicyType, "Global", before); err != nil {
			t.Errorf("restoring the Global meeting policy: %v", err)
		}
	})
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		// Destroy leaves Global as the last step set it: the baseline value.
		CheckDestroy: checkSimValue(t, "Global", "AutoAdmittedUsers", "EveryoneInCompanyExcludingGuests"),
		Steps: []resource.TestStep{
			{
				Config:      compliantGlobal(t, strict, baseline.Staff, everyone, ""),
				ExpectError: regexp.MustCompile(`(?s)Baseline deviation HB\.MEETING\.2.*164\.312\(d\)`),
			},
			{
				Config:      compliantGlobal(t, strict, baseline.Staff, everyone, `baseline_exceptions = { allow_meet_now = "because" }`),
				ExpectError: regexp.MustCompile(`(?s)Unknown baseline exception.*Allowed keys.*auto_admitted_users.*HB\.MEETING\.2`),
			},
			{
				Config:      compliantGlobal(t, strict, baseline.Staff, everyone, `baseline_exceptions = { auto_admitted_users = " " }`),
				ExpectError: regexp.MustCompile(`Empty baseline exception reason`),
			},
			{
				Config: compliantGlobal(t, strict, baseline.Staff, everyone, fmt.Sprintf(`baseline_exceptions = { "HB.MEETING.2" = %q }`, reason)),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("baseline_exceptions"),
						knownvalue.MapExact(map[string]knownvalue.Check{"HB.MEETING.2": knownvalue.StringExact(reason)})),
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
				// Marked for telehealth, judged against that profile; keyed by attribute.
				Config: compliantGlobal(t, strict, baseline.Telehealth, everyone, fmt.Sprintf(`
  baseline_profile    = "telehealth"
  baseline_exceptions = { auto_admitted_users = %q }`, reason)),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("baseline_profile"), knownvalue.StringExact("telehealth")),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("baseline_exceptions"),
						knownvalue.MapExact(map[string]knownvalue.Check{"auto_admitted_users": knownvalue.StringExact(reason)})),
				},
			},
			{
				Config: compliantGlobal(t, strict, baseline.Staff, nil, ""),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("baseline_exceptions"), knownvalue.Null()),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("baseline_profile"), knownvalue.Null()),
				},
				Check: checkSimValue(t, "Global", "AutoAdmittedUsers", "EveryoneInCompanyExcludingGuests"),
			},
		},
	})
}
