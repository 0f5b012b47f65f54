package baseline

import "strings"

// Evaluation is one control's verdict over one object (or, for a tenant
// control, over the tenant).
type Evaluation struct {
	Control Control
	Object  string // the object's name; "tenant" for tenant controls
	Finding
}

// Assess judges every control of profile p against the objects read from a
// tenant. exceptions maps a control id to the reason it is waived.
//
// Objects carry their own profile (a policy meant for patient visits is
// judged by the telehealth controls whatever p is); an unmarked object is
// judged as staff, exactly as at plan time; p chooses the tenant controls. A tenant control
// passes when at least one object of its type satisfies it; when none does,
// Details collects what the near misses reported (for example "report-only").
func Assess(p Profile, objects []Object, exceptions map[string]Exception) []Evaluation {
	// An unmarked object is judged as staff, as a plan judges it: in a
	// telehealth organization only the policies marked for patient visits may
	// let anonymous users in, so a preset such as AllOn is still held to
	// HB.MEETING.6.
	var out []Evaluation
	for _, c := range Catalog() {
		if c.Scope == ScopeTenant {
			if c.AppliesTo(p) {
				out = append(out, assessTenant(c, objects, exceptions))
			}
			continue
		}
		for _, o := range objects {
			if o.Resource != c.Resource {
				continue
			}
			if o.Err != nil {
				if c.AppliesTo(p) {
					out = append(out, Evaluation{Control: c, Object: o.Name, Finding: Judge(c, o, nil)})
				}
				continue
			}
			if !Judges(c, o) {
				continue
			}
			out = append(out, Evaluation{Control: c, Object: o.Name, Finding: Judge(c, o, exceptions)})
		}
	}
	return out
}

func assessTenant(c Control, objects []Object, exceptions map[string]Exception) Evaluation {
	ev := Evaluation{Control: c, Object: "tenant"}
	var seen, details []string
	for _, o := range objects {
		if o.Resource != c.Resource {
			continue
		}
		if o.Err != nil {
			ev.Finding = Judge(c, o, nil)
			return ev
		}
		f := c.Rule.Check(c, o)
		if f.Result == Pass {
			ev.Finding = Finding{Result: Pass, Actual: "satisfied by " + o.Name, Expected: c.Rule.Expected()}
			return ev
		}
		seen = append(seen, o.Name)
		// A near miss says why it does not count, e.g. a conditional access
		// policy of the right shape that is only in report-only mode.
		if f.Result == Fail && f.Details != "" {
			details = append(details, f.Details)
		}
	}
	actual := "no " + c.Resource + " object"
	if len(seen) > 0 {
		actual = "none of: " + strings.Join(seen, ", ")
	}
	ev.Finding = Finding{Result: Fail, Actual: actual, Expected: c.Rule.Expected(), Details: strings.Join(details, "; ")}
	if c.Level == Should {
		ev.Result = Warning
	}
	ev.Finding = except(ev.Finding, c, ev.Object, exceptions)
	return ev
}

// Summary counts evaluations by result.
func Summary(evs []Evaluation) map[Result]int {
	out := map[Result]int{Pass: 0, Fail: 0, Warning: 0, NotApplicable: 0, Excepted: 0, Error: 0}
	for _, e := range evs {
		out[e.Result]++
	}
	return out
}
