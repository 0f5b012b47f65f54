package purview

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
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
// normalises that shape against the configuration (see sitFromRead).

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
	return schema.SetNestedAttribute{
		MarkdownDescription: "Sensitive information types, each named by `name` or by `id` (exactly one; see the " +
			"`teamshipaa_sensitive_information_types` data source).",
		NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
			"name": schema.StringAttribute{Optional: true, MarkdownDescription: "Name, e.g. `U.S. Social Security Number (SSN)`."},
			"id":   schema.StringAttribute{Optional: true, MarkdownDescription: "Id (a GUID)."},
			"min_count": schema.Int64Attribute{Optional: true, MarkdownDescription: "Fewest instances that match (at least 1; service default 1).",
				Validators: []validator.Int64{int64validator.AtLeast(1)}},
			"max_count": schema.Int64Attribute{Optional: true, MarkdownDescription: "Most instances that match; `-1` means any number (the default).",
				Validators: []validator.Int64{int64validator.Any(int64validator.OneOf(-1), int64validator.AtLeast(1))}},
			"min_confidence": schema.Int64Attribute{Optional: true, MarkdownDescription: "Lowest confidence (1-100) of a match.",
				Validators: []validator.Int64{int64validator.Between(1, 100)}},
			"max_confidence": schema.Int64Attribute{Optional: true, MarkdownDescription: "Highest confidence (1-100) of a match.",
				Validators: []validator.Int64{int64validator.Between(1, 100)}},
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
			"On import, types are identified by name, and `min_count = 1`, `max_count = -1` and `max_confidence = 100` " +
			"(the service's defaults) are left unset.",
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
	if !known(s) {
		return nil
	}
	var out []sitModel
	diags.Append(s.ElementsAs(ctx, &out, false)...)
	return out
}

func groupsOf(ctx context.Context, s types.Set, diags *diag.Diagnostics) []groupModel {
	if !known(s) {
		return nil
	}
	var out []groupModel
	diags.Append(s.ElementsAs(ctx, &out, false)...)
	return out
}

func conditionOf(ctx context.Context, o types.Object, diags *diag.Diagnostics) (conditionModel, bool) {
	var c conditionModel
	if !known(o) {
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
	simple, grouped := known(c.SensitiveTypes) && len(c.SensitiveTypes.Elements()) > 0, known(c.Groups) && len(c.Groups.Elements()) > 0
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
	validateSITs(ctx, sitsOf(ctx, c.SensitiveTypes, diags), p.AtName("sensitive_types"), diags)
	seen := map[string]bool{}
	for _, g := range groupsOf(ctx, c.Groups, diags) {
		if known(g.Name) {
			k := strings.ToLower(g.Name.ValueString())
			if seen[k] {
				diags.AddAttributeError(p.AtName("groups"), "Duplicate group name", fmt.Sprintf("Group %q appears twice.", g.Name.ValueString()))
			}
			seen[k] = true
		}
		validateSITs(ctx, sitsOf(ctx, g.SensitiveTypes, diags), p.AtName("groups"), diags)
	}
}

func validateSITs(ctx context.Context, sits []sitModel, p path.Path, diags *diag.Diagnostics) {
	for _, s := range sits {
		if s.Name.IsUnknown() || s.ID.IsUnknown() {
			continue
		}
		if s.Name.IsNull() == s.ID.IsNull() {
			diags.AddAttributeError(p, "Name or id", "Each sensitive type needs exactly one of name or id.")
		}
		if known(s.MinCount) && known(s.MaxCount) && s.MaxCount.ValueInt64() != -1 && s.MaxCount.ValueInt64() < s.MinCount.ValueInt64() {
			diags.AddAttributeError(p, "max_count below min_count", fmt.Sprintf("max_count %d is below min_count %d (use -1 for any number).", s.MaxCount.ValueInt64(), s.MinCount.ValueInt64()))
		}
		if known(s.MinConfidence) && known(s.MaxConfidence) && s.MaxConfidence.ValueInt64() < s.MinConfidence.ValueInt64() {
			diags.AddAttributeError(p, "max_confidence below min_confidence", fmt.Sprintf("max_confidence %d is below min_confidence %d.", s.MaxConfidence.ValueInt64(), s.MinConfidence.ValueInt64()))
		}
	}
}

// ---- Go -> the cmdlet's parameter -------------------------------------------

func sitParam(s sitModel) map[string]any {
	m := map[string]any{}
	if known(s.Name) {
		m["name"] = s.Name.ValueString()
	}
	if known(s.ID) {
		m["id"] = s.ID.ValueString()
	}
	for k, v := range map[string]types.Int64{"mincount": s.MinCount, "maxcount": s.MaxCount, "minconfidence": s.MinConfidence, "maxconfidence": s.MaxConfidence} {
		if known(v) {
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

// readCondition is the state value of the condition read as v, normalised
// against prior (the plan or the previous state; null on import).
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
		out["operator"] = stringFromRead(readString(field(first, "operator")), pc.Operator)
		priorGroups := groupsOf(ctx, pc.Groups, diags)
		var gs []attr.Value
		for _, gv := range asList(field(first, "groups")) {
			g := asMap(gv)
			if g == nil {
				continue
			}
			name := readString(field(g, "name"))
			var pg groupModel
			pg.Name, pg.Operator, pg.SensitiveTypes = types.StringNull(), types.StringNull(), types.SetNull(sitObjType)
			for _, x := range priorGroups {
				if strings.EqualFold(x.Name.ValueString(), name) {
					pg = x
				}
			}
			gs = append(gs, types.ObjectValueMust(groupAttrTypes, map[string]attr.Value{
				"name":            stringFromRead(name, pg.Name),
				"operator":        stringFromRead(readString(field(g, "operator")), pg.Operator),
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
		m := asMap(v)
		if m == nil {
			continue
		}
		elems = append(elems, sitFromRead(m, priorSITs))
	}
	if len(elems) == 0 {
		return types.SetNull(sitObjType)
	}
	return types.SetValueMust(sitObjType, elems)
}

// sitFromRead normalises one read entry: matched (by id or name, ignoring
// case) with a configured entry, it takes that entry's way of naming the type
// and reports only the numbers the configuration sets; unmatched (import,
// drift), it is named by name and drops the service's defaults.
func sitFromRead(m map[string]any, prior []sitModel) attr.Value {
	name, id := readString(field(m, "name")), readString(field(m, "id"))
	num := func(k string) types.Int64 {
		if n, ok := readInt(field(m, k)); ok {
			return types.Int64Value(n)
		}
		return types.Int64Null()
	}
	read := sitModel{MinCount: num("mincount"), MaxCount: num("maxcount"), MinConfidence: num("minconfidence"), MaxConfidence: num("maxconfidence")}
	var match *sitModel
	for i, p := range prior {
		if (known(p.ID) && id != "" && strings.EqualFold(p.ID.ValueString(), id)) || (known(p.Name) && name != "" && strings.EqualFold(p.Name.ValueString(), name)) {
			match = &prior[i]
			break
		}
	}
	var out sitModel
	if match != nil {
		out.Name, out.ID = types.StringNull(), types.StringNull()
		if known(match.Name) {
			out.Name = stringFromRead(name, match.Name)
			if name == "" {
				out.Name = match.Name // read back by id only: same type
			}
		}
		if known(match.ID) {
			out.ID = stringFromRead(id, match.ID)
			if id == "" {
				out.ID = match.ID
			}
		}
		keep := func(configured, got types.Int64) types.Int64 {
			if configured.IsNull() {
				return types.Int64Null()
			}
			return got
		}
		out.MinCount, out.MaxCount = keep(match.MinCount, read.MinCount), keep(match.MaxCount, read.MaxCount)
		out.MinConfidence, out.MaxConfidence = keep(match.MinConfidence, read.MinConfidence), keep(match.MaxConfidence, read.MaxConfidence)
	} else {
		out = read
		out.Name, out.ID = types.StringNull(), types.StringNull()
		if name != "" {
			out.Name = types.StringValue(name)
		} else {
			out.ID = types.StringValue(id)
		}
		dropDefault := func(v types.Int64, def int64) types.Int64 {
			if known(v) && v.ValueInt64() == def {
				return types.Int64Null()
			}
			return v
		}
		out.MinCount, out.MaxCount, out.MaxConfidence = dropDefault(out.MinCount, 1), dropDefault(out.MaxCount, -1), dropDefault(out.MaxConfidence, 100)
	}
	return types.ObjectValueMust(sitAttrTypes, map[string]attr.Value{
		"name": out.Name, "id": out.ID, "min_count": out.MinCount, "max_count": out.MaxCount,
		"min_confidence": out.MinConfidence, "max_confidence": out.MaxConfidence,
	})
}
