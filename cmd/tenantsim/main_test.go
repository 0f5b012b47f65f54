package main

import (
	"strings"
	"testing"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/tenantsim"
)

func TestFaultFlag(t *testing.T) {
	var f faultFlags
	if err := f.Set(`{"surface":"graph","path_prefix":"/v1.0/identity/conditionalAccess/policies","kind":"rate","interval_ms":1000}`); err != nil {
		t.Fatal(err)
	}
	if len(f) != 1 || f[0].Kind != tenantsim.FaultRate || f[0].IntervalMs != 1000 {
		t.Errorf("parsed %+v", f)
	}
	for _, bad := range []string{
		`{"surface":"graph","kind":"rate"}`,                          // no interval
		`{"surface":"graph","kind":"rate","interval_ms":1000,"x":1}`, // unknown field
		`not json`,
	} {
		if err := f.Set(bad); err == nil {
			t.Errorf("accepted %s", bad)
		} else if !strings.Contains(err.Error(), "interval_ms") && !strings.Contains(err.Error(), "fault JSON") {
			t.Errorf("%s: unhelpful error %v", bad, err)
		}
	}
	if len(f) != 1 {
		t.Errorf("a refused flag was kept: %+v", f)
	}
}
