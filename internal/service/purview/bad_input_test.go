package purview_test

import (
	"regexp"
	"testing"

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
// the fix named, nothing written (issue 18).
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
