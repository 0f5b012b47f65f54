package tenantsim

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"time"
)

// Fault kinds.
const (
	FaultLatency = "latency" // delay the answer by LatencyMs
	FaultStatus  = "status"  // answer Status (429/500/503/504...) in the surface's error shape
	FaultDrop    = "drop"    // close the TCP connection without answering (the request is not processed)
	// FaultDropAfter processes the request, then closes the connection
	// without answering: the client cannot know the write was applied.
	FaultDropAfter = "drop_after"
	FaultLag       = "lag" // reads lag behind writes (eventual consistency)
	// FaultRate (throttle.go): at most one matching write per IntervalMs.
)

// maxFaultWait bounds every injected delay.
const maxFaultWait = 60 * time.Second

// Fault is one injected misbehaviour. It applies to requests of Surface
// ("teams", "graph", "compliance", "exchange", "login", or "*"/""), Method
// ("" = any) whose path starts with PathPrefix (matched against the path
// within the surface, e.g. "/Skype.Policy", or the full path).
//
// Count: for latency, status and drop, the number of matching requests
// (0 = until cleared). For lag, the fault stays armed until cleared and
// applies to each matching write (POST/PUT/PATCH/DELETE): afterwards, reads
// of the written object, and lists holding it, return the version before
// the write (absent after a create) for the next Count reads and/or for
// LagMs milliseconds (both 0 = one read).
type Fault struct {
	ID         int    `json:"id,omitempty"`
	Surface    string `json:"surface"`
	Method     string `json:"method,omitempty"`
	PathPrefix string `json:"path_prefix,omitempty"`
	// Cmdlet (compliance and exchange surfaces; latency, status and drop
	// kinds): only InvokeCommand requests running this cmdlet, e.g.
	// "Remove-DlpCompliancePolicy" (case-insensitive).
	Cmdlet     string `json:"cmdlet,omitempty"`
	Kind       string `json:"kind"`
	Status     int    `json:"status,omitempty"`
	RetryAfter string `json:"retry_after,omitempty"` // seconds, sent as Retry-After
	LatencyMs  int    `json:"latency_ms,omitempty"`
	Count      int    `json:"count,omitempty"`
	LagMs      int    `json:"lag_ms,omitempty"`
	// IntervalMs (rate): the least time between two admitted writes.
	IntervalMs int `json:"interval_ms,omitempty"`
	// Admitted and Throttled (rate, read-only): writes let through and
	// writes answered 429 since the fault was armed.
	Admitted  int `json:"admitted,omitempty"`
	Throttled int `json:"throttled,omitempty"`
	// Remaining is how many requests the fault still applies to (0 = unlimited); read-only.
	Remaining int `json:"remaining,omitempty"`

	last    time.Time // rate: when the last write was admitted
	message string    // the error message, when not the generic one
}

type faultSet struct {
	mu   sync.Mutex
	list []*Fault
	seq  int
	now  func() time.Time // nil: time.Now; tests set a fake clock
}

// Validate reports what is wrong with f, as AddFault and POST /_sim/faults judge it.
func (f *Fault) Validate() error { return f.validate() }

func (f *Fault) validate() error {
	switch f.Surface {
	case "", "*", surfaceLogin, surfaceGraph, surfaceTeams, surfaceCompliance, surfaceExchange:
	default:
		return fmt.Errorf("unknown surface %q", f.Surface)
	}
	if f.Count < 0 || f.LatencyMs < 0 || f.LagMs < 0 {
		return fmt.Errorf("count, latency_ms and lag_ms must not be negative")
	}
	switch f.Kind {
	case FaultLatency:
		if f.LatencyMs <= 0 {
			return fmt.Errorf("latency needs latency_ms > 0")
		}
		if time.Duration(f.LatencyMs)*time.Millisecond > maxFaultWait {
			return fmt.Errorf("latency_ms is at most %d", maxFaultWait.Milliseconds())
		}
	case FaultStatus:
		if f.Status < 400 || f.Status > 599 {
			return fmt.Errorf("status must be 400..599")
		}
	case FaultDrop, FaultDropAfter:
	case FaultRate:
		return f.validateRate()
	case FaultLag:
		if time.Duration(f.LagMs)*time.Millisecond > 10*time.Minute {
			return fmt.Errorf("lag_ms is at most 600000")
		}
	default:
		return fmt.Errorf("unknown kind %q (latency, status, drop, drop_after, lag, rate)", f.Kind)
	}
	return nil
}

// AddFault arms a fault; invalid faults are ignored (logged).
func (s *Simulator) AddFault(f Fault) {
	if _, err := s.faults.add(f); err != nil {
		s.logf("tenantsim: fault ignored: %v", err)
	}
}

// Faults returns the armed faults (a count-bounded one disappears once used up).
func (s *Simulator) Faults() []Fault { return s.faults.snapshot() }

// ClearFaults disarms every fault. Pending lag already recorded stays until it runs out.
func (s *Simulator) ClearFaults() { s.faults.clear() }

// SettleLag ends every pending lag at once: every reader now sees the latest
// write, as the real service does once replication catches up. Tests call it
// instead of waiting for a lag window to run out.
func (s *Simulator) SettleLag() { s.store.settle() }

func (fs *faultSet) add(f Fault) (int, error) {
	if err := f.validate(); err != nil {
		return 0, err
	}
	fs.mu.Lock()
	defer fs.mu.Unlock()
	fs.seq++
	f.ID = fs.seq
	f.Remaining = f.Count
	f.Admitted, f.Throttled, f.last, f.message = 0, 0, time.Time{}, ""
	if f.Kind == FaultLag || f.Kind == FaultRate {
		f.Remaining = 0
	}
	fs.list = append(fs.list, &f)
	return f.ID, nil
}

func (fs *faultSet) clear() {
	fs.mu.Lock()
	fs.list = nil
	fs.mu.Unlock()
}

func (fs *faultSet) snapshot() []Fault {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	out := make([]Fault, 0, len(fs.list))
	for _, f := range fs.list {
		out = append(out, *f)
	}
	return out
}

func (f *Fault) matches(surface, method, rel, full, cmdlet string) bool {
	if f.Surface != "" && f.Surface != "*" && f.Surface != surface {
		return false
	}
	if f.Cmdlet != "" && !strings.EqualFold(f.Cmdlet, cmdlet) {
		return false
	}
	if f.Method != "" && !strings.EqualFold(f.Method, method) {
		return false
	}
	return f.PathPrefix == "" || strings.HasPrefix(rel, f.PathPrefix) || strings.HasPrefix(full, f.PathPrefix)
}

// consume counts one use; it reports whether the fault is used up.
func (fs *faultSet) consumeLocked(i int) (removed bool) {
	f := fs.list[i]
	if f.Count == 0 {
		return false
	}
	f.Remaining--
	if f.Remaining <= 0 {
		fs.list = append(fs.list[:i:i], fs.list[i+1:]...)
		return true
	}
	return false
}

// pick returns the total delay of matching latency faults and the first
// matching status or drop fault, consuming their counts; a write that a
// rate fault refuses gets that fault's 429 instead.
func (fs *faultSet) pick(surface, method, rel, full, cmdlet string) (time.Duration, *Fault) {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	if isWrite(method) {
		now := time.Now
		if fs.now != nil {
			now = fs.now
		}
		t := now()
		for _, f := range fs.list {
			if f.Kind == FaultRate && f.matches(surface, method, rel, full, cmdlet) {
				if refused := f.admitLocked(t); refused != nil {
					return 0, refused
				}
			}
		}
	}
	var delay time.Duration
	for i := 0; i < len(fs.list); i++ {
		f := fs.list[i]
		if f.Kind != FaultLatency || !f.matches(surface, method, rel, full, cmdlet) {
			continue
		}
		delay += time.Duration(f.LatencyMs) * time.Millisecond
		if fs.consumeLocked(i) {
			i--
		}
	}
	if delay > maxFaultWait {
		delay = maxFaultWait
	}
	for i, f := range fs.list {
		if (f.Kind == FaultStatus || f.Kind == FaultDrop || f.Kind == FaultDropAfter) && f.matches(surface, method, rel, full, cmdlet) {
			c := *f
			fs.consumeLocked(i)
			return delay, &c
		}
	}
	return delay, nil
}

// lagFor returns the lag a write must leave behind, or nil.
func (fs *faultSet) lagFor(surface, method, rel, full string) *lagSpec {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	for _, f := range fs.list {
		if f.Kind == FaultLag && f.matches(surface, method, rel, full, "") {
			return &lagSpec{reads: f.Count, dur: time.Duration(f.LagMs) * time.Millisecond}
		}
	}
	return nil
}

// cmdletOf returns the cmdlet an InvokeCommand POST runs ("" for other
// requests), leaving the body readable for the handler.
func cmdletOf(surface string, r *http.Request) string {
	if (surface != surfaceCompliance && surface != surfaceExchange) || r.Method != http.MethodPost || r.Body == nil {
		return ""
	}
	b, err := io.ReadAll(io.LimitReader(r.Body, 8<<20))
	r.Body = io.NopCloser(bytes.NewReader(b))
	if err != nil {
		return ""
	}
	var in struct {
		CmdletInput struct{ CmdletName string }
	}
	_ = json.Unmarshal(b, &in)
	return in.CmdletInput.CmdletName
}

// applyFault answers a request with a status fault or drops it.
func (s *Simulator) applyFault(w http.ResponseWriter, ids requestIDs, surface string, f *Fault) {
	if f.Kind == FaultDrop {
		s.drop(w)
		return
	}
	if f.RetryAfter != "" {
		w.Header().Set("Retry-After", f.RetryAfter)
	}
	msg := fmt.Sprintf("Injected fault: %d %s.", f.Status, http.StatusText(f.Status))
	if f.message != "" {
		msg = f.message
	}
	if surface == surfaceLogin {
		code := "server_error"
		if f.Status == 429 || f.Status == 503 || f.Status == 504 {
			code = "temporarily_unavailable"
		}
		writeAADError(w, ids, f.Status, code, 0, msg)
		return
	}
	code := statusCode(f.Status)
	if surface == surfaceGraph && f.Status == 429 {
		code = "TooManyRequests"
	}
	writeSurfaceError(w, ids, surface, f.Status, code, msg)
}

// discardWriter takes the answer of a request whose connection a
// drop_after fault closes.
type discardWriter struct{ h http.Header }

func (d *discardWriter) Header() http.Header {
	if d.h == nil {
		d.h = http.Header{}
	}
	return d.h
}
func (d *discardWriter) Write(b []byte) (int, error) { return len(b), nil }
func (d *discardWriter) WriteHeader(int)             {}

// drop closes the connection without an answer; with HTTP/2 (not served
// here) it would reset the stream instead.
func (s *Simulator) drop(w http.ResponseWriter) {
	conn, _, err := http.NewResponseController(w).Hijack()
	if err != nil {
		panic(http.ErrAbortHandler)
	}
	conn.Close()
}

// isWrite reports whether method changes objects.
func isWrite(method string) bool {
	switch method {
	case http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete:
		return true
	}
	return false
}
