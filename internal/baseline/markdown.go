package baseline

import (
	"fmt"
	"strings"
)

// Markdown renders controls as one Markdown table: id, level, what, the
// setting, scope, expected value, crosswalk and HIPAA citations.
func Markdown(controls []Control) string {
	var b strings.Builder
	b.WriteString("| ID | Level | Control | Setting | Scope | Expected | SCuBA / CIS / Maester | HIPAA (45 CFR) |\n")
	b.WriteString("|---|---|---|---|---|---|---|---|\n")
	for _, c := range controls {
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s | %s | %s |\n",
			c.ID, c.Level, cell(c.Title), cell(c.Setting()), c.Scope, cell(c.Rule.Expected()),
			cell(c.Crosswalk.String()), cell(strings.Join(c.HIPAA, ", ")))
	}
	return b.String()
}

// Setting names what the control governs: `resource.attribute`, or the
// resource alone for a rule over whole objects.
func (c Control) Setting() string {
	if c.Attribute == "" {
		return c.Resource
	}
	return c.Resource + "." + c.Attribute
}

// String lists the crosswalk ids, "SCuBA ...; CIS ...; Maester ...", or
// "none" when no other baseline has the recommendation.
func (x Crosswalk) String() string {
	var parts []string
	if len(x.SCuBA) > 0 {
		parts = append(parts, "SCuBA "+strings.Join(x.SCuBA, ", "))
	}
	if len(x.CIS) > 0 {
		parts = append(parts, "CIS "+strings.Join(x.CIS, ", "))
	}
	if len(x.Maester) > 0 {
		parts = append(parts, "Maester "+strings.Join(x.Maester, ", "))
	}
	if len(parts) == 0 {
		return "none"
	}
	return strings.Join(parts, "; ")
}

// cell makes s safe inside a Markdown table cell.
func cell(s string) string {
	s = strings.ReplaceAll(s, "|", `\|`)
	return strings.ReplaceAll(s, "\n", " ")
}

// Guide renders the documentation page that lists every control of the
// catalog, with its rule, sources, trade-off and resolution, and the rows of
// the reference baseline that are not controls.
func Guide() string {
	var b strings.Builder
	b.WriteString(`---
page_title: "HIPAA baseline controls"
subcategory: "Baseline"
description: |-
  Every control of the provider's HIPAA baseline catalog: the setting it governs, the recommended value, who else recommends it, the HIPAA Security Rule citation and the trade-off.
---

# HIPAA baseline controls

<!-- Generated from internal/baseline (go run ./internal/baseline/gen); do not edit. -->

The provider carries one catalog of controls. Plan-time deviation checks, the ` + "`teamshipaa_baseline`" + ` data
source (the catalog for a profile, as data and as a table), the ` + "`teamshipaa_assessment`" + ` data source and the bundled
module all read it, so a recommended value is written down once.

~> **HIPAA citations are this project's interpretation.** No published source maps these settings to the HIPAA
Security Rule (45 CFR Part 164, Subpart C). The citations say which safeguard a setting supports in our reading; they
are not legal advice, and no configuration replaces a Business Associate Agreement with Microsoft, workforce
training or your own risk analysis.

## Reading a control

- **Profiles.** ` + "`staff`" + ` is the default: internal meetings and collaboration. ` + "`telehealth`" + ` adds patient visits:
  anonymous join stays off in the Global meeting policy, and policies marked for telehealth may allow it behind a
  one-time passcode and a CAPTCHA. A policy says which profile it is meant for (` + "`baseline_profile`" + `); it is judged
  against the controls of that profile.
- **Level.** ` + "`shall`" + ` or ` + "`should`" + `, following CISA SCuBA's SHALL/SHOULD where SCuBA has the recommendation. A failed
  ` + "`should`" + ` control is reported as a warning.
- **Scope.** ` + "`every`" + `: every instance of the resource type; ` + "`global`" + `: the Global policy, or the tenant-wide
  singleton; ` + "`telehealth`" + `: instances marked for the telehealth profile; ` + "`tenant`" + `: the tenant as a whole, at
  least one instance must satisfy the rule (checked by the assessment, never at plan time). A conditional access
  policy counts only when its state is ` + "`enabled`" + `: one in report-only mode fails, and the assessment says so.
- **Exceptions.** A resource's ` + "`baseline_exceptions`" + ` maps an attribute name or a control id to a written reason;
  the control then reports ` + "`excepted`" + ` with that reason.
- **Sources.** SCuBA: CISA Secure Cloud Business Applications baselines
  (<https://github.com/cisagov/ScubaGear>, PowerShell/ScubaGear/baselines). CIS: CIS Microsoft 365 Foundations
  Benchmark v7.0 (<https://www.cisecurity.org/benchmark/microsoft_365>). MT: Maester tests
  (<https://github.com/maester365/maester>, tests/Maester). SEED-A / SEED-B: the HIPAA guidance for Microsoft
  Teams this baseline started from. docs: Microsoft's documentation of the setting.

## All controls

| ID | Level | Profiles | Scope | Control |
|---|---|---|---|---|
`)
	for _, c := range Catalog() {
		fmt.Fprintf(&b, "| [%s](#%s) | %s | %s | %s | %s |\n", c.ID, anchor(c.ID), c.Level, profiles(c.Profiles), c.Scope, cell(c.Title))
	}
	for _, c := range Catalog() {
		fmt.Fprintf(&b, "\n### %s\n\n%s.\n\n", c.ID, c.Title)
		fmt.Fprintf(&b, "- **Setting:** `%s`\n", c.Setting())
		fmt.Fprintf(&b, "- **Expected:** %s\n", c.Rule.Expected())
		if v := c.Rule.Value(); v != nil {
			fmt.Fprintf(&b, "- **Value to set:** `%s`\n", Format(v))
		}
		fmt.Fprintf(&b, "- **Scope:** %s; **profiles:** %s; **level:** %s\n", c.Scope, profiles(c.Profiles), c.Level)
		fmt.Fprintf(&b, "- **Crosswalk:** %s\n", c.Crosswalk)
		fmt.Fprintf(&b, "- **HIPAA (45 CFR):** %s\n", strings.Join(c.HIPAA, ", "))
		fmt.Fprintf(&b, "- **Sources:** %s\n", strings.Join(c.Sources, ", "))
		fmt.Fprintf(&b, "- **Trade-off:** %s\n", c.TradeOff)
		if c.Resolution != "" {
			fmt.Fprintf(&b, "- **Resolution:** %s\n", c.Resolution)
		}
	}
	b.WriteString("\n## Not controls\n\nRows of the reference baseline that the catalog does not turn into controls, and why.\n\n")
	b.WriteString("| Setting | Why not a control |\n|---|---|\n")
	for _, n := range NotControls {
		fmt.Fprintf(&b, "| %s | %s |\n", cell(n.Setting), cell(n.Reason))
	}
	return b.String()
}

// anchor is the heading id a Markdown renderer gives "### HB.MEETING.1".
func anchor(id string) string {
	return strings.ToLower(strings.ReplaceAll(id, ".", ""))
}

func profiles(ps []Profile) string {
	s := make([]string, len(ps))
	for i, p := range ps {
		s[i] = string(p)
	}
	return strings.Join(s, ", ")
}
