// Package configapi is a client for the Teams admin "ConfigAPI", the REST
// service behind the MicrosoftTeams PowerShell module's Get/Set/New/Remove-Cs*
// cmdlets. Microsoft documents the cmdlets, not the REST calls; the paths and
// headers here are the ones public clients observe (terraprovider/go-teams
// teamsapi/invoke.go, cisagov/ScubaGear TeamsRestHelper.psm1):
//
//	GET    /Teams.Tenant/tenants, else /Teams.Tenant/serviceDiscovery   handshake (see discover)
//	GET    /Skype.Policy/configurations/{Type}                  every instance
//	GET    /Skype.Policy/configurations/{Type}/configuration/{Identity}
//	POST   /Skype.Policy/configurations/{Type}                  body: params + Identity
//	PUT    /Skype.Policy/configurations/{Type}/configuration/{Identity}
//	DELETE /Skype.Policy/configurations/{Type}/configuration/{Identity}
//
// It has no Terraform imports: resources call it, it calls the shared transport.
package configapi

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/clients/writes"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/poll"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/transport"
)

// ServiceName prefixes every error this client returns.
const ServiceName = "Teams admin API"

// WarningHeader carries the cmdlet's warnings (Write-Warning) on any answer.
const WarningHeader = "X-Ms-Configapi-Powershell-Warningmessage"

// Object is one instance as the service returns it: PascalCase parameters,
// Identity, and an XDS Key the client ignores.
type Object map[string]any

// Identity returns the object's Identity ("Global" or "Tag:<name>").
func (o Object) Identity() string { s, _ := o["Identity"].(string); return s }

// Client talks to one tenant's ConfigAPI. Safe for concurrent use.
type Client struct {
	http  *http.Client
	base  string
	token func(context.Context) (string, error)

	tenantID string // x-ms-tenant-id for the OcsPowershellWebservice types

	discMu     sync.Mutex
	discovered bool
	route      route // learned once from service discovery

	batch batcher // one list request per type serves many reads
}

// New returns a client for the ConfigAPI at base (scheme, host, optional path
// prefix). token returns a bearer token for the Teams admin audience.
func New(httpClient *http.Client, base string, token func(context.Context) (string, error)) *Client {
	return &Client{http: httpClient, base: strings.TrimRight(base, "/"), token: token}
}

// WithTenantID sets the tenant id the OcsPowershellWebservice types send in
// x-ms-tenant-id (see ocsTypes), and returns c.
func (c *Client) WithTenantID(id string) *Client {
	c.tenantID = id
	return c
}

// Result carries the warnings the service attached to an answer.
type Result struct {
	Warnings []string
}

// List returns every instance of policyType.
func (c *Client) List(ctx context.Context, policyType string) ([]Object, Result, error) {
	var out []Object
	res, err := c.do(ctx, http.MethodGet, typePath(policyType), nil, &out)
	return out, res, err
}

// Get returns one instance; a missing one is an error for which
// transport.IsNotFound is true.
func (c *Client) Get(ctx context.Context, policyType, identity string) (Object, Result, error) {
	var out Object
	res, err := c.do(ctx, http.MethodGet, instancePath(policyType, identity), nil, &out)
	return out, res, err
}

// Create makes a new instance. A POST that may have reached the service
// before the connection failed (transport.ErrMaybeCommitted) is not sent
// again blindly: the instance is read back (poll.Settle), and only a
// confirmed absence leads to another POST, within ctx's deadline. Identities
// are unique, so a 409 to a POST sent again means an earlier one was applied:
// it too is resolved by reading.
func (c *Client) Create(ctx context.Context, policyType, identity string, params map[string]any) (Object, Result, error) {
	body := make(map[string]any, len(params)+1)
	for k, v := range params {
		body[k] = v
	}
	body["Identity"] = identity
	defer c.invalidate(policyType)
	var res Result
	obj, err := poll.Settle(ctx, poll.Options{}, "creating "+policyType+" "+identity,
		func(ctx context.Context, attempt int) (Object, error) {
			var out Object
			r, err := c.do(ctx, http.MethodPost, typePath(policyType), body, &out)
			res.Warnings = append(res.Warnings, r.Warnings...)
			if attempt > 1 && transport.StatusCode(err) == http.StatusConflict {
				return nil, fmt.Errorf("%w: %w", transport.ErrMaybeCommitted, err)
			}
			return out, err
		},
		transport.Found(func(ctx context.Context) (Object, error) {
			got, r, err := c.Get(ctx, policyType, identity)
			res.Warnings = append(res.Warnings, r.Warnings...)
			return got, err
		}))
	return obj, res, err
}

// Update changes the given parameters of an instance; others stay as they are.
func (c *Client) Update(ctx context.Context, policyType, identity string, params map[string]any) (Result, error) {
	defer c.invalidate(policyType)
	return c.do(ctx, http.MethodPut, instancePath(policyType, identity), params, nil)
}

// Delete removes an instance.
func (c *Client) Delete(ctx context.Context, policyType, identity string) (Result, error) {
	defer c.invalidate(policyType)
	return c.do(ctx, http.MethodDelete, instancePath(policyType, identity), nil, nil)
}

func typePath(policyType string) string {
	return "/Skype.Policy/configurations/" + url.PathEscape(policyType)
}

func instancePath(policyType, identity string) string {
	return typePath(policyType) + "/configuration/" + url.PathEscape(identity)
}

// route is what service discovery told the client; empty when the tenant
// answered neither discovery shape (the client then sends no routing headers).
type route struct {
	admin       string // AdminServiceEndpoint host
	forest      string // X-MS-Forest
	adminDomain string // the tenant's initial *.onmicrosoft.com domain (CIPP's discovery only)
}

// Service discovery. Public clients disagree, so the client tolerates them
// all and fails only when the service itself fails:
//   - KelvinTegelaar/CIPP-API New-TeamsRequestV2.ps1: GET /Teams.Tenant/tenants,
//     reading serviceDiscovery.Endpoints.{ConfigApiEndpoint,AdminServiceEndpoint},
//     serviceDiscovery.Headers.X-MS-Forest and verifiedDomains[].name; optional
//     (a failure falls back to defaults);
//   - terraprovider/go-teams, silverhack/monkey365
//     (Get-MonkeyTeamsServiceDiscovery): GET /Teams.Tenant/serviceDiscovery,
//     {Endpoints, Headers} at the top level;
//   - cisagov/ScubaGear and AzRanger (TeamsCollector.cs): no discovery and no
//     routing header at all.
//
// The client tries the first, then the second; when both answer 4xx it goes
// on without routing headers, as ScubaGear does. It keeps the configured base
// URL rather than switching to ConfigApiEndpoint (Monkey365 and CIPP switch):
// the public host serves ScubaGear and AzRanger, and an endpoints override
// must keep working. X-MS-Forest is sent when discovery gives it (Monkey365,
// CIPP). A transport failure is not remembered, so the next call tries again.
func (c *Client) discover(ctx context.Context) (route, error) {
	c.discMu.Lock()
	defer c.discMu.Unlock()
	if c.discovered {
		return c.route, nil
	}
	type endpoints struct {
		Endpoints struct {
			AdminServiceEndpoint string `json:"AdminServiceEndpoint"`
		} `json:"Endpoints"`
		Headers map[string]string `json:"Headers"`
	}
	var tenants struct {
		ServiceDiscovery endpoints `json:"serviceDiscovery"`
		VerifiedDomains  []struct {
			Name string `json:"name"`
		} `json:"verifiedDomains"`
	}
	var r route
	_, err := c.send(ctx, http.MethodGet, "/Teams.Tenant/tenants", route{}, "", nil, &tenants)
	if err == nil && tenants.ServiceDiscovery.Endpoints.AdminServiceEndpoint != "" {
		r = route{admin: tenants.ServiceDiscovery.Endpoints.AdminServiceEndpoint, forest: header(tenants.ServiceDiscovery.Headers, "X-MS-Forest")}
		for _, d := range tenants.VerifiedDomains {
			n := strings.ToLower(d.Name)
			if strings.HasSuffix(n, ".onmicrosoft.com") && strings.Count(n, ".") == 2 {
				r.adminDomain = d.Name
				break
			}
		}
	} else if err == nil || isClientError(err) {
		var sd endpoints
		_, err2 := c.send(ctx, http.MethodGet, "/Teams.Tenant/serviceDiscovery", route{}, "", nil, &sd)
		switch {
		case err2 == nil:
			r = route{admin: sd.Endpoints.AdminServiceEndpoint, forest: header(sd.Headers, "X-MS-Forest")}
		case !isClientError(err2):
			return route{}, fmt.Errorf("service discovery: %w", err2)
		}
	} else {
		return route{}, fmt.Errorf("service discovery: %w", err)
	}
	r.admin = strings.TrimSuffix(r.admin, "/")
	c.route, c.discovered = r, true
	return r, nil
}

func isClientError(err error) bool {
	var ae *transport.APIError
	return errors.As(err, &ae) && ae.StatusCode >= 400 && ae.StatusCode < 500 &&
		ae.StatusCode != http.StatusUnauthorized && ae.StatusCode != http.StatusForbidden && ae.StatusCode != http.StatusTooManyRequests
}

func header(h map[string]string, name string) string {
	for k, v := range h {
		if strings.EqualFold(k, name) {
			return v
		}
	}
	return ""
}

// ocsTypes are served by the legacy OcsPowershellWebservice behind the
// ConfigAPI: CIPP-API (New-TeamsRequestV2.ps1, Invoke-ExecTeamsPolicy:
// "Federation-backed types sit on the legacy OcsPowershellWebservice and need
// the discovered host + target-uri headers") sends, for these only,
// X-MS-Target-Uri https://{AdminServiceEndpoint}/OcsPowershellWebservice,
// x-ms-tenant-id and ?adminDomain=<initial domain>. Other types get the
// target https://{AdminServiceEndpoint}/ that go-teams sends (ScubaGear sends
// none; both work, per those clients).
var ocsTypes = map[string]bool{"TenantFederationSettings": true, "TeamsAcsFederationConfiguration": true}

func ocsType(path string) bool {
	rest, ok := strings.CutPrefix(path, "/Skype.Policy/configurations/")
	if !ok {
		return false
	}
	typ, _, _ := strings.Cut(rest, "/")
	return ocsTypes[typ]
}

func (c *Client) do(ctx context.Context, method, path string, in, out any) (Result, error) {
	r, err := c.discover(ctx)
	if err != nil {
		return Result{}, err
	}
	target := ""
	if r.admin != "" {
		target = "https://" + r.admin + "/"
	}
	if ocsType(path) {
		if r.admin != "" {
			target = "https://" + r.admin + "/OcsPowershellWebservice"
		}
		if r.adminDomain != "" {
			path += "?adminDomain=" + url.QueryEscape(r.adminDomain)
		}
	}
	return c.send(ctx, method, path, r, target, in, out)
}

func (c *Client) send(ctx context.Context, method, path string, r route, target string, in, out any) (Result, error) {
	if !writes.IsRead(method) {
		defer writes.Begin()() // drops the readings shared until now (conns.Client.Shared)
	}
	// Only declared calls leave (contract.go), so the contract ledger is the code.
	op, err := Contract.Find(ServiceName, method, path)
	if err != nil {
		return Result{}, err
	}
	if m, ok := in.(map[string]any); ok {
		if err := op.CheckBody(slices.Collect(maps.Keys(m))); err != nil {
			return Result{}, err
		}
	}
	var body io.Reader
	if in != nil {
		b, err := json.Marshal(in)
		if err != nil {
			return Result{}, err
		}
		body = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, c.base+path, body)
	if err != nil {
		return Result{}, err
	}
	tok, err := c.token(ctx)
	if err != nil {
		return Result{}, fmt.Errorf("%s: getting a token: %w", ServiceName, err)
	}
	req.Header.Set("Authorization", "Bearer "+tok)
	req.Header.Set("Accept", "application/json")
	if in != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if target != "" {
		req.Header.Set("X-MS-Target-Uri", target)
	}
	if r.forest != "" {
		req.Header.Set("X-MS-Forest", r.forest)
	}
	if ocsType(strings.SplitN(path, "?", 2)[0]) && c.tenantID != "" {
		req.Header.Set("X-Ms-Tenant-Id", c.tenantID)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return Result{}, fmt.Errorf("%s: %s %s: %w", ServiceName, method, req.URL.Redacted(), err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		return Result{}, fmt.Errorf("%s: reading the answer to %s %s: %w", ServiceName, method, req.URL.Redacted(), err)
	}
	res := Result{Warnings: warnings(resp.Header)}
	if resp.StatusCode >= 300 {
		apiErr := transport.NewAPIError(ServiceName, resp, raw)
		if resp.StatusCode == http.StatusForbidden {
			apiErr.Message += " (the app's service principal needs the Entra role Teams Administrator)"
		}
		return res, apiErr
	}
	if out != nil && len(bytes.TrimSpace(raw)) > 0 {
		if err := decode(raw, out); err != nil {
			return res, fmt.Errorf("%s: decoding the answer to %s %s: %w", ServiceName, method, req.URL.Redacted(), err)
		}
	}
	return res, nil
}

// decode accepts the bare array the service sends for lists, and also the
// {"value": [...]} envelope some front ends wrap it in.
func decode(raw []byte, out any) error {
	if list, ok := out.(*[]Object); ok {
		if t := bytes.TrimSpace(raw); len(t) > 0 && t[0] == '{' {
			var env struct {
				Value []Object `json:"value"`
			}
			if err := json.Unmarshal(t, &env); err != nil {
				return err
			}
			*list = env.Value
			return nil
		}
	}
	return json.Unmarshal(raw, out)
}

func warnings(h http.Header) []string {
	var out []string
	for _, v := range h.Values(WarningHeader) {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}
