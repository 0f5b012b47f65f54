package configapi

import (
	"context"
	"io"
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
	c, fs := newClient(t, func(w http.ResponseWriter, r *http.Request) {
		op, err := Contract.Find(ServiceName, r.Method, strings.TrimPrefix(r.URL.Path, "/prefix"))
		if err != nil {
			t.Errorf("the service received an undeclared call: %v", err)
		} else {
			mu.Lock()
			made[op] = true
			mu.Unlock()
		}
		_, _ = io.WriteString(w, `{}`)
	})
	ctx := context.Background()
	const typ, group = "TeamsMeetingPolicy", "3f6b2c1e-8d4a-4f0b-9e2d-7a1c5b6e8f90"
	calls := []func() error{
		func() error { _, _, err := c.List(ctx, typ); return err },
		func() error { _, _, err := c.Get(ctx, typ, "Tag:x"); return err },
		func() error {
			_, _, err := c.Create(ctx, typ, "Tag:x", map[string]any{"AllowCloudRecording": false})
			return err
		},
		func() error {
			_, err := c.Update(ctx, typ, "Tag:x", map[string]any{"AllowCloudRecording": true})
			return err
		},
		func() error { _, err := c.Delete(ctx, typ, "Tag:x"); return err },
		func() error { _, _, err := c.GetGroupAssignment(ctx, typ, group); return err },
		func() error { _, _, err := c.ListGroupAssignments(ctx, typ); return err },
		func() error { _, err := c.CreateGroupAssignment(ctx, typ, group, "x", 1); return err },
		func() error { _, err := c.UpdateGroupAssignment(ctx, typ, group, "x", 1); return err },
		func() error { _, err := c.DeleteGroupAssignment(ctx, typ, group); return err },
		func() error { _, _, err := c.GetTenantAssignment(ctx, typ); return err },
		func() error { _, err := c.SetTenantAssignment(ctx, typ, "x"); return err },
	}
	for i, call := range calls {
		if err := call(); err != nil {
			t.Errorf("call %d: %v", i, err)
		}
	}
	// newClient answers discovery itself: /Teams.Tenant/tenants with 404, so
	// a serviceDiscovery call means both forms were made.
	if fs.discovery.Load() > 0 {
		made[opTenants], made[opDiscovery] = true, true
	}
	for _, op := range Contract {
		if !made[op] {
			t.Errorf("%s %s is declared in contract.go but no client method makes it: remove it, or test the method that does", op.Method, op.Path)
		}
	}
}

// A call or a body field that contract.go does not declare never leaves.
func TestUndeclaredCallsAreRefusedBeforeTheyLeave(t *testing.T) {
	var hits int
	c, _ := newClient(t, func(w http.ResponseWriter, r *http.Request) { hits++ })
	ctx := context.Background()
	if _, err := c.do(ctx, http.MethodGet, "/Skype.Policy/somethingElse", nil, nil); err == nil || !strings.Contains(err.Error(), "contract.go") {
		t.Errorf("undeclared path: %v", err)
	}
	body := map[string]any{"policyName": "x", "Rank": 1} // the shape the evidence ruled out
	if _, err := c.do(ctx, http.MethodPatch, groupAssignmentPath("TeamsMeetingPolicy", "g"), body, nil); err == nil || !strings.Contains(err.Error(), `"Rank"`) {
		t.Errorf("undeclared body field: %v", err)
	}
	if hits != 0 {
		t.Errorf("%d refused calls reached the service", hits)
	}
}
