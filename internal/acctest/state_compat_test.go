package acctest_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/acctest"
)

// previousRelease holds a configuration of every resource type, the state
// the provider wrote when it applied it before the shared resource base
// (terraform.tfstate), and the simulated tenant it left (tenant.json, the
// simulator's state.json).
var previousRelease = filepath.Join("testdata", "previous_release")

// envWritePreviousRelease regenerates the fixture: only with the provider
// whose state the test is meant to read (it overwrites the files).
const envWritePreviousRelease = "TEAMSHIPAA_WRITE_PREVIOUS_RELEASE"

// State written by an earlier provider reads without a diff: the tenant
// that provider left is served again, its state file is put in the working
// directory, and `terraform plan` (refreshing every object) shows no change.
func TestAccState_fromPreviousReleasePlansEmpty(t *testing.T) {
	acctest.PreCheck(t)
	if os.Getenv(envWritePreviousRelease) != "" {
		writePreviousRelease(t)
		return
	}
	simDir := t.TempDir()
	copyFile(t, filepath.Join(previousRelease, "tenant.json"), filepath.Join(simDir, "state.json"))
	acctest.NewTenantIn(t, simDir)

	work := t.TempDir()
	copyFile(t, filepath.Join(previousRelease, "main.tf"), filepath.Join(work, "main.tf"))
	copyFile(t, filepath.Join(previousRelease, "terraform.tfstate"), filepath.Join(work, "terraform.tfstate"))
	w := acctest.NewWorkdirIn(t, work)
	out, err := w.Run("plan", "-input=false", "-no-color", "-lock=false", "-detailed-exitcode")
	if err != nil {
		t.Fatalf("the plan shows changes or fails (exit 2 = changes):\n%v\n%s", err, out)
	}
	if !strings.Contains(string(out), "No changes.") {
		t.Fatalf("plan:\n%s", out)
	}
}

// writePreviousRelease applies the configuration to a new tenant and saves
// the state and the tenant as the fixture.
func writePreviousRelease(t *testing.T) {
	simDir := t.TempDir()
	acctest.NewTenantIn(t, simDir)
	work := t.TempDir()
	copyFile(t, filepath.Join(previousRelease, "main.tf"), filepath.Join(work, "main.tf"))
	w := acctest.NewWorkdirIn(t, work)
	if out, err := w.Run("apply", "-input=false", "-no-color", "-auto-approve"); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if out, err := w.Run("plan", "-input=false", "-no-color", "-detailed-exitcode"); err != nil {
		t.Fatalf("the plan after apply is not empty: %v\n%s", err, out)
	}
	copyFile(t, filepath.Join(work, "terraform.tfstate"), filepath.Join(previousRelease, "terraform.tfstate"))
	copyFile(t, filepath.Join(simDir, "state.json"), filepath.Join(previousRelease, "tenant.json"))
}

func copyFile(t *testing.T, src, dst string) {
	t.Helper()
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dst, b, 0o600); err != nil {
		t.Fatal(err)
	}
}
