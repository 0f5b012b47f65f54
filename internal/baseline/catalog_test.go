package baseline

import (
	"encoding/json"
	"regexp"
	"slices"
	"strings"
	"testing"
)

var idRE = regexp.MustCompile(`^HB\.[A-Z0-9]+\.[1-9][0-9]*$`)

func TestCatalogIDsUniqueAndWellFormed(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range Catalog() {
		if !idRE.MatchString(c.ID) {
			t.Errorf("%q: id is not of the form HB.<GROUP>.<n>", c.ID)
		}
		if seen[c.ID] {
			t.Errorf("%q: duplicate id", c.ID)
		}
		seen[c.ID] = true
	}
	// Ids committed before are never renumbered: a sample that must stay.
	for _, id := range []string{"HB.MEETING.1", "HB.MEETING.2"} {
		if !seen[id] {
			t.Errorf("%s is gone: ids are never removed or renumbered", id)
		}
	}
}

func TestCatalogControlsComplete(t *testing.T) {
	hipaa := regexp.MustCompile(`^16[0-4]\.[0-9]+(\([0-9a-zA-Z]+\))*$`)
	knownSources := []string{"SCuBA", "CIS", "MT", "SEED-A", "SEED-B", "docs"}
	for _, c := range Catalog() {
		if strings.TrimSpace(c.Title) == "" || strings.TrimSpace(c.TradeOff) == "" {
			t.Errorf("%s: needs a title and a trade-off", c.ID)
		}
		if len(c.HIPAA) == 0 {
			t.Errorf("%s: needs at least one HIPAA citation", c.ID)
		}
		for _, h := range c.HIPAA {
			if !hipaa.MatchString(h) {
				t.Errorf("%s: HIPAA citation %q is not a 45 CFR section like 164.312(a)(1)", c.ID, h)
			}
		}
		if len(c.Sources) == 0 {
			t.Errorf("%s: needs at least one source", c.ID)
		}
		for _, s := range c.Sources {
			if !slices.Contains(knownSources, s) {
				t.Errorf("%s: unknown source key %q", c.ID, s)
			}
		}
		if !strings.HasPrefix(c.Resource, "teamshipaa_") {
			t.Errorf("%s: resource %q is not a teamshipaa resource type", c.ID, c.Resource)
		}
		if c.Attribute == "" && c.Scope != ScopeTenant {
			t.Errorf("%s: only tenant controls may leave the attribute empty", c.ID)
		}
		if c.Level != Shall && c.Level != Should {
			t.Errorf("%s: level %q", c.ID, c.Level)
		}
		if !slices.Contains([]Scope{ScopeEvery, ScopeGlobal, ScopeTelehealth, ScopeTenant}, c.Scope) {
			t.Errorf("%s: scope %q", c.ID, c.Scope)
		}
		if len(c.Profiles) == 0 {
			t.Errorf("%s: applies to no profile", c.ID)
		}
		if c.Scope == ScopeTelehealth && !slices.Equal(c.Profiles, []Profile{Telehealth}) {
			t.Errorf("%s: a telehealth-scope control belongs to the telehealth profile only", c.ID)
		}
		if c.Rule == nil || c.Rule.Expected() == "" {
			t.Errorf("%s: needs a rule that describes itself", c.ID)
		}
		// The crosswalk and the sources agree.
		if len(c.Crosswalk.SCuBA) > 0 && !slices.Contains(c.Sources, "SCuBA") ||
			len(c.Crosswalk.CIS) > 0 && !slices.Contains(c.Sources, "CIS") ||
			len(c.Crosswalk.Maester) > 0 && !slices.Contains(c.Sources, "MT") {
			t.Errorf("%s: crosswalk %s names a baseline missing from sources %v", c.ID, c.Crosswalk, c.Sources)
		}
	}
}

// objectFor builds an object of c's resource holding v at c's attribute (a
// dotted path makes nested objects), plus the guard of a conditional rule.
func objectFor(c Control, v any) Object {
	o := Object{Resource: c.Resource, Name: "example", Global: true, Profile: c.Profiles[0], Attrs: map[string]any{}}
	set := func(path string, v any) {
		m := o.Attrs
		parts := strings.Split(path, ".")
		for _, p := range parts[:len(parts)-1] {
			next, ok := m[p].(map[string]any)
			if !ok {
				next = map[string]any{}
				m[p] = next
			}
			m = next
		}
		m[parts[len(parts)-1]] = v
	}
	if g, ok := c.Rule.(interface{ Guard() (string, any) }); ok {
		attr, want := g.Guard()
		set(attr, want)
	}
	set(c.Attribute, v)
	return o
}

func TestEveryValuePassesItsOwnRule(t *testing.T) {
	withValue := 0
	for _, c := range Catalog() {
		v := c.Rule.Value()
		if v == nil {
			continue
		}
		withValue++
		if f := c.Rule.Check(c, objectFor(c, v)); f.Result != Pass {
			t.Errorf("%s: its own value %s does not pass: %+v", c.ID, Format(v), f)
		}
		if a, ok := c.Rule.(interface{ Allowed() []any }); ok {
			for _, e := range a.Allowed() {
				if f := c.Rule.Check(c, objectFor(c, e)); f.Result != Pass {
					t.Errorf("%s: allowed value %s does not pass", c.ID, Format(e))
				}
			}
		}
	}
	if withValue < 30 {
		t.Errorf("only %d controls have a value to set; the module takes its values from them", withValue)
	}
}

func TestSettingsHaveOneValuePerAttribute(t *testing.T) {
	for _, p := range Profiles {
		type key struct{ res, scope, attr string }
		seen := map[key]string{}
		for _, c := range ForProfile(p) {
			if c.Rule.Value() == nil {
				continue
			}
			k := key{c.Resource, string(c.Scope), c.Attribute}
			if other, ok := seen[k]; ok && Format(Settings(p)[c.Resource][string(c.Scope)][c.Attribute]) != Format(c.Rule.Value()) {
				t.Errorf("%s: %s and %s want different values for %v", p, other, c.ID, k)
			}
			seen[k] = c.ID
		}
		if _, err := json.Marshal(Settings(p)); err != nil {
			t.Errorf("%s: settings do not encode as JSON: %v", p, err)
		}
	}
}

func TestSettingsByProfile(t *testing.T) {
	staff, tele := Settings(Staff), Settings(Telehealth)
	mp := "teamshipaa_meeting_policy"
	if got := staff[mp]["global"]["auto_admitted_users"]; got != "EveryoneInCompanyExcludingGuests" {
		t.Errorf("staff global auto_admitted_users = %v", got)
	}
	if got := staff[mp]["every"][anonymousJoin]; got != false {
		t.Errorf("staff: anonymous join off in every policy, got %v", got)
	}
	if _, ok := staff[mp]["telehealth"]; ok {
		t.Errorf("staff profile has telehealth settings: %v", staff[mp]["telehealth"])
	}
	if _, ok := tele[mp]["every"][anonymousJoin]; ok {
		t.Error("telehealth: anonymous join must not be forced off in every policy")
	}
	if got := tele[mp]["global"][anonymousJoin]; got != false {
		t.Errorf("telehealth: anonymous join off in the Global policy, got %v", got)
	}
	if got := tele[mp]["telehealth"]["anonymous_user_authentication_method"]; got != "OneTimePasscode" {
		t.Errorf("telehealth anonymous_user_authentication_method = %v", got)
	}
	if got := tele[mp]["telehealth"]["captcha_verification_for_meeting_join"]; got != "AnonymousUsersAndUntrustedOrganizations" {
		t.Errorf("telehealth captcha = %v", got)
	}
	if got := staff[mp]["every"]["new_meeting_recording_expiration_days"]; got != int64(60) {
		t.Errorf("recording expiration = %#v", got)
	}
	if got := staff["teamshipaa_enhanced_encryption_policy"]["tenant"]["calling_end_to_end_encryption_enabled_type"]; got != "DisabledUserOverride" {
		t.Errorf("E2EE = %v", got)
	}
	if _, ok := staff["teamshipaa_conditional_access_policy"]; ok {
		t.Error("conditional access controls are shapes, with no single value to set")
	}
}

func TestMarkdownAndGuide(t *testing.T) {
	md := Markdown(ForProfile(Telehealth))
	if n := strings.Count(md, "\n| HB."); n != len(ForProfile(Telehealth)) {
		t.Errorf("table has %d rows for %d controls", n, len(ForProfile(Telehealth)))
	}
	if !strings.Contains(md, "| HB.MEETING.8 | shall |") {
		t.Error("telehealth table lacks HB.MEETING.8")
	}
	if strings.Contains(Markdown(ForProfile(Staff)), "HB.MEETING.8 ") {
		t.Error("staff table has a telehealth-only control")
	}
	g := Guide()
	for _, c := range Catalog() {
		if !strings.Contains(g, "\n### "+c.ID+"\n") || !strings.Contains(g, "](#"+anchor(c.ID)+")") {
			t.Errorf("guide lacks a section or link for %s", c.ID)
		}
	}
	if strings.Contains(g, "{{") {
		t.Error("guide must not contain template delimiters")
	}
}

// Every control's area is spelled out: reports and ScubaGear's GroupName
// never show an id fragment such as "Ca".
func TestEveryAreaIsNamed(t *testing.T) {
	for _, c := range Catalog() {
		if a := c.Area(); a == "" || a == strings.ToUpper(a) {
			t.Errorf("%s: area %q is not spelled out (add it to areaNames)", c.ID, a)
		}
	}
}
