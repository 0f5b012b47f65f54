package clouds

import "testing"

// The DoD values settled in clouds.go, against their sources.
func TestDoDHostsAndAudiences(t *testing.T) {
	c, ok := Lookup("dod")
	if !ok {
		t.Fatal("no dod cloud")
	}
	for s, want := range map[Surface]string{
		Exchange:   "https://outlook-dod.office365.us",                 // ScubaGear, Microsoft365DSC, EXO module
		Compliance: "https://l5.ps.compliance.protection.office365.us", // Connect-IPPSSession docs for DoD
	} {
		if got := c.Endpoints[s]; got != want {
			t.Errorf("%s endpoint %s, want %s", s, got, want)
		}
	}
	for s, want := range map[Surface]string{
		Exchange:   "https://outlook-dod.office365.us",
		Compliance: "https://ps.compliance.protection.office365.us", // ScubaGear Get-ComplianceScope "dod"
	} {
		if got := c.Audiences[s]; got != want {
			t.Errorf("%s audience %s, want %s", s, got, want)
		}
	}
}
