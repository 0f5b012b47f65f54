package transport

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"sort"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// vclock is virtual time for concurrent requests: goroutines started with
// goRun sleep on it, and when every one of them is asleep the clock jumps to
// the earliest wake-up and wakes that one alone (ties in the order they
// slept). Only one goroutine runs at a time, so a run is deterministic.
type vclock struct {
	mu      sync.Mutex
	now     time.Time
	running int
	seq     int
	waiters []*vwaiter
	wg      sync.WaitGroup
}

type vwaiter struct {
	at  time.Time
	seq int
	ch  chan struct{}
}

// newVClock starts far in the future: request contexts carry real deadlines
// set from virtual time, which must not run out in real time.
func newVClock() *vclock { return &vclock{now: time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC)} }

func (c *vclock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *vclock) Sleep(ctx context.Context, d time.Duration) error {
	c.mu.Lock()
	w := &vwaiter{at: c.now.Add(max(d, 0)), seq: c.seq, ch: make(chan struct{})}
	c.seq++
	c.waiters = append(c.waiters, w)
	c.running--
	c.wakeLocked()
	c.mu.Unlock()
	<-w.ch
	return ctx.Err()
}

// wakeLocked wakes the earliest sleeper once nobody runs.
func (c *vclock) wakeLocked() {
	if c.running > 0 || len(c.waiters) == 0 {
		return
	}
	sort.Slice(c.waiters, func(i, j int) bool {
		a, b := c.waiters[i], c.waiters[j]
		if !a.at.Equal(b.at) {
			return a.at.Before(b.at)
		}
		return a.seq < b.seq
	})
	w := c.waiters[0]
	c.waiters = c.waiters[1:]
	if w.at.After(c.now) {
		c.now = w.at
	}
	c.running++
	close(w.ch)
}

// goRun starts n goroutines on the clock; each first sleeps i nanoseconds,
// so they start one by one in order.
func (c *vclock) goRun(n int, f func(i int)) {
	c.mu.Lock()
	c.running += n
	c.mu.Unlock()
	for i := range n {
		c.wg.Add(1)
		go func() {
			defer c.wg.Done()
			_ = c.Sleep(context.Background(), time.Duration(i))
			f(i)
			c.mu.Lock()
			c.running--
			c.wakeLocked()
			c.mu.Unlock()
		}()
	}
	c.wg.Wait()
}

// rateLimited is a fake service on the virtual clock that admits at most one
// write per interval and answers the others 429 with the wait left as
// Retry-After (to the millisecond, as Graph sends it); reads always pass.
// Each request takes latency to arrive and latency to come back.
type rateLimited struct {
	clock     *vclock
	interval  time.Duration
	latency   time.Duration
	mu        sync.Mutex
	last      time.Time
	admitted  []time.Time
	throttled int
}

func (s *rateLimited) RoundTrip(r *http.Request) (*http.Response, error) {
	_ = s.clock.Sleep(r.Context(), s.latency)
	now := s.clock.Now()
	status, hdr := http.StatusCreated, http.Header{}
	if r.Method != http.MethodGet {
		s.mu.Lock()
		if wait := s.last.Add(s.interval).Sub(now); !s.last.IsZero() && wait > 0 {
			status = http.StatusTooManyRequests
			hdr.Set("Retry-After", fmt.Sprintf("%.3f", float64((wait+time.Millisecond-1)/time.Millisecond)/1000))
			s.throttled++
		} else {
			s.last = now
			s.admitted = append(s.admitted, now)
		}
		s.mu.Unlock()
	} else {
		status = http.StatusOK
	}
	_ = s.clock.Sleep(r.Context(), s.latency)
	return &http.Response{StatusCode: status, Header: hdr, Body: io.NopCloser(strings.NewReader("{}")), Request: r}, nil
}

// seededJitter is a deterministic Jitter.
func seededJitter(seed uint64) func(time.Duration) time.Duration {
	var mu sync.Mutex
	r := rand.New(rand.NewPCG(seed, seed))
	return func(d time.Duration) time.Duration {
		mu.Lock()
		defer mu.Unlock()
		if d <= 0 {
			return 0
		}
		return time.Duration(r.Int64N(int64(d) + 1))
	}
}

// applyUnderThrottle runs what terraform apply does with its default
// parallelism: writes creates by workers at once, each taking the next one
// when its last is done, against one write per second. It returns the
// virtual time taken, the service, and the requests that failed.
func applyUnderThrottle(t *testing.T, pacer *Pacer, writes, workers int, seed uint64) (time.Duration, *rateLimited, []error) {
	t.Helper()
	clock := newVClock()
	svc := &rateLimited{clock: clock, interval: time.Second, latency: 25 * time.Millisecond}
	c := New(Options{Base: svc, Sleep: clock.Sleep, Now: clock.Now, Jitter: seededJitter(seed), Pacer: pacer, Tenant: "t1",
		Surfaces: []string{"https://graph.example/"}})
	begin := clock.Now()
	var mu sync.Mutex
	next := 0
	var errs []error
	clock.goRun(workers, func(int) {
		for {
			mu.Lock()
			n := next
			next++
			mu.Unlock()
			if n >= writes {
				return
			}
			ctx, cancel := context.WithDeadline(context.Background(), clock.Now().Add(30*time.Minute))
			req, _ := http.NewRequestWithContext(ctx, http.MethodPost, "https://graph.example/v1.0/identity/conditionalAccess/policies", strings.NewReader(fmt.Sprintf(`{"n":%d}`, n)))
			resp, err := c.Do(req)
			if err == nil {
				_ = resp.Body.Close()
				if resp.StatusCode != http.StatusCreated {
					err = fmt.Errorf("write %d: %d", n, resp.StatusCode)
				}
			}
			cancel()
			if err != nil {
				mu.Lock()
				errs = append(errs, err)
				mu.Unlock()
			}
		}
	})
	return clock.Now().Sub(begin), svc, errs
}

// Twenty creates, ten at a time, against one write per second: with a shared
// pacer they queue, every one succeeds, in virtual time within 1.3x of the
// 20 s floor, and few are refused. Without one they come back in bursts and
// are refused many times more.
func TestPacedWritesUnderARateLimit(t *testing.T) {
	for seed := uint64(1); seed <= 5; seed++ {
		took, svc, errs := applyUnderThrottle(t, NewPacer(), 20, 10, seed)
		if len(errs) > 0 {
			t.Fatalf("seed %d: failed writes: %v", seed, errs)
		}
		if len(svc.admitted) != 20 {
			t.Fatalf("seed %d: %d writes admitted, want 20", seed, len(svc.admitted))
		}
		if took > 26*time.Second {
			t.Errorf("seed %d: paced apply took %s of virtual time, want within 1.3x of the 20 s floor", seed, took)
		}
		if svc.throttled > 20 {
			t.Errorf("seed %d: paced apply was refused %d times, want at most one per write", seed, svc.throttled)
		}
		t.Logf("seed %d: paced: %s, %d refused", seed, took.Round(time.Millisecond), svc.throttled)
	}
	took, svc, errs := applyUnderThrottle(t, nil, 20, 10, 1)
	t.Logf("unpaced: %s, %d refused, %d failed", took.Round(time.Millisecond), svc.throttled, len(errs))
	if svc.throttled < 50 {
		t.Errorf("unpaced apply was refused only %d times: the fake is not strict enough to show pacing", svc.throttled)
	}
}

// A throttle closes the lane until its Retry-After and teaches an interval;
// requests sent before the lesson teach nothing more; each 2xx releases a
// sixty-fourth of it, until the lane is unpaced again.
func TestPacerLearnsAndReleases(t *testing.T) {
	p := NewPacer()
	l := Lane{Tenant: "t1", Surface: "graph", Write: true}
	t0 := time.Date(2026, 12, 5, 1, 0, 0, 0, time.UTC)
	none := func(time.Duration) time.Duration { return 0 }
	for range 3 { // a burst: three start at once, unpaced
		if s := p.reserve(l, t0, t0, none); !s.Equal(t0) {
			t.Fatalf("unpaced lane booked %s", s.Sub(t0))
		}
	}
	p.throttled(l, t0, t0.Add(10*time.Millisecond), time.Second)
	p.throttled(l, t0, t0.Add(11*time.Millisecond), 990*time.Millisecond) // same burst: no second lesson
	want := time.Second + time.Second/growMargin                          // the admitted one is unknown: the Retry-After
	if got := p.Interval(l); got != want {
		t.Fatalf("interval %s, want %s", got, want)
	}
	now := t0.Add(20 * time.Millisecond)
	s1 := p.reserve(l, now, now, none)
	s2 := p.reserve(l, now, now, none)
	if !s1.Equal(t0.Add(1010*time.Millisecond)) || s2.Sub(s1) != want {
		t.Errorf("slots at %s and %s, want the Retry-After then one interval later", s1.Sub(t0), s2.Sub(t0))
	}
	if other := p.reserve(Lane{Tenant: "t1", Surface: "graph"}, now, now, none); !other.Equal(now) {
		t.Errorf("reads waited %s behind writes", other.Sub(now))
	}
	if other := p.reserve(Lane{Tenant: "t2", Surface: "graph", Write: true}, now, now, none); !other.Equal(now) {
		t.Errorf("another tenant waited %s", other.Sub(now))
	}
	p.succeeded(l, s1)
	if got := p.Interval(l); got != want-want/releaseShare {
		t.Errorf("after one 2xx: %s", got)
	}
	// The second was sent 300ms late (a busy machine) and admitted; the next
	// one, on its slot, is refused: it came 0.7 interval after the late
	// one. The estimate is the service's interval (1s, from the admitted
	// one's start to the reopening), not the interval plus the Retry-After.
	late := s2.Add(300 * time.Millisecond)
	p.succeeded(l, late)
	s3 := p.reserve(l, late, late, none)
	refused := s3.Add(10 * time.Millisecond)
	p.throttled(l, s3, refused, late.Add(time.Second).Sub(refused))
	if got := p.Interval(l); got != want {
		t.Errorf("after a throttle following a late send: interval %s, want %s (1s and the margin)", got, want)
	}
	// Idle for more than idleShare intervals past its last slot: unpaced.
	idle := s3.Add(time.Duration(idleShare+1) * want)
	if s := p.reserve(l, idle, idle, none); !s.Equal(idle) || p.Interval(l) != 0 {
		t.Errorf("an idle lane still paced: slot %s later, interval %s", s.Sub(idle), p.Interval(l))
	}
	p.throttled(l, idle, idle, time.Second)
	for range 5000 {
		p.succeeded(l, late)
	}
	if got := p.Interval(l); got != 0 {
		t.Errorf("after many 2xx the lane is still paced at %s", got)
	}
}

func TestLaneOf(t *testing.T) {
	const sim = "https://127.0.0.1:8443"
	rt := newRoundTripper(Options{Base: http.DefaultTransport, Tenant: "t1", Surfaces: []string{
		sim, sim + "/graph", sim + "/teams/", "https://graph.microsoft.com",
	}})
	for _, tc := range []struct {
		method, url string
		want        Lane
	}{
		{"POST", sim + "/graph/v1.0/identity/conditionalAccess/policies", Lane{"t1", sim + "/graph", true}},
		{"GET", sim + "/graph/v1.0/identity/conditionalAccess/policies?$top=5", Lane{"t1", sim + "/graph", false}},
		{"PUT", sim + "/teams/Skype.Policy/configurations/X", Lane{"t1", sim + "/teams", true}},
		{"POST", sim + "/tenant/oauth2/v2.0/token", Lane{"t1", sim, true}},
		{"GET", sim + "/graphical", Lane{"t1", sim, false}},
		{"PATCH", "https://graph.microsoft.com/v1.0/identity/conditionalAccess/policies/1", Lane{"t1", "https://graph.microsoft.com", true}},
		{"DELETE", "https://login.example/t/oauth2", Lane{"t1", "https://login.example", true}},
	} {
		req, _ := http.NewRequest(tc.method, tc.url, nil)
		if got := rt.laneOf(req); got != tc.want {
			t.Errorf("%s %s: lane %+v, want %+v", tc.method, tc.url, got, tc.want)
		}
	}
}

// With a pacer, a throttled request still waits at least its Retry-After
// (plus jitter), and when the lane's next slot lies past the deadline the
// caller gets the service's 429 (body kept) rather than a wait it cannot finish.
func TestPacedRetryAfterFloorAndDeadline(t *testing.T) {
	srv := newSeqServer(t, func(n int, w http.ResponseWriter, _ *http.Request) {
		if n == 0 {
			w.Header().Set("Retry-After", "2")
			w.WriteHeader(429)
			_, _ = io.WriteString(w, `{"error":{"code":"TooManyRequests"}}`)
			return
		}
		w.WriteHeader(200)
	})
	clock := newVClock()
	w := &waits{}
	sleep := func(ctx context.Context, d time.Duration) error { _ = w.sleep(ctx, d); return clock.Sleep(ctx, d) }
	c := New(Options{Sleep: sleep, Now: clock.Now, Pacer: NewPacer(), Jitter: func(time.Duration) time.Duration { return 0 }})
	clock.goRun(1, func(int) {
		resp, _, err := do(t, c, newReq(t, context.Background(), http.MethodPost, srv.URL, "{}"))
		if err != nil || resp.StatusCode != 200 {
			t.Errorf("%v %v", resp, err)
		}
	})
	if got := w.get(); len(got) != 1 || got[0] < 2*time.Second {
		t.Errorf("waits %v, want one of at least the Retry-After (2s)", got)
	}

	// A lane closed for a minute, and a request with 10 s left.
	p := NewPacer()
	srv2 := newSeqServer(t, func(n int, w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Retry-After", "1")
		w.WriteHeader(429)
		_, _ = io.WriteString(w, `{"error":{"code":"TooManyRequests","message":"slow down"}}`)
	})
	c2 := New(Options{Sleep: w.sleep, Pacer: p})
	req, _ := http.NewRequest(http.MethodPost, srv2.URL, strings.NewReader("{}"))
	lane := c2.Transport.(*roundTripper).laneOf(req)
	now := time.Now()
	p.throttled(lane, now, now, time.Minute)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if _, _, err := do(t, c2, newReq(t, ctx, http.MethodPost, srv2.URL, "{}")); err == nil || !strings.Contains(err.Error(), "waiting for a slot") {
		t.Errorf("a lane closed past the deadline: err %v", err)
	}
	if srv2.hits.Load() != 0 {
		t.Errorf("sent %d requests into a closed lane", srv2.hits.Load())
	}
}

// A request that failed to connect, whose lane another request's throttle
// closed past its deadline, returns its connection error (never nil, nil).
func TestPacedConnErrorIntoClosedLane(t *testing.T) {
	p := NewPacer()
	var rt *roundTripper
	dialErr := &net.OpError{Op: "dial", Net: "tcp", Err: syscall.ECONNREFUSED}
	rt = newRoundTripper(Options{Pacer: p, Sleep: (&waits{}).sleep, Base: roundTripFunc(func(r *http.Request) (*http.Response, error) {
		now := time.Now()
		p.throttled(rt.laneOf(r), now, now, time.Minute)
		return nil, dialErr
	})})
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	req := newReq(t, ctx, http.MethodGet, "https://svc.example/x", "")
	resp, err := rt.RoundTrip(req)
	if resp != nil || !errors.Is(err, syscall.ECONNREFUSED) {
		t.Errorf("got %v, %v; want the dial error", resp, err)
	}
}
