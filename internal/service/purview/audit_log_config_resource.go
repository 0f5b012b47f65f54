package purview

import (
	"context"
	"errors"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/framework"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/poll"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/service/baselinecheck"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/transport"
)

const auditSingletonID = "Global"

var (
	_ resource.ResourceWithConfigure   = (*auditLogConfigResource)(nil)
	_ resource.ResourceWithImportState = (*auditLogConfigResource)(nil)
	_ resource.ResourceWithModifyPlan  = (*auditLogConfigResource)(nil)
)

type auditLogConfigResource struct {
	framework.ResourceWithBaseline
}

func newAuditLogConfigResource() resource.Resource {
	return &auditLogConfigResource{ResourceWithBaseline: framework.NewBaselineResource("teamshipaa_audit_log_config")}
}

type auditLogConfigModel struct {
	ID                              types.String   `tfsdk:"id"`
	UnifiedAuditLogIngestionEnabled types.Bool     `tfsdk:"unified_audit_log_ingestion_enabled"`
	Timeouts                        timeouts.Value `tfsdk:"timeouts"`
	baselinecheck.Args
}

func (r *auditLogConfigResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "The tenant's unified audit log ingestion (`Get-AdminAuditLogConfig` / `Set-AdminAuditLogConfig " +
			"-UnifiedAuditLogIngestionEnabled`, Exchange Online). HIPAA 45 CFR 164.312(b) (audit controls): SCuBA MS.SECURITYSUITE.5.1 and " +
			"CIS 3.1.1 want it on. The mapping to HIPAA is this project's interpretation.\n\n" +
			"A singleton: one per tenant, it always exists. Creating the resource sets the value; **destroying it leaves ingestion as it " +
			"is** (turning audit off is never a side effect of removing configuration) and says so in a warning. Microsoft documents that a " +
			"change can take up to 60 minutes to take effect. Import with the ID `Global`. Graph has no write API for this setting.\n\n" +
			"**A new tenant.** A new Exchange organization is \"dehydrated\" (`Get-OrganizationConfig` reports `IsDehydrated: True`) and refuses " +
			"`Set-AdminAuditLogConfig` until `Enable-OrganizationCustomization` has run once. When a change is needed and the organization is " +
			"dehydrated, the resource runs `Enable-OrganizationCustomization` first (with a warning; it cannot be undone), then waits until the " +
			"organization reads as customized. When ingestion already has the configured value nothing is sent. For this step the app needs the " +
			"Exchange role **Organization Configuration** (for example through the *Organization Management* role group) and **View-Only " +
			"Configuration** to read the organization; without them the error says what to run by hand." +
			wireNote + exchangePermissions,
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{Computed: true, MarkdownDescription: "Always `Global`.",
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()}},
			"unified_audit_log_ingestion_enabled": schema.BoolAttribute{Required: true,
				MarkdownDescription: "Whether user and admin activity is recorded in the unified audit log. Set `true` for the baseline."},
			"timeouts": framework.TimeoutsAttribute(ctx),
		},
	}
	r.AddBaselineSchema(resp.Schema.Attributes)
}

func (r *auditLogConfigResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan auditLogConfigModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	r.write(ctx, plan, framework.Create, &resp.State, &resp.Diagnostics)
}

func (r *auditLogConfigResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan auditLogConfigModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	r.write(ctx, plan, framework.Update, &resp.State, &resp.Diagnostics)
}

func (r *auditLogConfigResource) write(ctx context.Context, plan auditLogConfigModel, op framework.Operation, st *tfsdk.State, diags *diag.Diagnostics) {
	timeout := framework.Timeout(ctx, plan.Timeouts, op, diags)
	if diags.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	c := r.Client.Exchange
	want := plan.UnifiedAuditLogIngestionEnabled.ValueBool()
	plan.ID = types.StringValue(auditSingletonID)
	isWanted := func(o map[string]any) bool {
		b, ok := readBool(field(o, "UnifiedAuditLogIngestionEnabled"))
		return ok && b == want
	}
	// Already as wanted: nothing to send, so a new (dehydrated) organization
	// is not customized for nothing (Enable-OrganizationCustomization cannot
	// be undone).
	if cur, found, err := r.get(ctx); err == nil && found && isWanted(cur) {
		m := modelFromAudit(cur, plan.Timeouts)
		m.Args = plan.Args
		diags.Append(st.Set(ctx, m)...)
		return
	}
	if !r.customize(ctx, diags) {
		return
	}
	_, res, err := c.Invoke(ctx, "Set-AdminAuditLogConfig", map[string]any{"UnifiedAuditLogIngestionEnabled": want})
	addWarnings(diags, c, res)
	if isDehydrated(err) {
		diags.AddError("Setting the unified audit log ingestion", err.Error()+"\n\n"+dehydratedAdvice)
		return
	}
	if err != nil {
		diags.AddError("Setting the unified audit log ingestion", err.Error())
		return
	}
	diags.Append(st.SetAttribute(ctx, path.Root("id"), plan.ID)...)
	got, err := readBack(ctx, timeout, "the audit log configuration", r.get, func(o map[string]any) bool {
		b, ok := readBool(field(o, "UnifiedAuditLogIngestionEnabled"))
		return ok && b == want
	})
	if err != nil {
		diags.AddError("Reading back the audit log configuration", err.Error())
		return
	}
	m := modelFromAudit(got, plan.Timeouts)
	m.Args = plan.Args
	diags.Append(st.Set(ctx, m)...)
}

// A new Microsoft 365 tenant is "dehydrated" (Get-OrganizationConfig:
// IsDehydrated True) and refuses Set-AdminAuditLogConfig with
// InvalidOperationInDehydratedContextException ("...you first need to run the
// command: Enable-OrganizationCustomization.", Azure/SimuLand issue 17;
// MicrosoftLearning MS-102T00 issue 171) until Enable-OrganizationCustomization
// has run once. KelvinTegelaar/CIPP-API's audit log standard checks
// IsDehydrated first and customizes; so does customize. It needs the Exchange
// role Organization Configuration (Organization Management role group) for
// the one call, and View-Only Configuration to read the organization
// (Microsoft365DSC EXOOrganizationConfig settings.json).
const dehydratedAdvice = "This Exchange organization is new (\"dehydrated\"): Microsoft refuses Set-AdminAuditLogConfig until " +
	"Enable-OrganizationCustomization has run once. The provider runs it when Get-OrganizationConfig reports IsDehydrated; give the app " +
	"the Exchange role Organization Configuration (for example through the Organization Management role group), or run " +
	"`Connect-ExchangeOnline; Enable-OrganizationCustomization` once yourself, then apply again."

func isDehydrated(err error) bool {
	var ae *transport.APIError
	return errors.As(err, &ae) && (strings.Contains(ae.TypeName, "DehydratedContext") ||
		strings.Contains(ae.Message, "Enable-OrganizationCustomization"))
}

// customize runs Enable-OrganizationCustomization when the organization is
// dehydrated, and waits (bounded) until it reads as customized. It returns
// false after adding an error. An organization that cannot be read (no
// View-Only Configuration) is left to Set-AdminAuditLogConfig, whose error
// then says what to do.
func (r *auditLogConfigResource) customize(ctx context.Context, diags *diag.Diagnostics) bool {
	c := r.Client.Exchange
	dehydrated := func(ctx context.Context) (bool, error) {
		objs, _, err := c.Invoke(ctx, "Get-OrganizationConfig", nil)
		if err != nil || len(objs) == 0 {
			return false, err
		}
		b, _ := readBool(field(objs[0], "IsDehydrated"))
		return b, nil
	}
	if d, err := dehydrated(ctx); err != nil || !d {
		return true
	}
	_, res, err := c.Invoke(ctx, "Enable-OrganizationCustomization", nil)
	addWarnings(diags, c, res)
	if err != nil {
		diags.AddError("Enabling organization customization (needed once on a new tenant)", err.Error()+"\n\n"+dehydratedAdvice)
		return false
	}
	diags.AddWarning("Organization customization enabled",
		"The Exchange organization was new (\"dehydrated\"), which refuses audit log changes; the provider ran Enable-OrganizationCustomization "+
			"once. It cannot be undone and is what Microsoft asks for before Set-AdminAuditLogConfig.")
	err = poll.Until(ctx, poll.Options{}, "the organization to be customized", func(ctx context.Context) (bool, error) {
		d, err := dehydrated(ctx)
		return !d, err
	})
	if err != nil {
		diags.AddError("Waiting for organization customization", err.Error())
		return false
	}
	return true
}

func (r *auditLogConfigResource) get(ctx context.Context) (map[string]any, bool, error) {
	objs, _, err := r.Client.Exchange.Invoke(ctx, "Get-AdminAuditLogConfig", nil)
	if err != nil || len(objs) == 0 {
		return nil, false, err
	}
	return objs[0], true, nil
}

// modelFromAudit is the state for o; t is the configured timeouts.
func modelFromAudit(o map[string]any, t timeouts.Value) *auditLogConfigModel {
	m := &auditLogConfigModel{ID: types.StringValue(auditSingletonID), UnifiedAuditLogIngestionEnabled: types.BoolNull(), Timeouts: t,
		Args: baselinecheck.Args{}.OrNull()}
	if b, ok := readBool(field(o, "UnifiedAuditLogIngestionEnabled")); ok {
		m.UnifiedAuditLogIngestionEnabled = types.BoolValue(b)
	}
	return m
}

func (r *auditLogConfigResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var t timeouts.Value
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("timeouts"), &t)...)
	objs, res, err := r.Client.Exchange.Invoke(ctx, "Get-AdminAuditLogConfig", nil)
	addWarnings(&resp.Diagnostics, r.Client.Exchange, res)
	if err != nil {
		resp.Diagnostics.AddError("Reading the audit log configuration", err.Error())
		return
	}
	if len(objs) == 0 {
		resp.Diagnostics.AddError("Reading the audit log configuration", "Get-AdminAuditLogConfig returned no object.")
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, modelFromAudit(objs[0], t))...)
	baselinecheck.CopyArgs(ctx, req.State, &resp.State, &resp.Diagnostics)
}

func (r *auditLogConfigResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state auditLogConfigModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	resp.Diagnostics.AddWarning("Unified audit log ingestion left as it is",
		"Removing teamshipaa_audit_log_config from Terraform does not change the tenant: unified audit log ingestion stays "+
			onOff(state.UnifiedAuditLogIngestionEnabled.ValueBool())+". Turn it off explicitly (unified_audit_log_ingestion_enabled = false) if that is intended.")
}

func onOff(b bool) string {
	if b {
		return "on"
	}
	return "off"
}

func (r *auditLogConfigResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	// "Global" is documented; a tenant id or domain is accepted too (one configuration per tenant).
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), auditSingletonID)...)
}
