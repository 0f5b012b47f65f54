package tenantsim

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"unicode"
)

// The Teams admin ConfigAPI (the REST service behind the MicrosoftTeams
// PowerShell module), under /teams:
//
//	GET    /Teams.Tenant/serviceDiscovery
//	GET    /Teams.Tenant/tenants                (CIPP-API's discovery)
//	GET    /Skype.Policy/configurations/{Type}
//	POST   /Skype.Policy/configurations/{Type}
//	GET    /Skype.Policy/configurations/{Type}/configuration/{Identity}
//	PUT    /Skype.Policy/configurations/{Type}/configuration/{Identity}
//	DELETE /Skype.Policy/configurations/{Type}/configuration/{Identity}
//
// and policy assignment (teams_assignments.go, ASSIGNMENTS.md):
//
//	/Skype.Policy/groupPolicyAssignments[/{GroupId}[/policyTypes/{PolicyType}]]
//	/Skype.Policy/tenants/policies[/{PolicyType}]

const warningHeader = "X-Ms-ConfigApi-PowerShell-WarningMessage"

func (s *Simulator) serveTeams(w http.ResponseWriter, r *http.Request, ids requestIDs, rel string) {
	claims, ok := s.authorize(w, r, ids, surfaceTeams)
	if !ok {
		return
	}
	fail := func(e *apiError) { writeSurfaceError(w, ids, surfaceTeams, e.Status, e.Code, e.Message) }
	if rel == "/Teams.Tenant/serviceDiscovery" {
		if r.Method != http.MethodGet {
			fail(&apiError{405, "MethodNotAllowed", "Only GET is supported on serviceDiscovery."})
			return
		}
		writeJSON(w, 200, map[string]any{
			"Endpoints": map[string]any{
				"AdminServiceEndpoint": s.adminHost,
				"ConfigApiEndpoint":    strings.TrimPrefix(s.url, "https://"),
			},
			"Headers": map[string]any{"X-MS-Forest": "TENANTSIM01"},
		})
		return
	}
	if rel == "/Teams.Tenant/tenants" {
		if r.Method != http.MethodGet {
			fail(&apiError{405, "MethodNotAllowed", "Only GET is supported on Teams.Tenant/tenants."})
			return
		}
		writeJSON(w, 200, s.teamsTenantInfo())
		return
	}
	segs, err := pathSegments(r, "/teams")
	if err == nil && len(segs) >= 2 && segs[0] == "Skype.Policy" &&
		(segs[1] == "groupPolicyAssignments" || (segs[1] == "tenants" && len(segs) >= 3 && segs[2] == "policies")) {
		if e := s.checkTargetURI(r); e != nil {
			fail(e)
			return
		}
		s.serveAssignments(w, r, claims, segs[1:], rel, fail)
		return
	}
	if err != nil || len(segs) < 3 || segs[0] != "Skype.Policy" || segs[1] != "configurations" {
		fail(&apiError{404, "NotFound", "No ConfigAPI route matches " + rel + "."})
		return
	}
	if e := s.checkTeamsRouting(r, segs[2]); e != nil {
		fail(e)
		return
	}
	spec := teamsTypes[segs[2]]
	if spec == nil {
		fail(&apiError{404, "NotFound", fmt.Sprintf("The configuration type '%s' is not known.", segs[2])})
		return
	}
	switch {
	case len(segs) == 3:
		switch r.Method {
		case http.MethodGet:
			s.teamsList(w, spec)
		case http.MethodPost:
			s.teamsCreate(w, r, spec, rel, fail)
		default:
			fail(&apiError{405, "MethodNotAllowed", "Use GET or POST on a configuration type."})
		}
	case len(segs) == 5 && segs[3] == "configuration":
		identity, e := parseIdentity(segs[4])
		if e != nil {
			fail(e)
			return
		}
		switch r.Method {
		case http.MethodGet:
			s.teamsGet(w, spec, identity, fail)
		case http.MethodPut:
			s.teamsUpdate(w, r, spec, identity, rel, fail)
		case http.MethodDelete:
			s.teamsDelete(w, r, spec, identity, rel, fail)
		default:
			fail(&apiError{405, "MethodNotAllowed", "Use GET, PUT or DELETE on a configuration instance."})
		}
	default:
		fail(&apiError{404, "NotFound", "No ConfigAPI route matches " + rel + "."})
	}
}

// Routing headers. Public clients disagree:
// terraprovider/go-teams sends X-MS-Target-Uri https://{AdminServiceEndpoint}/
// on every call; cisagov/ScubaGear and AzRanger send none and read
// /Skype.Policy/configurations/* with no discovery; KelvinTegelaar/CIPP-API
// (New-TeamsRequestV2.ps1) sends none except for the types served by the
// legacy OcsPowershellWebservice (TenantFederationSettings,
// TeamsAcsFederationConfiguration), which get X-MS-Target-Uri
// https://{AdminServiceEndpoint}/OcsPowershellWebservice, x-ms-tenant-id and
// ?adminDomain=<initial domain>, which CIPP says they "need". So the
// simulator accepts a call with no target header or the plain one, refuses a
// wrong one, and refuses a write of an OcsPowershellWebservice type without
// that target and the tenant id (CIPP's reading; whether reads need them is
// not established, so reads are served either way). An adminDomain that is
// not the tenant's initial domain is refused.
var ocsTypes = map[string]bool{"TenantFederationSettings": true, "TeamsAcsFederationConfiguration": true}

func (s *Simulator) checkTargetURI(r *http.Request) *apiError { return s.checkTeamsRouting(r, "") }

func (s *Simulator) checkTeamsRouting(r *http.Request, typeName string) *apiError {
	got := strings.TrimSuffix(strings.ToLower(r.Header.Get("X-MS-Target-Uri")), "/")
	plain := "https://" + strings.ToLower(s.adminHost)
	ocs := plain + "/ocspowershellwebservice"
	if ocsTypes[typeName] {
		if r.Method != http.MethodGet && (got != ocs || !strings.EqualFold(r.Header.Get("X-Ms-Tenant-Id"), s.tenantID)) {
			return &apiError{400, "BadRequest", typeName + " is served by the OcsPowershellWebservice: send X-MS-Target-Uri https://<AdminServiceEndpoint>/OcsPowershellWebservice and x-ms-tenant-id."}
		}
		if got != "" && got != plain && got != ocs {
			return &apiError{400, "BadRequest", "The X-MS-Target-Uri header is wrong: send https://<AdminServiceEndpoint>/OcsPowershellWebservice as returned by service discovery."}
		}
		if d := r.URL.Query().Get("adminDomain"); d != "" && !strings.EqualFold(d, s.adminTenantDomain()) {
			return &apiError{403, "Forbidden", fmt.Sprintf("The adminDomain '%s' is not a domain of this tenant.", d)}
		}
		return nil
	}
	if got != "" && got != plain {
		return &apiError{400, "BadRequest", "The X-MS-Target-Uri header is wrong: send https://<AdminServiceEndpoint>/ as returned by /Teams.Tenant/serviceDiscovery."}
	}
	return nil
}

// teamsTenantInfo answers GET /Teams.Tenant/tenants in the shape CIPP-API's
// New-TeamsRequestV2.ps1 reads (serviceDiscovery.Endpoints.ConfigApiEndpoint
// and AdminServiceEndpoint, serviceDiscovery.Headers.X-MS-Forest,
// verifiedDomains[].name); the other fields are assumed.
func (s *Simulator) teamsTenantInfo() map[string]any {
	return map[string]any{
		"tenantId": s.tenantID,
		"serviceDiscovery": map[string]any{
			"Endpoints": map[string]any{
				"AdminServiceEndpoint": s.adminHost,
				"ConfigApiEndpoint":    strings.TrimPrefix(s.url, "https://"),
			},
			"Headers": map[string]any{"X-MS-Forest": "TENANTSIM01"},
		},
		"verifiedDomains": []any{map[string]any{"name": s.adminTenantDomain(), "isInitial": true}},
	}
}

func (s *Simulator) teamsList(w http.ResponseWriter, spec *typeSpec) {
	objs := s.store.list(teamsCollection(spec.Name), true)
	out := make([]map[string]any, 0, len(objs))
	for _, o := range objs {
		out = append(out, renderInstance(spec, o))
	}
	writeJSON(w, 200, out)
}

func (s *Simulator) teamsGet(w http.ResponseWriter, spec *typeSpec, identity string, fail func(*apiError)) {
	o, ok := s.store.get(teamsCollection(spec.Name), identity, true)
	if !ok {
		fail(notFound(spec, identity))
		return
	}
	writeJSON(w, 200, renderInstance(spec, o))
}

func (s *Simulator) teamsCreate(w http.ResponseWriter, r *http.Request, spec *typeSpec, rel string, fail func(*apiError)) {
	if spec.Singleton {
		fail(badRequest("The %s configuration cannot be created: it is a tenant-wide singleton whose only instance, 'Global', always exists. Change it with PUT .../configuration/Global.", spec.Name))
		return
	}
	body, e := readJSONObject(r)
	if e != nil {
		fail(e)
		return
	}
	raw, hasID := popIdentity(body)
	if !hasID {
		fail(badRequest("The request body must contain 'Identity' (\"Tag:<name>\")."))
		return
	}
	identity, e := parseIdentity(raw)
	if e != nil {
		fail(e)
		return
	}
	if identity == "Global" {
		fail(badRequest("Cannot create '%s' of %s: the Global instance always exists and can only be changed with PUT.", identity, spec.Name))
		return
	}
	coll := teamsCollection(spec.Name)
	if _, exists := s.store.get(coll, identity, false); exists {
		fail(&apiError{409, "Conflict", fmt.Sprintf("The %s '%s' already exists.", spec.Name, identity)})
		return
	}
	// A new instance starts from the schema defaults, not from Global.
	data := spec.defaults()
	warnings, e := spec.applyParams(data, body)
	if e != nil {
		fail(e)
		return
	}
	data["Identity"] = identity
	if err := s.store.put(coll, identity, data, s.faults.lagFor(surfaceTeams, r.Method, rel, r.URL.Path)); err != nil {
		fail(&apiError{500, "InternalServerError", "saving the tenant failed: " + err.Error()})
		return
	}
	addWarnings(w, append(warnings, s.typeWarnings(spec)...))
	writeJSON(w, 201, renderInstance(spec, data))
}

func (s *Simulator) teamsUpdate(w http.ResponseWriter, r *http.Request, spec *typeSpec, identity, rel string, fail func(*apiError)) {
	body, e := readJSONObject(r)
	if e != nil {
		fail(e)
		return
	}
	if raw, ok := popIdentity(body); ok {
		if id, e := parseIdentity(raw); e != nil || !strings.EqualFold(id, identity) {
			fail(badRequest("The Identity in the body ('%v') does not match the one in the path ('%s').", raw, identity))
			return
		}
	}
	coll := teamsCollection(spec.Name)
	data, ok := s.store.get(coll, identity, false)
	if !ok {
		fail(notFound(spec, identity))
		return
	}
	warnings, e := spec.applyParams(data, body)
	if e != nil {
		fail(e)
		return
	}
	if err := s.store.put(coll, identity, data, s.faults.lagFor(surfaceTeams, r.Method, rel, r.URL.Path)); err != nil {
		fail(&apiError{500, "InternalServerError", "saving the tenant failed: " + err.Error()})
		return
	}
	addWarnings(w, append(warnings, s.typeWarnings(spec)...))
	w.WriteHeader(http.StatusNoContent)
}

func (s *Simulator) teamsDelete(w http.ResponseWriter, r *http.Request, spec *typeSpec, identity, rel string, fail func(*apiError)) {
	if spec.Singleton {
		fail(badRequest("The %s configuration cannot be removed: it is a tenant-wide singleton ('Global' only). Change its settings with PUT instead.", spec.Name))
		return
	}
	if identity == "Global" {
		fail(badRequest("The Global instance of %s cannot be removed.", spec.Name))
		return
	}
	found, err := s.store.remove(teamsCollection(spec.Name), identity, s.faults.lagFor(surfaceTeams, r.Method, rel, r.URL.Path))
	if err != nil {
		fail(&apiError{500, "InternalServerError", "saving the tenant failed: " + err.Error()})
		return
	}
	if !found {
		fail(notFound(spec, identity))
		return
	}
	addWarnings(w, s.typeWarnings(spec))
	w.WriteHeader(http.StatusNoContent)
}

func notFound(spec *typeSpec, identity string) *apiError {
	return &apiError{404, "NotFound", fmt.Sprintf("Cannot find the %s '%s'.", spec.Name, identity)}
}

func addWarnings(w http.ResponseWriter, warnings []string) {
	seen := map[string]bool{}
	for _, m := range warnings {
		if !seen[m] {
			w.Header().Add(warningHeader, m)
			seen[m] = true
		}
	}
}

// renderInstance adds the XDS metadata the service returns with each instance.
func renderInstance(spec *typeSpec, data map[string]any) map[string]any {
	out := deepCopyMap(data)
	scope := "Tag"
	if strings.EqualFold(fmt.Sprint(data["Identity"]), "Global") {
		scope = "Global"
	}
	out["Key"] = map[string]any{
		"ScopeClass": scope,
		"SchemaId":   map[string]any{"XName": map[string]any{"name": spec.Name}},
		"AuthorityId": map[string]any{
			"Class":      "Host",
			"InstanceId": "00000000-0000-0000-0000-000000000000",
			"XmlRoot":    map[string]any{"name": "host"},
		},
		"DefaultXml": map[string]any{
			"SchemaId":     map[string]any{"XName": map[string]any{"name": ""}},
			"Data":         map[string]any{spec.Name: map[string]any{"xmlns": spec.XMLNamespace}},
			"ConfigObject": nil,
			"Signature":    "00000000-0000-0000-0000-000000000000",
			"IsModified":   false,
		},
		"XmlRoot": map[string]any{"name": "configuration"},
	}
	out["ConfigMetadata"] = map[string]any{"Authority": "Tenant"}
	out["DataSource"] = nil
	return out
}

// parseIdentity accepts "Global" or "Tag:<name>" (name 1..64 characters:
// letters, digits, spaces and - _ . ( ) ) and returns the canonical form.
func parseIdentity(raw string) (string, *apiError) {
	if strings.EqualFold(raw, "Global") {
		return "Global", nil
	}
	if len(raw) < 4 || !strings.EqualFold(raw[:4], "tag:") {
		return "", badRequest("Identity '%s' is not valid: use 'Global' or 'Tag:<name>'.", raw)
	}
	name := raw[4:]
	n := len([]rune(name))
	if n == 0 || n > 64 {
		return "", badRequest("Identity '%s' is not valid: the name must have 1 to 64 characters.", raw)
	}
	if strings.TrimSpace(name) != name {
		return "", badRequest("Identity '%s' is not valid: the name cannot start or end with a space.", raw)
	}
	for _, c := range name {
		if unicode.IsLetter(c) || unicode.IsDigit(c) || strings.ContainsRune(" -_.()", c) {
			continue
		}
		return "", badRequest("Identity '%s' is not valid: the name cannot contain the character '%c'.", raw, c)
	}
	return "Tag:" + name, nil
}

// popIdentity removes Identity (any case) from body.
func popIdentity(body map[string]any) (string, bool) {
	for k, v := range body {
		if strings.EqualFold(k, "Identity") {
			delete(body, k)
			s, _ := v.(string)
			return s, true
		}
	}
	return "", false
}

// readJSONObject reads a JSON object body, numbers kept exact.
func readJSONObject(r *http.Request) (map[string]any, *apiError) {
	b, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	if err != nil {
		return nil, badRequest("reading the body failed: %v", err)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var body map[string]any
	if err := dec.Decode(&body); err != nil || body == nil {
		return nil, badRequest("The request body must be a JSON object of parameters.")
	}
	if dec.More() {
		return nil, badRequest("The request body must hold a single JSON object.")
	}
	return body, nil
}

// pathSegments splits the escaped path after prefix and unescapes each
// segment, so an Identity may hold an escaped '/' or space.
func pathSegments(r *http.Request, prefix string) ([]string, error) {
	p := strings.TrimPrefix(r.URL.EscapedPath(), prefix)
	p = strings.Trim(p, "/")
	parts := strings.Split(p, "/")
	for i, s := range parts {
		u, err := url.PathUnescape(s)
		if err != nil {
			return nil, err
		}
		parts[i] = u
	}
	return parts, nil
}

// SetTeamsParams changes an instance out of band (drift), validated as a PUT.
func (s *Simulator) SetTeamsParams(policyType, identity string, params map[string]any) error {
	spec := teamsTypes[policyType]
	if spec == nil {
		return fmt.Errorf("tenantsim: unknown Teams configuration type %q", policyType)
	}
	id, e := parseIdentity(identity)
	if e != nil {
		return e
	}
	coll := teamsCollection(policyType)
	data, ok := s.store.get(coll, id, false)
	if !ok {
		return notFound(spec, id)
	}
	body := deepCopyMap(params)
	if raw, ok := popIdentity(body); ok && !strings.EqualFold(raw, id) {
		return badRequest("Identity %q does not match %q", raw, id)
	}
	if _, e := spec.applyParams(data, body); e != nil {
		return e
	}
	return s.store.put(coll, id, data, nil)
}

// TeamsInstance returns a copy of an instance's parameters and Identity, as
// stored (no lag, no XDS metadata).
func (s *Simulator) TeamsInstance(policyType, identity string) (map[string]any, bool) {
	if teamsTypes[policyType] == nil {
		return nil, false
	}
	id, e := parseIdentity(identity)
	if e != nil {
		return nil, false
	}
	return s.store.get(teamsCollection(policyType), id, false)
}
