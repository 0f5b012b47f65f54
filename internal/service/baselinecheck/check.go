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

// ModifyPlan reports the plan's departures from the baseline catalog; every
// governed resource calls it from its ModifyPlan. It judges a create or
// update plan (not a destroy) with the provider's baseline_checks setting.
func ModifyPlan(_ context.Context, resourceType string, client *conns.Client, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return
	}
	resp.Diagnostics.Append(Check(resourceType, client.Checks(), req.Plan.Raw)...)
}

// Check judges a planned value of resourceType against every control that
// judges it, and returns one diagnostic per failing control that is not
// excepted: an error for a failed "shall" control with mode error, otherwise
// a warning. Mode off returns nothing; so does a plan whose baseline
// arguments are unknown, and a control whose planned value is unknown (the
// catalog's rules report those not applicable).
func Check(resourceType string, mode conns.BaselineChecks, planned tftypes.Value) diag.Diagnostics {
	var diags diag.Diagnostics
	if mode == conns.ChecksOff || planned.IsNull() || !planned.IsKnown() {
		return diags
	}
	exceptions, ok := Exceptions(planned)
	if !ok || !profileKnown(planned) {
		return diags
	}
	o := ObjectFromValue(resourceType, planned)
	if o.Err != nil {
		return diags
	}
	for _, c := range baseline.Catalog() {
		if !baseline.Judges(c, o) {
			continue
		}
		f := baseline.Judge(c, o, exceptions)
		if f.Result != baseline.Fail && f.Result != baseline.Warning {
			continue
		}
		summary, detail := Deviation(c, o, f)
		fail := mode == conns.ChecksError && f.Result == baseline.Fail
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
// exception.
func Deviation(c baseline.Control, o baseline.Object, f baseline.Finding) (summary, detail string) {
	summary = fmt.Sprintf("Baseline deviation %s: %s", c.ID, c.Title)
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
