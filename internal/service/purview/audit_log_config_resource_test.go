package purview_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/acctest"
)

func TestAccAuditLogConfig(t *testing.T) {
	addr := "teamshipaa_audit_log_config.this"
	sim := acctest.Sim(t)
	ingestion := func() any { return sim.AuditLogConfig()["UnifiedAuditLogIngestionEnabled"] }
	config := `resource "teamshipaa_audit_log_config" "this" {
  unified_audit_log_ingestion_enabled = true
}`
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy: func(*terraform.State) error {
			if ingestion() != true {
				return fmt.Errorf("destroy must leave ingestion on, it is %v", ingestion())
			}
			return nil
		},
		Steps: []resource.TestStep{
			{
				PreConfig: func() {
					if err := sim.SetAuditLogConfig(map[string]any{"UnifiedAuditLogIngestionEnabled": false}); err != nil {
						t.Fatal(err)
					}
				},
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("id"), knownvalue.StringExact("Global")),
				},
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				Check: func(*terraform.State) error {
					if ingestion() != true {
						return fmt.Errorf("simulator: ingestion %v", ingestion())
					}
					return nil
				},
			},
			{ResourceName: addr, ImportState: true, ImportStateId: "Global", ImportStateVerify: true},
			{
				// Someone turns it off by hand: the plan turns it back on.
				PreConfig: func() {
					if err := sim.SetAuditLogConfig(map[string]any{"UnifiedAuditLogIngestionEnabled": false}); err != nil {
						t.Fatal(err)
					}
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate)},
				},
			},
		},
	})
}

// A new tenant is dehydrated: turning the audit log on runs
// Enable-OrganizationCustomization first, then Set-AdminAuditLogConfig.
func TestAccAuditLogConfig_dehydratedTenant(t *testing.T) {
	sim := acctest.NewTenant(t)
	if !sim.IsDehydrated() {
		t.Fatal("a new simulated tenant must be dehydrated")
	}
	if err := sim.SetAuditLogConfig(map[string]any{"UnifiedAuditLogIngestionEnabled": false}); err != nil {
		t.Fatal(err)
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: `resource "teamshipaa_audit_log_config" "this" {
  unified_audit_log_ingestion_enabled = true
}`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("teamshipaa_audit_log_config.this", tfjsonpath.New("unified_audit_log_ingestion_enabled"), knownvalue.Bool(true)),
			},
			ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			Check: func(*terraform.State) error {
				if sim.IsDehydrated() {
					return fmt.Errorf("the organization is still dehydrated")
				}
				if v := sim.AuditLogConfig()["UnifiedAuditLogIngestionEnabled"]; v != true {
					return fmt.Errorf("ingestion %v", v)
				}
				return nil
			},
		}},
	})
}

// Ingestion already on in a new tenant: nothing is sent, and the
// organization is not customized for nothing (it cannot be undone).
func TestAccAuditLogConfig_dehydratedTenantAlreadyOn(t *testing.T) {
	sim := acctest.NewTenant(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: `resource "teamshipaa_audit_log_config" "this" {
  unified_audit_log_ingestion_enabled = true
}`,
			ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			Check: func(*terraform.State) error {
				if !sim.IsDehydrated() {
					return fmt.Errorf("the organization was customized although nothing had to change")
				}
				return nil
			},
		}},
	})
}
