// Package snapshot turns live Microsoft objects into baseline.Objects for the
// tenant assessment, through each resource's own schema and read mapping: a
// service package fills an empty state of its resource with the function its
// Read uses, and the state's raw value goes through the same tftypes ->
// baseline.Object converter the plan-time checks use. So an attribute is
// named, shaped and normalised one way only, whether it was planned or read.
package snapshot

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/baseline"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/service/baselinecheck"
)

// providerTypeName is the provider's type name, the prefix of every resource type.
const providerTypeName = "teamshipaa"

// Type is one resource type being snapshotted: its Terraform type name and
// its schema, from the resource itself.
type Type struct {
	Name   string // e.g. teamshipaa_meeting_policy
	schema resource.SchemaResponse
}

// TypeOf describes the resource r (a fresh, unconfigured instance is enough).
func TypeOf(ctx context.Context, r resource.Resource) Type {
	var md resource.MetadataResponse
	r.Metadata(ctx, resource.MetadataRequest{ProviderTypeName: providerTypeName}, &md)
	t := Type{Name: md.TypeName}
	r.Schema(ctx, resource.SchemaRequest{}, &t.schema)
	return t
}

// Empty is a state of the type with every attribute null. A model read from
// it (State.Get) holds typed nulls, including nested objects and timeouts,
// so a resource's read mapping can take it as the "prior" state, as it does
// after an import.
func (t Type) Empty(ctx context.Context) tfsdk.State {
	typ, _ := t.schema.Schema.Type().TerraformType(ctx).(tftypes.Object) // a schema is always an object
	vals := make(map[string]tftypes.Value, len(typ.AttributeTypes))
	for name, at := range typ.AttributeTypes {
		vals[name] = tftypes.NewValue(at, nil)
	}
	return tfsdk.State{Schema: t.schema.Schema, Raw: tftypes.NewValue(typ, vals)}
}

// Object fills an empty state with fill (the resource's read mapping) and
// converts it; the converter names the object and tells the Global instance
// and singletons apart. name is used when the mapping reports an error, which
// gives an object with Err set.
func (t Type) Object(ctx context.Context, name string, fill func(st *tfsdk.State, diags *diag.Diagnostics)) baseline.Object {
	st := t.Empty(ctx)
	var diags diag.Diagnostics
	if t.schema.Diagnostics.HasError() {
		diags.Append(t.schema.Diagnostics...)
	} else {
		fill(&st, &diags)
	}
	if diags.HasError() {
		return t.Failed(name, fmt.Errorf("mapping %s %q to its Terraform attributes: %w", t.Name, name, Err(diags)))
	}
	o := baselinecheck.ObjectFromValue(t.Name, st.Raw)
	if o.Name == "" {
		o.Name = name
	}
	return o
}

// Failed stands for objects of the type that could not be read: every
// control over the type then reports error with err's message, which names
// the missing role or permission when the service said 403.
func (t Type) Failed(name string, err error) baseline.Object {
	return baseline.Object{Resource: t.Name, Name: name, Err: err}
}

// Err joins the error diagnostics into one error (nil when there are none).
func Err(diags diag.Diagnostics) error {
	var msgs []string
	for _, d := range diags.Errors() {
		msgs = append(msgs, d.Summary()+": "+d.Detail())
	}
	if len(msgs) == 0 {
		return nil
	}
	return errors.New(strings.Join(msgs, "; "))
}
