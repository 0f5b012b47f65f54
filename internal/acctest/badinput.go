package acctest

import (
	"encoding/json"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/tenantsim"
)

// BadConfig is a configuration the provider must refuse at plan time, with an
// error matching Error (which should name the allowed values or the fix).
type BadConfig struct {
	Name   string
	Config string
	Error  *regexp.Regexp
}

// planError matches the terraform-plugin-testing message of a step whose
// plan failed, as opposed to an apply that failed.
var planError = regexp.MustCompile(`Error running pre-apply plan`)

// TestBadConfigs runs each configuration as a full step (plan and apply, as a
// user would), on a tenant of the test's own. Each must fail while planning,
// with its error; afterwards the tenant must be as it was (no object created
// or changed) and no write may have reached a REST surface.
func TestBadConfigs(t *testing.T, cases []BadConfig) {
	t.Helper()
	sim := NewTenant(t)
	before := tenantSnapshot(t, sim)
	sim.ResetStats()
	steps := make([]resource.TestStep, 0, len(cases))
	for _, c := range cases {
		steps = append(steps, resource.TestStep{
			Config: c.Config,
			// Terraform wraps diagnostics to the terminal's width: a space in
			// the pattern matches any run of white space.
			ExpectError: regexp.MustCompile(`(?s)` + planError.String() + `.*` + strings.ReplaceAll(c.Error.String(), " ", `\s+`)),
			PreConfig:   func() { t.Logf("bad configuration: %s", c.Name) },
		})
	}
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { PreCheck(t) },
		ProtoV6ProviderFactories: ProtoV6ProviderFactories,
		Steps:                    steps,
	})
	if after := tenantSnapshot(t, sim); after != before {
		t.Errorf("the tenant changed although every configuration was refused at plan time:\nbefore %s\nafter  %s", before, after)
	}
	for _, r := range sim.Stats().Requests {
		if (r.Surface == "graph" || r.Surface == "teams") && r.Method != http.MethodGet {
			t.Errorf("a write reached the service: %s %s %s (%d)", r.Surface, r.Method, r.Path, r.Count)
		}
	}
}

// tenantSnapshot is everything a bad configuration could have written, as JSON.
func tenantSnapshot(t *testing.T, sim *tenantsim.Simulator) string {
	t.Helper()
	snap := map[string]any{}
	for _, k := range []string{"conditionalAccessPolicy", "namedLocation"} {
		snap[k] = sim.GraphObjects(k)
	}
	for _, k := range []string{"DlpCompliancePolicy", "DlpComplianceRule", "RetentionCompliancePolicy", "RetentionComplianceRule"} {
		snap[k] = sim.ComplianceObjects(k)
	}
	snap["AdminAuditLogConfig"] = sim.AuditLogConfig()
	// Every simulated Teams type: the singletons' Global, and the assignments.
	for typ, spec := range tenantsim.TeamsTypeSpecs() {
		if spec.Singleton {
			o, _ := sim.TeamsInstance(typ, "Global")
			snap[typ] = o
		}
		if spec.GroupAssignable {
			snap[typ+"/groups"] = sim.GroupAssignments(typ)
		}
		if spec.TenantAssignable {
			snap[typ+"/global"] = sim.GlobalPolicyAssignment(typ)
		}
	}
	b, err := json.Marshal(snap)
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimSpace(string(b))
}

// Bad is a BadConfig.
func Bad(name, config string, err *regexp.Regexp) BadConfig {
	return BadConfig{Name: name, Config: config, Error: err}
}
