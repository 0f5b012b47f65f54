package baseline

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/framework"
)

// comparisonDataSource compares two saved evidence documents; it reads
// nothing from the tenant.
type comparisonDataSource struct {
	framework.DataSourceWithConfigure // Metadata; Configure goes unused
}

func newComparisonDataSource() datasource.DataSource {
	return &comparisonDataSource{framework.NewDataSource("teamshipaa_evidence_comparison")}
}

type comparisonModel struct {
	Before     types.String `tfsdk:"before"`
	After      types.String `tfsdk:"after"`
	Changed    types.Bool   `tfsdk:"changed"`
	BeforeHash types.String `tfsdk:"before_hash"`
	AfterHash  types.String `tfsdk:"after_hash"`
	Changes    []string     `tfsdk:"changes"`
	Markdown   types.String `tfsdk:"markdown"`
}

func (d *comparisonDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	doc := func(which string) schema.StringAttribute {
		return schema.StringAttribute{Required: true, MarkdownDescription: "The " + which + " evidence document: the whole " +
			"`evidence_markdown` of `teamshipaa_assessment` (or the hipaa-baseline module) as saved, e.g. `file(\"evidence-2026-09-30.md\")`."}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Compares two evidence documents saved from `teamshipaa_assessment` (`evidence_markdown`) and lists what " +
			"changed between the two reviews: tenant, profile and versions, then per control the result, the intended value, the " +
			"exception and the observed value of each object (objects that appeared or went away included). It reads the record each " +
			"document carries at its end and nothing from the tenant. When the two content hashes are equal nothing but the " +
			"generation time and the versions can differ.",
		Attributes: map[string]schema.Attribute{
			"before":      doc("earlier"),
			"after":       doc("later"),
			"changed":     schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether the content hashes differ."},
			"before_hash": schema.StringAttribute{Computed: true, MarkdownDescription: "The earlier document's content hash."},
			"after_hash":  schema.StringAttribute{Computed: true, MarkdownDescription: "The later document's content hash."},
			"changes": schema.ListAttribute{Computed: true, ElementType: types.StringType,
				MarkdownDescription: "One line per change, e.g. `HB.MEETING.2: pass -> fail` or `HB.MEETING.2 Global: \"EveryoneInCompanyExcludingGuests\" (pass) -> \"EveryoneInCompany\" (fail)`."},
			"markdown": schema.StringAttribute{Computed: true, MarkdownDescription: "The comparison as a Markdown section for the review file."},
		},
	}
}

func (d *comparisonDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m comparisonModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	before, err := parseEvidence(m.Before.ValueString())
	if err != nil {
		resp.Diagnostics.AddAttributeError(path.Root("before"), "Not an evidence document", err.Error())
	}
	after, err := parseEvidence(m.After.ValueString())
	if err != nil {
		resp.Diagnostics.AddAttributeError(path.Root("after"), "Not an evidence document", err.Error())
	}
	if resp.Diagnostics.HasError() {
		return
	}
	m.Changes = compareEvidence(before, after)
	m.Changed = types.BoolValue(before.ContentHash != after.ContentHash)
	m.BeforeHash, m.AfterHash = types.StringValue(before.ContentHash), types.StringValue(after.ContentHash)
	m.Markdown = types.StringValue(comparisonMarkdown(before, after, m.Changes))
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

func comparisonMarkdown(before, after evidence, changes []string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "## Changes between the evidence of %s and of %s\n\n", before.GeneratedAt, after.GeneratedAt)
	fmt.Fprintf(&b, "- Before: %s, content hash `%s`\n- After: %s, content hash `%s`\n\n", summaryLine(before), before.ContentHash,
		summaryLine(after), after.ContentHash)
	if len(changes) == 0 {
		b.WriteString("No change: the same controls, values, results and exceptions.\n")
		return b.String()
	}
	for _, c := range changes {
		fmt.Fprintf(&b, "- %s\n", c)
	}
	return b.String()
}
