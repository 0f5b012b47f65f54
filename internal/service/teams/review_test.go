package teams_test

import (
	"context"
	"strings"
	"testing"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/acctest"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/baseline"
)

// deviation is a parsed deviation diagnostic of `terraform plan -json`.
type deviation struct {
	acctest.Diagnostic
	control, change, object string
}

func parseDeviations(t *testing.T, diags []acctest.Diagnostic) []deviation {
	t.Helper()
	var out []deviation
	for _, d := range diags {
		if !strings.HasPrefix(d.Summary, "Baseline deviation") {
			continue
		}
		m, ok := baseline.ParseSummary(d.Summary)
		if !ok {
			t.Fatalf("a deviation summary ParseSummary does not read: %q", d.Summary)
		}
		out = append(out, deviation{Diagnostic: d, control: m.ControlID, change: string(m.Change), object: m.Name})
	}
	return out
}

func brownfieldConfig(mode, globalExtra string) string {
	return `
provider "teamshipaa" {
  baseline_checks = "` + mode + `"
}

resource "teamshipaa_meeting_policy" "global" {
  name                = "Global"
  auto_admitted_users = "Everyone"
  ` + globalExtra + `
}

resource "teamshipaa_meeting_policy" "legacy" {
  name                                   = "tfacc-legacy"
  allow_anonymous_users_to_start_meeting = true
}
`
}

// A brownfield tenant: the state already holds deviations (the Global
// policy's lobby, a legacy policy that lets anonymous users start meetings).
// A change that introduces the same deviation on Global shows it on its own,
// under Global, as new; the legacy policy's identical deviation stays a
// separate, standing warning. error_new fails only the new one; error fails
// the standing ones too; without the change, error_new passes.
func TestAccBaselineChecks_brownfieldNewVersusStanding(t *testing.T) {
	acctest.PreCheck(t)
	acctest.NewTenant(t)
	w := acctest.NewWorkdir(t, brownfieldConfig("warn", ""))
	if out, err := w.Run("apply", "-auto-approve", "-input=false", "-no-color"); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}

	w.SetConfig(brownfieldConfig("error_new", "allow_anonymous_users_to_start_meeting = true"))
	_, diags, err := w.PlanJSON()
	if err == nil {
		t.Fatalf("error_new: the new shall deviation must fail the plan: %+v", diags)
	}
	devs := parseDeviations(t, diags)
	var errs, start []deviation
	for _, d := range devs {
		if d.Severity == "error" {
			errs = append(errs, d)
		}
		if d.control == "HB.MEETING.1" {
			start = append(start, d)
		}
	}
	if len(errs) != 1 || errs[0].control != "HB.MEETING.1" || errs[0].change != "new" || errs[0].object != "Global" ||
		errs[0].Address != "teamshipaa_meeting_policy.global" {
		t.Fatalf("want one error, HB.MEETING.1 new on Global: %+v", errs)
	}
	if len(start) != 2 || start[0].Summary == start[1].Summary {
		t.Fatalf("two objects with the same deviation give two distinct diagnostics: %+v", start)
	}
	for _, d := range start {
		if d.Address == "teamshipaa_meeting_policy.legacy" && (d.Severity != "warning" || d.change != "standing" ||
			!strings.Contains(d.Detail, "Standing deviation: the object already holds it (true)")) {
			t.Errorf("the legacy policy's deviation is standing: %+v", d)
		}
	}
	for _, d := range devs {
		if d.control == "HB.MEETING.2" && (d.change != "standing" || d.Severity != "warning") {
			t.Errorf("the Global lobby deviation was already in state: %+v", d)
		}
	}

	// The plan a person reads: Terraform folds warnings with equal summaries
	// into "(and N more similar warnings elsewhere)"; each object's stays.
	w.SetConfig(brownfieldConfig("warn", "allow_anonymous_users_to_start_meeting = true"))
	human, err := w.Run("plan", "-input=false", "-no-color", "-lock=false")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`Baseline deviation HB.MEETING.1 (new) in teamshipaa_meeting_policy "Global"`,
		`Baseline deviation HB.MEETING.1 (standing) in teamshipaa_meeting_policy "tfacc-legacy"`,
		"with teamshipaa_meeting_policy.global,",
		"with teamshipaa_meeting_policy.legacy,",
	} {
		if !strings.Contains(string(human), want) {
			t.Errorf("the human-readable plan lacks %q:\n%s", want, human)
		}
	}
	if strings.Contains(string(human), "similar warning") {
		t.Errorf("Terraform merged deviations of different objects:\n%s", human)
	}

	w.SetConfig(brownfieldConfig("error", "allow_anonymous_users_to_start_meeting = true"))
	_, diags, err = w.PlanJSON()
	var standingErrors int
	for _, d := range parseDeviations(t, diags) {
		if d.Severity == "error" && d.change == "standing" {
			standingErrors++
		}
	}
	if err == nil || standingErrors < 2 {
		t.Fatalf("error: standing shall deviations fail too (got %d): %+v", standingErrors, diags)
	}

	w.SetConfig(brownfieldConfig("error_new", ""))
	if _, diags, err := w.PlanJSON(); err != nil {
		t.Fatalf("error_new: inherited deviations alone must not block the plan: %v\n%+v", err, diags)
	}
}

// A new policy that leaves a governed attribute to a non-compliant service
// default fails the plan in error mode (anonymous join is on by default),
// with the documented default named; setting it passes.
func TestAccBaselineChecks_createJudgesServiceDefaults(t *testing.T) {
	acctest.PreCheck(t)
	config := func(extra string) string {
		return `
provider "teamshipaa" {
  baseline_checks = "error"
}

resource "teamshipaa_meeting_policy" "new" {
  name                                   = "tfacc-defaults"
  allow_anonymous_users_to_start_meeting = false
  ` + extra + `
}
`
	}
	diags, err := acctest.Plan(t, config(""))
	if err == nil {
		t.Fatalf("a non-compliant default must fail the plan: %+v", diags)
	}
	devs := parseDeviations(t, diags)
	var found bool
	for _, d := range devs {
		if d.Severity == "error" {
			if d.control != "HB.MEETING.6" || d.change != "new" || d.object != "tfacc-defaults" {
				t.Errorf("unexpected error: %+v", d)
			}
			found = found || strings.Contains(d.Detail, "allow_anonymous_users_to_join_meeting is not set in the configuration; "+
				"the object will hold the service's value: true, Microsoft's documented default for a new TeamsMeetingPolicy")
		}
	}
	if !found {
		t.Fatalf("want HB.MEETING.6 judged by the documented default: %+v", devs)
	}
	diags, err = acctest.Plan(t, config("allow_anonymous_users_to_join_meeting = false"))
	if err != nil {
		t.Fatalf("with the attribute set the plan passes: %v\n%+v", err, diags)
	}
	for _, d := range parseDeviations(t, diags) {
		if d.control == "HB.MEETING.16" && !strings.Contains(d.Detail, "120, Microsoft's documented default") {
			t.Errorf("a should control is judged by the default too, and warns: %+v", d)
		}
	}
}

// A create with adopt_existing = true over a policy that already exists
// judges the attributes it leaves unset by the existing policy's values:
// a deviation it already holds is standing (error_new lets it through,
// error does not).
func TestAccBaselineChecks_adoptExistingJudgesTheExistingValues(t *testing.T) {
	acctest.PreCheck(t)
	name := "tfacc-review-adopt"
	c := acctest.Configure(context.Background(), t)
	if _, _, err := c.ConfigAPI.Create(context.Background(), "TeamsMeetingPolicy", "Tag:"+name,
		map[string]any{"AllowAnonymousUsersToStartMeeting": true}); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _, _ = c.ConfigAPI.Delete(context.Background(), "TeamsMeetingPolicy", "Tag:"+name) })
	config := func(mode string) string {
		return `
provider "teamshipaa" {
  baseline_checks = "` + mode + `"
}

resource "teamshipaa_meeting_policy" "adopted" {
  name                                  = "` + name + `"
  adopt_existing                        = true
  allow_anonymous_users_to_join_meeting = false
}
`
	}
	diags, err := acctest.Plan(t, config("error_new"))
	if err != nil {
		t.Fatalf("error_new: the adopted policy's own deviation is standing: %v\n%+v", err, diags)
	}
	var found bool
	for _, d := range parseDeviations(t, diags) {
		if d.control == "HB.MEETING.1" {
			found = d.change == "standing" && strings.Contains(d.Detail, "the current value of the tenant's Teams meeting policy \""+name+"\"")
		}
	}
	if !found {
		t.Fatalf("want HB.MEETING.1 standing, judged by the existing value: %+v", diags)
	}
	if diags, err := acctest.Plan(t, config("error")); err == nil {
		t.Fatalf("error: a standing shall deviation fails the plan: %+v", diags)
	}
}
