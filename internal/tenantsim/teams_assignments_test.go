package tenantsim

import (
	"fmt"
	"strings"
	"testing"
)

func createMeetingPolicies(t *testing.T, tc *teamsClient, names ...string) {
	t.Helper()
	for _, n := range names {
		mustStatus(t, tc.do("POST", meetingPath, map[string]any{"Identity": "Tag:" + n}), 201, "create "+n)
	}
}

func ranks(list []map[string]any) string {
	var parts []string
	for _, a := range list {
		parts = append(parts, fmt.Sprintf("%v=%v:%v", a["groupId"].(string)[:4], a["policyName"], a["priority"]))
	}
	return strings.Join(parts, " ")
}

func TestTeamsGroupAssignments(t *testing.T) {
	s, tc := teamsSetup(t)
	createMeetingPolicies(t, tc, "Alpha", "Bravo", "Charlie")
	oid := jwtClaims(t, tc.token)["oid"]

	a := mustStatus(t, tc.do("POST", assignPath, map[string]any{"PolicyType": "TeamsMeetingPolicy", "PolicyName": "Alpha", "GroupId": groupA, "priority": 1}), 201, "POST A").json(t)
	if a["groupId"] != groupA || a["policyType"] != "TeamsMeetingPolicy" || a["policyName"] != "Alpha" || a["priority"] != float64(1) || a["createdBy"] != oid || a["createdTime"] == "" {
		t.Errorf("created %v", a)
	}
	// No rank: last. Upper-case GUID and a Tag: name are normalised.
	b := mustStatus(t, tc.do("POST", assignPath, map[string]any{"PolicyType": "teamsmeetingpolicy", "PolicyName": "tag:bravo", "GroupId": strings.ToUpper(groupB)}), 201, "POST B").json(t)
	if b["priority"] != float64(2) || b["policyName"] != "Bravo" || b["groupId"] != groupB {
		t.Errorf("B %v", b)
	}
	// Insert at rank 1: the others move down.
	mustStatus(t, tc.do("POST", assignPath, map[string]any{"PolicyType": "TeamsMeetingPolicy", "PolicyName": "Charlie", "GroupId": groupC, "priority": 1}), 201, "POST C")
	list := mustStatus(t, tc.do("GET", assignPath+"?PolicyType=TeamsMeetingPolicy", nil), 200, "list").array(t)
	if got := ranks(list); got != "e050=Charlie:1 d8eb=Alpha:2 566b=Bravo:3" {
		t.Errorf("after insert: %s", got)
	}
	r := mustStatus(t, tc.do("POST", assignPath, map[string]any{"PolicyType": "TeamsMeetingPolicy", "PolicyName": "Bravo", "GroupId": groupA}), 409, "second assignment of a type")
	if msg := errorMessage(t, r); !strings.Contains(msg, groupA) {
		t.Errorf("409 message %q", msg)
	}
	// One group, all types; one assignment.
	if g := mustStatus(t, tc.do("GET", assignPath+"/"+groupA, nil), 200, "group").array(t); len(g) != 1 || g[0]["priority"] != float64(2) {
		t.Errorf("group A: %v", g)
	}
	one := mustStatus(t, tc.do("GET", assignPath+"/"+groupA+"/policyTypes/TeamsMeetingPolicy", nil), 200, "one").json(t)
	if one["policyName"] != "Alpha" || one["priority"] != float64(2) {
		t.Errorf("one %v", one)
	}
	// Set-CsGroupPolicyAssignment: move B to rank 1, then rename without moving.
	mustStatus(t, tc.do("PATCH", assignPath+"/"+groupB+"/policyTypes/TeamsMeetingPolicy", map[string]any{"priority": 1}), 200, "move")
	mustStatus(t, tc.do("PATCH", assignPath+"/"+groupB+"/policyTypes/TeamsMeetingPolicy", map[string]any{"PolicyName": "Alpha"}), 200, "rename")
	if got := ranks(s.GroupAssignments("TeamsMeetingPolicy")); got != "566b=Alpha:1 e050=Charlie:2 d8eb=Alpha:3" {
		t.Errorf("after move+rename: %s", got)
	}
	// New-CsGroupPolicyAssignment: PUT creates, PATCH to a missing one is refused; a rank past the end is last.
	mustStatus(t, tc.do("PATCH", assignPath+"/"+groupD+"/policyTypes/TeamsMeetingPolicy", map[string]any{"policyName": "Tag:Charlie", "priority": 99}), 404, "PATCH create")
	d := mustStatus(t, tc.do("PUT", assignPath+"/"+groupD+"/policyTypes/TeamsMeetingPolicy", map[string]any{"policyName": "Tag:Charlie", "priority": 99}), 201, "PUT create").json(t)
	if d["priority"] != float64(4) {
		t.Errorf("rank 99 became %v", d["priority"])
	}
	// Remove closes the gap.
	mustStatus(t, tc.do("DELETE", assignPath+"/"+groupC+"/policyTypes/TeamsMeetingPolicy", nil), 204, "delete")
	mustStatus(t, tc.do("DELETE", assignPath+"/"+groupC+"/policyTypes/TeamsMeetingPolicy", nil), 404, "delete again")
	mustStatus(t, tc.do("GET", assignPath+"/"+groupC+"/policyTypes/TeamsMeetingPolicy", nil), 404, "get deleted")
	if got := ranks(s.GroupAssignments("TeamsMeetingPolicy")); got != "566b=Alpha:1 d8eb=Alpha:2 19c4=Charlie:3" {
		t.Errorf("after delete: %s", got)
	}
	// Other types rank separately; the full list is ordered by type, then rank.
	mustStatus(t, tc.do("POST", typePath("TeamsMessagingPolicy"), map[string]any{"Identity": "Tag:Clinical"}), 201, "messaging policy")
	m := mustStatus(t, tc.do("POST", assignPath, map[string]any{"PolicyType": "TeamsMessagingPolicy", "PolicyName": "Clinical", "GroupId": groupA, "priority": 5}), 201, "messaging assignment").json(t)
	if m["priority"] != float64(1) {
		t.Errorf("messaging rank %v", m["priority"])
	}
	all := tc.do("GET", assignPath, nil).array(t)
	if len(all) != 4 || all[0]["policyType"] != "TeamsMeetingPolicy" || all[3]["policyType"] != "TeamsMessagingPolicy" {
		t.Errorf("all: %v", all)
	}
	// Control API view.
	cr := call(t, s.HTTPClient(), "GET", s.URL()+"/_sim/teams/groupPolicyAssignments?policyType=TeamsMessagingPolicy", "", nil, nil)
	if cr.status != 200 || len(cr.array(t)) != 1 {
		t.Errorf("control view: %d %s", cr.status, cr.body)
	}
	// Go helpers: drift.
	if err := s.AssignGroupPolicy("TeamsMeetingPolicy", groupC, "Bravo", 1); err != nil {
		t.Fatal(err)
	}
	if got := tc.do("GET", assignPath+"/"+groupC+"/policyTypes/TeamsMeetingPolicy", nil).json(t); got["priority"] != float64(1) || got["policyName"] != "Bravo" {
		t.Errorf("drift not visible: %v", got)
	}
	if found, err := s.RemoveGroupAssignment("TeamsMeetingPolicy", groupC); err != nil || !found {
		t.Errorf("RemoveGroupAssignment: %v %v", found, err)
	}
	if err := s.AssignGroupPolicy("TeamsMeetingPolicy", groupC, "Missing", 0); err == nil {
		t.Error("drift to a missing policy accepted")
	}
}

func TestTeamsGroupAssignmentValidation(t *testing.T) {
	s, tc := teamsSetup(t)
	createMeetingPolicies(t, tc, "Alpha")
	mustStatus(t, tc.do("POST", typePath("TeamsAppPermissionPolicy"), map[string]any{"Identity": "Tag:Apps"}), 201, "app policy")
	body := func(kv ...any) map[string]any {
		m := map[string]any{"PolicyType": "TeamsMeetingPolicy", "PolicyName": "Alpha", "GroupId": groupA}
		for i := 0; i < len(kv); i += 2 {
			if kv[i+1] == "-" {
				delete(m, kv[i].(string))
			} else {
				m[kv[i].(string)] = kv[i+1]
			}
		}
		return m
	}
	cases := []struct {
		name, method, path string
		body               any
		status             int
		mentions           []string
	}{
		{"unknown policy type", "POST", assignPath, body("PolicyType", "TeamsFaxPolicy"), 400, []string{"TeamsFaxPolicy", "TeamsMeetingPolicy"}},
		{"singleton type", "POST", assignPath, body("PolicyType", "TenantFederationSettings"), 400, []string{"TenantFederationSettings"}},
		{"app permission by group", "POST", assignPath, body("PolicyType", "TeamsAppPermissionPolicy", "PolicyName", "Apps"), 400, []string{"not supported", "TeamsAppPermissionPolicy"}},
		{"missing policy", "POST", assignPath, body("PolicyName", "Nope"), 400, []string{"Tag:Nope"}},
		{"Global to a group", "POST", assignPath, body("PolicyName", "Global"), 400, []string{"Global"}},
		{"group not a GUID", "POST", assignPath, body("GroupId", "sales@contoso.com"), 400, []string{"GroupId", "sales@contoso.com"}},
		{"rank 0", "POST", assignPath, body("priority", 0), 400, []string{"Priority"}},
		{"rank as string", "POST", assignPath, body("priority", "1"), 400, []string{"Priority"}},
		{"rank fractional", "POST", assignPath, body("priority", 1.5), 400, []string{"Priority"}},
		{"Rank is not a wire field", "PUT", assignPath + "/" + groupA + "/policyTypes/TeamsMeetingPolicy", map[string]any{"policyName": "Alpha", "Rank": 1}, 400, []string{"Rank"}},
		{"missing PolicyType", "POST", assignPath, body("PolicyType", "-"), 400, []string{"PolicyType"}},
		{"missing GroupId", "POST", assignPath, body("GroupId", "-"), 400, []string{"GroupId"}},
		{"name not a string", "POST", assignPath, body("PolicyName", 7), 400, []string{"PolicyName"}},
		{"not an object", "POST", assignPath, "[]", 400, nil},
		{"bad group in path", "GET", assignPath + "/not-a-guid", nil, 400, []string{"not-a-guid"}},
		{"bad type in path", "GET", assignPath + "/" + groupA + "/policyTypes/TeamsFaxPolicy", nil, 400, []string{"TeamsFaxPolicy"}},
		{"bad filter", "GET", assignPath + "?PolicyType=TeamsFaxPolicy", nil, 400, []string{"TeamsFaxPolicy"}},
		{"PUT create without name", "PUT", assignPath + "/" + groupA + "/policyTypes/TeamsMeetingPolicy", map[string]any{"priority": 1}, 400, []string{"policyName"}},
		{"PATCH to a missing assignment", "PATCH", assignPath + "/" + groupA + "/policyTypes/TeamsMeetingPolicy", map[string]any{"policyName": "Alpha", "priority": 1}, 404, []string{groupA, "no TeamsMeetingPolicy assignment"}},
		{"PATCH mismatched type", "PATCH", assignPath + "/" + groupA + "/policyTypes/TeamsMeetingPolicy", map[string]any{"PolicyName": "Alpha", "PolicyType": "TeamsMessagingPolicy"}, 400, []string{"TeamsMessagingPolicy"}},
		{"PATCH null name", "PATCH", assignPath + "/" + groupA + "/policyTypes/TeamsMeetingPolicy", map[string]any{"PolicyName": nil}, 400, []string{"PolicyName"}},
		{"PATCH missing assignment policy", "PATCH", assignPath + "/" + groupA + "/policyTypes/TeamsMeetingPolicy", map[string]any{"PolicyName": "Nope"}, 400, []string{"Nope"}},
		{"method on collection", "DELETE", assignPath, nil, 405, nil},
		{"unknown route", "GET", assignPath + "/" + groupA + "/other/TeamsMeetingPolicy", nil, 404, nil},
		{"global: unknown type", "GET", globalPath + "/TeamsFaxPolicy", nil, 400, []string{"TeamsFaxPolicy"}},
		{"global: singleton", "PATCH", globalPath + "/TeamsClientConfiguration", map[string]any{"PolicyName": "X"}, 400, []string{"TeamsClientConfiguration"}},
		{"global: missing policy", "PATCH", globalPath + "/TeamsMeetingPolicy", map[string]any{"PolicyName": "Tag:Missing"}, 400, []string{"Tag:Missing"}},
		{"global: mismatched type", "PATCH", globalPath + "/TeamsMeetingPolicy", map[string]any{"PolicyType": "TeamsMessagingPolicy", "PolicyName": "Alpha"}, 400, []string{"TeamsMessagingPolicy"}},
		{"global: no name", "PATCH", globalPath + "/TeamsMeetingPolicy", map[string]any{}, 400, []string{"PolicyName"}},
		{"global: unknown field", "PATCH", globalPath + "/TeamsMeetingPolicy", map[string]any{"PolicyName": "Alpha", "Rank": 1}, 400, []string{"Rank"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := mustStatus(t, tc.do(c.method, c.path, c.body), c.status, c.method+" "+c.path)
			msg := errorMessage(t, r)
			for _, m := range c.mentions {
				if !strings.Contains(msg, m) {
					t.Errorf("message %q does not mention %q", msg, m)
				}
			}
		})
	}
	if n := len(s.GroupAssignments("")); n != 0 {
		t.Errorf("refused requests left %d assignments", n)
	}
	// At most 64 groups per policy type.
	for i := 0; i < maxGroupAssignments; i++ {
		if err := s.AssignGroupPolicy("TeamsMeetingPolicy", fmt.Sprintf("00000000-0000-4000-8000-%012d", i), "Alpha", 0); err != nil {
			t.Fatal(err)
		}
	}
	r := mustStatus(t, tc.do("POST", assignPath, body()), 400, "65th group")
	if msg := errorMessage(t, r); !strings.Contains(msg, "64") {
		t.Errorf("limit message %q", msg)
	}
}

func TestTeamsGlobalAssignment(t *testing.T) {
	s, tc := teamsSetup(t)
	createMeetingPolicies(t, tc, "Alpha")
	p := globalPath + "/TeamsMeetingPolicy"
	if g := mustStatus(t, tc.do("GET", p, nil), 200, "get").json(t); g["PolicyType"] != "TeamsMeetingPolicy" || g["PolicyName"] != "Global" {
		t.Errorf("new tenant: %v", g)
	}
	// go-teams' older body also carried PolicyType; both forms work.
	for _, body := range []map[string]any{{"PolicyName": "Alpha"}, {"PolicyType": "TeamsMeetingPolicy", "PolicyName": "Tag:alpha"}} {
		g := mustStatus(t, tc.do("PATCH", p, body), 200, "grant").json(t)
		if g["PolicyName"] != "Alpha" {
			t.Errorf("grant %v -> %v", body, g)
		}
	}
	if g := tc.do("GET", p, nil).json(t); g["PolicyName"] != "Alpha" {
		t.Errorf("after grant: %v", g)
	}
	if s.GlobalPolicyAssignment("TeamsMeetingPolicy") != "Alpha" {
		t.Errorf("GlobalPolicyAssignment %q", s.GlobalPolicyAssignment("TeamsMeetingPolicy"))
	}
	list := mustStatus(t, tc.do("GET", globalPath, nil), 200, "list").array(t)
	found := false
	for _, e := range list {
		if e["PolicyType"] == "TeamsMeetingPolicy" {
			found = e["PolicyName"] == "Alpha"
		}
		if e["PolicyType"] == "TenantFederationSettings" {
			t.Error("singleton in the tenant policy list")
		}
	}
	if !found || len(list) != 4 {
		t.Errorf("list %v", list)
	}
	// Back to the Global policy.
	mustStatus(t, tc.do("PATCH", p, map[string]any{"PolicyName": nil}), 200, "reset")
	if s.GlobalPolicyAssignment("TeamsMeetingPolicy") != "Global" {
		t.Error("reset did not return to Global")
	}
	if err := s.SetGlobalPolicyAssignment("TeamsMeetingPolicy", "Alpha"); err != nil {
		t.Fatal(err)
	}
	cr := call(t, s.HTTPClient(), "GET", s.URL()+"/_sim/teams/globalPolicyAssignments", "", nil, nil)
	if cr.status != 200 || !strings.Contains(string(cr.body), `"Alpha"`) {
		t.Errorf("control view %d %s", cr.status, cr.body)
	}
	mustStatus(t, tc.do("PUT", p, map[string]any{"PolicyName": "Global"}), 200, "reset by name")
	if s.GlobalPolicyAssignment("TeamsMeetingPolicy") != "Global" {
		t.Error("PolicyName Global did not reset")
	}
}
