package baseline

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	catalog "github.com/teamshipaa/terraform-provider-teamshipaa/internal/baseline"
)

// The HTML report fetches nothing: no script, and every URL in it is text.
func TestHTMLReportIsSelfContained(t *testing.T) {
	page, err := htmlReport(testEvidence(t, "2026-09-30T12:00:00Z", "0.1.0"))
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"<script", "<link", "<img", "<iframe", "@import", "url(", "src="} {
		if strings.Contains(page, bad) {
			t.Errorf("the report contains %q: it must open offline", bad)
		}
	}
	if !strings.Contains(page, "@media print") || !strings.Contains(page, `<svg id="chart"`) {
		t.Error("no print style or no chart")
	}
}

// chromium finds a Chromium or Chrome binary; .ci/run installs Debian's
// chromium package when it is missing.
func chromium() string {
	if p := os.Getenv("TEAMSHIPAA_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// TestHTMLReportInChromium opens the report in headless Chromium and checks,
// in the DOM Chromium built, the summary, the chart with one bar per area and
// a row for every control; it leaves a screenshot next to the page
// (TEAMSHIPAA_HTML_SCREENSHOT=<dir> keeps it).
func TestHTMLReportInChromium(t *testing.T) {
	bin := chromium()
	if bin == "" {
		t.Skip("SKIPPED: no chromium on PATH, so the HTML report is not rendered in a browser. Install it with " +
			"`apt-get install -y chromium` (.ci/run does so when it can), or set TEAMSHIPAA_CHROMIUM to a Chrome binary.")
	}
	ev := testEvidence(t, "2026-09-30T12:00:00Z", "0.1.0")
	page, err := htmlReport(ev)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if d := os.Getenv("TEAMSHIPAA_HTML_SCREENSHOT"); d != "" {
		dir = d
	}
	file := filepath.Join(dir, "evidence.html")
	if err := os.WriteFile(file, []byte(page), 0o600); err != nil {
		t.Fatal(err)
	}
	run := func(args ...string) string {
		ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
		defer cancel()
		base := []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
			"--disable-sync", "--no-first-run", "--user-data-dir=" + t.TempDir()}
		out, err := exec.CommandContext(ctx, bin, append(base, args...)...).Output()
		if err != nil {
			t.Fatalf("%s %v: %v", bin, args, err)
		}
		return string(out)
	}
	dom := run("--dump-dom", "file://"+file)

	if !strings.Contains(dom, `<td id="summary">`+summaryLine(ev)+`</td>`) {
		t.Errorf("the summary is not rendered (want %q)", summaryLine(ev))
	}
	areas := areaCounts(ev)
	if got := strings.Count(dom, `<g class="area"`); got != len(areas) {
		t.Errorf("the chart has %d bars, want one per area (%d)", got, len(areas))
	}
	if got := len(regexp.MustCompile(`<rect [^>]*fill="#`).FindAllString(dom, -1)); got < len(areas)+len(chartResults) {
		t.Errorf("the chart has %d coloured rectangles, want at least a segment per area and the legend", got)
	}
	for _, c := range catalog.Catalog() {
		if !strings.Contains(dom, `data-control="`+c.ID+`"`) {
			t.Errorf("no row for %s in the rendered report", c.ID)
		}
	}
	if !strings.Contains(dom, "AllOn") {
		t.Error("the failing preset policy is not listed")
	}

	shot := filepath.Join(dir, "evidence.png")
	run("--screenshot="+shot, "--window-size=1280,2400", "file://"+file)
	if st, err := os.Stat(shot); err != nil || st.Size() < 10_000 {
		t.Errorf("no screenshot (or an empty one) at %s: %v", shot, err)
	}
}
