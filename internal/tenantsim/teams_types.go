package tenantsim

import (
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strings"
)

// paramKind is the wire type of one cmdlet parameter.
type paramKind int

const (
	kindBool       paramKind = iota // JSON boolean
	kindString                      // free text (null allowed)
	kindEnum                        // string from Values (case-insensitive, stored canonical)
	kindInt                         // JSON integer within Min..Max
	kindStringList                  // JSON array of strings (null = empty); Values, if set, restrict elements
)

// paramSpec describes one parameter of a ConfigAPI type, written from the
// Set-Cs<Type> documentation.
type paramSpec struct {
	Name     string
	Kind     paramKind
	Values   []string
	Min, Max *int64
	// Forbid lists integers inside Min..Max that the cmdlet still rejects
	// (NewMeetingRecordingExpirationDays: -1 or 1..99999, never 0).
	Forbid  []int64
	Default any // value in a new tenant's Global; nil = JSON null
	// Warning, when set, is sent in X-Ms-ConfigApi-PowerShell-WarningMessage
	// when the parameter is written (documented as having no effect).
	Warning string
}

// builtIn is an instance a new tenant already has; Overrides are the values
// that differ from the type's defaults.
type builtIn struct {
	Identity  string
	Overrides map[string]any
}

// typeSpec is one ConfigAPI configuration type (Skype.Policy/configurations/{Name}).
type typeSpec struct {
	Name      string
	Singleton bool // only Global; never created or deleted
	Params    []paramSpec
	BuiltIns  []builtIn // besides Global
	// XMLNamespace of the XDS schema, echoed in the Key object.
	XMLNamespace string

	byName map[string]*paramSpec // lower-case name -> spec
}

var teamsTypes = map[string]*typeSpec{}

// registerTeamsType adds a type table; each teams_<type>.go calls it from init.
func registerTeamsType(t *typeSpec) {
	t.byName = map[string]*paramSpec{}
	for i := range t.Params {
		p := &t.Params[i]
		k := strings.ToLower(p.Name)
		if _, dup := t.byName[k]; dup {
			panic("tenantsim: duplicate parameter " + p.Name + " in " + t.Name)
		}
		t.byName[k] = p
	}
	for _, b := range t.BuiltIns {
		for name := range b.Overrides {
			if t.byName[strings.ToLower(name)] == nil {
				panic("tenantsim: built-in " + b.Identity + " overrides unknown " + name)
			}
		}
	}
	teamsTypes[t.Name] = t
}

func teamsCollection(typeName string) string { return "teams/" + typeName }

func i64p(v int64) *int64 { return &v }

// defaults returns a Global instance with every parameter at its default.
func (t *typeSpec) defaults() map[string]any {
	m := make(map[string]any, len(t.Params)+1)
	for _, p := range t.Params {
		m[p.Name] = deepCopyValue(p.Default)
	}
	m["Identity"] = "Global"
	return m
}

// seedObjects returns the instances of a new tenant: Global then the built-ins.
func (t *typeSpec) seedObjects() []*object {
	objs := []*object{{ID: "Global", Data: t.defaults()}}
	for _, b := range t.BuiltIns {
		d := t.defaults()
		for k, v := range b.Overrides {
			d[t.byName[strings.ToLower(k)].Name] = deepCopyValue(v)
		}
		d["Identity"] = b.Identity
		objs = append(objs, &object{ID: b.Identity, Data: d})
	}
	return objs
}

// fillMissing adds parameters unknown to an instance saved by an older
// simulator, at their defaults, and normalises JSON numbers.
func (t *typeSpec) fillMissing(data map[string]any) bool {
	changed := false
	for _, p := range t.Params {
		v, ok := data[p.Name]
		if !ok {
			data[p.Name] = deepCopyValue(p.Default)
			changed = true
			continue
		}
		if norm, err := p.coerce(v); err == nil {
			data[p.Name] = norm
		}
	}
	return changed
}

// apiError is a validation failure: HTTP status, service code and message.
type apiError struct {
	Status  int
	Code    string
	Message string
}

func (e *apiError) Error() string { return e.Message }

func badRequest(format string, args ...any) *apiError {
	return &apiError{Status: 400, Code: "BadRequest", Message: fmt.Sprintf(format, args...)}
}

// applyParams validates body against the type and writes it into dst.
// It returns the warnings to send. Identity is handled by the caller.
func (t *typeSpec) applyParams(dst, body map[string]any) ([]string, *apiError) {
	// Validate everything before touching dst, in a stable order so the
	// first error is predictable.
	names := make([]string, 0, len(body))
	for k := range body {
		names = append(names, k)
	}
	sort.Strings(names)
	vals := make(map[string]any, len(body))
	var warnings []string
	for _, k := range names {
		p := t.byName[strings.ToLower(k)]
		if p == nil {
			return nil, badRequest("A parameter cannot be found that matches parameter name '%s' for %s.", k, t.Name)
		}
		v, err := p.coerce(body[k])
		if err != nil {
			return nil, err
		}
		vals[p.Name] = v
		if p.Warning != "" {
			warnings = append(warnings, p.Warning)
		}
	}
	for k, v := range vals {
		dst[k] = v
	}
	return warnings, nil
}

// coerce checks one JSON value (decoded with UseNumber) against the spec and
// returns the stored form.
func (p *paramSpec) coerce(v any) (any, *apiError) {
	typeErr := func(want string) *apiError {
		return badRequest("Cannot convert value '%s' to type '%s' for parameter '%s'.", jsonText(v), want, p.Name)
	}
	switch p.Kind {
	case kindBool:
		b, ok := v.(bool)
		if !ok {
			return nil, typeErr("System.Boolean")
		}
		return b, nil
	case kindString:
		if v == nil {
			return nil, nil
		}
		s, ok := v.(string)
		if !ok {
			return nil, typeErr("System.String")
		}
		return s, nil
	case kindEnum:
		s, ok := v.(string)
		if !ok {
			return nil, typeErr("System.String")
		}
		return p.enumValue(s)
	case kindInt:
		n, ok := toInt64(v)
		if !ok {
			return nil, typeErr("System.Int32")
		}
		if (p.Min != nil && n < *p.Min) || (p.Max != nil && n > *p.Max) || containsInt(p.Forbid, n) {
			return nil, badRequest("Cannot validate argument on parameter '%s'. The argument %d is not in the allowed range%s.", p.Name, n, p.rangeText())
		}
		return n, nil
	case kindStringList:
		if v == nil {
			return []string{}, nil
		}
		var in []any
		switch t := v.(type) {
		case []any:
			in = t
		case []string:
			for _, s := range t {
				in = append(in, s)
			}
		default:
			return nil, typeErr("System.Collections.Generic.List[System.String]")
		}
		out := make([]string, 0, len(in))
		for _, e := range in {
			s, ok := e.(string)
			if !ok {
				return nil, typeErr("System.Collections.Generic.List[System.String]")
			}
			if len(p.Values) > 0 {
				c, err := p.enumValue(s)
				if err != nil {
					return nil, err
				}
				s = c.(string)
			}
			out = append(out, s)
		}
		return out, nil
	}
	return nil, badRequest("parameter '%s' has no type", p.Name)
}

func (p *paramSpec) enumValue(s string) (any, *apiError) {
	for _, allowed := range p.Values {
		if strings.EqualFold(allowed, s) {
			return allowed, nil
		}
	}
	return nil, badRequest("Cannot validate argument on parameter '%s'. The argument \"%s\" does not belong to the set \"%s\" specified by the ValidateSet attribute. Supply an argument that is in the set and then try the command again.",
		p.Name, s, strings.Join(p.Values, ","))
}

func (p *paramSpec) rangeText() string {
	lo, hi := "", ""
	if p.Min != nil {
		lo = fmt.Sprint(*p.Min)
	}
	if p.Max != nil {
		hi = fmt.Sprint(*p.Max)
	}
	s := fmt.Sprintf(" %s..%s", lo, hi)
	if len(p.Forbid) > 0 {
		s += fmt.Sprintf(" except %v", p.Forbid)
	}
	return s
}

func toInt64(v any) (int64, bool) {
	switch n := v.(type) {
	case json.Number:
		i, err := n.Int64()
		return i, err == nil
	case int:
		return int64(n), true
	case int32:
		return int64(n), true
	case int64:
		return n, true
	case float64:
		if n != math.Trunc(n) || math.Abs(n) > 1<<53 {
			return 0, false
		}
		return int64(n), true
	}
	return 0, false
}

func containsInt(list []int64, n int64) bool {
	for _, x := range list {
		if x == n {
			return true
		}
	}
	return false
}

func jsonText(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	b, _ := json.Marshal(v)
	return string(b)
}
