package tenantsim

import (
	"encoding/json"
	"strings"
	"testing"
)

func teamsSetup(t *testing.T) (*Simulator, *teamsClient) {
	t.Helper()
	s := startSim(t, Options{})
	return s, newTeamsClient(t, s, tokenFor(t, s, s.FullApp(), audTeams))
}

func listIdentities(t *testing.T, tc *teamsClient) []string {
	t.Helper()
	res := tc.do("GET", meetingPath, nil)
	if res.status != 200 {
		t.Fatalf("list: %d %s", res.status, res.body)
	}
	var arr []map[string]any
	if err := json.Unmarshal(res.body, &arr); err != nil {
		t.Fatalf("list is not a bare JSON array: %v %s", err, res.body)
	}
	var ids []string
	for _, o := range arr {
		ids = append(ids, o["Identity"].(string))
	}
	return ids
}

func TestTeamsNewTenantInstances(t *testing.T) {
	_, tc := teamsSetup(t)
	got := strings.Join(listIdentities(t, tc), ",")
	want := "Global,Tag:AllOn,Tag:RestrictedAnonymousAccess,Tag:AllOff,Tag:RestrictedAnonymousNoRecording,Tag:Default,Tag:Kiosk"
	if got != want {
		t.Errorf("instances %s, want %s", got, want)
	}
	g := tc.do("GET", instancePath("Global"), nil).json(t)
	spec := teamsTypes["TeamsMeetingPolicy"]
	for _, p := range spec.Params {
		v, ok := g[p.Name]
		if !ok {
			t.Errorf("Global lacks %s", p.Name)
			continue
		}
		wantJSON, _ := json.Marshal(p.Default)
		gotJSON, _ := json.Marshal(v)
		if string(wantJSON) != string(gotJSON) {
			t.Errorf("Global %s = %s, want default %s", p.Name, gotJSON, wantJSON)
		}
	}
	if len(g) != len(spec.Params)+4 { // + Identity, Key, ConfigMetadata, DataSource
		t.Errorf("Global has %d fields, want %d", len(g), len(spec.Params)+4)
	}
	key, _ := g["Key"].(map[string]any)
	if key["ScopeClass"] != "Global" || key["SchemaId"].(map[string]any)["XName"].(map[string]any)["name"] != "TeamsMeetingPolicy" {
		t.Errorf("Key %v", key)
	}
	off := tc.do("GET", instancePath("Tag:AllOff"), nil).json(t)
	if off["MeetingChatEnabledType"] != "Disabled" || off["AllowCloudRecording"] != false || off["ScreenSharingMode"] != "Disabled" {
		t.Errorf("Tag:AllOff differs from the documented built-in: %v", off)
	}
	if off["Key"].(map[string]any)["ScopeClass"] != "Tag" {
		t.Errorf("Tag key %v", off["Key"])
	}
}

func TestTeamsCRUD(t *testing.T) {
	s, tc := teamsSetup(t)
	created := tc.do("POST", meetingPath, map[string]any{
		"Identity":               "Tag:HIPAA Clinical",
		"AllowCloudRecording":    false,
		"AutoAdmittedUsers":      "invitedusers", // enums are case-insensitive
		"MeetingChatEnabledType": "EnabledExceptAnonymous",
		"Description":            "PHI meetings",
	})
	if created.status != 201 {
		t.Fatalf("create: %d %s", created.status, created.body)
	}
	c := created.json(t)
	if c["Identity"] != "Tag:HIPAA Clinical" || c["AutoAdmittedUsers"] != "InvitedUsers" || c["AllowCloudRecording"] != false {
		t.Errorf("created %v", c)
	}
	if c["AllowMeetNow"] != true { // unspecified parameters take the defaults
		t.Errorf("AllowMeetNow %v", c["AllowMeetNow"])
	}
	path := instancePath("Tag:HIPAA%20Clinical")
	if g := tc.do("GET", path, nil); g.status != 200 || g.json(t)["Description"] != "PHI meetings" {
		t.Fatalf("get: %d %s", g.status, g.body)
	}
	if ids := listIdentities(t, tc); len(ids) != 8 || ids[7] != "Tag:HIPAA Clinical" {
		t.Errorf("list after create: %v", ids)
	}

	upd := tc.do("PUT", path, map[string]any{"NewMeetingRecordingExpirationDays": 30, "AllowTranscription": false})
	if upd.status != 204 {
		t.Fatalf("update: %d %s", upd.status, upd.body)
	}
	g := tc.do("GET", path, nil).json(t)
	if g["NewMeetingRecordingExpirationDays"] != float64(30) || g["AllowTranscription"] != false || g["AutoAdmittedUsers"] != "InvitedUsers" {
		t.Errorf("after update: %v", g)
	}
	// Global can be changed, and the change is what TeamsInstance reports.
	if res := tc.do("PUT", instancePath("Global"), map[string]any{"AllowAnonymousUsersToJoinMeeting": false}); res.status != 204 {
		t.Fatalf("update Global: %d %s", res.status, res.body)
	}
	if inst, _ := s.TeamsInstance("TeamsMeetingPolicy", "Global"); inst["AllowAnonymousUsersToJoinMeeting"] != false {
		t.Errorf("TeamsInstance Global: %v", inst["AllowAnonymousUsersToJoinMeeting"])
	}

	if del := tc.do("DELETE", path, nil); del.status != 204 {
		t.Fatalf("delete: %d %s", del.status, del.body)
	}
	if g := tc.do("GET", path, nil); g.status != 404 {
		t.Errorf("get after delete: %d", g.status)
	}
}

func TestTeamsDeprecatedParameterWarns(t *testing.T) {
	_, tc := teamsSetup(t)
	res := tc.do("PUT", instancePath("Global"), map[string]any{"AllowOrganizersToOverrideLobbySettings": true})
	if res.status != 204 || res.header.Get(warningHeader) == "" {
		t.Errorf("want 204 with %s, got %d %v", warningHeader, res.status, res.header)
	}
}

func TestTeamsValidation(t *testing.T) {
	_, tc := teamsSetup(t)
	if res := tc.do("POST", meetingPath, map[string]any{"Identity": "Tag:Exists"}); res.status != 201 {
		t.Fatalf("create: %d %s", res.status, res.body)
	}
	long := "Tag:" + strings.Repeat("a", 65)
	cases := []struct {
		name         string
		method, path string
		body         any
		status       int
		mentions     []string
	}{
		{"unknown parameter", "PUT", instancePath("Global"), map[string]any{"AllowFaxing": true}, 400, []string{"AllowFaxing"}},
		{"retired parameter", "PUT", instancePath("Global"), map[string]any{"AllowCarbonSummary": true}, 400, []string{"AllowCarbonSummary"}},
		{"bad enum", "PUT", instancePath("Global"), map[string]any{"AutoAdmittedUsers": "Nobody"}, 400, []string{"AutoAdmittedUsers", "EveryoneInCompanyExcludingGuests", "InvitedUsers"}},
		{"bool as string", "PUT", instancePath("Global"), map[string]any{"AllowCloudRecording": "false"}, 400, []string{"AllowCloudRecording"}},
		{"string as number", "PUT", instancePath("Global"), map[string]any{"ScreenSharingMode": 1}, 400, []string{"ScreenSharingMode"}},
		{"int as string", "PUT", instancePath("Global"), map[string]any{"MediaBitRateKb": "50000"}, 400, []string{"MediaBitRateKb"}},
		{"fractional int", "PUT", instancePath("Global"), map[string]any{"MediaBitRateKb": 1.5}, 400, []string{"MediaBitRateKb"}},
		{"int out of range", "PUT", instancePath("Global"), map[string]any{"NewMeetingRecordingExpirationDays": 0}, 400, []string{"NewMeetingRecordingExpirationDays"}},
		{"list element", "PUT", instancePath("Global"), map[string]any{"BlockedAnonymousJoinClientTypes": []string{"Zoom"}}, 400, []string{"BlockedAnonymousJoinClientTypes", "ACS"}},
		{"not an object", "PUT", instancePath("Global"), "[1,2]", 400, nil},
		{"body identity differs", "PUT", instancePath("Global"), map[string]any{"Identity": "Tag:Other"}, 400, []string{"Identity"}},
		{"duplicate create", "POST", meetingPath, map[string]any{"Identity": "tag:exists"}, 409, []string{"Tag:exists"}},
		{"create Global", "POST", meetingPath, map[string]any{"Identity": "Global"}, 400, []string{"Global"}},
		{"create without Identity", "POST", meetingPath, map[string]any{"AllowMeetNow": true}, 400, []string{"Identity"}},
		{"create bad identity", "POST", meetingPath, map[string]any{"Identity": "Sales"}, 400, []string{"Tag:"}},
		{"create long name", "POST", meetingPath, map[string]any{"Identity": long}, 400, []string{"64"}},
		{"create special char", "POST", meetingPath, map[string]any{"Identity": "Tag:a/b"}, 400, []string{"/"}},
		{"create bad param", "POST", meetingPath, map[string]any{"Identity": "Tag:New", "Bogus": 1}, 400, []string{"Bogus"}},
		{"delete Global", "DELETE", instancePath("Global"), nil, 400, []string{"Global"}},
		{"get missing", "GET", instancePath("Tag:Missing"), nil, 404, []string{"Tag:Missing"}},
		{"put missing", "PUT", instancePath("Tag:Missing"), map[string]any{}, 404, nil},
		{"delete missing", "DELETE", instancePath("Tag:Missing"), nil, 404, nil},
		{"unknown type", "GET", "/Skype.Policy/configurations/TeamsFaxPolicy", nil, 404, []string{"TeamsFaxPolicy"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := tc.do(c.method, c.path, c.body)
			if res.status != c.status {
				t.Fatalf("status %d, want %d: %s", res.status, c.status, res.body)
			}
			e, _ := res.json(t)["error"].(map[string]any)
			msg, _ := e["message"].(string)
			if e["code"] == nil || msg == "" {
				t.Fatalf("error shape: %s", res.body)
			}
			for _, m := range c.mentions {
				if !strings.Contains(msg, m) {
					t.Errorf("message %q does not mention %q", msg, m)
				}
			}
		})
	}
	// A failed PUT changes nothing, not even the valid parameters in it.
	tc.do("PUT", instancePath("Global"), map[string]any{"AllowMeetNow": false, "AllowFaxing": true})
	if g := tc.do("GET", instancePath("Global"), nil).json(t); g["AllowMeetNow"] != true {
		t.Errorf("partial update applied: AllowMeetNow=%v", g["AllowMeetNow"])
	}
}

// Routing headers (checkTeamsRouting): none or the plain target for policy
// types, a wrong one refused; writes of TenantFederationSettings need the
// OcsPowershellWebservice target and the tenant id.
func TestTeamsRoutingHeaders(t *testing.T) {
	s, tc := teamsSetup(t)
	if res := call(t, s.HTTPClient(), "GET", s.URL()+"/teams"+meetingPath, tc.token, nil, nil); res.status != 200 {
		t.Errorf("without X-MS-Target-Uri (ScubaGear, AzRanger): %d %s", res.status, res.body)
	}
	wrong := map[string]string{"X-MS-Target-Uri": "https://elsewhere.example/"}
	if res := call(t, s.HTTPClient(), "GET", s.URL()+"/teams"+meetingPath, tc.token, nil, wrong); res.status != 400 || !strings.Contains(string(res.body), "X-MS-Target-Uri") {
		t.Errorf("wrong X-MS-Target-Uri: %d %s", res.status, res.body)
	}
	fed := "/Skype.Policy/configurations/TenantFederationSettings/configuration/Global"
	plain := map[string]string{"X-MS-Target-Uri": tc.target}
	if res := call(t, s.HTTPClient(), "GET", s.URL()+"/teams"+fed, tc.token, nil, plain); res.status != 200 {
		t.Errorf("federation read with the plain target: %d %s", res.status, res.body)
	}
	if res := call(t, s.HTTPClient(), "PUT", s.URL()+"/teams"+fed, tc.token, map[string]any{"AllowTeamsConsumer": false}, plain); res.status != 400 || !strings.Contains(string(res.body), "OcsPowershellWebservice") {
		t.Errorf("federation write with the plain target: %d %s", res.status, res.body)
	}
	if res := tc.do("PUT", fed+"?adminDomain=other.onmicrosoft.com", map[string]any{"AllowTeamsConsumer": false}); res.status != 403 {
		t.Errorf("federation write with a foreign adminDomain: %d %s", res.status, res.body)
	}
	if res := tc.do("PUT", fed, map[string]any{"AllowTeamsConsumer": false}); res.status >= 300 {
		t.Errorf("federation write with the OcsPowershellWebservice target: %d %s", res.status, res.body)
	}
	info := call(t, s.HTTPClient(), "GET", s.URL()+"/teams/Teams.Tenant/tenants", tc.token, nil, nil).json(t)
	if sd, _ := info["serviceDiscovery"].(map[string]any); sd == nil || info["verifiedDomains"] == nil {
		t.Errorf("Teams.Tenant/tenants: %v", info)
	}
}

func TestTeamsRequestIDs(t *testing.T) {
	_, tc := teamsSetup(t)
	seen := map[string]bool{}
	for _, res := range []response{tc.do("GET", meetingPath, nil), tc.do("GET", instancePath("Tag:None"), nil)} {
		for _, h := range []string{"X-Ms-Correlation-Id", "request-id"} {
			v := res.header.Get(h)
			if !guidRE.MatchString(v) {
				t.Errorf("%s = %q", h, v)
			}
		}
		id := res.header.Get("request-id")
		if seen[id] {
			t.Errorf("request id %s reused", id)
		}
		seen[id] = true
	}
}

func TestSurfaceAuth(t *testing.T) {
	s := startSim(t, Options{})
	full, lim := s.FullApp(), s.LimitedApp()
	teamsURL := s.URL() + "/teams/Teams.Tenant/serviceDiscovery"

	if res := call(t, s.HTTPClient(), "GET", teamsURL, "", nil, nil); res.status != 401 || res.header.Get("WWW-Authenticate") == "" {
		t.Errorf("no token: %d %v", res.status, res.header)
	}
	if res := call(t, s.HTTPClient(), "GET", teamsURL, "not.a.jwt", nil, nil); res.status != 401 {
		t.Errorf("garbage token: %d", res.status)
	}
	// A Graph token is not accepted by the Teams API.
	res := call(t, s.HTTPClient(), "GET", teamsURL, tokenFor(t, s, full, audGraph), nil, nil)
	if res.status != 401 || res.json(t)["error"].(map[string]any)["code"] == nil {
		t.Errorf("graph token on teams: %d %s", res.status, res.body)
	}
	// The limited app has no Teams Administrator role.
	res = call(t, s.HTTPClient(), "GET", teamsURL, tokenFor(t, s, lim, audTeams), nil, nil)
	if res.status != 403 || !strings.Contains(string(res.body), "Teams Administrator") {
		t.Errorf("limited app on teams: %d %s", res.status, res.body)
	}

	// Graph: its own error shape, with innerError.
	gURL := s.URL() + "/graph/v1.0/identity/conditionalAccess/policies"
	res = call(t, s.HTTPClient(), "GET", gURL, tokenFor(t, s, full, audTeams), nil, nil)
	if res.status != 401 {
		t.Errorf("teams token on graph: %d", res.status)
	}
	res = call(t, s.HTTPClient(), "GET", gURL+"/3f0a8c4e-1111-4222-8333-944455556666", tokenFor(t, s, full, audGraph), nil, map[string]string{"client-request-id": "abc"})
	inner, _ := res.json(t)["error"].(map[string]any)["innerError"].(map[string]any)
	if res.status != 404 || inner["request-id"] != res.header.Get("request-id") || inner["client-request-id"] != "abc" || inner["date"] == nil {
		t.Errorf("graph 404: %d %s", res.status, res.body)
	}

	for _, sc := range []struct{ surface, aud string }{{"compliance", audCompliance}, {"exchange", audExchange}} {
		u := s.URL() + "/" + sc.surface + "/adminapi/beta/" + s.TenantID() + "/InvokeCommand"
		anchor := map[string]string{"X-AnchorMailbox": s.AdminAnchorMailbox()}
		// The full app passes auth (the empty body is then refused, or routed).
		if res := call(t, s.HTTPClient(), "POST", u, tokenFor(t, s, full, sc.aud), "{}", anchor); res.status == 401 || res.status == 403 {
			t.Errorf("%s full app: %d %s", sc.surface, res.status, res.body)
		}
		if res := call(t, s.HTTPClient(), "POST", u, tokenFor(t, s, lim, sc.aud), "{}", anchor); res.status != 403 {
			t.Errorf("%s limited app: %d %s", sc.surface, res.status, res.body)
		}
	}
}

func TestSetTeamsParamsDrift(t *testing.T) {
	s, tc := teamsSetup(t)
	if err := s.SetTeamsParams("TeamsMeetingPolicy", "Global", map[string]any{"AllowCloudRecording": false, "MediaBitRateKb": 2000}); err != nil {
		t.Fatal(err)
	}
	g := tc.do("GET", instancePath("Global"), nil).json(t)
	if g["AllowCloudRecording"] != false || g["MediaBitRateKb"] != float64(2000) {
		t.Errorf("drift not visible: %v %v", g["AllowCloudRecording"], g["MediaBitRateKb"])
	}
	if err := s.SetTeamsParams("TeamsMeetingPolicy", "Global", map[string]any{"Nope": 1}); err == nil || !strings.Contains(err.Error(), "Nope") {
		t.Errorf("unknown parameter: %v", err)
	}
	if err := s.SetTeamsParams("TeamsMeetingPolicy", "Tag:Missing", map[string]any{}); err == nil {
		t.Error("missing instance: no error")
	}
	if _, ok := s.TeamsInstance("TeamsMeetingPolicy", "Tag:Missing"); ok {
		t.Error("TeamsInstance of a missing instance")
	}
}
