package baseline

import (
	"slices"
	"strings"
)

// Lookup reads an attribute of o by its Terraform name, or by a dotted path
// into nested objects ("conditions.users.exclude_users"). It reports whether
// the attribute is present; a path through a null object reads as nil, and
// a path through a value known only after apply reads as Unknown.
func Lookup(o Object, path string) (any, bool) {
	var cur any = o.Attrs
	for _, name := range strings.Split(path, ".") {
		switch m := cur.(type) {
		case map[string]any:
			v, ok := m[name]
			if !ok {
				return nil, false
			}
			cur = v
		case unknownValue:
			return Unknown, true
		case nil:
			return nil, true
		default:
			return nil, false
		}
	}
	return cur, true
}

// known reports whether v holds no Unknown, at any depth.
func known(v any) bool {
	switch t := v.(type) {
	case unknownValue:
		return false
	case []any:
		return !slices.ContainsFunc(t, func(e any) bool { return !known(e) })
	case map[string]any:
		for _, e := range t {
			if !known(e) {
				return false
			}
		}
	}
	return true
}

// strs reads a set or list of strings at path (nil when null or absent).
func strs(o Object, path string) []string {
	v, _ := Lookup(o, path)
	l, _ := v.([]any)
	out := make([]string, 0, len(l))
	for _, e := range l {
		if s, ok := e.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

// str reads a string at path ("" when null, absent or not a string).
func str(o Object, path string) string {
	v, _ := Lookup(o, path)
	s, _ := v.(string)
	return s
}

// hasFold reports whether list holds s, ignoring case.
func hasFold(list []string, s string) bool {
	return slices.ContainsFunc(list, func(e string) bool { return strings.EqualFold(e, s) })
}

// allFold reports whether list holds every one of want, ignoring case.
func allFold(list []string, want ...string) bool {
	for _, w := range want {
		if !hasFold(list, w) {
			return false
		}
	}
	return true
}

func equalFold(a, b string) bool { return strings.EqualFold(a, b) }
