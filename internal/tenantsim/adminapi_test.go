package tenantsim

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/cookiejar"
	"slices"
	"strings"
	"testing"
	"time"
)

// adminClient talks to one admin API host like the provider should: a
// cookie jar, no automatic redirects (re-POST with the bearer by hand),
// X-AnchorMailbox on every call.
type adminClient struct {
	t       *testing.T
	s       *Simulator
	surface string
	token   string
	anchor  string
	hc      *http.Client
	// requests counts HTTP requests made (redirect hops included).
	requests int
}

func newAdminClient(t *testing.T, s *Simulator, surface string, app App) *adminClient {
	t.Helper()
	aud := audCompliance
	if surface == surfaceExchange {
		aud = audExchange
	}
	jar, _ := cookiejar.New(nil)
	hc := &http.Client{Transport: s.HTTPClient().Transport, Jar: jar, Timeout: 30 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	return &adminClient{t: t, s: s, surface: surface, token: tokenFor(t, s, app, aud), anchor: s.AdminAnchorMailbox(), hc: hc}
}

func (c *adminClient) url() string {
	return c.s.URL() + "/" + c.surface + "/adminapi/beta/" + c.s.TenantID() + "/InvokeCommand"
}

func (c *adminClient) send(method, u string, body []byte) response {
	c.t.Helper()
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body)
	}
	req, err := http.NewRequest(method, u, rd)
	if err != nil {
		c.t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+c.token)
	if c.anchor != "" {
		req.Header.Set("X-AnchorMailbox", c.anchor)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	res, err := c.hc.Do(req)
	if err != nil {
		c.t.Fatalf("%s %s: %v", method, u, err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	c.requests++
	return response{status: res.StatusCode, header: res.Header, body: b}
}

// invoke runs a cmdlet, following redirects by re-POSTing and pages by GET.
func (c *adminClient) invoke(cmdlet string, params map[string]any) (response, []map[string]any) {
	c.t.Helper()
	if params == nil {
		params = map[string]any{}
	}
	body, _ := json.Marshal(map[string]any{"CmdletInput": map[string]any{"CmdletName": cmdlet, "Parameters": params}})
	u := c.url()
	var res response
	for hop := 0; ; hop++ {
		res = c.send("POST", u, body)
		if res.status/100 != 3 {
			break
		}
		if hop > 3 {
			c.t.Fatalf("redirect loop at %s", u)
		}
		u = res.header.Get("Location")
	}
	if res.status != 200 {
		return res, nil
	}
	var all []map[string]any
	for {
		var env struct {
			Value    []map[string]any `json:"value"`
			NextLink string           `json:"@odata.nextLink"`
		}
		if err := json.Unmarshal(res.body, &env); err != nil {
			c.t.Fatalf("%s: %v %s", cmdlet, err, res.body)
		}
		all = append(all, env.Value...)
		if env.NextLink == "" {
			return res, all
		}
		res = c.send("GET", env.NextLink, nil)
		if res.status != 200 {
			c.t.Fatalf("nextLink: %d %s", res.status, res.body)
		}
	}
}

func (c *adminClient) ok(cmdlet string, params map[string]any) []map[string]any {
	c.t.Helper()
	res, v := c.invoke(cmdlet, params)
	if res.status != 200 {
		c.t.Fatalf("%s: %d %s", cmdlet, res.status, res.body)
	}
	return v
}

// cmdletErr runs a cmdlet that must fail and returns the inner message.
func (c *adminClient) cmdletErr(status int, cmdlet string, params map[string]any) (msg, typeName string) {
	c.t.Helper()
	res, _ := c.invoke(cmdlet, params)
	if res.status != status {
		c.t.Fatalf("%s: status %d, want %d: %s", cmdlet, res.status, status, res.body)
	}
	return innerError(c.t, res)
}

func innerError(t *testing.T, res response) (string, string) {
	t.Helper()
	var env struct {
		Error struct {
			Code    string
			Message string
			Details []struct{ Code, Message string }
		}
	}
	if err := json.Unmarshal(res.body, &env); err != nil || len(env.Error.Details) == 0 {
		t.Fatalf("not an InvokeCommand error: %v %s", err, res.body)
	}
	if env.Error.Message != "Error executing cmdlet" {
		t.Errorf("envelope message %q", env.Error.Message)
	}
	var inner struct{ Message, TypeName string }
	if err := json.Unmarshal([]byte(env.Error.Details[0].Message), &inner); err != nil {
		t.Fatalf("details[0].message is not JSON: %v %q", err, env.Error.Details[0].Message)
	}
	return inner.Message, inner.TypeName
}

func TestAdminAPIEnvelopeAndRedirect(t *testing.T) {
	s := startSim(t, Options{})
	c := newAdminClient(t, s, surfaceCompliance, s.FullApp())

	// First contact: 302 to the regional path on the same host, cookie set there.
	body := []byte(`{"CmdletInput":{"CmdletName":"Get-DlpSensitiveInformationType","Parameters":{}}}`)
	first := c.send("POST", c.url(), body)
	if first.status != http.StatusFound {
		t.Fatalf("first call: %d %s", first.status, first.body)
	}
	loc := first.header.Get("Location")
	if !strings.HasPrefix(loc, s.URL()+"/compliance/"+adminRegion+"/adminapi/beta/"+s.TenantID()+"/InvokeCommand") {
		t.Fatalf("Location %q", loc)
	}
	for _, h := range []string{"Rate-Limit-Limit", "Rate-Limit-Remaining", "Rate-Limit-Reset"} {
		if first.header.Get(h) == "" {
			t.Errorf("redirect lacks %s", h)
		}
	}
	// The redirected request without the bearer is refused.
	if res := call(t, s.HTTPClient(), "POST", loc, "", string(body), map[string]string{"X-AnchorMailbox": c.anchor}); res.status != 401 {
		t.Errorf("regional call without bearer: %d", res.status)
	}
	second := c.send("POST", loc, body)
	if second.status != 200 || !strings.Contains(second.header.Get("Set-Cookie"), affinityCookie+"=") {
		t.Fatalf("regional call: %d cookie %q %s", second.status, second.header.Get("Set-Cookie"), second.body)
	}
	env := second.json(t)
	if !strings.HasSuffix(env["@odata.context"].(string), "$metadata#DlpSensitiveInformationType") {
		t.Errorf("@odata.context %v", env["@odata.context"])
	}
	if _, err := time.Parse(time.RFC3339, second.header.Get("Rate-Limit-Reset")); err != nil {
		t.Errorf("Rate-Limit-Reset %q", second.header.Get("Rate-Limit-Reset"))
	}
	// With the cookie, calls go straight through.
	c.requests = 0
	c.ok("Get-DlpCompliancePolicy", nil)
	if c.requests != 1 {
		t.Errorf("call with affinity cookie took %d requests", c.requests)
	}

	// A Go client that follows 307 itself keeps the bearer (same host) and the body.
	if err := s.SetComplianceSettings(ComplianceSettings{RedirectStatus: 307, PageSize: 50, PendingDeletionGets: 1}); err != nil {
		t.Fatal(err)
	}
	jar, _ := cookiejar.New(nil)
	auto := &http.Client{Transport: s.HTTPClient().Transport, Jar: jar}
	res := call(t, auto, "POST", c.url(), c.token, string(body), map[string]string{"X-AnchorMailbox": c.anchor})
	if res.status != 200 {
		t.Fatalf("auto-followed 307: %d %s", res.status, res.body)
	}
	st := s.Stats()
	if st.Count(surfaceCompliance, "POST", "/"+adminRegion+"/adminapi/beta/"+s.TenantID()+"/InvokeCommand") < 2 {
		t.Errorf("stats do not show the regional calls: %+v", st)
	}
}

func TestAdminAPIAuthAnchorAndErrors(t *testing.T) {
	s := startSim(t, Options{})
	c := newAdminClient(t, s, surfaceCompliance, s.FullApp())
	c.ok("Get-DlpCompliancePolicy", nil) // redirect + cookie

	// Unknown parameter: the real PowerShell binding error inside details.
	msg, typ := c.cmdletErr(400, "Get-DlpCompliancePolicy", map[string]any{"Bogus": 1})
	if msg != "A parameter cannot be found that matches parameter name 'Bogus'." || typ != typeParamBinding {
		t.Errorf("unknown parameter: %q %q", msg, typ)
	}
	// Set- does not take the plain location parameters.
	c.ok("New-DlpCompliancePolicy", map[string]any{"Name": "P", "TeamsLocation": "All"})
	msg, _ = c.cmdletErr(400, "Set-DlpCompliancePolicy", map[string]any{"Identity": "P", "TeamsLocation": []any{"All"}})
	if !strings.Contains(msg, "parameter name 'TeamsLocation'") {
		t.Errorf("Set with TeamsLocation: %q", msg)
	}
	msg, _ = c.cmdletErr(400, "New-DlpCompliancePolicy", map[string]any{"Name": "Q", "Mode": "On"})
	if !strings.Contains(msg, "Cannot bind parameter 'Mode'") || !strings.Contains(msg, "TestWithoutNotifications") {
		t.Errorf("bad enum: %q", msg)
	}
	msg, _ = c.cmdletErr(400, "New-DlpCompliancePolicy", map[string]any{"Name": "P"})
	if msg != "The object 'P' already exists." {
		t.Errorf("duplicate: %q", msg)
	}
	msg, typ = c.cmdletErr(404, "Get-DlpCompliancePolicy", map[string]any{"Identity": "nope"})
	if !strings.Contains(msg, "couldn't be found") || typ != typeNotFound {
		t.Errorf("not found: %q %q", msg, typ)
	}
	msg, _ = c.cmdletErr(400, "New-DlpComplianceRule", map[string]any{"Name": "R"})
	if !strings.Contains(msg, "missing mandatory parameters: Policy") {
		t.Errorf("mandatory: %q", msg)
	}

	// Anchor mailbox.
	c.anchor = ""
	msg, _ = c.cmdletErr(400, "Get-DlpCompliancePolicy", nil)
	if !strings.Contains(msg, "X-AnchorMailbox") {
		t.Errorf("no anchor: %q", msg)
	}
	ex := newAdminClient(t, s, surfaceExchange, s.FullApp())
	ex.anchor = ""
	if res, _ := ex.invoke("Get-AdminAuditLogConfig", nil); res.status != 400 {
		t.Errorf("exchange without anchor: %d", res.status)
	}
	ex.anchor = "TID:" + s.TenantID()
	ex.ok("Get-AdminAuditLogConfig", nil)
	ex.anchor = "APP:SystemMailbox{bb558c35-97f1-4cb9-8ff7-d53741dc928c}@" + s.TenantID()
	ex.ok("Get-AdminAuditLogConfig", nil)
	c.anchor = ex.anchor
	c.ok("Get-DlpCompliancePolicy", nil)
	c.anchor = "TID:" + s.TenantID() // not on the compliance host
	c.cmdletErr(400, "Get-DlpCompliancePolicy", nil)

	// Tenant in the path must be the token's.
	res := call(t, s.HTTPClient(), "POST", s.URL()+"/exchange/adminapi/beta/"+newGUID()+"/InvokeCommand", ex.token,
		`{"CmdletInput":{"CmdletName":"Get-AdminAuditLogConfig"}}`, map[string]string{"X-AnchorMailbox": s.AdminAnchorMailbox()})
	if res.status != 401 {
		t.Errorf("foreign tenant in path: %d %s", res.status, res.body)
	}
	// Wrong audience.
	graphTok := tokenFor(t, s, s.FullApp(), audGraph)
	res = call(t, s.HTTPClient(), "POST", ex.url(), graphTok, `{"CmdletInput":{"CmdletName":"Get-AdminAuditLogConfig"}}`, map[string]string{"X-AnchorMailbox": s.AdminAnchorMailbox()})
	if res.status != 401 {
		t.Errorf("graph token on exchange: %d", res.status)
	}

	// Limited app: 403 "User is not allowed to call ...".
	for _, sf := range []string{surfaceCompliance, surfaceExchange} {
		lc := newAdminClient(t, s, sf, s.LimitedApp())
		name := "Get-DlpCompliancePolicy"
		if sf == surfaceExchange {
			name = "Get-AdminAuditLogConfig"
		}
		res, _ := lc.invoke(name, nil)
		m := res.json(t)
		e, _ := m["error"].(map[string]any)
		if res.status != 403 || e["code"] != "Forbidden" || e["message"] != "User is not allowed to call "+name {
			t.Errorf("%s limited app: %d %s", sf, res.status, res.body)
		}
	}

	// Faults: 429 with Retry-After.
	s.AddFault(Fault{Surface: surfaceCompliance, Kind: FaultStatus, Status: 429, RetryAfter: "2", Count: 1})
	res, _ = c.invoke("Get-DlpCompliancePolicy", nil)
	if res.status != 429 || res.header.Get("Retry-After") != "2" {
		t.Errorf("429 fault: %d %v", res.status, res.header)
	}
	c.anchor = s.AdminAnchorMailbox()
	c.ok("Get-DlpCompliancePolicy", nil)
}

// tagged marks a hashtable parameter's value with the OData type
// InvokeCommand needs to bind it.
func tagged(m map[string]any) map[string]any {
	m["@odata.type"] = "#Exchange.GenericHashTable"
	return m
}

func hipaaSIT() map[string]any {
	return map[string]any{
		"operator": "And",
		"groups": []any{
			map[string]any{"name": "Identifiers", "operator": "Or", "sensitivetypes": []any{
				map[string]any{"name": "U.S. Social Security Number (SSN)", "mincount": "1", "confidencelevel": "high"},
				map[string]any{"id": "9a5445ad-406e-43eb-8bd7-cac17ab6d0e4"},
			}},
			map[string]any{"name": "Diagnoses", "operator": "Or", "sensitivetypes": []any{
				map[string]any{"name": "International Classification of Diseases (ICD-9-CM)"},
				map[string]any{"name": "International Classification of Diseases (ICD-10-CM)", "minconfidence": 75, "maxconfidence": 100},
			}},
		},
	}
}

func TestAdminAPIDlpLifecycle(t *testing.T) {
	s := startSim(t, Options{})
	c := newAdminClient(t, s, surfaceCompliance, s.FullApp())

	created := c.ok("New-DlpCompliancePolicy", map[string]any{
		"Name": "HIPAA Teams", "Comment": "PHI in Teams", "Mode": "testwithnotifications",
		"TeamsLocation": []any{"All"}, "ExchangeLocation": "All",
	})
	if len(created) != 1 || created[0]["Mode"] != "TestWithNotifications" || created[0]["Guid"] == "" {
		t.Fatalf("New: %v", created)
	}
	got := c.ok("Get-DlpCompliancePolicy", map[string]any{"Identity": "hipaa teams"})
	if len(got) != 1 || got[0]["DistributionStatus"] != "Success" || got[0]["Workload"] != "Exchange, Teams" {
		t.Fatalf("Get: %v", got)
	}
	if names := locationNames(got[0]["TeamsLocation"]); len(names) != 1 || names[0] != "All" {
		t.Errorf("TeamsLocation %v", got[0]["TeamsLocation"])
	}
	if _, ok := got[0][simKey]; ok {
		t.Error("private fields leak")
	}
	c.ok("Set-DlpCompliancePolicy", map[string]any{"Identity": "HIPAA Teams", "Mode": "Enable",
		"AddTeamsLocationException": []any{"clinician@contoso.com"}})
	p, _ := s.ComplianceObject(KindDlpPolicy, "HIPAA Teams")
	if p["Mode"] != "Enable" || len(locationNames(p["TeamsLocationException"])) != 1 {
		t.Errorf("after Set: %v", p)
	}
	// A Set that changes nothing warns.
	res, _ := c.invoke("Set-DlpCompliancePolicy", map[string]any{"Identity": "HIPAA Teams", "Mode": "Enable"})
	if w := res.json(t)["@adminapi.warnings"]; w == nil {
		t.Errorf("no warning for a no-op Set: %s", res.body)
	}

	rule := c.ok("New-DlpComplianceRule", map[string]any{
		"Name": "PHI block", "Policy": "HIPAA Teams",
		"ContentContainsSensitiveInformation": []any{tagged(hipaaSIT())},
		"AccessScope":                         "NotInOrganization", "BlockAccess": true, "BlockAccessScope": "All",
		"NotifyUser": []any{"SiteAdmin"}, "NotifyAllowOverride": []any{"WithJustification"},
		"GenerateIncidentReport": []any{"SiteAdmin"}, "IncidentReportContent": []any{"All"},
		"ReportSeverityLevel": "High",
	})
	if rule[0]["ParentPolicyName"] != "HIPAA Teams" || rule[0]["Policy"] != created[0]["Guid"] {
		t.Errorf("rule policy: %v", rule[0])
	}
	cc := rule[0]["ContentContainsSensitiveInformation"].([]any)[0].(map[string]any)
	groups := cc["groups"].([]any)
	first := groups[0].(map[string]any)["sensitivetypes"].([]any)
	ssn, dea := first[0].(map[string]any), first[1].(map[string]any)
	if ssn["id"] != "a44669fe-0d48-453d-a9b1-2cc83f2cba77" || ssn["confidencelevel"] != "High" || dea["name"] != "Drug Enforcement Agency (DEA) Number" || dea["mincount"] != "1" {
		t.Errorf("normalized SITs: %v %v", ssn, dea)
	}
	icd10 := groups[1].(map[string]any)["sensitivetypes"].([]any)[1].(map[string]any)
	if icd10["minconfidence"] != "75" || icd10["id"] != "3356946c-6bb7-449b-b253-6ffa419c0ce7" {
		t.Errorf("ICD-10: %v", icd10)
	}
	msg, _ := c.cmdletErr(400, "New-DlpComplianceRule", map[string]any{"Name": "X", "Policy": "HIPAA Teams",
		"ContentContainsSensitiveInformation": []any{tagged(map[string]any{"name": "Made Up Number"})}})
	if !strings.Contains(msg, "'Made Up Number' couldn't be found") {
		t.Errorf("unknown SIT: %q", msg)
	}
	c.cmdletErr(400, "New-DlpComplianceRule", map[string]any{"Name": "X", "Policy": "HIPAA Teams", "ReportSeverityLevel": "Severe"})
	// A hashtable without its OData type fails in the binder, as a JObject.
	msg, _ = c.cmdletErr(400, "New-DlpComplianceRule", map[string]any{"Name": "X", "Policy": "HIPAA Teams",
		"ContentContainsSensitiveInformation": []any{map[string]any{"name": "U.S. Social Security Number (SSN)"}}})
	if !strings.Contains(msg, "Newtonsoft.Json.Linq.JObject") || !strings.Contains(msg, "PswsHashtable") {
		t.Errorf("untagged hashtable: %q", msg)
	}
	c.ok("Set-DlpComplianceRule", map[string]any{"Identity": "PHI block", "Disabled": true,
		"ContentContainsSensitiveInformation": []any{tagged(map[string]any{"Name": "U.S. Social Security Number (SSN)", "minCount": 2})}})
	rules := c.ok("Get-DlpComplianceRule", map[string]any{"Policy": "HIPAA Teams"})
	if len(rules) != 1 || rules[0]["Disabled"] != true || rules[0]["Mode"] != "Enable" {
		t.Fatalf("rules: %v", rules)
	}

	// Drift through the Go helper shows in Get.
	if err := s.SetComplianceObject(KindDlpPolicy, "HIPAA Teams", map[string]any{"TeamsLocation": []string{}}); err != nil {
		t.Fatal(err)
	}
	if got := c.ok("Get-DlpCompliancePolicy", map[string]any{"Identity": "HIPAA Teams"}); len(locationNames(got[0]["TeamsLocation"])) != 0 {
		t.Errorf("drift not visible: %v", got[0]["TeamsLocation"])
	}

	// Remove: PendingDeletion for the configured number of Gets, rules gone at once.
	s.SetPendingDeletion(2, 0)
	c.ok("Remove-DlpCompliancePolicy", map[string]any{"Identity": "HIPAA Teams", "Confirm": false})
	if r := c.ok("Get-DlpComplianceRule", nil); len(r) != 0 {
		t.Errorf("rules after policy removal: %v", r)
	}
	msg, _ = c.cmdletErr(400, "Set-DlpCompliancePolicy", map[string]any{"Identity": "HIPAA Teams", "Comment": "x"})
	if !strings.Contains(msg, "pending deletion") {
		t.Errorf("Set while pending deletion: %q", msg)
	}
	for i := 0; i < 2; i++ {
		g := c.ok("Get-DlpCompliancePolicy", nil)
		if len(g) != 1 || g[0]["Mode"] != "PendingDeletion" {
			t.Fatalf("Get %d after Remove: %v", i, g)
		}
	}
	if g := c.ok("Get-DlpCompliancePolicy", nil); len(g) != 0 {
		t.Errorf("policy still listed: %v", g)
	}
	c.cmdletErr(404, "Get-DlpCompliancePolicy", map[string]any{"Identity": "HIPAA Teams"})
}

func TestAdminAPISensitiveTypesAndPaging(t *testing.T) {
	s := startSim(t, Options{})
	c := newAdminClient(t, s, surfaceCompliance, s.FullApp())
	all := c.ok("Get-DlpSensitiveInformationType", nil)
	byName := map[string]map[string]any{}
	for _, o := range all {
		byName[o["Name"].(string)] = o
	}
	for name, id := range map[string]string{
		"U.S. Social Security Number (SSN)":                     "a44669fe-0d48-453d-a9b1-2cc83f2cba77",
		"Drug Enforcement Agency (DEA) Number":                  "9a5445ad-406e-43eb-8bd7-cac17ab6d0e4",
		"International Classification of Diseases (ICD-9-CM)":   "fa3f9c74-ee07-4c52-b5f2-085d6b2c0ec4",
		"International Classification of Diseases (ICD-10-CM)":  "3356946c-6bb7-449b-b253-6ffa419c0ce7",
		"Credit Card Number":                                    "50842eb7-edc8-4019-85dd-5a5c1f2bb085",
		"U.S. Individual Taxpayer Identification Number (ITIN)": "e55e2a32-f92d-4985-a35d-a0b269eb687b",
	} {
		if o := byName[name]; o == nil || o["Id"] != id || o["Publisher"] != "Microsoft Corporation" {
			t.Errorf("%s: %v", name, o)
		}
	}
	// Paging: a page size of 3 spreads the catalog over nextLink pages.
	st := s.ComplianceSettings()
	st.PageSize = 3
	if err := s.SetComplianceSettings(st); err != nil {
		t.Fatal(err)
	}
	c.requests = 0
	paged := c.ok("Get-DlpSensitiveInformationType", nil)
	if len(paged) != len(all) || c.requests != (len(all)+2)/3 {
		t.Errorf("paged %d items in %d requests, want %d in %d", len(paged), c.requests, len(all), (len(all)+2)/3)
	}
	// Policies page too.
	for _, n := range []string{"A", "B", "C", "D"} {
		c.ok("New-DlpCompliancePolicy", map[string]any{"Name": n, "TeamsLocation": "All"})
	}
	if got := c.ok("Get-DlpCompliancePolicy", nil); len(got) != 4 {
		t.Errorf("paged policies: %d", len(got))
	}
	res := c.send("GET", c.url()+"?%24skiptoken=nope", nil)
	if res.status != 400 {
		t.Errorf("bad skiptoken: %d", res.status)
	}
}

func TestAdminAPIRetentionDeployWindow(t *testing.T) {
	s := startSim(t, Options{})
	c := newAdminClient(t, s, surfaceCompliance, s.FullApp())
	s.SetDeployWindow(2, 0)
	c.ok("New-RetentionCompliancePolicy", map[string]any{"Name": "Teams 7y", "TeamsChatLocation": "All", "TeamsChannelLocation": []any{"All"}})
	msg, _ := c.cmdletErr(400, "New-RetentionCompliancePolicy", map[string]any{"Name": "Mixed", "TeamsChatLocation": "All", "ExchangeLocation": "All"})
	if !strings.Contains(msg, "Teams") {
		t.Errorf("mixed locations: %q", msg)
	}
	// New-RetentionComplianceRule.md: "You can't use this parameter for Teams retention rules."
	msg, _ = c.cmdletErr(400, "New-RetentionComplianceRule", map[string]any{"Name": "Teams 7y rule", "Policy": "Teams 7y",
		"RetentionDuration": 2555, "RetentionComplianceAction": "KeepAndDelete", "ExpirationDateOption": "CreationAgeInDays"})
	if !strings.Contains(msg, "You can't use this parameter for Teams retention rules.") {
		t.Errorf("ExpirationDateOption on a Teams rule: %q", msg)
	}
	c.ok("New-RetentionComplianceRule", map[string]any{"Name": "Teams 7y rule", "Policy": "Teams 7y",
		"RetentionDuration": 2555, "RetentionComplianceAction": "KeepAndDelete"})
	g := c.ok("Get-RetentionCompliancePolicy", map[string]any{"Identity": "Teams 7y", "DistributionDetail": true}) // call 1 of the window
	if g[0]["DistributionStatus"] != "Pending" || g[0]["TeamsPolicy"] != true {
		t.Errorf("policy during deployment: %v", g[0])
	}
	msg, _ = c.cmdletErr(400, "Set-RetentionCompliancePolicy", map[string]any{"Identity": "Teams 7y", "Comment": "x"}) // call 2
	if msg != "The policy 'Teams 7y' is being deployed. Once deployed, additional actions can be performed." {
		t.Errorf("deploy window: %q", msg)
	}
	c.ok("Set-RetentionCompliancePolicy", map[string]any{"Identity": "Teams 7y", "AddTeamsChatLocationException": "ceo@contoso.com"})
	p, _ := s.ComplianceObject(KindRetentionPolicy, "Teams 7y")
	if len(locationNames(p["TeamsChatLocationException"])) != 1 || p["DistributionStatus"] != "Pending" {
		t.Errorf("after Set: %v", p)
	}
	// Rules have their own window.
	c.cmdletErr(400, "Set-RetentionComplianceRule", map[string]any{"Identity": "Teams 7y rule", "RetentionDuration": "Unlimited"})
	c.cmdletErr(400, "Set-RetentionComplianceRule", map[string]any{"Identity": "Teams 7y rule", "RetentionDuration": "Unlimited"})
	c.ok("Set-RetentionComplianceRule", map[string]any{"Identity": "Teams 7y rule", "RetentionDuration": "Unlimited", "RetentionComplianceAction": "Keep"})
	r := c.ok("Get-RetentionComplianceRule", map[string]any{"Policy": "Teams 7y"})
	if len(r) != 1 || r[0]["RetentionDuration"] != "Unlimited" || r[0]["RetentionComplianceAction"] != "Keep" {
		t.Errorf("rule: %v", r)
	}
	c.cmdletErr(400, "Set-RetentionComplianceRule", map[string]any{"Identity": "Teams 7y rule", "RetentionComplianceAction": "Archive"})

	// A time window ends by itself.
	s.SetDeployWindow(0, 30*time.Millisecond)
	c.ok("New-RetentionCompliancePolicy", map[string]any{"Name": "Short", "TeamsChatLocation": "All"})
	if !eventually(t, 5*time.Second, func() bool {
		res, _ := c.invoke("Set-RetentionCompliancePolicy", map[string]any{"Identity": "Short", "Enabled": false})
		return res.status == 200
	}) {
		t.Error("time window never ended")
	}
	// Control API settings.
	res := call(t, s.HTTPClient(), "POST", s.URL()+"/_sim/compliance/settings", "", `{"deploy_window_calls":0,"deploy_window_ms":0}`, nil)
	if res.status != 200 || s.ComplianceSettings().DeployWindowCalls != 0 || s.ComplianceSettings().PageSize != 50 {
		t.Errorf("control settings: %d %s", res.status, res.body)
	}
	c.ok("New-RetentionCompliancePolicy", map[string]any{"Name": "Instant", "TeamsChannelLocation": "All"})
	c.ok("Set-RetentionCompliancePolicy", map[string]any{"Identity": "Instant", "Enabled": false})
	if p := c.ok("Get-RetentionCompliancePolicy", map[string]any{"Identity": "Instant", "DistributionDetail": true}); p[0]["DistributionStatus"] != "Success" || p[0]["Enabled"] != false {
		t.Errorf("no window: %v", p[0])
	}
}

// TestAdminAPIRetentionDistributionDetail: only a read with -DistributionDetail
// has accurate *Location values and DistributionStatus
// (Get-RetentionCompliancePolicy.md); the summary's are assumed empty and Pending.
func TestAdminAPIRetentionDistributionDetail(t *testing.T) {
	s := startSim(t, Options{StateDir: t.TempDir()})
	c := newAdminClient(t, s, surfaceCompliance, s.FullApp())
	s.SetDeployWindow(0, 0)
	c.ok("New-RetentionCompliancePolicy", map[string]any{"Name": "Teams 7y", "TeamsChatLocation": "All", "TeamsChannelLocationException": "x@contoso.com"})
	for _, params := range []map[string]any{nil, {"Identity": "Teams 7y"}} {
		got := c.ok("Get-RetentionCompliancePolicy", params)
		if len(got) != 1 || len(locationNames(got[0]["TeamsChatLocation"])) != 0 || len(locationNames(got[0]["TeamsChannelLocationException"])) != 0 ||
			got[0]["DistributionStatus"] != "Pending" || got[0]["Name"] != "Teams 7y" || got[0]["TeamsPolicy"] != true {
			t.Errorf("summary (%v): %v", params, got)
		}
	}
	for _, params := range []map[string]any{{"DistributionDetail": true}, {"Identity": "Teams 7y", "DistributionDetail": true}} {
		got := c.ok("Get-RetentionCompliancePolicy", params)
		if len(got) != 1 || !slices.Equal(locationNames(got[0]["TeamsChatLocation"]), []string{"All"}) ||
			!slices.Equal(locationNames(got[0]["TeamsChannelLocationException"]), []string{"x@contoso.com"}) || got[0]["DistributionStatus"] != "Success" {
			t.Errorf("detail (%v): %v", params, got)
		}
	}
	// The summary is only an answer: the policy keeps its locations.
	if p, _ := s.ComplianceObject(KindRetentionPolicy, "Teams 7y"); !slices.Equal(locationNames(p["TeamsChatLocation"]), []string{"All"}) {
		t.Errorf("stored: %v", p)
	}
}

// -TeamsPolicyOnly lists only Teams policies, -ExcludeTeamsPolicy the others;
// the plain list holds both (Microsoft's reading) unless
// TeamsPoliciesOnlyWhenAsked (CIPP-API's reading) leaves Teams policies out.
func TestAdminAPIRetentionTeamsPolicyOnly(t *testing.T) {
	s := startSim(t, Options{StateDir: t.TempDir()})
	c := newAdminClient(t, s, surfaceCompliance, s.FullApp())
	s.SetDeployWindow(0, 0)
	c.ok("New-RetentionCompliancePolicy", map[string]any{"Name": "Teams 7y", "TeamsChatLocation": "All"})
	c.ok("New-RetentionCompliancePolicy", map[string]any{"Name": "Mail 7y", "ExchangeLocation": "All"})
	names := func(params map[string]any) []string {
		var out []string
		for _, o := range c.ok("Get-RetentionCompliancePolicy", params) {
			out = append(out, o["Name"].(string))
		}
		slices.Sort(out)
		return out
	}
	for _, cipp := range []bool{false, true} {
		st := s.ComplianceSettings()
		st.TeamsPoliciesOnlyWhenAsked = cipp
		if err := s.SetComplianceSettings(st); err != nil {
			t.Fatal(err)
		}
		plain := []string{"Mail 7y", "Teams 7y"}
		if cipp {
			plain = []string{"Mail 7y"}
		}
		if got := names(nil); !slices.Equal(got, plain) {
			t.Errorf("cipp %v: plain list %v, want %v", cipp, got, plain)
		}
		if got := names(map[string]any{"TeamsPolicyOnly": true}); !slices.Equal(got, []string{"Teams 7y"}) {
			t.Errorf("cipp %v: -TeamsPolicyOnly %v", cipp, got)
		}
		if got := names(map[string]any{"ExcludeTeamsPolicy": true}); !slices.Equal(got, []string{"Mail 7y"}) {
			t.Errorf("cipp %v: -ExcludeTeamsPolicy %v", cipp, got)
		}
		// Both switches together are not refused (one parameter set); the union is assumed.
		if got := names(map[string]any{"TeamsPolicyOnly": true, "ExcludeTeamsPolicy": true}); !slices.Equal(got, []string{"Mail 7y", "Teams 7y"}) {
			t.Errorf("cipp %v: both switches %v", cipp, got)
		}
		// A read by -Identity finds a Teams policy under either reading.
		if got := names(map[string]any{"Identity": "Teams 7y"}); !slices.Equal(got, []string{"Teams 7y"}) {
			t.Errorf("cipp %v: -Identity %v", cipp, got)
		}
	}
}

func TestAdminAPIAuditConfig(t *testing.T) {
	s := startSim(t, Options{StateDir: t.TempDir()})
	c := newAdminClient(t, s, surfaceExchange, s.FullApp())
	cfg := c.ok("Get-AdminAuditLogConfig", nil)
	if len(cfg) != 1 || cfg[0]["UnifiedAuditLogIngestionEnabled"] != true || cfg[0]["Identity"] != "Admin Audit Log Settings" || cfg[0]["AdminAuditLogAgeLimit"] != "90.00:00:00" {
		t.Fatalf("new tenant: %v", cfg)
	}
	if err := s.SetAuditLogConfig(map[string]any{"UnifiedAuditLogIngestionEnabled": false}); err != nil {
		t.Fatal(err)
	}
	// A new tenant is dehydrated: Set-AdminAuditLogConfig fails until Enable-OrganizationCustomization ran (once).
	if org := c.ok("Get-OrganizationConfig", nil); len(org) != 1 || org[0]["IsDehydrated"] != true {
		t.Fatalf("new tenant organization: %v", org)
	}
	msg, _ := c.cmdletErr(400, "Set-AdminAuditLogConfig", map[string]any{"UnifiedAuditLogIngestionEnabled": true})
	if !strings.Contains(msg, "you first need to run the command: Enable-OrganizationCustomization") {
		t.Errorf("dehydrated Set: %q", msg)
	}
	c.ok("Enable-OrganizationCustomization", nil)
	if s.IsDehydrated() || c.ok("Get-OrganizationConfig", nil)[0]["IsDehydrated"] != false {
		t.Error("still dehydrated after Enable-OrganizationCustomization")
	}
	if msg, _ := c.cmdletErr(400, "Enable-OrganizationCustomization", nil); !strings.Contains(msg, "already enabled for customization") {
		t.Errorf("second Enable-OrganizationCustomization: %q", msg)
	}
	res, _ := c.invoke("Set-AdminAuditLogConfig", map[string]any{"UnifiedAuditLogIngestionEnabled": true})
	if res.status != 200 || !strings.Contains(string(res.body), "60 minutes") {
		t.Errorf("Set: %d %s", res.status, res.body)
	}
	if s.AuditLogConfig()["UnifiedAuditLogIngestionEnabled"] != true {
		t.Error("ingestion not on")
	}
	c.cmdletErr(400, "Set-AdminAuditLogConfig", map[string]any{"UnifiedAuditLogIngestionEnabled": "yes"})
	c.cmdletErr(400, "Set-AdminAuditLogConfig", map[string]any{"AdminAuditLogAgeLimit": "ninety days"})
	c.cmdletErr(400, "Get-DlpCompliancePolicy", nil) // compliance cmdlet on the exchange host
	if err := s.SetAuditLogConfig(map[string]any{"UnifiedAuditLogIngestionEnabled": false}); err != nil {
		t.Fatal(err)
	}
	if c.ok("Get-AdminAuditLogConfig", nil)[0]["UnifiedAuditLogIngestionEnabled"] != false {
		t.Error("drift not visible")
	}
	// Persistence: objects survive a restart with the same StateDir.
	cc := newAdminClient(t, s, surfaceCompliance, s.FullApp())
	cc.ok("New-DlpCompliancePolicy", map[string]any{"Name": "Kept", "TeamsLocation": "All"})
	dir := s.opts.StateDir
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s2 := startSim(t, Options{StateDir: dir})
	if _, ok := s2.ComplianceObject(KindDlpPolicy, "Kept"); !ok {
		t.Error("policy lost on restart")
	}
	if s2.AuditLogConfig()["UnifiedAuditLogIngestionEnabled"] != false {
		t.Error("audit config lost on restart")
	}
}
