package teams

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// Parameter catalog of the teamshipaa_external_access resource (the Global
// tenant federation configuration).
//
// Sources: Microsoft's cmdlet reference, MicrosoftDocs/office-docs-powershell
// teams/teams-ps/MicrosoftTeams/Set-CsTenantFederationConfiguration.md (commit
// d4f3ef5a, the newest stored revision; 139b2ee8 is older and still lists
// DomainBlockingForMDOAdminsInTeams), cross-checked with the parameter list of
// the shipped cmdlet (MicrosoftTeams 7.9.0, terraprovider/go-teams
// models/zz_generated_models.go @ 2be9f011, type TenantFederationSettings) and
// with a real tenant's Get-CsTenantFederationConfiguration export
// (cisagov/ScubaGear PowerShell/ScubaGear/Sample-Reports/ProviderSettingsExport.json
// @ 23630e84, array federation_configuration). Descriptions are our own words.
// Params are sorted alphabetically by Name.
//
// AllowedDomains (Kind DomainAllowList): the JSON shape, and why not
// AllowedDomainsAsAList.
//
// Shape on the wire: {"AllowedDomain":[{"Domain":"contoso.com"}, ...]} for an
// explicit allow list, {} (no AllowedDomain member) for "allow all known
// domains". Evidence, strongest first:
//   - CIPP's Invoke-CIPPStandardTeamsFederationConfiguration.ps1 (CyberDrain/CIPP
//     backend/Modules/CIPPStandards/Public/Standards/, the file CyberDrain/CIPP
//     issue #364 links to; newest revision in the public index, found by
//     content) talks to this ConfigAPI type directly, through
//     KelvinTegelaar/CIPP-API New-TeamsRequestV2.ps1, and calls the shapes
//     "GET-symmetric": allow all = AllowedDomains {}, allow specific
//     = @{ AllowedDomain = @(@{ Domain = 'x' }) }. It warns that an empty array
//     or an {"AllowList":...} envelope is coerced into an explicit EMPTY allow
//     list ({"AllowedDomain":[]}: federation with nobody) while the write
//     reports success. That lesson came from a production incident
//     (CyberDrain/CIPP issue #364: tenants flipped to "Block all external
//     domains"); the file's earlier revision, which sent {"AllowList":[...]}
//     and [], caused it.
//   - cirosec/AzRanger and HackmichNet/AzRanger, which GET
//     /Skype.Policy/configurations/TenantFederationSettings directly, model
//     AllowedDomains as an object with an AllowedDomain array of {Domain}
//     objects and BlockedDomains as an array of {Domain} objects; their Key
//     model shows AllowAllKnownDomains as an element of the default settings.
//   - The ScubaGear export (PowerShell ConvertTo-Json at depth 2) shows
//     "AllowedDomains": {"AllowedDomain": "Domain=domains.r.us"}: the same
//     object with one {Domain} element, flattened by the depth limit.
//     Microsoft365DSC (MSFT_TeamsFederationConfiguration.psm1, later
//     revisions) reads $config.AllowedDomains.AllowedDomain.Domain and
//     $config.BlockedDomains.Domain, the same structure.
//
// AllowedDomainsAsAList is a cmdlet parameter (7.9.0 has it) that takes plain
// strings, but no public REST client sends it and GET never returns it (absent
// from the real export): a Param named AllowedDomainsAsAList could be written
// but never read back, so the resource would read null after every write. It
// is left out; the allow list is modelled through AllowedDomains, which is
// both read and written.
//
// Terraform side: a set of domain names, or exactly ["AllowAllKnownDomains"]
// (Microsoft's name for the mode, from New-CsEdgeAllowAllKnownDomains) for
// "every domain not in blocked_domains". An empty set is sent as
// {"AllowedDomain":[]}, which allows no external domain; a service answer of
// null (never observed) reads as null.
//
// BlockedDomains and AllowedTrialTenantDomains (Kind DomainList): BlockedDomains
// is [{"Domain":"x"}] on the wire (CIPP writes and reads it so; AzRanger's
// Blockeddomain[]). For AllowedTrialTenantDomains no non-empty answer was
// found (the real tenant has []); the doc calls its value an "array of
// objects" and the two other domain lists of this type carry {Domain}
// objects, so it is modelled the same way. Uncertain: if the service wants
// plain strings, writes fail with a 400 naming the parameter; reading accepts
// both shapes either way.
//
// Left out on purpose:
//   - Identity (always Global), Tenant, Instance, Force, WhatIf, Confirm and the
//     PowerShell CommonParameters;
//   - AllowedDomainsAsAList: see above;
//   - AllowPublicUsers: the doc says that since May 5, 2025 (end of Skype
//     consumer interop) it "can no longer be used"; it is not a parameter of
//     MicrosoftTeams 7.9.0 and a real tenant's GET no longer returns it. The
//     HIPAA baseline row (CIS v3.1 8.2.1) is therefore obsolete;
//     AllowTeamsConsumer/AllowTeamsConsumerInbound cover unmanaged accounts;
//   - DomainBlockingForMDOAdminsInTeams: renamed SecurityTeamAllowBlockListDelegation
//     (older doc revision vs. newer one and 7.9.0); real tenants still return
//     both;
//   - ApplyExternalAccessRestrictionsToChatMembership and
//     ExtendMutualFederationForChatMembership: "reserved for future use and
//     [have] no effect at this time"; 7.9.0 names them
//     EnableExternalAccessRestrictionsForChatParticipants /
//     EnableMutualFederationForChatParticipants and real tenants return
//     ...ForChatPartipants (sic): three spellings of a no-op;
//   - AllowTeamsSms: returned by GET, but not a parameter of the Set cmdlet.
//
// Transport note (not a table matter): CIPP's New-TeamsRequestV2.ps1 sends,
// for TenantFederationSettings only, x-ms-target-uri
// https://{AdminServiceEndpoint}/OcsPowershellWebservice, x-ms-tenant-id and
// the query ?adminDomain=<tenant>.onmicrosoft.com, because this type is
// served by the legacy OcsPowershellWebservice. The client does the same
// (configapi ocsTypes); the simulator requires it for writes.
//
// Enum policy: ExternalAccessWithTrialTenants (Allowed, Blocked) and
// SecurityTeamAllowBlockListDelegation (Enabled, Disabled) use exactly the
// documented values, which the real tenant returns.
var externalAccess = PolicyType{
	Type:      "TenantFederationSettings",
	Cmdlet:    "Set-CsTenantFederationConfiguration",
	Resource:  "external_access",
	Title:     "tenant federation (external access) configuration",
	Singleton: true,
	Params: []Param{
		{
			Name: "AllowedDomains", Attr: "allowed_domains", Kind: DomainAllowList,
			Description: "The external domains users may communicate with (at most 4,000): a set of domain names (an explicit allow list; an empty set allows no external domain), or exactly `[\"AllowAllKnownDomains\"]` to allow every domain not in `blocked_domains`. Only takes effect while `allow_federated_users` is true; defaults to AllowAllKnownDomains.",
		},
		{
			Name: "AllowedTrialTenantDomains", Attr: "allowed_trial_tenant_domains", Kind: DomainList,
			Description: "Domains of trial-only tenants users may still communicate with while `external_access_with_trial_tenants` is Blocked (at most 4,000; ignored when it is Allowed, and for tenants with paid subscriptions); no default documented.",
		},
		{
			Name: "AllowFederatedUsers", Attr: "allow_federated_users", Kind: Bool,
			Description: "Master switch for communication with users in other organizations (federation): when false, no external domain is reachable whatever `allowed_domains`, `blocked_domains` or external access policies say; defaults to true.",
		},
		{
			Name: "AllowTeamsConsumer", Attr: "allow_teams_consumer", Kind: Bool,
			Description: "Whether users can communicate with people using Teams with an account not managed by an organization (Teams personal accounts); defaults to true.",
		},
		{
			Name: "AllowTeamsConsumerInbound", Attr: "allow_teams_consumer_inbound", Kind: Bool,
			Description: "Whether people using unmanaged Teams accounts can discover and start conversations with users (with `allow_teams_consumer` true and this false, only users can start them); defaults to true.",
		},
		{
			Name: "BlockAllSubdomains", Attr: "block_all_subdomains", Kind: Bool,
			Description: "Whether every subdomain of a domain in `blocked_domains` is blocked too; no default documented.",
		},
		{
			Name: "BlockedDomains", Attr: "blocked_domains", Kind: DomainList,
			Description: "Domains users may not communicate with (at most 4,000); only applies while `allowed_domains` is AllowAllKnownDomains, otherwise the allow list alone decides; no default documented.",
		},
		{
			Name: "ExternalAccessWithTrialTenants", Attr: "external_access_with_trial_tenants", Kind: Enum,
			Values:      []string{"Allowed", "Blocked"},
			Description: "Whether users can communicate with tenants that hold only trial licenses: Blocked also removes such users from existing chats (see `allowed_trial_tenant_domains` for exceptions); defaults to Blocked.",
		},
		{
			Name: "RestrictTeamsConsumerToExternalUserProfiles", Attr: "restrict_teams_consumer_to_external_user_profiles", Kind: Bool,
			Description: "Whether collaboration with Teams consumer users is restricted to those in the Extended Directory (external user profiles); no default documented.",
		},
		{
			Name: "SecurityTeamAllowBlockListDelegation", Attr: "security_team_allow_block_list_delegation", Kind: Enum,
			Values:      []string{"Enabled", "Disabled"},
			Description: "Whether the security operations team may add domains and users to the Teams block lists from the Microsoft Defender portal; defaults to Disabled.",
		},
		{
			Name: "SharedSipAddressSpace", Attr: "shared_sip_address_space", Kind: Bool,
			Description: "Whether users homed online share a SIP domain with users of an on-premises Skype for Business Server (hybrid); defaults to false.",
		},
		{
			Name: "TreatDiscoveredPartnersAsUnverified", Attr: "treat_discovered_partners_as_unverified", Kind: Bool,
			Description: "Whether messages from discovered partners are unverified and delivered only from people on the recipient's contact list; defaults to false.",
		},
	},
}

// allowAllKnownDomains is the Terraform spelling of the "allow every domain
// not blocked" mode of AllowedDomains ({} on the wire).
const allowAllKnownDomains = "AllowAllKnownDomains"

// allowedDomainsWire is the wire form of a DomainAllowList: {} for
// ["AllowAllKnownDomains"], otherwise {"AllowedDomain":[{"Domain":...}]}
// (possibly empty: an explicit list that allows nobody).
func allowedDomainsWire(domains []string) (any, error) {
	for _, d := range domains {
		if d == allowAllKnownDomains {
			if len(domains) != 1 {
				return nil, fmt.Errorf("%q must be the only element: it allows every domain that is not blocked", allowAllKnownDomains)
			}
			return map[string]any{}, nil
		}
	}
	return map[string]any{"AllowedDomain": objectList(domains, "Domain")}, nil
}

// allowedDomainsValue converts the service's AllowedDomains to its Terraform
// value. An object with an AllowedDomain member (any case) is an explicit
// list whose elements are {Domain} objects or strings; an object without one
// ({} or {"AllowAllKnownDomains":...}) is allow-all; a bare array is read as
// the list and the string "AllowAllKnownDomains" as allow-all; null is null.
func allowedDomainsValue(name string, v any) (attr.Value, error) {
	allowAll := types.SetValueMust(types.StringType, []attr.Value{types.StringValue(allowAllKnownDomains)})
	switch t := v.(type) {
	case nil:
		return types.SetNull(types.StringType), nil
	case string:
		if strings.EqualFold(strings.TrimSpace(t), allowAllKnownDomains) {
			return allowAll, nil
		}
		return nil, fmt.Errorf("%s: expected an object, got the string %q", name, t)
	case []any, []string, []map[string]any:
		return objectListValue(name, v, "Domain")
	case map[string]any:
		if inner, ok := t["AllowedDomain"]; ok {
			return objectListValue(name, inner, "Domain")
		}
		for k, inner := range t {
			if strings.EqualFold(k, "AllowedDomain") {
				return objectListValue(name, inner, "Domain")
			}
		}
		return allowAll, nil
	}
	return nil, fmt.Errorf("%s: expected an object, got %T", name, v)
}

// allowAllKnownDomainsAlone rejects a DomainAllowList that mixes
// "AllowAllKnownDomains" with domain names, or misspells its case.
type allowAllKnownDomainsAlone struct{}

func (allowAllKnownDomainsAlone) Description(context.Context) string {
	return fmt.Sprintf("%q, if present, must be the only element", allowAllKnownDomains)
}

func (v allowAllKnownDomainsAlone) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (allowAllKnownDomainsAlone) ValidateSet(_ context.Context, req validator.SetRequest, resp *validator.SetResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	elems := req.ConfigValue.Elements()
	for _, e := range elems {
		s, ok := e.(types.String)
		if !ok || s.IsNull() || s.IsUnknown() || !strings.EqualFold(s.ValueString(), allowAllKnownDomains) {
			continue
		}
		if s.ValueString() != allowAllKnownDomains {
			resp.Diagnostics.AddAttributeError(req.Path, "Invalid allowed domains",
				fmt.Sprintf("Write %q exactly so (got %q).", allowAllKnownDomains, s.ValueString()))
		}
		if len(elems) > 1 {
			resp.Diagnostics.AddAttributeError(req.Path, "Invalid allowed domains",
				fmt.Sprintf("%q allows every domain that is not blocked and cannot be combined with domain names; "+
					"list the domains alone for an allow list.", allowAllKnownDomains))
		}
	}
}
