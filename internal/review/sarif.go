package review

import (
	"encoding/json"
	"fmt"
	"path"
	"strings"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/baseline"
)

// SARIF 2.1.0 (OASIS, sarif-schema-2.1.0.json), the subset GitHub code
// scanning reads: rules with help and security severity, results with a
// physical location in the repository, baselineState and a fingerprint.
type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool    sarifTool     `json:"tool"`
	Results []sarifResult `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	InformationURI string      `json:"informationUri"`
	Version        string      `json:"version,omitempty"`
	Rules          []sarifRule `json:"rules"`
}

type sarifText struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifRule struct {
	ID                   string         `json:"id"`
	Name                 string         `json:"name"`
	ShortDescription     sarifText      `json:"shortDescription"`
	FullDescription      sarifText      `json:"fullDescription"`
	Help                 sarifText      `json:"help"`
	DefaultConfiguration map[string]any `json:"defaultConfiguration"`
	Properties           map[string]any `json:"properties"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           int               `json:"ruleIndex"`
	Level               string            `json:"level"`
	Message             sarifText         `json:"message"`
	Locations           []sarifLocation   `json:"locations"`
	BaselineState       string            `json:"baselineState"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
	Properties          map[string]any    `json:"properties,omitempty"`
}

type sarifLocation struct {
	PhysicalLocation *sarifPhysical `json:"physicalLocation,omitempty"`
	LogicalLocations []sarifLogical `json:"logicalLocations,omitempty"`
	Message          *sarifText     `json:"message,omitempty"`
	Properties       map[string]any `json:"properties,omitempty"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           sarifRegion   `json:"region"`
}

type sarifArtifact struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
	EndLine     int `json:"endLine,omitempty"`
	EndColumn   int `json:"endColumn,omitempty"`
}

type sarifLogical struct {
	FullyQualifiedName string `json:"fullyQualifiedName"`
	Kind               string `json:"kind"`
}

const informationURI = "https://github.com/teamshipaa/terraform-provider-teamshipaa"

// SARIF renders the report as a SARIF 2.1.0 log. prefix is the working
// directory's path in the repository, so each result's uri (relative to
// %SRCROOT%, the repository root) is the file GitHub annotates. A new
// deviation is a result at the control's level (error for shall, warning for
// should) with baselineState "new"; a standing one is a note, "unchanged".
func SARIF(r Report, prefix, version string) ([]byte, error) {
	run := sarifRun{Tool: sarifTool{Driver: sarifDriver{Name: "teamshipaa-review", InformationURI: informationURI, Version: version, Rules: []sarifRule{}}},
		Results: []sarifResult{}}
	index := map[string]int{}
	for _, d := range r.Deviations {
		c := d.Control
		i, ok := index[c.ID]
		if !ok {
			i = len(run.Tool.Driver.Rules)
			index[c.ID] = i
			run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, rule(c))
		}
		res := sarifResult{
			RuleID: c.ID, RuleIndex: i, Level: "note", BaselineState: "unchanged",
			Message: sarifText{Text: message(d)},
			PartialFingerprints: map[string]string{
				"teamshipaaDeviation/v1": d.Address + "|" + c.ID,
			},
			Properties: map[string]any{"address": d.Address, "object": d.Object, "change": string(d.Change)},
		}
		if d.Change == baseline.ChangeNew {
			res.BaselineState = "new"
			res.Level = level(c)
		}
		loc := sarifLocation{LogicalLocations: []sarifLogical{{FullyQualifiedName: d.Address, Kind: "resource"}}}
		if d.Range != nil && d.Range.Filename != "" && d.Range.Start.Line > 0 {
			reg := sarifRegion{StartLine: d.Range.Start.Line, StartColumn: d.Range.Start.Column}
			if d.Range.End.Line >= d.Range.Start.Line {
				reg.EndLine, reg.EndColumn = d.Range.End.Line, d.Range.End.Column
			}
			loc.PhysicalLocation = &sarifPhysical{ArtifactLocation: sarifArtifact{URI: joinPath(prefix, d.Range.Filename), URIBaseID: "%SRCROOT%"}, Region: reg}
		}
		res.Locations = []sarifLocation{loc}
		run.Results = append(run.Results, res)
	}
	return json.MarshalIndent(sarifLog{Schema: "https://json.schemastore.org/sarif-2.1.0.json", Version: "2.1.0", Runs: []sarifRun{run}}, "", "  ")
}

func level(c baseline.Control) string {
	if c.Level == baseline.Shall {
		return "error"
	}
	return "warning"
}

func rule(c baseline.Control) sarifRule {
	cite := "45 CFR " + strings.Join(c.HIPAA, ", ")
	help := fmt.Sprintf("%s\n\nSetting: %s\nRecommended: %s\nLevel: %s\nCrosswalk: %s\nHIPAA: %s (this project's interpretation)\nTrade-off: %s",
		c.Title, c.Setting(), c.Rule.Expected(), c.Level, c.Crosswalk.String(), cite, c.TradeOff)
	md := fmt.Sprintf("**%s** (%s)\n\n| | |\n|---|---|\n| Setting | `%s` |\n| Recommended | %s |\n| Crosswalk | %s |\n| HIPAA | %s (this project's interpretation) |\n| Trade-off | %s |\n\n"+
		"Record a deliberate departure on the resource: `baseline_exceptions = { %q = \"<reason>\" }`.",
		c.Title, c.ID, c.Setting(), cell(c.Rule.Expected()), cell(c.Crosswalk.String()), cite, cell(c.TradeOff), c.ID)
	severity := "5.0"
	if c.Level == baseline.Shall {
		severity = "8.0"
	}
	tags := []string{"security", "hipaa", "level:" + string(c.Level)}
	for _, h := range c.HIPAA {
		tags = append(tags, "45CFR"+h)
	}
	return sarifRule{
		ID: c.ID, Name: strings.ReplaceAll(c.ID, ".", ""),
		ShortDescription:     sarifText{Text: c.Title},
		FullDescription:      sarifText{Text: c.Title + ": " + c.Setting() + " should be " + c.Rule.Expected() + "."},
		Help:                 sarifText{Text: help, Markdown: md},
		DefaultConfiguration: map[string]any{"level": level(c)},
		Properties:           map[string]any{"tags": tags, "security-severity": severity, "precision": "very-high"},
	}
}

func message(d Deviation) string {
	what := "introduces"
	if d.Change == baseline.ChangeStanding {
		what = "leaves in place (standing)"
	}
	attr := d.Attribute
	if attr == "" {
		attr = "the object"
	}
	return fmt.Sprintf("%s %s: this change %s a deviation from %s (%s, level %s): %s is planned as %s; the HIPAA baseline recommends %s. 45 CFR %s.",
		d.Address, d.Object, what, d.Control.ID, d.Control.Title, d.Control.Level, attr, orUnknown(d.Planned), d.Recommended, strings.Join(d.Control.HIPAA, ", "))
}

func orUnknown(s string) string {
	if s == "" {
		return "(not shown)"
	}
	return s
}

// joinPath prefixes a configuration file name with the working directory's
// path in the repository, in URI form.
func joinPath(prefix, file string) string {
	file = strings.ReplaceAll(file, "\\", "/")
	if prefix == "" || prefix == "." || path.IsAbs(file) {
		return path.Clean(file)
	}
	return path.Join(strings.ReplaceAll(prefix, "\\", "/"), file)
}
