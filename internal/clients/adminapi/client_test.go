package adminapi

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/poll"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/transport"
)

const tenant = "00000000-0000-0000-0000-000000000000"

func fixture(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// recorded is one request the fake service saw.
type recorded struct {
	Method, Path, Query, Auth, Anchor, Cookie string
	Body                                      map[string]any
}

type fake struct {
	mu   sync.Mutex
	reqs []recorded
}

func (f *fake) record(r *http.Request) recorded {
	rec := recorded{Method: r.Method, Path: r.URL.Path, Query: r.URL.RawQuery, Auth: r.Header.Get("Authorization"),
		Anchor: r.Header.Get("X-AnchorMailbox"), Cookie: r.Header.Get("Cookie")}
	if b, _ := io.ReadAll(r.Body); len(b) > 0 {
		_ = json.Unmarshal(b, &rec.Body)
	}
	f.mu.Lock()
	f.reqs = append(f.reqs, rec)
	f.mu.Unlock()
	return rec
}

func (f *fake) all() []recorded {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]recorded(nil), f.reqs...)
}

// fixtureClient is a client of a fake service that answers every request
// with the fixture name, recording each request in the fake it returns.
func fixtureClient(t *testing.T, name string) (*Client, *fake) {
	t.Helper()
	body := fixture(t, name)
	f := &fake{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f.record(r)
		_, _ = w.Write(body)
	}))
	t.Cleanup(srv.Close)
	return newTestClient(t, srv), f
}

func newTestClient(t *testing.T, srv *httptest.Server) *Client {
	t.Helper()
	hc := transport.New(transport.Options{
		Base:  srv.Client().Transport,
		Sleep: func(context.Context, time.Duration) error { return nil },
	})
	return New(hc, srv.URL, tenant, func(context.Context) (string, error) { return "tok", nil }, "").WithService(ComplianceService)
}

func invokePath() string { return "/adminapi/beta/" + tenant + "/InvokeCommand" }

func TestInvoke_requestShapeAndDecode(t *testing.T) {
	f := &fake{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f.record(r)
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(fixture(t, "get_dlp_rule.json"))
	}))
	defer srv.Close()
	c := newTestClient(t, srv)
	objs, res, err := c.Invoke(context.Background(), "Get-DlpComplianceRule", map[string]any{"Identity": "Baseline Rule"})
	if err != nil {
		t.Fatal(err)
	}
	if len(objs) != 1 || objs[0]["ParentPolicyName"] != "Default Office 365 DLP policy" || len(res.Warnings) != 0 {
		t.Fatalf("objs %v res %v", objs, res)
	}
	sits, _ := objs[0]["ContentContainsSensitiveInformation"].([]any)
	if len(sits) != 2 || sits[1].(map[string]any)["id"] != "a44669fe-0d48-453d-a9b1-2cc83f2cba77" {
		t.Fatalf("sensitive types %v", sits)
	}
	reqs := f.all()
	if len(reqs) != 1 {
		t.Fatalf("%d requests", len(reqs))
	}
	r := reqs[0]
	if r.Method != http.MethodPost || r.Path != invokePath() || r.Auth != "Bearer tok" {
		t.Fatalf("request %+v", r)
	}
	if r.Anchor != "APP:SystemMailbox{bb558c35-97f1-4cb9-8ff7-d53741dc928c}@"+tenant {
		t.Fatalf("anchor %q", r.Anchor)
	}
	in, _ := r.Body["CmdletInput"].(map[string]any)
	if in["CmdletName"] != "Get-DlpComplianceRule" || in["Parameters"].(map[string]any)["Identity"] != "Baseline Rule" {
		t.Fatalf("body %v", r.Body)
	}
}

func TestInvoke_explicitAnchor(t *testing.T) {
	f := &fake{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f.record(r)
		_, _ = io.WriteString(w, `{"value":[]}`)
	}))
	defer srv.Close()
	c := New(srv.Client(), srv.URL, tenant, func(context.Context) (string, error) { return "tok", nil }, "UPN:OAuthUser@contoso.onmicrosoft.com")
	if _, _, err := c.Invoke(context.Background(), "Get-AdminAuditLogConfig", nil); err != nil {
		t.Fatal(err)
	}
	if got := f.all()[0].Anchor; got != "UPN:OAuthUser@contoso.onmicrosoft.com" {
		t.Fatalf("anchor %q", got)
	}
}

func TestInvoke_pagingAndWarnings(t *testing.T) {
	f := &fake{}
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f.record(r)
		if r.URL.Query().Get("$skiptoken") == "page2" {
			_, _ = w.Write(fixture(t, "get_dlp_policy_page2.json"))
			return
		}
		_, _ = io.WriteString(w, strings.ReplaceAll(string(fixture(t, "get_dlp_policy_page1.json")), "{{BASE}}", srv.URL))
	}))
	defer srv.Close()
	c := newTestClient(t, srv)
	objs, res, err := c.Invoke(context.Background(), "Get-DlpCompliancePolicy", nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(objs) != 2 || objs[1]["Name"] != "Credit card numbers" {
		t.Fatalf("objs %v", objs)
	}
	if len(res.Warnings) != 2 || res.Warnings[1] != "second page warning" {
		t.Fatalf("warnings %v", res.Warnings)
	}
	reqs := f.all()
	if len(reqs) != 2 || reqs[0].Method != http.MethodPost || reqs[1].Method != http.MethodPost || reqs[1].Auth != "Bearer tok" ||
		reqs[1].Query != "$skiptoken=page2" || !reflect.DeepEqual(reqs[1].Body, reqs[0].Body) {
		t.Fatalf("requests %+v", reqs)
	}
}

// A front end that serves nextLink pages only to GET answers the POST with
// 405; the client reads the page with GET instead.
func TestInvoke_pagingFallsBackToGet(t *testing.T) {
	f := &fake{}
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := f.record(r)
		if r.URL.Query().Get("$skiptoken") == "page2" {
			if rec.Method != http.MethodGet {
				w.WriteHeader(http.StatusMethodNotAllowed)
				return
			}
			_, _ = w.Write(fixture(t, "get_dlp_policy_page2.json"))
			return
		}
		_, _ = io.WriteString(w, strings.ReplaceAll(string(fixture(t, "get_dlp_policy_page1.json")), "{{BASE}}", srv.URL))
	}))
	defer srv.Close()
	objs, _, err := newTestClient(t, srv).Invoke(context.Background(), "Get-DlpCompliancePolicy", nil)
	if err != nil || len(objs) != 2 {
		t.Fatalf("objs %v err %v", objs, err)
	}
	if reqs := f.all(); len(reqs) != 3 || reqs[1].Method != http.MethodPost || reqs[2].Method != http.MethodGet {
		t.Fatalf("requests %+v", reqs)
	}
}

func TestInvoke_pagingLoopStops(t *testing.T) {
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.WriteString(w, `{"value":[{}],"@odata.nextLink":"`+srv.URL+invokePath()+`?$skiptoken=same"}`)
	}))
	defer srv.Close()
	_, _, err := newTestClient(t, srv).Invoke(context.Background(), "Get-DlpCompliancePolicy", nil)
	if err == nil || !strings.Contains(err.Error(), "paging did not end") {
		t.Fatalf("err %v", err)
	}
}

// The front end redirects to a regional host and sets an affinity cookie: the
// POST must be repeated there (same method and body), with the bearer token
// and the cookie, and later calls must go to the regional host directly.
func TestInvoke_redirectCookieBearer(t *testing.T) {
	f := &fake{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := f.record(r)
		switch {
		case strings.HasPrefix(r.URL.Path, "/region"):
			if rec.Auth != "Bearer tok" {
				http.Error(w, `{"error":{"code":"Unauthorized","message":"no token"}}`, http.StatusUnauthorized)
				return
			}
			if !strings.Contains(rec.Cookie, "affinity=nam12") {
				http.Error(w, `{"error":{"code":"BadRequest","message":"no affinity cookie"}}`, http.StatusBadRequest)
				return
			}
			_, _ = io.WriteString(w, `{"value":[{"Name":"x"}]}`)
		default:
			http.SetCookie(w, &http.Cookie{Name: "affinity", Value: "nam12", Path: "/"})
			w.Header().Set("Location", "/region"+r.URL.Path)
			w.WriteHeader(http.StatusFound)
		}
	}))
	defer srv.Close()
	c := newTestClient(t, srv)
	for i := 0; i < 2; i++ {
		objs, _, err := c.Invoke(context.Background(), "New-DlpCompliancePolicy", map[string]any{"Name": "x"})
		if err != nil {
			t.Fatal(err)
		}
		if len(objs) != 1 {
			t.Fatalf("objs %v", objs)
		}
	}
	reqs := f.all()
	if len(reqs) != 3 {
		t.Fatalf("want redirect + regional call + pinned regional call, got %+v", reqs)
	}
	for _, r := range reqs[1:] {
		if r.Method != http.MethodPost || r.Path != "/region"+invokePath() {
			t.Fatalf("regional request %+v", r)
		}
		if in, _ := r.Body["CmdletInput"].(map[string]any); in["CmdletName"] != "New-DlpCompliancePolicy" {
			t.Fatalf("body not repeated: %v", r.Body)
		}
	}
	if c.Base() != srv.URL+"/region" {
		t.Fatalf("base not pinned: %s", c.Base())
	}
}

func TestInvoke_redirectToUntrustedHostRefused(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Location", "http://evil.example.com/adminapi/beta/"+tenant+"/InvokeCommand")
		w.WriteHeader(http.StatusFound)
	}))
	defer srv.Close()
	_, _, err := newTestClient(t, srv).Invoke(context.Background(), "Get-DlpCompliancePolicy", nil)
	if err == nil || !strings.Contains(err.Error(), "refusing to send the bearer token") {
		t.Fatalf("err %v", err)
	}
}

func TestTrustedRedirectAndRewrite(t *testing.T) {
	c := New(nil, "https://ps.compliance.protection.outlook.com", tenant, nil, "")
	u := mustURL(t, "https://nam12b.admin.protection.outlook.com:446/adminapi/beta/x/InvokeCommand")
	got := c.rewriteRedirect(u)
	if got.Host != "nam12b.ps.compliance.protection.outlook.com:443" {
		t.Fatalf("rewrite %s", got)
	}
	from := mustURL(t, "https://ps.compliance.protection.outlook.com/x")
	for to, want := range map[string]bool{
		"https://nam12b.ps.compliance.protection.outlook.com/x": true,
		"https://outlook.office365.com/x":                       true,
		"http://nam12b.ps.compliance.protection.outlook.com/x":  false,
		"https://evil.example.com/x":                            false,
		"https://outlook.com.evil.example/x":                    false,
	} {
		if trustedRedirect(from, mustURL(t, to)) != want {
			t.Errorf("trustedRedirect(%s) != %v", to, want)
		}
	}
	if trustedRedirect(mustURL(t, "http://127.0.0.1:1/x"), mustURL(t, "http://10.0.0.1:1/x")) {
		t.Error("an IP host must not trust its 'parent domain'")
	}
}

func TestInvoke_errorsCarryCmdletMessage(t *testing.T) {
	for _, tc := range []struct {
		fixture, want, typeName string
		status                  int
		notFound, deploying     bool
	}{
		{"error_already_exists.json", "The object 'CN=rg,OU=x' already exists.", "Microsoft.Exchange.Data.Directory.ADObjectAlreadyExistsException", 400, false, false},
		{"error_not_found.json", "couldn't be found", "Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException", 404, true, false},
		{"error_not_found.json", "couldn't be found", "Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException", 400, true, false},
		{"error_being_deployed.json", "are being deployed", "", 400, false, true},
		{"error_forbidden.json", "Compliance Administrator", "", 403, false, false},
	} {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("request-id", "rid-123")
			w.WriteHeader(tc.status)
			_, _ = w.Write(fixture(t, tc.fixture))
		}))
		_, _, err := newTestClient(t, srv).Invoke(context.Background(), "Set-RetentionCompliancePolicy", map[string]any{"Identity": "x"})
		srv.Close()
		var ae *transport.APIError
		if !errors.As(err, &ae) {
			t.Fatalf("%s: want *APIError, got %T %v", tc.fixture, err, err)
		}
		msg := err.Error()
		if !strings.Contains(msg, tc.want) || strings.Contains(msg, "Error executing cmdlet") {
			t.Errorf("%s: message %q", tc.fixture, msg)
		}
		if !strings.Contains(msg, "rid-123") || ae.StatusCode != tc.status || !strings.Contains(msg, "Set-RetentionCompliancePolicy") {
			t.Errorf("%s: status/request id/cmdlet missing: %q", tc.fixture, msg)
		}
		if tc.typeName != "" && ae.TypeName != tc.typeName {
			t.Errorf("%s: type %q", tc.fixture, ae.TypeName)
		}
		if IsNotFound(err) != tc.notFound || IsBeingDeployed(err) != tc.deploying {
			t.Errorf("%s: IsNotFound %v IsBeingDeployed %v", tc.fixture, IsNotFound(err), IsBeingDeployed(err))
		}
	}
}

func TestGet_notFoundIsAbsent(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusNotFound)
		_, _ = w.Write(fixture(t, "error_not_found.json"))
	}))
	defer srv.Close()
	_, found, _, err := newTestClient(t, srv).Get(context.Background(), "Get-DlpCompliancePolicy", "x", nil)
	if err != nil || found {
		t.Fatalf("found %v err %v", found, err)
	}
}

// A New-* answered by 504 (the gateway timed out) may have been applied: it is
// read back, not sent again.
func TestCreateOrRead_readsBackInsteadOfRepeating(t *testing.T) {
	f := &fake{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := f.record(r)
		in, _ := rec.Body["CmdletInput"].(map[string]any)
		switch in["CmdletName"] {
		case "New-DlpCompliancePolicy":
			w.WriteHeader(http.StatusGatewayTimeout)
			_, _ = io.WriteString(w, `{"error":{"code":"ServiceUnavailable","message":"try later"}}`)
		case "Get-DlpCompliancePolicy":
			_, _ = io.WriteString(w, `{"value":[{"Name":"p","Mode":"Enable"}]}`)
		}
	}))
	defer srv.Close()
	c := newTestClient(t, srv)
	read := func(ctx context.Context) (map[string]any, bool, error) {
		o, found, _, err := c.Get(ctx, "Get-DlpCompliancePolicy", "p", nil)
		return o, found, err
	}
	obj, _, err := c.CreateOrRead(context.Background(), "New-DlpCompliancePolicy", map[string]any{"Name": "p"}, read)
	if err != nil || obj["Name"] != "p" {
		t.Fatalf("obj %v err %v", obj, err)
	}
	var news int
	for _, r := range f.all() {
		if in, _ := r.Body["CmdletInput"].(map[string]any); in["CmdletName"] == "New-DlpCompliancePolicy" {
			news++
		}
	}
	if news != 1 {
		t.Fatalf("New-DlpCompliancePolicy sent %d times, want 1", news)
	}
}

// Confirmed absent after a maybe-committed failure: the create is sent again.
func TestCreateOrRead_retriesWhenConfirmedAbsent(t *testing.T) {
	var mu sync.Mutex
	news := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var body map[string]map[string]any
		_ = json.NewDecoder(r.Body).Decode(&body)
		mu.Lock()
		defer mu.Unlock()
		switch body["CmdletInput"]["CmdletName"] {
		case "New-RetentionCompliancePolicy":
			news++
			if news == 1 {
				w.WriteHeader(http.StatusGatewayTimeout)
				return
			}
			_, _ = io.WriteString(w, `{"value":[{"Name":"p"}]}`)
		default:
			w.WriteHeader(http.StatusNotFound)
			_, _ = w.Write(fixture(t, "error_not_found.json"))
		}
	}))
	defer srv.Close()
	c := newTestClient(t, srv)
	read := func(ctx context.Context) (map[string]any, bool, error) {
		o, found, _, err := c.Get(ctx, "Get-RetentionCompliancePolicy", "p", nil)
		return o, found, err
	}
	obj, _, err := c.CreateOrRead(context.Background(), "New-RetentionCompliancePolicy", map[string]any{"Name": "p"}, read)
	if err != nil || obj["Name"] != "p" || news != 2 {
		t.Fatalf("obj %v err %v news %d", obj, err, news)
	}
}

// Any cmdlet, a New-* or Remove-* as well as a Get-*, is retried by the
// transport after a 503: the service did not take it.
func TestInvoke_retriedOn503(t *testing.T) {
	for _, cmdlet := range []string{"Get-DlpCompliancePolicy", "New-DlpCompliancePolicy", "Remove-DlpCompliancePolicy"} {
		t.Run(cmdlet, func(t *testing.T) { testRetriedOn503(t, cmdlet) })
	}
}

func testRetriedOn503(t *testing.T, cmdlet string) {
	var mu sync.Mutex
	calls := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		calls++
		n := calls
		mu.Unlock()
		if n == 1 {
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		_, _ = io.WriteString(w, `{"value":[{"Name":"p"}]}`)
	}))
	defer srv.Close()
	objs, _, err := newTestClient(t, srv).Invoke(context.Background(), cmdlet, nil)
	if err != nil || len(objs) != 1 || calls != 2 {
		t.Fatalf("objs %v err %v calls %d", objs, err, calls)
	}
}

func TestInvoke_errorInside200(t *testing.T) {
	c, _ := fixtureClient(t, "error_already_exists.json")
	_, _, err := c.Invoke(context.Background(), "New-DlpCompliancePolicy", nil)
	if err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Fatalf("err %v", err)
	}
}

// Concurrent first calls of a client follow one redirect between them: the
// others wait for the first call's redirect and go to the regional host.
func TestInvoke_concurrentFirstCallsFollowOneRedirect(t *testing.T) {
	f := &fake{}
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f.record(r)
		if strings.HasPrefix(r.URL.Path, "/region") {
			_, _ = io.WriteString(w, `{"value":[{"Name":"x"}]}`)
			return
		}
		<-release // the first call stays in flight until the others wait for it
		w.Header().Set("Location", "/region"+r.URL.Path)
		w.WriteHeader(http.StatusFound)
	}))
	defer srv.Close()
	c := newTestClient(t, srv)
	ctx := context.Background()
	await := func(what string, cond func() bool) {
		t.Helper()
		err := poll.Until(ctx, poll.Options{Timeout: 10 * time.Second, Interval: time.Millisecond, MaxInt: 20 * time.Millisecond}, what,
			func(context.Context) (bool, error) { return cond(), nil })
		if err != nil {
			close(release)
			t.Fatal(err)
		}
	}
	var wg sync.WaitGroup
	errs := make(chan error, 6)
	call := func() {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, _, err := c.Invoke(ctx, "Get-DlpCompliancePolicy", nil)
			errs <- err
		}()
	}
	call()
	await("the first call at the front end", func() bool { return len(f.all()) == 1 })
	for range 5 {
		call()
	}
	await("five calls waiting for the first", func() bool {
		c.route.mu.Lock()
		defer c.route.mu.Unlock()
		return c.route.waited == 5
	})
	close(release)
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	var toFront int
	for _, r := range f.all() {
		if !strings.HasPrefix(r.Path, "/region") {
			toFront++
		}
	}
	if toFront != 1 || len(f.all()) != 7 {
		t.Fatalf("%d requests, %d of them to the front end: want 7, one redirected", len(f.all()), toFront)
	}
}
