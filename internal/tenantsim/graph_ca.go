package tenantsim

import (
	"slices"
	"strings"
)

// Conditional access policies: /v1.0/identity/conditionalAccess/policies.
// Shapes from microsoftgraph/microsoft-graph-docs-contrib
// api-reference/v1.0/resources/conditionalaccess*.md,
// signinfrequencysessioncontrol.md, persistentbrowsersessioncontrol.md and
// the example responses of api/conditionalaccessroot-post-policies.md.

var (
	riskLevels = []string{"low", "medium", "high", "hidden", "none", "unknownFutureValue"}

	filterType = &gType{name: "conditionalAccessFilter", fields: []gField{
		{name: "mode", kind: gEnum, enum: []string{"include", "exclude"}},
		{name: "rule", kind: gString},
	}}
	guestsType = &gType{name: "conditionalAccessGuestsOrExternalUsers", fields: []gField{
		{name: "guestOrExternalUserTypes", kind: gFlags, enum: []string{"none", "internalGuest", "b2bCollaborationGuest",
			"b2bCollaborationMember", "b2bDirectConnectUser", "otherExternalUser", "serviceProvider", "unknownFutureValue"}},
		{name: "externalTenants", kind: gAny},
	}}
	caUsersType = &gType{name: "conditionalAccessUsers", fields: []gField{
		{name: "includeUsers", kind: gStrings},
		{name: "excludeUsers", kind: gStrings},
		{name: "includeGroups", kind: gStrings},
		{name: "excludeGroups", kind: gStrings},
		{name: "includeRoles", kind: gStrings},
		{name: "excludeRoles", kind: gStrings},
		{name: "includeGuestsOrExternalUsers", kind: gObject, obj: guestsType},
		{name: "excludeGuestsOrExternalUsers", kind: gObject, obj: guestsType},
	}}
	caApplicationsType = &gType{name: "conditionalAccessApplications", fields: []gField{
		{name: "includeApplications", kind: gStrings},
		{name: "excludeApplications", kind: gStrings},
		{name: "includeUserActions", kind: gStrings},
		{name: "includeAuthenticationContextClassReferences", kind: gStrings},
		{name: "applicationFilter", kind: gObject, obj: filterType},
	}}
	caClientApplicationsType = &gType{name: "conditionalAccessClientApplications", fields: []gField{
		{name: "includeServicePrincipals", kind: gStrings},
		{name: "excludeServicePrincipals", kind: gStrings},
		{name: "servicePrincipalFilter", kind: gObject, obj: filterType},
	}}
	caPlatformsType = &gType{name: "conditionalAccessPlatforms", fields: []gField{
		{name: "includePlatforms", kind: gEnums, enum: caPlatforms},
		{name: "excludePlatforms", kind: gEnums, enum: caPlatforms},
	}}
	caPlatforms     = []string{"android", "iOS", "windows", "windowsPhone", "macOS", "linux", "all", "unknownFutureValue"}
	caLocationsType = &gType{name: "conditionalAccessLocations", fields: []gField{
		{name: "includeLocations", kind: gStrings},
		{name: "excludeLocations", kind: gStrings},
	}}
	caDevicesType = &gType{name: "conditionalAccessDevices", fields: []gField{
		{name: "deviceFilter", kind: gObject, obj: filterType},
	}}
	caAuthFlowsType = &gType{name: "conditionalAccessAuthenticationFlows", fields: []gField{
		{name: "transferMethods", kind: gFlags, enum: []string{"none", "deviceCodeFlow", "authenticationTransfer", "unknownFutureValue"}},
	}}
	caConditionsType = &gType{name: "conditionalAccessConditionSet", fields: []gField{
		{name: "applications", kind: gObject, obj: caApplicationsType},
		{name: "authenticationFlows", kind: gObject, obj: caAuthFlowsType},
		{name: "clientApplications", kind: gObject, obj: caClientApplicationsType},
		{name: "clientAppTypes", kind: gEnums, enum: []string{"all", "browser", "mobileAppsAndDesktopClients", "exchangeActiveSync", "easSupported", "other", "unknownFutureValue"}, def: []any{"all"}},
		{name: "devices", kind: gObject, obj: caDevicesType},
		{name: "insiderRiskLevels", kind: gFlags, enum: []string{"minor", "moderate", "elevated", "unknownFutureValue"}},
		{name: "locations", kind: gObject, obj: caLocationsType},
		{name: "platforms", kind: gObject, obj: caPlatformsType},
		{name: "servicePrincipalRiskLevels", kind: gEnums, enum: []string{"low", "medium", "high", "none", "unknownFutureValue"}},
		{name: "signInRiskLevels", kind: gEnums, enum: riskLevels},
		{name: "userRiskLevels", kind: gEnums, enum: riskLevels},
		{name: "users", kind: gObject, obj: caUsersType},
	}}
	caGrantType = &gType{name: "conditionalAccessGrantControls", fields: []gField{
		{name: "operator", kind: gEnum, enum: []string{"AND", "OR"}},
		{name: "builtInControls", kind: gEnums, enum: []string{"block", "mfa", "compliantDevice", "domainJoinedDevice",
			"approvedApplication", "compliantApplication", "passwordChange", "unknownFutureValue"}},
		{name: "customAuthenticationFactors", kind: gStrings},
		{name: "termsOfUse", kind: gStrings},
		{name: "authenticationStrength", kind: gAny},
	}}
	caSessionType = &gType{name: "conditionalAccessSessionControls", fields: []gField{
		{name: "applicationEnforcedRestrictions", kind: gObject, obj: &gType{name: "applicationEnforcedRestrictionsSessionControl", fields: []gField{
			{name: "isEnabled", kind: gBool},
		}}},
		{name: "cloudAppSecurity", kind: gObject, obj: &gType{name: "cloudAppSecuritySessionControl", fields: []gField{
			{name: "isEnabled", kind: gBool},
			{name: "cloudAppSecurityType", kind: gEnum, enum: []string{"mcasConfigured", "monitorOnly", "blockDownloads", "unknownFutureValue"}},
		}}},
		{name: "disableResilienceDefaults", kind: gBool},
		{name: "persistentBrowser", kind: gObject, obj: &gType{name: "persistentBrowserSessionControl", fields: []gField{
			{name: "isEnabled", kind: gBool},
			{name: "mode", kind: gEnum, enum: []string{"always", "never"}},
		}}},
		{name: "signInFrequency", kind: gObject, obj: &gType{name: "signInFrequencySessionControl", fields: []gField{
			{name: "isEnabled", kind: gBool},
			{name: "type", kind: gEnum, enum: []string{"days", "hours"}},
			{name: "value", kind: gInt32},
			{name: "authenticationType", kind: gEnum, enum: []string{"primaryAndSecondaryAuthentication", "secondaryAuthentication", "unknownFutureValue"}, def: "primaryAndSecondaryAuthentication"},
			{name: "frequencyInterval", kind: gEnum, enum: []string{"timeBased", "everyTime", "unknownFutureValue"}, def: "timeBased"},
		}}},
	}}
	caPolicyType = &gType{name: "conditionalAccessPolicy", fields: []gField{
		{name: "displayName", kind: gString},
		{name: "state", kind: gEnum, enum: []string{"enabled", "disabled", "enabledForReportingButNotEnforced"}},
		{name: "conditions", kind: gObject, obj: caConditionsType},
		{name: "grantControls", kind: gObject, obj: caGrantType},
		{name: "sessionControls", kind: gObject, obj: caSessionType},
	}}
)

// Server-set properties of an entity: ignored in request bodies.
var graphReadOnly = []string{"id", "createdDateTime", "modifiedDateTime", "templateId", "deletedDateTime"}

func stripReadOnly(m map[string]any) {
	for _, k := range graphReadOnly {
		delete(m, k)
	}
	for k := range m {
		if strings.HasPrefix(k, "@odata.") && k != "@odata.type" {
			delete(m, k)
		}
	}
}

// Special location ids a policy may name besides named locations.
var specialLocations = []string{"All", "AllTrusted", "00000000-0000-0000-0000-000000000000"}

const (
	msgClientAppTypesEmpty = "1064: 'clientAppTypes' condition does not support []. If you want to target all client apps, use ['All']. If you want to target modern authentication clients, use ['browser', 'mobileAppsAndDesktopClients']."
	msgPasswordChange      = "1032: ConditionalActionPolicy validation failed due to InvalidPasswordResetControl."
)

// normalizePolicy validates a policy body (create, or stored+patch) and
// returns it in the service's stored shape, without the server fields.
func (s *Simulator) normalizePolicy(in map[string]any) (map[string]any, *apiError) {
	in = deepCopyMap(in)
	stripReadOnly(in)
	delete(in, "@odata.type")
	var strengthIn any
	if gc, ok := in["grantControls"].(map[string]any); ok {
		strengthIn = gc["authenticationStrength"]
	}
	p, e := caPolicyType.normalize(in, "")
	if e != nil {
		return nil, e
	}
	if name, _ := p["displayName"].(string); strings.TrimSpace(name) == "" {
		return nil, graphBadRequest("The property 'displayName' is required and cannot be empty.")
	}
	if p["state"] == nil {
		return nil, graphBadRequest("The property 'state' is required: use enabled, disabled or enabledForReportingButNotEnforced.")
	}
	cond, _ := p["conditions"].(map[string]any)
	if cond == nil {
		return nil, graphBadRequest("The property 'conditions' is required.")
	}
	if e := validateConditions(s, cond); e != nil {
		return nil, e
	}
	if e := s.normalizeGrant(p, strengthIn); e != nil {
		return nil, e
	}
	if e := normalizeSession(p); e != nil {
		return nil, e
	}
	if e := validateV1Refusals(p); e != nil {
		return nil, e
	}
	if p["grantControls"] == nil && p["sessionControls"] == nil {
		return nil, graphBadRequest("A conditional access policy needs at least one control: set grantControls (builtInControls, authenticationStrength, termsOfUse or customAuthenticationFactors) or sessionControls.")
	}
	if e := validatePasswordChange(p); e != nil {
		return nil, e
	}
	return p, nil
}

func validateConditions(s *Simulator, cond map[string]any) *apiError {
	if v, ok := cond["clientAppTypes"].([]any); ok && len(v) == 0 {
		return graphBadRequest(msgClientAppTypesEmpty)
	}
	apps, _ := cond["applications"].(map[string]any)
	if apps == nil || len(strList(apps["includeApplications"]))+len(strList(apps["includeUserActions"]))+len(strList(apps["includeAuthenticationContextClassReferences"])) == 0 {
		return graphBadRequest("The policy must include applications: set conditions.applications.includeApplications (application ids, 'All', 'Office365', 'MicrosoftAdminPortals' or 'None'), includeUserActions or includeAuthenticationContextClassReferences.")
	}
	for _, k := range []string{"includeApplications", "excludeApplications"} {
		for _, a := range strList(apps[k]) {
			if !guidOK(a) && !slices.Contains([]string{"All", "None", "Office365", "MicrosoftAdminPortals"}, a) {
				return graphBadRequest("Invalid value '%s' in conditions.applications.%s: use application (client) ids, 'All', 'None', 'Office365' or 'MicrosoftAdminPortals'.", a, k)
			}
		}
	}
	for _, a := range strList(apps["includeUserActions"]) {
		if a != "urn:user:registersecurityinfo" && a != "urn:user:registerdevice" {
			return graphBadRequest("Invalid value '%s' in conditions.applications.includeUserActions: supported values are urn:user:registersecurityinfo and urn:user:registerdevice.", a)
		}
	}
	users, _ := cond["users"].(map[string]any)
	clientApps, _ := cond["clientApplications"].(map[string]any)
	hasUsers := users != nil && (len(strList(users["includeUsers"]))+len(strList(users["includeGroups"]))+len(strList(users["includeRoles"])) > 0 || users["includeGuestsOrExternalUsers"] != nil)
	hasSPs := clientApps != nil && len(strList(clientApps["includeServicePrincipals"])) > 0
	if !hasUsers && !hasSPs {
		return graphBadRequest("The policy must include users: set conditions.users.includeUsers ('All', 'None', 'GuestsOrExternalUsers' or user ids), includeGroups, includeRoles or includeGuestsOrExternalUsers (or conditions.clientApplications for workload identities).")
	}
	if users != nil {
		for _, k := range []string{"includeUsers", "excludeUsers"} {
			for _, u := range strList(users[k]) {
				if !guidOK(u) && !slices.Contains([]string{"All", "None", "GuestsOrExternalUsers"}, u) {
					return graphBadRequest("Invalid value '%s' in conditions.users.%s: use user object ids, 'All', 'None' or 'GuestsOrExternalUsers'.", u, k)
				}
			}
		}
		for _, k := range []string{"includeGroups", "excludeGroups", "includeRoles", "excludeRoles"} {
			for _, id := range strList(users[k]) {
				if !guidOK(id) {
					return graphBadRequest("Invalid value '%s' in conditions.users.%s: expected an object id (GUID).", id, k)
				}
			}
		}
	}
	if locs, _ := cond["locations"].(map[string]any); locs != nil {
		if len(strList(locs["includeLocations"])) == 0 {
			return graphBadRequest("conditions.locations.includeLocations cannot be empty when conditions.locations is set: use ['All'] to include every location.")
		}
		for _, k := range []string{"includeLocations", "excludeLocations"} {
			for _, id := range strList(locs[k]) {
				if slices.Contains(specialLocations, id) {
					continue
				}
				if !guidOK(id) {
					return graphBadRequest("Invalid value '%s' in conditions.locations.%s: use named location ids, 'All' or 'AllTrusted'.", id, k)
				}
				if _, ok := s.store.get(collNamedLocations, id, false); !ok {
					return graphBadRequest("NamedLocation with id %s does not exist in the directory.", id)
				}
			}
		}
	}
	if p, _ := cond["platforms"].(map[string]any); p != nil && len(strList(p["includePlatforms"])) == 0 {
		return graphBadRequest("conditions.platforms.includePlatforms cannot be empty when conditions.platforms is set: use ['all'] to include every platform.")
	}
	if f, _ := cond["authenticationFlows"].(map[string]any); f != nil && f["transferMethods"] == nil {
		return graphBadRequest("conditions.authenticationFlows.transferMethods is required when conditions.authenticationFlows is set.")
	}
	return nil
}

// normalizeGrant expands authenticationStrength and folds an empty
// grantControls to null (the service keeps no empty grant block).
func (s *Simulator) normalizeGrant(p map[string]any, strengthIn any) *apiError {
	gc, _ := p["grantControls"].(map[string]any)
	if gc == nil {
		return nil
	}
	gc["authenticationStrength"] = nil
	if strengthIn != nil {
		m, ok := strengthIn.(map[string]any)
		id, _ := m["id"].(string)
		if !ok || id == "" {
			return graphBadRequest("grantControls.authenticationStrength must be an object with the 'id' of an authentication strength policy.")
		}
		st := authStrengthByID(id)
		if st == nil {
			return graphBadRequest("The authentication strength policy '%s' does not exist.", id)
		}
		gc["authenticationStrength"] = st
	}
	controls := strList(gc["builtInControls"])
	n := len(controls) + len(strList(gc["customAuthenticationFactors"])) + len(strList(gc["termsOfUse"]))
	if gc["authenticationStrength"] != nil {
		n++
	}
	if n == 0 {
		p["grantControls"] = nil
		return nil
	}
	if gc["operator"] == nil {
		return graphBadRequest("grantControls.operator is required: use 'AND' or 'OR'.")
	}
	if slices.Contains(controls, "block") && n > 1 {
		return graphBadRequest("The 'block' grant control cannot be combined with other grant controls.")
	}
	if slices.Contains(controls, "mfa") && gc["authenticationStrength"] != nil {
		return graphBadRequest("The 'mfa' grant control and an authentication strength cannot be used together in one policy.")
	}
	return nil
}

// normalizeSession validates session controls and folds an empty block to null.
func normalizeSession(p map[string]any) *apiError {
	sc, _ := p["sessionControls"].(map[string]any)
	if sc == nil {
		return nil
	}
	if sif, _ := sc["signInFrequency"].(map[string]any); sif != nil {
		interval, _ := sif["frequencyInterval"].(string)
		switch interval {
		case "everyTime":
			if sif["value"] != nil || sif["type"] != nil {
				return graphBadRequest("signInFrequency with frequencyInterval 'everyTime' cannot have a 'value' or 'type'.")
			}
		default:
			if sif["isEnabled"] == true || sif["value"] != nil || sif["type"] != nil {
				n, _ := graphInt(sif["value"])
				typ, _ := sif["type"].(string)
				if typ == "" || n < 1 {
					return graphBadRequest("signInFrequency with frequencyInterval 'timeBased' needs 'type' (days or hours) and a positive 'value'.")
				}
				if (typ == "hours" && n > 23) || (typ == "days" && n > 365) {
					return graphBadRequest("signInFrequency value %d is out of range for type '%s': use 1-23 hours or 1-365 days.", n, typ)
				}
			}
		}
	}
	if pb, _ := sc["persistentBrowser"].(map[string]any); pb != nil && pb["isEnabled"] == true && pb["mode"] == nil {
		return graphBadRequest("persistentBrowser needs 'mode' (always or never) when enabled.")
	}
	if cas, _ := sc["cloudAppSecurity"].(map[string]any); cas != nil && cas["isEnabled"] == true && cas["cloudAppSecurityType"] == nil {
		return graphBadRequest("cloudAppSecurity needs 'cloudAppSecurityType' when enabled.")
	}
	empty := true
	for k, v := range sc {
		if v != nil && !(k == "disableResilienceDefaults" && v == false) {
			empty = false
		}
	}
	if empty {
		p["sessionControls"] = nil
	}
	return nil
}

// validateV1Refusals refuses the combinations Graph v1.0 is observed to
// refuse, with the service's code and, where a capture is public, its words:
//
//   - frequencyInterval "everyTime": v1.0 answers 400 and points to beta
//     (microsoftgraph/msgraph-metadata#647, open; hashicorp/terraform-provider-azuread
//     #1416, and #1417 merged then reverted in #1456 for this reason). The
//     captures are screenshots, so the wording here is ours.
//   - "timeBased" with authenticationType "secondaryAuthentication": error 1104,
//     message verbatim from microsoftgraph/microsoft-graph-docs#22086.
//   - conditions.authenticationFlows with any grant but "block", or with session
//     controls: error 1235 (microsoft/Microsoft365DSC issue 7119; its text
//     was not readable here, so the wording is ours). Microsoft's how-to (entra conditional-access/policy-block-authentication-flows)
//     configures these policies only with Block access.
func validateV1Refusals(p map[string]any) *apiError {
	if sc, _ := p["sessionControls"].(map[string]any); sc != nil {
		if sif, _ := sc["signInFrequency"].(map[string]any); sif != nil {
			interval, _ := sif["frequencyInterval"].(string)
			authType, _ := sif["authenticationType"].(string)
			switch {
			case interval == "everyTime":
				return graphBadRequest("The value 'everyTime' of property 'frequencyInterval' in 'signInFrequency' is not supported in this API version. Use the beta endpoint.")
			case interval == "timeBased" && authType == "secondaryAuthentication":
				return graphBadRequest("1104: 'timeBased' value for 'frequencyInterval' property in 'signInFrequency' session control only supports 'primaryAndSecondaryAuthentication' value for 'authenticationType' property. For examples, please see API documentation at https://docs.microsoft.com/en-us/graph/api/conditionalaccesspolicy-update?view=graph-rest-1.0.")
			}
		}
	}
	cond, _ := p["conditions"].(map[string]any)
	if f, _ := cond["authenticationFlows"].(map[string]any); f != nil {
		gc, _ := p["grantControls"].(map[string]any)
		onlyBlock := gc != nil && slices.Equal(strList(gc["builtInControls"]), []string{"block"}) &&
			gc["authenticationStrength"] == nil && len(strList(gc["termsOfUse"])) == 0 && len(strList(gc["customAuthenticationFactors"])) == 0
		if !onlyBlock || p["sessionControls"] != nil {
			return graphBadRequest("1235: A policy with the 'authenticationFlows' condition supports only the 'block' grant control and no session controls.")
		}
	}
	return nil
}

// validatePasswordChange applies the documented rules for passwordChange
// (conditionalaccessgrantcontrols.md): with mfa under AND, in a policy
// with userRiskLevels, targeting All applications.
func validatePasswordChange(p map[string]any) *apiError {
	gc, _ := p["grantControls"].(map[string]any)
	if gc == nil || !slices.Contains(strList(gc["builtInControls"]), "passwordChange") {
		return nil
	}
	cond, _ := p["conditions"].(map[string]any)
	apps, _ := cond["applications"].(map[string]any)
	if gc["operator"] != "AND" || !slices.Contains(strList(gc["builtInControls"]), "mfa") ||
		len(strList(cond["userRiskLevels"])) == 0 || !slices.Equal(strList(apps["includeApplications"]), []string{"All"}) ||
		len(strList(apps["excludeApplications"])) > 0 {
		return graphBadRequest(msgPasswordChange)
	}
	return nil
}

// caPolicies is /v1.0/identity/conditionalAccess/policies.
var caPolicies = &graphCollection{
	path: "identity/conditionalAccess/policies", store: collCAPolicies, entity: "ConditionalAccessPolicy",
	read: rolesPolicyRead, write: rolesPolicyWrite,
	normalize: (*Simulator).normalizePolicy,
}
