package baseline_test

import (
	"fmt"
	"testing"

	sdkacctest "github.com/hashicorp/terraform-plugin-testing/helper/acctest"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/acctest"
)

// The assessment judges a retention policy's Teams locations (HB.RETENTION.1
// chats, .2 channels) from the policy read with -Identity -DistributionDetail:
// the list of Get-RetentionCompliancePolicy is summary information whose
// *Location values are not accurate (Get-RetentionCompliancePolicy.md), and
// the simulator's summary leaves them empty, so an assessment judging from
// the list would fail HB.RETENTION.1 in both steps.
func TestAccAssessment_retentionLocationsFromDetailedRead(t *testing.T) {
	acctest.NewTenant(t)
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
		},
	})
}
