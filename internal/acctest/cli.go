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
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
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
	ensureTenant(t)
	tf := os.Getenv("TF_ACC_TERRAFORM_PATH")
	if tf == "" {
		var err error
		if tf, err = exec.LookPath("terraform"); err != nil {
			t.Fatalf("terraform is not on PATH: %v", err)
		}
	}
	reattach := serveProvider(t)

	dir := t.TempDir()
	main := fmt.Sprintf("terraform {\n  required_providers {\n    teamshipaa = { source = %q }\n  }\n}\n%s", "teamshipaa/teamshipaa", config)
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(main), 0o600); err != nil {
		t.Fatal(err)
	}
	cliConfig := filepath.Join(dir, "terraformrc")
	if err := os.WriteFile(cliConfig, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	env := append(os.Environ(), "TF_REATTACH_PROVIDERS="+reattach, "CHECKPOINT_DISABLE=1", "TF_IN_AUTOMATION=1",
		"TF_CLI_CONFIG_FILE="+cliConfig, "TF_LOG=")
	run := func(args ...string) ([]byte, error) {
		cmd := exec.Command(tf, args...)
		cmd.Dir, cmd.Env = dir, env
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			err = fmt.Errorf("terraform %s: %w\n%s", args[0], err, stderr.String())
		}
		return out, err
	}
	if out, err := run("init", "-input=false", "-no-color"); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	out, planErr := run("plan", "-json", "-input=false", "-no-color", "-lock=false", "-refresh=false")
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
	return diags, planErr
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
		serveErr <- tf6server.Serve(providerAddress, providerserver.NewProtocol6(provider.New("test")()),
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
