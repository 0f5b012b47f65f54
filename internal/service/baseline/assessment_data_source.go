package baseline

import (
	"context"
	"crypto/sha256"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/mapvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	catalog "github.com/teamshipaa/terraform-provider-teamshipaa/internal/baseline"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/clients/graph"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/conns"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/framework"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/service/entra"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/service/intune"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/service/purview"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/service/snapshot"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/service/teams"
)

// assessmentDataSource reads the live tenant and judges it against the
// catalog: every instance of every supported type, not only the Global one.
type assessmentDataSource struct {
	framework.DataSourceWithConfigure
}

func newAssessmentDataSource() datasource.DataSource {
	return &assessmentDataSource{framework.NewDataSource("teamshipaa_assessment")}
}

type assessmentModel struct {
	ID               types.String              `tfsdk:"id"`
	Profile          types.String              `tfsdk:"profile"`
	ObjectProfiles   types.Map                 `tfsdk:"object_profiles"`
	Exceptions       map[string]exceptionModel `tfsdk:"exceptions"`
	ManagedObjects   map[string][]string       `tfsdk:"managed_objects"`
	ModuleVersion    types.String              `tfsdk:"module_version"`
	Organization     types.String              `tfsdk:"organization"`
	GeneratedAt      types.String              `tfsdk:"generated_at"`
	SummaryOnly      types.Bool                `tfsdk:"summary_only"`
	TenantID         types.String              `tfsdk:"tenant_id"`
	TenantDomain     types.String              `tfsdk:"tenant_domain"`
	ProviderVersion  types.String              `tfsdk:"provider_version"`
	Results          []resultModel             `tfsdk:"results"`
	Summary          *summaryModel             `tfsdk:"summary"`
	ControlSummary   *summaryModel             `tfsdk:"control_summary"`
	ControlResults   map[string]string         `tfsdk:"control_results"`
	Unmanaged        []unmanagedModel          `tfsdk:"unmanaged"`
	ScubaJSON        types.String              `tfsdk:"scuba_json"`
	Markdown         types.String              `tfsdk:"markdown"`
	EvidenceMarkdown types.String              `tfsdk:"evidence_markdown"`
	HTML             types.String              `tfsdk:"html"`
	ContentHash      types.String              `tfsdk:"content_hash"`
}

type unmanagedModel struct {
	Resource types.String `tfsdk:"resource"`
	Object   types.String `tfsdk:"object"`
	Controls []string     `tfsdk:"controls"`
	WhatToDo types.String `tfsdk:"what_to_do"`
}

// exceptionModel is one entry of the exceptions argument.
type exceptionModel struct {
	Reason     types.String `tfsdk:"reason"`
	ApprovedBy types.String `tfsdk:"approved_by"`
	Expires    types.String `tfsdk:"expires"`
	Objects    []string     `tfsdk:"objects"`
	Value      types.String `tfsdk:"value"`
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
	"unset, or a guard of the control does not hold); `excepted` (an exception in force, with the reason in `details`); `error` when the " +
	"object type could not be read: `details` carries the service's message, which names the missing role or permission on a 403. A type " +
	"that cannot be read does not stop the others from being assessed. Tenant-wide controls (for example \"a conditional access policy " +
	"blocks legacy authentication\") pass when at least one object satisfies them and are reported once, with `object = \"tenant\"`.\n\n" +
	"A policy meant for patient visits is judged as telehealth when `object_profiles` names it (`{ Telehealth = \"telehealth\" }`): " +
	"the assessment cannot read `baseline_profile`, which lives only in Terraform state.\n\n" +
	"## Exceptions\n\nAn exception is recorded where the configuration records it: the module's `exceptions` input (its " +
	"`assessment_exceptions` output carries them with their approver and expiry) or a resource's `baseline_exceptions`. The assessment " +
	"cannot read Terraform state, so the configuration passes them in `exceptions`; for a resource of your own:\n\n" +
	"```terraform\nexceptions = {\n  for key, reason in teamshipaa_meeting_policy.vendors.baseline_exceptions : key => {\n" +
	"    reason  = reason\n    objects = [teamshipaa_meeting_policy.vendors.name]\n  }\n}\n```\n\n" +
	"An exception holds through its `expires` date (UTC); after it, its results are failures again, `details` says the exception " +
	"expired, and the read warns.\n\n" +
	"## Evidence\n\n`evidence_markdown` is the document an auditor files: when it was generated, the tenant, the provider (and " +
	"module) version, the profile, the counts by control, then per control the intended value (the catalog's, or the exception's " +
	"`value`), the observed value of every object, the result, the exception (reason, approver, expiry), the HIPAA citation and the " +
	"crosswalk; the exceptions; and, when `managed_objects` is given, the failing objects outside the configuration with what to do " +
	"about them. `html` is the same evidence as a self-contained HTML page with a chart per area. `content_hash` changes only when " +
	"what the evidence says changes; `teamshipaa_evidence_comparison` lists what changed between two saved documents.\n\n" +
	"```sh\nterraform output -raw evidence_markdown > evidence-$(date +%F).md\nterraform output -raw evidence_html > evidence-$(date +%F).html\n```\n\n" +
	"## Summary only\n\nWith `summary_only = true` the tenant is read and judged the same way, but `results`, `unmanaged`, " +
	"`markdown`, `evidence_markdown`, `html` and `scuba_json` are null and not rendered; `content_hash`, `summary`, " +
	"`control_summary` and `control_results` are what a full read states. It is for a configuration that only needs to know " +
	"whether the evidence changed, such as the hipaa-baseline module's `live` read (whose hash dates the evidence): a full " +
	"read puts hundreds of kilobytes in the plan and state of a new tenant, megabytes on one with hundreds of policies.\n\n" +
	"## ScubaGear JSON\n\n`scuba_json` follows ScubaGear's results file (`ScubaResults.json`, schema in ScubaGear's " +
	"`docs/misc/tooloutputschema.md`, written by `Merge-JsonOutput`) so tools that read it can read this:\n\n" +
	"| ScubaGear field | From |\n|---|---|\n" +
	"| `MetaData.TenantId`, `DisplayName`, `DomainName` | the tenant assessed; `organization`, else the organization's name in Entra; `tenant_domain` |\n" +
	"| `MetaData.ProductSuite`, `ProductsAssessed`, `ProductAbbreviationMapping` | `Microsoft 365`; the products below with ScubaGear's names " +
	"(`Microsoft Teams` = `Teams`, `Azure Active Directory` = `AAD`, `Security Suite` = `SecuritySuite`) |\n" +
	"| `MetaData.Tool`, `ToolVersion`, `TimestampZulu`, `ReportUUID` | `terraform-provider-teamshipaa`, the provider's version, `generated_at`, " +
	"an id derived from the content hash and the time |\n" +
	"| `Summary.<product>` `Passes`, `Failures`, `Warnings`, `Manual`, `Omits`, `Errors`, `IncorrectResults` | controls by `Result` |\n" +
	"| `Results.<product>[]` `GroupName`, `GroupNumber`, `GroupReferenceURL` | the control's area spelled out (`Conditional Access`), " +
	"its number, ScubaGear's baseline document of the product |\n" +
	"| `Controls[]` `Control ID` | the SCuBA policy id where the control maps to one (`MS.TEAMS.1.2v2`; the first when several), else " +
	"our id; `HB ID` always holds our id (`HB.MEETING.3`); every SCuBA, CIS and Maester id is at the end of `Details` |\n" +
	"| `Requirement` | the control's title, attribute and expected value |\n" +
	"| `Result` | one per control over every object, as `control_summary` counts it: `Error`, else `Fail` (shall) or `Warning` (should), " +
	"else `Omitted` if an object is excepted, else `Pass`, else `N/A` |\n" +
	"| `Criticality` | `Shall` or `Should` |\n" +
	"| `Details` | the objects that fail (with their values) or pass, the read error, or the exceptions; then the crosswalk and HIPAA citation |\n" +
	"| `OmittedEvaluationResult`, `OmittedEvaluationDetails`, `OriginalResult`, `OriginalDetails`, `Comments` | for `Omitted` controls, " +
	"the result without the exceptions and their reasons; otherwise `N/A`, the result itself and `[]` |\n" +
	"| `IncorrectResult`, `IncorrectResultDetails`, `ResolutionDate` | `N/A`, `N/A`, `null` |\n" +
	"| `AnnotatedFailedPolicies` | `{}` |\n\n" +
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
			"exceptions": schema.MapNestedAttribute{Optional: true,
				MarkdownDescription: "Control id (or governed attribute name) -> the exception recorded for it. Failing results of that " +
					"control become `excepted`, with the reason in `details`, until `expires` has passed; then they fail again and " +
					"`details` says the exception expired. Pass the module's `assessment_exceptions` output, or build it from a " +
					"resource's `baseline_exceptions` (see the example).",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"reason": schema.StringAttribute{Required: true, MarkdownDescription: "Why the control is waived.",
						Validators: []validator.String{stringvalidator.LengthAtLeast(1)}},
					"approved_by": schema.StringAttribute{Optional: true, MarkdownDescription: "Who accepted the risk."},
					"expires": schema.StringAttribute{Optional: true, MarkdownDescription: "The last day (UTC) the exception holds, `YYYY-MM-DD`.",
						Validators: []validator.String{stringvalidator.RegexMatches(dateRE, "must be a date written YYYY-MM-DD")}},
					"objects": schema.SetAttribute{Optional: true, ElementType: types.StringType,
						MarkdownDescription: "The objects the exception covers (the name of the resource that records it in `baseline_exceptions`); " +
							"unset: every object. A tenant-wide control is waived whatever this says."},
					"value": schema.StringAttribute{Optional: true,
						MarkdownDescription: "The value the configuration sets instead (JSON), shown as the intended value in the evidence."},
				}},
			},
			"managed_objects": schema.MapAttribute{Optional: true, ElementType: types.SetType{ElemType: types.StringType},
				MarkdownDescription: "Resource type -> names of the objects the configuration manages (e.g. `{ teamshipaa_meeting_policy = " +
					"[\"Global\", \"Clinicians\"] }`). The evidence then lists the failing objects outside it (Microsoft's preset " +
					"meeting policies, policies made in the admin center) with what to do about them."},
			"module_version": schema.StringAttribute{Optional: true,
				MarkdownDescription: "The version of the module that calls the assessment, stated in the evidence (the hipaa-baseline module sets it)."},
			"organization": schema.StringAttribute{Optional: true, MarkdownDescription: "The organization's name, stated in the evidence."},
			"generated_at": schema.StringAttribute{Optional: true, Computed: true,
				MarkdownDescription: "When the evidence was generated (RFC 3339, UTC). Unset: the time of this read. A configuration " +
					"whose outputs must not change while the tenant does not can pass the time it recorded the current " +
					"`content_hash` (the hipaa-baseline module does).",
				Validators: []validator.String{stringvalidator.RegexMatches(rfc3339RE, "must be an RFC 3339 time, e.g. 2026-12-04T22:30:00Z")}},
			"tenant_id": str("The tenant assessed (the provider's `tenant_id`)."),
			"tenant_domain": str("The tenant's default verified domain (Microsoft Graph `GET /organization`, which needs the application " +
				"permission `Organization.Read.All` or `Directory.Read.All`); empty when it cannot be read, and the evidence says why."),
			"provider_version": str("The provider's version (`dev` for a local build)."),
			"summary_only": schema.BoolAttribute{Optional: true,
				MarkdownDescription: "Read and judge the tenant as always, but leave `results`, `unmanaged`, `markdown`, " +
					"`evidence_markdown`, `html` and `scuba_json` null and skip rendering them; `content_hash`, `summary`, " +
					"`control_summary` and `control_results` are the same as a full read's. For a configuration that only needs " +
					"to know whether the evidence changed, e.g. the hipaa-baseline module's `live` read: keeps plans and state " +
					"small on large tenants. Default `false`."},
			"results": schema.ListNestedAttribute{Computed: true,
				MarkdownDescription: "One result per control and object, in catalog order. Null when `summary_only`.",
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
			"control_summary": schema.SingleNestedAttribute{Computed: true,
				MarkdownDescription: "Controls counted by their result over every object (error, else fail or warning if an object " +
					"fails, else excepted if one is waived, else pass if one passes, else not_applicable): the counts the evidence, " +
					"the HTML report and `scuba_json` state.",
				Attributes: map[string]schema.Attribute{
					"pass": count("Controls passing."), "fail": count("`shall` controls failing."), "warning": count("`should` controls failing."),
					"not_applicable": count("Controls with nothing to judge."), "excepted": count("Controls waived by an exception in force."),
					"error": count("Controls over objects that could not be read."),
				}},
			"control_results": schema.MapAttribute{Computed: true, ElementType: types.StringType,
				MarkdownDescription: "Control id -> its result over every object, as `control_summary` counts it and the evidence states it."},
			"unmanaged": schema.ListNestedAttribute{Computed: true,
				MarkdownDescription: "Failing objects outside `managed_objects` (empty when it is not given), with what to do about them. Null when `summary_only`.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"resource":   str("The resource type that would manage the object."),
					"object":     str("The object's name."),
					"controls":   list("The controls it fails."),
					"what_to_do": str("What to do about it."),
				}},
			},
			"scuba_json": str("The results as ScubaGear's results JSON (see above). Null when `summary_only`."),
			"markdown":   str("A readable report: the summary and a table of the results, with level, HIPAA citation and why each result is what it is. Null when `summary_only`."),
			"evidence_markdown": str("The evidence document (see above): per control the intended value, the observed value per object, " +
				"the result, the exception, the citation and crosswalk; when, for which tenant, by which versions, under which profile; " +
				"the failing objects outside the configuration. Ends with its machine-readable record (an HTML comment), which " +
				"`teamshipaa_evidence_comparison` reads. Null when `summary_only`."),
			"html": str("The evidence as one self-contained HTML file (no script, nothing fetched; printable) with a chart of " +
				"pass / fail / excepted per area and every control. Null when `summary_only`."),
			"content_hash": str("SHA-256 of the evidence record without the generation time and the versions: unchanged while the tenant " +
				"and the exceptions are; the same whether or not `summary_only` is set."),
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

// Snapshot reads every supported object of the tenant: the three services
// in parallel, each type of a service in turn.
func Snapshot(ctx context.Context, c *conns.Client) []catalog.Object {
	readers := []func(context.Context, *conns.Client) []catalog.Object{teams.Snapshot, entra.Snapshot, purview.Snapshot, intune.Snapshot}
	reads := make([]func() []catalog.Object, len(readers))
	for i, read := range readers {
		reads[i] = func() []catalog.Object { return read(ctx, c) }
	}
	return snapshot.All(reads...)
}

// sharedSnapshot is Snapshot read once per operation while the provider
// writes nothing: the module's two assessments (live, then evidence) read the
// same tenant in the same plan. A snapshot with a type that could not be read
// is not shared. Its objects must not be changed.
func sharedSnapshot(ctx context.Context, c *conns.Client) []catalog.Object {
	objs, _ := c.Shared(ctx, "assessment snapshot", func(ctx context.Context) (any, bool) {
		objs := Snapshot(ctx, c)
		return objs, !slices.ContainsFunc(objs, func(o catalog.Object) bool { return o.Err != nil })
	}).([]catalog.Object)
	return objs
}

func (d *assessmentDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m assessmentModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	var profiles map[string]string
	resp.Diagnostics.Append(m.ObjectProfiles.ElementsAs(ctx, &profiles, false)...)
	if resp.Diagnostics.HasError() {
		return
	}

	// The organization (for the tenant's domain) is read while the snapshot
	// is: independent reads, one round trip fewer on the assessment's path.
	orgc := make(chan orgRead, 1)
	if d.Client != nil && d.Client.Graph != nil {
		go func() {
			org, err := d.Client.Graph.GetOrganization(ctx)
			orgc <- orgRead{org, err}
		}()
	} else {
		close(orgc)
	}
	// The objects are shared by the assessments of one operation (conns.Client.Shared): a copy, since profiles are set below.
	objects := slices.Clone(sharedSnapshot(ctx, d.Client))
	tenant, version := "", ""
	if d.Client != nil {
		tenant, version = d.Client.TenantID, d.Client.ProviderVersion
	}
	resp.Diagnostics.Append(m.assess(objects, profiles, tenant, version, orgc)...)
	if resp.Diagnostics.HasError() {
		return
	}
	typ, ok := resp.State.Schema.Type().TerraformType(ctx).(tftypes.Object)
	if !ok {
		resp.Diagnostics.AddError("Writing the assessment", "the data source's schema is not an object; this is a bug in the provider")
		return
	}
	raw, err := m.stateValue(ctx, typ)
	if err != nil {
		resp.Diagnostics.AddError("Writing the assessment", err.Error())
		return
	}
	resp.State.Raw = raw
}

// orgRead is the tenant's organization as Graph answered.
type orgRead struct {
	org *graph.Organization
	err error
}

// assess judges objects (the tenant's snapshot; its profiles are set here)
// under m's configuration and sets m's computed attributes. orgc yields the
// organization read, or is closed when there is none. With summary_only the
// evidence record (and so content_hash) is built all the same, but nothing
// is rendered from it.
func (m *assessmentModel) assess(objects []catalog.Object, profiles map[string]string, tenant, version string, orgc <-chan orgRead) diag.Diagnostics {
	var diags diag.Diagnostics
	profile := catalog.Profile(m.Profile.ValueString())
	generated := m.GeneratedAt.ValueString()
	if generated == "" {
		generated = now().UTC().Format(time.RFC3339)
	}
	today := now().UTC().Format(time.DateOnly)

	used := map[string]bool{}
	for i := range objects {
		if p, ok := profiles[objects[i].Name]; ok {
			objects[i].Profile = catalog.Profile(p)
			used[objects[i].Name] = true
		}
	}
	for name := range profiles {
		if !used[name] {
			diags.AddAttributeWarning(path.Root("object_profiles").AtMapKey(name), "No such object",
				fmt.Sprintf("No object named %q was read from the tenant, so no object is judged as %s because of this entry.", name, profiles[name]))
		}
	}
	exceptions := make(map[string]catalog.Exception, len(m.Exceptions))
	for key, e := range m.Exceptions {
		if !governs(key) {
			diags.AddAttributeWarning(path.Root("exceptions").AtMapKey(key), "No such control",
				fmt.Sprintf("%q is neither a control id nor an attribute a control governs; see the teamshipaa_baseline data source.", key))
		}
		x := catalog.Exception{Reason: e.Reason.ValueString(), ApprovedBy: e.ApprovedBy.ValueString(), Expires: e.Expires.ValueString(),
			Objects: e.Objects, Value: e.Value.ValueString()}
		// It holds through its expiry date (UTC), as the module's own check says.
		x.Expired = x.Expires != "" && x.Expires < today
		if x.Expired {
			diags.AddAttributeWarning(path.Root("exceptions").AtMapKey(key), "Exception expired",
				fmt.Sprintf("The exception to %s expired on %s (%s); its results count as failures until it is renewed or removed.", key, x.Expires, x.Reason))
		}
		exceptions[key] = x
	}

	evs := catalog.Assess(profile, objects, exceptions)
	m.ID = m.Profile
	m.GeneratedAt = types.StringValue(generated)
	m.TenantID, m.ProviderVersion = types.StringValue(tenant), types.StringValue(version)
	domain, orgName, domainNote := "", m.Organization.ValueString(), ""
	if o, ok := <-orgc; ok {
		// Where readable: a missing permission only leaves the domain out.
		if o.err != nil {
			domainNote = "default domain not read: " + o.err.Error()
		} else {
			domain = o.org.DefaultDomain
			if orgName == "" {
				orgName = o.org.DisplayName
			}
		}
	}
	m.TenantDomain = types.StringValue(domain)
	ev := buildEvidence(evidenceInput{
		GeneratedAt: generated, TenantID: tenant, TenantDomain: domain, TenantDomainNote: domainNote, Organization: m.Organization.ValueString(), ProviderVersion: version,
		ModuleVersion: m.ModuleVersion.ValueString(), Profile: profile, Exceptions: exceptions, Managed: m.ManagedObjects,
	}, evs)
	m.setOutcome(evs, ev)
	if m.SummaryOnly.ValueBool() {
		// Null, not rendered: the documents are most of a read's CPU and state.
		m.Results, m.Unmanaged = nil, nil
		m.ScubaJSON, m.Markdown, m.EvidenceMarkdown, m.HTML = types.StringNull(), types.StringNull(), types.StringNull(), types.StringNull()
		return diags
	}
	m.setDetails(evs, ev)
	js, err := scubaJSON(evs, scubaMetaData{TenantID: tenant, DisplayName: orgName, DomainName: domain, ToolVersion: version,
		TimestampZulu: generated, ReportUUID: reportUUID(ev.ContentHash, generated)})
	if err != nil {
		diags.AddError("Encoding the ScubaGear JSON", err.Error())
		return diags
	}
	m.ScubaJSON = types.StringValue(js)
	m.Markdown = types.StringValue(markdown(profile, evs, catalog.Summary(evs)))
	doc, err := evidenceMarkdown(ev)
	if err != nil {
		diags.AddError("Encoding the evidence record", err.Error())
		return diags
	}
	m.EvidenceMarkdown = types.StringValue(doc)
	page, err := htmlReport(ev)
	if err != nil {
		diags.AddError("Rendering the HTML report", err.Error())
		return diags
	}
	m.HTML = types.StringValue(page)
	return diags
}

// setOutcome sets the counts of evs, and what the evidence ev derives from
// them: what a summary_only read carries.
func (m *assessmentModel) setOutcome(evs []catalog.Evaluation, ev evidence) {
	m.Summary = summaryOf(catalog.Summary(evs))
	m.ControlSummary = summaryOf(resultCounts(ev.Summary))
	m.ControlResults = make(map[string]string, len(ev.Controls))
	for _, c := range ev.Controls {
		m.ControlResults[c.ID] = c.Result
	}
	m.ContentHash = types.StringValue(ev.ContentHash)
}

// setDetails sets the results of evs and the unmanaged objects of ev: what
// a full read adds to setOutcome's.
func (m *assessmentModel) setDetails(evs []catalog.Evaluation, ev evidence) {
	m.Results = make([]resultModel, 0, len(evs))
	for _, e := range evs {
		m.Results = append(m.Results, resultOf(e))
	}
	m.Unmanaged = make([]unmanagedModel, 0, len(ev.Unmanaged))
	for _, u := range ev.Unmanaged {
		m.Unmanaged = append(m.Unmanaged, unmanagedModel{Resource: types.StringValue(u.Resource), Object: types.StringValue(u.Object),
			Controls: u.Controls, WhatToDo: types.StringValue(u.WhatToDo)})
	}
}

// now is the clock (tests substitute).
var now = time.Now

var (
	dateRE    = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
	rfc3339RE = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$`)
)

func summaryOf(sum map[catalog.Result]int) *summaryModel {
	return &summaryModel{
		Pass: types.Int64Value(int64(sum[catalog.Pass])), Fail: types.Int64Value(int64(sum[catalog.Fail])),
		Warning: types.Int64Value(int64(sum[catalog.Warning])), NotApplicable: types.Int64Value(int64(sum[catalog.NotApplicable])),
		Excepted: types.Int64Value(int64(sum[catalog.Excepted])), Error: types.Int64Value(int64(sum[catalog.Error])),
	}
}

func resultCounts(m map[string]int) map[catalog.Result]int {
	out := map[catalog.Result]int{}
	for k, v := range m {
		out[catalog.Result(k)] = v
	}
	return out
}

// reportUUID is ScubaGear's ReportUUID: one per report, here derived from
// the content and the generation time, so the same read gives the same id.
func reportUUID(hash, generated string) string {
	sum := sha256.Sum256([]byte(hash + "\x00" + generated))
	b := sum[:16]
	b[6] = b[6]&0x0f | 0x80 // version 8 (RFC 9562: custom, here SHA-256 of the content hash and time)
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
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

// markdown is the report: the counts, then one row per result, failures
// first, each with its level, HIPAA citation and why it is what it is.
func markdown(p catalog.Profile, evs []catalog.Evaluation, sum map[catalog.Result]int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "## HIPAA baseline assessment (profile %s)\n\n", p)
	fmt.Fprintf(&b, "pass %d, fail %d, warning %d, not applicable %d, excepted %d, error %d\n\n",
		sum[catalog.Pass], sum[catalog.Fail], sum[catalog.Warning], sum[catalog.NotApplicable], sum[catalog.Excepted], sum[catalog.Error])
	b.WriteString("| Result | Level | Control | Object | Attribute | Actual | Expected | Details | HIPAA (45 CFR) |\n|---|---|---|---|---|---|---|---|---|\n")
	rank := map[catalog.Result]int{catalog.Error: 0, catalog.Fail: 1, catalog.Warning: 2, catalog.Excepted: 3, catalog.Pass: 4, catalog.NotApplicable: 5}
	rows := append([]catalog.Evaluation(nil), evs...)
	sort.SliceStable(rows, func(i, j int) bool { return rank[rows[i].Result] < rank[rows[j].Result] })
	for _, ev := range rows {
		fmt.Fprintf(&b, "| %s | %s | %s %s | %s %s | %s | %s | %s | %s | %s |\n", ev.Result, ev.Control.Level, ev.Control.ID, cell(ev.Control.Title),
			ev.Control.Resource, cell(ev.Object), cell(ev.Control.Attribute), cell(ev.Actual), cell(ev.Expected), cell(explain(ev)),
			strings.Join(ev.Control.HIPAA, ", "))
	}
	return b.String()
}

// cell makes a value safe inside a Markdown table cell.
func cell(s string) string { return cellEscaper.Replace(s) }

// cellEscaper is built once: building a Replacer per cell was 7% of a
// module plan's provider CPU (a report has thousands of cells).
var cellEscaper = strings.NewReplacer("|", `\|`, "\r", " ", "\n", " ")
