package importblock

import "testing"

func TestLabelsAndBlocks(t *testing.T) {
	items := []Item{
		{Resource: "teamshipaa_dlp_rule", Name: "PHI shared outside the organization", ID: "PHI shared outside the organization"},
		{Resource: "teamshipaa_dlp_rule", Name: "PHI -- shared outside, the organization!", ID: "other"},
		{Resource: "teamshipaa_meeting_policy", Name: "2024 Clinicians", ID: `Quote"d`},
		{Resource: "teamshipaa_meeting_policy", Name: "***", ID: "x"},
	}
	want := []string{"phi_shared_outside_the_organization", "phi_shared_outside_the_organization_2", "_2024_clinicians", "object"}
	got := Labels(items)
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("label %d: got %q, want %q", i, got[i], want[i])
		}
	}
	each, all := Blocks(items, func(i int) bool { return i == 3 })
	if each[2] != "import {\n  to = teamshipaa_meeting_policy._2024_clinicians\n  id = \"Quote\\\"d\"\n}\n" {
		t.Errorf("block: %q", each[2])
	}
	if want := each[0] + "\n" + each[1] + "\n" + each[2]; all != want {
		t.Errorf("all:\n%s\nwant:\n%s", all, want)
	}
}
