package baseline_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	tfjson "github.com/hashicorp/terraform-json"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/acctest"
)

// A policy of the configuration's own, departing from HB.MEETING.4 with the
// reason in its baseline_exceptions, wired into the assessment as the
// data source's documentation shows.
func vendorsConfig(expires string) string {
	return fmt.Sprintf(`
resource "teamshipaa_meeting_policy" "vendors" {
  name                                            = "Vendors"
  allow_external_participant_give_request_control = true
  baseline_exceptions                             = { "HB.MEETING.4" = "Vendors take control of the screen in product demos" }
}

data "teamshipaa_assessment" "this" {
  profile = "staff"
  exceptions = { for key, reason in teamshipaa_meeting_policy.vendors.baseline_exceptions : key => {
    reason      = reason
    approved_by = "Sam Ortiz, Security Officer"
    expires     = %q
    objects     = [teamshipaa_meeting_policy.vendors.name]
  } }
  managed_objects = { teamshipaa_meeting_policy = ["Global", teamshipaa_meeting_policy.vendors.name] }
  depends_on      = [teamshipaa_meeting_policy.vendors] # read the tenant once the policy exists
}
`, expires)
}

// assessmentAttrs reads the data source's attributes from the state.
func assessmentAttrs(st *tfjson.State) (map[string]any, error) {
	if st == nil || st.Values == nil || st.Values.RootModule == nil {
		return nil, fmt.Errorf("no state")
	}
	for _, r := range st.Values.RootModule.Resources {
		if r.Address == assessmentAddr {
			return r.AttributeValues, nil
		}
	}
	return nil, fmt.Errorf("%s not in state", assessmentAddr)
}

type checkAttrs func(map[string]any) error

func (f checkAttrs) CheckState(_ context.Context, req statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
	attrs, err := assessmentAttrs(req.State)
	if err == nil {
		err = f(attrs)
	}
	if err != nil {
		resp.Error = err
	}
}

// evidenceRecord is the part of the evidence record the tests read.
type evidenceRecord struct {
	TenantID        string         `json:"tenant_id"`
	GeneratedAt     string         `json:"generated_at"`
	ProviderVersion string         `json:"provider_version"`
	ContentHash     string         `json:"content_hash"`
	Summary         map[string]int `json:"summary"`
	Controls        []struct {
		ID      string `json:"id"`
		Result  string `json:"result"`
		Objects []struct {
			Object, Result, Details string
		} `json:"objects"`
		Exception *struct {
			Reason     string `json:"reason"`
			ApprovedBy string `json:"approved_by"`
			Expires    string `json:"expires"`
			Expired    bool   `json:"expired"`
		} `json:"exception"`
	} `json:"controls"`
	Unmanaged []struct{ Resource, Object string } `json:"unmanaged"`
}

func recordOf(doc string) (evidenceRecord, error) {
	var rec evidenceRecord
	const start = "<!-- teamshipaa-evidence/1\n"
	i := strings.LastIndex(doc, start)
	if i < 0 {
		return rec, fmt.Errorf("no record in the evidence document")
	}
	body, _, _ := strings.Cut(doc[i+len(start):], "\n-->")
	return rec, json.Unmarshal([]byte(body), &rec)
}

// agreement checks that the evidence states, for every control, the result
// the assessment's own results fold to, and the same counts as
// control_summary and scuba_json.
func agreement(attrs map[string]any) (evidenceRecord, error) {
	rec, err := recordOf(attrs["evidence_markdown"].(string))
	if err != nil {
		return rec, err
	}
	rank := []string{"error", "fail", "warning", "excepted", "pass"}
	byControl := map[string]map[string]bool{}
	for _, r := range attrs["results"].([]any) {
		m := r.(map[string]any)
		id := m["control_id"].(string)
		if byControl[id] == nil {
			byControl[id] = map[string]bool{}
		}
		byControl[id][m["result"].(string)] = true
	}
	var errs []string
	for _, c := range rec.Controls {
		want := "not_applicable"
		for _, r := range rank {
			if byControl[c.ID][r] {
				want = r
				break
			}
		}
		if c.Result != want {
			errs = append(errs, fmt.Sprintf("%s: evidence %s, assessment %s", c.ID, c.Result, want))
		}
	}
	if len(rec.Controls) != len(byControl) {
		errs = append(errs, fmt.Sprintf("%d controls in the evidence, %d assessed", len(rec.Controls), len(byControl)))
	}
	cs := attrs["control_summary"].(map[string]any)
	for k, v := range rec.Summary {
		if fmt.Sprint(cs[k]) != fmt.Sprint(v) {
			errs = append(errs, fmt.Sprintf("control_summary.%s = %v, evidence %d", k, cs[k], v))
		}
	}
	if attrs["content_hash"] != rec.ContentHash {
		errs = append(errs, "content_hash differs from the evidence's")
	}
	var scuba struct {
		MetaData map[string]any
		Summary  map[string]map[string]int
	}
	if err := json.Unmarshal([]byte(attrs["scuba_json"].(string)), &scuba); err != nil {
		return rec, err
	}
	fails := 0
	for _, s := range scuba.Summary {
		fails += s["Failures"]
	}
	if fails != rec.Summary["fail"] {
		errs = append(errs, fmt.Sprintf("scuba_json counts %d failures, the evidence %d", fails, rec.Summary["fail"]))
	}
	if scuba.MetaData["TenantId"] != os.Getenv("ARM_TENANT_ID") || scuba.MetaData["TimestampZulu"] != attrs["generated_at"] ||
		scuba.MetaData["ToolVersion"] != "test" || rec.TenantID != os.Getenv("ARM_TENANT_ID") || rec.ProviderVersion != "test" {
		errs = append(errs, fmt.Sprintf("metadata: scuba %v, evidence tenant %q version %q", scuba.MetaData, rec.TenantID, rec.ProviderVersion))
	}
	// The simulator's tenant has its initial domain as default (GET /organization).
	if attrs["tenant_domain"] != "contosohealth.onmicrosoft.com" || scuba.MetaData["DomainName"] != attrs["tenant_domain"] ||
		!strings.Contains(attrs["evidence_markdown"].(string), "(contosohealth.onmicrosoft.com) |") {
		errs = append(errs, fmt.Sprintf("tenant domain %v, scuba DomainName %v", attrs["tenant_domain"], scuba.MetaData["DomainName"]))
	}
	if len(errs) > 0 {
		return rec, fmt.Errorf("the evidence and the assessment disagree:\n%s", strings.Join(errs, "\n"))
	}
	return rec, nil
}

// TestAccAssessment_resourceExceptionThenExpired: an exception recorded in a
// resource's baseline_exceptions shows as excepted in the assessment and in
// the evidence, with its approver and expiry; once expired it is a failure
// in both, and the evidence and the assessment agree on every control.
func TestAccAssessment_resourceExceptionThenExpired(t *testing.T) {
	acctest.NewTenant(t)
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: vendorsConfig("2099-12-31"),
				ConfigStateChecks: []statecheck.StateCheck{
					expectResults(map[string][]string{"HB.MEETING.4/Vendors": {"excepted"}}),
					checkAttrs(func(attrs map[string]any) error {
						rec, err := agreement(attrs)
						if err != nil {
							return err
						}
						for _, c := range rec.Controls {
							if c.ID != "HB.MEETING.4" {
								continue
							}
							if c.Exception == nil || c.Exception.ApprovedBy != "Sam Ortiz, Security Officer" || c.Exception.Expires != "2099-12-31" || c.Exception.Expired {
								return fmt.Errorf("HB.MEETING.4 exception in the evidence: %+v", c.Exception)
							}
							for _, o := range c.Objects {
								if o.Object == "Vendors" && o.Result != "excepted" {
									return fmt.Errorf("HB.MEETING.4 Vendors in the evidence: %+v", o)
								}
							}
						}
						// The presets fail HB.MEETING.6 and are not managed: the evidence says what to do about them.
						presets := 0
						for _, u := range rec.Unmanaged {
							if u.Resource != "teamshipaa_meeting_policy" {
								continue // other types: this configuration manages none of them
							}
							if u.Object == "Vendors" || u.Object == "Global" {
								return fmt.Errorf("a managed object is listed as unmanaged: %+v", u)
							}
							presets++
						}
						if presets == 0 {
							return fmt.Errorf("no preset meeting policy listed outside the configuration: %+v", rec.Unmanaged)
						}
						return nil
					}),
				},
			},
			{
				Config: vendorsConfig("2020-01-31"),
				ConfigStateChecks: []statecheck.StateCheck{
					checkResults(func(got map[string]verdict) error {
						v := got["HB.MEETING.4/Vendors"]
						if v.result != "warning" && v.result != "fail" || !strings.Contains(v.details, "expired on 2020-01-31") {
							return fmt.Errorf("HB.MEETING.4/Vendors with an expired exception: %+v", v)
						}
						return nil
					}),
					checkAttrs(func(attrs map[string]any) error {
						rec, err := agreement(attrs)
						if err != nil {
							return err
						}
						for _, c := range rec.Controls {
							if c.ID == "HB.MEETING.4" && (c.Result == "excepted" || c.Exception == nil || !c.Exception.Expired) {
								return fmt.Errorf("HB.MEETING.4 in the evidence after expiry: %s %+v", c.Result, c.Exception)
							}
						}
						return nil
					}),
				},
			},
		},
	})
}

// TestAccEvidenceComparison saves the evidence of one review, changes the
// tenant, and compares the saved document with the next review's: the
// comparison names the object whose value and result changed.
func TestAccEvidenceComparison(t *testing.T) {
	acctest.NewTenant(t)
	saved := t.TempDir() + "/evidence-q3.md"
	review := func(giveControl bool, compare bool) string {
		cfg := strings.Replace(vendorsConfig("2099-12-31"), "allow_external_participant_give_request_control = true",
			fmt.Sprintf("allow_external_participant_give_request_control = %t", giveControl), 1)
		if compare {
			cfg += fmt.Sprintf(`
data "teamshipaa_evidence_comparison" "q4" {
  before = file(%q)
  after  = data.teamshipaa_assessment.this.evidence_markdown
}
`, saved)
		}
		return cfg
	}
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: review(true, false),
				ConfigStateChecks: []statecheck.StateCheck{checkAttrs(func(attrs map[string]any) error {
					return os.WriteFile(saved, []byte(attrs["evidence_markdown"].(string)), 0o600)
				})},
			},
			{
				Config: review(false, true),
				ConfigStateChecks: []statecheck.StateCheck{statecheckFunc(func(st *tfjson.State) error {
					for _, r := range st.Values.RootModule.Resources {
						if r.Address != "data.teamshipaa_evidence_comparison.q4" {
							continue
						}
						changes := fmt.Sprint(r.AttributeValues["changes"])
						if r.AttributeValues["changed"] != true || !strings.Contains(changes, "HB.MEETING.4 Vendors: true (excepted) -> false (pass)") {
							return fmt.Errorf("changed %v, changes %s", r.AttributeValues["changed"], changes)
						}
						return nil
					}
					return fmt.Errorf("no comparison in state")
				})},
			},
		},
	})
}

type statecheckFunc func(*tfjson.State) error

func (f statecheckFunc) CheckState(_ context.Context, req statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
	resp.Error = f(req.State)
}
