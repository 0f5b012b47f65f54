package baseline

import (
	"fmt"
	"strings"
)

// Shapes the conditional access, DLP and retention controls look for. Each
// reads an Object by the resources' Terraform attribute names.

// Role is a built-in Microsoft Entra directory role, by template id.
type Role struct{ ID, Name string }

// PrivilegedRoles are the roles CISA SCuBA's Entra ID baseline ("Highly
// Privileged Roles") treats as highly privileged; HB.CA.3 and HB.CA.7 want a
// policy that includes every one of them. Template ids are Microsoft's fixed
// identifiers, the same in every tenant.
var PrivilegedRoles = []Role{
	{"62e90394-69f5-4237-9190-012177145e10", "Global Administrator"},
	{"e8611ab8-c189-46e8-94e1-60213ab1f814", "Privileged Role Administrator"},
	{"fe930be7-5e62-47db-91af-98c3a49a38b1", "User Administrator"},
	{"f28a1f50-f6e7-4571-818b-6a12f2af6b6c", "SharePoint Administrator"},
	{"29232cdf-9323-42fd-ade2-1d097af3e4de", "Exchange Administrator"},
	{"8ac3fc64-6eca-42ea-9e69-59f4c7b60eb2", "Hybrid Identity Administrator"},
	{"9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3", "Application Administrator"},
	{"158c047a-c907-4556-b7ef-446551a6b5f7", "Cloud Application Administrator"},
}

// PhishingResistantStrength is the id of Microsoft's built-in
// "Phishing-resistant MFA" authentication strength (the same in every tenant).
// A custom strength cannot be judged from the policy alone, so HB.CA.3 wants
// the built-in one.
const PhishingResistantStrength = "00000000-0000-0000-0000-000000000004"

// SensitiveType is a Purview sensitive information type: a DLP rule names it
// by id or by name.
type SensitiveType struct{ ID, Name string }

// HIPAASensitiveTypes are the types of Microsoft's HIPAA DLP template: a
// patient identifier (SSN or DEA number) with a diagnosis code.
var HIPAASensitiveTypes = []SensitiveType{
	{"a44669fe-0d48-453d-a9b1-2cc83f2cba77", "U.S. Social Security Number (SSN)"},
	{"9a5445ad-406e-43eb-8bd7-cac17ab6d0e4", "Drug Enforcement Agency (DEA) Number"},
	{"fa3f9c74-ee07-4c52-b5f2-085d6b2c0ec4", "International Classification of Diseases (ICD-9-CM)"},
	{"3356946c-6bb7-449b-b253-6ffa419c0ce7", "International Classification of Diseases (ICD-10-CM)"},
}

// EnhancedSensitiveTypes are what Microsoft's "enhanced" HIPAA template adds;
// matched by name.
var EnhancedSensitiveTypes = []SensitiveType{
	{"", "All Full Names"},
	{"", "All Medical Terms And Conditions"},
	{"", "U.S. Physical Addresses"},
}

func roleNames(rs []Role) string {
	names := make([]string, len(rs))
	for i, r := range rs {
		names[i] = r.Name
	}
	return strings.Join(names, ", ")
}

func typeNames(ts []SensitiveType) string {
	names := make([]string, len(ts))
	for i, t := range ts {
		names[i] = t.Name
	}
	return strings.Join(names, ", ")
}

// ---- conditional access -------------------------------------------------------

const (
	caEnabled    = "enabled"
	caReportOnly = "enabledForReportingButNotEnforced"
)

// caTenant is a tenant rule over conditional access policies: a policy
// satisfies it when it has the shape and is enabled. A policy of the right
// shape in report-only mode (or disabled) fails, and says so in Details.
func caTenant(describe string, shape func(o Object) bool) Rule {
	return Predicate{Describe: describe + "; the policy's state is enabled", Fn: func(o Object) Finding {
		if !shape(o) {
			return Finding{Result: Fail, Actual: "does not have the required shape"}
		}
		switch s := str(o, "state"); {
		case strings.EqualFold(s, caEnabled):
			return Finding{Result: Pass, Actual: "enabled"}
		case strings.EqualFold(s, caReportOnly):
			return Finding{Result: Fail, Actual: "report-only", Details: fmt.Sprintf("%q has the required shape but is report-only "+
				"(%s): it is not enforced; set state = \"enabled\" once its sign-in results are reviewed", o.Name, caReportOnly)}
		default:
			return Finding{Result: Fail, Actual: Format(s), Details: fmt.Sprintf("%q has the required shape but its state is %q", o.Name, s)}
		}
	}}
}

func caGrants(o Object) []string { return strs(o, "grant_controls.built_in_controls") }

// caAllUsers: every user is included and no directory role is excluded (an
// excluded role exempts every administrator in it). Excluded users and groups
// are allowed: emergency-access accounts must be excluded (HB.CA.10).
func caAllUsers(o Object) bool {
	return hasFold(strs(o, "conditions.users.include_users"), "All") && len(strs(o, "conditions.users.exclude_roles")) == 0
}

func caAllApps(o Object) bool {
	return hasFold(strs(o, "conditions.applications.include_applications"), "All")
}

func caBlocks(o Object) bool { return hasFold(caGrants(o), "block") }

func caRequiresMFA(o Object) bool {
	return hasFold(caGrants(o), "mfa") || str(o, "grant_controls.authentication_strength_id") != ""
}

// caRequiresManagedDevice: the grant cannot be met without a managed device:
// compliantDevice or domainJoinedDevice, and under OR no other alternative.
func caRequiresManagedDevice(o Object) bool {
	g := caGrants(o)
	isDevice := func(c string) bool {
		return strings.EqualFold(c, "compliantDevice") || strings.EqualFold(c, "domainJoinedDevice")
	}
	device := false
	for _, c := range g {
		device = device || isDevice(c)
	}
	if !device {
		return false
	}
	if strings.EqualFold(str(o, "grant_controls.operator"), "AND") {
		return true
	}
	for _, c := range g {
		if !isDevice(c) {
			return false
		}
	}
	return str(o, "grant_controls.authentication_strength_id") == ""
}

func caPrivilegedRoles(o Object) bool {
	ids := make([]string, len(PrivilegedRoles))
	for i, r := range PrivilegedRoles {
		ids[i] = r.ID
	}
	return allFold(strs(o, "conditions.users.include_roles"), ids...) && len(strs(o, "conditions.users.exclude_roles")) == 0
}

// caTargetsGuests: guests and external users are included (all users, or
// them by name) and not excluded.
func caTargetsGuests(o Object) bool {
	inc := strs(o, "conditions.users.include_users")
	g, _ := Lookup(o, "conditions.users.include_guests_or_external_users")
	targeted := hasFold(inc, "All") || hasFold(inc, "GuestsOrExternalUsers") || g != nil
	ex, _ := Lookup(o, "conditions.users.exclude_guests_or_external_users")
	return targeted && ex == nil && !hasFold(strs(o, "conditions.users.exclude_users"), "GuestsOrExternalUsers")
}

// caSignInWithin: sign-in frequency is on, and users sign in again at least
// every maxHours (or every time).
func caSignInWithin(o Object, maxHours int64) bool {
	v, _ := Lookup(o, "session_controls.sign_in_frequency")
	m, ok := v.(map[string]any)
	if !ok {
		return false
	}
	if on, ok := m["is_enabled"].(bool); ok && !on {
		return false
	}
	if s, _ := m["frequency_interval"].(string); strings.EqualFold(s, "everyTime") {
		return true
	}
	n, ok := toInt(m["value"])
	if !ok {
		return false
	}
	switch t, _ := m["type"].(string); strings.ToLower(t) {
	case "hours":
		return n <= maxHours
	case "days":
		return n*24 <= maxHours
	}
	return false
}

func caNoPersistentBrowser(o Object) bool {
	v, _ := Lookup(o, "session_controls.persistent_browser")
	m, ok := v.(map[string]any)
	if !ok {
		return false
	}
	if on, ok := m["is_enabled"].(bool); ok && !on {
		return false
	}
	mode, _ := m["mode"].(string)
	return strings.EqualFold(mode, "never")
}

// caExcludesAccounts judges one policy (HB.CA.10): it excludes at least one
// user or group, where the emergency-access accounts belong. A disabled
// policy applies to no one and is not judged.
func caExcludesAccounts(o Object) Finding {
	if strings.EqualFold(str(o, "state"), "disabled") {
		return Finding{Result: NotApplicable, Actual: `state = "disabled"`, Details: "a disabled policy applies to no one"}
	}
	users, _ := Lookup(o, "conditions.users.exclude_users")
	groups, _ := Lookup(o, "conditions.users.exclude_groups")
	if !known(users) || !known(groups) {
		return Finding{Result: NotApplicable, Actual: Unknown.String()}
	}
	n := 0
	for _, u := range strs(o, "conditions.users.exclude_users") {
		if !strings.EqualFold(u, "GuestsOrExternalUsers") {
			n++
		}
	}
	n += len(strs(o, "conditions.users.exclude_groups"))
	if n == 0 {
		return Finding{Result: Fail, Actual: "no user or group excluded"}
	}
	return Finding{Result: Pass, Actual: fmt.Sprintf("%d user(s) or group(s) excluded", n)}
}

// ---- Purview ------------------------------------------------------------------

func onlyAll(o Object, path string) bool {
	l := strs(o, path)
	return len(l) == 1 && strings.EqualFold(l[0], "All")
}

// dlpPolicy is a tenant rule over DLP policies: the shape, and mode Enable.
// A policy of the right shape in a test mode fails and says so.
func dlpPolicy(describe string, shape func(o Object) bool) Rule {
	return Predicate{Describe: describe + `; mode = "Enable"`, Fn: func(o Object) Finding {
		if !shape(o) {
			return Finding{Result: Fail, Actual: "does not have the required locations"}
		}
		switch m := str(o, "mode"); {
		case strings.EqualFold(m, "Enable"):
			return Finding{Result: Pass, Actual: `mode = "Enable"`}
		case strings.HasPrefix(strings.ToLower(m), "test"):
			return Finding{Result: Fail, Actual: Format(m), Details: fmt.Sprintf("%q covers the locations but is in test mode (%s): "+
				"matches are reported, not blocked; set mode = \"Enable\"", o.Name, m)}
		default:
			return Finding{Result: Fail, Actual: Format(m), Details: fmt.Sprintf("%q covers the locations but its mode is %q", o.Name, m)}
		}
	}}
}

// sensitiveTypes lists the names and ids a DLP rule's condition holds, in
// either form (sensitive_types, or groups of them), lower-cased.
func sensitiveTypes(o Object) map[string]bool {
	out := map[string]bool{}
	add := func(list any) {
		l, _ := list.([]any)
		for _, e := range l {
			m, _ := e.(map[string]any)
			for _, k := range []string{"name", "id"} {
				if s, ok := m[k].(string); ok && s != "" {
					out[strings.ToLower(s)] = true
				}
			}
		}
	}
	v, _ := Lookup(o, "content_contains_sensitive_information.sensitive_types")
	add(v)
	groups, _ := Lookup(o, "content_contains_sensitive_information.groups")
	l, _ := groups.([]any)
	for _, g := range l {
		m, _ := g.(map[string]any)
		add(m["sensitive_types"])
	}
	return out
}

func detects(o Object, want []SensitiveType) bool {
	have := sensitiveTypes(o)
	for _, t := range want {
		if !have[strings.ToLower(t.Name)] && (t.ID == "" || !have[strings.ToLower(t.ID)]) {
			return false
		}
	}
	return true
}

// dlpRule is a tenant rule over DLP rules: a rule that is on, detects the
// HIPAA types and has the shape.
func dlpRule(describe string, shape func(o Object) bool) Rule {
	return Predicate{Describe: "a DLP rule that detects " + typeNames(HIPAASensitiveTypes) + " " + describe, Fn: func(o Object) Finding {
		if !detects(o, HIPAASensitiveTypes) || !shape(o) {
			return Finding{Result: Fail, Actual: "does not have the required shape"}
		}
		if d, _ := Lookup(o, "disabled"); d == true {
			return Finding{Result: Fail, Actual: "disabled = true", Details: fmt.Sprintf("%q has the required shape but is turned off", o.Name)}
		}
		return Finding{Result: Pass, Actual: "on"}
	}}
}

// retention is a tenant rule over retention policies: the location is
// ["All"] and the policy is on.
func retention(location string) Rule {
	return Predicate{Describe: location + ` = ["All"] in a retention policy that is enabled`, Fn: func(o Object) Finding {
		if !onlyAll(o, location) {
			return Finding{Result: Fail, Actual: "does not cover " + location}
		}
		if e, _ := Lookup(o, "enabled"); e == false {
			return Finding{Result: Fail, Actual: "enabled = false", Details: fmt.Sprintf("%q covers %s but is turned off", o.Name, location)}
		}
		return Finding{Result: Pass, Actual: location + ` = ["All"]`}
	}}
}

// ---- Teams --------------------------------------------------------------------

// federationPerDomain (HB.EXTERNAL.1): federation off, or on with an
// explicit allow list.
var federationPerDomain = Predicate{
	Describe: "allow_federated_users = false, or allowed_domains an explicit list of domains (not [\"AllowAllKnownDomains\"])",
	Fn: func(o Object) Finding {
		fed, _ := Lookup(o, "allow_federated_users")
		if fed == false {
			return Finding{Result: Pass, Actual: "allow_federated_users = false"}
		}
		doms, _ := Lookup(o, "allowed_domains")
		if fed == nil || doms == nil || !known(fed) || !known(doms) {
			return Finding{Result: NotApplicable, Actual: Format(doms), Details: "allow_federated_users or allowed_domains is not set in this object"}
		}
		l := strs(o, "allowed_domains")
		if hasFold(l, "AllowAllKnownDomains") {
			return Finding{Result: Fail, Actual: `allowed_domains = ["AllowAllKnownDomains"]`}
		}
		return Finding{Result: Pass, Actual: fmt.Sprintf("%d allowed domain(s)", len(l))}
	},
}

// ---- Audit retention and alerts ---------------------------------------------

// teamsAuditRetention (HB.AUDIT.2): an audit log retention policy keeps every
// Microsoft Teams record (the record type, no activity or user filter) ten years.
var teamsAuditRetention = guarded{guard: "record_types", want: []any{"MicrosoftTeams"}, Predicate: Predicate{
	Describe: `an audit log retention policy with "MicrosoftTeams" in record_types, no operations or user_ids, and retention_duration = "TenYears"`,
	Val:      "TenYears",
	Fn: func(o Object) Finding {
		if !hasFold(strs(o, "record_types"), "MicrosoftTeams") {
			return Finding{Result: Fail, Actual: "does not keep MicrosoftTeams records"}
		}
		if len(strs(o, "operations")) > 0 || len(strs(o, "user_ids")) > 0 {
			return Finding{Result: Fail, Actual: "keeps only some activities or users",
				Details: fmt.Sprintf("%q keeps Teams records of some activities or users only", o.Name)}
		}
		d := str(o, "retention_duration")
		if !equalFold(d, "TenYears") {
			return Finding{Result: Fail, Actual: Format(d), Details: fmt.Sprintf("%q keeps every Teams record, for %s", o.Name, d)}
		}
		return Finding{Result: Pass, Actual: `retention_duration = "TenYears"`}
	},
}}

// guarded is a predicate whose value (Val) is meant for an object that also
// has guard = want: the duration of HB.AUDIT.2 is for a policy of the Teams records.
type guarded struct {
	Predicate
	guard string
	want  any
}

func (g guarded) Guard() (string, any) { return g.guard, g.want }

// alertOn is a tenant rule over alert policies: an activity alert on
// operation (within workload, when one is named: the filter must name it),
// on, and emailing someone.
func alertOn(operation, workload string) Rule {
	describe := fmt.Sprintf(`an alert policy with threat_type = "Activity" and operation = %q`, operation)
	if workload != "" {
		describe += fmt.Sprintf(`, filtered to (or not filtered away from) Activity.Workload %q`, workload)
	}
	return Predicate{Describe: describe + ", not disabled, notifying at least one address", Fn: func(o Object) Finding {
		if !equalFold(str(o, "threat_type"), "Activity") || !equalFold(str(o, "operation"), operation) {
			return Finding{Result: Fail, Actual: "watches another activity"}
		}
		if f := str(o, "filter"); workload != "" && f != "" && !strings.Contains(strings.ToLower(f), strings.ToLower(workload)) {
			return Finding{Result: Fail, Actual: Format(f), Details: fmt.Sprintf("%q watches %s outside %s only", o.Name, operation, workload)}
		}
		if d, _ := Lookup(o, "disabled"); d == true {
			return Finding{Result: Fail, Actual: "disabled = true", Details: fmt.Sprintf("%q watches %s but is turned off", o.Name, operation)}
		}
		if n, _ := Lookup(o, "notification_enabled"); n == false || len(strs(o, "notify_user")) == 0 {
			return Finding{Result: Fail, Actual: "notifies no one", Details: fmt.Sprintf("%q watches %s but emails no one", o.Name, operation)}
		}
		return Finding{Result: Pass, Actual: "on, notifying " + strings.Join(strs(o, "notify_user"), ", ")}
	}}
}
