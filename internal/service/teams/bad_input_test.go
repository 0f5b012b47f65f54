package teams_test

import (
	"regexp"
	"testing"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/acctest"
)

func federation(body string) string {
	return `
resource "teamshipaa_external_access" "bad" {
  ` + body + `
}
`
}

func meetingConfiguration(body string) string {
	return `
resource "teamshipaa_meeting_configuration" "bad" {
  ` + body + `
}
`
}

func assignment(body string) string {
	return `
resource "teamshipaa_policy_assignment" "bad" {
  ` + body + `
}
`
}

const groupID = "5b2a7c1e-0f3d-4e8a-9c6b-1d2e3f4a5b6c"

func re(s string) *regexp.Regexp { return regexp.MustCompile(s) }

// Plausible mistakes in the Teams resources: each refused at plan time with
// the fix named, nothing written.
func TestAccTeams_badInputRefusedAtPlan(t *testing.T) {
	acctest.TestBadConfigs(t, []acctest.BadConfig{
		// Federation: allowed and blocked lists are exclusive; domains are domains.
		acctest.Bad("allowed and blocked domains", federation(`allowed_domains = ["partner-hospital.example.org"]
  blocked_domains = ["gmail.com"]`), re(`(?s)Allowed and blocked domains are exclusive.*AllowAllKnownDomains`)),
		acctest.Bad("allowed domain URL", federation(`allowed_domains = ["https://partner.example.org"]`), re(`is a URL`)),
		acctest.Bad("blocked address", federation(`blocked_domains = ["someone@gmail.com"]`), re(`list its domain, "gmail.com"`)),
		acctest.Bad("wildcard", federation(`blocked_domains = ["*.example.com"]`), re(`(?s)wildcard.*block_all_subdomains`)),
		acctest.Bad("single label", federation(`allowed_domains = ["contoso"]`), re(`fully qualified`)),
		acctest.Bad("empty label", federation(`allowed_domains = ["contoso..com"]`), re(`each dot-separated label`)),
		acctest.Bad("leading hyphen", federation(`allowed_domains = ["-contoso.com"]`), re(`each dot-separated label`)),
		acctest.Bad("space", federation(`allowed_domains = ["partner hospital.org"]`), re(`letters, digits, hyphens and dots only`)),
		acctest.Bad("underscore", federation(`blocked_domains = ["bad_domain.com"]`), re(`letters, digits, hyphens and dots only`)),
		acctest.Bad("IP address", federation(`allowed_domains = ["192.0.2.10"]`), re(`an IP address is not a federation domain`)),
		acctest.Bad("unicode", federation(`allowed_domains = ["krankenhaus-münchen.de"]`), re(`xn--`)),
		acctest.Bad("label too long", federation(`allowed_domains = ["`+longLabel+`.com"]`), re(`1 to 63`)),
		acctest.Bad("trial tenant domain", federation(`allowed_trial_tenant_domains = ["trial tenant"]`), re(`Invalid domain name`)),
		acctest.Bad("allow all with a domain", federation(`allowed_domains = ["AllowAllKnownDomains", "contoso.com"]`), re(`cannot be combined with domain names`)),
		acctest.Bad("allow all misspelled", federation(`allowed_domains = ["allowallknowndomains"]`), re(`Write "AllowAllKnownDomains" exactly`)),
		acctest.Bad("trial tenants enum", federation(`external_access_with_trial_tenants = "Deny"`), re(`(?s)value must be one of.*"Blocked"`)),
		// Media ports: within 1024-65535, start and end.
		acctest.Bad("audio range past 65535", meetingConfiguration(`client_audio_port = 65530
  client_audio_port_range = 20`), re(`(?s)ends at port 65549.*Start at 65516 or lower`)),
		acctest.Bad("default range past 65535", meetingConfiguration(`client_video_port = 65525`), re(`(?s)20 ports \(the default\).*ends at port 65544`)),
		acctest.Bad("sharing range past 65535", meetingConfiguration(`client_app_sharing_port = 60000
  client_app_sharing_port_range = 6000`), re(`client_app_sharing_port_range = 5536 or fewer`)),
		acctest.Bad("port 80", meetingConfiguration(`client_audio_port = 80`), re(`(?s)value must be between 1024 and 65535`)),
		acctest.Bad("port 70000", meetingConfiguration(`client_video_port = 70000`), re(`(?s)value must be between 1024 and 65535`)),
		acctest.Bad("empty range", meetingConfiguration(`client_audio_port_range = 0`), re(`leaves no port`)),
		acctest.Bad("range larger than the port space", meetingConfiguration(`client_video_port_range = 70000`), re(`cannot fit between 1024 and 65535`)),
		acctest.Bad("negative range", meetingConfiguration(`client_audio_port_range = -1`), re(`at least 0`)),
		acctest.Bad("survey enum", meetingConfiguration(`feedback_survey_for_anonymous_users = "$disabled"`), re(`(?s)value must be one of.*"Disabled"`)),
		// Policies.
		acctest.Bad("policy named with Tag:", `
resource "teamshipaa_meeting_policy" "bad" {
  name = "Tag:Clinicians"
}`, re(`without the .Tag:. prefix`)),
		acctest.Bad("lobby enum", `
resource "teamshipaa_meeting_policy" "bad" {
  name                = "tfacc-bad-input"
  auto_admitted_users = "EveryoneInOrganization"
}`, re(`(?s)value must be one of.*"EveryoneInCompanyExcludingGuests"`)),
		// Assignments.
		acctest.Bad("assignment with Tag:", assignment(`policy_type = "TeamsMeetingPolicy"
  policy_name = "Tag:AllOn"
  group_id    = "`+groupID+`"`), re(`(?s)Tag: prefix.*write "AllOn"`)),
		acctest.Bad("assignment to a missing policy", assignment(`policy_type = "TeamsMeetingPolicy"
  policy_name = "Clinicians"
  group_id    = "`+groupID+`"`), re(`(?s)no TeamsMeetingPolicy named "Clinicians".*"AllOn".*teamshipaa_meeting_policy`)),
		acctest.Bad("tenant default to a missing policy", assignment(`policy_type = "TeamsMessagingPolicy"
  policy_name = "Strict messaging"`), re(`(?s)no TeamsMessagingPolicy named "Strict messaging".*teamshipaa_messaging_policy`)),
		acctest.Bad("assignment to a policy of another type", `
resource "teamshipaa_messaging_policy" "p" {
  name = "tfacc-bad-input-messaging"
}
`+assignment(`policy_type = "TeamsMeetingPolicy"
  policy_name = teamshipaa_messaging_policy.p.name
  group_id    = "`+groupID+`"`), re(`no TeamsMeetingPolicy named "tfacc-bad-input-messaging"`)),
		acctest.Bad("assignment name with a slash", assignment(`policy_type = "TeamsMeetingPolicy"
  policy_name = "Clinicians/Nurses"
  group_id    = "`+groupID+`"`), re(`cannot name a Teams policy`)),
		acctest.Bad("group by name", assignment(`policy_type = "TeamsMeetingPolicy"
  policy_name = "AllOn"
  group_id    = "Clinicians"`), re(`must be a group object ID`)),
		acctest.Bad("rank without group", assignment(`policy_type = "TeamsMeetingPolicy"
  policy_name = "AllOn"
  rank        = 1`), re(`rank needs group_id`)),
		acctest.Bad("rank 0", assignment(`policy_type = "TeamsMeetingPolicy"
  policy_name = "AllOn"
  group_id    = "`+groupID+`"
  rank        = 0`), re(`at least 1`)),
		acctest.Bad("app permission policy to a group", assignment(`policy_type = "TeamsAppPermissionPolicy"
  policy_name = "Global"
  group_id    = "`+groupID+`"`), re(`leave group_id out`)),
		acctest.Bad("Global to a group", assignment(`policy_type = "TeamsMeetingPolicy"
  policy_name = "Global"
  group_id    = "`+groupID+`"`), re(`Global cannot be assigned to a group`)),
		acctest.Bad("unknown policy type", assignment(`policy_type = "TeamsCallingPolicy"
  policy_name = "AllOn"`), re(`(?s)value must be one of.*"TeamsMeetingPolicy"`)),
	})
}

const longLabel = "a123456789012345678901234567890123456789012345678901234567890123"
