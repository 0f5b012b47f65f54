package teams_test

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/acctest"
)

// assignmentFake is an independent stand-in for the group assignment routes,
// written from the MicrosoftTeams module's AutoRest assembly (1.1.4,
// Microsoft.Teams.Config.private.dll): New- is PUT, Set- is PATCH on an
// existing assignment, the body is GroupAssignPayload {policyName, priority}
// and the answer GroupAssignment {createdBy, createdTime, groupId,
// policyName, policyType, priority}. It shares no code with the simulator.
type assignmentFake struct {
	mu       sync.Mutex
	byPath   map[string]map[string]any
	requests []string // "METHOD body"
	t        *testing.T
}

var fakeItem = regexp.MustCompile(`^/Skype\.Policy/groupPolicyAssignments/([0-9a-f-]{36})/policyTypes/(\w+)$`)

func (f *assignmentFake) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if !strings.HasPrefix(r.Header.Get("Authorization"), "Bearer ") {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	if r.URL.Path == "/Teams.Tenant/serviceDiscovery" {
		fmt.Fprint(w, `{"Endpoints":{"AdminServiceEndpoint":"admin0a.online.lync.com"}}`)
		return
	}
	// The policy being assigned exists: the provider checks that at plan time.
	// Reads of a type are served from its list (a bare array of PascalCase objects).
	if r.Method == http.MethodGet && r.URL.Path == "/Skype.Policy/configurations/TeamsMeetingPolicy" {
		fmt.Fprint(w, `[{"Identity":"Global"},{"Identity":"Tag:Clinicians"}]`)
		return
	}
	m := fakeItem.FindStringSubmatch(r.URL.Path)
	if m == nil {
		http.Error(w, `{"error":{"code":"NotFound","message":"no route"}}`, http.StatusNotFound)
		return
	}
	b, _ := io.ReadAll(r.Body)
	f.requests = append(f.requests, strings.TrimSpace(r.Method+" "+string(b)))
	cur, exists := f.byPath[r.URL.Path]
	switch r.Method {
	case http.MethodGet, http.MethodDelete:
		if !exists {
			http.Error(w, `{"error":{"code":"NotFound","message":"no assignment"}}`, http.StatusNotFound)
			return
		}
		if r.Method == http.MethodDelete {
			delete(f.byPath, r.URL.Path)
			w.WriteHeader(http.StatusNoContent)
			return
		}
		_ = json.NewEncoder(w).Encode(cur)
	case http.MethodPut, http.MethodPatch:
		if r.Method == http.MethodPatch && !exists {
			http.Error(w, `{"error":{"code":"NotFound","message":"no assignment"}}`, http.StatusNotFound)
			return
		}
		var body map[string]any
		if err := json.Unmarshal(b, &body); err != nil {
			http.Error(w, `{"error":{"code":"BadRequest","message":"body"}}`, http.StatusBadRequest)
			return
		}
		for k := range body {
			if k != "policyName" && k != "priority" {
				http.Error(w, fmt.Sprintf(`{"error":{"code":"BadRequest","message":"unknown member %s"}}`, k), http.StatusBadRequest)
				return
			}
		}
		if cur == nil {
			cur = map[string]any{"createdBy": "fake", "createdTime": "2026-11-02T15:04:05Z", "groupId": m[1], "policyType": m[2], "priority": float64(1)}
		}
		if v, ok := body["policyName"]; ok {
			cur["policyName"] = v
		}
		if v, ok := body["priority"]; ok {
			cur["priority"] = v
		}
		f.byPath[r.URL.Path] = cur
		w.WriteHeader(http.StatusOK)
	default:
		w.WriteHeader(http.StatusMethodNotAllowed)
	}
}

func (f *assignmentFake) log() string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return strings.Join(f.requests, " | ")
}

func fakeAssignmentConfig(rank int) string {
	return fmt.Sprintf(`
resource "teamshipaa_policy_assignment" "test" {
  policy_type = "TeamsMeetingPolicy"
  policy_name = "Clinicians"
  group_id    = "3f6b2c1e-8d4a-4f0b-9e2d-7a1c5b6e8f90"
  rank        = %d
}
`, rank)
}

// A group assignment with a rank reaches a service built from the module's
// own contract (not the simulator) in that contract's shape, and reads back
// with an empty re-plan; a rank change is a PATCH.
func TestAccPolicyAssignment_independentFake(t *testing.T) {
	acctest.PreCheck(t) // tokens still come from the simulator's login
	fake := &assignmentFake{byPath: map[string]map[string]any{}, t: t}
	srv := httptest.NewServer(fake) // loopback: plain HTTP is allowed there
	t.Cleanup(srv.Close)
	t.Setenv("TEAMSHIPAA_TEAMS_ENDPOINT", srv.URL)
	addr := "teamshipaa_policy_assignment.test"
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy: func(*terraform.State) error {
			if len(fake.byPath) != 0 {
				return fmt.Errorf("assignment survived destroy")
			}
			return nil
		},
		Steps: []resource.TestStep{
			{
				Config: fakeAssignmentConfig(2),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("rank"), knownvalue.Int64Exact(2)),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("policy_name"), knownvalue.StringExact("Clinicians")),
				},
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				Check: func(*terraform.State) error {
					if got := fake.log(); !strings.HasPrefix(got, `PUT {"policyName":"Clinicians","priority":2}`) {
						return fmt.Errorf("the create did not reach the service as PUT {policyName, priority}: %s", got)
					}
					return nil
				},
			},
			{ResourceName: addr, ImportState: true, ImportStateId: "TeamsMeetingPolicy/3f6b2c1e-8d4a-4f0b-9e2d-7a1c5b6e8f90", ImportStateVerify: true},
			{
				Config: fakeAssignmentConfig(1),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: func(*terraform.State) error {
					if got := fake.log(); !strings.Contains(got, `PATCH {"policyName":"Clinicians","priority":1}`) {
						return fmt.Errorf("the rank change was not a PATCH: %s", got)
					}
					return nil
				},
			},
		},
	})
}

// Rule TEAMS.ASSIGN.DOD: group assignment is refused at plan time in the DoD
// cloud; a tenant-wide default is not.
func TestAccPolicyAssignment_dodRefusesGroups(t *testing.T) {
	acctest.PreCheck(t)
	t.Setenv("ARM_ENVIRONMENT", "dod") // endpoints stay the simulator's (TEAMSHIPAA_*_ENDPOINT)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      fakeAssignmentConfig(1),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)TEAMS\.ASSIGN\.DOD.*not available in the Microsoft 365 DoD\s+deployment`),
			},
		},
	})
}
