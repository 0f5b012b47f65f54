package teams

// Parameter catalog of the teamshipaa_meeting_policy resource.
//
// Source: Microsoft's cmdlet reference, MicrosoftDocs/office-docs-powershell
// teams/teams-ps/MicrosoftTeams/Set-CsTeamsMeetingPolicy.md (revision with
// ms.date 07/13/2025, blob 009bd34d, the newest one stored), cross-checked with
// New-CsTeamsMeetingPolicy.md in the same folder, with the parameter list of
// the shipped cmdlet (MicrosoftTeams 7.9.0, reflected by Get-Command in
// terraprovider/go-teams spec/catalog/teams-catalog.json) and with a real
// tenant's Get-CsTeamsMeetingPolicy export (cisagov/ScubaGear
// PowerShell/ScubaGear/Sample-Reports/ProviderSettingsExport.json).
// Descriptions are our own words; "defaults to X" repeats the doc's "Default
// value" (or its prose where the YAML block says None); "no default
// documented" means the doc gives none. Params are sorted alphabetically by
// Name, ignoring case (the doc's own order).
//
// Left out on purpose:
//   - common cmdlet parameters: Identity (it is the resource's name), Confirm,
//     WhatIf, Force, Tenant, InMemory (New- only) and the PowerShell
//     CommonParameters;
//   - AllowCarbonSummary: the Set doc says it "is no longer supported and
//     blocked by the service" (GET still returns it);
//   - AllowOrganizersToOverrideLobbySettings: "deprecated and currently has
//     no effect";
//   - RecordingStorageMode: recordings all live in OneDrive/SharePoint since
//     August 2021 and "modifying the setting in PowerShell no longer has any
//     impact";
//   - AllowLocalRecording, AllowScreenContentDigitization,
//     AllowTrackingInReport: "reserved for internal Microsoft use" (and for
//     the last two the documented Boolean type is wrong: the module declares
//     string and tenants return "Enabled" / "EnabledUserOverride");
//   - AllowUserToJoinExternalMeeting: the doc says it "currently has no
//     effect" (ExternalMeetingJoin replaced it), and it is neither a
//     parameter of MicrosoftTeams 7.9.0 nor in a real tenant's GET output;
//   - AllowedUsersForMeetingContext: listed (twice) in the doc's syntax, but
//     not a parameter of MicrosoftTeams 7.9.0 and not in GET output either.
//
// Not modelled because the doc does not list it: BackroomChat (a 7.9.0
// parameter, returned by GET as "Enabled"). GET responses also carry Key,
// ConfigMetadata, ConfigId and the left-out properties above; the resource
// must ignore what it does not model.
//
// Enum policy: Values are the values the doc lists, spelled as the service
// returns them. The service itself validates nothing client-side (no
// ValidateSet on any of these in 7.9.0). Where the list is missing, only
// implied, or contradicted by other Microsoft pages or by real tenant data,
// the param is Kind String and a comment says why. Notably:
//   - MeetingChatEnabledType: Enum of four values. The cmdlet doc and the
//     admin guide list Enabled, Disabled, EnabledExceptAnonymous; the CIS
//     benchmark and newer admin-center text add
//     EnabledInMeetingOnlyForAllExceptAnonymous, which we allow too.
//   - AttendeeIdentityMasking: String. Doc says Enabled/Disabled; real tenants
//     return DisabledUserOverride.
//   - AllowedUsersForMeetingDetails: String. Doc lists two values but its own
//     text also mentions None.
//   - BlockedAnonymousJoinClientTypes: StringList, as the doc types it (values
//     ACS and Teams), though the 7.9.0 cmdlet declares string and
//     Microsoft365DSC models it as String; tenants without a value return
//     null. The JSON shape of a set value (array or "ACS,Teams") is
//     unverified: the provider sends an array and reads either.
//   - IPAudioMode/IPVideoMode: Enum. The doc's prose writes
//     ENABLEDOUTGOINGINCOMING/DISABLED; the values are spelled as the service
//     returns them and as the Graph UTCM meetingPolicy page lists them
//     (EnabledOutgoingIncoming, Disabled).
//   - Copilot: Enum with four values. The cmdlet doc lists only Enabled and
//     EnabledWithTranscript; Microsoft's "Manage Microsoft 365 Copilot in
//     Teams meetings and events" page (OfficeDocs-SkypeForBusiness
//     Teams/copilot-teams-transcription.md) documents all four.
//   - ParticipantSlideControl: Enum of the four listed values; the doc's
//     "Default value: Enabled" is not one of them (tenants return
//     EveryoneInOrganization).
//   - Parameters the doc types as Guid are Kind String.
var meetingPolicy = PolicyType{
	Type:       "TeamsMeetingPolicy",
	Cmdlet:     "Set-CsTeamsMeetingPolicy",
	Resource:   "meeting_policy",
	Title:      "Teams meeting policy",
	Assignment: GroupOrTenant,
	// "Manage meeting policies in Teams" lists the preset meeting policies.
	Presets: []string{"AllOn", "RestrictedAnonymousAccess", "AllOff", "RestrictedAnonymousNoRecording", "Default", "Kiosk"},
	Params: []Param{
		{
			Name: "AIInterpreter", Attr: "ai_interpreter", Kind: Enum,
			Values:      []string{"Disabled", "Enabled"},
			Description: "Whether the user can use the AI Interpreter features; defaults to Enabled.",
		},
		{
			Name: "AllowAnnotations", Attr: "allow_annotations", Kind: Bool,
			Description: "Whether the user can use the Annotation feature in meetings; no default documented.",
		},
		{
			Name: "AllowAnonymousUsersToDialOut", Attr: "allow_anonymous_users_to_dial_out", Kind: Bool,
			Description: "Whether anonymous participants may dial out to a PSTN number (New-CsTeamsMeetingPolicy notes the parameter is temporarily disabled); no default documented.",
		},
		{
			Name: "AllowAnonymousUsersToJoinMeeting", Attr: "allow_anonymous_users_to_join_meeting", Kind: Bool,
			Description: "Whether anonymous users can join meetings the user organizes (the tenant-wide DisableAnonymousJoin setting also applies); defaults to true.",
		},
		{
			Name: "AllowAnonymousUsersToStartMeeting", Attr: "allow_anonymous_users_to_start_meeting", Kind: Bool,
			Description: "Whether anonymous users can start a meeting; no default documented.",
		},
		{
			Name: "AllowAvatarsInGallery", Attr: "allow_avatars_in_gallery", Kind: Bool,
			Description: "Whether users can appear as avatars in the Gallery view of 2D meetings (Immersive view is not affected); no default documented.",
		},
		{
			Name: "AllowBreakoutRooms", Attr: "allow_breakout_rooms", Kind: Bool,
			Description: "Whether the Breakout Rooms feature is available; defaults to true.",
		},
		{
			Name: "AllowCartCaptionsScheduling", Attr: "allow_cart_captions_scheduling", Kind: Enum,
			Values:      []string{"EnabledUserOverride", "DisabledUserOverride", "Disabled"},
			Description: "Whether the user can add a CART captioner's URL for real-time captions: on by default, off by default (both user-overridable), or not at all; defaults to DisabledUserOverride.",
		},
		{
			Name: "AllowChannelMeetingScheduling", Attr: "allow_channel_meeting_scheduling", Kind: Bool,
			Description: "Whether the user can schedule channel meetings (joining meetings others schedule is not affected); no default documented.",
		},
		{
			Name: "AllowCloudRecording", Attr: "allow_cloud_recording", Kind: Bool,
			Description: "Whether the user's meetings can be recorded to the cloud; no default documented.",
		},
		// No values documented; tenants return "Enabled".
		{
			Name: "AllowDocumentCollaboration", Attr: "allow_document_collaboration", Kind: String,
			Description: "Which users can use the Document Collaboration feature; the doc lists no values and no default.",
		},
		// Documented values are "", RTMP, SRT and a combination written
		// "RTMP, SRT" whose exact wire spelling is unverified: kept String.
		{
			Name: "AllowedStreamingMediaInput", Attr: "allowed_streaming_media_input", Kind: String,
			Description: "Which streaming encoder inputs (RTMP-In, SRT-In) the user may use in meetings, webinars and town halls: empty for none, RTMP, SRT, or both; no default documented.",
		},
		{
			Name: "AllowedUsersForMeetingDetails", Attr: "allowed_users_for_meeting_details", Kind: String,
			Description: "Which participants see the meeting info details on the join screen, documented as UsersAllowedToByPassTheLobby or Everyone (the text also mentions None); defaults to UsersAllowedToByPassTheLobby.",
		},
		{
			Name: "AllowEngagementReport", Attr: "allow_engagement_report", Kind: Enum,
			Values:      []string{"Enabled", "Disabled", "ForceEnabled"},
			Description: "Whether organizers can download the attendee engagement report (ForceEnabled also stops them turning it off); no default documented.",
		},
		{
			Name: "AllowExternalNonTrustedMeetingChat", Attr: "allow_external_non_trusted_meeting_chat", Kind: Bool,
			Description: "Whether the user can chat in meetings of other organizations with users from non-trusted organizations; no default documented.",
		},
		{
			Name: "AllowExternalParticipantGiveRequestControl", Attr: "allow_external_participant_give_request_control", Kind: Bool,
			Description: "Whether external participants can give or request control of shared screens in the user's meetings; no default documented.",
		},
		{
			Name: "AllowImmersiveView", Attr: "allow_immersive_view", Kind: Bool,
			Description: "Whether users can use avatars in Immersive view on Teams desktop or web; no default documented.",
		},
		{
			Name: "AllowIPAudio", Attr: "allow_ip_audio", Kind: Bool,
			Description: "Whether audio is enabled in the user's meetings and calls; defaults to true.",
		},
		{
			Name: "AllowIPVideo", Attr: "allow_ip_video", Kind: Bool,
			Description: "Whether video is enabled in the user's meetings and calls; no default documented.",
		},
		{
			Name: "AllowMeetingCoach", Attr: "allow_meeting_coach", Kind: Bool,
			Description: "Whether users can turn on Meeting Coach for private feedback on their communication during meetings; no default documented.",
		},
		{
			Name: "AllowMeetingKnowledgeGeneration", Attr: "allow_meeting_knowledge_generation", Kind: Bool,
			Description: "Whether an AI-generated meeting knowledge file is created for the user's meetings (not fully released, no effect yet); defaults to true.",
		},
		{
			Name: "AllowMeetingReactions", Attr: "allow_meeting_reactions", Kind: Bool,
			Description: "Whether meeting reactions are available; defaults to true.",
		},
		{
			Name: "AllowMeetingRegistration", Attr: "allow_meeting_registration", Kind: Bool,
			Description: "Whether the user can create webinars; defaults to true.",
		},
		{
			Name: "AllowMeetNow", Attr: "allow_meet_now", Kind: Bool,
			Description: "Whether the user can start ad hoc (Meet now) meetings; no default documented in Set-CsTeamsMeetingPolicy (New-CsTeamsMeetingPolicy gives true).",
		},
		{
			Name: "AllowMultipleScreenshare", Attr: "allow_multiple_screenshare", Kind: Bool,
			Description: "Whether organizers get the multiple screen sharing meeting options (not fully released, no effect yet); defaults to true.",
		},
		{
			Name: "AllowNDIStreaming", Attr: "allow_ndi_streaming", Kind: Bool,
			Description: "Whether NDI technology can be used to carry broadcast-quality meeting audio and video over the network; no default documented.",
		},
		{
			Name: "AllowNetworkConfigurationSettingsLookup", Attr: "allow_network_configuration_settings_lookup", Kind: Bool,
			Description: "Whether network configuration settings are looked up for users who are not Enterprise Voice enabled, which enables network roaming policies; defaults to false.",
		},
		{
			Name: "AllowOutlookAddIn", Attr: "allow_outlook_add_in", Kind: Bool,
			Description: "Whether the user can schedule Teams meetings from the Outlook desktop client; no default documented.",
		},
		{
			Name: "AllowParticipantGiveRequestControl", Attr: "allow_participant_give_request_control", Kind: Bool,
			Description: "Whether participants can give or request control of shared screens in the user's meetings; no default documented.",
		},
		{
			Name: "AllowPowerPointSharing", Attr: "allow_powerpoint_sharing", Kind: Bool,
			Description: "Whether PowerPoint sharing is allowed in the user's meetings; no default documented.",
		},
		{
			Name: "AllowPrivateMeetingScheduling", Attr: "allow_private_meeting_scheduling", Kind: Bool,
			Description: "Whether the user can schedule private meetings (joining meetings others schedule is not affected); no default documented.",
		},
		{
			Name: "AllowPrivateMeetNow", Attr: "allow_private_meet_now", Kind: Bool,
			Description: "Whether the user can start ad hoc private meetings; no default documented in Set-CsTeamsMeetingPolicy (New-CsTeamsMeetingPolicy gives true).",
		},
		{
			Name: "AllowPSTNUsersToBypassLobby", Attr: "allow_pstn_users_to_bypass_lobby", Kind: Bool,
			Description: "Whether dial-in (PSTN) callers bypass the lobby once an authenticated user is in the meeting; no default documented.",
		},
		{
			Name: "AllowRecordingStorageOutsideRegion", Attr: "allow_recording_storage_outside_region", Kind: Bool,
			Description: "Whether meeting recordings may be stored, permanently, in another region (recordings saved in OneDrive or SharePoint are not affected); defaults to false.",
		},
		{
			Name: "AllowSharedNotes", Attr: "allow_shared_notes", Kind: Bool,
			Description: "Whether users can take shared meeting notes; no default documented.",
		},
		// No values documented; tenants return "Enabled".
		{
			Name: "AllowTasksFromTranscript", Attr: "allow_tasks_from_transcript", Kind: String,
			Description: "Whether AI-assisted action items and tasks can be extracted from the meeting transcript; the doc lists no values and no default.",
		},
		{
			Name: "AllowTranscription", Attr: "allow_transcription", Kind: Bool,
			Description: "Whether post-meeting captions and transcriptions are allowed in the user's meetings; no default documented.",
		},
		// In the Set syntax block but described only in New-CsTeamsMeetingPolicy.md.
		{
			Name: "AllowWatermarkCustomizationForCameraVideo", Attr: "allow_watermark_customization_for_camera_video", Kind: Bool,
			Description: "Whether meeting organizers may customize the camera video watermark; no default documented.",
		},
		{
			Name: "AllowWatermarkCustomizationForScreenSharing", Attr: "allow_watermark_customization_for_screen_sharing", Kind: Bool,
			Description: "Whether meeting organizers may customize the screen sharing watermark; no default documented.",
		},
		{
			Name: "AllowWatermarkForCameraVideo", Attr: "allow_watermark_for_camera_video", Kind: Bool,
			Description: "Whether meetings can be scheduled with a watermark on camera video; defaults to false.",
		},
		{
			Name: "AllowWatermarkForScreenSharing", Attr: "allow_watermark_for_screen_sharing", Kind: Bool,
			Description: "Whether meetings can be scheduled with a watermark on screen sharing; defaults to false.",
		},
		{
			Name: "AllowWhiteboard", Attr: "allow_whiteboard", Kind: Bool,
			Description: "Whether Whiteboard is allowed in the user's meetings; no default documented.",
		},
		{
			Name: "AnonymousUserAuthenticationMethod", Attr: "anonymous_user_authentication_method", Kind: Enum,
			Values:      []string{"OneTimePasscode", "None"},
			Description: "How anonymous users are verified when joining: a one-time passcode sent to their email, or not at all; defaults to OneTimePasscode.",
		},
		// Doc: Enabled/Disabled in prose; tenants return DisabledUserOverride.
		{
			Name: "AttendeeIdentityMasking", Attr: "attendee_identity_masking", Kind: String,
			Description: "Whether masked-attendee meetings, which hide attendees' names, contact details and photos, are available; the doc names Enabled and Disabled (tenants also report DisabledUserOverride) and no default.",
		},
		// No values documented; tenants return "PstnOnly".
		{
			Name: "AudibleRecordingNotification", Attr: "audible_recording_notification", Kind: String,
			Description: "Whether the recording notification is played to all attendees or only to dial-in (PSTN) callers; the doc lists no values and no default.",
		},
		{
			Name: "AutoAdmittedUsers", Attr: "auto_admitted_users", Kind: Enum,
			Values: []string{
				"EveryoneInCompany", "EveryoneInSameAndFederatedCompany", "Everyone",
				"OrganizerOnly", "EveryoneInCompanyExcludingGuests", "InvitedUsers",
			},
			Description: "Which participants skip the lobby of the user's meetings, including dial-in callers; no default documented.",
		},
		{
			Name: "AutomaticallyStartCopilot", Attr: "automatically_start_copilot", Kind: Enum,
			Values:      []string{"Enabled", "Disabled"},
			Description: "Whether Copilot starts automatically in meetings (not fully released, no effect yet); no default documented in Set-CsTeamsMeetingPolicy (New-CsTeamsMeetingPolicy gives Disabled).",
		},
		// No values documented; tenants return "Enabled".
		{
			Name: "AutoRecording", Attr: "auto_recording", Kind: String,
			Description: "Whether organizers see the \"Record and transcribe automatically\" meeting option; the doc lists no values and no default.",
		},
		// The doc types it as a List; the 7.9.0 module declares a string.
		// We send a JSON array (the doc) and read either shape back.
		{
			Name: "BlockedAnonymousJoinClientTypes", Attr: "blocked_anonymous_join_client_types", Kind: StringList,
			Description: "Client types blocked from joining anonymously: `ACS` (Azure Communication Services apps), `Teams`, or both (which disables anonymous join); the doc's default is an empty list.",
		},
		{
			Name: "CaptchaVerificationForMeetingJoin", Attr: "captcha_verification_for_meeting_join", Kind: Enum,
			Values:      []string{"NotRequired", "AnonymousUsersAndUntrustedOrganizations"},
			Description: "Whether anonymous users and people from untrusted organizations must solve a CAPTCHA to join; no default documented.",
		},
		{
			Name: "ChannelRecordingDownload", Attr: "channel_recording_download", Kind: Enum,
			Values:      []string{"Allow", "Block"},
			Description: "Where channel meeting recordings are saved and whether channel members can download them (Block keeps them in a view-only folder); defaults to Allow.",
		},
		{
			Name: "ConditionalAccessAttendeeVerification", Attr: "conditional_access_attendee_verification", Kind: Bool,
			Description: "Whether organizers can require a Conditional Access authentication context published in TeamsMeetingConfiguration to join their meetings (not fully released, no effect yet); defaults to true.",
		},
		{
			Name: "ConnectToMeetingControls", Attr: "connect_to_meeting_controls", Kind: Enum,
			Values:      []string{"Enabled", "Disabled"},
			Description: "Whether third-party apps may connect externally to Teams meeting controls; defaults to Enabled.",
		},
		// No values documented; tenants return "EnabledForAnyone".
		{
			Name: "ContentSharingInExternalMeetings", Attr: "content_sharing_in_external_meetings", Kind: String,
			Description: "Whether the user can share content in meetings organized by other organizations (needs Teams Premium); the doc lists no values and no default.",
		},
		{
			Name: "Copilot", Attr: "copilot", Kind: Enum,
			Values:      []string{"Enabled", "EnabledWithTranscript", "EnabledWithTranscriptDefaultOn", "Disabled"},
			Description: "Whether Copilot is available in meetings without a saved transcript, only with a saved transcript, with a saved transcript by default, or off by default; the Copilot admin guide gives EnabledWithTranscript as the default.",
		},
		{
			Name: "CopyRestriction", Attr: "copy_restriction", Kind: Bool,
			Description: "Whether organizers get a meeting option that blocks copying, forwarding and sharing meeting chat messages; defaults to true.",
		},
		{
			Name: "Description", Attr: "description", Kind: String,
			Description: "Free text about the policy, for example whom it should be assigned to; no default.",
		},
		{
			Name: "DesignatedPresenterRoleMode", Attr: "designated_presenter_role_mode", Kind: Enum,
			Values: []string{
				"EveryoneUserOverride", "EveryoneInCompanyUserOverride",
				"EveryoneInSameAndFederatedCompanyUserOverride", "OrganizerOnlyUserOverride",
			},
			Description: "Default of the \"Who can present?\" meeting option, which organizers can change: everyone, the organization, the organization and trusted organizations, or only the organizer; defaults to EveryoneUserOverride.",
		},
		{
			Name: "DetectSensitiveContentDuringScreenSharing", Attr: "detect_sensitive_content_during_screen_sharing", Kind: Bool,
			Description: "Whether sensitive content is detected while the screen is shared; no default documented.",
		},
		{
			Name: "DisableAudioAnnouncementsForResourceAccounts", Attr: "disable_audio_announcements_for_resource_accounts", Kind: Bool,
			Description: "Whether Teams suppresses its recording announcements in contact-center (CCaaS/OPS) calls, leaving notification to the contact-center solution; defaults to false.",
		},
		{
			Name: "EnablePreMeetingConsent", Attr: "enable_pre_meeting_consent", Kind: Bool,
			Description: "Whether participants must accept a custom consent dialog, configured in TeamsPreMeetingConsentConfiguration, before joining (not fully released, no effect yet); defaults to false.",
		},
		{
			Name: "EnableRecordingAndTranscriptionCustomMessage", Attr: "enable_recording_and_transcription_custom_message", Kind: Bool,
			Description: "Whether the custom recording and transcription message named by recording_and_transcription_custom_message_identifier is shown (not fully released, no effect yet); no default documented.",
		},
		{
			Name: "EnrollUserOverride", Attr: "enroll_user_override", Kind: Enum,
			Values:      []string{"Disabled", "Enabled"},
			Description: "Whether users can enroll their face and voice (biometric) profiles; defaults to Disabled.",
		},
		{
			Name: "ExplicitRecordingConsent", Attr: "explicit_recording_consent", Kind: Enum,
			Values:      []string{"Enabled", "Disabled", "LegitimateInterest"},
			Description: "How participants consent to recording, transcription and Copilot: explicit agreement, implicit consent, or legitimate interest; no default documented.",
		},
		{
			Name: "ExternalBotAccessMode", Attr: "external_bot_access_mode", Kind: Enum,
			Values:      []string{"AllowAllBots", "RequireApprovalWhenDetected"},
			Description: "Whether detected third-party meeting bots are held in the lobby for approval or treated like other participants; defaults to RequireApprovalWhenDetected.",
		},
		{
			Name: "ExternalMeetingJoin", Attr: "external_meeting_join", Kind: Enum,
			Values:      []string{"EnabledForAnyone", "EnabledForTrustedOrgs", "Disabled"},
			Description: "Whether the user can join meetings of other organizations: any, trusted ones only, or none; defaults to EnabledForAnyone.",
		},
		{
			Name: "FilterProfanityInTranscript", Attr: "filter_profanity_in_transcript", Kind: Enum,
			Values:      []string{"Enabled", "Disabled"},
			Description: "Whether profanity is filtered out of meeting transcripts (not fully released, no effect yet); defaults to Enabled.",
		},
		// No values documented; tenants return "FullInformation".
		{
			Name: "InfoShownInReportMode", Attr: "info_shown_in_report_mode", Kind: String,
			Description: "What information about the user's attendance is shown in attendance reports and dashboards; the doc lists no values and no default.",
		},
		{
			Name: "IPAudioMode", Attr: "ip_audio_mode", Kind: Enum,
			Values:      []string{"EnabledOutgoingIncoming", "Disabled"},
			Description: "Whether outgoing and incoming audio can be turned on in meetings and group calls; no default documented.",
		},
		{
			Name: "IPVideoMode", Attr: "ip_video_mode", Kind: Enum,
			Values:      []string{"EnabledOutgoingIncoming", "Disabled"},
			Description: "Whether outgoing and incoming video can be turned on in meetings and group calls (EnabledOutgoingIncoming needs ip_audio_mode enabled); no default documented.",
		},
		{
			Name: "LiveCaptionsEnabledType", Attr: "live_captions_enabled_type", Kind: Enum,
			Values:      []string{"DisabledUserOverride", "Disabled"},
			Description: "Whether users can turn on live captions in meetings (off by default) or not at all; defaults to DisabledUserOverride.",
		},
		{
			Name: "LiveInterpretationEnabledType", Attr: "live_interpretation_enabled_type", Kind: Enum,
			Values:      []string{"DisabledUserOverride", "Disabled"},
			Description: "Whether organizers can set up language interpretation by chosen interpreters in their meetings; defaults to DisabledUserOverride.",
		},
		{
			Name: "LiveStreamingMode", Attr: "live_streaming_mode", Kind: Enum,
			Values:      []string{"Disabled", "Enabled"},
			Description: "Whether users can stream their meetings to large audiences over RTMP; no default documented in Set-CsTeamsMeetingPolicy (New-CsTeamsMeetingPolicy gives Disabled).",
		},
		{
			Name: "LobbyChat", Attr: "lobby_chat", Kind: Enum,
			Values:      []string{"Enabled", "Disabled"},
			Description: "Whether chat is allowed in the meeting lobby (not released, no effect yet; setting meeting_chat_enabled_type to Disabled may need this Disabled too); no default documented.",
		},
		// No range documented. The doc types it UInt32, MicrosoftTeams 7.9.0
		// declares int: the bounds are what both types accept.
		{
			Name: "MediaBitRateKb", Attr: "media_bit_rate_kb", Kind: Int,
			Min: i64(0), Max: i64(2147483647),
			Description: "Media bit rate in kilobits per second for audio, video and app sharing in meetings; no default documented.",
		},
		// See the header: the value set is open, so String.
		{
			Name: "MeetingChatEnabledType", Attr: "meeting_chat_enabled_type", Kind: Enum,
			Values:      []string{"Disabled", "Enabled", "EnabledExceptAnonymous", "EnabledInMeetingOnlyForAllExceptAnonymous"},
			Description: "Whether meeting chat is on, off, or on for everyone but anonymous users (the last value, used by CIS 8.5.5, also limits chat to the meeting itself); Disabled may need lobby_chat Disabled; no default documented.",
		},
		{
			Name: "MeetingInviteLanguages", Attr: "meeting_invite_languages", Kind: String,
			Description: "Language codes, comma-separated and at most two, for the join information in meeting invitations (for example en-US,fr-FR); no default documented.",
		},
		{
			Name: "MeetingKnowledgeExpirationDays", Attr: "meeting_knowledge_expiration_days", Kind: Int,
			Description: "Days meeting knowledge data is kept before it is deleted automatically (not fully released, no effect yet); defaults to 1825.",
		},
		// 0 is not allowed either; Min/Max cannot express the gap.
		{
			Name: "NewMeetingRecordingExpirationDays", Attr: "new_meeting_recording_expiration_days", Kind: Int,
			Min: i64(-1), Max: i64(99999),
			Description: "Days before new meeting recordings expire and move to the recycle bin, 1 to 99999, or -1 for never; no default documented.",
		},
		{
			Name: "NoiseSuppressionForDialInParticipants", Attr: "noise_suppression_for_dial_in_participants", Kind: Enum,
			Values:      []string{"MicrosoftDefault", "Enabled", "Disabled"},
			Description: "Noise suppression for participants who dial in by phone (PSTN); no default documented.",
		},
		{
			Name: "ParticipantNameChange", Attr: "participant_name_change", Kind: Enum,
			Values:      []string{"Enabled", "Disabled"},
			Description: "Whether participants can rename themselves in meetings; no default documented.",
		},
		{
			Name: "ParticipantSlideControl", Attr: "participant_slide_control", Kind: Enum,
			Values:      []string{"Everyone", "EveryoneInOrganization", "EveryoneInOrganizationAndGuests", "None"},
			Description: "Who can give and take control of presentation slides in the user's meetings (not released, no effect yet); the doc's default, Enabled, is not one of its listed values.",
		},
		{
			Name: "PasscodeComplexity", Attr: "passcode_complexity", Kind: Enum,
			Values:      []string{"Default", "NumericOnly"},
			Description: "Whether meetings scheduled from now on get the 8-character alphanumeric passcode or a weaker 8-digit numeric one; defaults to Default.",
		},
		{
			Name: "PreferredMeetingProviderForIslandsMode", Attr: "preferred_meeting_provider_for_islands_mode", Kind: Enum,
			Values:      []string{"TeamsAndSfb", "Teams"},
			Description: "Which Outlook meeting add-ins users in Islands mode see: Skype for Business and Teams, or Teams only; defaults to TeamsAndSfb.",
		},
		{
			Name: "PreMeetingConsentContentIdentifier", Attr: "pre_meeting_consent_content_identifier", Kind: String,
			Description: "GUID of the PreMeetingConsentContent entry shown in the consent dialog, updated automatically when that content changes (not fully released, no effect yet); no default documented.",
		},
		{
			Name: "PreventComplianceRecording", Attr: "prevent_compliance_recording", Kind: Enum,
			Values:      []string{"None", "All"},
			Description: "Whether users under compliance recording are blocked from joining the user's meetings (not released, no effect yet); defaults to None.",
		},
		{
			Name: "QnAEngagementMode", Attr: "qna_engagement_mode", Kind: Enum,
			Values:      []string{"Enabled", "Disabled"},
			Description: "Whether organizers can turn on Q&A in their meetings; no default documented.",
		},
		{
			Name: "RealTimeText", Attr: "real_time_text", Kind: Enum,
			Values:      []string{"Enabled", "Disabled"},
			Description: "Whether users can turn on real-time text, which shows their typing live during a meeting; defaults to Enabled.",
		},
		{
			Name: "RecordingAndTranscriptionAudioNotification", Attr: "recording_and_transcription_audio_notification", Kind: Enum,
			Values:      []string{"Enabled", "Disabled"},
			Description: "Whether an audio notification plays when recording or transcription starts or stops (not fully released, no effect yet); defaults to Disabled.",
		},
		{
			Name: "RecordingAndTranscriptionCustomMessageIdentifier", Attr: "recording_and_transcription_custom_message_identifier", Kind: String,
			Description: "GUID of the custom recording and transcription message in TeamsCustomMessageConfiguration (not fully released, no effect yet); no default documented.",
		},
		{
			Name: "RoomAttributeUserOverride", Attr: "room_attribute_user_override", Kind: Enum,
			Values:      []string{"Off", "Distinguish", "Attribute"},
			Description: "Whether voice and face profiles are used in Teams Rooms meetings to tell speakers apart or to attribute them by name; no default documented.",
		},
		{
			Name: "RoomPeopleNameUserOverride", Attr: "room_people_name_user_override", Kind: Enum,
			Values:      []string{"Off", "On"},
			Description: "Whether Teams Rooms offer people recognition (needs room_attribute_user_override Attribute; not allowed in some regions); defaults to Off.",
		},
		{
			Name: "ScreenSharingMode", Attr: "screen_sharing_mode", Kind: Enum,
			Values:      []string{"SingleApplication", "EntireScreen", "Disabled"},
			Description: "What the user can share in calls and meetings: one application at a time, the entire screen, or nothing; no default documented.",
		},
		{
			Name: "SetRecordingAndTranscriptOwnership", Attr: "set_recording_and_transcript_ownership", Kind: Enum,
			Values:      []string{"Disabled", "Enabled"},
			Description: "Whether organizers can choose which attendee keeps the recording and transcript (not released, no effect yet); defaults to Disabled.",
		},
		// No values documented; tenants return "OnAllowOrganizerOverride".
		{
			Name: "SmsNotifications", Attr: "sms_notifications", Kind: String,
			Description: "Whether participants can sign up for text message meeting reminders; the doc lists no values and no default.",
		},
		{
			Name: "SpeakerAttributionMode", Attr: "speaker_attribution_mode", Kind: Enum,
			Values:      []string{"Enabled", "EnabledUserOverride", "DisabledUserOverride", "Disabled"},
			Description: "Whether speakers are identified in captions and transcripts, and whether users can change that for themselves; defaults to EnabledUserOverride.",
		},
		{
			Name: "StreamingAttendeeMode", Attr: "streaming_attendee_mode", Kind: Enum,
			Values:      []string{"Disabled", "Enabled"},
			Description: "Whether up to 10,000 extra view-only attendees can join once a meeting is full; defaults to Disabled.",
		},
		{
			Name: "SyntheticMediaDetection", Attr: "synthetic_media_detection", Kind: Enum,
			Values:      []string{"Enabled", "Disabled"},
			Description: "Whether synthetic audio and video is detected in the user's meetings (not fully released, no effect yet); defaults to Enabled.",
		},
		{
			Name: "SyntheticMediaDetectionAppId", Attr: "synthetic_media_detection_app_id", Kind: String,
			Description: "Teams app ID (GUID) of the bot that analyzes synthetic media, the zero GUID meaning the platform default (not fully released, no effect yet); defaults to 00000000-0000-0000-0000-000000000000.",
		},
		{
			Name: "TeamsCameraFarEndPTZMode", Attr: "teams_camera_far_end_ptz_mode", Kind: Enum,
			Values:      []string{"Disabled", "AutoAcceptInTenant", "AutoAcceptAll"},
			Description: "Far-end pan-tilt-zoom (PTZ) camera control: off, accepted automatically from the tenant, or accepted automatically from anyone; defaults to Disabled.",
		},
		// No values documented; tenants return "OrganizersAndPresentersOnly".
		{
			Name: "UsersCanAdmitFromLobby", Attr: "users_can_admit_from_lobby", Kind: String,
			Description: "Who can admit people from the lobby; the doc lists no values and no default.",
		},
		{
			Name: "VideoFiltersMode", Attr: "video_filters_mode", Kind: Enum,
			Values:      []string{"NoFilters", "BlurOnly", "BlurAndDefaultBackgrounds", "AllFilters"},
			Description: "Which background effects users can apply: none, blur only, blur and preset images, or all including custom images; no default documented in Set-CsTeamsMeetingPolicy (New-CsTeamsMeetingPolicy gives AllFilters).",
		},
		{
			Name: "VoiceIsolation", Attr: "voice_isolation", Kind: Enum,
			Values:      []string{"Enabled", "Disabled"},
			Description: "Whether users can turn on voice isolation in meetings and calls; defaults to Enabled.",
		},
		{
			Name: "VoiceSimulationInInterpreter", Attr: "voice_simulation_in_interpreter", Kind: Enum,
			Values:      []string{"Disabled", "Enabled"},
			Description: "Whether the AI interpreter may simulate the user's voice; defaults to Disabled.",
		},
		// No values documented; tenants return "WatermarkWithDisplayName" and
		// "JoinWithAudioOnly".
		{
			Name: "WatermarkForAnonymousUsers", Attr: "watermark_for_anonymous_users", Kind: String,
			Description: "How anonymous users take part in watermarked meetings and what their watermark shows; the doc lists no values and no default.",
		},
		// Opacity: no range documented (Int32 in the syntax block, Int64 in the
		// parameter table); tenants return 30.
		{
			Name: "WatermarkForCameraVideoOpacity", Attr: "watermark_for_camera_video_opacity", Kind: Int,
			Description: "Opacity of the camera video watermark; the doc gives no range and no default.",
		},
		// No values documented; tenants return "Tiled".
		{
			Name: "WatermarkForCameraVideoPattern", Attr: "watermark_for_camera_video_pattern", Kind: String,
			Description: "Pattern of the camera video watermark; the doc lists no values and no default.",
		},
		{
			Name: "WatermarkForScreenSharingOpacity", Attr: "watermark_for_screen_sharing_opacity", Kind: Int,
			Description: "Opacity of the screen sharing watermark; the doc gives no range and no default.",
		},
		{
			Name: "WatermarkForScreenSharingPattern", Attr: "watermark_for_screen_sharing_pattern", Kind: String,
			Description: "Pattern of the screen sharing watermark; the doc lists no values and no default.",
		},
		{
			Name: "WhoCanRegister", Attr: "who_can_register", Kind: Enum,
			Values:      []string{"Everyone", "EveryoneInCompany"},
			Description: "Who can register for the user's webinars: anyone, or only people in the organization; defaults to Everyone.",
		},
	},
}
