package graph

import (
	"context"
	"fmt"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/microsoft/kiota-abstractions-go/serialization"
	"github.com/microsoftgraph/msgraph-sdk-go/deviceappmanagement"
	"github.com/microsoftgraph/msgraph-sdk-go/models"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/clients/writes"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/poll"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/transport"
)

// Intune app protection (MAM) policies for iOS and Android, Graph v1.0
// (https://learn.microsoft.com/graph/api/resources/intune-mam-iosmanagedappprotection,
// .../intune-mam-androidmanagedappprotection). The settings are properties of
// the policy; the apps it protects and the groups it applies to are set by
// two actions on /deviceAppManagement/managedAppPolicies/{id} (targetApps,
// assign) and read back through the /apps and /assignments navigations.
//
// v1.0 has no property for the action taken after too many PIN attempts or on
// a jailbroken/rooted device, nor a minimum OS version that wipes
// (appActionIfMaximumPinRetriesExceeded, appActionIfDeviceComplianceRequired
// and minimumWipeOsVersion exist only in beta): on v1.0, maximumPinRetries
// blocks the app after that many attempts, deviceComplianceRequired blocks
// it on a jailbroken or rooted device, and periodOfflineBeforeWipeIsEnforced
// wipes its data after that long offline.

// PermissionDeviceApps is the application permission every app protection
// call needs (the permission tables of the pages above).
const PermissionDeviceApps = "DeviceManagementApps.ReadWrite.All"

// App protection platforms.
const (
	PlatformIOS     = "ios"
	PlatformAndroid = "android"
)

const (
	iosProtectionsPath     = "/deviceAppManagement/iosManagedAppProtections"
	androidProtectionsPath = "/deviceAppManagement/androidManagedAppProtections"
	managedAppPoliciesPath = "/deviceAppManagement/managedAppPolicies"
)

// Documented enum values (Graph v1.0 enum pages; msgraph-sdk-go models).
var (
	DataTransferLevels     = []string{"allApps", "managedApps", "none"}
	ClipboardSharingLevels = []string{"allApps", "managedAppsWithPasteIn", "managedApps", "blocked"}
	PinCharacterSets       = []string{"numeric", "alphanumericAndSymbol"}
	DataStorageLocations   = []string{"oneDriveForBusiness", "sharePoint", "box", "localStorage"}
	DataEncryptionTypes    = []string{"useDeviceSettings", "afterDeviceRestart", "whenDeviceLockedExceptOpenFiles", "whenDeviceLocked"}
)

// AppProtectionPolicy is an iosManagedAppProtection or an
// androidManagedAppProtection with its apps and assignments.
type AppProtectionPolicy struct {
	ID          string
	Platform    string // PlatformIOS or PlatformAndroid
	DisplayName string
	Description string

	PinRequired          bool
	MinimumPinLength     int32
	PinCharacterSet      string
	SimplePinBlocked     bool
	MaximumPinRetries    int32
	FingerprintBlocked   bool
	PeriodBeforePinReset string // ISO 8601 duration, "" = unset

	DataBackupBlocked                       bool
	SaveAsBlocked                           bool
	AllowedDataStorageLocations             []string
	AllowedOutboundClipboardSharingLevel    string
	AllowedInboundDataTransferSources       string
	AllowedOutboundDataTransferDestinations string
	PrintBlocked                            bool
	ContactSyncBlocked                      bool
	OrganizationalCredentialsRequired       bool
	DeviceComplianceRequired                bool // blocks jailbroken / rooted devices

	PeriodOfflineBeforeAccessCheck    string // ISO 8601 durations
	PeriodOnlineBeforeAccessCheck     string
	PeriodOfflineBeforeWipeIsEnforced string

	MinimumRequiredOsVersion string
	MinimumWarningOsVersion  string

	// iOS only
	AppDataEncryptionType string
	FaceIDBlocked         bool
	// Android only
	EncryptAppData       bool
	ScreenCaptureBlocked bool

	Apps        []string                  // bundle ids (iOS) or package ids (Android)
	Assignments []AppProtectionAssignment // groups included and excluded
	IsAssigned  bool                      // read only
}

// AppProtectionAssignment is a targetedManagedAppPolicyAssignment to a group.
type AppProtectionAssignment struct {
	GroupID string
	Exclude bool // exclusionGroupAssignmentTarget rather than groupAssignmentTarget
}

func protectionsPath(platform string) (string, error) {
	switch platform {
	case PlatformIOS:
		return iosProtectionsPath, nil
	case PlatformAndroid:
		return androidProtectionsPath, nil
	}
	return "", fmt.Errorf("app protection platform %q is neither %q nor %q", platform, PlatformIOS, PlatformAndroid)
}

// GetAppProtection reads a policy, its apps and its assignments; a missing
// policy is an error for which transport.IsNotFound is true.
func (c *Client) GetAppProtection(ctx context.Context, platform, id string) (*AppProtectionPolicy, error) {
	if c.err != nil {
		return nil, c.err
	}
	path, err := protectionsPath(platform)
	if err != nil {
		return nil, err
	}
	o := op{http.MethodGet, path + "/" + id, PermissionDeviceApps}
	epoch := writes.Epoch()
	var p *AppProtectionPolicy
	var apps []models.ManagedMobileAppable
	var assigns []models.TargetedManagedAppPolicyAssignmentable
	var getPolicy, getApps, getAssigns func(context.Context) error
	// Each GET builds its own request builder: Kiota's builders share a
	// path-parameter map that sending writes to. The two platforms differ
	// only in Kiota's types.
	if platform == PlatformIOS {
		item := func() *deviceappmanagement.IosManagedAppProtectionsIosManagedAppProtectionItemRequestBuilder {
			return c.iosProtections().ByIosManagedAppProtectionId(id)
		}
		ab, sb := item().Apps(), item().Assignments()
		getPolicy = policyInto(&p, item().Get)
		getApps = pagesInto(&apps, ab.Get, ab.WithUrl)
		getAssigns = pagesInto(&assigns, sb.Get, sb.WithUrl)
	} else {
		item := func() *deviceappmanagement.AndroidManagedAppProtectionsAndroidManagedAppProtectionItemRequestBuilder {
			return c.androidProtections().ByAndroidManagedAppProtectionId(id)
		}
		ab, sb := item().Apps(), item().Assignments()
		getPolicy = policyInto(&p, item().Get)
		getApps = pagesInto(&apps, ab.Get, ab.WithUrl)
		getAssigns = pagesInto(&assigns, sb.Get, sb.WithUrl)
	}
	// The three GETs are independent reads: sent at once, a policy costs one
	// round trip instead of three. The policy's own error comes first, so a
	// missing policy reads as not found.
	errs := make([]error, 3)
	var wg sync.WaitGroup
	for i, get := range []func(context.Context) error{getPolicy, getApps, getAssigns} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = get(ctx)
		}()
	}
	wg.Wait()
	for i, suffix := range []string{"", "/apps", "/assignments"} {
		if errs[i] != nil {
			return nil, c.wrapErr(op{http.MethodGet, o.path + suffix, o.perm}, errs[i])
		}
	}
	p.Platform = platform
	if p.Apps, err = appIDsFromModel(apps); err != nil {
		return nil, err
	}
	if p.Assignments, err = assignmentsFromModel(assigns); err != nil {
		return nil, err
	}
	c.protectionReads.Record(protectionKey(platform, id), epoch, p)
	return p, nil
}

// policyInto is a GET of one policy (get is a platform's item Get) that
// stores it in *p.
func policyInto[M models.ManagedAppProtectionable, C any](p **AppProtectionPolicy, get func(context.Context, *C) (M, error)) func(context.Context) error {
	return func(ctx context.Context) error {
		m, err := get(ctx, nil)
		if err == nil {
			*p = appProtectionFromModel(m)
		}
		return err
	}
}

// pagesInto is a GET of a whole collection (pages) that stores it in *out.
func pagesInto[T any, P pageOf[T], C any, B interface {
	Get(context.Context, *C) (P, error)
}](out *[]T, get func(context.Context, *C) (P, error), withURL func(string) B) func(context.Context) error {
	return func(ctx context.Context) (err error) {
		*out, err = pages[T](ctx, get, withURL)
		return err
	}
}

// pageOf is what a Kiota collection GET returns.
type pageOf[T any] interface {
	GetValue() []T
	GetOdataNextLink() *string
}

// pages follows @odata.nextLink through a collection: get is the builder's
// Get, with its WithUrl for the next page.
func pages[T any, P pageOf[T], C any, B interface {
	Get(context.Context, *C) (P, error)
}](ctx context.Context, get func(context.Context, *C) (P, error), withURL func(string) B) ([]T, error) {
	var out []T
	for {
		page, err := get(ctx, nil)
		if err != nil {
			return nil, err
		}
		out = append(out, page.GetValue()...)
		next := deref(page.GetOdataNextLink())
		if next == "" {
			return out, nil
		}
		get = withURL(next).Get
	}
}

// ListAppProtections reads every policy of a platform, without apps and
// assignments (read one with GetAppProtection for those).
func (c *Client) ListAppProtections(ctx context.Context, platform string) ([]*AppProtectionPolicy, error) {
	if c.err != nil {
		return nil, c.err
	}
	path, err := protectionsPath(platform)
	if err != nil {
		return nil, err
	}
	o := op{http.MethodGet, path, PermissionDeviceApps}
	var out []*AppProtectionPolicy
	if platform == PlatformIOS {
		ms, err := pages[models.IosManagedAppProtectionable](ctx, c.iosProtections().Get, c.iosProtections().WithUrl)
		if err != nil {
			return nil, c.wrapErr(o, err)
		}
		for _, m := range ms {
			out = append(out, appProtectionFromModel(m))
		}
	} else {
		ms, err := pages[models.AndroidManagedAppProtectionable](ctx, c.androidProtections().Get, c.androidProtections().WithUrl)
		if err != nil {
			return nil, c.wrapErr(o, err)
		}
		for _, m := range ms {
			out = append(out, appProtectionFromModel(m))
		}
	}
	for _, p := range out {
		p.Platform = platform
	}
	return out, nil
}

// AppProtectionsNamed returns the policies of a platform whose display name is name.
func (c *Client) AppProtectionsNamed(ctx context.Context, platform, name string) ([]*AppProtectionPolicy, error) {
	all, err := c.ListAppProtections(ctx, platform)
	if err != nil {
		return nil, err
	}
	var same []*AppProtectionPolicy
	for _, p := range all {
		if p.DisplayName == name {
			same = append(same, p)
		}
	}
	return same, nil
}

// CreateAppProtection creates the policy (its settings only) and returns the
// service's copy; set its apps and groups with SetAppProtectionApps and
// AssignAppProtection. As for named locations, a POST that may have been
// applied is looked for by display name before it is sent again.
func (c *Client) CreateAppProtection(ctx context.Context, p *AppProtectionPolicy) (*AppProtectionPolicy, error) {
	if c.err != nil {
		return nil, c.err
	}
	path, err := protectionsPath(p.Platform)
	if err != nil {
		return nil, err
	}
	o := op{http.MethodPost, path, PermissionDeviceApps}
	send := func(ctx context.Context, _ int) (*AppProtectionPolicy, error) {
		var got models.ManagedAppProtectionable
		var err error
		if p.Platform == PlatformIOS {
			body, e := iosToModel(p)
			if e != nil {
				return nil, e
			}
			got, err = c.iosProtections().Post(ctx, body, nil)
		} else {
			body, e := androidToModel(p)
			if e != nil {
				return nil, e
			}
			got, err = c.androidProtections().Post(ctx, body, nil)
		}
		if err != nil {
			return nil, c.wrapErr(o, err)
		}
		out := appProtectionFromModel(got)
		out.Platform = p.Platform
		return out, nil
	}
	return poll.Settle(ctx, poll.Options{Confirm: createConfirm}, "creating "+p.Platform+" app protection policy "+strconv.Quote(p.DisplayName), send,
		func(ctx context.Context) (*AppProtectionPolicy, bool, error) {
			same, err := c.AppProtectionsNamed(ctx, p.Platform, p.DisplayName)
			switch {
			case err != nil:
				return nil, false, err
			case len(same) > 1:
				return nil, false, fmt.Errorf("%d %s app protection policies named %q exist now: check the tenant and import the right one", len(same), p.Platform, p.DisplayName)
			case len(same) == 1:
				return same[0], true, nil
			}
			return nil, false, nil
		})
}

// UpdateAppProtection sets the policy's settings to p's (apps and groups are
// set by their actions).
func (c *Client) UpdateAppProtection(ctx context.Context, id string, p *AppProtectionPolicy) error {
	if c.err != nil {
		return c.err
	}
	path, err := protectionsPath(p.Platform)
	if err != nil {
		return err
	}
	o := op{http.MethodPatch, path + "/" + id, PermissionDeviceApps}
	// The PATCH sets absolute values: sent again after a dropped connection it does no harm.
	ctx = transport.WithRetryablePost(ctx)
	if p.Platform == PlatformIOS {
		body, err := iosToModel(p)
		if err != nil {
			return err
		}
		_, err = c.iosProtections().ByIosManagedAppProtectionId(id).Patch(ctx, body, nil)
		return c.wrapErr(o, err)
	}
	body, err := androidToModel(p)
	if err != nil {
		return err
	}
	_, err = c.androidProtections().ByAndroidManagedAppProtectionId(id).Patch(ctx, body, nil)
	return c.wrapErr(o, err)
}

// DeleteAppProtection deletes a policy.
func (c *Client) DeleteAppProtection(ctx context.Context, platform, id string) error {
	if c.err != nil {
		return c.err
	}
	path, err := protectionsPath(platform)
	if err != nil {
		return err
	}
	o := op{http.MethodDelete, path + "/" + id, PermissionDeviceApps}
	if platform == PlatformIOS {
		err = c.iosProtections().ByIosManagedAppProtectionId(id).Delete(ctx, nil)
	} else {
		err = c.androidProtections().ByAndroidManagedAppProtectionId(id).Delete(ctx, nil)
	}
	return c.wrapErr(o, err)
}

// SetAppProtectionApps replaces the apps the policy protects (the targetApps
// action): bundle ids on iOS, package ids on Android.
func (c *Client) SetAppProtectionApps(ctx context.Context, platform, id string, apps []string) error {
	if c.err != nil {
		return c.err
	}
	if _, err := protectionsPath(platform); err != nil {
		return err
	}
	body := deviceappmanagement.NewManagedAppPoliciesItemTargetAppsPostRequestBody()
	ms := make([]models.ManagedMobileAppable, 0, len(apps))
	for _, a := range apps {
		m := models.NewManagedMobileApp()
		m.SetOdataType(ptr("#microsoft.graph.managedMobileApp"))
		if platform == PlatformIOS {
			ident := models.NewIosMobileAppIdentifier()
			ident.SetOdataType(ptr("#microsoft.graph.iosMobileAppIdentifier"))
			ident.SetBundleId(ptr(a))
			m.SetMobileAppIdentifier(ident)
		} else {
			ident := models.NewAndroidMobileAppIdentifier()
			ident.SetOdataType(ptr("#microsoft.graph.androidMobileAppIdentifier"))
			ident.SetPackageId(ptr(a))
			m.SetMobileAppIdentifier(ident)
		}
		ms = append(ms, m)
	}
	body.SetApps(ms)
	// Replaces the whole list: sent again it does no harm.
	err := c.managedAppPolicies().ByManagedAppPolicyId(id).TargetApps().Post(transport.WithRetryablePost(ctx), body, nil)
	return c.wrapErr(op{http.MethodPost, managedAppPoliciesPath + "/" + id + "/targetApps", PermissionDeviceApps}, err)
}

// AssignAppProtection replaces the groups the policy applies to (the assign
// action).
func (c *Client) AssignAppProtection(ctx context.Context, id string, assignments []AppProtectionAssignment) error {
	if c.err != nil {
		return c.err
	}
	body := deviceappmanagement.NewTargetedManagedAppConfigurationsItemAssignPostRequestBody()
	as := make([]models.TargetedManagedAppPolicyAssignmentable, 0, len(assignments))
	for _, a := range assignments {
		m := models.NewTargetedManagedAppPolicyAssignment()
		m.SetOdataType(ptr("#microsoft.graph.targetedManagedAppPolicyAssignment"))
		if a.Exclude {
			t := models.NewExclusionGroupAssignmentTarget()
			t.SetOdataType(ptr("#microsoft.graph.exclusionGroupAssignmentTarget"))
			t.SetGroupId(ptr(a.GroupID))
			m.SetTarget(t)
		} else {
			t := models.NewGroupAssignmentTarget()
			t.SetOdataType(ptr("#microsoft.graph.groupAssignmentTarget"))
			t.SetGroupId(ptr(a.GroupID))
			m.SetTarget(t)
		}
		as = append(as, m)
	}
	body.SetAssignments(as)
	path := managedAppPoliciesPath + "/" + id + "/assign"
	// msgraph-sdk-go v1.0 generates no builder for managedAppPolicies/{id}/assign
	// (documented: intune-mam-targetedmanagedappprotection-assign); the
	// targetedManagedAppConfigurations assign builder posts the same body
	// shape ({"assignments": [...]}) and is pointed at the documented URL.
	b := c.targetedAppConfigurations().ByTargetedManagedAppConfigurationId(id).Assign().
		WithUrl(c.adapter.GetBaseUrl() + path)
	err := b.Post(transport.WithRetryablePost(ctx), body, nil)
	return c.wrapErr(op{http.MethodPost, path, PermissionDeviceApps}, err)
}

// ---- model conversion ----

func appProtectionFromModel(m models.ManagedAppProtectionable) *AppProtectionPolicy {
	p := &AppProtectionPolicy{
		ID:                                deref(m.GetId()),
		DisplayName:                       deref(m.GetDisplayName()),
		Description:                       deref(m.GetDescription()),
		PinRequired:                       deref(m.GetPinRequired()),
		MinimumPinLength:                  deref(m.GetMinimumPinLength()),
		SimplePinBlocked:                  deref(m.GetSimplePinBlocked()),
		MaximumPinRetries:                 deref(m.GetMaximumPinRetries()),
		FingerprintBlocked:                deref(m.GetFingerprintBlocked()),
		DataBackupBlocked:                 deref(m.GetDataBackupBlocked()),
		SaveAsBlocked:                     deref(m.GetSaveAsBlocked()),
		PrintBlocked:                      deref(m.GetPrintBlocked()),
		ContactSyncBlocked:                deref(m.GetContactSyncBlocked()),
		OrganizationalCredentialsRequired: deref(m.GetOrganizationalCredentialsRequired()),
		DeviceComplianceRequired:          deref(m.GetDeviceComplianceRequired()),
		MinimumRequiredOsVersion:          deref(m.GetMinimumRequiredOsVersion()),
		MinimumWarningOsVersion:           deref(m.GetMinimumWarningOsVersion()),
	}
	if v := m.GetPinCharacterSet(); v != nil {
		p.PinCharacterSet = v.String()
	}
	if v := m.GetAllowedOutboundClipboardSharingLevel(); v != nil {
		p.AllowedOutboundClipboardSharingLevel = v.String()
	}
	if v := m.GetAllowedInboundDataTransferSources(); v != nil {
		p.AllowedInboundDataTransferSources = v.String()
	}
	if v := m.GetAllowedOutboundDataTransferDestinations(); v != nil {
		p.AllowedOutboundDataTransferDestinations = v.String()
	}
	p.AllowedDataStorageLocations = []string{}
	for _, l := range m.GetAllowedDataStorageLocations() {
		p.AllowedDataStorageLocations = append(p.AllowedDataStorageLocations, l.String())
	}
	p.PeriodBeforePinReset = durationString(m.GetPeriodBeforePinReset())
	p.PeriodOfflineBeforeAccessCheck = durationString(m.GetPeriodOfflineBeforeAccessCheck())
	p.PeriodOnlineBeforeAccessCheck = durationString(m.GetPeriodOnlineBeforeAccessCheck())
	p.PeriodOfflineBeforeWipeIsEnforced = durationString(m.GetPeriodOfflineBeforeWipeIsEnforced())
	switch v := m.(type) {
	case models.IosManagedAppProtectionable:
		p.Platform = PlatformIOS
		if e := v.GetAppDataEncryptionType(); e != nil {
			p.AppDataEncryptionType = e.String()
		}
		p.FaceIDBlocked = deref(v.GetFaceIdBlocked())
		p.IsAssigned = deref(v.GetIsAssigned())
	case models.AndroidManagedAppProtectionable:
		p.Platform = PlatformAndroid
		p.EncryptAppData = deref(v.GetEncryptAppData())
		p.ScreenCaptureBlocked = deref(v.GetScreenCaptureBlocked())
		p.IsAssigned = deref(v.GetIsAssigned())
	}
	return p
}

func appIDsFromModel(apps []models.ManagedMobileAppable) ([]string, error) {
	out := []string{}
	for _, a := range apps {
		switch id := a.GetMobileAppIdentifier().(type) {
		case models.IosMobileAppIdentifierable:
			out = append(out, deref(id.GetBundleId()))
		case models.AndroidMobileAppIdentifierable:
			out = append(out, deref(id.GetPackageId()))
		case nil:
			return nil, fmt.Errorf("%s: managed mobile app %s has no mobileAppIdentifier", ServiceName, deref(a.GetId()))
		default:
			// The documentation's examples spell @odata.type without '#', which
			// Kiota's discriminator does not map: read the id from the raw fields.
			if v := rawString(id.GetAdditionalData(), "bundleId", "packageId"); v != "" {
				out = append(out, v)
				continue
			}
			return nil, fmt.Errorf("%s: managed mobile app %s has an identifier of unknown type %q", ServiceName, deref(a.GetId()), deref(id.GetOdataType()))
		}
	}
	return out, nil
}

func assignmentsFromModel(as []models.TargetedManagedAppPolicyAssignmentable) ([]AppProtectionAssignment, error) {
	out := []AppProtectionAssignment{}
	for _, a := range as {
		// Concrete types: exclusionGroupAssignmentTarget derives from
		// groupAssignmentTarget and its Go interface adds no method, so every
		// group target satisfies ExclusionGroupAssignmentTargetable.
		switch t := a.GetTarget().(type) {
		case *models.ExclusionGroupAssignmentTarget:
			out = append(out, AppProtectionAssignment{GroupID: deref(t.GetGroupId()), Exclude: true})
		case *models.GroupAssignmentTarget:
			out = append(out, AppProtectionAssignment{GroupID: deref(t.GetGroupId())})
		case nil:
			return nil, fmt.Errorf("%s: app protection assignment %s has no target", ServiceName, deref(a.GetId()))
		default:
			// As for apps: an @odata.type without '#' is not mapped by Kiota.
			typ := strings.TrimPrefix(deref(t.GetOdataType()), "#")
			if g := rawString(t.GetAdditionalData(), "groupId"); g != "" && (typ == "microsoft.graph.groupAssignmentTarget" || typ == "microsoft.graph.exclusionGroupAssignmentTarget") {
				out = append(out, AppProtectionAssignment{GroupID: g, Exclude: typ == "microsoft.graph.exclusionGroupAssignmentTarget"})
				continue
			}
			return nil, fmt.Errorf("%s: app protection assignment %s targets %q, which this provider does not manage (groups only)", ServiceName, deref(a.GetId()), deref(t.GetOdataType()))
		}
	}
	return out, nil
}

// rawString returns the first of keys that holds a string in data.
func rawString(data map[string]any, keys ...string) string {
	for _, k := range keys {
		switch v := data[k].(type) {
		case *string:
			if v != nil && *v != "" {
				return *v
			}
		case string:
			if v != "" {
				return v
			}
		}
	}
	return ""
}

// setCommon fills the managedAppProtection properties every platform shares.
func setCommon(m models.ManagedAppProtectionable, p *AppProtectionPolicy) error {
	m.SetDisplayName(ptr(p.DisplayName))
	m.SetDescription(ptr(p.Description))
	m.SetPinRequired(ptr(p.PinRequired))
	m.SetMinimumPinLength(ptr(p.MinimumPinLength))
	m.SetSimplePinBlocked(ptr(p.SimplePinBlocked))
	m.SetMaximumPinRetries(ptr(p.MaximumPinRetries))
	m.SetFingerprintBlocked(ptr(p.FingerprintBlocked))
	m.SetDataBackupBlocked(ptr(p.DataBackupBlocked))
	m.SetSaveAsBlocked(ptr(p.SaveAsBlocked))
	m.SetPrintBlocked(ptr(p.PrintBlocked))
	m.SetContactSyncBlocked(ptr(p.ContactSyncBlocked))
	m.SetOrganizationalCredentialsRequired(ptr(p.OrganizationalCredentialsRequired))
	m.SetDeviceComplianceRequired(ptr(p.DeviceComplianceRequired))
	if p.MinimumRequiredOsVersion != "" {
		m.SetMinimumRequiredOsVersion(ptr(p.MinimumRequiredOsVersion))
	}
	if p.MinimumWarningOsVersion != "" {
		m.SetMinimumWarningOsVersion(ptr(p.MinimumWarningOsVersion))
	}
	if p.PinCharacterSet != "" {
		v, err := enumValue[models.ManagedAppPinCharacterSet]("pin character set", p.PinCharacterSet, models.ParseManagedAppPinCharacterSet)
		if err != nil {
			return err
		}
		m.SetPinCharacterSet(v)
	}
	if p.AllowedOutboundClipboardSharingLevel != "" {
		v, err := enumValue[models.ManagedAppClipboardSharingLevel]("clipboard sharing level", p.AllowedOutboundClipboardSharingLevel, models.ParseManagedAppClipboardSharingLevel)
		if err != nil {
			return err
		}
		m.SetAllowedOutboundClipboardSharingLevel(v)
	}
	if p.AllowedInboundDataTransferSources != "" {
		v, err := enumValue[models.ManagedAppDataTransferLevel]("inbound data transfer sources", p.AllowedInboundDataTransferSources, models.ParseManagedAppDataTransferLevel)
		if err != nil {
			return err
		}
		m.SetAllowedInboundDataTransferSources(v)
	}
	if p.AllowedOutboundDataTransferDestinations != "" {
		v, err := enumValue[models.ManagedAppDataTransferLevel]("outbound data transfer destinations", p.AllowedOutboundDataTransferDestinations, models.ParseManagedAppDataTransferLevel)
		if err != nil {
			return err
		}
		m.SetAllowedOutboundDataTransferDestinations(v)
	}
	locs, err := enumValues[models.ManagedAppDataStorageLocation]("data storage location", list(p.AllowedDataStorageLocations), models.ParseManagedAppDataStorageLocation)
	if err != nil {
		return err
	}
	m.SetAllowedDataStorageLocations(locs)
	// Durations go as the strings given: Kiota's ISODuration rewrites P90D as
	// P12W6D (weeks), which .NET's xs:duration parser behind Graph refuses.
	extra := m.GetAdditionalData()
	if extra == nil {
		extra = map[string]any{}
	}
	for k, v := range map[string]string{
		"periodBeforePinReset":              p.PeriodBeforePinReset,
		"periodOfflineBeforeAccessCheck":    p.PeriodOfflineBeforeAccessCheck,
		"periodOnlineBeforeAccessCheck":     p.PeriodOnlineBeforeAccessCheck,
		"periodOfflineBeforeWipeIsEnforced": p.PeriodOfflineBeforeWipeIsEnforced,
	} {
		if v == "" {
			continue
		}
		if _, err := ParseDuration(v); err != nil {
			return fmt.Errorf("%s: %w", k, err)
		}
		extra[k] = ptr(v)
	}
	m.SetAdditionalData(extra)
	return nil
}

func iosToModel(p *AppProtectionPolicy) (models.IosManagedAppProtectionable, error) {
	m := models.NewIosManagedAppProtection()
	m.SetOdataType(ptr("#microsoft.graph.iosManagedAppProtection"))
	if err := setCommon(m, p); err != nil {
		return nil, err
	}
	m.SetFaceIdBlocked(ptr(p.FaceIDBlocked))
	if p.AppDataEncryptionType != "" {
		v, err := enumValue[models.ManagedAppDataEncryptionType]("app data encryption type", p.AppDataEncryptionType, models.ParseManagedAppDataEncryptionType)
		if err != nil {
			return nil, err
		}
		m.SetAppDataEncryptionType(v)
	}
	return m, nil
}

func androidToModel(p *AppProtectionPolicy) (models.AndroidManagedAppProtectionable, error) {
	m := models.NewAndroidManagedAppProtection()
	m.SetOdataType(ptr("#microsoft.graph.androidManagedAppProtection"))
	if err := setCommon(m, p); err != nil {
		return nil, err
	}
	m.SetEncryptAppData(ptr(p.EncryptAppData))
	m.SetScreenCaptureBlocked(ptr(p.ScreenCaptureBlocked))
	return m, nil
}

// ---- durations ----

// durationRE is the subset of xs:duration this provider writes: days and a
// time part, whole numbers (no years, months or weeks, whose length varies
// or which Graph's parser refuses).
var durationRE = regexp.MustCompile(`^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$`)

// ParseDuration reads an ISO 8601 duration such as P90D, PT12H or P1DT30M.
func ParseDuration(s string) (time.Duration, error) {
	m := durationRE.FindStringSubmatch(s)
	if m == nil || s == "P" || strings.HasSuffix(s, "T") {
		return 0, fmt.Errorf("%q is not an ISO 8601 duration of days, hours, minutes and seconds such as P90D, PT12H or P1DT30M", s)
	}
	var d time.Duration
	for i, unit := range []time.Duration{24 * time.Hour, time.Hour, time.Minute, time.Second} {
		if m[i+1] == "" {
			continue
		}
		n, err := strconv.ParseInt(m[i+1], 10, 32)
		if err != nil {
			return 0, fmt.Errorf("%q: %w", s, err)
		}
		d += time.Duration(n) * unit
	}
	return d, nil
}

// FormatDuration writes d in the form ParseDuration reads: whole days, then
// hours, minutes and seconds (P90D, PT12H, P1DT30M; PT0S for zero).
func FormatDuration(d time.Duration) string {
	if d <= 0 {
		return "PT0S"
	}
	d = d.Truncate(time.Second)
	days := int64(d / (24 * time.Hour))
	d -= time.Duration(days) * 24 * time.Hour
	h, m, s := d/time.Hour, (d%time.Hour)/time.Minute, (d%time.Minute)/time.Second
	var b strings.Builder
	b.WriteString("P")
	if days > 0 {
		fmt.Fprintf(&b, "%dD", days)
	}
	if h > 0 || m > 0 || s > 0 {
		b.WriteString("T")
		if h > 0 {
			fmt.Fprintf(&b, "%dH", h)
		}
		if m > 0 {
			fmt.Fprintf(&b, "%dM", m)
		}
		if s > 0 {
			fmt.Fprintf(&b, "%dS", s)
		}
	}
	return b.String()
}

// durationString formats a duration the SDK parsed ("" for none). Kiota
// keeps whole units only (a sign or fraction is dropped); the values the
// Intune admin center and this provider write are whole.
func durationString(d *serialization.ISODuration) string {
	if d == nil {
		return ""
	}
	td, err := d.ToDuration()
	if err != nil {
		return ""
	}
	return FormatDuration(td)
}
