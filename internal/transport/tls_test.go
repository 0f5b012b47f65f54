package transport

import (
	"context"
	"crypto/x509"
	"encoding/pem"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
)

func TestSSLCertFileTrusted(t *testing.T) {
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { _, _ = w.Write([]byte("trusted")) }))
	defer srv.Close()

	// Load (and let Go cache) the system pool before SSL_CERT_FILE is set: the
	// transport must still trust the file, because it reads it itself.
	_, _ = x509.SystemCertPool()

	path := filepath.Join(t.TempDir(), "ca.pem")
	if err := os.WriteFile(path, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: srv.Certificate().Raw}), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("SSL_CERT_FILE", path)

	c := New(Options{Sleep: (&waits{}).sleep})
	resp, body, err := do(t, c, newReq(t, context.Background(), http.MethodGet, srv.URL, ""))
	if err != nil {
		t.Fatalf("GET with SSL_CERT_FILE trust: %v", err)
	}
	if resp.StatusCode != 200 || string(body) != "trusted" {
		t.Fatalf("%d %q", resp.StatusCode, body)
	}
}

func TestUntrustedCertificateFailsWithoutRetry(t *testing.T) {
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {}))
	srv.Config.ErrorLog = log.New(io.Discard, "", 0) // the failed handshake is expected
	srv.StartTLS()
	defer srv.Close()
	w := &waits{}
	c := New(Options{RootCAs: x509.NewCertPool(), Sleep: w.sleep})
	if _, _, err := do(t, c, newReq(t, context.Background(), http.MethodGet, srv.URL, "")); err == nil {
		t.Fatal("an unknown CA was accepted")
	}
	if len(w.get()) != 0 {
		t.Errorf("certificate errors must not be retried: waits %v", w.get())
	}
}

func TestRootCAsFromEnvErrors(t *testing.T) {
	t.Setenv("SSL_CERT_FILE", filepath.Join(t.TempDir(), "missing.pem"))
	if pool, err := RootCAsFromEnv(); err == nil || pool == nil {
		t.Errorf("missing file: pool %v, err %v", pool, err)
	}
	empty := filepath.Join(t.TempDir(), "empty.pem")
	if err := os.WriteFile(empty, []byte("not a certificate"), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("SSL_CERT_FILE", empty)
	if pool, err := RootCAsFromEnv(); err == nil || pool == nil {
		t.Errorf("no PEM: pool %v, err %v", pool, err)
	}
	t.Setenv("SSL_CERT_FILE", "")
	if pool, err := RootCAsFromEnv(); err != nil || pool == nil {
		t.Errorf("unset: pool %v, err %v", pool, err)
	}
}
