package teams

// Parameter catalog of the teamshipaa_client_configuration resource (the
// Global Teams client configuration).
//
// Sources: Microsoft's cmdlet reference, MicrosoftDocs/office-docs-powershell
// teams/teams-ps/MicrosoftTeams/Set-CsTeamsClientConfiguration.md (commits
// d964c133 and 38233785, same parameters), the MicrosoftTeams release notes
// (which add UseUnifiedDomain to Set-CsTeamsClientConfiguration), the
// parameter list of the shipped cmdlet (MicrosoftTeams 7.9.0,
// terraprovider/go-teams models/zz_generated_models.go @ 2be9f011), the
// Microsoft365DSC class-based TeamsClientConfiguration resource (its newest
// revision in the public index, found by content; ValidateSets) and a real
// tenant's Get-CsTeamsClientConfiguration export (cisagov/ScubaGear
// PowerShell/ScubaGear/Sample-Reports/ProviderSettingsExport.json @ 23630e84,
// array client_configuration; cirosec/AzRanger and HackmichNet/AzRanger read
// the same fields from GET /Skype.Policy/configurations/TeamsClientConfiguration).
// Descriptions are our own words. Params are sorted alphabetically by Name.
//
// Rule for "current": a parameter is modelled when Microsoft documents it
// (cmdlet page or release notes) and MicrosoftTeams 7.9.0 accepts it.
//
// Left out on purpose:
//   - Identity (always Global), Tenant, Instance, Force, WhatIf, Confirm and the
//     PowerShell CommonParameters;
//   - AllowTBotProactiveMessaging: "Deprecated, do not use"; not a 7.9.0
//     parameter and not returned by GET;
//   - ExtendedWorkInfoInPeopleSearch: a 7.9.0 parameter returned by GET, but no
//     Microsoft page documents it (Microsoft365DSC's description is "TBD").
//
// Enum policy: ContentPin and ResourceAccountContentAccess are Enum with the
// documented values (the real tenant returns RequiredOutsideScheduleMeeting
// and NoAccess). UseUnifiedDomain is String: the release notes give no values;
// Microsoft365DSC validates MicrosoftDefault and Disabled, and the real tenant
// returns MicrosoftDefault. RestrictedSenderList is one semicolon-separated
// string on the wire (the doc; the real tenant returns null), so it is String,
// not a set.
//
// HIPAA baseline: AllowEmailIntoChannel false (SCuBA 4.1, CIS 8.1.2);
// AllowDropBox/AllowBox/AllowGoogleDrive/AllowShareFile/AllowEgnyte false
// unless a BAA covers the provider (CIS 8.1.1); AllowGuestUser only with guest
// MFA enforced. All are Bool as documented.
var clientConfiguration = PolicyType{
	Type:      "TeamsClientConfiguration",
	Cmdlet:    "Set-CsTeamsClientConfiguration",
	Resource:  "client_configuration",
	Title:     "Teams client configuration",
	Singleton: true,
	Params: []Param{
		{
			Name: "AllowBox", Attr: "allow_box", Kind: Bool,
			Description: "Whether users can add Box as a third-party cloud storage provider in Teams and work with the files stored there; no default documented.",
		},
		{
			Name: "AllowDropBox", Attr: "allow_dropbox", Kind: Bool,
			Description: "Whether users can add Dropbox as a third-party cloud storage provider in Teams and work with the files stored there; no default documented.",
		},
		{
			Name: "AllowEgnyte", Attr: "allow_egnyte", Kind: Bool,
			Description: "Whether users can add Egnyte as a third-party cloud storage provider in Teams and work with the files stored there; no default documented.",
		},
		{
			Name: "AllowEmailIntoChannel", Attr: "allow_email_into_channel", Kind: Bool,
			Description: "Whether people can post to a channel by sending email to the channel's email address; no default documented.",
		},
		{
			Name: "AllowGoogleDrive", Attr: "allow_google_drive", Kind: Bool,
			Description: "Whether users can add Google Drive as a third-party cloud storage provider in Teams and work with the files stored there; no default documented.",
		},
		{
			Name: "AllowGuestUser", Attr: "allow_guest_user", Kind: Bool,
			Description: "Whether guests in the tenant can use the Teams client (guest access must also be enabled for Microsoft 365); no default documented.",
		},
		{
			Name: "AllowOrganizationTab", Attr: "allow_organization_tab", Kind: Bool,
			Description: "Whether contact cards show the organization chart icon and chart; no default documented.",
		},
		{
			Name: "AllowResourceAccountSendMessage", Attr: "allow_resource_account_send_message", Kind: Bool,
			Description: "Whether Surface Hub device accounts can send chat messages in Skype for Business Online (not used by Microsoft Teams); no default documented.",
		},
		{
			Name: "AllowRoleBasedChatPermissions", Attr: "allow_role_based_chat_permissions", Kind: Bool,
			Description: "Whether supervised chat (the chat permission roles of the messaging policy) is enabled for the tenant; defaults to false.",
		},
		{
			Name: "AllowScopedPeopleSearchandAccess", Attr: "allow_scoped_people_search_and_access", Kind: Bool,
			Description: "Whether Exchange address book policies scope the directory users see when searching for people (a virtual, not a legal, separation); no default documented.",
		},
		{
			Name: "AllowShareFile", Attr: "allow_sharefile", Kind: Bool,
			Description: "Whether users can add Citrix ShareFile as a third-party cloud storage provider in Teams and work with the files stored there; no default documented.",
		},
		{
			Name: "AllowSkypeBusinessInterop", Attr: "allow_skype_business_interop", Kind: Bool,
			Description: "Whether Teams conversations appear in Skype for Business for users who are not enabled for Teams; no default documented.",
		},
		{
			Name: "ContentPin", Attr: "content_pin", Kind: Enum,
			Values:      []string{"NotRequired", "RequiredOutsideScheduleMeeting", "AlwaysRequired"},
			Description: "Whether a resource (device) account needs a secondary form of authentication to open meeting content in Skype for Business Online (not used by Microsoft Teams); defaults to RequiredOutsideScheduleMeeting.",
		},
		{
			Name: "ResourceAccountContentAccess", Attr: "resource_account_content_access", Kind: Enum,
			Values:      []string{"NoAccess", "PartialAccess", "FullAccess"},
			Description: "How much meeting content a resource (device) account can access without a secondary form of authentication (Skype for Business Online); no default documented.",
		},
		{
			Name: "RestrictedSenderList", Attr: "restricted_sender_list", Kind: String,
			Description: "Semicolon-separated list of the only SMTP domains allowed to email Teams channels (with `allow_email_into_channel` true); no default documented.",
		},
		// Values not documented by Microsoft (see the header).
		{
			Name: "UseUnifiedDomain", Attr: "use_unified_domain", Kind: String,
			Description: "Whether users are redirected from teams.microsoft.com to the unified domain teams.cloud.microsoft, MicrosoftDefault (Microsoft decides) or Disabled (values from Microsoft365DSC; the release notes list none); no default documented.",
		},
	},
}
