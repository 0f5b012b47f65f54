package transport

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"sort"
	"strings"
	"time"
)

const redacted = "[REDACTED]"

// sensitiveQueryKeys are query (and form) parameters whose values are never logged.
var sensitiveQueryKeys = map[string]bool{
	"client_secret": true, "client_assertion": true, "access_token": true, "code": true,
	"sig": true, "token": true, "refresh_token": true, "id_token": true, "password": true,
	"assertion": true,
}

var (
	// A JWT: three base64url segments, the first starting with eyJ ("{" encoded).
	jwtPattern = regexp.MustCompile(`eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*`)
	// An Authorization scheme followed by its credential.
	bearerPattern = regexp.MustCompile(`(?i)\b(bearer|pop|basic)(\s+)[A-Za-z0-9._~+/=-]+`)
	// key=value in a query string or form body.
	formPattern = regexp.MustCompile(`(?i)\b(client_secret|client_assertion|access_token|refresh_token|id_token|code|sig|token|password|assertion)=[^&\s"']+`)
	// "key": "value" in a JSON body.
	jsonPattern = regexp.MustCompile(`(?i)"(client_secret|client_assertion|access_token|refresh_token|id_token|password)"(\s*:\s*)"(?:[^"\\]|\\.)*"`)
)

// Redact replaces anything in s that looks like a credential with "[REDACTED]":
// JWTs (eyJ... three base64url segments), "Bearer <token>" and similar
// Authorization values, and the values of client_secret, client_assertion,
// access_token, code, sig, token (and similar) in query strings, form bodies and JSON.
func Redact(s string) string {
	s = jwtPattern.ReplaceAllString(s, redacted)
	s = bearerPattern.ReplaceAllString(s, "${1}${2}"+redacted)
	s = formPattern.ReplaceAllString(s, "${1}="+redacted)
	s = jsonPattern.ReplaceAllString(s, `"${1}"${2}"`+redacted+`"`)
	return s
}

// RedactURL renders u for logs and errors: values of sensitive query
// parameters and any password in the user info are replaced, the fragment is
// dropped, and Redact is applied to the result.
func RedactURL(u *url.URL) string {
	if u == nil {
		return ""
	}
	c := *u
	c.RawQuery = redactQuery(u.RawQuery)
	c.Fragment, c.RawFragment = "", ""
	return Redact(c.Redacted())
}

func redactQuery(raw string) string {
	if raw == "" {
		return ""
	}
	parts := strings.Split(raw, "&")
	for i, p := range parts {
		k, _, _ := strings.Cut(p, "=")
		key, err := url.QueryUnescape(k)
		if err != nil {
			key = k
		}
		if sensitiveQueryKeys[strings.ToLower(key)] {
			parts[i] = k + "=" + redacted
		}
	}
	return strings.Join(parts, "&")
}

// redactor applies Redact plus the literal secrets given in Options.Secrets
// (also in their URL-escaped forms).
type redactor struct{ secrets []string }

func newRedactor(secrets []string) *redactor {
	seen := map[string]bool{}
	var all []string
	for _, s := range secrets {
		for _, v := range []string{s, url.QueryEscape(s), url.PathEscape(s)} {
			if v != "" && !seen[v] {
				seen[v] = true
				all = append(all, v)
			}
		}
	}
	// Longest first, so a secret containing another is replaced whole.
	sort.Slice(all, func(i, j int) bool { return len(all[i]) > len(all[j]) })
	return &redactor{secrets: all}
}

func (r *redactor) Redact(s string) string {
	for _, secret := range r.secrets {
		s = strings.ReplaceAll(s, secret, redacted)
	}
	return Redact(s)
}

// requestIDHeaders are the response headers that carry a service's request id,
// in order of preference.
var requestIDHeaders = []string{"request-id", "x-ms-request-id", "client-request-id", "X-Ms-Correlation-Id"}

// RequestID returns the service request id from h: the first of the headers
// request-id, x-ms-request-id, client-request-id and X-Ms-Correlation-Id.
func RequestID(h http.Header) string {
	for _, k := range requestIDHeaders {
		if v := strings.TrimSpace(h.Get(k)); v != "" {
			return v
		}
	}
	return ""
}

// attemptLog is what one attempt reports.
type attemptLog struct {
	req            *http.Request
	attempt        int
	resp           *http.Response
	err            error
	elapsed        time.Duration
	retrying       bool // the request will be sent again after wait
	wait           time.Duration
	stop           string // why a retryable outcome was not retried
	maybeCommitted bool
}

// logAttempt sends one debug line. Headers and bodies are never logged; every
// text field goes through the redactor.
func (t *roundTripper) logAttempt(ctx context.Context, a attemptLog) {
	if t.log == nil {
		return
	}
	f := map[string]any{
		"method":      a.req.Method,
		"url":         t.redact.Redact(RedactURL(a.req.URL)),
		"status":      0,
		"duration_ms": a.elapsed.Milliseconds(),
		"attempt":     a.attempt,
		"request_id":  "",
		"retry":       a.retrying,
	}
	if a.resp != nil {
		f["status"] = a.resp.StatusCode
		f["request_id"] = t.redact.Redact(RequestID(a.resp.Header))
	}
	if a.err != nil {
		f["error"] = t.redact.Redact(a.err.Error())
	}
	if a.retrying {
		f["retry_in_ms"] = a.wait.Milliseconds()
	}
	if a.stop != "" {
		f["retry_stopped"] = a.stop
	}
	if a.maybeCommitted {
		f["maybe_committed"] = true
	}
	t.log(ctx, "HTTP request attempt", f)
}
