// Package acctest runs acceptance tests against the in-process tenant
// simulator: one per test binary, shared by every test in it, with the
// provider pointed at it through the same environment variables a user sets.
// With TEAMSHIPAA_ACC_TENANT=live they run against the tenant the ARM_*
// variables sign in to instead, and the tests that need the simulator skip
// (see live.go).
package acctest

import (
	"context"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"

	fwprovider "github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/conns"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/provider"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/tenantsim"
)

// ProviderName is the provider's type name in configurations.
const ProviderName = "teamshipaa"

// ProtoV6ProviderFactories serves the provider in-process to the terraform CLI.
var ProtoV6ProviderFactories = map[string]func() (tfprotov6.ProviderServer, error){
	ProviderName: provider.NewProtocol6WithError("test"),
}

var (
	simOnce sync.Once
	sim     *tenantsim.Simulator
	simErr  error
)

// Sim returns the shared simulator, starting it on first use and exporting
// its credentials and endpoints (ARM_*, TEAMSHIPAA_*_ENDPOINT, SSL_CERT_FILE)
// into the process environment, where the provider reads them. In live mode
// it skips the test: call it (or SimOnly) before the test creates anything.
func Sim(t testing.TB) *tenantsim.Simulator {
	t.Helper()
	SimOnly(t, "its control API")
	simOnce.Do(func() {
		sim, simErr = tenantsim.Start(tenantsim.Options{})
		if simErr != nil {
			return
		}
		for _, kv := range sim.Env() {
			k, v, _ := strings.Cut(kv, "=")
			if err := os.Setenv(k, v); err != nil {
				simErr = err
				return
			}
		}
	})
	if simErr != nil {
		t.Fatalf("starting the tenant simulator: %v", simErr)
	}
	return sim
}

// PreCheck starts the simulator; call it from every acceptance test. Tests
// that inject faults clear them when they end. In live mode it checks that
// there are credentials to sign in with, and skips the test when there are not.
func PreCheck(t *testing.T) {
	t.Helper()
	if Live() {
		requireLive(t)
		return
	}
	s := Sim(t)
	t.Cleanup(s.ClearFaults)
}

// NewTenant starts a simulator of the test's own, in the state of a new
// tenant whatever other tests did to the shared one, and points the provider
// (and the terraform CLI it runs) at it until the test ends. Not for parallel
// tests: it sets the process environment.
func NewTenant(t *testing.T) *tenantsim.Simulator {
	t.Helper()
	return NewTenantIn(t, "")
}

// NewTenantIn is NewTenant with the simulator's state in stateDir: the
// tenant saved there (state.json) is served, and every write is saved back.
func NewTenantIn(t *testing.T, stateDir string) *tenantsim.Simulator {
	t.Helper()
	SimOnly(t, "a new tenant")
	Sim(t) // the shared one first, so its one-time setup cannot overwrite this one's environment
	s, err := tenantsim.Start(tenantsim.Options{StateDir: stateDir})
	if err != nil {
		t.Fatalf("starting a tenant simulator: %v", err)
	}
	t.Cleanup(func() { _ = s.Close() })
	for _, kv := range s.Env() {
		k, v, _ := strings.Cut(kv, "=")
		t.Setenv(k, v)
	}
	return s
}

// LimitedAppProvider is a provider block that signs in as the simulator's
// second app, which lacks the admin roles, to test permission errors. In live
// mode it is the app of TEAMSHIPAA_ACC_LIMITED_CLIENT_ID and
// TEAMSHIPAA_ACC_LIMITED_CLIENT_SECRET (an app with Policy.Read.All only),
// and the test skips when they are not set.
func LimitedAppProvider(t *testing.T) string {
	t.Helper()
	var id, secret string
	if Live() {
		requireLive(t)
		id, secret = os.Getenv(EnvLimitedClientID), os.Getenv(EnvLimitedClientSecret)
		if id == "" || secret == "" {
			t.Skipf("needs a second app without admin roles: set %s and %s (skipped with %s=live)", EnvLimitedClientID, EnvLimitedClientSecret, EnvTenant)
		}
	} else {
		app := Sim(t).LimitedApp()
		id, secret = app.ClientID, app.ClientSecret
	}
	return fmt.Sprintf(`
provider %q {
  client_id     = %q
  client_secret = %q
}
`, ProviderName, id, secret)
}

// The second app of live mode, for permission tests.
const (
	EnvLimitedClientID     = "TEAMSHIPAA_ACC_LIMITED_CLIENT_ID"
	EnvLimitedClientSecret = "TEAMSHIPAA_ACC_LIMITED_CLIENT_SECRET"
)

// ensureTenant starts the simulator, or in live mode checks the credentials.
func ensureTenant(t testing.TB) {
	t.Helper()
	if Live() {
		requireLive(t)
		return
	}
	Sim(t)
}

// Configure configures the provider as a block with no arguments would be,
// from the simulator's environment, and returns its clients. ctx carries the
// logger the clients log to.
func Configure(ctx context.Context, t testing.TB) *conns.Client {
	t.Helper()
	ensureTenant(t)
	c, err := configure(ctx)
	if err != nil {
		t.Fatalf("configuring the provider: %v", err)
	}
	return c
}

// configure configures the provider from the environment alone.
func configure(ctx context.Context) (*conns.Client, error) {
	p := provider.New("test")()
	var sresp fwprovider.SchemaResponse
	p.Schema(ctx, fwprovider.SchemaRequest{}, &sresp)
	typ, ok := sresp.Schema.Type().TerraformType(ctx).(tftypes.Object)
	if !ok {
		return nil, fmt.Errorf("the provider schema is not an object")
	}
	vals := map[string]tftypes.Value{}
	for name, at := range typ.AttributeTypes {
		vals[name] = tftypes.NewValue(at, nil)
	}
	var cresp fwprovider.ConfigureResponse
	p.Configure(ctx, fwprovider.ConfigureRequest{Config: tfsdk.Config{Schema: sresp.Schema, Raw: tftypes.NewValue(typ, vals)}}, &cresp)
	if cresp.Diagnostics.HasError() {
		return nil, fmt.Errorf("%v", cresp.Diagnostics)
	}
	c, ok := cresp.ResourceData.(*conns.Client)
	if !ok {
		return nil, fmt.Errorf("the provider configured %T, not *conns.Client", cresp.ResourceData)
	}
	return c, nil
}
