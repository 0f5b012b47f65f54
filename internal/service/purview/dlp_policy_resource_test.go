package purview_test

import (
	"fmt"
	"strings"
	"testing"

	sdkacctest "github.com/hashicorp/terraform-plugin-testing/helper/acctest"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/acctest"
)

func hipaaDLPConfig(policy, rule, severity string, withExchange bool) string {
	exchange := ""
	if withExchange {
		exchange = `exchange_location   = ["All"]`
	}
	return fmt.Sprintf(`
data "teamshipaa_sensitive_information_types" "hipaa" {
  names = [
    "U.S. Social Security Number (SSN)",
    "Drug Enforcement Agency (DEA) Number",
    "International Classification of Diseases (ICD-9-CM)",
    "International Classification of Diseases (ICD-10-CM)",
  ]
}

resource "teamshipaa_dlp_policy" "hipaa" {
  name                = %[1]q
  comment             = "PHI in Teams, mail, SharePoint and OneDrive"
  mode                = "Enable"
  teams_location      = ["All"]
  %[4]s
  sharepoint_location = ["All"]
  onedrive_location   = ["All"]
}

resource "teamshipaa_dlp_rule" "phi" {
  name   = %[2]q
  policy = teamshipaa_dlp_policy.hipaa.name

  content_contains_sensitive_information = {
    operator = "And"
    groups = [
      {
        name     = "Identifiers"
        operator = "Or"
        sensitive_types = [
          { name = "U.S. Social Security Number (SSN)" },
          { id = data.teamshipaa_sensitive_information_types.hipaa.ids["Drug Enforcement Agency (DEA) Number"] },
        ]
      },
      {
        name     = "Diagnoses"
        operator = "Or"
        sensitive_types = [
          { name = "International Classification of Diseases (ICD-9-CM)", min_count = 2 },
          { name = "International Classification of Diseases (ICD-10-CM)", min_confidence = 75, max_confidence = 100 },
        ]
      },
    ]
  }

  access_scope             = "NotInOrganization"
  block_access             = true
  block_access_scope       = "All"
  notify_user              = ["Owner", "SiteAdmin", "LastModifier"]
  generate_incident_report = ["security@contoso.example"]
  incident_report_content  = ["All"]
  report_severity_level    = %[3]q
  disabled                 = false
}
`, policy, rule, severity, exchange)
}

// withoutRule drops the rule, the last block of hipaaDLPConfig.
func withoutRule(config string) string {
	return config[:strings.Index(config, `resource "teamshipaa_dlp_rule" "phi"`)]
}

func TestAccDLP_hipaa(t *testing.T) {
	policy, rule := sdkacctest.RandomWithPrefix("tfacc-dlp"), sdkacctest.RandomWithPrefix("tfacc-rule")
	pAddr, rAddr := "teamshipaa_dlp_policy.hipaa", "teamshipaa_dlp_rule.phi"
	sim := acctest.Sim(t)
	gone := func(kind, name string) error {
		if o, ok := sim.ComplianceObject(kind, name); ok && !strings.EqualFold(fmt.Sprint(o["Mode"]), "PendingDeletion") {
			return fmt.Errorf("%s %s survived destroy: %v", kind, name, o)
		}
		return nil
	}
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy: func(*terraform.State) error {
			if err := gone("DlpComplianceRule", rule); err != nil {
				return err
			}
			return gone("DlpCompliancePolicy", policy)
		},
		Steps: []resource.TestStep{
			{
				Config: hipaaDLPConfig(policy, rule, "High", true),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(pAddr, tfjsonpath.New("id"), knownvalue.StringExact(policy)),
					statecheck.ExpectKnownValue(rAddr, tfjsonpath.New("report_severity_level"), knownvalue.StringExact("High")),
					statecheck.ExpectKnownValue(rAddr, tfjsonpath.New("content_contains_sensitive_information").AtMapKey("groups"), knownvalue.SetSizeExact(2)),
				},
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				Check: func(*terraform.State) error {
					o, ok := sim.ComplianceObject("DlpComplianceRule", rule)
					if !ok {
						return fmt.Errorf("simulator has no rule %s", rule)
					}
					if fmt.Sprint(o["ReportSeverityLevel"]) != "High" || o["BlockAccess"] != true {
						return fmt.Errorf("simulator rule: %v", o)
					}
					return nil
				},
			},
			{ResourceName: pAddr, ImportState: true, ImportStateId: policy, ImportStateVerify: true, ImportStateVerifyIgnore: []string{"timeouts"}},
			// The import reads the condition back whole: the configuration names DEA by id and
			// leaves counts to the service, the state holds every type's name, id and numbers.
			{ResourceName: rAddr, ImportState: true, ImportStateId: rule, ImportStateVerify: true, ImportStateVerifyIgnore: []string{"timeouts"}},
			// And the configuration plans no change against an imported state: Terraform forgets
			// the rule (removed block), then imports it again (import block) with nothing to do.
			{Config: withoutRule(hipaaDLPConfig(policy, rule, "High", true)) + `
removed {
  from = teamshipaa_dlp_rule.phi
  lifecycle {
    destroy = false
  }
}
`},
			{
				Config: hipaaDLPConfig(policy, rule, "High", true) + fmt.Sprintf(`
import {
  to = teamshipaa_dlp_rule.phi
  id = %q
}
`, rule),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(rAddr, plancheck.ResourceActionNoop)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
			},
			{
				// Drift: the severity and the policy mode change by hand; the plan puts them back.
				PreConfig: func() {
					if err := sim.SetComplianceObject("DlpComplianceRule", rule, map[string]any{"ReportSeverityLevel": "Low"}); err != nil {
						t.Fatal(err)
					}
					if err := sim.SetComplianceObject("DlpCompliancePolicy", policy, map[string]any{"Mode": "TestWithoutNotifications"}); err != nil {
						t.Fatal(err)
					}
				},
				Config: hipaaDLPConfig(policy, rule, "High", true),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(rAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectResourceAction(pAddr, plancheck.ResourceActionUpdate),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
			},
			{
				// Dropping Exchange is an in-place RemoveExchangeLocation.
				Config: hipaaDLPConfig(policy, rule, "High", false),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(pAddr, plancheck.ResourceActionUpdate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: func(*terraform.State) error {
					o, _ := sim.ComplianceObject("DlpCompliancePolicy", policy)
					if v := o["ExchangeLocation"]; v != nil {
						if l, ok := v.([]any); !ok || len(l) > 0 {
							return fmt.Errorf("simulator still has ExchangeLocation %v", v)
						}
					}
					return nil
				},
			},
		},
	})
}
