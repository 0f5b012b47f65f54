package baseline

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/hashicorp/terraform-plugin-framework-validators/mapvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	catalog "github.com/teamshipaa/terraform-provider-teamshipaa/internal/baseline"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/conns"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/service/entra"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/service/purview"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/service/teams"
)

var _ datasource.DataSourceWithConfigure = (*assessmentDataSource)(nil)

// assessmentDataSource reads the live tenant and judges it against the
// catalog: every instance of every supported type, not only the Global one.
type assessmentDataSource struct {
	client *conns.Client
}

func newAssessmentDataSource() datasource.DataSource { return &assessmentDataSource{} }

type assessmentModel struct {
	ID             types.String  `tfsdk:"id"`
	Profile        types.String  `tfsdk:"profile"`
	ObjectProfiles types.Map     `tfsdk:"object_profiles"`
	Exceptions     types.Map     `tfsdk:"exceptions"`
	Results        []resultModel `tfsdk:"results"`
	Summary        *summaryModel `tfsdk:"summary"`
	ScubaJSON      types.String  `tfsdk:"scuba_json"`
	Markdown       types.String  `tfsdk:"markdown"`
}

type resultModel struct {
	ControlID types.String `tfsdk:"control_id"`
	Title     types.String `tfsdk:"title"`
	Object    types.String `tfsdk:"object"`
	Resource  types.String `tfsdk:"resource"`
	Attribute types.String `tfsdk:"attribute"`
	Result    types.String `tfsdk:"result"`
	Actual    types.String `tfsdk:"actual"`
	Expected  types.String `tfsdk:"expected"`
	Details   types.String `tfsdk:"details"`
	Level     types.String `tfsdk:"level"`
	HIPAA     []string     `tfsdk:"hipaa"`
	SCuBA     []string     `tfsdk:"scuba"`
	CIS       []string     `tfsdk:"cis"`
	Maester   []string     `tfsdk:"maester"`
}

type summaryModel struct {
	Pass          types.Int64 `tfsdk:"pass"`
	Fail          types.Int64 `tfsdk:"fail"`
	Warning       types.Int64 `tfsdk:"warning"`
	NotApplicable types.Int64 `tfsdk:"not_applicable"`
	Excepted      types.Int64 `tfsdk:"excepted"`
	Error         types.Int64 `tfsdk:"error"`
}

func (d *assessmentDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_assessment"
}

func profileNames() []string {
	out := make([]string, len(catalog.Profiles))
	for i, p := range catalog.Profiles {
		out[i] = string(p)
	}
	return out
}

const assessmentDescription = "Assesses the live tenant against the HIPAA baseline catalog (the controls `teamshipaa_baseline` lists). " +
	"It reads every instance of every supported Teams policy type (meeting, enhanced encryption, app permission and messaging policies; " +
	"external access, client and meeting configuration), every conditional access policy and named location (Microsoft Graph), every " +
	"DLP policy and rule and retention policy and rule (Security & Compliance) and the unified audit log configuration (Exchange Online). " +
	"Each object is judged with the attribute names and values its resource would hold in state, so a result names the attribute to set.\n\n" +
	"Results: `pass`; `fail` (a `shall` control) or `warning` (a `should` control); `not_applicable` (the object leaves the attribute " +
	"unset, or a guard of the control does not hold); `excepted` (listed in `exceptions`, with the reason in `details`); `error` when the " +
	"object type could not be read: `details` carries the service's message, which names the missing role or permission on a 403. A type " +
	"that cannot be read does not stop the others from being assessed. Tenant-wide controls (for example \"a conditional access policy " +
	"blocks legacy authentication\") pass when at least one object satisfies them and are reported once, with `object = \"tenant\"`.\n\n" +
	"A policy meant for patient visits is judged as telehealth when `object_profiles` names it (`{ Telehealth = \"telehealth\" }`): " +
	"the assessment cannot read `baseline_profile`, which lives only in Terraform state.\n\n" +
	"## ScubaGear JSON\n\n`scuba_json` follows ScubaGear's results file (`ScubaResults.json`, schema in ScubaGear's " +
	"`docs/misc/tooloutputschema.md`) so tools that read it can read this:\n\n" +
	"| ScubaGear field | From |\n|---|---|\n" +
	"| `MetaData.ProductSuite`, `ProductsAssessed`, `ProductAbbreviationMapping` | `Microsoft 365`; the products below with ScubaGear's names " +
	"(`Microsoft Teams` = `Teams`, `Azure Active Directory` = `AAD`, `Security Suite` = `SecuritySuite`) |\n" +
	"| `MetaData.Tool` | `terraform-provider-teamshipaa` (no timestamp or report UUID: the output is the same while the tenant is) |\n" +
	"| `Summary.<product>` `Passes`, `Failures`, `Warnings`, `Manual`, `Omits`, `Errors`, `IncorrectResults` | controls by `Result` |\n" +
	"| `Results.<product>[]` `GroupName`, `GroupNumber`, `GroupReferenceURL` | the control id's group (`HB.MEETING.3` is in `Meeting`) |\n" +
	"| `Controls[]` `Control ID` | the control id (`HB.MEETING.3`); the SCuBA, CIS and Maester ids are at the end of `Details` |\n" +
	"| `Requirement` | the control's title, attribute and expected value |\n" +
	"| `Result` | one per control over every object: `Error` if an object could not be read, else `Fail` (shall) or `Warning` (should) " +
	"if one fails, else `Pass` if one passes, `Omitted` if every failing object is excepted, `N/A` if nothing could be judged |\n" +
	"| `Criticality` | `Shall` or `Should` |\n" +
	"| `Details` | the objects that fail (with their values) or pass, the read error, or the exceptions; then the crosswalk and HIPAA citation |\n" +
	"| `OmittedEvaluationResult`, `OmittedEvaluationDetails`, `OriginalResult`, `OriginalDetails`, `Comments` | for `Omitted` controls, " +
	"the result without the exceptions and their reasons; otherwise `N/A`, the result itself and `[]` |\n" +
	"| `IncorrectResult`, `IncorrectResultDetails`, `ResolutionDate` | `N/A`, `N/A`, `null` |\n\n" +
	"## Permissions\n\nThe union of the resources' permissions: the Entra role **Teams Administrator** (Teams admin API), the Graph " +
	"application permission `Policy.Read.All` (conditional access), and **Exchange.ManageAsApp** with **Compliance Administrator** " +
	"(Security & Compliance) and a role holding **Audit Logs** (Exchange Online). Whatever is missing shows as `error` results naming it."

func (d *assessmentDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	str := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{Computed: true, MarkdownDescription: desc}
	}
	list := func(desc string) schema.ListAttribute {
		return schema.ListAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: desc}
	}
	count := func(desc string) schema.Int64Attribute {
		return schema.Int64Attribute{Computed: true, MarkdownDescription: desc}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: assessmentDescription,
		Attributes: map[string]schema.Attribute{
			"id": str("The profile assessed."),
			"profile": schema.StringAttribute{Required: true,
				MarkdownDescription: "The catalog profile to assess against: " + backtickedList(profileNames()) + ".",
				Validators:          []validator.String{stringvalidator.OneOf(profileNames()...)}},
			"object_profiles": schema.MapAttribute{Optional: true, ElementType: types.StringType,
				MarkdownDescription: "Object name -> profile, for objects judged under another profile than `staff` (e.g. " +
					"`{ Telehealth = \"telehealth\" }` for the patient-visit meeting policy). Names are policy names, conditional " +
					"access display names, DLP and retention names.",
				Validators: []validator.Map{mapvalidator.ValueStringsAre(stringvalidator.OneOf(profileNames()...))}},
			"exceptions": schema.MapAttribute{Optional: true, ElementType: types.StringType,
				MarkdownDescription: "Control id (or governed attribute name) -> the written reason it is waived. Failing results of " +
					"that control become `excepted`, with the reason in `details`.",
				Validators: []validator.Map{mapvalidator.ValueStringsAre(stringvalidator.LengthAtLeast(1))}},
			"results": schema.ListNestedAttribute{Computed: true,
				MarkdownDescription: "One result per control and object, in catalog order.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"control_id": str("The control id, e.g. `HB.MEETING.2`."),
					"title":      str("The control's title."),
					"object":     str("The object judged: policy name (`Global` for the tenant-wide default and singletons), display name, or `tenant` for tenant-wide controls."),
					"resource":   str("The resource type that manages the object, e.g. `teamshipaa_meeting_policy`."),
					"attribute":  str("The attribute governed (empty for controls over whole objects)."),
					"result":     str("`pass`, `fail`, `warning`, `not_applicable`, `excepted` or `error`."),
					"actual":     str("The object's value, as a configuration would write it."),
					"expected":   str("What the control wants."),
					"details":    str("Why: the read error, the exception's reason, or a note."),
					"level":      str("`shall` or `should`."),
					"hipaa":      list("HIPAA Security Rule citations (45 CFR; this project's interpretation)."),
					"scuba":      list("CISA SCuBA ids of the same recommendation."),
					"cis":        list("CIS Microsoft 365 Foundations Benchmark v7.0 ids."),
					"maester":    list("Maester test ids."),
				}},
			},
			"summary": schema.SingleNestedAttribute{Computed: true, MarkdownDescription: "Results counted by outcome.",
				Attributes: map[string]schema.Attribute{
					"pass": count("Passed."), "fail": count("Failed `shall` controls."), "warning": count("Failed `should` controls."),
					"not_applicable": count("Nothing to judge."), "excepted": count("Waived in `exceptions`."),
					"error": count("Objects that could not be read."),
				}},
			"scuba_json": str("The results as ScubaGear's results JSON (see above)."),
			"markdown":   str("A readable report: the summary and a table of the results."),
		},
	}
}

func backtickedList(vs []string) string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = "`" + v + "`"
	}
	return strings.Join(out, ", ")
}

func (d *assessmentDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = conns.FromProviderData(req.ProviderData, &resp.Diagnostics)
}

// Snapshot reads every supported object of the tenant: the three services
// in parallel, each type of a service in turn.
func Snapshot(ctx context.Context, c *conns.Client) []catalog.Object {
	readers := []func(context.Context, *conns.Client) []catalog.Object{teams.Snapshot, entra.Snapshot, purview.Snapshot}
	parts := make([][]catalog.Object, len(readers))
	var wg sync.WaitGroup
	for i, read := range readers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			parts[i] = read(ctx, c)
		}()
	}
	wg.Wait()
	var out []catalog.Object
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

func (d *assessmentDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m assessmentModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	var profiles, reasons map[string]string
	resp.Diagnostics.Append(m.ObjectProfiles.ElementsAs(ctx, &profiles, false)...)
	resp.Diagnostics.Append(m.Exceptions.ElementsAs(ctx, &reasons, false)...)
	if resp.Diagnostics.HasError() {
		return
	}
	profile := catalog.Profile(m.Profile.ValueString())

	objects := Snapshot(ctx, d.client)
	used := map[string]bool{}
	for i := range objects {
		if p, ok := profiles[objects[i].Name]; ok {
			objects[i].Profile = catalog.Profile(p)
			used[objects[i].Name] = true
		}
	}
	for name := range profiles {
		if !used[name] {
			resp.Diagnostics.AddAttributeWarning(path.Root("object_profiles").AtMapKey(name), "No such object",
				fmt.Sprintf("No object named %q was read from the tenant, so no object is judged as %s because of this entry.", name, profiles[name]))
		}
	}
	exceptions := make(map[string]catalog.Exception, len(reasons))
	for key, reason := range reasons {
		if !governs(key) {
			resp.Diagnostics.AddAttributeWarning(path.Root("exceptions").AtMapKey(key), "No such control",
				fmt.Sprintf("%q is neither a control id nor an attribute a control governs; see the teamshipaa_baseline data source.", key))
		}
		exceptions[key] = catalog.Exception{Reason: reason}
	}

	evs := catalog.Assess(profile, objects, exceptions)
	m.ID = m.Profile
	m.Results = make([]resultModel, 0, len(evs))
	for _, ev := range evs {
		m.Results = append(m.Results, resultOf(ev))
	}
	sum := catalog.Summary(evs)
	m.Summary = &summaryModel{
		Pass: types.Int64Value(int64(sum[catalog.Pass])), Fail: types.Int64Value(int64(sum[catalog.Fail])),
		Warning: types.Int64Value(int64(sum[catalog.Warning])), NotApplicable: types.Int64Value(int64(sum[catalog.NotApplicable])),
		Excepted: types.Int64Value(int64(sum[catalog.Excepted])), Error: types.Int64Value(int64(sum[catalog.Error])),
	}
	js, err := scubaJSON(evs)
	if err != nil {
		resp.Diagnostics.AddError("Encoding the ScubaGear JSON", err.Error())
		return
	}
	m.ScubaJSON = types.StringValue(js)
	m.Markdown = types.StringValue(markdown(profile, evs, sum))
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

// governs reports whether key names a control or a governed attribute.
func governs(key string) bool {
	for _, c := range catalog.Catalog() {
		if c.ID == key || (c.Attribute != "" && c.Attribute == key) {
			return true
		}
	}
	return false
}

func nonNil(vs []string) []string {
	if vs == nil {
		return []string{}
	}
	return vs
}

func resultOf(ev catalog.Evaluation) resultModel {
	c := ev.Control
	return resultModel{
		ControlID: types.StringValue(c.ID), Title: types.StringValue(c.Title), Object: types.StringValue(ev.Object),
		Resource: types.StringValue(c.Resource), Attribute: types.StringValue(c.Attribute), Result: types.StringValue(string(ev.Result)),
		Actual: types.StringValue(ev.Actual), Expected: types.StringValue(ev.Expected), Details: types.StringValue(ev.Details),
		Level: types.StringValue(string(c.Level)), HIPAA: nonNil(c.HIPAA), SCuBA: nonNil(c.Crosswalk.SCuBA),
		CIS: nonNil(c.Crosswalk.CIS), Maester: nonNil(c.Crosswalk.Maester),
	}
}

// markdown is the report: the counts, then one row per result, failures first.
func markdown(p catalog.Profile, evs []catalog.Evaluation, sum map[catalog.Result]int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "## HIPAA baseline assessment (profile %s)\n\n", p)
	fmt.Fprintf(&b, "pass %d, fail %d, warning %d, not applicable %d, excepted %d, error %d\n\n",
		sum[catalog.Pass], sum[catalog.Fail], sum[catalog.Warning], sum[catalog.NotApplicable], sum[catalog.Excepted], sum[catalog.Error])
	b.WriteString("| Result | Control | Object | Attribute | Actual | Expected | Details |\n|---|---|---|---|---|---|---|\n")
	rank := map[catalog.Result]int{catalog.Error: 0, catalog.Fail: 1, catalog.Warning: 2, catalog.Excepted: 3, catalog.Pass: 4, catalog.NotApplicable: 5}
	rows := append([]catalog.Evaluation(nil), evs...)
	sort.SliceStable(rows, func(i, j int) bool { return rank[rows[i].Result] < rank[rows[j].Result] })
	for _, ev := range rows {
		fmt.Fprintf(&b, "| %s | %s %s | %s %s | %s | %s | %s | %s |\n", ev.Result, ev.Control.ID, cell(ev.Control.Title),
			ev.Control.Resource, cell(ev.Object), cell(ev.Control.Attribute), cell(ev.Actual), cell(ev.Expected), cell(ev.Details))
	}
	return b.String()
}

// cell makes a value safe inside a Markdown table cell.
func cell(s string) string {
	return strings.NewReplacer("|", `\|`, "\r", " ", "\n", " ").Replace(s)
}
