package teams

// Parameter catalog of the teamshipaa_messaging_policy resource.
//
// Sources: Microsoft's cmdlet reference, MicrosoftDocs/office-docs-powershell
// teams/teams-ps/MicrosoftTeams/Set-CsTeamsMessagingPolicy.md (commit
// 38233785, the only one stored) and New-CsTeamsMessagingPolicy.md (commit
// 1203e76d, newer: its syntax adds AutoShareFilesInExternalChats and
// UseB2BInvitesToAddExternalUsers), cross-checked with the parameter list of
// the shipped cmdlet (MicrosoftTeams 7.9.0, terraprovider/go-teams
// models/zz_generated_models.go @ 2be9f011), with the field list of a client
// that reads this type straight from the ConfigAPI (cirosec/AzRanger
// AzRanger/Models/Teams/TeamsMessagingPolicy.cs @ 822c2f4d) and with
// Microsoft365DSC's MSFT_TeamsMessagingPolicy (ValidateSets). Values seen on a
// real tenant come from a public Microsoft365DSC 1.26.218.1 export (see
// testdata/SOURCES.md, messaging_policy_list.json). Descriptions are our own
// words. Params are sorted alphabetically by Name.
//
// Rule for "current": a parameter is modelled when Microsoft documents it
// (the Set or New page) and MicrosoftTeams 7.9.0 accepts it.
//
// Left out on purpose:
//   - common cmdlet parameters: Identity (the resource's name), Instance,
//     Tenant, Force, WhatIf, Confirm, InMemory (New- only) and the PowerShell
//     CommonParameters;
//   - AllowExtendedWorkInfoInSearch: listed on both pages, but not a parameter
//     of MicrosoftTeams 7.9.0 and not returned by GET (AzRanger's model, the
//     M365DSC export); the same setting now lives in TeamsClientConfiguration
//     as ExtendedWorkInfoInPeopleSearch;
//   - AllowProactiveSummaries: a 7.9.0 parameter that GET returns, but no
//     Microsoft page documents it.
//
// Enum policy: Values are the values the docs list, spelled as the service
// returns them. Notably:
//   - GiphyRatingType: Enum. The doc writes STRICT, MODERATE, NORESTRICTION;
//     the service returns Strict, Moderate, NoRestriction (M365DSC export, the
//     Teams client's own settings), which is the spelling used here.
//   - ChatPermissionRole: Enum Full, Limited, Restricted, from the doc's prose.
//   - InOrganizationChatControl: String. The doc lists no values; M365DSC
//     validates BlockingDisallowed and BlockingAllowed, and the real tenant
//     returns BlockingDisallowed.
//   - AutoShareFilesInExternalChats: String. The doc names it without values;
//     M365DSC validates Enabled and Disabled, and the real tenant returns
//     Enabled. HIPAA-relevant (files shared into chats with external users).
//   - UseB2BInvitesToAddExternalUsers: Bool. The New page types it String and
//     M365DSC exposes Enabled/Disabled, but MicrosoftTeams 7.9.0 declares a
//     Boolean and AzRanger reads a JSON boolean; M365DSC converts the boolean
//     it reads into Enabled/Disabled itself.
//
// HIPAA baseline: AllowSecurityEndUserReporting (CIS 8.6.1: users can report
// security concerns) is a Bool as documented.
var messagingPolicy = PolicyType{
	Type:       "TeamsMessagingPolicy",
	Cmdlet:     "Set-CsTeamsMessagingPolicy",
	Resource:   "messaging_policy",
	Title:      "Teams messaging policy",
	Assignment: GroupOrTenant,
	// Public tenant exports show Tag:Default, and Tag:EduFaculty and
	// Tag:EduStudent in education tenants.
	Presets: []string{"Default", "EduFaculty", "EduStudent"},
	Params: []Param{
		{
			Name: "AllowChatWithGroup", Attr: "allow_chat_with_group", Kind: Bool,
			Description: "Whether users can chat with groups (distribution, Microsoft 365 and security groups); no default documented.",
		},
		{
			Name: "AllowCommunicationComplianceEndUserReporting", Attr: "allow_communication_compliance_end_user_reporting", Kind: Bool,
			Description: "Whether users can report offensive messages to their admins for Communication Compliance; no default documented.",
		},
		{
			Name: "AllowCustomGroupChatAvatars", Attr: "allow_custom_group_chat_avatars", Kind: Bool,
			Description: "Whether users can set and see custom group chat avatars; no default documented.",
		},
		{
			Name: "AllowFluidCollaborate", Attr: "allow_fluid_collaborate", Kind: Bool,
			Description: "Whether the Fluid Collaborate feature is available to users; no default documented.",
		},
		{
			Name: "AllowFullChatPermissionUserToDeleteAnyMessage", Attr: "allow_full_chat_permission_user_to_delete_any_message", Kind: Bool,
			Description: "Whether users with the Full supervised-chat role can delete any group or meeting chat message in the tenant; no default documented.",
		},
		{
			Name: "AllowGiphy", Attr: "allow_giphy", Kind: Bool,
			Description: "Whether users can search and post Giphy images (Optional Connected Experiences must also be on); no default documented.",
		},
		{
			Name: "AllowGiphyDisplay", Attr: "allow_giphy_display", Kind: Bool,
			Description: "Whether Giphy images already sent or received in chats are displayed; no default documented.",
		},
		{
			Name: "AllowGroupChatJoinLinks", Attr: "allow_group_chat_join_links", Kind: Bool,
			Description: "Whether members of a group chat can create and share links that let other people in the organization join it; no default documented.",
		},
		{
			Name: "AllowImmersiveReader", Attr: "allow_immersive_reader", Kind: Bool,
			Description: "Whether users can read conversation messages with Immersive Reader; no default documented.",
		},
		{
			Name: "AllowMemes", Attr: "allow_memes", Kind: Bool,
			Description: "Whether users can post memes; no default documented.",
		},
		{
			Name: "AllowOwnerDeleteMessage", Attr: "allow_owner_delete_message", Kind: Bool,
			Description: "Whether team owners can delete any message in their team; no default documented.",
		},
		{
			Name: "AllowPasteInternetImage", Attr: "allow_paste_internet_image", Kind: Bool,
			Description: "Whether users can paste images from the internet into a message; no default documented.",
		},
		{
			Name: "AllowPriorityMessages", Attr: "allow_priority_messages", Kind: Bool,
			Description: "Whether users can send priority (urgent) messages; no default documented.",
		},
		{
			Name: "AllowRemoveUser", Attr: "allow_remove_user", Kind: Bool,
			Description: "Whether users can remove other people from a conversation; no default documented.",
		},
		{
			Name: "AllowSecurityEndUserReporting", Attr: "allow_security_end_user_reporting", Kind: Bool,
			Description: "Whether users can report a message as a security concern (phishing, malware) to their admins; no default documented.",
		},
		{
			Name: "AllowSmartCompose", Attr: "allow_smart_compose", Kind: Bool,
			Description: "Whether users get text predictions while writing chat messages; no default documented.",
		},
		{
			Name: "AllowSmartReply", Attr: "allow_smart_reply", Kind: Bool,
			Description: "Whether users get suggested replies to chat messages; defaults to true.",
		},
		{
			Name: "AllowStickers", Attr: "allow_stickers", Kind: Bool,
			Description: "Whether users can post stickers; no default documented.",
		},
		{
			Name: "AllowUrlPreviews", Attr: "allow_url_previews", Kind: Bool,
			Description: "Whether links in messages get automatic previews (Optional Connected Experiences must also be on); no default documented.",
		},
		{
			Name: "AllowUserChat", Attr: "allow_user_chat", Kind: Bool,
			Description: "Whether users can chat at all (private, group and meeting chats); no default documented.",
		},
		{
			Name: "AllowUserDeleteChat", Attr: "allow_user_delete_chat", Kind: Bool,
			Description: "Whether users can permanently delete 1:1, group and meeting chats for themselves (not for the other participants); defaults to true.",
		},
		{
			Name: "AllowUserDeleteMessage", Attr: "allow_user_delete_message", Kind: Bool,
			Description: "Whether users can delete their own messages (when false, team owners cannot delete their own messages either); no default documented.",
		},
		{
			Name: "AllowUserEditMessage", Attr: "allow_user_edit_message", Kind: Bool,
			Description: "Whether users can edit their own messages; no default documented.",
		},
		{
			Name: "AllowUserTranslation", Attr: "allow_user_translation", Kind: Bool,
			Description: "Whether users can translate messages into their client's language; no default documented.",
		},
		{
			Name: "AllowVideoMessages", Attr: "allow_video_messages", Kind: Bool,
			Description: "Whether users can record and send video messages; no default documented.",
		},
		{
			Name: "AudioMessageEnabledType", Attr: "audio_message_enabled_type", Kind: Enum,
			Values:      []string{"ChatsAndChannels", "ChatsOnly", "Disabled"},
			Description: "Where users can send audio messages: in chats and channels, in chats only, or nowhere; no default documented.",
		},
		// Values not documented by Microsoft (see the header).
		{
			Name: "AutoShareFilesInExternalChats", Attr: "auto_share_files_in_external_chats", Kind: String,
			Description: "Whether files posted in chats with external users are shared with them automatically, Enabled or Disabled (Microsoft lists the parameter without a description or values: the meaning is read from its name, the values come from Microsoft365DSC); no default documented.",
		},
		{
			Name: "ChannelsInChatListEnabledType", Attr: "channels_in_chat_list_enabled_type", Kind: Enum,
			Values:      []string{"DisabledUserOverride", "EnabledUserOverride"},
			Description: "Whether mobile clients show favorite channels above recent chats, off or on by default (both user-overridable); no default documented.",
		},
		{
			Name: "ChatPermissionRole", Attr: "chat_permission_role", Kind: Enum,
			Values:      []string{"Full", "Limited", "Restricted"},
			Description: "The user's supervised-chat role: Full can start chats with and invite anyone, Limited can start chats with Full and Limited users, Restricted only with Full users (applies when supervised chat is on in the client configuration); defaults to Restricted.",
		},
		{
			Name: "CreateCustomEmojis", Attr: "create_custom_emojis", Kind: Bool,
			Description: "Whether users can create custom emojis and reactions for the organization; no default documented.",
		},
		{
			Name: "DeleteCustomEmojis", Attr: "delete_custom_emojis", Kind: Bool,
			Description: "Whether users can edit and delete the organization's custom emojis and reactions; no default documented.",
		},
		{
			Name: "Description", Attr: "description", Kind: String,
			Description: "Free-text description of the policy; no default documented.",
		},
		{
			Name: "DesignerForBackgroundsAndImages", Attr: "designer_for_backgrounds_and_images", Kind: Enum,
			Values:      []string{"Enabled", "Disabled"},
			Description: "Whether users can create AI-generated backgrounds and images with Microsoft Designer; defaults to Enabled.",
		},
		{
			Name: "GiphyRatingType", Attr: "giphy_rating_type", Kind: Enum,
			Values:      []string{"Strict", "Moderate", "NoRestriction"},
			Description: "Content rating applied to the Giphy images users can post (the doc writes the values in capitals); no default documented.",
		},
		// No values documented; see the header.
		{
			Name: "InOrganizationChatControl", Attr: "in_organization_chat_control", Kind: String,
			Description: "Whether chat regulation for communication inside the tenant is allowed, BlockingDisallowed or BlockingAllowed (values from Microsoft365DSC; the cmdlet doc lists none); no default documented.",
		},
		{
			Name: "ReadReceiptsEnabledType", Attr: "read_receipts_enabled_type", Kind: Enum,
			Values:      []string{"UserPreference", "Everyone", "None"},
			Description: "Whether read receipts are left to each user, on for everyone, or off for everyone; no default documented.",
		},
		{
			Name: "UseB2BInvitesToAddExternalUsers", Attr: "use_b2b_invites_to_add_external_users", Kind: Bool,
			Description: "Whether external users are added to chats through Microsoft Entra B2B invitations (Microsoft lists the parameter without a description, typed String; the module and the service use a boolean); no default documented.",
		},
		{
			Name: "UsersCanDeleteBotMessages", Attr: "users_can_delete_bot_messages", Kind: Bool,
			Description: "Whether users can delete messages sent by bots; defaults to false.",
		},
	},
}
