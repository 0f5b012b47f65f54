package teams_test

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

// fault503 is one 503 on the next teams request of method under path.
func fault503(method, path string) tenantsim.Fault {
	return tenantsim.Fault{Surface: "teams", Method: method, PathPrefix: path, Kind: tenantsim.FaultStatus, Status: 503, Count: 1}
}

// consumed fails when an injected fault was never hit: a test whose fault
// misses its request proves nothing.
func consumed(sim *tenantsim.Simulator) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if left := sim.Faults(); len(left) > 0 {
			return fmt.Errorf("faults never hit: %+v", left)
		}
		return nil
	}
}

// A single 503 on each kind of Teams write (policy create, update and
// delete; group assignment create, change and removal) is retried: every
// apply and the destroy succeed, with nothing left behind.
func TestAccTeams_single503OnEveryWrite(t *testing.T) {
	const group = "3f6b2c1e-8d4a-4f0b-9e2d-7a1c5b6e8f90"
	a, b := sdkacctest.RandomWithPrefix("tfacc-a"), sdkacctest.RandomWithPrefix("tfacc-b")
	sim := acctest.Sim(t)
	policies := "/Skype.Policy/configurations/TeamsEnhancedEncryptionPolicy"
	assignments := "/Skype.Policy/groupPolicyAssignments"
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy: func(*terraform.State) error {
			if _, _, ok := simAssignment(t, group); ok {
				return fmt.Errorf("the group assignment survived destroy")
			}
			for _, n := range []string{a, b} {
				if _, ok := sim.TeamsInstance("TeamsEnhancedEncryptionPolicy", "Tag:"+n); ok {
					return fmt.Errorf("policy %s survived destroy", n)
				}
			}
			return consumed(sim)(nil)
		},
		Steps: []resource.TestStep{
			{
				PreConfig: func() {
					sim.AddFault(fault503("POST", policies))
					sim.AddFault(fault503("PUT", assignments)) // an assignment is created with PUT
				},
				Config: assignmentConfig(a, b, "a", 1),
				Check:  resource.ComposeTestCheckFunc(consumed(sim), checkAssigned(t, group, a)),
			},
			{
				PreConfig: func() {
					sim.AddFault(fault503("PUT", policies))
					sim.AddFault(fault503("PATCH", assignments))
				},
				Config: strings.Replace(assignmentConfig(a, b, "b", 1), `"DisabledUserOverride"`, `"Disabled"`, 1),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeTestCheckFunc(consumed(sim), checkAssigned(t, group, b)),
			},
			{
				PreConfig: func() {
					sim.AddFault(fault503("DELETE", policies))
					sim.AddFault(fault503("DELETE", assignments))
				},
				Config:  strings.Replace(assignmentConfig(a, b, "b", 1), `"DisabledUserOverride"`, `"Disabled"`, 1),
				Destroy: true,
			},
		},
	})
}

func checkAssigned(t *testing.T, group, want string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if name, _, ok := simAssignment(t, group); !ok || !strings.EqualFold(name, want) {
			return fmt.Errorf("simulator: group assignment %q (present %v), want %q", name, ok, want)
		}
		return nil
	}
}

// The connection drops after the service created the policy: the provider
// reads it back instead of sending the create again (which the service would
// refuse with a 409), and the state holds it. The same for a delete whose
// answer is lost, and for a sign-in whose connection drops.
func TestAccTeams_droppedAfterTheWrite(t *testing.T) {
	name := sdkacctest.RandomWithPrefix("tfacc")
	addr := "teamshipaa_meeting_policy.test"
	sim := acctest.Sim(t)
	drop := func(method string) tenantsim.Fault {
		return tenantsim.Fault{Surface: "teams", Method: method, PathPrefix: "/Skype.Policy/configurations/TeamsMeetingPolicy", Kind: tenantsim.FaultDropAfter, Count: 1}
	}
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             resource.ComposeTestCheckFunc(checkGone(t, "Tag:"+name), consumed(sim)),
		Steps: []resource.TestStep{
			{
				PreConfig: func() {
					sim.AddFault(drop("POST"))
					sim.AddFault(tenantsim.Fault{Surface: "login", Method: "POST", Kind: tenantsim.FaultDrop, Count: 1})
				},
				Config: meetingPolicyConfig(name, "EveryoneInCompanyExcludingGuests", false),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("id"), knownvalue.StringExact("Tag:"+name)),
				},
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				Check:            consumed(sim),
			},
			{
				PreConfig: func() { sim.AddFault(drop("PUT")) },
				Config:    meetingPolicyConfig(name, "OrganizerOnly", false),
				Check:     resource.ComposeTestCheckFunc(consumed(sim), checkSimValue(t, "Tag:"+name, "AutoAdmittedUsers", "OrganizerOnly")),
			},
			{
				PreConfig: func() { sim.AddFault(drop("DELETE")) },
				Config:    meetingPolicyConfig(name, "OrganizerOnly", false),
				Destroy:   true,
			},
		},
	})
}

// Crash: a policy created by an apply that was killed before it saved its
// state exists in the tenant but not in the state. The next apply does not
// take it over unseen: it is refused with the import block, and adopted when
// the configuration says adopt_existing = true.
func TestAccTeams_existingPolicyIsRefusedWithTheImportBlock(t *testing.T) {
	name := sdkacctest.RandomWithPrefix("tfacc")
	addr := "teamshipaa_meeting_policy.test"
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkGone(t, "Tag:"+name),
		Steps: []resource.TestStep{
			{
				PreConfig: func() {
					c := acctest.Configure(context.Background(), t)
					if _, _, err := c.ConfigAPI.Create(context.Background(), "TeamsMeetingPolicy", "Tag:"+name, map[string]any{"AutoAdmittedUsers": "Everyone"}); err != nil {
						t.Fatal(err)
					}
				},
				Config: meetingPolicyConfig(name, "OrganizerOnly", false),
				ExpectError: regexp.MustCompile(`(?s)already exists.*import \{.*to = teamshipaa_meeting_policy\..*id = "` +
					regexp.QuoteMeta(name) + `".*adopt_existing = true`),
			},
			{
				PreConfig: func() {
					// The refused apply wrote nothing.
					if v, _ := simValue(t, "Tag:"+name, "AutoAdmittedUsers"); v != "Everyone" {
						t.Fatalf("the refused apply changed the existing policy: AutoAdmittedUsers = %v", v)
					}
				},
				Config: strings.Replace(meetingPolicyConfig(name, "OrganizerOnly", false), "new_meeting_recording_expiration_days", "adopt_existing = true\n  new_meeting_recording_expiration_days", 1),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("id"), knownvalue.StringExact("Tag:"+name)),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("auto_admitted_users"), knownvalue.StringExact("OrganizerOnly")),
				},
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				Check:            checkSimValue(t, "Tag:"+name, "AutoAdmittedUsers", "OrganizerOnly"),
			},
		},
	})
}

// The connection drops after the create was sent but before the service
// processed it: the read-back shows no policy, so the create is sent again,
// once, and the policy exists once.
func TestAccTeams_droppedBeforeTheWriteIsSentAgain(t *testing.T) {
	name := sdkacctest.RandomWithPrefix("tfacc")
	sim := acctest.Sim(t)
	path := "/Skype.Policy/configurations/TeamsMeetingPolicy"
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkGone(t, "Tag:"+name),
		Steps: []resource.TestStep{
			{
				PreConfig: func() {
					sim.ResetStats()
					sim.AddFault(tenantsim.Fault{Surface: "teams", Method: "POST", PathPrefix: path, Kind: tenantsim.FaultDrop, Count: 1})
				},
				Config:           meetingPolicyConfig(name, "OrganizerOnly", false),
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				Check: resource.ComposeTestCheckFunc(consumed(sim), checkSimValue(t, "Tag:"+name, "AutoAdmittedUsers", "OrganizerOnly"),
					func(*terraform.State) error {
						if n := sim.Stats().Count("teams", "POST", path); n != 2 {
							return fmt.Errorf("%d POSTs, want 2 (the dropped one and the one sent again)", n)
						}
						return nil
					}),
			},
		},
	})
}
