package intune

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/baseline"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/clients/graph"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/conns"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/poll"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/service/baselinecheck"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/service/existing"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/transport"
)

// defaultTimeout bounds a write and its read-back unless timeouts says otherwise.
const defaultTimeout = 10 * time.Minute

// Resource type names.
const (
	IOSType     = "teamshipaa_ios_app_protection_policy"
	AndroidType = "teamshipaa_android_app_protection_policy"
)

// protectionResource manages one platform's app protection policies; M is
// the platform's model (iosModel or androidModel).
type protectionResource[M any, PM interface {
	*M
	model
}] struct {
	client   *conns.Client
	platform string // graph.PlatformIOS or graph.PlatformAndroid
	typeName string
	schema   func(ctx context.Context) schema.Schema
}

var (
	_ resource.ResourceWithConfigure   = (*protectionResource[iosModel, *iosModel])(nil)
	_ resource.ResourceWithImportState = (*protectionResource[iosModel, *iosModel])(nil)
	_ resource.ResourceWithModifyPlan  = (*protectionResource[androidModel, *androidModel])(nil)
	_ resource.ResourceWithImportState = (*protectionResource[androidModel, *androidModel])(nil)
	_ resource.ResourceWithConfigure   = (*protectionResource[androidModel, *androidModel])(nil)
	_ resource.ResourceWithModifyPlan  = (*protectionResource[iosModel, *iosModel])(nil)
)

func newIOSResource() resource.Resource {
	return &protectionResource[iosModel, *iosModel]{platform: graph.PlatformIOS, typeName: IOSType, schema: func(ctx context.Context) schema.Schema {
		s := schemaFor(ctx, "iOS", "bundle id", baseline.TeamsBundleID, map[string]schema.Attribute{
			"app_data_encryption_type": schema.StringAttribute{Optional: true, Computed: true, Default: stringdefault.StaticString("whenDeviceLocked"),
				MarkdownDescription: "When the app's data is encrypted (iOS data protection classes) (HB.DEVICE.17). One of " +
					backticked(graph.DataEncryptionTypes) + "; default `whenDeviceLocked`.",
				Validators: []validator.String{stringvalidator.OneOf(graph.DataEncryptionTypes...)}},
			"face_id_blocked": schema.BoolAttribute{Optional: true, Computed: true, Default: booldefault.StaticBool(false),
				MarkdownDescription: "Whether Face ID may not replace the PIN. Default `false`."},
		})
		s.MarkdownDescription = "An Intune app protection policy for iOS and iPadOS (Microsoft Graph v1.0 `iosManagedAppProtection`): " +
			"the data protection, access and conditional launch settings of the apps it targets (by bundle id), for the Entra groups it " +
			"is assigned to. With a conditional access policy requiring `compliantApplication` (HB.DEVICE.19), Teams on a personal " +
			"iPhone is reachable only from a protected app whose organization data Intune can wipe." + permissions
		return s
	}}
}

func newAndroidResource() resource.Resource {
	return &protectionResource[androidModel, *androidModel]{platform: graph.PlatformAndroid, typeName: AndroidType, schema: func(ctx context.Context) schema.Schema {
		s := schemaFor(ctx, "Android", "package id", baseline.TeamsPackageID, map[string]schema.Attribute{
			"encrypt_app_data": schema.BoolAttribute{Optional: true, Computed: true, Default: booldefault.StaticBool(true),
				MarkdownDescription: "Whether Intune encrypts the app's data (HB.DEVICE.18). Default `true`."},
			"screen_capture_blocked": schema.BoolAttribute{Optional: true, Computed: true, Default: booldefault.StaticBool(false),
				MarkdownDescription: "Whether screenshots of protected apps are blocked. Default `false`."},
		})
		s.MarkdownDescription = "An Intune app protection policy for Android (Microsoft Graph v1.0 `androidManagedAppProtection`): " +
			"the data protection, access and conditional launch settings of the apps it targets (by package id), for the Entra groups " +
			"it is assigned to. With a conditional access policy requiring `compliantApplication` (HB.DEVICE.19), Teams on a personal " +
			"Android phone is reachable only from a protected app whose organization data Intune can wipe." + permissions
		return s
	}}
}

func (r *protectionResource[M, PM]) Metadata(_ context.Context, _ resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = r.typeName
}

func (r *protectionResource[M, PM]) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = r.schema(ctx)
	baselinecheck.AddSchema(r.typeName, resp.Schema.Attributes)
}

func (r *protectionResource[M, PM]) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = conns.FromProviderData(req.ProviderData, &resp.Diagnostics)
}

func (r *protectionResource[M, PM]) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if r.client == nil {
		return
	}
	baselinecheck.ModifyPlan(ctx, r.typeName, r.client, req, resp)
}

func (r *protectionResource[M, PM]) what(name string) string {
	return fmt.Sprintf("%s app protection policy %q", map[string]string{graph.PlatformIOS: "iOS", graph.PlatformAndroid: "Android"}[r.platform], name)
}

// write sets the policy's settings (create or PATCH), then its apps and groups.
func (r *protectionResource[M, PM]) write(ctx context.Context, id string, want *graph.AppProtectionPolicy) error {
	g := r.client.Graph
	if err := g.UpdateAppProtection(ctx, id, want); err != nil {
		return err
	}
	return r.writeTargets(ctx, id, want)
}

func (r *protectionResource[M, PM]) writeTargets(ctx context.Context, id string, want *graph.AppProtectionPolicy) error {
	if err := r.client.Graph.SetAppProtectionApps(ctx, r.platform, id, want.Apps); err != nil {
		return fmt.Errorf("setting the apps (targetApps): %w", err)
	}
	if err := r.client.Graph.AssignAppProtection(ctx, id, want.Assignments); err != nil {
		return fmt.Errorf("assigning the groups (assign): %w", err)
	}
	return nil
}

func (r *protectionResource[M, PM]) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	plan := PM(new(M))
	resp.Diagnostics.Append(req.Plan.Get(ctx, plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	c := plan.common()
	timeout, d := c.Timeouts.Create(ctx, defaultTimeout)
	resp.Diagnostics.Append(d...)
	want := toAPI(ctx, r.platform, plan, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	what := r.what(want.DisplayName)
	// Display names are not unique in Intune: one an interrupted apply
	// created is not duplicated.
	same, err := r.client.Graph.AppProtectionsNamed(ctx, r.platform, want.DisplayName)
	if err != nil {
		resp.Diagnostics.AddError("Looking for an existing "+what, err.Error())
		return
	}
	adopt := existing.Adopt(ctx, req.Plan, &resp.Diagnostics)
	var id string
	switch {
	case len(same) > 1:
		resp.Diagnostics.AddError(fmt.Sprintf("%d policies are the %s", len(same), what),
			"Adopting or adding another would be ambiguous. Keep one (import it with its id) and delete or rename the others.\n\n"+
				existing.ImportBlock(r.typeName, same[0].ID))
		return
	case len(same) == 1 && !adopt:
		existing.Refuse(&resp.Diagnostics, r.typeName, what, same[0].ID)
		return
	case len(same) == 1:
		id = same[0].ID
		if err := r.write(ctx, id, want); err != nil {
			resp.Diagnostics.AddError("Adopting the "+what+" ("+id+")", err.Error())
			return
		}
	default:
		created, err := r.client.Graph.CreateAppProtection(ctx, want)
		if err != nil {
			resp.Diagnostics.AddError("Creating the "+what, err.Error())
			return
		}
		id = created.ID
	}
	// Save the id first: a failure from here on must not orphan the policy.
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), types.StringValue(id))...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("timeouts"), c.Timeouts)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root(existing.Attr), c.AdoptExisting)...)
	baselinecheck.CopyArgs(ctx, req.Plan, &resp.State, &resp.Diagnostics)
	if len(same) == 0 {
		if err := r.writeTargets(ctx, id, want); err != nil {
			resp.Diagnostics.AddError("Targeting the new "+what+" ("+id+")", err.Error()+
				"\n\nThe policy was created and its id is saved in the state; the next apply sets its apps and groups again.")
			return
		}
	}
	got, err := r.waitFor(ctx, id, want)
	if err != nil {
		resp.Diagnostics.AddError("Reading back the "+what+" ("+id+")", err.Error()+
			"\n\nThe policy was written and its id is saved in the state; the next plan reads it again.")
		return
	}
	fromAPI(got, plan)
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

// waitFor polls until the policy reads back with want's values.
func (r *protectionResource[M, PM]) waitFor(ctx context.Context, id string, want *graph.AppProtectionPolicy) (*graph.AppProtectionPolicy, error) {
	return poll.ReadBack(ctx, poll.Options{Timeout: remaining(ctx)}, r.platform+" app protection policy "+id+" to read back as written",
		r.get(id), func(p *graph.AppProtectionPolicy) bool { return matches(want, p) })
}

// get reads the policy, absent on a 404.
func (r *protectionResource[M, PM]) get(id string) poll.Read[*graph.AppProtectionPolicy] {
	return transport.Found(func(ctx context.Context) (*graph.AppProtectionPolicy, error) {
		return r.client.Graph.GetAppProtection(ctx, r.platform, id)
	})
}

func (r *protectionResource[M, PM]) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	state := PM(new(M))
	resp.Diagnostics.Append(req.State.Get(ctx, state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := state.common().ID.ValueString()
	got, err := r.client.Graph.GetAppProtection(ctx, r.platform, id)
	if transport.IsNotFound(err) {
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		resp.Diagnostics.AddError("Reading the "+r.platform+" app protection policy "+id, err.Error())
		return
	}
	fromAPI(got, state)
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
}

func (r *protectionResource[M, PM]) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	plan, state := PM(new(M)), PM(new(M))
	resp.Diagnostics.Append(req.Plan.Get(ctx, plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	timeout, d := plan.common().Timeouts.Update(ctx, defaultTimeout)
	resp.Diagnostics.Append(d...)
	want := toAPI(ctx, r.platform, plan, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	id := state.common().ID.ValueString()
	if err := r.write(ctx, id, want); err != nil {
		resp.Diagnostics.AddError("Updating the "+r.what(want.DisplayName)+" ("+id+")", err.Error())
		return
	}
	got, err := r.waitFor(ctx, id, want)
	if err != nil {
		resp.Diagnostics.AddError("Reading back the "+r.what(want.DisplayName)+" ("+id+")", err.Error())
		return
	}
	fromAPI(got, plan)
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

func (r *protectionResource[M, PM]) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	state := PM(new(M))
	resp.Diagnostics.Append(req.State.Get(ctx, state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	timeout, d := state.common().Timeouts.Delete(ctx, defaultTimeout)
	resp.Diagnostics.Append(d...)
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	id := state.common().ID.ValueString()
	if err := r.client.Graph.DeleteAppProtection(ctx, r.platform, id); err != nil && !transport.IsNotFound(err) {
		resp.Diagnostics.AddError("Deleting the "+r.platform+" app protection policy "+id, err.Error())
		return
	}
	if err := poll.Gone(ctx, poll.Options{Timeout: remaining(ctx)}, r.platform+" app protection policy "+id+" to be gone", r.get(id)); err != nil {
		resp.Diagnostics.AddError("Confirming the deletion of the "+r.platform+" app protection policy "+id, err.Error())
	}
}

func (r *protectionResource[M, PM]) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	if !importIDRE.MatchString(req.ID) {
		resp.Diagnostics.AddError("Unexpected import ID", fmt.Sprintf("Expected the policy's id (as in the Intune admin center's URL or Graph), got %q.", req.ID))
		return
	}
	resource.ImportStatePassthroughID(ctx, path.Root("id"), req, resp)
}

// remaining is the time left before ctx's deadline (the operation timeout).
func remaining(ctx context.Context) time.Duration {
	if d, ok := ctx.Deadline(); ok {
		if r := time.Until(d); r > 0 {
			return r
		}
		return time.Millisecond
	}
	return defaultTimeout
}
