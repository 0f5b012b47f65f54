package tenantsim

// TeamsClientConfiguration (Get/Set-CsTeamsClientConfiguration: guest
// access, email into channel, third-party cloud storage), a singleton: only
// Global exists. Parameters: Microsoft's Set-CsTeamsClientConfiguration page
// (MicrosoftDocs/office-docs-powershell teams/teams-ps/MicrosoftTeams/
// Set-CsTeamsClientConfiguration.md) plus the properties a real tenant's GET
// returns in the ScubaGear sample export (cisagov/ScubaGear PowerShell/
// ScubaGear/Sample-Reports/ProviderSettingsExport.json, client_configuration),
// which is also where "obs" defaults come from; "ref" is
// OfficeDocs-SkypeForBusiness Teams/settings-policies-reference.md ("Teams
// settings"), where the sample tenant and ref disagree ref wins for a new
// tenant (AllowEmailIntoChannel: ref On, the sample tenant turned it off).
//
// RestrictedSenderList is a semicolon-separated string of SMTP domains (doc),
// null when unset (obs). AllowTBotProactiveMessaging is "Deprecated, do not
// use" (doc) and absent from the 2026 export: accepted with a warning, not
// stored. UseUnifiedDomain (obs, default MicrosoftDefault) takes the values
// Microsoft documented for the teams.cloud.microsoft redirect switch when it
// moved here (office-docs-powershell PR #13200: Microsoft Default, Disabled,
// Enabled).
func init() {
	registerTeamsType(&typeSpec{
		Name:         "TeamsClientConfiguration",
		Singleton:    true,
		XMLNamespace: "urn:schema:Microsoft.Rtc.Management.Settings.TeamsConfiguration.2017",
		Params: []paramSpec{
			pBool("AllowBox", true),                          // ref ("On"), obs
			pBool("AllowDropBox", true),                      // ref, obs
			pBool("AllowEgnyte", true),                       // ref, obs
			pBool("AllowEmailIntoChannel", true),             // ref ("On")
			pBool("AllowGoogleDrive", true),                  // ref, obs
			pBool("AllowGuestUser", true),                    // obs
			pBool("AllowOrganizationTab", true),              // ref, obs
			pBool("AllowResourceAccountSendMessage", true),   // ref ("Surface hub accounts can send emails: On"), obs
			pBool("AllowRoleBasedChatPermissions", false),    // doc, ref ("Off"), obs
			pBool("AllowScopedPeopleSearchandAccess", false), // ref ("Off"), obs
			pBool("AllowShareFile", true),                    // ref ("Citrix files: On"), obs
			pBool("AllowSkypeBusinessInterop", true),         // obs
			{Name: "AllowTBotProactiveMessaging", Kind: kindBool, WriteOnly: true, Warning: "AllowTBotProactiveMessaging is deprecated and has no effect."}, // doc
			pEnum("ContentPin", "RequiredOutsideScheduleMeeting", "NotRequired", "RequiredOutsideScheduleMeeting", "AlwaysRequired"),                        // doc, ref, obs
			pBool("ExtendedWorkInfoInPeopleSearch", false),                                               // obs
			pEnum("ResourceAccountContentAccess", "NoAccess", "NoAccess", "PartialAccess", "FullAccess"), // ref ("No access"), obs; values doc
			pStr("RestrictedSenderList", nil),                                                            // ref ("(none)"), obs
			pEnum("UseUnifiedDomain", "MicrosoftDefault", "MicrosoftDefault", "Disabled", "Enabled"),     // obs; values PR #13200
		},
	})
}
