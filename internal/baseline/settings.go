package baseline

// Settings is the structured form of a profile's recommended values, for a
// configuration to take them from (the teamshipaa_baseline data source
// serves it as settings_json):
//
//	{ "<resource type>": { "<scope>": { "<attribute>": value } } }
//
// It holds every control of profile p whose rule has a concrete value. Scope
// is every, global or telehealth: the instances a value is meant for. A
// tenant-scope value (for example DisabledUserOverride for the enhanced
// encryption policy assigned to clinicians) is under "tenant": at least one
// instance must have it. Controls whose rule is a predicate over several
// attributes (conditional access shapes, DLP rules) have no value and are
// not in it. Attributes are the controls' (dotted paths for nested ones).
func Settings(p Profile) map[string]map[string]map[string]any {
	out := map[string]map[string]map[string]any{}
	for _, c := range ForProfile(p) {
		v := c.Rule.Value()
		if v == nil {
			continue
		}
		byScope := out[c.Resource]
		if byScope == nil {
			byScope = map[string]map[string]any{}
			out[c.Resource] = byScope
		}
		attrs := byScope[string(c.Scope)]
		if attrs == nil {
			attrs = map[string]any{}
			byScope[string(c.Scope)] = attrs
		}
		attrs[c.Attribute] = v
	}
	return out
}
