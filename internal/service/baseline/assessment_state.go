package baseline

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// The assessment's state is built as a tftypes value directly instead of
// through State.Set: the framework's reflection over `results` (one element
// per control and object, thousands in a tenant with hundreds of policies)
// was most of the data source's CPU (issue 15). The value is the one
// State.Set would write for the same model (TestAssessmentStateValueMatchesSet
// proves it): nil slices and maps are null, types.* values are themselves.

// stateValue is m as the data source's state value of type typ (the
// schema's Terraform type).
func (m *assessmentModel) stateValue(ctx context.Context, typ tftypes.Object) (tftypes.Value, error) {
	b := valueBuilder{ctx: ctx}
	vals := map[string]tftypes.Value{
		"id":                b.attr(m.ID),
		"profile":           b.attr(m.Profile),
		"object_profiles":   b.attr(m.ObjectProfiles),
		"module_version":    b.attr(m.ModuleVersion),
		"organization":      b.attr(m.Organization),
		"generated_at":      b.attr(m.GeneratedAt),
		"summary_only":      b.attr(m.SummaryOnly),
		"tenant_id":         b.attr(m.TenantID),
		"tenant_domain":     b.attr(m.TenantDomain),
		"provider_version":  b.attr(m.ProviderVersion),
		"scuba_json":        b.attr(m.ScubaJSON),
		"markdown":          b.attr(m.Markdown),
		"evidence_markdown": b.attr(m.EvidenceMarkdown),
		"html":              b.attr(m.HTML),
		"content_hash":      b.attr(m.ContentHash),
		"control_results":   stringMap(m.ControlResults),
		"summary":           b.summary(typ.AttributeTypes["summary"], m.Summary),
		"control_summary":   b.summary(typ.AttributeTypes["control_summary"], m.ControlSummary),
	}

	exType, _ := typ.AttributeTypes["exceptions"].(tftypes.Map)
	exObj, _ := exType.ElementType.(tftypes.Object)
	vals["exceptions"] = mapValue(exType, m.Exceptions, func(e exceptionModel) tftypes.Value {
		return tftypes.NewValue(exObj, map[string]tftypes.Value{
			"reason": b.attr(e.Reason), "approved_by": b.attr(e.ApprovedBy), "expires": b.attr(e.Expires),
			"objects": stringCollection(tftypes.Set{ElementType: tftypes.String}, e.Objects), "value": b.attr(e.Value),
		})
	})

	moType, _ := typ.AttributeTypes["managed_objects"].(tftypes.Map)
	vals["managed_objects"] = mapValue(moType, m.ManagedObjects, func(names []string) tftypes.Value {
		return stringCollection(moType.ElementType, names)
	})

	resType, _ := typ.AttributeTypes["results"].(tftypes.List)
	resObj, _ := resType.ElementType.(tftypes.Object)
	strList := tftypes.List{ElementType: tftypes.String}
	vals["results"] = listValue(resType, m.Results, func(r resultModel) tftypes.Value {
		return tftypes.NewValue(resObj, map[string]tftypes.Value{
			"control_id": b.attr(r.ControlID), "title": b.attr(r.Title), "object": b.attr(r.Object),
			"resource": b.attr(r.Resource), "attribute": b.attr(r.Attribute), "result": b.attr(r.Result),
			"actual": b.attr(r.Actual), "expected": b.attr(r.Expected), "details": b.attr(r.Details),
			"level": b.attr(r.Level), "hipaa": stringCollection(strList, r.HIPAA), "scuba": stringCollection(strList, r.SCuBA),
			"cis": stringCollection(strList, r.CIS), "maester": stringCollection(strList, r.Maester),
		})
	})

	unType, _ := typ.AttributeTypes["unmanaged"].(tftypes.List)
	unObj, _ := unType.ElementType.(tftypes.Object)
	vals["unmanaged"] = listValue(unType, m.Unmanaged, func(u unmanagedModel) tftypes.Value {
		return tftypes.NewValue(unObj, map[string]tftypes.Value{
			"resource": b.attr(u.Resource), "object": b.attr(u.Object),
			"controls": stringCollection(strList, u.Controls), "what_to_do": b.attr(u.WhatToDo),
		})
	})

	if b.err != nil {
		return tftypes.Value{}, b.err
	}
	if len(vals) != len(typ.AttributeTypes) {
		// A schema attribute the builder does not know: a bug, caught by the tests.
		return tftypes.Value{}, fmt.Errorf("the assessment's state has %d attributes, its schema %d", len(vals), len(typ.AttributeTypes))
	}
	return tftypes.NewValue(typ, vals), nil
}

// valueBuilder converts framework values, keeping the first error.
type valueBuilder struct {
	ctx context.Context
	err error
}

func (b *valueBuilder) attr(v attr.Value) tftypes.Value {
	tv, err := v.ToTerraformValue(b.ctx)
	if err != nil && b.err == nil {
		b.err = err
	}
	return tv
}

func (b *valueBuilder) summary(t tftypes.Type, s *summaryModel) tftypes.Value {
	if s == nil {
		return tftypes.NewValue(t, nil)
	}
	return tftypes.NewValue(t, map[string]tftypes.Value{
		"pass": b.attr(s.Pass), "fail": b.attr(s.Fail), "warning": b.attr(s.Warning),
		"not_applicable": b.attr(s.NotApplicable), "excepted": b.attr(s.Excepted), "error": b.attr(s.Error),
	})
}

// listValue is a list (or set) of type t with elem of each of xs; nil is
// null, as State.Set writes a nil slice.
func listValue[T any](t tftypes.Type, xs []T, elem func(T) tftypes.Value) tftypes.Value {
	if xs == nil {
		return tftypes.NewValue(t, nil)
	}
	elems := make([]tftypes.Value, len(xs))
	for i, x := range xs {
		elems[i] = elem(x)
	}
	return tftypes.NewValue(t, elems)
}

// mapValue is a map of type t with elem of each value of m; nil is null.
func mapValue[T any](t tftypes.Type, m map[string]T, elem func(T) tftypes.Value) tftypes.Value {
	if m == nil {
		return tftypes.NewValue(t, nil)
	}
	elems := make(map[string]tftypes.Value, len(m))
	for k, v := range m {
		elems[k] = elem(v)
	}
	return tftypes.NewValue(t, elems)
}

// stringCollection is a list or set of strings; nil is null.
func stringCollection(t tftypes.Type, vs []string) tftypes.Value {
	return listValue(t, vs, stringValue)
}

// stringMap is a map of strings; nil is null.
func stringMap(m map[string]string) tftypes.Value {
	return mapValue(tftypes.Map{ElementType: tftypes.String}, m, stringValue)
}

func stringValue(s string) tftypes.Value { return tftypes.NewValue(tftypes.String, s) }
