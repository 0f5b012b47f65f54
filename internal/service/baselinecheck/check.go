package baselinecheck

import (
	"context"
	"fmt"
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
		if _, governed := o.Attrs[c.Attribute]; c.Attribute != "" && governed {
			if fail {
				diags.AddAttributeError(path.Root(c.Attribute), summary, detail)
			} else {
				diags.AddAttributeWarning(path.Root(c.Attribute), summary, detail)
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
	line("Crosswalk", Crosswalk(c.Crosswalk))
	line("HIPAA", "45 CFR "+strings.Join(c.HIPAA, ", ")+" (this project's interpretation: no published source maps these settings to the Security Rule)")
	line("Trade-off", c.TradeOff)
	line("Resolution", c.Resolution)
	if f.Details != "" && f.Details != "not set in this object" {
		line("Details", f.Details)
	}
	key := c.Attribute
	if key == "" {
		key = fmt.Sprintf("%q", c.ID)
	}
	fmt.Fprintf(&b, "\nIf this departure is deliberate, record the reason on the resource (it is kept in state, and this check stops reporting it):\n\n"+
		"  %s = {\n    %s = \"<why this object departs from the baseline>\"\n  }\n", ExceptionsAttr, key)
	if c.Attribute != "" {
		fmt.Fprintf(&b, "\nThe key may also be the control id, %q.", c.ID)
	}
	return summary, strings.TrimRight(b.String(), "\n")
}

func levelMeaning(l baseline.Level) string {
	if l == baseline.Should {
		return "recommended"
	}
	return "required"
}

// Crosswalk names the same recommendation in other baselines:
// "SCuBA MS.TEAMS.1.3v1, MS.TEAMS.1.4v1; CIS 8.5.3; Maester MT.1045".
func Crosswalk(x baseline.Crosswalk) string {
	var parts []string
	for _, g := range []struct {
		name string
		ids  []string
	}{{"SCuBA", x.SCuBA}, {"CIS", x.CIS}, {"Maester", x.Maester}} {
		if len(g.ids) > 0 {
			parts = append(parts, g.name+" "+strings.Join(g.ids, ", "))
		}
	}
	if len(parts) == 0 {
		return "none (no other baseline checks this setting)"
	}
	return strings.Join(parts, "; ")
}
