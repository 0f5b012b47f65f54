// Package tenantsim is an offline stand-in for the Microsoft cloud a
// teamshipaa provider talks to: the Entra ID login endpoint, Microsoft Graph,
// the Teams admin ConfigAPI, and the Security & Compliance and Exchange
// Online admin APIs, over TLS on loopback.
//
// It is written from Microsoft's wire contracts and documentation, not from
// the provider: it imports nothing of the provider, so a field name both
// sides got wrong in the same way cannot pass unnoticed.
package tenantsim

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// DefaultTenantID is the tenant of a simulator started without one.
const DefaultTenantID = "6f1c2a7e-3b0d-4c8e-9a55-2d7e1f0b4c11"

// Options configures Start.
type Options struct {
	// StateDir keeps the tenant, the CA and the app credentials between
	// runs; "" keeps everything in memory.
	StateDir string
	// TenantID defaults to the one saved in StateDir, else DefaultTenantID.
	TenantID string
	// Logf, when set, receives one line per request and notable events.
	Logf func(format string, args ...any)
}

// Simulator is a running tenant. Safe for concurrent use.
type Simulator struct {
	opts     Options
	tenantID string
	ca       *authority
	caFile   string
	tmpDir   string // removed on Close when StateDir is ""
	signer   *signer
	full     *registration
	limited  *registration
	store    *store
	faults   *faultSet
	stats    *statsCounter

	// adminHost is the AdminServiceEndpoint handed out by serviceDiscovery.
	adminHost string
	// assignMu serialises read-modify-write of policy assignments.
	assignMu sync.Mutex

	ln        net.Listener
	srv       *http.Server
	url       string
	transport *http.Transport
	served    chan struct{}

	mu       sync.Mutex
	closed   bool
	inflight sync.WaitGroup
	done     chan struct{} // closed by Close: ends every wait
}

// Start runs a simulator on 127.0.0.1 at a free port.
func Start(opts Options) (*Simulator, error) {
	s := &Simulator{opts: opts, faults: &faultSet{}, stats: newStatsCounter(), done: make(chan struct{}), served: make(chan struct{})}
	ok := false
	defer func() {
		if !ok {
			s.cleanup()
		}
	}()
	if opts.StateDir != "" {
		if err := os.MkdirAll(opts.StateDir, 0o700); err != nil {
			return nil, err
		}
	}
	s.tenantID = resolveTenant(opts)
	var err error
	if s.ca, err = loadOrCreateCA(opts.StateDir); err != nil {
		return nil, err
	}
	if opts.StateDir != "" {
		s.caFile = filepath.Join(opts.StateDir, caCertFile)
	} else {
		if s.tmpDir, err = os.MkdirTemp("", "tenantsim-"); err != nil {
			return nil, err
		}
		s.caFile = filepath.Join(s.tmpDir, caCertFile)
		if err := os.WriteFile(s.caFile, s.ca.certPEM, 0o644); err != nil {
			return nil, err
		}
	}
	if s.signer, err = loadOrCreateSigner(opts.StateDir); err != nil {
		return nil, err
	}
	if s.full, s.limited, err = loadOrCreateApps(opts.StateDir); err != nil {
		return nil, err
	}
	if s.store, err = newStore(opts.StateDir, s.tenantID); err != nil {
		return nil, err
	}
	if err := s.seedTeams(); err != nil {
		return nil, err
	}
	if err := s.seedAlerts(); err != nil {
		return nil, err
	}
	s.adminHost = "admin-tenantsim.online.lync.com"

	cert, err := s.ca.serverCert()
	if err != nil {
		return nil, err
	}
	if s.ln, err = net.Listen("tcp", "127.0.0.1:0"); err != nil {
		return nil, err
	}
	s.url = "https://" + s.ln.Addr().String()
	s.srv = &http.Server{
		Handler:           s,
		TLSConfig:         &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12},
		ReadHeaderTimeout: 10 * time.Second,
		// HTTP/1.1 only: the drop fault hijacks the TCP connection.
		TLSNextProto: map[string]func(*http.Server, *tls.Conn, http.Handler){},
		ErrorLog:     nil,
	}
	pool := x509.NewCertPool()
	pool.AddCert(s.ca.cert)
	s.transport = &http.Transport{
		TLSClientConfig:     &tls.Config{RootCAs: pool, MinVersion: tls.VersionTLS12},
		MaxIdleConnsPerHost: 16,
		IdleConnTimeout:     30 * time.Second,
	}
	go func() {
		defer close(s.served)
		err := s.srv.ServeTLS(s.ln, "", "")
		if err != nil && !errors.Is(err, http.ErrServerClosed) {
			s.logf("tenantsim: server stopped: %v", err)
		}
	}()
	ok = true
	s.logf("tenantsim: tenant %s at %s (state %q)", s.tenantID, s.url, opts.StateDir)
	return s, nil
}

// resolveTenant picks the tenant: the option, else the saved one, else the default.
func resolveTenant(opts Options) string {
	if opts.TenantID != "" {
		return strings.ToLower(opts.TenantID)
	}
	if opts.StateDir != "" {
		if id := savedTenantID(opts.StateDir); id != "" {
			return id
		}
	}
	return DefaultTenantID
}

func (s *Simulator) seedTeams() error {
	for name, spec := range teamsTypes {
		coll := teamsCollection(name)
		var err error
		if s.store.has(coll) {
			err = s.store.update(coll, spec.fillMissing)
		} else {
			err = s.store.seed(coll, spec.seedObjects())
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func (s *Simulator) logf(format string, args ...any) {
	if s.opts.Logf != nil {
		s.opts.Logf(format, args...)
	}
}

// URL is the base of every surface, https://127.0.0.1:PORT.
func (s *Simulator) URL() string { return s.url }

// CACertPEM is the CA that signed the simulator's TLS certificate.
func (s *Simulator) CACertPEM() []byte { return append([]byte(nil), s.ca.certPEM...) }

// CAFile is a PEM file holding the CA (in StateDir, or a temp dir).
func (s *Simulator) CAFile() string { return s.caFile }

// TenantID is the tenant's GUID.
func (s *Simulator) TenantID() string { return s.tenantID }

// FullApp holds every role the provider needs, and a certificate.
func (s *Simulator) FullApp() App { return s.full.app() }

// LimitedApp can only read Graph policies: no admin roles, no certificate.
func (s *Simulator) LimitedApp() App { return s.limited.app() }

// Env is the environment for a provider block with no arguments, KEY=VALUE.
func (s *Simulator) Env() []string {
	return []string{
		"ARM_TENANT_ID=" + s.tenantID,
		"ARM_CLIENT_ID=" + s.full.ClientID,
		"ARM_CLIENT_SECRET=" + s.full.Secret,
		"TEAMSHIPAA_LOGIN_ENDPOINT=" + s.url,
		"TEAMSHIPAA_GRAPH_ENDPOINT=" + s.url + "/graph",
		"TEAMSHIPAA_TEAMS_ENDPOINT=" + s.url + "/teams",
		"TEAMSHIPAA_COMPLIANCE_ENDPOINT=" + s.url + "/compliance",
		"TEAMSHIPAA_EXCHANGE_ENDPOINT=" + s.url + "/exchange",
		"TENANTSIM_URL=" + s.url,
		"SSL_CERT_FILE=" + s.caFile,
	}
}

// HTTPClient trusts the simulator's CA; for tests.
func (s *Simulator) HTTPClient() *http.Client {
	return &http.Client{Transport: s.transport, Timeout: 30 * time.Second}
}

// Close stops the server, ends pending waits and waits (bounded) for
// handlers to return. It keeps StateDir.
func (s *Simulator) Close() error {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return nil
	}
	s.closed = true
	close(s.done)
	s.mu.Unlock()

	var err error
	if s.srv != nil {
		err = s.srv.Close()
		<-s.served
	}
	finished := make(chan struct{})
	go func() { s.inflight.Wait(); close(finished) }()
	select {
	case <-finished:
	case <-time.After(10 * time.Second):
		err = errors.Join(err, errors.New("tenantsim: handlers still running after Close"))
	}
	if s.transport != nil {
		s.transport.CloseIdleConnections()
	}
	s.cleanup()
	return err
}

func (s *Simulator) cleanup() {
	if s.tmpDir != "" {
		os.RemoveAll(s.tmpDir)
		s.tmpDir = ""
	}
	if s.srv == nil && s.ln != nil {
		s.ln.Close()
	}
}

// wait sleeps for d unless the request or the simulator ends first.
func (s *Simulator) wait(ctx context.Context, d time.Duration) {
	if d <= 0 {
		return
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
	case <-ctx.Done():
	case <-s.done:
	}
}

// splitSurface maps a request path to its surface and the path within it.
func splitSurface(path string) (surface, rel string) {
	for _, sf := range []string{surfaceGraph, surfaceTeams, surfaceCompliance, surfaceExchange} {
		p := "/" + sf
		if path == p || strings.HasPrefix(path, p+"/") {
			rel = strings.TrimPrefix(path, p)
			if rel == "" {
				rel = "/"
			}
			return sf, rel
		}
	}
	return surfaceLogin, path
}

// ServeHTTP routes to the control API or a surface, after stats and faults.
func (s *Simulator) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		http.Error(w, "simulator closed", http.StatusServiceUnavailable)
		return
	}
	s.inflight.Add(1)
	s.mu.Unlock()
	defer s.inflight.Done()

	if r.URL.Path == "/_sim" || strings.HasPrefix(r.URL.Path, "/_sim/") {
		s.serveControl(w, r)
		return
	}
	surface, rel := splitSurface(r.URL.Path)
	s.stats.add(surface, r.Method, rel)
	ids := setRequestIDs(w, r)
	rec := &statusRecorder{ResponseWriter: w, status: 200}
	start := time.Now()
	defer func() {
		s.logf("tenantsim: %s %s %s -> %d (%s)", surface, r.Method, r.URL.RequestURI(), rec.status, time.Since(start).Round(time.Millisecond))
	}()

	delay, action := s.faults.pick(surface, r.Method, rel, r.URL.Path, cmdletOf(surface, r))
	s.wait(r.Context(), delay)
	if action != nil && action.Kind == FaultDropAfter {
		s.serveSurface(&statusRecorder{ResponseWriter: &discardWriter{}, status: 200}, r, ids, surface, rel)
		rec.status = 0 // logged as 0: processed, but no answer
		s.drop(w)
		return
	}
	if action != nil {
		if action.Kind == FaultDrop {
			rec.status = 0 // logged as 0: no answer
		}
		s.applyFault(rec, ids, surface, action)
		return
	}
	s.serveSurface(rec, r, ids, surface, rel)
}

// serveSurface answers a request on its surface.
func (s *Simulator) serveSurface(w http.ResponseWriter, r *http.Request, ids requestIDs, surface, rel string) {
	switch surface {
	case surfaceLogin:
		s.serveLogin(w, r, ids)
	case surfaceTeams:
		s.serveTeams(w, r, ids, rel)
	case surfaceGraph:
		s.serveGraph(w, r, ids, rel)
	case surfaceCompliance, surfaceExchange:
		s.serveAdminAPI(w, r, ids, surface, rel)
	}
}

// statusRecorder remembers the status for the request log.
type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (r *statusRecorder) WriteHeader(code int) {
	r.status = code
	r.ResponseWriter.WriteHeader(code)
}

// Unwrap lets http.ResponseController reach the connection (drop fault).
func (r *statusRecorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

func (s *Simulator) String() string { return fmt.Sprintf("tenantsim(%s, %s)", s.tenantID, s.url) }
