package entra

import (
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/path"
)

// looseName folds case and treats hyphens as spaces, so "Phishing-resistant
// MFA" (the portal) finds "Phishing resistant MFA" (Graph's documentation).
func looseName(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(strings.ReplaceAll(s, "-", " "))), " ")
}

// pick finds the one item named name: an exact match first, then a loose one.
func pick[T any](items []T, name string, nameOf func(T) string) (T, []string, error) {
	var zero T
	var names []string
	var exact, loose []T
	for _, it := range items {
		n := nameOf(it)
		names = append(names, n)
		switch {
		case n == name:
			exact = append(exact, it)
		case looseName(n) == looseName(name):
			loose = append(loose, it)
		}
	}
	for _, set := range [][]T{exact, loose} {
		switch len(set) {
		case 0:
			continue
		case 1:
			return set[0], names, nil
		default:
			return zero, names, fmt.Errorf("%d objects are named %q", len(set), name)
		}
	}
	return zero, names, fmt.Errorf("none is named %q", name)
}

// pathDisplayName is the attribute both look-up data sources find by.
var pathDisplayName = path.Root("display_name")
