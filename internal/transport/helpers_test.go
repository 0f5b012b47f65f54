package transport

import (
	"context"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// waits records the waits the transport asks for and returns at once.
type waits struct {
	mu sync.Mutex
	d  []time.Duration
}

func (w *waits) sleep(ctx context.Context, d time.Duration) error {
	w.mu.Lock()
	w.d = append(w.d, d)
	w.mu.Unlock()
	return ctx.Err()
}

func (w *waits) get() []time.Duration {
	w.mu.Lock()
	defer w.mu.Unlock()
	return append([]time.Duration(nil), w.d...)
}

// seqServer answers the n-th request (0-based) with step(n, w, r) and counts requests.
type seqServer struct {
	*httptest.Server
	hits   atomic.Int32
	mu     sync.Mutex
	bodies []string
	agents []string
}

func newSeqServer(t *testing.T, step func(n int, w http.ResponseWriter, r *http.Request)) *seqServer {
	t.Helper()
	s := &seqServer{}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := int(s.hits.Add(1)) - 1
		b, _ := io.ReadAll(r.Body)
		s.mu.Lock()
		s.bodies = append(s.bodies, string(b))
		s.agents = append(s.agents, r.Header.Get("User-Agent"))
		s.mu.Unlock()
		step(n, w, r)
	}))
	t.Cleanup(s.Close)
	return s
}

// statuses answers with the given statuses in turn (the last one repeats).
func statuses(codes ...int) func(int, http.ResponseWriter, *http.Request) {
	return func(n int, w http.ResponseWriter, _ *http.Request) {
		code := codes[min(n, len(codes)-1)]
		w.Header().Set("request-id", "req-"+http.StatusText(code))
		w.WriteHeader(code)
		_, _ = io.WriteString(w, http.StatusText(code))
	}
}

// resetConnection hijacks the connection and closes it with a TCP reset,
// so the client sees a connection error after it sent the request.
func resetConnection(t *testing.T, w http.ResponseWriter) {
	t.Helper()
	conn, _, err := w.(http.Hijacker).Hijack()
	if err != nil {
		t.Errorf("hijack: %v", err)
		return
	}
	if tc, ok := conn.(*net.TCPConn); ok {
		_ = tc.SetLinger(0)
	}
	_ = conn.Close()
}

func do(t *testing.T, c *http.Client, req *http.Request) (*http.Response, []byte, error) {
	t.Helper()
	resp, err := c.Do(req)
	if err != nil {
		return nil, nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return resp, b, err
}

func newReq(t *testing.T, ctx context.Context, method, url, body string) *http.Request {
	t.Helper()
	var rd io.Reader
	if body != "" {
		rd = stringsReader(body)
	}
	req, err := http.NewRequestWithContext(ctx, method, url, rd)
	if err != nil {
		t.Fatal(err)
	}
	return req
}
