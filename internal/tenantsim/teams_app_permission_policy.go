package tenantsim

// TeamsAppPermissionPolicy, from Microsoft's Set-CsTeamsAppPermissionPolicy
// page (MicrosoftDocs/office-docs-powershell teams/teams-ps/MicrosoftTeams/
// Set-CsTeamsAppPermissionPolicy.md): every parameter of its syntax block
// except the common ones (Identity, Tenant, Instance, Force, WhatIf, Confirm).
//
// Wire shape of the app lists: the cmdlet takes DefaultCatalogApp[] /
// GlobalCatalogApp[] / PrivateCatalogApp[] objects built with
// `-Property @{Id="<app id>"}` (the page's examples 3 to 5), so each list is
// a JSON array of {"Id":"<app id>"}; an app id is a GUID or a reverse-DNS
// string (the Get page shows com.microsoft.teamspace.tab.planner). The
// ScubaGear sample export (cisagov/ScubaGear PowerShell/ScubaGear/
// Sample-Reports/ProviderSettingsExport.json, app_policies) shows the three
// lists as [] and the three *Type values as strings.
//
// New-tenant Global: all three lists empty with BlockedAppList ("block these,
// allow the rest" with nothing blocked = allow everything). Sources: the
// Set page's example 1 says BlockedAppList with @() "allows all ... apps. No
// apps are blocked"; OfficeDocs-SkypeForBusiness Teams/
// teams-app-permission-policies.md says "by default, all apps are allowed in
// the global policy". (The ScubaGear sample tenant shows AllowedAppList with
// empty lists: a tenant that blocked everything, or one migrated to
// app-centric management; not a new tenant.) No Tag: built-ins (assumed; the
// Get page's example shows Global alone).
//
// App-centric management: Microsoft's New-/Set-/Remove- pages say "This
// cmdlet is not supported for tenants that migrated to app centric
// management feature as it replaced permission policies. While the cmdlet may
// succeed, the changes aren't applied to the tenant." AppCentric makes writes
// answer with appCentricWarning while the switch is on (see
// SetAppCentricManagement). The simulator still stores the change, so a
// read-back matches what was sent; whether the real service does is unknown.
// The same pages say group policy assignment does not support this type.
func init() {
	registerTeamsType(&typeSpec{
		Name:         "TeamsAppPermissionPolicy",
		XMLNamespace: "urn:schema:Microsoft.Rtc.Management.Policy.Teams.2017",
		AppCentric:   true,
		Params: []paramSpec{
			appList("DefaultCatalogApps"), // doc; default obs+ref (empty)
			pEnum("DefaultCatalogAppsType", "BlockedAppList", "AllowedAppList", "BlockedAppList"), // doc values; default ref (all apps allowed)
			pStr("Description", nil),     // doc ("None")
			appList("GlobalCatalogApps"), // doc; default obs+ref (empty)
			pEnum("GlobalCatalogAppsType", "BlockedAppList", "AllowedAppList", "BlockedAppList"), // doc values; default ref
			appList("PrivateCatalogApps"), // doc; default obs+ref (empty)
			pEnum("PrivateCatalogAppsType", "BlockedAppList", "AllowedAppList", "BlockedAppList"), // doc values; default ref
		},
	})
}

// appCentricWarning is sent on writes to TeamsAppPermissionPolicy while the
// tenant is migrated to app-centric management; modelled on the note in
// Microsoft's Set-CsTeamsAppPermissionPolicy documentation.
const appCentricWarning = "This tenant has been migrated to app centric management, which replaced app permission policies. " +
	"While the request succeeded, the changes aren't applied to the tenant. Manage app availability in the Teams admin center (Teams apps > Manage apps) instead."

func appList(name string) paramSpec {
	return paramSpec{Name: name, Kind: kindObjectList, Key: "Id", Default: []any{}}
}
