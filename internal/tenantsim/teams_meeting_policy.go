package tenantsim

// TeamsMeetingPolicy, from Microsoft's Set-CsTeamsMeetingPolicy page
// (MicrosoftDocs/office-docs-powershell teams/teams-ps/MicrosoftTeams/
// Set-CsTeamsMeetingPolicy.md, ms.date 07/13/2025): every parameter of its
// syntax block except the common ones (Identity, Tenant, Force, WhatIf,
// Confirm). AllowCarbonSummary is left out: the page says the service blocks
// it, so sending it gets the unknown-parameter 400.
//
// Defaults (the value of Global in a new tenant), by source, in this order:
//
//	doc  the page's "Default value" (or "This is the default value" in the text);
//	ref  MicrosoftDocs/OfficeDocs-SkypeForBusiness Teams/settings-policies-reference.md
//	     "Default" column (admin-center settings and PowerShell-only tables);
//	obs  a real tenant's built-in policies exported with Microsoft365DSC
//	     (Global and Tag:* in one public export);
//	assumed  nothing public states it; the value is the feature's "off" or
//	     most plausible state. These are marked so they can be corrected.
//
// Where doc and ref disagree, doc wins (StreamingAttendeeMode: doc Disabled,
// ref Enabled). AllowTranscription: ref says On for new tenants while older
// exports show False; Global uses ref, the built-in tags keep False.
//
// Enum values: the page's "Possible values", completed from the
// Microsoft365DSC TeamsMeetingPolicy resource's ValidateSet where the page
// lists none. Parameters whose values nobody documents stay free strings.
func init() {
	registerTeamsType(&typeSpec{
		Name:         "TeamsMeetingPolicy",
		XMLNamespace: "urn:schema:Microsoft.Rtc.Management.Policy.Teams.2017",
		Params:       meetingPolicyParams,
		BuiltIns:     meetingPolicyBuiltIns,
	})
}

func pBool(name string, def bool) paramSpec {
	return paramSpec{Name: name, Kind: kindBool, Default: def}
}
func pStr(name string, def any) paramSpec {
	return paramSpec{Name: name, Kind: kindString, Default: def}
}
func pEnum(name, def string, values ...string) paramSpec {
	return paramSpec{Name: name, Kind: kindEnum, Values: values, Default: def}
}
func pInt(name string, def, lo, hi int64) paramSpec {
	return paramSpec{Name: name, Kind: kindInt, Default: def, Min: i64p(lo), Max: i64p(hi)}
}

const noEffect = "This parameter is deprecated and has no effect."

var meetingPolicyParams = []paramSpec{
	pEnum("AIInterpreter", "Enabled", "Disabled", "Enabled"), // doc
	pBool("AllowAnnotations", true),                          // obs
	pBool("AllowAnonymousUsersToDialOut", false),             // obs
	pBool("AllowAnonymousUsersToJoinMeeting", true),          // doc
	pBool("AllowAnonymousUsersToStartMeeting", false),        // ref
	pBool("AllowAvatarsInGallery", true),                     // assumed
	pBool("AllowBreakoutRooms", true),                        // doc
	pEnum("AllowCartCaptionsScheduling", "DisabledUserOverride", "EnabledUserOverride", "DisabledUserOverride", "Disabled"), // doc
	pBool("AllowChannelMeetingScheduling", true),                                                        // ref
	pBool("AllowCloudRecording", true),                                                                  // ref
	pEnum("AllowDocumentCollaboration", "Enabled", "Enabled", "Disabled"),                               // obs; values DSC
	pEnum("AllowEngagementReport", "Enabled", "Enabled", "Disabled", "ForceEnabled"),                    // obs, ref
	pBool("AllowExternalNonTrustedMeetingChat", true),                                                   // assumed
	pBool("AllowExternalParticipantGiveRequestControl", false),                                          // ref
	pBool("AllowImmersiveView", true),                                                                   // assumed
	pBool("AllowIPAudio", true),                                                                         // doc
	pBool("AllowIPVideo", true),                                                                         // ref
	pBool("AllowLocalRecording", false),                                                                 // assumed (internal use)
	pBool("AllowMeetingCoach", true),                                                                    // ref
	pBool("AllowMeetNow", true),                                                                         // ref
	pBool("AllowMeetingReactions", true),                                                                // doc
	pBool("AllowMeetingRegistration", true),                                                             // doc
	pBool("AllowNDIStreaming", false),                                                                   // ref
	pBool("AllowNetworkConfigurationSettingsLookup", false),                                             // doc
	{Name: "AllowOrganizersToOverrideLobbySettings", Kind: kindBool, Default: false, Warning: noEffect}, // doc
	pBool("AllowOutlookAddIn", true),                                                                    // ref
	pBool("AllowPSTNUsersToBypassLobby", false),                                                         // ref
	pBool("AllowParticipantGiveRequestControl", true),                                                   // ref
	pBool("AllowPowerPointSharing", true),                                                               // ref
	pBool("AllowPrivateMeetNow", true),                                                                  // ref
	pBool("AllowPrivateMeetingScheduling", true),                                                        // ref
	pBool("AllowRecordingStorageOutsideRegion", false),                                                  // doc
	pBool("AllowScreenContentDigitization", false),                                                      // assumed (internal use)
	pBool("AllowSharedNotes", true),                                                                     // ref
	pEnum("AllowTasksFromTranscript", "Enabled", "Enabled", "Disabled"),                                 // assumed; values DSC
	pBool("AllowTrackingInReport", false),                                                               // assumed (internal use)
	pBool("AllowTranscription", true),                                                                   // ref (see above)
	pStr("AllowedUsersForMeetingContext", "UsersAllowedToByPassTheLobby"),                               // assumed; values undocumented
	{Name: "AllowUserToJoinExternalMeeting", Kind: kindEnum, Values: []string{"Enabled", "FederatedOnly", "Disabled"}, Default: "Disabled", Warning: noEffect}, // doc
	pBool("AllowWatermarkCustomizationForCameraVideo", false),   // assumed
	pBool("AllowWatermarkCustomizationForScreenSharing", false), // assumed
	pBool("AllowWatermarkForCameraVideo", false),                // doc
	pBool("AllowWatermarkForScreenSharing", false),              // doc
	pBool("AllowWhiteboard", true),                              // ref
	// "", "RTMP", "SRT" or both; the page does not say how both are written.
	pStr("AllowedStreamingMediaInput", ""),                                                      // doc ("" = none)
	pEnum("AnonymousUserAuthenticationMethod", "OneTimePasscode", "OneTimePasscode", "None"),    // doc
	pEnum("AttendeeIdentityMasking", "Disabled", "Enabled", "Disabled", "DisabledUserOverride"), // assumed; values doc+DSC
	pEnum("AudibleRecordingNotification", "PstnOnly", "AllAttendees", "PstnOnly"),               // assumed; values DSC
	pEnum("AutoAdmittedUsers", "EveryoneInCompany", "EveryoneInCompany", "EveryoneInSameAndFederatedCompany", "Everyone", "OrganizerOnly", "EveryoneInCompanyExcludingGuests", "InvitedUsers"), // ref ("People in my organization and guests")
	pEnum("AutoRecording", "Enabled", "Enabled", "Disabled"),                                                                    // assumed; values DSC
	pEnum("AutomaticallyStartCopilot", "Disabled", "Enabled", "Disabled"),                                                       // assumed (not released)
	{Name: "BlockedAnonymousJoinClientTypes", Kind: kindStringList, Values: []string{"ACS", "Teams"}, Default: []string{}},      // doc ("Empty List")
	pEnum("CaptchaVerificationForMeetingJoin", "NotRequired", "NotRequired", "AnonymousUsersAndUntrustedOrganizations"),         // assumed
	pEnum("ChannelRecordingDownload", "Allow", "Allow", "Block"),                                                                // doc
	pEnum("ConnectToMeetingControls", "Enabled", "Enabled", "Disabled"),                                                         // doc
	pEnum("ContentSharingInExternalMeetings", "EnabledForAnyone", "EnabledForAnyone", "EnabledForTrustedOrgs", "Disabled"),      // assumed; values DSC
	pEnum("Copilot", "EnabledWithTranscript", "Disabled", "Enabled", "EnabledWithTranscript", "EnabledWithTranscriptDefaultOn"), // assumed; values doc+DSC
	pBool("CopyRestriction", true), // doc
	pStr("Description", nil),       // Global has none
	pEnum("DesignatedPresenterRoleMode", "EveryoneUserOverride", "EveryoneUserOverride", "EveryoneInCompanyUserOverride", "EveryoneInSameAndFederatedCompanyUserOverride", "OrganizerOnlyUserOverride"), // doc
	pBool("DetectSensitiveContentDuringScreenSharing", false),                                                 // assumed
	pBool("DisableAudioAnnouncementsForResourceAccounts", false),                                              // doc
	pEnum("EnrollUserOverride", "Disabled", "Disabled", "Enabled"),                                            // doc
	pEnum("ExplicitRecordingConsent", "Disabled", "Enabled", "Disabled", "LegitimateInterest"),                // obs
	pEnum("ExternalMeetingJoin", "EnabledForAnyone", "EnabledForAnyone", "EnabledForTrustedOrgs", "Disabled"), // doc
	// Public reports mention a later BlockDetectedBots value; the page lists two.
	pEnum("ExternalBotAccessMode", "RequireApprovalWhenDetected", "AllowAllBots", "RequireApprovalWhenDetected"),                             // doc
	pStr("InfoShownInReportMode", "FullInformation"),                                                                                         // obs; values undocumented
	pEnum("IPAudioMode", "EnabledOutgoingIncoming", "EnabledOutgoingIncoming", "Disabled"),                                                   // ref
	pEnum("IPVideoMode", "EnabledOutgoingIncoming", "EnabledOutgoingIncoming", "Disabled"),                                                   // ref
	pEnum("LiveCaptionsEnabledType", "DisabledUserOverride", "DisabledUserOverride", "Disabled"),                                             // doc
	pEnum("LiveInterpretationEnabledType", "DisabledUserOverride", "DisabledUserOverride", "Disabled"),                                       // doc
	pEnum("LiveStreamingMode", "Disabled", "Disabled", "Enabled"),                                                                            // ref
	pEnum("LobbyChat", "Enabled", "Enabled", "Disabled"),                                                                                     // assumed (not released)
	pInt("MediaBitRateKb", 50000, 0, 4294967295),                                                                                             // ref (UInt32)
	pEnum("MeetingChatEnabledType", "Enabled", "Disabled", "Enabled", "EnabledExceptAnonymous", "EnabledInMeetingOnlyForAllExceptAnonymous"), // ref ("On for everyone")
	pStr("MeetingInviteLanguages", nil),                                                                                                      // ref ("None")
	{Name: "NewMeetingRecordingExpirationDays", Kind: kindInt, Default: int64(120), Min: i64p(-1), Max: i64p(99999), Forbid: []int64{0}},     // ref
	pEnum("NoiseSuppressionForDialInParticipants", "MicrosoftDefault", "MicrosoftDefault", "Enabled", "Disabled"),                            // assumed
	pEnum("ParticipantNameChange", "Disabled", "Enabled", "Disabled"),                                                                        // assumed
	// The page's default "Enabled" is not one of its own values; Everyone assumed.
	pEnum("ParticipantSlideControl", "Everyone", "Everyone", "EveryoneInOrganization", "EveryoneInOrganizationAndGuests", "None"),
	pEnum("PasscodeComplexity", "Default", "Default", "NumericOnly"),                                                                                     // doc
	pEnum("PreferredMeetingProviderForIslandsMode", "TeamsAndSfb", "TeamsAndSfb", "Teams"),                                                               // doc
	pEnum("PreventComplianceRecording", "None", "None", "All"),                                                                                           // doc
	pEnum("QnAEngagementMode", "Enabled", "Enabled", "Disabled"),                                                                                         // ref
	{Name: "RecordingStorageMode", Kind: kindEnum, Values: []string{"Stream", "OneDriveForBusiness"}, Default: "OneDriveForBusiness", Warning: noEffect}, // obs
	pEnum("RoomAttributeUserOverride", "Off", "Off", "Distinguish", "Attribute"),                                                                         // assumed (ref "(none)")
	pEnum("RoomPeopleNameUserOverride", "Off", "Off", "On"),                                                                                              // doc
	pEnum("ScreenSharingMode", "EntireScreen", "SingleApplication", "EntireScreen", "Disabled"),                                                          // ref
	pEnum("SetRecordingAndTranscriptOwnership", "Disabled", "Disabled", "Enabled"),                                                                       // doc
	pEnum("SmsNotifications", "OnAllowOrganizerOverride", "OnAllowOrganizerOverride", "OffAllowOrganizerOverride", "Off"),                                // assumed; values DSC
	pEnum("SpeakerAttributionMode", "EnabledUserOverride", "Enabled", "EnabledUserOverride", "DisabledUserOverride", "Disabled"),                         // doc
	pEnum("StreamingAttendeeMode", "Disabled", "Disabled", "Enabled"),                                                                                    // doc
	pEnum("TeamsCameraFarEndPTZMode", "Disabled", "Disabled", "AutoAcceptInTenant", "AutoAcceptAll"),                                                     // doc
	pEnum("UsersCanAdmitFromLobby", "OrganizersAndPresentersOnly", "OrganizerAndCoOrganizersOnly", "OrganizersAndPresentersOnly"),                        // assumed; values DSC
	pEnum("VideoFiltersMode", "AllFilters", "NoFilters", "BlurOnly", "BlurAndDefaultBackgrounds", "AllFilters"),                                          // ref
	pEnum("VoiceIsolation", "Enabled", "Enabled", "Disabled"),                                                                                            // doc
	pEnum("VoiceSimulationInInterpreter", "Disabled", "Disabled", "Enabled"),                                                                             // doc
	pEnum("WatermarkForAnonymousUsers", "JoinWithAudioOnly", "JoinWithAudioOnly", "WatermarkWithDisplayName"),                                            // assumed; values DSC
	pInt("WatermarkForCameraVideoOpacity", 25, 1, 100),                                                                                                   // assumed; range DSC
	pEnum("WatermarkForCameraVideoPattern", "Tiled", "Single", "Tiled"),                                                                                  // assumed; values DSC
	pInt("WatermarkForScreenSharingOpacity", 25, 1, 100),                                                                                                 // assumed; range DSC
	pEnum("WatermarkForScreenSharingPattern", "Tiled", "Single", "Tiled"),                                                                                // assumed; values DSC
	pEnum("AllowedUsersForMeetingDetails", "UsersAllowedToByPassTheLobby", "UsersAllowedToByPassTheLobby", "Everyone"),                                   // doc
	pEnum("RealTimeText", "Enabled", "Enabled", "Disabled"),                                                                                              // doc
	pEnum("WhoCanRegister", "Everyone", "Everyone", "EveryoneInCompany"),                                                                                 // doc
	pBool("EnableRecordingAndTranscriptionCustomMessage", false),                                                                                         // assumed (not released)
	pStr("RecordingAndTranscriptionCustomMessageIdentifier", nil),                                                                                        // Guid; none set
	pBool("AllowMeetingKnowledgeGeneration", true),                                                                                                       // doc
	pInt("MeetingKnowledgeExpirationDays", 1825, 1, 99999),                                                                                               // doc; range assumed
	pBool("ConditionalAccessAttendeeVerification", true),                                                                                                 // doc
	pBool("EnablePreMeetingConsent", false),                                                                                                              // doc
	pStr("PreMeetingConsentContentIdentifier", nil),                                                                                                      // Guid; none set
	pEnum("SyntheticMediaDetection", "Enabled", "Enabled", "Disabled"),                                                                                   // doc
	pStr("SyntheticMediaDetectionAppId", "00000000-0000-0000-0000-000000000000"),                                                                         // doc
	pBool("AllowMultipleScreenshare", true),                                                                                                              // doc
	pEnum("FilterProfanityInTranscript", "Enabled", "Enabled", "Disabled"),                                                                               // doc
	pEnum("RecordingAndTranscriptionAudioNotification", "Disabled", "Enabled", "Disabled"),                                                               // doc
}

// The built-in tags of a new tenant and how they differ from Global. Source:
// a public Microsoft365DSC export of a real tenant (all six Tag: instances)
// and a public tenant build document describing the same six in the admin
// center; both agree. The tags predate several features, so only the
// settings those sources show are overridden; the rest equal Global's
// defaults (uncertain for parameters added after the tags were created).
// "Tag:Default" carries no description and equals Global in both sources.
var (
	tagDeprecatedSame    = "Do not assign. This policy is same as global defaults and would be deprecated"
	tagDeprecatedSimilar = "Do not assign. This policy is similar to global defaults and would be deprecated"
)

var meetingPolicyBuiltIns = []builtIn{
	{Identity: "Tag:AllOn", Overrides: map[string]any{
		"Description": tagDeprecatedSame, "AllowTranscription": false,
	}},
	{Identity: "Tag:RestrictedAnonymousAccess", Overrides: map[string]any{
		"Description": tagDeprecatedSame, "AllowTranscription": false,
		"LiveCaptionsEnabledType": "Disabled",
	}},
	{Identity: "Tag:AllOff", Overrides: map[string]any{
		"AllowTranscription":            false,
		"AllowChannelMeetingScheduling": false, "AllowCloudRecording": false, "AllowIPVideo": false,
		"AllowMeetNow": false, "AllowOutlookAddIn": false, "AllowParticipantGiveRequestControl": false,
		"AllowPowerPointSharing": false, "AllowPrivateMeetingScheduling": false, "AllowPrivateMeetNow": false,
		"AllowSharedNotes": false, "AllowWhiteboard": false,
		"LiveCaptionsEnabledType": "Disabled", "MeetingChatEnabledType": "Disabled", "ScreenSharingMode": "Disabled",
	}},
	{Identity: "Tag:RestrictedAnonymousNoRecording", Overrides: map[string]any{
		"Description": tagDeprecatedSimilar, "AllowTranscription": false,
		"AllowCloudRecording": false, "LiveCaptionsEnabledType": "Disabled",
	}},
	{Identity: "Tag:Default", Overrides: map[string]any{
		"AllowTranscription": false,
	}},
	{Identity: "Tag:Kiosk", Overrides: map[string]any{
		"AllowTranscription":            false,
		"AllowChannelMeetingScheduling": false, "AllowCloudRecording": false, "AllowOutlookAddIn": false,
		"AllowPrivateMeetingScheduling": false, "LiveCaptionsEnabledType": "Disabled",
	}},
}
