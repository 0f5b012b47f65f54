package tenantsim

// TeamsMessagingPolicy, from Microsoft's Set-CsTeamsMessagingPolicy page
// (MicrosoftDocs/office-docs-powershell teams/teams-ps/MicrosoftTeams/
// Set-CsTeamsMessagingPolicy.md): every parameter of its syntax block except
// the common ones (Identity, Tenant, Instance, Force, WhatIf, Confirm), plus
// the two the live page and its PR #13223 add (AutoShareFilesInExternalChats,
// UseB2BInvitesToAddExternalUsers; the PR changes the latter from a string to
// a Boolean with default True).
//
// Sources, as in teams_meeting_policy.go: doc (the page's "Default value" or
// text), ref (OfficeDocs-SkypeForBusiness Teams/settings-policies-reference.md,
// "Messaging policies" table), obs, assumed. Enum values: the page's text,
// completed from Microsoft365DSC's MSFT_TeamsMessagingPolicy ValidateSets
// (ChatPermissionRole, AutoShareFilesInExternalChats). The page types
// AllowExtendedWorkInfoInSearch as String in the syntax and Boolean in the
// parameter block (and Microsoft365DSC uses Boolean): Boolean here.
// InOrganizationChatControl has no documented values: free string.
//
// AllowSecurityEndUserReporting is the "Report a security concern" switch
// (Microsoft365DSC's description) that lets users report messages to the
// organisation's security team (Defender user-reported settings).
func init() {
	registerTeamsType(&typeSpec{
		Name:         "TeamsMessagingPolicy",
		XMLNamespace: "urn:schema:Microsoft.Rtc.Management.Policy.Teams.2017",
		Params:       messagingPolicyParams,
		BuiltIns:     messagingPolicyBuiltIns,
	})
}

var messagingPolicyParams = []paramSpec{
	pBool("AllowChatWithGroup", true),                             // assumed
	pBool("AllowCommunicationComplianceEndUserReporting", true),   // assumed
	pBool("AllowCustomGroupChatAvatars", true),                    // assumed
	pBool("AllowExtendedWorkInfoInSearch", false),                 // assumed (multi-tenant orgs only)
	pBool("AllowFluidCollaborate", false),                         // assumed
	pBool("AllowFullChatPermissionUserToDeleteAnyMessage", false), // ref ("Off")
	pBool("AllowGiphy", true),                                     // ref ("On")
	pBool("AllowGiphyDisplay", true),                              // assumed
	pBool("AllowGroupChatJoinLinks", true),                        // assumed
	pBool("AllowImmersiveReader", true),                           // ref
	pBool("AllowMemes", true),                                     // ref
	pBool("AllowOwnerDeleteMessage", false),                       // ref ("Off")
	pBool("AllowPasteInternetImage", true),                        // assumed
	pBool("AllowPriorityMessages", true),                          // ref
	pBool("AllowRemoveUser", true),                                // ref
	pBool("AllowSecurityEndUserReporting", true),                  // assumed ("Report a security concern", on in new tenants)
	pBool("AllowSmartCompose", true),                              // assumed
	pBool("AllowSmartReply", true),                                // ref ("Suggested replies")
	pBool("AllowStickers", true),                                  // ref
	pBool("AllowUrlPreviews", true),                               // ref
	pBool("AllowUserChat", true),                                  // ref
	pBool("AllowUserDeleteChat", true),                            // doc ("TRUE")
	pBool("AllowUserDeleteMessage", true),                         // ref
	pBool("AllowUserEditMessage", true),                           // ref
	pBool("AllowUserTranslation", true),                           // ref
	pBool("AllowVideoMessages", true),                             // assumed
	pEnum("AudioMessageEnabledType", "ChatsAndChannels", "ChatsAndChannels", "ChatsOnly", "Disabled"),             // ref ("Allowed in chats and channels"); values doc
	pEnum("AutoShareFilesInExternalChats", "Enabled", "Enabled", "Disabled"),                                      // assumed; values DSC
	pEnum("ChannelsInChatListEnabledType", "DisabledUserOverride", "DisabledUserOverride", "EnabledUserOverride"), // ref ("Not enabled"); values doc
	pEnum("ChatPermissionRole", "Restricted", "Full", "Limited", "Restricted"),                                    // doc, ref; values doc+DSC
	pBool("CreateCustomEmojis", true),                                                        // assumed
	pBool("DeleteCustomEmojis", false),                                                       // assumed
	pStr("Description", nil),                                                                 // Global has none
	pEnum("DesignerForBackgroundsAndImages", "Enabled", "Enabled", "Disabled"),               // doc
	pEnum("GiphyRatingType", "Moderate", "Strict", "Moderate", "NoRestriction"),              // ref ("Moderate"); the doc capitalises, real exports (ScubaGear) spell it so
	pStr("InOrganizationChatControl", nil),                                                   // assumed; values undocumented
	pEnum("ReadReceiptsEnabledType", "UserPreference", "UserPreference", "Everyone", "None"), // ref ("User controlled"); values doc
	pBool("UseB2BInvitesToAddExternalUsers", true),                                           // doc (PR #13223)
	pBool("UsersCanDeleteBotMessages", false),                                                // doc
}

// Built-ins besides Global: Tag:Default, equal to Global (assumed: public
// tenant exports show a Tag:Default instance for the meeting and broadcast
// policies; none shows the messaging list of a new tenant). Education
// tenants also get Tag:EduFaculty and Tag:EduStudent; they are not modelled.
var messagingPolicyBuiltIns = []builtIn{
	{Identity: "Tag:Default", Overrides: map[string]any{}},
}
