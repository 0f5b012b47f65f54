package baseline

import (
	"bytes"
	"fmt"
	"html/template"
	"strings"

	catalog "github.com/teamshipaa/terraform-provider-teamshipaa/internal/baseline"
)

// The HTML report is one self-contained file: inline CSS and an inline SVG
// chart, no script, no font, image or stylesheet fetched from anywhere, so it
// opens offline, can be attached to an audit file and prints as it shows.

// chartResults are the stacked segments of the chart, in order, with colours
// that stay distinct when printed in grey.
var chartResults = []struct {
	Result catalog.Result
	Label  string
	Color  string
}{
	{catalog.Pass, "pass", "#2e7d32"},
	{catalog.Fail, "fail", "#c62828"},
	{catalog.Warning, "warning", "#ef6c00"},
	{catalog.Excepted, "excepted", "#1565c0"},
	{catalog.Error, "error", "#6a1b9a"},
	{catalog.NotApplicable, "not applicable", "#9e9e9e"},
}

type htmlArea struct {
	Name   string
	Total  int
	Counts map[string]int
}

type htmlSegment struct {
	X, W        float64
	N           int
	Color, Text string
}

type htmlBar struct {
	Y        int
	Name     string
	Total    int
	Segments []htmlSegment
}

type htmlView struct {
	Ev      evidence
	Summary string
	Legend  []htmlSegment
	Bars    []htmlBar
	Width   int
	Height  int
}

// areaCounts counts controls by area and result, areas in catalog order.
func areaCounts(ev evidence) []htmlArea {
	var out []htmlArea
	idx := map[string]int{}
	for _, c := range ev.Controls {
		i, ok := idx[c.Area]
		if !ok {
			i = len(out)
			idx[c.Area] = i
			out = append(out, htmlArea{Name: c.Area, Counts: map[string]int{}})
		}
		out[i].Total++
		out[i].Counts[c.Result]++
	}
	return out
}

const (
	chartLabelWidth = 230
	chartBarWidth   = 480
	chartRow        = 28
)

// htmlReport renders the evidence record as the HTML report.
func htmlReport(ev evidence) (string, error) {
	v := htmlView{Ev: ev, Summary: summaryLine(ev)}
	for i, r := range chartResults {
		v.Legend = append(v.Legend, htmlSegment{X: float64(i*95 - chartLabelWidth), Color: r.Color, Text: r.Label})
	}
	for i, a := range areaCounts(ev) {
		bar := htmlBar{Y: i * chartRow, Name: a.Name, Total: a.Total}
		x := 0.0
		for _, r := range chartResults {
			n := a.Counts[string(r.Result)]
			if n == 0 {
				continue
			}
			w := float64(chartBarWidth) * float64(n) / float64(a.Total)
			bar.Segments = append(bar.Segments, htmlSegment{X: x, W: w, N: n, Color: r.Color, Text: fmt.Sprintf("%d %s", n, r.Label)})
			x += w
		}
		v.Bars = append(v.Bars, bar)
	}
	v.Width = chartLabelWidth + chartBarWidth + 10
	v.Height = len(v.Bars)*chartRow + 34
	var b bytes.Buffer
	if err := htmlTemplate.Execute(&b, v); err != nil {
		return "", err
	}
	return b.String(), nil
}

var htmlTemplate = template.Must(template.New("report").Funcs(template.FuncMap{
	"exception": exceptionText,
	"crosswalk": crosswalkText,
	"join":      strings.Join,
	"plain":     func(s string) string { return strings.ReplaceAll(s, "`", "") }, // Markdown code marks
	"f":         func(x float64) string { return fmt.Sprintf("%.1f", x) },
	"mid":       func(x, w float64) string { return fmt.Sprintf("%.1f", float64(chartLabelWidth)+x+w/2) },
	"at":        func(x float64) string { return fmt.Sprintf("%.1f", float64(chartLabelWidth)+x) },
	"ty":        func(y int) int { return y + 17 },
	"ly":        func(y int) int { return y + 4 },
}).Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>HIPAA baseline evidence ({{.Ev.Profile}}, {{.Ev.GeneratedAt}})</title>
<style>
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 2em; color: #1a1a1a; }
h1 { font-size: 1.5em; } h2 { font-size: 1.2em; margin-top: 1.6em; }
table { border-collapse: collapse; width: 100%; font-size: 0.85em; }
th, td { border: 1px solid #bbb; padding: 4px 6px; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
table#controls { table-layout: fixed; }
th { background: #eee; }
table.meta { width: auto; } table.meta th { width: 11em; }
td.result { font-weight: bold; white-space: nowrap; }
tr.pass td.result { color: #2e7d32; } tr.fail td.result { color: #c62828; } tr.warning td.result { color: #ef6c00; }
tr.excepted td.result { color: #1565c0; } tr.error td.result { color: #6a1b9a; } tr.not_applicable td.result { color: #666; }
ul.objects { margin: 0; padding-left: 1.1em; }
code { font-size: 0.95em; word-break: break-all; }
svg text { font-size: 12px; font-family: inherit; }
@media print { body { margin: 0.5cm; } tr { page-break-inside: avoid; } h2 { page-break-after: avoid; } }
</style>
</head>
<body>
<h1>HIPAA baseline evidence: Microsoft Teams and Microsoft 365</h1>
<table class="meta">
{{if .Ev.Organization}}<tr><th>Organization</th><td>{{.Ev.Organization}}</td></tr>
{{end}}<tr><th>Generated</th><td>{{.Ev.GeneratedAt}}</td></tr>
<tr><th>Tenant</th><td>{{.Ev.TenantID}}{{if .Ev.TenantDomain}} ({{.Ev.TenantDomain}}){{else if .Ev.TenantDomainNote}} ({{.Ev.TenantDomainNote}}){{end}}</td></tr>
<tr><th>Baseline profile</th><td>{{.Ev.Profile}}</td></tr>
<tr><th>Provider</th><td>terraform-provider-teamshipaa {{.Ev.ProviderVersion}}</td></tr>
<tr><th>Module</th><td>{{if .Ev.ModuleVersion}}hipaa-baseline {{.Ev.ModuleVersion}}{{else}}not used{{end}}</td></tr>
<tr><th>Result</th><td id="summary">{{.Summary}}</td></tr>
<tr><th>Content hash</th><td><code>{{.Ev.ContentHash}}</code></td></tr>
</table>

<h2>Summary by area</h2>
<p>Controls by area and result (one control counts once, with the result of its worst object).</p>
<svg id="chart" xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Controls by area: pass, fail, warning, excepted" width="{{.Width}}" height="{{.Height}}" viewBox="0 0 {{.Width}} {{.Height}}">
<g class="legend">{{range .Legend}}<rect x="{{at .X}}" y="0" width="12" height="12" fill="{{.Color}}"/><text x="{{at .X}}" dx="16" y="11">{{.Text}}</text>{{end}}</g>
{{range $bar := .Bars}}<g class="area" data-area="{{$bar.Name}}" transform="translate(0,24)">
<text x="0" y="{{ty $bar.Y}}">{{$bar.Name}} ({{$bar.Total}})</text>
{{range $bar.Segments}}<rect x="{{at .X}}" y="{{ly $bar.Y}}" width="{{f .W}}" height="20" fill="{{.Color}}"><title>{{.Text}}</title></rect>{{if ge .W 40.0}}<text x="{{mid .X .W}}" y="{{ty $bar.Y}}" text-anchor="middle" fill="#fff">{{.N}}</text>{{end}}{{end}}
</g>
{{end}}</svg>

<h2>Controls</h2>
<table id="controls">
<colgroup><col style="width:13%"><col style="width:7%"><col style="width:5%"><col style="width:11%"><col style="width:25%"><col style="width:8%"><col style="width:13%"><col style="width:7%"><col style="width:11%"></colgroup>
<thead><tr><th>Control</th><th>Area</th><th>Level</th><th>Intended</th><th>Observed</th><th>Result</th><th>Exception</th><th>HIPAA (45 CFR)</th><th>Crosswalk</th></tr></thead>
<tbody>
{{range .Ev.Controls}}<tr class="{{.Result}}" data-control="{{.ID}}">
<td><strong>{{.ID}}</strong><br>{{.Title}}</td><td>{{.Area}}</td><td>{{.Level}}</td><td>{{.Intended}}</td>
<td><ul class="objects">{{range .Objects}}<li>{{.Object}}: {{if .Observed}}{{.Observed}}{{else}}unset{{end}} ({{.Result}}{{if ne .Result "pass"}}{{if .Details}}: {{plain .Details}}{{end}}{{end}})</li>{{end}}</ul></td>
<td class="result">{{.Result}}</td><td>{{exception .Exception}}</td><td>{{join .HIPAA ", "}}</td><td>{{crosswalk .Crosswalk}}</td>
</tr>
{{end}}</tbody>
</table>

<h2>Failing objects outside this configuration</h2>
{{if .Ev.Unmanaged}}<table id="unmanaged">
<thead><tr><th>Resource type</th><th>Object</th><th>Controls</th><th>What to do</th></tr></thead>
<tbody>{{range .Ev.Unmanaged}}<tr><td><code>{{.Resource}}</code></td><td>{{.Object}}</td><td>{{join .Controls ", "}}</td><td>{{.WhatToDo}}</td></tr>{{end}}</tbody>
</table>{{else if .Ev.ManagedKnown}}<p>None.</p>{{else}}<p>None listed: the managed objects were not given, so every object counts as in scope.</p>{{end}}

<p><small>HIPAA Security Rule citations are this project's interpretation, not legal advice. Generated by the teamshipaa Terraform provider from the live tenant; the content hash covers everything except the generation time and the versions.</small></p>
</body>
</html>
`))
