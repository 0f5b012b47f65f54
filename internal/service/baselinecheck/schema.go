package baselinecheck

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/baseline"
)

// Args is the model of the two arguments, for resources whose state is set
// from a struct: embed it by value (the framework promotes its fields).
type Args struct {
	BaselineProfile    types.String `tfsdk:"baseline_profile"`
	BaselineExceptions types.Map    `tfsdk:"baseline_exceptions"`
}

// OrNull returns a, with typed nulls in place of zero values (a model built
// from scratch rather than from a plan or a state).
func (a Args) OrNull() Args {
	if a.BaselineExceptions.ElementType(context.Background()) == nil {
		a.BaselineExceptions = types.MapNull(types.StringType)
	}
	return a
}

// AddSchema adds baseline_profile and baseline_exceptions to the attributes
// of resourceType. They are configuration only: kept in state as configured,
// never sent to Microsoft, null after an import.
func AddSchema(resourceType string, attrs map[string]schema.Attribute) {
	profiles := make([]string, len(baseline.Profiles))
	for i, p := range baseline.Profiles {
		profiles[i] = string(p)
	}
	attrs[ProfileAttr] = schema.StringAttribute{
		Optional: true,
		MarkdownDescription: "The baseline profile this object is meant for: `staff` (the default when left out) or `telehealth` " +
			"(patient visits; the plan then judges it against the telehealth controls). Configuration only: kept in state, never sent to " +
			"Microsoft, null after an import.",
		Validators: []validator.String{stringvalidator.OneOf(profiles...)},
	}
	attrs[ExceptionsAttr] = schema.MapAttribute{
		Optional:    true,
		ElementType: types.StringType,
		MarkdownDescription: "Deliberate departures from the HIPAA baseline: a map from an attribute name governed by a baseline control " +
			"of this resource type, or a control id (quoted, e.g. `\"HB.MEETING.2\"`), to the written reason. A listed control raises no " +
			"plan-time diagnostic for this object, and the reason is kept in state as the record of the decision. Other keys and empty " +
			"reasons are refused; the error names the allowed keys (the `teamshipaa_baseline` data source lists every control). " +
			"Configuration only: never sent to Microsoft, null after an import.",
		Validators: []validator.Map{exceptionsValidator{resourceType: resourceType}},
	}
}

// AllowedKeys lists the keys baseline_exceptions accepts on resourceType:
// every attribute a control of the type governs, then every control id.
func AllowedKeys(resourceType string) []string {
	var attrs, ids []string
	for _, c := range baseline.Catalog() {
		if c.Resource != resourceType {
			continue
		}
		if c.Attribute != "" && !slices.Contains(attrs, c.Attribute) {
			attrs = append(attrs, c.Attribute)
		}
		ids = append(ids, c.ID)
	}
	slices.Sort(attrs)
	return append(attrs, ids...)
}

type exceptionsValidator struct{ resourceType string }

func (v exceptionsValidator) Description(context.Context) string {
	return "keys are attributes governed by a baseline control of " + v.resourceType + " or control ids; reasons are not empty"
}

func (v exceptionsValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (v exceptionsValidator) ValidateMap(_ context.Context, req validator.MapRequest, resp *validator.MapResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	allowed := AllowedKeys(v.resourceType)
	keys := make([]string, 0, len(req.ConfigValue.Elements()))
	for k := range req.ConfigValue.Elements() {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		at := req.Path.AtMapKey(k)
		if !slices.Contains(allowed, k) {
			detail := fmt.Sprintf("No baseline control of %s governs %q, so there is nothing to except. ", v.resourceType, k)
			if len(allowed) == 0 {
				detail += fmt.Sprintf("No control of the catalog governs %s: remove %s.", v.resourceType, ExceptionsAttr)
			} else {
				detail += "Allowed keys (attribute names or control ids): " + strings.Join(allowed, ", ") + "."
			}
			resp.Diagnostics.AddAttributeError(at, "Unknown baseline exception", detail)
			continue
		}
		s, ok := req.ConfigValue.Elements()[k].(types.String)
		if ok && !s.IsUnknown() && strings.TrimSpace(s.ValueString()) == "" {
			resp.Diagnostics.AddAttributeError(at, "Empty baseline exception reason",
				fmt.Sprintf("The exception for %q needs a written reason: it is the record of why this object departs from the baseline.", k))
		}
	}
}

// getter reads one attribute (tfsdk.Plan, tfsdk.State, tfsdk.Config).
type getter interface {
	GetAttribute(ctx context.Context, p path.Path, target any) diag.Diagnostics
}

// setter writes one attribute (tfsdk.State).
type setter interface {
	SetAttribute(ctx context.Context, p path.Path, val any) diag.Diagnostics
}

// CopyArgs copies baseline_profile and baseline_exceptions from src (the
// plan in Create and Update, the prior state in Read) into dst, for
// resources that write their state attribute by attribute.
func CopyArgs(ctx context.Context, src getter, dst setter, diags *diag.Diagnostics) {
	var a Args
	diags.Append(src.GetAttribute(ctx, path.Root(ProfileAttr), &a.BaselineProfile)...)
	diags.Append(src.GetAttribute(ctx, path.Root(ExceptionsAttr), &a.BaselineExceptions)...)
	if diags.HasError() {
		return
	}
	a = a.OrNull()
	diags.Append(dst.SetAttribute(ctx, path.Root(ProfileAttr), a.BaselineProfile)...)
	diags.Append(dst.SetAttribute(ctx, path.Root(ExceptionsAttr), a.BaselineExceptions)...)
}
