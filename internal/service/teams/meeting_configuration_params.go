package teams

// Parameter catalog of the teamshipaa_meeting_configuration resource (the
// Global Teams meeting configuration).
//
// Sources: Microsoft's cmdlet reference, MicrosoftDocs/office-docs-powershell
// teams/teams-ps/MicrosoftTeams/Set-CsTeamsMeetingConfiguration.md (commit
// 33761860, the newest stored revision: it adds ReportMeeting to the revision
// at bb4af655), Microsoft Graph's UTCM (Unified Tenant Configuration
// Management) page for this resource (same properties, minus the newest), the
// parameter list of the shipped cmdlet (MicrosoftTeams 7.9.0,
// terraprovider/go-teams models/zz_generated_models.go @ 2be9f011) and
// Microsoft365DSC's class-based TeamsMeetingConfiguration resource (its newest
// revision in the public index, found by content; the older
// MSFT_TeamsMeetingConfiguration.schema.mof @ 3a3171f9 predates these
// parameters), which documents EnableAttributedTranscripts and
// EnableGraphTranscriptAccess (7.9.0 parameters the cmdlet page does not list
// yet). No public export of a
// real tenant's answer was found; testdata/meeting_configuration_global.json
// is built from the documented defaults (see testdata/SOURCES.md).
// Descriptions are our own words. Params are sorted alphabetically by Name.
//
// Rule for "current": a parameter is modelled when Microsoft documents it
// (cmdlet page, or Microsoft's own Microsoft365DSC) and MicrosoftTeams 7.9.0
// accepts it.
//
// Left out on purpose:
//   - Identity (always Global), Tenant, Instance, Force, WhatIf, Confirm and the
//     PowerShell CommonParameters;
//   - PublishedEntraAuthenticationContexts: a 7.9.0 parameter that is a list of
//     {Id, PublishedName, PublishedDescription} objects (Microsoft365DSC); no
//     Kind models nested objects yet and the Microsoft cmdlet page does not
//     document it.
//
// Ports are UInt32 in the cmdlet: the starting ports are bounded 1024-65535
// as documented; the port counts (*PortRange) have no documented bound, so
// only their sign is checked.
//
// Enum policy: FeedbackSurveyForAnonymousUsers and ReportMeeting are Enum with
// the documented values Enabled and Disabled (Microsoft's admin guide warns
// that "$disabled" does not work: the value is the word Disabled).
//
// HIPAA-relevant: DisableAnonymousJoin (tenant-wide block on anonymous join;
// the meeting policy's AllowAnonymousUsersToJoinMeeting applies per user) and
// EnableGraphTranscriptAccess / EnableAttributedTranscripts (whether apps can
// read meeting transcripts, which hold PHI, through Microsoft Graph).
var meetingConfiguration = PolicyType{
	Type:      "TeamsMeetingConfiguration",
	Cmdlet:    "Set-CsTeamsMeetingConfiguration",
	Resource:  "meeting_configuration",
	Title:     "Teams meeting configuration",
	Singleton: true,
	Notes: "\n\nEach media port range, from `client_*_port` for `client_*_port_range` ports (20 by default), must end by port 65535: " +
		"checked at plan time, as is a range of 0 ports.",
	Params: []Param{
		{
			Name: "ClientAppSharingPort", Attr: "client_app_sharing_port", Kind: Int, Min: i64(1024), Max: i64(65535),
			Description: "First port of the range clients use for screen and application sharing; defaults to 50040.",
		},
		{
			Name: "ClientAppSharingPortRange", Attr: "client_app_sharing_port_range", Kind: Int, Min: i64(0),
			Description: "Number of ports clients use for screen and application sharing; defaults to 20.",
		},
		{
			Name: "ClientAudioPort", Attr: "client_audio_port", Kind: Int, Min: i64(1024), Max: i64(65535),
			Description: "First port of the range clients use for audio; defaults to 50000.",
		},
		{
			Name: "ClientAudioPortRange", Attr: "client_audio_port_range", Kind: Int, Min: i64(0),
			Description: "Number of ports clients use for audio; defaults to 20.",
		},
		{
			Name: "ClientMediaPortRangeEnabled", Attr: "client_media_port_range_enabled", Kind: Bool,
			Description: "Whether clients must use the configured port ranges for media (otherwise any port from 1024 to 65535); defaults to false.",
		},
		{
			Name: "ClientVideoPort", Attr: "client_video_port", Kind: Int, Min: i64(1024), Max: i64(65535),
			Description: "First port of the range clients use for video; defaults to 50020.",
		},
		{
			Name: "ClientVideoPortRange", Attr: "client_video_port_range", Kind: Int, Min: i64(0),
			Description: "Number of ports clients use for video; defaults to 20.",
		},
		{
			Name: "CustomFooterText", Attr: "custom_footer_text", Kind: String,
			Description: "Text added to the footer of meeting invitations; no default documented.",
		},
		{
			Name: "DisableAnonymousJoin", Attr: "disable_anonymous_join", Kind: Bool,
			Description: "Whether anonymous users are blocked from joining any meeting in the tenant, whatever the meeting policies allow; no default documented.",
		},
		{
			Name: "DisableAppInteractionForAnonymousUsers", Attr: "disable_app_interaction_for_anonymous_users", Kind: Bool,
			Description: "Whether anonymous users are prevented from interacting with apps in meetings; no default documented.",
		},
		{
			Name: "EnableAttributedTranscripts", Attr: "enable_attributed_transcripts", Kind: Bool,
			Description: "Whether transcripts read through Microsoft Graph may carry speaker attribution (when false, only unattributed transcripts are served); not on the cmdlet page, documented by Microsoft365DSC; no default documented.",
		},
		{
			Name: "EnableGraphTranscriptAccess", Attr: "enable_graph_transcript_access", Kind: Bool,
			Description: "Whether apps can read meeting transcripts through the Microsoft Graph API at all; not on the cmdlet page, documented by Microsoft365DSC; no default documented.",
		},
		{
			Name: "EnableQoS", Attr: "enable_qos", Kind: Bool,
			Description: "Whether Quality of Service (DSCP) marking is applied to real-time media: audio, video and screen sharing; no default documented.",
		},
		{
			Name: "FeedbackSurveyForAnonymousUsers", Attr: "feedback_survey_for_anonymous_users", Kind: Enum,
			Values:      []string{"Enabled", "Disabled"},
			Description: "Whether anonymous participants are asked to fill in a feedback survey about the meeting; defaults to Enabled.",
		},
		{
			Name: "HelpURL", Attr: "help_url", Kind: String,
			Description: "URL of a page with help on joining meetings, included in meeting invitations (must be publicly reachable); no default documented.",
		},
		{
			Name: "LegalURL", Attr: "legal_url", Kind: String,
			Description: "URL of a page with legal information and meeting disclaimers, included in meeting invitations (must be publicly reachable); no default documented.",
		},
		{
			Name: "LimitPresenterRolePermissions", Attr: "limit_presenter_role_permissions", Kind: Bool,
			Description: "Whether the capabilities of the presenter role are reduced for the tenant's users; defaults to false.",
		},
		{
			Name: "LogoURL", Attr: "logo_url", Kind: String,
			Description: "URL of a logo image included in meeting invitations (must be publicly reachable); no default documented.",
		},
		{
			Name: "ReportMeeting", Attr: "report_meeting", Kind: Enum,
			Values:      []string{"Enabled", "Disabled"},
			Description: "Whether users can report a meeting as a security concern (phishing, vishing, impersonation) or as not a concern, for the organization's security admins; defaults to Enabled.",
		},
	},
}
