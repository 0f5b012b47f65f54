package teams_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/conns"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/protoserver/equivtest"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/service/planned"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/service/teams"
)

// A no-change plan of every Teams policy type, in every baseline_checks
// mode, is answered by the protocol server without the framework, with the
// framework's answer: the same planned state and private state, no
// replacement, and the same baseline diagnostics (standing deviations
// still warn, or fail in mode error) with the same paths.
func TestPlanUnchangedEqualsTheFrameworksPlan(t *testing.T) {
	var count equivtest.Count
	for _, mode := range []conns.BaselineChecks{conns.ChecksWarn, conns.ChecksErrorNew, conns.ChecksError, conns.ChecksOff} {
		client := &conns.Client{BaselineChecks: mode}
		s := equivtest.New(t, client, teams.Resources())
		for typeName, e := range teams.NoChangeCases(t) {
			for _, c := range e.Cases {
				t.Run(fmt.Sprintf("%s/%s/%s", mode, strings.TrimPrefix(typeName, "teamshipaa_"), c.Name), func(t *testing.T) {
					resp, answered := s.Plan(t, typeName, e.Type, c.State, c.State, c.Config)
					if !answered {
						t.Fatal("the protocol server left a no-change plan to the framework")
					}
					count.Add(resp)
					if !e.Singleton {
						var name string
						if v, _, err := tftypes.WalkAttributePath(c.State, tftypes.NewAttributePath().WithAttributeName("name")); err == nil {
							_ = v.(tftypes.Value).As(&name)
						}
						if !planned.Has(client, e.ConfigType, name) {
							t.Errorf("%s %q is not noted as planned", e.ConfigType, name)
						}
					}
				})
			}
		}
	}
	// The comparison is not vacuous: the fixtures hold standing deviations.
	t.Logf("%d warnings, %d errors compared", count.Warnings, count.Errors)
	if count.Warnings < 50 || count.Errors < 10 {
		t.Fatalf("only %d warnings and %d errors compared", count.Warnings, count.Errors)
	}
}

// A plan that changes something, a drifted value (the prior state differs
// from the configuration), a create and a destroy go to the framework.
func TestPlanChangedGoesToTheFramework(t *testing.T) {
	const typeName = "teamshipaa_meeting_policy"
	s := equivtest.New(t, &conns.Client{BaselineChecks: conns.ChecksWarn}, teams.Resources())
	e := teams.NoChangeCases(t)[typeName]
	typ := e.Type
	c := e.Cases[0]
	var prior map[string]tftypes.Value
	if err := c.State.As(&prior); err != nil {
		t.Fatal(err)
	}
	// Drift: the tenant's lobby setting moved; the configuration still says
	// what the state held before, so Terraform proposes an update.
	drifted := map[string]tftypes.Value{}
	for k, v := range prior {
		drifted[k] = v
	}
	drifted["auto_admitted_users"] = tftypes.NewValue(tftypes.String, "Everyone")
	configured := map[string]tftypes.Value{}
	var cfg map[string]tftypes.Value
	if err := c.Config.As(&cfg); err != nil {
		t.Fatal(err)
	}
	for k, v := range cfg {
		configured[k] = v
	}
	configured["auto_admitted_users"] = tftypes.NewValue(tftypes.String, "EveryoneInCompanyExcludingGuests")
	proposed := tftypes.NewValue(typ, prior)
	proposed, err := tftypes.Transform(proposed, func(p *tftypes.AttributePath, v tftypes.Value) (tftypes.Value, error) {
		if p.Equal(tftypes.NewAttributePath().WithAttributeName("auto_admitted_users")) {
			return tftypes.NewValue(tftypes.String, "EveryoneInCompanyExcludingGuests"), nil
		}
		return v, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	null := tftypes.NewValue(typ, nil)
	for _, tc := range []struct {
		name                      string
		prior, proposed, config   tftypes.Value
		wantUpdate, wantDestroyed bool
	}{
		{"drift", tftypes.NewValue(typ, drifted), proposed, tftypes.NewValue(typ, configured), true, false},
		{"create", null, c.Config, c.Config, false, false},
		{"destroy", c.State, null, null, false, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, answered := s.Plan(t, typeName, typ, tc.prior, tc.proposed, tc.config)
			if answered {
				t.Fatal("the protocol server answered a plan that is not a no-change plan")
			}
			pv, err := got.PlannedState.Unmarshal(typ)
			if err != nil {
				t.Fatal(err)
			}
			if tc.wantDestroyed != pv.IsNull() {
				t.Fatalf("planned %s", pv)
			}
			if tc.wantUpdate {
				v, _, err := tftypes.WalkAttributePath(pv, tftypes.NewAttributePath().WithAttributeName("auto_admitted_users"))
				if err != nil || !v.(tftypes.Value).Equal(tftypes.NewValue(tftypes.String, "EveryoneInCompanyExcludingGuests")) {
					t.Fatalf("the drifted value is not planned back: %v %v", v, err)
				}
			}
		})
	}
}

// Every Teams policy type opts in to both shortcuts, and the assignment
// (whose ModifyPlan reads the tenant) to reads only.
func TestTeamsPoliciesOptIn(t *testing.T) {
	s := equivtest.New(t, &conns.Client{BaselineChecks: conns.ChecksWarn}, teams.Resources())
	got := s.PS.OptedIn(context.Background())
	for _, typeName := range teams.ResourceTypes() {
		why, ok := got[typeName]
		if !ok || why != [2]string{} {
			t.Errorf("%s: opted in %v, plans and reads kept out because %q", typeName, ok, why)
		}
	}
	if why := got["teamshipaa_policy_assignment"]; why != [2]string{"not opted in", ""} {
		t.Errorf("the policy assignment opts in to reads only (its ModifyPlan reads the tenant): %q", why)
	}
}
