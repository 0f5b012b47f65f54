package baseline_test

import (
	"fmt"
	"testing"

	sdkacctest "github.com/hashicorp/terraform-plugin-testing/helper/acctest"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/acctest"
)

// The assessment judges a retention policy's Teams locations (HB.RETENTION.1
// chats, .2 channels) from the policy read with -Identity -DistributionDetail:
// the list of Get-RetentionCompliancePolicy is summary information whose
// *Location values are not accurate (Get-RetentionCompliancePolicy.md), and
// the simulator's summary leaves them empty, so an assessment judging from
// the list would fail HB.RETENTION.1 in both steps.
func TestAccAssessment_retentionLocationsFromDetailedRead(t *testing.T) {
	sim := acctest.NewTenant(t)
	name := sdkacctest.RandomWithPrefix("tfacc-ret")
	config := func(channels bool) string {
		channel := ""
		if channels {
			channel = `teams_channel_location = ["All"]`
		}
		return fmt.Sprintf(`
resource "teamshipaa_retention_policy" "teams" {
  name                = %q
  teams_chat_location = ["All"]
  %s
}

data "teamshipaa_assessment" "this" {
  profile    = "staff"
  depends_on = [teamshipaa_retention_policy.teams]
}
`, name, channel)
	}
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:            config(false),
				ConfigStateChecks: []statecheck.StateCheck{expectResults(map[string][]string{"HB.RETENTION.1/tenant": {"pass"}, "HB.RETENTION.2/tenant": {"warning"}})},
			},
			{
				Config:            config(true),
				ConfigStateChecks: []statecheck.StateCheck{expectResults(map[string][]string{"HB.RETENTION.1/tenant": {"pass"}, "HB.RETENTION.2/tenant": {"pass"}})},
			},
			// A plan without changes reads the policy once: the refresh reads it with
			// -Identity -DistributionDetail, and the assessment is served that reading
			// (adminapi Read), so the compliance POSTs are the refresh's read, the
			// assessment's seven lists (purview snapshotCmdlets, retention policies
			// listed plain and with -TeamsPolicyOnly) and the front end's redirect
			// of the process's first call. Reading the policy again made 10.
			{
				PreConfig: sim.ResetStats,
				Config:    config(true),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan(),
					planCheckFunc(func() error {
						if _, invokes := repeated(sim.Stats()); invokes["compliance"] != 1+7+1 {
							return fmt.Errorf("the plan made %d compliance POSTs, want 9 (the refresh's read, seven lists, one redirect): the policy was read twice", invokes["compliance"])
						}
						return nil
					})}},
			},
		},
	})
}

// Whether a plain Get-RetentionCompliancePolicy lists Teams policies is not
// settled (Microsoft's -TeamsPolicyOnly and -ExcludeTeamsPolicy imply it does;
// CIPP-API says they come only with -TeamsPolicyOnly): under either reading the
// assessment judges the Teams policy and the list data source returns it once.
func TestAccAssessment_teamsRetentionPolicyListedUnderEitherReading(t *testing.T) {
	for _, tc := range []struct {
		name               string
		teamsOnlyWhenAsked bool
	}{{"microsoft doc reading", false}, {"cipp reading", true}} {
		t.Run(tc.name, func(t *testing.T) {
			sim := acctest.NewTenant(t)
			st := sim.ComplianceSettings()
			st.TeamsPoliciesOnlyWhenAsked = tc.teamsOnlyWhenAsked
			if err := sim.SetComplianceSettings(st); err != nil {
				t.Fatal(err)
			}
			name := sdkacctest.RandomWithPrefix("tfacc-ret")
			resource.Test(t, resource.TestCase{
				PreCheck:                 func() { acctest.PreCheck(t) },
				ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config: fmt.Sprintf(`
resource "teamshipaa_retention_policy" "teams" {
  name                = %q
  teams_chat_location = ["All"]
}

data "teamshipaa_assessment" "this" {
  profile    = "staff"
  depends_on = [teamshipaa_retention_policy.teams]
}

data "teamshipaa_retention_policies" "all" {
  depends_on = [teamshipaa_retention_policy.teams]
}
`, name),
					ConfigStateChecks: []statecheck.StateCheck{
						expectResults(map[string][]string{"HB.RETENTION.1/tenant": {"pass"}}),
						statecheck.ExpectKnownValue("data.teamshipaa_retention_policies.all", tfjsonpath.New("items"),
							knownvalue.ListExact([]knownvalue.Check{knownvalue.ObjectPartial(map[string]knownvalue.Check{"name": knownvalue.StringExact(name)})})),
					},
				}},
			})
		})
	}
}
