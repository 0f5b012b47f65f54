package tenantsim

import (
	"encoding/json"
	"net/http"
	"sort"
	"strconv"
	"strings"
)

// Cmdlet dispatch: each cmdlet lists its parameters (names from the
// MicrosoftDocs cmdlet pages); a parameter the cmdlet does not have is
// refused as PowerShell refuses it, and enum values are checked.

type cmdKind int

const (
	cBool     cmdKind = iota // JSON boolean (or 0/1)
	cString                  // JSON string
	cEnum                    // string from Values
	cStrings                 // MultiValuedProperty: string or array of strings
	cEnumList                // array (or single) of Values
	cAny                     // validated by the cmdlet (hashtables)
	cDuration                // Unlimited or whole days
	cInt                     // JSON integer
	cSwitch                  // switch parameter: true/false
)

type cmdParam struct {
	Name   string
	Kind   cmdKind
	Values []string
	// EnumType is the .NET type named in a bad-value error (assumed names).
	EnumType string
}

type cmdletSpec struct {
	Name     string
	Surface  string
	Noun     string // OData entity set in @odata.context
	Params   []cmdParam
	Required []string
	Run      func(s *Simulator, c *cmdletCall) ([]map[string]any, []string, *cmdletError)

	byName map[string]*cmdParam
}

type cmdletCall struct {
	surface string
	cmdlet  string
	r       *http.Request
	rel     string
	args    map[string]any // canonical parameter name -> validated value
	claims  *accessClaims
}

func (c *cmdletCall) has(name string) bool { _, ok := c.args[name]; return ok }
func (c *cmdletCall) str(name string) string {
	v, _ := c.args[name].(string)
	return v
}

// commonParams are PowerShell common parameters and confirmation switches
// every cmdlet accepts; they change nothing here.
var commonParams = []string{"Confirm", "ErrorAction", "WarningAction", "Verbose", "Debug", "InformationAction"}

var cmdlets = map[string]*cmdletSpec{} // surface + "/" + lower(name)

func registerCmdlet(c *cmdletSpec) {
	c.byName = map[string]*cmdParam{}
	for i := range c.Params {
		c.byName[strings.ToLower(c.Params[i].Name)] = &c.Params[i]
	}
	for _, n := range commonParams {
		if c.byName[strings.ToLower(n)] == nil {
			c.byName[strings.ToLower(n)] = &cmdParam{Name: n, Kind: cAny}
		}
	}
	if c.Noun == "" {
		_, c.Noun, _ = strings.Cut(c.Name, "-")
	}
	cmdlets[c.Surface+"/"+strings.ToLower(c.Name)] = c
}

func lookupCmdlet(surface, name string) *cmdletSpec {
	return cmdlets[surface+"/"+strings.ToLower(name)]
}

// bind validates the parameters in a stable order.
func (c *cmdletSpec) bind(params map[string]any) (map[string]any, *cmdletError) {
	keys := make([]string, 0, len(params))
	for k := range params {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := map[string]any{}
	for _, k := range keys {
		p := c.byName[strings.ToLower(strings.TrimPrefix(k, "-"))]
		if p == nil {
			return nil, paramNotFound(k)
		}
		if isCommon(p.Name) {
			continue
		}
		v, e := p.coerce(params[k])
		if e != nil {
			return nil, e
		}
		out[p.Name] = v
	}
	var missing []string
	for _, req := range c.Required {
		if _, ok := out[req]; !ok {
			missing = append(missing, req)
		}
	}
	if len(missing) > 0 {
		return nil, cmdletFail(typeParamBinding, "Cannot process command because of one or more missing mandatory parameters: %s.", strings.Join(missing, " "))
	}
	return out, nil
}

func isCommon(name string) bool {
	for _, n := range commonParams {
		if n == name {
			return true
		}
	}
	return false
}

func jsonValueText(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	b, _ := json.Marshal(v)
	return string(b)
}

func (p *cmdParam) coerce(v any) (any, *cmdletError) {
	convErr := func(typ string) *cmdletError {
		return cmdletFail(typeParamBinding, "Cannot process argument transformation on parameter '%s'. Cannot convert value \"%s\" to type \"%s\".", p.Name, jsonValueText(v), typ)
	}
	switch p.Kind {
	case cAny:
		return v, nil
	case cBool, cSwitch:
		switch t := v.(type) {
		case bool:
			return t, nil
		case json.Number:
			if t.String() == "0" || t.String() == "1" {
				return t.String() == "1", nil
			}
		}
		return nil, cmdletFail(typeParamBinding, "Cannot process argument transformation on parameter '%s'. Cannot convert value \"%s\" to type \"System.Boolean\". Boolean parameters accept only Boolean values and numbers, such as $True, $False, 1 or 0.", p.Name, jsonValueText(v))
	case cString:
		if v == nil {
			return "", nil
		}
		s, ok := v.(string)
		if !ok {
			return nil, convErr("System.String")
		}
		return s, nil
	case cInt:
		n, ok := v.(json.Number)
		if !ok {
			return nil, convErr("System.Int32")
		}
		i, err := strconv.ParseInt(n.String(), 10, 32)
		if err != nil {
			return nil, convErr("System.Int32")
		}
		return i, nil
	case cEnum:
		s, ok := v.(string)
		if !ok {
			return nil, p.enumErr(jsonValueText(v))
		}
		for _, allowed := range p.Values {
			if strings.EqualFold(s, allowed) {
				return allowed, nil
			}
		}
		return nil, p.enumErr(s)
	case cStrings, cEnumList:
		var list []string
		switch t := v.(type) {
		case nil:
			list = []string{}
		case string:
			list = []string{t}
		case []any:
			for _, e := range t {
				s, ok := e.(string)
				if !ok {
					return nil, convErr("Microsoft.Exchange.Data.MultiValuedProperty")
				}
				list = append(list, s)
			}
		default:
			return nil, convErr("Microsoft.Exchange.Data.MultiValuedProperty")
		}
		if p.Kind == cEnumList {
			for i, s := range list {
				found := false
				for _, allowed := range p.Values {
					if strings.EqualFold(s, allowed) {
						list[i], found = allowed, true
					}
				}
				if !found {
					return nil, p.enumErr(s)
				}
			}
		}
		for _, s := range list {
			if strings.TrimSpace(s) == "" {
				return nil, cmdletFail(typeParamBinding, "Cannot validate argument on parameter '%s'. The argument is null or empty. Provide an argument that is not null or empty, and then try the command again.", p.Name)
			}
		}
		return list, nil
	case cDuration:
		switch t := v.(type) {
		case string:
			if strings.EqualFold(t, "Unlimited") {
				return "Unlimited", nil
			}
			if n, err := strconv.Atoi(strings.TrimSpace(t)); err == nil && n >= 0 {
				return strconv.Itoa(n), nil
			}
		case json.Number:
			if n, err := strconv.Atoi(t.String()); err == nil && n >= 0 {
				return strconv.Itoa(n), nil
			}
		}
		return nil, convErr("Microsoft.Office.CompliancePolicy.Tasks.Unlimited`1[System.Int32]")
	}
	return nil, convErr("System.Object")
}

func (p *cmdParam) enumErr(got string) *cmdletError {
	typ := p.EnumType
	if typ == "" {
		typ = "System.String"
	}
	return cmdletFail(typeParamBinding, "Cannot bind parameter '%s'. Cannot convert value \"%s\" to type \"%s\". Error: \"Unable to match the identifier name %s to a valid enumerator name. Specify one of the following enumerator names and try again:\n%s\"",
		p.Name, got, typ, got, strings.Join(p.Values, ", "))
}

// locationParams builds the four parameters of one location kind:
// X, XException (New) or AddX, RemoveX, AddXException, RemoveXException (Set).
func locationParams(kinds []string, set bool) []cmdParam {
	var out []cmdParam
	for _, k := range kinds {
		if set {
			out = append(out,
				cmdParam{Name: "Add" + k, Kind: cStrings}, cmdParam{Name: "Remove" + k, Kind: cStrings},
				cmdParam{Name: "Add" + k + "Exception", Kind: cStrings}, cmdParam{Name: "Remove" + k + "Exception", Kind: cStrings})
		} else {
			out = append(out, cmdParam{Name: k, Kind: cStrings}, cmdParam{Name: k + "Exception", Kind: cStrings})
		}
	}
	return out
}

func joinParams(groups ...[]cmdParam) []cmdParam {
	var out []cmdParam
	for _, g := range groups {
		out = append(out, g...)
	}
	return out
}
