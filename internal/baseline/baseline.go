// Package baseline is the HIPAA control catalog: the single source of truth
// for what the provider recommends, why, and who else recommends it. Plan-time
// deviation checks, the teamshipaa_baseline and teamshipaa_assessment data
// sources and the bundled module all read it; nothing else states a
// recommended value.
//
// The package is plain Go (no Terraform imports): controls judge Objects, and
// an Object is a resource's attributes keyed by their Terraform names, so a
// planned value and a live value read back from Microsoft are judged by the
// same code.
package baseline

import (
	"fmt"
	"slices"
)

// Profile is a deployment profile a control applies to.
type Profile string

const (
	// Staff is the default: internal meetings and collaboration.
	Staff Profile = "staff"
	// Telehealth adds patient visits: anonymous join, guarded.
	Telehealth Profile = "telehealth"
)

// Profiles lists the profiles, in the order docs show them.
var Profiles = []Profile{Staff, Telehealth}

// Level is how strongly a control is recommended (ScubaGear's criticality).
type Level string

const (
	Shall  Level = "shall"
	Should Level = "should"
)

// Scope says which instances of a resource type a control judges.
type Scope string

const (
	// Every instance (every meeting policy, every CA policy...).
	ScopeEvery Scope = "every"
	// Only the tenant-wide default: the Global policy or the singleton.
	ScopeGlobal Scope = "global"
	// Only instances marked for the telehealth profile (baseline_profile).
	ScopeTelehealth Scope = "telehealth"
	// The tenant as a whole: at least one instance must satisfy the rule
	// (e.g. "a conditional access policy blocks legacy authentication").
	// Tenant controls are judged by Assess only, never at plan time.
	ScopeTenant Scope = "tenant"
)

// Result of judging one control against one object.
type Result string

const (
	Pass          Result = "pass"
	Fail          Result = "fail"
	Warning       Result = "warning" // a failed "should" control
	NotApplicable Result = "not_applicable"
	Excepted      Result = "excepted"
	Error         Result = "error" // the object could not be read
)

// Crosswalk names the same recommendation in other baselines.
type Crosswalk struct {
	SCuBA   []string // e.g. MS.TEAMS.1.2v2
	CIS     []string // CIS Microsoft 365 Foundations v7.0, e.g. 8.5.2
	Maester []string // e.g. MT.1047
}

// Control is one recommendation of the catalog.
type Control struct {
	ID       string // our own stable id, e.g. HB.MEETING.3
	Title    string // one line
	Resource string // Terraform resource type governed, e.g. teamshipaa_meeting_policy
	// Terraform attribute governed: a top-level name, or a dotted path into
	// nested attributes ("conditions.users.exclude_users"). Rules over
	// several attributes name the main one.
	Attribute string
	Scope     Scope // which instances
	Rule      Rule  // what a compliant value is
	Profiles  []Profile
	Level     Level
	Crosswalk Crosswalk
	HIPAA     []string // 45 CFR citations, e.g. "164.312(d)" (this project's interpretation)
	Sources   []string // source keys: SCuBA, CIS, MT, SEED-A, SEED-B, docs
	TradeOff  string   // one sentence
	// Resolution records how a disagreement between sources was settled, and why.
	Resolution string
}

// AppliesTo reports whether the control is part of profile p.
func (c Control) AppliesTo(p Profile) bool { return slices.Contains(c.Profiles, p) }

// Object is one instance of a managed resource type, by Terraform attribute
// names. Values are Go natives: string, bool, int64, float64, []any (lists
// and sets), map[string]any (nested objects and maps), nil (null), or
// Unknown (a value known only after apply).
type Object struct {
	Resource string // e.g. teamshipaa_meeting_policy
	Name     string // what a report calls it: policy name, display name, "tenant"
	Global   bool   // the tenant-wide default instance (Global policy, singletons)
	Profile  Profile
	Attrs    map[string]any
	// Err is set when the object (or its type) could not be read; every
	// control over the type then reports Error with this message.
	Err error
}

// Unknown stands for a planned value that is known only after apply.
var Unknown = unknownValue{}

type unknownValue struct{}

func (unknownValue) String() string { return "(known after apply)" }

// Finding is the verdict of one control over one object.
type Finding struct {
	Result   Result
	Actual   string // what the object has, as a reader would write it
	Expected string // what the control wants
	Details  string // why, in a sentence
	// Exception is the exception that applied to a failing finding: it made
	// the result Excepted, or had expired (Expired) and left it failing.
	Exception *Exception
}

// Rule judges an object. Rules over a single attribute read
// o.Attrs[c.Attribute]; predicates may read several.
type Rule interface {
	// Check judges o. It returns NotApplicable when the rule has nothing to
	// judge (a guard that does not hold, an unknown planned value).
	Check(c Control, o Object) Finding
	// Expected describes a compliant value in words, for docs and reports.
	Expected() string
	// Value is the concrete value a configuration should set, or nil when
	// the rule has none (a predicate over several attributes, a tenant rule).
	Value() any
}

// Exception switches a control off for an object, with the reason recorded.
// Approval and expiry are what an auditor files with it; an expired
// exception no longer waives anything.
type Exception struct {
	Reason     string
	ApprovedBy string // who approved it, when recorded
	Expires    string // YYYY-MM-DD, when recorded
	// Expired is decided by the caller (who knows today's date): the control
	// is then judged as if there were no exception, and the finding says so.
	Expired bool
	// Objects limits the exception to the objects named (a resource's own
	// baseline_exceptions); empty means every object. Tenant controls are
	// waived whatever Objects says: the tenant is the object.
	Objects []string
	// Value is what the configuration sets instead of the catalog's value
	// (JSON), for reports; the assessment does not judge with it.
	Value string
}

// covers reports whether e waives a control over the object named.
func (e Exception) covers(object string) bool {
	return len(e.Objects) == 0 || object == "tenant" || slices.Contains(e.Objects, object)
}

// exceptionFor finds the exception that applies to c over the object named:
// by governed attribute first, then by control id.
func exceptionFor(c Control, object string, exceptions map[string]Exception) (Exception, bool) {
	if e, ok := exceptions[c.Attribute]; ok && c.Attribute != "" && e.covers(object) {
		return e, true
	}
	if e, ok := exceptions[c.ID]; ok && e.covers(object) {
		return e, true
	}
	return Exception{}, false
}

// except applies the exception found for a failing finding: Excepted with the
// reason, or, once expired, the failure stays and says whose waiver lapsed.
func except(f Finding, c Control, object string, exceptions map[string]Exception) Finding {
	if f.Result != Fail && f.Result != Warning {
		return f
	}
	e, ok := exceptionFor(c, object, exceptions)
	if !ok {
		return f
	}
	f.Exception = &e
	if e.Expired {
		note := "exception expired on " + e.Expires + " (" + e.Reason + ")"
		if f.Details != "" {
			note += "; " + f.Details
		}
		f.Details = note
		return f
	}
	f.Result, f.Details = Excepted, e.Reason
	return f
}

// Judge evaluates c against o, applying level and exceptions: a failed
// "should" control is a Warning, and an excepted one is Excepted with the
// reason in Details.
func Judge(c Control, o Object, exceptions map[string]Exception) Finding {
	if o.Err != nil {
		return Finding{Result: Error, Expected: c.Rule.Expected(), Details: o.Err.Error()}
	}
	f := c.Rule.Check(c, o)
	if f.Expected == "" {
		f.Expected = c.Rule.Expected()
	}
	if f.Result == Fail && c.Level == Should {
		f.Result = Warning
	}
	return except(f, c, o.Name, exceptions)
}

// Judges reports whether c judges object o at all: the resource type, the
// object's profile and the control's scope must match.
func Judges(c Control, o Object) bool {
	if c.Resource != o.Resource || !c.AppliesTo(profileOf(o)) {
		return false
	}
	switch c.Scope {
	case ScopeGlobal:
		return o.Global
	case ScopeTelehealth:
		return profileOf(o) == Telehealth
	case ScopeTenant:
		return false
	}
	return true
}

func profileOf(o Object) Profile {
	if o.Profile == "" {
		return Staff
	}
	return o.Profile
}

// ForProfile returns the catalog's controls that are part of profile p, in
// catalog order.
func ForProfile(p Profile) []Control {
	var out []Control
	for _, c := range Catalog() {
		if c.AppliesTo(p) {
			out = append(out, c)
		}
	}
	return out
}

// ForObject returns the controls that judge o at plan time: those of o's
// own profile (staff when unset) whose resource and scope match it, in
// catalog order. Tenant controls are never among them.
func ForObject(o Object) []Control {
	var out []Control
	for _, c := range Catalog() {
		if Judges(c, o) {
			out = append(out, c)
		}
	}
	return out
}

// ByID returns the control with the given id.
func ByID(id string) (Control, bool) {
	for _, c := range Catalog() {
		if c.ID == id {
			return c, true
		}
	}
	return Control{}, false
}

// Format writes a value as a reader expects it in a report or a diagnostic.
func Format(v any) string {
	switch v := v.(type) {
	case nil:
		return "null"
	case unknownValue:
		return v.String()
	case string:
		return fmt.Sprintf("%q", v)
	case []any:
		s := "["
		for i, e := range v {
			if i > 0 {
				s += ", "
			}
			s += Format(e)
		}
		return s + "]"
	}
	return fmt.Sprint(v)
}
