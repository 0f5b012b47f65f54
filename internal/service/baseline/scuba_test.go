package baseline

import (
	"encoding/json"
	"errors"
	"slices"
	"sort"
	"strings"
	"testing"

	catalog "github.com/teamshipaa/terraform-provider-teamshipaa/internal/baseline"
)

// The field names ScubaGear writes (cisagov/ScubaGear docs/misc/tooloutputschema.md
// and Orchestrator.psm1 Merge-JsonOutput / the report's ReportSummary).
var (
	scubaTopKeys     = []string{"AnnotatedFailedPolicies", "MetaData", "Results", "Summary"}
	scubaSummaryKeys = []string{"Errors", "Failures", "IncorrectResults", "Manual", "Omits", "Passes", "Warnings"}
	scubaGroupKeys   = []string{"Controls", "GroupName", "GroupNumber", "GroupReferenceURL"}
	scubaMetaKeys    = []string{"DisplayName", "DomainName", "ProductAbbreviationMapping", "ProductSuite", "ProductsAssessed",
		"ReportUUID", "TenantId", "TimestampZulu", "Tool", "ToolVersion"}
	scubaControlKeys = []string{"Comments", "Control ID", "Criticality", "Details", "HB ID", "IncorrectResult", "IncorrectResultDetails",
		"OmittedEvaluationDetails", "OmittedEvaluationResult", "OriginalDetails", "OriginalResult", "Requirement", "ResolutionDate", "Result"}
)

func keys(m map[string]any) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func TestScubaJSONShape(t *testing.T) {
	meeting := func(id string, level catalog.Level) catalog.Control {
		return catalog.Control{ID: id, Title: "Title of " + id, Resource: "teamshipaa_meeting_policy", Attribute: "auto_admitted_users",
			Scope: catalog.ScopeEvery, Rule: catalog.Equals("EveryoneInCompanyExcludingGuests"), Level: level,
			Crosswalk: catalog.Crosswalk{SCuBA: []string{"MS.TEAMS.1.3v1"}, CIS: []string{"8.5.3"}}, HIPAA: []string{"164.312(d)"}}
	}
	ca := catalog.Control{ID: "HB.CA.1", Title: "Legacy authentication is blocked", Resource: "teamshipaa_conditional_access_policy",
		Scope: catalog.ScopeTenant, Rule: catalog.Equals(true), Level: catalog.Shall}
	audit := catalog.Control{ID: "HB.AUDIT.1", Title: "Audit on", Resource: "teamshipaa_audit_log_config",
		Attribute: "unified_audit_log_ingestion_enabled", Rule: catalog.Equals(true), Level: catalog.Shall}
	ev := func(c catalog.Control, obj string, r catalog.Result, actual, details string) catalog.Evaluation {
		return catalog.Evaluation{Control: c, Object: obj, Finding: catalog.Finding{Result: r, Actual: actual, Details: details}}
	}
	fail, warn, omit, na := meeting("HB.MEETING.2", catalog.Shall), meeting("HB.MEETING.3", catalog.Should),
		meeting("HB.MEETING.4", catalog.Shall), meeting("HB.MEETING.5", catalog.Shall)
	readErr := errors.New("Teams admin API: 403 Forbidden (the app's service principal needs the Entra role Teams Administrator)")
	evs := []catalog.Evaluation{
		ev(fail, "Global", catalog.Fail, `"EveryoneInCompany"`, ""),
		ev(fail, "Telehealth", catalog.Pass, `"EveryoneInCompanyExcludingGuests"`, ""),
		ev(warn, "Global", catalog.Warning, `"Everyone"`, ""),
		ev(omit, "Global", catalog.Excepted, `"Everyone"`, "approved by the privacy officer"),
		ev(na, "Global", catalog.NotApplicable, "null", "not set in this object"),
		ev(ca, "tenant", catalog.Error, "", "Microsoft Graph: 403 Forbidden (Policy.Read.All)"),
		ev(audit, "Global", catalog.Pass, "true", ""),
		ev(meeting("HB.MEETING.6", catalog.Shall), "TeamsMeetingPolicy", catalog.Error, "", readErr.Error()),
	}
	js, err := scubaJSON(evs, scubaMetaData{TenantID: "00000000-0000-0000-0000-0000000000aa", DomainName: "contoso.onmicrosoft.com",
		ToolVersion: "1.2.3", TimestampZulu: "2026-12-04T22:30:00Z", ReportUUID: "r"})
	if err != nil {
		t.Fatal(err)
	}
	var rep map[string]any
	if err := json.Unmarshal([]byte(js), &rep); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, js)
	}
	if got := keys(rep); !slices.Equal(got, scubaTopKeys) {
		t.Errorf("top-level keys %v, want %v", got, scubaTopKeys)
	}
	meta := rep["MetaData"].(map[string]any)
	if got := keys(meta); !slices.Equal(got, scubaMetaKeys) {
		t.Errorf("MetaData keys %v, want %v", got, scubaMetaKeys)
	}
	if meta["ProductSuite"] != "Microsoft 365" || meta["TenantId"] != "00000000-0000-0000-0000-0000000000aa" ||
		meta["TimestampZulu"] != "2026-12-04T22:30:00Z" || meta["ToolVersion"] != "1.2.3" || meta["Tool"] != "terraform-provider-teamshipaa" {
		t.Errorf("MetaData %v", meta)
	}
	mapping := meta["ProductAbbreviationMapping"].(map[string]any)
	for full, abbr := range map[string]string{"Microsoft Teams": "Teams", "Azure Active Directory": "AAD", "Security Suite": "SecuritySuite"} {
		if mapping[full] != abbr {
			t.Errorf("ProductAbbreviationMapping[%q] = %v, want %q", full, mapping[full], abbr)
		}
	}
	results := rep["Results"].(map[string]any)
	if got := keys(results); !slices.Equal(got, []string{"AAD", "SecuritySuite", "Teams"}) {
		t.Errorf("Results products %v", got)
	}
	byID := map[string]map[string]any{}
	for product, groups := range results {
		for _, g := range groups.([]any) {
			group := g.(map[string]any)
			if got := keys(group); !slices.Equal(got, scubaGroupKeys) {
				t.Errorf("%s group keys %v, want %v", product, got, scubaGroupKeys)
			}
			for _, c := range group["Controls"].([]any) {
				control := c.(map[string]any)
				if got := keys(control); !slices.Equal(got, scubaControlKeys) {
					t.Errorf("control keys %v, want %v", got, scubaControlKeys)
				}
				byID[control["HB ID"].(string)] = control
				if !strings.HasPrefix(group["GroupReferenceURL"].(string), "https://github.com/cisagov/ScubaGear/") {
					t.Errorf("GroupReferenceURL %v", group["GroupReferenceURL"])
				}
			}
		}
	}
	teamsGroup := results["Teams"].([]any)[0].(map[string]any)
	if teamsGroup["GroupName"] != "Meetings" || teamsGroup["GroupNumber"] != "1" {
		t.Errorf("Teams group %v %v", teamsGroup["GroupName"], teamsGroup["GroupNumber"])
	}

	want := map[string]struct{ result, criticality, details string }{
		"HB.MEETING.2": {"Fail", "Shall", `Global ("EveryoneInCompany")`},
		"HB.MEETING.3": {"Warning", "Should", `Global ("Everyone")`},
		"HB.MEETING.4": {"Omitted", "Shall", "approved by the privacy officer"},
		"HB.MEETING.5": {"N/A", "Shall", "nothing to judge"},
		"HB.MEETING.6": {"Error", "Shall", "Teams Administrator"},
		"HB.CA.1":      {"Error", "Shall", "Policy.Read.All"},
		"HB.AUDIT.1":   {"Pass", "Shall", "Global"},
	}
	for id, w := range want {
		c := byID[id]
		if c == nil {
			t.Errorf("%s missing", id)
			continue
		}
		if c["Result"] != w.result || c["Criticality"] != w.criticality || !strings.Contains(c["Details"].(string), w.details) {
			t.Errorf("%s: Result %v Criticality %v Details %q; want %s %s containing %q", id, c["Result"], c["Criticality"], c["Details"], w.result, w.criticality, w.details)
		}
	}
	// A control that maps to SCuBA is reported under the SCuBA id; ours only under its own.
	if byID["HB.MEETING.2"]["Control ID"] != "MS.TEAMS.1.3v1" || byID["HB.AUDIT.1"]["Control ID"] != "HB.AUDIT.1" {
		t.Errorf("Control ID: %v, %v", byID["HB.MEETING.2"]["Control ID"], byID["HB.AUDIT.1"]["Control ID"])
	}
	if d := byID["HB.MEETING.2"]["Details"].(string); !strings.Contains(d, "SCuBA MS.TEAMS.1.3v1") || !strings.Contains(d, "HIPAA 45 CFR 164.312(d)") {
		t.Errorf("crosswalk missing from Details: %q", d)
	}
	o := byID["HB.MEETING.4"]
	if o["OmittedEvaluationResult"] != "Fail" || o["OriginalResult"] != "Fail" || len(o["Comments"].([]any)) != 1 {
		t.Errorf("omitted control: %v", o)
	}
	if f := byID["HB.MEETING.2"]; f["OmittedEvaluationResult"] != "N/A" || f["OriginalResult"] != "Fail" || f["ResolutionDate"] != nil {
		t.Errorf("failed control annotations: %v", f)
	}

	summary := rep["Summary"].(map[string]any)
	teams := summary["Teams"].(map[string]any)
	if got := keys(teams); !slices.Equal(got, scubaSummaryKeys) {
		t.Errorf("summary keys %v, want %v", got, scubaSummaryKeys)
	}
	wantTeams := map[string]float64{"Passes": 0, "Failures": 1, "Warnings": 1, "Omits": 1, "Manual": 1, "Errors": 1, "IncorrectResults": 0}
	for k, v := range wantTeams {
		if teams[k] != v {
			t.Errorf("Summary.Teams.%s = %v, want %v", k, teams[k], v)
		}
	}
	if ss := summary["SecuritySuite"].(map[string]any); ss["Passes"] != float64(1) {
		t.Errorf("Summary.SecuritySuite %v", ss)
	}
}
