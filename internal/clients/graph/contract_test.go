package graph

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/contract"
)

// Every method of the client makes only declared calls, and every declared
// call is made by some method: the ledger (docs/guides/wire-contracts.md)
// lists exactly what the code does.
func TestEveryDeclaredCallIsMadeByTheClient(t *testing.T) {
	var mu sync.Mutex
	made := map[*contract.Operation]bool{}
	c, _ := newClient(t, func(_ int, w http.ResponseWriter, r *http.Request) {
		path := strings.TrimPrefix(r.URL.Path, "/prefix/v1.0")
		op, err := Contract.Find(ServiceName, r.Method, path)
		if err != nil {
			t.Errorf("the service received an undeclared call: %v", err)
			return
		}
		mu.Lock()
		made[op] = true
		mu.Unlock()
		switch {
		case path == "/identity/conditionalAccess/authenticationStrength/policies":
			w.WriteHeader(http.StatusNotFound) // so the client falls back to the older path
			_, _ = w.Write([]byte(`{"error":{"code":"Request_ResourceNotFound","message":"Resource not found."}}`))
		case r.Method == http.MethodPost:
			echoCreated("new-id")(0, w, r)
		case r.Method != http.MethodGet:
			w.WriteHeader(http.StatusNoContent)
		case strings.HasPrefix(path, namedLocationsPath+"/"):
			_, _ = w.Write([]byte(`{"@odata.type":"#microsoft.graph.ipNamedLocation","id":"l1","displayName":"x","ipRanges":[]}`))
		case strings.HasSuffix(path, "/apps") || strings.HasSuffix(path, "/assignments"):
			_, _ = w.Write([]byte(`{"value":[]}`))
		case strings.HasPrefix(path, iosProtectionsPath+"/"):
			_, _ = w.Write([]byte(`{"@odata.type":"#microsoft.graph.iosManagedAppProtection","id":"a1","displayName":"x"}`))
		case strings.HasPrefix(path, androidProtectionsPath+"/"):
			_, _ = w.Write([]byte(`{"@odata.type":"#microsoft.graph.androidManagedAppProtection","id":"a2","displayName":"x"}`))
		case strings.HasPrefix(path, policiesPath+"/"):
			_, _ = w.Write([]byte(`{"id":"p1","displayName":"x","state":"disabled"}`))
		default:
			_, _ = w.Write([]byte(`{"value":[]}`))
		}
	})
	ctx := context.Background()
	policy := &ConditionalAccessPolicy{DisplayName: "x", State: "disabled", Conditions: Conditions{
		Users: &Users{IncludeUsers: []string{"All"}}, Applications: &Applications{IncludeApplications: []string{"All"}}},
		GrantControls: &GrantControls{Operator: "OR", BuiltInControls: []string{"block"}}}
	location := &NamedLocation{DisplayName: "x", Kind: KindIP, IPRanges: []string{"203.0.113.0/24"}}
	calls := []func() error{
		// GetPolicy and GetNamedLocation read an object this client wrote with its own GET (cache.go).
		func() error { _, err := c.ListPolicies(ctx); return err },
		func() error { _, err := c.CreatePolicy(ctx, policy); return err },
		func() error { return c.UpdatePolicy(ctx, "p1", policy) },
		func() error { _, err := c.GetPolicy(ctx, "p1"); return err },
		func() error { return c.DeletePolicy(ctx, "p1") },
		func() error { _, err := c.ListNamedLocations(ctx); return err },
		func() error { _, err := c.CreateNamedLocation(ctx, location); return err },
		func() error { return c.UpdateNamedLocation(ctx, "l1", location) },
		func() error { _, err := c.GetNamedLocation(ctx, "l1"); return err },
		func() error { return c.DeleteNamedLocation(ctx, "l1") },
		func() error { _, err := c.ListAuthenticationStrengths(ctx); return err },
		func() error { _, err := c.ListDirectoryRoleTemplates(ctx); return err },
		func() error { _, err := c.GetOrganization(ctx); return err },
	}
	for _, platform := range []string{PlatformIOS, PlatformAndroid} {
		mam := &AppProtectionPolicy{Platform: platform, DisplayName: "x", PeriodOfflineBeforeWipeIsEnforced: "P90D"}
		calls = append(calls,
			func() error { _, err := c.ListAppProtections(ctx, platform); return err },
			func() error { _, err := c.GetAppProtection(ctx, platform, "a1"); return err },
			func() error { _, err := c.CreateAppProtection(ctx, mam); return err },
			func() error { return c.UpdateAppProtection(ctx, "a1", mam) },
			func() error { return c.DeleteAppProtection(ctx, platform, "a1") },
			func() error { return c.SetAppProtectionApps(ctx, platform, "a1", []string{"com.microsoft.teams"}) },
		)
	}
	calls = append(calls, func() error {
		return c.AssignAppProtection(ctx, "a1", []AppProtectionAssignment{{GroupID: "g1"}, {GroupID: "g2", Exclude: true}})
	})
	for i, call := range calls {
		if err := call(); err != nil {
			t.Errorf("call %d: %v", i, err)
		}
	}
	for _, op := range Contract {
		if !made[op] {
			t.Errorf("%s %s is declared in contract.go but no client method makes it: remove it, or test the method that does", op.Method, op.Path)
		}
	}
}

// A call or a top-level body field that contract.go does not declare never
// leaves: the request pipeline refuses it.
func TestUndeclaredCallsAreRefusedBeforeTheyLeave(t *testing.T) {
	var hits int
	d := declared{next: roundTripFunc(func(*http.Request) (*http.Response, error) { hits++; return nil, nil })}
	req, _ := http.NewRequest(http.MethodGet, "https://graph.example/v1.0/users", nil)
	if _, err := d.RoundTrip(req); err == nil || !strings.Contains(err.Error(), "contract.go") {
		t.Errorf("undeclared path: %v", err)
	}
	body, _ := json.Marshal(map[string]any{"displayName": "x", "templateId": "t"})
	req, _ = http.NewRequest(http.MethodPost, "https://graph.example/v1.0"+policiesPath, strings.NewReader(string(body)))
	if _, err := (replayable{d}).RoundTrip(req); err == nil || !strings.Contains(err.Error(), `"templateId"`) {
		t.Errorf("undeclared body field: %v", err)
	}
	if hits != 0 {
		t.Errorf("%d refused calls reached the service", hits)
	}
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }
