package entra

import (
	"cmp"
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/flex"
)

// ValidateConfig enforces at plan time the rules the service enforces at
// apply time (so a plan that succeeds does not fail halfway through an
// apply), plus the lockout protection. Each rule names the document or the
// observed service error behind it; a combination no source forbids is left
// to the service (its error reaches the user with the request id).
func (r *caPolicyResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var m caPolicyModel
	diags := req.Config.Get(ctx, &m)
	if diags.HasError() && !req.Config.Raw.IsFullyKnown() {
		// A whole nested object is unknown (for_each over a map of policies,
		// a value from another resource): the model cannot hold it, and there
		// is nothing to judge yet. Terraform validates again once it is known.
		return
	}
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	validatePolicy(&m, &resp.Diagnostics)
}

// Sources named below:
//
//	graph:  microsoftgraph/microsoft-graph-docs-contrib api-reference/v1.0/resources/<page>.md
//	entra:  MicrosoftDocs/entra-docs docs/identity/<page>.md
func validatePolicy(m *caPolicyModel, diags *diag.Diagnostics) {
	cond := path.Root("conditions")
	if c := m.Conditions; c != nil {
		if u := c.Users; u != nil {
			up := cond.AtName("users")
			// graph conditionalaccessconditionset: "Either users or clientApplications is required"
			// (this resource has no clientApplications); a users condition that includes nobody is refused
			// (observed: nicolonsky/ModernWorkplaceConcierge#50).
			if !setNonEmpty(u.IncludeUsers) && !setNonEmpty(u.IncludeGroups) && !setNonEmpty(u.IncludeRoles) && u.IncludeGuestsOrExternalUsers == nil {
				diags.AddAttributeError(up, "No users included",
					"A policy must include someone: set include_users (for example [\"All\"]), include_groups, include_roles or include_guests_or_external_users.")
			}
			// graph conditionalaccessexternaltenants: membershipKind "enumerated" is the
			// conditionalAccessEnumeratedExternalTenants type, the only one with members.
			for name, g := range map[string]*caGuests{"include_guests_or_external_users": u.IncludeGuestsOrExternalUsers, "exclude_guests_or_external_users": u.ExcludeGuestsOrExternalUsers} {
				if g == nil || g.ExternalTenantsMembershipKind.IsUnknown() {
					continue
				}
				gp := up.AtName(name)
				switch kind := flex.ExpandString(g.ExternalTenantsMembershipKind); {
				case kind == "enumerated" && !setNonEmpty(g.ExternalTenantIDs):
					diags.AddAttributeError(gp.AtName("external_tenant_ids"), "Tenants missing",
						"external_tenants_membership_kind = \"enumerated\" needs external_tenant_ids.")
				case kind != "enumerated" && setNonEmpty(g.ExternalTenantIDs):
					diags.AddAttributeError(gp.AtName("external_tenant_ids"), "Tenants need enumerated",
						"external_tenant_ids is only valid with external_tenants_membership_kind = \"enumerated\".")
				}
			}
		}
		if a := c.Applications; a != nil {
			ap := cond.AtName("applications")
			apps, actions := setNonEmpty(a.IncludeApplications), setNonEmpty(a.IncludeUserActions)
			switch {
			case !apps && !actions:
				// graph conditionalaccessconditionset: applications "Required".
				diags.AddAttributeError(ap, "No applications or user actions",
					"Set include_applications (for example [\"All\"]) or include_user_actions.")
			case apps && actions:
				// The service's error 1012: "'applications' condition cannot include both
				// 'includeApplications' and 'includeUserActions'".
				diags.AddAttributeError(ap.AtName("include_user_actions"), "Applications and user actions are exclusive",
					"A policy targets either cloud apps (include_applications) or user actions (include_user_actions), not both.")
			}
			// graph conditionalaccessapplications: includeApplications "Can be one of the following":
			// application IDs, All, Office365 or MicrosoftAdminPortals.
			for _, special := range []string{"All", "None"} {
				if setHas(a.IncludeApplications, special) && len(a.IncludeApplications.Elements()) > 1 {
					diags.AddAttributeError(ap.AtName("include_applications"), special+" stands alone",
						fmt.Sprintf("include_applications = [%q] cannot be combined with other values.", special))
				}
			}
		}
	}

	g, s := m.GrantControls, m.SessionControls
	grantEmpty := g == nil || !setNonEmpty(g.BuiltInControls) && g.AuthenticationStrengthID.IsNull() && !setNonEmpty(g.TermsOfUse)
	sessionEmpty := s == nil || s.SignInFrequency == nil && s.PersistentBrowser == nil && s.CloudAppSecurity == nil && s.ApplicationEnforcedRestrictionsEnabled.IsNull()
	// A grant block without controls is refused (azuread #1168: "Creating a policy with neither
	// [builtInControls nor termsOfUse] is not possible") and read back as none (azuread #1150).
	if g != nil && grantEmpty {
		diags.AddAttributeError(path.Root("grant_controls"), "Empty grant controls",
			"grant_controls needs built_in_controls, authentication_strength_id or terms_of_use; leave the block out for a policy with session controls only.")
	}
	if s != nil && sessionEmpty {
		diags.AddAttributeError(path.Root("session_controls"), "Empty session controls",
			"session_controls needs at least one control; leave it out otherwise.")
	}
	// A policy with neither is refused (microsoft-graph-docs-contrib#2031).
	if g == nil && s == nil {
		diags.AddError("No controls", "A conditional access policy needs grant_controls or session_controls (or both).")
	}

	block := g != nil && setHas(g.BuiltInControls, "block")
	if g != nil {
		gp := path.Root("grant_controls")
		// entra conditional-access/concept-conditional-access-grant: a policy either blocks access
		// or grants it with controls.
		if block && (len(g.BuiltInControls.Elements()) > 1 || !g.AuthenticationStrengthID.IsNull() || setNonEmpty(g.TermsOfUse)) {
			diags.AddAttributeError(gp.AtName("built_in_controls"), "block stands alone",
				"A policy that blocks access cannot also require other controls: remove the other built_in_controls, authentication_strength_id and terms_of_use, or remove block.")
		}
		// entra authentication/concept-authentication-strengths, Limitations: "Require multifactor
		// authentication and Require authentication strength can't be used together".
		if setHas(g.BuiltInControls, "mfa") && !g.AuthenticationStrengthID.IsNull() {
			diags.AddAttributeError(gp.AtName("authentication_strength_id"), "mfa and an authentication strength are exclusive",
				"An authentication strength already requires multifactor authentication: use either built_in_controls \"mfa\" or authentication_strength_id.")
		}
		if setHas(g.BuiltInControls, "passwordChange") {
			passwordChange(m, diags)
		}
	}
	if s != nil {
		sp := path.Root("session_controls")
		if f := s.SignInFrequency; f != nil {
			fp := sp.AtName("sign_in_frequency")
			interval := cmp.Or(flex.ExpandString(f.FrequencyInterval), defaultFrequencyInterval)
			// graph signinfrequencysessioncontrol: value is "the number of days or hours" of type;
			// the beta page of the same resource: type is "null if frequencyInterval is everyTime".
			switch {
			case f.FrequencyInterval.IsUnknown():
			case interval == "everyTime" && (!f.Value.IsNull() || !f.Type.IsNull()):
				diags.AddAttributeError(fp, "everyTime takes no value or type",
					"frequency_interval = \"everyTime\" re-authenticates at every sign-in: remove value and type.")
			case interval == "timeBased" && f.Value.IsNull() != f.Type.IsNull():
				diags.AddAttributeError(fp, "value and type go together",
					"A time-based sign-in frequency needs both value and type (for example value = 4, type = \"hours\").")
			case interval == "timeBased" && f.Value.IsNull() && boolOrTrue(f.IsEnabled):
				diags.AddAttributeError(fp, "Sign-in frequency needs a value",
					"Set value and type (for example value = 4, type = \"hours\").")
			}
		}
		// entra conditional-access/howto-conditional-access-session-lifetime: persistent browser
		// session "requires selecting 'All Cloud Apps' as a condition".
		if s.PersistentBrowser != nil && m.Conditions != nil && m.Conditions.Applications != nil {
			a := m.Conditions.Applications
			if flex.Known(a.IncludeApplications) && !(setHas(a.IncludeApplications, "All") && len(a.IncludeApplications.Elements()) == 1) {
				diags.AddAttributeError(sp.AtName("persistent_browser"), "Persistent browser needs all cloud apps",
					"The service accepts persistent_browser only when conditions.applications.include_applications = [\"All\"].")
			}
		}
	}

	lockout(m, block, grantEmpty, diags)
	graphV1Refusals(m, diags)
	validateInput(m, diags)
}

// graphV1Refusals refuses at plan time the combinations Microsoft Graph v1.0
// refuses at apply time (the simulator's validateV1Refusals returns the same
// errors). Each rule is named in its diagnostic with its source.
//
//	CA.V1.EVERYTIME  microsoftgraph/msgraph-metadata#647 (open): v1.0 answers 400 to
//	                 frequencyInterval "everyTime" and points to beta; hashicorp/terraform-provider-azuread
//	                 #1416, #1417 (merged, reverted in #1456 for this reason).
//	CA.1104          microsoftgraph/microsoft-graph-docs#22086: error 1104, "'timeBased' value for
//	                 'frequencyInterval' ... only supports 'primaryAndSecondaryAuthentication'".
//	CA.1235          Microsoft365DSC issue 7119 (error 1235): a policy with authenticationFlows allows only
//	                 the block grant and no session controls; Microsoft's how-to (entra
//	                 conditional-access/policy-block-authentication-flows) builds them with Block access only.
func graphV1Refusals(m *caPolicyModel, diags *diag.Diagnostics) {
	sp := path.Root("session_controls")
	if s := m.SessionControls; s != nil && s.SignInFrequency != nil {
		f, fp := s.SignInFrequency, sp.AtName("sign_in_frequency")
		interval := cmp.Or(flex.ExpandString(f.FrequencyInterval), defaultFrequencyInterval)
		authType := cmp.Or(flex.ExpandString(f.AuthenticationType), defaultAuthenticationType)
		switch {
		case f.FrequencyInterval.IsUnknown() || f.AuthenticationType.IsUnknown():
		case interval == "everyTime":
			diags.AddAttributeError(fp.AtName("frequency_interval"), "everyTime is refused by Microsoft Graph v1.0",
				"Rule CA.V1.EVERYTIME: Graph v1.0, which this provider calls, answers 400 to frequency_interval = \"everyTime\" and accepts it "+
					"only on beta (microsoftgraph/msgraph-metadata#647; hashicorp/terraform-provider-azuread#1416). Allowed on v1.0: \"timeBased\" "+
					"with value and type (for example value = 1, type = \"hours\").")
		case authType == "secondaryAuthentication":
			diags.AddAttributeError(fp.AtName("authentication_type"), "secondaryAuthentication needs everyTime (Graph error 1104)",
				"Rule CA.1104: Graph refuses authentication_type = \"secondaryAuthentication\" with frequency_interval = \"timeBased\" "+
					"(error 1104: \"'timeBased' value for 'frequencyInterval' property in 'signInFrequency' session control only supports "+
					"'primaryAndSecondaryAuthentication' value for 'authenticationType' property\"; microsoftgraph/microsoft-graph-docs#22086), "+
					"and v1.0 refuses everyTime. Allowed: \"primaryAndSecondaryAuthentication\".")
		}
	}
	if c := m.Conditions; c != nil && c.AuthenticationFlows != nil {
		g := m.GrantControls
		onlyBlock := g != nil && flex.Known(g.BuiltInControls) && len(g.BuiltInControls.Elements()) == 1 && setHas(g.BuiltInControls, "block") &&
			g.AuthenticationStrengthID.IsNull() && !setNonEmpty(g.TermsOfUse)
		unknownGrant := g != nil && (g.BuiltInControls.IsUnknown() || g.AuthenticationStrengthID.IsUnknown() || g.TermsOfUse.IsUnknown())
		if !onlyBlock && !unknownGrant {
			diags.AddAttributeError(path.Root("grant_controls"), "Authentication flows allow only the block grant (Graph error 1235)",
				"Rule CA.1235: a policy with conditions.authentication_flows must have grant_controls = { built_in_controls = [\"block\"] } "+
					"and nothing else; the service refuses any other grant with error 1235 (Microsoft365DSC issue 7119). Microsoft's "+
					"\"Block authentication flows\" how-to configures these policies with Block access only.")
		}
		if m.SessionControls != nil {
			diags.AddAttributeError(sp, "Authentication flows allow no session controls (Graph error 1235)",
				"Rule CA.1235: a policy with conditions.authentication_flows cannot have session_controls; the service refuses it with "+
					"error 1235 (Microsoft365DSC issue 7119). Put the session controls in a separate policy.")
		}
	}
}

// passwordChange applies the documented rules of the passwordChange grant
// control: graph conditionalaccessgrantcontrols ("must be accompanied by mfa
// using an AND operator", "must be used in a policy containing
// userRiskLevels", "should target all applications, and not exclude any",
// "can't contain any other condition except users, applications and
// userRiskLevels") and entra conditional-access/concept-conditional-access-grant
// ("can't be used with other controls, such as requiring a compliant device").
// entra's session-lifetime how-to pairs it with an authentication strength
// instead of mfa, so either is accepted.
func passwordChange(m *caPolicyModel, diags *diag.Diagnostics) {
	g, gp := m.GrantControls, path.Root("grant_controls")
	if !setHas(g.BuiltInControls, "mfa") && g.AuthenticationStrengthID.IsNull() {
		diags.AddAttributeError(gp.AtName("built_in_controls"), "passwordChange needs mfa",
			"The service requires passwordChange to be combined with mfa (or an authentication strength) under operator = \"AND\".")
	}
	if flex.Known(g.Operator) && g.Operator.ValueString() != "AND" {
		diags.AddAttributeError(gp.AtName("operator"), "passwordChange needs AND",
			"passwordChange must be combined with mfa using operator = \"AND\".")
	}
	for _, e := range g.BuiltInControls.Elements() {
		if v, ok := e.(types.String); ok && flex.Known(v) && v.ValueString() != "mfa" && v.ValueString() != "passwordChange" {
			diags.AddAttributeError(gp.AtName("built_in_controls"), "passwordChange stands with mfa only",
				fmt.Sprintf("passwordChange cannot be combined with %q; keep only mfa (or an authentication strength) beside it.", v.ValueString()))
		}
	}
	if setNonEmpty(g.TermsOfUse) {
		diags.AddAttributeError(gp.AtName("terms_of_use"), "passwordChange stands with mfa only",
			"passwordChange cannot be combined with terms of use.")
	}
	c, cp := m.Conditions, path.Root("conditions")
	if c == nil {
		return
	}
	if !setNonEmpty(c.UserRiskLevels) && !c.UserRiskLevels.IsUnknown() {
		diags.AddAttributeError(cp.AtName("user_risk_levels"), "passwordChange needs user risk",
			"passwordChange remediates user risk: set conditions.user_risk_levels (for example [\"high\"]).")
	}
	if a := c.Applications; a != nil && flex.Known(a.IncludeApplications) &&
		(!(setHas(a.IncludeApplications, "All") && len(a.IncludeApplications.Elements()) == 1) || setNonEmpty(a.ExcludeApplications)) {
		diags.AddAttributeError(cp.AtName("applications"), "passwordChange needs all cloud apps",
			"A passwordChange policy must target include_applications = [\"All\"] and exclude none.")
	}
	other := c.Platforms != nil || c.Locations != nil || c.AuthenticationFlows != nil || setNonEmpty(c.SignInRiskLevels) ||
		(setNonEmpty(c.ClientAppTypes) && !(setHas(c.ClientAppTypes, "all") && len(c.ClientAppTypes.Elements()) == 1))
	if other {
		diags.AddAttributeError(cp, "passwordChange allows users, applications and user risk only",
			"A passwordChange policy cannot have platforms, locations, authentication_flows, sign_in_risk_levels or client_app_types other than [\"all\"].")
	}
}

// lockout refuses a policy that would block every user with no exclusion, and
// warns about one that requires controls of every user without exclusions.
func lockout(m *caPolicyModel, block, grantEmpty bool, diags *diag.Diagnostics) {
	if m.State.IsUnknown() || m.State.ValueString() != "enabled" || m.Conditions == nil || m.Conditions.Users == nil {
		return
	}
	u := m.Conditions.Users
	if u.IncludeUsers.IsUnknown() || !setHas(u.IncludeUsers, "All") {
		return
	}
	// Only a user ID or a group can exclude an emergency-access account:
	// "None", guests and empty sets exclude nobody who can fix a lockout.
	if excludesMembers(u) {
		return
	}
	allowed := flex.Known(m.AllowTenantLockoutRisk) && m.AllowTenantLockoutRisk.ValueBool()
	const advice = "Exclude your emergency-access (break-glass) accounts by object ID in conditions.users.exclude_users, or a group " +
		"holding them in exclude_groups (\"None\", guests and external users do not count), and roll the policy out as \"enabledForReportingButNotEnforced\" first."
	switch {
	case block && !allowed:
		diags.AddAttributeError(path.Root("conditions").AtName("users"), "This policy can lock everyone out of the tenant",
			"An enabled policy that blocks access for include_users = [\"All\"] without excluding a user (by object ID) or a group can lock every "+
				"administrator out, including you. "+advice+" If this is really intended, set allow_tenant_lockout_risk = true.")
	case block:
		diags.AddAttributeWarning(path.Root("allow_tenant_lockout_risk"), "Tenant lockout risk accepted",
			"This enabled policy blocks all users with no exclusions. "+advice)
	case !grantEmpty || m.SessionControls != nil:
		diags.AddAttributeWarning(path.Root("conditions").AtName("users"), "No emergency-access accounts excluded",
			"This enabled policy applies to all users with no excluded users or groups. If its controls cannot be satisfied "+
				"(a lost MFA device, a federation outage), nobody can sign in. "+advice)
	}
}
