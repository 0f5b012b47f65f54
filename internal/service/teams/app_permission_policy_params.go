package teams

import (
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// Parameter catalog of the teamshipaa_app_permission_policy resource.
//
// Sources: Microsoft's cmdlet reference, MicrosoftDocs/office-docs-powershell
// teams/teams-ps/MicrosoftTeams/Set-CsTeamsAppPermissionPolicy.md (commit
// 30fe22d4, the only one stored), cross-checked with the parameter list of the
// shipped cmdlet (MicrosoftTeams 7.9.0, terraprovider/go-teams
// models/zz_generated_models.go and spec/catalog/teams-catalog.json @ 2be9f011)
// and with a real tenant's Get-CsTeamsAppPermissionPolicy export
// (cisagov/ScubaGear PowerShell/ScubaGear/Sample-Reports/ProviderSettingsExport.json
// @ 23630e84, array app_policies). Descriptions are our own words. Params are
// sorted alphabetically by Name.
//
// Catalogs, as the doc and the Teams admin center name them:
//   - DefaultCatalogApps: Microsoft apps (published by Microsoft or its
//     partners);
//   - GlobalCatalogApps: third-party apps (published in the Teams store by
//     other publishers);
//   - PrivateCatalogApps: custom apps (built or uploaded for the
//     organization). The doc swaps the descriptions of PrivateCatalogApps and
//     PrivateCatalogAppsType; the meaning here follows the other two pairs.
//
// Each list goes with its *Type: AllowedAppList allows only the listed apps
// (an empty list blocks the whole catalog), BlockedAppList blocks only the
// listed apps (an empty list allows the whole catalog); the doc's examples 1
// and 2 show both empty cases.
//
// Wire shape of the lists (Kind IDList): objects with an Id member, e.g.
// [{"Id":"0d820ecd-def2-4297-adad-78056cde7c78"}]. Evidence: the doc builds
// them as DefaultCatalogApp / GlobalCatalogApp / PrivateCatalogApp objects
// with -Property @{Id=...}; go-teams keeps them as raw JSON; public readers
// of Get-CsTeamsAppPermissionPolicy compare "$($_.Id)". A real non-empty
// answer was not found (the ScubaGear tenant has three empty arrays), so
// reading also accepts plain strings and any case of the key.
//
// Warnings (for the docs, surfaced by the resource as service warnings):
//   - the doc says "do not use this cmdlet": Microsoft wants app permission
//     policies created and changed in the Teams admin center;
//   - on tenants migrated to app-centric management the call may succeed but
//     no longer apply (the cmdlet's page); app availability is then
//     governed per app in the admin center.
//
// Left out on purpose: Identity (the resource's name), Tenant, Instance,
// Force, WhatIf, Confirm and the PowerShell CommonParameters.
//
// HIPAA baseline: all three *Type params are Enum with exactly the documented
// values AllowedAppList and BlockedAppList (SCuBA MS.TEAMS.5.1-5.3, CIS 8.4.1
// want AllowedAppList).
var appPermissionPolicy = PolicyType{
	Type:       "TeamsAppPermissionPolicy",
	Cmdlet:     "Set-CsTeamsAppPermissionPolicy",
	Resource:   "app_permission_policy",
	Title:      "Teams app permission policy",
	Assignment: TenantOnly,
	Notes: "\n\n~> **App-centric management.** Microsoft documents that on tenants migrated to app-centric management " +
		"(managing apps per app in the Teams admin center), Set-CsTeamsAppPermissionPolicy may succeed without being applied. " +
		"The service then says so in a warning, which the provider passes on as a Terraform warning: read your plan and apply output, " +
		"and manage app availability in the Teams admin center on such tenants.",
	Params: []Param{
		{
			Name: "DefaultCatalogApps", Attr: "default_catalog_apps", Kind: IDList,
			Description: "Ids of Microsoft apps (the default catalog: apps published by Microsoft or its partners) that `default_catalog_apps_type` allows or blocks; no default documented.",
		},
		{
			Name: "DefaultCatalogAppsType", Attr: "default_catalog_apps_type", Kind: Enum,
			Values:      []string{"AllowedAppList", "BlockedAppList"},
			Description: "How `default_catalog_apps` applies to Microsoft apps: AllowedAppList allows only the listed apps (an empty list blocks all Microsoft apps), BlockedAppList blocks only the listed apps (an empty list allows them all); no default documented.",
		},
		{
			Name: "Description", Attr: "description", Kind: String,
			Description: "Free-text description of the policy; no default documented.",
		},
		{
			Name: "GlobalCatalogApps", Attr: "global_catalog_apps", Kind: IDList,
			Description: "Ids of third-party apps (the global catalog: apps published in the Teams store by other publishers) that `global_catalog_apps_type` allows or blocks; no default documented.",
		},
		{
			Name: "GlobalCatalogAppsType", Attr: "global_catalog_apps_type", Kind: Enum,
			Values:      []string{"AllowedAppList", "BlockedAppList"},
			Description: "How `global_catalog_apps` applies to third-party apps: AllowedAppList allows only the listed apps (an empty list blocks all third-party apps), BlockedAppList blocks only the listed apps (an empty list allows them all); no default documented.",
		},
		{
			Name: "PrivateCatalogApps", Attr: "private_catalog_apps", Kind: IDList,
			Description: "Ids of custom apps (the private catalog: apps built or uploaded for the organization) that `private_catalog_apps_type` allows or blocks; no default documented.",
		},
		{
			Name: "PrivateCatalogAppsType", Attr: "private_catalog_apps_type", Kind: Enum,
			Values:      []string{"AllowedAppList", "BlockedAppList"},
			Description: "How `private_catalog_apps` applies to custom apps: AllowedAppList allows only the listed apps (an empty list blocks all custom apps), BlockedAppList blocks only the listed apps (an empty list allows them all); no default documented.",
		},
	},
}

// The helpers below implement the IDList and DomainList Kinds (values.go
// dispatches to them): both are sets of strings carried on the wire as one
// single-member object per element.

// objectList is the wire form of an IDList or DomainList: one {key: value}
// object per element, in the given order, and [] (never null) when empty.
func objectList(vals []string, key string) []any {
	out := make([]any, 0, len(vals))
	for _, v := range vals {
		out = append(out, map[string]any{key: v})
	}
	return out
}

// objectListValue converts the service's JSON value of an IDList or
// DomainList to a Terraform set. It accepts an array of {key: "..."} objects
// (the key in any case), of plain strings, or of both; a lone object; and null
// or [] for the empty set. Duplicates collapse.
func objectListValue(name string, v any, key string) (attr.Value, error) {
	var items []any
	switch l := v.(type) {
	case nil:
	case []any:
		items = l
	case []string:
		for _, s := range l {
			items = append(items, s)
		}
	case []map[string]any:
		for _, m := range l {
			items = append(items, m)
		}
	case map[string]any:
		items = []any{l}
	default:
		return nil, fmt.Errorf("%s: expected a list of %q objects, got %T", name, key, v)
	}
	seen := map[string]bool{}
	elems := []attr.Value{}
	for _, e := range items {
		s, err := objectListElement(e, key)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		if !seen[s] {
			seen[s] = true
			elems = append(elems, types.StringValue(s))
		}
	}
	return types.SetValueMust(types.StringType, elems), nil
}

// objectListElement returns the string an element stands for: the element
// itself, or the member named key (exact spelling first, then any case).
func objectListElement(e any, key string) (string, error) {
	switch t := e.(type) {
	case string:
		return t, nil
	case map[string]any:
		val, ok := t[key]
		if !ok {
			for k, kv := range t {
				if strings.EqualFold(k, key) {
					val, ok = kv, true
					break
				}
			}
		}
		if !ok {
			return "", fmt.Errorf("an element has no %q member", key)
		}
		s, isString := val.(string)
		if !isString {
			return "", fmt.Errorf("the %q member of an element is %T, not a string", key, val)
		}
		return s, nil
	}
	return "", fmt.Errorf("expected %q objects or strings, got an element of type %T", key, e)
}
