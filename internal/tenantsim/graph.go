package tenantsim

import (
	"encoding/base64"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Microsoft Graph v1.0 under /graph (API at /graph/v1.0/...):
//
//	GET/POST         /v1.0/identity/conditionalAccess/policies
//	GET/PATCH/DELETE /v1.0/identity/conditionalAccess/policies/{id}
//	GET/POST         /v1.0/identity/conditionalAccess/namedLocations
//	GET/PATCH/DELETE /v1.0/identity/conditionalAccess/namedLocations/{id}
//	GET              /v1.0/identity/conditionalAccess/authenticationStrength/policies[/{id}]
//	                 (alias /v1.0/policies/authenticationStrengthPolicies[/{id}]; built-ins only)
//	GET              /v1.0/directoryRoleTemplates[/{id}]
//	GET              /v1.0/organization[/{id}] (graph_organization.go)
//	                 /v1.0/deviceAppManagement/... app protection (graph_intune.go)
//
// Lists answer {"@odata.context","value"} in pages ($top, default and max
// graphMaxPage) linked by an absolute @odata.nextLink carrying $skiptoken;
// $filter takes `prop eq 'v'` clauses joined by `and` (and
// startswith(prop,'v')); $select trims top-level properties.
//
// Permissions (application roles in the token's `roles`; documented in
// each API page's permission table, simplified here):
//
//	reads of CA policies, named locations, authentication strengths:
//	    Policy.Read.All or Policy.ReadWrite.ConditionalAccess
//	writes of CA policies and named locations: Policy.ReadWrite.ConditionalAccess
//	organization: Organization.Read.All, Directory.Read.All (and their ReadWrite)
//	directory role templates: Directory.Read.All, Directory.ReadWrite.All,
//	    RoleManagement.Read.Directory, RoleManagement.Read.All,
//	    RoleManagement.ReadWrite.Directory or Application.Read.All
//
// Missing -> 403 Authorization_RequestDenied. The code is split into
// graph_collection.go (the routes of every writable collection),
// graph_ca.go (policies), graph_locations.go, graph_builtin.go (strengths,
// role templates), graph_schema.go (normalisation) and graph_control.go.

const (
	graphMaxPage     = 999
	graphDefaultPage = 100

	collCAPolicies     = "graph/conditionalAccessPolicies"
	collNamedLocations = "graph/namedLocations"
)

var (
	rolesPolicyRead  = []string{"Policy.Read.All", "Policy.ReadWrite.ConditionalAccess"}
	rolesPolicyWrite = []string{"Policy.ReadWrite.ConditionalAccess"}
	rolesRoleRead    = []string{"Directory.Read.All", "Directory.ReadWrite.All", "RoleManagement.Read.Directory",
		"RoleManagement.Read.All", "RoleManagement.ReadWrite.Directory", "Application.Read.All"}
)

// graphMu serialises read-modify-write of Graph objects (PATCH, delete
// checks of references). Package-wide: simulators are few and writes rare.
var graphMu sync.Mutex

// graphReq carries one request through the Graph handlers.
type graphReq struct {
	s      *Simulator
	w      http.ResponseWriter
	r      *http.Request
	ids    requestIDs
	rel    string
	claims *accessClaims
}

func (g *graphReq) fail(e *apiError) { writeGraphError(g.w, g.ids, e.Status, e.Code, e.Message) }

// lag is the read-after-write lag a write leaves behind (nil = none).
func (g *graphReq) lag() *lagSpec {
	return g.s.faults.lagFor(surfaceGraph, g.r.Method, g.rel, g.r.URL.Path)
}

// base is the absolute URL of /graph/v1.0 as the client reached it.
func (g *graphReq) base() string { return g.s.url + "/graph/v1.0" }

func (g *graphReq) context(frag string) string { return g.base() + "/$metadata#" + frag }

// need answers 403 unless the token holds one of roles.
func (g *graphReq) need(roles []string) bool {
	if slices.ContainsFunc(g.claims.Roles, func(r string) bool { return slices.Contains(roles, r) }) {
		return true
	}
	g.fail(&apiError{403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation."})
	return false
}

func (s *Simulator) serveGraph(w http.ResponseWriter, r *http.Request, ids requestIDs, rel string) {
	claims, ok := s.authorize(w, r, ids, surfaceGraph)
	if !ok {
		return
	}
	g := &graphReq{s: s, w: w, r: r, ids: ids, rel: rel, claims: claims}
	segs, err := pathSegments(r, "/graph")
	if err != nil || len(segs) == 0 || segs[0] == "" {
		g.fail(&apiError{400, "BadRequest", "Invalid request URL."})
		return
	}
	if segs[0] != "v1.0" {
		g.fail(&apiError{400, "BadRequest", fmt.Sprintf("Invalid version: %s", segs[0])})
		return
	}
	segs = segs[1:]
	if c, rest, ok := collectionFor(segs); ok {
		g.serveCollection(c, rest)
		return
	}
	switch {
	case len(segs) >= 4 && segs[0] == "identity" && segs[1] == "conditionalAccess" && segs[2] == "authenticationStrength" && segs[3] == "policies":
		g.serveAuthStrengths(segs[4:], "identity/conditionalAccess/authenticationStrength/policies")
	case len(segs) >= 2 && segs[0] == "policies" && segs[1] == "authenticationStrengthPolicies":
		g.serveAuthStrengths(segs[2:], "policies/authenticationStrengthPolicies")
	case len(segs) >= 1 && segs[0] == "directoryRoleTemplates":
		g.serveRoleTemplates(segs[1:])
	case len(segs) >= 1 && segs[0] == "organization":
		g.serveOrganization(segs[1:])
	case len(segs) >= 1 && segs[0] == "deviceAppManagement":
		g.serveDeviceAppManagement(segs[1:]) // graph_intune.go
	default:
		last := ""
		if len(segs) > 0 {
			last = segs[len(segs)-1]
		}
		g.fail(&apiError{400, "BadRequest", fmt.Sprintf("Resource not found for the segment '%s'.", last)})
	}
}

// writeGraphError answers in Graph's error shape.
func writeGraphError(w http.ResponseWriter, ids requestIDs, status int, code, message string) {
	writeJSON(w, status, map[string]any{"error": map[string]any{
		"code": code, "message": message,
		"innerError": map[string]any{
			"date":              time.Now().UTC().Format("2006-01-02T15:04:05"),
			"request-id":        ids.requestID,
			"client-request-id": ids.clientRequestID,
		},
	}})
}

func graphMethodNotAllowed(g *graphReq, allowed string) {
	g.w.Header().Set("Allow", allowed)
	g.fail(&apiError{405, "BadRequest", fmt.Sprintf("The HTTP method '%s' is not allowed on '%s'; use %s.", g.r.Method, g.rel, allowed)})
}

// graphNow is the server timestamp format of Graph (7 fractional digits).
func graphNow() string { return time.Now().UTC().Format("2006-01-02T15:04:05.0000000Z") }

// ---- lists: $filter, $select, $top, $skiptoken ----

// listQuery is the parsed query of a list request.
type listQuery struct {
	top    int
	skip   int
	filter []filterClause
	selct  []string
}

type filterClause struct {
	prop, op, value string // op: eq, ne, startswith
}

func parseListQuery(q url.Values) (*listQuery, *apiError) {
	lq := &listQuery{top: graphDefaultPage}
	if v := q.Get("$top"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			return nil, &apiError{400, "BadRequest", fmt.Sprintf("Invalid value '%s' for $top query option found. The $top query option requires a non-negative integer value.", v)}
		}
		lq.top = min(n, graphMaxPage)
	}
	if v := q.Get("$skiptoken"); v != "" {
		b, err := base64.RawURLEncoding.DecodeString(v)
		n, err2 := strconv.Atoi(strings.TrimPrefix(string(b), "skip:"))
		if err != nil || err2 != nil || n < 0 || !strings.HasPrefix(string(b), "skip:") {
			return nil, &apiError{400, "BadRequest", "The $skiptoken is invalid or has expired."}
		}
		lq.skip = n
	}
	if v := q.Get("$filter"); v != "" {
		f, e := parseFilter(v)
		if e != nil {
			return nil, e
		}
		lq.filter = f
	}
	if v := q.Get("$select"); v != "" {
		for _, p := range strings.Split(v, ",") {
			if p = strings.TrimSpace(p); p != "" {
				lq.selct = append(lq.selct, p)
			}
		}
	}
	return lq, nil
}

// parseFilter accepts `prop eq 'v'`, `prop ne 'v'`, `startswith(prop,'v')`
// and boolean literals, joined by `and`.
func parseFilter(expr string) ([]filterClause, *apiError) {
	bad := &apiError{400, "BadRequest", fmt.Sprintf("Invalid filter clause: the simulator supports \"prop eq 'value'\", \"prop ne 'value'\" and \"startswith(prop,'value')\" joined by 'and', not %q.", expr)}
	var out []filterClause
	rest := strings.TrimSpace(expr)
	for rest != "" {
		var c filterClause
		low := strings.ToLower(rest)
		if strings.HasPrefix(low, "startswith(") {
			inner := rest[len("startswith("):]
			comma := strings.IndexByte(inner, ',')
			if comma < 0 {
				return nil, bad
			}
			c.prop, c.op = strings.TrimSpace(inner[:comma]), "startswith"
			v, after, ok := readFilterString(strings.TrimSpace(inner[comma+1:]))
			if !ok || !strings.HasPrefix(strings.TrimSpace(after), ")") {
				return nil, bad
			}
			c.value = v
			rest = strings.TrimSpace(strings.TrimSpace(after)[1:])
		} else {
			f := strings.Fields(rest)
			if len(f) < 3 {
				return nil, bad
			}
			c.prop, c.op = f[0], strings.ToLower(f[1])
			if c.op != "eq" && c.op != "ne" {
				return nil, bad
			}
			tail := strings.TrimSpace(rest[strings.Index(rest, f[1])+len(f[1]):])
			if strings.HasPrefix(tail, "'") {
				v, after, ok := readFilterString(tail)
				if !ok {
					return nil, bad
				}
				c.value, rest = v, strings.TrimSpace(after)
			} else {
				lit := strings.Fields(tail)[0]
				if lit != "true" && lit != "false" && lit != "null" {
					return nil, bad
				}
				c.value, rest = lit, strings.TrimSpace(tail[len(lit):])
			}
		}
		out = append(out, c)
		if rest == "" {
			break
		}
		f := strings.Fields(rest)
		if strings.ToLower(f[0]) != "and" {
			return nil, bad
		}
		rest = strings.TrimSpace(rest[len(f[0]):])
		if rest == "" {
			return nil, bad
		}
	}
	return out, nil
}

// readFilterString reads a quoted OData string (” escapes a quote).
func readFilterString(s string) (val, rest string, ok bool) {
	if !strings.HasPrefix(s, "'") {
		return "", s, false
	}
	var b strings.Builder
	for i := 1; i < len(s); i++ {
		if s[i] == '\'' {
			if i+1 < len(s) && s[i+1] == '\'' {
				b.WriteByte('\'')
				i++
				continue
			}
			return b.String(), s[i+1:], true
		}
		b.WriteByte(s[i])
	}
	return "", s, false
}

func (c filterClause) match(o map[string]any) bool {
	v, ok := o[c.prop]
	var sv string
	switch t := v.(type) {
	case nil:
		sv = "null"
	case string:
		sv = t
	case bool:
		sv = strconv.FormatBool(t)
	default:
		sv = fmt.Sprint(t)
	}
	switch c.op {
	case "eq":
		return ok && strings.EqualFold(sv, c.value) || !ok && c.value == "null"
	case "ne":
		return !(ok && strings.EqualFold(sv, c.value))
	case "startswith":
		return ok && strings.HasPrefix(strings.ToLower(sv), strings.ToLower(c.value))
	}
	return false
}

// writeList filters, selects and pages objs into a collection response.
func (g *graphReq) writeList(objs []map[string]any, contextFrag string) {
	lq, e := parseListQuery(g.r.URL.Query())
	if e != nil {
		g.fail(e)
		return
	}
	matched := make([]map[string]any, 0, len(objs))
	for _, o := range objs {
		if !slices.ContainsFunc(lq.filter, func(c filterClause) bool { return !c.match(o) }) {
			matched = append(matched, o)
		}
	}
	start := min(lq.skip, len(matched))
	end := min(start+lq.top, len(matched))
	page := make([]map[string]any, 0, end-start)
	for _, o := range matched[start:end] {
		page = append(page, selectProps(o, lq.selct))
	}
	out := map[string]any{"@odata.context": g.context(contextFrag), "value": page}
	if end < len(matched) {
		q := g.r.URL.Query()
		q.Set("$skiptoken", base64.RawURLEncoding.EncodeToString([]byte("skip:"+strconv.Itoa(end))))
		if q.Get("$top") == "" {
			q.Set("$top", strconv.Itoa(lq.top))
		}
		out["@odata.nextLink"] = g.s.url + g.r.URL.EscapedPath() + "?" + q.Encode()
	}
	writeJSON(g.w, 200, out)
}

func selectProps(o map[string]any, sel []string) map[string]any {
	if len(sel) == 0 {
		return o
	}
	out := map[string]any{}
	for k, v := range o {
		if k == "id" || k == "@odata.type" || slices.ContainsFunc(sel, func(s string) bool { return strings.EqualFold(s, k) }) {
			out[k] = v
		}
	}
	return out
}

// writeEntity answers one object with its @odata.context.
func (g *graphReq) writeEntity(status int, o map[string]any, contextFrag string) {
	out := deepCopyMap(o)
	out["@odata.context"] = g.context(contextFrag + "/$entity")
	writeJSON(g.w, status, out)
}

// guidOK reports whether s is a GUID (any case).
func guidOK(s string) bool {
	if len(s) != 36 {
		return false
	}
	for i, c := range s {
		switch i {
		case 8, 13, 18, 23:
			if c != '-' {
				return false
			}
		default:
			if !strings.ContainsRune("0123456789abcdefABCDEF", c) {
				return false
			}
		}
	}
	return true
}
