package configapi

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/transport"
)

// The fixtures in testdata are shaped like the service's real answers; see
// testdata/SOURCES.md for where each shape comes from.
func fixture(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

type fakeService struct {
	t         *testing.T
	discovery atomic.Int32
	handler   func(w http.ResponseWriter, r *http.Request)
}

func newClient(t *testing.T, handler func(w http.ResponseWriter, r *http.Request)) (*Client, *fakeService) {
	t.Helper()
	fs := &fakeService{t: t, handler: handler}
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if got := r.Header.Get("Authorization"); got != "Bearer test-token" {
			t.Errorf("%s %s: Authorization %q", r.Method, r.URL.Path, got)
		}
		if r.URL.Path == "/prefix/Teams.Tenant/tenants" { // a tenant that answers only the other discovery shape
			w.WriteHeader(http.StatusNotFound)
			_, _ = w.Write(fixture(t, "error_not_found.json"))
			return
		}
		if r.URL.Path == "/prefix/Teams.Tenant/serviceDiscovery" {
			fs.discovery.Add(1)
			_, _ = w.Write(fixture(t, "service_discovery.json"))
			return
		}
		if got := r.Header.Get("X-MS-Target-Uri"); got != "https://admintest.example/" {
			t.Errorf("%s %s: X-MS-Target-Uri %q", r.Method, r.URL.Path, got)
		}
		handler(w, r)
	}))
	t.Cleanup(srv.Close)
	hc := transport.New(transport.Options{Base: srv.Client().Transport, MaxRetries: -1})
	c := New(hc, srv.URL+"/prefix/", func(context.Context) (string, error) { return "test-token", nil })
	return c, fs
}

func TestListDecodesTheBareArrayAndDiscoversOnce(t *testing.T) {
	c, fs := newClient(t, func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet || r.URL.Path != "/prefix/Skype.Policy/configurations/TeamsMeetingPolicy" {
			t.Errorf("unexpected %s %s", r.Method, r.URL.Path)
		}
		w.Header().Set(WarningHeader, "Some settings are not yet available in your tenant.")
		_, _ = w.Write(fixture(t, "meeting_policy_list.json"))
	})
	for i := 0; i < 2; i++ {
		list, res, err := c.List(context.Background(), "TeamsMeetingPolicy")
		if err != nil {
			t.Fatal(err)
		}
		if len(list) != 3 || list[0].Identity() != "Global" || list[1].Identity() != "Tag:Custom Policy 1" {
			t.Fatalf("decoded %d objects: %v", len(list), list)
		}
		if v, _ := list[0]["AllowAnonymousUsersToStartMeeting"].(bool); v {
			t.Fatal("AllowAnonymousUsersToStartMeeting should be false in the fixture")
		}
		if len(res.Warnings) != 1 || !strings.Contains(res.Warnings[0], "not yet available") {
			t.Fatalf("warnings: %v", res.Warnings)
		}
	}
	if n := fs.discovery.Load(); n != 1 {
		t.Fatalf("serviceDiscovery called %d times, want once per client", n)
	}
}

func TestListAcceptsTheValueEnvelope(t *testing.T) {
	c, _ := newClient(t, func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.WriteString(w, `{"value":`+string(fixture(t, "meeting_policy_list.json"))+`}`)
	})
	list, _, err := c.List(context.Background(), "TeamsMeetingPolicy")
	if err != nil || len(list) != 3 {
		t.Fatalf("err=%v len=%d", err, len(list))
	}
}

func TestGetOneInstance(t *testing.T) {
	c, _ := newClient(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/prefix/Skype.Policy/configurations/TeamsMeetingPolicy/configuration/Global" {
			t.Errorf("path %s", r.URL.Path)
		}
		_, _ = w.Write(fixture(t, "meeting_policy_global.json"))
	})
	obj, _, err := c.Get(context.Background(), "TeamsMeetingPolicy", "Global")
	if err != nil || obj.Identity() != "Global" || obj["AutoAdmittedUsers"] == nil {
		t.Fatalf("err=%v obj=%v", err, obj)
	}
}

func TestErrorsCarryTheServiceMessageStatusAndRequestID(t *testing.T) {
	c, _ := newClient(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Ms-Correlation-Id", "corr-123")
		if strings.HasSuffix(r.URL.Path, "Missing") {
			w.WriteHeader(http.StatusNotFound)
			_, _ = w.Write(fixture(t, "error_not_found.json"))
			return
		}
		w.WriteHeader(http.StatusForbidden)
		_, _ = io.WriteString(w, `{"error":{"code":"Forbidden","message":"Access denied."}}`)
	})
	_, _, err := c.Get(context.Background(), "TeamsMeetingPolicy", "Tag:Missing")
	if !transport.IsNotFound(err) || !strings.Contains(err.Error(), "no such thing") || !strings.Contains(err.Error(), "corr-123") {
		t.Fatalf("404: %v", err)
	}
	_, err = c.Update(context.Background(), "TeamsMeetingPolicy", "Global", map[string]any{"AllowCloudRecording": false})
	if transport.StatusCode(err) != 403 || !strings.Contains(err.Error(), "Teams Administrator") || !strings.Contains(err.Error(), "Access denied.") {
		t.Fatalf("403: %v", err)
	}
}

func TestUpdateSendsOnlyTheGivenParametersWithoutIdentity(t *testing.T) {
	c, _ := newClient(t, func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		if r.Method != http.MethodPut || string(b) != `{"AllowCloudRecording":false}` {
			t.Errorf("%s body %s", r.Method, b)
		}
		w.WriteHeader(http.StatusNoContent)
	})
	if _, err := c.Update(context.Background(), "TeamsMeetingPolicy", "Tag:Telehealth", map[string]any{"AllowCloudRecording": false}); err != nil {
		t.Fatal(err)
	}
}

// A create whose answer was lost (504: the gateway gave up waiting) is read back,
// not posted again blindly.
func TestCreateThatMayHaveCommittedIsReadBack(t *testing.T) {
	var posts atomic.Int32
	c, _ := newClient(t, func(w http.ResponseWriter, r *http.Request) {
		switch r.Method {
		case http.MethodPost:
			posts.Add(1)
			b, _ := io.ReadAll(r.Body)
			if !strings.Contains(string(b), `"Identity":"Tag:Telehealth"`) {
				t.Errorf("create body lacks Identity: %s", b)
			}
			w.WriteHeader(http.StatusGatewayTimeout)
			_, _ = io.WriteString(w, `{"error":{"code":"GatewayTimeout","message":"try later"}}`)
		case http.MethodGet:
			_, _ = io.WriteString(w, `{"Identity":"Tag:Telehealth","AllowCloudRecording":false}`)
		}
	})
	obj, _, err := c.Create(context.Background(), "TeamsMeetingPolicy", "Tag:Telehealth", map[string]any{"AllowCloudRecording": false})
	if err != nil || obj.Identity() != "Tag:Telehealth" {
		t.Fatalf("err=%v obj=%v", err, obj)
	}
	if n := posts.Load(); n != 1 {
		t.Fatalf("POST sent %d times, want 1", n)
	}
}

func TestCreateRetriesOnlyWhenTheReadConfirmsAbsence(t *testing.T) {
	var posts atomic.Int32
	c, _ := newClient(t, func(w http.ResponseWriter, r *http.Request) {
		switch r.Method {
		case http.MethodPost:
			if posts.Add(1) == 1 {
				w.WriteHeader(http.StatusGatewayTimeout)
				return
			}
			w.WriteHeader(http.StatusCreated)
			_, _ = io.WriteString(w, `{"Identity":"Tag:Telehealth"}`)
		case http.MethodGet:
			w.WriteHeader(http.StatusNotFound)
			_, _ = io.WriteString(w, `{"error":{"code":"NotFound","message":"not found"}}`)
		}
	})
	obj, _, err := c.Create(context.Background(), "TeamsMeetingPolicy", "Tag:Telehealth", nil)
	if err != nil || obj.Identity() != "Tag:Telehealth" || posts.Load() != 2 {
		t.Fatalf("err=%v obj=%v posts=%d", err, obj, posts.Load())
	}
	if errors.Is(err, transport.ErrMaybeCommitted) {
		t.Fatal("a confirmed create must not report ErrMaybeCommitted")
	}
}
