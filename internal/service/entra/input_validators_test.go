package entra

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func validateString(v validator.String, s string) diag.Diagnostics {
	resp := &validator.StringResponse{}
	v.ValidateString(context.Background(), validator.StringRequest{Path: path.Root("x"), ConfigValue: types.StringValue(s)}, resp)
	return resp.Diagnostics
}

// Each bad value is refused with a message that names the fix; each good one passes.
func TestInputValidators(t *testing.T) {
	const id = "5b2a7c1e-0f3d-4e8a-9c6b-1d2e3f4a5b6c"
	for _, tc := range []struct {
		name string
		v    validator.String
		in   string
		want string // substring of the error; "" = accepted
	}{
		{"user id", includeUsersValues, id, ""},
		{"All", includeUsersValues, "All", ""},
		{"None", includeUsersValues, "None", ""},
		{"guests", includeUsersValues, "GuestsOrExternalUsers", ""},
		{"upn", includeUsersValues, "admin@contoso.com", `"All", "None", "GuestsOrExternalUsers"`},
		{"lower all", includeUsersValues, "all", `must be written "All"`},
		{"short guid", includeUsersValues, "5b2a7c1e-0f3d-4e8a-9c6b", "not a user object ID"},
		{"exclude None", excludeUsersValues, "None", `one of "GuestsOrExternalUsers"`},
		{"exclude All", excludeUsersValues, "All", `one of "GuestsOrExternalUsers"`},
		{"exclude id", excludeUsersValues, id, ""},
		{"app name", includeAppsValues, "Microsoft Teams", `"Office365", "MicrosoftAdminPortals"`},
		{"admin portals", includeAppsValues, "MicrosoftAdminPortals", ""},
		{"exclude All apps", excludeAppsValues, "All", "not an application (client) ID"},
		{"location name", includeLocationsValues, "Head office", `"All", "AllTrusted"`},
		{"exclude All locations", excludeLocationsValues, "All", `"AllTrusted"`},
		{"cidr", cidrValidator{}, "203.0.113.0/24", ""},
		{"cidr v6", cidrValidator{}, "2001:db8::/48", ""},
		{"single host", cidrValidator{}, "203.0.113.7/32", ""},
		{"all v4", cidrValidator{}, "0.0.0.0/0", "every address"},
		{"all v6", cidrValidator{}, "::/0", "every address"},
		{"slash 8", cidrValidator{}, "10.0.0.0/8", "longer than /8"},
		{"slash 1", cidrValidator{}, "128.0.0.0/1", "longer than /8"},
		{"host bits", cidrValidator{}, "203.0.113.7/24", `Write "203.0.113.0/24"`},
		{"host bits v6", cidrValidator{}, "2001:db8::1/48", `Write "2001:db8::/48"`},
		{"no mask", cidrValidator{}, "203.0.113.7", "not an IPv4 or IPv6 range"},
		{"garbage", cidrValidator{}, "office", "not an IPv4 or IPv6 range"},
		{"US", countryCode{}, "US", ""},
		{"AX", countryCode{}, "AX", ""},
		{"XX", countryCode{}, "XX", "not an officially assigned ISO 3166-1"},
		{"UK", countryCode{}, "UK", "Did you mean GB"},
		{"EU", countryCode{}, "EU", "not an officially assigned"},
		{"lower", countryCode{}, "us", `"US"`},
		{"alpha-3", countryCode{}, "USA", "two upper-case letters"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := validateString(tc.v, tc.in)
			got := ""
			for _, e := range d.Errors() {
				got += e.Summary() + ": " + e.Detail()
			}
			if tc.want == "" && got != "" {
				t.Fatalf("%q refused: %s", tc.in, got)
			}
			if tc.want != "" && !strings.Contains(got, tc.want) {
				t.Fatalf("%q: error %q, want it to contain %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestISO3166ListIsComplete(t *testing.T) {
	if n := len(iso3166Alpha2); n != 249 {
		t.Fatalf("%d codes, ISO 3166-1 assigns 249", n)
	}
}

func TestPrivateRange(t *testing.T) {
	for in, want := range map[string]bool{
		"10.1.0.0/16": true, "192.168.1.0/24": true, "172.16.0.0/12": true, "100.64.0.0/16": true, "fd00::/8": true, "fd12::/16": true,
		"203.0.113.0/24": false, "2001:db8::/48": false, "127.0.0.0/8": true,
	} {
		if got := privateRange(in); got != want {
			t.Errorf("privateRange(%q) = %t, want %t", in, got, want)
		}
	}
}

// The lockout guard counts only a user ID or a group as an exclusion.
func TestLockoutIgnoresExclusionsOfNobody(t *testing.T) {
	for name, edit := range map[string]func(u *caUsers){
		"None":              func(u *caUsers) { u.ExcludeUsers = strSet("None") },
		"guests by keyword": func(u *caUsers) { u.ExcludeUsers = strSet("GuestsOrExternalUsers") },
		"guests by type": func(u *caUsers) {
			u.ExcludeGuestsOrExternalUsers = &caGuests{GuestOrExternalUserTypes: strSet("b2bCollaborationGuest")}
		},
		"empty users and groups":   func(u *caUsers) { u.ExcludeUsers, u.ExcludeGroups = strSet(), strSet() },
		"roles only (not counted)": func(u *caUsers) { u.ExcludeRoles = strSet("62e90394-69f5-4237-9190-012177145e10") },
	} {
		t.Run(name, func(t *testing.T) {
			m := allUsersPolicy("enabled", "block")
			edit(m.Conditions.Users)
			var d diag.Diagnostics
			validatePolicy(m, &d)
			if !d.HasError() || !strings.Contains(d.Errors()[0].Summary(), "lock everyone out") {
				t.Fatalf("want the lockout refusal, got %v", d)
			}
		})
	}
	for name, edit := range map[string]func(u *caUsers){
		"a user id":     func(u *caUsers) { u.ExcludeUsers = strSet("None", "5b2a7c1e-0f3d-4e8a-9c6b-1d2e3f4a5b6c") },
		"a group":       func(u *caUsers) { u.ExcludeGroups = strSet("5b2a7c1e-0f3d-4e8a-9c6b-1d2e3f4a5b6c") },
		"unknown users": func(u *caUsers) { u.ExcludeUsers = types.SetUnknown(types.StringType) },
		"unknown user ids": func(u *caUsers) {
			u.ExcludeUsers = types.SetValueMust(types.StringType, []attr.Value{types.StringUnknown()})
		},
	} {
		t.Run(name, func(t *testing.T) {
			m := allUsersPolicy("enabled", "block")
			edit(m.Conditions.Users)
			var d diag.Diagnostics
			validatePolicy(m, &d)
			if d.HasError() {
				t.Fatalf("refused: %v", d)
			}
		})
	}
}

func TestSignInFrequencyRange(t *testing.T) {
	for _, tc := range []struct {
		value int64
		typ   string
		want  string
	}{
		{23, "hours", ""}, {24, "hours", "value = 1, type = \"days\""}, {48, "hours", "1 to 23"},
		{365, "days", ""}, {366, "days", "1 to 365"}, {1, "days", ""},
	} {
		m := allUsersPolicy("enabledForReportingButNotEnforced", "mfa")
		m.SessionControls = &caSession{SignInFrequency: &caSignInFrequency{Value: types.Int64Value(tc.value), Type: types.StringValue(tc.typ),
			FrequencyInterval: types.StringNull(), IsEnabled: types.BoolNull(), AuthenticationType: types.StringNull()},
			ApplicationEnforcedRestrictionsEnabled: types.BoolNull()}
		var d diag.Diagnostics
		validatePolicy(m, &d)
		got := ""
		for _, e := range d.Errors() {
			got += e.Detail()
		}
		if (tc.want == "") != (got == "") || !strings.Contains(got, tc.want) {
			t.Errorf("%d %s: errors %q, want %q", tc.value, tc.typ, got, tc.want)
		}
	}
}

func TestPrivateRangesWarning(t *testing.T) {
	if w := privateRangesWarning([]string{"203.0.113.0/24", "2001:db8::/48"}, true); w != "" {
		t.Errorf("public ranges warned: %s", w)
	}
	w := privateRangesWarning([]string{"203.0.113.0/24", "10.20.0.0/16", "192.168.1.0/24"}, true)
	if !strings.Contains(w, `"10.20.0.0/16", "192.168.1.0/24"`) || !strings.Contains(w, "AllTrusted") || strings.Contains(w, "203.0.113.0") {
		t.Errorf("trusted private ranges: %q", w)
	}
	if w := privateRangesWarning([]string{"10.20.0.0/16"}, false); w == "" || strings.Contains(w, "AllTrusted") {
		t.Errorf("untrusted private range: %q", w)
	}
}
