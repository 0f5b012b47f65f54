package acctest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/hashicorp/go-hclog"
	"github.com/hashicorp/go-plugin"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6/tf6server"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/provider"
)

// providerAddress is the provider's registry address, the key Terraform
// looks up in TF_REATTACH_PROVIDERS.
const providerAddress = "registry.terraform.io/teamshipaa/teamshipaa"

// Diagnostic is one diagnostic of `terraform plan -json`, as the CLI shows it.
type Diagnostic struct {
	Severity string `json:"severity"` // "error" or "warning"
	Summary  string `json:"summary"`
	Detail   string `json:"detail"`
	Address  string `json:"address"` // the resource instance, when there is one
}

// Plan runs the real terraform CLI (`init`, then `plan -json`) on config
// against the provider served from this test process, and returns every
// diagnostic the CLI reports. err is non-nil when the plan fails; the
// diagnostics are returned either way. terraform-plugin-testing has no
// check on warnings: this is how a test sees them.
//
// The configuration needs no provider block: the provider reads the
// simulator's environment. Terraform comes from TF_ACC_TERRAFORM_PATH, else
// PATH.
func Plan(t *testing.T, config string) ([]Diagnostic, error) {
	t.Helper()
	w := NewWorkdir(t, config)
	_, diags, err := w.PlanJSON("-refresh=false")
	return diags, err
}

// Workdir is a Terraform working directory (main.tf, its own state) run by
// the real terraform CLI against the provider served from this test
// process: for tests that need state across runs, or the raw `plan -json`
// output.
type Workdir struct {
	t   *testing.T
	Dir string
	tf  string
	env []string
}

// NewWorkdir writes config, after the required_providers block, to main.tf
// in a new directory and runs `terraform init` there.
func NewWorkdir(t *testing.T, config string) *Workdir {
	t.Helper()
	return NewWorkdirFiles(t, map[string]string{"main.tf": requiredProviders + config})
}

// requiredProviders points the configuration at this provider.
const requiredProviders = "terraform {\n  required_providers {\n    teamshipaa = { source = \"teamshipaa/teamshipaa\" }\n  }\n}\n"

// NewWorkdirFiles writes files (name to content; they declare the provider
// source themselves) to a new directory and runs `terraform init` there.
func NewWorkdirFiles(t *testing.T, files map[string]string) *Workdir {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return NewWorkdirIn(t, dir)
}

// NewWorkdirIn runs `terraform init` in dir, a configuration already on
// disk (for one that calls modules by relative path).
func NewWorkdirIn(t *testing.T, dir string) *Workdir {
	t.Helper()
	ensureTenant(t)
	tf := os.Getenv("TF_ACC_TERRAFORM_PATH")
	if tf == "" {
		var err error
		if tf, err = exec.LookPath("terraform"); err != nil {
			t.Fatalf("terraform is not on PATH: %v", err)
		}
	}
	reattach := serveProvider(t)
	cliConfig := filepath.Join(t.TempDir(), "terraformrc")
	if err := os.WriteFile(cliConfig, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	w := &Workdir{t: t, Dir: dir, tf: tf, env: append(os.Environ(), "TF_REATTACH_PROVIDERS="+reattach, "CHECKPOINT_DISABLE=1",
		"TF_IN_AUTOMATION=1", "TF_CLI_CONFIG_FILE="+cliConfig, "TF_LOG=")}
	if out, err := w.Run("init", "-input=false", "-no-color"); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	return w
}

// SetConfig replaces main.tf with config after the required_providers block.
func (w *Workdir) SetConfig(config string) {
	w.t.Helper()
	if err := os.WriteFile(filepath.Join(w.Dir, "main.tf"), []byte(requiredProviders+config), 0o600); err != nil {
		w.t.Fatal(err)
	}
}

// Run runs terraform with args in the directory and returns its standard
// output; err carries its standard error.
func (w *Workdir) Run(args ...string) ([]byte, error) {
	cmd := exec.Command(w.tf, args...)
	cmd.Dir, cmd.Env = w.Dir, w.env
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		err = fmt.Errorf("terraform %s: %w\n%s", args[0], err, stderr.String())
	}
	return out, err
}

// PlanJSON runs `terraform plan -json` (plus args) and returns its output
// and the diagnostics in it; err is non-nil when the plan fails.
func (w *Workdir) PlanJSON(args ...string) ([]byte, []Diagnostic, error) {
	out, err := w.Run(append([]string{"plan", "-json", "-input=false", "-no-color", "-lock=false"}, args...)...)
	return out, Diagnostics(out), err
}

// Diagnostics reads the diagnostics of `terraform plan -json` output.
func Diagnostics(out []byte) []Diagnostic {
	var diags []Diagnostic
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var line struct {
			Type       string     `json:"type"`
			Diagnostic Diagnostic `json:"diagnostic"`
		}
		if json.Unmarshal(sc.Bytes(), &line) == nil && line.Type == "diagnostic" {
			diags = append(diags, line.Diagnostic)
		}
	}
	return diags
}

// serveProvider serves the provider in-process over go-plugin in debug mode
// (as terraform-plugin-testing does) until the test ends, and returns the
// TF_REATTACH_PROVIDERS value that points Terraform at it.
func serveProvider(t *testing.T) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	configCh := make(chan *plugin.ReattachConfig)
	closeCh := make(chan struct{})
	serveErr := make(chan error, 1)
	go func() {
		serveErr <- tf6server.Serve(providerAddress, provider.NewProtocol6("test"),
			tf6server.WithDebug(ctx, configCh, closeCh),
			tf6server.WithGoPluginLogger(hclog.NewNullLogger()),
			// Provider logs go to the test sink (TF_LOG, TF_ACC_LOG_PATH), as in terraform-plugin-testing.
			tf6server.WithLoggingSink(t))
	}()
	var rc *plugin.ReattachConfig
	select {
	case rc = <-configCh:
	case err := <-serveErr:
		cancel()
		t.Fatalf("serving the provider: %v", err)
	case <-time.After(30 * time.Second):
		cancel()
		t.Fatal("the provider server did not start within 30s")
	}
	t.Cleanup(func() {
		cancel()
		<-closeCh
	})
	type addr struct{ Network, String string }
	b, err := json.Marshal(map[string]any{providerAddress: map[string]any{
		"Protocol": string(rc.Protocol), "ProtocolVersion": rc.ProtocolVersion, "Pid": rc.Pid, "Test": rc.Test,
		"Addr": addr{Network: rc.Addr.Network(), String: rc.Addr.String()},
	}})
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
