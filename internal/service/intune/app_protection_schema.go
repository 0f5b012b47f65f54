package intune

import (
	"context"
	"fmt"
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64default"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/setdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/clients/graph"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/flex"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/framework"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/service/existing"
)

const permissions = "\n\n**Permissions.** The app registration needs the Microsoft Graph application permission " +
	"`DeviceManagementApps.ReadWrite.All`, admin-consented, and the tenant an Intune licence. A 403 names the permission. " +
	"The provider uses Graph v1.0 only.\n\n" +
	"**Not in Graph v1.0.** The action after too many PIN attempts or on a jailbroken or rooted device (block or wipe), and a " +
	"minimum OS version that wipes, exist only in Graph beta (`appActionIfMaximumPinRetriesExceeded`, " +
	"`appActionIfDeviceComplianceRequired`, `minimumWipeOsVersion`), so this resource does not manage them: on v1.0, " +
	"`maximum_pin_retries` blocks the app after that many wrong PINs, `device_compliance_required` blocks it on a jailbroken or " +
	"rooted device, and `period_offline_before_wipe_is_enforced` wipes its data after that long offline. A selective wipe of a " +
	"lost phone is started in the Intune admin center (Apps > App selective wipe) for the user and device."

var (
	osVersionRE = regexp.MustCompile(`^[0-9]+(\.[0-9]+){0,3}$`)
	appIDRE     = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]*$`)
)

func enumAttr(desc string, values []string, def string) schema.StringAttribute {
	return schema.StringAttribute{Optional: true, Computed: true, Default: stringdefault.StaticString(def),
		MarkdownDescription: desc + " One of " + flex.Backticked(values) + "; default `" + def + "`.",
		Validators:          []validator.String{stringvalidator.OneOf(values...)}}
}

// boolAttr is a setting whose default is false (as every such setting's is).
func boolAttr(desc string) schema.BoolAttribute {
	return schema.BoolAttribute{Optional: true, Computed: true, Default: booldefault.StaticBool(false),
		MarkdownDescription: desc + " Default `false`."}
}

func durationAttr(desc, def string) schema.StringAttribute {
	return schema.StringAttribute{Optional: true, Computed: true, Default: stringdefault.StaticString(def),
		MarkdownDescription: desc + " An ISO 8601 duration of days, hours, minutes and seconds written as Graph returns it " +
			"(for example `P90D`, `PT12H`, `P1DT6H`); default `" + def + "`.",
		Validators: []validator.String{durationValidator{}}}
}

// schemaFor is the schema of a platform's resource: the shared attributes
// and extra.
func schemaFor(ctx context.Context, platformName, appKind, teamsID string, extra map[string]schema.Attribute) schema.Schema {
	attrs := map[string]schema.Attribute{
		"id": schema.StringAttribute{Computed: true, MarkdownDescription: "The policy's id.",
			PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()}},
		"display_name": schema.StringAttribute{Required: true, MarkdownDescription: "Display name.",
			Validators: []validator.String{stringvalidator.LengthBetween(1, 256)}},
		"description": schema.StringAttribute{Optional: true, Computed: true, Default: stringdefault.StaticString(""),
			MarkdownDescription: "Description."},

		"pin_required": boolAttr("Whether opening a protected app needs an app PIN (HB.DEVICE.3/4)."),
		"minimum_pin_length": schema.Int64Attribute{Optional: true, Computed: true, Default: int64default.StaticInt64(4),
			MarkdownDescription: "Shortest app PIN, 4 to 14 (the range of the Intune admin center); default `4`.",
			Validators:          []validator.Int64{int64validator.Between(4, 14)}},
		"pin_character_set":  enumAttr("Characters the app PIN may use.", graph.PinCharacterSets, "numeric"),
		"simple_pin_blocked": boolAttr("Whether PINs such as 1111 or 1234 are refused."),
		"maximum_pin_retries": schema.Int64Attribute{Optional: true, Computed: true, Default: int64default.StaticInt64(5),
			MarkdownDescription: "Wrong PINs before the app blocks (on v1.0; see the note on wipe below), 1 to 99; default `5`.",
			Validators:          []validator.Int64{int64validator.Between(1, 99)}},
		"fingerprint_blocked":     boolAttr("Whether a fingerprint may not replace the PIN."),
		"period_before_pin_reset": durationAttr("How often the PIN must be changed (`PT0S`: never).", "PT0S"),

		"data_backup_blocked": boolAttr("Whether the app's data is kept out of the device's backups (iCloud, Android backup) (HB.DEVICE.5/6)."),
		"save_as_blocked":     boolAttr("Whether Save As to storage other than `allowed_data_storage_locations` is blocked (HB.DEVICE.7/8)."),
		"allowed_data_storage_locations": schema.SetAttribute{Optional: true, Computed: true, ElementType: types.StringType,
			Default:             setdefault.StaticValue(types.SetValueMust(types.StringType, []attr.Value{})),
			MarkdownDescription: "Where users may save copies when `save_as_blocked` is true: any of " + flex.Backticked(graph.DataStorageLocations) + "; default none.",
			Validators:          []validator.Set{setvalidator.ValueStringsAre(stringvalidator.OneOf(graph.DataStorageLocations...))}},
		"allowed_outbound_clipboard_sharing_level": enumAttr("Where text cut or copied in a protected app may be pasted (HB.DEVICE.11/12).",
			graph.ClipboardSharingLevels, "allApps"),
		"allowed_inbound_data_transfer_sources": enumAttr("Which apps may send data into protected apps.", graph.DataTransferLevels, "allApps"),
		"allowed_outbound_data_transfer_destinations": enumAttr("Which apps protected apps may send data to (open in, share) (HB.DEVICE.9/10).",
			graph.DataTransferLevels, "allApps"),
		"print_blocked":                       boolAttr("Whether printing from protected apps is blocked."),
		"contact_sync_blocked":                boolAttr("Whether protected apps may not sync contacts to the device's address book."),
		"organizational_credentials_required": boolAttr("Whether the work account's credentials are asked for in place of the PIN."),
		"device_compliance_required": boolAttr("Whether protected apps refuse to run on a jailbroken or rooted device " +
			"(Graph's jailbreak and root detection; on v1.0 the app is blocked) (HB.DEVICE.15/16)."),

		"period_offline_before_access_check": durationAttr("How long a protected app may run offline before it checks access again.", "PT12H"),
		"period_online_before_access_check":  durationAttr("How often a protected app online checks access.", "PT30M"),
		"period_offline_before_wipe_is_enforced": durationAttr("How long a protected app may stay offline before its "+
			"organization data is wiped (HB.DEVICE.13/14: at most 90 days).", "P90D"),

		"minimum_required_os_version": schema.StringAttribute{Optional: true,
			MarkdownDescription: "Oldest " + platformName + " version on which protected apps open (for example `16.0`); unset: any.",
			Validators:          []validator.String{stringvalidator.RegexMatches(osVersionRE, "must be a version such as 16.0 or 16.4.1")}},
		"minimum_warning_os_version": schema.StringAttribute{Optional: true,
			MarkdownDescription: "Oldest " + platformName + " version on which protected apps open without a warning; unset: none.",
			Validators:          []validator.String{stringvalidator.RegexMatches(osVersionRE, "must be a version such as 16.0 or 16.4.1")}},

		"apps": schema.SetAttribute{Required: true, ElementType: types.StringType,
			MarkdownDescription: "The apps the policy protects, by " + appKind + " (set with Graph's `targetApps` action): Microsoft Teams is `" +
				teamsID + "`; add the apps Teams hands files to (Outlook, Word, Excel, PowerPoint, OneDrive, Edge...).",
			Validators: []validator.Set{setvalidator.SizeAtLeast(1),
				setvalidator.ValueStringsAre(stringvalidator.RegexMatches(appIDRE, "must be an app's "+appKind+", such as "+teamsID))}},
		"include_group_ids": schema.SetAttribute{Optional: true, ElementType: types.StringType,
			MarkdownDescription: "Object ids of the Entra groups the policy applies to (set with Graph's `assign` action). Unset: nobody, so the policy protects nothing.",
			Validators:          []validator.Set{setvalidator.SizeAtLeast(1), setvalidator.ValueStringsAre(stringvalidator.RegexMatches(framework.GUID, "must be a group's object id (a GUID)"))}},
		"exclude_group_ids": schema.SetAttribute{Optional: true, ElementType: types.StringType,
			MarkdownDescription: "Object ids of Entra groups left out of the policy.",
			Validators:          []validator.Set{setvalidator.SizeAtLeast(1), setvalidator.ValueStringsAre(stringvalidator.RegexMatches(framework.GUID, "must be a group's object id (a GUID)"))}},

		"timeouts":    framework.TimeoutsAttribute(ctx),
		existing.Attr: existing.Attribute(platformName+" app protection policy", "display name"),
	}
	for k, v := range extra {
		attrs[k] = v
	}
	return schema.Schema{Attributes: attrs}
}

// durationValidator accepts the durations graph.ParseDuration reads, spelled
// as the service returns them (so state matches configuration).
type durationValidator struct{}

func (durationValidator) Description(context.Context) string {
	return "an ISO 8601 duration such as P90D, PT12H or P1DT6H"
}
func (v durationValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }
func (durationValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	s := req.ConfigValue.ValueString()
	d, err := graph.ParseDuration(s)
	if err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid duration", err.Error()+".")
		return
	}
	if canon := graph.FormatDuration(d); canon != s {
		resp.Diagnostics.AddAttributeError(req.Path, "Duration not in Graph's spelling",
			fmt.Sprintf("%q is %q as Graph returns it; write %q so the next plan shows no change.", s, canon, canon))
	}
}
