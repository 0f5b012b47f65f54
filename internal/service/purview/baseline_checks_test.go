package purview_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/acctest"
)

func auditConfig(providerArgs string, enabled bool, extra string) string {
	return fmt.Sprintf(`
provider "teamshipaa" {
  %s
}

resource "teamshipaa_audit_log_config" "this" {
  unified_audit_log_ingestion_enabled = %t
  %s
}
`, providerArgs, enabled, extra)
}

// Turning the unified audit log off is a deviation from HB.AUDIT.1 the plan
// shows (real terraform CLI), fails with baseline_checks = "error", and
// passes with a recorded exception, kept in state.
func TestAccBaselineChecks_auditLogIngestion(t *testing.T) {
	acctest.PreCheck(t)
	diags, err := acctest.Plan(t, auditConfig("", false, ""))
	if err != nil {
		t.Fatalf("a warning must not fail the plan: %v", err)
	}
	var found bool
	for _, d := range diags {
		if strings.HasPrefix(d.Summary, "Baseline deviation HB.AUDIT.1 (") {
			found = true
			if d.Severity != "warning" || d.Address != "teamshipaa_audit_log_config.this" ||
				!strings.Contains(d.Detail, "unified_audit_log_ingestion_enabled is planned as false") ||
				!strings.Contains(d.Detail, "164.312(b)") || !strings.Contains(d.Detail, "MS.SECURITYSUITE.5.1") {
				t.Errorf("the warning: %+v", d)
			}
		}
	}
	if !found {
		t.Fatalf("no HB.AUDIT.1 warning in %+v", diags)
	}

	addr := "teamshipaa_audit_log_config.this"
	sim := acctest.Sim(t)
	before := sim.AuditLogConfig()["UnifiedAuditLogIngestionEnabled"]
	t.Cleanup(func() {
		if err := sim.SetAuditLogConfig(map[string]any{"UnifiedAuditLogIngestionEnabled": before}); err != nil {
			t.Errorf("restoring the audit log configuration: %v", err)
		}
	})
	reason := "Migration tenant: audit runs in the destination tenant until cut-over (CHG-2291)."
	strict := `baseline_checks = "error"`
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy: func(*terraform.State) error {
			if v := sim.AuditLogConfig()["UnifiedAuditLogIngestionEnabled"]; v != true {
				return fmt.Errorf("the last step turns ingestion back on; it is %v", v)
			}
			return nil
		},
		Steps: []resource.TestStep{
			{
				Config:      auditConfig(strict, false, ""),
				ExpectError: regexp.MustCompile(`(?s)Baseline deviation HB\.AUDIT\.1.*164\.312\(b\)`),
			},
			{
				Config: auditConfig(strict, false, fmt.Sprintf("baseline_exceptions = { unified_audit_log_ingestion_enabled = %q }", reason)),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("baseline_exceptions"),
						knownvalue.MapExact(map[string]knownvalue.Check{"unified_audit_log_ingestion_enabled": knownvalue.StringExact(reason)})),
				},
			},
			{
				ResourceName:            addr,
				ImportState:             true,
				ImportStateId:           "Global",
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: []string{"baseline_exceptions"},
			},
			{
				Config: auditConfig(strict, true, ""),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("baseline_exceptions"), knownvalue.Null()),
				},
			},
		},
	})
}
