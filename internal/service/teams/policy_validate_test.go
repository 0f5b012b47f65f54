package teams

import (
	"strings"
	"testing"
)

func TestDomainProblem(t *testing.T) {
	for _, ok := range []string{"contoso.com", "partner-hospital.example.org", "CONTOSO.COM", "contoso.com.", "a.b.c.d.example.co.uk",
		"xn--krankenhaus-mnchen-3pb.de", "xn--p1ai.xn--p1ai", "1800flowers.com", "x.io"} {
		if msg := domainProblem(ok); msg != "" {
			t.Errorf("%q refused: %s", ok, msg)
		}
	}
	for bad, want := range map[string]string{
		"https://contoso.com": "URL", "contoso.com/path": "URL", "a@contoso.com": `"contoso.com"`, "*.contoso.com": "block_all_subdomains",
		"contoso": "fully qualified", "contoso..com": "label", ".contoso.com": "label", "contoso-.com": "label", "con toso.com": "not allowed",
		"10.0.0.1": "IP address", "": "1 to 253", "bücher.de": "xn--", strings.Repeat("a", 64) + ".com": "1 to 63",
		strings.Repeat("abcdefghi.", 26) + "com": "1 to 253",
	} {
		if msg := domainProblem(bad); !strings.Contains(msg, want) {
			t.Errorf("%q: %q, want it to mention %q", bad, msg, want)
		}
	}
}
