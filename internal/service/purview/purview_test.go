package purview_test

import (
	"context"
	"fmt"
	"regexp"
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
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/tenantsim"
)

const (
	ssnID = "a44669fe-0d48-453d-a9b1-2cc83f2cba77"
)

func TestAccSensitiveInformationTypes(t *testing.T) {
	addr := "data.teamshipaa_sensitive_information_types.hipaa"
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: `data "teamshipaa_sensitive_information_types" "hipaa" {
  names = ["U.S. Social Security Number (SSN)", "Drug Enforcement Agency (DEA) Number"]
}`,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("ids").AtMapKey("U.S. Social Security Number (SSN)"), knownvalue.StringExact(ssnID)),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("ids").AtMapKey("Drug Enforcement Agency (DEA) Number"),
						knownvalue.StringExact("9a5445ad-406e-43eb-8bd7-cac17ab6d0e4")),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("types"), knownvalue.ListSizeExact(2)),
				},
			},
			{
				Config:      `data "teamshipaa_sensitive_information_types" "x" { names = ["No Such Type"] }`,
				ExpectError: regexp.MustCompile(`(?s)no sensitive information type named "No Such Type"`),
			},
		},
	})
}

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

func retentionConfig(policy, rule, comment, duration string) string {
	return fmt.Sprintf(`
resource "teamshipaa_retention_policy" "teams" {
  name                   = %q
  comment                = %q
  enabled                = true
  teams_chat_location    = ["All"]
  teams_channel_location = ["All"]
}

resource "teamshipaa_retention_rule" "teams" {
  name                        = %q
  policy                      = teamshipaa_retention_policy.teams.name
  retention_duration          = %q
  retention_compliance_action = "KeepAndDelete"
}
`, policy, comment, rule, duration)
}

// compliancePosts counts the InvokeCommand requests the compliance host
// received (every cmdlet is a POST to the same path).
func compliancePosts(sim *tenantsim.Simulator) int {
	n := 0
	for _, r := range sim.Stats().Requests {
		if r.Surface == "compliance" && r.Method == "POST" {
			n += r.Count
		}
	}
	return n
}

// A change made while the previous one is still being deployed is refused by
// the service ("... is being deployed. Once deployed, additional actions can be
// performed."); the provider retries it, bounded, until it is accepted.
//
// The simulator counts requests per host and path, not per cmdlet, so the
// retries are measured against a twin step: the same change (policy comment
// and rule duration), preceded by the same out-of-band writes, once with no
// deploy window and once with one. Nothing but the refused Set- calls and
// their retries can tell the two counts apart.
func TestAccRetention_throughDeployWindow(t *testing.T) {
	policy, rule := sdkacctest.RandomWithPrefix("tfacc-ret"), sdkacctest.RandomWithPrefix("tfacc-retrule")
	pAddr, rAddr := "teamshipaa_retention_policy.teams", "teamshipaa_retention_rule.teams"
	sim := acctest.Sim(t)
	ctx := context.Background()
	stored := func(comment, duration string) resource.TestCheckFunc {
		return func(*terraform.State) error {
			p, ok := sim.ComplianceObject("RetentionCompliancePolicy", policy)
			if !ok || fmt.Sprint(p["Comment"]) != comment {
				return fmt.Errorf("simulator policy %v, want comment %q", p, comment)
			}
			r, ok := sim.ComplianceObject("RetentionComplianceRule", rule)
			if !ok || fmt.Sprint(r["RetentionDuration"]) != duration {
				return fmt.Errorf("simulator rule %v, want duration %s", r, duration)
			}
			return nil
		}
	}
	// deployWindow makes every later write leave its object "being deployed"
	// for the next calls that touch it; then someone else changes both objects
	// (to their current values) in the service, so the next apply starts
	// inside a fresh window (or, with calls = 0, none). The counts start here.
	deployWindow := func(calls int, comment, duration string) func() {
		return func() {
			sim.SetDeployWindow(calls, 0)
			c := acctest.Configure(ctx, t).Compliance
			if _, _, err := c.Invoke(ctx, "Set-RetentionCompliancePolicy", map[string]any{"Identity": policy, "Comment": comment}); err != nil {
				t.Fatal(err)
			}
			if _, _, err := c.Invoke(ctx, "Set-RetentionComplianceRule", map[string]any{"Identity": rule, "RetentionDuration": duration}); err != nil {
				t.Fatal(err)
			}
			sim.ResetStats()
		}
	}
	var withoutWindow, withWindow int
	resource.Test(t, resource.TestCase{
		PreCheck: func() {
			acctest.PreCheck(t)
			t.Cleanup(func() { sim.SetDeployWindow(0, 0) })
		},
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				PreConfig:        func() { sim.SetDeployWindow(0, 0) },
				Config:           retentionConfig(policy, rule, "six years", "2190"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				Check:            stored("six years", "2190"),
			},
			{
				// The twin without a window: how many requests the change costs.
				PreConfig: deployWindow(0, "six years", "2190"),
				Config:    retentionConfig(policy, rule, "seven years", "2555"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(pAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectResourceAction(rAddr, plancheck.ResourceActionUpdate),
					},
				},
				Check: resource.ComposeAggregateTestCheckFunc(stored("seven years", "2555"), func(*terraform.State) error {
					withoutWindow = compliancePosts(sim)
					return nil
				}),
			},
			{
				// The same change inside a deploy window of 3 calls per object: the refresh reads use
				// one, the Set- calls of the policy and of the rule are refused, retried, accepted.
				PreConfig: deployWindow(3, "seven years", "2555"),
				Config:    retentionConfig(policy, rule, "six years", "2190"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(pAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectResourceAction(rAddr, plancheck.ResourceActionUpdate),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(stored("six years", "2190"), func(*terraform.State) error {
					withWindow = compliancePosts(sim)
					t.Logf("compliance requests for the change: %d without a deploy window, %d inside one", withoutWindow, withWindow)
					// At least one retried Set- for the policy and one for the rule.
					if withWindow-withoutWindow < 2 {
						return fmt.Errorf("%d requests inside the deploy window, %d without: the refused Set- calls were not retried",
							withWindow, withoutWindow)
					}
					return nil
				}),
			},
			{ResourceName: pAddr, ImportState: true, ImportStateId: policy, ImportStateVerify: true, ImportStateVerifyIgnore: []string{"timeouts"}},
			{ResourceName: rAddr, ImportState: true, ImportStateId: rule, ImportStateVerify: true, ImportStateVerifyIgnore: []string{"timeouts"}},
		},
	})
}

func TestAccPurview_planTimeValidation(t *testing.T) {
	for _, tc := range []struct{ name, config, want string }{
		{"bad mode", `resource "teamshipaa_dlp_policy" "p" {
  name = "x"
  mode = "On"
}`, `(?s)Enable.*TestWithNotifications.*TestWithoutNotifications.*Disable`},
		{"All not alone", `resource "teamshipaa_dlp_policy" "p" {
  name           = "x"
  teams_location = ["All", "alice@contoso.example"]
}`, `(?s)"All" must stand alone`},
		{"exception without All", `resource "teamshipaa_retention_policy" "p" {
  name                          = "x"
  teams_chat_location           = ["alice@contoso.example"]
  teams_chat_location_exception = ["bob@contoso.example"]
}`, `(?s)Exceptions need the location set to All`},
		{"both condition forms", `resource "teamshipaa_dlp_rule" "r" {
  name   = "x"
  policy = "p"
  content_contains_sensitive_information = {
    sensitive_types = [{ name = "Credit Card Number" }]
    operator        = "And"
    groups          = [{ name = "g", operator = "Or", sensitive_types = [{ name = "Credit Card Number" }] }]
  }
}`, `(?s)Two forms given`},
		{"name and id", `resource "teamshipaa_dlp_rule" "r" {
  name   = "x"
  policy = "p"
  content_contains_sensitive_information = {
    sensitive_types = [{ name = "Credit Card Number", id = "50842eb7-edc8-4019-85dd-5a5c1f2bb085" }]
  }
}`, `(?s)exactly one of name or id`},
		{"bad severity", `resource "teamshipaa_dlp_rule" "r" {
  name                  = "x"
  policy                = "p"
  report_severity_level = "Critical"
  content_contains_sensitive_information = { sensitive_types = [{ name = "Credit Card Number" }] }
}`, `(?s)Low.*Medium.*High.*None`},
		{"block scope without block", `resource "teamshipaa_dlp_rule" "r" {
  name               = "x"
  policy             = "p"
  block_access       = false
  block_access_scope = "All"
  content_contains_sensitive_information = { sensitive_types = [{ name = "Credit Card Number" }] }
}`, `(?s)block_access_scope needs block_access`},
		{"unlimited delete", `resource "teamshipaa_retention_rule" "r" {
  name                        = "x"
  policy                      = "p"
  retention_duration          = "Unlimited"
  retention_compliance_action = "Delete"
}`, `(?s)Unlimited retention cannot delete`},
		{"expiration date option on a Teams rule", `resource "teamshipaa_retention_rule" "r" {
  name                        = "x"
  policy                      = "p"
  retention_duration          = "30"
  retention_compliance_action = "Delete"
  expiration_date_option      = "CreationAgeInDays"
}`, `(?s)PURVIEW\.RETENTION\.EXPIRATION.*You can't use this parameter for Teams\s+retention rules`},
		{"bad duration", `resource "teamshipaa_retention_rule" "r" {
  name                        = "x"
  policy                      = "p"
  retention_duration          = "7 years"
  retention_compliance_action = "Keep"
}`, `(?s)number of days`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resource.Test(t, resource.TestCase{
				PreCheck:                 func() { acctest.PreCheck(t) },
				ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
				Steps:                    []resource.TestStep{{Config: tc.config, PlanOnly: true, ExpectError: regexp.MustCompile(tc.want)}},
			})
		})
	}
}

// A rule naming a policy that does not exist: the error is the cmdlet's own
// message (from error.details[].message), not the "Error executing cmdlet" envelope.
func TestAccPurview_serviceErrorShowsCmdletMessage(t *testing.T) {
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: fmt.Sprintf(`resource "teamshipaa_retention_rule" "r" {
  name                        = %q
  policy                      = "no-such-policy-tfacc"
  retention_duration          = "30"
  retention_compliance_action = "Keep"
}`, sdkacctest.RandomWithPrefix("tfacc-orphan")),
			ExpectError: regexp.MustCompile(`(?s)New-RetentionComplianceRule.*no-such-policy-tfacc`),
		}},
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
