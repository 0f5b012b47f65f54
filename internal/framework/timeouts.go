package framework

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// DefaultTimeout bounds every create, update and delete, including the
// waits for Microsoft (read-back, deletion, earlier changes still being
// deployed), unless the resource's timeouts block says otherwise. The one
// default of every resource, so the documentation states one number.
const DefaultTimeout = 10 * time.Minute

// short spells whole minutes as Terraform users write them: 10m, not 10m0s.
func short(d time.Duration) string {
	if d%time.Minute == 0 {
		return fmt.Sprintf("%dm", d/time.Minute)
	}
	return d.String()
}

// TimeoutsAttribute is the `timeouts` attribute of every resource: create,
// update and delete, each described with DefaultTimeout.
func TimeoutsAttribute(ctx context.Context) schema.Attribute {
	d := func(op, what string) string {
		return "How long " + op + " may take, " + what + ", as a duration string such as `30s` or `15m`. Default: `" +
			short(DefaultTimeout) + "`."
	}
	return timeouts.Attributes(ctx, timeouts.Opts{
		Create:            true,
		Update:            true,
		Delete:            true,
		CreateDescription: d("a create", "including the wait for the object to read back as planned"),
		UpdateDescription: d("an update", "including retries while an earlier change is still being deployed and the read-back"),
		DeleteDescription: d("a delete", "including the wait until the object is gone"),
	})
}

// Operation is one of the three operations a timeouts block bounds.
type Operation int

// The operations of a timeouts block.
const (
	Create Operation = iota
	Update
	Delete
)

// Timeout is the bound of op that t (a resource's timeouts value) sets, or
// DefaultTimeout.
func Timeout(ctx context.Context, t timeouts.Value, op Operation, diags *diag.Diagnostics) time.Duration {
	var d time.Duration
	var ds diag.Diagnostics
	switch op {
	case Create:
		d, ds = t.Create(ctx, DefaultTimeout)
	case Update:
		d, ds = t.Update(ctx, DefaultTimeout)
	default:
		d, ds = t.Delete(ctx, DefaultTimeout)
	}
	diags.Append(ds...)
	return d
}

// NullTimeouts is an unset timeouts block, for a model built without a
// plan or state to copy it from.
func NullTimeouts() timeouts.Value {
	return timeouts.Value{Object: types.ObjectNull(map[string]attr.Type{
		"create": types.StringType, "update": types.StringType, "delete": types.StringType})}
}
