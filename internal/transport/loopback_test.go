package transport

import (
	"strings"
	"testing"
)

func TestLoopbackOrHTTPS(t *testing.T) {
	for _, ok := range []string{
		"https://graph.microsoft.com", "https://127.0.0.1:8443/graph", "HTTPS://login.microsoftonline.us/",
		"http://127.0.0.1:8080", "http://127.10.20.30/x", "http://[::1]:9000/teams", "http://localhost:3000", "http://LOCALHOST",
	} {
		if err := LoopbackOrHTTPS(ok); err != nil {
			t.Errorf("LoopbackOrHTTPS(%q) = %v, want nil", ok, err)
		}
	}
	for _, bad := range []string{
		"http://graph.microsoft.com", "http://10.0.0.5:8080", "http://128.0.0.1", "http://[::2]/", "http://localhost.evil.com",
		"ftp://127.0.0.1", "graph.microsoft.com", "https://", "://bad",
	} {
		err := LoopbackOrHTTPS(bad)
		if err == nil {
			t.Errorf("LoopbackOrHTTPS(%q) = nil, want an error", bad)
			continue
		}
		if !strings.Contains(err.Error(), bad) && bad != "://bad" {
			t.Errorf("error %q does not name the URL %q", err, bad)
		}
		if strings.HasPrefix(bad, "http://") && !strings.Contains(err.Error(), "plain HTTP is only allowed on loopback") {
			t.Errorf("error %q does not explain the loopback rule", err)
		}
	}
}
