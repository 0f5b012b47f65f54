package purview_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tftypes"
	sdkacctest "github.com/hashicorp/terraform-plugin-testing/helper/acctest"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/acctest"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/conns"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/protoserver/equivtest"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/service/purview"
)

// directTypes are the Purview and audit types that opt in to
// internal/protoserver's shortcuts.
var directTypes = []string{"teamshipaa_dlp_policy", "teamshipaa_retention_policy", "teamshipaa_retention_rule",
	"teamshipaa_audit_log_retention_policy", "teamshipaa_protection_alert", "teamshipaa_audit_log_config"}

// directConfig is one object of each type, as the examples and the bundled
// module write them, plus a rule of a policy given by literal name.
func directConfig(prefix string) string {
	return fmt.Sprintf(`
resource "teamshipaa_dlp_policy" "phi" {
  name                = "%[1]s PHI"
  mode                = "TestWithNotifications"
  teams_location      = ["All"]
  exchange_location   = ["All"]
  sharepoint_location = ["All"]
  onedrive_location   = ["All"]
}

resource "teamshipaa_retention_policy" "teams" {
  name                   = "%[1]s Teams"
  comment                = "medical records schedule"
  teams_chat_location    = ["All"]
  teams_channel_location = ["All"]
}

resource "teamshipaa_retention_rule" "teams" {
  name                        = "%[1]s keep then delete"
  policy                      = teamshipaa_retention_policy.teams.name
  retention_duration          = "2190"
  retention_compliance_action = "KeepAndDelete"
}

resource "teamshipaa_retention_policy" "short" {
  name                   = "%[1]s short"
  teams_channel_location = ["All"]
}

resource "teamshipaa_retention_rule" "short" {
  name                        = "%[1]s delete"
  policy                      = "%[1]s short"
  retention_duration          = "30"
  retention_compliance_action = "Delete"
  depends_on                  = [teamshipaa_retention_policy.short]
}

resource "teamshipaa_audit_log_retention_policy" "teams" {
  name               = "%[1]s Teams ten years"
  record_types       = ["MicrosoftTeams", "MicrosoftTeamsAdmin"]
  retention_duration = "TenYears"
  priority           = 100
}

resource "teamshipaa_protection_alert" "phi" {
  name             = "%[1]s DLP match"
  category         = "DataGovernance"
  threat_type      = "Activity"
  operation        = "DlpRuleMatch"
  filter           = "Activity.Workload -eq 'MicrosoftTeams'"
  aggregation_type = "None"
  severity         = "Low"
  notify_user      = ["privacy-office@contoso.example"]
}

resource "teamshipaa_dlp_rule" "ssn" {
  name   = "%[1]s SSN outside"
  policy = teamshipaa_dlp_policy.phi.name
  content_contains_sensitive_information = {
    sensitive_types = [{ name = "U.S. Social Security Number (SSN)", min_count = 1, max_count = -1 }]
  }
  access_scope          = "NotInOrganization"
  notify_user           = ["Owner"]
  report_severity_level = "Medium"
}

resource "teamshipaa_audit_log_config" "this" {
  unified_audit_log_ingestion_enabled = true
}
`, prefix)
}

// The Purview and audit types that opt in to internal/protoserver's
// shortcuts get the framework's answers, against the simulated tenant, for
// states applied by Terraform (one of each, and a retention rule of a policy
// named literally, which the plan looks up in the tenant): no-change plans
// in every baseline_checks mode, bare, with a profile and with an exception,
// the configuration setting every argument or leaving the optional computed
// ones to the service (always answered directly); a create and a destroy
// (to the framework); a rule of a policy the tenant lacks (the plan's error);
// reads of each state (read back) and of one the tenant lacks (removed); and
// the stored states (decoded directly). The same for the reads of a DLP rule.
func TestAccPurview_directEqualsTheFrameworks(t *testing.T) {
	acctest.PreCheck(t)
	ctx := context.Background()
	prefix := sdkacctest.RandomWithPrefix("tfacc-direct")
	reads := equivtest.New(t, acctest.Configure(ctx, t), purview.Resources())
	a := equivtest.Apply(t, reads, directConfig(prefix), purview.Resources())
	for _, name := range directTypes {
		if len(a.States[name]) == 0 {
			t.Fatalf("no %s applied", name)
		}
	}

	var count equivtest.Count
	for _, mode := range []conns.BaselineChecks{conns.ChecksWarn, conns.ChecksErrorNew, conns.ChecksError, conns.ChecksOff} {
		fwClient, psClient := acctest.Configure(ctx, t), acctest.Configure(ctx, t)
		fwClient.BaselineChecks, psClient.BaselineChecks = mode, mode
		s := equivtest.NewPair(t, fwClient, psClient, purview.Resources())
		for _, typeName := range directTypes {
			typ, r := a.Types[typeName], a.Res[typeName]
			for i, state := range a.States[typeName] {
				for vname, v := range equivtest.Variants(t, typeName, typ, state) {
					t.Run(fmt.Sprintf("%s/%s/%d/%s", mode, typeName, i, vname), func(t *testing.T) {
						for _, optionalToo := range []bool{false, true} {
							resp, answered := s.Plan(t, typeName, typ, v, v, equivtest.ConfigOf(t, r, v, optionalToo))
							if !answered {
								t.Fatal("the protocol server left a no-change plan to the framework")
							}
							count.Add(resp)
						}
						null := tftypes.NewValue(typ, nil)
						if _, answered := s.Plan(t, typeName, typ, null, equivtest.ConfigOf(t, r, v, false), equivtest.ConfigOf(t, r, v, false)); answered {
							t.Fatal("a create was answered directly")
						}
						if _, answered := s.Plan(t, typeName, typ, v, null, null); answered {
							t.Fatal("a destroy was answered directly")
						}
					})
				}
			}
		}
		t.Run(fmt.Sprintf("%s/rule of a missing policy", mode), func(t *testing.T) {
			typ := a.Types["teamshipaa_retention_rule"]
			v := equivtest.With(t, a.States["teamshipaa_retention_rule"][0], map[string]tftypes.Value{"policy": tftypes.NewValue(tftypes.String, prefix+" missing")})
			resp, answered := s.Plan(t, "teamshipaa_retention_rule", typ, v, v, equivtest.ConfigOf(t, a.Res["teamshipaa_retention_rule"], v, false))
			if !answered || len(resp.Diagnostics) == 0 || resp.Diagnostics[0].Summary != "No such policy" {
				t.Fatalf("answered %v: %v", answered, resp.Diagnostics)
			}
		})
	}
	t.Logf("%d warnings, %d errors compared", count.Warnings, count.Errors)
	if count.Warnings < 5 {
		t.Fatalf("only %d warnings compared", count.Warnings)
	}

	var kept, removed int
	for _, typeName := range directTypes {
		gone := prefix + " gone"
		if typeName == "teamshipaa_audit_log_config" { // a singleton is never gone
			gone = ""
		}
		k, r := equivtest.ReadsAndUpgrades(t, reads, a, typeName, gone)
		kept, removed = kept+k, removed+r
	}
	// The DLP rule opts in to reads only (its plans stay with the framework).
	if why := reads.PS.OptedIn(ctx)["teamshipaa_dlp_rule"]; why != [2]string{"not opted in", ""} {
		t.Fatalf("the DLP rule opted in: %q", why)
	}
	k, r := equivtest.ReadsAndUpgrades(t, reads, a, "teamshipaa_dlp_rule", prefix+" gone")
	kept, removed = kept+k, removed+r
	t.Logf("%d read back, %d removed", kept, removed)
	if kept < 22 || removed < 8 {
		t.Fatalf("%d read back, %d removed", kept, removed)
	}
}
