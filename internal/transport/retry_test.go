package transport

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"
)

func stringsReader(s string) io.Reader { return strings.NewReader(s) }

func TestRetriesThrottledAndUnavailableThenSucceeds(t *testing.T) {
	srv := newSeqServer(t, statuses(429, 503, 504, 200))
	w := &waits{}
	c := New(Options{Sleep: w.sleep})

	resp, body, err := do(t, c, newReq(t, context.Background(), http.MethodGet, srv.URL+"/x", ""))
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != 200 || string(body) != "OK" {
		t.Fatalf("got %d %q", resp.StatusCode, body)
	}
	if got := srv.hits.Load(); got != 4 {
		t.Fatalf("hits = %d, want 4", got)
	}
	got := w.get()
	if len(got) != 3 {
		t.Fatalf("waits = %v, want 3", got)
	}
	for i, d := range got {
		ceiling := min(DefaultMaxBackoff, DefaultMinBackoff<<i)
		if d < DefaultMinBackoff || d > ceiling {
			t.Errorf("wait %d = %s, want within [%s, %s]", i, d, DefaultMinBackoff, ceiling)
		}
	}
}

func TestBackoffBoundsAndJitter(t *testing.T) {
	rt := newRoundTripper(Options{MinBackoff: time.Second, MaxBackoff: 10 * time.Second, Base: http.DefaultTransport})
	seen := map[time.Duration]bool{}
	for attempt := range 40 {
		for range 50 {
			d := rt.backoff(attempt)
			ceiling := 10 * time.Second
			if attempt < 4 {
				ceiling = time.Second << attempt
			}
			if d < time.Second || d > ceiling {
				t.Fatalf("attempt %d: backoff %s outside [1s, %s]", attempt, d, ceiling)
			}
			seen[d] = true
		}
	}
	if len(seen) < 10 {
		t.Errorf("backoff shows no jitter: %d distinct values", len(seen))
	}
}

func TestRetryAfterSecondsHonoured(t *testing.T) {
	for _, tc := range []struct {
		status int
		header string
		want   time.Duration
	}{
		{429, "7", 7 * time.Second},
		{503, "3", 3 * time.Second},
		// Graph's throttling sample sends a fraction: "Retry-After: 2.128"
		// (microsoftgraph/microsoft-graph-docs-contrib: concepts/throttling.md).
		{429, "2.128", 2128 * time.Millisecond},
	} {
		srv := newSeqServer(t, func(n int, w http.ResponseWriter, _ *http.Request) {
			if n == 0 {
				w.Header().Set("Retry-After", tc.header)
				w.WriteHeader(tc.status)
				return
			}
			w.WriteHeader(200)
		})
		w := &waits{}
		c := New(Options{Sleep: w.sleep})
		resp, _, err := do(t, c, newReq(t, context.Background(), http.MethodGet, srv.URL, ""))
		if err != nil || resp.StatusCode != 200 {
			t.Fatalf("Retry-After %q: %v %v", tc.header, resp, err)
		}
		if got := w.get(); len(got) != 1 || !jittered(got[0], tc.want) {
			t.Errorf("Retry-After %q: waits = %v, want [%s, +10%%]", tc.header, got, tc.want)
		}
	}
}

func TestRetryAfterHTTPDateHonoured(t *testing.T) {
	now := time.Date(2026, 3, 4, 10, 0, 0, 0, time.UTC)
	srv := newSeqServer(t, func(n int, w http.ResponseWriter, _ *http.Request) {
		if n == 0 {
			w.Header().Set("Retry-After", now.Add(90*time.Second).Format(http.TimeFormat))
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		w.WriteHeader(200)
	})
	w := &waits{}
	c := New(Options{Sleep: w.sleep})
	c.Transport.(*roundTripper).now = func() time.Time { return now }

	resp, _, err := do(t, c, newReq(t, context.Background(), http.MethodGet, srv.URL, ""))
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("%v %v", resp, err)
	}
	if got := w.get(); len(got) != 1 || !jittered(got[0], 90*time.Second) {
		t.Errorf("waits = %v, want [1m30s]", got)
	}
}

// jittered reports whether d is Retry-After want plus the transport's jitter
// (at most a tenth more).
func jittered(d, want time.Duration) bool { return d >= want && d <= want+want/10 }

// Requests throttled together do not come back in lockstep.
func TestRetryAfterIsJittered(t *testing.T) {
	rt := newRoundTripper(Options{Base: http.DefaultTransport})
	resp := &http.Response{Header: http.Header{"Retry-After": []string{"2"}}}
	seen := map[time.Duration]bool{}
	for range 50 {
		d := rt.wait(0, resp)
		if !jittered(d, 2*time.Second) {
			t.Fatalf("wait %s outside [2s, 2.2s]", d)
		}
		seen[d] = true
	}
	if len(seen) < 10 {
		t.Errorf("Retry-After waits show no jitter: %d distinct values", len(seen))
	}
	if d := rt.wait(0, &http.Response{Header: http.Header{"Retry-After": []string{"0"}}}); d < DefaultMinBackoff {
		t.Errorf("Retry-After 0 waits %s, want at least %s", d, DefaultMinBackoff)
	}
}

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2026, 3, 4, 10, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		in   string
		want time.Duration
		ok   bool
	}{
		{"0", 0, true},
		{"120", 2 * time.Minute, true},
		{" 1.5 ", 1500 * time.Millisecond, true},
		{now.Add(time.Hour).Format(http.TimeFormat), time.Hour, true},
		{now.Add(-time.Hour).Format(http.TimeFormat), 0, true},
		{"", 0, false},
		{"-5", 0, false},
		{"soon", 0, false},
	} {
		got, ok := parseRetryAfter(tc.in, now)
		if got != tc.want || ok != tc.ok {
			t.Errorf("parseRetryAfter(%q) = %s, %v; want %s, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func TestDeadlineStopsRetries(t *testing.T) {
	t.Run("Retry-After beyond the deadline", func(t *testing.T) {
		srv := newSeqServer(t, func(_ int, w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Retry-After", "10")
			w.WriteHeader(http.StatusServiceUnavailable)
			_, _ = io.WriteString(w, `{"error":{"code":"serviceNotAvailable","message":"try later"}}`)
		})
		w := &waits{}
		c := New(Options{Sleep: w.sleep})
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		start := time.Now()
		resp, body, err := do(t, c, newReq(t, ctx, http.MethodGet, srv.URL, ""))
		if err != nil {
			t.Fatal(err)
		}
		if resp.StatusCode != 503 || srv.hits.Load() != 1 || len(w.get()) != 0 {
			t.Fatalf("status %d, hits %d, waits %v: want the first 503 back without waiting", resp.StatusCode, srv.hits.Load(), w.get())
		}
		if !strings.Contains(string(body), "try later") {
			t.Errorf("last response body not handed back intact: %q", body)
		}
		if time.Since(start) > 2*time.Second {
			t.Errorf("took %s: must not wait towards the deadline", time.Since(start))
		}
	})

	t.Run("stops when the next wait would pass it", func(t *testing.T) {
		srv := newSeqServer(t, func(_ int, w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Retry-After", "1")
			w.WriteHeader(http.StatusTooManyRequests)
		})
		// A fake clock that the injected Sleep advances.
		var mu sync.Mutex
		clock := time.Now()
		ctx, cancel := context.WithDeadline(context.Background(), clock.Add(2500*time.Millisecond))
		defer cancel()
		w := &waits{}
		c := New(Options{Sleep: func(ctx context.Context, d time.Duration) error {
			mu.Lock()
			clock = clock.Add(d)
			mu.Unlock()
			return w.sleep(ctx, d)
		}})
		c.Transport.(*roundTripper).now = func() time.Time { mu.Lock(); defer mu.Unlock(); return clock }

		resp, _, err := do(t, c, newReq(t, ctx, http.MethodGet, srv.URL, ""))
		if err != nil {
			t.Fatal(err)
		}
		if resp.StatusCode != 429 || srv.hits.Load() != 3 {
			t.Fatalf("status %d after %d hits; want 429 after 3 (t=0, 1s, 2s; 3s is past the deadline)", resp.StatusCode, srv.hits.Load())
		}
		if got := w.get(); len(got) != 2 || !jittered(got[0], time.Second) || !jittered(got[1], time.Second) {
			t.Errorf("waits = %v, want [1s 1s]", got)
		}
	})

	t.Run("computed backoff beyond the deadline", func(t *testing.T) {
		srv := newSeqServer(t, statuses(504))
		w := &waits{}
		c := New(Options{Sleep: w.sleep, MinBackoff: 10 * time.Second, MaxBackoff: 20 * time.Second})
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		resp, _, err := do(t, c, newReq(t, ctx, http.MethodGet, srv.URL, ""))
		if err != nil || resp.StatusCode != 504 || srv.hits.Load() != 1 || len(w.get()) != 0 {
			t.Fatalf("got %v %v after %d hits, waits %v", resp, err, srv.hits.Load(), w.get())
		}
	})
}

func TestMaxRetries(t *testing.T) {
	graphBody := `{"error":{"code":"serviceNotAvailable","message":"The service is not available."}}`
	srv := newSeqServer(t, func(_ int, w http.ResponseWriter, _ *http.Request) {
		w.WriteHeader(http.StatusServiceUnavailable)
		_, _ = io.WriteString(w, graphBody)
	})

	w := &waits{}
	c := New(Options{Sleep: w.sleep, MaxRetries: 3})
	resp, body, err := do(t, c, newReq(t, context.Background(), http.MethodDelete, srv.URL, ""))
	if err != nil {
		t.Fatal(err)
	}
	if srv.hits.Load() != 4 || len(w.get()) != 3 {
		t.Fatalf("hits %d, waits %v; want 4 hits and 3 waits", srv.hits.Load(), w.get())
	}
	if ae := NewAPIError("Microsoft Graph", resp, body); ae.StatusCode != 503 || ae.Message != "The service is not available." {
		t.Errorf("last response not usable: %v", ae)
	}

	srv.hits.Store(0)
	w = &waits{}
	c = New(Options{Sleep: w.sleep, MaxRetries: -1})
	if resp, _, err := do(t, c, newReq(t, context.Background(), http.MethodGet, srv.URL, "")); err != nil || resp.StatusCode != 503 {
		t.Fatal(resp, err)
	}
	if srv.hits.Load() != 1 || len(w.get()) != 0 {
		t.Errorf("MaxRetries -1: hits %d, waits %v; want a single attempt", srv.hits.Load(), w.get())
	}

	// By default there is no count: retries go on, with growing jittered
	// waits, until the next wait would pass the retry budget.
	srv.hits.Store(0)
	var mu sync.Mutex
	clock := time.Now()
	var slept []time.Duration
	c = New(Options{RetryBudget: 2 * time.Minute, Sleep: func(_ context.Context, d time.Duration) error {
		mu.Lock()
		defer mu.Unlock()
		clock = clock.Add(d)
		slept = append(slept, d)
		return nil
	}})
	start := clock
	c.Transport.(*roundTripper).now = func() time.Time { mu.Lock(); defer mu.Unlock(); return clock }
	if resp, _, err := do(t, c, newReq(t, context.Background(), http.MethodGet, srv.URL, "")); err != nil || resp.StatusCode != 503 {
		t.Fatal(resp, err)
	}
	total := clock.Sub(start)
	if total > 2*time.Minute || total < 2*time.Minute-DefaultMaxBackoff || int(srv.hits.Load()) != len(slept)+1 || len(slept) < 5 {
		t.Errorf("default: %d hits, waited %s in all (%v); want retries until the 2m budget", srv.hits.Load(), total, slept)
	}
}

func TestNotRetried(t *testing.T) {
	for _, code := range []int{400, 401, 403, 404, 409, 500, 502} {
		srv := newSeqServer(t, statuses(code))
		w := &waits{}
		c := New(Options{Sleep: w.sleep})
		resp, _, err := do(t, c, newReq(t, context.Background(), http.MethodGet, srv.URL, ""))
		if err != nil || resp.StatusCode != code || srv.hits.Load() != 1 || len(w.get()) != 0 {
			t.Errorf("%d: got %v %v after %d hits", code, resp, err, srv.hits.Load())
		}
	}
}

func TestConnectionResetOnGetRetried(t *testing.T) {
	srv := newSeqServer(t, func(n int, w http.ResponseWriter, _ *http.Request) {
		if n == 0 {
			resetConnection(t, w)
			return
		}
		_, _ = io.WriteString(w, "second time lucky")
	})
	w := &waits{}
	c := New(Options{Sleep: w.sleep})
	resp, body, err := do(t, c, newReq(t, context.Background(), http.MethodGet, srv.URL, ""))
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != 200 || string(body) != "second time lucky" || srv.hits.Load() != 2 || len(w.get()) != 1 {
		t.Fatalf("got %d %q after %d hits, waits %v", resp.StatusCode, body, srv.hits.Load(), w.get())
	}
}

// closeTracker records whether the bodies of responses were closed.
type closeTracker struct {
	base http.RoundTripper
	mu   sync.Mutex
	all  []*trackedBody
}

type trackedBody struct {
	io.ReadCloser
	closed bool
	read   int
}

func (b *trackedBody) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	b.read += n
	return n, err
}
func (b *trackedBody) Close() error { b.closed = true; return b.ReadCloser.Close() }

func (c *closeTracker) RoundTrip(r *http.Request) (*http.Response, error) {
	resp, err := c.base.RoundTrip(r)
	if resp != nil {
		tb := &trackedBody{ReadCloser: resp.Body}
		resp.Body = tb
		c.mu.Lock()
		c.all = append(c.all, tb)
		c.mu.Unlock()
	}
	return resp, err
}

func TestRetriedResponsesAreDrainedAndClosed(t *testing.T) {
	srv := newSeqServer(t, statuses(429, 200))
	tracker := &closeTracker{base: http.DefaultTransport}
	w := &waits{}
	c := New(Options{Sleep: w.sleep, Base: tracker})
	if _, _, err := do(t, c, newReq(t, context.Background(), http.MethodGet, srv.URL, "")); err != nil {
		t.Fatal(err)
	}
	if len(tracker.all) != 2 {
		t.Fatalf("%d responses", len(tracker.all))
	}
	if first := tracker.all[0]; !first.closed || first.read != len("Too Many Requests") {
		t.Errorf("retried response: closed=%v read=%d; want drained and closed", first.closed, first.read)
	}
}

func TestSleepErrorEndsRetries(t *testing.T) {
	srv := newSeqServer(t, statuses(503))
	ctx, cancel := context.WithCancel(context.Background())
	c := New(Options{Sleep: func(context.Context, time.Duration) error { cancel(); return context.Canceled }})
	_, _, err := do(t, c, newReq(t, ctx, http.MethodGet, srv.URL, ""))
	if !errors.Is(err, context.Canceled) || srv.hits.Load() != 1 {
		t.Fatalf("err %v after %d hits", err, srv.hits.Load())
	}
}

func TestDefaultSleepReturnsWhenContextEnds(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := sleepContext(ctx, time.Hour); !errors.Is(err, context.Canceled) {
		t.Fatalf("sleepContext = %v, want context.Canceled at once", err)
	}
	if err := sleepContext(context.Background(), 0); err != nil {
		t.Fatal(err)
	}
}

func TestUserAgent(t *testing.T) {
	srv := newSeqServer(t, statuses(429, 200))
	c := New(Options{UserAgent: "terraform-provider-teamshipaa/1.2.3", Sleep: (&waits{}).sleep})
	if _, _, err := do(t, c, newReq(t, context.Background(), http.MethodGet, srv.URL, "")); err != nil {
		t.Fatal(err)
	}
	for i, ua := range srv.agents {
		if ua != "terraform-provider-teamshipaa/1.2.3" {
			t.Errorf("attempt %d: User-Agent %q", i+1, ua)
		}
	}

	req := newReq(t, context.Background(), http.MethodGet, srv.URL, "")
	req.Header.Set("User-Agent", "azsdk-go-azidentity/v1.15.0 (go1.26; linux)")
	if _, _, err := do(t, c, req); err != nil {
		t.Fatal(err)
	}
	if got := srv.agents[len(srv.agents)-1]; got != "terraform-provider-teamshipaa/1.2.3 azsdk-go-azidentity/v1.15.0 (go1.26; linux)" {
		t.Errorf("User-Agent with a caller's one = %q", got)
	}
	if req.Header.Get("User-Agent") != "azsdk-go-azidentity/v1.15.0 (go1.26; linux)" {
		t.Error("the caller's request was modified")
	}

	c = New(Options{})
	if _, _, err := do(t, c, newReq(t, context.Background(), http.MethodGet, srv.URL, "")); err != nil {
		t.Fatal(err)
	}
	if got := srv.agents[len(srv.agents)-1]; got != DefaultUserAgent {
		t.Errorf("default User-Agent = %q", got)
	}
}
