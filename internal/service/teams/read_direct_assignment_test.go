package teams_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tftypes"
	sdkacctest "github.com/hashicorp/terraform-plugin-testing/helper/acctest"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/acctest"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/protoserver/equivtest"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/service/teams"
)

// The policy assignment opts in to the direct read only (its ModifyPlan
// reads the tenant): reads of applied assignments (to a group with a rank,
// and the tenant's default) and of the assignment of a group the tenant has
// none for (removed from the state), and their stored states, get the
// framework's answers.
func TestAccPolicyAssignment_directReadEqualsTheFrameworksRead(t *testing.T) {
	acctest.PreCheck(t)
	ctx := context.Background()
	const typeName = "teamshipaa_policy_assignment"
	name := sdkacctest.RandomWithPrefix("tfacc-direct")
	s := equivtest.New(t, acctest.Configure(ctx, t), teams.Resources())
	if why := s.PS.OptedIn(ctx)[typeName]; why != [2]string{"not opted in", ""} {
		t.Fatalf("opted in: %q", why)
	}
	a := equivtest.Apply(t, s, fmt.Sprintf(`
resource "teamshipaa_enhanced_encryption_policy" "clinicians" {
  name                                       = %q
  calling_end_to_end_encryption_enabled_type = "DisabledUserOverride"
}

resource "teamshipaa_policy_assignment" "clinicians" {
  policy_type = "TeamsEnhancedEncryptionPolicy"
  policy_name = teamshipaa_enhanced_encryption_policy.clinicians.name
  group_id    = "3f6b2c1e-8d4a-4f0b-9e2d-7a1c5b6e8f90"
  rank        = 1
}

resource "teamshipaa_policy_assignment" "default_apps" {
  policy_type = "TeamsAppPermissionPolicy"
  policy_name = "Global"
}
`, name), teams.Resources())
	if n := len(a.States[typeName]); n != 2 {
		t.Fatalf("%d assignments applied", n)
	}
	kept, removed := equivtest.ReadsAndUpgrades(t, s, a, typeName, "")
	typ := a.Types[typeName]
	for i, state := range a.States[typeName] {
		var attrs map[string]tftypes.Value
		if err := state.As(&attrs); err != nil {
			t.Fatal(err)
		}
		if attrs["group_id"].IsNull() {
			continue
		}
		// The Read follows the id (<policy_type>/<group_id>): both name a group the tenant has no assignment for.
		const none = "9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a"
		var policyType string
		if err := attrs["policy_type"].As(&policyType); err != nil {
			t.Fatal(err)
		}
		gone := equivtest.With(t, state, map[string]tftypes.Value{
			"group_id": tftypes.NewValue(tftypes.String, none),
			"id":       tftypes.NewValue(tftypes.String, policyType+"/"+none),
		})
		s.ReadDirect(t, fmt.Sprintf("read/gone/%d", i), typeName, typ, gone, &kept, &removed)
	}
	t.Logf("%d read back, %d removed", kept, removed)
	if kept+removed < 5 || removed == 0 {
		t.Fatalf("%d read back, %d removed", kept, removed)
	}
}
