package graph

import (
	"encoding/json"
	"io"
	"net/http"
	"slices"
	"strings"

	"maps"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/contract"
)

// Every Graph call is documented by Microsoft (v1.0 reference). The request
// pipeline (declared, below) refuses any other.
const docs = "https://learn.microsoft.com/graph/api/"

var (
	policyBody     = []string{"displayName", "state", "conditions", "grantControls", "sessionControls"}
	protectionBody = []string{"@odata.type", "displayName", "description", "pinRequired", "minimumPinLength", "pinCharacterSet",
		"simplePinBlocked", "maximumPinRetries", "fingerprintBlocked", "periodBeforePinReset", "dataBackupBlocked", "saveAsBlocked",
		"allowedDataStorageLocations", "allowedOutboundClipboardSharingLevel", "allowedInboundDataTransferSources",
		"allowedOutboundDataTransferDestinations", "printBlocked", "contactSyncBlocked", "organizationalCredentialsRequired",
		"deviceComplianceRequired", "periodOfflineBeforeAccessCheck", "periodOnlineBeforeAccessCheck", "periodOfflineBeforeWipeIsEnforced",
		"minimumRequiredOsVersion", "minimumWarningOsVersion",
		"appDataEncryptionType", "faceIdBlocked", // iOS
		"encryptAppData", "screenCaptureBlocked", // Android
	}
	locationBody = []string{"@odata.type", "displayName", "ipRanges", "isTrusted", "countriesAndRegions", "includeUnknownCountriesAndRegions", "countryLookupMethod"}
)

// Contract is every call this client makes (the Intune app protection calls,
// permission DeviceManagementApps.ReadWrite.All, are appProtectionOps per platform).
var Contract = slices.Concat(contract.Table{
	{Service: ServiceName, Name: "List conditional access policies (following @odata.nextLink)", Method: "GET", Path: policiesPath,
		Evidence: contract.Documented, Source: docs + "conditionalaccessroot-list-policies"},
	{Service: ServiceName, Name: "Read a conditional access policy", Method: "GET", Path: policiesPath + "/{id}",
		Evidence: contract.Documented, Source: docs + "conditionalaccesspolicy-get"},
	{Service: ServiceName, Name: "Create a conditional access policy", Method: "POST", Path: policiesPath, Body: policyBody,
		Evidence: contract.Documented, Source: docs + "conditionalaccessroot-post-policies",
		Note: "v1.0 refuses signInFrequency.frequencyInterval everyTime (msgraph-metadata issue 647), timeBased with secondaryAuthentication (error 1104, microsoft-graph-docs issue 22086), and authentication flows with a grant other than block or with session controls (error 1235, Microsoft365DSC issue 7119)."},
	{Service: ServiceName, Name: "Change a conditional access policy (null clears grantControls/sessionControls)", Method: "PATCH", Path: policiesPath + "/{id}", Body: policyBody,
		Evidence: contract.Documented, Source: docs + "conditionalaccesspolicy-update"},
	{Service: ServiceName, Name: "Delete a conditional access policy", Method: "DELETE", Path: policiesPath + "/{id}",
		Evidence: contract.Documented, Source: docs + "conditionalaccesspolicy-delete"},
	{Service: ServiceName, Name: "List named locations (following @odata.nextLink)", Method: "GET", Path: namedLocationsPath,
		Evidence: contract.Documented, Source: docs + "conditionalaccessroot-list-namedlocations"},
	{Service: ServiceName, Name: "Read a named location", Method: "GET", Path: namedLocationsPath + "/{id}",
		Evidence: contract.Documented, Source: docs + "namedlocation-get"},
	{Service: ServiceName, Name: "Create an IP or country named location", Method: "POST", Path: namedLocationsPath, Body: locationBody,
		Evidence: contract.Documented, Source: docs + "conditionalaccessroot-post-namedlocations"},
	{Service: ServiceName, Name: "Change a named location", Method: "PATCH", Path: namedLocationsPath + "/{id}", Body: locationBody,
		Evidence: contract.Documented, Source: docs + "ipnamedlocation-update, " + docs + "countrynamedlocation-update"},
	{Service: ServiceName, Name: "Delete a named location", Method: "DELETE", Path: namedLocationsPath + "/{id}",
		Evidence: contract.Documented, Source: docs + "namedlocation-delete"},
	{Service: ServiceName, Name: "List authentication strengths", Method: "GET", Path: "/identity/conditionalAccess/authenticationStrength/policies",
		Evidence: contract.Documented, Source: docs + "authenticationstrengthroot-list-policies",
		Note: "On 404 the client falls back to /policies/authenticationStrengthPolicies."},
	{Service: ServiceName, Name: "List authentication strengths (older path, fallback)", Method: "GET", Path: "/policies/authenticationStrengthPolicies",
		Evidence: contract.Documented, Source: docs + "authenticationstrengthpolicy-list"},
	{Service: ServiceName, Name: "List directory role templates", Method: "GET", Path: "/directoryRoleTemplates",
		Evidence: contract.Documented, Source: docs + "directoryroletemplate-list"},
}, appProtectionOps("iOS", iosProtectionsPath, "iosmanagedappprotection"),
	appProtectionOps("Android", androidProtectionsPath, "androidmanagedappprotection"),
	contract.Table{
		{Service: ServiceName, Name: "Set the apps an app protection policy protects (targetApps action; replaces the list; 204)", Method: "POST", Path: managedAppPoliciesPath + "/{id}/targetApps", Body: []string{"apps"},
			Evidence: contract.Documented, Source: docs + "intune-mam-managedappprotection-targetapps"},
		{Service: ServiceName, Name: "Assign an app protection policy to groups (assign action; replaces the list; 204)", Method: "POST", Path: managedAppPoliciesPath + "/{id}/assign", Body: []string{"assignments"},
			Evidence: contract.Documented, Source: docs + "intune-mam-targetedmanagedappprotection-assign"},
		{Service: ServiceName, Name: "Read the organization (tenant id, display name, verified domains) for the evidence document", Method: "GET", Path: "/organization",
			Evidence: contract.Documented, Source: docs + "organization-list"},
	})

// declared refuses a request that matches no operation of Contract, or whose
// JSON body has a top-level field the operation does not declare. It sits
// under replayable, so the body can be read without consuming it.
type declared struct{ next http.RoundTripper }

func (d declared) RoundTrip(req *http.Request) (*http.Response, error) {
	path := req.URL.Path
	if i := strings.Index(path, "/v1.0/"); i >= 0 {
		path = path[i+len("/v1.0"):]
	}
	op, err := Contract.Find(ServiceName, req.Method, path)
	if err != nil {
		return nil, err
	}
	if req.GetBody != nil {
		rc, err := req.GetBody()
		if err != nil {
			return nil, err
		}
		b, err := io.ReadAll(rc)
		_ = rc.Close()
		if err != nil {
			return nil, err
		}
		var fields map[string]json.RawMessage
		if json.Unmarshal(b, &fields) == nil {
			if err := op.CheckBody(slices.Sorted(maps.Keys(fields))); err != nil {
				return nil, err
			}
		}
	}
	return d.next.RoundTrip(req)
}

// appProtectionOps are the seven calls on one platform's collection of app
// protection policies (what is "iOS" or "Android", slug the docs page's
// platform part: iosmanagedappprotection, androidmanagedappprotection).
func appProtectionOps(what, path, slug string) contract.Table {
	return contract.Table{
		{Service: ServiceName, Name: "List " + what + " app protection policies (name check before a create, assessment)", Method: "GET", Path: path,
			Evidence: contract.Documented, Source: docs + "intune-mam-" + slug + "-list"},
		{Service: ServiceName, Name: "Read an " + what + " app protection policy", Method: "GET", Path: path + "/{id}",
			Evidence: contract.Documented, Source: docs + "intune-mam-" + slug + "-get"},
		{Service: ServiceName, Name: "Read the apps an " + what + " app protection policy protects", Method: "GET", Path: path + "/{id}/apps",
			Evidence: contract.Documented, Source: docs + "intune-mam-managedmobileapp-list"},
		{Service: ServiceName, Name: "Read the groups an " + what + " app protection policy is assigned to", Method: "GET", Path: path + "/{id}/assignments",
			Evidence: contract.Documented, Source: docs + "intune-mam-targetedmanagedapppolicyassignment-list"},
		{Service: ServiceName, Name: "Create an " + what + " app protection policy", Method: "POST", Path: path, Body: protectionBody,
			Evidence: contract.Documented, Source: docs + "intune-mam-" + slug + "-create"},
		{Service: ServiceName, Name: "Change an " + what + " app protection policy", Method: "PATCH", Path: path + "/{id}", Body: protectionBody,
			Evidence: contract.Documented, Source: docs + "intune-mam-" + slug + "-update"},
		{Service: ServiceName, Name: "Delete an " + what + " app protection policy", Method: "DELETE", Path: path + "/{id}",
			Evidence: contract.Documented, Source: docs + "intune-mam-" + slug + "-delete"},
	}
}
