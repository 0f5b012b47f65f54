package graph

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/transport"
)

const (
	policy1 = "ad8d2b4a-8d30-413f-88b8-144c6c8d98d9" // conditional_access_policies_list.json
	policy2 = "c558e346-969d-40a7-a64e-2df6c2c88490"
	ipLoc   = "06e4ff15-ca6b-4843-9c34-3fdd1ce8f739" // named_locations_list.json
)

// listService answers the documentation's list examples and a single GET of
// policy1, counting requests by method and path; a list waits for release.
type listService struct {
	mu      sync.Mutex
	counts  map[string]int
	release chan struct{}
}

func (s *listService) count(method, path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.counts[method+" "+path]
}

func (s *listService) handler(t *testing.T) func(int, http.ResponseWriter, *http.Request) {
	return func(_ int, w http.ResponseWriter, r *http.Request) {
		path := strings.TrimPrefix(r.URL.Path, "/prefix/v1.0")
		s.mu.Lock()
		s.counts[r.Method+" "+path]++
		s.mu.Unlock()
		lists := []string{policiesPath, namedLocationsPath, "/directoryRoleTemplates", "/identity/conditionalAccess/authenticationStrength/policies", "/organization"}
		if r.Method == http.MethodGet && slices.Contains(lists, path) && s.release != nil {
			<-s.release // a list: hold it so that every reader arrives while it is in flight
		}
		switch {
		case r.Method == http.MethodPatch || r.Method == http.MethodDelete:
			w.WriteHeader(http.StatusNoContent)
		case r.Method == http.MethodPost:
			echoCreated("new-policy")(0, w, r)
		case path == policiesPath:
			_, _ = w.Write(fixture(t, "conditional_access_policies_list.json"))
		case path == policiesPath+"/"+policy1:
			_, _ = w.Write([]byte(`{"id":"` + policy1 + `","displayName":"SimplePolicy1","state":"enabled"}`))
		case path == policiesPath+"/new-policy":
			_, _ = w.Write([]byte(`{"id":"new-policy","displayName":"New","state":"disabled"}`))
		case path == namedLocationsPath:
			_, _ = w.Write(fixture(t, "named_locations_list.json"))
		case path == "/directoryRoleTemplates":
			_, _ = w.Write([]byte(`{"value":[{"id":"62e90394-69f5-4237-9190-012177145e10","displayName":"Global Administrator"}]}`))
		case path == "/identity/conditionalAccess/authenticationStrength/policies":
			_, _ = w.Write(fixture(t, "authentication_strength_policies_list.json"))
		case path == "/organization":
			_, _ = w.Write(fixture(t, "organization_list.json"))
		default:
			w.WriteHeader(http.StatusNotFound)
			_, _ = w.Write([]byte(`{"error":{"code":"Request_ResourceNotFound","message":"not found"}}`))
		}
	}
}

func newListService(t *testing.T, held bool) (*Client, *listService) {
	s := &listService{counts: map[string]int{}}
	if held {
		s.release = make(chan struct{})
	}
	c, _ := newClient(t, s.handler(t))
	return c, s
}

// A plan reads every policy, location and look-up concurrently: each
// collection is listed once, and no object is read on its own.
func TestConcurrentReadsShareOneListPerCollection(t *testing.T) {
	c, s := newListService(t, true)
	ctx := context.Background()
	reads := []func() error{
		func() error {
			p, err := c.GetPolicy(ctx, policy1)
			if err == nil && (p.DisplayName != "SimplePolicy1" || p.GrantControls.BuiltInControls[0] != "block") {
				err = fmt.Errorf("policy1 read as %+v", p)
			}
			return err
		},
		func() error {
			p, err := c.GetPolicy(ctx, strings.ToUpper(policy2)) // ids match case-insensitively
			if err == nil && p.DisplayName != "SimplePolicy2" {
				err = fmt.Errorf("policy2 read as %+v", p)
			}
			return err
		},
		func() error {
			same, err := c.PoliciesNamed(ctx, "SimplePolicy2")
			if err == nil && (len(same) != 1 || same[0].ID != policy2) {
				err = fmt.Errorf("PoliciesNamed: %+v", same)
			}
			return err
		},
		func() error { _, err := c.ListPolicies(ctx); return err },
		func() error {
			l, err := c.GetNamedLocation(ctx, ipLoc)
			if err == nil && (l.Kind != KindIP || len(l.IPRanges) != 2) {
				err = fmt.Errorf("location read as %+v", l)
			}
			return err
		},
		func() error { _, err := c.NamedLocationsNamed(ctx, "Country named location"); return err },
		func() error {
			rts, err := c.ListDirectoryRoleTemplates(ctx)
			if err == nil && (len(rts) != 1 || rts[0].DisplayName != "Global Administrator") {
				err = fmt.Errorf("role templates %+v", rts)
			}
			return err
		},
		func() error { _, err := c.ListAuthenticationStrengths(ctx); return err },
		func() error {
			org, err := c.GetOrganization(ctx)
			if err == nil && org.DefaultDomain != "contoso.com" {
				err = fmt.Errorf("organization %+v", org)
			}
			return err
		},
	}
	var wg sync.WaitGroup
	errs := make(chan error, 10*len(reads))
	for i := 0; i < 10; i++ {
		for _, read := range reads {
			wg.Add(1)
			go func() { defer wg.Done(); errs <- read() }()
		}
	}
	close(s.release)
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range []string{policiesPath, namedLocationsPath, "/directoryRoleTemplates", "/identity/conditionalAccess/authenticationStrength/policies", "/organization"} {
		if n := s.count("GET", p); n != 1 {
			t.Errorf("GET %s: %d requests for 10 concurrent readers, want 1", p, n)
		}
	}
	if n := s.count("GET", policiesPath+"/"+policy1); n != 0 {
		t.Errorf("%d single-policy GETs, want 0", n)
	}

	// An id missing from the list is gone: not found, with no other request.
	_, err := c.GetPolicy(ctx, "00000000-0000-0000-0000-00000000dead")
	if !transport.IsNotFound(err) || !strings.Contains(err.Error(), "/identity/conditionalAccess/policies/00000000-0000-0000-0000-00000000dead") {
		t.Fatalf("a policy missing from the list must read as not found, naming it: %v", err)
	}
	if _, err := c.GetNamedLocation(ctx, "gone"); !transport.IsNotFound(err) {
		t.Fatalf("a location missing from the list must read as not found: %v", err)
	}
	if n := s.count("GET", policiesPath) + s.count("GET", namedLocationsPath); n != 2 {
		t.Errorf("later reads must use the lists: %d list requests", n)
	}
}

// A write drops the list (the next read lists again) and the object written
// is read with its own GET each time, so a caller waiting for the write to
// land sees the service, not the list it read before.
func TestAWriteDropsTheListAndTheWrittenObjectIsReadDirectly(t *testing.T) {
	c, s := newListService(t, false)
	ctx := context.Background()
	if _, err := c.GetPolicy(ctx, policy1); err != nil {
		t.Fatal(err)
	}
	want := &ConditionalAccessPolicy{DisplayName: "SimplePolicy1", State: "enabled", Conditions: Conditions{
		Users: &Users{IncludeUsers: []string{"None"}}, Applications: &Applications{IncludeApplications: []string{"None"}}},
		GrantControls: &GrantControls{Operator: "OR", BuiltInControls: []string{"block"}}}
	if err := c.UpdatePolicy(ctx, policy1, want); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 2; i++ {
		p, err := c.GetPolicy(ctx, policy1)
		if err != nil {
			t.Fatal(err)
		}
		if p.State != "enabled" {
			t.Fatalf("read after write: state %q, want the service's enabled", p.State)
		}
	}
	if n := s.count("GET", policiesPath+"/"+policy1); n != 2 {
		t.Errorf("the written policy: %d single GETs for 2 reads, want 2", n)
	}
	if _, err := c.GetPolicy(ctx, policy2); err != nil {
		t.Fatal(err)
	}
	if _, err := c.ListPolicies(ctx); err != nil {
		t.Fatal(err)
	}
	if n := s.count("GET", policiesPath); n != 2 {
		t.Errorf("%d list requests, want 2: one before the write, one after", n)
	}

	// A created policy is read directly too; a create drops the list.
	created, err := c.CreatePolicy(ctx, &ConditionalAccessPolicy{DisplayName: "New", State: "disabled", Conditions: want.Conditions,
		GrantControls: want.GrantControls})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.GetPolicy(ctx, created.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := c.ListPolicies(ctx); err != nil {
		t.Fatal(err)
	}
	if s.count("GET", policiesPath+"/new-policy") != 1 || s.count("GET", policiesPath) != 3 {
		t.Errorf("after a create: %d GETs of it (want 1), %d lists (want 3)", s.count("GET", policiesPath+"/new-policy"), s.count("GET", policiesPath))
	}

	// A deleted location is read directly: its 404 is the service's.
	if err := c.DeleteNamedLocation(ctx, ipLoc); err != nil {
		t.Fatal(err)
	}
	if _, err := c.GetNamedLocation(ctx, ipLoc); !transport.IsNotFound(err) || s.count("GET", namedLocationsPath+"/"+ipLoc) != 1 {
		t.Fatalf("after a delete: %v, %d single GETs", err, s.count("GET", namedLocationsPath+"/"+ipLoc))
	}
}

// The slices handed out are the caller's: sorting one does not change what
// the next reader gets.
func TestListsHandOutTheirOwnSlices(t *testing.T) {
	c, _ := newListService(t, false)
	ctx := context.Background()
	a, err := c.ListPolicies(ctx)
	if err != nil {
		t.Fatal(err)
	}
	a[0], a[1] = a[1], a[0]
	b, err := c.ListPolicies(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if b[0].ID != policy1 {
		t.Fatalf("the second list starts with %s, want %s", b[0].ID, policy1)
	}
}

func TestAFailedListIsNotRemembered(t *testing.T) {
	var lists int
	c, _ := newClient(t, func(_ int, w http.ResponseWriter, r *http.Request) {
		if lists++; lists == 1 {
			w.WriteHeader(http.StatusForbidden)
			_, _ = w.Write([]byte(`{"error":{"code":"Authorization_RequestDenied","message":"Insufficient privileges to complete the operation."}}`))
			return
		}
		_, _ = w.Write([]byte(`{"value":[{"id":"62e90394-69f5-4237-9190-012177145e10","displayName":"Global Administrator"}]}`))
	})
	_, err := c.ListDirectoryRoleTemplates(context.Background())
	if transport.StatusCode(err) != http.StatusForbidden || !strings.Contains(err.Error(), PermissionRoleTemplateRead) {
		t.Fatalf("want the 403 naming %s: %v", PermissionRoleTemplateRead, err)
	}
	if got, err := c.ListDirectoryRoleTemplates(context.Background()); err != nil || len(got) != 1 {
		t.Fatalf("the second call must list again: %v %v", got, err)
	}
	if lists != 2 {
		t.Fatalf("%d requests, want 2", lists)
	}
}
