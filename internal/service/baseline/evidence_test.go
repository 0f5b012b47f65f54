package baseline

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	catalog "github.com/teamshipaa/terraform-provider-teamshipaa/internal/baseline"
)

// catalogEvaluations judges every control of the catalog once, with a
// result cycling through pass, fail (warning for should), excepted and
// not_applicable, plus a preset meeting policy failing HB.MEETING.6: a
// report must show every control, whatever its result.
func catalogEvaluations(t *testing.T) ([]catalog.Evaluation, map[string]catalog.Exception) {
	t.Helper()
	exceptions := map[string]catalog.Exception{}
	var evs []catalog.Evaluation
	for i, c := range catalog.Catalog() {
		object := "Global"
		if c.Scope == catalog.ScopeTenant {
			object = "tenant"
		}
		f := catalog.Finding{Expected: c.Rule.Expected()}
		switch i % 4 {
		case 0:
			f.Result, f.Actual = catalog.Pass, "compliant"
		case 1:
			f.Result, f.Actual = catalog.Fail, `"Everyone"`
			if c.Level == catalog.Should {
				f.Result = catalog.Warning
			}
		case 2:
			x := catalog.Exception{Reason: "approved departure " + c.ID, ApprovedBy: "Sam Ortiz", Expires: "2027-06-30"}
			exceptions[c.ID] = x
			f.Result, f.Actual, f.Details, f.Exception = catalog.Excepted, "true", x.Reason, &x
		case 3:
			f.Result, f.Actual = catalog.NotApplicable, "null"
		}
		evs = append(evs, catalog.Evaluation{Control: c, Object: object, Finding: f})
		if c.ID == "HB.MEETING.6" {
			evs = append(evs, catalog.Evaluation{Control: c, Object: "AllOn", Finding: catalog.Finding{Result: catalog.Fail, Actual: "true", Expected: c.Rule.Expected()}})
		}
	}
	return evs, exceptions
}

func testEvidence(t *testing.T, generated, version string) evidence {
	evs, exceptions := catalogEvaluations(t)
	return buildEvidence(evidenceInput{
		GeneratedAt: generated, TenantID: "00000000-0000-0000-0000-0000000000aa", ProviderVersion: version, ModuleVersion: "0.1.0",
		Profile: catalog.Staff, Exceptions: exceptions,
		Managed: map[string][]string{"teamshipaa_meeting_policy": {"Global"}},
	}, evs)
}

func TestEvidenceHashIsStableAndContentBound(t *testing.T) {
	a := testEvidence(t, "2026-09-30T12:00:00Z", "0.1.0")
	b := testEvidence(t, "2026-12-31T08:00:00Z", "0.2.0")
	if !strings.HasPrefix(a.ContentHash, "sha256:") || a.ContentHash != b.ContentHash {
		t.Fatalf("same content, other time and version: %s vs %s", a.ContentHash, b.ContentHash)
	}
	b.Controls[0].Objects[0].Observed = "changed"
	if contentHash(b) == a.ContentHash {
		t.Error("an observed value changed but the hash did not")
	}
}

func TestEvidenceDocument(t *testing.T) {
	ev := testEvidence(t, "2026-09-30T12:00:00Z", "0.1.0")
	doc, err := evidenceMarkdown(ev)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"| Generated | 2026-09-30T12:00:00Z |", "| Tenant | 00000000-0000-0000-0000-0000000000aa |",
		"| Provider | terraform-provider-teamshipaa 0.1.0 |", "| Module | hipaa-baseline 0.1.0 |", "| Baseline profile | `staff` |",
		"| Content hash | `" + ev.ContentHash + "` |", "approved by Sam Ortiz; expires 2027-06-30", "## Failing objects outside this configuration",
		"| `teamshipaa_meeting_policy` | AllOn | HB.MEETING.6 | Microsoft's preset meeting policy"} {
		if !strings.Contains(doc, want) {
			t.Errorf("the document lacks %q", want)
		}
	}
	for _, c := range catalog.Catalog() {
		if !strings.Contains(doc, "| "+c.ID+" ") {
			t.Errorf("no row for %s", c.ID)
		}
	}
	// A failure says what was observed and why it fails; HB.MEETING.6 fails on the preset whatever Global does.
	m6 := ev.Controls[slices.IndexFunc(ev.Controls, func(c evidenceControl) bool { return c.ID == "HB.MEETING.6" })]
	if m6.Result != "fail" || !strings.Contains(m6.Objects[len(m6.Objects)-1].Details, "the control requires") {
		t.Errorf("HB.MEETING.6: %+v", m6)
	}
	// The record at the end reads back as the same evidence.
	back, err := parseEvidence(doc)
	if err != nil {
		t.Fatal(err)
	}
	x, _ := json.Marshal(ev)
	y, _ := json.Marshal(back)
	if string(x) != string(y) {
		t.Error("the record does not read back as written")
	}
	if _, err := parseEvidence("# some other document"); err == nil || !strings.Contains(err.Error(), "no evidence record") {
		t.Errorf("a document without a record: %v", err)
	}
}

func TestCompareEvidence(t *testing.T) {
	before := testEvidence(t, "2026-09-30T12:00:00Z", "0.1.0")
	if got := compareEvidence(before, testEvidence(t, "2026-12-31T08:00:00Z", "0.1.0")); len(got) != 0 {
		t.Errorf("no change expected, got %v", got)
	}
	after := testEvidence(t, "2026-12-31T08:00:00Z", "0.2.0")
	after.Controls[0].Result = "fail"
	after.Controls[0].Objects[0] = evidenceObject{Object: "Global", Observed: "true", Result: "fail"}
	after.Controls[1].Objects = append(after.Controls[1].Objects, evidenceObject{Object: "Vendors", Observed: "false", Result: "pass"})
	after.Controls[2].Exception = nil
	got := compareEvidence(before, after)
	id0, id1, id2 := before.Controls[0].ID, before.Controls[1].ID, before.Controls[2].ID
	for _, want := range []string{"provider version: 0.1.0 -> 0.2.0", id0 + ": pass -> fail", id0 + " Global: compliant (pass) -> true (fail)",
		id1 + " Vendors: new object", id2 + ": exception approved departure " + id2} {
		if !slices.ContainsFunc(got, func(s string) bool { return strings.HasPrefix(s, want) }) {
			t.Errorf("no change %q in %q", want, got)
		}
	}
}
