package tenantsim

// TeamsEnhancedEncryptionPolicy, from Microsoft's
// Set-CsTeamsEnhancedEncryptionPolicy page (MicrosoftDocs/office-docs-powershell
// teams/teams-ps/MicrosoftTeams/Set-CsTeamsEnhancedEncryptionPolicy.md): every
// parameter of its syntax block except the common ones (Identity, Force,
// Instance, WhatIf, Confirm).
//
// Sources, as in teams_meeting_policy.go: doc (the page), ref
// (OfficeDocs-SkypeForBusiness Teams/settings-policies-reference.md,
// "Enhanced encryption policies"), obs, assumed.
//
// Values: the page documents only Disabled and DisabledUserOverride for both
// switches ("Set this to DisabledUserOverride to allow ... Set this to
// Disabled to prohibit"); Microsoft365DSC's schema validates nothing more.
//
// Defaults: doc and ref agree on calling ("Not enabled"). For meetings the
// page says "Default value: Disabled" while ref says "Not enabled, but users
// can enable" (= DisabledUserOverride); doc wins as for the meeting policy,
// and the conflict is reported.
//
// Built-ins: a new tenant is assumed to hold only Global (no public source
// lists any Tag: instance of this type).
func init() {
	registerTeamsType(&typeSpec{
		Name:         "TeamsEnhancedEncryptionPolicy",
		XMLNamespace: "urn:schema:Microsoft.Rtc.Management.Policy.Teams.2017",
		Params: []paramSpec{
			pEnum("CallingEndtoEndEncryptionEnabledType", "Disabled", "Disabled", "DisabledUserOverride"), // doc, ref
			pStr("Description", nil), // doc ("None"); Global has none
			pEnum("MeetingEndToEndEncryption", "Disabled", "Disabled", "DisabledUserOverride"), // doc (ref: DisabledUserOverride)
		},
	})
}
