package transport

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/http/httptrace"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"time"
)

type retryablePostKey struct{}

// WithRetryablePost marks requests made with the returned context as safe to
// repeat blindly even though their method is POST or PATCH (for example the
// OAuth token request): they are then retried like GET.
func WithRetryablePost(ctx context.Context) context.Context {
	return context.WithValue(ctx, retryablePostKey{}, true)
}

// IsRetryablePost reports whether ctx was made by WithRetryablePost.
func IsRetryablePost(ctx context.Context) bool {
	v, _ := ctx.Value(retryablePostKey{}).(bool)
	return v
}

// isIdempotent reports whether repeating method cannot apply a change twice.
func isIdempotent(method string) bool {
	switch method {
	case "", http.MethodGet, http.MethodHead, http.MethodPut, http.MethodDelete, http.MethodOptions, http.MethodTrace:
		return true
	}
	return false
}

// verdict is what one attempt's outcome means for the request.
type verdict int

const (
	done      verdict = iota // hand the response or error back as it is
	retry                    // transient, and safe to send again
	committed                // a write that failed after it was sent: it may have been applied
)

// classify judges one attempt. repeatable: the request may be sent twice.
// wrote: the request headers went out on a connection.
func classify(ctx context.Context, repeatable bool, resp *http.Response, err error, wrote bool) verdict {
	if err != nil {
		if !repeatable && wrote {
			return committed // whatever broke, the service may have acted on it
		}
		if ctx.Err() != nil || !isConnErr(err) {
			return done
		}
		return retry // idempotent, or a write that never left (dial failure, refused)
	}
	switch resp.StatusCode {
	case http.StatusTooManyRequests:
		return retry // throttled before doing anything: safe for every method
	case http.StatusServiceUnavailable, http.StatusGatewayTimeout:
		if repeatable {
			return retry
		}
		return committed
	}
	return done
}

// isConnErr reports a transient connection failure: reset, EOF, refused, or a
// failed dial. Certificate errors and unknown hosts are not transient.
func isConnErr(err error) bool {
	var (
		unknownCA x509.UnknownAuthorityError
		hostErr   x509.HostnameError
		invalid   x509.CertificateInvalidError
		verifyErr *tls.CertificateVerificationError
		dnsErr    *net.DNSError
		opErr     *net.OpError
	)
	switch {
	case errors.As(err, &unknownCA), errors.As(err, &hostErr), errors.As(err, &invalid), errors.As(err, &verifyErr):
		return false
	case errors.As(err, &dnsErr):
		return dnsErr.IsTemporary || dnsErr.IsTimeout
	case errors.Is(err, syscall.ECONNRESET), errors.Is(err, syscall.ECONNREFUSED),
		errors.Is(err, syscall.ECONNABORTED), errors.Is(err, syscall.EPIPE),
		errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return true
	case errors.As(err, &opErr) && opErr.Op == "dial":
		return true
	}
	msg := err.Error()
	for _, s := range []string{"connection reset", "connection refused", "forcibly closed", "broken pipe",
		"server closed idle connection", "server sent GOAWAY", "transport connection broken"} {
		if strings.Contains(msg, s) {
			return true
		}
	}
	return false
}

// RoundTrip sends req, retrying as described on New and Options.
func (t *roundTripper) RoundTrip(req *http.Request) (*http.Response, error) {
	ctx := req.Context()
	repeatable := isIdempotent(req.Method) || IsRetryablePost(ctx)
	replayable := req.Body == nil || req.Body == http.NoBody || req.GetBody != nil
	for attempt := 0; ; attempt++ {
		var wrote atomic.Bool
		actx := httptrace.WithClientTrace(ctx, &httptrace.ClientTrace{
			WroteHeaders: func() { wrote.Store(true) },
		})
		r, err := t.prepare(req, actx, attempt)
		if err != nil {
			return nil, err
		}
		start := time.Now()
		resp, err := t.base.RoundTrip(r)
		a := attemptLog{req: r, attempt: attempt + 1, resp: resp, err: err, elapsed: time.Since(start)}

		switch classify(ctx, repeatable, resp, err, wrote.Load()) {
		case done:
			t.logAttempt(ctx, a)
			return resp, err
		case committed:
			a.maybeCommitted = true
			t.logAttempt(ctx, a)
			return nil, newMaybeCommitted(r, resp, err)
		}

		wait := t.backoff(attempt)
		if resp != nil {
			if d, ok := parseRetryAfter(resp.Header.Get("Retry-After"), t.now()); ok {
				wait = d
			}
		}
		switch {
		case !replayable:
			a.stop = "request body cannot be replayed"
		case attempt >= t.maxRetries:
			a.stop = "max retries reached"
		case t.pastDeadline(ctx, wait):
			a.stop = "next wait would pass the context deadline"
		}
		if a.stop != "" {
			t.logAttempt(ctx, a)
			return resp, err
		}
		a.retrying, a.wait = true, wait
		t.logAttempt(ctx, a)
		drain(resp)
		if err := t.sleep(ctx, wait); err != nil {
			return nil, fmt.Errorf("waiting %s to retry %s %s: %w", wait, req.Method, RedactURL(req.URL), err)
		}
	}
}

// prepare copies req for one attempt: our context, our User-Agent, and a fresh
// body from GetBody after the first attempt. The caller's request is not modified.
func (t *roundTripper) prepare(req *http.Request, ctx context.Context, attempt int) (*http.Request, error) {
	r := req.Clone(ctx)
	if attempt > 0 && req.Body != nil && req.Body != http.NoBody {
		body, err := req.GetBody()
		if err != nil {
			return nil, fmt.Errorf("replaying body of %s %s: %w", req.Method, RedactURL(req.URL), err)
		}
		r.Body = body
	}
	ua := t.userAgent
	if prev := req.Header.Get("User-Agent"); prev != "" && !strings.HasPrefix(prev, ua) {
		ua += " " + prev
	}
	r.Header.Set("User-Agent", ua)
	return r, nil
}

// backoff is the computed wait after attempt (0-based): exponential with full
// jitter, at least minBackoff and at most min(maxBackoff, minBackoff*2^attempt).
func (t *roundTripper) backoff(attempt int) time.Duration {
	ceiling := t.maxBackoff
	if attempt < 32 {
		if c := t.minBackoff << attempt; c > 0 && c < ceiling {
			ceiling = c
		}
	}
	if ceiling <= t.minBackoff {
		return t.minBackoff
	}
	return t.minBackoff + rand.N(ceiling-t.minBackoff+1)
}

// pastDeadline reports whether waiting d would end after ctx's deadline.
func (t *roundTripper) pastDeadline(ctx context.Context, d time.Duration) bool {
	deadline, ok := ctx.Deadline()
	return ok && t.now().Add(d).After(deadline)
}

// parseRetryAfter reads a Retry-After value: delta-seconds (Graph sends
// fractions such as "2.128") or an HTTP date. A date in the past means 0.
func parseRetryAfter(v string, now time.Time) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if secs, err := strconv.ParseFloat(v, 64); err == nil {
		if secs < 0 || secs > 1e9 {
			return 0, false
		}
		return time.Duration(secs * float64(time.Second)), true
	}
	when, err := http.ParseTime(v)
	if err != nil {
		return 0, false
	}
	return max(when.Sub(now), 0), true
}

// drain reads what is left of a response that will be retried (bounded) and
// closes it, so its connection can be reused.
func drain(resp *http.Response) {
	if resp == nil || resp.Body == nil {
		return
	}
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	_ = resp.Body.Close()
}
