package tenantsim

// TeamsMeetingConfiguration (Get/Set-CsTeamsMeetingConfiguration: meeting
// settings for the whole tenant), a singleton: only Global exists.
// Parameters: Microsoft's Set-CsTeamsMeetingConfiguration page
// (MicrosoftDocs/office-docs-powershell teams/teams-ps/MicrosoftTeams/
// Set-CsTeamsMeetingConfiguration.md), every parameter except the common
// ones (Identity, Tenant, Instance, Force, WhatIf, Confirm). "ref" is
// OfficeDocs-SkypeForBusiness Teams/settings-policies-reference.md ("Meeting
// settings"). ClientMediaPortRangeEnabled: the page says False is the default,
// ref shows "Specify port ranges" selected; doc wins (as for the meeting
// policy) and the conflict is reported.
//
// Ports are UInt32 on the page with 1024..65535 documented for the starting
// ports; the range sizes are bounded 1..64512 here (assumed: a range must fit
// above port 1024).
func init() {
	registerTeamsType(&typeSpec{
		Name:         "TeamsMeetingConfiguration",
		Singleton:    true,
		XMLNamespace: "urn:schema:Microsoft.Rtc.Management.Settings.TeamsConfiguration.2017",
		Params: []paramSpec{
			pInt("ClientAppSharingPort", 50040, 1024, 65535),                           // doc
			pInt("ClientAppSharingPortRange", 20, 1, 64512),                            // doc
			pInt("ClientAudioPort", 50000, 1024, 65535),                                // doc
			pInt("ClientAudioPortRange", 20, 1, 64512),                                 // doc
			pBool("ClientMediaPortRangeEnabled", false),                                // doc ("False (the default value)")
			pInt("ClientVideoPort", 50020, 1024, 65535),                                // doc
			pInt("ClientVideoPortRange", 20, 1, 64512),                                 // doc
			pStr("CustomFooterText", nil),                                              // ref ("(none)")
			pBool("DisableAnonymousJoin", false),                                       // ref ("Anonymous users can join a meeting: On")
			pBool("DisableAppInteractionForAnonymousUsers", false),                     // ref ("... can interact with apps in meetings: On")
			pBool("EnableQoS", false),                                                  // ref ("Off")
			pBool("EnableAttributedTranscripts", false),                                // assumed; Microsoft365DSC MSFT_TeamsMeetingConfiguration lists it, the cmdlet page not yet
			pBool("EnableGraphTranscriptAccess", false),                                // assumed; Microsoft365DSC MSFT_TeamsMeetingConfiguration lists it, the cmdlet page not yet
			pEnum("FeedbackSurveyForAnonymousUsers", "Enabled", "Enabled", "Disabled"), // doc
			pStr("HelpURL", nil),                                                       // ref ("(none)")
			pStr("LegalURL", nil),                                                      // ref ("(none)")
			pBool("LimitPresenterRolePermissions", false),                              // assumed
			pStr("LogoURL", nil),                                                       // ref ("(none)")
			pEnum("ReportMeeting", "Enabled", "Enabled", "Disabled"),                   // doc
		},
	})
}
