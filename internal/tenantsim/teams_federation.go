package tenantsim

// TenantFederationSettings (the ConfigAPI type behind
// Get/Set-CsTenantFederationConfiguration: external access), a singleton:
// only Global exists. Parameters: Microsoft's Set-CsTenantFederationConfiguration
// page (MicrosoftDocs/office-docs-powershell teams/teams-ps/MicrosoftTeams/
// Set-CsTenantFederationConfiguration.md, ms.date 12/11/2024, and the live
// page's newer syntax), plus every property a real tenant's GET returns in
// the ScubaGear sample export (cisagov/ScubaGear PowerShell/ScubaGear/
// Sample-Reports/ProviderSettingsExport.json, federation_configuration,
// module 1.8.0, 2026): that export is where "obs" defaults come from.
//
// The type name TenantFederationSettings (not the cmdlet noun) is what
// ScubaGear's REST helper (TeamsRestHelper.psm1,
// Get-TeamsTenantFederationConfigurationRest) and CIPP's New-TeamsRequestV2
// (TypeAliases: TenantFederationConfiguration -> TenantFederationSettings) call.
//
// AllowedDomains wire shape (unverified by Microsoft; this is the decision):
//
//	{}                                                   AllowAllKnownDomains (new tenant)
//	{"AllowedDomain":[{"Domain":"contoso.com"},...]}    allow list; [] inside = federate with nobody
//
// Evidence: (1) CIPP's Invoke-CIPPStandardTeamsFederationConfiguration, which
// talks to this REST type directly, documents the GET and PUT shapes as
// "GET-symmetric": allow-all reads and writes as an empty object, an allow
// list as {AllowedDomain: [{Domain: x}]}; it warns that sending an empty
// ARRAY for AllowedDomains is coerced by the ConfigAPI into an explicit empty
// allow list ({"AllowedDomain":[]}) while the write reports success, which
// flipped tenants to "block all" (CyberDrain/CIPP#364); and it reads list
// items as "plain strings or {Domain} objects". (2) The ScubaGear sample
// export serialises a real tenant's value as
// {"AllowedDomain": "Domain=domains.r.us"}: an object with an AllowedDomain
// member whose items have a Domain property (PowerShell's ConvertTo-Json
// flattened the one-item list to its string form). (3) The cmdlet types the
// parameter IAllowedDomainsChoice, built by New-CsEdgeAllowList or
// New-CsEdgeAllowAllKnownDomains, and scripts read
// .AllowedDomains.AllowedDomain.Domain (Microsoft365DSC's
// MSFT_TeamsFederationConfiguration) or compare .AllowedDomains.Element with
// '<AllowAllKnownDomains xmlns="urn:schema:Microsoft.Rtc.Management.Settings.Edge.2008" />'.
// (4) go-teams and Microsoft365DSC model it as an untyped value / a string
// array on their own side, which says nothing about the wire.
// So the simulator stores and returns the object form; on input it also
// takes plain strings as items and coerces a bare array into an allow list
// (CIPP's observation), null into {}.
//
// BlockedDomains is a list of {"Domain":"x"} objects (CIPP writes and reads
// that shape; the export shows []); items may also be sent as plain strings.
// AllowedDomainsAsAList (a plain string list, the cmdlet's newer parameter)
// is write-only: it replaces AllowedDomains with an allow list of those
// domains (an empty list gives an empty allow list, as for AllowedDomains).
// It cannot be sent together with AllowedDomains (assumed).
//
// AllowPublicUsers: the page says "Starting May 5, 2025, Skype Consumer
// Interoperability with Teams is no longer supported and the parameter
// AllowPublicUsers can no longer be used", the 2026 export has no such
// property and Microsoft365DSC dropped it. Modelled as accepted, ignored (not
// stored, not returned) with a warning (assumed: the real service may reject it).
//
// ApplyExternalAccessRestrictionsToChatMembership and
// ExtendMutualFederationForChatMembership are the live page's parameters; the
// GET carries EnableExternalAccessRestrictionsForChatPartipants and
// EnableMutualFederationForChatPartipants (sic). The simulator treats the
// former as write aliases of the latter (assumed from the names).
func init() {
	registerTeamsType(&typeSpec{
		Name:         "TenantFederationSettings",
		Singleton:    true,
		XMLNamespace: "urn:schema:Microsoft.Rtc.Management.Settings.Edge.2008",
		Params:       federationParams,
		Exclusive: [][]string{
			{"AllowedDomains", "AllowedDomainsAsAList"},
			{"EnableExternalAccessRestrictionsForChatPartipants", "ApplyExternalAccessRestrictionsToChatMembership"},
			{"EnableMutualFederationForChatPartipants", "ExtendMutualFederationForChatMembership"},
		},
	})
}

const maxFederationDomains = 4000 // doc: "can support up to 4,000 domains"

const publicUsersRetired = "AllowPublicUsers can no longer be used: Skype Consumer interoperability with Teams is no longer supported (since May 5, 2025). The value was ignored."

var federationParams = []paramSpec{
	{Name: "AllowedDomains", Kind: kindAllowedDomains, Default: map[string]any{}, MaxItems: maxFederationDomains},                                         // doc+obs: AllowAllKnownDomains
	{Name: "AllowedDomainsAsAList", Kind: kindStringList, Key: "Domain", WriteOnly: true, MaxItems: maxFederationDomains, Apply: setAllowListFromStrings}, // doc
	{Name: "AllowedTrialTenantDomains", Kind: kindStringList, Key: "Domain", Default: []string{}, MaxItems: maxFederationDomains},                         // doc; obs []
	pBool("AllowFederatedUsers", true), // doc ("True (the default value)")
	{Name: "AllowPublicUsers", Kind: kindBool, WriteOnly: true, Warning: publicUsersRetired}, // doc: retired
	pBool("AllowTeamsConsumer", true),        // doc
	pBool("AllowTeamsConsumerInbound", true), // doc
	pBool("AllowTeamsSms", true),             // obs (GET property, not a cmdlet parameter)
	{Name: "ApplyExternalAccessRestrictionsToChatMembership", Kind: kindBool, WriteOnly: true, Apply: setField("EnableExternalAccessRestrictionsForChatPartipants")}, // doc (live page); alias assumed
	pBool("BlockAllSubdomains", false), // obs
	{Name: "BlockedDomains", Kind: kindObjectList, Key: "Domain", Default: []any{}, MaxItems: maxFederationDomains},                                // doc; shape CIPP; obs []
	pEnum("DomainBlockingForMDOAdminsInTeams", "Disabled", "Disabled", "Enabled"),                                                                  // obs; values doc+DSC
	pBool("EnableExternalAccessRestrictionsForChatPartipants", false),                                                                              // obs
	pBool("EnableMutualFederationForChatPartipants", false),                                                                                        // obs
	{Name: "ExtendMutualFederationForChatMembership", Kind: kindBool, WriteOnly: true, Apply: setField("EnableMutualFederationForChatPartipants")}, // doc (live page); alias assumed
	pEnum("ExternalAccessWithTrialTenants", "Blocked", "Allowed", "Blocked"),                                                                       // doc ("default value is Blocked"), obs
	pBool("RestrictTeamsConsumerToExternalUserProfiles", false),                                                                                    // obs
	pEnum("SecurityTeamAllowBlockListDelegation", "Disabled", "Disabled", "Enabled"),                                                               // obs; values assumed as DomainBlockingForMDOAdminsInTeams
	pBool("SharedSipAddressSpace", false),                                                                                                          // doc ("The default value is False")
	pBool("TreatDiscoveredPartnersAsUnverified", false),                                                                                            // doc ("The default value is False")
}

// setAllowListFromStrings applies AllowedDomainsAsAList.
func setAllowListFromStrings(dst map[string]any, v any) {
	list, _ := v.([]string)
	items := make([]any, 0, len(list))
	for _, d := range list {
		items = append(items, map[string]any{"Domain": d})
	}
	dst["AllowedDomains"] = map[string]any{"AllowedDomain": items}
}

// setField makes a write alias of another parameter.
func setField(name string) func(map[string]any, any) {
	return func(dst map[string]any, v any) { dst[name] = v }
}
