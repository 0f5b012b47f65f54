package tenantsim

import (
	"context"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/policy"
)

func TestLoginClientSecretBothApps(t *testing.T) {
	s := startSim(t, Options{})
	for name, app := range map[string]App{"full": s.FullApp(), "limited": s.LimitedApp()} {
		t.Run(name, func(t *testing.T) {
			cred := secretCredential(t, s, app)
			for _, aud := range []string{audGraph, audTeams, audCompliance, audExchange} {
				c := jwtClaims(t, getToken(t, cred, aud))
				if c["aud"] != aud || c["appid"] != app.ClientID || c["appidacr"] != "1" {
					t.Errorf("%s: claims aud=%v appid=%v appidacr=%v", aud, c["aud"], c["appid"], c["appidacr"])
				}
			}
		})
	}
	if st := s.Stats(); st.Count("login", "GET", "/"+s.TenantID()+"/v2.0/.well-known/openid-configuration") == 0 {
		t.Errorf("azidentity did not read the OpenID configuration: %+v", st)
	}
}

func TestLoginClientCertificate(t *testing.T) {
	s := startSim(t, Options{})
	full := s.FullApp()
	if len(full.CertificatePKCS12) == 0 || full.CertificatePassword == "" {
		t.Fatal("full app has no certificate")
	}
	if lim := s.LimitedApp(); lim.CertificatePKCS12 != nil {
		t.Fatal("limited app must have no certificate")
	}
	cred := certCredential(t, s, full.ClientID, full.CertificatePKCS12, full.CertificatePassword)
	c := jwtClaims(t, getToken(t, cred, audTeams))
	if c["appidacr"] != "2" || c["appid"] != full.ClientID || c["aud"] != audTeams {
		t.Errorf("certificate token claims: %v", c)
	}
	// The token works on the Teams surface.
	tc := newTeamsClient(t, s, getToken(t, cred, audTeams))
	if res := tc.do("GET", meetingPath, nil); res.status != 200 {
		t.Errorf("list with certificate token: %d %s", res.status, res.body)
	}
}

func TestLoginCertificateOfAnotherApp(t *testing.T) {
	s := startSim(t, Options{})
	full := s.FullApp()
	// The limited app has no certificate registered: the full app's fails.
	cred := certCredential(t, s, s.LimitedApp().ClientID, full.CertificatePKCS12, full.CertificatePassword)
	_, err := cred.GetToken(context.Background(), policy.TokenRequestOptions{Scopes: []string{audGraph + "/.default"}})
	if err == nil || !strings.Contains(err.Error(), "AADSTS700027") {
		t.Fatalf("want AADSTS700027, got %v", err)
	}
}

func TestLoginWrongSecretThroughAzidentity(t *testing.T) {
	s := startSim(t, Options{})
	app := s.FullApp()
	app.ClientSecret = "not-the-secret"
	_, err := secretCredential(t, s, app).GetToken(context.Background(), policy.TokenRequestOptions{Scopes: []string{audGraph + "/.default"}})
	if err == nil || !strings.Contains(err.Error(), "AADSTS7000215") {
		t.Fatalf("want AADSTS7000215, got %v", err)
	}
}

func TestTokenClaims(t *testing.T) {
	s := startSim(t, Options{})
	full, lim := s.FullApp(), s.LimitedApp()
	g := jwtClaims(t, tokenFor(t, s, full, audGraph))
	if g["iss"] != "https://sts.windows.net/"+s.TenantID()+"/" || g["tid"] != s.TenantID() || g["ver"] != "1.0" {
		t.Errorf("iss/tid/ver: %v %v %v", g["iss"], g["tid"], g["ver"])
	}
	if oid, _ := g["oid"].(string); !guidRE.MatchString(oid) {
		t.Errorf("oid %v", g["oid"])
	}
	exp, iat, nbf := g["exp"].(float64), g["iat"].(float64), g["nbf"].(float64)
	if exp-iat != 3600 || nbf != iat {
		t.Errorf("exp-iat=%v nbf=%v iat=%v", exp-iat, nbf, iat)
	}
	wantRoles := []any{"Policy.Read.All", "Policy.ReadWrite.ConditionalAccess", "Application.Read.All", "Organization.Read.All", "DeviceManagementApps.ReadWrite.All"}
	if !slices.Equal(g["roles"].([]any), wantRoles) {
		t.Errorf("graph roles %v", g["roles"])
	}
	wids := g["wids"].([]any)
	if !slices.Contains(wids, any(widTeamsAdmin)) || !slices.Contains(wids, any(widComplianceAdmin)) {
		t.Errorf("wids %v", wids)
	}
	// Exchange.ManageAsApp is a role of the Exchange resource, not of Graph.
	if e := jwtClaims(t, tokenFor(t, s, full, audExchange)); !slices.Equal(e["roles"].([]any), []any{"Exchange.ManageAsApp"}) {
		t.Errorf("exchange roles %v", e["roles"])
	}
	l := jwtClaims(t, tokenFor(t, s, lim, audGraph))
	if !slices.Equal(l["roles"].([]any), []any{"Policy.Read.All"}) || l["wids"] != nil {
		t.Errorf("limited claims roles=%v wids=%v", l["roles"], l["wids"])
	}
}

func tokenForm(s *Simulator, app App) url.Values {
	return url.Values{
		"grant_type":    {"client_credentials"},
		"client_id":     {app.ClientID},
		"client_secret": {app.ClientSecret},
		"scope":         {audTeams + "/.default openid offline_access profile"},
	}
}

func postForm(t *testing.T, s *Simulator, tenant string, form url.Values) response {
	t.Helper()
	return call(t, s.HTTPClient(), "POST", s.URL()+"/"+tenant+"/oauth2/v2.0/token", "", form.Encode(),
		map[string]string{"Content-Type": "application/x-www-form-urlencoded"})
}

func TestTokenEndpointErrors(t *testing.T) {
	s := startSim(t, Options{})
	full := s.FullApp()
	cases := []struct {
		name   string
		edit   func(url.Values)
		tenant string
		status int
		code   string
		aadsts float64
	}{
		{"wrong secret", func(f url.Values) { f.Set("client_secret", "nope") }, "", 401, "invalid_client", 7000215},
		{"no credential", func(f url.Values) { f.Del("client_secret") }, "", 401, "invalid_client", 7000216},
		{"unknown client", func(f url.Values) { f.Set("client_id", newGUID()) }, "", 400, "unauthorized_client", 700016},
		{"unknown tenant", func(url.Values) {}, newGUID(), 400, "invalid_request", 90002},
		{"grant type", func(f url.Values) { f.Set("grant_type", "password") }, "", 400, "unsupported_grant_type", 70003},
		{"scope without .default", func(f url.Values) { f.Set("scope", "https://graph.microsoft.com/Policy.Read.All") }, "", 400, "invalid_scope", 1002012},
		{"unknown resource", func(f url.Values) { f.Set("scope", "https://example.com/.default") }, "", 400, "invalid_resource", 500011},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := tokenForm(s, full)
			tc.edit(f)
			tenant := s.TenantID()
			if tc.tenant != "" {
				tenant = tc.tenant
			}
			res := postForm(t, s, tenant, f)
			if res.status != tc.status {
				t.Fatalf("status %d, want %d: %s", res.status, tc.status, res.body)
			}
			m := res.json(t)
			if m["error"] != tc.code {
				t.Errorf("error %v, want %s", m["error"], tc.code)
			}
			codes, _ := m["error_codes"].([]any)
			if len(codes) != 1 || codes[0] != tc.aadsts {
				t.Errorf("error_codes %v, want [%v]", m["error_codes"], tc.aadsts)
			}
			desc, _ := m["error_description"].(string)
			if !strings.HasPrefix(desc, "AADSTS") || !strings.Contains(desc, "Trace ID:") {
				t.Errorf("error_description %q", desc)
			}
			for _, k := range []string{"timestamp", "trace_id", "correlation_id"} {
				if m[k] == nil || m[k] == "" {
					t.Errorf("missing %s", k)
				}
			}
		})
	}
}

func TestOpenIDConfigurationAndKeys(t *testing.T) {
	s := startSim(t, Options{})
	res := call(t, s.HTTPClient(), "GET", s.URL()+"/"+s.TenantID()+"/v2.0/.well-known/openid-configuration", "", nil, nil)
	if res.status != 200 {
		t.Fatalf("%d %s", res.status, res.body)
	}
	m := res.json(t)
	base := s.URL() + "/" + s.TenantID()
	if m["token_endpoint"] != base+"/oauth2/v2.0/token" || m["issuer"] != base+"/v2.0" || m["authorization_endpoint"] != base+"/oauth2/v2.0/authorize" {
		t.Errorf("openid configuration: %v", m)
	}
	bad := call(t, s.HTTPClient(), "GET", s.URL()+"/"+newGUID()+"/v2.0/.well-known/openid-configuration", "", nil, nil)
	if bad.status != 400 || bad.json(t)["error"] != "invalid_tenant" {
		t.Errorf("unknown tenant: %d %s", bad.status, bad.body)
	}
	keys := call(t, s.HTTPClient(), "GET", m["jwks_uri"].(string), "", nil, nil)
	if keys.status != 200 || !strings.Contains(string(keys.body), s.signer.kid) {
		t.Errorf("jwks: %d %s", keys.status, keys.body)
	}
}
