package tenantsim

import (
	"encoding/json"
	"fmt"
	"net/url"
	"reflect"
	"strings"
	"testing"
	"time"
)

type graphClient struct {
	t     *testing.T
	s     *Simulator
	token string
}

func newGraphClient(t *testing.T, s *Simulator, app App) *graphClient {
	t.Helper()
	return &graphClient{t: t, s: s, token: tokenFor(t, s, app, audGraph)}
}

func (c *graphClient) do(method, path string, body any) response {
	c.t.Helper()
	u := path
	if !strings.HasPrefix(path, "https://") {
		u = c.s.URL() + "/graph/v1.0" + path
	}
	return call(c.t, c.s.HTTPClient(), method, u, c.token, body, nil)
}

const caPath = "/identity/conditionalAccess/policies"
const nlPath = "/identity/conditionalAccess/namedLocations"

// docsPolicy is example 1 of conditionalaccessroot-post-policies.md.
func docsPolicy() map[string]any {
	return map[string]any{
		"displayName": "Access to EXO requires MFA",
		"state":       "enabled",
		"conditions": map[string]any{
			"clientAppTypes": []any{"mobileAppsAndDesktopClients", "browser"},
			"applications":   map[string]any{"includeApplications": []any{"00000002-0000-0ff1-ce00-000000000000"}},
			"users":          map[string]any{"includeGroups": []any{"ba8e7ded-8b0f-4836-ba06-8ff1ecc5c8ba"}},
			"locations":      map[string]any{"includeLocations": []any{"All"}, "excludeLocations": []any{"AllTrusted"}},
		},
		"grantControls": map[string]any{"operator": "OR", "builtInControls": []any{"mfa"}},
	}
}

func jsonEq(t *testing.T, got any, wantJSON string) bool {
	t.Helper()
	var want any
	if err := json.Unmarshal([]byte(wantJSON), &want); err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(got)
	var g any
	_ = json.Unmarshal(b, &g)
	return reflect.DeepEqual(g, want)
}

func graphErr(t *testing.T, res response) (code, msg string) {
	t.Helper()
	m := res.json(t)
	e, _ := m["error"].(map[string]any)
	inner, _ := e["innerError"].(map[string]any)
	if inner["request-id"] == nil || inner["date"] == nil || inner["client-request-id"] == nil {
		t.Errorf("innerError incomplete: %s", res.body)
	}
	if res.header.Get("request-id") == "" {
		t.Error("no request-id header")
	}
	code, _ = e["code"].(string)
	msg, _ = e["message"].(string)
	return code, msg
}

func TestGraphPolicyCRUDAndNormalisation(t *testing.T) {
	s := startSim(t, Options{})
	c := newGraphClient(t, s, s.FullApp())
	res := call(t, s.HTTPClient(), "POST", s.URL()+"/graph/v1.0"+caPath, c.token, docsPolicy(), map[string]string{"client-request-id": "my-client-id"})
	if res.status != 201 {
		t.Fatalf("create: %d %s", res.status, res.body)
	}
	if res.header.Get("client-request-id") != "my-client-id" || res.header.Get("request-id") == "" {
		t.Errorf("ids: %v", res.header)
	}
	p := res.json(t)
	id, _ := p["id"].(string)
	if !guidRE.MatchString(id) || p["createdDateTime"] == nil || p["modifiedDateTime"] != nil {
		t.Errorf("server fields: id=%v created=%v modified=%v", p["id"], p["createdDateTime"], p["modifiedDateTime"])
	}
	if ctx, _ := p["@odata.context"].(string); !strings.HasSuffix(ctx, "$metadata#identity/conditionalAccess/policies/$entity") {
		t.Errorf("@odata.context %q", ctx)
	}
	// The docs' example response, plus the properties the v1.0 resource pages list.
	if !jsonEq(t, p["conditions"], `{
		"applications": {"includeApplications": ["00000002-0000-0ff1-ce00-000000000000"], "excludeApplications": [], "includeUserActions": [],
			"includeAuthenticationContextClassReferences": [], "applicationFilter": null},
		"authenticationFlows": null, "clientApplications": null, "devices": null, "insiderRiskLevels": null,
		"clientAppTypes": ["mobileAppsAndDesktopClients", "browser"],
		"locations": {"includeLocations": ["All"], "excludeLocations": ["AllTrusted"]},
		"platforms": null, "servicePrincipalRiskLevels": [], "signInRiskLevels": [], "userRiskLevels": [],
		"users": {"includeUsers": [], "excludeUsers": [], "includeGroups": ["ba8e7ded-8b0f-4836-ba06-8ff1ecc5c8ba"], "excludeGroups": [],
			"includeRoles": [], "excludeRoles": [], "includeGuestsOrExternalUsers": null, "excludeGuestsOrExternalUsers": null}
	}`) {
		b, _ := json.Marshal(p["conditions"])
		t.Errorf("conditions: %s", b)
	}
	if !jsonEq(t, p["grantControls"], `{"operator":"OR","builtInControls":["mfa"],"customAuthenticationFactors":[],"termsOfUse":[],"authenticationStrength":null}`) {
		t.Errorf("grantControls: %v", p["grantControls"])
	}
	if v, ok := p["sessionControls"]; !ok || v != nil {
		t.Errorf("sessionControls: %v %v", v, ok)
	}
	// GET returns the same object.
	got := c.do("GET", caPath+"/"+id, nil)
	if got.status != 200 {
		t.Fatalf("get: %d %s", got.status, got.body)
	}
	g := got.json(t)
	delete(g, "@odata.context")
	delete(p, "@odata.context")
	if !reflect.DeepEqual(g, p) {
		t.Errorf("GET differs from POST answer:\n%s\n%s", got.body, res.body)
	}
	// PATCH merges nested objects (the docs' example sends only signInRiskLevels).
	up := c.do("PATCH", caPath+"/"+id, map[string]any{
		"conditions":      map[string]any{"signInRiskLevels": []any{"high", "medium"}},
		"grantControls":   map[string]any{"builtInControls": []any{}, "authenticationStrength": map[string]any{"id": "00000000-0000-0000-0000-000000000004"}},
		"sessionControls": map[string]any{"signInFrequency": map[string]any{"isEnabled": true, "type": "hours", "value": 4}},
	})
	if up.status != 204 || len(up.body) != 0 {
		t.Fatalf("patch: %d %s", up.status, up.body)
	}
	o, _ := s.GraphObject(GraphKindCAPolicy, id)
	if o["modifiedDateTime"] == nil {
		t.Error("modifiedDateTime not set by PATCH")
	}
	cond := o["conditions"].(map[string]any)
	if !jsonEq(t, cond["signInRiskLevels"], `["high","medium"]`) || !jsonEq(t, cond["clientAppTypes"], `["mobileAppsAndDesktopClients","browser"]`) ||
		!jsonEq(t, objAt(cond, "users")["includeGroups"], `["ba8e7ded-8b0f-4836-ba06-8ff1ecc5c8ba"]`) {
		t.Errorf("merge lost or missed properties: %v", cond)
	}
	st := objAt(o, "grantControls", "authenticationStrength")
	if st["id"] != "00000000-0000-0000-0000-000000000004" || st["displayName"] != "Phishing resistant MFA" || st["policyType"] != "builtIn" {
		t.Errorf("authenticationStrength: %v", st)
	}
	if !jsonEq(t, objAt(o, "sessionControls", "signInFrequency"), `{"isEnabled":true,"type":"hours","value":4,"authenticationType":"primaryAndSecondaryAuthentication","frequencyInterval":"timeBased"}`) {
		t.Errorf("signInFrequency: %v", objAt(o, "sessionControls", "signInFrequency"))
	}
	// null clears a complex property.
	if r := c.do("PATCH", caPath+"/"+id, map[string]any{"conditions": map[string]any{"locations": nil}}); r.status != 204 {
		t.Fatalf("patch null: %d %s", r.status, r.body)
	}
	if o, _ := s.GraphObject(GraphKindCAPolicy, id); objAt(o, "conditions")["locations"] != nil {
		t.Errorf("locations not cleared")
	}
	// List.
	l := c.do("GET", caPath, nil).json(t)
	if v, _ := l["value"].([]any); len(v) != 1 || !strings.HasSuffix(l["@odata.context"].(string), "#identity/conditionalAccess/policies") {
		t.Errorf("list: %v", l)
	}
	// Delete, then 404.
	if r := c.do("DELETE", caPath+"/"+id, nil); r.status != 204 {
		t.Fatalf("delete: %d", r.status)
	}
	r := c.do("GET", caPath+"/"+id, nil)
	if r.status != 404 {
		t.Fatalf("get after delete: %d", r.status)
	}
	if code, _ := graphErr(t, r); code != "ResourceNotFound" {
		t.Errorf("404 code %q", code)
	}
	if r := c.do("DELETE", caPath+"/"+id, nil); r.status != 404 {
		t.Errorf("second delete: %d", r.status)
	}
}

func TestGraphPolicyValidation(t *testing.T) {
	s := startSim(t, Options{})
	c := newGraphClient(t, s, s.FullApp())
	with := func(path string, v any) map[string]any {
		p := docsPolicy()
		keys := strings.Split(path, ".")
		m := p
		for _, k := range keys[:len(keys)-1] {
			m = m[k].(map[string]any)
		}
		if v == "DELETE" {
			delete(m, keys[len(keys)-1])
		} else {
			m[keys[len(keys)-1]] = v
		}
		return p
	}
	cases := []struct {
		name string
		body map[string]any
		want string
	}{
		{"state", with("state", "on"), "Invalid value 'on' for property 'state'"},
		{"missing state", with("state", "DELETE"), "'state' is required"},
		{"clientAppTypes", with("conditions.clientAppTypes", []any{"fax"}), "Invalid value 'fax'"},
		{"clientAppTypes empty", with("conditions.clientAppTypes", []any{}), "1064: 'clientAppTypes' condition does not support []"},
		{"builtInControls", with("grantControls.builtInControls", []any{"retina"}), "Invalid value 'retina'"},
		{"risk", with("conditions.signInRiskLevels", []any{"extreme"}), "Invalid value 'extreme'"},
		{"transfer", with("conditions.authenticationFlows", map[string]any{"transferMethods": "deviceCodeFlow,carrierPigeon"}), "Invalid value 'carrierPigeon'"},
		{"no controls", with("grantControls", nil), "at least one control"},
		{"empty grant", with("grantControls", map[string]any{"operator": "OR", "builtInControls": []any{}}), "at least one control"},
		{"block plus", with("grantControls.builtInControls", []any{"block", "mfa"}), "'block' grant control cannot be combined"},
		{"everyTime", with("sessionControls", map[string]any{"signInFrequency": map[string]any{"isEnabled": true, "frequencyInterval": "everyTime", "type": "hours", "value": 1}}), "'everyTime' cannot have a 'value' or 'type'"},
		// Graph v1.0 refusals (validateV1Refusals): everyTime, error 1104, error 1235.
		{"everyTime on v1.0", with("sessionControls", map[string]any{"signInFrequency": map[string]any{"isEnabled": true, "frequencyInterval": "everyTime"}}), "'everyTime' of property 'frequencyInterval'"},
		{"1104", with("sessionControls", map[string]any{"signInFrequency": map[string]any{"isEnabled": true, "frequencyInterval": "timeBased", "type": "hours", "value": 1, "authenticationType": "secondaryAuthentication"}}), "1104: 'timeBased' value for 'frequencyInterval'"},
		{"1235 grant", with("conditions.authenticationFlows", map[string]any{"transferMethods": "deviceCodeFlow"}), "1235: "},
		{"1235 session", func() map[string]any {
			p := with("conditions.authenticationFlows", map[string]any{"transferMethods": "deviceCodeFlow"})
			p["grantControls"] = map[string]any{"operator": "OR", "builtInControls": []any{"block"}}
			p["sessionControls"] = map[string]any{"signInFrequency": map[string]any{"isEnabled": true, "type": "hours", "value": 4}}
			return p
		}(), "1235: "},
		{"no users", with("conditions.users", map[string]any{"excludeUsers": []any{"GuestsOrExternalUsers"}}), "must include users"},
		{"no apps", with("conditions.applications", map[string]any{"includeApplications": []any{}}), "must include applications"},
		{"unknown prop", with("conditions.users.includeFriends", []any{"x"}), "The property 'includeFriends' does not exist on type 'microsoft.graph.conditionalAccessUsers'"},
		{"unknown location", with("conditions.locations", map[string]any{"includeLocations": []any{"3f0a8c4e-1111-4222-8333-944455556666"}}), "NamedLocation with id 3f0a8c4e-1111-4222-8333-944455556666 does not exist"},
		{"strength", with("grantControls", map[string]any{"operator": "OR", "authenticationStrength": map[string]any{"id": "00000000-0000-0000-0000-000000000009"}}), "authentication strength policy '00000000-0000-0000-0000-000000000009' does not exist"},
		{"persistentBrowser", with("sessionControls", map[string]any{"persistentBrowser": map[string]any{"isEnabled": true, "mode": "sometimes"}}), "Invalid value 'sometimes'"},
	}
	for _, tc := range cases {
		res := c.do("POST", caPath, tc.body)
		if res.status != 400 {
			t.Errorf("%s: %d %s", tc.name, res.status, res.body)
			continue
		}
		code, msg := graphErr(t, res)
		if code != "BadRequest" || !strings.Contains(msg, tc.want) {
			t.Errorf("%s: %s %q, want message containing %q", tc.name, code, msg, tc.want)
		}
	}
	if n := len(s.GraphObjects(GraphKindCAPolicy)); n != 0 {
		t.Errorf("%d policies stored by failed creates", n)
	}
	// A session-only policy is fine; clientAppTypes defaults to ["all"].
	p := docsPolicy()
	p["grantControls"] = nil
	delete(p["conditions"].(map[string]any), "clientAppTypes")
	p["sessionControls"] = map[string]any{"signInFrequency": map[string]any{"isEnabled": true, "type": "hours", "value": 4}}
	res := c.do("POST", caPath, p)
	if res.status != 201 {
		t.Fatalf("session-only: %d %s", res.status, res.body)
	}
	o := res.json(t)
	if !jsonEq(t, objAt(o, "conditions")["clientAppTypes"], `["all"]`) || o["grantControls"] != nil {
		t.Errorf("defaults: %s", res.body)
	}
	// PATCH validates the merged result.
	id := o["id"].(string)
	if r := c.do("PATCH", caPath+"/"+id, map[string]any{"sessionControls": nil}); r.status != 400 {
		t.Errorf("patch removing the only control: %d", r.status)
	}
	if r := c.do("PATCH", caPath+"/"+id, map[string]any{"state": "enabledForReportingButNotEnforced"}); r.status != 204 {
		t.Errorf("patch state: %d %s", r.status, r.body)
	}
	if r := c.do("PATCH", caPath+"/3f0a8c4e-1111-4222-8333-944455556666", map[string]any{"state": "disabled"}); r.status != 404 {
		t.Errorf("patch missing: %d", r.status)
	}
}

func TestGraphNamedLocations(t *testing.T) {
	s := startSim(t, Options{})
	c := newGraphClient(t, s, s.FullApp())
	ip := map[string]any{
		"@odata.type": "#microsoft.graph.ipNamedLocation", "displayName": "Untrusted IP named location", "isTrusted": false,
		"ipRanges": []any{
			map[string]any{"@odata.type": "#microsoft.graph.iPv4CidrRange", "cidrAddress": "12.34.221.11/22"},
			map[string]any{"@odata.type": "#microsoft.graph.iPv6CidrRange", "cidrAddress": "2001:0:9d38:90d6:0:0:0:0/63"},
		},
	}
	res := c.do("POST", nlPath, ip)
	if res.status != 201 {
		t.Fatalf("create ip: %d %s", res.status, res.body)
	}
	loc := res.json(t)
	ipID := loc["id"].(string)
	if loc["@odata.type"] != odataIPLocation || loc["createdDateTime"] == nil || loc["modifiedDateTime"] != loc["createdDateTime"] || len(loc["ipRanges"].([]any)) != 2 {
		t.Errorf("ip location: %s", res.body)
	}
	res = c.do("POST", nlPath, map[string]any{"@odata.type": "#microsoft.graph.countryNamedLocation", "displayName": "Countries", "countriesAndRegions": []any{"US", "GB"}})
	if res.status != 201 {
		t.Fatalf("create country: %d %s", res.status, res.body)
	}
	country := res.json(t)
	if country["includeUnknownCountriesAndRegions"] != false || country["countryLookupMethod"] != "clientIpAddress" {
		t.Errorf("country defaults: %s", res.body)
	}
	for name, body := range map[string]map[string]any{
		"no type":    {"displayName": "x", "countriesAndRegions": []any{"US"}},
		"bad cidr":   {"@odata.type": odataIPLocation, "displayName": "x", "ipRanges": []any{map[string]any{"@odata.type": odataIPv4Range, "cidrAddress": "1.2.3.4/99"}}},
		"v6 as v4":   {"@odata.type": odataIPLocation, "displayName": "x", "ipRanges": []any{map[string]any{"@odata.type": odataIPv4Range, "cidrAddress": "2001::/64"}}},
		"range type": {"@odata.type": odataIPLocation, "displayName": "x", "ipRanges": []any{map[string]any{"cidrAddress": "1.2.3.0/24"}}},
		"country":    {"@odata.type": odataCountryLocation, "displayName": "x", "countriesAndRegions": []any{"USA"}},
		"lookup":     {"@odata.type": odataCountryLocation, "displayName": "x", "countriesAndRegions": []any{"US"}, "countryLookupMethod": "astrology"},
	} {
		if r := c.do("POST", nlPath, body); r.status != 400 {
			t.Errorf("%s: %d %s", name, r.status, r.body)
		}
	}
	// PATCH must carry @odata.type, of the same type.
	if r := c.do("PATCH", nlPath+"/"+ipID, map[string]any{"isTrusted": true}); r.status != 400 {
		t.Errorf("patch without @odata.type: %d", r.status)
	}
	if r := c.do("PATCH", nlPath+"/"+ipID, map[string]any{"@odata.type": odataCountryLocation, "isTrusted": true}); r.status != 400 {
		t.Errorf("patch changing type: %d", r.status)
	}
	if r := c.do("PATCH", nlPath+"/"+ipID, map[string]any{"@odata.type": odataIPLocation, "isTrusted": true}); r.status != 204 {
		t.Fatalf("patch: %d %s", r.status, r.body)
	}
	got := c.do("GET", nlPath+"/"+ipID, nil).json(t)
	if got["isTrusted"] != true || len(got["ipRanges"].([]any)) != 2 || got["displayName"] != "Untrusted IP named location" {
		t.Errorf("after patch: %v", got)
	}
	// A policy referencing the location blocks its deletion.
	p := docsPolicy()
	p["conditions"].(map[string]any)["locations"] = map[string]any{"includeLocations": []any{"All"}, "excludeLocations": []any{ipID}}
	res = c.do("POST", caPath, p)
	if res.status != 201 {
		t.Fatalf("policy: %d %s", res.status, res.body)
	}
	pid := res.json(t)["id"].(string)
	r := c.do("DELETE", nlPath+"/"+ipID, nil)
	if r.status != 400 {
		t.Fatalf("delete referenced: %d %s", r.status, r.body)
	}
	if _, msg := graphErr(t, r); !strings.Contains(msg, "referenced by conditional access policy") {
		t.Errorf("message %q", msg)
	}
	if r := c.do("DELETE", caPath+"/"+pid, nil); r.status != 204 {
		t.Fatal(r.status)
	}
	if r := c.do("DELETE", nlPath+"/"+ipID, nil); r.status != 204 {
		t.Fatalf("delete: %d %s", r.status, r.body)
	}
	if r := c.do("GET", nlPath+"/"+ipID, nil); r.status != 404 {
		t.Errorf("get deleted: %d", r.status)
	}
}

func TestGraphPagingAndFilter(t *testing.T) {
	s := startSim(t, Options{})
	c := newGraphClient(t, s, s.FullApp())
	for i := range 150 {
		body := map[string]any{"@odata.type": odataCountryLocation, "displayName": fmt.Sprintf("loc-%03d", i), "countriesAndRegions": []any{"US"}}
		if r := c.do("POST", nlPath, body); r.status != 201 {
			t.Fatalf("create %d: %d %s", i, r.status, r.body)
		}
	}
	seen := map[string]bool{}
	next := s.URL() + "/graph/v1.0" + nlPath
	pages := 0
	for next != "" {
		m := c.do("GET", next, nil).json(t)
		pages++
		for _, v := range m["value"].([]any) {
			seen[v.(map[string]any)["displayName"].(string)] = true
		}
		next, _ = m["@odata.nextLink"].(string)
		if next != "" && (!strings.HasPrefix(next, s.URL()+"/graph/v1.0/identity/conditionalAccess/namedLocations?") || !strings.Contains(next, "%24skiptoken=")) {
			t.Fatalf("nextLink %q", next)
		}
		if pages > 5 {
			t.Fatal("paging does not end")
		}
	}
	if pages != 2 || len(seen) != 150 {
		t.Errorf("pages %d, seen %d", pages, len(seen))
	}
	m := c.do("GET", nlPath+"?$top=60", nil).json(t)
	if len(m["value"].([]any)) != 60 || m["@odata.nextLink"] == nil {
		t.Errorf("$top=60: %d", len(m["value"].([]any)))
	}
	q := url.Values{"$filter": {"displayName eq 'loc-042'"}}
	m = c.do("GET", nlPath+"?"+q.Encode(), nil).json(t)
	if v := m["value"].([]any); len(v) != 1 || v[0].(map[string]any)["displayName"] != "loc-042" {
		t.Errorf("filter: %v", v)
	}
	// Role templates and strengths.
	q = url.Values{"$filter": {"displayName eq 'Teams Administrator'"}}
	m = c.do("GET", "/directoryRoleTemplates?"+q.Encode(), nil).json(t)
	if v := m["value"].([]any); len(v) != 1 || v[0].(map[string]any)["id"] != "69091246-20e8-4a56-aa4d-066075b2a7a8" {
		t.Errorf("role template filter: %v", m)
	}
	m = c.do("GET", "/directoryRoleTemplates", nil).json(t)
	if v := m["value"].([]any); len(v) < 17 {
		t.Errorf("role templates: %d", len(v))
	}
	q = url.Values{"$filter": {"displayName eq 'Phishing resistant MFA' and policyType eq 'builtIn'"}}
	m = c.do("GET", "/identity/conditionalAccess/authenticationStrength/policies?"+q.Encode(), nil).json(t)
	if v := m["value"].([]any); len(v) != 1 || v[0].(map[string]any)["id"] != "00000000-0000-0000-0000-000000000004" {
		t.Errorf("strength filter: %v", m)
	}
	if r := c.do("GET", "/identity/conditionalAccess/authenticationStrength/policies/00000000-0000-0000-0000-000000000002", nil); r.status != 200 {
		t.Errorf("strength get: %d", r.status)
	}
	m = c.do("GET", "/policies/authenticationStrengthPolicies?$select=displayName", nil).json(t)
	if v := m["value"].([]any); len(v) != 3 || len(v[0].(map[string]any)) != 2 {
		t.Errorf("strengths alias with $select: %v", m)
	}
	if r := c.do("GET", nlPath+"?$filter="+url.QueryEscape("displayName gt 'a'"), nil); r.status != 400 {
		t.Errorf("unsupported filter: %d", r.status)
	}
}

func TestGraphAuth(t *testing.T) {
	s := startSim(t, Options{})
	lim := newGraphClient(t, s, s.LimitedApp())
	if r := lim.do("GET", caPath, nil); r.status != 200 {
		t.Errorf("limited read: %d %s", r.status, r.body)
	}
	r := lim.do("POST", caPath, docsPolicy())
	if r.status != 403 {
		t.Fatalf("limited write: %d %s", r.status, r.body)
	}
	if code, msg := graphErr(t, r); code != "Authorization_RequestDenied" || msg != "Insufficient privileges to complete the operation." {
		t.Errorf("403: %s %s", code, msg)
	}
	if r := lim.do("POST", nlPath, map[string]any{"@odata.type": odataCountryLocation, "displayName": "x", "countriesAndRegions": []any{"US"}}); r.status != 403 {
		t.Errorf("limited location write: %d", r.status)
	}
	teams := &graphClient{t: t, s: s, token: tokenFor(t, s, s.FullApp(), audTeams)}
	r = teams.do("GET", caPath, nil)
	if r.status != 401 {
		t.Fatalf("teams token: %d %s", r.status, r.body)
	}
	if code, _ := graphErr(t, r); code != "InvalidAuthenticationToken" {
		t.Errorf("401 code %q", code)
	}
	if r := (&graphClient{t: t, s: s}).do("GET", caPath, nil); r.status != 401 {
		t.Errorf("no token: %d", r.status)
	}
}

func TestGraphFaults(t *testing.T) {
	s := startSim(t, Options{})
	c := newGraphClient(t, s, s.FullApp())
	s.AddFault(Fault{Surface: "graph", Kind: FaultStatus, Status: 429, RetryAfter: "2", Count: 1})
	r := c.do("GET", caPath, nil)
	if r.status != 429 || r.header.Get("Retry-After") != "2" {
		t.Fatalf("429: %d %v", r.status, r.header)
	}
	if code, _ := graphErr(t, r); code != "TooManyRequests" {
		t.Errorf("429 code %q", code)
	}
	if r := c.do("GET", caPath, nil); r.status != 200 {
		t.Errorf("after 429: %d", r.status)
	}
	s.AddFault(Fault{Surface: "graph", Method: "POST", Kind: FaultStatus, Status: 503, RetryAfter: "1", Count: 1})
	if r := c.do("POST", caPath, docsPolicy()); r.status != 503 || r.header.Get("Retry-After") != "1" {
		t.Errorf("503: %d", r.status)
	} else if code, _ := graphErr(t, r); code != "ServiceUnavailable" {
		t.Errorf("503 code %q", code)
	}
	if n := len(s.GraphObjects(GraphKindCAPolicy)); n != 0 {
		t.Errorf("503 create stored %d", n)
	}
	// Lag by reads: create -> 404, patch -> old, delete -> still there.
	s.AddFault(Fault{Surface: "graph", Kind: FaultLag, Count: 1})
	res := c.do("POST", caPath, docsPolicy())
	if res.status != 201 {
		t.Fatal(res.status)
	}
	id := res.json(t)["id"].(string)
	if r := c.do("GET", caPath+"/"+id, nil); r.status != 404 {
		t.Errorf("read after create: %d", r.status)
	}
	if r := c.do("GET", caPath+"/"+id, nil); r.status != 200 {
		t.Errorf("second read after create: %d", r.status)
	}
	if r := c.do("PATCH", caPath+"/"+id, map[string]any{"state": "disabled"}); r.status != 204 {
		t.Fatal(r.status)
	}
	for i, want := range []string{"enabled", "disabled"} {
		if got := c.do("GET", caPath+"/"+id, nil).json(t)["state"]; got != want {
			t.Errorf("read %d after patch: %v, want %s", i+1, got, want)
		}
	}
	if r := c.do("DELETE", caPath+"/"+id, nil); r.status != 204 {
		t.Fatal(r.status)
	}
	for i, want := range []int{200, 404} {
		if got := c.do("GET", caPath+"/"+id, nil).status; got != want {
			t.Errorf("read %d after delete: %d, want %d", i+1, got, want)
		}
	}
	s.ClearFaults()
	// Lag by time on named locations.
	s.AddFault(Fault{Surface: "graph", Method: "POST", PathPrefix: "/v1.0/identity/conditionalAccess/namedLocations", Kind: FaultLag, LagMs: 200})
	res = c.do("POST", nlPath, map[string]any{"@odata.type": odataCountryLocation, "displayName": "lagged", "countriesAndRegions": []any{"US"}})
	lid := res.json(t)["id"].(string)
	if r := c.do("GET", nlPath+"/"+lid, nil); r.status != 404 {
		t.Errorf("read right after create: %d", r.status)
	}
	if !eventually(t, 5*time.Second, func() bool { return c.do("GET", nlPath+"/"+lid, nil).status == 200 }) {
		t.Error("location never visible")
	}
	st := s.Stats()
	if st.Count("graph", "POST", "/v1.0"+nlPath) != 1 || st.Count("graph", "GET", "/v1.0"+caPath) < 2 {
		t.Errorf("stats: %+v", st.Requests)
	}
}

func TestGraphPersistenceAndControl(t *testing.T) {
	dir := t.TempDir()
	s, err := Start(Options{StateDir: dir, Logf: t.Logf})
	if err != nil {
		t.Fatal(err)
	}
	c := newGraphClient(t, s, s.FullApp())
	res := c.do("POST", caPath, docsPolicy())
	if res.status != 201 {
		t.Fatal(res.status)
	}
	id := res.json(t)["id"].(string)
	res = c.do("POST", nlPath, map[string]any{"@odata.type": odataCountryLocation, "displayName": "c", "countriesAndRegions": []any{"US"}})
	lid := res.json(t)["id"].(string)
	s.Close()

	s = startSim(t, Options{StateDir: dir})
	if o, ok := s.GraphObject(GraphKindCAPolicy, id); !ok || o["displayName"] != "Access to EXO requires MFA" {
		t.Fatalf("policy not persisted: %v", o)
	}
	if _, ok := s.GraphObject(GraphKindNamedLocation, lid); !ok {
		t.Fatal("location not persisted")
	}
	c = newGraphClient(t, s, s.FullApp())
	if r := c.do("GET", caPath+"/"+id, nil); r.status != 200 {
		t.Fatalf("get after restart: %d", r.status)
	}
	// Drift via the Go helper and the control API.
	if err := s.SetGraphObject(GraphKindCAPolicy, id, map[string]any{"state": "disabled"}); err != nil {
		t.Fatal(err)
	}
	if err := s.SetGraphObject(GraphKindCAPolicy, id, map[string]any{"state": "sideways"}); err == nil {
		t.Error("invalid drift accepted")
	}
	r := call(t, s.HTTPClient(), "PATCH", s.URL()+"/_sim/graph/namedLocation/"+lid, "", map[string]any{"countriesAndRegions": []any{"CA"}}, nil)
	if r.status != 200 || !jsonEq(t, r.json(t)["countriesAndRegions"], `["CA"]`) {
		t.Fatalf("control patch: %d %s", r.status, r.body)
	}
	r = call(t, s.HTTPClient(), "GET", s.URL()+"/_sim/graph/conditionalAccessPolicy/"+id, "", nil, nil)
	if r.status != 200 || r.json(t)["state"] != "disabled" {
		t.Errorf("control get: %d %s", r.status, r.body)
	}
	if n := len(s.GraphObjects(GraphKindNamedLocation)); n != 1 {
		t.Errorf("GraphObjects: %d", n)
	}
	if r := c.do("GET", nlPath+"/"+lid, nil).json(t); !jsonEq(t, r["countriesAndRegions"], `["CA"]`) {
		t.Errorf("drift not visible: %v", r)
	}
}
