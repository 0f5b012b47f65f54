package tenantsim

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// The Security & Compliance (/compliance) and Exchange Online (/exchange)
// admin APIs: the REST service behind the ExchangeOnlineManagement module
//.
//
//	POST {host}/adminapi/beta/{tenant}/InvokeCommand   {"CmdletInput":{"CmdletName","Parameters"}}
//	GET  {host}/adminapi/beta/{tenant}/InvokeCommand?$skiptoken=...   (@odata.nextLink pages; POST too)
//
// On the compliance host the first POST without the affinity cookie is
// redirected (302) to a regional path on the same simulator host,
// {host}/{REGION}/adminapi/beta/{tenant}/InvokeCommand, which sets the cookie.

const (
	// affinityCookie is the Exchange front end's backend-pinning cookie
	// (seen in public EWS/OWA traces as X-BackEndOverrideCookie).
	affinityCookie = "X-BackEndOverrideCookie"
	// adminRegion is the regional path segment the redirect points to.
	adminRegion = "NAM12B"
	// Throttling budget reported in Rate-Limit-* (not enforced; use faults).
	adminRateLimit  = 3000
	adminRateWindow = time.Minute
	odataServiceExc = "Microsoft.Exchange.Admin.OData.Core.ODataServiceException"
	// systemMailboxAnchorPrefix is the app-only system mailbox anchor.
	systemMailboxAnchorPrefix = "APP:SystemMailbox{bb558c35-97f1-4cb9-8ff7-d53741dc928c}@"
)

// cmdletError is a cmdlet failure, answered in the InvokeCommand error shape
// with the real message JSON-encoded inside details[0].message.
type cmdletError struct {
	Status   int
	Code     string // error.code
	Detail   string // details[0].code
	Message  string
	TypeName string
}

func (e *cmdletError) Error() string { return e.Message }

func cmdletFail(typeName, format string, args ...any) *cmdletError {
	return &cmdletError{Status: 400, Code: "BadRequest", Detail: "Context", Message: fmt.Sprintf(format, args...), TypeName: typeName}
}

const (
	typeParamBinding  = "System.Management.Automation.ParameterBindingException"
	typeNotFound      = "Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException"
	typeAlreadyExists = "Microsoft.Exchange.Data.Directory.ADObjectAlreadyExistsException"
	typeTaskArgument  = "Microsoft.Exchange.Configuration.Tasks.TaskArgumentException"
	typeInvalidOp     = "Microsoft.Exchange.Configuration.Tasks.TaskInvalidOperationException" // assumed
)

func paramNotFound(name string) *cmdletError {
	return cmdletFail(typeParamBinding, "A parameter cannot be found that matches parameter name '%s'.", name)
}

func objectNotFound(identity string) *cmdletError {
	return &cmdletError{Status: 404, Code: "NotFound", Detail: "Client", TypeName: typeNotFound,
		Message: fmt.Sprintf("The operation couldn't be performed because object '%s' couldn't be found.", identity)}
}

func writeCmdletError(w http.ResponseWriter, e *cmdletError) {
	inner, _ := json.Marshal(map[string]any{"Message": e.Message, "TypeName": e.TypeName, "StackTrace": nil, "InnerError": nil})
	writeJSON(w, e.Status, map[string]any{"error": map[string]any{
		"code":    e.Code,
		"message": "Error executing cmdlet",
		"details": []any{map[string]any{"code": e.Detail, "target": "", "message": string(inner)}},
		"innererror": map[string]any{
			"message": "Error executing cmdlet",
			"type":    odataServiceExc,
		},
	}})
}

// writeAdminError answers a front-end failure (auth, routing, body) that
// happens before a cmdlet runs: no details, only the OData envelope.
func writeAdminError(w http.ResponseWriter, status int, code, msg string) {
	writeJSON(w, status, map[string]any{"error": map[string]any{
		"code": code, "message": msg,
		"innererror": map[string]any{"message": msg, "type": odataServiceExc},
	}})
}

// adminRuntime is the in-memory part of the admin API state of one
// simulator: settings, rate-limit window and pending result pages.
type adminRuntime struct {
	mu          sync.Mutex
	settings    ComplianceSettings
	windowStart map[string]time.Time
	windowUsed  map[string]int
	pages       map[string]*adminPage
	pageOrder   []string
}

type adminPage struct {
	surface string
	context string
	items   []map[string]any
}

var adminRuntimes sync.Map // *Simulator -> *adminRuntime

func (s *Simulator) admin() *adminRuntime {
	if v, ok := adminRuntimes.Load(s); ok {
		if rt, ok := v.(*adminRuntime); ok {
			return rt
		}
	}
	rt := &adminRuntime{settings: defaultComplianceSettings(), windowStart: map[string]time.Time{},
		windowUsed: map[string]int{}, pages: map[string]*adminPage{}}
	v, _ := adminRuntimes.LoadOrStore(s, rt)
	if cur, ok := v.(*adminRuntime); ok {
		return cur
	}
	return rt
}

// setRateHeaders reports the throttling budget on every answer.
func (s *Simulator) setRateHeaders(w http.ResponseWriter, surface string) {
	rt := s.admin()
	rt.mu.Lock()
	now := time.Now()
	start := rt.windowStart[surface]
	if start.IsZero() || now.Sub(start) >= adminRateWindow {
		start = now
		rt.windowStart[surface] = now
		rt.windowUsed[surface] = 0
	}
	rt.windowUsed[surface]++
	remaining := max(adminRateLimit-rt.windowUsed[surface], 0)
	rt.mu.Unlock()
	h := w.Header()
	h.Set("Rate-Limit-Limit", strconv.Itoa(adminRateLimit))
	h.Set("Rate-Limit-Remaining", strconv.Itoa(remaining))
	h.Set("Rate-Limit-Reset", start.Add(adminRateWindow).UTC().Format(time.RFC3339))
}

// TenantDomain is the tenant's initial domain, <name>.onmicrosoft.com, as used
// in the X-AnchorMailbox header of app-only admin API calls.
func (s *Simulator) adminTenantDomain() string {
	return "tenantsim" + strings.ReplaceAll(s.tenantID, "-", "")[:8] + ".onmicrosoft.com"
}

// AdminAnchorMailbox is the X-AnchorMailbox value an app-only client sends
// to the compliance and exchange hosts: UPN:OAuthUser@<initial domain>.
func (s *Simulator) AdminAnchorMailbox() string { return "UPN:OAuthUser@" + s.adminTenantDomain() }

// affinityValue is the cookie value the regional redirect sets.
func (s *Simulator) affinityValue() string {
	h := sha256.Sum256([]byte(s.tenantID))
	return fmt.Sprintf("%sPR%02dMB%04d.%sprd%02d.prod.outlook.com~%d", adminRegion[:3], h[0]%20, int(h[1])*10+int(h[2]%10),
		strings.ToLower(adminRegion[:3]), h[0]%20, 1900000000+int(h[3])*100000+int(h[4])*100)
}

func (s *Simulator) serveAdminAPI(w http.ResponseWriter, r *http.Request, ids requestIDs, surface, rel string) {
	_ = ids
	s.setRateHeaders(w, surface)
	segs := strings.Split(strings.Trim(rel, "/"), "/")
	regional := false
	if len(segs) == 5 && strings.EqualFold(segs[0], adminRegion) {
		regional = true
		segs = segs[1:]
	}
	if len(segs) != 4 || !strings.EqualFold(segs[0], "adminapi") || !strings.EqualFold(segs[1], "beta") || !strings.EqualFold(segs[3], "InvokeCommand") {
		writeAdminError(w, 404, "NotFound", "No admin API route matches "+rel+".")
		return
	}
	pathTenant := segs[2]

	// Token: signature, expiry, audience, tenant.
	need := surfaceAuths[surface]
	hdr := r.Header.Get("Authorization")
	if len(hdr) < 7 || !strings.EqualFold(hdr[:7], "bearer ") {
		w.Header().Set("WWW-Authenticate", `Bearer client_id="00000002-0000-0ff1-ce00-000000000000", trusted_issuers="00000001-0000-0000-c000-000000000000@*", token_types="app_asserted_user_v1 service_asserted_app_v1", error="invalid_token"`)
		writeAdminError(w, 401, "Unauthorized", "The request is missing a bearer access token.")
		return
	}
	claims, err := s.signer.verify(strings.TrimSpace(hdr[7:]), s.tenantID, need.aud)
	if err != nil {
		msg := "Access token validation failure: " + err.Error()
		if err == errTokenAudience {
			msg = "Access token validation failure. Invalid audience: this service accepts tokens for '" + need.aud + "'."
		}
		w.Header().Set("WWW-Authenticate", `Bearer error="invalid_token"`)
		writeAdminError(w, 401, "Unauthorized", msg)
		return
	}
	if !strings.EqualFold(pathTenant, claims.TenantID) && !strings.EqualFold(pathTenant, s.adminTenantDomain()) {
		writeAdminError(w, 401, "Unauthorized", fmt.Sprintf("The tenant '%s' in the request URL does not match the tenant '%s' of the access token.", pathTenant, claims.TenantID))
		return
	}
	if !s.adminAllowed(claims, need) {
		// The caller holds no role that grants any cmdlet: refuse before routing.
		name, _, _ := readCmdletInput(r)
		if name == "" {
			name = "InvokeCommand"
		}
		writeAdminError(w, 403, "Forbidden", "User is not allowed to call "+name)
		return
	}
	if e := s.checkAnchor(r, surface); e != nil {
		writeCmdletError(w, e)
		return
	}
	// A nextLink page: public clients read it with GET (go-exoscc) or POST
	// the cmdlet's body again (CIPP-API, ExoHelper, M365Permissions); nothing
	// public says the service refuses either, so both are served.
	if r.Method == http.MethodGet || (r.Method == http.MethodPost && r.URL.Query().Has("$skiptoken")) {
		s.adminNextPage(w, r, surface, claims)
		return
	}
	if r.Method != http.MethodPost {
		writeAdminError(w, 405, "MethodNotAllowed", "Use POST to run a cmdlet, GET to follow @odata.nextLink.")
		return
	}
	settings := s.ComplianceSettings()
	if surface == surfaceCompliance && settings.RedirectStatus != 0 {
		c, cerr := r.Cookie(affinityCookie)
		hasAffinity := cerr == nil && c.Value == s.affinityValue()
		switch {
		case !hasAffinity && !regional:
			loc := s.url + "/" + surfaceCompliance + "/" + adminRegion + "/adminapi/beta/" + url.PathEscape(pathTenant) + "/InvokeCommand"
			if r.URL.RawQuery != "" {
				loc += "?" + r.URL.RawQuery
			}
			w.Header().Set("Location", loc)
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.WriteHeader(settings.RedirectStatus)
			_, _ = io.WriteString(w, `<html><head><title>Object moved</title></head><body><h2>Object moved to <a href="`+loc+`">here</a>.</h2></body></html>`)
			return
		case !hasAffinity:
			http.SetCookie(w, &http.Cookie{Name: affinityCookie, Value: s.affinityValue(), Path: "/" + surfaceCompliance, Secure: true, HttpOnly: true})
		}
	}

	name, params, e := readCmdletInput(r)
	if e != nil {
		writeCmdletError(w, e)
		return
	}
	spec := lookupCmdlet(surface, name)
	if spec == nil {
		// The module only exposes the cmdlets of the caller's roles.
		writeCmdletError(w, cmdletFail("System.Management.Automation.CommandNotFoundException",
			"The term '%s' is not recognized as a name of a cmdlet, function, script file, or executable program. Check the spelling of the name, or if a path was included, verify that the path is correct and try again.", name))
		return
	}
	args, e := spec.bind(params)
	if e != nil {
		writeCmdletError(w, e)
		return
	}
	out, warnings, e := spec.Run(s, &cmdletCall{surface: surface, r: r, rel: rel, args: args, claims: claims, cmdlet: spec.Name})
	if e != nil {
		writeCmdletError(w, e)
		return
	}
	if out == nil {
		out = []map[string]any{}
	}
	ctx := s.odataContext(surface, pathTenant, spec.Noun)
	s.writeValuePage(w, r, surface, pathTenant, ctx, out, warnings)
}

// adminAllowed applies the role rules of the surface (app role and directory role).
func (s *Simulator) adminAllowed(claims *accessClaims, need surfaceAuth) bool {
	for _, role := range need.allRoles {
		if !slices.Contains(claims.Roles, role) {
			return false
		}
	}
	return need.anyWid == nil || slices.ContainsFunc(claims.Wids, func(w string) bool { return slices.Contains(need.anyWid, w) })
}

// checkAnchor insists on the routing header of app-only calls.
func (s *Simulator) checkAnchor(r *http.Request, surface string) *cmdletError {
	got := strings.TrimSpace(r.Header.Get("X-AnchorMailbox"))
	want := s.AdminAnchorMailbox()
	if strings.EqualFold(got, want) {
		return nil
	}
	// APP:SystemMailbox{...}@<tenant GUID or domain>: the anchor
	// KelvinTegelaar/CIPP-API New-ExoRequest.ps1 sends to both hosts.
	for _, who := range []string{s.tenantID, s.adminTenantDomain()} {
		if strings.EqualFold(got, systemMailboxAnchorPrefix+who) {
			return nil
		}
	}
	if surface == surfaceExchange && strings.EqualFold(got, "TID:"+s.tenantID) {
		return nil
	}
	hint := "'" + want + "' or '" + systemMailboxAnchorPrefix + s.tenantID + "'"
	if surface == surfaceExchange {
		hint += " (or 'TID:" + s.tenantID + "')"
	}
	if got == "" {
		return cmdletFail(odataServiceExc, "The X-AnchorMailbox header is missing. App-only requests must send X-AnchorMailbox: %s so the request can be routed to the tenant's region.", hint)
	}
	return cmdletFail(odataServiceExc, "The X-AnchorMailbox header value '%s' is not valid for this tenant. App-only requests must send X-AnchorMailbox: %s.", got, hint)
}

// readCmdletInput decodes {"CmdletInput":{"CmdletName":...,"Parameters":{...}}}.
func readCmdletInput(r *http.Request) (string, map[string]any, *cmdletError) {
	b, err := io.ReadAll(io.LimitReader(r.Body, 4<<20))
	if err != nil {
		return "", nil, cmdletFail(odataServiceExc, "Reading the request body failed: %v", err)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var body struct {
		CmdletInput *struct {
			CmdletName string
			Parameters map[string]any
		}
	}
	if err := dec.Decode(&body); err != nil || body.CmdletInput == nil || body.CmdletInput.CmdletName == "" {
		return "", nil, cmdletFail(odataServiceExc, "The request body must be {\"CmdletInput\":{\"CmdletName\":\"<cmdlet>\",\"Parameters\":{...}}}.")
	}
	if body.CmdletInput.Parameters == nil {
		body.CmdletInput.Parameters = map[string]any{}
	}
	return body.CmdletInput.CmdletName, body.CmdletInput.Parameters, nil
}

func (s *Simulator) odataContext(surface, tenant, noun string) string {
	return s.url + "/" + surface + "/adminapi/beta/" + tenant + "/$metadata#" + noun
}

// writeValuePage answers {"@odata.context","value"[, "@odata.nextLink"][, "@adminapi.warnings"]},
// keeping the rest of a long list for GET nextLink.
func (s *Simulator) writeValuePage(w http.ResponseWriter, r *http.Request, surface, tenant, ctx string, items []map[string]any, warnings []string) {
	size := s.ComplianceSettings().PageSize
	if n := preferredPageSize(r); n > 0 && n < size {
		size = n
	}
	body := map[string]any{"@odata.context": ctx}
	if size > 0 && len(items) > size {
		rest := items[size:]
		items = items[:size]
		body["@odata.nextLink"] = s.url + "/" + surface + "/adminapi/beta/" + tenant + "/InvokeCommand?%24skiptoken=" + s.keepPage(surface, ctx, rest)
	}
	body["value"] = items
	if len(warnings) > 0 {
		body["@adminapi.warnings"] = warnings
	}
	writeJSON(w, 200, body)
}

// preferredPageSize reads Prefer: odata.maxpagesize=N.
func preferredPageSize(r *http.Request) int {
	for _, p := range strings.Split(r.Header.Get("Prefer"), ",") {
		k, v, ok := strings.Cut(strings.TrimSpace(p), "=")
		if ok && strings.EqualFold(k, "odata.maxpagesize") {
			if n, err := strconv.Atoi(strings.TrimSpace(v)); err == nil {
				return n
			}
		}
	}
	return 0
}

const maxKeptPages = 200

func (s *Simulator) keepPage(surface, ctx string, items []map[string]any) string {
	rt := s.admin()
	rt.mu.Lock()
	defer rt.mu.Unlock()
	tok := strings.ReplaceAll(newGUID(), "-", "")
	rt.pages[tok] = &adminPage{surface: surface, context: ctx, items: items}
	rt.pageOrder = append(rt.pageOrder, tok)
	for len(rt.pageOrder) > maxKeptPages {
		delete(rt.pages, rt.pageOrder[0])
		rt.pageOrder = rt.pageOrder[1:]
	}
	return tok
}

func (s *Simulator) adminNextPage(w http.ResponseWriter, r *http.Request, surface string, claims *accessClaims) {
	if !s.adminAllowed(claims, surfaceAuths[surface]) {
		writeAdminError(w, 403, "Forbidden", "User is not allowed to follow this result page")
		return
	}
	tok := r.URL.Query().Get("$skiptoken")
	rt := s.admin()
	rt.mu.Lock()
	pg := rt.pages[tok]
	if pg != nil && pg.surface == surface {
		delete(rt.pages, tok)
	}
	rt.mu.Unlock()
	if tok == "" || pg == nil || pg.surface != surface {
		writeCmdletError(w, cmdletFail(odataServiceExc, "The $skiptoken '%s' is not valid or has expired. Run the cmdlet again.", tok))
		return
	}
	segs := strings.Split(strings.Trim(strings.TrimPrefix(r.URL.Path, "/"+surface), "/"), "/")
	tenant := segs[len(segs)-2]
	s.writeValuePage(w, r, surface, tenant, pg.context, pg.items, nil)
}
