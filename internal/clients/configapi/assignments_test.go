package configapi

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
)

const (
	assignGroup = "3f6b2c1e-8d4a-4f0b-9e2d-7a1c5b6e8f90"
	assignPath  = "/prefix/Skype.Policy/groupPolicyAssignments/" + assignGroup + "/policyTypes/TeamsMeetingPolicy"
)

// A create is a PUT of the module's GroupAssignPayload ({policyName, priority}),
// and the answer's "priority" reads back as the rank.
func TestGroupAssignmentCreateSendsThePayloadAndReadsPriority(t *testing.T) {
	var methods []string
	c, _ := newClient(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != assignPath {
			t.Errorf("path %s", r.URL.Path)
		}
		methods = append(methods, r.Method)
		switch r.Method {
		case http.MethodPut:
			var body map[string]any
			b, _ := io.ReadAll(r.Body)
			if err := json.Unmarshal(b, &body); err != nil {
				t.Fatal(err)
			}
			if len(body) != 2 || body["policyName"] != "Clinicians" || body["priority"] != float64(2) {
				t.Errorf("PUT body %s, want exactly policyName and priority", b)
			}
			w.WriteHeader(http.StatusOK)
		case http.MethodGet:
			_, _ = w.Write(fixture(t, "group_assignment.json"))
		}
	})
	ctx := context.Background()
	if _, err := c.CreateGroupAssignment(ctx, "TeamsMeetingPolicy", assignGroup, "Clinicians", 2); err != nil {
		t.Fatal(err)
	}
	a, _, err := c.GetGroupAssignment(ctx, "TeamsMeetingPolicy", assignGroup)
	if err != nil {
		t.Fatal(err)
	}
	if a.PolicyName != "Clinicians" || a.Rank != 2 {
		t.Errorf("read %+v", a)
	}
	if strings.Join(methods, ",") != "PUT,GET" {
		t.Errorf("methods %v", methods)
	}
}

// The cmdlet prints "Rank"; an answer in that shape still reads back.
func TestGroupAssignmentReadToleratesRank(t *testing.T) {
	c, _ := newClient(t, func(w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write([]byte(`{"GroupId":"` + assignGroup + `","PolicyType":"TeamsMeetingPolicy","PolicyName":"Tag:Clinicians","Rank":3}`))
	})
	a, _, err := c.GetGroupAssignment(context.Background(), "TeamsMeetingPolicy", assignGroup)
	if err != nil || a.PolicyName != "Clinicians" || a.Rank != 3 {
		t.Fatalf("read %+v %v", a, err)
	}
}

// An update is a PATCH; when the assignment is gone (404) it is created with PUT.
func TestGroupAssignmentUpdatePatchesThenFallsBackToPut(t *testing.T) {
	exists := true
	var methods []string
	c, _ := newClient(t, func(w http.ResponseWriter, r *http.Request) {
		methods = append(methods, r.Method)
		if r.Method == http.MethodPatch && !exists {
			w.WriteHeader(http.StatusNotFound)
			_, _ = w.Write(fixture(t, "error_not_found.json"))
			return
		}
		w.WriteHeader(http.StatusOK)
	})
	ctx := context.Background()
	if _, err := c.UpdateGroupAssignment(ctx, "TeamsMeetingPolicy", assignGroup, "Clinicians", 0); err != nil {
		t.Fatal(err)
	}
	exists = false
	if _, err := c.UpdateGroupAssignment(ctx, "TeamsMeetingPolicy", assignGroup, "Clinicians", 1); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(methods, ","); got != "PATCH,PATCH,PUT" {
		t.Errorf("methods %s", got)
	}
}
