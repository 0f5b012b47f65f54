package teams

import (
	"slices"
	"strings"
)

// A type's presets are Microsoft's preset instances of it, present in every
// tenant besides Global (PolicyType.Presets). Nothing on the wire marks them,
// so the list data source marks them by name, and also any instance whose
// description is Microsoft's "Do not assign..." text.
var presetNames = func() map[string][]string {
	out := map[string][]string{}
	for _, pt := range policyTypes {
		out[pt.Type] = pt.Presets
	}
	return out
}()

// isPreset reports whether the instance name (without Tag:) of policyType is
// one of Microsoft's presets.
func isPreset(policyType, name, description string) bool {
	return slices.Contains(presetNames[policyType], name) || strings.HasPrefix(description, "Do not assign")
}
