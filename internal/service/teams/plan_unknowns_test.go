package teams_test

import (
	"fmt"
	"testing"

	sdkacctest "github.com/hashicorp/terraform-plugin-testing/helper/acctest"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/acctest"
)

// The resource's one-pass ModifyPlan plans what the per-attribute
// UseStateForUnknown plan modifiers planned: on an update, the attributes the
// configuration leaves unset keep their state value (the service's), the
// configured change shows, an unset attribute's drift is absorbed without a
// diff, and a value known only after apply stays unknown.
func TestAccMeetingPolicy_planKeepsUnsetValuesFromState(t *testing.T) {
	acctest.SimOnly(t, "an out-of-band change through its control API")
	name := sdkacctest.RandomWithPrefix("tfacc")
	addr := "teamshipaa_meeting_policy.test"
	known := func(attr string) plancheck.PlanCheck {
		return plancheck.ExpectKnownValue(addr, tfjsonpath.New(attr), knownvalue.NotNull())
	}
	fromLater := fmt.Sprintf(`
resource "terraform_data" "later" {
  input = false
}

resource "teamshipaa_meeting_policy" "test" {
  name                                   = %q
  auto_admitted_users                    = "OrganizerOnly"
  allow_cloud_recording                  = false
  allow_anonymous_users_to_start_meeting = false
  allow_pstn_users_to_bypass_lobby       = false
  new_meeting_recording_expiration_days  = 60
  allow_transcription                    = terraform_data.later.output
}
`, name)
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkGone(t, "Tag:"+name),
		Steps: []resource.TestStep{
			{Config: meetingPolicyConfig(name, "EveryoneInCompanyExcludingGuests", false)},
			{
				Config: meetingPolicyConfig(name, "OrganizerOnly", false),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(addr, tfjsonpath.New("auto_admitted_users"), knownvalue.StringExact("OrganizerOnly")),
						known("id"), known("allow_meet_now"), known("allow_transcription"), known("meeting_chat_enabled_type"),
						// The service's empty list, left out of the configuration, is
						// null in state by internal/flex's rule; planned as that null,
						// not unknown.
						plancheck.ExpectKnownValue(addr, tfjsonpath.New("blocked_anonymous_join_client_types"), knownvalue.Null()),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
			},
			{
				// Drift of a parameter the configuration leaves unset: refreshed
				// into state, no diff.
				PreConfig: func() {
					if err := acctest.Sim(t).SetTeamsParams(meetingPolicyType, "Tag:"+name, map[string]any{"AllowMeetNow": false}); err != nil {
						t.Fatal(err)
					}
				},
				Config: meetingPolicyConfig(name, "OrganizerOnly", false),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
			},
			{
				Config: fromLater,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate),
						plancheck.ExpectUnknownValue(addr, tfjsonpath.New("allow_transcription")),
						plancheck.ExpectKnownValue(addr, tfjsonpath.New("allow_meet_now"), knownvalue.Bool(false)),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: checkSimValue(t, "Tag:"+name, "AllowTranscription", false),
			},
		},
	})
}
