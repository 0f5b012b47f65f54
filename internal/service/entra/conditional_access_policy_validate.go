package entra

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
)

// ValidateConfig enforces at plan time the rules the service enforces at
// apply time (so a plan that succeeds does not fail halfway through an
// apply), plus the lockout protection.
func (r *caPolicyResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var m caPolicyModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	validatePolicy(&m, &resp.Diagnostics)
}

func validatePolicy(m *caPolicyModel, diags *diag.Diagnostics) {
	cond := path.Root("conditions")
	if c := m.Conditions; c != nil {
		if u := c.Users; u != nil {
			up := cond.AtName("users")
			if !setNonEmpty(u.IncludeUsers) && !setNonEmpty(u.IncludeGroups) && !setNonEmpty(u.IncludeRoles) && u.IncludeGuestsOrExternalUsers == nil {
				diags.AddAttributeError(up, "No users included",
					"A policy must include someone: set include_users (for example [\"All\"]), include_groups, include_roles or include_guests_or_external_users.")
			}
			for _, special := range []string{"All", "None"} {
				if setHas(u.IncludeUsers, special) && len(u.IncludeUsers.Elements()) > 1 {
					diags.AddAttributeError(up.AtName("include_users"), special+" stands alone",
						fmt.Sprintf("include_users = [%q] cannot be combined with other values.", special))
				}
			}
			for name, g := range map[string]*caGuests{"include_guests_or_external_users": u.IncludeGuestsOrExternalUsers, "exclude_guests_or_external_users": u.ExcludeGuestsOrExternalUsers} {
				if g == nil || g.ExternalTenantsMembershipKind.IsUnknown() {
					continue
				}
				gp := up.AtName(name)
				switch kind := str(g.ExternalTenantsMembershipKind); {
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
				diags.AddAttributeError(ap, "No applications or user actions",
					"Set include_applications (for example [\"All\"]) or include_user_actions.")
			case apps && actions:
				diags.AddAttributeError(ap.AtName("include_user_actions"), "Applications and user actions are exclusive",
					"A policy targets either cloud apps (include_applications) or user actions (include_user_actions), not both.")
			}
			if actions && setNonEmpty(a.ExcludeApplications) {
				diags.AddAttributeError(ap.AtName("exclude_applications"), "Exclusions need applications",
					"exclude_applications only applies with include_applications.")
			}
			for _, special := range []string{"All", "None"} {
				if setHas(a.IncludeApplications, special) && len(a.IncludeApplications.Elements()) > 1 {
					diags.AddAttributeError(ap.AtName("include_applications"), special+" stands alone",
						fmt.Sprintf("include_applications = [%q] cannot be combined with other values.", special))
				}
			}
		}
		if setHas(c.ClientAppTypes, "all") && len(c.ClientAppTypes.Elements()) > 1 {
			diags.AddAttributeError(cond.AtName("client_app_types"), "all stands alone",
				"client_app_types = [\"all\"] already covers every client app; list specific types instead.")
		}
		if p := c.Platforms; p != nil && setHas(p.ExcludePlatforms, "all") {
			diags.AddAttributeError(cond.AtName("platforms").AtName("exclude_platforms"), "Cannot exclude all platforms",
				"exclude_platforms cannot hold \"all\".")
		}
		if l := c.Locations; l != nil && (setHas(l.ExcludeLocations, "All")) {
			diags.AddAttributeError(cond.AtName("locations").AtName("exclude_locations"), "Cannot exclude all locations",
				"exclude_locations cannot hold \"All\"; exclude named locations or AllTrusted.")
		}
	}

	g, s := m.GrantControls, m.SessionControls
	grantEmpty := g == nil || !setNonEmpty(g.BuiltInControls) && g.AuthenticationStrengthID.IsNull() && !setNonEmpty(g.TermsOfUse)
	sessionEmpty := s == nil || s.SignInFrequency == nil && s.PersistentBrowser == nil && s.CloudAppSecurity == nil && s.ApplicationEnforcedRestrictionsEnabled.IsNull()
	if g != nil && grantEmpty {
		diags.AddAttributeError(path.Root("grant_controls"), "Empty grant controls",
			"grant_controls needs built_in_controls, authentication_strength_id or terms_of_use; leave the block out for a policy with session controls only.")
	}
	if s != nil && sessionEmpty {
		diags.AddAttributeError(path.Root("session_controls"), "Empty session controls",
			"session_controls needs at least one control; leave it out otherwise.")
	}
	if g == nil && s == nil {
		diags.AddError("No controls", "A conditional access policy needs grant_controls or session_controls (or both).")
	}

	block := g != nil && setHas(g.BuiltInControls, "block")
	if g != nil {
		gp := path.Root("grant_controls")
		if block && (len(g.BuiltInControls.Elements()) > 1 || !g.AuthenticationStrengthID.IsNull() || setNonEmpty(g.TermsOfUse)) {
			diags.AddAttributeError(gp.AtName("built_in_controls"), "block stands alone",
				"A policy that blocks access cannot also require other controls: remove the other built_in_controls, authentication_strength_id and terms_of_use, or remove block.")
		}
		if setHas(g.BuiltInControls, "mfa") && !g.AuthenticationStrengthID.IsNull() {
			diags.AddAttributeError(gp.AtName("authentication_strength_id"), "mfa and an authentication strength are exclusive",
				"An authentication strength already requires multifactor authentication: use either built_in_controls \"mfa\" or authentication_strength_id.")
		}
		if setHas(g.BuiltInControls, "passwordChange") {
			if g.Operator.ValueString() != "AND" && known(g.Operator) && len(g.BuiltInControls.Elements()) > 1 {
				diags.AddAttributeError(gp.AtName("operator"), "passwordChange needs AND",
					"passwordChange must be combined with mfa using operator = \"AND\".")
			}
			if !setHas(g.BuiltInControls, "mfa") && g.AuthenticationStrengthID.IsNull() {
				diags.AddAttributeError(gp.AtName("built_in_controls"), "passwordChange needs mfa",
					"The service requires passwordChange to be combined with mfa (operator = \"AND\").")
			}
		}
	}
	if s != nil {
		sp := path.Root("session_controls")
		if f := s.SignInFrequency; f != nil {
			fp := sp.AtName("sign_in_frequency")
			interval := firstNonEmpty(str(f.FrequencyInterval), defaultFrequencyInterval)
			switch {
			case f.FrequencyInterval.IsUnknown():
			case interval == "everyTime" && (!f.Value.IsNull() || !f.Type.IsNull()):
				diags.AddAttributeError(fp, "everyTime takes no value or type",
					"frequency_interval = \"everyTime\" re-authenticates at every sign-in: remove value and type.")
			case interval == "timeBased" && f.Value.IsNull() != f.Type.IsNull():
				diags.AddAttributeError(fp, "value and type go together",
					"A time-based sign-in frequency needs both value and type (for example value = 4, type = \"hours\").")
			case interval == "timeBased" && f.Value.IsNull() && boolOr(f.IsEnabled, true):
				diags.AddAttributeError(fp, "Sign-in frequency needs a value",
					"Set value and type, or frequency_interval = \"everyTime\".")
			}
			if known(f.Value) && str(f.Type) == "hours" && f.Value.ValueInt64() > 23 {
				diags.AddAttributeError(fp.AtName("value"), "Too many hours", "With type = \"hours\", value is 1 to 23; use days for longer.")
			}
		}
		if s.PersistentBrowser != nil && m.Conditions != nil && m.Conditions.Applications != nil {
			a := m.Conditions.Applications
			if known(a.IncludeApplications) && !(setHas(a.IncludeApplications, "All") && len(a.IncludeApplications.Elements()) == 1) {
				diags.AddAttributeError(sp.AtName("persistent_browser"), "Persistent browser needs all cloud apps",
					"The service accepts persistent_browser only when conditions.applications.include_applications = [\"All\"].")
			}
		}
	}

	lockout(m, block, grantEmpty, diags)
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
	if setNonEmpty(u.ExcludeUsers) || setNonEmpty(u.ExcludeGroups) {
		return
	}
	allowed := known(m.AllowTenantLockoutRisk) && m.AllowTenantLockoutRisk.ValueBool()
	const advice = "Exclude your emergency-access (break-glass) accounts, or a group holding them, with " +
		"conditions.users.exclude_users or exclude_groups, and roll the policy out as \"enabledForReportingButNotEnforced\" first."
	switch {
	case block && !allowed:
		diags.AddAttributeError(path.Root("conditions").AtName("users"), "This policy can lock everyone out of the tenant",
			"An enabled policy that blocks access for include_users = [\"All\"] with no excluded users or groups can lock every "+
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
