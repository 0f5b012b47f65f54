package teams

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/clients/configapi"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/framework"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/poll"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/service/baselinecheck"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/service/existing"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/transport"
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
)

// policyResource manages the instances of one ConfigAPI policy type; all of
// its behaviour follows from the PolicyType description.
type policyResource struct {
	framework.ResourceWithBaseline
	pt *PolicyType
}

func newPolicyResource(pt *PolicyType) func() resource.Resource {
	return func() resource.Resource {
		return &policyResource{ResourceWithBaseline: framework.NewBaselineResource("teamshipaa_" + pt.Resource), pt: pt}
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
	r.notePlanned(ctx, req)
	r.CheckBaseline(ctx, req, resp, r.serviceValues)
}

// timeout is the bound of op that the timeouts block of src sets.
func (r *policyResource) timeout(ctx context.Context, src getter, op framework.Operation, diags *diag.Diagnostics) time.Duration {
	var t timeouts.Value
	diags.Append(src.GetAttribute(ctx, path.Root("timeouts"), &t)...)
	return framework.Timeout(ctx, t, op, diags)
}

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

func (r *policyResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	name := types.StringValue(globalIdentity)
	if !r.pt.Singleton {
		resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, path.Root("name"), &name)...)
	}
	params := r.configured(ctx, req.Config, &resp.Diagnostics)
	timeout := r.timeout(ctx, req.Plan, framework.Create, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout) // bounds the retries too
	defer cancel()
	id := identity(name.ValueString())
	what := r.describe(id)

	if id == globalIdentity {
		// Global always exists (singletons are only Global): adopting it is an update.
		if len(params) > 0 {
			res, err := r.Client.ConfigAPI.Update(ctx, r.pt.Type, id, params)
			addWarnings(&resp.Diagnostics, res)
			if err != nil {
				resp.Diagnostics.AddError("Adopting the "+what, err.Error())
				return
			}
		}
	} else {
		// An instance of this name that Terraform does not know of (an
		// interrupted apply's, or someone else's) is not taken over unseen.
		_, found, err := r.get(id)(ctx)
		if err != nil {
			resp.Diagnostics.AddError("Looking for an existing "+what, err.Error())
			return
		}
		adopt := existing.Adopt(ctx, req.Plan, &resp.Diagnostics)
		switch {
		case found && !adopt:
			existing.Refuse(&resp.Diagnostics, r.TypeName(), what, nameOf(id))
			return
		case found:
			res, err := r.Client.ConfigAPI.Update(ctx, r.pt.Type, id, params)
			addWarnings(&resp.Diagnostics, res)
			if err != nil {
				resp.Diagnostics.AddError("Adopting the "+what, err.Error())
				return
			}
		default:
			_, res, err := r.Client.ConfigAPI.Create(ctx, r.pt.Type, id, params)
			addWarnings(&resp.Diagnostics, res)
			if transport.StatusCode(err) == 409 && !adopt {
				existing.Refuse(&resp.Diagnostics, r.TypeName(), what, nameOf(id)) // created meanwhile, by someone else
				return
			}
			if err != nil {
				resp.Diagnostics.AddError("Creating the "+what, err.Error())
				return
			}
		}
	}
	// Saved before the read-back, so a failure from here on cannot orphan it.
	r.setIdentity(ctx, id, &resp.State, &resp.Diagnostics)
	baselinecheck.CopyArgs(ctx, req.Plan, &resp.State, &resp.Diagnostics)
	r.copyAdopt(ctx, req.Plan, &resp.State, &resp.Diagnostics)

	obj, err := r.awaitWritten(ctx, id, params)
	if err != nil {
		resp.Diagnostics.AddError("Reading back the "+what, err.Error())
		return
	}
	r.setState(ctx, obj, &resp.State, &resp.Diagnostics)
}

func (r *policyResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var id types.String
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("id"), &id)...)
	if resp.Diagnostics.HasError() {
		return
	}
	obj, res, err := r.Client.ConfigAPI.Read(ctx, r.pt.Type, id.ValueString())
	addWarnings(&resp.Diagnostics, res)
	if transport.IsNotFound(err) {
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		resp.Diagnostics.AddError("Reading the "+r.describe(id.ValueString()), err.Error())
		return
	}
	r.setState(ctx, obj, &resp.State, &resp.Diagnostics)
}

func (r *policyResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var id types.String
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("id"), &id)...)
	want := r.configured(ctx, req.Config, &resp.Diagnostics)
	timeout := r.timeout(ctx, req.Plan, framework.Update, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	// Send only what the configuration sets and the state does not already
	// hold: the service leaves parameters that are not sent as they are.
	changed := map[string]any{}
	for _, p := range r.pt.Params {
		v, ok := want[p.Name]
		if !ok {
			continue
		}
		cur, has, d := p.wire(ctx, req.State)
		resp.Diagnostics.Append(d...)
		if !has || !p.sameValue(normalize(cur), normalize(v)) {
			changed[p.Name] = v
		}
	}
	what := r.describe(id.ValueString())
	ctx, cancel := context.WithTimeout(ctx, timeout) // bounds the retries too
	defer cancel()
	if len(changed) > 0 {
		res, err := r.Client.ConfigAPI.Update(ctx, r.pt.Type, id.ValueString(), changed)
		addWarnings(&resp.Diagnostics, res)
		if err != nil {
			resp.Diagnostics.AddError("Updating the "+what, err.Error())
			return
		}
	}
	obj, err := r.awaitWritten(ctx, id.ValueString(), changed)
	if err != nil {
		resp.Diagnostics.AddError("Reading back the "+what, err.Error())
		return
	}
	r.setState(ctx, obj, &resp.State, &resp.Diagnostics)
	baselinecheck.CopyArgs(ctx, req.Plan, &resp.State, &resp.Diagnostics)
	r.copyAdopt(ctx, req.Plan, &resp.State, &resp.Diagnostics)
}

// copyAdopt keeps the planned timeouts and adopt_existing (it only steers
// creates): the service has neither.
func (r *policyResource) copyAdopt(ctx context.Context, plan tfsdk.Plan, st *tfsdk.State, diags *diag.Diagnostics) {
	var t timeouts.Value
	diags.Append(plan.GetAttribute(ctx, path.Root("timeouts"), &t)...)
	diags.Append(st.SetAttribute(ctx, path.Root("timeouts"), t)...)
	if r.pt.Singleton {
		return
	}
	var v types.Bool
	diags.Append(plan.GetAttribute(ctx, path.Root(existing.Attr), &v)...)
	diags.Append(st.SetAttribute(ctx, path.Root(existing.Attr), v)...)
}

func (r *policyResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var id types.String
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("id"), &id)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if id.ValueString() == globalIdentity {
		resp.Diagnostics.AddWarning(fmt.Sprintf("The %s was left as it is", r.describe(globalIdentity)),
			fmt.Sprintf("The Global instance of %s always exists and cannot be deleted. Terraform no longer manages it; "+
				"its settings stay as they are now.", r.pt.Type))
		return
	}
	what := r.describe(id.ValueString())
	timeout := r.timeout(ctx, req.State, framework.Delete, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout) // bounds the retries too
	defer cancel()
	res, err := r.Client.ConfigAPI.Delete(ctx, r.pt.Type, id.ValueString())
	addWarnings(&resp.Diagnostics, res)
	if err != nil && !transport.IsNotFound(err) {
		resp.Diagnostics.AddError("Deleting the "+what, err.Error())
		return
	}
	if err := poll.Gone(ctx, poll.Options{}, "the "+what+" to be gone", r.get(id.ValueString())); err != nil {
		resp.Diagnostics.AddError("Confirming the deletion of the "+what, err.Error())
	}
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

// awaitWritten reads the instance until it exists and holds the written
// parameters: the ConfigAPI is read-after-write consistent in public reports,
// but a stale read must not land in state.
func (r *policyResource) awaitWritten(ctx context.Context, id string, written map[string]any) (configapi.Object, error) {
	return poll.ReadBack(ctx, poll.Options{}, "the written settings to read back", r.get(id), func(got configapi.Object) bool {
		for _, p := range r.pt.Params {
			if v, ok := written[p.Name]; ok && !p.sameValue(normalize(got[p.Name]), normalize(v)) {
				return false
			}
		}
		return true
	})
}

// get reads the instance, absent on a 404.
func (r *policyResource) get(id string) poll.Read[configapi.Object] {
	return transport.Found(func(ctx context.Context) (configapi.Object, error) {
		got, _, err := r.Client.ConfigAPI.Get(ctx, r.pt.Type, id)
		return got, err
	})
}

// setState writes the identity and every modelled parameter of obj into
// state, in one write.
func (r *policyResource) setState(ctx context.Context, obj configapi.Object, st *tfsdk.State, diags *diag.Diagnostics) {
	vals := map[string]tftypes.Value{"id": tftypes.NewValue(tftypes.String, obj.Identity())}
	if !r.pt.Singleton {
		vals["name"] = tftypes.NewValue(tftypes.String, nameOf(obj.Identity()))
	}
	setParams(ctx, r.pt, obj, st, vals, diags)
}

// setParams writes vals and every modelled parameter of obj into st in one
// write (setObject); a parameter the service answers in an unexpected shape
// is an error and keeps its value.
func setParams(ctx context.Context, pt *PolicyType, obj configapi.Object, st *tfsdk.State, vals map[string]tftypes.Value, diags *diag.Diagnostics) {
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
	setObject(ctx, st, vals, diags)
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
