package transport

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"
)

// Lane is what a Pacer spaces requests by: one tenant, one service (the
// surface: Graph, the Teams admin API..., named by its base URL), reads or writes. Graph throttles
// conditional access writes to about one per second per tenant while reads
// go on, so writes and reads of one surface are separate lanes.
type Lane struct {
	Tenant  string
	Surface string
	Write   bool
}

// Pacer spaces the requests of each lane, shared by every request (and every
// client) given it, so that concurrent writers queue for the service's rate
// instead of retrying in lockstep. A lane starts unpaced. A 429 (or 503)
// with Retry-After closes the lane until then and teaches it an interval:
// the next requests start one interval apart. Each 2xx shortens the interval
// a little, so pacing is released gradually once the service keeps up, and
// a lane left idle for a while forgets it.
//
// A Pacer is safe for concurrent use. The zero value is not: use NewPacer.
type Pacer struct {
	mu    sync.Mutex
	lanes map[Lane]*lane
}

type lane struct {
	interval time.Duration // spacing between starts; 0: unpaced
	next     time.Time     // earliest start of the next request (booked slots end here)
	closed   time.Time     // no start before this: the latest Retry-After
	learned  time.Time     // when interval last grew; throttles of requests started before it teach nothing new
	lastOK   time.Time     // when the latest request answered 2xx was sent
}

// Pacing constants. growMargin: the interval learned from a throttle is the
// service's plus a sixteenth, since a request spaced exactly at the limit
// arrives early as often as late. releaseShare: each 2xx takes a 128th off,
// so a learned pace lasts a few dozen requests rather than being probed (and
// throttled, losing a slot) every other one. jitterShare: slots are spaced
// by up to a 32nd more, so separate processes do not stay in step.
// idleShare: a lane left idle for that many intervals past its last slot
// forgets its pace (a one-off throttle does not slow the rest of a run; a
// real rate limit is learned again from the next burst). minInterval: below
// it the lane is unpaced again. maxInterval bounds what a lane can learn.
const (
	idleShare    = 8
	growMargin   = 16
	releaseShare = 128
	jitterShare  = 32
	minInterval  = time.Millisecond
	maxInterval  = 5 * time.Minute
)

// NewPacer returns a Pacer with every lane unpaced.
func NewPacer() *Pacer { return &Pacer{lanes: map[Lane]*lane{}} }

var sharedPacer = NewPacer()

// SharedPacer is the process-wide Pacer: every provider configuration of
// the process that reaches the same tenant shares its lanes.
func SharedPacer() *Pacer { return sharedPacer }

func (p *Pacer) laneLocked(l Lane) *lane {
	ln := p.lanes[l]
	if ln == nil {
		ln = &lane{}
		p.lanes[l] = ln
	}
	return ln
}

// reserve books the start of one request of l: the earliest time at or
// after notBefore (and now) when the lane is open and the previous booking
// is an interval (plus up to a sixteenth of jitter) behind.
func (p *Pacer) reserve(l Lane, now, notBefore time.Time, jitter func(time.Duration) time.Duration) time.Time {
	p.mu.Lock()
	defer p.mu.Unlock()
	ln := p.laneLocked(l)
	if ln.interval > 0 && now.Sub(latest(ln.next, ln.closed)) > idleShare*ln.interval {
		ln.interval = 0
	}
	start := latest(now, notBefore, ln.closed, ln.next)
	ln.next = start
	if ln.interval > 0 {
		ln.next = start.Add(ln.interval + jitter(ln.interval/jitterShare))
	}
	return start
}

// closedUntil reports when the lane opens again (zero or past: open).
func (p *Pacer) closedUntil(l Lane) time.Time {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.laneLocked(l).closed
}

// throttled records that a request of l started at started was refused at
// now with Retry-After ra. The service's interval is estimated as the time
// from the latest admitted request's start to when the lane opens again,
// and at most the current interval plus ra (the estimate when the admitted
// one is unknown or long past). A request sent late, not early, thus
// teaches nothing wrong: its Retry-After is short, and so is the estimate.
func (p *Pacer) throttled(l Lane, started, now time.Time, ra time.Duration) {
	p.mu.Lock()
	defer p.mu.Unlock()
	ln := p.laneLocked(l)
	opens := now.Add(ra)
	ln.closed = latest(ln.closed, opens)
	if started.Before(ln.learned) {
		return // sent before the last lesson: its throttle is already counted
	}
	est := ln.interval + ra
	if !ln.lastOK.IsZero() {
		est = min(est, opens.Sub(ln.lastOK))
	}
	if learned := min(est+est/growMargin, maxInterval); learned > ln.interval {
		ln.interval = learned
	}
	ln.learned = now
}

// succeeded records a 2xx answer on l to a request sent at started: the
// interval shrinks a little.
func (p *Pacer) succeeded(l Lane, started time.Time) {
	p.mu.Lock()
	defer p.mu.Unlock()
	ln := p.laneLocked(l)
	ln.lastOK = latest(ln.lastOK, started)
	ln.interval -= ln.interval / releaseShare
	if ln.interval < minInterval {
		ln.interval = 0
	}
}

// Interval reports the spacing the lane has learned (0: unpaced); for tests and logs.
func (p *Pacer) Interval(l Lane) time.Duration {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.laneLocked(l).interval
}

func latest(ts ...time.Time) time.Time {
	var m time.Time
	for _, t := range ts {
		if t.After(m) {
			m = t
		}
	}
	return m
}

// laneOf is the lane of req: the tenant, the surface whose base URL is the
// longest prefix of the request's (else its scheme and host), and whether
// the method writes.
func (t *roundTripper) laneOf(req *http.Request) Lane {
	u := req.URL
	l := Lane{Tenant: t.tenant, Surface: u.Scheme + "://" + u.Host, Write: !isRead(req.Method)}
	target := (&url.URL{Scheme: u.Scheme, Host: u.Host, Path: u.Path}).String()
	for _, base := range t.surfaces {
		base = strings.TrimSuffix(base, "/")
		if len(base) > len(l.Surface) && (target == base || strings.HasPrefix(target, base+"/")) {
			l.Surface = base
		}
	}
	return l
}

func isRead(method string) bool {
	switch method {
	case "", http.MethodGet, http.MethodHead, http.MethodOptions:
		return true
	}
	return false
}

// pace waits at least wait, until a slot of lane l, and again if a throttle
// closed the lane while it waited. No pacer: it waits wait only. deadline: a
// slot after it is not waited for (ok false).
func (t *roundTripper) pace(ctx context.Context, l Lane, wait time.Duration, deadline time.Time) (waited time.Duration, ok bool, err error) {
	for {
		now := t.now()
		notBefore := now.Add(wait)
		start := notBefore
		if t.pacer != nil {
			start = t.pacer.reserve(l, now, notBefore, t.jitter)
		}
		d := start.Sub(now)
		if d > 0 && start.After(deadline) {
			return waited, false, nil
		}
		if d > 0 {
			if err := t.sleep(ctx, d); err != nil {
				return waited, true, err
			}
			waited += d
		}
		if t.pacer == nil || !t.pacer.closedUntil(l).After(t.now()) {
			return waited, true, ctx.Err()
		}
		wait = 0
	}
}
