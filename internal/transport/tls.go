package transport

import (
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"net/http"
	"os"
	"time"
)

// RootCAsFromEnv returns the system trust pool plus the PEM certificates in the
// file named by SSL_CERT_FILE, if set. The file is read on every call, so it
// counts even when Go loaded (and cached) the system pool earlier. On an error
// (unreadable file, no certificate in it) the pool is still returned, without
// the file's certificates; the provider can surface the error.
func RootCAsFromEnv() (*x509.CertPool, error) {
	pool, err := x509.SystemCertPool()
	if err != nil || pool == nil {
		pool = x509.NewCertPool()
	}
	path := os.Getenv("SSL_CERT_FILE")
	if path == "" {
		return pool, nil
	}
	pem, err := os.ReadFile(path)
	if err != nil {
		return pool, fmt.Errorf("reading SSL_CERT_FILE: %w", err)
	}
	if !pool.AppendCertsFromPEM(pem) {
		return pool, fmt.Errorf("SSL_CERT_FILE %q holds no PEM certificate", path)
	}
	return pool, nil
}

// defaultBase is a clone of http.DefaultTransport (proxy from environment,
// HTTP/2, idle pooling) that trusts pool.
func defaultBase(pool *x509.CertPool) http.RoundTripper {
	var tr *http.Transport
	if dt, ok := http.DefaultTransport.(*http.Transport); ok {
		tr = dt.Clone()
	} else {
		tr = &http.Transport{
			Proxy:                 http.ProxyFromEnvironment,
			ForceAttemptHTTP2:     true,
			MaxIdleConns:          100,
			IdleConnTimeout:       90 * time.Second,
			TLSHandshakeTimeout:   10 * time.Second,
			ExpectContinueTimeout: time.Second,
		}
	}
	tr.TLSClientConfig = &tls.Config{RootCAs: pool, MinVersion: tls.VersionTLS12}
	return tr
}
