package teams_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/acctest"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/protoserver"
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
	ctx := context.Background()
	client := acctest.Configure(ctx, t)
	fw := providerserver.NewProtocol6(teams.TeamsOnlyProvider(client))()
	ps := protoserver.New(teams.TeamsOnlyProvider(client), func() any { return client })
	empty, err := tfprotov6.NewDynamicValue(tftypes.Object{}, tftypes.NewValue(tftypes.Object{}, map[string]tftypes.Value{}))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []tfprotov6.ProviderServer{fw, ps} {
		if resp, err := s.ConfigureProvider(ctx, &tfprotov6.ConfigureProviderRequest{Config: &empty}); err != nil || len(resp.Diagnostics) > 0 {
			t.Fatalf("configure: %v %v", err, resp.Diagnostics)
		}
	}
	var kept, removed int
	for typeName, e := range teams.NoChangeCases(t) {
		for _, c := range e.Cases {
			t.Run(fmt.Sprintf("%s/%s", typeName, c.Name), func(t *testing.T) {
				dv, err := tfprotov6.NewDynamicValue(e.Type, c.State)
				if err != nil {
					t.Fatal(err)
				}
				req := &tfprotov6.ReadResourceRequest{TypeName: typeName, CurrentState: &dv}
				want, err := fw.ReadResource(ctx, req)
				if err != nil {
					t.Fatal(err)
				}
				before := ps.Answered()
				got, err := ps.ReadResource(ctx, req)
				if err != nil {
					t.Fatal(err)
				}
				if ps.Answered() != before+1 {
					t.Fatal("the protocol server left the read to the framework")
				}
				wv, err := want.NewState.Unmarshal(e.Type)
				if err != nil {
					t.Fatal(err)
				}
				gv, err := got.NewState.Unmarshal(e.Type)
				if err != nil {
					t.Fatal(err)
				}
				if !wv.Equal(gv) {
					t.Errorf("new state differs:\nframework   %s\nprotoserver %s", wv, gv)
				}
				if wv.IsNull() {
					removed++
				} else {
					kept++
				}
				if string(want.Private) != string(got.Private) || want.Deferred != nil || got.Deferred != nil || want.NewIdentity != nil || got.NewIdentity != nil {
					t.Errorf("private %q / %q, deferred %v / %v, identity %v / %v", want.Private, got.Private, want.Deferred, got.Deferred,
						want.NewIdentity, got.NewIdentity)
				}
				if len(want.Diagnostics) != len(got.Diagnostics) {
					t.Fatalf("diagnostics: framework %v, protoserver %v", want.Diagnostics, got.Diagnostics)
				}
				for i, w := range want.Diagnostics {
					g := got.Diagnostics[i]
					if w.Severity != g.Severity || w.Summary != g.Summary || w.Detail != g.Detail ||
						(w.Attribute == nil) != (g.Attribute == nil) || w.Attribute != nil && !w.Attribute.Equal(g.Attribute) {
						t.Errorf("diagnostic %d: framework %v, protoserver %v", i, w, g)
					}
				}
			})
		}
	}
	// Not vacuous: some states read the tenant's values, some find the policy gone.
	t.Logf("%d read back, %d removed", kept, removed)
	if kept < 10 || removed < 3 {
		t.Fatalf("%d states read back, %d removed", kept, removed)
	}
}
