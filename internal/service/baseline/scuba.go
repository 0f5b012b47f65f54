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

// groupReferenceURL is where a reader finds the controls of a group: the
// teamshipaa_baseline data source documents the whole catalog.
const groupReferenceURL = "https://registry.terraform.io/providers/teamshipaa/teamshipaa/latest/docs/data-sources/baseline"

type scubaReport struct {
	MetaData scubaMetaData            `json:"MetaData"`
	Summary  map[string]*scubaSummary `json:"Summary"`
	Results  map[string][]*scubaGroup `json:"Results"`
}

type scubaMetaData struct {
	ProductSuite               string            `json:"ProductSuite"`
	ProductsAssessed           []string          `json:"ProductsAssessed"`
	ProductAbbreviationMapping map[string]string `json:"ProductAbbreviationMapping"`
	Tool                       string            `json:"Tool"`
}

// scubaSummary counts controls by result (ScubaGear's ReportSummary).
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
	ControlID                string   `json:"Control ID"`
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

// groupOf is a control's group: the middle of its id (HB.MEETING.3 -> MEETING).
func groupOf(id string) string {
	parts := strings.Split(id, ".")
	if len(parts) >= 3 {
		return parts[1]
	}
	return id
}

func criticality(l catalog.Level) string {
	if l == catalog.Should {
		return "Should"
	}
	return "Shall"
}

// scubaJSON renders the evaluations of an assessment (catalog order) as
// ScubaGear's results JSON.
func scubaJSON(evs []catalog.Evaluation) (string, error) {
	rep := scubaReport{
		MetaData: scubaMetaData{ProductSuite: "Microsoft 365", ProductAbbreviationMapping: map[string]string{},
			Tool: "terraform-provider-teamshipaa", ProductsAssessed: []string{}},
		Summary: map[string]*scubaSummary{},
		Results: map[string][]*scubaGroup{},
	}
	// Controls in catalog order, each with its evaluations.
	var order []catalog.Control
	byID := map[string][]catalog.Evaluation{}
	for _, ev := range evs {
		if _, seen := byID[ev.Control.ID]; !seen {
			order = append(order, ev.Control)
		}
		byID[ev.Control.ID] = append(byID[ev.Control.ID], ev)
	}
	groups := map[string]*scubaGroup{} // product + group name
	for _, c := range order {
		product := productOf(c.Resource)
		if _, ok := rep.Summary[product]; !ok {
			rep.Summary[product] = &scubaSummary{}
			rep.MetaData.ProductsAssessed = append(rep.MetaData.ProductsAssessed, productFullName[product])
			rep.MetaData.ProductAbbreviationMapping[productFullName[product]] = product
		}
		key := product + "/" + groupOf(c.ID)
		g, ok := groups[key]
		if !ok {
			g = &scubaGroup{GroupName: groupName(groupOf(c.ID)), GroupNumber: fmt.Sprint(len(rep.Results[product]) + 1),
				GroupReferenceURL: groupReferenceURL, Controls: []*scubaControl{}}
			groups[key] = g
			rep.Results[product] = append(rep.Results[product], g)
		}
		sc := scubaControlOf(c, byID[c.ID])
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

// groupName turns MEETING into Meeting, CONDITIONAL_ACCESS into Conditional access.
func groupName(g string) string {
	g = strings.ToLower(strings.ReplaceAll(g, "_", " "))
	if g == "" {
		return g
	}
	return strings.ToUpper(g[:1]) + g[1:]
}

// scubaControlOf folds the per-object evaluations of one control into one
// ScubaGear result: Error when an object could not be read, else Fail or
// Warning when an object fails, else Pass when one passes, Omitted when every
// failing object is excepted, N/A when nothing could be judged.
func scubaControlOf(c catalog.Control, evs []catalog.Evaluation) *scubaControl {
	sc := &scubaControl{
		ControlID:   c.ID,
		Requirement: requirement(c),
		Criticality: criticality(c.Level),
		Comments:    []string{},
		// Only omissions (exceptions) are annotated here.
		OmittedEvaluationResult: scubaNA, OmittedEvaluationDetails: scubaNA,
		IncorrectResult: scubaNA, IncorrectResultDetails: scubaNA,
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
	case len(by[catalog.Pass]) > 0:
		sc.Result = scubaPass
		sc.Details = fmt.Sprintf("%d %s meet the requirement: %s", len(by[catalog.Pass]), what, objectNames(by[catalog.Pass]))
	case len(by[catalog.Excepted]) > 0:
		sc.Result = scubaOmitted
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
