// Package review turns the diagnostics of `terraform plan -json` into a
// pull-request review of the HIPAA baseline: a Markdown comment (deviations
// the change introduces, per resource address, with the standing ones folded
// below) and SARIF 2.1.0 for code scanning. Control details come from the
// provider's catalog (internal/baseline); the plan gives the object, the
// planned value and the location in the configuration.
package review

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/baseline"
)

// Pos is a position in a configuration file, as Terraform reports it.
type Pos struct {
	Line   int `json:"line"`
	Column int `json:"column"`
}

// Range is where in the configuration a diagnostic points.
type Range struct {
	Filename string `json:"filename"`
	Start    Pos    `json:"start"`
	End      Pos    `json:"end"`
}

// diagnostic is the "diagnostic" object of a `plan -json` message
// (Terraform's machine-readable UI, format version 1.x).
type diagnostic struct {
	Severity string `json:"severity"`
	Summary  string `json:"summary"`
	Detail   string `json:"detail"`
	Address  string `json:"address"`
	Range    *Range `json:"range"`
}

// Deviation is one deviation the plan reports.
type Deviation struct {
	Control     baseline.Control
	Change      baseline.Change
	Address     string // the resource instance, e.g. teamshipaa_meeting_policy.global
	Object      string // the object's label, e.g. teamshipaa_meeting_policy "Global"
	Attribute   string
	Planned     string
	Recommended string
	Severity    string // error (the plan failed on it) or warning
	Range       *Range // nil when Terraform gave none and the resource block was not found
}

// Report is what a plan says about the baseline.
type Report struct {
	Deviations []Deviation
	// Errors are the plan's other error diagnostics (summaries), which may
	// have stopped it before every resource was judged.
	Errors []string
}

// Introduced and Standing split the deviations by change.
func (r Report) Introduced() []Deviation { return r.filter(baseline.ChangeNew) }
func (r Report) Standing() []Deviation   { return r.filter(baseline.ChangeStanding) }

func (r Report) filter(c baseline.Change) []Deviation {
	var out []Deviation
	for _, d := range r.Deviations {
		if d.Change == c {
			out = append(out, d)
		}
	}
	return out
}

// Read parses `terraform plan -json` output. dir is the Terraform working
// directory: a deviation without a range (a control over a whole object) is
// located at its resource block, found in dir's .tf files.
func Read(r io.Reader, dir string) (Report, error) {
	var rep Report
	seen := map[string]bool{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	lines := 0
	for sc.Scan() {
		var msg struct {
			Type       string      `json:"type"`
			Diagnostic *diagnostic `json:"diagnostic"`
		}
		if err := json.Unmarshal(sc.Bytes(), &msg); err != nil {
			return rep, fmt.Errorf("line %d is not terraform plan -json output: %w", lines+1, err)
		}
		lines++
		if msg.Type != "diagnostic" || msg.Diagnostic == nil {
			continue
		}
		d := msg.Diagnostic
		parts, ok := baseline.ParseSummary(d.Summary)
		if !ok {
			if d.Severity == "error" {
				rep.Errors = append(rep.Errors, d.Summary)
			}
			continue
		}
		c, ok := baseline.ByID(parts.ControlID)
		if !ok {
			return rep, fmt.Errorf("%s: control %s is not in this version's catalog", d.Address, parts.ControlID)
		}
		key := d.Address + "\x00" + d.Summary
		if seen[key] {
			continue
		}
		seen[key] = true
		dev := Deviation{
			Control: c, Change: parts.Change, Address: d.Address, Attribute: c.Attribute, Severity: d.Severity, Range: d.Range,
			Object:      fmt.Sprintf("%s %q", parts.Resource, parts.Name),
			Planned:     field(d.Detail, "Planned"),
			Recommended: field(d.Detail, "Recommended"),
		}
		if dev.Recommended == "" {
			dev.Recommended = c.Rule.Expected()
		}
		if dev.Range == nil {
			dev.Range = findBlock(dir, d.Address)
		}
		rep.Deviations = append(rep.Deviations, dev)
	}
	if err := sc.Err(); err != nil {
		return rep, err
	}
	if lines == 0 {
		return rep, fmt.Errorf("no input: pipe `terraform plan -json` into the command, or give -plan")
	}
	sort.SliceStable(rep.Deviations, func(i, j int) bool {
		a, b := rep.Deviations[i], rep.Deviations[j]
		if a.Address != b.Address {
			return a.Address < b.Address
		}
		return controlLess(a.Control.ID, b.Control.ID)
	})
	return rep, nil
}

// field reads "Name:   value" from a deviation's detail.
func field(detail, name string) string {
	for _, l := range strings.Split(detail, "\n") {
		if v, ok := strings.CutPrefix(l, name+":"); ok {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

// controlLess orders HB.MEETING.2 before HB.MEETING.10.
func controlLess(a, b string) bool {
	pa, pb := strings.LastIndex(a, "."), strings.LastIndex(b, ".")
	if a[:pa] != b[:pb] {
		return a[:pa] < b[:pb]
	}
	na, _ := strconv.Atoi(a[pa+1:]) // not a number: sorts first
	nb, _ := strconv.Atoi(b[pb+1:])
	return na < nb
}

var indexRE = regexp.MustCompile(`\[[^\]]*\]$`)

// findBlock finds the resource block of address (a root module resource)
// in dir's .tf files.
func findBlock(dir, address string) *Range {
	if dir == "" || strings.HasPrefix(address, "module.") {
		return nil
	}
	typ, name, ok := strings.Cut(indexRE.ReplaceAllString(address, ""), ".")
	if !ok {
		return nil
	}
	re := regexp.MustCompile(`^\s*resource\s+"` + regexp.QuoteMeta(typ) + `"\s+"` + regexp.QuoteMeta(name) + `"`)
	files, _ := filepath.Glob(filepath.Join(dir, "*.tf"))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		for i, l := range strings.Split(string(b), "\n") {
			if re.MatchString(l) {
				return &Range{Filename: filepath.Base(f), Start: Pos{Line: i + 1, Column: 1}, End: Pos{Line: i + 1, Column: len(l) + 1}}
			}
		}
	}
	return nil
}
