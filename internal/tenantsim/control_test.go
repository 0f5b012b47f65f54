package tenantsim

import (
	"strings"
	"testing"
)

// Every family of stored objects answers the control API's object routes
// the same way (controlObject): GET shows, PATCH changes and shows, a change
// the family refuses keeps its status, a missing object is 404, other
// methods 405; /_sim/tenant/... is an alias.
func TestControlObjectRoutes(t *testing.T) {
	s := startSim(t, Options{})
	g := newGraphClient(t, s, s.FullApp())
	lid := g.do("POST", nlPath, map[string]any{"@odata.type": odataCountryLocation, "displayName": "US only", "countriesAndRegions": []any{"US"}}).json(t)["id"].(string)
	c := s.HTTPClient()
	for _, tc := range []struct {
		name, method, path string
		body               any
		status             int
		want               string // in the body
	}{
		{"teams get", "GET", "/_sim/teams/TeamsMeetingPolicy/Global", nil, 200, `"Identity":"Global"`},
		{"teams patch", "PATCH", "/_sim/tenant/teams/TeamsMeetingPolicy/Global", map[string]any{"AllowMeetNow": false}, 200, `"AllowMeetNow":false`},
		{"teams refused", "PATCH", "/_sim/teams/TeamsMeetingPolicy/Global", map[string]any{"AutoAdmittedUsers": "x"}, 400, "AutoAdmittedUsers"},
		{"teams missing", "GET", "/_sim/teams/TeamsMeetingPolicy/Tag:Nope", nil, 404, "no TeamsMeetingPolicy instance Tag:Nope"},
		{"teams method", "DELETE", "/_sim/teams/TeamsMeetingPolicy/Global", nil, 405, "use GET or PATCH"},
		{"teams body", "PATCH", "/_sim/teams/TeamsMeetingPolicy/Global", "[1]", 400, ""},
		{"graph get", "GET", "/_sim/graph/namedLocation/" + lid, nil, 200, `"US only"`},
		{"graph patch", "PATCH", "/_sim/tenant/graph/namedLocation/" + lid, map[string]any{"countriesAndRegions": []any{"CA"}}, 200, `"CA"`},
		{"graph refused", "PATCH", "/_sim/graph/namedLocation/" + lid, map[string]any{"countriesAndRegions": []any{"usa"}}, 400, "two-letter"},
		{"graph missing", "PATCH", "/_sim/graph/namedLocation/nope", map[string]any{}, 404, "NamedLocation with id nope does not exist"},
		{"graph method", "PUT", "/_sim/graph/namedLocation/" + lid, nil, 405, "use GET or PATCH"},
		{"compliance missing", "GET", "/_sim/compliance/" + KindDlpPolicy + "/nope", nil, 404, "no " + KindDlpPolicy + " nope"},
		{"compliance refused", "PATCH", "/_sim/compliance/" + KindDlpPolicy + "/nope", map[string]any{"Mode": "Enable"}, 400, "no " + KindDlpPolicy},
		{"compliance method", "POST", "/_sim/compliance/" + KindDlpPolicy + "/nope", nil, 405, "use GET or PATCH"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := call(t, c, tc.method, s.URL()+tc.path, "", tc.body, nil)
			if r.status != tc.status || !strings.Contains(string(r.body), tc.want) {
				t.Errorf("%d %s, want %d with %q", r.status, r.body, tc.status, tc.want)
			}
		})
	}
}
