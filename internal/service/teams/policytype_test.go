package teams

import (
	"regexp"
	"strings"
	"testing"
)

var snake = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)

func TestPolicyTypesAreWellFormed(t *testing.T) {
	resources := map[string]bool{}
	for _, pt := range policyTypes {
		if resources[pt.Resource] {
			t.Errorf("%s: resource name %q is used twice", pt.Type, pt.Resource)
		}
		resources[pt.Resource] = true
		if pt.Type == "" || pt.Cmdlet == "" || pt.Title == "" || !snake.MatchString(pt.Resource) {
			t.Errorf("%s: Type, Cmdlet, Resource and Title must all be set", pt.Type)
		}
		names, attrs := map[string]bool{}, map[string]bool{"id": true, "name": true}
		for i, p := range pt.Params {
			if names[p.Name] || attrs[p.Attr] {
				t.Errorf("%s: %s/%s is declared twice or clashes with id/name", pt.Type, p.Name, p.Attr)
			}
			names[p.Name], attrs[p.Attr] = true, true
			if !snake.MatchString(p.Attr) {
				t.Errorf("%s: attribute %q is not snake_case", pt.Type, p.Attr)
			}
			if (p.Kind == Enum) != (len(p.Values) > 0) {
				t.Errorf("%s.%s: enums, and only enums, list values", pt.Type, p.Name)
			}
			if (p.Min != nil || p.Max != nil) && p.Kind != Int {
				t.Errorf("%s.%s: only Int params have bounds", pt.Type, p.Name)
			}
			if p.Description == "" || !strings.HasSuffix(p.Description, ".") {
				t.Errorf("%s.%s: the description must be a sentence", pt.Type, p.Name)
			}
			if i > 0 && strings.ToLower(pt.Params[i-1].Name) >= strings.ToLower(p.Name) {
				t.Errorf("%s: %s is out of alphabetical order", pt.Type, p.Name)
			}
		}
	}
}
