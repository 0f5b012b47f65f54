package intune

import (
	"context"
	"reflect"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/clients/graph"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/flex"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/service/baselinecheck"
)

// protectionModel holds the attributes both platforms share; iosModel and
// androidModel embed it with their own.
type protectionModel struct {
	ID          types.String `tfsdk:"id"`
	DisplayName types.String `tfsdk:"display_name"`
	Description types.String `tfsdk:"description"`

	PinRequired          types.Bool   `tfsdk:"pin_required"`
	MinimumPinLength     types.Int64  `tfsdk:"minimum_pin_length"`
	PinCharacterSet      types.String `tfsdk:"pin_character_set"`
	SimplePinBlocked     types.Bool   `tfsdk:"simple_pin_blocked"`
	MaximumPinRetries    types.Int64  `tfsdk:"maximum_pin_retries"`
	FingerprintBlocked   types.Bool   `tfsdk:"fingerprint_blocked"`
	PeriodBeforePinReset types.String `tfsdk:"period_before_pin_reset"`

	DataBackupBlocked                       types.Bool   `tfsdk:"data_backup_blocked"`
	SaveAsBlocked                           types.Bool   `tfsdk:"save_as_blocked"`
	AllowedDataStorageLocations             types.Set    `tfsdk:"allowed_data_storage_locations"`
	AllowedOutboundClipboardSharingLevel    types.String `tfsdk:"allowed_outbound_clipboard_sharing_level"`
	AllowedInboundDataTransferSources       types.String `tfsdk:"allowed_inbound_data_transfer_sources"`
	AllowedOutboundDataTransferDestinations types.String `tfsdk:"allowed_outbound_data_transfer_destinations"`
	PrintBlocked                            types.Bool   `tfsdk:"print_blocked"`
	ContactSyncBlocked                      types.Bool   `tfsdk:"contact_sync_blocked"`
	OrganizationalCredentialsRequired       types.Bool   `tfsdk:"organizational_credentials_required"`
	DeviceComplianceRequired                types.Bool   `tfsdk:"device_compliance_required"`

	PeriodOfflineBeforeAccessCheck    types.String `tfsdk:"period_offline_before_access_check"`
	PeriodOnlineBeforeAccessCheck     types.String `tfsdk:"period_online_before_access_check"`
	PeriodOfflineBeforeWipeIsEnforced types.String `tfsdk:"period_offline_before_wipe_is_enforced"`

	MinimumRequiredOsVersion types.String `tfsdk:"minimum_required_os_version"`
	MinimumWarningOsVersion  types.String `tfsdk:"minimum_warning_os_version"`

	Apps            types.Set `tfsdk:"apps"`
	IncludeGroupIDs types.Set `tfsdk:"include_group_ids"`
	ExcludeGroupIDs types.Set `tfsdk:"exclude_group_ids"`

	Timeouts      timeouts.Value `tfsdk:"timeouts"`
	AdoptExisting types.Bool     `tfsdk:"adopt_existing"`
	baselinecheck.Args
}

type iosModel struct {
	protectionModel
	AppDataEncryptionType types.String `tfsdk:"app_data_encryption_type"`
	FaceIDBlocked         types.Bool   `tfsdk:"face_id_blocked"`
}

type androidModel struct {
	protectionModel
	EncryptAppData       types.Bool `tfsdk:"encrypt_app_data"`
	ScreenCaptureBlocked types.Bool `tfsdk:"screen_capture_blocked"`
}

// model is what the generic resource needs of a platform's model.
type model interface {
	common() *protectionModel
	// toPlatform and fromPlatform carry the platform's own attributes.
	toPlatform(p *graph.AppProtectionPolicy)
	fromPlatform(p *graph.AppProtectionPolicy)
}

func (m *iosModel) common() *protectionModel { return &m.protectionModel }
func (m *iosModel) toPlatform(p *graph.AppProtectionPolicy) {
	p.AppDataEncryptionType = m.AppDataEncryptionType.ValueString()
	p.FaceIDBlocked = m.FaceIDBlocked.ValueBool()
}
func (m *iosModel) fromPlatform(p *graph.AppProtectionPolicy) {
	m.AppDataEncryptionType = types.StringValue(p.AppDataEncryptionType)
	m.FaceIDBlocked = types.BoolValue(p.FaceIDBlocked)
}

func (m *androidModel) common() *protectionModel { return &m.protectionModel }
func (m *androidModel) toPlatform(p *graph.AppProtectionPolicy) {
	p.EncryptAppData = m.EncryptAppData.ValueBool()
	p.ScreenCaptureBlocked = m.ScreenCaptureBlocked.ValueBool()
}
func (m *androidModel) fromPlatform(p *graph.AppProtectionPolicy) {
	m.EncryptAppData = types.BoolValue(p.EncryptAppData)
	m.ScreenCaptureBlocked = types.BoolValue(p.ScreenCaptureBlocked)
}

// toAPI is the policy m describes.
func toAPI(ctx context.Context, platform string, m model, diags *diag.Diagnostics) *graph.AppProtectionPolicy {
	c := m.common()
	p := &graph.AppProtectionPolicy{
		Platform: platform, DisplayName: c.DisplayName.ValueString(), Description: c.Description.ValueString(),
		PinRequired: c.PinRequired.ValueBool(), MinimumPinLength: int32(c.MinimumPinLength.ValueInt64()),
		PinCharacterSet: c.PinCharacterSet.ValueString(), SimplePinBlocked: c.SimplePinBlocked.ValueBool(),
		MaximumPinRetries: int32(c.MaximumPinRetries.ValueInt64()), FingerprintBlocked: c.FingerprintBlocked.ValueBool(),
		PeriodBeforePinReset: c.PeriodBeforePinReset.ValueString(),
		DataBackupBlocked:    c.DataBackupBlocked.ValueBool(), SaveAsBlocked: c.SaveAsBlocked.ValueBool(),
		AllowedDataStorageLocations:             flex.ExpandStringSet(ctx, c.AllowedDataStorageLocations, diags),
		AllowedOutboundClipboardSharingLevel:    c.AllowedOutboundClipboardSharingLevel.ValueString(),
		AllowedInboundDataTransferSources:       c.AllowedInboundDataTransferSources.ValueString(),
		AllowedOutboundDataTransferDestinations: c.AllowedOutboundDataTransferDestinations.ValueString(),
		PrintBlocked:                            c.PrintBlocked.ValueBool(), ContactSyncBlocked: c.ContactSyncBlocked.ValueBool(),
		OrganizationalCredentialsRequired: c.OrganizationalCredentialsRequired.ValueBool(),
		DeviceComplianceRequired:          c.DeviceComplianceRequired.ValueBool(),
		PeriodOfflineBeforeAccessCheck:    c.PeriodOfflineBeforeAccessCheck.ValueString(),
		PeriodOnlineBeforeAccessCheck:     c.PeriodOnlineBeforeAccessCheck.ValueString(),
		PeriodOfflineBeforeWipeIsEnforced: c.PeriodOfflineBeforeWipeIsEnforced.ValueString(),
		MinimumRequiredOsVersion:          c.MinimumRequiredOsVersion.ValueString(),
		MinimumWarningOsVersion:           c.MinimumWarningOsVersion.ValueString(),
		Apps:                              flex.ExpandStringSet(ctx, c.Apps, diags),
	}
	for _, g := range flex.ExpandStringSet(ctx, c.IncludeGroupIDs, diags) {
		p.Assignments = append(p.Assignments, graph.AppProtectionAssignment{GroupID: g})
	}
	for _, g := range flex.ExpandStringSet(ctx, c.ExcludeGroupIDs, diags) {
		p.Assignments = append(p.Assignments, graph.AppProtectionAssignment{GroupID: g, Exclude: true})
	}
	m.toPlatform(p)
	return p
}

// fromAPI fills m (which holds the plan or the prior state, for the
// configuration-only attributes) from the service's copy p.
func fromAPI(p *graph.AppProtectionPolicy, m model) {
	c := m.common()
	c.ID = types.StringValue(p.ID)
	c.DisplayName = types.StringValue(p.DisplayName)
	c.Description = types.StringValue(p.Description)
	c.PinRequired = types.BoolValue(p.PinRequired)
	c.MinimumPinLength = types.Int64Value(int64(p.MinimumPinLength))
	c.PinCharacterSet = types.StringValue(p.PinCharacterSet)
	c.SimplePinBlocked = types.BoolValue(p.SimplePinBlocked)
	c.MaximumPinRetries = types.Int64Value(int64(p.MaximumPinRetries))
	c.FingerprintBlocked = types.BoolValue(p.FingerprintBlocked)
	c.PeriodBeforePinReset = types.StringValue(p.PeriodBeforePinReset)
	c.DataBackupBlocked = types.BoolValue(p.DataBackupBlocked)
	c.SaveAsBlocked = types.BoolValue(p.SaveAsBlocked)
	c.AllowedDataStorageLocations = emptySetIfNone(p.AllowedDataStorageLocations, c.AllowedDataStorageLocations)
	c.AllowedOutboundClipboardSharingLevel = types.StringValue(p.AllowedOutboundClipboardSharingLevel)
	c.AllowedInboundDataTransferSources = types.StringValue(p.AllowedInboundDataTransferSources)
	c.AllowedOutboundDataTransferDestinations = types.StringValue(p.AllowedOutboundDataTransferDestinations)
	c.PrintBlocked = types.BoolValue(p.PrintBlocked)
	c.ContactSyncBlocked = types.BoolValue(p.ContactSyncBlocked)
	c.OrganizationalCredentialsRequired = types.BoolValue(p.OrganizationalCredentialsRequired)
	c.DeviceComplianceRequired = types.BoolValue(p.DeviceComplianceRequired)
	c.PeriodOfflineBeforeAccessCheck = types.StringValue(p.PeriodOfflineBeforeAccessCheck)
	c.PeriodOnlineBeforeAccessCheck = types.StringValue(p.PeriodOnlineBeforeAccessCheck)
	c.PeriodOfflineBeforeWipeIsEnforced = types.StringValue(p.PeriodOfflineBeforeWipeIsEnforced)
	c.MinimumRequiredOsVersion = flex.StringOrNull(p.MinimumRequiredOsVersion)
	c.MinimumWarningOsVersion = flex.StringOrNull(p.MinimumWarningOsVersion)
	c.Apps = flex.FlattenStringSet(p.Apps, c.Apps)
	var incl, excl []string
	for _, a := range p.Assignments {
		if a.Exclude {
			excl = append(excl, a.GroupID)
		} else {
			incl = append(incl, a.GroupID)
		}
	}
	c.IncludeGroupIDs = flex.FlattenStringSet(incl, c.IncludeGroupIDs)
	c.ExcludeGroupIDs = flex.FlattenStringSet(excl, c.ExcludeGroupIDs)
	c.Args = c.Args.OrNull()
	m.fromPlatform(p)
}

// matches reports whether got carries everything want wrote.
func matches(want, got *graph.AppProtectionPolicy) bool {
	w, g := *want, *got
	w.ID, w.IsAssigned, g.ID, g.IsAssigned = "", false, "", false
	norm := func(p *graph.AppProtectionPolicy) {
		p.AllowedDataStorageLocations = sorted(p.AllowedDataStorageLocations)
		p.Apps = sorted(p.Apps)
		slices.SortFunc(p.Assignments, func(a, b graph.AppProtectionAssignment) int {
			return strings.Compare(strings.ToLower(a.GroupID)+boolKey(a.Exclude), strings.ToLower(b.GroupID)+boolKey(b.Exclude))
		})
		for i := range p.Assignments {
			p.Assignments[i].GroupID = strings.ToLower(p.Assignments[i].GroupID)
		}
		if p.Assignments == nil {
			p.Assignments = []graph.AppProtectionAssignment{}
		}
	}
	w.Assignments, g.Assignments = slices.Clone(w.Assignments), slices.Clone(g.Assignments)
	norm(&w)
	norm(&g)
	// Unset durations are the service's to choose.
	for _, f := range []struct{ w, g *string }{{&w.PeriodBeforePinReset, &g.PeriodBeforePinReset},
		{&w.PeriodOfflineBeforeAccessCheck, &g.PeriodOfflineBeforeAccessCheck}, {&w.PeriodOnlineBeforeAccessCheck, &g.PeriodOnlineBeforeAccessCheck},
		{&w.PeriodOfflineBeforeWipeIsEnforced, &g.PeriodOfflineBeforeWipeIsEnforced}} {
		if *f.w == "" {
			*f.g = ""
		}
	}
	w.PinCharacterSet, g.PinCharacterSet = strings.ToLower(w.PinCharacterSet), strings.ToLower(g.PinCharacterSet)
	return reflect.DeepEqual(w, g)
}

func boolKey(b bool) string {
	if b {
		return "1"
	}
	return "0"
}

func sorted(vs []string) []string {
	out := slices.Clone(vs)
	if out == nil {
		out = []string{}
	}
	slices.Sort(out)
	return out
}

// emptySetIfNone is the state of a set whose default is empty (a
// configuration that leaves it out means []), so a read of none is [] even
// after an import.
func emptySetIfNone(got []string, prior types.Set) types.Set {
	if len(got) == 0 {
		return types.SetValueMust(types.StringType, []attr.Value{})
	}
	return flex.FlattenStringSet(got, prior)
}
