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
	kindBool           paramKind = iota // JSON boolean
	kindString                          // free text (null allowed)
	kindEnum                            // string from Values (case-insensitive, stored canonical)
	kindInt                             // JSON integer within Min..Max
	kindStringList                      // JSON array of strings (null = empty); Values, if set, restrict elements
	kindObjectList                      // JSON array of objects {Key: "<string>"} (null = empty), e.g. [{"Id":"..."}]
	kindAllowedDomains                  // TenantFederationSettings.AllowedDomains: {} or {"AllowedDomain":[{"Domain":"..."}]}
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
	// Key is the one member of each element of a kindObjectList ("Id",
	// "Domain"); on a kindStringList, Key "Domain" checks each element is a
	// domain name. MaxItems (0 = no limit) bounds list lengths.
	Key      string
	MaxItems int
	// WriteOnly parameters are accepted in bodies but never stored or
	// returned (retired switches, write-side aliases); Apply, when set,
	// receives the validated value and changes the instance instead.
	WriteOnly bool
	Apply     func(dst map[string]any, v any)
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
	// Exclusive lists groups of parameters that cannot be sent together.
	Exclusive [][]string
	// AppCentric types answer writes with a warning while the simulated
	// tenant is migrated to app-centric management (SetAppCentricManagement).
	AppCentric bool

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
		if !p.WriteOnly {
			m[p.Name] = deepCopyValue(p.Default)
		}
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
		if p.WriteOnly {
			continue
		}
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
	type apply struct {
		fn func(map[string]any, any)
		v  any
	}
	var applies []apply
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
		switch {
		case p.Apply != nil:
			applies = append(applies, apply{p.Apply, v})
		case !p.WriteOnly:
			vals[p.Name] = v
		}
		if p.Warning != "" {
			warnings = append(warnings, p.Warning)
		}
	}
	for _, group := range t.Exclusive {
		var sent []string
		for _, name := range group {
			for _, k := range names {
				if strings.EqualFold(k, name) {
					sent = append(sent, name)
				}
			}
		}
		if len(sent) > 1 {
			return nil, badRequest("Parameters '%s' cannot be used together for %s.", strings.Join(sent, "', '"), t.Name)
		}
	}
	for k, v := range vals {
		dst[k] = v
	}
	for _, a := range applies {
		a.fn(dst, deepCopyValue(a.v))
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
			if p.Key == "Domain" && (strings.TrimSpace(s) == "" || strings.ContainsAny(s, " \t/@")) {
				return nil, badRequest("Cannot validate argument on parameter '%s': '%s' is not a valid domain name.", p.Name, s)
			}
			if len(p.Values) > 0 {
				c, err := p.enumValue(s)
				if err != nil {
					return nil, err
				}
				s = fmt.Sprint(c) // the canonical spelling of a string enum
			}
			out = append(out, s)
		}
		if p.MaxItems > 0 && len(out) > p.MaxItems {
			return nil, badRequest("Cannot validate argument on parameter '%s'. The list has %d items; at most %d are allowed.", p.Name, len(out), p.MaxItems)
		}
		return out, nil
	case kindObjectList:
		return p.objectList(v)
	case kindAllowedDomains:
		return p.allowedDomains(v)
	}
	return nil, badRequest("parameter '%s' has no type", p.Name)
}

// objectList checks a JSON array of single-member objects ({"Id":"..."}),
// returning []any of map[string]any with the member name canonical.
// Plain strings are accepted only where allowStrings (domain lists).
func (p *paramSpec) objectList(v any) (any, *apiError) {
	return objectItems(p.Name, p.Key, v, p.MaxItems, p.Key == "Domain")
}

func objectItems(param, key string, v any, maxItems int, allowStrings bool) ([]any, *apiError) {
	want := fmt.Sprintf("a JSON array of objects {\"%s\": \"<string>\"}", key)
	if v == nil {
		return []any{}, nil
	}
	in, ok := v.([]any)
	if !ok {
		return nil, badRequest("Cannot convert value '%s' for parameter '%s': expected %s.", jsonText(v), param, want)
	}
	if maxItems > 0 && len(in) > maxItems {
		return nil, badRequest("Cannot validate argument on parameter '%s'. The list has %d items; at most %d are allowed.", param, len(in), maxItems)
	}
	out := make([]any, 0, len(in))
	for i, e := range in {
		var s string
		switch t := e.(type) {
		case string:
			if !allowStrings {
				return nil, badRequest("Cannot convert value '%s' (element %d) for parameter '%s': expected %s.", jsonText(e), i, param, want)
			}
			s = t
		case map[string]any:
			found := false
			for k, val := range t {
				if !strings.EqualFold(k, key) {
					return nil, badRequest("Cannot convert value '%s' (element %d) for parameter '%s': unknown member '%s'; expected %s.", jsonText(e), i, param, k, want)
				}
				str, ok := val.(string)
				if !ok {
					return nil, badRequest("Cannot convert value '%s' (element %d) for parameter '%s': '%s' must be a string.", jsonText(e), i, param, key)
				}
				s, found = str, true
			}
			if !found {
				return nil, badRequest("Cannot convert value '%s' (element %d) for parameter '%s': the member '%s' is missing; expected %s.", jsonText(e), i, param, key, want)
			}
		default:
			return nil, badRequest("Cannot convert value '%s' (element %d) for parameter '%s': expected %s.", jsonText(e), i, param, want)
		}
		s = strings.TrimSpace(s)
		if s == "" {
			return nil, badRequest("Cannot validate argument on parameter '%s': element %d has an empty '%s'.", param, i, key)
		}
		if key == "Domain" && strings.ContainsAny(s, " \t/@") {
			return nil, badRequest("Cannot validate argument on parameter '%s': '%s' is not a valid domain name.", param, s)
		}
		out = append(out, map[string]any{key: s})
	}
	return out, nil
}

// allowedDomains checks TenantFederationSettings.AllowedDomains. The wire
// shape (see teams_federation.go for the evidence) is an object: {} means
// AllowAllKnownDomains; {"AllowedDomain":[{"Domain":"x"},...]} is an allow
// list (an empty one federates with nobody). A bare JSON array is coerced
// into an allow list, as the ConfigAPI is reported to do (CIPP #364).
func (p *paramSpec) allowedDomains(v any) (any, *apiError) {
	const shape = `{} (AllowAllKnownDomains) or {"AllowedDomain":[{"Domain":"<domain>"}]} (allow list)`
	switch t := v.(type) {
	case nil:
		return map[string]any{}, nil
	case []any:
		items, err := objectItems(p.Name, "Domain", t, p.MaxItems, true)
		if err != nil {
			return nil, err
		}
		return map[string]any{"AllowedDomain": items}, nil
	case map[string]any:
		if len(t) == 0 {
			return map[string]any{}, nil
		}
		var items []any
		for k, val := range t {
			if !strings.EqualFold(k, "AllowedDomain") {
				return nil, badRequest("Cannot convert value '%s' for parameter '%s': unknown member '%s'; expected %s.", jsonText(v), p.Name, k, shape)
			}
			if val != nil {
				if _, ok := val.([]any); !ok {
					return nil, badRequest("Cannot convert value '%s' for parameter '%s': 'AllowedDomain' must be an array; expected %s.", jsonText(v), p.Name, shape)
				}
			}
			var err *apiError
			if items, err = objectItems(p.Name, "Domain", val, p.MaxItems, true); err != nil {
				return nil, err
			}
		}
		return map[string]any{"AllowedDomain": items}, nil
	}
	return nil, badRequest("Cannot convert value '%s' for parameter '%s': expected %s.", jsonText(v), p.Name, shape)
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

// TeamsTypeSpec is what the simulator models of one ConfigAPI type, for tests
// that check the provider's type table against the simulator (every provider
// type needs a spec here, with the same singleton flag, assignability and
// parameters).
type TeamsTypeSpec struct {
	Name             string
	Singleton        bool
	GroupAssignable  bool     // a group policy assignment takes it
	TenantAssignable bool     // it can be the tenant-wide default
	Params           []string // wire names, in table order
	BuiltIns         []string // a new tenant's instances besides Global, without Tag:
}

// TeamsTypeSpecs returns every simulated ConfigAPI type by name; the
// assignability is what the assignment routes answer, not a copy of it.
func TeamsTypeSpecs() map[string]TeamsTypeSpec {
	out := make(map[string]TeamsTypeSpec, len(teamsTypes))
	for name, t := range teamsTypes {
		_, groupErr := assignableType(name, true)
		_, tenantErr := assignableType(name, false)
		s := TeamsTypeSpec{Name: name, Singleton: t.Singleton, GroupAssignable: groupErr == nil, TenantAssignable: tenantErr == nil}
		for _, p := range t.Params {
			s.Params = append(s.Params, p.Name)
		}
		for _, b := range t.BuiltIns {
			s.BuiltIns = append(s.BuiltIns, strings.TrimPrefix(b.Identity, "Tag:"))
		}
		out[name] = s
	}
	return out
}
