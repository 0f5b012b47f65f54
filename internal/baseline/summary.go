package baseline

import (
	"fmt"
	"regexp"
	"strconv"
)

// Change tells whether a plan introduces a deviation or it was already
// there.
type Change string

const (
	// ChangeNew: the object is new, or its prior value (for an adopted
	// object, its current value) complied.
	ChangeNew Change = "new"
	// ChangeStanding: the object already held the deviation.
	ChangeStanding Change = "standing"
)

// Label names an object in a diagnostic or report: its resource type and
// quoted name, e.g. `teamshipaa_meeting_policy "Global"`.
func Label(o Object) string { return fmt.Sprintf("%s %q", o.Resource, o.Name) }

// DeviationSummary is the summary of the plan-time diagnostic of a deviation
// from c by o. It names the object, so Terraform (which merges diagnostics
// with equal summaries) never merges two objects' deviations, and
// ParseSummary reads it back.
func DeviationSummary(c Control, o Object, change Change) string {
	return fmt.Sprintf("Baseline deviation %s (%s) in %s: %s", c.ID, change, Label(o), c.Title)
}

var summaryRE = regexp.MustCompile(`^Baseline deviation (HB\.[A-Z0-9]+\.[0-9]+) \((new|standing)\) in (teamshipaa_[a-z0-9_]+) ("(?:[^"\\]|\\.)*"): (.*)$`)

// SummaryParts is what a deviation summary says.
type SummaryParts struct {
	ControlID string
	Change    Change
	Resource  string
	Name      string // unquoted
	Title     string
}

// ParseSummary reads a summary DeviationSummary wrote; ok is false for any
// other diagnostic.
func ParseSummary(s string) (SummaryParts, bool) {
	m := summaryRE.FindStringSubmatch(s)
	if m == nil {
		return SummaryParts{}, false
	}
	name, err := strconv.Unquote(m[4])
	if err != nil {
		return SummaryParts{}, false
	}
	return SummaryParts{ControlID: m[1], Change: Change(m[2]), Resource: m[3], Name: name, Title: m[5]}, true
}
