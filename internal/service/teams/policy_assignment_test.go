package teams_test

import (
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
)

func assignmentConfig(a, b, assigned string, rank int) string {
	return fmt.Sprintf(`
resource "teamshipaa_enhanced_encryption_policy" "a" {
  name                                       = %q
  calling_end_to_end_encryption_enabled_type = "DisabledUserOverride"
}

resource "teamshipaa_enhanced_encryption_policy" "b" {
  name = %q
}

resource "teamshipaa_policy_assignment" "test" {
  policy_type = "TeamsEnhancedEncryptionPolicy"
  policy_name = teamshipaa_enhanced_encryption_policy.%s.name
  group_id    = "3f6b2c1e-8d4a-4f0b-9e2d-7a1c5b6e8f90"
  rank        = %d
}
`, a, b, assigned, rank)
}

func simAssignment(t *testing.T, group string) (name string, rank any, ok bool) {
	for _, a := range acctest.Sim(t).GroupAssignments("TeamsEnhancedEncryptionPolicy") {
		if strings.EqualFold(fmt.Sprint(a["groupId"]), group) {
			return fmt.Sprint(a["policyName"]), a["priority"], true
		}
	}
	return "", nil, false
}

func TestAccPolicyAssignment_group(t *testing.T) {
	const group = "3f6b2c1e-8d4a-4f0b-9e2d-7a1c5b6e8f90"
	a, b := sdkacctest.RandomWithPrefix("tfacc-a"), sdkacctest.RandomWithPrefix("tfacc-b")
	addr := "teamshipaa_policy_assignment.test"
	sim := acctest.Sim(t)
	assigned := func(want string) resource.TestCheckFunc {
		return func(*terraform.State) error {
			if name, _, ok := simAssignment(t, group); !ok || !strings.EqualFold(name, want) {
				return fmt.Errorf("simulator: group assignment %q (present %v), want %q", name, ok, want)
			}
			return nil
		}
	}
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy: func(*terraform.State) error {
			if _, _, ok := simAssignment(t, group); ok {
				return fmt.Errorf("the group assignment survived destroy")
			}
			return nil
		},
		Steps: []resource.TestStep{
			{
				Config: assignmentConfig(a, b, "a", 1),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("id"), knownvalue.StringExact("TeamsEnhancedEncryptionPolicy/"+group)),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("policy_name"), knownvalue.StringExact(a)),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("rank"), knownvalue.Int64Exact(1)),
				},
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				Check:            assigned(a),
			},
			{
				// Assigning another policy to the same group is an in-place update.
				Config: assignmentConfig(a, b, "b", 1),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: assigned(b),
			},
			{ResourceName: addr, ImportState: true, ImportStateId: "TeamsEnhancedEncryptionPolicy/" + group, ImportStateVerify: true},
			{
				// Someone reassigns the group by hand: the plan puts it back.
				PreConfig: func() {
					if err := sim.AssignGroupPolicy("TeamsEnhancedEncryptionPolicy", group, a, 1); err != nil {
						t.Fatal(err)
					}
				},
				Config: assignmentConfig(a, b, "b", 1),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate)},
				},
				Check: assigned(b),
			},
			{
				// Removed out of band: the plan creates it again.
				PreConfig: func() {
					if _, err := sim.RemoveGroupAssignment("TeamsEnhancedEncryptionPolicy", group); err != nil {
						t.Fatal(err)
					}
				},
				Config: assignmentConfig(a, b, "b", 1),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(addr, plancheck.ResourceActionCreate)},
				},
				Check: assigned(b),
			},
		},
	})
}

func TestAccPolicyAssignment_tenantDefault(t *testing.T) {
	name := sdkacctest.RandomWithPrefix("tfacc")
	addr := "teamshipaa_policy_assignment.test"
	sim := acctest.Sim(t)
	config := fmt.Sprintf(`
resource "teamshipaa_messaging_policy" "p" {
  name = %q
}

resource "teamshipaa_policy_assignment" "test" {
  policy_type = "TeamsMessagingPolicy"
  policy_name = teamshipaa_messaging_policy.p.name
}
`, name)
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy: func(*terraform.State) error {
			if got := sim.GlobalPolicyAssignment("TeamsMessagingPolicy"); got != "Global" {
				return fmt.Errorf("destroy must return the tenant to Global, it is %q", got)
			}
			return nil
		},
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("id"), knownvalue.StringExact("TeamsMessagingPolicy/global")),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("rank"), knownvalue.Null()),
				},
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				Check: func(*terraform.State) error {
					if got := sim.GlobalPolicyAssignment("TeamsMessagingPolicy"); !strings.EqualFold(strings.TrimPrefix(got, "Tag:"), name) {
						return fmt.Errorf("tenant default is %q, want %q", got, name)
					}
					return nil
				},
			},
			{ResourceName: addr, ImportState: true, ImportStateId: "TeamsMessagingPolicy/global", ImportStateVerify: true},
		},
	})
}

func TestAccPolicyAssignment_crossFieldRules(t *testing.T) {
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: `resource "teamshipaa_policy_assignment" "t" {
  policy_type = "TeamsAppPermissionPolicy"
  policy_name = "Strict"
  group_id    = "3f6b2c1e-8d4a-4f0b-9e2d-7a1c5b6e8f90"
}`,
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)cannot be assigned to a group`),
			},
			{
				Config: `resource "teamshipaa_policy_assignment" "t" {
  policy_type = "TeamsMeetingPolicy"
  policy_name = "AllOn"
  rank        = 2
}`,
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)rank needs group_id`),
			},
			{
				Config: `resource "teamshipaa_policy_assignment" "t" {
  policy_type = "TeamsMeetingPolicy"
  policy_name = "AllOn"
  group_id    = "not-a-guid"
}`,
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)group object ID`),
			},
		},
	})
}
