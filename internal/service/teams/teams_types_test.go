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
)

// typeCase drives the same lifecycle through one Teams resource type.
type typeCase struct {
	resource   string // e.g. teamshipaa_messaging_policy
	apiType    string // e.g. TeamsMessagingPolicy
	singleton  bool
	create     string // attribute lines of the first apply
	update     string // attribute lines of the second apply
	checkAttr  string // an attribute the update changes
	checkValue knownvalue.Check
	simParam   string // its wire name
	simValue   any    // its wire value after the update
	drift      map[string]any
	bad        string // an attribute line that must fail at plan time
	badError   string
}

var typeCases = []typeCase{
	{
		resource: "teamshipaa_enhanced_encryption_policy", apiType: "TeamsEnhancedEncryptionPolicy",
		create: `calling_end_to_end_encryption_enabled_type = "DisabledUserOverride"
  meeting_end_to_end_encryption = "Disabled"`,
		update: `calling_end_to_end_encryption_enabled_type = "DisabledUserOverride"
  meeting_end_to_end_encryption = "DisabledUserOverride"`,
		checkAttr: "meeting_end_to_end_encryption", checkValue: knownvalue.StringExact("DisabledUserOverride"),
		simParam: "MeetingEndToEndEncryption", simValue: "DisabledUserOverride",
		drift: map[string]any{"CallingEndtoEndEncryptionEnabledType": "Disabled"},
		bad:   `calling_end_to_end_encryption_enabled_type = "Enabled"`, badError: `must be one of.*DisabledUserOverride`,
	},
	{
		resource: "teamshipaa_app_permission_policy", apiType: "TeamsAppPermissionPolicy",
		create: `default_catalog_apps_type = "AllowedAppList"
  default_catalog_apps = ["14d6962d-6eeb-4f48-8890-de55454bb136", "86fcd49b-61a2-4701-b771-54728cd291fb"]
  global_catalog_apps_type = "AllowedAppList"
  global_catalog_apps = []`,
		update: `default_catalog_apps_type = "AllowedAppList"
  default_catalog_apps = ["86fcd49b-61a2-4701-b771-54728cd291fb"]
  global_catalog_apps_type = "AllowedAppList"
  global_catalog_apps = []`,
		checkAttr: "default_catalog_apps", checkValue: knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact("86fcd49b-61a2-4701-b771-54728cd291fb")}),
		simParam: "DefaultCatalogAppsType", simValue: "AllowedAppList",
		drift: map[string]any{"GlobalCatalogAppsType": "BlockedAppList"},
		bad:   `global_catalog_apps_type = "AllowAll"`, badError: `must be one of.*AllowedAppList`,
	},
	{
		resource: "teamshipaa_messaging_policy", apiType: "TeamsMessagingPolicy",
		create: `allow_security_end_user_reporting = true
  giphy_rating_type = "Strict"`,
		update: `allow_security_end_user_reporting = true
  giphy_rating_type = "Strict"
  allow_memes = false`,
		checkAttr: "allow_memes", checkValue: knownvalue.Bool(false),
		simParam: "AllowMemes", simValue: false,
		drift: map[string]any{"AllowSecurityEndUserReporting": false},
		bad:   `giphy_rating_type = "PG13"`, badError: `must be one of.*Moderate`,
	},
	{
		resource: "teamshipaa_external_access", apiType: "TenantFederationSettings", singleton: true,
		create: `allow_federated_users = true
  allowed_domains = ["partner-hospital.example.org"]
  allow_teams_consumer = false
  allow_teams_consumer_inbound = false
  external_access_with_trial_tenants = "Blocked"`,
		update: `allow_federated_users = true
  allowed_domains = ["partner-hospital.example.org", "clinic.example.com"]
  allow_teams_consumer = false
  allow_teams_consumer_inbound = false
  external_access_with_trial_tenants = "Blocked"`,
		checkAttr: "allowed_domains", checkValue: knownvalue.SetSizeExact(2),
		simParam: "AllowTeamsConsumer", simValue: false,
		drift: map[string]any{"AllowTeamsConsumer": true},
		bad:   `external_access_with_trial_tenants = "Maybe"`, badError: `must be one of.*Blocked`,
	},
	{
		resource: "teamshipaa_client_configuration", apiType: "TeamsClientConfiguration", singleton: true,
		create: `allow_email_into_channel = false
  allow_dropbox = false`,
		update: `allow_email_into_channel = false
  allow_dropbox = false
  allow_box = false`,
		checkAttr: "allow_box", checkValue: knownvalue.Bool(false),
		simParam: "AllowBox", simValue: false,
		drift: map[string]any{"AllowEmailIntoChannel": true},
		bad:   `content_pin = "Sometimes"`, badError: `must be one of.*AlwaysRequired`,
	},
	{
		resource: "teamshipaa_meeting_configuration", apiType: "TeamsMeetingConfiguration", singleton: true,
		create:    `enable_qos = true`,
		update:    `enable_qos = false`,
		checkAttr: "enable_qos", checkValue: knownvalue.Bool(false),
		simParam: "EnableQoS", simValue: false,
		drift: map[string]any{"EnableQoS": true},
		bad:   `client_audio_port = 80`, badError: `between 1024 and 65535`,
	},
}

func (tc typeCase) config(name, attrs string) string {
	nameLine := ""
	if !tc.singleton {
		nameLine = fmt.Sprintf("name = %q\n  ", name)
	}
	return fmt.Sprintf("resource %q \"test\" {\n  %s%s\n}\n", tc.resource, nameLine, attrs)
}

func TestAccTeamsTypes_lifecycle(t *testing.T) {
	for _, tc := range typeCases {
		t.Run(tc.resource, func(t *testing.T) {
			name, identity := sdkacctest.RandomWithPrefix("tfacc"), "Global"
			if !tc.singleton {
				identity = "Tag:" + name
			}
			addr := tc.resource + ".test"
			sim := acctest.Sim(t)
			simCheck := func(param string, want any) resource.TestCheckFunc {
				return func(*terraform.State) error {
					obj, ok := sim.TeamsInstance(tc.apiType, identity)
					if !ok {
						return fmt.Errorf("%s %s is gone", tc.apiType, identity)
					}
					if got := obj[param]; got != want {
						return fmt.Errorf("simulator: %s.%s = %v, want %v", identity, param, got, want)
					}
					return nil
				}
			}
			// Custom policies are deleted; singletons stay, as Terraform left them.
			checkDestroy := func(*terraform.State) error {
				_, ok := sim.TeamsInstance(tc.apiType, identity)
				if tc.singleton && !ok {
					return fmt.Errorf("destroy must leave the %s singleton in place", tc.apiType)
				}
				if !tc.singleton && ok {
					return fmt.Errorf("%s still exists after destroy", identity)
				}
				return nil
			}
			if tc.singleton {
				checkDestroy = simCheck(tc.simParam, tc.simValue)
			}
			importID := name
			if tc.singleton {
				importID = "Global"
			}
			resource.Test(t, resource.TestCase{
				PreCheck:                 func() { acctest.PreCheck(t) },
				ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
				CheckDestroy:             checkDestroy,
				Steps: []resource.TestStep{
					{
						Config:      tc.config(name, tc.bad),
						PlanOnly:    true,
						ExpectError: regexp.MustCompile(`(?s)` + tc.badError),
					},
					{
						Config: tc.config(name, tc.create),
						ConfigPlanChecks: resource.ConfigPlanChecks{
							PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(addr, plancheck.ResourceActionCreate)},
							PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
						},
						ConfigStateChecks: []statecheck.StateCheck{
							statecheck.ExpectKnownValue(addr, tfjsonpath.New("id"), knownvalue.StringExact(identity)),
						},
					},
					{
						Config: tc.config(name, tc.update),
						ConfigPlanChecks: resource.ConfigPlanChecks{
							PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate)},
							PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
						},
						ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectKnownValue(addr, tfjsonpath.New(tc.checkAttr), tc.checkValue)},
						Check:             simCheck(tc.simParam, tc.simValue),
					},
					{ResourceName: addr, ImportState: true, ImportStateId: importID, ImportStateVerify: true},
					{
						// A change made out of band shows in the plan; apply restores it.
						PreConfig: func() {
							if err := sim.SetTeamsParams(tc.apiType, identity, tc.drift); err != nil {
								t.Fatal(err)
							}
						},
						Config: tc.config(name, tc.update),
						ConfigPlanChecks: resource.ConfigPlanChecks{
							PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate)},
							PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
						},
						Check: func(s *terraform.State) error {
							for k := range tc.drift {
								obj, _ := sim.TeamsInstance(tc.apiType, identity)
								if obj[k] == tc.drift[k] {
									return fmt.Errorf("apply did not restore %s", k)
								}
							}
							return nil
						},
					},
				},
			})
		})
	}
}
