package purview_test

import (
	"fmt"
	"regexp"
	"testing"

	sdkacctest "github.com/hashicorp/terraform-plugin-testing/helper/acctest"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/acctest"
)

const dlpPolicy = `
resource "teamshipaa_dlp_policy" "p" {
  name           = "tfacc-bad-input"
  teams_location = ["All"]
}
`

// dlpRule is a rule of dlpPolicy with the given condition and extra arguments.
func dlpRule(condition, extra string) string {
	return dlpPolicy + `
resource "teamshipaa_dlp_rule" "bad" {
  name   = "tfacc-bad-input-rule"
  policy = teamshipaa_dlp_policy.p.name
  content_contains_sensitive_information = ` + condition + `
  ` + extra + `
}
`
}

const ssn = `{ sensitive_types = [{ name = "U.S. Social Security Number (SSN)" }] }`

func re(s string) *regexp.Regexp { return regexp.MustCompile(s) }

// Plausible mistakes in the Purview resources: each refused at plan time with
// the fix named, nothing written.
func TestAccPurview_badInputRefusedAtPlan(t *testing.T) {
	acctest.TestBadConfigs(t, []acctest.BadConfig{
		// Policies that cover nothing.
		acctest.Bad("DLP policy without a location", `
resource "teamshipaa_dlp_policy" "bad" {
  name = "tfacc-bad-input"
  mode = "Enable"
}`, re(`(?s)No location.*teams_location = \["All"\].*exchange_location, sharepoint_location, onedrive_location`)),
		acctest.Bad("DLP policy with only an exception", `
resource "teamshipaa_dlp_policy" "bad" {
  name                     = "tfacc-bad-input"
  teams_location_exception = ["someone@contoso.com"]
}`, re(`No location`)),
		acctest.Bad("retention policy without a location", `
resource "teamshipaa_retention_policy" "bad" {
  name = "tfacc-bad-input"
}`, re(`(?s)No location.*teams_chat_location = \["All"\].*teams_channel_location`)),
		acctest.Bad("All beside a user", `
resource "teamshipaa_dlp_policy" "bad" {
  name           = "tfacc-bad-input"
  teams_location = ["All", "someone@contoso.com"]
}`, re(`"All" must stand alone`)),
		acctest.Bad("exception without All", `
resource "teamshipaa_retention_policy" "bad" {
  name                          = "tfacc-bad-input"
  teams_chat_location           = ["someone@contoso.com"]
  teams_chat_location_exception = ["other@contoso.com"]
}`, re(`Exceptions need the location set to All`)),
		acctest.Bad("DLP mode On", `
resource "teamshipaa_dlp_policy" "bad" {
  name           = "tfacc-bad-input"
  mode           = "On"
  teams_location = ["All"]
}`, re(`(?s)value must be one of.*"TestWithNotifications"`)),
		acctest.Bad("policy name too long", `
resource "teamshipaa_dlp_policy" "bad" {
  name           = "`+long65+`"
  teams_location = ["All"]
}`, re(`length must be between 1 and 64`)),
		// Sensitive information types the tenant does not have.
		acctest.Bad("SIT name without its suffix", dlpRule(`{ sensitive_types = [{ name = "U.S. Social Security Number" }] }`, ""),
			re(`(?s)no sensitive information type with name "U.S. Social Security Number" \(did you mean "U.S. Social Security Number \(SSN\)"\?\).*teamshipaa_sensitive_information_types`)),
		acctest.Bad("SIT made up", dlpRule(`{ sensitive_types = [{ name = "Patient Record Number" }] }`, ""), re(`(?s)Unknown sensitive information type.*data "teamshipaa_sensitive_information_types"`)),
		acctest.Bad("SIT id unknown", dlpRule(`{ sensitive_types = [{ id = "11111111-2222-3333-4444-555555555555" }] }`, ""), re(`id "11111111-2222-3333-4444-555555555555"`)),
		acctest.Bad("SIT unknown in a group", dlpRule(`{
    operator = "And"
    groups = [
      { name = "Identifiers", operator = "Or", sensitive_types = [{ name = "U.S. Social Security Number (SSN)" }] },
      { name = "Diagnoses", operator = "Or", sensitive_types = [{ name = "ICD-10" }] },
    ]
  }`, ""), re(`name "ICD-10"`)),
		// Conditions and actions.
		acctest.Bad("two forms", dlpRule(`{
    sensitive_types = [{ name = "U.S. Social Security Number (SSN)" }]
    operator = "Or"
    groups = [{ name = "g", operator = "Or", sensitive_types = [{ name = "U.S. Social Security Number (SSN)" }] }]
  }`, ""), re(`Two forms given`)),
		acctest.Bad("no type", dlpRule(`{}`, ""), re(`No sensitive information type`)),
		acctest.Bad("name and id of two types", dlpRule(`{ sensitive_types = [{ name = "U.S. Social Security Number (SSN)", id = "50842eb7-edc8-4019-85dd-5a5c1f2bb085" }] }`, ""), re(`(?s)two different sensitive information types.*a44669fe-0d48-453d-a9b1-2cc83f2cba77`)),
		acctest.Bad("groups without operator", dlpRule(`{ groups = [{ name = "g", operator = "Or", sensitive_types = [{ name = "U.S. Social Security Number (SSN)" }] }] }`, ""), re(`operator = "And" or "Or"`)),
		acctest.Bad("max below min", dlpRule(`{ sensitive_types = [{ name = "U.S. Social Security Number (SSN)", min_count = 5, max_count = 2 }] }`, ""), re(`use -1 for any number`)),
		acctest.Bad("confidence 0", dlpRule(`{ sensitive_types = [{ name = "U.S. Social Security Number (SSN)", min_confidence = 0 }] }`, ""), re(`between 1 and 100`)),
		acctest.Bad("block scope without block", dlpRule(ssn, `block_access_scope = "All"`), re(`set block_access = true`)),
		acctest.Bad("override without notification", dlpRule(ssn, `notify_allow_override = ["FalsePositive"]`), re(`set notify_user`)),
		acctest.Bad("both justifications", dlpRule(ssn, `notify_user = ["Owner"]
  notify_allow_override = ["WithJustification", "WithoutJustification"]`), re(`cannot be used together`)),
		acctest.Bad("report content without report", dlpRule(ssn, `incident_report_content = ["All"]`), re(`set generate_incident_report`)),
		acctest.Bad("severity critical", dlpRule(ssn, `report_severity_level = "Critical"`), re(`(?s)value must be one of.*"High"`)),
		acctest.Bad("access scope external", dlpRule(ssn, `access_scope = "External"`), re(`(?s)value must be one of.*"NotInOrganization"`)),
		acctest.Bad("notify a display name", dlpRule(ssn, `notify_user = ["Privacy Office"]`), re(`(?s)neither an email address.*"Owner", "SiteAdmin", "LastModifier"`)),
		acctest.Bad("incident report to Owner", dlpRule(ssn, `generate_incident_report = ["Owner"]`), re(`(?s)neither an email address.*"SiteAdmin"`)),
		acctest.Bad("incident report to a named address", dlpRule(ssn, `generate_incident_report = ["Privacy <privacy@contoso.com>"]`), re(`Invalid recipient`)),
		acctest.Bad("SharePoint site by name", `
resource "teamshipaa_dlp_policy" "bad" {
  name                = "tfacc-bad-input"
  sharepoint_location = ["Clinical records"]
}`, re(`(?s)Not a site URL.*https://contoso.sharepoint.com/sites/clinical`)),
		acctest.Bad("DLP rule of a missing policy", `
resource "teamshipaa_dlp_rule" "bad" {
  name   = "tfacc-bad-input-rule"
  policy = "HIPAA PHI (typo)"
  content_contains_sensitive_information = `+ssn+`
}`, re(`(?s)no DLP policy named "HIPAA PHI \(typo\)".*policy = teamshipaa_dlp_policy.<name>.name`)),
		acctest.Bad("retention rule of a missing policy", `
resource "teamshipaa_retention_rule" "bad" {
  name                        = "tfacc-bad-input-rule"
  policy                      = "Teams records"
  retention_duration          = "2190"
  retention_compliance_action = "KeepAndDelete"
}`, re(`(?s)no retention policy named "Teams records".*teamshipaa_retention_policy`)),
		// Retention rules.
		acctest.Bad("retention in years", `
resource "teamshipaa_retention_policy" "p" {
  name                = "tfacc-bad-input"
  teams_chat_location = ["All"]
}
resource "teamshipaa_retention_rule" "bad" {
  name                        = "tfacc-bad-input-rule"
  policy                      = teamshipaa_retention_policy.p.name
  retention_duration          = "6 years"
  retention_compliance_action = "KeepAndDelete"
}`, re(`number of days \(1-999999\) or "Unlimited"`)),
		acctest.Bad("retention action Archive", `
resource "teamshipaa_retention_policy" "p" {
  name                = "tfacc-bad-input"
  teams_chat_location = ["All"]
}
resource "teamshipaa_retention_rule" "bad" {
  name                        = "tfacc-bad-input-rule"
  policy                      = teamshipaa_retention_policy.p.name
  retention_duration          = "2190"
  retention_compliance_action = "Archive"
}`, re(`(?s)value must be one of.*"KeepAndDelete"`)),
	})
}

const long65 = "a1234567890123456789012345678901234567890123456789012345678901234"

func TestAccPurview_planTimeValidation(t *testing.T) {
	for _, tc := range []struct{ name, config, want string }{
		{"bad mode", `resource "teamshipaa_dlp_policy" "p" {
  name = "x"
  mode = "On"
}`, `(?s)Enable.*TestWithNotifications.*TestWithoutNotifications.*Disable`},
		{"All not alone", `resource "teamshipaa_dlp_policy" "p" {
  name           = "x"
  teams_location = ["All", "alice@contoso.example"]
}`, `(?s)"All" must stand alone`},
		{"exception without All", `resource "teamshipaa_retention_policy" "p" {
  name                          = "x"
  teams_chat_location           = ["alice@contoso.example"]
  teams_chat_location_exception = ["bob@contoso.example"]
}`, `(?s)Exceptions need the location set to All`},
		{"both condition forms", `resource "teamshipaa_dlp_rule" "r" {
  name   = "x"
  policy = "p"
  content_contains_sensitive_information = {
    sensitive_types = [{ name = "Credit Card Number" }]
    operator        = "And"
    groups          = [{ name = "g", operator = "Or", sensitive_types = [{ name = "Credit Card Number" }] }]
  }
}`, `(?s)Two forms given`},
		{"neither name nor id", `resource "teamshipaa_dlp_rule" "r" {
  name   = "x"
  policy = "p"
  content_contains_sensitive_information = {
    sensitive_types = [{ min_count = 2 }]
  }
}`, `(?s)needs its name or its id`},
		{"bad severity", `resource "teamshipaa_dlp_rule" "r" {
  name                  = "x"
  policy                = "p"
  report_severity_level = "Critical"
  content_contains_sensitive_information = { sensitive_types = [{ name = "Credit Card Number" }] }
}`, `(?s)Low.*Medium.*High.*None`},
		{"block scope without block", `resource "teamshipaa_dlp_rule" "r" {
  name               = "x"
  policy             = "p"
  block_access       = false
  block_access_scope = "All"
  content_contains_sensitive_information = { sensitive_types = [{ name = "Credit Card Number" }] }
}`, `(?s)block_access_scope needs block_access`},
		{"unlimited delete", `resource "teamshipaa_retention_rule" "r" {
  name                        = "x"
  policy                      = "p"
  retention_duration          = "Unlimited"
  retention_compliance_action = "Delete"
}`, `(?s)Unlimited retention cannot delete`},
		{"expiration date option on a Teams rule", `resource "teamshipaa_retention_rule" "r" {
  name                        = "x"
  policy                      = "p"
  retention_duration          = "30"
  retention_compliance_action = "Delete"
  expiration_date_option      = "CreationAgeInDays"
}`, `(?s)PURVIEW\.RETENTION\.EXPIRATION.*You can't use this parameter for Teams\s+retention rules`},
		{"bad duration", `resource "teamshipaa_retention_rule" "r" {
  name                        = "x"
  policy                      = "p"
  retention_duration          = "7 years"
  retention_compliance_action = "Keep"
}`, `(?s)number of days`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resource.Test(t, resource.TestCase{
				PreCheck:                 func() { acctest.PreCheck(t) },
				ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
				Steps:                    []resource.TestStep{{Config: tc.config, PlanOnly: true, ExpectError: regexp.MustCompile(tc.want)}},
			})
		})
	}
}

// A value only the service refuses (ExchangeLocation takes only All for a DLP
// policy, per the simulator): the error is the cmdlet's own message (from
// error.details[].message), not the "Error executing cmdlet" envelope. (A rule
// of a missing policy, the former case, is now refused at plan time.)
func TestAccPurview_serviceErrorShowsCmdletMessage(t *testing.T) {
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: fmt.Sprintf(`resource "teamshipaa_dlp_policy" "p" {
  name              = %q
  exchange_location = ["clinicians@contoso.example"]
}`, sdkacctest.RandomWithPrefix("tfacc-exchange")),
			ExpectError: regexp.MustCompile(`(?s)New-DlpCompliancePolicy.*clinicians@contoso.example.*isn't\s+valid\s+for\s+ExchangeLocation`),
		}},
	})
}
