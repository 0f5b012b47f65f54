package baseline_test

import (
	"encoding/json"
	"fmt"
	"reflect"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/acctest"
	catalog "github.com/teamshipaa/terraform-provider-teamshipaa/internal/baseline"
)

// jsonDecodesTo checks that a string attribute holds JSON that decodes to
// want (compared after want's own round trip through JSON), and that the
// paths listed in has hold the given values.
type jsonDecodesTo struct {
	want any
	has  map[string]any // "resource/scope/attribute" -> value
}

func (c jsonDecodesTo) CheckValue(v any) error {
	s, ok := v.(string)
	if !ok {
		return fmt.Errorf("expected a string, got %T", v)
	}
	var got map[string]map[string]map[string]any
	if err := json.Unmarshal([]byte(s), &got); err != nil {
		return fmt.Errorf("not a JSON object of resource, scope and attribute: %w", err)
	}
	for path, want := range c.has {
		var res, scope, attr string
		if _, err := fmt.Sscanf(path, "%s %s %s", &res, &scope, &attr); err != nil {
			return err
		}
		if g, ok := got[res][scope][attr]; !ok || !reflect.DeepEqual(g, want) {
			return fmt.Errorf("%s.%s.%s = %#v, want %#v", res, scope, attr, g, want)
		}
	}
	if c.want != nil {
		b, err := json.Marshal(c.want)
		if err != nil {
			return err
		}
		var want any
		if err := json.Unmarshal(b, &want); err != nil {
			return err
		}
		var gotAny any
		_ = json.Unmarshal([]byte(s), &gotAny)
		if !reflect.DeepEqual(gotAny, want) {
			return fmt.Errorf("settings differ from the catalog's:\n got %s\nwant %s", s, b)
		}
	}
	return nil
}

func (c jsonDecodesTo) String() string { return "JSON settings" }

func indexOf(t *testing.T, p catalog.Profile, id string) int {
	t.Helper()
	for i, c := range catalog.ForProfile(p) {
		if c.ID == id {
			return i
		}
	}
	t.Fatalf("%s is not in the %s profile", id, p)
	return -1
}

func TestAccBaselineDataSource(t *testing.T) {
	staff, tele := "data.teamshipaa_baseline.staff", "data.teamshipaa_baseline.telehealth"
	control := func(_ string, i int, attr string) tfjsonpath.Path {
		return tfjsonpath.New("controls").AtSliceIndex(i).AtMapKey(attr)
	}
	admit := indexOf(t, catalog.Staff, "HB.MEETING.2")
	otp := indexOf(t, catalog.Telehealth, "HB.MEETING.8")
	breakGlass := indexOf(t, catalog.Staff, "HB.CA.10")
	mp := "teamshipaa_meeting_policy"
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				// An invalid profile fails first (a failing last step would
				// break the post-test destroy).
				Config:      `data "teamshipaa_baseline" "x" { profile = "clinic" }`,
				ExpectError: regexp.MustCompile(`(?s)value must be one of:.*"staff".*"telehealth"`),
			},
			{
				Config: `
data "teamshipaa_baseline" "staff" {
  profile = "staff"
}

data "teamshipaa_baseline" "telehealth" {
  profile = "telehealth"
}
`,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(staff, tfjsonpath.New("controls"), knownvalue.ListSizeExact(len(catalog.ForProfile(catalog.Staff)))),
					statecheck.ExpectKnownValue(tele, tfjsonpath.New("controls"), knownvalue.ListSizeExact(len(catalog.ForProfile(catalog.Telehealth)))),

					// HB.MEETING.2: a value, a crosswalk on three baselines, a resolution.
					statecheck.ExpectKnownValue(staff, control(staff, admit, "id"), knownvalue.StringExact("HB.MEETING.2")),
					statecheck.ExpectKnownValue(staff, control(staff, admit, "resource"), knownvalue.StringExact(mp)),
					statecheck.ExpectKnownValue(staff, control(staff, admit, "attribute"), knownvalue.StringExact("auto_admitted_users")),
					statecheck.ExpectKnownValue(staff, control(staff, admit, "scope"), knownvalue.StringExact("global")),
					statecheck.ExpectKnownValue(staff, control(staff, admit, "level"), knownvalue.StringExact("shall")),
					statecheck.ExpectKnownValue(staff, control(staff, admit, "value_json"), knownvalue.StringExact(`"EveryoneInCompanyExcludingGuests"`)),
					statecheck.ExpectKnownValue(staff, control(staff, admit, "scuba"),
						knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("MS.TEAMS.1.3v1"), knownvalue.StringExact("MS.TEAMS.1.4v1")})),
					statecheck.ExpectKnownValue(staff, control(staff, admit, "cis"), knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("8.5.3")})),
					statecheck.ExpectKnownValue(staff, control(staff, admit, "maester"), knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("MT.1045")})),
					statecheck.ExpectKnownValue(staff, control(staff, admit, "hipaa"),
						knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("164.312(a)(1)"), knownvalue.StringExact("164.312(d)")})),
					statecheck.ExpectKnownValue(staff, control(staff, admit, "resolution"), knownvalue.StringRegexp(regexp.MustCompile(`InvitedUsers`))),
					statecheck.ExpectKnownValue(staff, control(staff, admit, "profiles"),
						knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("staff"), knownvalue.StringExact("telehealth")})),

					// HB.MEETING.8: telehealth only, conditional on anonymous join.
					statecheck.ExpectKnownValue(tele, control(tele, otp, "id"), knownvalue.StringExact("HB.MEETING.8")),
					statecheck.ExpectKnownValue(tele, control(tele, otp, "scope"), knownvalue.StringExact("telehealth")),
					statecheck.ExpectKnownValue(tele, control(tele, otp, "value_json"), knownvalue.StringExact(`"OneTimePasscode"`)),
					statecheck.ExpectKnownValue(tele, control(tele, otp, "expected"),
						knownvalue.StringExact(`"OneTimePasscode" where allow_anonymous_users_to_join_meeting = true`)),
					statecheck.ExpectKnownValue(tele, control(tele, otp, "scuba"), knownvalue.ListSizeExact(0)),

					// HB.CA.10: a shape, no single value.
					statecheck.ExpectKnownValue(staff, control(staff, breakGlass, "attribute"), knownvalue.StringExact("conditions.users.exclude_users")),
					statecheck.ExpectKnownValue(staff, control(staff, breakGlass, "value_json"), knownvalue.StringExact("null")),
					statecheck.ExpectKnownValue(staff, control(staff, breakGlass, "resolution"), knownvalue.StringExact("")),

					statecheck.ExpectKnownValue(staff, tfjsonpath.New("settings_json"), jsonDecodesTo{
						want: catalog.Settings(catalog.Staff),
						has: map[string]any{
							mp + " global auto_admitted_users":                                       "EveryoneInCompanyExcludingGuests",
							mp + " every allow_anonymous_users_to_join_meeting":                      false,
							mp + " every allow_anonymous_users_to_start_meeting":                     false,
							mp + " every new_meeting_recording_expiration_days":                      float64(60),
							"teamshipaa_external_access global allow_teams_consumer_inbound":         false,
							"teamshipaa_audit_log_config global unified_audit_log_ingestion_enabled": true,
						},
					}),
					statecheck.ExpectKnownValue(tele, tfjsonpath.New("settings_json"), jsonDecodesTo{
						want: catalog.Settings(catalog.Telehealth),
						has: map[string]any{
							mp + " global allow_anonymous_users_to_join_meeting":                         false,
							mp + " telehealth anonymous_user_authentication_method":                      "OneTimePasscode",
							mp + " telehealth captcha_verification_for_meeting_join":                     "AnonymousUsersAndUntrustedOrganizations",
							mp + " telehealth auto_admitted_users":                                       "EveryoneInCompanyExcludingGuests",
							"teamshipaa_enhanced_encryption_policy tenant meeting_end_to_end_encryption": "DisabledUserOverride",
						},
					}),
					statecheck.ExpectKnownValue(staff, tfjsonpath.New("markdown"), knownvalue.StringRegexp(regexp.MustCompile(
						`(?m)^\| ID \| Level \|.*\n\|---\|[\s\S]*^\| HB\.MEETING\.2 \| shall \| Only people in the organization bypass the lobby \|`))),
					statecheck.ExpectKnownValue(tele, tfjsonpath.New("markdown"), knownvalue.StringRegexp(regexp.MustCompile(`(?m)^\| HB\.MEETING\.8 \| shall \|`))),
				},
			},
			{
				// Staff-only and telehealth-only controls stay in their profile.
				Config: `data "teamshipaa_baseline" "staff" { profile = "staff" }`,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(staff, tfjsonpath.New("markdown"), notMatching{regexp.MustCompile(`HB\.MEETING\.8 `)}),
					statecheck.ExpectKnownValue(staff, tfjsonpath.New("settings_json"), notMatching{regexp.MustCompile(`"telehealth"`)}),
				},
			},
		},
	})
}

type notMatching struct{ re *regexp.Regexp }

func (c notMatching) CheckValue(v any) error {
	s, _ := v.(string)
	if c.re.MatchString(s) {
		return fmt.Errorf("%q matches %s", c.re.FindString(s), c.re)
	}
	return nil
}

func (c notMatching) String() string { return "not matching " + c.re.String() }
