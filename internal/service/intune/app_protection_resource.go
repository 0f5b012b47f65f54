package intune

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/baseline"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/clients/graph"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/flex"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/framework"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/poll"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/service/existing"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/transport"
)

// Resource type names.
const (
	IOSType     = "teamshipaa_ios_app_protection_policy"
	AndroidType = "teamshipaa_android_app_protection_policy"
)

// protectionResource manages one platform's app protection policies; M is
// the platform's model (iosModel or androidModel). Read, Update and Delete
// are internal/framework's one lifecycle; Create follows it but is its own,
// because a policy takes three calls (create, targetApps, assign) and the id
// must be saved after the first.
type protectionResource[M any, PM interface {
	*M
	model
}] struct {
	framework.ResourceWithBaseline
	framework.WithImportByID
	platform string // graph.PlatformIOS or graph.PlatformAndroid
	schema   func(ctx context.Context) schema.Schema
}

var (
	_ resource.ResourceWithConfigure   = (*protectionResource[iosModel, *iosModel])(nil)
	_ resource.ResourceWithImportState = (*protectionResource[iosModel, *iosModel])(nil)
	_ resource.ResourceWithModifyPlan  = (*protectionResource[iosModel, *iosModel])(nil)
	_ resource.ResourceWithConfigure   = (*protectionResource[androidModel, *androidModel])(nil)
	_ resource.ResourceWithImportState = (*protectionResource[androidModel, *androidModel])(nil)
	_ resource.ResourceWithModifyPlan  = (*protectionResource[androidModel, *androidModel])(nil)
)

func newIOSResource() resource.Resource {
	return &protectionResource[iosModel, *iosModel]{ResourceWithBaseline: framework.NewBaselineResource(IOSType), platform: graph.PlatformIOS, schema: func(ctx context.Context) schema.Schema {
		s := schemaFor(ctx, "iOS", "bundle id", baseline.TeamsBundleID, map[string]schema.Attribute{
			"app_data_encryption_type": schema.StringAttribute{Optional: true, Computed: true, Default: stringdefault.StaticString("whenDeviceLocked"),
				MarkdownDescription: "When the app's data is encrypted (iOS data protection classes) (HB.DEVICE.17). One of " +
					flex.Backticked(graph.DataEncryptionTypes) + "; default `whenDeviceLocked`.",
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
	return &protectionResource[androidModel, *androidModel]{ResourceWithBaseline: framework.NewBaselineResource(AndroidType), platform: graph.PlatformAndroid, schema: func(ctx context.Context) schema.Schema {
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

func (r *protectionResource[M, PM]) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = r.schema(ctx)
	r.AddBaselineSchema(resp.Schema.Attributes)
}

func (r *protectionResource[M, PM]) what(name string) string {
	return fmt.Sprintf("%s app protection policy %q", map[string]string{graph.PlatformIOS: "iOS", graph.PlatformAndroid: "Android"}[r.platform], name)
}

// object is the policy's lifecycle (internal/framework).
func (r *protectionResource[M, PM]) object() framework.Object[M, *graph.AppProtectionPolicy] {
	return framework.Object[M, *graph.AppProtectionPolicy]{
		What: r.platform + " app protection policy", TypeName: r.TypeName(),
		ID:       func(m M) types.String { return PM(&m).common().ID },
		Name:     func(m M) string { return PM(&m).common().DisplayName.ValueString() },
		Timeouts: func(m M) timeouts.Value { return PM(&m).common().Timeouts },
		Get: func(ctx context.Context, id string) (*graph.AppProtectionPolicy, bool, error) {
			return r.get(id)(ctx)
		},
		Flatten: func(_ context.Context, got *graph.AppProtectionPolicy, prior M, _ *diag.Diagnostics) M {
			fromAPI(got, PM(&prior))
			return prior
		},
		Matches: func(ctx context.Context, plan M) func(*graph.AppProtectionPolicy) bool {
			var d diag.Diagnostics
			want := toAPI(ctx, r.platform, PM(&plan), &d)
			return func(got *graph.AppProtectionPolicy) bool { return matches(want, got) }
		},
		Find: func(ctx context.Context, plan M, diags *diag.Diagnostics) (*graph.AppProtectionPolicy, string, bool) {
			name := PM(&plan).common().DisplayName.ValueString()
			// Display names are not unique in Intune: one an interrupted apply
			// created is not duplicated.
			same, err := r.Client.Graph.AppProtectionsNamed(ctx, r.platform, name)
			switch {
			case err != nil:
				diags.AddError("Looking for an existing "+r.what(name), err.Error())
			case len(same) > 1:
				diags.AddError(fmt.Sprintf("%d policies are the %s", len(same), r.what(name)),
					"Adopting or adding another would be ambiguous. Keep one (import it with its id) and delete or rename the others.\n\n"+
						existing.ImportBlock(r.TypeName(), same[0].ID))
			case len(same) == 1:
				full, err := r.Client.Graph.GetAppProtection(ctx, r.platform, same[0].ID)
				if err != nil {
					diags.AddError("Reading the existing "+r.what(name), err.Error())
					return nil, "", false
				}
				return full, full.ID, true
			}
			return nil, "", false
		},
		Update: func(ctx context.Context, id string, plan, _ M, _ tfsdk.Config, diags *diag.Diagnostics) {
			want := toAPI(ctx, r.platform, PM(&plan), diags)
			if diags.HasError() {
				return
			}
			if err := r.write(ctx, id, want); err != nil {
				diags.AddError("Updating the "+r.what(want.DisplayName)+" ("+id+")", err.Error())
			}
		},
		Remove: func(ctx context.Context, id string, diags *diag.Diagnostics) {
			if err := r.Client.Graph.DeleteAppProtection(ctx, r.platform, id); err != nil && !transport.IsNotFound(err) {
				diags.AddError("Deleting the "+r.platform+" app protection policy "+id, err.Error())
			}
		},
	}
}

// write sets the policy's settings (PATCH), then its apps and groups.
func (r *protectionResource[M, PM]) write(ctx context.Context, id string, want *graph.AppProtectionPolicy) error {
	if err := r.Client.Graph.UpdateAppProtection(ctx, id, want); err != nil {
		return err
	}
	return r.writeTargets(ctx, id, want)
}

func (r *protectionResource[M, PM]) writeTargets(ctx context.Context, id string, want *graph.AppProtectionPolicy) error {
	if err := r.Client.Graph.SetAppProtectionApps(ctx, r.platform, id, want.Apps); err != nil {
		return fmt.Errorf("setting the apps (targetApps): %w", err)
	}
	if err := r.Client.Graph.AssignAppProtection(ctx, id, want.Assignments); err != nil {
		return fmt.Errorf("assigning the groups (assign): %w", err)
	}
	return nil
}

// Create is the framework's create (find or adopt, create, save the id,
// read back) with the apps and groups set between the create and the
// read-back: a failure there leaves the new policy's id in the state.
func (r *protectionResource[M, PM]) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	o := r.object()
	plan := PM(new(M))
	resp.Diagnostics.Append(req.Plan.Get(ctx, plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	timeout := framework.Timeout(ctx, plan.common().Timeouts, framework.Create, &resp.Diagnostics)
	want := toAPI(ctx, r.platform, plan, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	what := r.what(want.DisplayName)
	_, id, found := o.Find(ctx, *plan, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	if found {
		if !existing.Adopt(ctx, req.Plan, &resp.Diagnostics) {
			existing.Refuse(&resp.Diagnostics, r.TypeName(), what, id)
			return
		}
		if err := r.write(ctx, id, want); err != nil {
			resp.Diagnostics.AddError("Adopting the "+what+" ("+id+")", err.Error())
			return
		}
	} else {
		created, err := r.Client.Graph.CreateAppProtection(ctx, want)
		if err != nil {
			resp.Diagnostics.AddError("Creating the "+what, err.Error())
			return
		}
		id = created.ID
	}
	framework.SaveID(ctx, req.Plan, id, &resp.State, &resp.Diagnostics)
	if !found {
		if err := r.writeTargets(ctx, id, want); err != nil {
			resp.Diagnostics.AddError("Targeting the new "+what+" ("+id+")", err.Error()+
				"\n\nThe policy was created and its id is saved in the state; the next apply sets its apps and groups again.")
			return
		}
	}
	got, err := poll.ReadBack(ctx, poll.Options{Timeout: timeout}, what+" "+id+" to read back as written",
		r.get(id), func(p *graph.AppProtectionPolicy) bool { return matches(want, p) })
	if err != nil {
		resp.Diagnostics.AddError("Reading back the "+what+" ("+id+")", err.Error()+
			"\n\nThe policy was written and its id is saved in the state; the next plan reads it again.")
		return
	}
	fromAPI(got, plan)
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

// get reads the policy, absent on a 404.
func (r *protectionResource[M, PM]) get(id string) poll.Read[*graph.AppProtectionPolicy] {
	return transport.Found(func(ctx context.Context) (*graph.AppProtectionPolicy, error) {
		return r.Client.Graph.GetAppProtection(ctx, r.platform, id)
	})
}

func (r *protectionResource[M, PM]) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	r.object().ReadResource(ctx, req, resp)
}

func (r *protectionResource[M, PM]) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	r.object().UpdateResource(ctx, req, resp)
}

func (r *protectionResource[M, PM]) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	r.object().DeleteResource(ctx, req, resp)
}
