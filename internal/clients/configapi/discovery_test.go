package configapi

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/transport"
)

type seen struct{ path, query, target, forest, tenant string }

func discoveryClient(t *testing.T, handler func(w http.ResponseWriter, r *http.Request) bool) (*Client, *[]seen) {
	var got []seen
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got = append(got, seen{r.URL.Path, r.URL.RawQuery, r.Header.Get("X-MS-Target-Uri"), r.Header.Get("X-MS-Forest"), r.Header.Get("X-Ms-Tenant-Id")})
		if !handler(w, r) {
			_, _ = w.Write([]byte(`[]`))
		}
	}))
	t.Cleanup(srv.Close)
	hc := transport.New(transport.Options{Base: srv.Client().Transport, MaxRetries: -1})
	c := New(hc, srv.URL, func(context.Context) (string, error) { return "tok", nil }).WithTenantID("6f1c2a7e-3b0d-4c8e-9a55-2d7e1f0b4c11")
	return c, &got
}

// CIPP's discovery (/Teams.Tenant/tenants): TenantFederationSettings goes to
// the OcsPowershellWebservice target with x-ms-tenant-id and adminDomain;
// other types keep the plain target; X-MS-Forest on both.
func TestDiscoveryTenantsAndFederationRouting(t *testing.T) {
	c, got := discoveryClient(t, func(w http.ResponseWriter, r *http.Request) bool {
		if r.URL.Path == "/Teams.Tenant/tenants" {
			_, _ = w.Write(fixture(t, "teams_tenant.json"))
			return true
		}
		if r.URL.Path == "/Skype.Policy/configurations/TenantFederationSettings/configuration/Global" {
			_, _ = w.Write(fixture(t, "tenant_federation_global.json"))
			return true
		}
		return false
	})
	ctx := context.Background()
	if _, _, err := c.Get(ctx, "TenantFederationSettings", "Global"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := c.List(ctx, "TeamsMeetingPolicy"); err != nil {
		t.Fatal(err)
	}
	want := []seen{
		{"/Teams.Tenant/tenants", "", "", "", ""},
		{"/Skype.Policy/configurations/TenantFederationSettings/configuration/Global", "adminDomain=contoso.onmicrosoft.com",
			"https://admin0a.online.lync.com/OcsPowershellWebservice", "0a", "6f1c2a7e-3b0d-4c8e-9a55-2d7e1f0b4c11"},
		{"/Skype.Policy/configurations/TeamsMeetingPolicy", "", "https://admin0a.online.lync.com/", "0a", ""},
	}
	if len(*got) != len(want) {
		t.Fatalf("requests %+v", *got)
	}
	for i := range want {
		if (*got)[i] != want[i] {
			t.Errorf("request %d: %+v, want %+v", i, (*got)[i], want[i])
		}
	}
}

// Neither discovery route exists (4xx): calls go on with no routing header,
// as ScubaGear and AzRanger send them.
func TestDiscoveryAbsentSendsNoTarget(t *testing.T) {
	c, got := discoveryClient(t, func(w http.ResponseWriter, r *http.Request) bool {
		if r.URL.Path == "/Teams.Tenant/tenants" || r.URL.Path == "/Teams.Tenant/serviceDiscovery" {
			w.WriteHeader(http.StatusNotFound)
			return true
		}
		return false
	})
	for i := 0; i < 2; i++ {
		if _, _, err := c.List(context.Background(), "TeamsMeetingPolicy"); err != nil {
			t.Fatal(err)
		}
	}
	if len(*got) != 4 || (*got)[2].target != "" || (*got)[3].target != "" {
		t.Errorf("requests %+v, want two discovery attempts once, then calls without X-MS-Target-Uri", *got)
	}
}

// A server error during discovery is an error, and is not remembered.
func TestDiscoveryServerErrorIsRetriedNextCall(t *testing.T) {
	fail := true
	c, _ := discoveryClient(t, func(w http.ResponseWriter, r *http.Request) bool {
		if r.URL.Path == "/Teams.Tenant/tenants" {
			if fail {
				w.WriteHeader(http.StatusInternalServerError)
				return true
			}
			_, _ = w.Write(fixture(t, "teams_tenant.json"))
			return true
		}
		return false
	})
	if _, _, err := c.List(context.Background(), "TeamsMeetingPolicy"); err == nil {
		t.Fatal("a 500 from discovery must fail the call")
	}
	fail = false
	if _, _, err := c.List(context.Background(), "TeamsMeetingPolicy"); err != nil {
		t.Fatal(err)
	}
}
