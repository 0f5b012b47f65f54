package entra_test

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

const (
	caAddr = "teamshipaa_conditional_access_policy.test"
	// breakGlassGroup holds the emergency-access accounts every baseline policy excludes.
	breakGlassGroup = "7c0a2f5e-3b1d-4e8a-9f6c-2d4b8e1a5c30"
)

// caPolicyTest applies config, checks the simulator, imports with
// ImportStateVerify, checks that a second plan is empty, and that destroy
// removes the policy.
func caPolicyTest(t *testing.T, config string, check func(obj map[string]any) error) {
	t.Helper()
	sim := acctest.Tenant(t)
	var id string
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy: func(*terraform.State) error {
			if _, ok := sim.GraphObject("conditionalAccessPolicy", id); ok {
				return fmt.Errorf("policy %s survived destroy", id)
			}
			return nil
		},
		Steps: []resource.TestStep{
			{
				Config:           config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				Check: func(s *terraform.State) error {
					var err error
					if id, err = simID(s, caAddr); err != nil {
						return err
					}
					obj, ok := sim.GraphObject("conditionalAccessPolicy", id)
					if !ok {
						return fmt.Errorf("simulator has no policy %s", id)
					}
					if check != nil {
						return check(obj)
					}
					return nil
				},
			},
			{ResourceName: caAddr, ImportState: true, ImportStateVerify: true, ImportStateVerifyIgnore: []string{"allow_tenant_lockout_risk"}},
			{Config: config, PlanOnly: true}, // a second plan is empty
		},
	})
}

// at walks a decoded JSON object: at(obj, "conditions", "users", "includeUsers").
func at(obj map[string]any, keys ...string) any {
	var cur any = obj
	for _, k := range keys {
		m, ok := cur.(map[string]any)
		if !ok {
			return nil
		}
		cur = m[k]
	}
	return cur
}

func hasAll(v any, want ...string) error {
	list, _ := v.([]any)
	got := map[string]bool{}
	for _, e := range list {
		got[strings.ToLower(fmt.Sprint(e))] = true
	}
	for _, w := range want {
		if !got[strings.ToLower(w)] {
			return fmt.Errorf("%v lacks %q", v, w)
		}
	}
	return nil
}

func TestAccConditionalAccessPolicy_blockLegacyAuthentication(t *testing.T) {
	caPolicyTest(t, fmt.Sprintf(`
resource "teamshipaa_conditional_access_policy" "test" {
  display_name = %q
  state        = "enabledForReportingButNotEnforced"
  conditions = {
    users = {
      include_users  = ["All"]
      exclude_groups = [%q]
    }
    applications     = { include_applications = ["All"] }
    client_app_types = ["exchangeActiveSync", "other"]
  }
  grant_controls = { built_in_controls = ["block"] }
}
`, sdkacctest.RandomWithPrefix("tfacc-legacy"), breakGlassGroup), func(obj map[string]any) error {
		if err := hasAll(at(obj, "conditions", "clientAppTypes"), "exchangeActiveSync", "other"); err != nil {
			return err
		}
		return hasAll(at(obj, "grantControls", "builtInControls"), "block")
	})
}

func TestAccConditionalAccessPolicy_mfaForAllUsers(t *testing.T) {
	caPolicyTest(t, fmt.Sprintf(`
resource "teamshipaa_conditional_access_policy" "test" {
  display_name = %q
  state        = "enabled"
  conditions = {
    users = {
      include_users  = ["All"]
      exclude_groups = [%q]
    }
    applications = { include_applications = ["All"] }
  }
  grant_controls = {
    operator          = "OR"
    built_in_controls = ["mfa"]
  }
}
`, sdkacctest.RandomWithPrefix("tfacc-mfa"), breakGlassGroup), func(obj map[string]any) error {
		if obj["state"] != "enabled" {
			return fmt.Errorf("state %v", obj["state"])
		}
		return hasAll(at(obj, "grantControls", "builtInControls"), "mfa")
	})
}

func TestAccConditionalAccessPolicy_phishingResistantMFAForAdmins(t *testing.T) {
	caPolicyTest(t, fmt.Sprintf(`
data "teamshipaa_authentication_strength_policy" "phr" {
  display_name = "Phishing-resistant MFA"
}

data "teamshipaa_directory_role_template" "ga" {
  display_name = "Global Administrator"
}

data "teamshipaa_directory_role_template" "sec" {
  display_name = "Security Administrator"
}

resource "teamshipaa_conditional_access_policy" "test" {
  display_name = %q
  state        = "enabledForReportingButNotEnforced"
  conditions = {
    users = {
      include_roles  = [data.teamshipaa_directory_role_template.ga.id, data.teamshipaa_directory_role_template.sec.id]
      exclude_groups = [%q]
    }
    applications = { include_applications = ["All"] }
  }
  grant_controls = {
    authentication_strength_id = data.teamshipaa_authentication_strength_policy.phr.id
  }
  session_controls = {
    sign_in_frequency  = { value = 4, type = "hours" }
    persistent_browser = { mode = "never" }
  }
}
`, sdkacctest.RandomWithPrefix("tfacc-phr"), breakGlassGroup), func(obj map[string]any) error {
		if got := at(obj, "grantControls", "authenticationStrength", "id"); got != "00000000-0000-0000-0000-000000000004" {
			return fmt.Errorf("authenticationStrength.id %v", got)
		}
		return hasAll(at(obj, "conditions", "users", "includeRoles"), "62e90394-69f5-4237-9190-012177145e10")
	})
}

func TestAccConditionalAccessPolicy_managedDevice(t *testing.T) {
	caPolicyTest(t, fmt.Sprintf(`
resource "teamshipaa_conditional_access_policy" "test" {
  display_name = %q
  state        = "enabledForReportingButNotEnforced"
  conditions = {
    users = {
      include_users  = ["All"]
      exclude_groups = [%q]
    }
    applications = { include_applications = ["Office365"] }
    platforms = {
      include_platforms = ["all"]
      exclude_platforms = ["linux"]
    }
  }
  grant_controls = {
    operator          = "OR"
    built_in_controls = ["compliantDevice", "domainJoinedDevice"]
  }
}
`, sdkacctest.RandomWithPrefix("tfacc-device"), breakGlassGroup), func(obj map[string]any) error {
		if at(obj, "grantControls", "operator") != "OR" {
			return fmt.Errorf("operator %v", at(obj, "grantControls", "operator"))
		}
		return hasAll(at(obj, "grantControls", "builtInControls"), "compliantDevice", "domainJoinedDevice")
	})
}

func TestAccConditionalAccessPolicy_guestMFA(t *testing.T) {
	caPolicyTest(t, fmt.Sprintf(`
resource "teamshipaa_conditional_access_policy" "test" {
  display_name = %q
  state        = "enabledForReportingButNotEnforced"
  conditions = {
    users = {
      include_guests_or_external_users = {
        guest_or_external_user_types     = ["internalGuest", "b2bCollaborationGuest", "b2bCollaborationMember"]
        external_tenants_membership_kind = "all"
      }
      exclude_groups = [%q]
    }
    applications = { include_applications = ["All"] }
  }
  grant_controls = { built_in_controls = ["mfa"] }
}
`, sdkacctest.RandomWithPrefix("tfacc-guest"), breakGlassGroup), func(obj map[string]any) error {
		g := at(obj, "conditions", "users", "includeGuestsOrExternalUsers", "guestOrExternalUserTypes")
		s, _ := g.(string)
		for _, want := range []string{"internalGuest", "b2bCollaborationGuest", "b2bCollaborationMember"} {
			if !strings.Contains(s, want) {
				return fmt.Errorf("guestOrExternalUserTypes %v lacks %s", g, want)
			}
		}
		return nil
	})
}

func TestAccConditionalAccessPolicy_signInFrequency(t *testing.T) {
	caPolicyTest(t, fmt.Sprintf(`
resource "teamshipaa_conditional_access_policy" "test" {
  display_name = %q
  state        = "enabledForReportingButNotEnforced"
  conditions = {
    users = {
      include_users  = ["All"]
      exclude_groups = [%q]
    }
    applications = { include_applications = ["All"] }
  }
  session_controls = {
    sign_in_frequency  = { value = 7, type = "days" }
    persistent_browser = { mode = "never" }
  }
}
`, sdkacctest.RandomWithPrefix("tfacc-sif"), breakGlassGroup), func(obj map[string]any) error {
		sif := at(obj, "sessionControls", "signInFrequency")
		m, _ := sif.(map[string]any)
		if fmt.Sprint(m["value"]) != "7" || m["type"] != "days" {
			return fmt.Errorf("signInFrequency %v", sif)
		}
		if gc := obj["grantControls"]; gc != nil {
			if m, ok := gc.(map[string]any); ok {
				if bic, _ := m["builtInControls"].([]any); len(bic) > 0 {
					return fmt.Errorf("grantControls %v, want none", gc)
				}
			}
		}
		return nil
	})
}

func TestAccConditionalAccessPolicy_blockDeviceCodeFlow(t *testing.T) {
	caPolicyTest(t, fmt.Sprintf(`
resource "teamshipaa_conditional_access_policy" "test" {
  display_name = %q
  state        = "enabledForReportingButNotEnforced"
  conditions = {
    users = {
      include_users  = ["All"]
      exclude_groups = [%q]
    }
    applications         = { include_applications = ["All"] }
    authentication_flows = { transfer_methods = ["deviceCodeFlow"] }
  }
  grant_controls = { built_in_controls = ["block"] }
}
`, sdkacctest.RandomWithPrefix("tfacc-dcf"), breakGlassGroup), func(obj map[string]any) error {
		if got := at(obj, "conditions", "authenticationFlows", "transferMethods"); got != "deviceCodeFlow" {
			return fmt.Errorf("transferMethods %v", got)
		}
		return nil
	})
}

func TestAccConditionalAccessPolicy_registerSecurityInfo(t *testing.T) {
	caPolicyTest(t, fmt.Sprintf(`
resource "teamshipaa_named_location" "office" {
  display_name = %[1]q
  ip_ranges    = ["203.0.113.0/24"]
  is_trusted   = true
}

resource "teamshipaa_conditional_access_policy" "test" {
  display_name = %[1]q
  state        = "enabledForReportingButNotEnforced"
  conditions = {
    users = {
      include_users  = ["All"]
      exclude_groups = [%[2]q]
    }
    applications = { include_user_actions = ["urn:user:registersecurityinfo"] }
    locations = {
      include_locations = ["All"]
      exclude_locations = [teamshipaa_named_location.office.id]
    }
    sign_in_risk_levels = ["high", "medium"]
  }
  grant_controls = {
    operator          = "OR"
    built_in_controls = ["compliantDevice", "mfa"]
  }
}
`, sdkacctest.RandomWithPrefix("tfacc-rsi"), breakGlassGroup), nil)
}

// Update in place, drift, and the removal of grant controls in favour of
// session controls (azuread #1150: empty grant controls must not diff forever).
func TestAccConditionalAccessPolicy_updateAndDrift(t *testing.T) {
	name := sdkacctest.RandomWithPrefix("tfacc-upd")
	sim := acctest.Sim(t)
	var id string
	base := func(state, controls string) string {
		return fmt.Sprintf(`
resource "teamshipaa_conditional_access_policy" "test" {
  display_name = %q
  state        = %q
  conditions = {
    users = {
      include_users  = ["All"]
      exclude_groups = [%q]
    }
    applications = { include_applications = ["All"] }
  }
  %s
}
`, name, state, breakGlassGroup, controls)
	}
	mfa := `grant_controls = { built_in_controls = ["mfa"] }`
	session := `session_controls = { sign_in_frequency = { value = 4, type = "hours" } }`
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:           base("enabledForReportingButNotEnforced", mfa),
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				Check: func(s *terraform.State) (err error) {
					id, err = simID(s, caAddr)
					return err
				},
			},
			{
				Config: base("enabled", mfa),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(caAddr, plancheck.ResourceActionUpdate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectKnownValue(caAddr, tfjsonpath.New("state"), knownvalue.StringExact("enabled"))},
			},
			{
				// Grant controls out, session controls in.
				Config: base("enabled", session),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(caAddr, plancheck.ResourceActionUpdate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(caAddr, tfjsonpath.New("grant_controls"), knownvalue.Null()),
					statecheck.ExpectKnownValue(caAddr, tfjsonpath.New("session_controls").AtMapKey("sign_in_frequency").AtMapKey("value"), knownvalue.Int64Exact(4)),
				},
			},
			{
				// Drift: someone turns the policy off in the portal.
				PreConfig: func() {
					if err := sim.SetGraphObject("conditionalAccessPolicy", id, map[string]any{"state": "disabled"}); err != nil {
						t.Fatal(err)
					}
				},
				Config: base("enabled", session),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(caAddr, plancheck.ResourceActionUpdate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: func(*terraform.State) error {
					obj, _ := sim.GraphObject("conditionalAccessPolicy", id)
					if obj["state"] != "enabled" {
						return fmt.Errorf("state %v after correcting drift", obj["state"])
					}
					return nil
				},
			},
		},
	})
}

// Someone deletes the policy in the portal: the next plan creates it again,
// and the apply restores it (a new id) with nothing left to change.
func TestAccConditionalAccessPolicy_deletedOutOfBand(t *testing.T) {
	sim := acctest.Sim(t)
	config := fmt.Sprintf(`
resource "teamshipaa_conditional_access_policy" "test" {
  display_name = %q
  state        = "enabledForReportingButNotEnforced"
  conditions = {
    users = {
      include_users  = ["All"]
      exclude_groups = [%q]
    }
    applications     = { include_applications = ["All"] }
    client_app_types = ["exchangeActiveSync", "other"]
  }
  grant_controls = { built_in_controls = ["block"] }
}
`, sdkacctest.RandomWithPrefix("tfacc-gone"), breakGlassGroup)
	var first string
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: config,
				Check: func(s *terraform.State) (err error) {
					first, err = simID(s, caAddr)
					return err
				},
			},
			{
				// A real Graph DELETE, as the portal makes.
				PreConfig: func() {
					ctx := context.Background()
					if err := acctest.Configure(ctx, t).Graph.DeletePolicy(ctx, first); err != nil {
						t.Fatal(err)
					}
					if _, ok := sim.GraphObject("conditionalAccessPolicy", first); ok {
						t.Fatalf("policy %s still in the simulator after DELETE", first)
					}
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(caAddr, plancheck.ResourceActionCreate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: func(s *terraform.State) error {
					id, err := simID(s, caAddr)
					if err != nil {
						return err
					}
					if id == first {
						return fmt.Errorf("state kept the deleted policy's id %s", id)
					}
					if _, ok := sim.GraphObject("conditionalAccessPolicy", id); !ok {
						return fmt.Errorf("simulator has no policy %s after the re-create", id)
					}
					return nil
				},
			},
		},
	})
}

// A create and an update that meet read-after-write lag and throttling
// still converge, without a second write and without a diff.
func TestAccConditionalAccessPolicy_lagAndThrottling(t *testing.T) {
	name := sdkacctest.RandomWithPrefix("tfacc-lag")
	sim := acctest.Sim(t)
	cfg := func(state string) string {
		return fmt.Sprintf(`
resource "teamshipaa_conditional_access_policy" "test" {
  display_name = %q
  state        = %q
  conditions = {
    users = {
      include_users  = ["All"]
      exclude_groups = [%q]
    }
    applications = { include_applications = ["All"] }
  }
  grant_controls = { built_in_controls = ["mfa"] }
}
`, name, state, breakGlassGroup)
	}
	faults := func() {
		sim.ResetStats()
		sim.AddFault(tenantsim.Fault{Surface: "graph", Kind: "lag", LagMs: 1500})
		// On the writes: the create's duplicate check lists policies first.
		sim.AddFault(tenantsim.Fault{Surface: "graph", Method: "POST", Kind: "status", Status: 429, RetryAfter: "0", Count: 2})
		sim.AddFault(tenantsim.Fault{Surface: "graph", Method: "PATCH", Kind: "status", Status: 429, RetryAfter: "0", Count: 2})
	}
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				PreConfig:        faults,
				Config:           cfg("enabledForReportingButNotEnforced"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				Check: func(*terraform.State) error {
					n := 0
					for _, obj := range sim.GraphObjects("conditionalAccessPolicy") {
						if obj["displayName"] == name {
							n++
						}
					}
					if n != 1 {
						return fmt.Errorf("%d policies named %s, want 1", n, name)
					}
					// One POST reached the service (the throttled attempts are
					// retried by one layer, not re-created), and the read-back
					// polled through the lag instead of failing.
					st := sim.Stats()
					posts, gets := 0, 0
					for _, rc := range st.Requests {
						if rc.Surface != "graph" || !strings.Contains(rc.Path, "conditionalAccess/policies") {
							continue
						}
						switch rc.Method {
						case "POST":
							posts += rc.Count
						case "GET":
							gets += rc.Count
						}
					}
					t.Logf("graph policy requests: %d POST, %d GET", posts, gets)
					if posts != 3 {
						return fmt.Errorf("%d POSTs, want 3 (two throttled, one created)", posts)
					}
					if gets < 2 {
						return fmt.Errorf("%d GETs of the policy: the lag was not polled through", gets)
					}
					return nil
				},
			},
			{
				PreConfig:        func() { sim.ClearFaults(); faults() },
				Config:           cfg("disabled"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(caAddr, tfjsonpath.New("state"), knownvalue.StringExact("disabled")),
				},
			},
		},
	})
}

func TestAccConditionalAccessPolicy_lockoutProtection(t *testing.T) {
	cfg := func(extra string) string {
		return fmt.Sprintf(`
resource "teamshipaa_conditional_access_policy" "test" {
  display_name = %q
  state        = "enabled"
  conditions = {
    users        = { include_users = ["All"] }
    applications = { include_applications = ["All"] }
  }
  grant_controls = { built_in_controls = ["block"] }
  %s
}
`, sdkacctest.RandomWithPrefix("tfacc-lock"), extra)
	}
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: cfg(""), PlanOnly: true, ExpectError: regexp.MustCompile(`(?s)lock everyone out.*allow_tenant_lockout_risk`)},
			{Config: cfg("allow_tenant_lockout_risk = true"), PlanOnly: true, ExpectNonEmptyPlan: true},
		},
	})
}

func TestAccConditionalAccessPolicy_crossFieldRules(t *testing.T) {
	policy := func(conditions, controls string) string {
		return fmt.Sprintf(`
resource "teamshipaa_conditional_access_policy" "t" {
  display_name = "rules"
  state        = "enabledForReportingButNotEnforced"
  conditions = {
    %s
  }
  %s
}
`, conditions, controls)
	}
	users := `users = { include_users = ["All"], exclude_groups = ["` + breakGlassGroup + `"] }
    applications = { include_applications = ["All"] }`
	riskyUsers := users + `
    user_risk_levels = ["high"]`
	steps := []struct{ conditions, controls, want string }{
		{users, ``, `No controls`},
		{users, `grant_controls = { operator = "OR" }`, `Empty grant controls`},
		{users, `grant_controls = { built_in_controls = ["block", "mfa"] }`, `block stands alone`},
		{users, `grant_controls = { built_in_controls = ["mfa"], authentication_strength_id = "00000000-0000-0000-0000-000000000004" }`, `mfa and an authentication strength are exclusive`},
		{users, `session_controls = { sign_in_frequency = { frequency_interval = "everyTime", value = 1, type = "hours" } }`, `everyTime takes no value or type`},
		{users, `session_controls = { sign_in_frequency = { value = 4 } }`, `value and type go together`},
		// Graph v1.0 refusals (graphV1Refusals), each naming its rule.
		{users, `session_controls = { sign_in_frequency = { frequency_interval = "everyTime" } }`, `CA\.V1\.EVERYTIME.*msgraph-metadata#647`},
		{users, `session_controls = { sign_in_frequency = { value = 1, type = "hours", authentication_type = "secondaryAuthentication" } }`, `CA\.1104.*primaryAndSecondaryAuthentication`},
		{users + `
    authentication_flows = { transfer_methods = ["deviceCodeFlow"] }`, `grant_controls = { built_in_controls = ["mfa"] }`, `CA\.1235.*built_in_controls = \["block"\]`},
		{users + `
    authentication_flows = { transfer_methods = ["deviceCodeFlow"] }`, `grant_controls = { built_in_controls = ["block"] }
  session_controls = { sign_in_frequency = { value = 4, type = "hours" } }`, `CA\.1235.*cannot have\s+session_controls`},
		{users + `
    authentication_flows = { transfer_methods = ["deviceCodeFlow"] }`, `session_controls = { sign_in_frequency = { value = 4, type = "hours" } }`, `Authentication flows allow only the block grant`},
		{users, `session_controls = { sign_in_frequency = { authentication_type = "primaryAndSecondaryAuthentication" } }`, `Sign-in frequency needs a value`},
		{users, `session_controls = {}`, `Empty session controls`},
		{`users = { include_users = ["All"] }
    applications = { include_applications = ["Office365"] }`, `session_controls = { persistent_browser = { mode = "never" } }`, `Persistent browser needs all cloud apps`},
		{`users = { exclude_users = ["11111111-1111-1111-1111-111111111111"] }
    applications = { include_applications = ["All"] }`, `grant_controls = { built_in_controls = ["mfa"] }`, `No users included`},
		{`users = { include_users = ["All"] }
    applications = { include_applications = ["All"], include_user_actions = ["urn:user:registersecurityinfo"] }`, `grant_controls = { built_in_controls = ["mfa"] }`, `exclusive`},
		{`users = { include_users = ["All"] }
    applications = {}`, `grant_controls = { built_in_controls = ["mfa"] }`, `No applications or user actions`},
		{`users = { include_users = ["All"] }
    applications = { include_applications = ["All", "Office365"] }`, `grant_controls = { built_in_controls = ["mfa"] }`, `All stands alone`},
		{`users = { include_users = ["All"], exclude_users = [] }
    applications = { include_applications = ["All"] }`, `grant_controls = { built_in_controls = ["mfa"] }`, `at least 1`},
		{users, `grant_controls = { built_in_controls = ["passwordChange"] }`, `passwordChange needs mfa`},
		// passwordChange, as conditionalaccessgrantcontrols.md and concept-conditional-access-grant.md describe it.
		{riskyUsers, `grant_controls = { operator = "OR", built_in_controls = ["passwordChange"], authentication_strength_id = "00000000-0000-0000-0000-000000000002" }`, `passwordChange needs AND`},
		{riskyUsers, `grant_controls = { operator = "AND", built_in_controls = ["mfa", "passwordChange", "compliantDevice"] }`, `passwordChange stands with mfa only`},
		{users, `grant_controls = { operator = "AND", built_in_controls = ["mfa", "passwordChange"] }`, `passwordChange needs user risk`},
		{`users = { include_users = ["All"], exclude_groups = ["` + breakGlassGroup + `"] }
    applications = { include_applications = ["Office365"] }
    user_risk_levels = ["high"]`, `grant_controls = { operator = "AND", built_in_controls = ["mfa", "passwordChange"] }`, `passwordChange needs all cloud apps`},
		{riskyUsers + `
    locations = { include_locations = ["All"] }`, `grant_controls = { operator = "AND", built_in_controls = ["mfa", "passwordChange"] }`, `passwordChange allows users, applications and user risk only`},
		{`users = { include_guests_or_external_users = { guest_or_external_user_types = ["internalGuest"], external_tenants_membership_kind = "all", external_tenant_ids = ["` + breakGlassGroup + `"] } }
    applications = { include_applications = ["All"] }`, `grant_controls = { built_in_controls = ["mfa"] }`, `Tenants need enumerated`},
		{users, `grant_controls = { built_in_controls = ["mfaa"] }`, `value must be one\s+of`},
		{`users = { include_guests_or_external_users = { guest_or_external_user_types = ["internalGuest"], external_tenants_membership_kind = "enumerated" } }
    applications = { include_applications = ["All"] }`, `grant_controls = { built_in_controls = ["mfa"] }`, `Tenants missing`},
	}
	var ts []resource.TestStep
	for _, s := range steps {
		ts = append(ts, resource.TestStep{Config: policy(s.conditions, s.controls), PlanOnly: true, ExpectError: regexp.MustCompile(`(?s)` + s.want)})
	}
	// The documented passwordChange policy (entra howto-conditional-access-session-lifetime, policy 3:
	// an authentication strength and password change for high user risk) plans.
	ts = append(ts, resource.TestStep{Config: policy(riskyUsers,
		`grant_controls = { operator = "AND", built_in_controls = ["passwordChange"], authentication_strength_id = "00000000-0000-0000-0000-000000000002" }`),
		PlanOnly: true, ExpectNonEmptyPlan: true})
	// A missing state is refused: report-only is not defaulted silently.
	ts = append(ts, resource.TestStep{Config: strings.Replace(policy(users, `grant_controls = { built_in_controls = ["mfa"] }`),
		`state        = "enabledForReportingButNotEnforced"`, "", 1), PlanOnly: true, ExpectError: regexp.MustCompile(`(?s)"state" is required`)})
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps:                    ts,
	})
}

func TestAccConditionalAccessPolicy_permissionDenied(t *testing.T) {
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: acctest.LimitedAppProvider(t) + fmt.Sprintf(`
resource "teamshipaa_conditional_access_policy" "test" {
  display_name = %q
  state        = "enabledForReportingButNotEnforced"
  conditions = {
    users        = { include_users = ["All"], exclude_groups = [%q] }
    applications = { include_applications = ["All"] }
  }
  grant_controls = { built_in_controls = ["mfa"] }
}
`, sdkacctest.RandomWithPrefix("tfacc-403"), breakGlassGroup),
			ExpectError: regexp.MustCompile(`(?s)403.*Policy\.ReadWrite\.ConditionalAccess`),
		}},
	})
}

// Policies from a list by count (for_each alike): while Terraform validates,
// count.index, and so the whole conditions object, is unknown, which the
// validation must accept and judge later rather than fail on. (The testing
// framework cannot read for_each instances from state, hence count.)
func TestAccConditionalAccessPolicy_forEach(t *testing.T) {
	prefix := sdkacctest.RandomWithPrefix("tfacc-each")
	config := fmt.Sprintf(`
locals {
  policies = [
    {
      key = "legacy"
      conditions = {
        users            = { include_users = ["All"], exclude_groups = [%[2]q] }
        applications     = { include_applications = ["All"] }
        client_app_types = ["exchangeActiveSync", "other"]
      }
      grant = ["block"]
    },
    {
      key = "mfa"
      conditions = {
        users            = { include_users = ["All"], exclude_groups = [%[2]q] }
        applications     = { include_applications = ["All"] }
        client_app_types = null
      }
      grant = ["mfa"]
    },
  ]
}

resource "teamshipaa_conditional_access_policy" "each" {
  count          = length(local.policies)
  display_name   = "%[1]s-${local.policies[count.index].key}"
  state          = "enabledForReportingButNotEnforced"
  conditions     = local.policies[count.index].conditions
  grant_controls = { built_in_controls = local.policies[count.index].grant }
}
`, prefix, breakGlassGroup)
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:           config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
			{Config: config, PlanOnly: true},
		},
	})
}

// A create whose read-back times out fails the apply, but the policy it
// created is in the state (so the next run manages it, never orphaned).
func TestAccConditionalAccessPolicy_createReadBackTimeoutKeepsID(t *testing.T) {
	name := sdkacctest.RandomWithPrefix("tfacc-slow")
	sim := acctest.Sim(t)
	config := fmt.Sprintf(`
resource "teamshipaa_conditional_access_policy" "test" {
  display_name = %q
  state        = "enabledForReportingButNotEnforced"
  conditions = {
    users        = { include_users = ["All"], exclude_groups = [%q] }
    applications = { include_applications = ["All"] }
  }
  grant_controls = { built_in_controls = ["mfa"] }
  timeouts       = { create = "2s" }
}
`, name, breakGlassGroup)
	created := func() (string, error) {
		var ids []string
		for _, obj := range sim.GraphObjects("conditionalAccessPolicy") {
			if obj["displayName"] == name {
				ids = append(ids, fmt.Sprint(obj["id"]))
			}
		}
		if len(ids) != 1 {
			return "", fmt.Errorf("%d policies named %s, want 1", len(ids), name)
		}
		return ids[0], nil
	}
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				// Reads lag 5 s behind the write: longer than the 2 s create timeout.
				PreConfig:   func() { sim.AddFault(tenantsim.Fault{Surface: "graph", Kind: "lag", LagMs: 5000}) },
				Config:      config,
				ExpectError: regexp.MustCompile(`id is saved in the state`),
			},
			{
				// The policy is in the state, tainted as Terraform marks every
				// failed create, so the next plan replaces it: managed, not orphaned.
				PreConfig:          func() { sim.ClearFaults(); sim.SettleLag() },
				RefreshState:       true,
				ExpectNonEmptyPlan: true,
				Check: func(s *terraform.State) error {
					want, err := created()
					if err != nil {
						return err
					}
					got, err := simID(s, caAddr)
					if err != nil {
						return fmt.Errorf("the created policy is not in the state: %w", err)
					}
					if got != want {
						return fmt.Errorf("state holds %s, the service %s", got, want)
					}
					return nil
				},
			},
		},
	})
}
