package adminapi

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// A cmdlet, or a parameter of one, that contract.go does not declare never
// leaves; neither does a cmdlet sent to the other surface.
func TestUndeclaredCmdletsAndParametersAreRefusedBeforeTheyLeave(t *testing.T) {
	var hits int
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits++
		_, _ = w.Write([]byte(`{"value":[]}`))
	}))
	t.Cleanup(srv.Close)
	c := newTestClient(t, srv)
	ctx := context.Background()
	for _, tc := range []struct {
		cmdlet string
		params map[string]any
		want   string
	}{
		{"Remove-Mailbox", map[string]any{"Identity": "x"}, "Remove-Mailbox is not a declared operation"},
		{"New-DlpCompliancePolicy", map[string]any{"Name": "x", "Force": true}, `"Force"`},
		{"Set-AdminAuditLogConfig", map[string]any{"UnifiedAuditLogIngestionEnabled": true}, "declared for the " + ExchangeService},
	} {
		if _, _, err := c.Invoke(ctx, tc.cmdlet, tc.params); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v; want an error containing %q", tc.cmdlet, err, tc.want)
		}
	}
	if hits != 0 {
		t.Errorf("%d refused calls reached the service", hits)
	}
	// A declared cmdlet with declared parameters goes through.
	if _, _, err := c.Invoke(ctx, "Get-DlpCompliancePolicy", map[string]any{"Identity": "x"}); err != nil || hits != 1 {
		t.Errorf("declared cmdlet: %v (%d calls)", err, hits)
	}
}
