package tenantsim

import (
	"fmt"
	"net/netip"
	"slices"
	"strings"
)

// Named locations: /v1.0/identity/conditionalAccess/namedLocations.
// Shapes from api-reference/v1.0/resources/ipnamedlocation.md,
// countrynamedlocation.md, iprange.md and the examples of
// api/conditionalaccessroot-post-namedlocations.md.

const (
	odataIPLocation      = "#microsoft.graph.ipNamedLocation"
	odataCountryLocation = "#microsoft.graph.countryNamedLocation"
	odataIPv4Range       = "#microsoft.graph.iPv4CidrRange"
	odataIPv6Range       = "#microsoft.graph.iPv6CidrRange"
	namedLocationsFrag   = "identity/conditionalAccess/namedLocations"
)

var (
	ipLocationType = &gType{name: "ipNamedLocation", fields: []gField{
		{name: "displayName", kind: gString},
		{name: "isTrusted", kind: gBool, def: false},
		{name: "ipRanges", kind: gAny},
	}}
	countryLocationType = &gType{name: "countryNamedLocation", fields: []gField{
		{name: "displayName", kind: gString},
		{name: "countriesAndRegions", kind: gStrings},
		{name: "includeUnknownCountriesAndRegions", kind: gBool, def: false},
		{name: "countryLookupMethod", kind: gEnum, enum: []string{"clientIpAddress", "authenticatorAppGps", "unknownFutureValue"}, def: "clientIpAddress"},
	}}
)

// odataTypeOf reads @odata.type, accepting the form without '#'.
func odataTypeOf(m map[string]any) string {
	t, _ := m["@odata.type"].(string)
	if t != "" && !strings.HasPrefix(t, "#") {
		t = "#" + t
	}
	return t
}

// normalizeLocation validates a named location body (without server
// fields) and returns its stored shape, @odata.type included.
func normalizeLocation(in map[string]any) (map[string]any, *apiError) {
	in = deepCopyMap(in)
	stripReadOnly(in)
	typ := odataTypeOf(in)
	delete(in, "@odata.type")
	var t *gType
	switch strings.ToLower(typ) {
	case strings.ToLower(odataIPLocation):
		t, typ = ipLocationType, odataIPLocation
	case strings.ToLower(odataCountryLocation):
		t, typ = countryLocationType, odataCountryLocation
	case "":
		return nil, graphBadRequest("The '@odata.type' of the named location is required: '%s' or '%s'.", odataIPLocation, odataCountryLocation)
	default:
		return nil, graphBadRequest("Invalid '@odata.type' '%s' for a named location: use '%s' or '%s'.", typ, odataIPLocation, odataCountryLocation)
	}
	out, e := t.normalize(in, "")
	if e != nil {
		return nil, e
	}
	out["@odata.type"] = typ
	name, _ := out["displayName"].(string)
	if strings.TrimSpace(name) == "" {
		return nil, graphBadRequest("The property 'displayName' is required and cannot be empty.")
	}
	if len([]rune(name)) > 256 {
		return nil, graphBadRequest("The property 'displayName' can have at most 256 characters.")
	}
	if typ == odataIPLocation {
		ranges, e := normalizeIPRanges(out["ipRanges"])
		if e != nil {
			return nil, e
		}
		out["ipRanges"] = ranges
		return out, nil
	}
	countries := strList(out["countriesAndRegions"])
	if len(countries) == 0 && out["includeUnknownCountriesAndRegions"] != true {
		return nil, graphBadRequest("The property 'countriesAndRegions' is required: list two-letter ISO 3166 codes (or set includeUnknownCountriesAndRegions).")
	}
	for _, c := range countries {
		if len(c) != 2 || c[0] < 'A' || c[0] > 'Z' || c[1] < 'A' || c[1] > 'Z' {
			return nil, graphBadRequest("Invalid value '%s' in countriesAndRegions: use two-letter upper-case ISO 3166 codes such as 'US'.", c)
		}
	}
	return out, nil
}

func normalizeIPRanges(v any) ([]any, *apiError) {
	arr, ok := v.([]any)
	if !ok || len(arr) == 0 {
		return nil, graphBadRequest("The property 'ipRanges' is required: list at least one range of type '%s' or '%s' with 'cidrAddress'.", odataIPv4Range, odataIPv6Range)
	}
	out := make([]any, 0, len(arr))
	for _, it := range arr {
		m, ok := it.(map[string]any)
		if !ok {
			return nil, graphBadRequest("Every element of 'ipRanges' must be an object with '@odata.type' and 'cidrAddress'.")
		}
		for k := range m {
			if k != "@odata.type" && k != "cidrAddress" {
				return nil, graphBadRequest("The property '%s' does not exist on type 'microsoft.graph.ipRange'. Make sure to only use property names that are defined by the type.", k)
			}
		}
		typ := odataTypeOf(m)
		cidr, _ := m["cidrAddress"].(string)
		pfx, err := netip.ParsePrefix(cidr)
		switch {
		case typ == "":
			return nil, graphBadRequest("The '@odata.type' of each ipRange is required: '%s' or '%s'.", odataIPv4Range, odataIPv6Range)
		case !strings.EqualFold(typ, odataIPv4Range) && !strings.EqualFold(typ, odataIPv6Range):
			return nil, graphBadRequest("Invalid '@odata.type' '%s' for an ipRange: use '%s' or '%s'.", typ, odataIPv4Range, odataIPv6Range)
		case err != nil:
			return nil, graphBadRequest("Invalid cidrAddress '%s': expected an address range in CIDR notation such as 1.2.3.4/32.", cidr)
		case strings.EqualFold(typ, odataIPv4Range) != pfx.Addr().Is4():
			return nil, graphBadRequest("cidrAddress '%s' does not match its type '%s'.", cidr, typ)
		}
		if strings.EqualFold(typ, odataIPv4Range) {
			typ = odataIPv4Range
		} else {
			typ = odataIPv6Range
		}
		out = append(out, map[string]any{"@odata.type": typ, "cidrAddress": cidr})
	}
	return out, nil
}

// namedLocations is /v1.0/identity/conditionalAccess/namedLocations. A PATCH
// request names the location's @odata.type, which cannot change; a location
// a policy refers to cannot be deleted.
var namedLocations = &graphCollection{
	path: namedLocationsFrag, store: collNamedLocations, entity: "NamedLocation",
	read: rolesPolicyRead, write: rolesPolicyWrite,
	normalize:        func(_ *Simulator, in map[string]any) (map[string]any, *apiError) { return normalizeLocation(in) },
	modifiedOnCreate: true,
	checkRequest: func(cur, body map[string]any) *apiError {
		if odataTypeOf(body) == "" {
			return graphBadRequest("The '@odata.type' of the named location is required in the request body ('%s' for this location).", cur["@odata.type"])
		}
		return nil
	},
	checkPatch: func(cur, body map[string]any) *apiError {
		if typ := odataTypeOf(body); typ != "" && !strings.EqualFold(typ, fmt.Sprint(cur["@odata.type"])) {
			return graphBadRequest("The '@odata.type' '%s' does not match the type of the named location ('%s'); the type of a named location cannot change.", typ, cur["@odata.type"])
		}
		body["@odata.type"] = cur["@odata.type"]
		return nil
	},
	checkDelete: func(s *Simulator, id string, _ map[string]any) *apiError {
		for _, p := range s.store.list(collCAPolicies, false) {
			locs := objAt(p, "conditions", "locations")
			if locs == nil {
				continue
			}
			refs := append(strList(locs["includeLocations"]), strList(locs["excludeLocations"])...)
			if slices.ContainsFunc(refs, func(r string) bool { return strings.EqualFold(r, id) }) {
				return graphBadRequest("The named location %s is referenced by conditional access policy '%v' (%v) and cannot be deleted. Remove it from every policy first.", id, p["displayName"], p["id"])
			}
		}
		return nil
	},
}
