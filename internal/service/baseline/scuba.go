package baseline

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	catalog "github.com/teamshipaa/terraform-provider-teamshipaa/internal/baseline"
)

// The assessment's ScubaGear-shaped JSON. Field names are ScubaGear's own
// (cisagov/ScubaGear docs/misc/tooloutputschema.md, "Object Schema for
// ScubaGear Output JSON", and Merge-JsonOutput in Orchestrator.psm1, which
// writes ScubaResults.json): a MetaData object, a Summary and a Results map
// keyed by product abbreviation, each Results entry a control group with its
// Controls. ScubaGear reports one result per control over all objects of the
// tenant ("1 meeting policy(ies) found that ...: Global"), and so does this
// JSON; the per-object verdicts are the data source's results attribute.

// Product abbreviations and full names, as ScubaGear's $ArgToProd and
// $ProdToFullName spell them.
const (
	productTeams         = "Teams"
	productAAD           = "AAD"
	productSecuritySuite = "SecuritySuite"
)

var productFullName = map[string]string{
	productTeams:         "Microsoft Teams",
	productAAD:           "Azure Active Directory",
	productSecuritySuite: "Security Suite",
}

// baselineURL is ScubaGear's own baseline document of each product (the
// GroupReferenceURL ScubaGear writes points into it): where a reader finds
// the SCuBA policies a control maps to. Controls of ours without a SCuBA id
// are documented in the provider's guide, docs/guides/baseline-controls.md.
var baselineURL = map[string]string{
	productTeams:         "https://github.com/cisagov/ScubaGear/blob/main/PowerShell/ScubaGear/baselines/teams.md",
	productAAD:           "https://github.com/cisagov/ScubaGear/blob/main/PowerShell/ScubaGear/baselines/aad.md",
	productSecuritySuite: "https://github.com/cisagov/ScubaGear/blob/main/PowerShell/ScubaGear/baselines/securitysuite.md",
}

// toolName is MetaData.Tool.
const toolName = "terraform-provider-teamshipaa"

type scubaReport struct {
	MetaData                scubaMetaData            `json:"MetaData"`
	Summary                 map[string]*scubaSummary `json:"Summary"`
	Results                 map[string][]*scubaGroup `json:"Results"`
	AnnotatedFailedPolicies map[string]any           `json:"AnnotatedFailedPolicies"`
}

// scubaMetaData has the fields of ScubaGear's MetaData (Merge-JsonOutput).
type scubaMetaData struct {
	TenantID                   string            `json:"TenantId"`
	DisplayName                string            `json:"DisplayName"`
	DomainName                 string            `json:"DomainName"`
	ProductSuite               string            `json:"ProductSuite"`
	ProductsAssessed           []string          `json:"ProductsAssessed"`
	ProductAbbreviationMapping map[string]string `json:"ProductAbbreviationMapping"`
	Tool                       string            `json:"Tool"`
	ToolVersion                string            `json:"ToolVersion"`
	TimestampZulu              string            `json:"TimestampZulu"`
	ReportUUID                 string            `json:"ReportUUID"`
}

type scubaSummary struct {
	Manual           int `json:"Manual"`
	Passes           int `json:"Passes"`
	Errors           int `json:"Errors"`
	Failures         int `json:"Failures"`
	Warnings         int `json:"Warnings"`
	Omits            int `json:"Omits"`
	IncorrectResults int `json:"IncorrectResults"`
}

type scubaGroup struct {
	GroupName         string          `json:"GroupName"`
	GroupNumber       string          `json:"GroupNumber"`
	GroupReferenceURL string          `json:"GroupReferenceURL"`
	Controls          []*scubaControl `json:"Controls"`
}

type scubaControl struct {
	// ControlID is the SCuBA policy id where the control maps to one (the
	// first, when several), else our own id; HBID is always our own.
	ControlID                string   `json:"Control ID"`
	HBID                     string   `json:"HB ID"`
	Requirement              string   `json:"Requirement"`
	Result                   string   `json:"Result"`
	Criticality              string   `json:"Criticality"`
	Details                  string   `json:"Details"`
	OmittedEvaluationResult  string   `json:"OmittedEvaluationResult"`
	OmittedEvaluationDetails string   `json:"OmittedEvaluationDetails"`
	IncorrectResult          string   `json:"IncorrectResult"`
	IncorrectResultDetails   string   `json:"IncorrectResultDetails"`
	OriginalResult           string   `json:"OriginalResult"`
	OriginalDetails          string   `json:"OriginalDetails"`
	Comments                 []string `json:"Comments"`
	ResolutionDate           *string  `json:"ResolutionDate"`
}

// ScubaGear's Result values.
const (
	scubaPass    = "Pass"
	scubaFail    = "Fail"
	scubaWarning = "Warning"
	scubaNA      = "N/A"
	scubaOmitted = "Omitted"
	scubaError   = "Error"
)

// productOf is the ScubaGear product a resource type belongs to.
func productOf(resourceType string) string {
	switch {
	case strings.Contains(resourceType, "conditional_access"), strings.Contains(resourceType, "named_location"):
		return productAAD
	case strings.HasPrefix(resourceType, "teamshipaa_dlp_"), strings.HasPrefix(resourceType, "teamshipaa_retention_"),
		strings.HasPrefix(resourceType, "teamshipaa_audit_"):
		return productSecuritySuite
	}
	return productTeams
}

func criticality(l catalog.Level) string {
	if l == catalog.Should {
		return "Should"
	}
	return "Shall"
}

// scubaJSON renders the evaluations of an assessment (catalog order) as
// ScubaGear's results JSON; meta carries the tenant, time and version.
func scubaJSON(evs []catalog.Evaluation, meta scubaMetaData) (string, error) {
	meta.ProductSuite, meta.Tool = "Microsoft 365", toolName
	meta.ProductAbbreviationMapping, meta.ProductsAssessed = map[string]string{}, []string{}
	rep := scubaReport{
		MetaData: meta, Summary: map[string]*scubaSummary{}, Results: map[string][]*scubaGroup{},
		AnnotatedFailedPolicies: map[string]any{},
	}
	groups := map[string]*scubaGroup{} // product + area
	for _, cg := range groupByControl(evs) {
		c := cg.control
		product := productOf(c.Resource)
		if _, ok := rep.Summary[product]; !ok {
			rep.Summary[product] = &scubaSummary{}
			rep.MetaData.ProductsAssessed = append(rep.MetaData.ProductsAssessed, productFullName[product])
			rep.MetaData.ProductAbbreviationMapping[productFullName[product]] = product
		}
		key := product + "/" + c.Area()
		g, ok := groups[key]
		if !ok {
			g = &scubaGroup{GroupName: c.Area(), GroupNumber: fmt.Sprint(len(rep.Results[product]) + 1),
				GroupReferenceURL: baselineURL[product], Controls: []*scubaControl{}}
			groups[key] = g
			rep.Results[product] = append(rep.Results[product], g)
		}
		sc := scubaControlOf(c, cg.evs)
		g.Controls = append(g.Controls, sc)
		s := rep.Summary[product]
		switch sc.Result {
		case scubaPass:
			s.Passes++
		case scubaFail:
			s.Failures++
		case scubaWarning:
			s.Warnings++
		case scubaOmitted:
			s.Omits++
		case scubaError:
			s.Errors++
		default:
			s.Manual++
		}
	}
	b, err := json.MarshalIndent(rep, "", "  ")
	return string(b), err
}

// scubaControlOf folds the per-object evaluations of one control into one
// ScubaGear result: Error when an object could not be read, else Fail or
// Warning when an object fails, else Pass when one passes, Omitted when every
// failing object is excepted, N/A when nothing could be judged.
func scubaControlOf(c catalog.Control, evs []catalog.Evaluation) *scubaControl {
	sc := &scubaControl{
		ControlID:   c.ID,
		HBID:        c.ID,
		Requirement: requirement(c),
		Criticality: criticality(c.Level),
		Comments:    []string{},
		// Only omissions (exceptions) are annotated here.
		OmittedEvaluationResult: scubaNA, OmittedEvaluationDetails: scubaNA,
		IncorrectResult: scubaNA, IncorrectResultDetails: scubaNA,
	}
	if len(c.Crosswalk.SCuBA) > 0 {
		sc.ControlID = c.Crosswalk.SCuBA[0]
	}
	by := map[catalog.Result][]catalog.Evaluation{}
	for _, ev := range evs {
		by[ev.Result] = append(by[ev.Result], ev)
	}
	what := c.Resource + " object(s)"
	if c.Scope == catalog.ScopeTenant {
		what = "tenant check(s) over " + c.Resource
	}
	switch {
	case len(by[catalog.Error]) > 0:
		sc.Result = scubaError
		sc.Details = "Could not be read: " + strings.Join(uniqueDetails(by[catalog.Error]), "; ")
	case len(by[catalog.Fail]) > 0:
		sc.Result = scubaFail
		sc.Details = fmt.Sprintf("%d %s found that do not meet the requirement: %s", len(by[catalog.Fail]), what, objectsWithValues(by[catalog.Fail]))
	case len(by[catalog.Warning]) > 0:
		sc.Result = scubaWarning
		sc.Details = fmt.Sprintf("%d %s found that do not meet the requirement: %s", len(by[catalog.Warning]), what, objectsWithValues(by[catalog.Warning]))
	case len(by[catalog.Excepted]) > 0:
		// As controlResult folds it: a waived object makes the control excepted.
		sc.Result = scubaOmitted
	case len(by[catalog.Pass]) > 0:
		sc.Result = scubaPass
		sc.Details = fmt.Sprintf("%d %s meet the requirement: %s", len(by[catalog.Pass]), what, objectNames(by[catalog.Pass]))
	default:
		sc.Result = scubaNA
		sc.Details = "No object the control applies to sets the attribute; nothing to judge."
	}
	if ex := by[catalog.Excepted]; len(ex) > 0 {
		orig := scubaFail
		if c.Level == catalog.Should {
			orig = scubaWarning
		}
		for _, ev := range ex {
			sc.Comments = append(sc.Comments, fmt.Sprintf("%s: %s", ev.Object, ev.Details))
		}
		omitted := fmt.Sprintf("%d %s excepted: %s", len(ex), what, objectNames(ex))
		if sc.Result == scubaOmitted {
			sc.Details = omitted + ". Reasons: " + strings.Join(sc.Comments, "; ")
			sc.OmittedEvaluationResult, sc.OmittedEvaluationDetails = orig, omitted
			sc.OriginalResult, sc.OriginalDetails = orig, omitted
		} else {
			sc.Details += ". " + omitted
		}
	}
	if sc.OriginalResult == "" {
		sc.OriginalResult, sc.OriginalDetails = sc.Result, sc.Details
	}
	if x := crosswalk(c); x != "" {
		sc.Details += " (" + x + ")"
	}
	return sc
}

// requirement states the control as ScubaGear's Requirement column does.
func requirement(c catalog.Control) string {
	r := c.Title
	if c.Attribute != "" {
		r += fmt.Sprintf(" (%s: %s)", c.Attribute, c.Rule.Expected())
	} else {
		r += " (" + c.Rule.Expected() + ")"
	}
	return r
}

// crosswalk names the same recommendation elsewhere and the HIPAA citation.
func crosswalk(c catalog.Control) string {
	var parts []string
	add := func(label string, ids []string) {
		if len(ids) > 0 {
			parts = append(parts, label+" "+strings.Join(ids, ", "))
		}
	}
	add("SCuBA", c.Crosswalk.SCuBA)
	add("CIS", c.Crosswalk.CIS)
	add("Maester", c.Crosswalk.Maester)
	add("HIPAA 45 CFR", c.HIPAA)
	return strings.Join(parts, "; ")
}

func objectNames(evs []catalog.Evaluation) string {
	names := make([]string, len(evs))
	for i, ev := range evs {
		names[i] = ev.Object
	}
	return strings.Join(names, ", ")
}

func objectsWithValues(evs []catalog.Evaluation) string {
	parts := make([]string, len(evs))
	for i, ev := range evs {
		parts[i] = ev.Object
		if ev.Actual != "" {
			parts[i] += " (" + ev.Actual + ")"
		}
	}
	return strings.Join(parts, ", ")
}

func uniqueDetails(evs []catalog.Evaluation) []string {
	seen := map[string]bool{}
	var out []string
	for _, ev := range evs {
		if !seen[ev.Details] {
			seen[ev.Details] = true
			out = append(out, ev.Details)
		}
	}
	sort.Strings(out)
	return out
}
