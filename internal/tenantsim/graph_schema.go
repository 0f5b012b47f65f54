package tenantsim

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strings"
)

// A small schema of Graph complex types, used to normalise request bodies
// into the shape the service returns: every documented property present,
// absent collections as [], absent complex or scalar properties as null
// (or their documented default), unknown properties refused as OData does.

type gKind int

const (
	gString  gKind = iota
	gBool          // JSON boolean
	gInt32         // JSON integer
	gEnum          // one of enum
	gFlags         // comma-separated members of enum (OData flags enum)
	gStrings       // collection of strings
	gEnums         // collection of enum members
	gObject        // complex type obj
	gAny           // kept as sent (polymorphic or navigation values)
)

type gField struct {
	name string
	kind gKind
	enum []string
	obj  *gType
	def  any // value when absent or null (nil = null / [] for collections)
}

type gType struct {
	name   string // microsoft.graph.<name>
	fields []gField
}

func (t *gType) field(name string) *gField {
	for i := range t.fields {
		if t.fields[i].name == name {
			return &t.fields[i]
		}
	}
	return nil
}

func graphBadRequest(format string, args ...any) *apiError {
	return &apiError{Status: 400, Code: "BadRequest", Message: fmt.Sprintf(format, args...)}
}

// normalize checks in against t and returns the full normalised object.
// path names the property for messages ("conditions.users").
func (t *gType) normalize(in map[string]any, path string) (map[string]any, *apiError) {
	for k := range in {
		if strings.HasPrefix(k, "@odata.") || strings.Contains(k, "@odata.") {
			continue
		}
		if t.field(k) == nil {
			return nil, graphBadRequest("The property '%s' does not exist on type 'microsoft.graph.%s'. Make sure to only use property names that are defined by the type.", k, t.name)
		}
	}
	out := make(map[string]any, len(t.fields))
	for _, f := range t.fields {
		v, present := in[f.name]
		p := f.name
		if path != "" {
			p = path + "." + f.name
		}
		nv, e := f.normalize(v, present, p)
		if e != nil {
			return nil, e
		}
		out[f.name] = nv
	}
	return out, nil
}

func (f *gField) normalize(v any, present bool, path string) (any, *apiError) {
	if !present || v == nil {
		if f.def != nil {
			return deepCopyValue(f.def), nil
		}
		if f.kind == gStrings || f.kind == gEnums {
			return []any{}, nil
		}
		return nil, nil
	}
	typeErr := func(want string) *apiError {
		return graphBadRequest("Invalid value for property '%s': expected %s, got %s.", path, want, jsonKind(v))
	}
	switch f.kind {
	case gString:
		s, ok := v.(string)
		if !ok {
			return nil, typeErr("a string")
		}
		return s, nil
	case gBool:
		b, ok := v.(bool)
		if !ok {
			return nil, typeErr("a boolean")
		}
		return b, nil
	case gInt32:
		n, ok := graphInt(v)
		if !ok || n < math.MinInt32 || n > math.MaxInt32 {
			return nil, typeErr("a 32-bit integer")
		}
		return json.Number(fmt.Sprint(n)), nil
	case gEnum:
		s, ok := v.(string)
		if !ok {
			return nil, typeErr("a string")
		}
		m, e := enumMember(f.enum, s, path)
		if e != nil {
			return nil, e
		}
		return m, nil
	case gFlags:
		s, ok := v.(string)
		if !ok {
			return nil, typeErr("a string")
		}
		var parts []string
		for _, p := range strings.Split(s, ",") {
			m, e := enumMember(f.enum, strings.TrimSpace(p), path)
			if e != nil {
				return nil, e
			}
			if !slices.Contains(parts, m) {
				parts = append(parts, m)
			}
		}
		return strings.Join(parts, ","), nil
	case gStrings, gEnums:
		arr, ok := v.([]any)
		if !ok {
			return nil, typeErr("a collection of strings")
		}
		out := make([]any, 0, len(arr))
		for _, it := range arr {
			s, ok := it.(string)
			if !ok {
				return nil, graphBadRequest("Invalid value for property '%s': every element must be a string.", path)
			}
			if f.kind == gEnums {
				m, e := enumMember(f.enum, s, path)
				if e != nil {
					return nil, e
				}
				s = m
			}
			out = append(out, s)
		}
		return out, nil
	case gAny:
		return deepCopyValue(v), nil
	case gObject:
		m, ok := v.(map[string]any)
		if !ok {
			return nil, typeErr("an object of type microsoft.graph." + f.obj.name)
		}
		return f.obj.normalize(m, path)
	}
	return nil, graphBadRequest("unsupported property %s", path)
}

// enumMember matches s case-insensitively, as the OData reader does, and
// returns the canonical member.
func enumMember(enum []string, s, path string) (string, *apiError) {
	for _, m := range enum {
		if strings.EqualFold(m, s) {
			return m, nil
		}
	}
	return "", graphBadRequest("Invalid value '%s' for property '%s'. The allowed values are: %s.", s, path, strings.Join(enum, ", "))
}

func jsonKind(v any) string {
	switch v.(type) {
	case string:
		return "a string"
	case bool:
		return "a boolean"
	case json.Number, float64, int, int64:
		return "a number"
	case []any:
		return "a collection"
	case map[string]any:
		return "an object"
	}
	return fmt.Sprintf("%T", v)
}

func graphInt(v any) (int64, bool) {
	switch t := v.(type) {
	case json.Number:
		n, err := t.Int64()
		return n, err == nil
	case float64:
		if t != math.Trunc(t) {
			return 0, false
		}
		return int64(t), true
	case int:
		return int64(t), true
	case int64:
		return t, true
	}
	return 0, false
}

// mergePatch applies a Graph PATCH body to a stored object: properties not
// sent keep their value; a complex property sent as an object is merged
// the same way; anything else sent (scalars, collections, null) replaces.
func mergePatch(dst, patch map[string]any) {
	for k, pv := range patch {
		pm, pIsMap := pv.(map[string]any)
		dm, dIsMap := dst[k].(map[string]any)
		if pIsMap && dIsMap {
			mergePatch(dm, pm)
			continue
		}
		dst[k] = deepCopyValue(pv)
	}
}

func strList(v any) []string {
	arr, _ := v.([]any)
	out := make([]string, 0, len(arr))
	for _, it := range arr {
		if s, ok := it.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

func objAt(m map[string]any, keys ...string) map[string]any {
	cur := m
	for _, k := range keys {
		next, _ := cur[k].(map[string]any)
		if next == nil {
			return nil
		}
		cur = next
	}
	return cur
}
