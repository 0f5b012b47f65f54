package protoserver

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/objectdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// noteModifier stands for any plan modifier other than the ones that do
// nothing when plan and state are equal.
type noteModifier struct{}

func (noteModifier) Description(context.Context) string         { return "" }
func (noteModifier) MarkdownDescription(context.Context) string { return "" }
func (noteModifier) PlanModifyString(context.Context, planmodifier.StringRequest, *planmodifier.StringResponse) {
}

// The shortcuts stand for the framework only on schemas where its plan and
// read steps they skip change nothing: the server keeps out every other.
func TestUnsupportedSchemas(t *testing.T) {
	ctx := context.Background()
	base := func() map[string]schema.Attribute {
		return map[string]schema.Attribute{
			"id":       schema.StringAttribute{Computed: true, PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()}},
			"name":     schema.StringAttribute{Required: true, PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()}},
			"tags":     schema.SetAttribute{Optional: true, Computed: true, ElementType: types.StringType},
			"timeouts": timeouts.Attributes(ctx, timeouts.Opts{Create: true}),
		}
	}
	if why := Unsupported(schema.Schema{Attributes: base()}); why != "" {
		t.Fatalf("a schema the shortcuts stand for is kept out: %s", why)
	}
	// Defaults at the top and in single nested attributes are checked per
	// plan (defaults.go), so they do not keep a schema out.
	withDefaults := base()
	withDefaults["on"] = schema.BoolAttribute{Optional: true, Computed: true, Default: booldefault.StaticBool(true)}
	withDefaults["nested"] = schema.SingleNestedAttribute{Optional: true, Attributes: map[string]schema.Attribute{
		"mode": schema.StringAttribute{Optional: true, Computed: true, Default: stringdefault.StaticString("a")}}}
	if why := Unsupported(schema.Schema{Attributes: withDefaults}); why != "" {
		t.Fatalf("defaults the plan shortcut checks keep the schema out: %s", why)
	}
	if ds, why := defaultedAttrs(ctx, schema.Schema{Attributes: withDefaults}); why != "" || len(ds) != 2 {
		t.Fatalf("defaults found: %v %q", ds, why)
	}
	if why := semanticEquality(ctx, schema.Schema{Attributes: base()}); why != "" {
		t.Fatalf("no semantic equality here: %s", why)
	}
	for name, tc := range map[string]struct {
		attr schema.Attribute
		want string
	}{
		"nested list default": {schema.ListNestedAttribute{Optional: true, NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
			"on": schema.BoolAttribute{Optional: true, Computed: true, Default: booldefault.StaticBool(false)}}}}, "on: has a Default"},
		"object default": {schema.SingleNestedAttribute{Optional: true, Computed: true, Attributes: map[string]schema.Attribute{
			"on": schema.BoolAttribute{Optional: true}}, Default: objectdefault.StaticValue(types.ObjectValueMust(
			map[string]attr.Type{"on": types.BoolType}, map[string]attr.Value{"on": types.BoolValue(true)}))}, "Default of a kind"},
		"default with validation": {schema.StringAttribute{Optional: true, Computed: true, CustomType: validatedType{},
			Default: stringdefault.StaticString("x")}, "validates itself"},
		"write-only":    {schema.StringAttribute{Optional: true, WriteOnly: true}, "write-only"},
		"plan modifier": {schema.StringAttribute{Optional: true, PlanModifiers: []planmodifier.String{noteModifier{}}}, "plan modifier"},
	} {
		attrs := base()
		attrs["x"] = tc.attr
		if why := Unsupported(schema.Schema{Attributes: attrs}); !strings.Contains(why, tc.want) {
			t.Errorf("%s: kept out because %q, want %q", name, why, tc.want)
		}
	}
	blocks := schema.Schema{Attributes: base(), Blocks: map[string]schema.Block{"b": schema.ListNestedBlock{}}}
	if why := Unsupported(blocks); why == "" {
		t.Error("a schema with blocks is not kept out")
	}
	attrs := base()
	attrs["json"] = schema.StringAttribute{Optional: true, CustomType: semanticType{}}
	if why := semanticEquality(ctx, schema.Schema{Attributes: attrs}); !strings.Contains(why, "json") {
		t.Errorf("a type with semantic equality: %q", why)
	}
}

// Reads are kept out only by what the framework's ReadResource does around
// the Read: blocks and write-only attributes (semantic equality aside);
// defaults and plan modifiers, which keep plans out, do not keep reads out.
func TestUnsupportedReadSchemas(t *testing.T) {
	attrs := map[string]schema.Attribute{
		"id":   schema.StringAttribute{Computed: true},
		"kind": schema.StringAttribute{Optional: true, PlanModifiers: []planmodifier.String{noteModifier{}}},
		"nested": schema.ListNestedAttribute{Optional: true, NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
			"on": schema.BoolAttribute{Optional: true, Computed: true, Default: booldefault.StaticBool(false)}}}},
	}
	if why := Unsupported(schema.Schema{Attributes: attrs}); why == "" {
		t.Fatal("a plan modifier and a default in a list keep plans out")
	}
	if why := UnsupportedRead(schema.Schema{Attributes: attrs}); why != "" {
		t.Fatalf("reads kept out: %s", why)
	}
	attrs["secret"] = schema.SingleNestedAttribute{Optional: true, Attributes: map[string]schema.Attribute{
		"token": schema.StringAttribute{Optional: true, WriteOnly: true}}}
	if why := UnsupportedRead(schema.Schema{Attributes: attrs}); !strings.Contains(why, "secret.token: write-only") {
		t.Errorf("a nested write-only attribute: %q", why)
	}
	delete(attrs, "secret")
	if why := UnsupportedRead(schema.Schema{Attributes: attrs, Blocks: map[string]schema.Block{"b": schema.ListNestedBlock{}}}); why == "" {
		t.Error("a schema with blocks is not kept out of reads")
	}
}
