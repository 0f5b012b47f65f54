package entra

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/flex"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/framework"
)

// Bad-input rules, kept apart from the service's combination rules
// in conditional_access_policy_validate.go.

// The values Graph v1.0 takes in each ID list besides object IDs
// (conditionalaccessusers.md, conditionalaccessapplications.md,
// conditionalaccesslocations.md). excludeUsers is documented as "User IDs
// excluded from scope of policy and/or GuestsOrExternalUsers": "None" or
// "All" there excludes nobody and is refused, so the lockout guard cannot
// mistake it for an exclusion.
var (
	includeUsersValues     = idOr{what: "a user object ID", specials: []string{"All", "None", "GuestsOrExternalUsers"}}
	excludeUsersValues     = idOr{what: "a user object ID", specials: []string{"GuestsOrExternalUsers"}}
	includeAppsValues      = idOr{what: "an application (client) ID", specials: []string{"All", "None", "Office365", "MicrosoftAdminPortals"}}
	excludeAppsValues      = idOr{what: "an application (client) ID", specials: []string{"Office365", "MicrosoftAdminPortals"}}
	includeLocationsValues = idOr{what: "a named location ID", specials: []string{"All", "AllTrusted"}}
	excludeLocationsValues = idOr{what: "a named location ID", specials: []string{"AllTrusted"}}
)

// Sign-in frequency bounds: the Entra admin center's periodic
// reauthentication takes 1-23 hours or 1-365 days, and the service refuses a
// larger value (the simulator answers it with 400; no Graph page states the
// bound, so the message says what to use instead).
const (
	maxFrequencyHours = 23
	maxFrequencyDays  = 365
)

// validateInput checks values the schema's validators cannot: ranges that
// depend on another attribute.
func validateInput(m *caPolicyModel, diags *diag.Diagnostics) {
	signInFrequencyRange(m, diags)
}

func signInFrequencyRange(m *caPolicyModel, diags *diag.Diagnostics) {
	if m.SessionControls == nil || m.SessionControls.SignInFrequency == nil {
		return
	}
	f := m.SessionControls.SignInFrequency
	if !flex.Known(f.Value) || !flex.Known(f.Type) {
		return
	}
	v, typ := f.Value.ValueInt64(), f.Type.ValueString()
	p := path.Root("session_controls").AtName("sign_in_frequency").AtName("value")
	switch {
	case typ == "hours" && v > maxFrequencyHours:
		hint := ""
		if v%24 == 0 {
			hint = fmt.Sprintf(" (%d hours is value = %d, type = \"days\")", v, v/24)
		}
		diags.AddAttributeError(p, "Sign-in frequency out of range",
			fmt.Sprintf("With type = \"hours\", value is 1 to %d; %d hours is too many. Use type = \"days\" for longer%s.", maxFrequencyHours, v, hint))
	case typ == "days" && v > maxFrequencyDays:
		diags.AddAttributeError(p, "Sign-in frequency out of range",
			fmt.Sprintf("With type = \"days\", value is 1 to %d; %d days is too many.", maxFrequencyDays, v))
	}
}

// excludesMembers reports whether a users condition excludes someone who could
// be a member of the tenant (an emergency-access account): a user object ID or
// a group. "GuestsOrExternalUsers" and exclude_guests_or_external_users
// exclude guests only, and an empty set nobody; an unknown set may hold IDs.
func excludesMembers(u *caUsers) bool {
	if setNonEmpty(u.ExcludeGroups) {
		return true
	}
	if u.ExcludeUsers.IsUnknown() {
		return true
	}
	// Not flex.Known: a known set may hold an element known only at apply
	// (an id from another resource), which the loop counts as a user.
	if u.ExcludeUsers.IsNull() {
		return false
	}
	for _, e := range u.ExcludeUsers.Elements() {
		s, ok := e.(types.String)
		if !ok || s.IsUnknown() || framework.GUID.MatchString(s.ValueString()) {
			return true
		}
	}
	return false
}
