package adminapi

// HashtableType is the OData type InvokeCommand needs on a hashtable
// parameter (PswsHashtable, PswsHashtable[]) to bind it: a plain JSON object
// reaches the cmdlet binder as a JObject it cannot convert. Evidence:
// KelvinTegelaar/CIPP-API (ConvertTo-CIPPExoHashtable, whose callers note
// "PswsHashtable parameters need the Exchange.GenericHashTable odata type to
// bind over the AdminApi"; Set-Mailbox GrantSendonBehalfTo and others) and
// ExoHelper Invoke-ExoCommand (ConvertTo-HashTable tags a hashtable and every
// hashtable nested in it). The public captures are of top-level hashtables;
// none shows an array of them (New-DlpComplianceRule
// -ContentContainsSensitiveInformation is PswsHashtable[]), so every hashtable
// is tagged, at every depth, as ExoHelper does: a tag the binder does not
// need is harmless, a missing one is a binding error.
const HashtableType = "#Exchange.GenericHashTable"

// Hashtables returns v with "@odata.type": HashtableType added to every JSON
// object in it (v itself, array elements, nested values). v is not changed.
func Hashtables(v any) any {
	switch x := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(x)+1)
		for k, e := range x {
			out[k] = Hashtables(e)
		}
		out["@odata.type"] = HashtableType
		return out
	case []any:
		if x == nil {
			return x
		}
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = Hashtables(e)
		}
		return out
	}
	return v
}
