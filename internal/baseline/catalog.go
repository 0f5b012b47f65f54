package baseline

import "strings"

// Catalog returns every control, in the order the docs list them.
//
// Every recommendation of the sources (CISA SCuBA, CIS Microsoft 365
// Foundations v7.0, Maester, Microsoft's documentation: keys and addresses in
// the Sources paragraph of docs/guides/baseline-controls.md, written by
// markdown.go) that maps to an attribute a provider resource manages is a
// control; NotControls lists those that are not, and why.
// The HIPAA citations are this project's interpretation: no published source
// maps these settings to the Security Rule.
//
// Ids are stable: never renumber or reuse one. A new control takes the next
// number of its group.
//
// Levels follow SCuBA's SHALL/SHOULD where SCuBA has the recommendation.
// Where it has none: shall for what stands between an unauthenticated or
// unvetted party and PHI (anonymous join, storage without a BAA, the
// emergency-access exclusion, a required HIPAA implementation
// specification), should for hygiene, for what needs a premium licence, and
// for HIPAA "addressable" specifications (automatic logoff, encryption).
func Catalog() []Control { return catalog }

var (
	staffAndTelehealth = []Profile{Staff, Telehealth}
	staffOnly          = []Profile{Staff}
	telehealthOnly     = []Profile{Telehealth}
)

const (
	meetingPolicy      = "teamshipaa_meeting_policy"
	encryptionPolicy   = "teamshipaa_enhanced_encryption_policy"
	appPolicy          = "teamshipaa_app_permission_policy"
	externalAccess     = "teamshipaa_external_access"
	clientConfig       = "teamshipaa_client_configuration"
	caPolicy           = "teamshipaa_conditional_access_policy"
	dlpPolicyType      = "teamshipaa_dlp_policy"
	dlpRuleType        = "teamshipaa_dlp_rule"
	retentionPolicy    = "teamshipaa_retention_policy"
	retentionRule      = "teamshipaa_retention_rule"
	auditLogConfig     = "teamshipaa_audit_log_config"
	auditRetention     = "teamshipaa_audit_log_retention_policy"
	protectionAlert    = "teamshipaa_protection_alert"
	anonymousJoin      = "allow_anonymous_users_to_join_meeting"
	phishingStrengthID = PhishingResistantStrength
)

var catalog = []Control{
	// ---- Meeting policy (TeamsMeetingPolicy) ------------------------------------
	{
		ID: "HB.MEETING.1", Title: "Anonymous users cannot start meetings",
		Resource: meetingPolicy, Attribute: "allow_anonymous_users_to_start_meeting",
		Scope: ScopeEvery, Rule: Equals(false), Profiles: staffAndTelehealth, Level: Shall,
		Crosswalk: Crosswalk{SCuBA: []string{"MS.TEAMS.1.2v2"}, CIS: []string{"8.5.2"}, Maester: []string{"MT.1047"}},
		HIPAA:     []string{"164.312(a)(1)", "164.312(d)"}, Sources: []string{"SCuBA", "CIS", "MT"},
		TradeOff: "None: an anonymous organizer cannot be held accountable.",
	},
	{
		ID: "HB.MEETING.2", Title: "Only people in the organization bypass the lobby",
		Resource: meetingPolicy, Attribute: "auto_admitted_users",
		Scope: ScopeGlobal, Rule: Equals("EveryoneInCompanyExcludingGuests"), Profiles: staffAndTelehealth, Level: Shall,
		Crosswalk: Crosswalk{SCuBA: []string{"MS.TEAMS.1.3v1", "MS.TEAMS.1.4v1"}, CIS: []string{"8.5.3"}, Maester: []string{"MT.1045"}},
		HIPAA:     []string{"164.312(a)(1)", "164.312(d)"}, Sources: []string{"SCuBA", "CIS", "MT", "SEED-A"},
		TradeOff:   "Guests and external people wait in the lobby until admitted.",
		Resolution: "Maester wants InvitedUsers, which fails SCuBA MS.TEAMS.1.4; EveryoneInCompanyExcludingGuests is the only value that passes both SCuBA and CIS.",
	},
	{
		ID: "HB.MEETING.3", Title: "Dial-in callers do not bypass the lobby",
		Resource: meetingPolicy, Attribute: "allow_pstn_users_to_bypass_lobby",
		Scope: ScopeEvery, Rule: Equals(false), Profiles: staffAndTelehealth, Level: Should,
		Crosswalk: Crosswalk{SCuBA: []string{"MS.TEAMS.1.5v1"}, CIS: []string{"8.5.4"}, Maester: []string{"MT.1042"}},
		HIPAA:     []string{"164.312(d)"}, Sources: []string{"SCuBA", "CIS", "MT"},
		TradeOff: "Dial-in callers, who are unauthenticated, wait in the lobby until someone admits them.",
	},
	{
		ID: "HB.MEETING.4", Title: "External participants cannot give or request control of a shared screen",
		Resource: meetingPolicy, Attribute: "allow_external_participant_give_request_control",
		Scope: ScopeEvery, Rule: Equals(false), Profiles: staffAndTelehealth, Level: Should,
		Crosswalk: Crosswalk{SCuBA: []string{"MS.TEAMS.1.1v1"}, CIS: []string{"8.5.7"}, Maester: []string{"MT.1048"}},
		HIPAA:     []string{"164.312(a)(1)"}, Sources: []string{"SCuBA", "CIS", "MT"},
		TradeOff: "None for most meetings: a vendor who needs to drive a screen gets its own policy, recorded as an exception.",
	},
	{
		ID: "HB.MEETING.5", Title: "Participants cannot give or request control of a shared screen by default",
		Resource: meetingPolicy, Attribute: "allow_participant_give_request_control",
		Scope: ScopeGlobal, Rule: Equals(false), Profiles: staffAndTelehealth, Level: Should,
		Crosswalk: Crosswalk{Maester: []string{"MT.1037"}},
		HIPAA:     []string{"164.312(a)(1)"}, Sources: []string{"MT"},
		TradeOff: "Breaks internal remote support in meetings: give the help desk its own policy.",
	},
	{
		ID: "HB.MEETING.6", Title: "Anonymous users cannot join meetings",
		Resource: meetingPolicy, Attribute: anonymousJoin,
		Scope: ScopeEvery, Rule: Equals(false), Profiles: staffOnly, Level: Shall,
		Crosswalk: Crosswalk{CIS: []string{"8.5.1"}, Maester: []string{"MT.1046"}},
		HIPAA:     []string{"164.312(d)"}, Sources: []string{"CIS", "MT"},
		TradeOff: "People without an account of the organization or a trusted one cannot join; patients need the telehealth profile.",
		Resolution: "CIS and Maester want anonymous join off everywhere; patients usually join telehealth visits anonymously. " +
			"The staff profile keeps it off in every policy; the telehealth profile keeps it off in the Global policy (HB.MEETING.7) " +
			"and lets policies marked for telehealth allow it behind a one-time passcode and a CAPTCHA (HB.MEETING.8, HB.MEETING.9).",
	},
	{
		ID: "HB.MEETING.7", Title: "Anonymous users cannot join meetings of the Global policy",
		Resource: meetingPolicy, Attribute: anonymousJoin,
		Scope: ScopeGlobal, Rule: Equals(false), Profiles: telehealthOnly, Level: Shall,
		Crosswalk: Crosswalk{CIS: []string{"8.5.1"}, Maester: []string{"MT.1046"}},
		HIPAA:     []string{"164.312(d)"}, Sources: []string{"CIS", "MT"},
		TradeOff:   "Only clinicians assigned a telehealth policy can host patients who join anonymously.",
		Resolution: "See HB.MEETING.6: in the telehealth profile anonymous join stays off org-wide and is allowed only in policies marked for telehealth.",
	},
	{
		ID: "HB.MEETING.8", Title: "Anonymous users verify with a one-time passcode where anonymous join is on",
		Resource: meetingPolicy, Attribute: "anonymous_user_authentication_method",
		Scope: ScopeTelehealth, Rule: When(anonymousJoin, true, Equals("OneTimePasscode")), Profiles: telehealthOnly, Level: Shall,
		HIPAA: []string{"164.312(d)"}, Sources: []string{"docs"},
		TradeOff: "A patient needs access to the email address the invitation went to; no public baseline checks this setting.",
	},
	{
		ID: "HB.MEETING.9", Title: "Anonymous and untrusted users solve a CAPTCHA where anonymous join is on",
		Resource: meetingPolicy, Attribute: "captcha_verification_for_meeting_join",
		Scope: ScopeTelehealth, Rule: When(anonymousJoin, true, Equals("AnonymousUsersAndUntrustedOrganizations")), Profiles: telehealthOnly, Level: Should,
		HIPAA: []string{"164.312(d)"}, Sources: []string{"docs"},
		TradeOff: "One more step for patients, and a barrier for some assistive technologies; no public baseline checks this setting.",
	},
	{
		ID: "HB.MEETING.10", Title: "Patients wait in the lobby of telehealth meetings",
		Resource: meetingPolicy, Attribute: "auto_admitted_users",
		Scope: ScopeTelehealth, Rule: OneOf("EveryoneInCompanyExcludingGuests", "OrganizerOnly"), Profiles: telehealthOnly, Level: Shall,
		Crosswalk: Crosswalk{SCuBA: []string{"MS.TEAMS.1.3v1"}, CIS: []string{"8.5.3"}},
		HIPAA:     []string{"164.312(a)(1)", "164.312(d)"}, Sources: []string{"SCuBA", "CIS", "SEED-A"},
		TradeOff: "The clinician admits each patient, which is the check that the right person joined.",
		Resolution: "SCuBA and CIS judge only the Global policy; where anonymous join is allowed the lobby is the identity check, " +
			"so the telehealth policies keep it too (OrganizerOnly is stricter and also accepted).",
	},
	{
		ID: "HB.MEETING.11", Title: "Anonymous users cannot use meeting chat",
		Resource: meetingPolicy, Attribute: "meeting_chat_enabled_type",
		Scope: ScopeEvery, Rule: OneOf("EnabledExceptAnonymous", "EnabledInMeetingOnlyForAllExceptAnonymous", "Disabled"),
		Profiles: staffAndTelehealth, Level: Should,
		Crosswalk: Crosswalk{CIS: []string{"8.5.5"}},
		HIPAA:     []string{"164.312(a)(1)", "164.312(e)(1)"}, Sources: []string{"CIS"},
		TradeOff: "Patients who join anonymously cannot type in the meeting chat; Disabled also passes but may need lobby_chat Disabled too.",
	},
	{
		ID: "HB.MEETING.12", Title: "No meeting chat with untrusted external organizations",
		Resource: meetingPolicy, Attribute: "allow_external_non_trusted_meeting_chat",
		Scope: ScopeEvery, Rule: Equals(false), Profiles: staffAndTelehealth, Level: Should,
		Crosswalk: Crosswalk{CIS: []string{"8.5.8"}},
		HIPAA:     []string{"164.312(e)(1)"}, Sources: []string{"CIS"},
		TradeOff: "Users cannot chat in other organizations' meetings with people from organizations the tenant does not trust.",
	},
	{
		ID: "HB.MEETING.13", Title: "Only organizers present by default",
		Resource: meetingPolicy, Attribute: "designated_presenter_role_mode",
		Scope: ScopeGlobal, Rule: Equals("OrganizerOnlyUserOverride"), Profiles: staffAndTelehealth, Level: Should,
		Crosswalk: Crosswalk{CIS: []string{"8.5.6"}},
		HIPAA:     []string{"164.312(a)(1)"}, Sources: []string{"CIS"},
		TradeOff: "Organizers promote presenters themselves; they can change the default per meeting.",
	},
	{
		ID: "HB.MEETING.14", Title: "Meetings are not recorded by default",
		Resource: meetingPolicy, Attribute: "allow_cloud_recording",
		Scope: ScopeGlobal, Rule: Equals(false), Profiles: staffAndTelehealth, Level: Should,
		Crosswalk: Crosswalk{SCuBA: []string{"MS.TEAMS.1.6v1"}, CIS: []string{"8.5.9"}},
		HIPAA:     []string{"164.308(a)(4)"}, Sources: []string{"SCuBA", "CIS"},
		TradeOff: "Recordings hold PHI and land in OneDrive and SharePoint: allow them only in a policy for approved users, " +
			"with those locations in DLP and retention scope.",
	},
	{
		ID: "HB.MEETING.15", Title: "Meetings are not transcribed by default",
		Resource: meetingPolicy, Attribute: "allow_transcription",
		Scope: ScopeGlobal, Rule: Equals(false), Profiles: staffAndTelehealth, Level: Should,
		HIPAA: []string{"164.308(a)(4)"}, Sources: []string{"SCuBA"},
		TradeOff: "Transcripts hold PHI too (derived from SCuBA MS.TEAMS.1.6v1); live captions are not affected.",
	},
	{
		ID: "HB.MEETING.16", Title: "New meeting recordings expire",
		Resource: meetingPolicy, Attribute: "new_meeting_recording_expiration_days",
		// 60 days: the value the quickstart sets, shorter than the 120 days
		// Microsoft gives a new tenant, so fewer copies of PHI linger;
		// recordings that must be kept longer belong in a Purview retention
		// policy, which takes precedence over expiration. Any finite value
		// (1-99999) passes; -1 ("never") fails.
		Scope: ScopeEvery, Rule: Between(1, 99999, 60), Profiles: staffAndTelehealth, Level: Should,
		HIPAA: []string{"164.316(b)(2)"}, Sources: []string{"docs", "SEED-A"},
		TradeOff: "Recordings move to the recycle bin when they expire unless a retention policy keeps them; the interaction is Microsoft's and unverified here.",
	},
	{
		ID: "HB.MEETING.17", Title: "Recordings are not stored outside the tenant's region",
		Resource: meetingPolicy, Attribute: "allow_recording_storage_outside_region",
		Scope: ScopeEvery, Rule: Equals(false), Profiles: staffAndTelehealth, Level: Should,
		HIPAA: []string{"164.308(a)(4)"}, Sources: []string{"docs"},
		TradeOff: "None known: recordings saved to OneDrive and SharePoint are not affected.",
	},
	{
		ID: "HB.MEETING.18", Title: "Organizers can watermark screen sharing",
		Resource: meetingPolicy, Attribute: "allow_watermark_for_screen_sharing",
		Scope: ScopeGlobal, Rule: Equals(true), Profiles: staffAndTelehealth, Level: Should,
		HIPAA: []string{"164.312(c)(1)", "164.312(e)(1)"}, Sources: []string{"docs"},
		TradeOff: "Needs Teams Premium; watermarked meetings limit how anonymous users take part.",
		Resolution: "The recommendation this control started from puts watermarks in a sensitive-tier policy; the setting only makes the meeting option available, " +
			"so the catalog asks for it in the Global policy and leaves organizers to turn it on for sensitive meetings.",
	},
	{
		ID: "HB.MEETING.19", Title: "Organizers can watermark camera video",
		Resource: meetingPolicy, Attribute: "allow_watermark_for_camera_video",
		Scope: ScopeGlobal, Rule: Equals(true), Profiles: staffAndTelehealth, Level: Should,
		HIPAA: []string{"164.312(c)(1)", "164.312(e)(1)"}, Sources: []string{"docs"},
		TradeOff:   "Needs Teams Premium; watermarked meetings limit how anonymous users take part.",
		Resolution: "As HB.MEETING.18.",
	},

	// ---- Enhanced encryption (TeamsEnhancedEncryptionPolicy) --------------------
	{
		ID: "HB.E2EE.1", Title: "Clinicians can encrypt 1:1 calls end to end",
		Resource: encryptionPolicy, Attribute: "calling_end_to_end_encryption_enabled_type",
		Scope: ScopeTenant, Rule: Equals("DisabledUserOverride"), Profiles: staffAndTelehealth, Level: Should,
		HIPAA: []string{"164.312(a)(2)(iv)", "164.312(e)(2)(ii)"}, Sources: []string{"SEED-A"},
		TradeOff: "End-to-end encrypted calls lose recording, transcription and transfer; users turn it on per call, so it is not forced.",
		Resolution: "SEED-A asks to enable E2EE for sensitive calls; the setting belongs in a policy assigned to clinicians, " +
			"so the control passes when at least one enhanced encryption policy offers it.",
	},
	{
		ID: "HB.E2EE.2", Title: "Clinicians can schedule end-to-end encrypted meetings",
		Resource: encryptionPolicy, Attribute: "meeting_end_to_end_encryption",
		Scope: ScopeTenant, Rule: Equals("DisabledUserOverride"), Profiles: staffAndTelehealth, Level: Should,
		HIPAA: []string{"164.312(a)(2)(iv)", "164.312(e)(2)(ii)"}, Sources: []string{"SEED-A"},
		TradeOff:   "Needs Teams Premium; encrypted meetings hold at most 200 people, cannot be joined from a browser, and lose recording and transcription.",
		Resolution: "As HB.E2EE.1: offered (DisabledUserOverride), never forced.",
	},

	// ---- Apps (TeamsAppPermissionPolicy) ----------------------------------------
	{
		ID: "HB.APPS.1", Title: "Only approved Microsoft apps",
		Resource: appPolicy, Attribute: "default_catalog_apps_type",
		Scope: ScopeEvery, Rule: Equals("AllowedAppList"), Profiles: staffAndTelehealth, Level: Should,
		Crosswalk: Crosswalk{SCuBA: []string{"MS.TEAMS.5.1v2"}, CIS: []string{"8.4.1"}},
		HIPAA:     []string{"164.308(a)(4)"}, Sources: []string{"SCuBA", "CIS"},
		TradeOff: "Every Microsoft app users need must be listed in default_catalog_apps; an empty list blocks them all.",
	},
	{
		ID: "HB.APPS.2", Title: "Only approved third-party apps",
		Resource: appPolicy, Attribute: "global_catalog_apps_type",
		Scope: ScopeEvery, Rule: Equals("AllowedAppList"), Profiles: staffAndTelehealth, Level: Should,
		Crosswalk: Crosswalk{SCuBA: []string{"MS.TEAMS.5.2v2"}, CIS: []string{"8.4.1"}},
		HIPAA:     []string{"164.308(b)(1)"}, Sources: []string{"SCuBA", "CIS", "SEED-A"},
		TradeOff: "Each third-party app is vetted (and covered by a BAA when it touches PHI) before it is listed.",
	},
	{
		ID: "HB.APPS.3", Title: "Only approved custom apps",
		Resource: appPolicy, Attribute: "private_catalog_apps_type",
		Scope: ScopeEvery, Rule: Equals("AllowedAppList"), Profiles: staffAndTelehealth, Level: Should,
		Crosswalk: Crosswalk{SCuBA: []string{"MS.TEAMS.5.3v2"}},
		HIPAA:     []string{"164.308(a)(4)"}, Sources: []string{"SCuBA"},
		TradeOff: "Custom apps under development must be listed before testers can add them.",
	},

	// ---- External access (TenantFederationSettings) -----------------------------
	// AllowPublicUsers (Skype consumer federation, CIS v3.1 8.2.1, SEED-B) is
	// not a control: Microsoft retired it in May 2025 with Skype consumer, and
	// the resource does not model it.
	{
		ID: "HB.EXTERNAL.1", Title: "External access only with listed domains",
		Resource: externalAccess, Attribute: "allowed_domains",
		Scope: ScopeGlobal, Rule: federationPerDomain, Profiles: staffAndTelehealth, Level: Shall,
		Crosswalk: Crosswalk{SCuBA: []string{"MS.TEAMS.2.1v2"}, CIS: []string{"8.2.1"}},
		HIPAA:     []string{"164.312(e)(1)"}, Sources: []string{"SCuBA", "CIS"},
		TradeOff: "Each partner organization's domain is added before users can chat or call with it.",
	},
	{
		ID: "HB.EXTERNAL.2", Title: "Unmanaged Teams accounts cannot start conversations with users",
		Resource: externalAccess, Attribute: "allow_teams_consumer_inbound",
		Scope: ScopeGlobal, Rule: Equals(false), Profiles: staffAndTelehealth, Level: Shall,
		Crosswalk: Crosswalk{SCuBA: []string{"MS.TEAMS.2.2v2"}, CIS: []string{"8.2.3"}},
		HIPAA:     []string{"164.312(e)(1)"}, Sources: []string{"SCuBA", "CIS", "SEED-B"},
		TradeOff: "Patients with personal Teams accounts cannot message staff first.",
	},
	{
		ID: "HB.EXTERNAL.3", Title: "Users cannot communicate with unmanaged Teams accounts",
		Resource: externalAccess, Attribute: "allow_teams_consumer",
		Scope: ScopeGlobal, Rule: Equals(false), Profiles: staffAndTelehealth, Level: Should,
		Crosswalk: Crosswalk{SCuBA: []string{"MS.TEAMS.2.3v2"}, CIS: []string{"8.2.2"}},
		HIPAA:     []string{"164.312(e)(1)"}, Sources: []string{"SCuBA", "CIS", "SEED-B"},
		TradeOff: "No chat with personal Microsoft accounts; patients join meetings through the telehealth profile instead.",
	},
	{
		ID: "HB.EXTERNAL.4", Title: "No communication with trial-only tenants",
		Resource: externalAccess, Attribute: "external_access_with_trial_tenants",
		Scope: ScopeGlobal, Rule: Equals("Blocked"), Profiles: staffAndTelehealth, Level: Should,
		Crosswalk: Crosswalk{CIS: []string{"8.2.4"}},
		HIPAA:     []string{"164.312(e)(1)"}, Sources: []string{"CIS"},
		TradeOff: "A partner still on a trial subscription must be listed in allowed_trial_tenant_domains.",
	},

	// ---- Client configuration (TeamsClientConfiguration) ------------------------
	// AllowGuestUser ("true only with guest MFA enforced") has no value of its
	// own: guest MFA is HB.CA.5.
	{
		ID: "HB.CLIENT.1", Title: "No email into channels",
		Resource: clientConfig, Attribute: "allow_email_into_channel",
		Scope: ScopeGlobal, Rule: Equals(false), Profiles: staffAndTelehealth, Level: Shall,
		Crosswalk: Crosswalk{SCuBA: []string{"MS.TEAMS.4.1v1"}, CIS: []string{"8.1.2"}},
		HIPAA:     []string{"164.312(e)(1)"}, Sources: []string{"SCuBA", "CIS"},
		TradeOff: "Channels cannot receive email; forward messages into Teams by other means.",
	},
	cloudStorage("HB.CLIENT.2", "Dropbox", "allow_dropbox"),
	cloudStorage("HB.CLIENT.3", "Box", "allow_box"),
	cloudStorage("HB.CLIENT.4", "Google Drive", "allow_google_drive"),
	cloudStorage("HB.CLIENT.5", "Citrix ShareFile", "allow_sharefile"),
	cloudStorage("HB.CLIENT.6", "Egnyte", "allow_egnyte"),

	// ---- Conditional access (Graph conditionalAccessPolicy) ---------------------
	{
		ID: "HB.CA.1", Title: "Legacy authentication is blocked",
		Resource: caPolicy, Attribute: "conditions.client_app_types", Scope: ScopeTenant,
		Rule: caTenant(`a policy for all users and all apps, client_app_types including "exchangeActiveSync" and "other", grant "block"`,
			func(o Object) bool {
				return caAllUsers(o) && caAllApps(o) && caBlocks(o) &&
					allFold(strs(o, "conditions.client_app_types"), "exchangeActiveSync", "other")
			}),
		Profiles: staffAndTelehealth, Level: Shall,
		Crosswalk: Crosswalk{SCuBA: []string{"MS.AAD.1.1v1"}, CIS: []string{"5.2.2.3"}, Maester: []string{"MT.1009"}},
		HIPAA:     []string{"164.312(d)"}, Sources: []string{"SCuBA", "CIS", "MT"},
		TradeOff: "Old mail clients and scripts that sign in with a password alone stop working.",
	},
	{
		ID: "HB.CA.2", Title: "All users sign in with multifactor authentication",
		Resource: caPolicy, Attribute: "grant_controls.built_in_controls", Scope: ScopeTenant,
		Rule: caTenant(`a policy for all users and all apps whose grant requires "mfa" or an authentication strength`,
			func(o Object) bool { return caAllUsers(o) && caAllApps(o) && caRequiresMFA(o) }),
		Profiles: staffAndTelehealth, Level: Shall,
		Crosswalk: Crosswalk{SCuBA: []string{"MS.AAD.3.2v1"}, CIS: []string{"5.2.2.2"}, Maester: []string{"MT.1007"}},
		HIPAA:     []string{"164.312(d)"}, Sources: []string{"SCuBA", "CIS", "MT", "SEED-A", "SEED-B"},
		TradeOff: "Every user registers a second factor; the emergency-access accounts stay excluded (HB.CA.10).",
	},
	{
		ID: "HB.CA.3", Title: "Administrators sign in with phishing-resistant MFA",
		Resource: caPolicy, Attribute: "grant_controls.authentication_strength_id", Scope: ScopeTenant,
		Rule: caTenant("a policy for all apps including the roles "+roleNames(PrivilegedRoles)+
			` (no role excluded) whose grant requires the built-in "Phishing-resistant MFA" authentication strength (`+phishingStrengthID+`)`,
			func(o Object) bool {
				return caPrivilegedRoles(o) && caAllApps(o) &&
					str(o, "grant_controls.authentication_strength_id") == phishingStrengthID
			}),
		Profiles: staffAndTelehealth, Level: Shall,
		Crosswalk: Crosswalk{SCuBA: []string{"MS.AAD.3.6v1"}, CIS: []string{"5.2.2.5"}},
		HIPAA:     []string{"164.312(d)"}, Sources: []string{"SCuBA", "CIS"},
		TradeOff: "Administrators need a FIDO2 key, Windows Hello for Business or certificate-based authentication.",
	},
	{
		ID: "HB.CA.4", Title: "Sign-in needs a managed device",
		Resource: caPolicy, Attribute: "grant_controls.built_in_controls", Scope: ScopeTenant,
		Rule: caTenant(`a policy for all users on all apps or "Office365" (which includes Teams) whose grant cannot be met without a `+
			`managed device: "compliantDevice" or "domainJoinedDevice" (both with operator OR, or with other controls under AND)`,
			func(o Object) bool {
				apps := strs(o, "conditions.applications.include_applications")
				return caAllUsers(o) && (hasFold(apps, "All") || hasFold(apps, "Office365")) && caRequiresManagedDevice(o)
			}),
		Profiles: staffAndTelehealth, Level: Should,
		Crosswalk: Crosswalk{SCuBA: []string{"MS.AAD.3.7v1"}, CIS: []string{"5.2.2.9"}},
		HIPAA:     []string{"164.310(b)", "164.310(c)", "164.312(a)(1)"}, Sources: []string{"SCuBA", "CIS"},
		TradeOff: "Needs Intune (or hybrid join); personal phones and home computers lose access unless enrolled.",
		Resolution: "SCuBA's current check wants exactly compliantDevice OR domainJoinedDevice; its earlier check and Maester accept either alone; " +
			"CIS describes both with \"require one of\". The catalog accepts any grant that cannot be met without a managed device, " +
			"because what matters is that no other alternative (such as mfa under OR) is offered: a cloud-only tenant has no hybrid-joined " +
			"devices, so compliantDevice alone is as strong as the pair. This baseline asks for it on Teams, so the Office 365 app group " +
			"(which includes Teams) passes as well as all apps, which SCuBA wants.",
	},
	{
		ID: "HB.CA.5", Title: "Guests sign in with multifactor authentication",
		Resource: caPolicy, Attribute: "conditions.users.include_guests_or_external_users", Scope: ScopeTenant,
		Rule: caTenant(`a policy for all apps that includes guests and external users (all users, "GuestsOrExternalUsers", `+
			`or include_guests_or_external_users), excludes none of them, and requires "mfa" or an authentication strength`,
			func(o Object) bool { return caTargetsGuests(o) && caAllApps(o) && caRequiresMFA(o) }),
		Profiles: staffAndTelehealth, Level: Shall,
		Crosswalk: Crosswalk{Maester: []string{"MT.1016"}},
		HIPAA:     []string{"164.312(d)"}, Sources: []string{"MT"},
		TradeOff: "Guests register a second factor in this tenant (or one is trusted from their home tenant through cross-tenant settings).",
	},
	{
		ID: "HB.CA.6", Title: "Users sign in again at least every 7 days",
		Resource: caPolicy, Attribute: "session_controls.sign_in_frequency", Scope: ScopeTenant,
		Rule: caTenant("a policy for all users and all apps whose sign-in frequency is on and at most 7 days (168 hours), or every time",
			func(o Object) bool { return caAllUsers(o) && caAllApps(o) && caSignInWithin(o, 7*24) }),
		Profiles: staffAndTelehealth, Level: Should,
		Crosswalk: Crosswalk{CIS: []string{"5.2.2.13"}},
		HIPAA:     []string{"164.312(a)(2)(iii)"}, Sources: []string{"CIS"},
		TradeOff: "Users are asked to sign in again weekly instead of Microsoft's rolling 90 days.",
	},
	{
		ID: "HB.CA.7", Title: "Administrators sign in again every 4 hours, with no persistent browser session",
		Resource: caPolicy, Attribute: "session_controls.persistent_browser", Scope: ScopeTenant,
		Rule: caTenant("a policy for all apps including the roles "+roleNames(PrivilegedRoles)+
			` whose sign-in frequency is on and at most 4 hours (or every time), and persistent browser mode "never"`,
			func(o Object) bool {
				return caPrivilegedRoles(o) && caAllApps(o) && caSignInWithin(o, 4) && caNoPersistentBrowser(o)
			}),
		Profiles: staffAndTelehealth, Level: Should,
		Crosswalk: Crosswalk{CIS: []string{"5.2.2.4"}},
		HIPAA:     []string{"164.312(a)(2)(iii)"}, Sources: []string{"CIS"},
		TradeOff: "Administrators sign in again several times a day and after closing the browser.",
	},
	{
		ID: "HB.CA.8", Title: "Device code sign-in is blocked",
		Resource: caPolicy, Attribute: "conditions.authentication_flows.transfer_methods", Scope: ScopeTenant,
		Rule: caTenant(`a policy for all users and all apps with authentication_flows.transfer_methods including "deviceCodeFlow", grant "block"`,
			func(o Object) bool {
				return caAllUsers(o) && caAllApps(o) && caBlocks(o) &&
					hasFold(strs(o, "conditions.authentication_flows.transfer_methods"), "deviceCodeFlow")
			}),
		Profiles: staffAndTelehealth, Level: Should,
		Crosswalk: Crosswalk{SCuBA: []string{"MS.AAD.3.9v1"}, CIS: []string{"5.2.2.12"}},
		HIPAA:     []string{"164.312(d)"}, Sources: []string{"SCuBA", "CIS"},
		TradeOff: "Sign-in on input-limited devices (meeting room consoles, some CLIs) needs an exclusion for those accounts.",
	},
	{
		ID: "HB.CA.9", Title: "Security information is registered from a managed device or a trusted location",
		Resource: caPolicy, Attribute: "conditions.applications.include_user_actions", Scope: ScopeTenant,
		Rule: caTenant(`a policy for all users on the user action "urn:user:registersecurityinfo" whose grant needs a managed device, `+
			`or that blocks it outside excluded (trusted) locations`,
			func(o Object) bool {
				action := caAllUsers(o) && hasFold(strs(o, "conditions.applications.include_user_actions"), "urn:user:registersecurityinfo")
				trusted := caBlocks(o) && len(strs(o, "conditions.locations.exclude_locations")) > 0
				return action && (caRequiresManagedDevice(o) || trusted)
			}),
		Profiles: staffAndTelehealth, Level: Should,
		Crosswalk: Crosswalk{SCuBA: []string{"MS.AAD.3.8v1"}, CIS: []string{"5.2.2.10"}},
		HIPAA:     []string{"164.312(d)"}, Sources: []string{"SCuBA", "CIS"},
		TradeOff: "New staff register their second factor on site or on an enrolled device.",
		Resolution: "SCuBA and CIS want a managed device; Microsoft's common policy blocks registration outside trusted locations. " +
			"Both stop an attacker with a stolen password from registering their own factor, so either passes.",
	},
	{
		ID: "HB.CA.10", Title: "Every policy excludes the emergency-access (break-glass) accounts",
		Resource: caPolicy, Attribute: "conditions.users.exclude_users", Scope: ScopeEvery,
		Rule: Predicate{Describe: "at least one user or group excluded (the emergency-access accounts or their group); disabled policies are not judged",
			Fn: caExcludesAccounts},
		Profiles: staffAndTelehealth, Level: Shall,
		Crosswalk: Crosswalk{CIS: []string{"1.1.2"}, Maester: []string{"MT.1005"}},
		HIPAA:     []string{"164.312(a)(2)(ii)"}, Sources: []string{"MT", "CIS"},
		TradeOff: "The excluded accounts bypass conditional access: protect them with long random passwords or FIDO2 keys and alert on their use.",
	},
	{
		ID: "HB.CA.11", Title: "Users at high risk are blocked",
		Resource: caPolicy, Attribute: "conditions.user_risk_levels", Scope: ScopeTenant,
		Rule: caTenant(`a policy for all users and all apps with user_risk_levels including "high", grant "block" `+
			`(or, as CIS has it, "mfa" or an authentication strength AND "passwordChange")`,
			func(o Object) bool {
				selfRemediate := strings.EqualFold(str(o, "grant_controls.operator"), "AND") && caRequiresMFA(o) && hasFold(caGrants(o), "passwordChange")
				return caAllUsers(o) && caAllApps(o) && hasFold(strs(o, "conditions.user_risk_levels"), "high") && (caBlocks(o) || selfRemediate)
			}),
		Profiles: staffAndTelehealth, Level: Shall,
		Crosswalk: Crosswalk{SCuBA: []string{"MS.AAD.2.1v1"}, CIS: []string{"5.2.2.6"}},
		HIPAA:     []string{"164.308(a)(5)(ii)(C)"}, Sources: []string{"SCuBA", "CIS"},
		TradeOff: "Needs Microsoft Entra ID P2; a blocked user waits for an administrator (or, with the CIS grant, changes the password after MFA).",
		Resolution: "SCuBA blocks high-risk users; CIS lets them remediate with MFA and a password change. Both keep a compromised " +
			"account from reaching PHI with the stolen credential, so either passes.",
	},
	{
		ID: "HB.CA.12", Title: "High-risk sign-ins are blocked",
		Resource: caPolicy, Attribute: "conditions.sign_in_risk_levels", Scope: ScopeTenant,
		Rule: caTenant(`a policy for all users and all apps with sign_in_risk_levels including "high", grant "block" (or, as CIS has it, "mfa" or an authentication strength)`,
			func(o Object) bool {
				return caAllUsers(o) && caAllApps(o) && hasFold(strs(o, "conditions.sign_in_risk_levels"), "high") && (caBlocks(o) || caRequiresMFA(o))
			}),
		Profiles: staffAndTelehealth, Level: Shall,
		Crosswalk: Crosswalk{SCuBA: []string{"MS.AAD.2.3v1"}, CIS: []string{"5.2.2.7"}},
		HIPAA:     []string{"164.308(a)(5)(ii)(C)"}, Sources: []string{"SCuBA", "CIS"},
		TradeOff:   "Needs Microsoft Entra ID P2; a legitimate sign-in scored high risk is refused (or challenged for MFA).",
		Resolution: "As HB.CA.11: SCuBA blocks, CIS requires MFA; either passes.",
	},

	// ---- DLP (Purview) ----------------------------------------------------------
	{
		ID: "HB.DLP.1", Title: "A DLP policy covers every Teams chat and channel message and is enforced",
		Resource: dlpPolicyType, Attribute: "teams_location", Scope: ScopeTenant,
		Rule:     dlpPolicy(`a DLP policy with teams_location = ["All"]`, func(o Object) bool { return onlyAll(o, "teams_location") }),
		Profiles: staffAndTelehealth, Level: Shall,
		Crosswalk: Crosswalk{SCuBA: []string{"MS.SECURITYSUITE.3.1v1", "MS.SECURITYSUITE.3.2v1"}, CIS: []string{"3.2.2"}},
		HIPAA:     []string{"164.312(e)(1)"}, Sources: []string{"SCuBA", "CIS", "SEED-A"},
		TradeOff: "DLP for Teams needs an E5 (or E5 Compliance) licence; roll out with TestWithNotifications first.",
	},
	{
		ID: "HB.DLP.2", Title: "A DLP policy covers Exchange, SharePoint and OneDrive and is enforced",
		Resource: dlpPolicyType, Attribute: "onedrive_location", Scope: ScopeTenant,
		Rule: dlpPolicy(`a DLP policy with exchange_location, sharepoint_location and onedrive_location = ["All"]`, func(o Object) bool {
			return onlyAll(o, "exchange_location") && onlyAll(o, "sharepoint_location") && onlyAll(o, "onedrive_location")
		}),
		Profiles: staffAndTelehealth, Level: Should,
		Crosswalk: Crosswalk{SCuBA: []string{"MS.SECURITYSUITE.3.2v1"}},
		HIPAA:     []string{"164.312(e)(1)"}, Sources: []string{"SCuBA", "SEED-A"},
		TradeOff: "Files shared from Teams, meeting recordings and transcripts live in SharePoint and OneDrive: without them DLP misses most PHI Teams stores.",
	},
	{
		ID: "HB.DLP.3", Title: "A DLP rule detects the HIPAA sensitive information types",
		Resource: dlpRuleType, Attribute: "content_contains_sensitive_information", Scope: ScopeTenant,
		Rule:     dlpRule("(by name or id, in either form of the condition), and is on", func(Object) bool { return true }),
		Profiles: staffAndTelehealth, Level: Shall,
		Crosswalk: Crosswalk{SCuBA: []string{"MS.SECURITYSUITE.3.1v1"}},
		HIPAA:     []string{"164.312(e)(1)"}, Sources: []string{"SCuBA", "docs"},
		TradeOff: "Diagnosis codes alone match clinical conversations often: combine them with a patient identifier as Microsoft's HIPAA template does.",
		Resolution: "SCuBA's minimum is credit card numbers, ITIN and SSN; for PHI the catalog follows Microsoft's HIPAA template " +
			"(SSN, DEA number, ICD-9-CM, ICD-10-CM). Add SCuBA's types in the same or another rule if the organization handles them.",
	},
	{
		ID: "HB.DLP.4", Title: "The HIPAA DLP rule blocks sharing outside the organization",
		Resource: dlpRuleType, Attribute: "block_access", Scope: ScopeTenant,
		Rule: dlpRule(`with block_access = true, and access_scope = "NotInOrganization" or block_access_scope = "All"`, func(o Object) bool {
			b, _ := Lookup(o, "block_access")
			return b == true && (equalFold(str(o, "access_scope"), "NotInOrganization") || equalFold(str(o, "block_access_scope"), "All"))
		}),
		Profiles: staffAndTelehealth, Level: Should,
		Crosswalk: Crosswalk{SCuBA: []string{"MS.SECURITYSUITE.3.3v1"}},
		HIPAA:     []string{"164.312(e)(1)", "164.308(a)(6)"}, Sources: []string{"SCuBA", "docs"},
		TradeOff: "Messages with PHI to people outside the organization are blocked; a business associate's staff need guest accounts.",
		Resolution: "SCuBA blocks sharing with everyone; HIPAA lets PHI flow inside the covered entity for treatment and operations, " +
			"so the catalog wants external sharing blocked (access_scope NotInOrganization) and also accepts the stricter block for everyone.",
	},
	{
		ID: "HB.DLP.5", Title: "The HIPAA DLP rule notifies the user",
		Resource: dlpRuleType, Attribute: "notify_user", Scope: ScopeTenant,
		Rule:     dlpRule("with notify_user set", func(o Object) bool { return len(strs(o, "notify_user")) > 0 }),
		Profiles: staffAndTelehealth, Level: Should,
		Crosswalk: Crosswalk{SCuBA: []string{"MS.SECURITYSUITE.3.4v1"}},
		HIPAA:     []string{"164.308(a)(5)(i)", "164.308(a)(6)"}, Sources: []string{"SCuBA", "docs"},
		TradeOff: "Users see policy tips; with notify_allow_override they may override with a justification, which is audited.",
	},
	{
		ID: "HB.DLP.6", Title: "The HIPAA DLP rule reports incidents at high severity",
		Resource: dlpRuleType, Attribute: "generate_incident_report", Scope: ScopeTenant,
		Rule: dlpRule(`with generate_incident_report set and report_severity_level = "High"`, func(o Object) bool {
			return len(strs(o, "generate_incident_report")) > 0 && equalFold(str(o, "report_severity_level"), "High")
		}),
		Profiles: staffAndTelehealth, Level: Should,
		Crosswalk: Crosswalk{SCuBA: []string{"MS.SECURITYSUITE.3.3v1", "MS.SECURITYSUITE.3.4v1"}},
		HIPAA:     []string{"164.308(a)(6)"}, Sources: []string{"SCuBA", "docs"},
		TradeOff: "The security mailbox receives a report per match: size the team that reads it.",
	},
	{
		ID: "HB.DLP.7", Title: "A DLP rule detects the enhanced HIPAA types",
		Resource: dlpRuleType, Attribute: "content_contains_sensitive_information", Scope: ScopeTenant,
		Rule: Predicate{Describe: "a DLP rule that is on and detects " + typeNames(EnhancedSensitiveTypes), Fn: func(o Object) Finding {
			if d, _ := Lookup(o, "disabled"); d == true || !detects(o, EnhancedSensitiveTypes) {
				return Finding{Result: Fail, Actual: "does not detect them"}
			}
			return Finding{Result: Pass, Actual: "on"}
		}},
		Profiles: staffAndTelehealth, Level: Should,
		HIPAA: []string{"164.312(e)(1)"}, Sources: []string{"docs"},
		TradeOff: "Names, medical terms and addresses match far more content: expect false positives, start in test mode.",
	},

	// ---- Retention (Purview) ----------------------------------------------------
	{
		ID: "HB.RETENTION.1", Title: "A retention policy covers every Teams chat",
		Resource: retentionPolicy, Attribute: "teams_chat_location", Scope: ScopeTenant,
		Rule: retention("teams_chat_location"), Profiles: staffAndTelehealth, Level: Should,
		HIPAA: []string{"164.316(b)(2)(i)", "164.312(c)(1)"}, Sources: []string{"SEED-A"},
		TradeOff: "Chats are kept (and deleted) on the schedule, not at users' will: deleted messages stay discoverable until then.",
	},
	{
		ID: "HB.RETENTION.2", Title: "A retention policy covers every Teams channel",
		Resource: retentionPolicy, Attribute: "teams_channel_location", Scope: ScopeTenant,
		Rule: retention("teams_channel_location"), Profiles: staffAndTelehealth, Level: Should,
		HIPAA: []string{"164.316(b)(2)(i)", "164.312(c)(1)"}, Sources: []string{"SEED-A"},
		TradeOff: "As HB.RETENTION.1, for standard channel messages.",
	},
	{
		ID: "HB.RETENTION.3", Title: "Retention rules retain, then delete",
		Resource: retentionRule, Attribute: "retention_compliance_action",
		Scope: ScopeEvery, Rule: OneOf("KeepAndDelete", "Keep"), Profiles: staffAndTelehealth, Level: Should,
		HIPAA: []string{"164.316(b)(2)(i)", "164.312(c)(1)"}, Sources: []string{"SEED-A"},
		TradeOff: "The duration is the organization's medical-records schedule (the catalog sets none); Keep alone never deletes and also passes.",
	},

	// ---- Audit (Exchange Online) ------------------------------------------------
	{
		ID: "HB.AUDIT.1", Title: "Unified audit log ingestion is on",
		Resource: auditLogConfig, Attribute: "unified_audit_log_ingestion_enabled",
		Scope: ScopeGlobal, Rule: Equals(true), Profiles: staffAndTelehealth, Level: Shall,
		Crosswalk: Crosswalk{SCuBA: []string{"MS.SECURITYSUITE.5.1v1"}, CIS: []string{"3.1.1"}},
		HIPAA:     []string{"164.312(b)"}, Sources: []string{"SCuBA", "CIS", "SEED-A", "SEED-B"},
		TradeOff: "None: Microsoft turns it on for most tenants; a change takes up to 60 minutes to take effect.",
	},

	// ---- Audit retention and alert policies (Purview) ---------------------------
	{
		ID: "HB.AUDIT.2", Title: "Audit records of Microsoft Teams are kept ten years",
		Resource: auditRetention, Attribute: "retention_duration", Scope: ScopeTenant,
		Rule: teamsAuditRetention, Profiles: staffAndTelehealth, Level: Should,
		Crosswalk: Crosswalk{SCuBA: []string{"MS.SECURITYSUITE.5.2v1"}},
		HIPAA:     []string{"164.312(b)", "164.308(a)(1)(ii)(D)", "164.316(b)(2)(i)"}, Sources: []string{"SCuBA", "SEED-A", "docs"},
		TradeOff: "Needs Microsoft Purview Audit (Premium) and, for ten years, the 10-Year Audit Log Retention add-on; without them Teams records " +
			"are kept 180 days: record an exception (the module then creates no policy).",
		Resolution: "Microsoft documents five durations (ThreeMonths to TwelveMonths, TenYears); TenYears is the only one that covers the six " +
			"years HIPAA keeps documentation (164.316(b)(2)(i)), which the catalog takes as the reason to keep the records of activity review " +
			"as long. SCuBA asks for the OMB M-21-31 period instead; TenYears also meets it.",
	},
	{
		ID: "HB.AUDIT.3", Title: "An alert policy reports DLP matches on PHI in Teams",
		Resource: protectionAlert, Attribute: "operation", Scope: ScopeTenant,
		Rule:     alertOn("DlpRuleMatch", "MicrosoftTeams"),
		Profiles: staffAndTelehealth, Level: Should,
		HIPAA: []string{"164.308(a)(1)(ii)(D)", "164.308(a)(6)(ii)"}, Sources: []string{"SEED-A", "docs"},
		TradeOff: "Every DLP match in Teams emails the reviewers: with the HIPAA DLP rules (HB.DLP.3) that can be many messages a day; " +
			"DLP for Teams needs E5 (HB.DLP.1).",
	},
	{
		ID: "HB.AUDIT.4", Title: "An alert policy reports members, guests included, added to a team",
		Resource: protectionAlert, Attribute: "operation", Scope: ScopeTenant,
		Rule:     alertOn("MemberAdded", ""),
		Profiles: staffAndTelehealth, Level: Should,
		HIPAA: []string{"164.308(a)(1)(ii)(D)", "164.308(a)(4)(ii)(C)"}, Sources: []string{"SEED-A", "docs"},
		TradeOff: "MemberAdded records every member added to a team, not only guests: busy tenants narrow it with a filter, or review the alerts in bulk.",
		Resolution: "No published baseline asks for this alert. Microsoft documents no filter that picks out guests in Teams' MemberAdded " +
			"records, so the catalog accepts the alert with or without a filter.",
	},
	{
		ID: "HB.AUDIT.5", Title: "An alert policy reports changes to the audit log configuration",
		Resource: protectionAlert, Attribute: "operation", Scope: ScopeTenant,
		Rule:     alertOn("Set-AdminAuditLogConfig", ""),
		Profiles: staffAndTelehealth, Level: Shall,
		HIPAA: []string{"164.312(b)", "164.308(a)(6)(ii)"}, Sources: []string{"SEED-A", "SEED-B", "docs"},
		TradeOff: "None: the configuration rarely changes, and a change that turns auditing off must be known at once.",
	},
	{
		ID: "HB.AUDIT.6", Title: "Alert policies are on",
		Resource: protectionAlert, Attribute: "disabled",
		Scope: ScopeEvery, Rule: Equals(false), Profiles: staffAndTelehealth, Level: Should,
		Crosswalk: Crosswalk{SCuBA: []string{"MS.SECURITYSUITE.4.1v1"}},
		HIPAA:     []string{"164.308(a)(1)(ii)(D)", "164.308(a)(6)(ii)"}, Sources: []string{"SCuBA", "docs"},
		TradeOff: "A policy that is off raises nothing; turn one off only with a recorded exception.",
		Resolution: "SCuBA requires a list of Microsoft's default alerts (Exchange threats) to be on; the catalog asks the same of every alert " +
			"policy, Microsoft's defaults included.",
	},
}

// cloudStorage is a control that a third-party cloud storage provider is off
// in the Teams client (CIS 8.1.1).
func cloudStorage(id, name, attr string) Control {
	return Control{
		ID: id, Title: name + " is not available as cloud storage in Teams",
		Resource: clientConfig, Attribute: attr,
		Scope: ScopeGlobal, Rule: Equals(false), Profiles: staffAndTelehealth, Level: Shall,
		Crosswalk: Crosswalk{CIS: []string{"8.1.1"}},
		HIPAA:     []string{"164.308(b)(1)"}, Sources: []string{"CIS", "SEED-A"},
		TradeOff: "Users cannot attach " + name + " files in Teams; where a BAA covers " + name + ", record an exception with the BAA's reference.",
	}
}

// Omission is a row of the reference baseline that is not a control.
type Omission struct {
	Setting string
	Reason  string
}

// NotControls lists the recommendations the catalog leaves out,
// with the reason (the docs print them).
var NotControls = []Omission{
	{"TenantFederationSettings.AllowPublicUsers", "Retired by Microsoft in May 2025 with Skype consumer; the resource does not model it."},
	{"TeamsMeetingPolicy.ExplicitRecordingConsent", "A state recording-consent law matter with no HIPAA citation; set it in the configuration if your state requires consent."},
	{"TeamsMeetingBroadcastPolicy.BroadcastRecordingMode (SCuBA MS.TEAMS.1.7v2)", "No resource manages live events policies yet."},
	{"TeamsClientConfiguration.AllowGuestUser", "No value of its own: guests are acceptable when they sign in with MFA (HB.CA.5)."},
	{"Retention duration of Teams chats and channels", "The organization's medical-records schedule decides it; HB.RETENTION.1-3 check that retention exists and deletes at the end."},
}
