package teams_test

import (
	"fmt"
	"regexp"
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

const meetingPolicyType = "TeamsMeetingPolicy"

func meetingPolicyConfig(name, admitted string, recording bool) string {
	return fmt.Sprintf(`
resource "teamshipaa_meeting_policy" "test" {
  name                                   = %q
  auto_admitted_users                    = %q
  allow_cloud_recording                  = %t
  allow_anonymous_users_to_start_meeting = false
  allow_pstn_users_to_bypass_lobby       = false
  new_meeting_recording_expiration_days  = 60
}
`, name, admitted, recording)
}

// simValue reads one parameter of an instance straight from the simulator
// (in live mode, from the service).
func simValue(t *testing.T, identity, param string) (any, bool) {
	obj, ok := acctest.Tenant(t).TeamsInstance(meetingPolicyType, identity)
	if !ok {
		return nil, false
	}
	v, ok := obj[param]
	return v, ok
}

func checkSimValue(t *testing.T, identity, param string, want any) resource.TestCheckFunc {
	return func(*terraform.State) error {
		got, ok := simValue(t, identity, param)
		if !ok || got != want {
			return fmt.Errorf("simulator: %s %s = %v (present %v), want %v", identity, param, got, ok, want)
		}
		return nil
	}
}

func checkGone(t *testing.T, identity string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if _, ok := acctest.Tenant(t).TeamsInstance(meetingPolicyType, identity); ok {
			return fmt.Errorf("%s still exists after destroy", identity)
		}
		return nil
	}
}

func TestAccMeetingPolicy_lifecycle(t *testing.T) {
	name := sdkacctest.RandomWithPrefix("tfacc")
	addr := "teamshipaa_meeting_policy.test"
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkGone(t, "Tag:"+name),
		Steps: []resource.TestStep{
			{
				Config: meetingPolicyConfig(name, "EveryoneInCompanyExcludingGuests", false),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("id"), knownvalue.StringExact("Tag:"+name)),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("auto_admitted_users"), knownvalue.StringExact("EveryoneInCompanyExcludingGuests")),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("allow_cloud_recording"), knownvalue.Bool(false)),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("new_meeting_recording_expiration_days"), knownvalue.Int64Exact(60)),
					// Not configured: the service's own value lands in state.
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("allow_meet_now"), knownvalue.NotNull()),
				},
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: checkSimValue(t, "Tag:"+name, "AutoAdmittedUsers", "EveryoneInCompanyExcludingGuests"),
			},
			{
				Config: meetingPolicyConfig(name, "OrganizerOnly", true),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("auto_admitted_users"), knownvalue.StringExact("OrganizerOnly")),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("allow_cloud_recording"), knownvalue.Bool(true)),
				},
				Check: checkSimValue(t, "Tag:"+name, "AllowCloudRecording", true),
			},
			{
				ResourceName:      addr,
				ImportState:       true,
				ImportStateId:     name,
				ImportStateVerify: true,
			},
		},
	})
}

func TestAccMeetingPolicy_adoptsGlobalAndLeavesItOnDestroy(t *testing.T) {
	acctest.SimOnly(t, "it changes the tenant's Global meeting policy and leaves it changed")
	addr := "teamshipaa_meeting_policy.test"
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		// Destroy keeps Global, with the settings Terraform left in it.
		CheckDestroy: checkSimValue(t, "Global", "AutoAdmittedUsers", "EveryoneInCompanyExcludingGuests"),
		Steps: []resource.TestStep{
			{
				Config: meetingPolicyConfig("Global", "EveryoneInCompanyExcludingGuests", false),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(addr, plancheck.ResourceActionCreate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("id"), knownvalue.StringExact("Global")),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("allow_pstn_users_to_bypass_lobby"), knownvalue.Bool(false)),
				},
				Check: checkSimValue(t, "Global", "AllowCloudRecording", false),
			},
			{
				ResourceName:      addr,
				ImportState:       true,
				ImportStateId:     "Global",
				ImportStateVerify: true,
			},
		},
	})
}

// A change made outside Terraform shows in the next plan, and apply restores it.
func TestAccMeetingPolicy_drift(t *testing.T) {
	acctest.SimOnly(t, "an out-of-band change through its control API")
	name := sdkacctest.RandomWithPrefix("tfacc")
	addr := "teamshipaa_meeting_policy.test"
	config := meetingPolicyConfig(name, "EveryoneInCompanyExcludingGuests", false)
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkGone(t, "Tag:"+name),
		Steps: []resource.TestStep{
			{Config: config},
			{
				PreConfig: func() {
					err := acctest.Sim(t).SetTeamsParams(meetingPolicyType, "Tag:"+name, map[string]any{
						"AllowCloudRecording": true, "AutoAdmittedUsers": "Everyone",
					})
					if err != nil {
						t.Fatal(err)
					}
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(addr, tfjsonpath.New("auto_admitted_users"), knownvalue.StringExact("EveryoneInCompanyExcludingGuests")),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeTestCheckFunc(
					checkSimValue(t, "Tag:"+name, "AllowCloudRecording", false),
					checkSimValue(t, "Tag:"+name, "AutoAdmittedUsers", "EveryoneInCompanyExcludingGuests"),
				),
			},
		},
	})
}

func TestAccMeetingPolicy_badEnumFailsAtPlan(t *testing.T) {
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      meetingPolicyConfig("tfacc-bad", "Anyone", false),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)auto_admitted_users.*must be one of.*EveryoneInCompanyExcludingGuests.*got: "Anyone"`),
			},
			{
				Config:      meetingPolicyConfig("Tag:tfacc-bad", "OrganizerOnly", false),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)without the.*Tag:.*prefix`),
			},
		},
	})
}

func TestAccMeetingPolicy_missingTeamsRole(t *testing.T) {
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      acctest.LimitedAppProvider(t) + meetingPolicyConfig(sdkacctest.RandomWithPrefix("tfacc"), "OrganizerOnly", false),
				ExpectError: regexp.MustCompile(`(?s)403.*Teams.*Administrator.*request id`),
			},
		},
	})
}

// Throttling and transient failures on every call type do not fail an apply.
func TestAccMeetingPolicy_throttledAndUnavailable(t *testing.T) {
	name := sdkacctest.RandomWithPrefix("tfacc")
	addr := "teamshipaa_meeting_policy.test"
	sim := acctest.Sim(t)
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkGone(t, "Tag:"+name),
		Steps: []resource.TestStep{
			{
				PreConfig: func() {
					sim.AddFault(tenantsim.Fault{Surface: "teams", Method: "POST", Kind: "status", Status: 429, RetryAfter: "1", Count: 2})
					sim.AddFault(tenantsim.Fault{Surface: "teams", Method: "POST", Kind: "status", Status: 503, Count: 1})
					sim.AddFault(tenantsim.Fault{Surface: "teams", Method: "GET", Kind: "status", Status: 503, Count: 2})
				},
				Config: meetingPolicyConfig(name, "EveryoneInCompanyExcludingGuests", false),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("id"), knownvalue.StringExact("Tag:"+name)),
				},
			},
			{
				PreConfig: func() {
					sim.AddFault(tenantsim.Fault{Surface: "teams", Method: "PUT", Kind: "status", Status: 429, RetryAfter: "1", Count: 1})
					sim.AddFault(tenantsim.Fault{Surface: "teams", Method: "PUT", Kind: "status", Status: 503, Count: 2})
					sim.AddFault(tenantsim.Fault{Surface: "teams", Method: "GET", Kind: "drop", Count: 2})
				},
				Config: meetingPolicyConfig(name, "OrganizerOnly", false),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: checkSimValue(t, "Tag:"+name, "AutoAdmittedUsers", "OrganizerOnly"),
			},
		},
	})
}

func TestAccMeetingPolicyDataSource_builtIn(t *testing.T) {
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: `data "teamshipaa_meeting_policy" "all_on" { name = "AllOn" }`,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.teamshipaa_meeting_policy.all_on", tfjsonpath.New("id"), knownvalue.StringExact("Tag:AllOn")),
					statecheck.ExpectKnownValue("data.teamshipaa_meeting_policy.all_on", tfjsonpath.New("auto_admitted_users"), knownvalue.NotNull()),
				},
			},
		},
	})
}

func TestAccTeamsPoliciesDataSource_listsBuiltIns(t *testing.T) {
	addr := "data.teamshipaa_teams_policies.meeting"
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      `data "teamshipaa_teams_policies" "meeting" { type = "MeetingPolicy" }`,
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)must be one of.*TeamsMeetingPolicy`),
			},
			{
				Config: `data "teamshipaa_teams_policies" "meeting" { type = "TeamsMeetingPolicy" }`,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("policies"), knownvalue.ListPartial(map[int]knownvalue.Check{
						0: knownvalue.ObjectPartial(map[string]knownvalue.Check{
							"id": knownvalue.StringExact("Global"), "import_id": knownvalue.StringExact("Global"),
							"resource_type": knownvalue.StringExact("teamshipaa_meeting_policy"), "built_in": knownvalue.Bool(false),
							"import_block": knownvalue.StringExact("import {\n  to = teamshipaa_meeting_policy.global\n  id = \"Global\"\n}\n"),
						}),
						// Sorted by identity: Tag:AllOff is Microsoft's first preset.
						1: knownvalue.ObjectPartial(map[string]knownvalue.Check{
							"id": knownvalue.StringExact("Tag:AllOff"), "built_in": knownvalue.Bool(true),
						}),
					})),
				},
			},
		},
	})
}

// A new tenant's meeting policies, a custom one and its group assignment:
// import_blocks adopts Global, the custom policy and the assignment, never
// Microsoft's presets.
func TestAccTeamsPoliciesDataSource_importBlocks(t *testing.T) {
	acctest.NewTenant(t)
	addr := "data.teamshipaa_teams_policies.meeting"
	objects := `
resource "teamshipaa_meeting_policy" "c" {
  name = "Clinicians"
}

resource "teamshipaa_policy_assignment" "c" {
  policy_type = "TeamsMeetingPolicy"
  policy_name = teamshipaa_meeting_policy.c.name
  group_id    = "5b0e3c4d-2a1f-4e8b-9c7d-6f5a4b3c2d1e"
  rank        = 1
}
`
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: objects},
			{
				Config: objects + `
data "teamshipaa_teams_policies" "meeting" {
  type       = "TeamsMeetingPolicy"
  depends_on = [teamshipaa_policy_assignment.c]
}`,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("assignments"), knownvalue.ListExact([]knownvalue.Check{
						knownvalue.ObjectExact(map[string]knownvalue.Check{
							"policy_name": knownvalue.StringExact("Clinicians"), "group_id": knownvalue.StringExact("5b0e3c4d-2a1f-4e8b-9c7d-6f5a4b3c2d1e"),
							"rank": knownvalue.Int64Exact(1), "import_id": knownvalue.StringExact("TeamsMeetingPolicy/5b0e3c4d-2a1f-4e8b-9c7d-6f5a4b3c2d1e"),
							"import_block": knownvalue.StringExact("import {\n  to = teamshipaa_policy_assignment.meeting_policy_clinicians_5b0e3c4d_2a1f_4e8b_9c7d_6f5a4b3c2d1e\n" +
								"  id = \"TeamsMeetingPolicy/5b0e3c4d-2a1f-4e8b-9c7d-6f5a4b3c2d1e\"\n}\n"),
						}),
					})),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("import_blocks"), knownvalue.StringExact(
						"import {\n  to = teamshipaa_meeting_policy.global\n  id = \"Global\"\n}\n\n"+
							"import {\n  to = teamshipaa_meeting_policy.clinicians\n  id = \"Clinicians\"\n}\n\n"+
							"import {\n  to = teamshipaa_policy_assignment.meeting_policy_clinicians_5b0e3c4d_2a1f_4e8b_9c7d_6f5a4b3c2d1e\n"+
							"  id = \"TeamsMeetingPolicy/5b0e3c4d-2a1f-4e8b-9c7d-6f5a4b3c2d1e\"\n}\n")),
				},
			},
		},
	})
}
