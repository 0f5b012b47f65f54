package baseline_test

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"testing"

	sdkacctest "github.com/hashicorp/terraform-plugin-testing/helper/acctest"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/acctest"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/tenantsim"
)

// planCheckFunc inspects the simulator at a precise point of a test step.
type planCheckFunc func() error

func (f planCheckFunc) CheckPlan(_ context.Context, _ plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	resp.Error = f()
}

// repeated lists the requests of st made more than once, and counts the
// admin API's InvokeCommand POSTs per surface.
func repeated(st tenantsim.Stats) (again []string, invokes map[string]int) {
	invokes = map[string]int{}
	for _, r := range st.Requests {
		switch {
		case r.Method == "POST" && strings.HasSuffix(r.Path, "/InvokeCommand"):
			invokes[r.Surface] += r.Count
		case r.Surface != "login" && r.Count > 1:
			again = append(again, fmt.Sprintf("%d× %s %s %s", r.Count, r.Surface, r.Method, r.Path))
		}
	}
	sort.Strings(again)
	return again, invokes
}

// Two assessments and resources in one plan read the tenant once: the
// assessments share one reading (no write in between), and its Teams lists
// and app protection policy are the ones the resources' refresh read. So no
// Teams or Graph request is made twice, and the cmdlets run once each (issue #15: each Teams type
// was listed three times per plan of the module, each cmdlet twice). After
// an apply that writes, the next plan reads the tenant again.
func TestAccAssessment_oneReadingPerPlan(t *testing.T) {
	sim := acctest.NewTenant(t)
	name := sdkacctest.RandomWithPrefix("tfacc-shared")
	config := func(anonymousStart, second bool) string {
		cfg := fmt.Sprintf(`
resource "teamshipaa_meeting_policy" "p" {
  name                                   = %[1]q
  allow_anonymous_users_to_start_meeting = %[2]t
}

resource "teamshipaa_ios_app_protection_policy" "p" {
  display_name = "%[1]s-ios"
  apps         = ["com.microsoft.skype.teams"]
}

data "teamshipaa_assessment" "staff" {
  profile    = "staff"
  depends_on = [teamshipaa_meeting_policy.p, teamshipaa_ios_app_protection_policy.p]
}
`, name, anonymousStart)
		if second {
			cfg += `
data "teamshipaa_assessment" "telehealth" {
  profile         = "telehealth"
  object_profiles = { (teamshipaa_meeting_policy.p.name) = "telehealth" }
}
`
		}
		return cfg
	}
	// The cmdlets one assessment runs (the Security & Compliance lists and
	// their pages, the audit log configuration), measured in step 2.
	var one map[string]int
	readsOnce := func(record bool) plancheck.PlanCheck {
		return planCheckFunc(func() error {
			again, invokes := repeated(sim.Stats())
			if record {
				one = invokes
			}
			if len(again) > 0 || fmt.Sprint(invokes) != fmt.Sprint(one) {
				return fmt.Errorf("the plan repeated requests:\n%s\nand ran %v cmdlets, want %v (one assessment's)",
					strings.Join(again, "\n"), invokes, one)
			}
			return nil
		})
	}
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: config(false, true)},
			{
				PreConfig:        sim.ResetStats,
				Config:           config(false, false),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan(), readsOnce(true)}},
			},
			{
				PreConfig:        sim.ResetStats,
				Config:           config(false, true),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan(), readsOnce(false)}},
			},
			{
				// The apply writes the policy, then reads both assessments again
				// (they depend on it): each sees the change.
				Config: config(true, true),
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckTypeSetElemNestedAttrs("data.teamshipaa_assessment.staff", "results.*",
						map[string]string{"control_id": "HB.MEETING.1", "object": name, "result": "fail", "actual": "true"}),
				),
			},
		},
	})
}
