package configapi_test

import (
	"context"
	"crypto/x509"
	"fmt"
	"sync"
	"testing"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/auth"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/clients/configapi"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/tenantsim"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/transport"
)

// terraformParallelism is how many resources Terraform refreshes at once by default.
const terraformParallelism = 10

// newSimClient returns a fresh client (empty cache, no handshake yet), as
// each Terraform operation gets.
func newSimClient(b *testing.B, sim *tenantsim.Simulator, tokens *auth.Tokens) *configapi.Client {
	pool := x509.NewCertPool()
	pool.AppendCertsFromPEM(sim.CACertPEM())
	hc := transport.New(transport.Options{RootCAs: pool})
	return configapi.New(hc, sim.URL()+"/teams", func(ctx context.Context) (string, error) {
		return tokens.Token(ctx, "48ac35b8-9aa8-4d74-927d-1f4a14a0b239")
	})
}

// BenchmarkRefresh measures a refresh of n meeting policies over a link with
// 50 ms latency per request: batched (one list per type) against one GET per
// resource. It reports wall time per refresh and requests per refresh.
func BenchmarkRefresh(b *testing.B) {
	sim, err := tenantsim.Start(tenantsim.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer sim.Close()
	app := sim.FullApp()
	pool := x509.NewCertPool()
	pool.AppendCertsFromPEM(sim.CACertPEM())
	hc := transport.New(transport.Options{RootCAs: pool})
	cred, err := auth.NewCredential(auth.Config{Method: auth.ClientSecret, TenantID: sim.TenantID(), ClientID: app.ClientID,
		ClientSecret: app.ClientSecret, LoginEndpoint: sim.URL(), CustomLogin: true, HTTPClient: hc})
	if err != nil {
		b.Fatal(err)
	}
	tokens := auth.NewTokens(cred, transport.WithRetryablePost)

	created := 0
	for _, n := range []int{10, 100, 500} {
		setup := newSimClient(b, sim, tokens)
		for ; created < n; created++ {
			if _, _, err := setup.Create(context.Background(), "TeamsMeetingPolicy", fmt.Sprintf("Tag:bench-%d", created), nil); err != nil {
				b.Fatal(err)
			}
		}
		for _, mode := range []string{"batched", "per-resource"} {
			b.Run(fmt.Sprintf("policies=%d/%s", n, mode), func(b *testing.B) {
				sim.AddFault(tenantsim.Fault{Surface: "teams", Kind: tenantsim.FaultLatency, LatencyMs: 50})
				defer sim.ClearFaults()
				requests := 0
				b.ResetTimer()
				for i := 0; i < b.N; i++ {
					c := newSimClient(b, sim, tokens)
					sim.ResetStats()
					refresh(b, c, n, mode == "batched")
					requests += sim.Stats().Total
				}
				b.ReportMetric(float64(requests)/float64(b.N), "requests/op")
			})
		}
	}
}

// refresh reads n policies with Terraform's parallelism.
func refresh(b *testing.B, c *configapi.Client, n int, batched bool) {
	sem := make(chan struct{}, terraformParallelism)
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		sem <- struct{}{}
		go func(i int) {
			defer wg.Done()
			defer func() { <-sem }()
			id := fmt.Sprintf("Tag:bench-%d", i)
			var err error
			if batched {
				_, _, err = c.Read(context.Background(), "TeamsMeetingPolicy", id)
			} else {
				_, _, err = c.Get(context.Background(), "TeamsMeetingPolicy", id)
			}
			if err != nil {
				b.Error(err)
			}
		}(i)
	}
	wg.Wait()
}
