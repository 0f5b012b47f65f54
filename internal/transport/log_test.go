package transport

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
)

// A JWT-shaped token (header {"alg":"RS256","typ":"JWT"}, a small payload, a fake signature).
const testJWT = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJhdWQiOiJodHRwczovL2dyYXBoLm1pY3Jvc29mdC5jb20iLCJ0aWQiOiJ0In0.c2lnbmF0dXJlLWJ5dGVz"

type logCapture struct {
	mu    sync.Mutex
	lines []map[string]any
	msgs  []string
}

func (l *logCapture) log(_ context.Context, msg string, f map[string]any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.msgs = append(l.msgs, msg)
	l.lines = append(l.lines, f)
}

func (l *logCapture) text() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	var b strings.Builder
	for i, f := range l.lines {
		fmt.Fprintf(&b, "%s %v\n", l.msgs[i], f)
	}
	return b.String()
}

func TestLoggerSeesNoSecrets(t *testing.T) {
	const secret = "Zq8~s3cr3t.Value_with+chars"
	const certPassword = "p12-password-123"
	srv := newSeqServer(t, func(n int, w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("x-ms-request-id", fmt.Sprintf("rid-%d", n+1))
		w.Header().Set("Set-Cookie", "x-ms-gateway-slice=estsfd; secure")
		if n == 0 {
			w.Header().Set("Retry-After", "1")
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		// A token response body: must never be logged.
		fmt.Fprintf(w, `{"token_type":"Bearer","expires_in":3599,"access_token":%q}`, testJWT)
	})

	logs := &logCapture{}
	c := New(Options{Logger: logs.log, Secrets: []string{secret, certPassword, ""}, Sleep: (&waits{}).sleep})

	form := "grant_type=client_credentials&client_id=app&client_secret=" + secret + "&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default"
	url := srv.URL + "/tenant/oauth2/v2.0/token?api-version=1&client_secret=" + secret + "&sig=abc123sig&code=authcode42&token=" + testJWT
	req := newReq(t, WithRetryablePost(context.Background()), http.MethodPost, url, form)
	req.Header.Set("Authorization", "Bearer "+testJWT)
	req.Header.Set("Cookie", "esctx=cookie-value-xyz")
	if _, _, err := do(t, c, req); err != nil {
		t.Fatal(err)
	}

	// A transport error whose text carries a secret and a token.
	failing := roundTripFunc(func(*http.Request) (*http.Response, error) {
		return nil, errors.New("proxy said no to credential Bearer " + testJWT + " with password " + certPassword + " and " + secret)
	})
	c2 := New(Options{Logger: logs.log, Secrets: []string{secret, certPassword}, Base: failing, Sleep: (&waits{}).sleep})
	_, _, _ = do(t, c2, newReq(t, context.Background(), http.MethodGet, srv.URL+"/graph/v1.0/policies?access_token=leaky-token-1", ""))

	got := logs.text()
	for _, bad := range []string{secret, certPassword, testJWT, "eyJ", "authcode42", "abc123sig", "leaky-token-1",
		"cookie-value-xyz", "Cookie", "Authorization:", "Bearer eyJ", "estsfd", "grant_type", "expires_in"} {
		if strings.Contains(got, bad) {
			t.Errorf("log contains %q:\n%s", bad, got)
		}
	}
	if len(logs.lines) != 3 {
		t.Fatalf("%d log lines, want 3 (two attempts, one failure):\n%s", len(logs.lines), got)
	}
	first, second, failed := logs.lines[0], logs.lines[1], logs.lines[2]
	for _, tc := range []struct {
		f    map[string]any
		key  string
		want any
	}{
		{first, "method", "POST"}, {first, "status", 429}, {first, "request_id", "rid-1"}, {first, "attempt", 1},
		{first, "retry", true},
		{second, "status", 200}, {second, "request_id", "rid-2"}, {second, "attempt", 2}, {second, "retry", false},
		{failed, "method", "GET"}, {failed, "status", 0},
	} {
		if tc.f[tc.key] != tc.want {
			t.Errorf("field %s = %#v, want %#v", tc.key, tc.f[tc.key], tc.want)
		}
	}
	if ms, _ := first["retry_in_ms"].(int64); ms < 1000 || ms > 1100 {
		t.Errorf("field retry_in_ms = %#v, want Retry-After 1s plus at most a tenth", first["retry_in_ms"])
	}
	u, _ := first["url"].(string)
	if !strings.HasPrefix(u, srv.URL+"/tenant/oauth2/v2.0/token?api-version=1&client_secret=[REDACTED]") ||
		!strings.Contains(u, "sig=[REDACTED]") || !strings.Contains(u, "token=[REDACTED]") {
		t.Errorf("url = %q", u)
	}
	if _, ok := first["duration_ms"].(int64); !ok {
		t.Errorf("duration_ms = %#v", first["duration_ms"])
	}
	if e, _ := failed["error"].(string); !strings.Contains(e, "proxy said no") || !strings.Contains(e, "[REDACTED]") {
		t.Errorf("error = %q", e)
	}
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

func TestRedact(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Authorization: Bearer abc.def-ghi", "Authorization: Bearer [REDACTED]"},
		{"token " + testJWT + " end", "token [REDACTED] end"},
		{"client_id=x&client_secret=s%2B1&scope=y", "client_id=x&client_secret=[REDACTED]&scope=y"},
		{"error_code=5&code=abc", "error_code=5&code=[REDACTED]"},
		{`{"access_token": "opaque-value", "expires_in": 3599}`, `{"access_token": "[REDACTED]", "expires_in": 3599}`},
		{"nothing to hide here", "nothing to hide here"},
	} {
		if got := Redact(tc.in); got != tc.want {
			t.Errorf("Redact(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	r := newRedactor([]string{"a+b/c"})
	if got := r.Redact("raw a+b/c, escaped a%2Bb%2Fc"); got != "raw [REDACTED], escaped [REDACTED]" {
		t.Errorf("secret redaction = %q", got)
	}
}

func TestRequestIDHeaderOrder(t *testing.T) {
	h := http.Header{}
	h.Set("X-Ms-Correlation-Id", "corr")
	if RequestID(h) != "corr" {
		t.Fatal(RequestID(h))
	}
	h.Set("client-request-id", "client")
	h.Set("x-ms-request-id", "xms")
	if RequestID(h) != "xms" {
		t.Fatal(RequestID(h))
	}
	h.Set("request-id", "rid")
	if RequestID(h) != "rid" {
		t.Fatal(RequestID(h))
	}
}
