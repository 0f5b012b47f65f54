package protoserver_test

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/setdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/protoserver/equivtest"
)

// defaultsResource has defaults at the top and in a single nested
// attribute, as the conditional access policy has; its plan is its state.
type defaultsResource struct{}

func (defaultsResource) Metadata(_ context.Context, _ resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = "test_defaults"
}

func (defaultsResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{Attributes: map[string]schema.Attribute{
		"id": schema.StringAttribute{Computed: true},
		"kinds": schema.SetAttribute{Optional: true, Computed: true, ElementType: types.StringType,
			Default: setdefault.StaticValue(types.SetValueMust(types.StringType, []attr.Value{types.StringValue("all")}))},
		"grant": schema.SingleNestedAttribute{Optional: true, Attributes: map[string]schema.Attribute{
			"operator": schema.StringAttribute{Optional: true, Computed: true, Default: stringdefault.StaticString("OR")},
			"inner": schema.SingleNestedAttribute{Optional: true, Attributes: map[string]schema.Attribute{
				"on": schema.BoolAttribute{Optional: true, Computed: true, Default: booldefault.StaticBool(true)},
			}},
		}},
	}}
}

func (defaultsResource) Create(context.Context, resource.CreateRequest, *resource.CreateResponse) {}
func (defaultsResource) Read(context.Context, resource.ReadRequest, *resource.ReadResponse)       {}
func (defaultsResource) Update(context.Context, resource.UpdateRequest, *resource.UpdateResponse) {}
func (defaultsResource) Delete(context.Context, resource.DeleteRequest, *resource.DeleteResponse) {}
func (defaultsResource) PlanUnchanged(context.Context, tftypes.Value, tftypes.Value) diag.Diagnostics {
	return nil
}

// A no-change plan of a resource with defaults is answered here exactly
// when the framework's defaults change nothing, and then the answer is the
// framework's; every other plan goes to the framework. The cases cover a
// default equal to the state, a state that differs from the default with
// the configuration null (the framework plans the default back), the
// configuration setting the value, and null parents in the state or the
// configuration.
func TestPlanWithDefaultsEqualsTheFrameworks(t *testing.T) {
	ctx := context.Background()
	s := equivtest.New(t, "configured", []func() resource.Resource{func() resource.Resource { return defaultsResource{} }})
	if why := s.PS.OptedIn(ctx)["test_defaults"]; why[0] != "" {
		t.Fatalf("kept out: %q", why[0])
	}
	var sr resource.SchemaResponse
	defaultsResource{}.Schema(ctx, resource.SchemaRequest{}, &sr)
	typ := sr.Schema.Type().TerraformType(ctx).(tftypes.Object) //nolint:forcetypeassert // a schema's type is an object
	grantT := typ.AttributeTypes["grant"].(tftypes.Object)      //nolint:forcetypeassert // as declared
	innerT := grantT.AttributeTypes["inner"].(tftypes.Object)   //nolint:forcetypeassert // as declared
	setOf := func(vs ...string) tftypes.Value {
		if vs == nil {
			return tftypes.NewValue(tftypes.Set{ElementType: tftypes.String}, nil)
		}
		el := []tftypes.Value{}
		for _, v := range vs {
			el = append(el, tftypes.NewValue(tftypes.String, v))
		}
		return tftypes.NewValue(tftypes.Set{ElementType: tftypes.String}, el)
	}
	str := func(v any) tftypes.Value { return tftypes.NewValue(tftypes.String, v) }
	inner := func(on any) tftypes.Value {
		if on == "null" {
			return tftypes.NewValue(innerT, nil)
		}
		return tftypes.NewValue(innerT, map[string]tftypes.Value{"on": tftypes.NewValue(tftypes.Bool, on)})
	}
	grant := func(op any, in tftypes.Value) tftypes.Value {
		if op == "null" {
			return tftypes.NewValue(grantT, nil)
		}
		return tftypes.NewValue(grantT, map[string]tftypes.Value{"operator": str(op), "inner": in})
	}
	obj := func(id any, kinds, g tftypes.Value) tftypes.Value {
		return tftypes.NewValue(typ, map[string]tftypes.Value{"id": str(id), "kinds": kinds, "grant": g})
	}
	for _, tc := range []struct {
		name          string
		state, config tftypes.Value
		direct        bool
	}{
		{"defaults as planned", obj("1", setOf("all"), grant("OR", inner(true))), obj(nil, setOf(), grant(nil, inner(nil))), true},
		{"configured values", obj("1", setOf("browser"), grant("AND", inner(false))), obj(nil, setOf("browser"), grant("AND", inner(false))), true},
		{"null parents in state", obj("1", setOf("all"), grant("null", tftypes.Value{})), obj(nil, setOf(), grant("null", tftypes.Value{})), true},
		{"null inner in state", obj("1", setOf("all"), grant("OR", inner("null"))), obj(nil, setOf(), grant(nil, inner("null"))), true},
		{"top default differs", obj("1", setOf("browser"), grant("OR", inner(true))), obj(nil, setOf(), grant(nil, inner(nil))), false},
		{"nested default differs", obj("1", setOf("all"), grant("AND", inner(true))), obj(nil, setOf(), grant(nil, inner(nil))), false},
		{"deep default differs", obj("1", setOf("all"), grant("OR", inner(false))), obj(nil, setOf(), grant(nil, inner(nil))), false},
		{"null value under a default", obj("1", setOf("all"), grant(nil, inner(true))), obj(nil, setOf(), grant(nil, inner(nil))), false},
		{"config parent null, state differs", obj("1", setOf("all"), grant("AND", inner(true))), obj(nil, setOf(), grant("null", tftypes.Value{})), false},
		{"config parent null, state at defaults", obj("1", setOf("all"), grant("OR", inner(true))), obj(nil, setOf(), grant("null", tftypes.Value{})), true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, direct := s.Plan(t, "test_defaults", typ, tc.state, tc.state, tc.config)
			if direct != tc.direct {
				t.Fatalf("answered directly: %v, want %v", direct, tc.direct)
			}
			wv, err := got.PlannedState.Unmarshal(typ)
			if err != nil {
				t.Fatal(err)
			}
			// The framework itself (whose plan s.Plan found the same)
			// changes the plan exactly when the shortcut gives way: it
			// never gives way needlessly.
			if unchanged := wv.Equal(tc.state); unchanged != tc.direct {
				t.Fatalf("framework plan unchanged: %v, shortcut: %v\n%s", unchanged, tc.direct, wv)
			}
		})
	}
}
