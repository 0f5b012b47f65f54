package protoserver

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/attr/xattr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// semanticType is a string type whose values have semantic equality, as
// jsontypes.Normalized has.
type semanticType struct{ basetypes.StringType }

type semanticValue struct{ basetypes.StringValue }

func (semanticType) ValueType(context.Context) attr.Value { return semanticValue{} }

func (t semanticType) ValueFromTerraform(ctx context.Context, v tftypes.Value) (attr.Value, error) {
	sv, err := t.StringType.ValueFromTerraform(ctx, v)
	if err != nil {
		return nil, err
	}
	return semanticValue{StringValue: sv.(basetypes.StringValue)}, nil //nolint:forcetypeassert // StringType makes StringValues
}

func (semanticType) Equal(o attr.Type) bool { _, ok := o.(semanticType); return ok }

func (v semanticValue) StringSemanticEquals(context.Context, basetypes.StringValuable) (bool, diag.Diagnostics) {
	return true, nil
}

// validatedType is a string type whose values validate themselves, which
// the framework's ValueAtPath runs.
type validatedType struct{ basetypes.StringType }

type validatedValue struct{ basetypes.StringValue }

func (validatedType) ValueType(context.Context) attr.Value { return validatedValue{} }

func (validatedValue) ValidateAttribute(context.Context, xattr.ValidateAttributeRequest, *xattr.ValidateAttributeResponse) {
}
