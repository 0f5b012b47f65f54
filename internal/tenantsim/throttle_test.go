package tenantsim

import (
	"sync"
	"testing"
	"time"
)

// fakeNow is a clock the test moves by hand.
type fakeNow struct {
	mu sync.Mutex
	t  time.Time
}

func (c *fakeNow) now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *fakeNow) add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// A rate fault admits one conditional access write per interval, answers the
// others with Graph's 429 and the wait left, lets reads through, and counts both.
func TestFaultRateThrottlesWritesAsARate(t *testing.T) {
	s := startSim(t, Options{})
	clock := &fakeNow{t: time.Date(2026, 12, 5, 1, 0, 0, 0, time.UTC)}
	s.faults.now = clock.now
	c := newGraphClient(t, s, s.FullApp())
	s.AddFault(Fault{Surface: "graph", PathPrefix: "/v1.0" + caPath, Kind: FaultRate, IntervalMs: 1000})

	if r := c.do("POST", caPath, docsPolicy()); r.status != 201 {
		t.Fatalf("first write: %d %s", r.status, r.body)
	}
	clock.add(250 * time.Millisecond)
	r := c.do("POST", caPath, docsPolicy())
	if r.status != 429 || r.header.Get("Retry-After") != "0.750" {
		t.Fatalf("second write 250ms later: %d, Retry-After %q; want 429 and 0.750", r.status, r.header.Get("Retry-After"))
	}
	if code, msg := graphErr(t, r); code != "TooManyRequests" || msg == "" {
		t.Errorf("429 body: code %q message %q", code, msg)
	}
	if r.header.Get("request-id") == "" {
		t.Error("429 without request-id")
	}
	if r := c.do("GET", caPath, nil); r.status != 200 {
		t.Errorf("a read during the window: %d", r.status)
	}
	if r := c.do("POST", nlPath, map[string]any{"@odata.type": odataCountryLocation, "displayName": "x", "countriesAndRegions": []any{"US"}}); r.status != 201 {
		t.Errorf("a write outside the path prefix: %d", r.status)
	}
	clock.add(749 * time.Millisecond)
	if r := c.do("POST", caPath, docsPolicy()); r.status != 429 || r.header.Get("Retry-After") != "0.001" {
		t.Errorf("1ms early: %d, Retry-After %q", r.status, r.header.Get("Retry-After"))
	}
	clock.add(time.Millisecond)
	if r := c.do("POST", caPath, docsPolicy()); r.status != 201 {
		t.Errorf("after the Retry-After: %d %s", r.status, r.body)
	}
	if n := len(s.GraphObjects(GraphKindCAPolicy)); n != 2 {
		t.Errorf("stored %d policies, want the 2 admitted", n)
	}
	f := s.Faults()
	if len(f) != 1 || f[0].Admitted != 2 || f[0].Throttled != 2 {
		t.Errorf("fault counters: %+v, want admitted 2 throttled 2 and still armed", f)
	}
	s.ClearFaults()
	if r := c.do("POST", caPath, docsPolicy()); r.status != 201 {
		t.Errorf("after clearing: %d", r.status)
	}
}

func TestFaultRateValidation(t *testing.T) {
	for _, f := range []Fault{
		{Surface: "graph", Kind: FaultRate},
		{Surface: "graph", Kind: FaultRate, IntervalMs: 61000},
		{Surface: "graph", Kind: FaultRate, IntervalMs: 1000, Count: 3},
	} {
		if err := f.validate(); err == nil {
			t.Errorf("%+v accepted", f)
		}
	}
	if err := (&Fault{Surface: "graph", Kind: FaultRate, IntervalMs: 1000}).validate(); err != nil {
		t.Error(err)
	}
}
