package teams

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/clients/configapi"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/framework"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/service/existing"
)

const (
	globalIdentity = "Global"
	tagPrefix      = "Tag:"
)

// nameRE is what the ConfigAPI accepts as a policy name: at most 64
// characters, letters, digits, spaces, dashes, underscores and dots.
var nameRE = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9 _.\-]{0,63}$`)

// identity maps a policy name to its ConfigAPI identity.
func identity(name string) string {
	if strings.EqualFold(name, globalIdentity) {
		return globalIdentity
	}
	return tagPrefix + name
}

// nameOf maps an identity (or a name) back to the policy name.
func nameOf(id string) string {
	if strings.EqualFold(id, globalIdentity) {
		return globalIdentity
	}
	if len(id) > len(tagPrefix) && strings.EqualFold(id[:len(tagPrefix)], tagPrefix) {
		return id[len(tagPrefix):]
	}
	return id
}

// permissions is the paragraph every Teams admin page carries.
const permissions = "\n\n## Permissions\n\nThe Teams admin API accepts app-only calls from a service principal that holds the " +
	"Microsoft Entra role **Teams Administrator** (token audience `48ac35b8-9aa8-4d74-927d-1f4a14a0b239`, the Skype and Teams " +
	"Tenant Admin API). Without the role, every call fails with HTTP 403, and the error says so."

var (
	_ resource.ResourceWithConfigure   = (*policyResource)(nil)
	_ resource.ResourceWithImportState = (*policyResource)(nil)
	_ resource.ResourceWithModifyPlan  = (*policyResource)(nil)
	_ framework.UnchangedPlanner       = (*policyResource)(nil)
	_ framework.StateOnlyReader        = (*policyResource)(nil)
)

// policyResource manages the instances of one ConfigAPI policy type; all of
// its behaviour follows from the PolicyType description.
type policyResource struct {
	framework.WithLifecycle[*policyModel, policyRead] // Create, Read, Update, Delete: policy_object.go
	framework.ResourceWithBaseline
	pt *PolicyType
}

func newPolicyResource(pt *PolicyType) func() resource.Resource {
	return func() resource.Resource {
		r := &policyResource{ResourceWithBaseline: framework.NewBaselineResource("teamshipaa_" + pt.Resource), pt: pt}
		r.WithLifecycle = framework.NewLifecycle(r.object)
		return r
	}
}

func (r *policyResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	attrs := map[string]schema.Attribute{
		"id": schema.StringAttribute{
			Computed:            true,
			MarkdownDescription: "The policy's identity in the Teams admin API: `Global`, or `Tag:<name>`.",
			// Kept from state on an update by ModifyPlan (useStateForUnknown).
		},
	}
	if !r.pt.Singleton {
		attrs["name"] = schema.StringAttribute{
			Required: true,
			MarkdownDescription: "`Global` to manage the tenant-wide default (adopted, never created or deleted), or the name of a custom policy " +
				"(at most 64 letters, digits, spaces, `-`, `_` or `.`; the provider adds the `Tag:` prefix). Changing it replaces the policy.",
			PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			Validators: []validator.String{stringvalidator.RegexMatches(nameRE,
				"must be `Global` or 1 to 64 letters, digits, spaces, dashes, underscores or dots, without the `Tag:` prefix")},
		}
		attrs[existing.Attr] = existing.Attribute(r.pt.Title, "name (`Global` is always adopted)")
	}
	for _, p := range r.pt.Params {
		attrs[p.Attr] = p.resourceAttribute()
	}
	attrs["timeouts"] = framework.TimeoutsAttribute(ctx)
	r.AddBaselineSchema(attrs)
	desc := fmt.Sprintf("Manages a %s (`%s`, the object behind `%s`). Only the attributes you set are sent; "+
		"the others keep the service's values and show no diff. ", r.pt.Title, r.pt.Type, r.pt.Cmdlet)
	if r.pt.Singleton {
		desc += "The tenant has exactly one, `Global`: creating this resource adopts it, and destroying it leaves the settings " +
			"as they are, with a warning. Declare it once per tenant."
	} else {
		desc += "`name = \"Global\"` adopts the tenant-wide default: it is updated in place, and on destroy it is left as it is, with a warning."
	}
	resp.Schema = schema.Schema{MarkdownDescription: desc + r.pt.Notes + permissions, Attributes: attrs}
}

// ModifyPlan reports planned values that depart from the baseline catalog;
// on a create, attributes left unset are judged by the service's values.
//
// It first keeps, on an update, the prior value of every computed attribute
// the configuration leaves unset, in one pass (see useStateForUnknown); the
// checks then judge the plan as it stands.
func (r *policyResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	plan, err := useStateForUnknown(req.Plan.Raw, req.State.Raw, req.Config.Raw, r.computedAttrs())
	if err != nil {
		resp.Diagnostics.AddError("Planning the "+r.pt.Title, "Reading the plan: "+err.Error()+"; this is a bug in the provider.")
		return
	}
	resp.Plan.Raw, req.Plan.Raw = plan, plan
	r.notePlanned(plan)
	r.CheckBaseline(ctx, req, resp, r.serviceValues)
}

// PlanUnchanged is ModifyPlan for a plan equal to the prior state (see
// framework.UnchangedPlanner): useStateForUnknown has nothing to fill (a
// state holds no unknown), the policy is noted as kept, and the baseline
// checks judge the state as the plan, so standing deviations still show.
func (r *policyResource) PlanUnchanged(_ context.Context, state, config tftypes.Value) diag.Diagnostics {
	r.notePlanned(state)
	return r.CheckUnchanged(state, config)
}

// ReadsStateOnly opts the Read in to internal/protoserver's direct read: it
// is framework.Object's ReadResource, which reads the state and writes the
// state and diagnostics only.
func (*policyResource) ReadsStateOnly() {}

// configured returns the parameters set in src, as the service's JSON.
func (r *policyResource) configured(ctx context.Context, src getter, diags *diag.Diagnostics) map[string]any {
	out := map[string]any{}
	for _, p := range r.pt.Params {
		v, ok, d := p.wire(ctx, src)
		diags.Append(d...)
		if ok {
			out[p.Name] = v
		}
	}
	return out
}

func (r *policyResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	id := identity(nameOf(req.ID))
	if r.pt.Singleton && id != globalIdentity {
		resp.Diagnostics.AddError("Unexpected import ID", fmt.Sprintf("%s exists once per tenant; import it with the ID Global, not %q.", r.pt.Type, req.ID))
		return
	}
	r.setIdentity(ctx, id, &resp.State, &resp.Diagnostics)
}

// describe names an instance in messages: `Teams meeting policy "Telehealth"`.
func (r *policyResource) describe(id string) string {
	if r.pt.Singleton {
		return r.pt.Title
	}
	return fmt.Sprintf("%s %q", r.pt.Title, nameOf(id))
}

func (r *policyResource) setIdentity(ctx context.Context, id string, st setter, diags *diag.Diagnostics) {
	diags.Append(st.SetAttribute(ctx, path.Root("id"), id)...)
	if !r.pt.Singleton {
		diags.Append(st.SetAttribute(ctx, path.Root("name"), nameOf(id))...)
	}
}

// setParams writes vals and every modelled parameter of obj into st in one
// write (setObject).
func setParams(ctx context.Context, pt *PolicyType, obj configapi.Object, st *tfsdk.State, vals map[string]tftypes.Value, diags *diag.Diagnostics) {
	paramValues(ctx, pt, obj, vals, diags)
	setObject(ctx, st, vals, diags)
}

// paramValues puts every modelled parameter of obj into vals; a parameter
// the service answers in an unexpected shape is an error and keeps its value.
func paramValues(ctx context.Context, pt *PolicyType, obj configapi.Object, vals map[string]tftypes.Value, diags *diag.Diagnostics) {
	for _, p := range pt.Params {
		v, err := p.value(obj[p.Name])
		if err != nil {
			diags.AddError("Unexpected answer from the Teams admin API", err.Error())
			continue
		}
		tv, err := v.ToTerraformValue(ctx)
		if err != nil {
			diags.AddError("Unexpected answer from the Teams admin API", p.Name+": "+err.Error())
			continue
		}
		vals[p.Attr] = tv
	}
}

// normalize turns Go-typed values into their JSON-decoded shapes, so a value
// read from configuration compares equal to the same value read from the API.
func normalize(v any) any {
	switch t := v.(type) {
	case int64:
		return float64(t)
	case []string:
		out := make([]any, len(t))
		for i, s := range t {
			out[i] = s
		}
		return out
	}
	return v
}

func addWarnings(diags *diag.Diagnostics, res configapi.Result) {
	for _, w := range res.Warnings {
		diags.AddWarning("Teams admin API warning", w)
	}
}
