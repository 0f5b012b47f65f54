package entra

import (
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/clients/graph"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/flex"
)

func strSet(vs ...string) types.Set {
	if vs == nil {
		return types.SetNull(types.StringType)
	}
	el := make([]attr.Value, len(vs))
	for i, v := range vs {
		el[i] = types.StringValue(v)
	}
	return types.SetValueMust(types.StringType, el)
}

func allUsersPolicy(state string, controls ...string) *caPolicyModel {
	return &caPolicyModel{
		State: types.StringValue(state), AllowTenantLockoutRisk: types.BoolNull(),
		Conditions: &caConditions{
			Users:        &caUsers{IncludeUsers: strSet("All"), ExcludeUsers: strSet(), ExcludeGroups: strSet(), IncludeGroups: strSet(), IncludeRoles: strSet()},
			Applications: &caApplications{IncludeApplications: strSet("All"), IncludeUserActions: strSet(), ExcludeApplications: strSet()},
		},
		GrantControls: &caGrantControls{Operator: types.StringValue("OR"), BuiltInControls: strSet(controls...),
			AuthenticationStrengthID: types.StringNull(), TermsOfUse: strSet()},
	}
}

func TestLockoutRefusalAndWarnings(t *testing.T) {
	for _, tc := range []struct {
		name         string
		m            *caPolicyModel
		err, warn    string
		allowLockout bool
	}{
		{name: "enabled block all", m: allUsersPolicy("enabled", "block"), err: "lock everyone out"},
		{name: "block allowed", m: allUsersPolicy("enabled", "block"), allowLockout: true, warn: "Tenant lockout risk accepted"},
		{name: "report-only block", m: allUsersPolicy("enabledForReportingButNotEnforced", "block")},
		{name: "enabled mfa all", m: allUsersPolicy("enabled", "mfa"), warn: "emergency-access (break-glass)"},
		{name: "unknown exclusion counts as one", m: func() *caPolicyModel {
			m := allUsersPolicy("enabled", "block")
			m.Conditions.Users.ExcludeGroups = types.SetUnknown(types.StringType)
			return m
		}()},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.allowLockout {
				tc.m.AllowTenantLockoutRisk = types.BoolValue(true)
			}
			var d diag.Diagnostics
			validatePolicy(tc.m, &d)
			var errs, warns []string
			for _, x := range d {
				if x.Severity() == diag.SeverityError {
					errs = append(errs, x.Summary()+": "+x.Detail())
				} else {
					warns = append(warns, x.Summary()+": "+x.Detail())
				}
			}
			if got := strings.Join(errs, "\n"); (tc.err == "") != (got == "") || !strings.Contains(got, tc.err) {
				t.Errorf("errors %q, want %q", got, tc.err)
			}
			if got := strings.Join(warns, "\n"); (tc.warn == "") != (got == "") || !strings.Contains(got, tc.warn) {
				t.Errorf("warnings %q, want %q", got, tc.warn)
			}
		})
	}
}

// azuread #1150: the service may answer a session-only policy with an empty
// grantControls object; that is no grant controls, not an empty block.
func TestEmptyGrantControlsReadAsNull(t *testing.T) {
	p := &graph.ConditionalAccessPolicy{ID: "p", DisplayName: "x", State: "enabled",
		Conditions:      graph.Conditions{Users: &graph.Users{IncludeUsers: []string{"All"}, ExcludeUsers: []string{}}, Applications: &graph.Applications{IncludeApplications: []string{"All"}}},
		GrantControls:   &graph.GrantControls{Operator: "OR", BuiltInControls: []string{}, TermsOfUse: []string{}},
		SessionControls: &graph.SessionControls{SignInFrequency: &graph.SignInFrequency{FrequencyInterval: "everyTime", IsEnabled: true}}}
	st := policyState(p, nil)
	if st.GrantControls != nil {
		t.Errorf("grant_controls %+v, want null", st.GrantControls)
	}
	if !st.Conditions.Users.ExcludeUsers.IsNull() || !st.Conditions.Users.IncludeGroups.IsNull() {
		t.Error("empty lists must read as null sets")
	}
	if st.Conditions.ClientAppTypes.IsNull() || len(st.Conditions.ClientAppTypes.Elements()) != 1 {
		t.Errorf("client_app_types %v, want [all]", st.Conditions.ClientAppTypes)
	}
	sif := st.SessionControls.SignInFrequency
	if !sif.Value.IsNull() || !sif.Type.IsNull() || sif.AuthenticationType.ValueString() != defaultAuthenticationType {
		t.Errorf("sign_in_frequency %+v", sif)
	}
	want := *p
	want.GrantControls = nil
	if !policyMatches(&want, p) {
		t.Error("a written policy without grant controls must match a read-back with an empty grantControls object")
	}
}

func TestSetFromKeepsPriorSpelling(t *testing.T) {
	got := flex.FlattenStringSet([]string{"abcdef01-0000-0000-0000-00000000000a"}, strSet("ABCDEF01-0000-0000-0000-00000000000A"))
	if got.Elements()[0].(types.String).ValueString() != "ABCDEF01-0000-0000-0000-00000000000A" {
		t.Errorf("got %v", got)
	}
}

// Combinations no Microsoft document forbids are left to the service: the
// plan-time rules do not refuse them (they once did, without a source).
func TestValidatePolicy_undocumentedCombinationsAreLeftToTheService(t *testing.T) {
	for name, edit := range map[string]func(m *caPolicyModel){
		"All with a user id": func(m *caPolicyModel) {
			m.Conditions.Users.IncludeUsers = strSet("All", "11111111-1111-1111-1111-111111111111")
		},
		"all with another client app": func(m *caPolicyModel) { m.Conditions.ClientAppTypes = strSet("all", "browser") },
		"excluding all platforms": func(m *caPolicyModel) {
			m.Conditions.Platforms = &caPlatforms{IncludePlatforms: strSet("all"), ExcludePlatforms: strSet("all")}
		},
		"excluding All locations": func(m *caPolicyModel) {
			m.Conditions.Locations = &caLocations{IncludeLocations: strSet("All"), ExcludeLocations: strSet("All")}
		},
		"excluded apps with user actions": func(m *caPolicyModel) {
			m.Conditions.Applications = &caApplications{IncludeApplications: strSet(), IncludeUserActions: strSet("urn:user:registersecurityinfo"),
				ExcludeApplications: strSet("00000003-0000-0ff1-ce00-000000000000")}
		},
	} {
		t.Run(name, func(t *testing.T) {
			m := allUsersPolicy("enabledForReportingButNotEnforced", "mfa")
			m.Conditions.ClientAppTypes = strSet("all")
			edit(m)
			var d diag.Diagnostics
			validatePolicy(m, &d)
			if d.HasError() {
				t.Errorf("refused: %v", d)
			}
		})
	}
}
