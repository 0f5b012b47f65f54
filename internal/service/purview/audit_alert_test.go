package purview_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
	"time"

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

func auditRetentionConfig(name string, priority int, body string) string {
	return fmt.Sprintf(`
resource "teamshipaa_audit_log_retention_policy" "teams" {
  name     = %q
  priority = %d
%s
}
`, name, priority, body)
}

// A retention policy for the Teams records: created, read back with an empty
// plan, changed out of band (drift shown and repaired), narrowed to one
// activity with the lists replaced, imported by name, destroyed.
func TestAccAuditLogRetentionPolicy(t *testing.T) {
	name := sdkacctest.RandomWithPrefix("tfacc-auditret")
	prio := 1000 + rand.IntN(8000)
	addr := "teamshipaa_audit_log_retention_policy.teams"
	sim := acctest.Sim(t)
	stored := func(duration string, records int) resource.TestCheckFunc {
		return func(*terraform.State) error {
			p, ok := sim.ComplianceObject(tenantsim.KindAuditRetentionPolicy, name)
			if !ok || p["RetentionDuration"] != duration {
				return fmt.Errorf("simulator policy %v, want RetentionDuration %s", p, duration)
			}
			if l, _ := p["RecordTypes"].([]any); len(l) != records {
				return fmt.Errorf("simulator policy record types %v, want %d", p["RecordTypes"], records)
			}
			return nil
		}
	}
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy: func(*terraform.State) error {
			if p, ok := sim.ComplianceObject(tenantsim.KindAuditRetentionPolicy, name); ok && p["Mode"] != "PendingDeletion" {
				return fmt.Errorf("policy %s still there: %v", name, p)
			}
			return nil
		},
		Steps: []resource.TestStep{
			{
				Config: auditRetentionConfig(name, prio, `
  description        = "Teams activity, six-year documentation retention"
  record_types       = ["MicrosoftTeams", "MicrosoftTeamsAdmin"]
  retention_duration = "TenYears"`),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("id"), knownvalue.StringExact(name)),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("priority"), knownvalue.Int64Exact(int64(prio))),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("record_types"), knownvalue.SetExact([]knownvalue.Check{
						knownvalue.StringExact("MicrosoftTeams"), knownvalue.StringExact("MicrosoftTeamsAdmin")})),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("operations"), knownvalue.Null()),
				},
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				Check:            stored("TenYears", 2),
			},
			{
				// Someone shortens the retention in the portal: the plan shows it and the apply restores it.
				PreConfig: func() {
					if err := sim.SetComplianceObject(tenantsim.KindAuditRetentionPolicy, name, map[string]any{"RetentionDuration": "ThreeMonths"}); err != nil {
						t.Fatal(err)
					}
				},
				Config: auditRetentionConfig(name, prio, `
  description        = "Teams activity, six-year documentation retention"
  record_types       = ["MicrosoftTeams", "MicrosoftTeamsAdmin"]
  retention_duration = "TenYears"`),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(addr, tfjsonpath.New("retention_duration"), knownvalue.StringExact("TenYears")),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: stored("TenYears", 2),
			},
			{
				// One activity of one record type; the description removed; a new priority.
				Config: auditRetentionConfig(name, prio+1, `
  record_types       = ["MicrosoftTeams"]
  operations         = ["MemberAdded"]
  retention_duration = "TwelveMonths"`),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("description"), knownvalue.Null()),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("operations"), knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact("MemberAdded")})),
				},
				Check: stored("TwelveMonths", 1),
			},
			{ResourceName: addr, ImportState: true, ImportStateId: name, ImportStateVerify: true, ImportStateVerifyIgnore: []string{"timeouts"}},
		},
	})
}

func alertConfig(name, body string) string {
	return fmt.Sprintf(`
resource "teamshipaa_protection_alert" "audit" {
  name        = %q
  category    = "ThreatManagement"
  threat_type = "Activity"
%s
}
`, name, body)
}

// An alert policy on audit log changes: created, empty re-plan, drift (turned
// off in the portal) shown and repaired, recipients and filter changed in
// place, imported; changing threat_type replaces it.
func TestAccProtectionAlert(t *testing.T) {
	name := sdkacctest.RandomWithPrefix("tfacc-alert")
	addr := "teamshipaa_protection_alert.audit"
	sim := acctest.Sim(t)
	body := func(recipients, filter string) string {
		return fmt.Sprintf(`
  notify_user      = [%s]
  operation        = "Set-AdminAuditLogConfig"
  aggregation_type = "None"
  severity         = "High"
  description      = "The audit log configuration changed"
  %s`, recipients, filter)
	}
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy: func(*terraform.State) error {
			if _, ok := sim.ComplianceObject(tenantsim.KindProtectionAlert, name); ok {
				return fmt.Errorf("alert policy %s still there", name)
			}
			return nil
		},
		Steps: []resource.TestStep{
			{
				Config: alertConfig(name, body(`"privacy@contoso.example"`, "")),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("disabled"), knownvalue.Bool(false)),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("notification_enabled"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("operation"), knownvalue.StringExact("Set-AdminAuditLogConfig")),
				},
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
			{
				PreConfig: func() {
					if err := sim.SetComplianceObject(tenantsim.KindProtectionAlert, name, map[string]any{"Disabled": true, "Severity": "Low"}); err != nil {
						t.Fatal(err)
					}
				},
				Config: alertConfig(name, body(`"privacy@contoso.example"`, "disabled = false")),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(addr, tfjsonpath.New("severity"), knownvalue.StringExact("High")),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: func(*terraform.State) error {
					p, _ := sim.ComplianceObject(tenantsim.KindProtectionAlert, name)
					if p["Disabled"] != false || p["Severity"] != "High" {
						return fmt.Errorf("after the repair: %v", p)
					}
					return nil
				},
			},
			{
				Config: alertConfig(name, body(`"privacy@contoso.example", "security@contoso.example"`, `filter = "Activity.Workload -eq 'Exchange'"`)),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
			},
			{ResourceName: addr, ImportState: true, ImportStateId: name, ImportStateVerify: true, ImportStateVerifyIgnore: []string{"timeouts"}},
			{
				Config: fmt.Sprintf(`
resource "teamshipaa_protection_alert" "audit" {
  name        = %q
  category    = "ThreatManagement"
  threat_type = "Malware"
  notify_user = ["security@contoso.example"]
  aggregation_type = "None"
}
`, name),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(addr, plancheck.ResourceActionDestroyBeforeCreate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
			},
		},
	})
}

// Mistakes refused at plan time, naming the allowed values, with nothing written.
func TestAccAuditAlert_badInputRefusedAtPlan(t *testing.T) {
	retention := func(body string) string { return auditRetentionConfig("tfacc-bad-input", 10, body) }
	alert := func(body string) string {
		return `
resource "teamshipaa_protection_alert" "bad" {
  name        = "tfacc-bad-input"
  notify_user = ["privacy@contoso.example"]
` + body + `
}`
	}
	acctest.TestBadConfigs(t, []acctest.BadConfig{
		acctest.Bad("retention duration not in the enum", retention(`
  record_types       = ["MicrosoftTeams"]
  retention_duration = "SevenYears"`), re(`(?s)value must be one of.*"ThreeMonths".*"TenYears"`)),
		acctest.Bad("priority out of range", auditRetentionConfig("tfacc-bad-input", 10001, `
  record_types       = ["MicrosoftTeams"]
  retention_duration = "TenYears"`), re(`must be between 1 and 10000`)),
		acctest.Bad("record type not Microsoft's", retention(`
  record_types       = ["TeamsChat"]
  retention_duration = "TenYears"`), re(`(?s)value must be one of.*"MicrosoftTeams"`)),
		acctest.Bad("operations over two record types", retention(`
  record_types       = ["MicrosoftTeams", "SharePoint"]
  operations         = ["MemberAdded"]
  retention_duration = "TenYears"`), re(`operations needs exactly one record type`)),
		acctest.Bad("neither record types nor users", retention(`
  retention_duration = "TenYears"`), re(`A record type or a user is needed`)),
		acctest.Bad("alert category not in the enum", alert(`
  category    = "Security"
  threat_type = "Activity"`), re(`(?s)value must be one of.*"ThreatManagement"`)),
		acctest.Bad("alert severity Critical", alert(`
  category    = "Others"
  threat_type = "Activity"
  severity    = "Critical"`), re(`(?s)value must be one of.*"Low".*"Medium".*"High"`)),
		acctest.Bad("operation on a malware alert", alert(`
  category    = "ThreatManagement"
  threat_type = "Malware"
  operation   = "MemberAdded"`), re(`operation needs threat_type = "Activity"`)),
		acctest.Bad("filter on an unknown property", alert(`
  category    = "Others"
  threat_type = "Activity"
  filter      = "Activity.Colour -eq 'x'"`), re(`(?s)Activity.Colour is not a filterable property.*Activity.Workload`)),
		acctest.Bad("recipient not an address", `
resource "teamshipaa_protection_alert" "bad" {
  name        = "tfacc-bad-input"
  category    = "Others"
  threat_type = "Activity"
  notify_user = ["Privacy Office"]
}`, re(`must be an SMTP address`)),
	})
}

// An app without the compliance role is refused with the status and the permission to grant.
func TestAccAuditAlert_missingPermission(t *testing.T) {
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: acctest.LimitedAppProvider(t) + auditRetentionConfig(sdkacctest.RandomWithPrefix("tfacc-403"), 9999, `
  record_types       = ["MicrosoftTeams"]
  retention_duration = "TenYears"`),
				ExpectError: regexp.MustCompile(`(?s)403.*Exchange\.ManageAsApp`),
			},
			{
				Config: acctest.LimitedAppProvider(t) + alertConfig(sdkacctest.RandomWithPrefix("tfacc-403"), `
  notify_user = ["privacy@contoso.example"]
  operation   = "MemberAdded"`),
				ExpectError: regexp.MustCompile(`(?s)403.*Exchange\.ManageAsApp`),
			},
		},
	})
}

// A tenant without Audit (Premium) refuses the policy; the error carries the service's message and status.
func TestAccAuditLogRetentionPolicy_withoutAuditPremium(t *testing.T) {
	sim := acctest.NewTenant(t)
	st := sim.ComplianceSettings()
	st.WithoutAuditPremium = true
	if err := sim.SetComplianceSettings(st); err != nil {
		t.Fatal(err)
	}
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: auditRetentionConfig("tfacc-no-premium", 100, `
  record_types       = ["MicrosoftTeams"]
  retention_duration = "TenYears"`),
			ExpectError: regexp.MustCompile(`(?s)400.*require\s+Microsoft\s+Purview\s+Audit\s+\(Premium\)`),
		}},
	})
}

// Destroy of an audit log retention policy waits out PendingDeletion (Microsoft: "up to 30 minutes"), so
// the same policy applies again at once; one removed out of band reads as gone, and its re-creation waits.
func TestAccAuditLogRetentionPolicy_pendingDeletion(t *testing.T) {
	name := sdkacctest.RandomWithPrefix("tfacc-auditret")
	sim := acctest.NewTenant(t)
	sim.SetPendingDeletion(0, 2*time.Second)
	config := auditRetentionConfig(name, 50, `
  record_types       = ["MicrosoftTeams"]
  retention_duration = "TenYears"`)
	removeOutOfBand := func() {
		c := acctest.Configure(context.Background(), t)
		if _, _, err := c.Compliance.Invoke(context.Background(), "Remove-UnifiedAuditLogRetentionPolicy", map[string]any{"Identity": name}); err != nil {
			t.Fatal(err)
		}
	}
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             func(*terraform.State) error { return reallyGone(sim, tenantsim.KindAuditRetentionPolicy, name) },
		Steps: []resource.TestStep{
			{Config: config},
			{Config: config, Destroy: true, Check: func(*terraform.State) error { return reallyGone(sim, tenantsim.KindAuditRetentionPolicy, name) }},
			{Config: config, ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}},
			{
				PreConfig: removeOutOfBand,
				Config:    config,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction("teamshipaa_audit_log_retention_policy.teams", plancheck.ResourceActionCreate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
			},
		},
	})
}

// Objects an interrupted apply (or an administrator) left behind are refused with their import block, then
// adopted with adopt_existing = true and brought to the configuration.
func TestAccAuditAlert_existingIsRefusedThenAdopted(t *testing.T) {
	policy, alert := sdkacctest.RandomWithPrefix("tfacc-auditret"), sdkacctest.RandomWithPrefix("tfacc-alert")
	sim := acctest.NewTenant(t)
	config := func(adopt string) string {
		return auditRetentionConfig(policy, 60, `
  record_types       = ["MicrosoftTeams"]
  retention_duration = "TenYears"
  `+adopt) + alertConfig(alert, `
  notify_user      = ["privacy@contoso.example"]
  operation        = "MemberAdded"
  aggregation_type = "None"
  `+adopt)
	}
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				PreConfig: func() {
					ctx := context.Background()
					c := acctest.Configure(ctx, t)
					if _, _, err := c.Compliance.Invoke(ctx, "New-UnifiedAuditLogRetentionPolicy", map[string]any{"Name": policy,
						"RecordTypes": []string{"MicrosoftTeams"}, "RetentionDuration": "ThreeMonths", "Priority": 60}); err != nil {
						t.Fatal(err)
					}
					if _, _, err := c.Compliance.Invoke(ctx, "New-ProtectionAlert", map[string]any{"Name": alert, "Category": "Others",
						"NotifyUser": []string{"someone@contoso.example"}, "ThreatType": "Activity", "Operation": []string{"MemberAdded"}}); err != nil {
						t.Fatal(err)
					}
				},
				Config:      config(""),
				ExpectError: regexp.MustCompile(`(?s)already exists.*import \{.*to = teamshipaa_(audit_log_retention_policy|protection_alert)\.`),
			},
			{
				Config:           config("adopt_existing = true"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				Check: func(*terraform.State) error {
					p, _ := sim.ComplianceObject(tenantsim.KindAuditRetentionPolicy, policy)
					a, _ := sim.ComplianceObject(tenantsim.KindProtectionAlert, alert)
					if countNamed(sim, tenantsim.KindAuditRetentionPolicy, policy) != 1 || p["RetentionDuration"] != "TenYears" ||
						countNamed(sim, tenantsim.KindProtectionAlert, alert) != 1 || a["Category"] != "ThreatManagement" || a["AggregationType"] != "None" {
						return fmt.Errorf("after adoption: %v; %v", p, a)
					}
					return nil
				},
			},
		},
	})
}

// An alert policy planned off is a deviation from HB.AUDIT.6: a warning (a "should" control stays a
// warning even with baseline_checks = "error"), and nothing with a recorded exception.
func TestAccBaselineChecks_alertPolicyOff(t *testing.T) {
	acctest.PreCheck(t)
	off := func(provider, extra string) string {
		return fmt.Sprintf(`
provider "teamshipaa" {
  %s
}
`, provider) + alertConfig(sdkacctest.RandomWithPrefix("tfacc-alertoff"), `
  notify_user = ["privacy@contoso.example"]
  operation   = "MemberAdded"
  disabled    = true
  `+extra)
	}
	diags, err := acctest.Plan(t, off("", ""))
	if err != nil {
		t.Fatalf("a warning must not fail the plan: %v", err)
	}
	var found bool
	for _, d := range diags {
		if strings.HasPrefix(d.Summary, "Baseline deviation HB.AUDIT.6 (") {
			found = d.Severity == "warning" && strings.Contains(d.Detail, "disabled is planned as true") && strings.Contains(d.Detail, "164.308(a)(6)(ii)")
		}
	}
	if !found {
		t.Fatalf("no HB.AUDIT.6 warning in %+v", diags)
	}
	if _, err := acctest.Plan(t, off(`baseline_checks = "error"`, "")); err != nil {
		t.Fatalf("a should-level deviation failed the plan with baseline_checks = error: %v", err)
	}
	diags, err = acctest.Plan(t, off(`baseline_checks = "error"`, `baseline_exceptions = { "HB.AUDIT.6" = "Paused while the mailbox moves (CHG-3100)." }`))
	if err != nil {
		t.Fatalf("a recorded exception: %v", err)
	}
	for _, d := range diags {
		if strings.Contains(d.Summary, "HB.AUDIT.6") {
			t.Errorf("a recorded exception still reports: %+v", d)
		}
	}
}

// The list data sources give the import blocks of the tenant's audit log retention policies and alert
// policies; Microsoft's default alert policy is marked built in and left out of import_blocks.
func TestAccAuditAlertListDataSources(t *testing.T) {
	acctest.NewTenant(t)
	objects := auditRetentionConfig("Teams records", 70, `
  record_types       = ["MicrosoftTeams"]
  retention_duration = "TenYears"`) + alertConfig("Audit changed", `
  notify_user      = ["privacy@contoso.example"]
  operation        = "Set-AdminAuditLogConfig"
  aggregation_type = "None"`)
	lists := objects + `
data "teamshipaa_audit_log_retention_policies" "all" {
  depends_on = [teamshipaa_audit_log_retention_policy.teams]
}
data "teamshipaa_protection_alerts" "all" {
  depends_on = [teamshipaa_protection_alert.audit]
}
`
	block := func(typ, label, id string) string {
		return "import {\n  to = " + typ + "." + label + "\n  id = \"" + id + "\"\n}\n"
	}
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: objects},
			{
				Config: lists,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.teamshipaa_audit_log_retention_policies.all", tfjsonpath.New("import_blocks"),
						knownvalue.StringExact(block("teamshipaa_audit_log_retention_policy", "teams_records", "Teams records"))),
					statecheck.ExpectKnownValue("data.teamshipaa_protection_alerts.all", tfjsonpath.New("items"), knownvalue.ListExact([]knownvalue.Check{
						knownvalue.ObjectPartial(map[string]knownvalue.Check{"name": knownvalue.StringExact("Audit changed"), "built_in": knownvalue.Bool(false)}),
						knownvalue.ObjectPartial(map[string]knownvalue.Check{"name": knownvalue.StringExact("Elevation of Exchange admin privilege"), "built_in": knownvalue.Bool(true)}),
					})),
					statecheck.ExpectKnownValue("data.teamshipaa_protection_alerts.all", tfjsonpath.New("import_blocks"),
						knownvalue.StringExact(block("teamshipaa_protection_alert", "audit_changed", "Audit changed"))),
				},
			},
		},
	})
}
