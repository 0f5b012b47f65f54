package teams_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/conns"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/protoserver/equivtest"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/service/teams"
)

// The direct decoding of a stored state (internal/protoserver upgrade.go)
// gives the framework's UpgradeResourceState answer for every Teams policy
// type's states: as Terraform writes them, with an attribute an older
// provider version had, and with numbers stored as strings. A state at
// another version, and one tftypes refuses, go to the framework.
func TestUpgradeDirectEqualsTheFrameworks(t *testing.T) {
	s := equivtest.New(t, &conns.Client{BaselineChecks: conns.ChecksWarn}, teams.Resources())
	compare := func(t *testing.T, typeName string, typ tftypes.Type, version int64, raw []byte, direct bool) {
		t.Helper()
		if answered := s.Upgrade(t, typeName, typ, version, raw); answered != direct {
			t.Fatalf("answered directly: %v, want %v", answered, direct)
		}
	}
	var decoded int
	for typeName, e := range teams.NoChangeCases(t) {
		resource := strings.TrimPrefix(typeName, "teamshipaa_")
		for _, c := range e.Cases {
			for _, v := range []struct {
				name             string
				numbersAsStrings bool
				extra            bool
			}{{"as stored", false, false}, {"retired attribute", false, true}, {"numbers as strings", true, false}} {
				t.Run(fmt.Sprintf("%s/%s/%s", resource, c.Name, v.name), func(t *testing.T) {
					raw := equivtest.StateJSON(t, c.State, v.numbersAsStrings)
					if v.extra {
						raw = append([]byte(`{"allow_retired_feature":true,`), raw[1:]...)
					}
					compare(t, typeName, e.Type, 0, raw, true)
					decoded++
				})
			}
		}
		t.Run(resource+"/other version or refused", func(t *testing.T) {
			compare(t, typeName, e.Type, 1, equivtest.StateJSON(t, e.Cases[0].State, false), false)
			compare(t, typeName, e.Type, 0, []byte(`{"id": {"not": "a string"}}`), false)
		})
	}
	// Not vacuous: every type's states were decoded, each three ways.
	t.Logf("%d stored states decoded directly", decoded)
	if decoded < 100 {
		t.Fatalf("only %d stored states decoded directly", decoded)
	}
}
