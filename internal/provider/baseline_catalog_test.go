package provider_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/baseline"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/provider"
)

// Every control of the catalog governs a resource type the provider serves
// and an attribute in that resource's schema; every value the catalog asks a
// configuration to set has the attribute's type and passes its validators
// (so an enum value cannot be misspelled).
func TestBaselineCatalogMatchesSchemas(t *testing.T) {
	ctx := context.Background()
	schemas := map[string]schema.Schema{}
	for _, f := range provider.New("test")().Resources(ctx) {
		r := f()
		var meta resource.MetadataResponse
		r.Metadata(ctx, resource.MetadataRequest{ProviderTypeName: "teamshipaa"}, &meta)
		var s resource.SchemaResponse
		r.Schema(ctx, resource.SchemaRequest{}, &s)
		if s.Diagnostics.HasError() {
			t.Fatalf("%s: %v", meta.TypeName, s.Diagnostics)
		}
		schemas[meta.TypeName] = s.Schema
	}
	for _, c := range baseline.Catalog() {
		s, ok := schemas[c.Resource]
		if !ok {
			t.Errorf("%s: the provider has no resource %s", c.ID, c.Resource)
			continue
		}
		checkAttr(ctx, t, c.ID, s, c.Attribute, c.Rule.Value())
		if a, ok := c.Rule.(interface{ Allowed() []any }); ok {
			for _, v := range a.Allowed() {
				checkAttr(ctx, t, c.ID, s, c.Attribute, v)
			}
		}
		if g, ok := c.Rule.(interface{ Guard() (string, any) }); ok {
			name, want := g.Guard()
			checkAttr(ctx, t, c.ID+" (guard)", s, name, want)
		}
	}
}

// checkAttr fails unless the schema has the attribute at the dotted path
// and, when v is not nil, v is a valid value for it.
func checkAttr(ctx context.Context, t *testing.T, id string, s schema.Schema, dotted string, v any) {
	t.Helper()
	parts := strings.Split(dotted, ".")
	p := path.Root(parts[0])
	for _, name := range parts[1:] {
		p = p.AtName(name)
	}
	a, diags := s.AttributeAtPath(ctx, p)
	if diags.HasError() {
		t.Errorf("%s: no attribute %s: %v", id, dotted, diags)
		return
	}
	if v == nil {
		return
	}
	if err := validate(ctx, a, p, v); err != nil {
		t.Errorf("%s: %s = %s: %v", id, dotted, baseline.Format(v), err)
	}
}

func validate(ctx context.Context, a interface{ GetType() attr.Type }, p path.Path, v any) error {
	switch a := a.(type) {
	case schema.StringAttribute:
		s, ok := v.(string)
		if !ok {
			return fmt.Errorf("a string attribute, the catalog's value is %T", v)
		}
		for _, val := range a.Validators {
			var resp validator.StringResponse
			val.ValidateString(ctx, validator.StringRequest{Path: p, ConfigValue: types.StringValue(s)}, &resp)
			if resp.Diagnostics.HasError() {
				return fmt.Errorf("refused by the schema: %v", resp.Diagnostics)
			}
		}
	case schema.BoolAttribute:
		b, ok := v.(bool)
		if !ok {
			return fmt.Errorf("a bool attribute, the catalog's value is %T", v)
		}
		for _, val := range a.Validators {
			var resp validator.BoolResponse
			val.ValidateBool(ctx, validator.BoolRequest{Path: p, ConfigValue: types.BoolValue(b)}, &resp)
			if resp.Diagnostics.HasError() {
				return fmt.Errorf("refused by the schema: %v", resp.Diagnostics)
			}
		}
	case schema.Int64Attribute:
		n, ok := v.(int64)
		if !ok {
			return fmt.Errorf("an int64 attribute, the catalog's value is %T", v)
		}
		for _, val := range a.Validators {
			var resp validator.Int64Response
			val.ValidateInt64(ctx, validator.Int64Request{Path: p, ConfigValue: types.Int64Value(n)}, &resp)
			if resp.Diagnostics.HasError() {
				return fmt.Errorf("refused by the schema: %v", resp.Diagnostics)
			}
		}
	case schema.SetAttribute:
		list, ok := v.([]any)
		if !ok {
			return fmt.Errorf("a set attribute, the catalog's value is %T", v)
		}
		elems := make([]attr.Value, 0, len(list))
		for _, e := range list {
			s, ok := e.(string)
			if !ok {
				return fmt.Errorf("a set of strings, the catalog's element is %T", e)
			}
			elems = append(elems, types.StringValue(s))
		}
		for _, val := range a.Validators {
			var resp validator.SetResponse
			val.ValidateSet(ctx, validator.SetRequest{Path: p, ConfigValue: types.SetValueMust(types.StringType, elems)}, &resp)
			if resp.Diagnostics.HasError() {
				return fmt.Errorf("refused by the schema: %v", resp.Diagnostics)
			}
		}
	default:
		return fmt.Errorf("the catalog sets a single value, but the attribute is a %T", a)
	}
	return nil
}
