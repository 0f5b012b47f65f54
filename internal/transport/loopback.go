package transport

import (
	"fmt"
	"net"
	"net/url"
	"strings"
)

// LoopbackOrHTTPS returns nil if raw is an https URL, or an http URL whose host
// is a loopback address (127.0.0.0/8, ::1) or localhost. Otherwise it returns an
// error naming the URL: plain HTTP would send tokens in clear text.
func LoopbackOrHTTPS(raw string) error {
	u, err := url.Parse(raw)
	if err != nil {
		return fmt.Errorf("endpoint %q is not a valid URL: %w", raw, err)
	}
	shown := RedactURL(u)
	if u.Host == "" {
		return fmt.Errorf("endpoint %q has no host: expected https://host[/path]", shown)
	}
	switch strings.ToLower(u.Scheme) {
	case "https":
		return nil
	case "http":
		if isLoopbackHost(u.Hostname()) {
			return nil
		}
		return fmt.Errorf("endpoint %q: plain HTTP is only allowed on loopback hosts (127.0.0.0/8, ::1, localhost); use https", shown)
	default:
		return fmt.Errorf("endpoint %q: scheme %q is not supported: use https (plain HTTP is only allowed on loopback hosts)", shown, u.Scheme)
	}
}

func isLoopbackHost(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
