package graph

import (
	"context"
	"encoding/json"
	"net/http"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"
)

// The documented response examples decode into every field the provider
// manages, apps and assignments included.
func TestAppProtectionDecodesTheDocumentationExamples(t *testing.T) {
	for _, tc := range []struct {
		platform, path, file string
	}{
		{PlatformIOS, iosProtectionsPath, "ios_managed_app_protection_get.json"},
		{PlatformAndroid, androidProtectionsPath, "android_managed_app_protection_get.json"},
	} {
		t.Run(tc.platform, func(t *testing.T) {
			c, f := newClient(t, appProtectionHandler(t, tc.file))
			p, err := c.GetAppProtection(context.Background(), tc.platform, "p1")
			if err != nil {
				t.Fatal(err)
			}
			want := AppProtectionPolicy{
				ID: p.ID, Platform: tc.platform, DisplayName: "Display Name value", Description: "Description value",
				PinRequired: true, MaximumPinRetries: 1, SimplePinBlocked: true, PinCharacterSet: "alphanumericAndSymbol",
				FingerprintBlocked: true, PeriodBeforePinReset: "PT3M29S",
				DataBackupBlocked: true, SaveAsBlocked: true, AllowedDataStorageLocations: []string{"sharePoint"},
				AllowedOutboundClipboardSharingLevel: "managedAppsWithPasteIn", AllowedInboundDataTransferSources: "managedApps",
				AllowedOutboundDataTransferDestinations: "managedApps", PrintBlocked: true, ContactSyncBlocked: true,
				OrganizationalCredentialsRequired: true, DeviceComplianceRequired: true,
				// the examples' negative, fractional placeholders: the SDK keeps whole units, no sign
				PeriodOfflineBeforeAccessCheck: "PT17S", PeriodOnlineBeforeAccessCheck: "PT35S", PeriodOfflineBeforeWipeIsEnforced: "PT3M22S",
				MinimumRequiredOsVersion: "Minimum Required Os Version value", MinimumWarningOsVersion: "Minimum Warning Os Version value",
				Apps:        []string{"com.microsoft.skype.teams"},
				Assignments: []AppProtectionAssignment{{GroupID: "26d2a0c8-aa5b-4ec4-9b4c-5a0e9d0b1f11"}, {GroupID: "3f0c1b2a-1111-4c2d-8e9f-0a1b2c3d4e5f", Exclude: true}},
				IsAssigned:  true,
			}
			if tc.platform == PlatformIOS {
				want.AppDataEncryptionType, want.FaceIDBlocked = "afterDeviceRestart", true
			} else {
				want.EncryptAppData, want.ScreenCaptureBlocked = true, true
			}
			if p.ID == "" {
				t.Error("no id")
			}
			if !reflect.DeepEqual(*p, want) {
				t.Errorf("decoded\n%+v\nwant\n%+v", *p, want)
			}
			var paths []string
			for _, r := range f.all() {
				paths = append(paths, r.Method+" "+strings.TrimPrefix(r.Path, "/prefix/v1.0"))
			}
			// One GET each, sent at once: in no particular order.
			sort.Strings(paths)
			wantPaths := []string{"GET " + tc.path + "/p1", "GET " + tc.path + "/p1/apps", "GET " + tc.path + "/p1/assignments"}
			if !reflect.DeepEqual(paths, wantPaths) {
				t.Errorf("requests %v, want %v", paths, wantPaths)
			}
		})
	}
}

// A create sends the documented body: @odata.type, enums as Graph spells
// them, durations as written (not Kiota's week form).
func TestAppProtectionCreateSerializesWhatGraphDocuments(t *testing.T) {
	c, f := newClient(t, echoCreated("new-id"))
	p := &AppProtectionPolicy{
		Platform: PlatformIOS, DisplayName: "Teams iOS", PinRequired: true, MinimumPinLength: 6, PinCharacterSet: "numeric",
		MaximumPinRetries: 5, DataBackupBlocked: true, SaveAsBlocked: true, AllowedDataStorageLocations: []string{"oneDriveForBusiness", "sharePoint"},
		AllowedOutboundClipboardSharingLevel: "managedAppsWithPasteIn", AllowedInboundDataTransferSources: "managedApps",
		AllowedOutboundDataTransferDestinations: "managedApps", DeviceComplianceRequired: true,
		PeriodOfflineBeforeAccessCheck: "PT12H", PeriodOnlineBeforeAccessCheck: "PT30M", PeriodOfflineBeforeWipeIsEnforced: "P90D",
		MinimumRequiredOsVersion: "16.0", AppDataEncryptionType: "whenDeviceLocked",
	}
	got, err := c.CreateAppProtection(context.Background(), p)
	if err != nil {
		t.Fatal(err)
	}
	if got.ID != "new-id" || got.Platform != PlatformIOS {
		t.Errorf("created %+v", got)
	}
	var body map[string]any
	if err := json.Unmarshal([]byte(f.all()[0].Body), &body); err != nil {
		t.Fatal(err)
	}
	for k, v := range map[string]any{
		"@odata.type": "#microsoft.graph.iosManagedAppProtection", "displayName": "Teams iOS", "pinCharacterSet": "numeric",
		"allowedOutboundClipboardSharingLevel": "managedAppsWithPasteIn", "allowedInboundDataTransferSources": "managedApps",
		"periodOfflineBeforeWipeIsEnforced": "P90D", "periodOfflineBeforeAccessCheck": "PT12H", "periodOnlineBeforeAccessCheck": "PT30M",
		"appDataEncryptionType": "whenDeviceLocked", "minimumPinLength": float64(6), "maximumPinRetries": float64(5),
		"deviceComplianceRequired": true, "dataBackupBlocked": true, "saveAsBlocked": true,
	} {
		if !reflect.DeepEqual(body[k], v) {
			t.Errorf("%s = %#v, want %#v", k, body[k], v)
		}
	}
	if !reflect.DeepEqual(body["allowedDataStorageLocations"], []any{"oneDriveForBusiness", "sharePoint"}) {
		t.Errorf("allowedDataStorageLocations = %v", body["allowedDataStorageLocations"])
	}
	if got.PeriodOfflineBeforeWipeIsEnforced != "P90D" {
		t.Errorf("read back %q, want P90D", got.PeriodOfflineBeforeWipeIsEnforced)
	}
}

// targetApps and assign post the documented action bodies.
func TestAppProtectionActionsPostTheDocumentedBodies(t *testing.T) {
	c, f := newClient(t, func(_ int, w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusNoContent) })
	ctx := context.Background()
	if err := c.SetAppProtectionApps(ctx, PlatformIOS, "p1", []string{"com.microsoft.skype.teams"}); err != nil {
		t.Fatal(err)
	}
	if err := c.SetAppProtectionApps(ctx, PlatformAndroid, "p2", []string{"com.microsoft.teams"}); err != nil {
		t.Fatal(err)
	}
	if err := c.AssignAppProtection(ctx, "p1", []AppProtectionAssignment{{GroupID: "g1"}, {GroupID: "g2", Exclude: true}}); err != nil {
		t.Fatal(err)
	}
	reqs := f.all()
	want := []struct{ path, body string }{
		{"/prefix/v1.0/deviceAppManagement/managedAppPolicies/p1/targetApps",
			`{"apps":[{"@odata.type":"#microsoft.graph.managedMobileApp","mobileAppIdentifier":{"@odata.type":"#microsoft.graph.iosMobileAppIdentifier","bundleId":"com.microsoft.skype.teams"}}]}`},
		{"/prefix/v1.0/deviceAppManagement/managedAppPolicies/p2/targetApps",
			`{"apps":[{"@odata.type":"#microsoft.graph.managedMobileApp","mobileAppIdentifier":{"@odata.type":"#microsoft.graph.androidMobileAppIdentifier","packageId":"com.microsoft.teams"}}]}`},
		{"/prefix/v1.0/deviceAppManagement/managedAppPolicies/p1/assign",
			`{"assignments":[{"@odata.type":"#microsoft.graph.targetedManagedAppPolicyAssignment","target":{"@odata.type":"#microsoft.graph.groupAssignmentTarget","groupId":"g1"}},{"@odata.type":"#microsoft.graph.targetedManagedAppPolicyAssignment","target":{"@odata.type":"#microsoft.graph.exclusionGroupAssignmentTarget","groupId":"g2"}}]}`},
	}
	if len(reqs) != len(want) {
		t.Fatalf("%d requests, want %d", len(reqs), len(want))
	}
	for i, w := range want {
		if reqs[i].Method != http.MethodPost || reqs[i].Path != w.path {
			t.Errorf("request %d: %s %s, want POST %s", i, reqs[i].Method, reqs[i].Path, w.path)
		}
		var got, exp any
		_ = json.Unmarshal([]byte(reqs[i].Body), &got)
		_ = json.Unmarshal([]byte(w.body), &exp)
		if !reflect.DeepEqual(got, exp) {
			t.Errorf("request %d body\n%s\nwant\n%s", i, reqs[i].Body, w.body)
		}
	}
}

func TestAppProtectionMissingPermissionIsNamed(t *testing.T) {
	c, _ := newClient(t, func(_ int, w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("request-id", "req-42")
		w.WriteHeader(http.StatusForbidden)
		_, _ = w.Write([]byte(`{"error":{"code":"Forbidden","message":"Application is not authorized to perform this operation."}}`))
	})
	_, err := c.GetAppProtection(context.Background(), PlatformIOS, "p1")
	if err == nil || !strings.Contains(err.Error(), PermissionDeviceApps) || !strings.Contains(err.Error(), "req-42") || !strings.Contains(err.Error(), "403") {
		t.Errorf("error %v: want the permission, the request id and the status", err)
	}
}

func TestDurations(t *testing.T) {
	for in, want := range map[string]time.Duration{"P90D": 90 * 24 * time.Hour, "PT12H": 12 * time.Hour, "PT30M": 30 * time.Minute, "P1DT2H3M4S": 26*time.Hour + 3*time.Minute + 4*time.Second} {
		d, err := ParseDuration(in)
		if err != nil || d != want {
			t.Errorf("ParseDuration(%q) = %v, %v", in, d, err)
		}
		if got := FormatDuration(d); got != in {
			t.Errorf("FormatDuration(%v) = %q, want %q", d, got, in)
		}
	}
	for _, bad := range []string{"", "P", "PT", "90D", "P1W", "P1Y", "PT1.5H", "-P1D", "P1DT"} {
		if _, err := ParseDuration(bad); err == nil {
			t.Errorf("ParseDuration(%q) accepted", bad)
		}
	}
}

// appProtectionHandler answers a policy's GET with the fixture policy and its
// /apps and /assignments with the documentation's list examples.
func appProtectionHandler(t *testing.T, policy string) func(int, http.ResponseWriter, *http.Request) {
	t.Helper()
	apps, assigns, p := fixture(t, "managed_mobile_apps_list.json"), fixture(t, "targeted_managed_app_policy_assignments_list.json"), fixture(t, policy)
	return func(_ int, w http.ResponseWriter, r *http.Request) {
		switch {
		case strings.HasSuffix(r.URL.Path, "/apps"):
			_, _ = w.Write(apps)
		case strings.HasSuffix(r.URL.Path, "/assignments"):
			_, _ = w.Write(assigns)
		default:
			_, _ = w.Write(p)
		}
	}
}
