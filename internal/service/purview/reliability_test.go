package purview_test

import (
	"context"
	"fmt"
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

// cmdletFault is one fault on the next run of cmdlet.
func cmdletFault(surface, cmdlet, kind string) tenantsim.Fault {
	f := tenantsim.Fault{Surface: surface, Cmdlet: cmdlet, Kind: kind, Count: 1}
	if kind == tenantsim.FaultStatus {
		f.Status = 503
	}
	return f
}

// consumed fails when an injected fault was never hit.
func consumed(sim *tenantsim.Simulator) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if left := sim.Faults(); len(left) > 0 {
			return fmt.Errorf("faults never hit: %+v", left)
		}
		return nil
	}
}

// countNamed counts the objects of kind called name, PendingDeletion ones included.
func countNamed(sim *tenantsim.Simulator, kind, name string) int {
	n := 0
	for _, o := range sim.ComplianceObjects(kind) {
		if strings.EqualFold(fmt.Sprint(o["Name"]), name) {
			n++
		}
	}
	return n
}

func reallyGone(sim *tenantsim.Simulator, kind, name string) error {
	if n := countNamed(sim, kind, name); n != 0 {
		return fmt.Errorf("%d %s named %s left after destroy", n, kind, name)
	}
	return nil
}

// A single 503 on each kind of Purview write (New-, Set- and Remove- of a
// DLP policy and rule; Set-AdminAuditLogConfig) is sent again: applies and
// destroy succeed, and the destroy leaves nothing, not even PendingDeletion.
// A single 503 on a Remove- used to hang destroy for 10 minutes.
func TestAccPurview_single503OnEveryWrite(t *testing.T) {
	policy, rule := sdkacctest.RandomWithPrefix("tfacc-dlp"), sdkacctest.RandomWithPrefix("tfacc-rule")
	sim := acctest.Sim(t)
	fault := func(cmdlets ...string) func() {
		return func() {
			for _, c := range cmdlets {
				surface := "compliance"
				if strings.Contains(c, "AdminAuditLog") {
					surface = "exchange"
				}
				sim.AddFault(cmdletFault(surface, c, tenantsim.FaultStatus))
			}
		}
	}
	audit := `
resource "teamshipaa_audit_log_config" "this" {
  unified_audit_log_ingestion_enabled = true
}
`
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy: resource.ComposeTestCheckFunc(consumed(sim),
			func(*terraform.State) error { return reallyGone(sim, "DlpComplianceRule", rule) },
			func(*terraform.State) error { return reallyGone(sim, "DlpCompliancePolicy", policy) }),
		Steps: []resource.TestStep{
			{
				PreConfig: func() {
					if err := sim.SetAuditLogConfig(map[string]any{"UnifiedAuditLogIngestionEnabled": false}); err != nil {
						t.Fatal(err)
					}
					fault("New-DlpCompliancePolicy", "New-DlpComplianceRule", "Set-AdminAuditLogConfig")()
				},
				Config: hipaaDLPConfig(policy, rule, "High", true) + audit,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeTestCheckFunc(consumed(sim), func(*terraform.State) error {
					if n := countNamed(sim, "DlpCompliancePolicy", policy); n != 1 {
						return fmt.Errorf("%d policies named %s", n, policy)
					}
					if sim.AuditLogConfig()["UnifiedAuditLogIngestionEnabled"] != true {
						return fmt.Errorf("audit log ingestion not on")
					}
					return nil
				}),
			},
			{
				PreConfig: fault("Set-DlpCompliancePolicy", "Set-DlpComplianceRule"),
				Config:    hipaaDLPConfig(policy, rule, "Medium", false) + audit,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: consumed(sim),
			},
			{
				PreConfig: fault("Remove-DlpComplianceRule", "Remove-DlpCompliancePolicy"),
				Config:    hipaaDLPConfig(policy, rule, "Medium", false) + audit,
				Destroy:   true,
			},
		},
	})
}

// The connection drops after the service ran New- or Remove-: the provider
// reads instead of sending it blindly again, so the create leaves exactly one
// policy (in state) and the destroy finishes.
func TestAccPurview_droppedAfterTheWrite(t *testing.T) {
	policy, rule := sdkacctest.RandomWithPrefix("tfacc-dlp"), sdkacctest.RandomWithPrefix("tfacc-rule")
	sim := acctest.Sim(t)
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy: resource.ComposeTestCheckFunc(consumed(sim),
			func(*terraform.State) error { return reallyGone(sim, "DlpCompliancePolicy", policy) }),
		Steps: []resource.TestStep{
			{
				PreConfig: func() {
					sim.AddFault(cmdletFault("compliance", "New-DlpCompliancePolicy", tenantsim.FaultDropAfter))
					sim.AddFault(cmdletFault("compliance", "New-DlpComplianceRule", tenantsim.FaultDropAfter))
				},
				Config: hipaaDLPConfig(policy, rule, "High", true),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("teamshipaa_dlp_policy.hipaa", tfjsonpath.New("id"), knownvalue.StringExact(policy)),
					statecheck.ExpectKnownValue("teamshipaa_dlp_rule.phi", tfjsonpath.New("id"), knownvalue.StringExact(rule)),
				},
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				Check:            consumed(sim),
			},
			{
				PreConfig: func() {
					sim.AddFault(cmdletFault("compliance", "Remove-DlpComplianceRule", tenantsim.FaultDropAfter))
					sim.AddFault(cmdletFault("compliance", "Remove-DlpCompliancePolicy", tenantsim.FaultDropAfter))
				},
				Config:  hipaaDLPConfig(policy, rule, "High", true),
				Destroy: true,
			},
		},
	})
}

// Crash: a DLP policy and rule created by an apply killed before it saved its
// state. The next apply refuses to create them again with the import block,
// writes nothing, and adopts them with adopt_existing = true.
func TestAccPurview_existingPolicyIsRefusedWithTheImportBlock(t *testing.T) {
	policy, rule := sdkacctest.RandomWithPrefix("tfacc-dlp"), sdkacctest.RandomWithPrefix("tfacc-rule")
	sim := acctest.Sim(t)
	adopting := strings.Replace(strings.Replace(hipaaDLPConfig(policy, rule, "High", true),
		`comment             = "PHI`, "adopt_existing      = true\n  comment             = \"PHI", 1),
		`policy = teamshipaa_dlp_policy.hipaa.name`, "policy = teamshipaa_dlp_policy.hipaa.name\n  adopt_existing = true", 1)
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy: func(*terraform.State) error {
			return reallyGone(sim, "DlpCompliancePolicy", policy)
		},
		Steps: []resource.TestStep{
			{
				PreConfig: func() {
					c := acctest.Configure(context.Background(), t)
					if _, _, err := c.Compliance.Invoke(context.Background(), "New-DlpCompliancePolicy",
						map[string]any{"Name": policy, "Mode": "TestWithoutNotifications", "TeamsLocation": []string{"All"}}); err != nil {
						t.Fatal(err)
					}
				},
				Config: hipaaDLPConfig(policy, rule, "High", true),
				ExpectError: regexp.MustCompile(`(?s)already exists.*import \{.*to = teamshipaa_dlp_policy\..*id = "` +
					regexp.QuoteMeta(policy) + `".*adopt_existing = true`),
			},
			{
				PreConfig: func() {
					o, _ := sim.ComplianceObject("DlpCompliancePolicy", policy)
					if n := countNamed(sim, "DlpCompliancePolicy", policy); n != 1 || o["Mode"] != "TestWithoutNotifications" {
						t.Fatalf("the refused apply wrote: %d policies, mode %v", n, o["Mode"])
					}
				},
				Config: adopting,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("teamshipaa_dlp_policy.hipaa", tfjsonpath.New("mode"), knownvalue.StringExact("Enable")),
					statecheck.ExpectKnownValue("teamshipaa_dlp_policy.hipaa", tfjsonpath.New("adopt_existing"), knownvalue.Bool(true)),
				},
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				Check: func(*terraform.State) error {
					o, _ := sim.ComplianceObject("DlpCompliancePolicy", policy)
					if n := countNamed(sim, "DlpCompliancePolicy", policy); n != 1 || o["Mode"] != "Enable" {
						return fmt.Errorf("after adoption: %d policies, mode %v", n, o["Mode"])
					}
					return nil
				},
			},
		},
	})
}

// PendingDeletion: a removed DLP policy stays PendingDeletion for a while
// (here 3 s, the simulator's setting). Destroy waits until it is really gone,
// so applying the policy again right after succeeds; a create that meets a
// PendingDeletion policy of its name (removed out of band) waits it out; and
// when the deletion outlasts the timeout, destroy and create say so plainly.
func TestAccDLP_pendingDeletion(t *testing.T) {
	policy := sdkacctest.RandomWithPrefix("tfacc-dlp")
	sim := acctest.NewTenant(t)
	sim.SetPendingDeletion(0, 3*time.Second)
	config := func(timeouts string) string {
		return fmt.Sprintf(`
resource "teamshipaa_dlp_policy" "p" {
  name           = %q
  mode           = "Enable"
  teams_location = ["All"]
  %s
}
`, policy, timeouts)
	}
	removeOutOfBand := func() {
		c := acctest.Configure(context.Background(), t)
		if _, _, err := c.Compliance.Invoke(context.Background(), "Remove-DlpCompliancePolicy", map[string]any{"Identity": policy}); err != nil {
			t.Fatal(err)
		}
	}
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy: func(*terraform.State) error {
			return reallyGone(sim, "DlpCompliancePolicy", policy)
		},
		Steps: []resource.TestStep{
			{Config: config("")},
			// Destroy waits out PendingDeletion ...
			{Config: config(""), Destroy: true, Check: func(*terraform.State) error {
				return reallyGone(sim, "DlpCompliancePolicy", policy)
			}},
			// ... so the same policy applies again at once.
			{Config: config(""), ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}},
			// Removed out of band: the refresh finds it PendingDeletion (gone), and the
			// create of the same name waits until the service has finished.
			{
				PreConfig: removeOutOfBand,
				Config:    config(""),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction("teamshipaa_dlp_policy.p", plancheck.ResourceActionCreate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
			},
			// A deletion that outlasts the timeouts is reported as such.
			{
				PreConfig: func() { sim.SetPendingDeletion(0, 20*time.Second) },
				Config:    config(`timeouts = { delete = "2s", create = "2s" }`),
			},
			{
				Config:      config(`timeouts = { delete = "2s", create = "2s" }`),
				Destroy:     true,
				ExpectError: regexp.MustCompile(`(?s)still deleting.*PendingDeletion`),
			},
			{
				PreConfig: func() {
					if o, ok := sim.ComplianceObject("DlpCompliancePolicy", policy); !ok || o["Mode"] != "PendingDeletion" {
						t.Fatalf("want the policy PendingDeletion, got %v", o)
					}
				},
				Config:      config(`timeouts = { delete = "2s", create = "2s" }`),
				ExpectError: regexp.MustCompile(`(?s)still deleting an earlier DLP policy.*PendingDeletion`),
			},
			{
				// Once the service has finished, the policy is created again.
				PreConfig: func() { sim.SetPendingDeletion(0, 0) },
				Config:    config(`timeouts = { create = "2m" }`),
			},
		},
	})
}
