// Package acctest runs acceptance tests against the in-process tenant
// simulator: one per test binary, shared by every test in it, with the
// provider pointed at it through the same environment variables a user sets.
package acctest

import (
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"

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
