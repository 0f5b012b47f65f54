package baseline

import (
	"fmt"
	"slices"
	"strings"
)

// attr reads the governed attribute (a name, or a dotted path into nested
// objects), reporting whether it can be judged: unknown planned values and
// nulls (the service default is kept, so the live read will tell) cannot.
func attr(c Control, o Object) (any, bool) {
	v, ok := Lookup(o, c.Attribute)
	if !ok || v == nil || !known(v) {
		return v, false
	}
	return v, true
}

func na(v any) Finding {
	if v != nil && !known(v) {
		return Finding{Result: NotApplicable, Actual: Unknown.String(), Details: "known only after apply"}
	}
	return Finding{Result: NotApplicable, Actual: Format(v), Details: "not set in this object"}
}

// Equals wants the attribute to be exactly Want.
func Equals(want any) Rule { return equals{want: want} }

type equals struct{ want any }

func (r equals) Check(c Control, o Object) Finding {
	v, ok := attr(c, o)
	if !ok {
		return na(v)
	}
	if same(v, r.want) {
		return Finding{Result: Pass, Actual: Format(v)}
	}
	return Finding{Result: Fail, Actual: Format(v)}
}
func (r equals) Expected() string { return Format(r.want) }
func (r equals) Value() any       { return r.want }

// OneOf wants the attribute to be one of allowed; the first is the value a
// configuration should set.
func OneOf(allowed ...any) Rule { return oneOf{allowed: allowed} }

type oneOf struct{ allowed []any }

func (r oneOf) Check(c Control, o Object) Finding {
	v, ok := attr(c, o)
	if !ok {
		return na(v)
	}
	for _, a := range r.allowed {
		if same(v, a) {
			return Finding{Result: Pass, Actual: Format(v)}
		}
	}
	return Finding{Result: Fail, Actual: Format(v)}
}
func (r oneOf) Expected() string {
	parts := make([]string, len(r.allowed))
	for i, a := range r.allowed {
		parts[i] = Format(a)
	}
	return "one of " + strings.Join(parts, ", ")
}
func (r oneOf) Value() any { return r.allowed[0] }

// Allowed lists the values the rule accepts, the recommended one first.
func (r oneOf) Allowed() []any { return r.allowed }

// Between wants a number within [lo, hi]; def is the value a configuration
// should set. Values outside (e.g. -1 meaning "never") fail.
func Between(lo, hi, def int64) Rule { return between{lo: lo, hi: hi, def: def} }

type between struct{ lo, hi, def int64 }

func (r between) Check(c Control, o Object) Finding {
	v, ok := attr(c, o)
	if !ok {
		return na(v)
	}
	n, isNum := toInt(v)
	if isNum && n >= r.lo && n <= r.hi {
		return Finding{Result: Pass, Actual: Format(v)}
	}
	return Finding{Result: Fail, Actual: Format(v)}
}
func (r between) Expected() string { return fmt.Sprintf("between %d and %d", r.lo, r.hi) }
func (r between) Value() any       { return r.def }

// When applies r only to objects whose attribute guard equals want (a
// dotted path, like Control.Attribute); for other objects the control has
// nothing to judge (NotApplicable). Value is r's: the value to set where the
// guard holds. Example: when anonymous join is on, anonymous users must
// verify with a one-time passcode.
func When(guard string, want any, r Rule) Rule { return when{guard: guard, want: want, rule: r} }

type when struct {
	guard string
	want  any
	rule  Rule
}

func (w when) Check(c Control, o Object) Finding {
	g, _ := Lookup(o, w.guard)
	if g == nil || !known(g) {
		return Finding{Result: NotApplicable, Actual: Format(g), Details: w.guard + " is not set in this object"}
	}
	if !same(g, w.want) {
		return Finding{Result: NotApplicable, Actual: Format(g), Details: "applies only where " + w.guard + " = " + Format(w.want)}
	}
	return w.rule.Check(c, o)
}
func (w when) Expected() string {
	return w.rule.Expected() + " where " + w.guard + " = " + Format(w.want)
}
func (w when) Value() any { return w.rule.Value() }

// Guard names the attribute and value the rule is conditional on.
func (w when) Guard() (string, any) { return w.guard, w.want }

// Predicate judges a whole object (several attributes, or a shape such as
// "blocks legacy authentication"). Check returns the finding; Expected
// describes the rule; Val is the value a configuration sets, when one is.
type Predicate struct {
	Describe string
	Val      any
	Fn       func(o Object) Finding
}

func (p Predicate) Check(_ Control, o Object) Finding { return p.Fn(o) }
func (p Predicate) Expected() string                  { return p.Describe }
func (p Predicate) Value() any                        { return p.Val }

// same compares a planned or live value with a catalog value: numbers by
// value whatever their Go type, strings case-insensitively (the services
// accept any casing of enum values and echo their own), sets in any order.
func same(a, b any) bool {
	if x, ok := toInt(a); ok {
		y, ok := toInt(b)
		return ok && x == y
	}
	switch x := a.(type) {
	case string:
		y, ok := b.(string)
		return ok && strings.EqualFold(x, y)
	case bool:
		y, ok := b.(bool)
		return ok && x == y
	case []any:
		y, ok := b.([]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for _, e := range x {
			if !slices.ContainsFunc(y, func(f any) bool { return same(e, f) }) {
				return false
			}
		}
		return true
	}
	return false
}

func toInt(v any) (int64, bool) {
	switch n := v.(type) {
	case int:
		return int64(n), true
	case int64:
		return n, true
	case float64:
		if n == float64(int64(n)) {
			return int64(n), true
		}
	}
	return 0, false
}
