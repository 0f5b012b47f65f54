package review

import (
	"fmt"
	"strings"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/baseline"
)

// Marker is the first line of the comment, so a workflow can find and
// update its earlier comment instead of adding one per push.
const Marker = "<!-- teamshipaa-review -->"

// Markdown renders the pull-request comment: the deviations the change
// introduces, per resource address, then the standing ones folded in a
// <details> block. prefix is prepended to file names (the working
// directory's path in the repository).
func Markdown(r Report, prefix string) string {
	var b strings.Builder
	b.WriteString(Marker + "\n## HIPAA baseline review\n\n")
	intro, standing := r.Introduced(), r.Standing()
	shall := 0
	for _, d := range intro {
		if d.Control.Level == baseline.Shall {
			shall++
		}
	}
	switch len(intro) {
	case 0:
		b.WriteString("**This change introduces no baseline deviation.**")
	default:
		fmt.Fprintf(&b, "**This change introduces %s** (%d `shall`, %d `should`).", plural(len(intro), "baseline deviation"), shall, len(intro)-shall)
	}
	if len(standing) > 0 {
		fmt.Fprintf(&b, " %s already in the configuration or the tenant %s folded below.", capital(plural(len(standing), "standing deviation")),
			map[bool]string{true: "is", false: "are"}[len(standing) == 1])
	}
	b.WriteString("\n\n")
	if len(r.Errors) > 0 {
		b.WriteString("> [!WARNING]\n> The plan reported other errors, so some resources may not have been judged:\n")
		for _, e := range r.Errors {
			fmt.Fprintf(&b, "> - %s\n", e)
		}
		b.WriteString("\n")
	}
	table(&b, intro, prefix, "####")
	if len(standing) > 0 {
		fmt.Fprintf(&b, "<details>\n<summary>%s (this change does not introduce them)</summary>\n\n", capital(plural(len(standing), "standing deviation")))
		table(&b, standing, prefix, "####")
		b.WriteString("</details>\n\n")
	}
	b.WriteString("A `shall` deviation fails the plan with `baseline_checks = \"error\"` (every one) or `\"error_new\"` (those a change introduces). " +
		"A deliberate departure is recorded on the resource: `baseline_exceptions = { <attribute or control id> = \"<reason>\" }`. " +
		"The HIPAA citations are this project's interpretation; no published source maps these settings to the Security Rule.\n")
	return b.String()
}

func table(b *strings.Builder, devs []Deviation, prefix, heading string) {
	var addr string
	for i, d := range devs {
		if d.Address != addr {
			if i > 0 {
				b.WriteString("\n")
			}
			addr = d.Address
			fmt.Fprintf(b, "%s `%s`\n\n%s\n\n", heading, addr, cell(d.Object))
			b.WriteString("| Control | Level | Attribute | Planned | Recommended | Citation | Line |\n|---|---|---|---|---|---|---|\n")
		}
		level := string(d.Control.Level)
		if d.Severity == "error" {
			level += " (fails the plan)"
		}
		attr := d.Attribute
		if attr == "" {
			attr = "(the object)"
		}
		cite := "45 CFR " + strings.Join(d.Control.HIPAA, ", ")
		if x := d.Control.Crosswalk.String(); x != "none" {
			cite += "; " + x
		}
		fmt.Fprintf(b, "| **%s** %s | %s | `%s` | %s | %s | %s | %s |\n", d.Control.ID, cell(d.Control.Title), level, attr,
			code(d.Planned), code(d.Recommended), cell(cite), cell(location(d, prefix)))
	}
	if len(devs) > 0 {
		b.WriteString("\n")
	}
}

// location is "file:line", or "" when the plan gave none.
func location(d Deviation, prefix string) string {
	if d.Range == nil || d.Range.Filename == "" {
		return ""
	}
	return fmt.Sprintf("%s:%d", joinPath(prefix, d.Range.Filename), d.Range.Start.Line)
}

func code(s string) string {
	if s == "" {
		return ""
	}
	return "`" + strings.ReplaceAll(cell(s), "`", "'") + "`"
}

// cell makes s safe inside a Markdown table cell.
func cell(s string) string {
	return strings.NewReplacer("|", `\|`, "\n", " ", "<", "&lt;", ">", "&gt;").Replace(s)
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

func capital(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
