// Package importblock writes the Terraform `import` blocks the list data
// sources offer (teamshipaa_teams_policies, teamshipaa_conditional_access_policies...),
// so that brownfield adoption is: copy the blocks, then
// `terraform plan -generate-config-out=generated.tf`.
package importblock

import (
	"fmt"
	"strconv"
	"strings"
)

// Item is one object to import.
type Item struct {
	Resource string // resource type, e.g. teamshipaa_dlp_rule
	Name     string // the object's human name, from which the address label is made
	ID       string // the import ID
}

// Labels gives each item a distinct resource name (a Terraform identifier
// derived from its object name: lower case, runs of other characters as
// one underscore; a second object of the same label gets _2, ...).
func Labels(items []Item) []string {
	out := make([]string, len(items))
	seen := map[string]int{}
	for i, it := range items {
		base := label(it.Name)
		key := it.Resource + "." + base
		seen[key]++
		if n := seen[key]; n > 1 {
			base += "_" + strconv.Itoa(n)
		}
		out[i] = base
	}
	return out
}

func label(name string) string {
	var b strings.Builder
	under := false
	for _, r := range strings.ToLower(name) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
			under = false
		} else if !under && b.Len() > 0 {
			b.WriteByte('_')
			under = true
		}
	}
	s := strings.TrimSuffix(b.String(), "_")
	switch {
	case s == "":
		return "object"
	case s[0] >= '0' && s[0] <= '9':
		// An identifier cannot start with a digit.
		return "_" + s
	}
	return s
}

// Block is the import block bringing id under resource.label.
func Block(resource, label, id string) string {
	return fmt.Sprintf("import {\n  to = %s.%s\n  id = %s\n}\n", resource, label, strconv.Quote(id))
}

// Blocks returns each item's block (in order) and all of them joined, blank
// line separated, leaving out those skip says so (Microsoft's presets).
func Blocks(items []Item, skip func(i int) bool) (each []string, all string) {
	labels := Labels(items)
	each = make([]string, len(items))
	var parts []string
	for i, it := range items {
		each[i] = Block(it.Resource, labels[i], it.ID)
		if skip == nil || !skip(i) {
			parts = append(parts, each[i])
		}
	}
	return each, strings.Join(parts, "\n")
}
