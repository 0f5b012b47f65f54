package baseline_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	tfjson "github.com/hashicorp/terraform-json"
	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/acctest"
)

const assessmentAddr = "data.teamshipaa_assessment.this"

// verdict is one result of the assessment, keyed by "control id/object".
type verdict struct{ result, actual, expected, details string }

// verdicts reads the results attribute of the assessment from the state.
func verdicts(st *tfjson.State) (map[string]verdict, error) {
	if st == nil || st.Values == nil || st.Values.RootModule == nil {
		return nil, fmt.Errorf("no state")
	}
	for _, r := range st.Values.RootModule.Resources {
		if r.Address != assessmentAddr {
			continue
		}
		results, _ := r.AttributeValues["results"].([]any)
		out := make(map[string]verdict, len(results))
		for _, e := range results {
			m, _ := e.(map[string]any)
			str := func(k string) string { s, _ := m[k].(string); return s }
			out[str("control_id")+"/"+str("object")] = verdict{str("result"), str("actual"), str("expected"), str("details")}
		}
		return out, nil
	}
	return nil, fmt.Errorf("%s not in state", assessmentAddr)
}

// checkResults is a state check over the assessment's results.
type checkResults func(map[string]verdict) error

func (f checkResults) CheckState(_ context.Context, req statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
	got, err := verdicts(req.State)
	if err == nil {
		err = f(got)
	}
	if err != nil {
		resp.Error = err
	}
}

// expectResults checks that each "control/object" has one of the results
// given; "absent" means the control does not judge the object.
func expectResults(want map[string][]string) checkResults {
	return func(got map[string]verdict) error {
		var errs []string
		for key, results := range want {
			v, ok := got[key]
			if !ok {
				if !contains(results, "absent") {
					errs = append(errs, key+": no result")
				}
				continue
			}
			if !contains(results, v.result) {
				errs = append(errs, fmt.Sprintf("%s: %s (actual %s, expected %s, %s), want %s", key, v.result, v.actual, v.expected, v.details, strings.Join(results, " or ")))
			}
		}
		sort.Strings(errs)
		if len(errs) > 0 {
			return fmt.Errorf("%d unexpected results:\n%s", len(errs), strings.Join(errs, "\n"))
		}
		return nil
	}
}

func contains(vs []string, v string) bool {
	for _, x := range vs {
		if x == v {
			return true
		}
	}
	return false
}

// quickstartWithAssessment copies examples/quickstart into a directory of
// its own, with the assessment data source next to it.
func quickstartWithAssessment(t *testing.T) string {
	t.Helper()
	src := filepath.Join("..", "..", "..", "examples", "quickstart")
	dir := t.TempDir()
	files, err := filepath.Glob(filepath.Join(src, "*.tf"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no quickstart files in %s: %v", src, err)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(f)), b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "assessment.tf"), []byte(assessmentData), 0o600); err != nil {
		t.Fatal(err)
	}
	return dir
}

// The quickstart's Telehealth meeting policy is the patient-visit policy.
const assessmentData = `
data "teamshipaa_assessment" "this" {
  profile         = "staff"
  object_profiles = { Telehealth = "telehealth" }
}
`

// The quickstart names its provider by its registry source.
const requiredProviders = `
terraform {
  required_providers {
    teamshipaa = { source = "teamshipaa/teamshipaa" }
  }
}
`

// newTenantFailures are results a new Microsoft 365 tenant has, each for a
// documented default: the Global meeting policy admits everyone in the
// company, guests included, without the lobby (Set-CsTeamsMeetingPolicy
// AutoAdmittedUsers default EveryoneInCompany); external access is open to
// every domain (Set-CsTenantFederationConfiguration AllowFederatedUsers
// True, AllowedDomains AllowAllKnownDomains) and to Teams personal accounts
// (AllowTeamsConsumer True); a new tenant has no conditional access policy,
// no DLP policy and no retention policy. Audit log ingestion is on by
// default ("Turn auditing on or off"), so its control passes. Nor has it an
// Intune app protection policy.
var newTenantFailures = map[string][]string{
	"HB.MEETING.2/Global":   {"fail"},
	"HB.EXTERNAL.1/Global":  {"fail"},
	"HB.EXTERNAL.2/Global":  {"fail"},
	"HB.CA.1/tenant":        {"fail"},
	"HB.CA.2/tenant":        {"fail"},
	"HB.DLP.1/tenant":       {"fail"},
	"HB.DLP.3/tenant":       {"fail"},
	"HB.RETENTION.1/tenant": {"fail", "warning"},
	"HB.AUDIT.1/Global":     {"pass"},
	// No app protection policy, and so no conditional access requiring one.
	"HB.DEVICE.1/tenant":  {"fail"},
	"HB.DEVICE.2/tenant":  {"fail"},
	"HB.DEVICE.19/tenant": {"fail"},
}

// TestAccAssessment_newTenantThenQuickstart assesses a new tenant (a
// simulator of the test's own), applies examples/quickstart with conditional
// access enabled, and assesses again: every failure the new tenant had on a
// tenant-wide default (the Global policy, a singleton, a tenant-wide control)
// now passes. Built-in policies the quickstart does not manage (Tag:AllOn...)
// are not part of that promise.
func TestAccAssessment_newTenantThenQuickstart(t *testing.T) {
	acctest.NewTenant(t)
	// The quickstart declares teamshipaa/teamshipaa; serve the provider under that address.
	t.Setenv("TF_ACC_PROVIDER_NAMESPACE", "teamshipaa")
	dir := quickstartWithAssessment(t)
	vars := config.Variables{
		"clinicians_group_id":          config.StringVariable("5b0e3c4d-2a1f-4e8b-9c7d-6f5a4b3c2d1e"),
		"emergency_access_account_ids": config.SetVariable(config.StringVariable("0b1e5a7c-9d3f-4c2e-8a6b-1f0e2d3c4b5a")),
		"dlp_incident_report_mailbox":  config.StringVariable("privacy-office@contoso.example"),
		// Report-only policies fail the conditional access controls by design.
		"conditional_access_state": config.StringVariable("enabled"),
	}
	var before map[string]verdict
	// The quickstart has a provider block, so the provider is given per step.
	pf := acctest.ProtoV6ProviderFactories
	resource.Test(t, resource.TestCase{
		PreCheck: func() { acctest.PreCheck(t) },
		Steps: []resource.TestStep{
			{
				ProtoV6ProviderFactories: pf,
				Config:                   requiredProviders + assessmentData,
				ConfigStateChecks: []statecheck.StateCheck{
					expectResults(newTenantFailures),
					statecheck.ExpectKnownValue(assessmentAddr, tfjsonpath.New("summary").AtMapKey("error"), knownvalue.Int64Exact(0)),
					checkResults(func(got map[string]verdict) error { before = got; return nil }),
				},
			},
			// Apply the quickstart (the data source still shows the tenant as the plan read it)...
			{ProtoV6ProviderFactories: pf, ConfigDirectory: config.StaticDirectory(dir), ConfigVariables: vars},
			// ...and read the assessment again.
			{
				ProtoV6ProviderFactories: pf, ConfigDirectory: config.StaticDirectory(dir), ConfigVariables: vars,
				ConfigStateChecks: []statecheck.StateCheck{
					// object_profiles: the Telehealth policy, which lets patients join anonymously, is
					// judged as telehealth: the staff-only control that keeps anonymous join off does not
					// judge it, the controls of both profiles do.
					expectResults(map[string][]string{"HB.MEETING.1/Telehealth": {"pass"}, "HB.MEETING.6/Telehealth": {"absent"}}),
					checkResults(func(after map[string]verdict) error {
						var errs, warnings []string
						for key, v := range before {
							_, object, _ := strings.Cut(key, "/")
							if object != "Global" && object != "tenant" {
								continue
							}
							a := after[key]
							switch {
							case v.result == "fail" && a.result != "pass":
								errs = append(errs, fmt.Sprintf("%s: %s (actual %s, expected %s, %s)", key, a.result, a.actual, a.expected, a.details))
							case v.result == "warning" && a.result != "pass":
								warnings = append(warnings, fmt.Sprintf("%s: %s (actual %s)", key, a.result, a.actual))
							}
						}
						sort.Strings(warnings)
						for _, w := range warnings {
							t.Logf("should-level result the quickstart leaves as it is: %s", w)
						}
						if len(errs) > 0 {
							sort.Strings(errs)
							return fmt.Errorf("failures of the new tenant that the quickstart did not fix:\n%s", strings.Join(errs, "\n"))
						}
						return nil
					}),
				},
			},
			// Destroy the quickstart in a step of its own: the harness cannot read a state
			// with for_each instances keyed by strings, which the quickstart has.
			{ProtoV6ProviderFactories: pf, Config: requiredProviders + assessmentData},
		},
	})
}

// TestAccAssessment_limitedPermissions signs in as an app without the admin
// roles: the Teams, Security & Compliance and Exchange reads fail with 403,
// and their controls report error naming what is missing, while conditional
// access (which the app may read) is still assessed.
func TestAccAssessment_limitedPermissions(t *testing.T) {
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: acctest.LimitedAppProvider(t) + assessmentData,
			ConfigStateChecks: []statecheck.StateCheck{checkAttrs(func(attrs map[string]any) error {
				// The app may not read the organization: the evidence names the tenant and says why the domain is missing.
				doc := attrs["evidence_markdown"].(string)
				if attrs["tenant_domain"] != "" || !strings.Contains(doc, "default domain not read") || !strings.Contains(doc, "Organization.Read.All") {
					return fmt.Errorf("tenant domain %q; evidence header: %.600s", attrs["tenant_domain"], doc)
				}
				return nil
			}), checkResults(func(got map[string]verdict) error {
				var errs []string
				names := map[string]string{ // control -> the permission its error must name
					"HB.MEETING.1":   "Teams Administrator",
					"HB.EXTERNAL.1":  "Teams Administrator",
					"HB.DLP.1":       "Compliance Administrator",
					"HB.RETENTION.1": "Compliance Administrator",
					"HB.AUDIT.1":     "Audit Logs",
					"HB.DEVICE.1":    "DeviceManagementApps.ReadWrite.All",
				}
				for key, v := range got {
					id, _, _ := strings.Cut(key, "/")
					if perm, ok := names[id]; ok {
						if v.result != "error" || !strings.Contains(v.details, "403") || !strings.Contains(v.details, perm) {
							errs = append(errs, fmt.Sprintf("%s: %s %q, want error naming %s", key, v.result, v.details, perm))
						}
						delete(names, id)
					}
					if strings.HasPrefix(id, "HB.CA.") && v.result == "error" {
						errs = append(errs, fmt.Sprintf("%s: error %q; the app may read conditional access", key, v.details))
					}
				}
				for id := range names {
					errs = append(errs, id+": no result")
				}
				if v, ok := got["HB.CA.1/tenant"]; !ok || v.result == "error" {
					errs = append(errs, "HB.CA.1/tenant not assessed")
				}
				if len(errs) > 0 {
					sort.Strings(errs)
					return fmt.Errorf("%s", strings.Join(errs, "\n"))
				}
				return nil
			})},
		}},
	})
}
