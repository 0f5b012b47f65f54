package baselinecheck

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/baseline"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/conns"
)

// ServiceValues are, for a create, the values the service will hold for the
// attributes the configuration leaves unset, so that a plan cannot pass
// error mode by leaving a governed attribute to a non-compliant default.
type ServiceValues struct {
	// Attrs holds native values (see ObjectFromValue) by attribute name.
	Attrs map[string]any
	// Source says where each value comes from, for the diagnostic: the
	// documented default and its page, or "the tenant's current value".
	Source map[string]string
	// Existing is true when the object already exists (an adopted Global
	// policy or singleton): Attrs are its live values, so a deviation they
	// hold was already there (standing).
	Existing bool
}

// ServiceValuesFunc returns the ServiceValues of a planned create of o; a
// nil result judges unset attributes as unknown (not applicable).
type ServiceValuesFunc func(ctx context.Context, o baseline.Object) (*ServiceValues, error)

// ModifyPlan reports the plan's departures from the baseline catalog; every
// governed resource calls it from its ModifyPlan. It judges a create or
// update plan (not a destroy) with the provider's baseline_checks setting.
// service, when given, supplies the values a create leaves to the service;
// a failure to get them is a warning (the check then judges what it can).
func ModifyPlan(ctx context.Context, resourceType string, client *conns.Client, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse, service ...ServiceValuesFunc) {
	if req.Plan.Raw.IsNull() {
		return
	}
	in := Plan{Resource: resourceType, Mode: client.Checks(), Planned: req.Plan.Raw, Prior: req.State.Raw, Config: req.Config.Raw}
	if in.Mode != conns.ChecksOff && req.State.Raw.IsNull() && len(service) > 0 {
		o := ObjectFromValue(resourceType, req.Plan.Raw)
		sv, err := service[0](ctx, o)
		if err != nil {
			resp.Diagnostics.AddWarning(fmt.Sprintf("Baseline check of %s could not read the service's values", baseline.Label(o)),
				"Attributes this configuration leaves unset are judged as unknown: "+err.Error())
		}
		in.Service = sv
	}
	resp.Diagnostics.Append(Check(in)...)
}

// Plan is what Check judges.
type Plan struct {
	Resource string // the Terraform resource type
	Mode     conns.BaselineChecks
	Planned  tftypes.Value // the planned value (tfsdk.Plan.Raw)
	// Prior is the prior state (null for a create): a deviation it already
	// held is standing, one it did not is new.
	Prior tftypes.Value
	// Config tells which attributes the configuration leaves unset (null);
	// a zero Config means none.
	Config tftypes.Value
	// Service fills, on a create, the unset attributes planned as unknown.
	Service *ServiceValues
}

// The change of a deviation (baseline.Change).
const (
	New      = baseline.ChangeNew
	Standing = baseline.ChangeStanding
)

// Check judges a planned value against every control that judges it, and
// returns one diagnostic per failing control that is not excepted: an error
// for a failed "shall" control in mode error (or, in mode error_new, when
// the plan introduces it), otherwise a warning. Mode off returns nothing; so
// does a plan whose baseline arguments are unknown, and a control whose
// planned value is unknown (the catalog's rules report those not
// applicable), unless Service gives the value.
func Check(in Plan) diag.Diagnostics {
	var diags diag.Diagnostics
	planned := in.Planned
	if in.Mode == conns.ChecksOff || planned.IsNull() || !planned.IsKnown() {
		return diags
	}
	exceptions, ok := Exceptions(planned)
	if !ok || !profileKnown(planned) {
		return diags
	}
	o := ObjectFromValue(in.Resource, planned)
	if o.Err != nil {
		return diags
	}
	var before *baseline.Object
	sources := map[string]string{}
	if in.Prior.Type() != nil && !in.Prior.IsNull() && in.Prior.IsKnown() {
		b := ObjectFromValue(in.Resource, in.Prior)
		b.Profile, b.Global = o.Profile, o.Global // judged as the plan marks it
		before = &b
	} else if in.Service != nil {
		unset := unsetAttrs(in.Config)
		for name, v := range in.Service.Attrs {
			if unset[name] && o.Attrs[name] == baseline.Unknown {
				o.Attrs[name] = v
				sources[name] = in.Service.Source[name]
			}
		}
		if in.Service.Existing {
			before = &baseline.Object{Resource: o.Resource, Name: o.Name, Global: o.Global, Profile: o.Profile, Attrs: in.Service.Attrs}
		}
	}
	for _, c := range baseline.Catalog() {
		if !baseline.Judges(c, o) {
			continue
		}
		f := baseline.Judge(c, o, exceptions)
		if f.Result != baseline.Fail && f.Result != baseline.Warning {
			continue
		}
		change, was := New, ""
		if before != nil && baseline.Judges(c, *before) {
			if bf := c.Rule.Check(c, *before); bf.Result == baseline.Fail {
				change, was = Standing, bf.Actual
			} else if bf.Result == baseline.Pass {
				was = bf.Actual
			}
		}
		summary, detail := Deviation(c, o, f, change)
		detail = origin(c, change, was, before != nil, sources[c.Attribute]) + detail
		fail := f.Result == baseline.Fail && (in.Mode == conns.ChecksError || (in.Mode == conns.ChecksErrorNew && change == New))
		if at, ok := attrPath(o, c.Attribute); ok {
			if fail {
				diags.AddAttributeError(at, summary, detail)
			} else {
				diags.AddAttributeWarning(at, summary, detail)
			}
			continue
		}
		if fail {
			diags.AddError(summary, detail)
		} else {
			diags.AddWarning(summary, detail)
		}
	}
	return diags
}

// origin is the detail's first paragraph: new or standing, and why.
func origin(c baseline.Control, change baseline.Change, was string, existed bool, source string) string {
	var b strings.Builder
	attr := c.Attribute
	if attr == "" {
		attr = "the object"
	}
	if source != "" {
		fmt.Fprintf(&b, "%s is not set in the configuration; the object will hold the service's value: %s.\n", attr, source)
	}
	switch {
	case change == Standing:
		fmt.Fprintf(&b, "Standing deviation: the object already holds it (%s); this plan does not introduce it.\n\n", was)
	case existed && was != "":
		fmt.Fprintf(&b, "New deviation: this plan introduces it (the object holds %s, which complies).\n\n", was)
	case existed:
		fmt.Fprintf(&b, "New deviation: this plan introduces it.\n\n")
	default:
		fmt.Fprintf(&b, "New deviation: the object is new.\n\n")
	}
	return b.String()
}

// unsetAttrs lists the top-level attributes config leaves null.
func unsetAttrs(config tftypes.Value) map[string]bool {
	out := map[string]bool{}
	if config.Type() == nil || config.IsNull() || !config.IsKnown() {
		return out
	}
	var m map[string]tftypes.Value
	if err := config.As(&m); err != nil {
		return out
	}
	for k, v := range m {
		if v.IsNull() {
			out[k] = true
		}
	}
	return out
}

// attrPath is the path of a governed attribute, a dotted name for nested
// ones ("conditions.users.exclude_users"), cut where the object is null so
// the diagnostic points at what the configuration holds. ok is false for
// controls over the whole object.
func attrPath(o baseline.Object, attr string) (path.Path, bool) {
	if attr == "" {
		return path.Empty(), false
	}
	var p path.Path
	var cur any = o.Attrs
	for i, name := range strings.Split(attr, ".") {
		m, isMap := cur.(map[string]any)
		if !isMap {
			break
		}
		v, present := m[name]
		if !present {
			return path.Empty(), false
		}
		if i == 0 {
			p = path.Root(name)
		} else {
			p = p.AtName(name)
		}
		cur = v
	}
	return p, true
}

func profileKnown(planned tftypes.Value) bool {
	var m map[string]tftypes.Value
	if err := planned.As(&m); err != nil {
		return false
	}
	p, ok := m[ProfileAttr]
	return !ok || p.IsKnown()
}

// Deviation is the text of the diagnostic for finding f of control c over
// object o: the control, the attribute, the planned and recommended values,
// the crosswalk, the HIPAA citations, the level, and how to record an
// exception. The summary names the control, the change and the object
// (baseline.ParseSummary reads it).
func Deviation(c baseline.Control, o baseline.Object, f baseline.Finding, change baseline.Change) (summary, detail string) {
	summary = baseline.DeviationSummary(c, o, change)
	var b strings.Builder
	attr := c.Attribute
	if attr == "" {
		attr = "(the object as a whole)"
	}
	profile := o.Profile
	if profile == "" {
		profile = baseline.Staff
	}
	fmt.Fprintf(&b, "%s is planned as %s; the HIPAA baseline (%s profile) recommends %s.\n\n", attr, f.Actual, profile, f.Expected)
	line := func(k, v string) {
		if v != "" {
			fmt.Fprintf(&b, "%-12s %s\n", k+":", v)
		}
	}
	line("Control", fmt.Sprintf("%s, %s (level %s: %s)", c.ID, c.Title, c.Level, levelMeaning(c.Level)))
	line("Object", baseline.Label(o))
	line("Attribute", attr)
	line("Planned", f.Actual)
	line("Recommended", f.Expected)
	line("Crosswalk", c.Crosswalk.String())
	line("HIPAA", "45 CFR "+strings.Join(c.HIPAA, ", ")+" (this project's interpretation: no published source maps these settings to the Security Rule)")
	line("Trade-off", c.TradeOff)
	line("Resolution", c.Resolution)
	if f.Details != "" && f.Details != "not set in this object" {
		line("Details", f.Details)
	}
	key := c.Attribute
	if key == "" {
		key = c.ID
	}
	if !identRE.MatchString(key) {
		key = fmt.Sprintf("%q", key) // HCL map keys with dots are quoted
	}
	fmt.Fprintf(&b, "\nIf this departure is deliberate, record the reason on the resource (it is kept in state, and this check stops reporting it):\n\n"+
		"  %s = {\n    %s = \"<why this object departs from the baseline>\"\n  }\n", ExceptionsAttr, key)
	if c.Attribute != "" {
		fmt.Fprintf(&b, "\nThe key may also be the control id, %q.", c.ID)
	}
	return summary, strings.TrimRight(b.String(), "\n")
}

var identRE = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_-]*$`)

func levelMeaning(l baseline.Level) string {
	if l == baseline.Should {
		return "recommended"
	}
	return "required"
}
