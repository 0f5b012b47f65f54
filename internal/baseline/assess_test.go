package baseline

import (
	"errors"
	"strings"
	"testing"
)

func mustControl(t *testing.T, id string) Control {
	t.Helper()
	c, ok := ByID(id)
	if !ok {
		t.Fatalf("no control %s", id)
	}
	return c
}

func meeting(name string, global bool, p Profile, attrs map[string]any) Object {
	return Object{Resource: "teamshipaa_meeting_policy", Name: name, Global: global, Profile: p, Attrs: attrs}
}

func TestJudge(t *testing.T) {
	shall := mustControl(t, "HB.MEETING.1")  // shall, every
	should := mustControl(t, "HB.MEETING.3") // should, every
	for _, tc := range []struct {
		name       string
		c          Control
		attrs      map[string]any
		exceptions map[string]Exception
		want       Result
		details    string
	}{
		{"pass", shall, map[string]any{shall.Attribute: false}, nil, Pass, ""},
		{"shall fails", shall, map[string]any{shall.Attribute: true}, nil, Fail, ""},
		{"should warns", should, map[string]any{should.Attribute: true}, nil, Warning, ""},
		{"unknown is not judged", shall, map[string]any{shall.Attribute: Unknown}, nil, NotApplicable, ""},
		{"null is not judged", shall, map[string]any{shall.Attribute: nil}, nil, NotApplicable, ""},
		{"absent is not judged", shall, map[string]any{}, nil, NotApplicable, ""},
		{"excepted by attribute", shall, map[string]any{shall.Attribute: true},
			map[string]Exception{shall.Attribute: {Reason: "vendor demo"}}, Excepted, "vendor demo"},
		{"excepted by id", should, map[string]any{should.Attribute: true},
			map[string]Exception{should.ID: {Reason: "call centre"}}, Excepted, "call centre"},
		{"an exception does not hide a pass", shall, map[string]any{shall.Attribute: false},
			map[string]Exception{shall.ID: {Reason: "x"}}, Pass, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := Judge(tc.c, meeting("p", true, Staff, tc.attrs), tc.exceptions)
			if f.Result != tc.want || tc.want != NotApplicable && f.Details != tc.details {
				t.Errorf("got %+v, want %s %q", f, tc.want, tc.details)
			}
			if f.Expected == "" {
				t.Error("a finding always says what is expected")
			}
		})
	}
	f := Judge(shall, Object{Resource: shall.Resource, Err: errors.New("403: the app lacks the Teams Administrator role")}, nil)
	if f.Result != Error || !strings.Contains(f.Details, "Teams Administrator") {
		t.Errorf("read error: %+v", f)
	}
}

func TestNumbersAndCase(t *testing.T) {
	exp := mustControl(t, "HB.MEETING.16")
	for v, want := range map[any]Result{int64(60): Pass, float64(1): Pass, 99999: Pass, int64(-1): Warning, int64(0): Warning, "x": Warning} {
		if got := Judge(exp, meeting("p", true, Staff, map[string]any{exp.Attribute: v}), nil).Result; got != want {
			t.Errorf("expiration %v: %s, want %s", v, got, want)
		}
	}
	admit := mustControl(t, "HB.MEETING.2")
	if got := Judge(admit, meeting("Global", true, Staff, map[string]any{admit.Attribute: "everyoneincompanyexcludingguests"}), nil).Result; got != Pass {
		t.Errorf("enum values compare ignoring case: %s", got)
	}
}

func TestTelehealthProfile(t *testing.T) {
	otp := mustControl(t, "HB.MEETING.8")
	tele := meeting("Telehealth", false, Telehealth, map[string]any{
		anonymousJoin: true, "anonymous_user_authentication_method": "None",
	})
	if got := Judge(otp, tele, nil).Result; got != Fail {
		t.Errorf("anonymous join on without a passcode: %s", got)
	}
	tele.Attrs["anonymous_user_authentication_method"] = "OneTimePasscode"
	if got := Judge(otp, tele, nil).Result; got != Pass {
		t.Errorf("with a passcode: %s", got)
	}
	tele.Attrs[anonymousJoin] = false
	tele.Attrs["anonymous_user_authentication_method"] = "None"
	if got := Judge(otp, tele, nil).Result; got != NotApplicable {
		t.Errorf("anonymous join off: the passcode is moot, got %s", got)
	}

	// Which controls judge which policy.
	ids := func(cs []Control) string {
		var s []string
		for _, c := range cs {
			s = append(s, c.ID)
		}
		return " " + strings.Join(s, " ") + " "
	}
	staffGlobal := ids(ForObject(meeting("Global", true, "", nil)))
	teleGlobal := ids(ForObject(meeting("Global", true, Telehealth, nil)))
	telePolicy := ids(ForObject(meeting("Telehealth", false, Telehealth, nil)))
	staffPolicy := ids(ForObject(meeting("Clinicians", false, Staff, nil)))
	for _, tc := range []struct {
		set, id string
		want    bool
	}{
		{staffGlobal, "HB.MEETING.6", true}, {staffGlobal, "HB.MEETING.7", false}, {staffGlobal, "HB.MEETING.8", false},
		{staffPolicy, "HB.MEETING.6", true}, {staffPolicy, "HB.MEETING.2", false},
		{teleGlobal, "HB.MEETING.7", true}, {teleGlobal, "HB.MEETING.6", false},
		{telePolicy, "HB.MEETING.6", false}, {telePolicy, "HB.MEETING.7", false}, {telePolicy, "HB.MEETING.8", true},
		{telePolicy, "HB.MEETING.10", true}, {telePolicy, "HB.MEETING.1", true},
	} {
		if got := strings.Contains(tc.set, " "+tc.id+" "); got != tc.want {
			t.Errorf("%s in%s: %v, want %v", tc.id, tc.set, got, tc.want)
		}
	}
	for _, c := range ForObject(Object{Resource: "teamshipaa_conditional_access_policy", Global: true}) {
		if c.Scope == ScopeTenant {
			t.Errorf("%s: tenant controls are never judged per object", c.ID)
		}
	}
}

// ca builds a conditional access policy object as the provider's schema
// names it.
func ca(name, state string, conditions, grant map[string]any) Object {
	return Object{Resource: "teamshipaa_conditional_access_policy", Name: name, Attrs: map[string]any{
		"display_name": name, "state": state, "conditions": conditions, "grant_controls": grant,
	}}
}

func users(include []any, exclude ...any) map[string]any {
	return map[string]any{"include_users": include, "exclude_users": exclude}
}

var allApps = map[string]any{"include_applications": []any{"All"}}

func legacyBlock(state string) Object {
	return ca("Block legacy authentication", state, map[string]any{
		"users": users([]any{"All"}, "breakglass-1"), "applications": allApps,
		"client_app_types": []any{"exchangeActiveSync", "other"},
	}, map[string]any{"operator": "OR", "built_in_controls": []any{"block"}})
}

func evalOf(t *testing.T, evs []Evaluation, id string) Evaluation {
	t.Helper()
	for _, e := range evs {
		if e.Control.ID == id {
			return e
		}
	}
	t.Fatalf("no evaluation of %s", id)
	return Evaluation{}
}

func TestAssessTenantControls(t *testing.T) {
	// No policy at all.
	ev := evalOf(t, Assess(Staff, nil, nil), "HB.CA.1")
	if ev.Result != Fail || ev.Object != "tenant" || !strings.Contains(ev.Actual, "no teamshipaa_conditional_access_policy") {
		t.Errorf("empty tenant: %+v", ev)
	}
	// Enabled: pass, naming the policy.
	ev = evalOf(t, Assess(Staff, []Object{legacyBlock("enabled")}, nil), "HB.CA.1")
	if ev.Result != Pass || !strings.Contains(ev.Actual, "Block legacy authentication") {
		t.Errorf("enabled: %+v", ev)
	}
	// Report-only: fail, and say why.
	ev = evalOf(t, Assess(Staff, []Object{legacyBlock("enabledForReportingButNotEnforced")}, nil), "HB.CA.1")
	if ev.Result != Fail || !strings.Contains(ev.Details, "report-only") || !strings.Contains(ev.Details, "Block legacy authentication") {
		t.Errorf("report-only: %+v", ev)
	}
	// A report-only one next to an enabled one: pass.
	ev = evalOf(t, Assess(Staff, []Object{legacyBlock("enabledForReportingButNotEnforced"), legacyBlock("enabled")}, nil), "HB.CA.1")
	if ev.Result != Pass {
		t.Errorf("one enabled policy is enough: %+v", ev)
	}
	// A should-level tenant control warns; an exception by id excepts.
	ev = evalOf(t, Assess(Staff, nil, nil), "HB.CA.8")
	if ev.Result != Warning {
		t.Errorf("device code: %+v", ev)
	}
	ev = evalOf(t, Assess(Staff, nil, map[string]Exception{"HB.CA.1": {Reason: "legacy MFP scanners until June"}}), "HB.CA.1")
	if ev.Result != Excepted || ev.Details != "legacy MFP scanners until June" {
		t.Errorf("excepted: %+v", ev)
	}
	// A read error of the type is an error of the tenant control.
	ev = evalOf(t, Assess(Staff, []Object{{Resource: "teamshipaa_conditional_access_policy", Name: "*", Err: errors.New("403 Policy.Read.All")}}, nil), "HB.CA.1")
	if ev.Result != Error || !strings.Contains(ev.Details, "Policy.Read.All") {
		t.Errorf("read error: %+v", ev)
	}
}

func TestConditionalAccessShapes(t *testing.T) {
	check := func(id string, o Object) Result {
		c := mustControl(t, id)
		return c.Rule.Check(c, o).Result
	}
	mfaAll := ca("MFA", "enabled", map[string]any{"users": users([]any{"All"}, "bg"), "applications": allApps},
		map[string]any{"operator": "OR", "built_in_controls": []any{"mfa"}})
	if check("HB.CA.2", mfaAll) != Pass || check("HB.CA.5", mfaAll) != Pass {
		t.Error("MFA for all users also covers guests")
	}
	mfaAll.Attrs["conditions"].(map[string]any)["users"].(map[string]any)["exclude_roles"] = []any{PrivilegedRoles[0].ID}
	if check("HB.CA.2", mfaAll) != Fail {
		t.Error("excluding a role exempts its administrators")
	}
	legacyMissingOther := legacyBlock("enabled")
	legacyMissingOther.Attrs["conditions"].(map[string]any)["client_app_types"] = []any{"exchangeActiveSync"}
	if check("HB.CA.1", legacyMissingOther) != Fail {
		t.Error("legacy block must cover other clients")
	}

	device := func(op string, controls ...any) Object {
		return ca("Managed device", "enabled", map[string]any{"users": users([]any{"All"}, "bg"), "applications": allApps},
			map[string]any{"operator": op, "built_in_controls": controls})
	}
	for _, tc := range []struct {
		o    Object
		want Result
	}{
		{device("OR", "compliantDevice", "domainJoinedDevice"), Pass},
		{device("OR", "compliantDevice"), Pass},
		{device("OR", "domainJoinedDevice"), Pass},
		{device("AND", "compliantDevice", "mfa"), Pass},
		{device("OR", "compliantDevice", "mfa"), Fail}, // MFA alone satisfies it
		{device("OR", "mfa"), Fail},
	} {
		if got := check("HB.CA.4", tc.o); got != tc.want {
			t.Errorf("managed device %v: %s, want %s", tc.o.Attrs["grant_controls"], got, tc.want)
		}
	}

	office := device("OR", "compliantDevice")
	office.Attrs["conditions"].(map[string]any)["applications"] = map[string]any{"include_applications": []any{"Office365"}}
	if check("HB.CA.4", office) != Pass {
		t.Error("a managed device for Office 365, which includes Teams")
	}
	office.Attrs["conditions"].(map[string]any)["applications"] = map[string]any{"include_applications": []any{"00000003-0000-0ff1-ce00-000000000000"}}
	if check("HB.CA.4", office) != Fail {
		t.Error("one app is not enough")
	}

	roles := make([]any, len(PrivilegedRoles))
	for i, r := range PrivilegedRoles {
		roles[i] = r.ID
	}
	admins := ca("Admins", "enabled", map[string]any{
		"users": map[string]any{"include_roles": roles, "exclude_users": []any{"bg"}}, "applications": allApps,
	}, map[string]any{"operator": "OR", "authentication_strength_id": PhishingResistantStrength})
	admins.Attrs["session_controls"] = map[string]any{
		"sign_in_frequency":  map[string]any{"value": int64(4), "type": "hours", "is_enabled": true, "frequency_interval": "timeBased"},
		"persistent_browser": map[string]any{"mode": "never", "is_enabled": true},
	}
	if check("HB.CA.3", admins) != Pass || check("HB.CA.7", admins) != Pass {
		t.Error("phishing-resistant MFA and 4-hour sign-in for the privileged roles")
	}
	admins.Attrs["session_controls"].(map[string]any)["sign_in_frequency"].(map[string]any)["value"] = int64(1)
	admins.Attrs["session_controls"].(map[string]any)["sign_in_frequency"].(map[string]any)["type"] = "days"
	if check("HB.CA.7", admins) != Fail {
		t.Error("one day is more than 4 hours")
	}
	admins.Attrs["conditions"].(map[string]any)["users"].(map[string]any)["include_roles"] = roles[:1]
	if check("HB.CA.3", admins) != Fail {
		t.Error("every highly privileged role must be included")
	}

	weekly := ca("Weekly", "enabled", map[string]any{"users": users([]any{"All"}, "bg"), "applications": allApps}, nil)
	weekly.Attrs["session_controls"] = map[string]any{"sign_in_frequency": map[string]any{"value": int64(7), "type": "days", "is_enabled": true}}
	if check("HB.CA.6", weekly) != Pass {
		t.Error("7 days passes")
	}
	weekly.Attrs["session_controls"].(map[string]any)["sign_in_frequency"].(map[string]any)["value"] = int64(8)
	if check("HB.CA.6", weekly) != Fail {
		t.Error("8 days fails")
	}

	register := ca("Register", "enabled", map[string]any{
		"users": users([]any{"All"}, "bg"), "applications": map[string]any{"include_user_actions": []any{"urn:user:registersecurityinfo"}},
		"locations": map[string]any{"include_locations": []any{"All"}, "exclude_locations": []any{"AllTrusted"}},
	}, map[string]any{"operator": "OR", "built_in_controls": []any{"block"}})
	if check("HB.CA.9", register) != Pass {
		t.Error("registration blocked outside trusted locations")
	}

	risk := ca("Risk", "enabled", map[string]any{"users": users([]any{"All"}, "bg"), "applications": allApps,
		"user_risk_levels": []any{"high"}}, map[string]any{"operator": "AND", "built_in_controls": []any{"mfa", "passwordChange"}})
	if check("HB.CA.11", risk) != Pass {
		t.Error("CIS's self-remediation passes")
	}
}

func TestBreakGlassExclusion(t *testing.T) {
	c := mustControl(t, "HB.CA.10")
	o := legacyBlock("enabledForReportingButNotEnforced")
	if got := Judge(c, o, nil).Result; got != Pass {
		t.Errorf("excludes an account: %s", got)
	}
	o.Attrs["conditions"].(map[string]any)["users"] = users([]any{"All"}, "GuestsOrExternalUsers")
	if got := Judge(c, o, nil).Result; got != Fail {
		t.Errorf("excluding guests is not an emergency account: %s", got)
	}
	o.Attrs["conditions"].(map[string]any)["users"].(map[string]any)["exclude_groups"] = []any{"00000000-0000-0000-0000-00000000b6a5"}
	if got := Judge(c, o, nil).Result; got != Pass {
		t.Errorf("a group of emergency accounts: %s", got)
	}
	o.Attrs["conditions"].(map[string]any)["users"].(map[string]any)["exclude_groups"] = Unknown
	if got := Judge(c, o, nil).Result; got != NotApplicable {
		t.Errorf("unknown at plan time: %s", got)
	}
	o.Attrs["state"] = "disabled"
	if got := Judge(c, o, nil).Result; got != NotApplicable {
		t.Errorf("disabled: %s", got)
	}
	if !Judges(c, legacyBlock("enabled")) {
		t.Error("the break-glass control judges every policy at plan time")
	}
	o = ca("Whole conditions unknown", "enabled", nil, nil)
	o.Attrs["conditions"] = Unknown
	if got := Judge(c, o, nil).Result; got != NotApplicable {
		t.Errorf("conditions unknown: %s", got)
	}
}

func TestPurviewShapes(t *testing.T) {
	sits := func(names ...string) map[string]any {
		var l []any
		for _, n := range names {
			l = append(l, map[string]any{"name": n})
		}
		return map[string]any{"sensitive_types": l}
	}
	grouped := map[string]any{"operator": "And", "groups": []any{
		map[string]any{"name": "ids", "operator": "Or", "sensitive_types": []any{
			map[string]any{"id": HIPAASensitiveTypes[0].ID}, map[string]any{"name": HIPAASensitiveTypes[1].Name}}},
		map[string]any{"name": "codes", "operator": "Or", "sensitive_types": []any{
			map[string]any{"name": strings.ToUpper(HIPAASensitiveTypes[2].Name)}, map[string]any{"id": HIPAASensitiveTypes[3].ID}}},
	}}
	rule := Object{Resource: "teamshipaa_dlp_rule", Name: "PHI", Attrs: map[string]any{
		"content_contains_sensitive_information": grouped, "access_scope": "NotInOrganization", "block_access": true,
		"notify_user": []any{"LastModifier"}, "generate_incident_report": []any{"soc@example.org"}, "report_severity_level": "High",
		"disabled": false,
	}}
	policy := Object{Resource: "teamshipaa_dlp_policy", Name: "PHI in Teams", Attrs: map[string]any{
		"teams_location": []any{"All"}, "exchange_location": []any{"All"}, "sharepoint_location": []any{"All"},
		"onedrive_location": []any{"All"}, "mode": "TestWithNotifications",
	}}
	evs := Assess(Staff, []Object{rule, policy}, nil)
	for _, id := range []string{"HB.DLP.3", "HB.DLP.4", "HB.DLP.5", "HB.DLP.6"} {
		if ev := evalOf(t, evs, id); ev.Result != Pass {
			t.Errorf("%s: %+v", id, ev)
		}
	}
	if ev := evalOf(t, evs, "HB.DLP.7"); ev.Result != Warning {
		t.Errorf("enhanced types not detected: %+v", ev)
	}
	if ev := evalOf(t, evs, "HB.DLP.1"); ev.Result != Fail || !strings.Contains(ev.Details, "test mode") {
		t.Errorf("DLP in test mode: %+v", ev)
	}
	policy.Attrs["mode"] = "Enable"
	if ev := evalOf(t, Assess(Staff, []Object{policy}, nil), "HB.DLP.1"); ev.Result != Pass {
		t.Errorf("enforced DLP: %+v", ev)
	}
	rule.Attrs["content_contains_sensitive_information"] = sits(HIPAASensitiveTypes[0].Name, HIPAASensitiveTypes[1].Name)
	if ev := evalOf(t, Assess(Staff, []Object{rule}, nil), "HB.DLP.3"); ev.Result != Fail {
		t.Errorf("without the diagnosis codes: %+v", ev)
	}
	rule.Attrs["content_contains_sensitive_information"] = grouped
	rule.Attrs["disabled"] = true
	if ev := evalOf(t, Assess(Staff, []Object{rule}, nil), "HB.DLP.3"); ev.Result != Fail || !strings.Contains(ev.Details, "turned off") {
		t.Errorf("disabled rule: %+v", ev)
	}

	ret := Object{Resource: "teamshipaa_retention_policy", Name: "Teams", Attrs: map[string]any{
		"teams_chat_location": []any{"All"}, "teams_channel_location": []any{"All"}, "enabled": true}}
	evs = Assess(Staff, []Object{ret}, nil)
	if evalOf(t, evs, "HB.RETENTION.1").Result != Pass || evalOf(t, evs, "HB.RETENTION.2").Result != Pass {
		t.Error("retention of chats and channels")
	}
	if ev := evalOf(t, Assess(Staff, nil, nil), "HB.RETENTION.1"); ev.Result != Warning {
		t.Errorf("no retention policy: %+v", ev)
	}
}

func TestFederation(t *testing.T) {
	c := mustControl(t, "HB.EXTERNAL.1")
	ext := func(attrs map[string]any) Object {
		return Object{Resource: "teamshipaa_external_access", Name: "Global", Global: true, Attrs: attrs}
	}
	for _, tc := range []struct {
		attrs map[string]any
		want  Result
	}{
		{map[string]any{"allow_federated_users": false, "allowed_domains": []any{"AllowAllKnownDomains"}}, Pass},
		{map[string]any{"allow_federated_users": true, "allowed_domains": []any{"partner.example.org"}}, Pass},
		{map[string]any{"allow_federated_users": true, "allowed_domains": []any{}}, Pass},
		{map[string]any{"allow_federated_users": true, "allowed_domains": []any{"AllowAllKnownDomains"}}, Fail},
		{map[string]any{"allow_federated_users": true, "allowed_domains": nil}, NotApplicable},
		{map[string]any{"allow_federated_users": Unknown, "allowed_domains": []any{"x.org"}}, NotApplicable},
	} {
		if got := Judge(c, ext(tc.attrs), nil).Result; got != tc.want {
			t.Errorf("%v: %s, want %s", tc.attrs, got, tc.want)
		}
	}
}

func TestSummary(t *testing.T) {
	s := Summary(Assess(Staff, nil, nil))
	if s[Pass] != 0 || s[Fail] == 0 || s[Warning] == 0 {
		t.Errorf("an empty tenant fails its tenant controls: %v", s)
	}
}

// The assessment's profile stands in for objects without one, and a marked
// object is judged by its own profile's controls whatever the assessment's.
func TestAssessObjectProfiles(t *testing.T) {
	global := meeting("Global", true, "", map[string]any{anonymousJoin: true})
	tele := meeting("Telehealth", false, Telehealth, map[string]any{
		anonymousJoin: true, "anonymous_user_authentication_method": "None",
	})
	has := func(evs []Evaluation, id, object string) (Result, bool) {
		for _, e := range evs {
			if e.Control.ID == id && e.Object == object {
				return e.Result, true
			}
		}
		return "", false
	}
	staff := Assess(Staff, []Object{global, tele}, nil)
	if r, ok := has(staff, "HB.MEETING.8", "Telehealth"); !ok || r != Fail {
		t.Errorf("staff assessment: a telehealth-marked policy is judged by HB.MEETING.8; got %q, %v", r, ok)
	}
	if _, ok := has(staff, "HB.MEETING.6", "Telehealth"); ok {
		t.Error("staff assessment: HB.MEETING.6 (staff only) must not judge a telehealth-marked policy")
	}
	if r, ok := has(staff, "HB.MEETING.6", "Global"); !ok || r != Fail {
		t.Errorf("staff assessment: Global judged by HB.MEETING.6; got %q, %v", r, ok)
	}
	// In a telehealth organization an unmarked policy is still judged as
	// staff (as a plan judges it): only marked policies may let anonymous
	// users in.
	th := Assess(Telehealth, []Object{global, tele}, nil)
	if r, ok := has(th, "HB.MEETING.6", "Global"); !ok || r != Fail {
		t.Errorf("telehealth assessment: an unmarked Global policy is judged by HB.MEETING.6; got %q, %v", r, ok)
	}
	if r, ok := has(th, "HB.MEETING.8", "Telehealth"); !ok || r != Fail {
		t.Errorf("telehealth assessment: the marked policy is judged by HB.MEETING.8; got %q, %v", r, ok)
	}
}

// An exception recorded on one resource waives the control for that object
// only; an expired one waives nothing and says so.
func TestExceptionScopeAndExpiry(t *testing.T) {
	c := mustControl(t, "HB.MEETING.1")
	bad := map[string]any{c.Attribute: true}
	scoped := map[string]Exception{c.ID: {Reason: "vendor demo", Objects: []string{"Vendors"}}}
	if f := Judge(c, meeting("Vendors", false, Staff, bad), scoped); f.Result != Excepted || f.Exception == nil || f.Details != "vendor demo" {
		t.Errorf("the object named: %+v", f)
	}
	if f := Judge(c, meeting("Global", true, Staff, bad), scoped); f.Result != Fail || f.Exception != nil {
		t.Errorf("another object: %+v", f)
	}
	expired := map[string]Exception{c.ID: {Reason: "vendor demo", Expires: "2020-01-31", Expired: true}}
	f := Judge(c, meeting("Global", true, Staff, bad), expired)
	if f.Result != Fail || f.Exception == nil || !strings.Contains(f.Details, "expired on 2020-01-31") {
		t.Errorf("expired: %+v", f)
	}
	ev := evalOf(t, Assess(Staff, nil, map[string]Exception{"HB.CA.1": {Reason: "scanners", Expires: "2020-01-31", Expired: true}}), "HB.CA.1")
	if ev.Result != Fail || !strings.Contains(ev.Details, "expired") {
		t.Errorf("expired tenant exception: %+v", ev)
	}
	ev = evalOf(t, Assess(Staff, nil, map[string]Exception{"HB.CA.1": {Reason: "scanners", Objects: []string{"CA policy"}}}), "HB.CA.1")
	if ev.Result != Excepted {
		t.Errorf("a resource's exception waives its tenant control: %+v", ev)
	}
}
