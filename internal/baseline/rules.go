package baseline

import (
	"fmt"
	"slices"
	"strings"
)

// attr reads the governed attribute, reporting whether it can be judged:
// unknown planned values and nulls (the service default is kept, so the
// live read will tell) cannot.
func attr(c Control, o Object) (any, bool) {
	v, ok := o.Attrs[c.Attribute]
	if !ok || v == nil || v == Unknown {
		return v, false
	}
	return v, true
}

func na(v any) Finding {
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

// OneOf wants the attribute to be one of Allowed; Default is the value a
// configuration should set (the first allowed value when zero).
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

// Between wants a number within [Min, Max]; Default is the value a
// configuration should set. Excluded values (e.g. -1 meaning "never") fail.
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
