// Package adminapi is a client for the Exchange Online and Security &
// Compliance (Purview) admin API: the REST service behind the
// ExchangeOnlineManagement PowerShell module (Connect-ExchangeOnline,
// Connect-IPPSSession). Every cmdlet goes through one endpoint:
//
//	POST {base}/adminapi/beta/{tenantId}/InvokeCommand
//	     {"CmdletInput":{"CmdletName":"Get-DlpCompliancePolicy","Parameters":{...}}}
//	200  {"@odata.context":..., "value":[...], "@odata.nextLink"?, "@adminapi.warnings"?}
//	POST {@odata.nextLink}  the same body (GET after a 405): the next page; see nextPage
//
// Microsoft documents the cmdlets, not these calls; the wire facts are those
// of public clients (terraprovider/go-exoscc adminapi/, KelvinTegelaar/CIPP-API
// New-ExoRequest.ps1), recorded in testdata/SOURCES.md.
//
// It has no Terraform imports: resources call it, it calls the shared transport
// (internal/transport), which retries, backs off, logs and redacts.
package adminapi

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strings"
	"sync"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/clients/writes"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/transport"
)

// Service names prefixing the errors of each surface's client.
const (
	ComplianceService = "Security & Compliance admin API"
	ExchangeService   = "Exchange Online admin API"
)

// systemMailboxAnchor is the app-only anchor mailbox, completed with the
// tenant ID. See AnchorMailbox.
const systemMailboxAnchor = "APP:SystemMailbox{bb558c35-97f1-4cb9-8ff7-d53741dc928c}@"

// AnchorMailbox is the X-AnchorMailbox value sent on app-only calls when New
// is given none.
//
// The front end routes a call by this header. The PowerShell module sends
// UPN:OAuthUser@<initial domain> for app-only sessions, but the initial domain
// (contoso.onmicrosoft.com) cannot be derived from the tenant GUID without a
// Graph call and a permission to read domains. Public clients that know only
// the GUID send:
//   - APP:SystemMailbox{bb558c35-97f1-4cb9-8ff7-d53741dc928c}@<tenant GUID>, the
//     default of KelvinTegelaar/CIPP-API New-ExoRequest.ps1 for both the
//     Exchange and the compliance host (a tool run against thousands of tenants);
//   - TID:<tenant GUID>, the fallback of terraprovider/go-exoscc adminapi/client.go
//     when it is not given an organization.
//
// We follow the first (it names a mailbox, which the front end's mailbox-based
// routing needs, and it is the one with the widest published use). A caller who
// knows the initial domain can pass "UPN:OAuthUser@contoso.onmicrosoft.com" to New.
func AnchorMailbox(tenantID string) string { return systemMailboxAnchor + tenantID }

// maxRedirects bounds the redirects followed for one request.
const maxRedirects = 5

// maxPages bounds the @odata.nextLink pages followed for one cmdlet.
const maxPages = 1000

// Client runs cmdlets on one surface (Exchange or Security & Compliance) of
// one tenant. Safe for concurrent use.
type Client struct {
	http     *http.Client
	tenantID string
	token    func(context.Context) (string, error)
	anchor   string
	service  string

	mu   sync.Mutex
	base string // scheme://host[/prefix]; moves to the regional host after a redirect

	route routeGate               // concurrent first calls wait for the first one's redirect
	reads writes.Readings[[]byte] // Get's answers as JSON, for Read (reads.go)
}

// New returns a client for the admin API at base (scheme, host, optional path
// prefix; the client appends /adminapi/beta/{tenantId}/InvokeCommand). token
// returns a bearer token for the surface's audience. anchorMailbox is the
// X-AnchorMailbox header; empty means AnchorMailbox(tenantID).
//
// The client derives its own *http.Client from httpClient: the same Transport
// (so retries, logging and redaction are shared), its own cookie jar, and
// redirects handled by the client rather than by net/http:
//   - the front end answers a call with a redirect to the tenant's regional host
//     and sets an affinity cookie there; the jar keeps it for later calls;
//   - net/http, following a 301/302/303, turns the POST into a body-less GET,
//     which breaks InvokeCommand, and drops Authorization when the redirect
//     leaves the original host; so the client follows redirects itself: same
//     method, same body, the bearer token added again, but only to an HTTPS host
//     it trusts (see trustedRedirect);
//   - the regional host is then used for every later call (what the PowerShell
//     module and go-exoscc do), saving a round trip per call.
func New(httpClient *http.Client, base, tenantID string, token func(context.Context) (string, error), anchorMailbox string) *Client {
	if httpClient == nil {
		httpClient = http.DefaultClient
	}
	jar, _ := cookiejar.New(nil) // never fails with nil options
	if anchorMailbox == "" {
		anchorMailbox = AnchorMailbox(tenantID)
	}
	return &Client{
		http: &http.Client{
			Transport:     httpClient.Transport,
			Timeout:       httpClient.Timeout,
			Jar:           jar,
			CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		},
		base:     strings.TrimRight(base, "/"),
		tenantID: tenantID,
		token:    token,
		anchor:   anchorMailbox,
		service:  "admin API",
	}
}

// WithService sets the name errors start with (ComplianceService or
// ExchangeService) and returns c.
func (c *Client) WithService(name string) *Client {
	c.service = name
	return c
}

// Service is the name errors start with.
func (c *Client) Service() string { return c.service }

// Base is the base URL calls currently go to (the regional host after a redirect).
func (c *Client) Base() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.base
}

// Result carries what the service attached to an answer besides the objects.
type Result struct {
	Warnings []string // @adminapi.warnings: the cmdlet's Write-Warning output
}

func (r *Result) add(o Result) { r.Warnings = append(r.Warnings, o.Warnings...) }

// envelope is the OData answer of InvokeCommand and of each nextLink page.
type envelope struct {
	Value    []map[string]any `json:"value"`
	NextLink string           `json:"@odata.nextLink"`
	Warnings []string         `json:"@adminapi.warnings"`
	Error    json.RawMessage  `json:"error"`
}

// Invoke runs one cmdlet with params (only the bound parameters, PascalCase)
// and returns every object of every page. Warnings are returned even with an
// error. An error from the service is a *transport.APIError whose Message is
// the cmdlet's own error; a write that may have been applied (the connection
// broke after it was sent, or 503/504) wraps transport.ErrMaybeCommitted: see
// CreateOrRead.
//
// Get-* cmdlets (reads) and Set-* cmdlets (which set absolute values) may be
// sent again by the transport after a 503 or a broken connection; other verbs
// (New-, Remove-, ...) are not.
func (c *Client) Invoke(ctx context.Context, cmdlet string, params map[string]any) ([]map[string]any, Result, error) {
	if params == nil {
		params = map[string]any{}
	}
	// Only declared cmdlets and parameters leave (contract.go).
	if err := c.checkCmdlet(cmdlet, params); err != nil {
		return nil, Result{}, fmt.Errorf("%s: %w", c.service, err)
	}
	body, err := json.Marshal(map[string]any{"CmdletInput": map[string]any{"CmdletName": cmdlet, "Parameters": params}})
	if err != nil {
		return nil, Result{}, fmt.Errorf("%s: %s: encoding the parameters: %w", c.service, cmdlet, err)
	}
	if repeatable(cmdlet) {
		ctx = transport.WithRetryablePost(ctx)
	}
	if !reads(cmdlet) {
		defer writes.Begin()() // drops the readings shared until now (conns.Client.Shared)
	}
	var res Result
	lead, err := c.route.enter(ctx)
	if err != nil {
		return nil, res, fmt.Errorf("%s: %s: %w", c.service, cmdlet, err)
	}
	routed := func() {}
	if lead {
		routed = c.route.known
	}
	env, err := c.call(ctx, cmdlet, http.MethodPost, c.invokeURL(), body, routed)
	if env != nil {
		res.Warnings = append(res.Warnings, env.Warnings...)
	}
	if err != nil {
		return nil, res, err
	}
	out := env.Value
	seen := map[string]bool{}
	for next, pages := env.NextLink, 1; next != ""; pages++ {
		if seen[next] || pages > maxPages {
			return out, res, fmt.Errorf("%s: %s: paging did not end (%d pages; next link %s)", c.service, cmdlet, pages, redactURL(next))
		}
		seen[next] = true
		env, err = c.nextPage(ctx, cmdlet, next, body)
		if env != nil {
			res.Warnings = append(res.Warnings, env.Warnings...)
		}
		if err != nil {
			return out, res, fmt.Errorf("%s: %s: reading page %d: %w", c.service, cmdlet, pages+1, err)
		}
		out = append(out, env.Value...)
		next = env.NextLink
	}
	return out, res, nil
}

// nextPage reads one @odata.nextLink page. Public clients disagree on the
// verb: KelvinTegelaar/CIPP-API (New-ExoRequest.ps1), ExoHelper and
// M365Permissions POST the cmdlet's body again to the nextLink;
// terraprovider/go-exoscc sends a bodiless GET. Nothing from Microsoft
// settles it, and it only matters past 1,000 objects. The client follows the
// majority (POST, the same body; reading a page twice is harmless) and falls
// back to GET when the service answers 405 Method Not Allowed.
func (c *Client) nextPage(ctx context.Context, cmdlet, next string, body []byte) (*envelope, error) {
	ctx = transport.WithRetryablePost(ctx)
	env, err := c.call(ctx, cmdlet, http.MethodPost, next, body, nil)
	var ae *transport.APIError
	if errors.As(err, &ae) && ae.StatusCode == http.StatusMethodNotAllowed {
		return c.call(ctx, cmdlet, http.MethodGet, next, nil, nil)
	}
	return env, err
}

// repeatable reports whether sending cmdlet twice cannot do harm.
func repeatable(cmdlet string) bool {
	verb, _, _ := strings.Cut(cmdlet, "-")
	switch strings.ToLower(verb) {
	case "get", "set", "test":
		return true
	}
	return false
}

// reads reports whether cmdlet only reads (Get-*, Test-*): every other verb
// counts as a write.
func reads(cmdlet string) bool {
	verb, _, _ := strings.Cut(cmdlet, "-")
	switch strings.ToLower(verb) {
	case "get", "test":
		return true
	}
	return false
}

func (c *Client) invokeURL() string {
	return c.Base() + "/adminapi/beta/" + url.PathEscape(c.tenantID) + "/InvokeCommand"
}

// call sends one request (following redirects) and decodes the envelope.
func (c *Client) call(ctx context.Context, cmdlet, method, target string, body []byte, routed func()) (*envelope, error) {
	resp, err := c.send(ctx, cmdlet, method, target, body, routed)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, fmt.Errorf("%s: %s: reading the answer: %w", c.service, cmdlet, err)
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		env := &envelope{}
		_ = json.Unmarshal(raw, env) // warnings may come with an error
		return env, c.apiError(cmdlet, resp, raw)
	}
	env := &envelope{}
	if t := bytes.TrimSpace(raw); len(t) > 0 {
		if err := json.Unmarshal(t, env); err != nil {
			return nil, fmt.Errorf("%s: %s: decoding the answer (HTTP %d, request id %s): %w", c.service, cmdlet, resp.StatusCode, transport.RequestID(resp.Header), err)
		}
	}
	if e := bytes.TrimSpace(env.Error); len(e) > 0 && !bytes.Equal(e, []byte("null")) {
		return env, c.apiError(cmdlet, resp, raw) // an error inside a 2xx envelope
	}
	return env, nil
}

func (c *Client) apiError(cmdlet string, resp *http.Response, raw []byte) error {
	ae := transport.NewAPIError(c.service+": "+cmdlet, resp, raw)
	if resp.StatusCode == http.StatusForbidden {
		ae.Message += " (" + c.permissionHint() + ")"
	}
	return ae
}

func (c *Client) permissionHint() string {
	if c.service == ExchangeService {
		return "the app needs the Exchange.ManageAsApp application permission and an Exchange role that holds Audit Logs, e.g. Compliance Management"
	}
	return "the app needs the Exchange.ManageAsApp application permission and the Microsoft Entra role Compliance Administrator"
}

// send performs method on target, following redirects itself (see New).
// routed (nil: none) is called once the first answer came back, after a
// redirect's regional base is pinned.
func (c *Client) send(ctx context.Context, cmdlet, method, target string, body []byte, routed func()) (*http.Response, error) {
	if routed == nil {
		routed = func() {}
	}
	defer routed() // whatever happened: the calls waiting go on
	tok, err := c.token(ctx)
	if err != nil {
		return nil, fmt.Errorf("%s: %s: getting a token: %w", c.service, cmdlet, err)
	}
	requestID := newGUID()
	for hop := 0; ; hop++ {
		var rd io.Reader
		if body != nil {
			rd = bytes.NewReader(body)
		}
		req, err := http.NewRequestWithContext(ctx, method, target, rd)
		if err != nil {
			return nil, fmt.Errorf("%s: %s: %w", c.service, cmdlet, err)
		}
		req.Header.Set("Authorization", "Bearer "+tok)
		req.Header.Set("Accept", "application/json")
		if body != nil {
			req.Header.Set("Content-Type", "application/json; charset=utf-8")
		}
		req.Header.Set("X-AnchorMailbox", c.anchor)
		req.Header.Set("X-CmdletName", cmdlet)
		req.Header.Set("X-ResponseFormat", "json")
		req.Header.Set("Prefer", "odata.maxpagesize=1000")
		req.Header.Set("client-request-id", requestID)
		resp, err := c.http.Do(req)
		if err != nil {
			// *url.Error keeps the transport's error (and ErrMaybeCommitted) in its chain.
			return nil, fmt.Errorf("%s: %s: %w", c.service, cmdlet, err)
		}
		if !isRedirect(resp.StatusCode) {
			routed()
			return resp, nil
		}
		loc := resp.Header.Get("Location")
		drain(resp)
		if loc == "" {
			return nil, fmt.Errorf("%s: %s: HTTP %d redirect without a Location", c.service, cmdlet, resp.StatusCode)
		}
		if hop >= maxRedirects {
			return nil, fmt.Errorf("%s: %s: more than %d redirects", c.service, cmdlet, maxRedirects)
		}
		next, err := req.URL.Parse(loc)
		if err != nil {
			return nil, fmt.Errorf("%s: %s: bad redirect Location %q: %w", c.service, cmdlet, loc, err)
		}
		next = c.rewriteRedirect(next)
		if !trustedRedirect(req.URL, next) {
			return nil, fmt.Errorf("%s: %s: refusing to send the bearer token to the redirect target %s (not an HTTPS host of the same service)", c.service, cmdlet, transport.RedactURL(next))
		}
		c.pin(next)
		routed()
		target = next.String()
	}
}

// pin makes a redirect to another InvokeCommand URL the base of later calls.
func (c *Client) pin(u *url.URL) {
	suffix := "/adminapi/beta/" + c.tenantID + "/InvokeCommand"
	p := u.EscapedPath()
	if !strings.HasSuffix(strings.ToLower(p), strings.ToLower(suffix)) {
		return
	}
	base := u.Scheme + "://" + u.Host + p[:len(p)-len(suffix)]
	c.mu.Lock()
	c.base = strings.TrimRight(base, "/")
	c.mu.Unlock()
}

// rewriteRedirect applies what public clients learned about the redirect:
// a backend port 446 is the public 443, and the compliance front end
// redirects to the region's Exchange admin host ({region}.admin.protection.outlook.com)
// while compliance cmdlets live on {region}.ps.compliance.protection.outlook.com
// (go-exoscc transport.go rewriteRedirect; CIPP builds the same host from the
// redirect's first label).
func (c *Client) rewriteRedirect(u *url.URL) *url.URL {
	out := *u
	if out.Port() == "446" {
		out.Host = out.Hostname() + ":443"
	}
	if strings.Contains(strings.ToLower(c.Base()), ".compliance.") {
		h := strings.ToLower(out.Hostname())
		for _, s := range []string{".admin.protection.outlook.com", ".admin.protection.office365.us"} {
			if strings.HasSuffix(h, s) {
				region := strings.TrimSuffix(h, s)
				newHost := region + ".ps.compliance.protection." + strings.TrimPrefix(s, ".admin.protection.")
				if p := out.Port(); p != "" {
					newHost += ":" + p
				}
				out.Host = newHost
			}
		}
	}
	return &out
}

// trustedSuffixes are the Microsoft domains the admin API front ends redirect
// within (commercial, GCC High, DoD).
var trustedSuffixes = []string{"outlook.com", "office365.com", "office365.us", "apps.mil", "office.com"}

// trustedRedirect reports whether the bearer token may follow a redirect from
// from to to: to must be HTTPS (or plain HTTP on loopback, for tests), and its
// host the same as from's, a subdomain of from's parent domain, or within one
// of the Microsoft domains the service uses.
func trustedRedirect(from, to *url.URL) bool {
	if to.Scheme != "https" && (to.Scheme != "http" || transport.LoopbackOrHTTPS(to.String()) != nil) {
		return false
	}
	fh, th := strings.ToLower(from.Hostname()), strings.ToLower(to.Hostname())
	if fh == th {
		return true
	}
	if _, parent, ok := strings.Cut(fh, "."); ok && net.ParseIP(fh) == nil && strings.Count(parent, ".") >= 1 && strings.HasSuffix(th, "."+parent) {
		return true
	}
	for _, s := range trustedSuffixes {
		if strings.HasSuffix(th, "."+s) {
			return true
		}
	}
	return false
}

func isRedirect(code int) bool {
	switch code {
	case http.StatusMovedPermanently, http.StatusFound, http.StatusSeeOther, http.StatusTemporaryRedirect, http.StatusPermanentRedirect:
		return true
	}
	return false
}

func drain(resp *http.Response) {
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	_ = resp.Body.Close()
}

func redactURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "(unparsable)"
	}
	return transport.RedactURL(u)
}

func newGUID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:])
}

// IsNotFound reports whether err says the object does not exist: HTTP 404, or
// the cmdlet's ManagementObjectNotFoundException (which some hosts send with 400).
func IsNotFound(err error) bool {
	if err == nil {
		return false
	}
	if transport.IsNotFound(err) {
		return true
	}
	var ae *transport.APIError
	if errors.As(err, &ae) {
		if strings.Contains(ae.TypeName, "NotFoundException") {
			return true
		}
		m := strings.ToLower(ae.Message)
		return strings.Contains(m, "couldn't be found") || strings.Contains(m, "could not be found")
	}
	return false
}

// IsBeingDeployed reports whether err is the refusal the compliance service
// gives while an earlier change of a policy is still distributing: "...is being
// deployed. Once deployed, additional actions can be performed." Such a call
// succeeds later; retry it with a bound.
func IsBeingDeployed(err error) bool {
	var ae *transport.APIError
	if !errors.As(err, &ae) {
		return false
	}
	m := strings.ToLower(ae.Message)
	return strings.Contains(m, "being deployed") || strings.Contains(m, "once deployed, additional actions")
}

// routeGate makes the calls that start while a client's first call is on
// its way wait for that call's first answer: the front end redirects a new
// client to the tenant's regional host (see New), and without the wait each
// of several concurrent first calls (the assessment sends six cmdlets at once)
// followed a redirect of its own, one request more each. Once the first
// answer is in (or the first call failed), nobody waits.
type routeGate struct {
	mu      sync.Mutex
	done    bool
	waiting chan struct{} // the first call is in flight; closed when done
	waited  int           // calls that waited for the first (tests observe it)
}

// enter reports whether the caller's call is the first (it must call known
// once its first answer came back), after waiting for the first call when
// one is in flight.
func (g *routeGate) enter(ctx context.Context) (first bool, err error) {
	g.mu.Lock()
	if g.done {
		g.mu.Unlock()
		return false, nil
	}
	if g.waiting == nil {
		g.waiting = make(chan struct{})
		g.mu.Unlock()
		return true, nil
	}
	ch := g.waiting
	g.waited++
	g.mu.Unlock()
	select {
	case <-ch:
		return false, nil
	case <-ctx.Done():
		return false, ctx.Err()
	}
}

// known ends the wait; later calls go straight on. Idempotent.
func (g *routeGate) known() {
	g.mu.Lock()
	defer g.mu.Unlock()
	if !g.done {
		g.done = true
		if g.waiting != nil {
			close(g.waiting)
		}
	}
}
