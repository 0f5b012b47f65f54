package teams_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/acctest"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/protoserver/equivtest"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/service/teams"
)

// The direct read (internal/protoserver) of every Teams policy type returns
// what the framework's ReadResource returns for the same state against the
// same tenant: the new state (the tenant's values; null for a policy the
// tenant does not have), private state and diagnostics. The states are the
// plan equivalence test's: Global, Microsoft's presets and custom policies
// the simulated tenant lacks, bare, with a profile and with an exception.
func TestAccTeams_directReadEqualsTheFrameworksRead(t *testing.T) {
	acctest.PreCheck(t)
	s := equivtest.New(t, acctest.Configure(context.Background(), t), teams.Resources())
	var kept, removed int
	for typeName, e := range teams.NoChangeCases(t) {
		for _, c := range e.Cases {
			s.ReadDirect(t, fmt.Sprintf("%s/%s", typeName, c.Name), typeName, e.Type, c.State, &kept, &removed)
		}
	}
	// Not vacuous: some states read the tenant's values, some find the policy gone.
	t.Logf("%d read back, %d removed", kept, removed)
	if kept < 10 || removed < 3 {
		t.Fatalf("%d states read back, %d removed", kept, removed)
	}
}
