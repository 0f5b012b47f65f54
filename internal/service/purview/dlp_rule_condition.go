package purview

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/flex"
)

// The ContentContainsSensitiveInformation condition of a DLP rule, in its two
// documented forms (New-DlpComplianceRule):
//
//	simple:  [{name|id, mincount, maxcount, minconfidence, maxconfidence}, ...]  (any of them matches)
//	grouped: [{operator: And|Or, groups: [{name, operator: And|Or, sensitivetypes: [...]}, ...]}]
//
// The service reads them back in another shape: keys lower-case, numbers as
// strings ("1"), extra keys (id next to name, classifiertype, confidencelevel,
// rulePackId), and a one-element list sometimes as a bare object. readCondition
// turns that shape into the state, whole (name and id, every count and
// confidence), so that import and refresh read the same thing; the
// configuration names each type one way and may leave counts to the service,
// so name, id and the numbers are optional and computed, and
// conditionFromState pairs configured types with stored ones at plan time.

var operators = []string{"And", "Or"}

var sitAttrTypes = map[string]attr.Type{
	"name": types.StringType, "id": types.StringType,
	"min_count": types.Int64Type, "max_count": types.Int64Type,
	"min_confidence": types.Int64Type, "max_confidence": types.Int64Type,
}

var sitObjType = types.ObjectType{AttrTypes: sitAttrTypes}

var groupAttrTypes = map[string]attr.Type{
	"name": types.StringType, "operator": types.StringType, "sensitive_types": types.SetType{ElemType: sitObjType},
}

var groupObjType = types.ObjectType{AttrTypes: groupAttrTypes}

var conditionAttrTypes = map[string]attr.Type{
	"operator":        types.StringType,
	"sensitive_types": types.SetType{ElemType: sitObjType},
	"groups":          types.SetType{ElemType: groupObjType},
}

type sitModel struct {
	Name          types.String `tfsdk:"name"`
	ID            types.String `tfsdk:"id"`
	MinCount      types.Int64  `tfsdk:"min_count"`
	MaxCount      types.Int64  `tfsdk:"max_count"`
	MinConfidence types.Int64  `tfsdk:"min_confidence"`
	MaxConfidence types.Int64  `tfsdk:"max_confidence"`
}

type groupModel struct {
	Name           types.String `tfsdk:"name"`
	Operator       types.String `tfsdk:"operator"`
	SensitiveTypes types.Set    `tfsdk:"sensitive_types"`
}

type conditionModel struct {
	Operator       types.String `tfsdk:"operator"`
	SensitiveTypes types.Set    `tfsdk:"sensitive_types"`
	Groups         types.Set    `tfsdk:"groups"`
}

func sitSchema() schema.SetNestedAttribute {
	str := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{Optional: true, Computed: true, MarkdownDescription: desc}
	}
	num := func(desc string, v validator.Int64) schema.Int64Attribute {
		return schema.Int64Attribute{Optional: true, Computed: true, MarkdownDescription: desc, Validators: []validator.Int64{v}}
	}
	return schema.SetNestedAttribute{
		MarkdownDescription: "Sensitive information types, each named by `name` or by `id` (see the " +
			"`teamshipaa_sensitive_information_types` data source), or both as an import's generated configuration has them " +
			"(the service refuses a name and an id of different types). The one left out, and the counts and confidences you " +
			"leave out, are read from the service.",
		NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
			"name": str("Name, e.g. `U.S. Social Security Number (SSN)`."),
			"id":   str("Id (a GUID)."),
			"min_count": num("Fewest instances that match (at least 1; service default 1).",
				int64validator.AtLeast(1)),
			"max_count": num("Most instances that match; `-1` means any number (the service default).",
				int64validator.Any(int64validator.OneOf(-1), int64validator.AtLeast(1))),
			"min_confidence": num("Lowest confidence (1-100) of a match.", int64validator.Between(1, 100)),
			"max_confidence": num("Highest confidence (1-100) of a match.", int64validator.Between(1, 100)),
		}},
	}
}

func conditionSchema() schema.SingleNestedAttribute {
	simple := sitSchema()
	simple.Optional = true
	simple.MarkdownDescription = "Simple form: content matches when it contains any of these types. " + simple.MarkdownDescription
	inGroup := sitSchema()
	inGroup.Required = true
	return schema.SingleNestedAttribute{
		Required: true,
		MarkdownDescription: "What the rule detects (`ContentContainsSensitiveInformation`). Use exactly one form: `sensitive_types` " +
			"(any of them), or `operator` with `groups` (each group combines its types with its own operator, and `operator` " +
			"combines the groups), for example (SSN or DEA number) **and** (ICD-9 or ICD-10 code).\n\n" +
			"The state holds each type as the service stores it: its name and its id, and every count and confidence the " +
			"service reports (those you leave out take the service's defaults, e.g. `min_count = 1`, `max_count = -1`, without " +
			"a diff). So an import reads the condition back whole, however the configuration names the types.",
		PlanModifiers: []planmodifier.Object{conditionFromState{}},
		Attributes: map[string]schema.Attribute{
			"operator": schema.StringAttribute{Optional: true, MarkdownDescription: "Grouped form: how groups combine, `And` or `Or`.",
				Validators: []validator.String{stringvalidator.OneOf(operators...)}},
			"sensitive_types": simple,
			"groups": schema.SetNestedAttribute{Optional: true, MarkdownDescription: "Grouped form: the groups.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"name": schema.StringAttribute{Required: true, MarkdownDescription: "Group name, unique within the rule."},
					"operator": schema.StringAttribute{Required: true, MarkdownDescription: "How the group's types combine, `And` or `Or`.",
						Validators: []validator.String{stringvalidator.OneOf(operators...)}},
					"sensitive_types": inGroup,
				}}},
		},
	}
}

// ---- configuration -> Go ------------------------------------------------------

func sitsOf(ctx context.Context, s types.Set, diags *diag.Diagnostics) []sitModel {
	if !flex.Known(s) {
		return nil
	}
	var out []sitModel
	diags.Append(s.ElementsAs(ctx, &out, false)...)
	return out
}

func groupsOf(ctx context.Context, s types.Set, diags *diag.Diagnostics) []groupModel {
	if !flex.Known(s) {
		return nil
	}
	var out []groupModel
	diags.Append(s.ElementsAs(ctx, &out, false)...)
	return out
}

func conditionOf(ctx context.Context, o types.Object, diags *diag.Diagnostics) (conditionModel, bool) {
	var c conditionModel
	if !flex.Known(o) {
		return c, false
	}
	diags.Append(o.As(ctx, &c, basetypes.ObjectAsOptions{UnhandledUnknownAsEmpty: true})...)
	return c, true
}

// validateCondition checks the rules the schema cannot express.
func validateCondition(ctx context.Context, o types.Object, diags *diag.Diagnostics) {
	c, ok := conditionOf(ctx, o, diags)
	if !ok || diags.HasError() {
		return
	}
	p := path.Root("content_contains_sensitive_information")
	simple, grouped := flex.Known(c.SensitiveTypes) && len(c.SensitiveTypes.Elements()) > 0, flex.Known(c.Groups) && len(c.Groups.Elements()) > 0
	if c.SensitiveTypes.IsUnknown() || c.Groups.IsUnknown() {
		return
	}
	switch {
	case simple && grouped:
		diags.AddAttributeError(p, "Two forms given", "Use either sensitive_types (simple form) or operator with groups (grouped form), not both.")
	case !simple && !grouped:
		diags.AddAttributeError(p, "No sensitive information type", "Give sensitive_types (simple form), or operator with groups (grouped form).")
	case simple && !c.Operator.IsNull():
		diags.AddAttributeError(p.AtName("operator"), "operator needs groups", "operator combines groups; the simple form (sensitive_types) matches any of its types.")
	case grouped && c.Operator.IsNull():
		diags.AddAttributeError(p.AtName("operator"), "Missing operator", "The grouped form needs operator = \"And\" or \"Or\" to combine its groups.")
	}
	validateSITs(sitsOf(ctx, c.SensitiveTypes, diags), p.AtName("sensitive_types"), diags)
	seen := map[string]bool{}
	for _, g := range groupsOf(ctx, c.Groups, diags) {
		if flex.Known(g.Name) {
			k := strings.ToLower(g.Name.ValueString())
			if seen[k] {
				diags.AddAttributeError(p.AtName("groups"), "Duplicate group name", fmt.Sprintf("Group %q appears twice.", g.Name.ValueString()))
			}
			seen[k] = true
		}
		validateSITs(sitsOf(ctx, g.SensitiveTypes, diags), p.AtName("groups"), diags)
	}
}

func validateSITs(sits []sitModel, p path.Path, diags *diag.Diagnostics) {
	for _, s := range sits {
		if s.Name.IsUnknown() || s.ID.IsUnknown() {
			continue
		}
		// Both is what the service reads back and what -generate-config-out
		// writes after an import; the service refuses a name and id of two
		// different types, so only neither is refused here.
		if s.Name.IsNull() && s.ID.IsNull() {
			diags.AddAttributeError(p, "Name or id", "Each sensitive type needs its name or its id (or both, naming the same type).")
		}
		if flex.Known(s.MinCount) && flex.Known(s.MaxCount) && s.MaxCount.ValueInt64() != -1 && s.MaxCount.ValueInt64() < s.MinCount.ValueInt64() {
			diags.AddAttributeError(p, "max_count below min_count", fmt.Sprintf("max_count %d is below min_count %d (use -1 for any number).", s.MaxCount.ValueInt64(), s.MinCount.ValueInt64()))
		}
		if flex.Known(s.MinConfidence) && flex.Known(s.MaxConfidence) && s.MaxConfidence.ValueInt64() < s.MinConfidence.ValueInt64() {
			diags.AddAttributeError(p, "max_confidence below min_confidence", fmt.Sprintf("max_confidence %d is below min_confidence %d.", s.MaxConfidence.ValueInt64(), s.MinConfidence.ValueInt64()))
		}
	}
}

// ---- Go -> the cmdlet's parameter -------------------------------------------

func sitParam(s sitModel) map[string]any {
	m := map[string]any{}
	if flex.Known(s.Name) {
		m["name"] = s.Name.ValueString()
	}
	if flex.Known(s.ID) {
		m["id"] = s.ID.ValueString()
	}
	for k, v := range map[string]types.Int64{"mincount": s.MinCount, "maxcount": s.MaxCount, "minconfidence": s.MinConfidence, "maxconfidence": s.MaxConfidence} {
		if flex.Known(v) {
			m[k] = strconv.FormatInt(v.ValueInt64(), 10) // the documented examples pass strings
		}
	}
	return m
}

// conditionParam is the ContentContainsSensitiveInformation parameter.
func conditionParam(ctx context.Context, o types.Object, diags *diag.Diagnostics) []any {
	c, ok := conditionOf(ctx, o, diags)
	if !ok {
		return nil
	}
	if groups := groupsOf(ctx, c.Groups, diags); len(groups) > 0 {
		var gs []any
		for _, g := range groups {
			var ts []any
			for _, s := range sitsOf(ctx, g.SensitiveTypes, diags) {
				ts = append(ts, sitParam(s))
			}
			gs = append(gs, map[string]any{"name": g.Name.ValueString(), "operator": g.Operator.ValueString(), "sensitivetypes": ts})
		}
		return []any{map[string]any{"operator": c.Operator.ValueString(), "groups": gs}}
	}
	var out []any
	for _, s := range sitsOf(ctx, c.SensitiveTypes, diags) {
		out = append(out, sitParam(s))
	}
	return out
}

// ---- the service's shape -> state ------------------------------------------

func asList(v any) []any {
	switch x := v.(type) {
	case nil:
		return nil
	case []any:
		return x
	case map[string]any:
		return []any{x}
	}
	return nil
}

func asMap(v any) map[string]any { m, _ := v.(map[string]any); return m }

// readCondition is the state value of the condition read as v: every type
// with the name, id, counts and confidences the service reports, whatever the
// configuration set (those it leaves out are computed). prior (the plan or the
// previous state; null on import) only lends its spelling to names, ids and
// operators the service capitalises differently, so import reads back exactly
// what a refresh does.
func readCondition(ctx context.Context, v any, prior types.Object, diags *diag.Diagnostics) types.Object {
	list := asList(v)
	if len(list) == 0 {
		return types.ObjectNull(conditionAttrTypes)
	}
	pc, _ := conditionOf(ctx, prior, diags)
	out := map[string]attr.Value{
		"operator":        types.StringNull(),
		"sensitive_types": types.SetNull(sitObjType),
		"groups":          types.SetNull(groupObjType),
	}
	first := asMap(list[0])
	if first != nil && field(first, "groups") != nil {
		out["operator"] = flex.FlattenString(readString(field(first, "operator")), pc.Operator)
		priorGroups := groupsOf(ctx, pc.Groups, diags)
		var gs []attr.Value
		for _, gv := range asList(field(first, "groups")) {
			g := asMap(gv)
			if g == nil {
				continue
			}
			name := readString(field(g, "name"))
			pg := groupModel{Name: types.StringNull(), Operator: types.StringNull(), SensitiveTypes: types.SetNull(sitObjType)}
			for _, x := range priorGroups {
				if strings.EqualFold(x.Name.ValueString(), name) {
					pg = x
				}
			}
			gs = append(gs, types.ObjectValueMust(groupAttrTypes, map[string]attr.Value{
				"name":            flex.FlattenString(name, pg.Name),
				"operator":        flex.FlattenString(readString(field(g, "operator")), pg.Operator),
				"sensitive_types": readSITs(ctx, asList(field(g, "sensitivetypes")), pg.SensitiveTypes, diags),
			}))
		}
		out["groups"] = types.SetValueMust(groupObjType, gs)
	} else {
		out["sensitive_types"] = readSITs(ctx, list, pc.SensitiveTypes, diags)
	}
	return types.ObjectValueMust(conditionAttrTypes, out)
}

func readSITs(ctx context.Context, list []any, prior types.Set, diags *diag.Diagnostics) types.Set {
	priorSITs := sitsOf(ctx, prior, diags)
	var elems []attr.Value
	for _, v := range list {
		if m := asMap(v); m != nil {
			elems = append(elems, sitValue(sitFromRead(m, priorSITs)))
		}
	}
	if len(elems) == 0 {
		return types.SetNull(sitObjType)
	}
	return types.SetValueMust(sitObjType, elems)
}

// sitFromRead is one read entry as the state holds it. A name or id equal
// (ignoring case) to one in prior keeps prior's spelling; an entry read back
// with only one of them takes the other from the prior entry it names.
func sitFromRead(m map[string]any, prior []sitModel) sitModel {
	str := func(k string) types.String {
		if s := readString(field(m, k)); s != "" {
			return types.StringValue(s)
		}
		return types.StringNull()
	}
	num := func(k string) types.Int64 {
		if n, ok := readInt(field(m, k)); ok {
			return types.Int64Value(n)
		}
		return types.Int64Null()
	}
	out := sitModel{Name: str("name"), ID: str("id"), MinCount: num("mincount"), MaxCount: num("maxcount"),
		MinConfidence: num("minconfidence"), MaxConfidence: num("maxconfidence")}
	same := func(a, b types.String) bool {
		return flex.Known(a) && flex.Known(b) && strings.EqualFold(a.ValueString(), b.ValueString())
	}
	for _, p := range prior {
		byName, byID := same(p.Name, out.Name), same(p.ID, out.ID)
		if !byName && !byID {
			continue
		}
		if byName || (out.Name.IsNull() && flex.Known(p.Name)) {
			out.Name = p.Name
		}
		if byID || (out.ID.IsNull() && flex.Known(p.ID)) {
			out.ID = p.ID
		}
		break
	}
	return out
}

func sitValue(s sitModel) attr.Value {
	return types.ObjectValueMust(sitAttrTypes, map[string]attr.Value{
		"name": s.Name, "id": s.ID, "min_count": s.MinCount, "max_count": s.MaxCount,
		"min_confidence": s.MinConfidence, "max_confidence": s.MaxConfidence,
	})
}

// ---- correlating configured types with read or stored ones -----------------

// sitAgrees reports whether got is the type pattern describes: every value
// pattern holds (names and ids ignoring case) equals got's. Null and unknown
// values of pattern (left to the service, or not known yet) match anything.
func sitAgrees(pattern, got sitModel) bool {
	str := func(p, g types.String) bool {
		return !flex.Known(p) || (flex.Known(g) && strings.EqualFold(p.ValueString(), g.ValueString()))
	}
	num := func(p, g types.Int64) bool {
		return !flex.Known(p) || (flex.Known(g) && p.ValueInt64() == g.ValueInt64())
	}
	return str(pattern.Name, got.Name) && str(pattern.ID, got.ID) && num(pattern.MinCount, got.MinCount) &&
		num(pattern.MaxCount, got.MaxCount) && num(pattern.MinConfidence, got.MinConfidence) && num(pattern.MaxConfidence, got.MaxConfidence)
}

// correlateSITs pairs each pattern with a distinct element of have that agrees
// with it (-1: none). Patterns holding more values pick first, so a looser
// pattern cannot take the element a stricter one needs.
func correlateSITs(patterns, have []sitModel) []int {
	order := make([]int, len(patterns))
	for i := range order {
		order[i] = i
	}
	held := func(s sitModel) int {
		n := 0
		for _, v := range []attr.Value{s.Name, s.ID, s.MinCount, s.MaxCount, s.MinConfidence, s.MaxConfidence} {
			if flex.Known(v) {
				n++
			}
		}
		return n
	}
	sort.SliceStable(order, func(a, b int) bool { return held(patterns[order[a]]) > held(patterns[order[b]]) })
	pair, used := make([]int, len(patterns)), make([]bool, len(have))
	for _, i := range order {
		pair[i] = -1
		for j, h := range have {
			if !used[j] && sitAgrees(patterns[i], h) {
				pair[i], used[j] = j, true
				break
			}
		}
	}
	return pair
}

// sitsSatisfy reports whether the types read back (got) are the ones wanted:
// as many, each wanted one agreeing with its own read one.
func sitsSatisfy(ctx context.Context, want, got types.Set, diags *diag.Diagnostics) bool {
	if want.IsUnknown() {
		return true
	}
	ws, gs := sitsOf(ctx, want, diags), sitsOf(ctx, got, diags)
	if len(ws) != len(gs) {
		return false
	}
	for _, j := range correlateSITs(ws, gs) {
		if j < 0 {
			return false
		}
	}
	return true
}

// conditionSatisfies reports whether the condition read back (got, as
// readCondition returns it) is the one wanted (a plan: unknown and null values
// are left to the service).
func conditionSatisfies(ctx context.Context, want, got types.Object, diags *diag.Diagnostics) bool {
	if want.IsUnknown() {
		return true
	}
	if want.IsNull() || got.IsNull() {
		return want.IsNull() == got.IsNull()
	}
	w, _ := conditionOf(ctx, want, diags)
	g, _ := conditionOf(ctx, got, diags)
	if flex.Known(w.Operator) && !strings.EqualFold(w.Operator.ValueString(), g.Operator.ValueString()) {
		return false
	}
	if !sitsSatisfy(ctx, w.SensitiveTypes, g.SensitiveTypes, diags) {
		return false
	}
	if w.Groups.IsUnknown() {
		return true
	}
	wg, gg := groupsOf(ctx, w.Groups, diags), groupsOf(ctx, g.Groups, diags)
	if len(wg) != len(gg) {
		return false
	}
	for _, x := range wg {
		found := false
		for _, y := range gg {
			if strings.EqualFold(x.Name.ValueString(), y.Name.ValueString()) {
				found = (!flex.Known(x.Operator) || strings.EqualFold(x.Operator.ValueString(), y.Operator.ValueString())) &&
					sitsSatisfy(ctx, x.SensitiveTypes, y.SensitiveTypes, diags)
				break
			}
		}
		if !found {
			return false
		}
	}
	return !diags.HasError()
}

// ---- planning --------------------------------------------------------------

// conditionFromState plans each configured type as the stored type it
// describes, so the values left to the service (a name when the configuration
// gives the id, the default counts and confidences) carry over from the state
// instead of showing as "known after apply". Terraform cannot pair them
// itself: the types sit in a set nested in the set of groups. A configured
// type with no stored match (new, or changed) plans its computed values as
// unknown.
type conditionFromState struct{}

func (conditionFromState) Description(context.Context) string {
	return "Sensitive types left partly to the service keep the values it stored."
}

func (m conditionFromState) MarkdownDescription(ctx context.Context) string {
	return m.Description(ctx)
}

func (conditionFromState) PlanModifyObject(ctx context.Context, req planmodifier.ObjectRequest, resp *planmodifier.ObjectResponse) {
	if req.StateValue.IsNull() || !flex.Known(req.ConfigValue) || !flex.Known(req.PlanValue) || req.PlanValue.Equal(req.StateValue) {
		return
	}
	cfg, _ := conditionOf(ctx, req.ConfigValue, &resp.Diagnostics)
	st, _ := conditionOf(ctx, req.StateValue, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	out := map[string]attr.Value{
		"operator":        cfg.Operator,
		"sensitive_types": plannedSITs(ctx, cfg.SensitiveTypes, st.SensitiveTypes, &resp.Diagnostics),
		"groups":          cfg.Groups,
	}
	if flex.Known(cfg.Groups) {
		stored := groupsOf(ctx, st.Groups, &resp.Diagnostics)
		var gs []attr.Value
		for _, g := range groupsOf(ctx, cfg.Groups, &resp.Diagnostics) {
			prior := types.SetNull(sitObjType)
			for _, s := range stored {
				if flex.Known(g.Name) && strings.EqualFold(s.Name.ValueString(), g.Name.ValueString()) {
					prior = s.SensitiveTypes
				}
			}
			gs = append(gs, types.ObjectValueMust(groupAttrTypes, map[string]attr.Value{
				"name": g.Name, "operator": g.Operator,
				"sensitive_types": plannedSITs(ctx, g.SensitiveTypes, prior, &resp.Diagnostics),
			}))
		}
		out["groups"] = types.SetValueMust(groupObjType, gs)
	}
	if !resp.Diagnostics.HasError() {
		resp.PlanValue = types.ObjectValueMust(conditionAttrTypes, out)
	}
}

// plannedSITs is the planned value of configured types: each one paired with
// a stored type it agrees with is that type, spelled as configured; the
// others leave what they do not set unknown.
func plannedSITs(ctx context.Context, configured, stored types.Set, diags *diag.Diagnostics) types.Set {
	if !flex.Known(configured) {
		return configured
	}
	cs, ss := sitsOf(ctx, configured, diags), sitsOf(ctx, stored, diags)
	// A type whose name or id is not known yet (from a data source read at
	// apply) cannot be paired: it could be any stored type.
	var patterns []sitModel
	var at []int
	for i, c := range cs {
		if !c.Name.IsUnknown() && !c.ID.IsUnknown() && !c.MinCount.IsUnknown() && !c.MaxCount.IsUnknown() &&
			!c.MinConfidence.IsUnknown() && !c.MaxConfidence.IsUnknown() {
			patterns, at = append(patterns, c), append(at, i)
		}
	}
	pair := make([]int, len(cs))
	for i := range pair {
		pair[i] = -1
	}
	for k, j := range correlateSITs(patterns, ss) {
		pair[at[k]] = j
	}
	elems := make([]attr.Value, len(cs))
	for i, c := range cs {
		out := sitModel{Name: types.StringUnknown(), ID: types.StringUnknown(), MinCount: types.Int64Unknown(),
			MaxCount: types.Int64Unknown(), MinConfidence: types.Int64Unknown(), MaxConfidence: types.Int64Unknown()}
		if pair[i] >= 0 {
			out = ss[pair[i]]
		}
		for _, f := range []struct {
			dst *types.String
			src types.String
		}{{&out.Name, c.Name}, {&out.ID, c.ID}} {
			if !f.src.IsNull() {
				*f.dst = f.src
			}
		}
		for _, f := range []struct {
			dst *types.Int64
			src types.Int64
		}{{&out.MinCount, c.MinCount}, {&out.MaxCount, c.MaxCount}, {&out.MinConfidence, c.MinConfidence}, {&out.MaxConfidence, c.MaxConfidence}} {
			if !f.src.IsNull() {
				*f.dst = f.src
			}
		}
		elems[i] = sitValue(out)
	}
	return types.SetValueMust(sitObjType, elems)
}
