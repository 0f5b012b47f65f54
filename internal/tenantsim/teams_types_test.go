package tenantsim

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func typePath(typ string) string { return "/Skype.Policy/configurations/" + typ }
func typeInstance(typ, identity string) string {
	return typePath(typ) + "/configuration/" + identity
}

const (
	assignPath = "/Skype.Policy/groupPolicyAssignments"
	globalPath = "/Skype.Policy/tenants/policies"
	groupA     = "d8ebfa45-0f28-4d2d-9bcc-b158a49e2d17"
	groupB     = "566b8d39-5c5c-4aaa-bc07-4f36278a1b38"
	groupC     = "e050ce51-54bc-45b7-b3e6-c00343d31274"
	groupD     = "19c4909c-7d34-4e1f-b736-47caa2205768"
)

func (r response) array(t *testing.T) []map[string]any {
	t.Helper()
	var a []map[string]any
	if err := json.Unmarshal(r.body, &a); err != nil {
		t.Fatalf("body is not a JSON array of objects: %v: %s", err, r.body)
	}
	return a
}

// errorMessage checks the ConfigAPI error shape and returns the message.
func errorMessage(t *testing.T, r response) string {
	t.Helper()
	e, _ := r.json(t)["error"].(map[string]any)
	msg, _ := e["message"].(string)
	if e["code"] == nil || msg == "" {
		t.Fatalf("error shape: %s", r.body)
	}
	return msg
}

func mustStatus(t *testing.T, r response, want int, what string) response {
	t.Helper()
	if r.status != want {
		t.Fatalf("%s: status %d, want %d: %s", what, r.status, want, r.body)
	}
	return r
}

func jsonEqual(a, b any) bool {
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	return string(ja) == string(jb)
}

func TestTeamsTypesSeeded(t *testing.T) {
	_, tc := teamsSetup(t)
	want := map[string]string{
		"TeamsEnhancedEncryptionPolicy": "Global",
		"TeamsAppPermissionPolicy":      "Global",
		"TeamsMessagingPolicy":          "Global,Tag:Default",
		"TenantFederationSettings":      "Global",
		"TeamsClientConfiguration":      "Global",
		"TeamsMeetingConfiguration":     "Global",
	}
	for typ, ids := range want {
		t.Run(typ, func(t *testing.T) {
			arr := mustStatus(t, tc.do("GET", typePath(typ), nil), 200, "list").array(t)
			var got []string
			for _, o := range arr {
				got = append(got, o["Identity"].(string))
			}
			if strings.Join(got, ",") != ids {
				t.Errorf("instances %v, want %s", got, ids)
			}
			g := mustStatus(t, tc.do("GET", typeInstance(typ, "Global"), nil), 200, "get Global").json(t)
			spec := teamsTypes[typ]
			stored := 0
			for _, p := range spec.Params {
				v, ok := g[p.Name]
				if p.WriteOnly {
					if ok {
						t.Errorf("write-only %s is returned", p.Name)
					}
					continue
				}
				stored++
				if !ok {
					t.Errorf("Global lacks %s", p.Name)
				} else if !jsonEqual(v, p.Default) {
					t.Errorf("Global %s = %s, want default %s", p.Name, jsonText(v), jsonText(p.Default))
				}
			}
			if len(g) != stored+4 { // + Identity, Key, ConfigMetadata, DataSource
				t.Errorf("Global has %d fields, want %d", len(g), stored+4)
			}
			if g["Key"].(map[string]any)["ScopeClass"] != "Global" {
				t.Errorf("Key %v", g["Key"])
			}
		})
	}
	// Documented new-tenant values the HIPAA baseline changes.
	app := tc.do("GET", typeInstance("TeamsAppPermissionPolicy", "Global"), nil).json(t)
	for _, k := range []string{"DefaultCatalogAppsType", "GlobalCatalogAppsType", "PrivateCatalogAppsType"} {
		if app[k] != "BlockedAppList" {
			t.Errorf("%s = %v", k, app[k])
		}
	}
	if !jsonEqual(app["DefaultCatalogApps"], []any{}) {
		t.Errorf("DefaultCatalogApps %s", jsonText(app["DefaultCatalogApps"]))
	}
	fed := tc.do("GET", typeInstance("TenantFederationSettings", "Global"), nil).json(t)
	if !jsonEqual(fed["AllowedDomains"], map[string]any{}) || fed["AllowFederatedUsers"] != true || fed["ExternalAccessWithTrialTenants"] != "Blocked" {
		t.Errorf("federation defaults: %s", jsonText(fed))
	}
	msg := tc.do("GET", typeInstance("TeamsMessagingPolicy", "Global"), nil).json(t)
	if msg["AllowSecurityEndUserReporting"] != true || msg["GiphyRatingType"] != "Moderate" {
		t.Errorf("messaging defaults: %v %v", msg["AllowSecurityEndUserReporting"], msg["GiphyRatingType"])
	}
}

func TestTeamsTypesCRUD(t *testing.T) {
	_, tc := teamsSetup(t)
	cases := []struct {
		typ           string
		create, patch map[string]any
		check         func(t *testing.T, o map[string]any)
	}{
		{"TeamsEnhancedEncryptionPolicy",
			map[string]any{"MeetingEndToEndEncryption": "disableduseroverride", "Description": "E2EE for PHI"},
			map[string]any{"CallingEndtoEndEncryptionEnabledType": "DisabledUserOverride"},
			func(t *testing.T, o map[string]any) {
				if o["MeetingEndToEndEncryption"] != "DisabledUserOverride" || o["CallingEndtoEndEncryptionEnabledType"] != "DisabledUserOverride" {
					t.Errorf("%v", o)
				}
			}},
		{"TeamsMessagingPolicy",
			map[string]any{"AllowSecurityEndUserReporting": false, "ReadReceiptsEnabledType": "None"},
			map[string]any{"AllowUrlPreviews": false, "GiphyRatingType": "strict"},
			func(t *testing.T, o map[string]any) {
				if o["AllowSecurityEndUserReporting"] != false || o["ReadReceiptsEnabledType"] != "None" || o["AllowUrlPreviews"] != false || o["GiphyRatingType"] != "Strict" || o["AllowUserChat"] != true {
					t.Errorf("%v", o)
				}
			}},
		{"TeamsAppPermissionPolicy",
			map[string]any{"DefaultCatalogAppsType": "AllowedAppList", "DefaultCatalogApps": []any{map[string]any{"id": "0d820ecd-def2-4297-adad-78056cde7c78"}, map[string]any{"Id": "com.microsoft.teamspace.tab.planner"}}},
			map[string]any{"PrivateCatalogAppsType": "AllowedAppList", "PrivateCatalogApps": []any{}},
			func(t *testing.T, o map[string]any) {
				want := []any{map[string]any{"Id": "0d820ecd-def2-4297-adad-78056cde7c78"}, map[string]any{"Id": "com.microsoft.teamspace.tab.planner"}}
				if !jsonEqual(o["DefaultCatalogApps"], want) || o["DefaultCatalogAppsType"] != "AllowedAppList" || o["PrivateCatalogAppsType"] != "AllowedAppList" || o["GlobalCatalogAppsType"] != "BlockedAppList" {
					t.Errorf("%v", o)
				}
			}},
	}
	for _, c := range cases {
		t.Run(c.typ, func(t *testing.T) {
			body := deepCopyMap(c.create)
			body["Identity"] = "Tag:HIPAA"
			created := mustStatus(t, tc.do("POST", typePath(c.typ), body), 201, "create").json(t)
			if created["Identity"] != "Tag:HIPAA" {
				t.Errorf("created %v", created["Identity"])
			}
			mustStatus(t, tc.do("POST", typePath(c.typ), map[string]any{"Identity": "Tag:hipaa"}), 409, "duplicate")
			mustStatus(t, tc.do("PUT", typeInstance(c.typ, "Tag:HIPAA"), c.patch), 204, "update")
			c.check(t, mustStatus(t, tc.do("GET", typeInstance(c.typ, "Tag:HIPAA"), nil), 200, "get").json(t))
			mustStatus(t, tc.do("DELETE", typeInstance(c.typ, "Tag:HIPAA"), nil), 204, "delete")
			mustStatus(t, tc.do("GET", typeInstance(c.typ, "Tag:HIPAA"), nil), 404, "get after delete")
			mustStatus(t, tc.do("DELETE", typeInstance(c.typ, "Global"), nil), 400, "delete Global")
		})
	}
}

func TestTeamsSingletons(t *testing.T) {
	s, tc := teamsSetup(t)
	changes := map[string]map[string]any{
		"TenantFederationSettings":  {"AllowFederatedUsers": false, "AllowTeamsConsumer": false},
		"TeamsClientConfiguration":  {"AllowGuestUser": false, "AllowEmailIntoChannel": false, "RestrictedSenderList": "contoso.com;fabrikam.com"},
		"TeamsMeetingConfiguration": {"DisableAnonymousJoin": true, "EnableQoS": true, "ClientAudioPort": 51000},
	}
	for typ, change := range changes {
		t.Run(typ, func(t *testing.T) {
			for _, body := range []any{map[string]any{"Identity": "Tag:Second"}, map[string]any{"Identity": "Global"}, map[string]any{}} {
				r := mustStatus(t, tc.do("POST", typePath(typ), body), 400, "create")
				if msg := errorMessage(t, r); !strings.Contains(msg, "cannot be created") {
					t.Errorf("POST message %q", msg)
				}
			}
			for _, id := range []string{"Global", "Tag:Second"} {
				r := mustStatus(t, tc.do("DELETE", typeInstance(typ, id), nil), 400, "delete "+id)
				if msg := errorMessage(t, r); !strings.Contains(msg, "cannot be removed") {
					t.Errorf("DELETE message %q", msg)
				}
			}
			mustStatus(t, tc.do("GET", typeInstance(typ, "Tag:Second"), nil), 404, "get Tag")
			mustStatus(t, tc.do("PUT", typeInstance(typ, "Global"), change), 204, "update")
			g := tc.do("GET", typeInstance(typ, "Global"), nil).json(t)
			inst, _ := s.TeamsInstance(typ, "Global")
			for k, v := range change {
				if !jsonEqual(g[k], v) || !jsonEqual(inst[k], v) {
					t.Errorf("%s = %v (stored %v), want %v", k, g[k], inst[k], v)
				}
			}
			if ids := tc.do("GET", typePath(typ), nil).array(t); len(ids) != 1 || ids[0]["Identity"] != "Global" {
				t.Errorf("list %v", ids)
			}
		})
	}
}

func TestTeamsTypesValidation(t *testing.T) {
	_, tc := teamsSetup(t)
	fed := typeInstance("TenantFederationSettings", "Global")
	app := typeInstance("TeamsAppPermissionPolicy", "Global")
	tooMany := make([]any, 4001)
	for i := range tooMany {
		tooMany[i] = map[string]any{"Domain": fmt.Sprintf("d%d.example", i)}
	}
	cases := []struct {
		name     string
		path     string
		body     map[string]any
		mentions []string
	}{
		{"unknown messaging parameter", typeInstance("TeamsMessagingPolicy", "Global"), map[string]any{"AllowFaxing": true}, []string{"AllowFaxing"}},
		{"messaging bad enum", typeInstance("TeamsMessagingPolicy", "Global"), map[string]any{"ChatPermissionRole": "Supervisor"}, []string{"ChatPermissionRole", "Full,Limited,Restricted"}},
		{"messaging bool as string", typeInstance("TeamsMessagingPolicy", "Global"), map[string]any{"AllowSecurityEndUserReporting": "false"}, []string{"AllowSecurityEndUserReporting"}},
		{"encryption bad enum", typeInstance("TeamsEnhancedEncryptionPolicy", "Global"), map[string]any{"MeetingEndToEndEncryption": "Enabled"}, []string{"MeetingEndToEndEncryption", "Disabled,DisabledUserOverride"}},
		{"app list type", app, map[string]any{"DefaultCatalogAppsType": "AllowList"}, []string{"DefaultCatalogAppsType", "AllowedAppList,BlockedAppList"}},
		{"app list of strings", app, map[string]any{"DefaultCatalogApps": []any{"0d820ecd-def2-4297-adad-78056cde7c78"}}, []string{"DefaultCatalogApps", `{"Id"`}},
		{"app list element without Id", app, map[string]any{"GlobalCatalogApps": []any{map[string]any{"Name": "x"}}}, []string{"GlobalCatalogApps", "Name"}},
		{"app list Id not a string", app, map[string]any{"PrivateCatalogApps": []any{map[string]any{"Id": 5}}}, []string{"PrivateCatalogApps", "Id"}},
		{"app list empty Id", app, map[string]any{"PrivateCatalogApps": []any{map[string]any{"Id": " "}}}, []string{"PrivateCatalogApps"}},
		{"app list not a list", app, map[string]any{"PrivateCatalogApps": map[string]any{"Id": "x"}}, []string{"PrivateCatalogApps"}},
		{"trial tenants bad enum", fed, map[string]any{"ExternalAccessWithTrialTenants": "Sometimes"}, []string{"ExternalAccessWithTrialTenants", "Allowed,Blocked"}},
		{"federation bool as string", fed, map[string]any{"AllowFederatedUsers": "true"}, []string{"AllowFederatedUsers"}},
		{"allowed domains member", fed, map[string]any{"AllowedDomains": map[string]any{"AllowList": []any{}}}, []string{"AllowedDomains", "AllowList"}},
		{"allowed domains string", fed, map[string]any{"AllowedDomains": "contoso.com"}, []string{"AllowedDomains"}},
		{"allowed domains bad item", fed, map[string]any{"AllowedDomains": map[string]any{"AllowedDomain": []any{map[string]any{"Domain": "a b"}}}}, []string{"AllowedDomains", "a b"}},
		{"blocked domains item", fed, map[string]any{"BlockedDomains": []any{map[string]any{"Name": "x.com"}}}, []string{"BlockedDomains"}},
		{"too many domains", fed, map[string]any{"BlockedDomains": tooMany}, []string{"BlockedDomains", "4000"}},
		{"as-a-list with allowed domains", fed, map[string]any{"AllowedDomains": map[string]any{}, "AllowedDomainsAsAList": []any{"a.com"}}, []string{"AllowedDomains", "AllowedDomainsAsAList"}},
		{"as-a-list bad domain", fed, map[string]any{"AllowedDomainsAsAList": []any{"not a domain"}}, []string{"AllowedDomainsAsAList", "not a domain"}},
		{"trial domains bad domain", fed, map[string]any{"AllowedTrialTenantDomains": []any{"user@x.com"}}, []string{"AllowedTrialTenantDomains"}},
		{"as-a-list of objects", fed, map[string]any{"AllowedDomainsAsAList": []any{map[string]any{"Domain": "a.com"}}}, []string{"AllowedDomainsAsAList"}},
		{"client bad enum", typeInstance("TeamsClientConfiguration", "Global"), map[string]any{"ContentPin": "Sometimes"}, []string{"ContentPin", "AlwaysRequired"}},
		{"client unknown", typeInstance("TeamsClientConfiguration", "Global"), map[string]any{"AllowSlack": true}, []string{"AllowSlack"}},
		{"meeting config port range", typeInstance("TeamsMeetingConfiguration", "Global"), map[string]any{"ClientAudioPort": 80}, []string{"ClientAudioPort"}},
		{"meeting config int as string", typeInstance("TeamsMeetingConfiguration", "Global"), map[string]any{"ClientVideoPort": "50020"}, []string{"ClientVideoPort"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := mustStatus(t, tc.do("PUT", c.path, c.body), 400, "PUT")
			msg := errorMessage(t, r)
			for _, m := range c.mentions {
				if !strings.Contains(msg, m) {
					t.Errorf("message %q does not mention %q", msg, m)
				}
			}
		})
	}
	// Nothing of a refused PUT is applied.
	if g := tc.do("GET", fed, nil).json(t); !jsonEqual(g["AllowedDomains"], map[string]any{}) {
		t.Errorf("refused PUT changed AllowedDomains: %s", jsonText(g["AllowedDomains"]))
	}
}

func TestTeamsFederationDomains(t *testing.T) {
	_, tc := teamsSetup(t)
	fed := typeInstance("TenantFederationSettings", "Global")
	get := func(k string) any { return tc.do("GET", fed, nil).json(t)[k] }
	put := func(body map[string]any) response { return mustStatus(t, tc.do("PUT", fed, body), 204, "PUT") }

	put(map[string]any{"AllowedDomains": map[string]any{"AllowedDomain": []any{map[string]any{"Domain": "contoso.com"}, "fabrikam.com"}}})
	want := map[string]any{"AllowedDomain": []any{map[string]any{"Domain": "contoso.com"}, map[string]any{"Domain": "fabrikam.com"}}}
	if !jsonEqual(get("AllowedDomains"), want) {
		t.Errorf("allow list: %s", jsonText(get("AllowedDomains")))
	}
	put(map[string]any{"AllowedDomains": map[string]any{}})
	if !jsonEqual(get("AllowedDomains"), map[string]any{}) {
		t.Errorf("allow all: %s", jsonText(get("AllowedDomains")))
	}
	// A bare empty array becomes an explicit empty allow list (CIPP #364).
	put(map[string]any{"AllowedDomains": []any{}})
	if !jsonEqual(get("AllowedDomains"), map[string]any{"AllowedDomain": []any{}}) {
		t.Errorf("empty array: %s", jsonText(get("AllowedDomains")))
	}
	put(map[string]any{"AllowedDomainsAsAList": []any{"a.example", "b.example"}})
	if !jsonEqual(get("AllowedDomains"), map[string]any{"AllowedDomain": []any{map[string]any{"Domain": "a.example"}, map[string]any{"Domain": "b.example"}}}) {
		t.Errorf("as a list: %s", jsonText(get("AllowedDomains")))
	}
	put(map[string]any{"BlockedDomains": []any{map[string]any{"Domain": "evil.example"}}, "AllowedTrialTenantDomains": []any{"trial.example"}})
	if !jsonEqual(get("BlockedDomains"), []any{map[string]any{"Domain": "evil.example"}}) || !jsonEqual(get("AllowedTrialTenantDomains"), []any{"trial.example"}) {
		t.Errorf("blocked %s trial %s", jsonText(get("BlockedDomains")), jsonText(get("AllowedTrialTenantDomains")))
	}
	put(map[string]any{"BlockedDomains": nil})
	if !jsonEqual(get("BlockedDomains"), []any{}) {
		t.Errorf("blocked after null: %s", jsonText(get("BlockedDomains")))
	}
	// Retired AllowPublicUsers: accepted, ignored, warned about.
	r := put(map[string]any{"AllowPublicUsers": true})
	if !strings.Contains(r.header.Get(warningHeader), "AllowPublicUsers") {
		t.Errorf("no warning for AllowPublicUsers: %v", r.header)
	}
	if _, ok := tc.do("GET", fed, nil).json(t)["AllowPublicUsers"]; ok {
		t.Error("AllowPublicUsers is returned")
	}
	// The live page's parameter names write the GET properties.
	put(map[string]any{"ApplyExternalAccessRestrictionsToChatMembership": true, "ExtendMutualFederationForChatMembership": true})
	if get("EnableExternalAccessRestrictionsForChatPartipants") != true || get("EnableMutualFederationForChatPartipants") != true {
		t.Error("aliases did not write the properties")
	}
}

func TestTeamsAppCentricWarning(t *testing.T) {
	s, tc := teamsSetup(t)
	c := s.HTTPClient()
	appGlobal := typeInstance("TeamsAppPermissionPolicy", "Global")
	if r := mustStatus(t, tc.do("PUT", appGlobal, map[string]any{"Description": "x"}), 204, "PUT"); r.header.Get(warningHeader) != "" {
		t.Errorf("warning before migration: %q", r.header.Get(warningHeader))
	}
	if r := call(t, c, "GET", s.URL()+"/_sim/teams/settings", "", nil, nil); r.status != 200 || r.json(t)["app_centric_management"] != false {
		t.Fatalf("settings: %d %s", r.status, r.body)
	}
	if r := call(t, c, "POST", s.URL()+"/_sim/teams/settings", "", map[string]any{"app_centric_management": true}, nil); r.status != 200 || r.json(t)["app_centric_management"] != true {
		t.Fatalf("switch on: %d %s", r.status, r.body)
	}
	if !s.AppCentricManagement() {
		t.Fatal("AppCentricManagement() false after the control call")
	}
	for _, bad := range []map[string]any{{"app_centric_management": "yes"}, {"nope": true}} {
		if r := call(t, c, "POST", s.URL()+"/_sim/teams/settings", "", bad, nil); r.status != 400 {
			t.Errorf("bad settings %v: %d", bad, r.status)
		}
	}
	hasWarning := func(r response) bool {
		return strings.Contains(r.header.Get(warningHeader), "app centric management")
	}
	r := mustStatus(t, tc.do("PUT", appGlobal, map[string]any{"GlobalCatalogAppsType": "AllowedAppList", "GlobalCatalogApps": []any{}}), 204, "PUT migrated")
	if !hasWarning(r) {
		t.Errorf("PUT: no app-centric warning: %v", r.header)
	}
	if g := tc.do("GET", appGlobal, nil).json(t); g["GlobalCatalogAppsType"] != "AllowedAppList" {
		t.Errorf("write not stored: %v", g["GlobalCatalogAppsType"])
	}
	if r := mustStatus(t, tc.do("POST", typePath("TeamsAppPermissionPolicy"), map[string]any{"Identity": "Tag:Clinic"}), 201, "POST"); !hasWarning(r) {
		t.Error("POST: no warning")
	}
	if r := mustStatus(t, tc.do("DELETE", typeInstance("TeamsAppPermissionPolicy", "Tag:Clinic"), nil), 204, "DELETE"); !hasWarning(r) {
		t.Error("DELETE: no warning")
	}
	if r := mustStatus(t, tc.do("PUT", globalPath+"/TeamsAppPermissionPolicy", map[string]any{"PolicyName": "Global"}), 200, "grant"); !hasWarning(r) {
		t.Error("global grant: no warning")
	}
	// Other types are not affected.
	if r := tc.do("PUT", instancePath("Global"), map[string]any{"AllowMeetNow": true}); r.header.Get(warningHeader) != "" {
		t.Errorf("meeting policy warned: %q", r.header.Get(warningHeader))
	}
	s.SetAppCentricManagement(false)
	if r := tc.do("PUT", appGlobal, map[string]any{"Description": "y"}); r.header.Get(warningHeader) != "" {
		t.Error("warning after switching off")
	}
}

func TestTeamsAuthFaultsAndLag(t *testing.T) {
	s, tc := teamsSetup(t)
	createMeetingPolicies(t, tc, "Alpha")
	// Auth and routing header apply to the new routes.
	lim := &teamsClient{t: t, s: s, token: tokenFor(t, s, s.LimitedApp(), audTeams), target: tc.target}
	for _, p := range []string{assignPath, globalPath + "/TeamsMeetingPolicy", typePath("TenantFederationSettings")} {
		if r := lim.do("GET", p, nil); r.status != 403 {
			t.Errorf("limited app on %s: %d", p, r.status)
		}
		if r := call(t, s.HTTPClient(), "GET", s.URL()+"/teams"+p, tc.token, nil, map[string]string{"X-MS-Target-Uri": "https://elsewhere.example/"}); r.status != 400 || !strings.Contains(string(r.body), "X-MS-Target-Uri") {
			t.Errorf("wrong target URI on %s: %d", p, r.status)
		}
	}
	// Status faults.
	s.AddFault(Fault{Surface: "teams", PathPrefix: assignPath, Kind: FaultStatus, Status: 429, RetryAfter: "2", Count: 1})
	if r := tc.do("GET", assignPath, nil); r.status != 429 || r.header.Get("Retry-After") != "2" {
		t.Errorf("fault: %d", r.status)
	}
	mustStatus(t, tc.do("GET", assignPath, nil), 200, "after fault")
	// Read-after-write lag on a new policy type and on an assignment.
	s.AddFault(Fault{Surface: "teams", Method: "POST", Kind: FaultLag, Count: 1})
	mustStatus(t, tc.do("POST", typePath("TeamsMessagingPolicy"), map[string]any{"Identity": "Tag:Lagging"}), 201, "create")
	mustStatus(t, tc.do("GET", typeInstance("TeamsMessagingPolicy", "Tag:Lagging"), nil), 404, "lagging read")
	mustStatus(t, tc.do("GET", typeInstance("TeamsMessagingPolicy", "Tag:Lagging"), nil), 200, "caught up")
	mustStatus(t, tc.do("POST", assignPath, map[string]any{"PolicyType": "TeamsMeetingPolicy", "PolicyName": "Alpha", "GroupId": groupA}), 201, "assign")
	if l := tc.do("GET", assignPath+"?policyType=TeamsMeetingPolicy", nil).array(t); len(l) != 0 {
		t.Errorf("lagging assignment list: %v", l)
	}
	if l := tc.do("GET", assignPath+"?policyType=TeamsMeetingPolicy", nil).array(t); len(l) != 1 {
		t.Errorf("assignment list after lag: %v", l)
	}
	s.ClearFaults()
	st := s.Stats()
	if st.Count("teams", "POST", assignPath) != 1 {
		t.Errorf("stats: %+v", st)
	}
}

func TestTeamsControlAPIPatchesSettings(t *testing.T) {
	s, tc := teamsSetup(t)
	c := s.HTTPClient()
	r := call(t, c, "PATCH", s.URL()+"/_sim/teams/TenantFederationSettings/Global", "", map[string]any{"AllowFederatedUsers": false, "AllowedDomainsAsAList": []any{"partner.example"}}, nil)
	if r.status != 200 || r.json(t)["AllowFederatedUsers"] != false {
		t.Fatalf("PATCH: %d %s", r.status, r.body)
	}
	g := tc.do("GET", typeInstance("TenantFederationSettings", "Global"), nil).json(t)
	if g["AllowFederatedUsers"] != false || !jsonEqual(g["AllowedDomains"], map[string]any{"AllowedDomain": []any{map[string]any{"Domain": "partner.example"}}}) {
		t.Errorf("drift not visible: %s", jsonText(g))
	}
	for _, typ := range []string{"TeamsClientConfiguration", "TeamsMeetingConfiguration", "TeamsMessagingPolicy", "TeamsAppPermissionPolicy", "TeamsEnhancedEncryptionPolicy"} {
		if r := call(t, c, "GET", s.URL()+"/_sim/teams/"+typ+"/Global", "", nil, nil); r.status != 200 || r.json(t)["Identity"] != "Global" {
			t.Errorf("GET %s: %d", typ, r.status)
		}
	}
	if r := call(t, c, "PATCH", s.URL()+"/_sim/teams/TeamsAppPermissionPolicy/Global", "", map[string]any{"DefaultCatalogApps": []any{"x"}}, nil); r.status != 400 {
		t.Errorf("invalid drift: %d", r.status)
	}
	if r := call(t, c, "GET", s.URL()+"/_sim/teams/nothing", "", nil, nil); r.status != 404 {
		t.Errorf("unknown control route: %d", r.status)
	}
}

func TestTeamsStateAcrossRestart(t *testing.T) {
	dir := t.TempDir()
	s1, err := Start(Options{StateDir: dir, Logf: t.Logf})
	if err != nil {
		t.Fatal(err)
	}
	tok := tokenFor(t, s1, s1.FullApp(), audTeams)
	tc := newTeamsClient(t, s1, tok)
	createMeetingPolicies(t, tc, "Alpha")
	mustStatus(t, tc.do("PUT", typeInstance("TenantFederationSettings", "Global"), map[string]any{"AllowedDomains": map[string]any{"AllowedDomain": []any{map[string]any{"Domain": "a.example"}}}}), 204, "fed")
	mustStatus(t, tc.do("POST", assignPath, map[string]any{"PolicyType": "TeamsMeetingPolicy", "PolicyName": "Alpha", "GroupId": groupA}), 201, "assign")
	mustStatus(t, tc.do("PATCH", globalPath+"/TeamsMeetingPolicy", map[string]any{"PolicyName": "Alpha"}), 200, "grant")
	s1.SetAppCentricManagement(true)
	if err := s1.Close(); err != nil {
		t.Fatal(err)
	}

	s2 := startSim(t, Options{StateDir: dir})
	tc2 := newTeamsClient(t, s2, tok)
	if g := tc2.do("GET", typeInstance("TenantFederationSettings", "Global"), nil).json(t); !jsonEqual(g["AllowedDomains"], map[string]any{"AllowedDomain": []any{map[string]any{"Domain": "a.example"}}}) {
		t.Errorf("AllowedDomains after restart: %s", jsonText(g["AllowedDomains"]))
	}
	if l := s2.GroupAssignments("TeamsMeetingPolicy"); len(l) != 1 || l[0]["priority"] != int64(1) || l[0]["policyName"] != "Alpha" {
		t.Errorf("assignments after restart: %v", l)
	}
	if s2.GlobalPolicyAssignment("TeamsMeetingPolicy") != "Alpha" || !s2.AppCentricManagement() {
		t.Error("global assignment or app-centric switch lost")
	}
	// A later assignment still ranks after the reloaded one.
	if r := mustStatus(t, tc2.do("POST", assignPath, map[string]any{"PolicyType": "TeamsMeetingPolicy", "PolicyName": "Alpha", "GroupId": groupB}), 201, "assign B").json(t); r["priority"] != float64(2) {
		t.Errorf("rank after reload %v", r["priority"])
	}
}

func TestTeamsOldStateGetsNewTypes(t *testing.T) {
	dir := t.TempDir()
	s1, err := Start(Options{StateDir: dir, Logf: t.Logf})
	if err != nil {
		t.Fatal(err)
	}
	if err := s1.SetTeamsParams("TeamsMeetingPolicy", "Global", map[string]any{"AllowMeetNow": false}); err != nil {
		t.Fatal(err)
	}
	if err := s1.Close(); err != nil {
		t.Fatal(err)
	}
	// Rewrite the state as an older simulator left it: meeting policy only.
	path := filepath.Join(dir, stateFileName)
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var st map[string]any
	if err := json.Unmarshal(b, &st); err != nil {
		t.Fatal(err)
	}
	colls := st["collections"].(map[string]any)
	for k := range colls {
		if k != "teams/TeamsMeetingPolicy" {
			delete(colls, k)
		}
	}
	b, _ = json.Marshal(st)
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}

	s2 := startSim(t, Options{StateDir: dir})
	if g, _ := s2.TeamsInstance("TeamsMeetingPolicy", "Global"); g["AllowMeetNow"] != false {
		t.Error("meeting policy lost")
	}
	for _, typ := range []string{"TeamsEnhancedEncryptionPolicy", "TeamsAppPermissionPolicy", "TeamsMessagingPolicy", "TenantFederationSettings", "TeamsClientConfiguration", "TeamsMeetingConfiguration"} {
		if _, ok := s2.TeamsInstance(typ, "Global"); !ok {
			t.Errorf("%s not seeded on load", typ)
		}
	}
	if _, ok := s2.TeamsInstance("TeamsMessagingPolicy", "Tag:Default"); !ok {
		t.Error("messaging built-in not seeded")
	}
	if s2.AppCentricManagement() || len(s2.GroupAssignments("")) != 0 || s2.GlobalPolicyAssignment("TeamsMeetingPolicy") != "Global" {
		t.Error("old state should have no switches or assignments")
	}
}
