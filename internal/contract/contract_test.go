package contract

import (
	"strings"
	"testing"
)

var table = Table{
	{Service: "S", Method: "GET", Path: "/Skype.Policy/configurations/{Type}/configuration/{Identity}"},
	{Service: "S", Method: "PATCH", Path: "/items/{id}", Body: []string{"PolicyName", "Rank"}},
	{Service: "S", Method: "POST", Path: "/items", Body: []string{"Identity"}, OpenBody: "the type's parameters"},
	{Service: "S", Method: "POST", Path: "/invoke", Cmdlet: "Get-Thing", Body: []string{"Identity"}},
}

func TestFindMatchesTemplatesAndRefusesTheRest(t *testing.T) {
	for _, tc := range []struct {
		method, path string
		want         int // index in table, -1: undeclared
	}{
		{"GET", "/Skype.Policy/configurations/TeamsMeetingPolicy/configuration/Tag%3AClinicians", 0},
		{"get", "/skype.policy/Configurations/T/configuration/Global?x=1", 0},   // method and literal segments ignore case; query ignored
		{"GET", "/Skype.Policy/configurations/T", -1},                           // too short
		{"GET", "/Skype.Policy/configurations/T/configuration/Global/more", -1}, // too long
		{"DELETE", "/Skype.Policy/configurations/T/configuration/Global", -1},   // other method
		{"PATCH", "/items/", -1}, // empty placeholder
		{"POST", "/invoke", -1},  // a cmdlet row is found by Cmdlet, not by path
	} {
		op, err := table.Find("S", tc.method, tc.path)
		if tc.want < 0 {
			if err == nil || !strings.Contains(err.Error(), "not a declared operation") || !strings.Contains(err.Error(), "contract.go") {
				t.Errorf("%s %s: got %v, %v; want an undeclared-operation error", tc.method, tc.path, op, err)
			}
			continue
		}
		if err != nil || op != table[tc.want] {
			t.Errorf("%s %s: got %v, %v; want row %d", tc.method, tc.path, op, err, tc.want)
		}
	}
}

func TestCheckBodyRefusesUndeclaredFieldsUnlessOpen(t *testing.T) {
	if err := table[1].CheckBody([]string{"policyName", "Rank"}); err != nil {
		t.Errorf("declared fields (any case): %v", err)
	}
	err := table[1].CheckBody([]string{"PolicyName", "Priority"})
	if err == nil || !strings.Contains(err.Error(), `"Priority"`) {
		t.Errorf("undeclared field: %v", err)
	}
	if err := table[2].CheckBody([]string{"Identity", "AllowCloudRecording"}); err != nil {
		t.Errorf("open body: %v", err)
	}
}

func TestCmdletLookup(t *testing.T) {
	if op, err := table.Cmdlet("get-thing"); err != nil || op != table[3] {
		t.Errorf("declared cmdlet: %v, %v", op, err)
	}
	if _, err := table.Cmdlet("Remove-Thing"); err == nil || !strings.Contains(err.Error(), "Remove-Thing") {
		t.Errorf("undeclared cmdlet: %v", err)
	}
	if err := table[3].CheckBody([]string{"Identity", "Force"}); err == nil || !strings.Contains(err.Error(), "Get-Thing") {
		t.Errorf("undeclared parameter: %v", err)
	}
}
