package review

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/baseline"
)

// testdata/plan.jsonl is shaped as Terraform's machine-readable UI writes
// `plan -json` (version, diagnostic and change_summary messages): a new
// deviation repeated, a standing one without a range on a for_each
// instance, a should deviation, and two other diagnostics.
func readFixture(t *testing.T) Report {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "plan.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rep, err := Read(f, "testdata")
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

func TestReadSortsDeduplicatesAndLocates(t *testing.T) {
	rep := readFixture(t)
	if len(rep.Deviations) != 3 {
		t.Fatalf("want 3 deviations (the repeated one once): %+v", rep.Deviations)
	}
	got := []string{}
	for _, d := range rep.Deviations {
		got = append(got, d.Address+" "+d.Control.ID+" "+string(d.Change))
	}
	want := []string{
		"teamshipaa_meeting_policy.global HB.MEETING.1 new",
		"teamshipaa_meeting_policy.global HB.MEETING.12 new",
		`teamshipaa_meeting_policy.legacy["front"] HB.MEETING.1 standing`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("order (by address, then control number):\n%s", strings.Join(got, "\n"))
	}
	g := rep.Deviations[0]
	if g.Planned != "true" || g.Recommended != "false" || g.Severity != "error" || g.Range.Start.Line != 9 ||
		g.Control.Level != baseline.Shall || g.Object != `teamshipaa_meeting_policy "Global"` {
		t.Errorf("the new deviation: %+v", g)
	}
	l := rep.Deviations[2]
	if l.Range == nil || l.Range.Filename != "main.tf" || l.Range.Start.Line != 1 {
		t.Errorf("a deviation without a range is located at its resource block: %+v", l.Range)
	}
	if len(rep.Errors) != 1 || rep.Errors[0] != "Invalid reference" {
		t.Errorf("other errors: %v", rep.Errors)
	}
}

func TestReadRefusesWhatIsNotAPlan(t *testing.T) {
	if _, err := Read(strings.NewReader(""), ""); err == nil || !strings.Contains(err.Error(), "no input") {
		t.Errorf("empty input: %v", err)
	}
	if _, err := Read(strings.NewReader("Terraform will perform the following actions:\n"), ""); err == nil {
		t.Error("human-readable plan output was accepted")
	}
	unknown := `{"type":"diagnostic","diagnostic":{"severity":"warning","summary":"Baseline deviation HB.MEETING.99 (new) in teamshipaa_meeting_policy \"x\": y"}}`
	if _, err := Read(strings.NewReader(unknown), ""); err == nil || !strings.Contains(err.Error(), "HB.MEETING.99 is not in this version's catalog") {
		t.Errorf("an unknown control: %v", err)
	}
}

func TestMarkdownSeparatesNewFromStanding(t *testing.T) {
	md := Markdown(readFixture(t), "infra")
	intro, folded, ok := strings.Cut(md, "<details>")
	if !ok || !strings.HasPrefix(md, Marker+"\n") {
		t.Fatalf("marker and folded section:\n%s", md)
	}
	for _, want := range []string{
		"**This change introduces 2 baseline deviations** (1 `shall`, 1 `should`). 1 standing deviation already in the configuration or the tenant is folded below.",
		"> - Invalid reference",
		"#### `teamshipaa_meeting_policy.global`",
		"| **HB.MEETING.1** Anonymous users cannot start meetings | shall (fails the plan) | `allow_anonymous_users_to_start_meeting` | `true` | `false` | 45 CFR 164.312(a)(1), 164.312(d); SCuBA MS.TEAMS.1.2v2; CIS 8.5.2; Maester MT.1047 | infra/main.tf:9 |",
		"| **HB.MEETING.12** No meeting chat with untrusted external organizations | should |",
	} {
		if !strings.Contains(intro, want) {
			t.Errorf("introduced section lacks %q:\n%s", want, intro)
		}
	}
	if !strings.Contains(folded, "#### `teamshipaa_meeting_policy.legacy[\"front\"]`") || !strings.Contains(folded, `teamshipaa_meeting_policy "Front \| desk"`) ||
		!strings.Contains(folded, "infra/main.tf:1 |") {
		t.Errorf("folded section (names escaped for the table):\n%s", folded)
	}
	if strings.Contains(intro, "legacy") {
		t.Errorf("a standing deviation among the introduced:\n%s", intro)
	}
}

func TestJoinPath(t *testing.T) {
	for _, c := range [][3]string{{"", "main.tf", "main.tf"}, {"infra/m365/", "main.tf", "infra/m365/main.tf"}, {".", "./a.tf", "a.tf"},
		{"infra", `modules\x\main.tf`, "infra/modules/x/main.tf"}} {
		if got := joinPath(c[0], c[1]); got != c[2] {
			t.Errorf("joinPath(%q, %q) = %q, want %q", c[0], c[1], got, c[2])
		}
	}
}
