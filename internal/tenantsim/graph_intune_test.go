package tenantsim

import (
	"strings"
	"testing"
)

const iosMAMPath = "/deviceAppManagement/iosManagedAppProtections"

// docsIOSProtection is the request of intune-mam-iosmanagedappprotection-create.md,
// with whole durations (the example's are generator placeholders).
func docsIOSProtection() map[string]any {
	return map[string]any{
		"@odata.type": "#microsoft.graph.iosManagedAppProtection", "displayName": "Display Name value", "description": "Description value",
		"version": "Version value", "periodOfflineBeforeAccessCheck": "PT12H", "periodOnlineBeforeAccessCheck": "PT30M",
		"allowedInboundDataTransferSources": "managedApps", "allowedOutboundDataTransferDestinations": "managedApps",
		"organizationalCredentialsRequired": true, "allowedOutboundClipboardSharingLevel": "managedAppsWithPasteIn",
		"dataBackupBlocked": true, "deviceComplianceRequired": true, "managedBrowserToOpenLinksRequired": true, "saveAsBlocked": true,
		"periodOfflineBeforeWipeIsEnforced": "P90D", "pinRequired": true, "maximumPinRetries": 1, "simplePinBlocked": true,
		"minimumPinLength": 0, "pinCharacterSet": "alphanumericAndSymbol", "periodBeforePinReset": "PT3M29.6631862S",
		"allowedDataStorageLocations": []any{"sharePoint"}, "contactSyncBlocked": true, "printBlocked": true, "fingerprintBlocked": true,
		"disableAppPinIfDevicePinIsSet": true, "minimumRequiredOsVersion": "16.0", "managedBrowser": "microsoftEdge",
		"appDataEncryptionType": "afterDeviceRestart", "faceIdBlocked": true,
	}
}

func TestGraphAppProtectionLifecycle(t *testing.T) {
	s := startSim(t, Options{})
	c := newGraphClient(t, s, s.FullApp())
	res := c.do("POST", iosMAMPath, docsIOSProtection())
	if res.status != 201 {
		t.Fatalf("create: %d %s", res.status, res.body)
	}
	p := res.json(t)
	id := p["id"].(string)
	if p["isAssigned"] != false || p["appDataEncryptionType"] != "afterDeviceRestart" || p["createdDateTime"] == nil {
		t.Errorf("created: %s", res.body)
	}
	if _, ok := p["apps"]; ok {
		t.Errorf("navigation apps returned inline: %s", res.body)
	}

	// targetApps and assign: 204, then read through the navigations.
	apps := map[string]any{"apps": []any{map[string]any{"@odata.type": "#microsoft.graph.managedMobileApp",
		"mobileAppIdentifier": map[string]any{"@odata.type": "#microsoft.graph.iosMobileAppIdentifier", "bundleId": "com.microsoft.skype.teams"}}}}
	if r := c.do("POST", "/deviceAppManagement/managedAppPolicies/"+id+"/targetApps", apps); r.status != 204 {
		t.Fatalf("targetApps: %d %s", r.status, r.body)
	}
	group := "26d2a0c8-aa5b-4ec4-9b4c-5a0e9d0b1f11"
	assign := map[string]any{"assignments": []any{map[string]any{"@odata.type": "#microsoft.graph.targetedManagedAppPolicyAssignment",
		"target": map[string]any{"@odata.type": "#microsoft.graph.groupAssignmentTarget", "groupId": group}}}}
	if r := c.do("POST", "/deviceAppManagement/managedAppPolicies/"+id+"/assign", assign); r.status != 204 {
		t.Fatalf("assign: %d %s", r.status, r.body)
	}
	r := c.do("GET", iosMAMPath+"/"+id+"/apps", nil)
	if r.status != 200 || !strings.Contains(string(r.body), `"bundleId":"com.microsoft.skype.teams"`) {
		t.Errorf("apps: %d %s", r.status, r.body)
	}
	r = c.do("GET", iosMAMPath+"/"+id+"/assignments", nil)
	if r.status != 200 || !strings.Contains(string(r.body), group) || !strings.Contains(string(r.body), "#microsoft.graph.groupAssignmentTarget") {
		t.Errorf("assignments: %d %s", r.status, r.body)
	}
	if got := c.do("GET", iosMAMPath+"/"+id, nil).json(t); got["isAssigned"] != true {
		t.Errorf("isAssigned after assign: %v", got["isAssigned"])
	}

	// PATCH merges; DELETE removes.
	if r := c.do("PATCH", iosMAMPath+"/"+id, map[string]any{"@odata.type": "#microsoft.graph.iosManagedAppProtection", "saveAsBlocked": false}); r.status != 204 {
		t.Fatalf("patch: %d %s", r.status, r.body)
	}
	got := c.do("GET", iosMAMPath+"/"+id, nil).json(t)
	if got["saveAsBlocked"] != false || got["dataBackupBlocked"] != true {
		t.Errorf("after patch: %v", got)
	}
	if r := c.do("DELETE", iosMAMPath+"/"+id, nil); r.status != 204 {
		t.Fatalf("delete: %d", r.status)
	}
	if r := c.do("GET", iosMAMPath+"/"+id, nil); r.status != 404 {
		t.Errorf("after delete: %d", r.status)
	}
}

func TestGraphAppProtectionRefusesBadValues(t *testing.T) {
	s := startSim(t, Options{})
	c := newGraphClient(t, s, s.FullApp())
	for name, tc := range map[string]struct {
		set  map[string]any
		want string
	}{
		"transfer enum":  {map[string]any{"allowedInboundDataTransferSources": "someApps"}, "allApps, managedApps, none"},
		"clipboard enum": {map[string]any{"allowedOutboundClipboardSharingLevel": "managed"}, "managedAppsWithPasteIn"},
		"storage enum":   {map[string]any{"allowedDataStorageLocations": []any{"dropbox"}}, "oneDriveForBusiness"},
		"duration":       {map[string]any{"periodOfflineBeforeWipeIsEnforced": "90 days"}, "Edm.Duration"},
		"unknown":        {map[string]any{"minimumWipeOsVersion": "15.0"}, "does not exist"},
		"no name":        {map[string]any{"displayName": ""}, "displayName"},
		"android type":   {map[string]any{"@odata.type": "#microsoft.graph.androidManagedAppProtection"}, "does not match"},
	} {
		body := docsIOSProtection()
		for k, v := range tc.set {
			body[k] = v
		}
		r := c.do("POST", iosMAMPath, body)
		if r.status != 400 || !strings.Contains(string(r.body), tc.want) || !strings.Contains(string(r.body), `"innerError"`) {
			t.Errorf("%s: %d %s", name, r.status, r.body)
		}
	}
	id := c.do("POST", iosMAMPath, docsIOSProtection()).json(t)["id"].(string)
	android := map[string]any{"apps": []any{map[string]any{"mobileAppIdentifier": map[string]any{"@odata.type": "#microsoft.graph.androidMobileAppIdentifier", "packageId": "com.microsoft.teams"}}}}
	if r := c.do("POST", "/deviceAppManagement/managedAppPolicies/"+id+"/targetApps", android); r.status != 400 {
		t.Errorf("android app on an iOS policy: %d %s", r.status, r.body)
	}
	badGroup := map[string]any{"assignments": []any{map[string]any{"target": map[string]any{"@odata.type": "#microsoft.graph.groupAssignmentTarget", "groupId": "clinicians"}}}}
	if r := c.do("POST", "/deviceAppManagement/managedAppPolicies/"+id+"/assign", badGroup); r.status != 400 {
		t.Errorf("group id not a GUID: %d %s", r.status, r.body)
	}
	if r := c.do("POST", "/deviceAppManagement/managedAppPolicies/00000000-0000-0000-0000-000000000001/assign", map[string]any{"assignments": []any{}}); r.status != 404 {
		t.Errorf("unknown policy: %d %s", r.status, r.body)
	}
}

func TestGraphAppProtectionNeedsDeviceManagementApps(t *testing.T) {
	s := startSim(t, Options{})
	lim := newGraphClient(t, s, s.LimitedApp())
	for _, m := range []string{"GET", "POST"} {
		var body any
		if m == "POST" {
			body = docsIOSProtection()
		}
		if r := lim.do(m, iosMAMPath, body); r.status != 403 || !strings.Contains(string(r.body), "Authorization_RequestDenied") {
			t.Errorf("%s without DeviceManagementApps: %d %s", m, r.status, r.body)
		}
	}
}
