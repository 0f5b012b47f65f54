package acctest

import (
	"strings"
	"testing"
)

func TestSweepableOnlyTakesTheTestPrefix(t *testing.T) {
	for name, want := range map[string]bool{
		"tfacc-123": true, "Tag:tfacc-dlp-9": true, "tag:tfacc-x": true,
		"Global": false, "Tag:Clinicians": false, "tfacc": false, "my-tfacc-1": false, "TFACC-1": false,
	} {
		if got := Sweepable(name); got != want {
			t.Errorf("Sweepable(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestLiveModeNamesWhatIsMissing(t *testing.T) {
	for _, v := range append([]string{"ARM_TENANT_ID"}, credentialVars...) {
		t.Setenv(v, "")
	}
	m := liveCredentialsMissing()
	if !strings.Contains(m, "ARM_TENANT_ID") || !strings.Contains(m, "ARM_CLIENT_SECRET") {
		t.Errorf("nothing set: %q", m)
	}
	t.Setenv("ARM_TENANT_ID", "t")
	t.Setenv("ARM_USE_MSI", "true")
	if m := liveCredentialsMissing(); m != "" {
		t.Errorf("tenant and a way to sign in: %q", m)
	}
	if _, err := SweepClient("live"); err != nil && strings.Contains(err.Error(), "not set") {
		t.Errorf("with credentials the sweeper gets past the check: %v", err)
	}
	t.Setenv("ARM_TENANT_ID", "")
	if _, err := SweepClient("live"); err == nil || !strings.Contains(err.Error(), "ARM_TENANT_ID") {
		t.Errorf("sweeper without a tenant: %v", err)
	}
}

func TestModeSelection(t *testing.T) {
	t.Setenv(EnvTenant, "")
	if Live() {
		t.Error("unset is the simulator")
	}
	t.Setenv(EnvTenant, "LIVE")
	if !Live() {
		t.Error("live (any case) is the live tenant")
	}
}
