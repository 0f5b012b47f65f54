package baseline

import (
	"context"
	"encoding/json"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	catalog "github.com/teamshipaa/terraform-provider-teamshipaa/internal/baseline"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/framework"
)

// baselineDataSource serves the catalog for a profile: as structured data a
// configuration takes its values from, and as a Markdown table. It reads
// nothing from Microsoft.
type baselineDataSource struct {
	framework.DataSourceWithConfigure // Metadata; Configure goes unused
}

func newBaselineDataSource() datasource.DataSource {
	return &baselineDataSource{framework.NewDataSource("teamshipaa_baseline")}
}

type baselineModel struct {
	Profile      types.String   `tfsdk:"profile"`
	Controls     []controlModel `tfsdk:"controls"`
	SettingsJSON types.String   `tfsdk:"settings_json"`
	Markdown     types.String   `tfsdk:"markdown"`
}

type controlModel struct {
	ID         string   `tfsdk:"id"`
	Title      string   `tfsdk:"title"`
	Resource   string   `tfsdk:"resource"`
	Attribute  string   `tfsdk:"attribute"`
	Scope      string   `tfsdk:"scope"`
	Level      string   `tfsdk:"level"`
	Profiles   []string `tfsdk:"profiles"`
	Expected   string   `tfsdk:"expected"`
	ValueJSON  string   `tfsdk:"value_json"`
	HIPAA      []string `tfsdk:"hipaa"`
	SCuBA      []string `tfsdk:"scuba"`
	CIS        []string `tfsdk:"cis"`
	Maester    []string `tfsdk:"maester"`
	Sources    []string `tfsdk:"sources"`
	TradeOff   string   `tfsdk:"trade_off"`
	Resolution string   `tfsdk:"resolution"`
}

func (d *baselineDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	str := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{Computed: true, MarkdownDescription: desc}
	}
	list := func(desc string) schema.ListAttribute {
		return schema.ListAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: desc + " Empty when none."}
	}
	profiles := make([]string, len(catalog.Profiles))
	for i, p := range catalog.Profiles {
		profiles[i] = string(p)
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "The provider's HIPAA baseline catalog for a profile: every control with its recommended value, " +
			"crosswalk (CISA SCuBA, CIS Microsoft 365 Foundations v7.0, Maester), HIPAA citation and trade-off. The same catalog drives " +
			"plan-time deviation checks and `teamshipaa_assessment`; the [baseline controls guide](../guides/baseline-controls.md) lists " +
			"every control.\n\n" +
			"Take recommended values from `settings_json` instead of typing them, so a configuration follows the catalog:\n\n" +
			"```terraform\nlocals {\n  baseline = jsondecode(data.teamshipaa_baseline.this.settings_json)\n}\n\n" +
			"resource \"teamshipaa_meeting_policy\" \"global\" {\n  name                = \"Global\"\n" +
			"  auto_admitted_users = local.baseline.teamshipaa_meeting_policy.global.auto_admitted_users\n}\n```\n\n" +
			"The HIPAA citations are this project's interpretation (no published source maps these settings to the Security Rule), " +
			"not legal advice. This data source makes no request to Microsoft.",
		Attributes: map[string]schema.Attribute{
			"profile": schema.StringAttribute{Required: true,
				MarkdownDescription: "`staff` (internal meetings and collaboration) or `telehealth` (adds patient visits: anonymous join off " +
					"in the Global meeting policy, allowed in policies marked for telehealth behind a one-time passcode and a CAPTCHA).",
				Validators: []validator.String{stringvalidator.OneOf(profiles...)}},
			"controls": schema.ListNestedAttribute{Computed: true, MarkdownDescription: "The profile's controls, in catalog order.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"id":       str("Stable id, e.g. `HB.MEETING.2`."),
					"title":    str("What the control asks, in one line."),
					"resource": str("Resource type governed, e.g. `teamshipaa_meeting_policy`."),
					"attribute": str("Attribute governed; a dotted path for nested attributes " +
						"(`conditions.users.exclude_users`). For a rule over several attributes, the main one."),
					"scope": str("Instances judged: `every`, `global` (the Global policy or the singleton), `telehealth` (instances marked " +
						"for the telehealth profile) or `tenant` (at least one instance must satisfy the rule)."),
					"level":    str("`shall` or `should` (a failed `should` control is a warning)."),
					"profiles": list("Profiles the control belongs to."),
					"expected": str("The compliant value or shape, in words."),
					"value_json": str("JSON of the value a configuration sets, e.g. `\"EveryoneInCompanyExcludingGuests\"` or `false`; " +
						"`null` when the rule has no single value (a shape over several attributes)."),
					"hipaa":      list("45 CFR citations (this project's interpretation), e.g. `164.312(d)`."),
					"scuba":      list("CISA SCuBA policy ids, e.g. `MS.TEAMS.1.2v2`."),
					"cis":        list("CIS Microsoft 365 Foundations Benchmark v7.0 ids, e.g. `8.5.2`."),
					"maester":    list("Maester test ids, e.g. `MT.1047`."),
					"sources":    list("Source keys: `SCuBA`, `CIS`, `MT`, `SEED-A`, `SEED-B`, `docs`."),
					"trade_off":  str("What following the control costs, in one sentence."),
					"resolution": str("How a disagreement between sources was settled, and why; empty when there was none."),
				}}},
			"settings_json": str("JSON object of the profile's recommended values: " +
				"`{\"<resource type>\": {\"<scope>\": {\"<attribute>\": value}}}`, scope `every`, `global` or `telehealth` " +
				"(and `tenant` for a value at least one instance must have, such as the encryption policy assigned to clinicians). " +
				"Only controls with a single value are in it."),
			"markdown": str("The profile's controls as a Markdown table (id, level, control, setting, scope, expected, crosswalk, HIPAA)."),
		},
	}
}

func (d *baselineDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m baselineModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	p := catalog.Profile(m.Profile.ValueString())
	controls := catalog.ForProfile(p)
	m.Controls = make([]controlModel, 0, len(controls))
	for _, c := range controls {
		v, err := json.Marshal(c.Rule.Value())
		if err != nil {
			resp.Diagnostics.AddError("Encoding the value of "+c.ID, err.Error())
			return
		}
		ps := make([]string, len(c.Profiles))
		for i, p := range c.Profiles {
			ps[i] = string(p)
		}
		m.Controls = append(m.Controls, controlModel{
			ID: c.ID, Title: c.Title, Resource: c.Resource, Attribute: c.Attribute, Scope: string(c.Scope), Level: string(c.Level),
			Profiles: ps, Expected: c.Rule.Expected(), ValueJSON: string(v),
			// append to an empty slice: an absent list is [], never null, so a
			// configuration can take its length without a null check.
			HIPAA: append([]string{}, c.HIPAA...), SCuBA: append([]string{}, c.Crosswalk.SCuBA...),
			CIS: append([]string{}, c.Crosswalk.CIS...), Maester: append([]string{}, c.Crosswalk.Maester...),
			Sources: append([]string{}, c.Sources...), TradeOff: c.TradeOff, Resolution: c.Resolution,
		})
	}
	settings, err := json.Marshal(catalog.Settings(p))
	if err != nil {
		resp.Diagnostics.AddError("Encoding the settings", err.Error())
		return
	}
	m.SettingsJSON = types.StringValue(string(settings))
	m.Markdown = types.StringValue(catalog.Markdown(controls))
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}
