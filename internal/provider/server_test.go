package provider

import (
	"context"
	"testing"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/protoserver"
)

// The provider is served through internal/protoserver, and the resource
// types with an equivalence test take its shortcuts (every Teams policy:
// internal/service/teams; the conditional access policy:
// internal/service/entra direct_test.go; the Purview and audit types:
// internal/service/purview direct_test.go; the app protection policies:
// internal/service/intune direct_test.go), and the named location, DLP rule
// and policy assignment for reads only (their plans keep their own plan
// modifiers or tenant reads); no other resource does.
func TestServerShortcutsTheTestedTypes(t *testing.T) {
	ps, ok := NewProtocol6("test")().(*protoserver.Server)
	if !ok {
		t.Fatal("the provider is not served by internal/protoserver")
	}
	want := []string{"meeting_policy", "enhanced_encryption_policy", "app_permission_policy", "messaging_policy",
		"external_access", "client_configuration", "meeting_configuration", "conditional_access_policy",
		"dlp_policy", "retention_policy", "retention_rule", "audit_log_retention_policy", "protection_alert", "audit_log_config",
		"ios_app_protection_policy", "android_app_protection_policy"}
	got := ps.OptedIn(context.Background())
	for _, r := range want {
		if why, ok := got["teamshipaa_"+r]; !ok || why != [2]string{} {
			t.Errorf("teamshipaa_%s: opted in %v, plans and reads kept out because %q", r, ok, why)
		}
	}
	readsOnly := []string{"named_location", "dlp_rule", "policy_assignment"}
	for _, r := range readsOnly {
		if why, ok := got["teamshipaa_"+r]; !ok || why[0] != "not opted in" || why[1] != "" {
			t.Errorf("teamshipaa_%s: opted in %v, plans and reads kept out because %q", r, ok, why)
		}
	}
	if len(got) != len(want)+len(readsOnly) {
		t.Errorf("%d resource types opt in, want %d: %v", len(got), len(want)+len(readsOnly), got)
	}
}
