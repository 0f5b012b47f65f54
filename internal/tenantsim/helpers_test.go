package tenantsim

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/cloud"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/policy"
	"github.com/Azure/azure-sdk-for-go/sdk/azidentity"
)

func startSim(t *testing.T, opts Options) *Simulator {
	t.Helper()
	if opts.Logf == nil {
		opts.Logf = t.Logf
	}
	s, err := Start(opts)
	if err != nil {
		t.Fatalf("Start: %v", err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return s
}

// clientOptions is what the provider will pass azidentity for the simulator.
func clientOptions(s *Simulator) azcore.ClientOptions {
	return azcore.ClientOptions{
		Cloud:     cloud.Configuration{ActiveDirectoryAuthorityHost: s.URL() + "/"},
		Transport: s.HTTPClient(),
		Retry:     policy.RetryOptions{MaxRetries: -1},
	}
}

func secretCredential(t *testing.T, s *Simulator, app App) *azidentity.ClientSecretCredential {
	t.Helper()
	cred, err := azidentity.NewClientSecretCredential(s.TenantID(), app.ClientID, app.ClientSecret,
		&azidentity.ClientSecretCredentialOptions{ClientOptions: clientOptions(s), DisableInstanceDiscovery: true})
	if err != nil {
		t.Fatalf("NewClientSecretCredential: %v", err)
	}
	return cred
}

func certCredential(t *testing.T, s *Simulator, clientID string, pfx []byte, password string) *azidentity.ClientCertificateCredential {
	t.Helper()
	certs, key, err := azidentity.ParseCertificates(pfx, []byte(password))
	if err != nil {
		t.Fatalf("ParseCertificates: %v", err)
	}
	cred, err := azidentity.NewClientCertificateCredential(s.TenantID(), clientID, certs, key,
		&azidentity.ClientCertificateCredentialOptions{ClientOptions: clientOptions(s), DisableInstanceDiscovery: true})
	if err != nil {
		t.Fatalf("NewClientCertificateCredential: %v", err)
	}
	return cred
}

type tokenGetter interface {
	GetToken(context.Context, policy.TokenRequestOptions) (azcore.AccessToken, error)
}

func getToken(t *testing.T, cred tokenGetter, aud string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	tok, err := cred.GetToken(ctx, policy.TokenRequestOptions{Scopes: []string{aud + "/.default"}})
	if err != nil {
		t.Fatalf("GetToken(%s): %v", aud, err)
	}
	return tok.Token
}

// tokenFor gets a token for app (by secret) at aud through azidentity.
func tokenFor(t *testing.T, s *Simulator, app App, aud string) string {
	t.Helper()
	return getToken(t, secretCredential(t, s, app), aud)
}

type response struct {
	status int
	header http.Header
	body   []byte
}

func (r response) json(t *testing.T) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(r.body, &m); err != nil {
		t.Fatalf("body is not a JSON object: %v: %s", err, r.body)
	}
	return m
}

// call makes one request; body may be nil, a string or a value to encode.
func call(t *testing.T, client *http.Client, method, url, token string, body any, hdr map[string]string) response {
	t.Helper()
	var rd io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		rd = strings.NewReader(b)
	default:
		js, err := json.Marshal(b)
		if err != nil {
			t.Fatal(err)
		}
		rd = bytes.NewReader(js)
	}
	req, err := http.NewRequest(method, url, rd)
	if err != nil {
		t.Fatal(err)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	if rd != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	res, err := client.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, url, err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return response{status: res.StatusCode, header: res.Header, body: b}
}

// teamsClient talks to /teams like a ConfigAPI client: discovery once, then
// X-MS-Target-Uri on each call.
type teamsClient struct {
	t      *testing.T
	s      *Simulator
	token  string
	target string
}

func newTeamsClient(t *testing.T, s *Simulator, token string) *teamsClient {
	t.Helper()
	res := call(t, s.HTTPClient(), "GET", s.URL()+"/teams/Teams.Tenant/serviceDiscovery", token, nil, nil)
	if res.status != 200 {
		t.Fatalf("serviceDiscovery: %d %s", res.status, res.body)
	}
	var d struct {
		Endpoints struct{ AdminServiceEndpoint string }
		Headers   map[string]string
	}
	if err := json.Unmarshal(res.body, &d); err != nil || d.Endpoints.AdminServiceEndpoint == "" {
		t.Fatalf("serviceDiscovery body: %v %s", err, res.body)
	}
	return &teamsClient{t: t, s: s, token: token, target: "https://" + d.Endpoints.AdminServiceEndpoint + "/"}
}

func (c *teamsClient) do(method, path string, body any) response {
	c.t.Helper()
	headers := map[string]string{"X-MS-Target-Uri": c.target}
	if strings.Contains(path, "/TenantFederationSettings") { // served by the OcsPowershellWebservice
		headers = map[string]string{"X-MS-Target-Uri": strings.TrimSuffix(c.target, "/") + "/OcsPowershellWebservice", "X-Ms-Tenant-Id": c.s.TenantID()}
	}
	return call(c.t, c.s.HTTPClient(), method, c.s.URL()+"/teams"+path, c.token, body, headers)
}

const meetingPath = "/Skype.Policy/configurations/TeamsMeetingPolicy"

func instancePath(identity string) string { return meetingPath + "/configuration/" + identity }

// jwtClaims decodes a JWT's payload without verifying it.
func jwtClaims(t *testing.T, tok string) map[string]any {
	t.Helper()
	parts := strings.Split(tok, ".")
	if len(parts) != 3 {
		t.Fatalf("not a JWT: %q", tok)
	}
	b, err := base64.RawURLEncoding.DecodeString(parts[1])
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

var guidRE = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)

// eventually polls cond until it holds or timeout passes, without sleeping
// a fixed time per step beyond a short tick.
func eventually(t *testing.T, timeout time.Duration, cond func() bool) bool {
	t.Helper()
	deadline := time.NewTimer(timeout)
	defer deadline.Stop()
	tick := time.NewTicker(10 * time.Millisecond)
	defer tick.Stop()
	for {
		if cond() {
			return true
		}
		select {
		case <-deadline.C:
			return cond()
		case <-tick.C:
		}
	}
}
