package tenantsim

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestPersistenceAcrossRestart(t *testing.T) {
	dir := t.TempDir()
	s1, err := Start(Options{StateDir: dir, Logf: t.Logf})
	if err != nil {
		t.Fatal(err)
	}
	tok := tokenFor(t, s1, s1.FullApp(), audTeams)
	tc := newTeamsClient(t, s1, tok)
	if res := tc.do("POST", meetingPath, map[string]any{"Identity": "Tag:Kept", "AllowCloudRecording": false}); res.status != 201 {
		t.Fatalf("create: %d %s", res.status, res.body)
	}
	if res := tc.do("PUT", instancePath("Global"), map[string]any{"MediaBitRateKb": 1234}); res.status != 204 {
		t.Fatalf("update: %d", res.status)
	}
	tenant, app, ca := s1.TenantID(), s1.FullApp(), s1.CACertPEM()
	if err := s1.Close(); err != nil {
		t.Fatal(err)
	}

	s2 := startSim(t, Options{StateDir: dir})
	if s2.TenantID() != tenant || s2.FullApp().ClientSecret != app.ClientSecret || !bytes.Equal(s2.CACertPEM(), ca) {
		t.Fatal("tenant, app or CA changed across restart")
	}
	if s2.CAFile() != filepath.Join(dir, "ca.pem") {
		t.Errorf("CAFile %s", s2.CAFile())
	}
	// A token from before the restart is still good (same signing key).
	tc2 := newTeamsClient(t, s2, tok)
	if g := tc2.do("GET", instancePath("Tag:Kept"), nil); g.status != 200 || g.json(t)["AllowCloudRecording"] != false {
		t.Errorf("Tag:Kept after restart: %d %s", g.status, g.body)
	}
	if g := tc2.do("GET", instancePath("Global"), nil).json(t); g["MediaBitRateKb"] != float64(1234) {
		t.Errorf("Global after restart: %v", g["MediaBitRateKb"])
	}
	if inst, _ := s2.TeamsInstance("TeamsMeetingPolicy", "Global"); inst["MediaBitRateKb"] != int64(1234) {
		t.Errorf("TeamsInstance types after reload: %T %v", inst["MediaBitRateKb"], inst["MediaBitRateKb"])
	}
	// And the certificate still signs in.
	full := s2.FullApp()
	getToken(t, certCredential(t, s2, full.ClientID, full.CertificatePKCS12, full.CertificatePassword), audGraph)
}

func TestMemoryOnlyLeavesNoFiles(t *testing.T) {
	s, err := Start(Options{})
	if err != nil {
		t.Fatal(err)
	}
	caFile := s.CAFile()
	if b, err := os.ReadFile(caFile); err != nil || !bytes.Equal(b, s.CACertPEM()) {
		t.Fatalf("CAFile: %v", err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(caFile); !os.IsNotExist(err) {
		t.Errorf("temp CA file left behind: %v", err)
	}
}

func TestStats(t *testing.T) {
	s, tc := teamsSetup(t)
	s.ResetStats()
	for i := 0; i < 3; i++ {
		tc.do("GET", meetingPath+"?x="+string(rune('a'+i)), nil)
	}
	tc.do("GET", instancePath("Global"), nil)
	call(t, s.HTTPClient(), "GET", s.URL()+"/_sim/stats", "", nil, nil) // not counted
	st := s.Stats()
	if st.Count("teams", "GET", meetingPath) != 3 || st.Count("teams", "GET", instancePath("Global")) != 1 || st.Total != 4 {
		t.Errorf("stats %+v", st)
	}
	res := call(t, s.HTTPClient(), "GET", s.URL()+"/_sim/stats", "", nil, nil)
	var wire struct {
		Requests []map[string]any `json:"requests"`
		Total    int              `json:"total"`
	}
	if err := json.Unmarshal(res.body, &wire); err != nil || wire.Total != 4 {
		t.Fatalf("stats JSON: %v %s", err, res.body)
	}
	for _, r := range wire.Requests {
		for _, k := range []string{"surface", "method", "path", "count"} {
			if _, ok := r[k]; !ok {
				t.Errorf("stats entry lacks %s: %v", k, r)
			}
		}
	}
	if res := call(t, s.HTTPClient(), "POST", s.URL()+"/_sim/stats/reset", "", nil, nil); res.status != 204 || s.Stats().Total != 0 {
		t.Errorf("reset: %d %+v", res.status, s.Stats())
	}
}

func TestControlAPI(t *testing.T) {
	s, tc := teamsSetup(t)
	c := s.HTTPClient()
	res := call(t, c, "POST", s.URL()+"/_sim/faults", "", map[string]any{"surface": "teams", "kind": "status", "status": 503, "retry_after": "1", "count": 1}, nil)
	if res.status != 201 {
		t.Fatalf("add fault: %d %s", res.status, res.body)
	}
	if r := tc.do("GET", meetingPath, nil); r.status != 503 || r.header.Get("Retry-After") != "1" {
		t.Errorf("fault from control API: %d", r.status)
	}
	if r := call(t, c, "POST", s.URL()+"/_sim/faults", "", map[string]any{"kind": "nope"}, nil); r.status != 400 {
		t.Errorf("bad fault: %d", r.status)
	}
	call(t, c, "POST", s.URL()+"/_sim/faults", "", map[string]any{"kind": "drop"}, nil)
	if r := call(t, c, "DELETE", s.URL()+"/_sim/faults", "", nil, nil); r.status != 204 || len(s.faults.snapshot()) != 0 {
		t.Errorf("clear: %d", r.status)
	}
	for _, p := range []string{"/_sim/teams/TeamsMeetingPolicy/Global", "/_sim/tenant/teams/TeamsMeetingPolicy/Tag:AllOn"} {
		r := call(t, c, "PATCH", s.URL()+p, "", map[string]any{"AllowPowerPointSharing": false}, nil)
		if r.status != 200 || r.json(t)["AllowPowerPointSharing"] != false {
			t.Errorf("PATCH %s: %d %s", p, r.status, r.body)
		}
	}
	if g := tc.do("GET", instancePath("Tag:AllOn"), nil).json(t); g["AllowPowerPointSharing"] != false {
		t.Error("drift through the control API not visible")
	}
	if r := call(t, c, "PATCH", s.URL()+"/_sim/teams/TeamsMeetingPolicy/Global", "", map[string]any{"AutoAdmittedUsers": "x"}, nil); r.status != 400 {
		t.Errorf("invalid drift: %d", r.status)
	}
	if r := call(t, c, "GET", s.URL()+"/_sim/env", "", nil, nil); r.status != 200 || !strings.Contains(string(r.body), "ARM_CLIENT_SECRET") {
		t.Errorf("env: %d", r.status)
	}
}

func TestEnvAndEnvFile(t *testing.T) {
	s := startSim(t, Options{})
	env := map[string]string{}
	for _, kv := range s.Env() {
		k, v, _ := strings.Cut(kv, "=")
		env[k] = v
	}
	want := map[string]string{
		"ARM_TENANT_ID":                  s.TenantID(),
		"ARM_CLIENT_ID":                  s.FullApp().ClientID,
		"ARM_CLIENT_SECRET":              s.FullApp().ClientSecret,
		"TEAMSHIPAA_LOGIN_ENDPOINT":      s.URL(),
		"TEAMSHIPAA_GRAPH_ENDPOINT":      s.URL() + "/graph",
		"TEAMSHIPAA_TEAMS_ENDPOINT":      s.URL() + "/teams",
		"TEAMSHIPAA_COMPLIANCE_ENDPOINT": s.URL() + "/compliance",
		"TEAMSHIPAA_EXCHANGE_ENDPOINT":   s.URL() + "/exchange",
		"TENANTSIM_URL":                  s.URL(),
		"SSL_CERT_FILE":                  s.CAFile(),
	}
	for k, v := range want {
		if env[k] != v {
			t.Errorf("%s = %q, want %q", k, env[k], v)
		}
	}
	path := filepath.Join(t.TempDir(), "sim.env")
	if err := s.WriteEnvFile(path); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(path)
	for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		if !strings.HasPrefix(line, "export ") || !strings.HasSuffix(line, "'") {
			t.Errorf("line %q", line)
		}
	}
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("no bash to source the file")
	}
	out, err := exec.Command("bash", "-c", `source "$1" && printf '%s|%s' "$ARM_CLIENT_SECRET" "$TEAMSHIPAA_TEAMS_ENDPOINT"`, "bash", path).Output()
	if err != nil || string(out) != want["ARM_CLIENT_SECRET"]+"|"+want["TEAMSHIPAA_TEAMS_ENDPOINT"] {
		t.Errorf("sourced: %q %v", out, err)
	}
}

func TestEnvFileQuoting(t *testing.T) {
	got := string(envFileContent([]string{"K=it's", "E=a=b"}))
	if got != "export K='it'\\''s'\nexport E='a=b'\n" {
		t.Errorf("quoting: %q", got)
	}
}
