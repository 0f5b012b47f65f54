package provider

import (
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

// A malformed tenant or client ID fails at configure, naming the argument or
// variable and the shape it takes, before any sign-in (no AADSTS dump).
func TestMalformedIDsNameTheArgument(t *testing.T) {
	for _, tc := range []struct {
		name string
		vars map[string]string
		want []string // substrings of the errors; nil = accepted
	}{
		{"guid ids", map[string]string{"ARM_TENANT_ID": tid, "ARM_CLIENT_ID": cid}, nil},
		{"tenant domain", map[string]string{"ARM_TENANT_ID": "contoso.onmicrosoft.com", "ARM_CLIENT_ID": cid}, nil},
		{"client name", map[string]string{"ARM_TENANT_ID": tid, "ARM_CLIENT_ID": "terraform-app"},
			[]string{"Invalid client ID", "ARM_CLIENT_ID (for client_id)", `"terraform-app"`, "Application (client) ID"}},
		{"client guid braces", map[string]string{"ARM_TENANT_ID": tid, "ARM_CLIENT_ID": "{" + cid + "}"}, []string{"Invalid client ID"}},
		{"client truncated", map[string]string{"ARM_TENANT_ID": tid, "ARM_CLIENT_ID": cid[:30]}, []string{"Invalid client ID"}},
		{"tenant spaces", map[string]string{"ARM_TENANT_ID": "my tenant", "ARM_CLIENT_ID": cid}, []string{"Invalid tenant ID", "ARM_TENANT_ID (for tenant_id)", "contoso.onmicrosoft.com"}},
		{"tenant url", map[string]string{"ARM_TENANT_ID": "https://login.microsoftonline.com/" + tid, "ARM_CLIENT_ID": cid}, []string{"Invalid tenant ID"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			vars := map[string]string{"ARM_CLIENT_SECRET": "s"}
			for k, v := range tc.vars {
				vars[k] = v
			}
			_, errs := resolveWith(t, nullModel(), vars)
			if tc.want == nil && errs != "" {
				t.Fatalf("refused: %s", errs)
			}
			for _, w := range tc.want {
				if !strings.Contains(errs, w) {
					t.Errorf("errors %q lack %q", errs, w)
				}
			}
			if strings.Contains(errs, "AADSTS") {
				t.Errorf("raw service error: %s", errs)
			}
		})
	}
	m := nullModel()
	m.ClientID = types.StringValue("not-a-guid")
	_, errs := resolveWith(t, m, map[string]string{"ARM_TENANT_ID": tid, "ARM_CLIENT_SECRET": "s"})
	if !strings.Contains(errs, "client_id is \"not-a-guid\"") {
		t.Errorf("a configured value names the argument: %q", errs)
	}
}
