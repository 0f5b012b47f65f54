package protoserver

import (
	"context"
	"fmt"
	"reflect"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
)

// Unsupported says why a schema cannot take the shortcut ("" when it can):
// a block, a write-only attribute, a plan modifier that may change a plan
// equal to the state, or a Default the plan shortcut cannot check
// (defaults.go: one inside a list, set or map, of another kind, or on a
// type with validation).
func Unsupported(s schema.Schema) string {
	if len(s.Blocks) > 0 {
		return "it has blocks"
	}
	for name, a := range s.Attributes {
		if why := unsupportedAttr(a, true); why != "" {
			return name + ": " + why
		}
	}
	return ""
}

// UnsupportedRead says why a schema cannot take the read shortcut ("" when
// it can, semantic equality aside): the framework's ReadResource (v1.19.0,
// internal/fwserver/server_readresource.go) runs no default and no plan
// modifier; around the resource's Read it only nulls collection blocks when
// decoding the state (NullifyCollectionBlocks), applies semantic equality
// (semanticEquality) and nulls write-only attributes
// (NullifyWriteOnlyAttributes). So only blocks and write-only attributes
// keep a schema out here.
func UnsupportedRead(s schema.Schema) string {
	if len(s.Blocks) > 0 {
		return "it has blocks"
	}
	var writeOnly func(attrs map[string]schema.Attribute) string
	writeOnly = func(attrs map[string]schema.Attribute) string {
		for name, a := range attrs {
			if a.IsWriteOnly() {
				return name + ": write-only"
			}
			if n, ok := a.(schema.NestedAttribute); ok {
				nested := map[string]schema.Attribute{}
				for k, na := range n.GetNestedObject().GetAttributes() {
					sa, ok := na.(schema.Attribute)
					if !ok {
						return name + "." + k + ": an attribute of type " + fmt.Sprintf("%T", na)
					}
					nested[k] = sa
				}
				if why := writeOnly(nested); why != "" {
					return name + "." + why
				}
			}
		}
		return ""
	}
	return writeOnly(s.Attributes)
}

// noOpWhenUnchanged are the plan modifiers (the framework's, for every
// attribute type) that return without a change when the plan value equals
// the state value and is known: the RequiresReplace family (RequiresReplace,
// RequiresReplaceIf, RequiresReplaceIfConfigured) and UseStateForUnknown.
var noOpWhenUnchanged = map[string]bool{
	"requiresReplaceIfModifier":  true,
	"useStateForUnknownModifier": true,
	"useNonNullStateForUnknown":  true,
}

const frameworkModifiers = "github.com/hashicorp/terraform-plugin-framework/resource/schema/"

// unsupportedAttr says why a keeps its schema out; defaultsChecked is true
// where defaults.go checks a Default (reached through single nested
// attributes only).
func unsupportedAttr(a interface{ IsWriteOnly() bool }, defaultsChecked bool) string {
	if a.IsWriteOnly() {
		return "write-only"
	}
	v := reflect.ValueOf(a)
	if v.Kind() == reflect.Pointer {
		v = v.Elem()
	}
	if v.Kind() != reflect.Struct {
		return fmt.Sprintf("an attribute of type %T", a)
	}
	if hasDefault(a) {
		sa, ok := a.(schema.Attribute)
		if !defaultsChecked || !ok {
			return "has a Default"
		}
		if why := supportedDefault(context.Background(), sa); why != "" {
			return why
		}
	}
	if why := unsupportedModifiers(v.FieldByName("PlanModifiers")); why != "" {
		return why
	}
	if o := v.FieldByName("NestedObject"); o.IsValid() && o.Kind() == reflect.Struct {
		if why := unsupportedModifiers(o.FieldByName("PlanModifiers")); why != "" {
			return why
		}
	}
	if n, ok := a.(schema.NestedAttribute); ok {
		_, single := a.(schema.SingleNestedAttribute)
		for name, na := range n.GetNestedObject().GetAttributes() {
			if why := unsupportedAttr(na, defaultsChecked && single); why != "" {
				return name + ": " + why
			}
		}
	}
	return ""
}

// unsupportedModifiers names the first plan modifier of the slice m that is
// not in noOpWhenUnchanged ("" if none; m may be the zero Value).
func unsupportedModifiers(m reflect.Value) string {
	if !m.IsValid() || m.Kind() != reflect.Slice {
		return ""
	}
	for i := range m.Len() {
		t := reflect.TypeOf(m.Index(i).Interface())
		if t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		if !strings.HasPrefix(t.PkgPath(), frameworkModifiers) || !noOpWhenUnchanged[t.Name()] {
			return fmt.Sprintf("plan modifier %s.%s", t.PkgPath(), t.Name())
		}
	}
	return ""
}

// semanticEquality names an attribute whose type (or element or attribute
// type) has semantic equality ("" if none): after a Read, the framework
// keeps the prior value of such an attribute when the two are semantically
// equal, which the direct read does not do.
func semanticEquality(ctx context.Context, s schema.Schema) string {
	for name, a := range s.Attributes {
		if hasSemanticEquality(ctx, a.GetType()) {
			return name + ": a type with semantic equality"
		}
	}
	return ""
}

func hasSemanticEquality(ctx context.Context, t attr.Type) bool {
	vt := reflect.TypeOf(t.ValueType(ctx))
	for i := range vt.NumMethod() {
		if strings.HasSuffix(vt.Method(i).Name, "SemanticEquals") {
			return true
		}
	}
	switch t := t.(type) {
	case attr.TypeWithElementType:
		return hasSemanticEquality(ctx, t.ElementType())
	case attr.TypeWithElementTypes:
		for _, et := range t.ElementTypes() {
			if hasSemanticEquality(ctx, et) {
				return true
			}
		}
	case attr.TypeWithAttributeTypes:
		for _, at := range t.AttributeTypes() {
			if hasSemanticEquality(ctx, at) {
				return true
			}
		}
	}
	return false
}
