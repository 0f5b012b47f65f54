package transport

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptrace"
	"strings"
	"syscall"
	"testing"
	"time"
)

// graph503 is shaped like Graph's error body (microsoftgraph/microsoft-graph-docs-contrib:
// concepts/errors.md), with the serviceNotAvailable code that page lists.
const graph503 = `{"error":{"code":"serviceNotAvailable","message":"The service is not available. Try the request again after a delay.","innerError":{"date":"2026-03-04T10:00:00","request-id":"body-rid","client-request-id":"body-crid"}}}`

func TestWriteNotRetriedOn504(t *testing.T) {
	for _, method := range []string{http.MethodPost, http.MethodPatch} {
		srv := newSeqServer(t, func(_ int, w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("request-id", "7d3c9f0e-hdr")
			w.Header().Set("Retry-After", "1")
			w.WriteHeader(http.StatusGatewayTimeout)
			_, _ = io.WriteString(w, graph503)
		})
		w := &waits{}
		c := New(Options{Sleep: w.sleep})
		resp, _, err := do(t, c, newReq(t, context.Background(), method, srv.URL+"/v1.0/identity/conditionalAccess/policies", `{"displayName":"x"}`))
		if resp != nil {
			t.Fatalf("%s 504: got a response, want an error", method)
		}
		if srv.hits.Load() != 1 || len(w.get()) != 0 {
			t.Fatalf("%s 504: hits %d, waits %v; must not be retried", method, srv.hits.Load(), w.get())
		}
		if !errors.Is(err, ErrMaybeCommitted) {
			t.Fatalf("%s 504: err %v does not wrap ErrMaybeCommitted", method, err)
		}
		var mc *MaybeCommittedError
		var ae *APIError
		if !errors.As(err, &mc) || !errors.As(err, &ae) {
			t.Fatalf("%s 504: err %T lacks MaybeCommittedError/APIError", method, err)
		}
		if mc.StatusCode != 504 || mc.RequestID != "7d3c9f0e-hdr" || StatusCode(err) != 504 {
			t.Errorf("%s 504: status %d / %d, request id %q", method, mc.StatusCode, StatusCode(err), mc.RequestID)
		}
		if ae.Code != "serviceNotAvailable" || !strings.Contains(err.Error(), "Try the request again") ||
			!strings.Contains(err.Error(), "7d3c9f0e-hdr") || !strings.Contains(err.Error(), "read it back") {
			t.Errorf("%s 504: error text %q", method, err)
		}
	}
}

// A 503 is the service saying it did not take the request: every write is
// sent again, with the same body, after the service's Retry-After.
func TestWriteRetriedOn503(t *testing.T) {
	for _, method := range []string{http.MethodPost, http.MethodPatch, http.MethodDelete} {
		srv := newSeqServer(t, func(n int, w http.ResponseWriter, _ *http.Request) {
			if n == 0 {
				w.Header().Set("Retry-After", "2")
				w.WriteHeader(http.StatusServiceUnavailable)
				_, _ = io.WriteString(w, graph503)
				return
			}
			w.WriteHeader(http.StatusCreated)
		})
		w := &waits{}
		c := New(Options{Sleep: w.sleep})
		resp, _, err := do(t, c, newReq(t, context.Background(), method, srv.URL, `{"displayName":"x"}`))
		if err != nil || resp.StatusCode != http.StatusCreated {
			t.Fatalf("%s: %v %v", method, resp, err)
		}
		if got := w.get(); srv.hits.Load() != 2 || len(got) != 1 || !jittered(got[0], 2*time.Second) {
			t.Fatalf("%s: hits %d, waits %v; want one retry after 2s", method, srv.hits.Load(), got)
		}
		for i, b := range srv.bodies {
			if b != `{"displayName":"x"}` {
				t.Errorf("%s attempt %d body %q", method, i+1, b)
			}
		}
	}
}

func TestPostRetriedOn429(t *testing.T) {
	srv := newSeqServer(t, func(n int, w http.ResponseWriter, _ *http.Request) {
		if n == 0 {
			w.Header().Set("Retry-After", "2")
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		w.WriteHeader(http.StatusCreated)
	})
	w := &waits{}
	c := New(Options{Sleep: w.sleep})
	body := `{"Identity":"Tag:HIPAA","AllowCloudRecording":false}`
	resp, _, err := do(t, c, newReq(t, context.Background(), http.MethodPost, srv.URL+"/Skype.Policy/configurations/TeamsMeetingPolicy", body))
	if err != nil || resp.StatusCode != 201 {
		t.Fatalf("%v %v", resp, err)
	}
	if srv.hits.Load() != 2 || len(w.get()) != 1 {
		t.Fatalf("hits %d waits %v", srv.hits.Load(), w.get())
	}
	if srv.bodies[0] != body || srv.bodies[1] != body {
		t.Errorf("body not replayed: %q", srv.bodies)
	}
}

func TestPostRetriedWithRetryablePost(t *testing.T) {
	if IsRetryablePost(context.Background()) || !IsRetryablePost(WithRetryablePost(context.Background())) {
		t.Fatal("IsRetryablePost")
	}
	srv := newSeqServer(t, statuses(503, 504, 200))
	w := &waits{}
	c := New(Options{Sleep: w.sleep})
	form := "grant_type=client_credentials&client_id=abc&client_secret=xyz"
	resp, _, err := do(t, c, newReq(t, WithRetryablePost(context.Background()), http.MethodPost, srv.URL+"/tenant/oauth2/v2.0/token", form))
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("%v %v", resp, err)
	}
	if srv.hits.Load() != 3 || len(w.get()) != 2 {
		t.Fatalf("hits %d waits %v", srv.hits.Load(), w.get())
	}
	for i, b := range srv.bodies {
		if b != form {
			t.Errorf("attempt %d body %q", i+1, b)
		}
	}
}

func TestPostResetAfterSendIsMaybeCommitted(t *testing.T) {
	srv := newSeqServer(t, func(_ int, w http.ResponseWriter, _ *http.Request) { resetConnection(t, w) })
	w := &waits{}
	c := New(Options{Sleep: w.sleep})
	_, _, err := do(t, c, newReq(t, context.Background(), http.MethodPost, srv.URL, `{"a":1}`))
	if !errors.Is(err, ErrMaybeCommitted) {
		t.Fatalf("err = %v, want ErrMaybeCommitted", err)
	}
	if srv.hits.Load() != 1 || len(w.get()) != 0 {
		t.Fatalf("hits %d waits %v; must not be retried", srv.hits.Load(), w.get())
	}
	var mc *MaybeCommittedError
	if !errors.As(err, &mc) || mc.StatusCode != 0 || mc.Method != http.MethodPost {
		t.Errorf("%#v", mc)
	}
}

func TestPostRetriedWhenConnectionRefused(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close() // nothing listens there now: dials are refused before anything is sent

	w := &waits{}
	c := New(Options{Sleep: w.sleep, MaxRetries: 2})
	_, _, err = do(t, c, newReq(t, context.Background(), http.MethodPost, "http://"+addr+"/x", `{"a":1}`))
	if err == nil || errors.Is(err, ErrMaybeCommitted) {
		t.Fatalf("err = %v; want the dial error, not ErrMaybeCommitted", err)
	}
	if !errors.Is(err, syscall.ECONNREFUSED) {
		t.Errorf("err = %v, want connection refused", err)
	}
	if got := w.get(); len(got) != 2 {
		t.Errorf("waits = %v, want 2 retries", got)
	}
}

func TestUnreplayableBodyNotRetried(t *testing.T) {
	srv := newSeqServer(t, statuses(429, 200))
	w := &waits{}
	c := New(Options{Sleep: w.sleep})
	req := newReq(t, WithRetryablePost(context.Background()), http.MethodPost, srv.URL, "")
	req.Body = io.NopCloser(strings.NewReader("once")) // no GetBody
	resp, _, err := do(t, c, req)
	if err != nil || resp.StatusCode != 429 || srv.hits.Load() != 1 {
		t.Fatalf("%v %v after %d hits", resp, err, srv.hits.Load())
	}
}

// failOnce fails the first round trip with err, after the request was
// written, and passes the others to base.
type failOnce struct {
	base http.RoundTripper
	err  error
	n    int
}

func (f *failOnce) RoundTrip(r *http.Request) (*http.Response, error) {
	f.n++
	if f.n == 1 {
		if trace := httptrace.ContextClientTrace(r.Context()); trace != nil && trace.WroteHeaders != nil {
			trace.WroteHeaders()
		}
		return nil, f.err
	}
	return f.base.RoundTrip(r)
}

// A sign-in (token POST, marked repeatable) whose reused connection turns out
// closed ("use of closed network connection") is sent again, not failed.
func TestRetryablePostRetriedOnClosedConnection(t *testing.T) {
	srv := newSeqServer(t, statuses(200))
	w := &waits{}
	base := &failOnce{base: http.DefaultTransport, err: &net.OpError{Op: "write", Net: "tcp", Err: net.ErrClosed}}
	c := New(Options{Sleep: w.sleep, Base: base})
	resp, _, err := do(t, c, newReq(t, WithRetryablePost(context.Background()), http.MethodPost, srv.URL+"/oauth2/v2.0/token", "grant_type=client_credentials"))
	if err != nil || resp.StatusCode != 200 || base.n != 2 || len(w.get()) != 1 {
		t.Fatalf("resp %v err %v attempts %d waits %v", resp, err, base.n, w.get())
	}
	// The same failure on a create is ambiguous: it is handed back for reading.
	base = &failOnce{base: http.DefaultTransport, err: &net.OpError{Op: "write", Net: "tcp", Err: net.ErrClosed}}
	c = New(Options{Sleep: w.sleep, Base: base})
	if _, _, err := do(t, c, newReq(t, context.Background(), http.MethodPost, srv.URL, `{"a":1}`)); !errors.Is(err, ErrMaybeCommitted) || base.n != 1 {
		t.Fatalf("create: err %v after %d attempts, want ErrMaybeCommitted after 1", err, base.n)
	}
}
