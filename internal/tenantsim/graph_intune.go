package tenantsim

import (
	"fmt"
	"net/http"
	"regexp"
	"strings"
)

// Intune app protection (MAM) policies, Graph v1.0:
//
//	GET/POST         /v1.0/deviceAppManagement/{ios,android}ManagedAppProtections
//	GET/PATCH/DELETE /v1.0/deviceAppManagement/{ios,android}ManagedAppProtections/{id}
//	GET              /v1.0/deviceAppManagement/{ios,android}ManagedAppProtections/{id}/apps
//	GET              /v1.0/deviceAppManagement/{ios,android}ManagedAppProtections/{id}/assignments
//	POST             /v1.0/deviceAppManagement/managedAppPolicies/{id}/targetApps   (204)
//	POST             /v1.0/deviceAppManagement/managedAppPolicies/{id}/assign       (204)
//
// Shapes from api-reference/v1.0/resources/intune-mam-iosmanagedappprotection.md,
// intune-mam-androidmanagedappprotection.md, intune-mam-managedmobileapp.md,
// intune-mam-targetedmanagedapppolicyassignment.md and the examples of
// api/intune-mam-managedappprotection-targetapps.md and
// intune-mam-targetedmanagedappprotection-assign.md. Permissions from their
// tables: reads DeviceManagementApps.Read.All or .ReadWrite.All, writes
// DeviceManagementApps.ReadWrite.All.
//
// Not evidenced by any public page, and so assumptions: the service refuses
// an app identifier of the other platform (an iosMobileAppIdentifier on an
// Android policy); assign and targetApps replace the whole list (the Intune
// admin center sends the complete list on every save); a policy of the same
// display name may exist twice (the provider checks names before a create);
// the values of properties a create leaves out (the Intune admin center's
// defaults: PT12H, PT30M, P90D, 5 PIN retries, a 4-digit numeric PIN).

const (
	collIOSProtections     = "graph/iosManagedAppProtections"
	collAndroidProtections = "graph/androidManagedAppProtections"

	odataIOSProtection     = "#microsoft.graph.iosManagedAppProtection"
	odataAndroidProtection = "#microsoft.graph.androidManagedAppProtection"
	odataIOSAppID          = "#microsoft.graph.iosMobileAppIdentifier"
	odataAndroidAppID      = "#microsoft.graph.androidMobileAppIdentifier"
	odataGroupTarget       = "#microsoft.graph.groupAssignmentTarget"
	odataExclusionTarget   = "#microsoft.graph.exclusionGroupAssignmentTarget"

	// keys of the stored object that are navigations, not properties
	navApps        = "apps"
	navAssignments = "assignments"
)

var (
	rolesDeviceAppsRead  = []string{"DeviceManagementApps.Read.All", "DeviceManagementApps.ReadWrite.All"}
	rolesDeviceAppsWrite = []string{"DeviceManagementApps.ReadWrite.All"}

	mamDataTransfer = []string{"allApps", "managedApps", "none"}

	// managedAppProtection's properties (inherited by both platforms).
	mamCommonFields = []gField{
		{name: "displayName", kind: gString},
		{name: "description", kind: gString},
		{name: "version", kind: gString},
		{name: "periodOfflineBeforeAccessCheck", kind: gString, def: "PT12H"},
		{name: "periodOnlineBeforeAccessCheck", kind: gString, def: "PT30M"},
		{name: "allowedInboundDataTransferSources", kind: gEnum, enum: mamDataTransfer, def: "allApps"},
		{name: "allowedOutboundDataTransferDestinations", kind: gEnum, enum: mamDataTransfer, def: "allApps"},
		{name: "organizationalCredentialsRequired", kind: gBool, def: false},
		{name: "allowedOutboundClipboardSharingLevel", kind: gEnum, enum: []string{"allApps", "managedAppsWithPasteIn", "managedApps", "blocked"}, def: "allApps"},
		{name: "dataBackupBlocked", kind: gBool, def: false},
		{name: "deviceComplianceRequired", kind: gBool, def: false},
		{name: "managedBrowserToOpenLinksRequired", kind: gBool, def: false},
		{name: "saveAsBlocked", kind: gBool, def: false},
		{name: "periodOfflineBeforeWipeIsEnforced", kind: gString, def: "P90D"},
		{name: "pinRequired", kind: gBool, def: false},
		{name: "maximumPinRetries", kind: gInt32, def: 5},
		{name: "simplePinBlocked", kind: gBool, def: false},
		{name: "minimumPinLength", kind: gInt32, def: 4},
		{name: "pinCharacterSet", kind: gEnum, enum: []string{"numeric", "alphanumericAndSymbol"}, def: "numeric"},
		{name: "periodBeforePinReset", kind: gString, def: "PT0S"},
		{name: "allowedDataStorageLocations", kind: gEnums, enum: []string{"oneDriveForBusiness", "sharePoint", "box", "localStorage"}},
		{name: "contactSyncBlocked", kind: gBool, def: false},
		{name: "printBlocked", kind: gBool, def: false},
		{name: "fingerprintBlocked", kind: gBool, def: false},
		{name: "disableAppPinIfDevicePinIsSet", kind: gBool, def: false},
		{name: "minimumRequiredOsVersion", kind: gString},
		{name: "minimumWarningOsVersion", kind: gString},
		{name: "minimumRequiredAppVersion", kind: gString},
		{name: "minimumWarningAppVersion", kind: gString},
		{name: "managedBrowser", kind: gEnum, enum: []string{"notConfigured", "microsoftEdge"}, def: "notConfigured"},
	}
	iosProtectionType = &gType{name: "iosManagedAppProtection", fields: append(append([]gField{}, mamCommonFields...),
		gField{name: "appDataEncryptionType", kind: gEnum, enum: []string{"useDeviceSettings", "afterDeviceRestart", "whenDeviceLockedExceptOpenFiles", "whenDeviceLocked"}, def: "whenDeviceLocked"},
		gField{name: "minimumRequiredSdkVersion", kind: gString},
		gField{name: "faceIdBlocked", kind: gBool, def: false},
		gField{name: "customBrowserProtocol", kind: gString},
	)}
	androidProtectionType = &gType{name: "androidManagedAppProtection", fields: append(append([]gField{}, mamCommonFields...),
		gField{name: "screenCaptureBlocked", kind: gBool, def: false},
		gField{name: "disableAppEncryptionIfDeviceEncryptionIsEnabled", kind: gBool, def: false},
		gField{name: "encryptAppData", kind: gBool, def: true},
		gField{name: "minimumRequiredPatchVersion", kind: gString},
		gField{name: "minimumWarningPatchVersion", kind: gString},
		gField{name: "customBrowserPackageId", kind: gString},
		gField{name: "customBrowserDisplayName", kind: gString},
	)}

	// mamReadOnly are server-set properties a client may send back (ignored).
	mamReadOnly = []string{"id", "createdDateTime", "lastModifiedDateTime", "isAssigned", "deployedAppCount", navApps, navAssignments, "deploymentSummary"}

	// xsDuration is the xs:duration lexical form Graph's Duration type takes
	// (Edm.Duration, OData CSDL): optional sign, days, time part with
	// fractional seconds; no weeks.
	xsDuration = regexp.MustCompile(`^-?P(?:\d+Y)?(?:\d+M)?(?:\d+D)?(?:T(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d+)?S)?)?$`)
)

// mamPlatform describes one of the two collections. They have their own
// handler (lastModifiedDateTime, the apps and assignments navigations and
// the actions do not fit graph_collection.go); coll names them to the
// control API.
type mamPlatform struct {
	coll                                        *graphCollection
	frag, odata, appIDType, appIDKey, storeColl string
	typ                                         *gType
}

var (
	mamIOS = &mamPlatform{
		coll: &graphCollection{path: "deviceAppManagement/iosManagedAppProtections", store: collIOSProtections, entity: "IosManagedAppProtection",
			read: rolesDeviceAppsRead, write: rolesDeviceAppsWrite},
		frag: "deviceAppManagement/iosManagedAppProtections", odata: odataIOSProtection, appIDType: odataIOSAppID, appIDKey: "bundleId",
		storeColl: collIOSProtections, typ: iosProtectionType}
	mamAndroid = &mamPlatform{
		coll: &graphCollection{path: "deviceAppManagement/androidManagedAppProtections", store: collAndroidProtections, entity: "AndroidManagedAppProtection",
			read: rolesDeviceAppsRead, write: rolesDeviceAppsWrite},
		frag: "deviceAppManagement/androidManagedAppProtections", odata: odataAndroidProtection, appIDType: odataAndroidAppID, appIDKey: "packageId",
		storeColl: collAndroidProtections, typ: androidProtectionType}
)

func mamNotFound(id string) *apiError {
	return &apiError{404, "ResourceNotFound", fmt.Sprintf("{\"_version\": 3, \"Message\": \"Resource not found: %s\"}", id)}
}

// serveDeviceAppManagement routes /v1.0/deviceAppManagement/...
func (g *graphReq) serveDeviceAppManagement(rest []string) {
	if len(rest) == 0 {
		g.fail(&apiError{400, "BadRequest", "Resource not found for the segment 'deviceAppManagement'."})
		return
	}
	switch rest[0] {
	case "iosManagedAppProtections":
		g.serveProtections(mamIOS, rest[1:])
	case "androidManagedAppProtections":
		g.serveProtections(mamAndroid, rest[1:])
	case "managedAppPolicies":
		g.serveManagedAppPolicyAction(rest[1:])
	default:
		g.fail(&apiError{400, "BadRequest", fmt.Sprintf("Resource not found for the segment '%s'.", rest[0])})
	}
}

func (g *graphReq) serveProtections(p *mamPlatform, rest []string) {
	switch {
	case len(rest) == 0:
		switch g.r.Method {
		case http.MethodGet:
			if g.need(rolesDeviceAppsRead) {
				objs := g.s.store.list(p.storeColl, true)
				out := make([]map[string]any, 0, len(objs))
				for _, o := range objs {
					out = append(out, mamEntity(o))
				}
				g.writeList(out, p.frag)
			}
		case http.MethodPost:
			if g.need(rolesDeviceAppsWrite) {
				g.createProtection(p)
			}
		default:
			graphMethodNotAllowed(g, "GET, POST")
		}
	case len(rest) == 1:
		id := rest[0]
		switch g.r.Method {
		case http.MethodGet:
			if !g.need(rolesDeviceAppsRead) {
				return
			}
			o, ok := g.s.store.get(p.storeColl, id, true)
			if !ok {
				g.fail(mamNotFound(id))
				return
			}
			g.writeEntity(200, mamEntity(o), p.frag)
		case http.MethodPatch:
			if g.need(rolesDeviceAppsWrite) {
				g.updateProtection(p, id)
			}
		case http.MethodDelete:
			if !g.need(rolesDeviceAppsWrite) {
				return
			}
			found, err := g.s.store.remove(p.storeColl, id, g.lag())
			switch {
			case err != nil:
				g.fail(&apiError{500, "InternalServerError", "saving the tenant failed: " + err.Error()})
			case !found:
				g.fail(mamNotFound(id))
			default:
				g.w.WriteHeader(http.StatusNoContent)
			}
		default:
			graphMethodNotAllowed(g, "GET, PATCH, DELETE")
		}
	case len(rest) == 2 && (rest[1] == navApps || rest[1] == navAssignments):
		if g.r.Method != http.MethodGet {
			graphMethodNotAllowed(g, "GET")
			return
		}
		if !g.need(rolesDeviceAppsRead) {
			return
		}
		o, ok := g.s.store.get(p.storeColl, rest[0], true)
		if !ok {
			g.fail(mamNotFound(rest[0]))
			return
		}
		var items []map[string]any
		if arr, ok := o[rest[1]].([]any); ok {
			for _, it := range arr {
				if m, ok := it.(map[string]any); ok {
					items = append(items, m)
				}
			}
		}
		g.writeList(items, p.frag+"('"+rest[0]+"')/"+rest[1])
	default:
		g.fail(&apiError{400, "BadRequest", fmt.Sprintf("Resource not found for the segment '%s'.", rest[len(rest)-1])})
	}
}

// mamEntity is the stored object without its navigations.
func mamEntity(o map[string]any) map[string]any {
	out := deepCopyMap(o)
	delete(out, navApps)
	delete(out, navAssignments)
	return out
}

// normalizeProtection validates a policy body (no server fields) against
// p's type and returns its stored shape.
func normalizeProtection(p *mamPlatform, in map[string]any) (map[string]any, *apiError) {
	in = deepCopyMap(in)
	for _, k := range mamReadOnly {
		delete(in, k)
	}
	if t := odataTypeOf(in); t != "" && !strings.EqualFold(t, p.odata) {
		return nil, graphBadRequest("The '@odata.type' '%s' does not match the collection, which holds '%s'.", t, p.odata)
	}
	for k := range in {
		if strings.HasPrefix(k, "@odata.") && k != "@odata.type" {
			delete(in, k)
		}
	}
	out, e := p.typ.normalize(in, "")
	if e != nil {
		return nil, e
	}
	out["@odata.type"] = p.odata
	if name, _ := out["displayName"].(string); strings.TrimSpace(name) == "" {
		return nil, graphBadRequest("The property 'displayName' is required and cannot be empty.")
	}
	for _, k := range []string{"periodOfflineBeforeAccessCheck", "periodOnlineBeforeAccessCheck", "periodOfflineBeforeWipeIsEnforced", "periodBeforePinReset"} {
		s, _ := out[k].(string)
		if !xsDuration.MatchString(s) || s == "P" || strings.HasSuffix(s, "T") {
			return nil, graphBadRequest("Cannot convert the literal '%s' to the expected type 'Edm.Duration' (property '%s').", s, k)
		}
	}
	return out, nil
}

func (g *graphReq) createProtection(p *mamPlatform) {
	body, e := readJSONObject(g.r)
	if e != nil {
		g.fail(e)
		return
	}
	obj, e := normalizeProtection(p, body)
	if e != nil {
		g.fail(e)
		return
	}
	now := graphNow()
	id := newGUID()
	obj["id"], obj["createdDateTime"], obj["lastModifiedDateTime"] = id, now, now
	obj["isAssigned"], obj["deployedAppCount"] = false, 0
	obj[navApps], obj[navAssignments] = []any{}, []any{}
	if err := g.s.store.put(p.storeColl, id, obj, g.lag()); err != nil {
		g.fail(&apiError{500, "InternalServerError", "saving the tenant failed: " + err.Error()})
		return
	}
	g.w.Header().Set("Location", g.base()+"/"+p.frag+"/"+id)
	g.writeEntity(201, mamEntity(obj), p.frag)
}

func (g *graphReq) updateProtection(p *mamPlatform, id string) {
	body, e := readJSONObject(g.r)
	if e != nil {
		g.fail(e)
		return
	}
	graphMu.Lock()
	defer graphMu.Unlock()
	cur, ok := g.s.store.get(p.storeColl, id, false)
	if !ok {
		g.fail(mamNotFound(id))
		return
	}
	next, e := patchProtection(p.storeColl, cur, body)
	if e != nil {
		g.fail(e)
		return
	}
	if err := g.s.store.put(p.storeColl, id, next, g.lag()); err != nil {
		g.fail(&apiError{500, "InternalServerError", "saving the tenant failed: " + err.Error()})
		return
	}
	g.w.WriteHeader(http.StatusNoContent)
}

// patchProtection merges body into the stored policy cur of collection coll.
func patchProtection(coll string, cur, body map[string]any) (map[string]any, *apiError) {
	p := mamIOS
	if coll == collAndroidProtections {
		p = mamAndroid
	}
	merged := mamEntity(cur)
	mergePatch(merged, body)
	next, e := normalizeProtection(p, merged)
	if e != nil {
		return nil, e
	}
	for _, k := range []string{"id", "createdDateTime", "isAssigned", "deployedAppCount", navApps, navAssignments} {
		next[k] = cur[k]
	}
	next["lastModifiedDateTime"] = graphNow()
	return next, nil
}

// serveManagedAppPolicyAction serves the targetApps and assign actions on
// /deviceAppManagement/managedAppPolicies/{id}: the id is a policy of
// either platform.
func (g *graphReq) serveManagedAppPolicyAction(rest []string) {
	if len(rest) != 2 || (rest[1] != "targetApps" && rest[1] != "assign") {
		last := "managedAppPolicies"
		if len(rest) > 0 {
			last = rest[len(rest)-1]
		}
		g.fail(&apiError{400, "BadRequest", fmt.Sprintf("Resource not found for the segment '%s'.", last)})
		return
	}
	if g.r.Method != http.MethodPost {
		graphMethodNotAllowed(g, "POST")
		return
	}
	if !g.need(rolesDeviceAppsWrite) {
		return
	}
	body, e := readJSONObject(g.r)
	if e != nil {
		g.fail(e)
		return
	}
	graphMu.Lock()
	defer graphMu.Unlock()
	id := rest[0]
	var p *mamPlatform
	var cur map[string]any
	for _, cand := range []*mamPlatform{mamIOS, mamAndroid} {
		if o, ok := g.s.store.get(cand.storeColl, id, false); ok {
			p, cur = cand, o
			break
		}
	}
	if p == nil {
		g.fail(mamNotFound(id))
		return
	}
	next := deepCopyMap(cur)
	if rest[1] == "targetApps" {
		apps, e := normalizeTargetApps(p, body)
		if e != nil {
			g.fail(e)
			return
		}
		next[navApps], next["deployedAppCount"] = apps, len(apps)
	} else {
		as, included, e := normalizeAssignments(body)
		if e != nil {
			g.fail(e)
			return
		}
		next[navAssignments], next["isAssigned"] = as, included
	}
	next["lastModifiedDateTime"] = graphNow()
	if err := g.s.store.put(p.storeColl, id, next, g.lag()); err != nil {
		g.fail(&apiError{500, "InternalServerError", "saving the tenant failed: " + err.Error()})
		return
	}
	g.w.WriteHeader(http.StatusNoContent)
}

// onlyKeys refuses a parameter the action does not declare.
func onlyKeys(m map[string]any, typ string, keys ...string) *apiError {
	for k := range m {
		if strings.HasPrefix(k, "@odata.") {
			continue
		}
		found := false
		for _, want := range keys {
			found = found || k == want
		}
		if !found {
			return graphBadRequest("The property '%s' does not exist on type '%s'. Make sure to only use property names that are defined by the type.", k, typ)
		}
	}
	return nil
}

func normalizeTargetApps(p *mamPlatform, body map[string]any) ([]any, *apiError) {
	if e := onlyKeys(body, "targetApps", "apps"); e != nil {
		return nil, e
	}
	arr, ok := body["apps"].([]any)
	if !ok {
		return nil, graphBadRequest("The parameter 'apps' of action 'targetApps' is required: a collection of microsoft.graph.managedMobileApp.")
	}
	out := make([]any, 0, len(arr))
	seen := map[string]bool{}
	for _, it := range arr {
		m, ok := it.(map[string]any)
		if !ok {
			return nil, graphBadRequest("Every element of 'apps' must be a microsoft.graph.managedMobileApp object.")
		}
		if e := onlyKeys(m, "microsoft.graph.managedMobileApp", "id", "version", "mobileAppIdentifier"); e != nil {
			return nil, e
		}
		ident, _ := m["mobileAppIdentifier"].(map[string]any)
		if ident == nil {
			return nil, graphBadRequest("The property 'mobileAppIdentifier' of a managedMobileApp is required.")
		}
		if t := odataTypeOf(ident); !strings.EqualFold(t, p.appIDType) {
			return nil, graphBadRequest("A %s policy targets apps identified by '%s', not '%s'.", strings.TrimPrefix(p.odata, "#microsoft.graph."), p.appIDType, t)
		}
		if e := onlyKeys(ident, p.appIDType, p.appIDKey); e != nil {
			return nil, e
		}
		appID, _ := ident[p.appIDKey].(string)
		if strings.TrimSpace(appID) == "" {
			return nil, graphBadRequest("The property '%s' of '%s' is required.", p.appIDKey, p.appIDType)
		}
		if seen[strings.ToLower(appID)] {
			continue
		}
		seen[strings.ToLower(appID)] = true
		suffix := ".ios"
		if p == mamAndroid {
			suffix = ".android"
		}
		out = append(out, map[string]any{
			"@odata.type":         "#microsoft.graph.managedMobileApp",
			"id":                  appID + suffix,
			"version":             "-1",
			"mobileAppIdentifier": map[string]any{"@odata.type": p.appIDType, p.appIDKey: appID},
		})
	}
	return out, nil
}

func normalizeAssignments(body map[string]any) ([]any, bool, *apiError) {
	if e := onlyKeys(body, "assign", "assignments"); e != nil {
		return nil, false, e
	}
	arr, ok := body["assignments"].([]any)
	if !ok {
		return nil, false, graphBadRequest("The parameter 'assignments' of action 'assign' is required: a collection of microsoft.graph.targetedManagedAppPolicyAssignment.")
	}
	out := make([]any, 0, len(arr))
	included := false
	for _, it := range arr {
		m, ok := it.(map[string]any)
		if !ok {
			return nil, false, graphBadRequest("Every element of 'assignments' must be a microsoft.graph.targetedManagedAppPolicyAssignment object.")
		}
		if e := onlyKeys(m, "microsoft.graph.targetedManagedAppPolicyAssignment", "id", "target"); e != nil {
			return nil, false, e
		}
		tgt, _ := m["target"].(map[string]any)
		if tgt == nil {
			return nil, false, graphBadRequest("The property 'target' of a targetedManagedAppPolicyAssignment is required.")
		}
		typ := odataTypeOf(tgt)
		switch {
		case strings.EqualFold(typ, odataGroupTarget):
			typ, included = odataGroupTarget, true
		case strings.EqualFold(typ, odataExclusionTarget):
			typ = odataExclusionTarget
		default:
			return nil, false, graphBadRequest("Invalid '@odata.type' '%s' for an assignment target: this tenant's app protection policies take '%s' or '%s'.", typ, odataGroupTarget, odataExclusionTarget)
		}
		if e := onlyKeys(tgt, typ, "groupId"); e != nil {
			return nil, false, e
		}
		gid, _ := tgt["groupId"].(string)
		if !guidOK(gid) {
			return nil, false, graphBadRequest("Invalid groupId '%s': expected the object id (a GUID) of an Entra group.", gid)
		}
		out = append(out, map[string]any{
			"@odata.type": "#microsoft.graph.targetedManagedAppPolicyAssignment",
			"id":          gid + "_" + strings.TrimPrefix(typ, "#microsoft.graph."),
			"target":      map[string]any{"@odata.type": typ, "groupId": strings.ToLower(gid)},
		})
	}
	return out, included, nil
}
