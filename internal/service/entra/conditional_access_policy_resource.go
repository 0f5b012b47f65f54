package entra

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/setdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/clients/graph"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/flex"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/framework"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/service/existing"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/transport"
)

// Allowed values, as Graph v1.0 defines them (msgraph-sdk-go models; the
// service's "unknownFutureValue" sentinels are left out).
var (
	policyStates       = []string{"enabled", "disabled", "enabledForReportingButNotEnforced"}
	clientAppTypes     = []string{"all", "browser", "mobileAppsAndDesktopClients", "exchangeActiveSync", "easSupported", "other"}
	devicePlatforms    = []string{"all", "android", "iOS", "windows", "windowsPhone", "macOS", "linux"}
	riskLevels         = []string{"low", "medium", "high", "hidden", "none"}
	builtInControls    = []string{"block", "mfa", "compliantDevice", "domainJoinedDevice", "approvedApplication", "compliantApplication", "passwordChange"}
	guestTypes         = []string{"internalGuest", "b2bCollaborationGuest", "b2bCollaborationMember", "b2bDirectConnectUser", "otherExternalUser", "serviceProvider"}
	membershipKinds    = []string{"all", "enumerated"}
	transferMethods    = []string{"deviceCodeFlow", "authenticationTransfer"}
	frequencyTypes     = []string{"days", "hours"}
	authTypes          = []string{"primaryAndSecondaryAuthentication", "secondaryAuthentication"}
	frequencyIntervals = []string{"timeBased", "everyTime"}
	browserModes       = []string{"always", "never"}
	casTypes           = []string{"mcasConfigured", "monitorOnly", "blockDownloads"}
	operators          = []string{"AND", "OR"}
)

var (
	_ resource.ResourceWithConfigure      = (*caPolicyResource)(nil)
	_ resource.ResourceWithImportState    = (*caPolicyResource)(nil)
	_ resource.ResourceWithValidateConfig = (*caPolicyResource)(nil)
	_ resource.ResourceWithModifyPlan     = (*caPolicyResource)(nil)
	_ framework.UnchangedPlanner          = (*caPolicyResource)(nil)
	_ framework.StateOnlyReader           = (*caPolicyResource)(nil)
)

const caPolicyType = "teamshipaa_conditional_access_policy"

type caPolicyResource struct {
	framework.WithLifecycle[caPolicyModel, *graph.ConditionalAccessPolicy]
	framework.ResourceWithBaseline
	framework.WithImportByGUID
}

func newConditionalAccessPolicyResource() resource.Resource {
	r := &caPolicyResource{ResourceWithBaseline: framework.NewBaselineResource(caPolicyType),
		WithImportByGUID: framework.WithImportByGUID{Object: "the policy's object ID"}}
	r.WithLifecycle = framework.NewLifecycle(r.object)
	return r
}

// idSet is an optional set of strings: at least one element (leave it out for none).
func idSet(desc string, vs ...validator.String) schema.SetAttribute {
	v := []validator.Set{setvalidator.SizeAtLeast(1)}
	if len(vs) > 0 {
		v = append(v, setvalidator.ValueStringsAre(vs...))
	}
	return schema.SetAttribute{Optional: true, ElementType: types.StringType, Validators: v,
		MarkdownDescription: desc + " Leave it out for none (an empty set is refused, so it cannot differ from what Graph returns)."}
}

func enumSet(desc string, values []string) schema.SetAttribute {
	return idSet(desc+" Values: "+flex.Backticked(values)+".", stringvalidator.OneOf(values...))
}

func guestsAttr(desc string) schema.SingleNestedAttribute {
	return schema.SingleNestedAttribute{Optional: true, MarkdownDescription: desc,
		Attributes: map[string]schema.Attribute{
			"guest_or_external_user_types": schema.SetAttribute{Required: true, ElementType: types.StringType,
				MarkdownDescription: "Kinds of guest or external user. Values: " + flex.Backticked(guestTypes) + ".",
				Validators:          []validator.Set{setvalidator.SizeAtLeast(1), setvalidator.ValueStringsAre(stringvalidator.OneOf(guestTypes...))}},
			"external_tenants_membership_kind": schema.StringAttribute{Optional: true, Computed: true,
				MarkdownDescription: "Which external tenants: `all`, or `enumerated` (then list them in `external_tenant_ids`). " +
					"Left out, the service's choice is kept.",
				Validators:    []validator.String{stringvalidator.OneOf(membershipKinds...)},
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()}},
			"external_tenant_ids": idSet("Tenant IDs, with `external_tenants_membership_kind = \"enumerated\"`.",
				stringvalidator.RegexMatches(framework.GUID, "must be a tenant ID (a GUID)")),
		}}
}

func (r *caPolicyResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	guid := stringvalidator.RegexMatches(framework.GUID, "must be an object ID (a GUID)")
	resp.Schema = schema.Schema{
		MarkdownDescription: "A Microsoft Entra conditional access policy (Graph v1.0 `conditionalAccessPolicy`).\n\n" +
			"**Roll out in report-only mode first.** Create every policy with `state = \"enabledForReportingButNotEnforced\"`, " +
			"read its sign-in log results, then change it to `enabled`. `state` has no default, so that choice is always written down.\n\n" +
			"**Lockout protection.** A policy that would block every user without excluding a user (by object ID) or a group is refused " +
			"at plan time (`None`, `GuestsOrExternalUsers` and guest exclusions exclude no administrator) unless " +
			"`allow_tenant_lockout_risk = true`; an enabled policy that requires controls of every user without exclusions plans with a " +
			"warning. Exclude your emergency-access (break-glass) accounts or group from every policy.\n\n" +
			"Sets of IDs are unordered; an attribute left out means none. Use the `teamshipaa_authentication_strength_policy` and " +
			"`teamshipaa_directory_role_template` data sources instead of pasting GUIDs." + permissionsCA,
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{Computed: true, MarkdownDescription: "The policy's object ID.",
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()}},
			"display_name": schema.StringAttribute{Required: true, MarkdownDescription: "Display name.",
				Validators: []validator.String{stringvalidator.LengthBetween(1, 256)}},
			"state": schema.StringAttribute{Required: true,
				MarkdownDescription: "One of " + flex.Backticked(policyStates) + ". Start with `enabledForReportingButNotEnforced` (report-only).",
				Validators:          []validator.String{stringvalidator.OneOf(policyStates...)}},
			"allow_tenant_lockout_risk": schema.BoolAttribute{Optional: true,
				MarkdownDescription: "Set to `true` to apply an enabled policy that blocks all users without excluding any user or group. " +
					"Without it such a policy is refused at plan time: it can lock every administrator out of the tenant."},
			"conditions": schema.SingleNestedAttribute{Required: true, MarkdownDescription: "When the policy applies.",
				Attributes: map[string]schema.Attribute{
					"users": schema.SingleNestedAttribute{Required: true, MarkdownDescription: "Who the policy applies to.",
						Attributes: map[string]schema.Attribute{
							"include_users":                    idSet("User object IDs, or `All`, `None`, `GuestsOrExternalUsers`.", includeUsersValues),
							"exclude_users":                    idSet("User object IDs (put the emergency-access accounts here), or `GuestsOrExternalUsers`.", excludeUsersValues),
							"include_groups":                   idSet("Group object IDs.", guid),
							"exclude_groups":                   idSet("Group object IDs.", guid),
							"include_roles":                    idSet("Directory role template IDs (see `teamshipaa_directory_role_template`).", guid),
							"exclude_roles":                    idSet("Directory role template IDs.", guid),
							"include_guests_or_external_users": guestsAttr("Guests and external users included."),
							"exclude_guests_or_external_users": guestsAttr("Guests and external users excluded."),
						}},
					"applications": schema.SingleNestedAttribute{Required: true, MarkdownDescription: "Which cloud apps or user actions.",
						Attributes: map[string]schema.Attribute{
							"include_applications": idSet("Application (client) IDs, or `All`, `None`, `Office365`, `MicrosoftAdminPortals`.", includeAppsValues),
							"exclude_applications": idSet("Application (client) IDs, or `Office365`, `MicrosoftAdminPortals`.", excludeAppsValues),
							"include_user_actions": idSet("User actions: `urn:user:registersecurityinfo`, `urn:user:registerdevice`.",
								stringvalidator.OneOf("urn:user:registersecurityinfo", "urn:user:registerdevice")),
						}},
					"client_app_types": schema.SetAttribute{Optional: true, Computed: true, ElementType: types.StringType,
						MarkdownDescription: "Client apps. Values: " + flex.Backticked(clientAppTypes) + ". Default `[\"all\"]`.",
						Default:             setdefault.StaticValue(types.SetValueMust(types.StringType, []attr.Value{types.StringValue("all")})),
						Validators:          []validator.Set{setvalidator.SizeAtLeast(1), setvalidator.ValueStringsAre(stringvalidator.OneOf(clientAppTypes...))}},
					"platforms": schema.SingleNestedAttribute{Optional: true, MarkdownDescription: "Device platforms.",
						Attributes: map[string]schema.Attribute{
							"include_platforms": schema.SetAttribute{Required: true, ElementType: types.StringType,
								MarkdownDescription: "Values: " + flex.Backticked(devicePlatforms) + ".",
								Validators:          []validator.Set{setvalidator.SizeAtLeast(1), setvalidator.ValueStringsAre(stringvalidator.OneOf(devicePlatforms...))}},
							"exclude_platforms": enumSet("Platforms excluded.", devicePlatforms),
						}},
					"locations": schema.SingleNestedAttribute{Optional: true, MarkdownDescription: "Network locations.",
						Attributes: map[string]schema.Attribute{
							"include_locations": schema.SetAttribute{Required: true, ElementType: types.StringType,
								MarkdownDescription: "Named location IDs (`teamshipaa_named_location.x.id`), or `All`, `AllTrusted`.",
								Validators:          []validator.Set{setvalidator.SizeAtLeast(1), setvalidator.ValueStringsAre(includeLocationsValues)}},
							"exclude_locations": idSet("Named location IDs, or `AllTrusted`.", excludeLocationsValues),
						}},
					"sign_in_risk_levels": enumSet("Sign-in risk levels (Entra ID P2).", riskLevels),
					"user_risk_levels":    enumSet("User risk levels (Entra ID P2).", riskLevels),
					"authentication_flows": schema.SingleNestedAttribute{Optional: true, MarkdownDescription: "Authentication flows. A policy with this condition " +
						"may only block: `grant_controls = { built_in_controls = [\"block\"] }` and no `session_controls` (Graph error 1235).",
						Attributes: map[string]schema.Attribute{
							"transfer_methods": schema.SetAttribute{Required: true, ElementType: types.StringType,
								MarkdownDescription: "Values: " + flex.Backticked(transferMethods) + ".",
								Validators:          []validator.Set{setvalidator.SizeAtLeast(1), setvalidator.ValueStringsAre(stringvalidator.OneOf(transferMethods...))}},
						}},
				}},
			"grant_controls": schema.SingleNestedAttribute{Optional: true,
				MarkdownDescription: "What a user must satisfy. Leave it out for a policy with session controls only.",
				Attributes: map[string]schema.Attribute{
					"operator": schema.StringAttribute{Optional: true, Computed: true, Default: stringdefault.StaticString(defaultOperator),
						MarkdownDescription: "`AND` (all controls) or `OR` (any one). Default `OR`.",
						Validators:          []validator.String{stringvalidator.OneOf(operators...)}},
					"built_in_controls": enumSet("Built-in controls. `block` stands alone.", builtInControls),
					"authentication_strength_id": schema.StringAttribute{Optional: true,
						MarkdownDescription: "ID of an authentication strength (see `teamshipaa_authentication_strength_policy`); not with `mfa`.",
						Validators:          []validator.String{guid}},
					"terms_of_use": idSet("Terms of use agreement IDs.", guid),
				}},
			"session_controls": schema.SingleNestedAttribute{Optional: true, MarkdownDescription: "Session controls.",
				Attributes: map[string]schema.Attribute{
					"sign_in_frequency": schema.SingleNestedAttribute{Optional: true, MarkdownDescription: "How often users sign in again (automatic logoff).",
						Attributes: map[string]schema.Attribute{
							"value": schema.Int64Attribute{Optional: true, MarkdownDescription: "Number of `type` units: 1-23 `hours` or 1-365 `days`. Not with `everyTime`.",
								Validators: []validator.Int64{int64validator.AtLeast(1)}},
							"type": schema.StringAttribute{Optional: true, MarkdownDescription: "`days` or `hours`. Not with `everyTime`.",
								Validators: []validator.String{stringvalidator.OneOf(frequencyTypes...)}},
							"authentication_type": schema.StringAttribute{Optional: true, Computed: true, Default: stringdefault.StaticString(defaultAuthenticationType),
								MarkdownDescription: "Values: " + flex.Backticked(authTypes) + ". Default `primaryAndSecondaryAuthentication`. Graph refuses " +
									"`secondaryAuthentication` with `timeBased` (error 1104), and v1.0 refuses `everyTime`, so only the default can be applied.",
								Validators: []validator.String{stringvalidator.OneOf(authTypes...)}},
							"frequency_interval": schema.StringAttribute{Optional: true, Computed: true, Default: stringdefault.StaticString(defaultFrequencyInterval),
								MarkdownDescription: "`timeBased` (needs `value` and `type`) or `everyTime`. Default `timeBased`. Microsoft Graph v1.0, which the " +
									"provider calls, refuses `everyTime` (only beta accepts it), so it is refused at plan time.",
								Validators: []validator.String{stringvalidator.OneOf(frequencyIntervals...)}},
							"is_enabled": schema.BoolAttribute{Optional: true, Computed: true, Default: booldefault.StaticBool(true),
								MarkdownDescription: "Default `true`."},
						}},
					"persistent_browser": schema.SingleNestedAttribute{Optional: true,
						MarkdownDescription: "Persistent browser sessions; needs `include_applications = [\"All\"]`.",
						Attributes: map[string]schema.Attribute{
							"mode": schema.StringAttribute{Required: true, MarkdownDescription: "`always` or `never`.",
								Validators: []validator.String{stringvalidator.OneOf(browserModes...)}},
							"is_enabled": schema.BoolAttribute{Optional: true, Computed: true, Default: booldefault.StaticBool(true),
								MarkdownDescription: "Default `true`."},
						}},
					"application_enforced_restrictions_enabled": schema.BoolAttribute{Optional: true,
						MarkdownDescription: "Use app-enforced restrictions (Exchange Online, SharePoint Online)."},
					"cloud_app_security": schema.SingleNestedAttribute{Optional: true, MarkdownDescription: "Conditional Access App Control.",
						Attributes: map[string]schema.Attribute{
							"cloud_app_security_type": schema.StringAttribute{Required: true, MarkdownDescription: "Values: " + flex.Backticked(casTypes) + ".",
								Validators: []validator.String{stringvalidator.OneOf(casTypes...)}},
							"is_enabled": schema.BoolAttribute{Optional: true, Computed: true, Default: booldefault.StaticBool(true),
								MarkdownDescription: "Default `true`."},
						}},
				}},
			"timeouts":    framework.TimeoutsAttribute(ctx),
			existing.Attr: existing.Attribute("conditional access policy", "display name"),
		},
	}
	r.AddBaselineSchema(resp.Schema.Attributes)
}

// PlanUnchanged is ModifyPlan (ResourceWithBaseline's: the baseline checks
// alone) for a plan equal to the prior state (framework.UnchangedPlanner):
// the checks judge the state as the plan, so standing deviations still show.
// The schema's defaults are checked by internal/protoserver.
func (r *caPolicyResource) PlanUnchanged(_ context.Context, state, config tftypes.Value) diag.Diagnostics {
	return r.CheckUnchanged(state, config)
}

// ReadsStateOnly opts the Read in to internal/protoserver's direct read: it
// is framework.Object's ReadResource, which reads the state and writes the
// state and diagnostics only.
func (*caPolicyResource) ReadsStateOnly() {}

// object is the policy's lifecycle (internal/framework): Graph's
// conditionalAccess/policies collection, adopted or refused by display name.
func (r *caPolicyResource) object() framework.Object[caPolicyModel, *graph.ConditionalAccessPolicy] {
	return framework.Object[caPolicyModel, *graph.ConditionalAccessPolicy]{
		What: "conditional access policy", TypeName: r.TypeName(),
		ID:       func(m caPolicyModel) types.String { return m.ID },
		Name:     func(m caPolicyModel) string { return m.DisplayName.ValueString() },
		Timeouts: func(m caPolicyModel) timeouts.Value { return m.Timeouts },
		Get: func(ctx context.Context, id string) (*graph.ConditionalAccessPolicy, bool, error) {
			return transport.Found(func(ctx context.Context) (*graph.ConditionalAccessPolicy, error) {
				return r.Client.Graph.GetPolicy(ctx, id)
			})(ctx)
		},
		Flatten: func(_ context.Context, got *graph.ConditionalAccessPolicy, prior caPolicyModel, _ *diag.Diagnostics) caPolicyModel {
			return policyState(got, &prior)
		},
		Matches: func(ctx context.Context, plan caPolicyModel) func(*graph.ConditionalAccessPolicy) bool {
			want := plan.toAPI(ctx, &diag.Diagnostics{})
			return func(p *graph.ConditionalAccessPolicy) bool { return policyMatches(want, p) }
		},
		Find: func(ctx context.Context, plan caPolicyModel, diags *diag.Diagnostics) (*graph.ConditionalAccessPolicy, string, bool) {
			// Graph keeps display names not unique: a policy of this name that
			// Terraform does not know of (an interrupted apply's) is not duplicated.
			name := plan.DisplayName.ValueString()
			same, err := r.Client.Graph.PoliciesNamed(ctx, name)
			if err != nil {
				diags.AddError("Looking for an existing conditional access policy named "+name, err.Error())
				return nil, "", false
			}
			switch {
			case len(same) == 0:
				return nil, "", false
			case len(same) > 1:
				diags.AddError(fmt.Sprintf("%d conditional access policies are named %q", len(same), name),
					"Adopting or adding another would be ambiguous. Keep one (import it with its id: "+policyIDs(same)+") and delete or rename the others.\n\n"+
						existing.ImportBlock(r.TypeName(), same[0].ID))
			}
			return same[0], same[0].ID, true
		},
		Create: func(ctx context.Context, plan caPolicyModel, _ tfsdk.Config, diags *diag.Diagnostics) string {
			want := plan.toAPI(ctx, diags)
			if diags.HasError() {
				return ""
			}
			created, err := r.Client.Graph.CreatePolicy(ctx, want)
			if err != nil {
				diags.AddError("Creating the conditional access policy "+want.DisplayName, err.Error())
				return ""
			}
			return created.ID
		},
		Update: func(ctx context.Context, id string, plan, _ caPolicyModel, _ tfsdk.Config, diags *diag.Diagnostics) {
			want := plan.toAPI(ctx, diags)
			if diags.HasError() {
				return
			}
			if err := r.Client.Graph.UpdatePolicy(ctx, id, want); err != nil {
				diags.AddError("Updating the conditional access policy "+id, err.Error())
			}
		},
		Remove: func(ctx context.Context, id string, diags *diag.Diagnostics) {
			if err := r.Client.Graph.DeletePolicy(ctx, id); err != nil && !transport.IsNotFound(err) {
				diags.AddError("Deleting the conditional access policy "+id, err.Error())
			}
		},
	}
}

// policyIDs lists the ids of policies, for messages.
func policyIDs(ps []*graph.ConditionalAccessPolicy) string {
	ids := make([]string, len(ps))
	for i, p := range ps {
		ids[i] = p.ID
	}
	return strings.Join(ids, ", ")
}
