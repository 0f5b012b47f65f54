// Package transport is the one HTTP transport every teamshipaa API client
// shares: User-Agent, retries with jittered backoff bounded by time (the rule
// for uncertain writes is classify's, in retry.go), pacing shared per tenant,
// surface and reads/writes that learns from 429s (pace.go),
// per-attempt debug logging with redaction, TLS trust, and the APIError type
// that turns any Microsoft error body into a readable error.
//
// It imports nothing from Terraform; the provider adapts its logger to Logger.
package transport

import (
	"context"
	"crypto/x509"
	"math/rand/v2"
	"net/http"
	"time"
)

// Logger receives one structured debug line per attempt. The provider adapts tflog to it.
type Logger func(ctx context.Context, msg string, fields map[string]any)

// Options configures New. The zero value is usable.
type Options struct {
	// UserAgent is sent on every request, e.g. "terraform-provider-teamshipaa/1.2.3".
	// Empty: DefaultUserAgent. A User-Agent already on the request (azidentity sets
	// its own) is kept after ours as a second product token.
	UserAgent string
	// RootCAs is the trust store of the default Base. nil: the system pool plus the
	// PEM certificates in the file named by SSL_CERT_FILE (see RootCAsFromEnv).
	// Ignored when Base is set.
	RootCAs *x509.CertPool
	// MaxRetries caps how many times one request is retried after its first
	// attempt. 0: no cap, retries are bounded by time only (the context's
	// deadline, else RetryBudget); negative: never retry.
	MaxRetries int
	// RetryBudget bounds the retries of a request whose context has no
	// deadline. 0: DefaultRetryBudget.
	RetryBudget time.Duration
	// MinBackoff and MaxBackoff bound the computed (jittered) wait between attempts.
	// 0: DefaultMinBackoff / DefaultMaxBackoff. A Retry-After header replaces the
	// computed wait and is not bounded by them (the context deadline still is).
	MinBackoff time.Duration
	MaxBackoff time.Duration
	// Logger receives one debug line per attempt. nil: no logging.
	Logger Logger
	// Secrets are extra literal strings (client secret, certificate password...)
	// replaced by "[REDACTED]" in everything logged.
	Secrets []string
	// Base does the actual round trips. nil: a clone of http.DefaultTransport
	// trusting RootCAs. Tests inject their own.
	Base http.RoundTripper
	// Sleep waits d or until ctx ends (then it returns ctx.Err()). nil: a timer.
	// Tests inject one that records waits and returns at once.
	Sleep func(ctx context.Context, d time.Duration) error
	// Now is the clock of Retry-After dates, deadlines and pacing. nil: time.Now.
	Now func() time.Time
	// Jitter returns a uniformly random duration in [0, d]. nil: math/rand/v2.
	// Tests inject a seeded source.
	Jitter func(d time.Duration) time.Duration
	// Pacer spaces requests per lane (tenant, surface, reads or writes) across
	// every request given it; see Pacer. nil: no pacing, each request only
	// backs off on its own. The provider passes SharedPacer().
	Pacer *Pacer
	// Tenant names the tenant the requests reach, for the pacer's lanes.
	Tenant string
	// Surfaces are the base URLs of the services, for the pacer's lanes (a
	// request belongs to the longest base its URL starts with); a request
	// matching none is laned by its scheme and host.
	Surfaces []string
}

// Defaults applied by New for zero-valued Options fields.
const (
	DefaultUserAgent   = "terraform-provider-teamshipaa"
	DefaultRetryBudget = 3 * time.Minute
	DefaultMinBackoff  = 500 * time.Millisecond
	DefaultMaxBackoff  = 30 * time.Second
)

// New returns the one *http.Client every API client shares. Its Timeout is 0:
// deadlines come from request contexts.
func New(o Options) *http.Client {
	return &http.Client{Transport: newRoundTripper(o)}
}

// roundTripper implements the behaviour described on New; see retry.go.
type roundTripper struct {
	base       http.RoundTripper
	userAgent  string
	maxRetries int // 0: no cap (time-bounded); negative: never retry
	budget     time.Duration
	minBackoff time.Duration
	maxBackoff time.Duration
	log        Logger
	redact     *redactor
	sleep      func(ctx context.Context, d time.Duration) error
	now        func() time.Time // wall clock for Retry-After dates, deadlines and pacing
	jitter     func(d time.Duration) time.Duration
	pacer      *Pacer
	tenant     string
	surfaces   []string
}

func newRoundTripper(o Options) *roundTripper {
	t := &roundTripper{
		base:       o.Base,
		userAgent:  o.UserAgent,
		maxRetries: o.MaxRetries,
		budget:     o.RetryBudget,
		minBackoff: o.MinBackoff,
		maxBackoff: o.MaxBackoff,
		log:        o.Logger,
		redact:     newRedactor(o.Secrets),
		sleep:      o.Sleep,
		now:        o.Now,
		jitter:     o.Jitter,
		pacer:      o.Pacer,
		tenant:     o.Tenant,
		surfaces:   o.Surfaces,
	}
	if t.now == nil {
		t.now = time.Now
	}
	if t.jitter == nil {
		t.jitter = randomJitter
	}
	if t.userAgent == "" {
		t.userAgent = DefaultUserAgent
	}
	if t.budget <= 0 {
		t.budget = DefaultRetryBudget
	}
	if t.minBackoff <= 0 {
		t.minBackoff = DefaultMinBackoff
	}
	if t.maxBackoff <= 0 {
		t.maxBackoff = DefaultMaxBackoff
	}
	if t.maxBackoff < t.minBackoff {
		t.maxBackoff = t.minBackoff
	}
	if t.sleep == nil {
		t.sleep = sleepContext
	}
	if t.base == nil {
		pool := o.RootCAs
		if pool == nil {
			var err error
			pool, err = RootCAsFromEnv()
			if err != nil && t.log != nil {
				t.log(context.Background(), "TLS trust: SSL_CERT_FILE not used", map[string]any{"error": t.redact.Redact(err.Error())})
			}
		}
		t.base = defaultBase(pool)
	}
	return t
}

// randomJitter is uniform in [0, d].
func randomJitter(d time.Duration) time.Duration {
	if d <= 0 {
		return 0
	}
	return rand.N(d + 1)
}

// sleepContext waits d, or returns ctx.Err() as soon as ctx ends.
func sleepContext(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-timer.C:
		return nil
	}
}
