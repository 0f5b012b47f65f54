package baseline

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"

	catalog "github.com/teamshipaa/terraform-provider-teamshipaa/internal/baseline"
)

// The evidence document joins what a configuration intends with what the
// assessment found, per control. It is rendered as Markdown (evidence_markdown)
// and carries its own machine-readable record in an HTML comment at the end,
// so that two saved documents can be compared (teamshipaa_evidence_comparison)
// without keeping a second file.

// evidenceFormat names the record's shape; a comparison refuses another.
const evidenceFormat = "teamshipaa-evidence/1"

// recordStart and recordEnd delimit the record inside the Markdown. Go's JSON
// encoder escapes < and >, so "-->" cannot occur inside the record.
const (
	recordStart = "<!-- " + evidenceFormat + "\n"
	recordEnd   = "\n-->"
)

type evidence struct {
	Format          string `json:"format"`
	GeneratedAt     string `json:"generated_at"`
	TenantID        string `json:"tenant_id"`
	TenantDomain    string `json:"tenant_domain"`
	Organization    string `json:"organization"`
	ProviderVersion string `json:"provider_version"`
	ModuleVersion   string `json:"module_version"`
	Profile         string `json:"profile"`
	// ContentHash is the SHA-256 of the record without the generation time,
	// the versions and the hash itself: the same tenant judged the same way
	// has the same hash, whenever and by whichever release it was generated.
	ContentHash string            `json:"content_hash"`
	Summary     map[string]int    `json:"summary"` // controls by result
	Controls    []evidenceControl `json:"controls"`
	Unmanaged   []unmanagedObject `json:"unmanaged"`
	// ManagedKnown says whether the caller listed the objects it manages;
	// without the list no object can be called unmanaged.
	ManagedKnown bool `json:"managed_known"`
	// TenantDomainNote says why the domain is missing. Not in the record: it
	// carries a request id, which would change the content hash every read.
	TenantDomainNote string `json:"-"`
}

type evidenceControl struct {
	ID        string              `json:"id"`
	Title     string              `json:"title"`
	Area      string              `json:"area"`
	Level     string              `json:"level"`
	Setting   string              `json:"setting"`
	Intended  string              `json:"intended"`
	Result    string              `json:"result"`
	Objects   []evidenceObject    `json:"objects"`
	Exception *evidenceException  `json:"exception,omitempty"`
	HIPAA     []string            `json:"hipaa"`
	Crosswalk map[string][]string `json:"crosswalk"`
}

type evidenceObject struct {
	Object   string `json:"object"`
	Observed string `json:"observed"`
	Result   string `json:"result"`
	Details  string `json:"details"`
}

type evidenceException struct {
	Reason     string   `json:"reason"`
	ApprovedBy string   `json:"approved_by"`
	Expires    string   `json:"expires"`
	Expired    bool     `json:"expired"`
	Objects    []string `json:"objects"`
}

type unmanagedObject struct {
	Resource string   `json:"resource"`
	Object   string   `json:"object"`
	Controls []string `json:"controls"`
	WhatToDo string   `json:"what_to_do"`
}

// evidenceInput is what the data source knows beyond the evaluations.
type evidenceInput struct {
	GeneratedAt, TenantID, TenantDomain, TenantDomainNote, Organization, ProviderVersion, ModuleVersion string
	Profile                                                                                             catalog.Profile
	Exceptions                                                                                          map[string]catalog.Exception
	// Managed lists, by resource type, the objects the configuration manages;
	// nil when the caller did not say (no object is then called unmanaged).
	Managed map[string][]string
}

// buildEvidence folds the evaluations (catalog order) into the record.
func buildEvidence(in evidenceInput, evs []catalog.Evaluation) evidence {
	ev := evidence{
		Format: evidenceFormat, GeneratedAt: in.GeneratedAt, TenantID: in.TenantID, TenantDomain: in.TenantDomain,
		Organization: in.Organization, ProviderVersion: in.ProviderVersion, ModuleVersion: in.ModuleVersion,
		Profile: string(in.Profile), Summary: map[string]int{}, Controls: []evidenceControl{}, Unmanaged: []unmanagedObject{},
		ManagedKnown: in.Managed != nil, TenantDomainNote: in.TenantDomainNote,
	}
	for _, r := range []catalog.Result{catalog.Pass, catalog.Fail, catalog.Warning, catalog.Excepted, catalog.NotApplicable, catalog.Error} {
		ev.Summary[string(r)] = 0
	}
	unmanaged := map[string]*unmanagedObject{}
	for _, g := range groupByControl(evs) {
		c := g.control
		ec := evidenceControl{
			ID: c.ID, Title: c.Title, Area: c.Area(), Level: string(c.Level), Setting: c.Setting(),
			Intended: intended(c, in.Exceptions), Result: string(controlResult(g.evs)), Objects: []evidenceObject{},
			HIPAA: nonNil(c.HIPAA), Crosswalk: map[string][]string{"scuba": nonNil(c.Crosswalk.SCuBA), "cis": nonNil(c.Crosswalk.CIS), "maester": nonNil(c.Crosswalk.Maester)},
		}
		for _, e := range g.evs {
			ec.Objects = append(ec.Objects, evidenceObject{Object: e.Object, Observed: e.Actual, Result: string(e.Result), Details: explain(e)})
			if e.Exception != nil && ec.Exception == nil {
				x := e.Exception
				ec.Exception = &evidenceException{Reason: x.Reason, ApprovedBy: x.ApprovedBy, Expires: x.Expires, Expired: x.Expired, Objects: nonNil(x.Objects)}
			}
			// A read error is no object of its own (it names the type), so it is not "outside" anything.
			if (e.Result == catalog.Fail || e.Result == catalog.Warning) && in.Managed != nil && e.Object != "tenant" && !slices.Contains(in.Managed[c.Resource], e.Object) {
				key := c.Resource + "/" + e.Object
				u, ok := unmanaged[key]
				if !ok {
					u = &unmanagedObject{Resource: c.Resource, Object: e.Object, WhatToDo: whatToDo(c.Resource, e.Object)}
					unmanaged[key] = u
				}
				u.Controls = append(u.Controls, c.ID)
			}
		}
		if ec.Exception == nil {
			// An exception that waived nothing (the control passes) is still on record.
			if x, ok := exceptionOf(c, in.Exceptions); ok {
				ec.Exception = &evidenceException{Reason: x.Reason, ApprovedBy: x.ApprovedBy, Expires: x.Expires, Expired: x.Expired, Objects: nonNil(x.Objects)}
			}
		}
		ev.Summary[ec.Result]++
		ev.Controls = append(ev.Controls, ec)
	}
	keys := make([]string, 0, len(unmanaged))
	for k := range unmanaged {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		ev.Unmanaged = append(ev.Unmanaged, *unmanaged[k])
	}
	ev.ContentHash = contentHash(ev)
	return ev
}

// contentHash hashes the record without what changes from one generation of
// the same content to the next.
func contentHash(ev evidence) string {
	ev.GeneratedAt, ev.ProviderVersion, ev.ModuleVersion, ev.ContentHash = "", "", "", ""
	b, _ := json.Marshal(ev) // plain structs, maps and slices of strings: cannot fail
	sum := sha256.Sum256(b)
	return "sha256:" + hex.EncodeToString(sum[:])
}

// exceptionOf is the exception recorded for c, by id or governed attribute.
func exceptionOf(c catalog.Control, exceptions map[string]catalog.Exception) (catalog.Exception, bool) {
	if e, ok := exceptions[c.ID]; ok {
		return e, true
	}
	if e, ok := exceptions[c.Attribute]; ok && c.Attribute != "" {
		return e, true
	}
	return catalog.Exception{}, false
}

// intended is what the configuration sets: the exception's value, else the
// catalog's value, else the rule in words (a shape over several settings).
func intended(c catalog.Control, exceptions map[string]catalog.Exception) string {
	if e, ok := exceptionOf(c, exceptions); ok && e.Value != "" {
		return e.Value + " (exception)"
	}
	if v := c.Rule.Value(); v != nil {
		return catalog.Format(v)
	}
	return c.Rule.Expected()
}

// explain is the Details a report shows: the finding's own note, or for a
// failure without one, what was observed against what the control requires.
func explain(e catalog.Evaluation) string {
	if e.Details != "" {
		return e.Details
	}
	switch e.Result {
	case catalog.Fail, catalog.Warning:
		what := "the object"
		if e.Control.Attribute != "" {
			what = "`" + e.Control.Attribute + "`"
		}
		return fmt.Sprintf("%s is %s; the control requires %s.", what, orUnset(e.Actual), e.Expected)
	case catalog.Pass:
		return "meets the requirement"
	case catalog.NotApplicable:
		return "nothing to judge: the attribute is unset or a condition of the control does not hold"
	}
	return ""
}

func orUnset(s string) string {
	if s == "" {
		return "unset"
	}
	return s
}

// presetMeetingPolicies are Microsoft's preset meeting policies, present in
// every tenant ("Tag:AllOn" in the Teams admin API, "AllOn" as a policy name).
var presetMeetingPolicies = []string{"AllOn", "AllOff", "Default", "Kiosk", "RestrictedAnonymousAccess", "RestrictedAnonymousNoRecording"}

// whatToDo says what to do about a failing object the configuration does not manage.
func whatToDo(resource, object string) string {
	if resource == "teamshipaa_meeting_policy" && slices.Contains(presetMeetingPolicies, strings.TrimPrefix(object, "Tag:")) {
		return "Microsoft's preset meeting policy: it cannot be deleted. Make sure no user or group is assigned it " +
			"(Teams admin center > Meetings > Meeting policies, or the group policy assignments), or adopt it with a " +
			"teamshipaa_meeting_policy of that name and the baseline's values."
	}
	return "Not managed by this configuration: import it into a " + resource + " resource and set the baseline's value, " +
		"delete it if it is unused, or record an exception with a reason, an approver and an expiry."
}

// controlGroup is one control with its evaluations.
type controlGroup struct {
	control catalog.Control
	evs     []catalog.Evaluation
}

// groupByControl keeps catalog order.
func groupByControl(evs []catalog.Evaluation) []controlGroup {
	var out []controlGroup
	idx := map[string]int{}
	for _, e := range evs {
		i, ok := idx[e.Control.ID]
		if !ok {
			i = len(out)
			idx[e.Control.ID] = i
			out = append(out, controlGroup{control: e.Control})
		}
		out[i].evs = append(out[i].evs, e)
	}
	return out
}

// controlResult folds a control's per-object results into one, the way every
// report of this provider states it: error if an object could not be read,
// else fail (shall) or warning (should) if one fails, else excepted if one is
// waived, else pass if one passes, else not_applicable.
func controlResult(evs []catalog.Evaluation) catalog.Result {
	has := map[catalog.Result]bool{}
	for _, e := range evs {
		has[e.Result] = true
	}
	for _, r := range []catalog.Result{catalog.Error, catalog.Fail, catalog.Warning, catalog.Excepted, catalog.Pass} {
		if has[r] {
			return r
		}
	}
	return catalog.NotApplicable
}

// evidenceMarkdown renders the record for an auditor, with the record itself
// at the end.
func evidenceMarkdown(ev evidence) (string, error) {
	var b strings.Builder
	b.WriteString("# HIPAA baseline evidence: Microsoft Teams and Microsoft 365\n\n")
	b.WriteString("| | |\n|---|---|\n")
	if ev.Organization != "" {
		fmt.Fprintf(&b, "| Organization | %s |\n", cell(ev.Organization))
	}
	fmt.Fprintf(&b, "| Generated | %s |\n", ev.GeneratedAt)
	tenant := ev.TenantID
	if ev.TenantDomain != "" {
		tenant += " (" + ev.TenantDomain + ")"
	} else if ev.TenantDomainNote != "" {
		tenant += " (" + ev.TenantDomainNote + ")"
	}
	fmt.Fprintf(&b, "| Tenant | %s |\n", cell(tenant))
	fmt.Fprintf(&b, "| Baseline profile | `%s` |\n", ev.Profile)
	fmt.Fprintf(&b, "| Provider | terraform-provider-teamshipaa %s |\n", ev.ProviderVersion)
	module := "not used (the teamshipaa_assessment data source directly)"
	if ev.ModuleVersion != "" {
		module = "hipaa-baseline " + ev.ModuleVersion
	}
	fmt.Fprintf(&b, "| Module | %s |\n", module)
	fmt.Fprintf(&b, "| Result | %s |\n", summaryLine(ev))
	fmt.Fprintf(&b, "| Content hash | `%s` |\n\n", ev.ContentHash)
	b.WriteString("Every row below was read from the live tenant when this document was generated and judged against the " +
		"control catalog of the teamshipaa provider. *Intended* is what the configuration sets (the catalog's value, or " +
		"the value of an approved exception); *Observed* is what each object of the tenant holds. The HIPAA Security Rule " +
		"citations (45 CFR Part 164) are this project's interpretation, not legal advice. The content hash covers " +
		"everything below except the generation time and the versions: two documents with the same hash describe the " +
		"same tenant state.\n\n")

	b.WriteString("## Controls\n\n")
	b.WriteString("| Control | Level | Intended | Observed | Result | Exception | HIPAA (45 CFR) | Crosswalk |\n")
	b.WriteString("|---|---|---|---|---|---|---|---|\n")
	for _, c := range ev.Controls {
		var observed []string
		for _, o := range c.Objects {
			s := o.Object + ": " + orUnset(o.Observed) + " (" + o.Result
			if o.Result != string(catalog.Pass) && o.Details != "" {
				s += ": " + o.Details
			}
			observed = append(observed, cell(s+")"))
		}
		fmt.Fprintf(&b, "| %s %s | %s | %s | %s | **%s** | %s | %s | %s |\n", c.ID, cell(c.Title), c.Level, cell(c.Intended),
			strings.Join(observed, "<br>"), c.Result, cell(exceptionText(c.Exception)), strings.Join(c.HIPAA, ", "), cell(crosswalkText(c.Crosswalk)))
	}

	b.WriteString("\n## Exceptions\n\n")
	var rows []string
	for _, c := range ev.Controls {
		if x := c.Exception; x != nil {
			status := "in force"
			if x.Expired {
				status = "**expired**: the control is judged as if there were no exception"
			}
			objs := "every object"
			if len(x.Objects) > 0 {
				objs = strings.Join(x.Objects, ", ")
			}
			rows = append(rows, fmt.Sprintf("| %s | %s | %s | %s | %s | %s |", c.ID, cell(objs), cell(x.Reason), cell(x.ApprovedBy), x.Expires, status))
		}
	}
	if len(rows) == 0 {
		b.WriteString("None recorded.\n")
	} else {
		b.WriteString("| Control | Objects | Reason | Approved by | Expires | Status |\n|---|---|---|---|---|---|\n")
		b.WriteString(strings.Join(rows, "\n") + "\n")
	}

	b.WriteString("\n## Failing objects outside this configuration\n\n")
	switch {
	case len(ev.Unmanaged) > 0:
		b.WriteString("These objects exist in the tenant, are not managed by the configuration, and fail a control:\n\n")
		b.WriteString("| Resource type | Object | Controls | What to do |\n|---|---|---|---|\n")
		for _, u := range ev.Unmanaged {
			fmt.Fprintf(&b, "| `%s` | %s | %s | %s |\n", u.Resource, cell(u.Object), strings.Join(u.Controls, ", "), cell(u.WhatToDo))
		}
	case !ev.ManagedKnown:
		b.WriteString("None listed: the managed objects were not given (`managed_objects`), so every object counts as in scope.\n")
	default:
		b.WriteString("None.\n")
	}

	rec, err := json.Marshal(ev)
	if err != nil {
		return "", err
	}
	b.WriteString("\n" + recordStart + string(rec) + recordEnd + "\n")
	return b.String(), nil
}

func summaryLine(ev evidence) string {
	s := ev.Summary
	return fmt.Sprintf("%d controls: %d pass, %d fail, %d warning, %d excepted, %d not applicable, %d error",
		len(ev.Controls), s["pass"], s["fail"], s["warning"], s["excepted"], s["not_applicable"], s["error"])
}

func exceptionText(x *evidenceException) string {
	if x == nil {
		return ""
	}
	s := x.Reason
	if x.ApprovedBy != "" {
		s += "; approved by " + x.ApprovedBy
	}
	if x.Expires != "" {
		s += "; expires " + x.Expires
	}
	if x.Expired {
		s = "EXPIRED: " + s
	}
	return s
}

func crosswalkText(x map[string][]string) string {
	var parts []string
	for _, k := range []struct{ key, label string }{{"scuba", "SCuBA"}, {"cis", "CIS"}, {"maester", "Maester"}} {
		if ids := x[k.key]; len(ids) > 0 {
			parts = append(parts, k.label+" "+strings.Join(ids, ", "))
		}
	}
	return strings.Join(parts, "; ")
}

// parseEvidence reads a record: a whole evidence document (the record at its
// end) or the record's JSON alone.
func parseEvidence(doc string) (evidence, error) {
	var ev evidence
	body := strings.TrimSpace(doc)
	if i := strings.LastIndex(doc, recordStart); i >= 0 {
		rest := doc[i+len(recordStart):]
		j := strings.Index(rest, recordEnd)
		if j < 0 {
			return ev, fmt.Errorf("the evidence record is not terminated (no %q after it)", strings.TrimSpace(recordEnd))
		}
		body = rest[:j]
	} else if !strings.HasPrefix(body, "{") {
		return ev, fmt.Errorf("no evidence record found: expected a document generated by teamshipaa_assessment (evidence_markdown), which ends with %q", strings.TrimSpace(recordStart))
	}
	if err := json.Unmarshal([]byte(body), &ev); err != nil {
		return ev, fmt.Errorf("the evidence record is not valid JSON: %w", err)
	}
	if ev.Format != evidenceFormat {
		return ev, fmt.Errorf("the evidence record has format %q; this provider reads %q", ev.Format, evidenceFormat)
	}
	return ev, nil
}

// compareEvidence lists what changed from before to after, in words an
// auditor can file: the context, then per control the result, intended value,
// exception and the observed value of each object.
func compareEvidence(before, after evidence) []string {
	var out []string
	field := func(name, a, b string) {
		if a != b {
			out = append(out, fmt.Sprintf("%s: %s -> %s", name, orNone(a), orNone(b)))
		}
	}
	field("tenant", before.TenantID, after.TenantID)
	field("profile", before.Profile, after.Profile)
	field("provider version", before.ProviderVersion, after.ProviderVersion)
	field("module version", before.ModuleVersion, after.ModuleVersion)
	old := map[string]evidenceControl{}
	for _, c := range before.Controls {
		old[c.ID] = c
	}
	seen := map[string]bool{}
	for _, c := range after.Controls {
		seen[c.ID] = true
		p, ok := old[c.ID]
		if !ok {
			out = append(out, fmt.Sprintf("%s: new control, %s", c.ID, c.Result))
			continue
		}
		if p.Result != c.Result {
			out = append(out, fmt.Sprintf("%s: %s -> %s", c.ID, p.Result, c.Result))
		}
		if p.Intended != c.Intended {
			out = append(out, fmt.Sprintf("%s: intended %s -> %s", c.ID, p.Intended, c.Intended))
		}
		if a, b := exceptionText(p.Exception), exceptionText(c.Exception); a != b {
			out = append(out, fmt.Sprintf("%s: exception %s -> %s", c.ID, orNone(a), orNone(b)))
		}
		prev := map[string]evidenceObject{}
		for _, o := range p.Objects {
			prev[o.Object] = o
		}
		now := map[string]bool{}
		for _, o := range c.Objects {
			now[o.Object] = true
			q, ok := prev[o.Object]
			switch {
			case !ok:
				out = append(out, fmt.Sprintf("%s %s: new object, %s (%s)", c.ID, o.Object, orUnset(o.Observed), o.Result))
			case q.Observed != o.Observed || q.Result != o.Result:
				out = append(out, fmt.Sprintf("%s %s: %s (%s) -> %s (%s)", c.ID, o.Object, orUnset(q.Observed), q.Result, orUnset(o.Observed), o.Result))
			}
		}
		for _, o := range p.Objects {
			if !now[o.Object] {
				out = append(out, fmt.Sprintf("%s %s: no longer in the tenant (was %s, %s)", c.ID, o.Object, orUnset(o.Observed), o.Result))
			}
		}
	}
	for _, c := range before.Controls {
		if !seen[c.ID] {
			out = append(out, fmt.Sprintf("%s: no longer assessed (was %s)", c.ID, c.Result))
		}
	}
	return out
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}
