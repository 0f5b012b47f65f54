package teams

import (
	"slices"
	"testing"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/baseline"
)

// Every attribute a baseline control judges on an instance that can be
// created (and the attribute its rule is conditional on) has a documented
// default or says none is documented, and each default is a value the
// parameter accepts: otherwise a create that leaves it unset would pass
// error mode unjudged.
func TestNewObjectDefaultsCoverTheCatalog(t *testing.T) {
	for _, pt := range policyTypes {
		if pt.Singleton {
			continue
		}
		defaults := newObjectDefaults[pt.Type]
		has := func(attr string) bool {
			return slices.ContainsFunc(defaults, func(d serviceDefault) bool { return d.Attr == attr })
		}
		for _, c := range baseline.Catalog() {
			if c.Resource != "teamshipaa_"+pt.Resource || c.Scope == baseline.ScopeTenant || c.Scope == baseline.ScopeGlobal {
				continue
			}
			if !has(c.Attribute) {
				t.Errorf("%s: %s governs %s, which has no entry in newObjectDefaults", pt.Type, c.ID, c.Attribute)
			}
			if g, ok := c.Rule.(interface{ Guard() (string, any) }); ok {
				if attr, _ := g.Guard(); !has(attr) {
					t.Errorf("%s: %s is conditional on %s, which has no entry", pt.Type, c.ID, attr)
				}
			}
		}
		for _, d := range defaults {
			i := slices.IndexFunc(pt.Params, func(p Param) bool { return p.Attr == d.Attr })
			if i < 0 {
				t.Errorf("%s: %s is not a parameter", pt.Type, d.Attr)
				continue
			}
			if d.Source == "" {
				t.Errorf("%s: %s has no source", pt.Type, d.Attr)
			}
			if d.Undocumented {
				if d.Value != nil {
					t.Errorf("%s: %s is undocumented but has a value", pt.Type, d.Attr)
				}
				continue
			}
			p := pt.Params[i]
			var ok bool
			switch p.Kind {
			case Bool:
				_, ok = d.Value.(bool)
			case Int:
				n, isInt := d.Value.(int64)
				ok = isInt && (p.Min == nil || n >= *p.Min) && (p.Max == nil || n <= *p.Max)
			case Enum:
				s, isStr := d.Value.(string)
				ok = isStr && slices.Contains(p.Values, s)
			case String:
				_, ok = d.Value.(string)
			}
			if !ok {
				t.Errorf("%s: default %#v of %s is not a value of the parameter", pt.Type, d.Value, d.Attr)
			}
		}
	}
}
