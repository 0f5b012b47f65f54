package teams

// SweptTypes maps the resource name of every Teams policy type that has
// instances besides Global to its ConfigAPI type, for the sweepers.
func SweptTypes() map[string]string {
	out := map[string]string{}
	for _, pt := range policyTypes {
		if !pt.Singleton {
			out["teamshipaa_"+pt.Resource] = pt.Type
		}
	}
	return out
}
