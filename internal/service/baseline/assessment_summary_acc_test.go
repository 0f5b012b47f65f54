package baseline_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	sdkacctest "github.com/hashicorp/terraform-plugin-testing/helper/acctest"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/acctest"
)

// A summary_only assessment and a full one over the same tenant and inputs
// (an exception, managed objects, a failing policy outside them) state the
// same content_hash, counts and control results; the summary_only one has
// no results, unmanaged objects or documents. After the tenant changes,
// both hashes change, and still agree.
func TestAccAssessment_summaryOnly(t *testing.T) {
	acctest.NewTenant(t)
	name := sdkacctest.RandomWithPrefix("tfacc-summary")
	config := func(anonymousStart bool) string {
		return fmt.Sprintf(`
resource "teamshipaa_meeting_policy" "p" {
  name                                   = %[1]q
  allow_anonymous_users_to_start_meeting = %[2]t
  allow_pstn_users_to_bypass_lobby       = true
}

locals {
  args = {
    profile         = "staff"
    object_profiles = { (teamshipaa_meeting_policy.p.name) = "staff" }
    exceptions = {
      "HB.MEETING.3" = { reason = "dial-in clinics", approved_by = "Sam Ortiz", expires = "2099-12-31", objects = [teamshipaa_meeting_policy.p.name] }
    }
    managed_objects = { teamshipaa_meeting_policy = ["Global"] }
    module_version  = "0.1.0"
  }
}

data "teamshipaa_assessment" "full" {
  profile         = local.args.profile
  object_profiles = local.args.object_profiles
  exceptions      = local.args.exceptions
  managed_objects = local.args.managed_objects
  module_version  = local.args.module_version
  depends_on      = [teamshipaa_meeting_policy.p]
}

data "teamshipaa_assessment" "summary" {
  profile         = local.args.profile
  object_profiles = local.args.object_profiles
  exceptions      = local.args.exceptions
  managed_objects = local.args.managed_objects
  module_version  = local.args.module_version
  summary_only    = true
  depends_on      = [teamshipaa_meeting_policy.p]
}
`, name, anonymousStart)
	}
	const full, summary = "data.teamshipaa_assessment.full", "data.teamshipaa_assessment.summary"
	same := func(attr string) statecheck.StateCheck {
		return statecheck.CompareValuePairs(full, tfjsonpath.New(attr), summary, tfjsonpath.New(attr), compare.ValuesSame())
	}
	agree := []statecheck.StateCheck{
		same("content_hash"), same("summary"), same("control_summary"), same("control_results"),
		same("id"), same("tenant_id"), same("tenant_domain"), same("provider_version"),
		statecheck.ExpectKnownValue(summary, tfjsonpath.New("control_results").AtMapKey("HB.MEETING.3"), knownvalue.StringExact("excepted")),
		statecheck.ExpectKnownValue(summary, tfjsonpath.New("summary_only"), knownvalue.Bool(true)),
		statecheck.ExpectKnownValue(full, tfjsonpath.New("summary_only"), knownvalue.Null()),
	}
	for _, attr := range []string{"results", "unmanaged", "markdown", "evidence_markdown", "html", "scuba_json"} {
		agree = append(agree,
			statecheck.ExpectKnownValue(summary, tfjsonpath.New(attr), knownvalue.Null()),
			statecheck.ExpectKnownValue(full, tfjsonpath.New(attr), knownvalue.NotNull()))
	}
	hashes := statecheck.CompareValue(compare.ValuesDiffer())
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: config(false), ConfigStateChecks: append(slices.Clip(agree), hashes.AddStateValue(summary, tfjsonpath.New("content_hash")))},
			{
				Config:            config(false),
				ConfigPlanChecks:  resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				ConfigStateChecks: agree,
			},
			{
				Config: config(true),
				ConfigStateChecks: append(slices.Clip(agree),
					// The policy outside managed_objects is listed with what it now fails.
					statecheck.ExpectKnownValue(full, tfjsonpath.New("unmanaged"), unmanagedFailing{name, "HB.MEETING.1"}),
					statecheck.ExpectKnownValue(summary, tfjsonpath.New("control_results").AtMapKey("HB.MEETING.1"), knownvalue.StringExact("fail")),
					hashes.AddStateValue(summary, tfjsonpath.New("content_hash"))),
			},
		},
	})
}

// unmanagedFailing checks that the unmanaged list names object with control.
type unmanagedFailing struct{ object, control string }

func (c unmanagedFailing) CheckValue(v any) error {
	list, _ := v.([]any)
	for _, e := range list {
		u, _ := e.(map[string]any)
		controls, _ := u["controls"].([]any)
		if u["object"] == c.object && slices.Contains(controls, any(c.control)) {
			return nil
		}
	}
	return fmt.Errorf("%s failing %s not among %d unmanaged objects", c.object, c.control, len(list))
}

func (c unmanagedFailing) String() string { return "unmanaged " + c.object + " failing " + c.control }
