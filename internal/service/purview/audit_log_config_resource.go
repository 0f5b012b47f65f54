package purview

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/conns"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/service/baselinecheck"
)

const auditSingletonID = "Global"

var (
	_ resource.ResourceWithConfigure   = (*auditLogConfigResource)(nil)
	_ resource.ResourceWithImportState = (*auditLogConfigResource)(nil)
	_ resource.ResourceWithModifyPlan  = (*auditLogConfigResource)(nil)
)

type auditLogConfigResource struct {
	client *conns.Client
}

func newAuditLogConfigResource() resource.Resource { return &auditLogConfigResource{} }

type auditLogConfigModel struct {
	ID                              types.String `tfsdk:"id"`
	UnifiedAuditLogIngestionEnabled types.Bool   `tfsdk:"unified_audit_log_ingestion_enabled"`
	baselinecheck.Args
}

func (r *auditLogConfigResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_audit_log_config"
}

func (r *auditLogConfigResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "The tenant's unified audit log ingestion (`Get-AdminAuditLogConfig` / `Set-AdminAuditLogConfig " +
			"-UnifiedAuditLogIngestionEnabled`, Exchange Online). HIPAA 45 CFR 164.312(b) (audit controls): SCuBA MS.SECURITYSUITE.5.1 and " +
			"CIS 3.1.1 want it on. The mapping to HIPAA is this project's interpretation.\n\n" +
			"A singleton: one per tenant, it always exists. Creating the resource sets the value; **destroying it leaves ingestion as it " +
			"is** (turning audit off is never a side effect of removing configuration) and says so in a warning. Microsoft documents that a " +
			"change can take up to 60 minutes to take effect. Import with the ID `Global`. Graph has no write API for this setting." +
			wireNote + exchangePermissions,
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{Computed: true, MarkdownDescription: "Always `Global`.",
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()}},
			"unified_audit_log_ingestion_enabled": schema.BoolAttribute{Required: true,
				MarkdownDescription: "Whether user and admin activity is recorded in the unified audit log. Set `true` for the baseline."},
		},
	}
	baselinecheck.AddSchema("teamshipaa_audit_log_config", resp.Schema.Attributes)
}

// ModifyPlan reports planned values that depart from the baseline catalog.
func (r *auditLogConfigResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	baselinecheck.ModifyPlan(ctx, "teamshipaa_audit_log_config", r.client, req, resp)
}

func (r *auditLogConfigResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = conns.FromProviderData(req.ProviderData, &resp.Diagnostics)
}

func (r *auditLogConfigResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan auditLogConfigModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	r.write(ctx, plan, &resp.State, &resp.Diagnostics)
}

func (r *auditLogConfigResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan auditLogConfigModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	r.write(ctx, plan, &resp.State, &resp.Diagnostics)
}

func (r *auditLogConfigResource) write(ctx context.Context, plan auditLogConfigModel, st *tfsdk.State, diags *diag.Diagnostics) {
	c := r.client.Exchange
	want := plan.UnifiedAuditLogIngestionEnabled.ValueBool()
	_, res, err := c.Invoke(ctx, "Set-AdminAuditLogConfig", map[string]any{"UnifiedAuditLogIngestionEnabled": want})
	addWarnings(diags, c, res)
	if err != nil {
		diags.AddError("Setting the unified audit log ingestion", err.Error())
		return
	}
	plan.ID = types.StringValue(auditSingletonID)
	diags.Append(st.SetAttribute(ctx, path.Root("id"), plan.ID)...)
	got, err := readBack(ctx, defaultTimeout, "the audit log configuration", r.get, func(o map[string]any) bool {
		b, ok := readBool(field(o, "UnifiedAuditLogIngestionEnabled"))
		return ok && b == want
	})
	if err != nil {
		diags.AddError("Reading back the audit log configuration", err.Error())
		return
	}
	m := modelFromAudit(got)
	m.Args = plan.Args
	diags.Append(st.Set(ctx, m)...)
}

func (r *auditLogConfigResource) get(ctx context.Context) (map[string]any, bool, error) {
	objs, _, err := r.client.Exchange.Invoke(ctx, "Get-AdminAuditLogConfig", nil)
	if err != nil || len(objs) == 0 {
		return nil, false, err
	}
	return objs[0], true, nil
}

func modelFromAudit(o map[string]any) *auditLogConfigModel {
	m := &auditLogConfigModel{ID: types.StringValue(auditSingletonID), UnifiedAuditLogIngestionEnabled: types.BoolNull(), Args: baselinecheck.Args{}.OrNull()}
	if b, ok := readBool(field(o, "UnifiedAuditLogIngestionEnabled")); ok {
		m.UnifiedAuditLogIngestionEnabled = types.BoolValue(b)
	}
	return m
}

func (r *auditLogConfigResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	objs, res, err := r.client.Exchange.Invoke(ctx, "Get-AdminAuditLogConfig", nil)
	addWarnings(&resp.Diagnostics, r.client.Exchange, res)
	if err != nil {
		resp.Diagnostics.AddError("Reading the audit log configuration", err.Error())
		return
	}
	if len(objs) == 0 {
		resp.Diagnostics.AddError("Reading the audit log configuration", "Get-AdminAuditLogConfig returned no object.")
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, modelFromAudit(objs[0]))...)
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
