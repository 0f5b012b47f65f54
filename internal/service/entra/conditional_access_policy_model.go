package entra

import (
	"cmp"
	"context"
	"reflect"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/clients/graph"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/flex"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/service/baselinecheck"
)

// The Terraform model of a conditional access policy. Nested objects are
// pointers: nil is an absent (null) object.

type caPolicyModel struct {
	ID                     types.String     `tfsdk:"id"`
	DisplayName            types.String     `tfsdk:"display_name"`
	State                  types.String     `tfsdk:"state"`
	AllowTenantLockoutRisk types.Bool       `tfsdk:"allow_tenant_lockout_risk"`
	Conditions             *caConditions    `tfsdk:"conditions"`
	GrantControls          *caGrantControls `tfsdk:"grant_controls"`
	SessionControls        *caSession       `tfsdk:"session_controls"`
	Timeouts               timeouts.Value   `tfsdk:"timeouts"`
	AdoptExisting          types.Bool       `tfsdk:"adopt_existing"`
	baselinecheck.Args
}

type caConditions struct {
	Users               *caUsers        `tfsdk:"users"`
	Applications        *caApplications `tfsdk:"applications"`
	ClientAppTypes      types.Set       `tfsdk:"client_app_types"`
	Platforms           *caPlatforms    `tfsdk:"platforms"`
	Locations           *caLocations    `tfsdk:"locations"`
	SignInRiskLevels    types.Set       `tfsdk:"sign_in_risk_levels"`
	UserRiskLevels      types.Set       `tfsdk:"user_risk_levels"`
	AuthenticationFlows *caAuthFlows    `tfsdk:"authentication_flows"`
}

type caUsers struct {
	IncludeUsers                 types.Set `tfsdk:"include_users"`
	ExcludeUsers                 types.Set `tfsdk:"exclude_users"`
	IncludeGroups                types.Set `tfsdk:"include_groups"`
	ExcludeGroups                types.Set `tfsdk:"exclude_groups"`
	IncludeRoles                 types.Set `tfsdk:"include_roles"`
	ExcludeRoles                 types.Set `tfsdk:"exclude_roles"`
	IncludeGuestsOrExternalUsers *caGuests `tfsdk:"include_guests_or_external_users"`
	ExcludeGuestsOrExternalUsers *caGuests `tfsdk:"exclude_guests_or_external_users"`
}

type caGuests struct {
	GuestOrExternalUserTypes      types.Set    `tfsdk:"guest_or_external_user_types"`
	ExternalTenantsMembershipKind types.String `tfsdk:"external_tenants_membership_kind"`
	ExternalTenantIDs             types.Set    `tfsdk:"external_tenant_ids"`
}

type caApplications struct {
	IncludeApplications types.Set `tfsdk:"include_applications"`
	ExcludeApplications types.Set `tfsdk:"exclude_applications"`
	IncludeUserActions  types.Set `tfsdk:"include_user_actions"`
}

type caPlatforms struct {
	IncludePlatforms types.Set `tfsdk:"include_platforms"`
	ExcludePlatforms types.Set `tfsdk:"exclude_platforms"`
}

type caLocations struct {
	IncludeLocations types.Set `tfsdk:"include_locations"`
	ExcludeLocations types.Set `tfsdk:"exclude_locations"`
}

type caAuthFlows struct {
	TransferMethods types.Set `tfsdk:"transfer_methods"`
}

type caGrantControls struct {
	Operator                 types.String `tfsdk:"operator"`
	BuiltInControls          types.Set    `tfsdk:"built_in_controls"`
	AuthenticationStrengthID types.String `tfsdk:"authentication_strength_id"`
	TermsOfUse               types.Set    `tfsdk:"terms_of_use"`
}

type caSession struct {
	SignInFrequency                        *caSignInFrequency   `tfsdk:"sign_in_frequency"`
	PersistentBrowser                      *caPersistentBrowser `tfsdk:"persistent_browser"`
	ApplicationEnforcedRestrictionsEnabled types.Bool           `tfsdk:"application_enforced_restrictions_enabled"`
	CloudAppSecurity                       *caCloudAppSecurity  `tfsdk:"cloud_app_security"`
}

type caSignInFrequency struct {
	Value              types.Int64  `tfsdk:"value"`
	Type               types.String `tfsdk:"type"`
	AuthenticationType types.String `tfsdk:"authentication_type"`
	FrequencyInterval  types.String `tfsdk:"frequency_interval"`
	IsEnabled          types.Bool   `tfsdk:"is_enabled"`
}

type caPersistentBrowser struct {
	Mode      types.String `tfsdk:"mode"`
	IsEnabled types.Bool   `tfsdk:"is_enabled"`
}

type caCloudAppSecurity struct {
	CloudAppSecurityType types.String `tfsdk:"cloud_app_security_type"`
	IsEnabled            types.Bool   `tfsdk:"is_enabled"`
}

// Defaults the schema plans when the configuration leaves these out; a read
// that finds the service's field empty reports the same value.
const (
	defaultOperator           = "OR"
	defaultAuthenticationType = "primaryAndSecondaryAuthentication"
	defaultFrequencyInterval  = "timeBased"
	defaultClientAppType      = "all"
)

// boolOrTrue reads an isEnabled flag: Graph's session controls are on unless
// switched off, so unset means true.
func boolOrTrue(v types.Bool) bool {
	if v.IsNull() || v.IsUnknown() {
		return true
	}
	return v.ValueBool()
}

// toAPI converts a known plan into the client's policy.
func (m *caPolicyModel) toAPI(ctx context.Context, diags *diag.Diagnostics) *graph.ConditionalAccessPolicy {
	p := &graph.ConditionalAccessPolicy{DisplayName: m.DisplayName.ValueString(), State: m.State.ValueString()}
	if c := m.Conditions; c != nil {
		if u := c.Users; u != nil {
			p.Conditions.Users = &graph.Users{
				IncludeUsers: flex.ExpandStringSet(ctx, u.IncludeUsers, diags), ExcludeUsers: flex.ExpandStringSet(ctx, u.ExcludeUsers, diags),
				IncludeGroups: flex.ExpandStringSet(ctx, u.IncludeGroups, diags), ExcludeGroups: flex.ExpandStringSet(ctx, u.ExcludeGroups, diags),
				IncludeRoles: flex.ExpandStringSet(ctx, u.IncludeRoles, diags), ExcludeRoles: flex.ExpandStringSet(ctx, u.ExcludeRoles, diags),
				IncludeGuestsOrExternalUsers: guestsToAPI(ctx, u.IncludeGuestsOrExternalUsers, diags),
				ExcludeGuestsOrExternalUsers: guestsToAPI(ctx, u.ExcludeGuestsOrExternalUsers, diags),
			}
		}
		if a := c.Applications; a != nil {
			p.Conditions.Applications = &graph.Applications{
				IncludeApplications: flex.ExpandStringSet(ctx, a.IncludeApplications, diags),
				ExcludeApplications: flex.ExpandStringSet(ctx, a.ExcludeApplications, diags),
				IncludeUserActions:  flex.ExpandStringSet(ctx, a.IncludeUserActions, diags),
			}
		}
		p.Conditions.ClientAppTypes = flex.ExpandStringSet(ctx, c.ClientAppTypes, diags)
		if pl := c.Platforms; pl != nil {
			p.Conditions.Platforms = &graph.IncludeExclude{Include: flex.ExpandStringSet(ctx, pl.IncludePlatforms, diags), Exclude: flex.ExpandStringSet(ctx, pl.ExcludePlatforms, diags)}
		}
		if l := c.Locations; l != nil {
			p.Conditions.Locations = &graph.IncludeExclude{Include: flex.ExpandStringSet(ctx, l.IncludeLocations, diags), Exclude: flex.ExpandStringSet(ctx, l.ExcludeLocations, diags)}
		}
		p.Conditions.SignInRiskLevels = flex.ExpandStringSet(ctx, c.SignInRiskLevels, diags)
		p.Conditions.UserRiskLevels = flex.ExpandStringSet(ctx, c.UserRiskLevels, diags)
		if f := c.AuthenticationFlows; f != nil {
			p.Conditions.TransferMethods = flex.ExpandStringSet(ctx, f.TransferMethods, diags)
		}
	}
	if g := m.GrantControls; g != nil {
		p.GrantControls = &graph.GrantControls{
			Operator:                 cmp.Or(flex.ExpandString(g.Operator), defaultOperator),
			BuiltInControls:          flex.ExpandStringSet(ctx, g.BuiltInControls, diags),
			AuthenticationStrengthID: flex.ExpandString(g.AuthenticationStrengthID),
			TermsOfUse:               flex.ExpandStringSet(ctx, g.TermsOfUse, diags),
		}
	}
	if s := m.SessionControls; s != nil {
		sc := &graph.SessionControls{}
		if f := s.SignInFrequency; f != nil {
			sf := &graph.SignInFrequency{Type: flex.ExpandString(f.Type), IsEnabled: boolOrTrue(f.IsEnabled),
				AuthenticationType: cmp.Or(flex.ExpandString(f.AuthenticationType), defaultAuthenticationType),
				FrequencyInterval:  cmp.Or(flex.ExpandString(f.FrequencyInterval), defaultFrequencyInterval)}
			if flex.Known(f.Value) {
				v := int32(f.Value.ValueInt64())
				sf.Value = &v
			}
			sc.SignInFrequency = sf
		}
		if b := s.PersistentBrowser; b != nil {
			sc.PersistentBrowser = &graph.PersistentBrowser{Mode: flex.ExpandString(b.Mode), IsEnabled: boolOrTrue(b.IsEnabled)}
		}
		if flex.Known(s.ApplicationEnforcedRestrictionsEnabled) {
			v := s.ApplicationEnforcedRestrictionsEnabled.ValueBool()
			sc.ApplicationEnforcedRestrictions = &v
		}
		if a := s.CloudAppSecurity; a != nil {
			sc.CloudAppSecurity = &graph.CloudAppSecurity{Type: flex.ExpandString(a.CloudAppSecurityType), IsEnabled: boolOrTrue(a.IsEnabled)}
		}
		p.SessionControls = sc
	}
	return p
}

func guestsToAPI(ctx context.Context, g *caGuests, diags *diag.Diagnostics) *graph.GuestsOrExternalUsers {
	if g == nil {
		return nil
	}
	return &graph.GuestsOrExternalUsers{
		Types:          flex.ExpandStringSet(ctx, g.GuestOrExternalUserTypes, diags),
		MembershipKind: flex.ExpandString(g.ExternalTenantsMembershipKind),
		Members:        flex.ExpandStringSet(ctx, g.ExternalTenantIDs, diags),
	}
}

// policyState is the state for the policy p the service returned. prior (the
// plan, or the previous state) gives the arguments the service does not
// return (allow_tenant_lockout_risk, timeouts) and the spelling of set
// elements that differ only in case.
//
// Null versus empty, per attribute: every set is null when the service
// returns [] (the schema refuses empty sets, so "none" is always written by
// leaving the attribute out); platforms, locations, authentication_flows and
// the guests objects are null when the service returns null or only empty
// lists; grant_controls is null when it holds no control (the service may
// return {"operator":"OR","builtInControls":[]} for a session-only policy:
// azuread #1150); session_controls is null when none of its controls is set.
func policyState(p *graph.ConditionalAccessPolicy, prior *caPolicyModel) caPolicyModel {
	if prior == nil {
		prior = &caPolicyModel{}
	}
	m := caPolicyModel{
		ID: types.StringValue(p.ID), DisplayName: types.StringValue(p.DisplayName), State: types.StringValue(p.State),
		AllowTenantLockoutRisk: prior.AllowTenantLockoutRisk, Timeouts: prior.Timeouts, Args: prior.Args.OrNull(),
		AdoptExisting: prior.AdoptExisting,
	}
	if m.AllowTenantLockoutRisk.IsUnknown() {
		m.AllowTenantLockoutRisk = types.BoolNull()
	}
	pc := prior.Conditions
	if pc == nil {
		pc = &caConditions{}
	}
	c := &caConditions{}
	pu := pc.Users
	if pu == nil {
		pu = &caUsers{}
	}
	u := p.Conditions.Users
	if u == nil {
		u = &graph.Users{}
	}
	c.Users = &caUsers{
		IncludeUsers: flex.FlattenStringSet(u.IncludeUsers, pu.IncludeUsers), ExcludeUsers: flex.FlattenStringSet(u.ExcludeUsers, pu.ExcludeUsers),
		IncludeGroups: flex.FlattenStringSet(u.IncludeGroups, pu.IncludeGroups), ExcludeGroups: flex.FlattenStringSet(u.ExcludeGroups, pu.ExcludeGroups),
		IncludeRoles: flex.FlattenStringSet(u.IncludeRoles, pu.IncludeRoles), ExcludeRoles: flex.FlattenStringSet(u.ExcludeRoles, pu.ExcludeRoles),
		IncludeGuestsOrExternalUsers: guestsState(u.IncludeGuestsOrExternalUsers, pu.IncludeGuestsOrExternalUsers),
		ExcludeGuestsOrExternalUsers: guestsState(u.ExcludeGuestsOrExternalUsers, pu.ExcludeGuestsOrExternalUsers),
	}
	pa := pc.Applications
	if pa == nil {
		pa = &caApplications{}
	}
	a := p.Conditions.Applications
	if a == nil {
		a = &graph.Applications{}
	}
	c.Applications = &caApplications{
		IncludeApplications: flex.FlattenStringSet(a.IncludeApplications, pa.IncludeApplications),
		ExcludeApplications: flex.FlattenStringSet(a.ExcludeApplications, pa.ExcludeApplications),
		IncludeUserActions:  flex.FlattenStringSet(a.IncludeUserActions, pa.IncludeUserActions),
	}
	apps := p.Conditions.ClientAppTypes
	if len(apps) == 0 {
		apps = []string{defaultClientAppType}
	}
	c.ClientAppTypes = flex.FlattenStringSet(apps, pc.ClientAppTypes)
	if pl := p.Conditions.Platforms; pl != nil && len(pl.Include)+len(pl.Exclude) > 0 {
		pp := pc.Platforms
		if pp == nil {
			pp = &caPlatforms{}
		}
		c.Platforms = &caPlatforms{IncludePlatforms: flex.FlattenStringSet(pl.Include, pp.IncludePlatforms), ExcludePlatforms: flex.FlattenStringSet(pl.Exclude, pp.ExcludePlatforms)}
	}
	if l := p.Conditions.Locations; l != nil && len(l.Include)+len(l.Exclude) > 0 {
		pl := pc.Locations
		if pl == nil {
			pl = &caLocations{}
		}
		c.Locations = &caLocations{IncludeLocations: flex.FlattenStringSet(l.Include, pl.IncludeLocations), ExcludeLocations: flex.FlattenStringSet(l.Exclude, pl.ExcludeLocations)}
	}
	c.SignInRiskLevels = flex.FlattenStringSet(p.Conditions.SignInRiskLevels, pc.SignInRiskLevels)
	c.UserRiskLevels = flex.FlattenStringSet(p.Conditions.UserRiskLevels, pc.UserRiskLevels)
	if len(p.Conditions.TransferMethods) > 0 {
		var prevTM types.Set
		if pc.AuthenticationFlows != nil {
			prevTM = pc.AuthenticationFlows.TransferMethods
		}
		c.AuthenticationFlows = &caAuthFlows{TransferMethods: flex.FlattenStringSet(p.Conditions.TransferMethods, prevTM)}
	}
	m.Conditions = c

	if g := p.GrantControls; !g.Empty() {
		pg := prior.GrantControls
		if pg == nil {
			pg = &caGrantControls{}
		}
		m.GrantControls = &caGrantControls{
			Operator:                 types.StringValue(cmp.Or(g.Operator, defaultOperator)),
			BuiltInControls:          flex.FlattenStringSet(g.BuiltInControls, pg.BuiltInControls),
			AuthenticationStrengthID: flex.StringOrNull(g.AuthenticationStrengthID),
			TermsOfUse:               flex.FlattenStringSet(g.TermsOfUse, pg.TermsOfUse),
		}
		if strings.EqualFold(g.AuthenticationStrengthID, flex.ExpandString(pg.AuthenticationStrengthID)) && g.AuthenticationStrengthID != "" {
			m.GrantControls.AuthenticationStrengthID = pg.AuthenticationStrengthID
		}
	}
	if s := p.SessionControls; !s.Empty() {
		sc := &caSession{ApplicationEnforcedRestrictionsEnabled: types.BoolNull()}
		if f := s.SignInFrequency; f != nil {
			sf := &caSignInFrequency{Value: types.Int64Null(), Type: flex.StringOrNull(f.Type), IsEnabled: types.BoolValue(f.IsEnabled),
				AuthenticationType: types.StringValue(cmp.Or(f.AuthenticationType, defaultAuthenticationType)),
				FrequencyInterval:  types.StringValue(cmp.Or(f.FrequencyInterval, defaultFrequencyInterval))}
			if f.Value != nil {
				sf.Value = types.Int64Value(int64(*f.Value))
			}
			sc.SignInFrequency = sf
		}
		if b := s.PersistentBrowser; b != nil {
			sc.PersistentBrowser = &caPersistentBrowser{Mode: flex.StringOrNull(b.Mode), IsEnabled: types.BoolValue(b.IsEnabled)}
		}
		if s.ApplicationEnforcedRestrictions != nil {
			sc.ApplicationEnforcedRestrictionsEnabled = types.BoolValue(*s.ApplicationEnforcedRestrictions)
		}
		if a := s.CloudAppSecurity; a != nil {
			sc.CloudAppSecurity = &caCloudAppSecurity{CloudAppSecurityType: flex.StringOrNull(a.Type), IsEnabled: types.BoolValue(a.IsEnabled)}
		}
		m.SessionControls = sc
	}
	return m
}

func guestsState(g *graph.GuestsOrExternalUsers, prior *caGuests) *caGuests {
	if g == nil || len(g.Types) == 0 && g.MembershipKind == "" {
		return nil
	}
	if prior == nil {
		prior = &caGuests{}
	}
	return &caGuests{
		GuestOrExternalUserTypes:      flex.FlattenStringSet(g.Types, prior.GuestOrExternalUserTypes),
		ExternalTenantsMembershipKind: flex.StringOrNull(g.MembershipKind),
		ExternalTenantIDs:             flex.FlattenStringSet(g.Members, prior.ExternalTenantIDs),
	}
}

// canonical is p with every list sorted and lower-cased and empty values
// made nil, for comparing what was written with what reads back. Fields the
// service fills in when left out (client app types, operator, sign-in
// frequency defaults, external tenants) take their defaults.
func canonical(p *graph.ConditionalAccessPolicy) graph.ConditionalAccessPolicy {
	norm := func(vs []string) []string {
		if len(vs) == 0 {
			return nil
		}
		out := make([]string, len(vs))
		for i, v := range vs {
			out[i] = strings.ToLower(v)
		}
		slices.Sort(out)
		return slices.Compact(out)
	}
	guests := func(g *graph.GuestsOrExternalUsers) *graph.GuestsOrExternalUsers {
		if g == nil || len(g.Types) == 0 && g.MembershipKind == "" {
			return nil
		}
		return &graph.GuestsOrExternalUsers{Types: norm(g.Types), MembershipKind: cmp.Or(g.MembershipKind, "all"), Members: norm(g.Members)}
	}
	ie := func(v *graph.IncludeExclude) *graph.IncludeExclude {
		if v == nil || len(v.Include)+len(v.Exclude) == 0 {
			return nil
		}
		return &graph.IncludeExclude{Include: norm(v.Include), Exclude: norm(v.Exclude)}
	}
	out := graph.ConditionalAccessPolicy{DisplayName: p.DisplayName, State: p.State}
	c := p.Conditions
	u := c.Users
	if u == nil {
		u = &graph.Users{}
	}
	out.Conditions.Users = &graph.Users{
		IncludeUsers: norm(u.IncludeUsers), ExcludeUsers: norm(u.ExcludeUsers), IncludeGroups: norm(u.IncludeGroups),
		ExcludeGroups: norm(u.ExcludeGroups), IncludeRoles: norm(u.IncludeRoles), ExcludeRoles: norm(u.ExcludeRoles),
		IncludeGuestsOrExternalUsers: guests(u.IncludeGuestsOrExternalUsers), ExcludeGuestsOrExternalUsers: guests(u.ExcludeGuestsOrExternalUsers),
	}
	a := c.Applications
	if a == nil {
		a = &graph.Applications{}
	}
	out.Conditions.Applications = &graph.Applications{IncludeApplications: norm(a.IncludeApplications),
		ExcludeApplications: norm(a.ExcludeApplications), IncludeUserActions: norm(a.IncludeUserActions)}
	out.Conditions.ClientAppTypes = norm(c.ClientAppTypes)
	if out.Conditions.ClientAppTypes == nil {
		out.Conditions.ClientAppTypes = []string{defaultClientAppType}
	}
	out.Conditions.Platforms, out.Conditions.Locations = ie(c.Platforms), ie(c.Locations)
	out.Conditions.SignInRiskLevels, out.Conditions.UserRiskLevels = norm(c.SignInRiskLevels), norm(c.UserRiskLevels)
	out.Conditions.TransferMethods = norm(c.TransferMethods)
	if g := p.GrantControls; !g.Empty() {
		out.GrantControls = &graph.GrantControls{Operator: strings.ToUpper(cmp.Or(g.Operator, defaultOperator)),
			BuiltInControls: norm(g.BuiltInControls), AuthenticationStrengthID: strings.ToLower(g.AuthenticationStrengthID), TermsOfUse: norm(g.TermsOfUse)}
	}
	if s := p.SessionControls; !s.Empty() {
		sc := &graph.SessionControls{ApplicationEnforcedRestrictions: s.ApplicationEnforcedRestrictions}
		if f := s.SignInFrequency; f != nil {
			sc.SignInFrequency = &graph.SignInFrequency{Value: f.Value, Type: f.Type, IsEnabled: f.IsEnabled,
				AuthenticationType: cmp.Or(f.AuthenticationType, defaultAuthenticationType),
				FrequencyInterval:  cmp.Or(f.FrequencyInterval, defaultFrequencyInterval)}
		}
		sc.PersistentBrowser, sc.CloudAppSecurity = s.PersistentBrowser, s.CloudAppSecurity
		out.SessionControls = sc
	}
	return out
}

// policyMatches reports whether got reads back everything want wrote.
func policyMatches(want, got *graph.ConditionalAccessPolicy) bool {
	return reflect.DeepEqual(canonical(want), canonical(got))
}
