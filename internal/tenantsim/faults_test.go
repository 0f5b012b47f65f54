package tenantsim

import (
	"crypto/tls"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestFaultStatusWithRetryAfter(t *testing.T) {
	s, tc := teamsSetup(t)
	s.AddFault(Fault{Surface: "teams", Method: "GET", PathPrefix: "/Skype.Policy", Kind: FaultStatus, Status: 429, RetryAfter: "2", Count: 1})
	res := tc.do("GET", meetingPath, nil)
	if res.status != 429 || res.header.Get("Retry-After") != "2" {
		t.Fatalf("want 429 with Retry-After 2, got %d %v", res.status, res.header)
	}
	if e, _ := res.json(t)["error"].(map[string]any); e["code"] != "TooManyRequests" {
		t.Errorf("teams error shape: %s", res.body)
	}
	if !guidRE.MatchString(res.header.Get("request-id")) {
		t.Error("faulted answer has no request-id")
	}
	if res := tc.do("GET", meetingPath, nil); res.status != 200 {
		t.Errorf("after the fault ran out: %d", res.status)
	}

	// Surface filter: a graph fault leaves teams alone; "*" hits every surface.
	s.AddFault(Fault{Surface: "graph", Kind: FaultStatus, Status: 503})
	if res := tc.do("GET", meetingPath, nil); res.status != 200 {
		t.Errorf("graph fault hit teams: %d", res.status)
	}
	s.ClearFaults()
	s.AddFault(Fault{Surface: "*", Kind: FaultStatus, Status: 503, Count: 2})
	if res := tc.do("GET", meetingPath, nil); res.status != 503 {
		t.Errorf("* fault on teams: %d", res.status)
	}
	res = postForm(t, s, s.TenantID(), tokenForm(s, s.FullApp()))
	if res.status != 503 || res.json(t)["error"] != "temporarily_unavailable" {
		t.Errorf("* fault on login: %d %s", res.status, res.body)
	}
}

func TestFaultDrop(t *testing.T) {
	s, tc := teamsSetup(t)
	s.AddFault(Fault{Surface: "teams", Kind: FaultDrop, Count: 1})
	// A fresh connection, so Go's transport cannot replay the request on a new one.
	pool := s.HTTPClient().Transport.(*http.Transport).TLSClientConfig.RootCAs
	client := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{
		TLSClientConfig: &tls.Config{RootCAs: pool}, DisableKeepAlives: true,
	}}
	req, _ := http.NewRequest("GET", s.URL()+"/teams"+meetingPath, nil)
	req.Header.Set("Authorization", "Bearer "+tc.token)
	req.Header.Set("X-MS-Target-Uri", tc.target)
	res, err := client.Do(req)
	if err == nil {
		res.Body.Close()
		t.Fatalf("dropped request got an answer: %d", res.StatusCode)
	}
	if r := tc.do("GET", meetingPath, nil); r.status != 200 {
		t.Errorf("after the drop: %d", r.status)
	}
	if n := s.Stats().Count("teams", "GET", meetingPath); n != 2 {
		t.Errorf("dropped request not counted: %d", n)
	}
}

func TestFaultLatency(t *testing.T) {
	s, tc := teamsSetup(t)
	s.AddFault(Fault{Surface: "teams", Kind: FaultLatency, LatencyMs: 200, Count: 1})
	start := time.Now()
	if res := tc.do("GET", meetingPath, nil); res.status != 200 {
		t.Fatalf("%d", res.status)
	}
	if d := time.Since(start); d < 200*time.Millisecond {
		t.Errorf("answered after %s, want >= 200ms", d)
	}
}

func TestCloseEndsPendingLatency(t *testing.T) {
	s, err := Start(Options{})
	if err != nil {
		t.Fatal(err)
	}
	token := tokenFor(t, s, s.FullApp(), audTeams)
	s.AddFault(Fault{Surface: "teams", Kind: FaultLatency, LatencyMs: 60000})
	done := make(chan error, 1)
	go func() {
		req, _ := http.NewRequest("GET", s.URL()+"/teams/Teams.Tenant/serviceDiscovery", nil)
		req.Header.Set("Authorization", "Bearer "+token)
		res, err := s.HTTPClient().Do(req)
		if err == nil {
			res.Body.Close()
		}
		done <- err
	}()
	if !eventually(t, 5*time.Second, func() bool { return s.Stats().Total > 2 }) {
		t.Fatal("request never arrived")
	}
	start := time.Now()
	if err := s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("Close took %s", d)
	}
	select {
	case err := <-done:
		t.Logf("the waiting request ended after Close: %v", err) // either outcome is fine: it did not hang
	case <-time.After(10 * time.Second):
		t.Fatal("client still waiting after Close")
	}
}

func TestFaultLagByReads(t *testing.T) {
	s, tc := teamsSetup(t)
	s.AddFault(Fault{Surface: "teams", Kind: FaultLag, Count: 2})
	// After a create: 404 for two reads (list counts as a read), then visible.
	if res := tc.do("POST", meetingPath, map[string]any{"Identity": "Tag:Lagging"}); res.status != 201 {
		t.Fatalf("create: %d %s", res.status, res.body)
	}
	if res := tc.do("GET", instancePath("Tag:Lagging"), nil); res.status != 404 {
		t.Errorf("read 1 after create: %d", res.status)
	}
	if ids := listIdentities(t, tc); strings.Contains(strings.Join(ids, ","), "Lagging") {
		t.Errorf("read 2 (list) after create shows it: %v", ids)
	}
	if res := tc.do("GET", instancePath("Tag:Lagging"), nil); res.status != 200 {
		t.Errorf("read 3 after create: %d", res.status)
	}
	// After an update: the old version, then the new one.
	if res := tc.do("PUT", instancePath("Tag:Lagging"), map[string]any{"AllowMeetNow": false}); res.status != 204 {
		t.Fatalf("update: %d", res.status)
	}
	for i, want := range []any{true, true, false} {
		if got := tc.do("GET", instancePath("Tag:Lagging"), nil).json(t)["AllowMeetNow"]; got != want {
			t.Errorf("read %d after update: AllowMeetNow=%v, want %v", i+1, got, want)
		}
	}
	// After a delete: still there for two reads.
	if res := tc.do("DELETE", instancePath("Tag:Lagging"), nil); res.status != 204 {
		t.Fatalf("delete: %d", res.status)
	}
	if ids := listIdentities(t, tc); !strings.Contains(strings.Join(ids, ","), "Tag:Lagging") {
		t.Errorf("list right after delete lost it: %v", ids)
	}
	for i, want := range []int{200, 404} {
		if got := tc.do("GET", instancePath("Tag:Lagging"), nil).status; got != want {
			t.Errorf("read %d after delete: %d, want %d", i+2, got, want)
		}
	}
}

func TestFaultLagByTime(t *testing.T) {
	s, tc := teamsSetup(t)
	s.AddFault(Fault{Surface: "teams", Method: "PUT", Kind: FaultLag, LagMs: 300})
	start := time.Now()
	if res := tc.do("PUT", instancePath("Global"), map[string]any{"AllowWhiteboard": false}); res.status != 204 {
		t.Fatalf("update: %d", res.status)
	}
	if got := tc.do("GET", instancePath("Global"), nil).json(t)["AllowWhiteboard"]; got != true {
		t.Errorf("first read after update: %v, want the old true", got)
	}
	if !eventually(t, 5*time.Second, func() bool {
		return tc.do("GET", instancePath("Global"), nil).json(t)["AllowWhiteboard"] == false
	}) {
		t.Fatal("update never became visible")
	}
	if d := time.Since(start); d < 300*time.Millisecond {
		t.Errorf("visible after %s, want >= 300ms", d)
	}
	// The fault only lags PUTs: a create is visible at once.
	if res := tc.do("POST", meetingPath, map[string]any{"Identity": "Tag:Now"}); res.status != 201 {
		t.Fatal(res.status)
	}
	if res := tc.do("GET", instancePath("Tag:Now"), nil); res.status != 200 {
		t.Errorf("create lagged: %d", res.status)
	}
}

func TestInvalidFaultsRejected(t *testing.T) {
	for _, f := range []Fault{
		{Kind: "explode"},
		{Surface: "fax", Kind: FaultDrop},
		{Kind: FaultStatus, Status: 200},
		{Kind: FaultLatency},
		{Kind: FaultLatency, LatencyMs: 3600000},
	} {
		if err := f.validate(); err == nil {
			t.Errorf("%+v accepted", f)
		}
	}
}

func TestSettleLagEndsPendingLag(t *testing.T) {
	s, tc := teamsSetup(t)
	s.AddFault(Fault{Surface: "teams", Method: "PUT", Kind: FaultLag, LagMs: 600000})
	if res := tc.do("PUT", instancePath("Global"), map[string]any{"AllowWhiteboard": false}); res.status != 204 {
		t.Fatalf("update: %d", res.status)
	}
	if got := tc.do("GET", instancePath("Global"), nil).json(t)["AllowWhiteboard"]; got != true {
		t.Fatalf("read inside the lag: %v, want the old true", got)
	}
	s.SettleLag()
	if got := tc.do("GET", instancePath("Global"), nil).json(t)["AllowWhiteboard"]; got != false {
		t.Errorf("read after SettleLag: %v, want the written false", got)
	}
}

// drop_after applies the write and then closes the connection: the client
// gets no answer, yet the instance exists.
func TestFaultDropAfterAppliesTheWrite(t *testing.T) {
	s, tc := teamsSetup(t)
	s.AddFault(Fault{Surface: "teams", Method: "POST", Kind: FaultDropAfter, Count: 1})
	pool := s.HTTPClient().Transport.(*http.Transport).TLSClientConfig.RootCAs
	client := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{
		TLSClientConfig: &tls.Config{RootCAs: pool}, DisableKeepAlives: true,
	}}
	req, _ := http.NewRequest("POST", s.URL()+"/teams"+meetingPath, strings.NewReader(`{"Identity":"Tag:DroppedAfter","AllowCloudRecording":false}`))
	req.Header.Set("Authorization", "Bearer "+tc.token)
	req.Header.Set("X-MS-Target-Uri", tc.target)
	req.Header.Set("Content-Type", "application/json")
	res, err := client.Do(req)
	if err == nil {
		res.Body.Close()
		t.Fatalf("dropped request got an answer: %d", res.StatusCode)
	}
	if _, ok := s.TeamsInstance("TeamsMeetingPolicy", "Tag:DroppedAfter"); !ok {
		t.Fatal("drop_after did not apply the write")
	}
	if len(s.Faults()) != 0 {
		t.Errorf("fault not used up: %+v", s.Faults())
	}
}

// A cmdlet fault hits only that cmdlet's InvokeCommand calls.
func TestFaultCmdletFilter(t *testing.T) {
	f := Fault{Surface: surfaceCompliance, Cmdlet: "Remove-DlpCompliancePolicy", Kind: FaultStatus, Status: 503}
	if f.matches(surfaceCompliance, "POST", "/adminapi", "/compliance/adminapi", "Get-DlpCompliancePolicy") {
		t.Error("matched another cmdlet")
	}
	if !f.matches(surfaceCompliance, "POST", "/adminapi", "/compliance/adminapi", "remove-dlpcompliancepolicy") {
		t.Error("did not match its cmdlet (case-insensitive)")
	}
	r, _ := http.NewRequest("POST", "https://x/compliance/adminapi/beta/t/InvokeCommand",
		strings.NewReader(`{"CmdletInput":{"CmdletName":"Remove-DlpCompliancePolicy","Parameters":{"Identity":"P"}}}`))
	if got := cmdletOf(surfaceCompliance, r); got != "Remove-DlpCompliancePolicy" {
		t.Errorf("cmdletOf = %q", got)
	}
	if b, _ := io.ReadAll(r.Body); !strings.Contains(string(b), `"Identity":"P"`) {
		t.Errorf("body not left readable: %q", b)
	}
}
