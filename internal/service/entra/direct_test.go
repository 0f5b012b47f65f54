package entra_test

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	sdkacctest "github.com/hashicorp/terraform-plugin-testing/helper/acctest"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/acctest"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/clients/graph"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/conns"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/protoserver/equivtest"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/service/baselinecheck"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/service/entra"
)

const caType = "teamshipaa_conditional_access_policy"

// caPolicies are conditional access policies of the shapes the bundled
// module and Microsoft's documentation examples give (grant, session and
// each condition; defaults as Graph returns them and not), several with
// a standing deviation from the baseline (an enabled policy that excludes
// no account: the checks judge it with a profile set).
func caPolicies() []*graph.ConditionalAccessPolicy {
	breakGlass := []string{"3f5b9a8e-2c1d-4e6f-8a7b-9c0d1e2f3a4b"}
	all := &graph.Applications{IncludeApplications: []string{"All"}}
	everyone := &graph.Users{IncludeUsers: []string{"All"}, ExcludeUsers: breakGlass}
	admins := &graph.Users{IncludeRoles: []string{"62e90394-69f5-4237-9190-012177145e10", "194ae4cb-b126-40b2-bd5b-6091b380977d"}, ExcludeUsers: breakGlass}
	four := int32(4)
	return []*graph.ConditionalAccessPolicy{
		{DisplayName: "Block legacy authentication", State: "enabledForReportingButNotEnforced",
			Conditions:    graph.Conditions{Users: everyone, Applications: all, ClientAppTypes: []string{"exchangeActiveSync", "other"}},
			GrantControls: &graph.GrantControls{Operator: "OR", BuiltInControls: []string{"block"}}},
		{DisplayName: "Require MFA for everyone", State: "enabled",
			Conditions:    graph.Conditions{Users: everyone, Applications: all, ClientAppTypes: []string{"all"}},
			GrantControls: &graph.GrantControls{Operator: "OR", BuiltInControls: []string{"mfa"}}},
		{DisplayName: "Phishing-resistant MFA for administrators", State: "enabled",
			Conditions:    graph.Conditions{Users: admins, Applications: all, ClientAppTypes: []string{"all"}},
			GrantControls: &graph.GrantControls{Operator: "OR", AuthenticationStrengthID: "00000000-0000-0000-0000-000000000004"},
			SessionControls: &graph.SessionControls{
				SignInFrequency:   &graph.SignInFrequency{Value: &four, Type: "hours", AuthenticationType: "primaryAndSecondaryAuthentication", FrequencyInterval: "timeBased", IsEnabled: true},
				PersistentBrowser: &graph.PersistentBrowser{Mode: "never", IsEnabled: true}}},
		{DisplayName: "MFA for guests", State: "enabledForReportingButNotEnforced",
			Conditions: graph.Conditions{Users: &graph.Users{IncludeGuestsOrExternalUsers: &graph.GuestsOrExternalUsers{
				Types: []string{"internalGuest", "b2bCollaborationGuest"}, MembershipKind: "all"}, ExcludeUsers: breakGlass}, Applications: all, ClientAppTypes: []string{"all"}},
			GrantControls: &graph.GrantControls{Operator: "OR", BuiltInControls: []string{"mfa"}}},
		{DisplayName: "Block device code flow", State: "enabled",
			Conditions:    graph.Conditions{Users: everyone, Applications: all, ClientAppTypes: []string{"all"}, TransferMethods: []string{"deviceCodeFlow"}},
			GrantControls: &graph.GrantControls{Operator: "OR", BuiltInControls: []string{"block"}}},
		{DisplayName: "Block high-risk sign-ins", State: "enabled",
			Conditions:    graph.Conditions{Users: everyone, Applications: all, ClientAppTypes: []string{"all"}, SignInRiskLevels: []string{"high"}},
			GrantControls: &graph.GrantControls{Operator: "OR", BuiltInControls: []string{"block"}}},
		{DisplayName: "Teams on phones only through protected apps", State: "enabled",
			Conditions: graph.Conditions{Users: everyone, Applications: &graph.Applications{IncludeApplications: []string{"cc15fd57-2c6c-4117-a88c-83b1d56b4bbe"}},
				ClientAppTypes: []string{"mobileAppsAndDesktopClients"}, Platforms: &graph.IncludeExclude{Include: []string{"iOS", "android"}}},
			GrantControls: &graph.GrantControls{Operator: "OR", BuiltInControls: []string{"compliantApplication"}}},
		// Microsoft's documentation example: AND of two controls, locations
		// and platforms, no exclusion (a standing deviation).
		{DisplayName: "Demo app for documentation", State: "enabled",
			Conditions: graph.Conditions{Users: &graph.Users{IncludeUsers: []string{"All"}, ExcludeGroups: []string{"f753047e-de31-4c74-a6fb-c38589047723"}},
				Applications:   &graph.Applications{IncludeApplications: []string{"All"}, ExcludeApplications: []string{"Office365"}},
				ClientAppTypes: []string{"mobileAppsAndDesktopClients", "browser"}, SignInRiskLevels: []string{"high", "medium"},
				Platforms: &graph.IncludeExclude{Include: []string{"all"}, Exclude: []string{"iOS", "windowsPhone"}},
				Locations: &graph.IncludeExclude{Include: []string{"AllTrusted"}, Exclude: []string{"b0d2c7d6-3a64-4d3b-9e7e-4c6b6b8f1c29"}}},
			GrantControls: &graph.GrantControls{Operator: "AND", BuiltInControls: []string{"mfa", "compliantDevice"}}},
		{DisplayName: "Session controls only", State: "enabledForReportingButNotEnforced",
			Conditions: graph.Conditions{Users: &graph.Users{IncludeGroups: []string{"f753047e-de31-4c74-a6fb-c38589047723"}}, Applications: all, ClientAppTypes: []string{"browser"}},
			SessionControls: &graph.SessionControls{CloudAppSecurity: &graph.CloudAppSecurity{Type: "monitorOnly", IsEnabled: true},
				PersistentBrowser: &graph.PersistentBrowser{Mode: "always", IsEnabled: false}}},
	}
}

// caCase is one state of a policy: bare, with the telehealth profile, or
// with an exception.
type caCase struct {
	name  string
	state tftypes.Value
}

func caCases(t *testing.T, ps []*graph.ConditionalAccessPolicy) []caCase {
	t.Helper()
	keys := baselinecheck.AllowedKeys(caType)
	var out []caCase
	for i, p := range ps {
		if p.ID == "" {
			p.ID = fmt.Sprintf("6b5e999b-0ba8-4186-a106-e0296c1c%04d", i)
		}
		out = append(out, caCase{p.DisplayName + "/bare", entra.CAPolicyState(t, p, "", nil)},
			caCase{p.DisplayName + "/telehealth", entra.CAPolicyState(t, p, "telehealth", nil)},
			caCase{p.DisplayName + "/exception", entra.CAPolicyState(t, p, "staff", map[string]string{keys[i%len(keys)]: "Recorded decision"})})
	}
	return out
}

// caDefaults are the attributes with a Default, which a configuration may
// leave out.
var caDefaults = []*tftypes.AttributePath{
	tftypes.NewAttributePath().WithAttributeName("conditions").WithAttributeName("client_app_types"),
	tftypes.NewAttributePath().WithAttributeName("grant_controls").WithAttributeName("operator"),
	tftypes.NewAttributePath().WithAttributeName("session_controls").WithAttributeName("sign_in_frequency").WithAttributeName("authentication_type"),
	tftypes.NewAttributePath().WithAttributeName("session_controls").WithAttributeName("sign_in_frequency").WithAttributeName("frequency_interval"),
	tftypes.NewAttributePath().WithAttributeName("session_controls").WithAttributeName("sign_in_frequency").WithAttributeName("is_enabled"),
	tftypes.NewAttributePath().WithAttributeName("session_controls").WithAttributeName("persistent_browser").WithAttributeName("is_enabled"),
	tftypes.NewAttributePath().WithAttributeName("session_controls").WithAttributeName("cloud_app_security").WithAttributeName("is_enabled"),
}

// nulled is v with the attributes at paths null.
func nulled(t *testing.T, v tftypes.Value, paths ...*tftypes.AttributePath) tftypes.Value {
	t.Helper()
	out, err := tftypes.Transform(v, func(p *tftypes.AttributePath, v tftypes.Value) (tftypes.Value, error) {
		for _, n := range paths {
			if p.Equal(n) {
				return tftypes.NewValue(v.Type(), nil), nil
			}
		}
		return v, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

var caID = tftypes.NewAttributePath().WithAttributeName("id")

// A no-change plan of a conditional access policy, in every baseline_checks
// mode, is answered by the protocol server with the framework's answer
// (planned state, private state, no replacement, the same baseline
// diagnostics with their paths), when the configuration sets every
// argument and when it leaves the defaulted ones out; a policy whose value
// differs from a default the configuration leaves out (the framework plans
// the default back), a create and a destroy go to the framework, with the
// same answer.
func TestCAPolicyPlanUnchangedEqualsTheFrameworksPlan(t *testing.T) {
	var count equivtest.Count
	var direct, framework int
	for _, mode := range []conns.BaselineChecks{conns.ChecksWarn, conns.ChecksErrorNew, conns.ChecksError, conns.ChecksOff} {
		s := equivtest.New(t, &conns.Client{BaselineChecks: mode}, []func() resource.Resource{entra.NewCAPolicyResource})
		typ := equivtest.SchemaType(t, entra.NewCAPolicyResource())
		for _, c := range caCases(t, caPolicies()) {
			t.Run(fmt.Sprintf("%s/%s", mode, c.name), func(t *testing.T) {
				resp, answered := s.Plan(t, caType, typ, c.state, c.state, nulled(t, c.state, caID))
				if !answered {
					t.Fatal("the protocol server left a no-change plan to the framework")
				}
				count.Add(resp)
				// Defaults left out: the framework's plan is unchanged
				// exactly when every default equals the state.
				resp, answered = s.Plan(t, caType, typ, c.state, c.state, nulled(t, c.state, append(caDefaults, caID)...))
				planned, err := resp.PlannedState.Unmarshal(typ)
				if err != nil {
					t.Fatal(err)
				}
				if answered != planned.Equal(c.state) {
					t.Fatalf("answered directly: %v; the framework's plan unchanged: %v", answered, planned.Equal(c.state))
				}
				if answered {
					direct++
				} else {
					framework++
				}
				if _, answered := s.Plan(t, caType, typ, tftypes.NewValue(typ, nil), nulled(t, c.state, caID), nulled(t, c.state, caID)); answered {
					t.Fatal("a create was answered directly")
				}
				if _, answered := s.Plan(t, caType, typ, c.state, tftypes.NewValue(typ, nil), tftypes.NewValue(typ, nil)); answered {
					t.Fatal("a destroy was answered directly")
				}
			})
		}
	}
	// Not vacuous: deviations are compared, and defaults both ways.
	t.Logf("%d warnings, %d errors; defaults left out: %d direct, %d to the framework", count.Warnings, count.Errors, direct, framework)
	if count.Warnings < 5 || count.Errors < 2 || direct < 10 || framework < 10 {
		t.Fatalf("%d warnings, %d errors, %d direct, %d to the framework", count.Warnings, count.Errors, direct, framework)
	}
}

// A stored state of a conditional access policy is decoded directly with
// the framework's answer: as Terraform writes it, with numbers as strings,
// and with an attribute an older version had; another version goes to the
// framework.
func TestCAPolicyUpgradeDirectEqualsTheFrameworks(t *testing.T) {
	s := equivtest.New(t, &conns.Client{}, []func() resource.Resource{entra.NewCAPolicyResource})
	typ := equivtest.SchemaType(t, entra.NewCAPolicyResource())
	var decoded int
	for _, c := range caCases(t, caPolicies()) {
		t.Run(c.name, func(t *testing.T) {
			for _, asStrings := range []bool{false, true} {
				if !s.Upgrade(t, caType, typ, 0, equivtest.StateJSON(t, c.state, asStrings)) {
					t.Fatal("the protocol server left a stored state to the framework")
				}
				decoded++
			}
			raw := equivtest.StateJSON(t, c.state, false)
			retired := append([]byte(`{"retired_argument":true,`), raw[1:]...)
			if !s.Upgrade(t, caType, typ, 0, retired) {
				t.Fatal("a state with a retired attribute was left to the framework")
			}
			if s.Upgrade(t, caType, typ, 1, raw) {
				t.Fatal("a state at another version was answered directly")
			}
		})
	}
	// Not vacuous: every case's state was decoded both ways.
	t.Logf("%d stored states decoded directly", decoded)
	if decoded < 40 {
		t.Fatalf("only %d stored states decoded directly", decoded)
	}
}

// The direct read of a conditional access policy returns what the
// framework's ReadResource returns against the same tenant: the tenant's
// values for policies it has (created here), and no state for one it does
// not have; with every baseline argument variant.
func TestAccCAPolicy_directReadEqualsTheFrameworksRead(t *testing.T) {
	acctest.PreCheck(t)
	ctx := context.Background()
	client := acctest.Configure(ctx, t)
	s := equivtest.New(t, client, []func() resource.Resource{entra.NewCAPolicyResource})
	typ := equivtest.SchemaType(t, entra.NewCAPolicyResource())
	var created []*graph.ConditionalAccessPolicy
	for _, p := range caPolicies() {
		p.DisplayName = sdkacctest.RandomWithPrefix("tfacc-direct") + " " + p.DisplayName
		if p.Conditions.Locations != nil {
			p.Conditions.Locations.Exclude = nil // the tenant has no such named location
		}
		got, err := client.Graph.CreatePolicy(ctx, p)
		if err != nil {
			t.Fatalf("creating %s: %v", p.DisplayName, err)
		}
		t.Cleanup(func() { _ = client.Graph.DeletePolicy(context.Background(), got.ID) })
		p.ID = got.ID
		created = append(created, p)
	}
	gone := caPolicies()[:2] // ids no tenant policy has
	var kept, removed int
	for _, c := range caCases(t, append(created, gone...)) {
		s.ReadDirect(t, c.name, caType, typ, c.state, &kept, &removed)
	}
	t.Logf("%d read back, %d removed", kept, removed)
	if kept < 20 || removed < 6 {
		t.Fatalf("%d states read back, %d removed", kept, removed)
	}
}

// The named location opts in to the direct read only: reads of applied
// states (an IP and a country location) and of one the tenant lacks, and
// their stored states, get the framework's answers; its plans stay with
// the framework (its kind plan modifiers are its own).
func TestAccNamedLocation_directReadEqualsTheFrameworksRead(t *testing.T) {
	acctest.PreCheck(t)
	ctx := context.Background()
	ex, err := os.ReadFile("../../../examples/resources/teamshipaa_named_location/resource.tf")
	if err != nil {
		t.Fatal(err)
	}
	config := strings.ReplaceAll(string(ex), `display_name = "`, `display_name = "`+sdkacctest.RandomWithPrefix("tfacc-direct")+` `)
	config = strings.ReplaceAll(config, `display_name          = "`, `display_name          = "`+sdkacctest.RandomWithPrefix("tfacc-direct")+` `)
	s := equivtest.New(t, acctest.Configure(ctx, t), entra.Resources())
	if why := s.PS.OptedIn(ctx)["teamshipaa_named_location"]; why != [2]string{"not opted in", ""} {
		t.Fatalf("opted in: %q", why)
	}
	a := equivtest.Apply(t, s, config, entra.Resources())
	if n := len(a.States["teamshipaa_named_location"]); n != 2 {
		t.Fatalf("%d named locations applied", n)
	}
	kept, removed := equivtest.ReadsAndUpgrades(t, s, a, "teamshipaa_named_location", "0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f")
	if kept < 2 || removed < 2 {
		t.Fatalf("%d read back, %d removed", kept, removed)
	}
}
