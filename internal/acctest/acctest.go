// Package acctest runs acceptance tests against the in-process tenant
// simulator: one per test binary, shared by every test in it, with the
// provider pointed at it through the same environment variables a user sets.
package acctest

import (
	"context"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"

	fwprovider "github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
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
	ProviderName: providerserver.NewProtocol6WithError(provider.New("test")()),
}

var (
	simOnce sync.Once
	sim     *tenantsim.Simulator
	simErr  error
)

// Sim returns the shared simulator, starting it on first use and exporting
// its credentials and endpoints (ARM_*, TEAMSHIPAA_*_ENDPOINT, SSL_CERT_FILE)
// into the process environment, where the provider reads them.
func Sim(t testing.TB) *tenantsim.Simulator {
	t.Helper()
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
// that inject faults clear them when they end.
func PreCheck(t *testing.T) {
	t.Helper()
	s := Sim(t)
	t.Cleanup(s.ClearFaults)
}

// NewTenant starts a simulator of the test's own, in the state of a new
// tenant whatever other tests did to the shared one, and points the provider
// (and the terraform CLI it runs) at it until the test ends. Not for parallel
// tests: it sets the process environment.
func NewTenant(t *testing.T) *tenantsim.Simulator {
	t.Helper()
	Sim(t) // the shared one first, so its one-time setup cannot overwrite this one's environment
	s, err := tenantsim.Start(tenantsim.Options{})
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
// second app, which lacks the admin roles, to test permission errors.
func LimitedAppProvider(t *testing.T) string {
	app := Sim(t).LimitedApp()
	return fmt.Sprintf(`
provider %q {
  client_id     = %q
  client_secret = %q
}
`, ProviderName, app.ClientID, app.ClientSecret)
}

// Configure configures the provider as a block with no arguments would be,
// from the simulator's environment, and returns its clients. ctx carries the
// logger the clients log to.
func Configure(ctx context.Context, t testing.TB) *conns.Client {
	t.Helper()
	Sim(t)
	p := provider.New("test")()
	var sresp fwprovider.SchemaResponse
	p.Schema(ctx, fwprovider.SchemaRequest{}, &sresp)
	typ := sresp.Schema.Type().TerraformType(ctx).(tftypes.Object)
	vals := map[string]tftypes.Value{}
	for name, at := range typ.AttributeTypes {
		vals[name] = tftypes.NewValue(at, nil)
	}
	var cresp fwprovider.ConfigureResponse
	p.Configure(ctx, fwprovider.ConfigureRequest{Config: tfsdk.Config{Schema: sresp.Schema, Raw: tftypes.NewValue(typ, vals)}}, &cresp)
	if cresp.Diagnostics.HasError() {
		t.Fatalf("configuring the provider: %v", cresp.Diagnostics)
	}
	return cresp.ResourceData.(*conns.Client)
}
