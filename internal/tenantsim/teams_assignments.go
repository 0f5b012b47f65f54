package tenantsim

import (
	"fmt"
	"net/http"
	"regexp"
	"sort"
	"strings"
	"time"
)

// Policy assignment on the Teams admin surface. ASSIGNMENTS.md states the
// endpoints, bodies and answers, and the evidence for each; in short:
//
//	GET    /Skype.Policy/groupPolicyAssignments[?PolicyType=T]          all group assignments
//	POST   /Skype.Policy/groupPolicyAssignments                         {"policyType","policyName","groupId","priority"} (assumed)
//	GET    /Skype.Policy/groupPolicyAssignments/{GroupId}               one group's assignments
//	GET    /Skype.Policy/groupPolicyAssignments/{GroupId}/policyTypes/{T}
//	PUT    /Skype.Policy/groupPolicyAssignments/{GroupId}/policyTypes/{T}  {"policyName","priority"} creates (or replaces)
//	PATCH  /Skype.Policy/groupPolicyAssignments/{GroupId}/policyTypes/{T}  {"policyName","priority"} changes; 404 if none
//	DELETE /Skype.Policy/groupPolicyAssignments/{GroupId}/policyTypes/{T}
//	GET    /Skype.Policy/tenants/policies[/{T}]                         tenant-wide default (Grant -Global)
//	PATCH  /Skype.Policy/tenants/policies/{T}                           {"PolicyName"} (PUT too)
//
// Semantics from Microsoft's New/Set/Get/Remove-CsGroupPolicyAssignment
// pages: one assignment per group and policy type; ranks per policy type are
// 1..n with 1 the highest; a new assignment goes to the rank it asks for
// (any number, converted to a position; none = last) and pushes the ones at
// and below it down; removal closes the gap; at most 64 groups per policy
// type; TeamsAppPermissionPolicy cannot be group-assigned.
//
// Wire shape: the MicrosoftTeams module's AutoRest assembly (1.1.4,
// Microsoft.Teams.Config.private.dll, public in Toanan/M365Factory) creates
// with PUT (GroupNewPolicyAssignment) and changes with PATCH
// (GroupSetPolicyAssignment) on the item path; its request model
// GroupAssignPayload has exactly "policyName" and "priority" and its answer
// model GroupAssignment "createdBy, createdTime, groupId, policyName,
// policyType, priority". So a PATCH to a missing assignment is refused
// (404), "Rank" in a body is an unknown parameter, and answers are camelCase.
// Whether the real service answers a PATCH-create with 404 or another 4xx is
// not public; 404 is what the item route answers for a missing assignment.
// The POST to the collection has no public evidence; it is kept for clients
// of an older generation and takes the same camelCase keys.

const (
	groupAssignColl     = "teams/groupPolicyAssignments"  // one object per policy type: {"PolicyType", "Assignments": [...] in rank order}
	globalAssignColl    = "teams/globalPolicyAssignments" // one object per policy type with a non-Global tenant default
	maxGroupAssignments = 64                              // doc: "at most 64 groups" per policy type
)

var guidPattern = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)

// groupAssignment is one group policy assignment; Rank is its position.
type groupAssignment struct {
	GroupID, PolicyType, PolicyName string
	Rank                            int
	CreatedTime, CreatedBy          string
}

func (a groupAssignment) wire() map[string]any {
	return map[string]any{
		"groupId":     a.GroupID,
		"policyType":  a.PolicyType,
		"policyName":  a.PolicyName,
		"priority":    int64(a.Rank),
		"createdTime": a.CreatedTime,
		"createdBy":   a.CreatedBy,
	}
}

// decodeAssignments reads a stored per-type object; ranks follow the order.
func decodeAssignments(data map[string]any) []groupAssignment {
	raw, _ := data["Assignments"].([]any)
	out := make([]groupAssignment, 0, len(raw))
	for _, e := range raw {
		m, _ := e.(map[string]any)
		str := func(k string) string { v, _ := m[k].(string); return v }
		out = append(out, groupAssignment{
			GroupID: str("groupId"), PolicyType: str("policyType"), PolicyName: str("policyName"),
			CreatedTime: str("createdTime"), CreatedBy: str("createdBy"),
		})
	}
	for i := range out {
		out[i].Rank = i + 1
	}
	return out
}

func encodeAssignments(policyType string, list []groupAssignment) map[string]any {
	arr := make([]any, 0, len(list))
	for i, a := range list {
		a.Rank = i + 1
		arr = append(arr, a.wire())
	}
	return map[string]any{"PolicyType": policyType, "Assignments": arr}
}

// assignableType resolves a policy type name (any case) that can be
// assigned; group=true also refuses the types group assignment excludes.
func assignableType(name string, group bool) (*typeSpec, *apiError) {
	var spec *typeSpec
	for n, t := range teamsTypes {
		if strings.EqualFold(n, name) {
			spec = t
		}
	}
	if spec == nil {
		return nil, badRequest("'%s' is not a valid policy type. Policy types this tenant can assign: %s.", name, strings.Join(assignableTypeNames(group), ", "))
	}
	if spec.Singleton {
		return nil, badRequest("'%s' is a tenant-wide configuration, not a policy type: it cannot be assigned.", spec.Name)
	}
	if group && spec.AppCentric {
		return nil, badRequest("Group policy assignment is not supported for the policy type '%s'.", spec.Name)
	}
	return spec, nil
}

func assignableTypeNames(group bool) []string {
	var out []string
	for n, t := range teamsTypes {
		if !t.Singleton && !(group && t.AppCentric) {
			out = append(out, n)
		}
	}
	sort.Strings(out)
	return out
}

// resolvePolicyName finds the instance a PolicyName names ("X" or "Tag:X",
// any case) and returns its bare name as the service prints it ("X");
// "Global" is returned as is.
func (s *Simulator) resolvePolicyName(spec *typeSpec, name string) (string, *apiError) {
	name = strings.TrimSpace(name)
	if strings.EqualFold(name, "Global") {
		return "Global", nil
	}
	bare := name
	if len(bare) >= 4 && strings.EqualFold(bare[:4], "tag:") {
		bare = bare[4:]
	}
	if bare == "" {
		return "", badRequest("PolicyName must name a %s.", spec.Name)
	}
	data, ok := s.store.get(teamsCollection(spec.Name), "Tag:"+bare, false)
	if !ok {
		return "", badRequest("Cannot find the %s 'Tag:%s' to assign. Create the policy first.", spec.Name, bare)
	}
	id, _ := data["Identity"].(string)
	return strings.TrimPrefix(id, "Tag:"), nil
}

func parseGroupID(raw string) (string, *apiError) {
	if !guidPattern.MatchString(strings.TrimSpace(raw)) {
		return "", badRequest("GroupId '%s' is not valid: use the group's object id (a GUID).", raw)
	}
	return strings.ToLower(strings.TrimSpace(raw)), nil
}

// assignBody reads an assignment body: keys are matched without case,
// unknown keys are refused.
type assignBody struct {
	PolicyType, PolicyName, GroupID *string
	policyNameNull                  bool
	Rank                            *int64
}

func readAssignBody(r *http.Request, allowed ...string) (*assignBody, *apiError) {
	body, e := readJSONObject(r)
	if e != nil {
		return nil, e
	}
	return parseAssignBody(body, allowed...)
}

func parseAssignBody(body map[string]any, allowed ...string) (*assignBody, *apiError) {
	out := &assignBody{}
	names := make([]string, 0, len(body))
	for k := range body {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		v := body[k]
		name := ""
		for _, a := range allowed {
			if strings.EqualFold(a, k) {
				name = a
			}
		}
		if name == "" {
			return nil, badRequest("A parameter cannot be found that matches parameter name '%s'. This request accepts: %s.", k, strings.Join(allowed, ", "))
		}
		if name == "Priority" {
			if v == nil {
				continue
			}
			n, ok := toInt64(v)
			if !ok {
				return nil, badRequest("Cannot convert value '%s' to type 'System.Int32' for parameter 'Priority'.", jsonText(v))
			}
			if n < 1 {
				return nil, badRequest("Cannot validate argument on parameter 'Priority'. The argument %d is less than the minimum allowed range of 1.", n)
			}
			out.Rank = &n
			continue
		}
		if v == nil {
			if name == "PolicyName" {
				out.policyNameNull = true
			}
			continue
		}
		str, ok := v.(string)
		if !ok {
			return nil, badRequest("Cannot convert value '%s' to type 'System.String' for parameter '%s'.", jsonText(v), name)
		}
		switch name {
		case "PolicyType":
			out.PolicyType = &str
		case "PolicyName":
			out.PolicyName = &str
		case "GroupId":
			out.GroupID = &str
		}
	}
	return out, nil
}

func (s *Simulator) serveAssignments(w http.ResponseWriter, r *http.Request, claims *accessClaims, segs []string, rel string, fail func(*apiError)) {
	lag := func() *lagSpec { return s.faults.lagFor(surfaceTeams, r.Method, rel, r.URL.Path) }
	createdBy := ""
	if claims != nil {
		createdBy = claims.OID
	}
	notAllowed := func(methods string) { fail(&apiError{405, "MethodNotAllowed", "Use " + methods + " on " + rel + "."}) }

	if segs[0] == "tenants" { // tenants/policies[/{T}]
		switch len(segs) {
		case 2:
			if r.Method != http.MethodGet {
				notAllowed("GET")
				return
			}
			out := []map[string]any{}
			for _, t := range assignableTypeNames(false) {
				out = append(out, map[string]any{"PolicyType": t, "PolicyName": s.globalAssignment(t, true)})
			}
			writeJSON(w, 200, out)
		case 3:
			spec, e := assignableType(segs[2], false)
			if e != nil {
				fail(e)
				return
			}
			switch r.Method {
			case http.MethodGet:
				writeJSON(w, 200, map[string]any{"PolicyType": spec.Name, "PolicyName": s.globalAssignment(spec.Name, true)})
			case http.MethodPatch, http.MethodPut:
				b, e := readAssignBody(r, "PolicyName", "PolicyType")
				if e != nil {
					fail(e)
					return
				}
				if b.PolicyType != nil && !strings.EqualFold(*b.PolicyType, spec.Name) {
					fail(badRequest("The PolicyType in the body ('%s') does not match the one in the path ('%s').", *b.PolicyType, spec.Name))
					return
				}
				name := ""
				if b.PolicyName != nil {
					name = *b.PolicyName
				} else if !b.policyNameNull {
					fail(badRequest("The request body must contain 'PolicyName' (a policy name, or null or \"Global\" to fall back to the Global policy)."))
					return
				}
				out, e := s.setGlobalAssignment(spec, name, lag())
				if e != nil {
					fail(e)
					return
				}
				addWarnings(w, s.typeWarnings(spec))
				writeJSON(w, 200, out)
			default:
				notAllowed("GET or PATCH")
			}
		default:
			fail(&apiError{404, "NotFound", "No ConfigAPI route matches " + rel + "."})
		}
		return
	}

	// groupPolicyAssignments...
	switch {
	case len(segs) == 1:
		switch r.Method {
		case http.MethodGet:
			filter := ""
			for k, v := range r.URL.Query() {
				if strings.EqualFold(k, "PolicyType") && len(v) > 0 {
					filter = v[0]
				}
			}
			if filter != "" {
				spec, e := assignableType(filter, true)
				if e != nil {
					fail(e)
					return
				}
				filter = spec.Name
			}
			writeJSON(w, 200, s.groupAssignments(filter, "", true))
		case http.MethodPost:
			b, e := readAssignBody(r, "PolicyType", "PolicyName", "GroupId", "Priority")
			if e != nil {
				fail(e)
				return
			}
			for _, req := range []struct {
				name string
				v    *string
			}{{"PolicyType", b.PolicyType}, {"PolicyName", b.PolicyName}, {"GroupId", b.GroupID}} {
				if req.v == nil {
					fail(badRequest("The request body must contain '%s'.", req.name))
					return
				}
			}
			spec, e := assignableType(*b.PolicyType, true)
			if e != nil {
				fail(e)
				return
			}
			group, e := parseGroupID(*b.GroupID)
			if e != nil {
				fail(e)
				return
			}
			out, status, e := s.upsertGroupAssignment(spec, group, b.PolicyName, b.Rank, assignNew, createdBy, lag())
			if e != nil {
				fail(e)
				return
			}
			writeJSON(w, status, out)
		default:
			notAllowed("GET or POST")
		}
	case len(segs) == 2:
		if r.Method != http.MethodGet {
			notAllowed("GET")
			return
		}
		group, e := parseGroupID(segs[1])
		if e != nil {
			fail(e)
			return
		}
		writeJSON(w, 200, s.groupAssignments("", group, true))
	case len(segs) == 4 && segs[2] == "policyTypes":
		group, e := parseGroupID(segs[1])
		if e != nil {
			fail(e)
			return
		}
		spec, e := assignableType(segs[3], true)
		if e != nil {
			fail(e)
			return
		}
		switch r.Method {
		case http.MethodGet:
			list := s.groupAssignments(spec.Name, group, true)
			if len(list) == 0 {
				fail(assignmentNotFound(spec.Name, group))
				return
			}
			writeJSON(w, 200, list[0])
		case http.MethodPatch, http.MethodPut:
			b, e := readAssignBody(r, "PolicyName", "Priority", "PolicyType", "GroupId")
			if e != nil {
				fail(e)
				return
			}
			if b.PolicyType != nil && !strings.EqualFold(*b.PolicyType, spec.Name) {
				fail(badRequest("The PolicyType in the body ('%s') does not match the one in the path ('%s').", *b.PolicyType, spec.Name))
				return
			}
			if b.GroupID != nil && !strings.EqualFold(strings.TrimSpace(*b.GroupID), group) {
				fail(badRequest("The GroupId in the body ('%s') does not match the one in the path ('%s').", *b.GroupID, group))
				return
			}
			if b.policyNameNull {
				fail(badRequest("PolicyName cannot be null: remove the assignment with DELETE instead."))
				return
			}
			mode := assignUpsert // PUT: GroupNewPolicyAssignment
			if r.Method == http.MethodPatch {
				mode = assignUpdate // PATCH: GroupSetPolicyAssignment changes an existing one
			}
			out, status, e := s.upsertGroupAssignment(spec, group, b.PolicyName, b.Rank, mode, createdBy, lag())
			if e != nil {
				fail(e)
				return
			}
			writeJSON(w, status, out)
		case http.MethodDelete:
			found, e := s.deleteGroupAssignment(spec.Name, group, lag())
			if e != nil {
				fail(e)
				return
			}
			if !found {
				fail(assignmentNotFound(spec.Name, group))
				return
			}
			w.WriteHeader(http.StatusNoContent)
		default:
			notAllowed("GET, PATCH, PUT or DELETE")
		}
	default:
		fail(&apiError{404, "NotFound", "No ConfigAPI route matches " + rel + "."})
	}
}

func assignmentNotFound(policyType, group string) *apiError {
	return &apiError{404, "NotFound", fmt.Sprintf("The group '%s' has no %s assignment.", group, policyType)}
}

// groupAssignments lists assignments ordered by policy type then rank;
// policyType and group ("" = any) filter.
func (s *Simulator) groupAssignments(policyType, group string, lagging bool) []map[string]any {
	var objs []map[string]any
	if policyType != "" {
		if d, ok := s.store.get(groupAssignColl, policyType, lagging); ok {
			objs = append(objs, d)
		}
	} else {
		objs = s.store.list(groupAssignColl, lagging)
		sort.Slice(objs, func(i, j int) bool { return fmt.Sprint(objs[i]["PolicyType"]) < fmt.Sprint(objs[j]["PolicyType"]) })
	}
	out := []map[string]any{}
	for _, d := range objs {
		for _, a := range decodeAssignments(d) {
			if group == "" || strings.EqualFold(a.GroupID, group) {
				out = append(out, a.wire())
			}
		}
	}
	return out
}

// assignMode is what a write may do: create only (POST), create or change
// (PUT), change only (PATCH).
type assignMode int

const (
	assignNew assignMode = iota
	assignUpsert
	assignUpdate
)

// upsertGroupAssignment creates or updates the assignment of spec for group,
// as mode allows. It returns the assignment and 201 (created) or 200.
func (s *Simulator) upsertGroupAssignment(spec *typeSpec, group string, policyName *string, rank *int64, mode assignMode, createdBy string, lag *lagSpec) (map[string]any, int, *apiError) {
	s.assignMu.Lock()
	defer s.assignMu.Unlock()
	var name string
	if policyName != nil {
		n, e := s.resolvePolicyName(spec, *policyName)
		if e != nil {
			return nil, 0, e
		}
		if n == "Global" {
			return nil, 0, badRequest("The Global %s cannot be assigned to a group: assign a Tag: policy, or remove the group assignment to fall back to the tenant default.", spec.Name)
		}
		name = n
	}
	var list []groupAssignment
	if d, ok := s.store.get(groupAssignColl, spec.Name, false); ok {
		list = decodeAssignments(d)
	}
	idx := -1
	for i, a := range list {
		if strings.EqualFold(a.GroupID, group) {
			idx = i
		}
	}
	status := http.StatusOK
	var a groupAssignment
	switch {
	case idx < 0 && mode == assignUpdate:
		return nil, 0, assignmentNotFound(spec.Name, group)
	case idx < 0:
		if policyName == nil {
			return nil, 0, badRequest("The request body must contain 'policyName' to create an assignment.")
		}
		if len(list) >= maxGroupAssignments {
			return nil, 0, badRequest("The policy type %s is already assigned to %d groups, the maximum.", spec.Name, maxGroupAssignments)
		}
		a = groupAssignment{GroupID: group, PolicyType: spec.Name, PolicyName: name,
			CreatedTime: time.Now().UTC().Format(time.RFC3339), CreatedBy: createdBy}
		status = http.StatusCreated
	case mode == assignNew:
		return nil, 0, &apiError{409, "Conflict", fmt.Sprintf("The group '%s' already has a %s assignment (%s, priority %d). Update it with PATCH .../groupPolicyAssignments/%s/policyTypes/%s or remove it first.",
			group, spec.Name, list[idx].PolicyName, idx+1, group, spec.Name)}
	default:
		a = list[idx]
		if policyName != nil {
			a.PolicyName = name
		}
		list = append(list[:idx:idx], list[idx+1:]...)
	}
	pos := len(list)
	if rank != nil && *rank-1 < int64(len(list)) {
		pos = int(*rank - 1)
	} else if rank == nil && idx >= 0 {
		pos = idx // keep the old position
	}
	list = append(list[:pos], append([]groupAssignment{a}, list[pos:]...)...)
	if err := s.store.put(groupAssignColl, spec.Name, encodeAssignments(spec.Name, list), lag); err != nil {
		return nil, 0, &apiError{500, "InternalServerError", "saving the tenant failed: " + err.Error()}
	}
	a.Rank = pos + 1
	return a.wire(), status, nil
}

// deleteGroupAssignment removes spec's assignment for group; lower-ranked
// assignments move up.
func (s *Simulator) deleteGroupAssignment(policyType, group string, lag *lagSpec) (bool, *apiError) {
	s.assignMu.Lock()
	defer s.assignMu.Unlock()
	d, ok := s.store.get(groupAssignColl, policyType, false)
	if !ok {
		return false, nil
	}
	list := decodeAssignments(d)
	for i, a := range list {
		if strings.EqualFold(a.GroupID, group) {
			list = append(list[:i:i], list[i+1:]...)
			if err := s.store.put(groupAssignColl, policyType, encodeAssignments(policyType, list), lag); err != nil {
				return false, &apiError{500, "InternalServerError", "saving the tenant failed: " + err.Error()}
			}
			return true, nil
		}
	}
	return false, nil
}

// globalAssignment is the tenant-wide default of policyType: a bare policy
// name, or "Global" when none was granted.
func (s *Simulator) globalAssignment(policyType string, lagging bool) string {
	if d, ok := s.store.get(globalAssignColl, policyType, lagging); ok {
		if n, _ := d["PolicyName"].(string); n != "" {
			return n
		}
	}
	return "Global"
}

// setGlobalAssignment grants name ("" or "Global" = back to Global) to the
// whole tenant.
func (s *Simulator) setGlobalAssignment(spec *typeSpec, name string, lag *lagSpec) (map[string]any, *apiError) {
	s.assignMu.Lock()
	defer s.assignMu.Unlock()
	resolved := "Global"
	if strings.TrimSpace(name) != "" {
		n, e := s.resolvePolicyName(spec, name)
		if e != nil {
			return nil, e
		}
		resolved = n
	}
	var err error
	if resolved == "Global" {
		_, err = s.store.remove(globalAssignColl, spec.Name, lag)
	} else {
		err = s.store.put(globalAssignColl, spec.Name, map[string]any{"PolicyType": spec.Name, "PolicyName": resolved}, lag)
	}
	if err != nil {
		return nil, &apiError{500, "InternalServerError", "saving the tenant failed: " + err.Error()}
	}
	return map[string]any{"PolicyType": spec.Name, "PolicyName": resolved}, nil
}

// GroupAssignments returns the group policy assignments of policyType ("" =
// every type) in rank order, as GET /Skype.Policy/groupPolicyAssignments
// shows them (groupId, policyType, policyName, priority, createdTime,
// createdBy), without read lag.
func (s *Simulator) GroupAssignments(policyType string) []map[string]any {
	if policyType != "" {
		spec, e := assignableType(policyType, true)
		if e != nil {
			return []map[string]any{}
		}
		policyType = spec.Name
	}
	return s.groupAssignments(policyType, "", false)
}

// AssignGroupPolicy creates or changes a group assignment out of band
// (drift), validated as the REST call is; rank 0 keeps the position (or
// appends a new assignment).
func (s *Simulator) AssignGroupPolicy(policyType, groupID, policyName string, rank int) error {
	spec, e := assignableType(policyType, true)
	if e != nil {
		return e
	}
	group, e := parseGroupID(groupID)
	if e != nil {
		return e
	}
	var rp *int64
	if rank > 0 {
		r := int64(rank)
		rp = &r
	}
	if _, _, e := s.upsertGroupAssignment(spec, group, &policyName, rp, assignUpsert, "tenantsim", nil); e != nil {
		return e
	}
	return nil
}

// RemoveGroupAssignment deletes a group assignment out of band; false if
// there was none.
func (s *Simulator) RemoveGroupAssignment(policyType, groupID string) (bool, error) {
	spec, e := assignableType(policyType, true)
	if e != nil {
		return false, e
	}
	group, e := parseGroupID(groupID)
	if e != nil {
		return false, e
	}
	found, e := s.deleteGroupAssignment(spec.Name, group, nil)
	if e != nil {
		return false, e
	}
	return found, nil
}

// GlobalPolicyAssignment returns the tenant-wide default policy of
// policyType (what Grant-Cs<Type> -Global set): a bare policy name, or
// "Global".
func (s *Simulator) GlobalPolicyAssignment(policyType string) string {
	spec, e := assignableType(policyType, false)
	if e != nil {
		return ""
	}
	return s.globalAssignment(spec.Name, false)
}

// SetGlobalPolicyAssignment changes the tenant-wide default out of band
// ("" or "Global" = back to the Global policy).
func (s *Simulator) SetGlobalPolicyAssignment(policyType, policyName string) error {
	spec, e := assignableType(policyType, false)
	if e != nil {
		return e
	}
	if _, e := s.setGlobalAssignment(spec, policyName, nil); e != nil {
		return e
	}
	return nil
}
