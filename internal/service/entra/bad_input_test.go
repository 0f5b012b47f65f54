package entra_test

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/acctest"
)

// caPolicy is an enabled policy for all users and apps with the given users
// condition extra, conditions extra and controls.
func caPolicy(users, conditions, controls string) string {
	return fmt.Sprintf(`
resource "teamshipaa_conditional_access_policy" "bad" {
  display_name = "tfacc-bad-input"
  state        = "enabled"
  conditions = {
    users        = { include_users = ["All"] %s }
    applications = { include_applications = ["All"] }
    %s
  }
  %s
}
`, users, conditions, controls)
}

const (
	block     = `grant_controls = { built_in_controls = ["block"] }`
	mfa       = `grant_controls = { built_in_controls = ["mfa"] }`
	breakGlas = `, exclude_users = ["5b2a7c1e-0f3d-4e8a-9c6b-1d2e3f4a5b6c"]`
)

func namedLocation(body string) string {
	return `
resource "teamshipaa_named_location" "bad" {
  display_name = "tfacc-bad-input"
  ` + body + `
}
`
}

func re(s string) *regexp.Regexp { return regexp.MustCompile(s) }

// Every configuration below is a plausible mistake. Each must be refused at
// plan time, naming the allowed values or the fix, and nothing may reach the
// tenant.
func TestAccEntra_badInputRefusedAtPlan(t *testing.T) {
	signIn := func(v int, typ string) string {
		return fmt.Sprintf(`session_controls = { sign_in_frequency = { value = %d, type = %q } }`, v, typ)
	}
	acctest.TestBadConfigs(t, []acctest.BadConfig{
		// The lockout guard: exclusions that exclude no member of the tenant.
		acctest.Bad("lockout: no exclusion", caPolicy("", "", block), re(`lock everyone out`)),
		acctest.Bad("lockout: exclude None", caPolicy(`, exclude_users = ["None"]`, "", block), re(`(?s)Invalid value.*"GuestsOrExternalUsers"`)),
		acctest.Bad("lockout: exclude None beside a guest exclusion", caPolicy(`, exclude_users = ["GuestsOrExternalUsers"]`, "", block), re(`(?s)lock everyone out.*object ID`)),
		acctest.Bad("lockout: guests only", caPolicy(`, exclude_guests_or_external_users = { guest_or_external_user_types = ["b2bCollaborationGuest"] }`, "", block), re(`lock everyone out`)),
		acctest.Bad("lockout: empty exclusions", caPolicy(`, exclude_users = [], exclude_groups = []`, "", block), re(`at least 1`)),
		acctest.Bad("lockout: roles only", caPolicy(`, exclude_roles = ["62e90394-69f5-4237-9190-012177145e10"]`, "", block), re(`lock everyone out`)),
		// Object IDs where the service expects them, with the special values named.
		acctest.Bad("include_users UPN", `
resource "teamshipaa_conditional_access_policy" "bad" {
  display_name = "x"
  state        = "enabledForReportingButNotEnforced"
  conditions = {
    users        = { include_users = ["admin@contoso.com"] }
    applications = { include_applications = ["All"] }
  }
  grant_controls = { built_in_controls = ["mfa"] }
}`, re(`(?s)not a user object ID.*"All", "None", "GuestsOrExternalUsers"`)),
		acctest.Bad("include_users lower-case all", `
resource "teamshipaa_conditional_access_policy" "bad" {
  display_name = "x"
  state        = "enabledForReportingButNotEnforced"
  conditions = {
    users        = { include_users = ["all"] }
    applications = { include_applications = ["All"] }
  }
  grant_controls = { built_in_controls = ["mfa"] }
}`, re(`must be written "All"`)),
		acctest.Bad("exclude_users UPN", caPolicy(`, exclude_users = ["breakglass@contoso.com"]`, "", mfa), re(`(?s)not a user object ID.*GuestsOrExternalUsers`)),
		acctest.Bad("exclude_users All", caPolicy(`, exclude_users = ["All"]`, "", mfa), re(`not a user object ID`)),
		acctest.Bad("include_groups name", caPolicy(`, include_groups = ["Clinicians"]`+breakGlas, "", mfa), re(`must be an object ID`)),
		acctest.Bad("exclude_groups name", caPolicy(`, exclude_groups = ["Break glass"]`, "", mfa), re(`must be an object ID`)),
		acctest.Bad("include_roles name", caPolicy(`, include_roles = ["Global Administrator"]`+breakGlas, "", mfa), re(`must be an object ID`)),
		acctest.Bad("external tenant not a GUID", caPolicy(breakGlas+`, include_guests_or_external_users = { guest_or_external_user_types = ["b2bCollaborationGuest"], external_tenants_membership_kind = "enumerated", external_tenant_ids = ["fabrikam.com"] }`, "", mfa), re(`must be a tenant ID`)),
		acctest.Bad("include_applications name", `
resource "teamshipaa_conditional_access_policy" "bad" {
  display_name = "x"
  state        = "enabledForReportingButNotEnforced"
  conditions = {
    users        = { include_users = ["All"], exclude_users = ["5b2a7c1e-0f3d-4e8a-9c6b-1d2e3f4a5b6c"] }
    applications = { include_applications = ["Microsoft Teams"] }
  }
  grant_controls = { built_in_controls = ["mfa"] }
}`, re(`(?s)not an application \(client\) ID.*"Office365", "MicrosoftAdminPortals"`)),
		acctest.Bad("exclude_applications All", `
resource "teamshipaa_conditional_access_policy" "bad" {
  display_name = "x"
  state        = "enabledForReportingButNotEnforced"
  conditions = {
    users        = { include_users = ["All"], exclude_users = ["5b2a7c1e-0f3d-4e8a-9c6b-1d2e3f4a5b6c"] }
    applications = { include_applications = ["All"], exclude_applications = ["All"] }
  }
  grant_controls = { built_in_controls = ["mfa"] }
}`, re(`not an application \(client\) ID`)),
		acctest.Bad("include_locations name", caPolicy(breakGlas, `locations = { include_locations = ["Head office"] }`, mfa), re(`(?s)not a named location ID.*"All", "AllTrusted"`)),
		acctest.Bad("exclude_locations All", caPolicy(breakGlas, `locations = { include_locations = ["All"], exclude_locations = ["All"] }`, mfa), re(`(?s)not a named location ID.*"AllTrusted"`)),
		acctest.Bad("authentication strength name", caPolicy(breakGlas, "", `grant_controls = { authentication_strength_id = "Phishing-resistant MFA" }`), re(`must be an object ID`)),
		acctest.Bad("terms of use name", caPolicy(breakGlas, "", `grant_controls = { built_in_controls = ["mfa"], terms_of_use = ["HIPAA notice"] }`), re(`must be an object ID`)),
		// Ranges and enumerations.
		acctest.Bad("sign-in frequency 24 hours", caPolicy(breakGlas, "", signIn(24, "hours")), re(`(?s)1 to 23.*value = 1, type = "days"`)),
		acctest.Bad("sign-in frequency 400 days", caPolicy(breakGlas, "", signIn(400, "days")), re(`1 to 365`)),
		acctest.Bad("sign-in frequency 0", caPolicy(breakGlas, "", signIn(0, "hours")), re(`at least 1`)),
		acctest.Bad("sign-in frequency weeks", caPolicy(breakGlas, "", signIn(1, "weeks")), re(`(?s)value must be one of.*"days".*"hours"`)),
		acctest.Bad("state on", `
resource "teamshipaa_conditional_access_policy" "bad" {
  display_name = "x"
  state        = "on"
  conditions = {
    users        = { include_users = ["All"], exclude_users = ["5b2a7c1e-0f3d-4e8a-9c6b-1d2e3f4a5b6c"] }
    applications = { include_applications = ["All"] }
  }
  grant_controls = { built_in_controls = ["mfa"] }
}`, re(`(?s)value must be one of.*enabledForReportingButNotEnforced`)),
		acctest.Bad("client app type legacy", caPolicy(breakGlas, `client_app_types = ["legacy"]`, block), re(`(?s)value must be one of.*exchangeActiveSync`)),
		acctest.Bad("built-in control MFA", caPolicy(breakGlas, "", `grant_controls = { built_in_controls = ["MFA"] }`), re(`(?s)value must be one of.*"mfa"`)),
		acctest.Bad("risk level severe", caPolicy(breakGlas, `user_risk_levels = ["severe"]`, block), re(`(?s)value must be one of.*"high"`)),
		// Named locations.
		acctest.Bad("trusted 0.0.0.0/0", namedLocation(`ip_ranges = ["0.0.0.0/0"]
  is_trusted = true`), re(`(?s)every address.*include_locations = \["All"\]`)),
		acctest.Bad("all IPv6", namedLocation(`ip_ranges = ["::/0"]`), re(`every address`)),
		acctest.Bad("a /8", namedLocation(`ip_ranges = ["17.0.0.0/8"]`), re(`longer than /8`)),
		acctest.Bad("a /4", namedLocation(`ip_ranges = ["64.0.0.0/4"]`), re(`longer than /8`)),
		acctest.Bad("host bits", namedLocation(`ip_ranges = ["203.0.113.7/24"]`), re(`(?s)host bits.*Write "203.0.113.0/24"`)),
		acctest.Bad("host bits IPv6", namedLocation(`ip_ranges = ["2001:db8::1/48"]`), re(`Write "2001:db8::/48"`)),
		acctest.Bad("address without mask", namedLocation(`ip_ranges = ["203.0.113.7"]`), re(`not an IPv4 or IPv6 range in CIDR notation`)),
		acctest.Bad("range as a dash", namedLocation(`ip_ranges = ["203.0.113.1-203.0.113.9"]`), re(`CIDR notation`)),
		acctest.Bad("no range", namedLocation(`ip_ranges = []`), re(`at least 1`)),
		acctest.Bad("country XX", namedLocation(`countries_and_regions = ["XX"]`), re(`(?s)not an officially assigned ISO 3166-1.*"US"`)),
		acctest.Bad("country UK", namedLocation(`countries_and_regions = ["US", "UK"]`), re(`Did you mean GB`)),
		acctest.Bad("country lower case", namedLocation(`countries_and_regions = ["us"]`), re(`write "US"`)),
		acctest.Bad("country alpha-3", namedLocation(`countries_and_regions = ["USA"]`), re(`two upper-case letters`)),
		acctest.Bad("country EU", namedLocation(`countries_and_regions = ["EU"]`), re(`not an officially assigned`)),
		acctest.Bad("ranges and countries", namedLocation(`ip_ranges = ["203.0.113.0/24"]
  countries_and_regions = ["US"]`), re(`Invalid Attribute Combination`)),
		acctest.Bad("neither ranges nor countries", namedLocation(``), re(`(?s)ip_ranges.*countries_and_regions`)),
		acctest.Bad("trusted countries", namedLocation(`countries_and_regions = ["US"]
  is_trusted = true`), re(`Invalid Attribute Combination`)),
		acctest.Bad("lookup by wifi", namedLocation(`countries_and_regions = ["US"]
  country_lookup_method = "wifi"`), re(`(?s)value must be one of.*authenticatorAppGps`)),
		// Provider configuration: IDs of the wrong shape fail at configure.
		acctest.Bad("client id not a GUID", `
provider "teamshipaa" {
  client_id = "terraform-hipaa-app"
}
`+namedLocation(`countries_and_regions = ["US"]`), re(`(?s)Invalid client ID.*client_id is "terraform-hipaa-app".*Application \(client\) ID`)),
		acctest.Bad("tenant id not a GUID or domain", `
provider "teamshipaa" {
  tenant_id = "Contoso Health"
}
`+namedLocation(`countries_and_regions = ["US"]`), re(`(?s)Invalid tenant ID.*contoso.onmicrosoft.com`)),
	})
}
