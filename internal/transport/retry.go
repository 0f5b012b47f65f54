package transport

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
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
	retry                    // the service did not act, or repeating is harmless: send again
	committed                // a write that may have been applied: the caller reads before resending
)

// classify judges one attempt; it is the one rule for uncertain writes
// (README "Reliability"). repeatable: sending the request twice cannot apply
// a change twice (GET, PUT, DELETE, or marked WithRetryablePost). wrote: the
// request headers went out on a connection.
//
// Proof that the service did not act, retried for every method:
//   - the request never left: a failed or refused dial, a connection found
//     closed before the request was written;
//   - 429 Too Many Requests and 503 Service Unavailable. Graph documents
//     both as "repeat the request after a delay" (Retry-After) whatever the
//     method (concepts/errors.md, concepts/throttling.md): the front end's
//     answers, given before the workload takes the request. The Teams and
//     admin APIs document no other meaning, so the same reading applies.
//
// Ambiguous, retried only when repeatable, else ErrMaybeCommitted (the
// caller resolves it by reading, see poll.Settle):
//   - the connection broke after the request was written (reset, EOF,
//     "use of closed network connection" on a reused connection);
//   - 504 Gateway Timeout: the gateway gave up waiting for a backend that may
//     have acted.
//
// Everything else (other statuses, certificate and DNS errors, a context
// that ended) is final.
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
	case http.StatusTooManyRequests, http.StatusServiceUnavailable:
		return retry // answered before the workload saw it: safe for every method
	case http.StatusGatewayTimeout:
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
		errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, net.ErrClosed):
		return true
	case errors.As(err, &opErr) && opErr.Op == "dial":
		return true
	}
	msg := err.Error()
	for _, s := range []string{"connection reset", "connection refused", "forcibly closed", "broken pipe",
		"server closed idle connection", "server sent GOAWAY", "transport connection broken",
		"use of closed network connection"} {
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
	deadline := t.budgetEnd(ctx)
	lane := t.laneOf(req)
	if t.pacer != nil {
		if _, ok, err := t.pace(ctx, lane, 0, deadline); err != nil || !ok {
			return nil, t.noSlot(req, err)
		}
	}
	for attempt := 0; ; attempt++ {
		var wrote atomic.Bool
		actx := httptrace.WithClientTrace(ctx, &httptrace.ClientTrace{
			WroteHeaders: func() { wrote.Store(true) },
		})
		r, err := t.prepare(req, actx, attempt)
		if err != nil {
			return nil, err
		}
		start, started := time.Now(), t.now()
		resp, err := t.base.RoundTrip(r)
		a := attemptLog{req: r, attempt: attempt + 1, resp: resp, err: err, elapsed: time.Since(start)}
		t.learn(lane, started, resp)

		switch classify(ctx, repeatable, resp, err, wrote.Load()) {
		case done:
			t.logAttempt(ctx, a)
			return resp, err
		case committed:
			a.maybeCommitted = true
			t.logAttempt(ctx, a)
			return nil, newMaybeCommitted(r, resp, err)
		}

		wait := t.wait(attempt, resp)
		switch {
		case !replayable:
			a.stop = "request body cannot be replayed"
		case t.maxRetries < 0 || t.maxRetries > 0 && attempt >= t.maxRetries:
			a.stop = "max retries reached"
		case t.now().Add(wait).After(deadline):
			a.stop = "next wait would pass the deadline (the context's, or the retry budget)"
		}
		if a.stop != "" {
			t.logAttempt(ctx, a)
			return resp, err
		}
		a.retrying, a.wait = true, wait
		t.logAttempt(ctx, a)
		resp = buffer(resp)
		waited, ok, perr := t.pace(ctx, lane, wait, deadline)
		if perr != nil {
			return nil, fmt.Errorf("waiting %s to retry %s %s: %w", max(wait, waited), req.Method, RedactURL(req.URL), perr)
		}
		if !ok {
			// Throttled, and the lane's queue reaches past the deadline: the
			// last answer (its body kept) or error says why.
			a.retrying, a.wait, a.stop = false, 0, "next slot of the throttled lane would pass the deadline"
			t.logAttempt(ctx, a)
			return resp, err
		}
	}
}

// learn tells the pacer what an answer says about its lane: a 2xx, or a
// 429/503 with Retry-After.
func (t *roundTripper) learn(l Lane, started time.Time, resp *http.Response) {
	if t.pacer == nil || resp == nil {
		return
	}
	switch {
	case resp.StatusCode >= 200 && resp.StatusCode < 300:
		t.pacer.succeeded(l, started)
	case resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode == http.StatusServiceUnavailable:
		if ra, ok := parseRetryAfter(resp.Header.Get("Retry-After"), t.now()); ok {
			t.pacer.throttled(l, started, t.now(), ra)
		}
	}
}

// noSlot is the error for a request that never got a slot in its lane.
func (t *roundTripper) noSlot(req *http.Request, err error) error {
	if err == nil {
		err = context.DeadlineExceeded
	}
	return fmt.Errorf("waiting for a slot to send %s %s (the service is throttling this tenant): %w", req.Method, RedactURL(req.URL), err)
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
	return t.minBackoff + t.jitter(ceiling-t.minBackoff)
}

// wait is the pause before the next attempt: the service's Retry-After when
// it sent one (never less than minBackoff, so "Retry-After: 0" cannot turn
// into a busy loop) plus up to a tenth more, so that requests throttled
// together do not all come back at once; else the jittered backoff. The
// lane's pacing (pace.go) can only make it longer.
func (t *roundTripper) wait(attempt int, resp *http.Response) time.Duration {
	if resp != nil {
		if d, ok := parseRetryAfter(resp.Header.Get("Retry-After"), t.now()); ok {
			d = max(d, t.minBackoff)
			return d + t.jitter(d/10)
		}
	}
	return t.backoff(attempt)
}

// budgetEnd is when retrying must stop: the context's deadline (the
// resource's timeout), or RetryBudget from now when the context has none.
func (t *roundTripper) budgetEnd(ctx context.Context) time.Time {
	if d, ok := ctx.Deadline(); ok {
		return d
	}
	return t.now().Add(t.budget)
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

// buffer reads a response that will be retried (bounded) and closes it, so
// its connection can be reused while the request waits; the response keeps
// the body read, to be returned if the request is not sent again.
func buffer(resp *http.Response) *http.Response {
	if resp == nil || resp.Body == nil {
		return resp
	}
	b, _ := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	_ = resp.Body.Close()
	resp.Body = io.NopCloser(bytes.NewReader(b))
	return resp
}
