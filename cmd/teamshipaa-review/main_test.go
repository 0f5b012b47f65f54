package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/acctest"
)

// checkSARIF validates b against the OASIS SARIF 2.1.0 schema, formats
// asserted. testdata/sarif-schema-2.1.0.json is oasis-tcs/sarif-spec
// sarif-2.1/schema/sarif-schema-2.1.0.json as of commit a560296c (the
// errata01 schema, id .../v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json).
func checkSARIF(b []byte) error {
	f, err := os.Open(filepath.Join("testdata", "sarif-schema-2.1.0.json"))
	if err != nil {
		return err
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		return err
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	const url = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	if err := c.AddResource(url, doc); err != nil {
		return err
	}
	sch, err := c.Compile(url)
	if err != nil {
		return err
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		return err
	}
	return sch.Validate(inst)
}

// The validator refuses what the schema refuses, so the check can fail.
func TestCheckSARIFRefusesAnInvalidLog(t *testing.T) {
	bad := `{"version":"2.1.0","runs":[{"tool":{"driver":{}},"results":[{"level":"fatal","message":{"text":"x"}}]}]}`
	if err := checkSARIF([]byte(bad)); err == nil {
		t.Fatal("an invalid SARIF log (no driver name, unknown level) passed the schema")
	}
	if err := checkSARIF([]byte(`{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"x"}},"results":[]}]}`)); err != nil {
		t.Fatalf("a minimal valid log: %v", err)
	}
}

const brownfield = `
provider "teamshipaa" {
  baseline_checks = "warn"
}

resource "teamshipaa_meeting_policy" "global" {
  name                = "Global"
  auto_admitted_users = "EveryoneInCompanyExcludingGuests"
%s}

resource "teamshipaa_meeting_policy" "legacy" {
  name                                   = "tfacc-review-legacy"
  allow_anonymous_users_to_start_meeting = true
}
`

// On a real `terraform plan -json` of a brownfield tenant (a legacy policy
// already in state with a deviation), a change that lets anonymous users
// start meetings of the Global policy is reported as the one deviation it
// introduces, under its address and at its .tf line; the standing ones are
// folded; the SARIF log is schema-valid and points at the same line.
func TestAccReview_realPlan(t *testing.T) {
	acctest.PreCheck(t)
	acctest.NewTenant(t)
	w := acctest.NewWorkdir(t, strings.Replace(brownfield, "%s", "", 1))
	if out, err := w.Run("apply", "-auto-approve", "-input=false", "-no-color"); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	w.SetConfig(strings.Replace(brownfield, "%s", "  allow_anonymous_users_to_start_meeting = true\n", 1))
	out, diags, err := w.PlanJSON()
	if err != nil {
		t.Fatalf("plan: %v\n%+v", err, diags)
	}
	planFile := filepath.Join(t.TempDir(), "plan.jsonl")
	if err := os.WriteFile(planFile, out, 0o600); err != nil {
		t.Fatal(err)
	}
	main, err := os.ReadFile(filepath.Join(w.Dir, "main.tf"))
	if err != nil {
		t.Fatal(err)
	}
	wantLine := 0
	for i, l := range strings.Split(string(main), "\n") {
		if strings.Contains(l, "allow_anonymous_users_to_start_meeting = true") {
			wantLine = i + 1 // the Global block comes first
			break
		}
	}

	md, sarif := filepath.Join(t.TempDir(), "review.md"), filepath.Join(t.TempDir(), "review.sarif")
	var stdout bytes.Buffer
	args := []string{"-plan", planFile, "-dir", w.Dir, "-path-prefix", "infra/teams", "-markdown", md, "-sarif", sarif}
	if err := run(args, nil, &stdout); err != nil {
		t.Fatal(err)
	}
	if err := run(append(args, "-fail-on", "shall"), nil, &stdout); !errors.Is(err, errIntroduced) {
		t.Fatalf("-fail-on shall with a new shall deviation: %v", err)
	}

	mdText, _ := os.ReadFile(md)
	text := string(mdText)
	t.Logf("Markdown:\n%s", text)
	intro, folded, ok := strings.Cut(text, "<details>")
	if !ok {
		t.Fatalf("the standing deviations are folded in <details>:\n%s", text)
	}
	for _, want := range []string{
		"This change introduces 1 baseline deviation** (1 `shall`, 0 `should`)",
		"#### `teamshipaa_meeting_policy.global`",
		"| **HB.MEETING.1** Anonymous users cannot start meetings | shall | `allow_anonymous_users_to_start_meeting` | `true` | `false` | 45 CFR 164.312(a)(1), 164.312(d); SCuBA MS.TEAMS.1.2v2; CIS 8.5.2; Maester MT.1047 |",
		"infra/teams/main.tf:" + itoa(wantLine) + " |",
	} {
		if !strings.Contains(intro, want) {
			t.Errorf("the introduced section lacks %q:\n%s", want, intro)
		}
	}
	if strings.Contains(intro, "teamshipaa_meeting_policy.legacy") {
		t.Errorf("the legacy policy's deviation is standing, not introduced:\n%s", intro)
	}
	if !strings.Contains(folded, "#### `teamshipaa_meeting_policy.legacy`") || !strings.Contains(folded, "**HB.MEETING.1**") {
		t.Errorf("the folded section lists the legacy policy's standing HB.MEETING.1:\n%s", folded)
	}

	b, err := os.ReadFile(sarif)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("SARIF:\n%s", b)
	if err := checkSARIF(b); err != nil {
		t.Fatalf("the SARIF log is not valid SARIF 2.1.0: %v\n%s", err, b)
	}
	var log struct {
		Runs []struct {
			Results []struct {
				RuleID        string `json:"ruleId"`
				Level         string `json:"level"`
				BaselineState string `json:"baselineState"`
				Locations     []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }    `json:"artifactLocation"`
						Region           struct{ StartLine int } `json:"region"`
					} `json:"physicalLocation"`
					LogicalLocations []struct {
						FullyQualifiedName string `json:"fullyQualifiedName"`
					} `json:"logicalLocations"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(b, &log); err != nil {
		t.Fatal(err)
	}
	var news int
	for _, r := range log.Runs[0].Results {
		loc := r.Locations[0]
		if r.BaselineState != "new" {
			if r.Level != "note" {
				t.Errorf("a standing deviation is a note: %+v", r)
			}
			continue
		}
		news++
		if r.RuleID != "HB.MEETING.1" || r.Level != "error" || loc.LogicalLocations[0].FullyQualifiedName != "teamshipaa_meeting_policy.global" ||
			loc.PhysicalLocation.ArtifactLocation.URI != "infra/teams/main.tf" || loc.PhysicalLocation.Region.StartLine != wantLine {
			t.Errorf("the new result points at infra/teams/main.tf:%d: %+v", wantLine, r)
		}
	}
	if news != 1 || len(log.Runs[0].Results) < 2 {
		t.Fatalf("want one new result and the standing ones: %s", b)
	}
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

// The command on a fixture of plan -json output (internal/review/testdata)
// writes schema-valid SARIF with a physical location per result; -fail-on
// any and shall fail on its new deviations, none does not.
func TestRunOnFixtureWritesValidSARIF(t *testing.T) {
	fixture := filepath.Join("..", "..", "internal", "review", "testdata")
	sarif := filepath.Join(t.TempDir(), "review.sarif")
	var stdout bytes.Buffer
	args := []string{"-plan", filepath.Join(fixture, "plan.jsonl"), "-dir", fixture, "-path-prefix", "infra", "-sarif", sarif}
	if err := run(args, nil, &stdout); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stdout.String(), "## HIPAA baseline review") {
		t.Errorf("the Markdown goes to standard output by default:\n%s", stdout.String())
	}
	b, err := os.ReadFile(sarif)
	if err != nil {
		t.Fatal(err)
	}
	if err := checkSARIF(b); err != nil {
		t.Fatalf("not valid SARIF 2.1.0: %v\n%s", err, b)
	}
	if strings.Count(string(b), `"uri": "infra/main.tf"`) != 3 {
		t.Errorf("every result has its file:\n%s", b)
	}
	for _, fail := range []string{"any", "shall"} {
		if err := run(append(args, "-fail-on", fail), nil, &stdout); !errors.Is(err, errIntroduced) {
			t.Errorf("-fail-on %s: %v", fail, err)
		}
	}
	if err := run(append(args, "-fail-on", "often"), nil, &stdout); err == nil || !strings.Contains(err.Error(), "allowed values are none, shall, any") {
		t.Errorf("a bad -fail-on: %v", err)
	}
}
