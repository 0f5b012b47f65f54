package adminapi

import (
	"encoding/json"
	"testing"
)

// The grouped ContentContainsSensitiveInformation of New-DlpComplianceRule.md
// (example 2: @{operator="And"; groups=@(@{name=...; operator="Or";
// sensitivetypes=@(@{name=...}, ...)})}): every hashtable, at every depth,
// carries the OData type; the caller's value is left as it was.
func TestHashtablesTagsEveryHashtable(t *testing.T) {
	in := []any{map[string]any{"operator": "And", "groups": []any{
		map[string]any{"name": "PII Identifiers", "operator": "Or", "sensitivetypes": []any{
			map[string]any{"name": "Drug Enforcement Agency (DEA) Number"},
			map[string]any{"name": "U.S. Social Security Number (SSN)", "mincount": "1"},
		}},
	}}}
	got, _ := json.Marshal(Hashtables(in))
	want := `[{"@odata.type":"#Exchange.GenericHashTable","groups":[{"@odata.type":"#Exchange.GenericHashTable","name":"PII Identifiers","operator":"Or",` +
		`"sensitivetypes":[{"@odata.type":"#Exchange.GenericHashTable","name":"Drug Enforcement Agency (DEA) Number"},` +
		`{"@odata.type":"#Exchange.GenericHashTable","mincount":"1","name":"U.S. Social Security Number (SSN)"}]}],"operator":"And"}]`
	if string(got) != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if _, tagged := in[0].(map[string]any)["@odata.type"]; tagged {
		t.Error("the input was changed")
	}
	if Hashtables([]any(nil)) != nil && Hashtables([]any(nil)).([]any) != nil {
		t.Error("a nil list must stay nil (JSON null)")
	}
}
