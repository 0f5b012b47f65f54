package planned

import "testing"

func TestNoteHas(t *testing.T) {
	a, b := new(int), new(int)
	Note(a, "TeamsMeetingPolicy", "Clinicians")
	if !Has(a, "TeamsMeetingPolicy", "clinicians") {
		t.Error("a noted name is found, ignoring case")
	}
	if Has(a, "TeamsMessagingPolicy", "Clinicians") || Has(b, "TeamsMeetingPolicy", "Clinicians") {
		t.Error("names are per kind and per client")
	}
}
