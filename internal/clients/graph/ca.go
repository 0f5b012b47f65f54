package graph

import (
	"cmp"
	"context"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/microsoft/kiota-abstractions-go/serialization"
	"github.com/microsoftgraph/msgraph-sdk-go/models"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/poll"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/transport"
)

// ConditionalAccessPolicy is a conditionalAccessPolicy
// (https://learn.microsoft.com/graph/api/resources/conditionalaccesspolicy).
// Empty lists and nil objects both mean "not set"; the service reports unset
// lists as [] and unset objects as null.
type ConditionalAccessPolicy struct {
	ID              string
	DisplayName     string
	State           string // enabled | disabled | enabledForReportingButNotEnforced
	Conditions      Conditions
	GrantControls   *GrantControls
	SessionControls *SessionControls
}

// Conditions is a conditionalAccessConditionSet.
type Conditions struct {
	Users            *Users
	Applications     *Applications
	ClientAppTypes   []string
	Platforms        *IncludeExclude
	Locations        *IncludeExclude
	SignInRiskLevels []string
	UserRiskLevels   []string
	TransferMethods  []string // authenticationFlows.transferMethods (a flags enum on the wire)
}

// Users is conditionalAccessUsers.
type Users struct {
	IncludeUsers, ExcludeUsers   []string
	IncludeGroups, ExcludeGroups []string
	IncludeRoles, ExcludeRoles   []string
	IncludeGuestsOrExternalUsers *GuestsOrExternalUsers
	ExcludeGuestsOrExternalUsers *GuestsOrExternalUsers
}

// GuestsOrExternalUsers is conditionalAccessGuestsOrExternalUsers.
type GuestsOrExternalUsers struct {
	Types          []string // guestOrExternalUserTypes (a flags enum on the wire)
	MembershipKind string   // externalTenants.membershipKind: all | enumerated; "" = no externalTenants
	Members        []string // externalTenants.members when enumerated
}

// Applications is conditionalAccessApplications.
type Applications struct {
	IncludeApplications, ExcludeApplications []string
	IncludeUserActions                       []string
}

// IncludeExclude is conditionalAccessPlatforms or conditionalAccessLocations.
type IncludeExclude struct {
	Include, Exclude []string
}

// GrantControls is conditionalAccessGrantControls.
type GrantControls struct {
	Operator                 string // AND | OR
	BuiltInControls          []string
	AuthenticationStrengthID string
	TermsOfUse               []string
}

// Empty reports whether no control is set.
func (g *GrantControls) Empty() bool {
	return g == nil || len(g.BuiltInControls) == 0 && g.AuthenticationStrengthID == "" && len(g.TermsOfUse) == 0
}

// SessionControls is conditionalAccessSessionControls.
type SessionControls struct {
	SignInFrequency                 *SignInFrequency
	PersistentBrowser               *PersistentBrowser
	ApplicationEnforcedRestrictions *bool // isEnabled; nil = not set
	CloudAppSecurity                *CloudAppSecurity
}

// Empty reports whether no session control is set.
func (s *SessionControls) Empty() bool {
	return s == nil || s.SignInFrequency == nil && s.PersistentBrowser == nil && s.ApplicationEnforcedRestrictions == nil && s.CloudAppSecurity == nil
}

// SignInFrequency is signInFrequencySessionControl.
type SignInFrequency struct {
	Value              *int32
	Type               string // days | hours
	AuthenticationType string // primaryAndSecondaryAuthentication | secondaryAuthentication
	FrequencyInterval  string // timeBased | everyTime
	IsEnabled          bool
}

// PersistentBrowser is persistentBrowserSessionControl.
type PersistentBrowser struct {
	Mode      string // always | never
	IsEnabled bool
}

// CloudAppSecurity is cloudAppSecuritySessionControl.
type CloudAppSecurity struct {
	Type      string // mcasConfigured | monitorOnly | blockDownloads
	IsEnabled bool
}

const policiesPath = "/identity/conditionalAccess/policies"

// GetPolicy reads one policy; a missing one is an error for which
// transport.IsNotFound is true. It is served from one list of every policy
// (cache.go), except for a policy this client wrote, which is read with its
// own GET so that waiting for the write to land sees the service each time.
// The policy returned is shared: do not change it.
func (c *Client) GetPolicy(ctx context.Context, id string) (*ConditionalAccessPolicy, error) {
	if c.err != nil {
		return nil, c.err
	}
	if c.policyList.direct(id) {
		return c.getPolicy(ctx, id)
	}
	all, err := c.ListPolicies(ctx)
	if err != nil {
		return nil, err
	}
	for _, p := range all {
		if strings.EqualFold(p.ID, id) {
			return p, nil
		}
	}
	return nil, c.notInList(policiesPath, id, "conditional access policies")
}

// getPolicy reads one policy with its own GET.
func (c *Client) getPolicy(ctx context.Context, id string) (*ConditionalAccessPolicy, error) {
	o := op{http.MethodGet, policiesPath + "/" + id, PermissionRead}
	got, err := c.policies().ByConditionalAccessPolicyId(id).Get(ctx, nil)
	if err != nil {
		return nil, c.wrapErr(o, err)
	}
	return policyFromModel(got), nil
}

// ListPolicies returns every policy, from one list request per operation
// until a write (cache.go). The slice is the caller's; the policies are
// shared: do not change them.
func (c *Client) ListPolicies(ctx context.Context) ([]*ConditionalAccessPolicy, error) {
	if c.err != nil {
		return nil, c.err
	}
	return c.policyList.list(ctx, c.listPolicies)
}

// listPolicies reads every policy (following @odata.nextLink).
func (c *Client) listPolicies(ctx context.Context) ([]*ConditionalAccessPolicy, error) {
	o := op{http.MethodGet, policiesPath, PermissionRead}
	var out []*ConditionalAccessPolicy
	b := c.policies()
	for {
		page, err := b.Get(ctx, nil)
		if err != nil {
			return nil, c.wrapErr(o, err)
		}
		for _, p := range page.GetValue() {
			out = append(out, policyFromModel(p))
		}
		next := deref(page.GetOdataNextLink())
		if next == "" {
			return out, nil
		}
		b = b.WithUrl(next)
	}
}

// PoliciesNamed returns the policies whose display name is name (Graph does
// not keep display names unique), from the same list as ListPolicies.
func (c *Client) PoliciesNamed(ctx context.Context, name string) ([]*ConditionalAccessPolicy, error) {
	all, err := c.ListPolicies(ctx)
	if err != nil {
		return nil, err
	}
	return named(all, name, func(p *ConditionalAccessPolicy) string { return p.DisplayName }), nil
}

// createConfirm is how long reads must keep showing a maybe-applied create
// absent before it is sent again: Graph's reads lag its writes by seconds.
const createConfirm = 10 * time.Second

// CreatePolicy creates p and returns the service's copy. The caller has made
// sure no policy of that display name exists (Graph allows duplicates). A
// POST that may have reached the service before it failed
// (transport.ErrMaybeCommitted) is not sent again blindly: the policy of that
// display name, once one shows, is the one created; only when none shows for
// createConfirm is the POST sent again (poll.Settle), within ctx's deadline.
func (c *Client) CreatePolicy(ctx context.Context, p *ConditionalAccessPolicy) (*ConditionalAccessPolicy, error) {
	if c.err != nil {
		return nil, c.err
	}
	o := op{http.MethodPost, policiesPath, PermissionWriteCA}
	body, err := policyToModel(p, false)
	if err != nil {
		return nil, err
	}
	return poll.Settle(ctx, poll.Options{Confirm: createConfirm}, "creating conditional access policy "+strconv.Quote(p.DisplayName),
		func(ctx context.Context, _ int) (*ConditionalAccessPolicy, error) {
			got, err := c.policies().Post(ctx, body, nil)
			if err != nil {
				c.policyList.wrote("") // it may have landed
				return nil, c.wrapErr(o, err)
			}
			created := policyFromModel(got)
			c.policyList.wrote(created.ID)
			return created, nil
		},
		func(ctx context.Context) (*ConditionalAccessPolicy, bool, error) {
			// A fresh list each time: the create may land between two looks.
			all, err := c.listPolicies(ctx)
			if err != nil {
				return nil, false, err
			}
			switch same := named(all, p.DisplayName, func(p *ConditionalAccessPolicy) string { return p.DisplayName }); len(same) {
			case 0:
				return nil, false, nil
			case 1:
				c.policyList.wrote(same[0].ID)
				return same[0], true, nil
			default:
				return nil, false, fmt.Errorf("%d policies named %q exist now: check the tenant and import the right one", len(same), p.DisplayName)
			}
		})
}

// UpdatePolicy replaces the policy's display name, state, conditions and
// controls with p's (absent controls are sent as null so they are cleared).
func (c *Client) UpdatePolicy(ctx context.Context, id string, p *ConditionalAccessPolicy) error {
	if c.err != nil {
		return c.err
	}
	body, err := policyToModel(p, true)
	if err != nil {
		return err
	}
	// The PATCH sets absolute values: sent again after a dropped connection it does no harm.
	c.policyList.writing(id)
	_, err = c.policies().ByConditionalAccessPolicyId(id).Patch(transport.WithRetryablePost(ctx), body, nil)
	c.policyList.wrote(id)
	return c.wrapErr(op{http.MethodPatch, policiesPath + "/" + id, PermissionWriteCA}, err)
}

// DeletePolicy deletes a policy; a missing one is an error for which
// transport.IsNotFound is true.
func (c *Client) DeletePolicy(ctx context.Context, id string) error {
	if c.err != nil {
		return c.err
	}
	c.policyList.writing(id)
	err := c.policies().ByConditionalAccessPolicyId(id).Delete(ctx, nil)
	c.policyList.wrote(id)
	return c.wrapErr(op{http.MethodDelete, policiesPath + "/" + id, PermissionWriteCA}, err)
}

// ---- conversion: SDK model -> plain ----

func policyFromModel(m models.ConditionalAccessPolicyable) *ConditionalAccessPolicy {
	p := &ConditionalAccessPolicy{ID: deref(m.GetId()), DisplayName: deref(m.GetDisplayName())}
	if s := m.GetState(); s != nil {
		p.State = s.String()
	}
	if cs := m.GetConditions(); cs != nil {
		p.Conditions = conditionsFromModel(cs)
	}
	if g := m.GetGrantControls(); g != nil {
		gc := &GrantControls{Operator: deref(g.GetOperator()), TermsOfUse: g.GetTermsOfUse()}
		for _, b := range g.GetBuiltInControls() {
			gc.BuiltInControls = append(gc.BuiltInControls, b.String())
		}
		if as := g.GetAuthenticationStrength(); as != nil {
			gc.AuthenticationStrengthID = deref(as.GetId())
		}
		p.GrantControls = gc
	}
	if s := m.GetSessionControls(); s != nil {
		sc := &SessionControls{}
		if f := s.GetSignInFrequency(); f != nil {
			sf := &SignInFrequency{Value: f.GetValue(), IsEnabled: deref(f.GetIsEnabled())}
			if t := f.GetTypeEscaped(); t != nil {
				sf.Type = t.String()
			}
			if t := f.GetAuthenticationType(); t != nil {
				sf.AuthenticationType = t.String()
			}
			if t := f.GetFrequencyInterval(); t != nil {
				sf.FrequencyInterval = t.String()
			}
			sc.SignInFrequency = sf
		}
		if b := s.GetPersistentBrowser(); b != nil {
			pb := &PersistentBrowser{IsEnabled: deref(b.GetIsEnabled())}
			if md := b.GetMode(); md != nil {
				pb.Mode = md.String()
			}
			sc.PersistentBrowser = pb
		}
		if a := s.GetApplicationEnforcedRestrictions(); a != nil {
			sc.ApplicationEnforcedRestrictions = ptr(deref(a.GetIsEnabled()))
		}
		if a := s.GetCloudAppSecurity(); a != nil {
			ca := &CloudAppSecurity{IsEnabled: deref(a.GetIsEnabled())}
			if t := a.GetCloudAppSecurityType(); t != nil {
				ca.Type = t.String()
			}
			sc.CloudAppSecurity = ca
		}
		if !sc.Empty() {
			p.SessionControls = sc
		}
	}
	return p
}

func conditionsFromModel(cs models.ConditionalAccessConditionSetable) Conditions {
	var c Conditions
	if u := cs.GetUsers(); u != nil {
		c.Users = &Users{
			IncludeUsers: u.GetIncludeUsers(), ExcludeUsers: u.GetExcludeUsers(),
			IncludeGroups: u.GetIncludeGroups(), ExcludeGroups: u.GetExcludeGroups(),
			IncludeRoles: u.GetIncludeRoles(), ExcludeRoles: u.GetExcludeRoles(),
			IncludeGuestsOrExternalUsers: guestsFromModel(u.GetIncludeGuestsOrExternalUsers()),
			ExcludeGuestsOrExternalUsers: guestsFromModel(u.GetExcludeGuestsOrExternalUsers()),
		}
	}
	if a := cs.GetApplications(); a != nil {
		c.Applications = &Applications{
			IncludeApplications: a.GetIncludeApplications(), ExcludeApplications: a.GetExcludeApplications(),
			IncludeUserActions: a.GetIncludeUserActions(),
		}
	}
	for _, v := range cs.GetClientAppTypes() {
		c.ClientAppTypes = append(c.ClientAppTypes, v.String())
	}
	if pl := cs.GetPlatforms(); pl != nil {
		ie := &IncludeExclude{}
		for _, v := range pl.GetIncludePlatforms() {
			ie.Include = append(ie.Include, v.String())
		}
		for _, v := range pl.GetExcludePlatforms() {
			ie.Exclude = append(ie.Exclude, v.String())
		}
		c.Platforms = ie
	}
	if l := cs.GetLocations(); l != nil {
		c.Locations = &IncludeExclude{Include: l.GetIncludeLocations(), Exclude: l.GetExcludeLocations()}
	}
	for _, v := range cs.GetSignInRiskLevels() {
		c.SignInRiskLevels = append(c.SignInRiskLevels, v.String())
	}
	for _, v := range cs.GetUserRiskLevels() {
		c.UserRiskLevels = append(c.UserRiskLevels, v.String())
	}
	if af := cs.GetAuthenticationFlows(); af != nil && af.GetTransferMethods() != nil {
		c.TransferMethods = splitFlags(af.GetTransferMethods().String())
	}
	return c
}

func guestsFromModel(g models.ConditionalAccessGuestsOrExternalUsersable) *GuestsOrExternalUsers {
	if g == nil {
		return nil
	}
	out := &GuestsOrExternalUsers{}
	if t := g.GetGuestOrExternalUserTypes(); t != nil {
		out.Types = splitFlags(t.String())
	}
	if et := g.GetExternalTenants(); et != nil {
		if k := et.GetMembershipKind(); k != nil {
			out.MembershipKind = k.String()
		}
		if en, ok := et.(models.ConditionalAccessEnumeratedExternalTenantsable); ok {
			out.Members = en.GetMembers()
		}
	}
	if len(out.Types) == 0 && out.MembershipKind == "" {
		return nil
	}
	return out
}

// splitFlags splits a flags-enum value ("a,b") and drops "none".
func splitFlags(s string) []string {
	var out []string
	for _, v := range strings.Split(s, ",") {
		if v = strings.TrimSpace(v); v != "" && v != "none" {
			out = append(out, v)
		}
	}
	return out
}

// ---- conversion: plain -> SDK model ----

// enumValue parses v with an SDK enum parser and reports unknown values by name.
func enumValue[T any](what, v string, parse func(string) (any, error)) (*T, error) {
	got, err := parse(v)
	if err != nil || got == nil {
		return nil, fmt.Errorf("%s: %q is not a value Graph v1.0 knows", what, v)
	}
	t, ok := got.(*T)
	if !ok {
		return nil, fmt.Errorf("%s: %q parsed to %T", what, v, got)
	}
	return t, nil
}

func enumValues[T any](what string, vs []string, parse func(string) (any, error)) ([]T, error) {
	out := make([]T, 0, len(vs))
	for _, v := range vs {
		t, err := enumValue[T](what, v, parse)
		if err != nil {
			return nil, err
		}
		out = append(out, *t)
	}
	return out, nil
}

// list returns vs, or an empty (not nil) list so it is sent as [].
func list(vs []string) []string {
	if vs == nil {
		return []string{}
	}
	return vs
}

// setNull makes the serializer write "key": null (Kiota leaves nil values out).
func setNull(h serialization.AdditionalDataHolder, key string) {
	d := h.GetAdditionalData()
	if d == nil {
		d = map[string]any{}
	}
	d[key] = nil
	h.SetAdditionalData(d)
}

func policyToModel(p *ConditionalAccessPolicy, update bool) (models.ConditionalAccessPolicyable, error) {
	m := models.NewConditionalAccessPolicy()
	m.SetDisplayName(ptr(p.DisplayName))
	st, err := enumValue[models.ConditionalAccessPolicyState]("state", p.State, models.ParseConditionalAccessPolicyState)
	if err != nil {
		return nil, err
	}
	m.SetState(st)
	cs, err := conditionsToModel(&p.Conditions, update)
	if err != nil {
		return nil, err
	}
	m.SetConditions(cs)

	if p.GrantControls.Empty() {
		if update {
			setNull(m, "grantControls")
		}
	} else {
		g := p.GrantControls
		gc := models.NewConditionalAccessGrantControls()
		gc.SetOperator(ptr(cmp.Or(g.Operator, "OR")))
		bics, err := enumValues[models.ConditionalAccessGrantControl]("built-in control", g.BuiltInControls, models.ParseConditionalAccessGrantControl)
		if err != nil {
			return nil, err
		}
		gc.SetBuiltInControls(bics)
		gc.SetTermsOfUse(list(g.TermsOfUse))
		gc.SetCustomAuthenticationFactors([]string{})
		if g.AuthenticationStrengthID != "" {
			as := models.NewAuthenticationStrengthPolicy()
			as.SetId(ptr(g.AuthenticationStrengthID))
			gc.SetAuthenticationStrength(as)
		} else if update {
			setNull(gc, "authenticationStrength")
		}
		m.SetGrantControls(gc)
	}

	if p.SessionControls.Empty() {
		if update {
			setNull(m, "sessionControls")
		}
		return m, nil
	}
	s := p.SessionControls
	sc := models.NewConditionalAccessSessionControls()
	if f := s.SignInFrequency; f != nil {
		sf := models.NewSignInFrequencySessionControl()
		sf.SetIsEnabled(ptr(f.IsEnabled))
		sf.SetValue(f.Value)
		if f.Type != "" {
			t, err := enumValue[models.SigninFrequencyType]("sign-in frequency type", f.Type, models.ParseSigninFrequencyType)
			if err != nil {
				return nil, err
			}
			sf.SetTypeEscaped(t)
		}
		if f.AuthenticationType != "" {
			t, err := enumValue[models.SignInFrequencyAuthenticationType]("sign-in frequency authentication type", f.AuthenticationType, models.ParseSignInFrequencyAuthenticationType)
			if err != nil {
				return nil, err
			}
			sf.SetAuthenticationType(t)
		}
		if f.FrequencyInterval != "" {
			t, err := enumValue[models.SignInFrequencyInterval]("sign-in frequency interval", f.FrequencyInterval, models.ParseSignInFrequencyInterval)
			if err != nil {
				return nil, err
			}
			sf.SetFrequencyInterval(t)
		}
		sc.SetSignInFrequency(sf)
	} else if update {
		setNull(sc, "signInFrequency")
	}
	if b := s.PersistentBrowser; b != nil {
		pb := models.NewPersistentBrowserSessionControl()
		pb.SetIsEnabled(ptr(b.IsEnabled))
		md, err := enumValue[models.PersistentBrowserSessionMode]("persistent browser mode", b.Mode, models.ParsePersistentBrowserSessionMode)
		if err != nil {
			return nil, err
		}
		pb.SetMode(md)
		sc.SetPersistentBrowser(pb)
	} else if update {
		setNull(sc, "persistentBrowser")
	}
	if a := s.ApplicationEnforcedRestrictions; a != nil {
		ar := models.NewApplicationEnforcedRestrictionsSessionControl()
		ar.SetIsEnabled(ptr(*a))
		sc.SetApplicationEnforcedRestrictions(ar)
	} else if update {
		setNull(sc, "applicationEnforcedRestrictions")
	}
	if a := s.CloudAppSecurity; a != nil {
		cas := models.NewCloudAppSecuritySessionControl()
		cas.SetIsEnabled(ptr(a.IsEnabled))
		t, err := enumValue[models.CloudAppSecuritySessionControlType]("cloud app security type", a.Type, models.ParseCloudAppSecuritySessionControlType)
		if err != nil {
			return nil, err
		}
		cas.SetCloudAppSecurityType(t)
		sc.SetCloudAppSecurity(cas)
	} else if update {
		setNull(sc, "cloudAppSecurity")
	}
	m.SetSessionControls(sc)
	return m, nil
}

func conditionsToModel(c *Conditions, update bool) (models.ConditionalAccessConditionSetable, error) {
	cs := models.NewConditionalAccessConditionSet()
	u := c.Users
	if u == nil {
		u = &Users{}
	}
	mu := models.NewConditionalAccessUsers()
	mu.SetIncludeUsers(list(u.IncludeUsers))
	mu.SetExcludeUsers(list(u.ExcludeUsers))
	mu.SetIncludeGroups(list(u.IncludeGroups))
	mu.SetExcludeGroups(list(u.ExcludeGroups))
	mu.SetIncludeRoles(list(u.IncludeRoles))
	mu.SetExcludeRoles(list(u.ExcludeRoles))
	for _, g := range []struct {
		v    *GuestsOrExternalUsers
		set  func(models.ConditionalAccessGuestsOrExternalUsersable)
		name string
	}{
		{u.IncludeGuestsOrExternalUsers, mu.SetIncludeGuestsOrExternalUsers, "includeGuestsOrExternalUsers"},
		{u.ExcludeGuestsOrExternalUsers, mu.SetExcludeGuestsOrExternalUsers, "excludeGuestsOrExternalUsers"},
	} {
		if g.v == nil {
			if update {
				setNull(mu, g.name)
			}
			continue
		}
		mg, err := guestsToModel(g.v)
		if err != nil {
			return nil, err
		}
		g.set(mg)
	}
	cs.SetUsers(mu)

	a := c.Applications
	if a == nil {
		a = &Applications{}
	}
	ma := models.NewConditionalAccessApplications()
	ma.SetIncludeApplications(list(a.IncludeApplications))
	ma.SetExcludeApplications(list(a.ExcludeApplications))
	ma.SetIncludeUserActions(list(a.IncludeUserActions))
	cs.SetApplications(ma)

	apps := c.ClientAppTypes
	if len(apps) == 0 {
		apps = []string{"all"} // the service's own default; an empty list is refused
	}
	cats, err := enumValues[models.ConditionalAccessClientApp]("client app type", apps, models.ParseConditionalAccessClientApp)
	if err != nil {
		return nil, err
	}
	cs.SetClientAppTypes(cats)

	if c.Platforms != nil {
		mp := models.NewConditionalAccessPlatforms()
		inc, err := enumValues[models.ConditionalAccessDevicePlatform]("platform", c.Platforms.Include, models.ParseConditionalAccessDevicePlatform)
		if err != nil {
			return nil, err
		}
		exc, err := enumValues[models.ConditionalAccessDevicePlatform]("platform", c.Platforms.Exclude, models.ParseConditionalAccessDevicePlatform)
		if err != nil {
			return nil, err
		}
		mp.SetIncludePlatforms(inc)
		mp.SetExcludePlatforms(exc)
		cs.SetPlatforms(mp)
	} else if update {
		setNull(cs, "platforms")
	}
	if c.Locations != nil {
		ml := models.NewConditionalAccessLocations()
		ml.SetIncludeLocations(list(c.Locations.Include))
		ml.SetExcludeLocations(list(c.Locations.Exclude))
		cs.SetLocations(ml)
	} else if update {
		setNull(cs, "locations")
	}
	sr, err := enumValues[models.RiskLevel]("sign-in risk level", c.SignInRiskLevels, models.ParseRiskLevel)
	if err != nil {
		return nil, err
	}
	cs.SetSignInRiskLevels(sr)
	ur, err := enumValues[models.RiskLevel]("user risk level", c.UserRiskLevels, models.ParseRiskLevel)
	if err != nil {
		return nil, err
	}
	cs.SetUserRiskLevels(ur)
	if len(c.TransferMethods) > 0 {
		tm, err := enumValue[models.ConditionalAccessTransferMethods]("transfer methods", strings.Join(c.TransferMethods, ","), models.ParseConditionalAccessTransferMethods)
		if err != nil {
			return nil, err
		}
		af := models.NewConditionalAccessAuthenticationFlows()
		af.SetTransferMethods(tm)
		cs.SetAuthenticationFlows(af)
	} else if update {
		setNull(cs, "authenticationFlows")
	}
	return cs, nil
}

func guestsToModel(g *GuestsOrExternalUsers) (models.ConditionalAccessGuestsOrExternalUsersable, error) {
	mg := models.NewConditionalAccessGuestsOrExternalUsers()
	if len(g.Types) > 0 {
		t, err := enumValue[models.ConditionalAccessGuestOrExternalUserTypes]("guest or external user types", strings.Join(g.Types, ","), models.ParseConditionalAccessGuestOrExternalUserTypes)
		if err != nil {
			return nil, err
		}
		mg.SetGuestOrExternalUserTypes(t)
	}
	if g.MembershipKind != "" {
		kind, err := enumValue[models.ConditionalAccessExternalTenantsMembershipKind]("external tenants membership kind", g.MembershipKind, models.ParseConditionalAccessExternalTenantsMembershipKind)
		if err != nil {
			return nil, err
		}
		var et models.ConditionalAccessExternalTenantsable
		if *kind == models.ENUMERATED_CONDITIONALACCESSEXTERNALTENANTSMEMBERSHIPKIND {
			en := models.NewConditionalAccessEnumeratedExternalTenants()
			en.SetMembers(list(g.Members))
			et = en
		} else {
			et = models.NewConditionalAccessAllExternalTenants()
		}
		et.SetMembershipKind(kind)
		mg.SetExternalTenants(et)
	}
	return mg, nil
}
