package teams

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/clients/configapi"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/conns"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/protoserver"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/service/baselinecheck"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/service/planned"
)

// teamsOnlyProvider serves the Teams resources with a fixed client, so the
// framework's server and the protocol server can be compared on the same
// resources without credentials.
type teamsOnlyProvider struct{ client *conns.Client }

func (p *teamsOnlyProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "teamshipaa"
}
func (p *teamsOnlyProvider) Schema(context.Context, provider.SchemaRequest, *provider.SchemaResponse) {
}
func (p *teamsOnlyProvider) Configure(_ context.Context, _ provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	resp.ResourceData = p.client
}
func (p *teamsOnlyProvider) Resources(context.Context) []func() resource.Resource { return Resources() }
func (p *teamsOnlyProvider) DataSources(context.Context) []func() datasource.DataSource {
	return nil
}

// planServers are the framework's server and the protocol server over the
// same client, both configured.
func planServers(t *testing.T, mode conns.BaselineChecks) (fw tfprotov6.ProviderServer, ps *protoserver.Server, client *conns.Client) {
	t.Helper()
	client = &conns.Client{BaselineChecks: mode}
	fw = providerserver.NewProtocol6(&teamsOnlyProvider{client: client})()
	ps = protoserver.New(&teamsOnlyProvider{client: client}, func() any { return client })
	empty, err := tfprotov6.NewDynamicValue(tftypes.Object{}, tftypes.NewValue(tftypes.Object{}, map[string]tftypes.Value{}))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []tfprotov6.ProviderServer{fw, ps} {
		resp, err := s.ConfigureProvider(context.Background(), &tfprotov6.ConfigureProviderRequest{Config: &empty})
		if err != nil || len(resp.Diagnostics) > 0 {
			t.Fatalf("configure: %v %v", err, resp.Diagnostics)
		}
	}
	return fw, ps, client
}

// policyCase is one no-change plan of a policy: its prior state (also the
// proposal) and its configuration.
type policyCase struct {
	name          string
	state, config tftypes.Value
}

// noChangeCases builds, from the type's real-shaped fixture, the states a
// no-change plan meets: every instance (Global, Microsoft's presets, custom
// ones: most hold standing deviations), each bare, with the telehealth
// profile, and with an exception; the configuration sets every other
// parameter and leaves the rest to the service (null).
func noChangeCases(t *testing.T, pt *PolicyType, typ tftypes.Object, fixture string) []policyCase {
	t.Helper()
	ctx := context.Background()
	var out []policyCase
	keys := baselinecheck.AllowedKeys("teamshipaa_" + pt.Resource)
	for i, obj := range readFixture(t, fixture) {
		id, _ := obj["Identity"].(string)
		vals := map[string]tftypes.Value{"id": tftypes.NewValue(tftypes.String, id)}
		if !pt.Singleton {
			vals["name"] = tftypes.NewValue(tftypes.String, nameOf(id))
			vals["adopt_existing"] = tftypes.NewValue(tftypes.Bool, nil)
		}
		var diags diag.Diagnostics
		paramValues(ctx, pt, configapi.Object(obj), vals, &diags)
		if diags.HasError() {
			t.Fatal(diags)
		}
		variants := []struct {
			name       string
			profile    any
			exceptions map[string]tftypes.Value
		}{{"bare", nil, nil}, {"telehealth", "telehealth", nil}}
		if len(keys) > 0 {
			variants = append(variants, struct {
				name       string
				profile    any
				exceptions map[string]tftypes.Value
			}{"exception", "staff", map[string]tftypes.Value{keys[i%len(keys)]: tftypes.NewValue(tftypes.String, "Recorded decision")}})
		}
		for _, v := range variants {
			state := map[string]tftypes.Value{}
			config := map[string]tftypes.Value{}
			n := 0
			for name, at := range typ.AttributeTypes {
				sv, ok := vals[name]
				if !ok {
					sv = tftypes.NewValue(at, nil)
				}
				switch name {
				case baselinecheck.ProfileAttr:
					sv = tftypes.NewValue(at, v.profile)
				case baselinecheck.ExceptionsAttr:
					if v.exceptions != nil {
						sv = tftypes.NewValue(at, v.exceptions)
					}
				}
				state[name] = sv
				// The configuration leaves id and every other parameter unset.
				cv := sv
				if name == "id" || (pt.hasParam(name) && n%2 == 1) {
					cv = tftypes.NewValue(at, nil)
				}
				if pt.hasParam(name) {
					n++
				}
				config[name] = cv
			}
			out = append(out, policyCase{name: fmt.Sprintf("%s/%s", id, v.name),
				state: tftypes.NewValue(typ, state), config: tftypes.NewValue(typ, config)})
		}
	}
	return out
}

func (pt *PolicyType) hasParam(attr string) bool {
	return slices.ContainsFunc(pt.Params, func(p Param) bool { return p.Attr == attr })
}

func policySchemaType(t *testing.T, pt *PolicyType) tftypes.Object {
	t.Helper()
	var resp resource.SchemaResponse
	newPolicyResource(pt)().Schema(context.Background(), resource.SchemaRequest{}, &resp)
	typ, ok := resp.Schema.Type().TerraformType(context.Background()).(tftypes.Object)
	if !ok {
		t.Fatal("not an object")
	}
	return typ
}

func planRequest(t *testing.T, pt *PolicyType, typ tftypes.Type, prior, proposed, config tftypes.Value) *tfprotov6.PlanResourceChangeRequest {
	t.Helper()
	dv := func(v tftypes.Value) *tfprotov6.DynamicValue {
		d, err := tfprotov6.NewDynamicValue(typ, v)
		if err != nil {
			t.Fatal(err)
		}
		return &d
	}
	return &tfprotov6.PlanResourceChangeRequest{TypeName: "teamshipaa_" + pt.Resource,
		PriorState: dv(prior), ProposedNewState: dv(proposed), Config: dv(config)}
}

// samePlan fails unless the two answers are the same plan: planned state,
// private state, requires-replace and diagnostics (in order, with paths).
func samePlan(t *testing.T, typ tftypes.Type, want, got *tfprotov6.PlanResourceChangeResponse) {
	t.Helper()
	wv, err := want.PlannedState.Unmarshal(typ)
	if err != nil {
		t.Fatal(err)
	}
	gv, err := got.PlannedState.Unmarshal(typ)
	if err != nil {
		t.Fatal(err)
	}
	if !wv.Equal(gv) {
		t.Errorf("planned state differs:\nframework %s\nprotoserver %s", wv, gv)
	}
	if string(want.PlannedPrivate) != string(got.PlannedPrivate) {
		t.Errorf("planned private: framework %q, protoserver %q", want.PlannedPrivate, got.PlannedPrivate)
	}
	if len(want.RequiresReplace) != len(got.RequiresReplace) || len(want.RequiresReplace) > 0 && !slices.EqualFunc(want.RequiresReplace, got.RequiresReplace,
		func(a, b *tftypes.AttributePath) bool { return a.Equal(b) }) {
		t.Errorf("requires replace: framework %v, protoserver %v", want.RequiresReplace, got.RequiresReplace)
	}
	if want.Deferred != nil || got.Deferred != nil || want.PlannedIdentity != nil || got.PlannedIdentity != nil {
		t.Errorf("deferred %v / %v, identity %v / %v", want.Deferred, got.Deferred, want.PlannedIdentity, got.PlannedIdentity)
	}
	if len(want.Diagnostics) != len(got.Diagnostics) {
		t.Errorf("framework: %d diagnostics, protoserver: %d\n%s\n---\n%s", len(want.Diagnostics), len(got.Diagnostics),
			diagText(want.Diagnostics), diagText(got.Diagnostics))
		return
	}
	for i, w := range want.Diagnostics {
		g := got.Diagnostics[i]
		if w.Severity != g.Severity || w.Summary != g.Summary || w.Detail != g.Detail ||
			(w.Attribute == nil) != (g.Attribute == nil) || w.Attribute != nil && !w.Attribute.Equal(g.Attribute) {
			t.Errorf("diagnostic %d differs:\nframework %s %q %v\n%s\nprotoserver %s %q %v\n%s", i,
				w.Severity, w.Summary, w.Attribute, w.Detail, g.Severity, g.Summary, g.Attribute, g.Detail)
		}
	}
}

func diagText(ds []*tfprotov6.Diagnostic) string {
	s := ""
	for _, d := range ds {
		s += fmt.Sprintf("%s %q %v\n", d.Severity, d.Summary, d.Attribute)
	}
	return s
}

// A no-change plan of every Teams policy type, in every baseline_checks
// mode, is answered by the protocol server without the framework, with the
// framework's answer: the same planned state and private state, no
// replacement, and the same baseline diagnostics (standing deviations
// still warn, or fail in mode error) with the same paths.
func TestPlanUnchangedEqualsTheFrameworksPlan(t *testing.T) {
	ctx := context.Background()
	var warnings, errors int
	for _, mode := range []conns.BaselineChecks{conns.ChecksWarn, conns.ChecksErrorNew, conns.ChecksError, conns.ChecksOff} {
		fw, ps, client := planServers(t, mode)
		for _, tf := range typeFixtures {
			pt := tf.pt
			typ := policySchemaType(t, pt)
			for _, c := range noChangeCases(t, pt, typ, tf.fixture) {
				t.Run(fmt.Sprintf("%s/%s/%s", mode, pt.Resource, c.name), func(t *testing.T) {
					req := planRequest(t, pt, typ, c.state, c.state, c.config)
					want, err := fw.PlanResourceChange(ctx, req)
					if err != nil {
						t.Fatal(err)
					}
					before := ps.Answered()
					got, err := ps.PlanResourceChange(ctx, req)
					if err != nil {
						t.Fatal(err)
					}
					if ps.Answered() != before+1 {
						t.Fatal("the protocol server left a no-change plan to the framework")
					}
					samePlan(t, typ, want, got)
					for _, d := range got.Diagnostics {
						switch d.Severity {
						case tfprotov6.DiagnosticSeverityWarning:
							warnings++
						case tfprotov6.DiagnosticSeverityError:
							errors++
						}
					}
					if !pt.Singleton {
						var name string
						if v, _, err := tftypes.WalkAttributePath(c.state, tftypes.NewAttributePath().WithAttributeName("name")); err == nil {
							_ = v.(tftypes.Value).As(&name)
						}
						if !planned.Has(client, pt.Type, name) {
							t.Errorf("%s %q is not noted as planned", pt.Type, name)
						}
					}
				})
			}
		}
	}
	// The comparison is not vacuous: the fixtures hold standing deviations.
	if warnings < 50 || errors < 10 {
		t.Fatalf("only %d warnings and %d errors compared", warnings, errors)
	}
}

// A plan that changes something, a drifted value (the prior state differs
// from the configuration), a create and a destroy go to the framework.
func TestPlanChangedGoesToTheFramework(t *testing.T) {
	ctx := context.Background()
	fw, ps, _ := planServers(t, conns.ChecksWarn)
	pt := &meetingPolicy
	typ := policySchemaType(t, pt)
	c := noChangeCases(t, pt, typ, "meeting_policy_list.json")[0]
	var prior map[string]tftypes.Value
	if err := c.state.As(&prior); err != nil {
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
	if err := c.config.As(&cfg); err != nil {
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
		{"create", null, c.config, c.config, false, false},
		{"destroy", c.state, null, null, false, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req := planRequest(t, pt, typ, tc.prior, tc.proposed, tc.config)
			want, err := fw.PlanResourceChange(ctx, req)
			if err != nil {
				t.Fatal(err)
			}
			before := ps.Answered()
			got, err := ps.PlanResourceChange(ctx, req)
			if err != nil {
				t.Fatal(err)
			}
			if ps.Answered() != before {
				t.Fatal("the protocol server answered a plan that is not a no-change plan")
			}
			samePlan(t, typ, want, got)
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
	_, ps, _ := planServers(t, conns.ChecksWarn)
	got := ps.OptedIn(context.Background())
	for _, pt := range policyTypes {
		why, ok := got["teamshipaa_"+pt.Resource]
		if !ok || why != [2]string{} {
			t.Errorf("teamshipaa_%s: opted in %v, plans and reads kept out because %q", pt.Resource, ok, why)
		}
	}
	if why := got["teamshipaa_policy_assignment"]; why != [2]string{"not opted in", ""} {
		t.Errorf("the policy assignment opts in to reads only (its ModifyPlan reads the tenant): %q", why)
	}
}
