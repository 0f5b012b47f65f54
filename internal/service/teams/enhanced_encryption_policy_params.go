package teams

// Parameter catalog of the teamshipaa_enhanced_encryption_policy resource.
//
// Sources: Microsoft's cmdlet reference, MicrosoftDocs/office-docs-powershell
// teams/teams-ps/MicrosoftTeams/Set-CsTeamsEnhancedEncryptionPolicy.md (commit
// 5137565d; the revision at b232d137 has the same parameters), cross-checked
// with New-CsTeamsEnhancedEncryptionPolicy.md in the same folder and with the
// parameter list of the shipped cmdlet (MicrosoftTeams 7.9.0,
// terraprovider/go-teams models/zz_generated_models.go @ 2be9f011: exactly
// CallingEndtoEndEncryptionEnabledType, Description, MeetingEndToEndEncryption
// plus internal ones). No public export of a real tenant's policies was found;
// testdata/enhanced_encryption_policy_list.json is built from the doc's
// defaults and examples (see testdata/SOURCES.md). Descriptions are our own
// words. Params are sorted alphabetically by Name.
//
// Note the wire spelling CallingEndtoEndEncryptionEnabledType (lower-case
// "to"), unlike MeetingEndToEndEncryption.
//
// Enum policy: both settings are Enum with exactly the two documented values,
// Disabled and DisabledUserOverride (the cmdlet types them as enums; no
// "Enabled" value exists: end-to-end encryption is always the user's or the
// organizer's choice). The HIPAA baseline wants DisabledUserOverride in a
// policy assigned to clinicians. Trade-offs for the docs: end-to-end encrypted
// calls and meetings lose recording and transcription; encrypted meetings need
// Teams Premium, are limited in size and cannot be joined from a browser.
//
// Left out on purpose: Identity (the resource's name), Instance, Force,
// WhatIf, Confirm, InMemory (New- only), the PowerShell CommonParameters and
// MsftInternalProcessingMode (a 7.9.0 parameter for Microsoft's internal use,
// not documented).
var enhancedEncryptionPolicy = PolicyType{
	Type:       "TeamsEnhancedEncryptionPolicy",
	Cmdlet:     "Set-CsTeamsEnhancedEncryptionPolicy",
	Resource:   "enhanced_encryption_policy",
	Title:      "Teams enhanced encryption policy",
	Assignment: GroupOrTenant,
	Params: []Param{
		{
			Name: "CallingEndtoEndEncryptionEnabledType", Attr: "calling_end_to_end_encryption_enabled_type", Kind: Enum,
			Values:      []string{"Disabled", "DisabledUserOverride"},
			Description: "Whether users may turn on end-to-end encryption for their 1:1 Teams VoIP calls: DisabledUserOverride lets them, Disabled prohibits it; defaults to Disabled.",
		},
		{
			Name: "Description", Attr: "description", Kind: String,
			Description: "Free-text description of the policy, for example who it should be assigned to; no default documented.",
		},
		{
			Name: "MeetingEndToEndEncryption", Attr: "meeting_end_to_end_encryption", Kind: Enum,
			Values:      []string{"Disabled", "DisabledUserOverride"},
			Description: "Whether users with a Teams Premium license may schedule end-to-end encrypted meetings: DisabledUserOverride lets them, Disabled prohibits it; defaults to Disabled.",
		},
	},
}
