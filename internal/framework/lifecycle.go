package framework

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/poll"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/service/existing"
)

// Object is the one lifecycle of an API object, whatever the API (Graph,
// the Teams admin API, a compliance cmdlet). M is the resource's model, T
// what the API reads back. The resource gives its mapping; Object does the
// rest, the same way for every resource:
//
//   - Create: look for an object the create would duplicate (adopt it with
//     adopt_existing, else refuse with its import block), create, save the id
//     at once (a read-back that fails must not orphan the object), read back
//     until the written values show, save the state.
//   - Read: an object that is gone leaves the state.
//   - Update: write, read back until the written values show, save the state.
//   - Delete: remove (gone already is fine), wait until it is gone.
//
// Each operation is bounded by the resource's timeouts block (DefaultTimeout).
type Object[M, T any] struct {
	What     string // names the kind in messages: "named location"
	TypeName string // the resource type, for the import block of a refused create

	ID       func(M) types.String   // the object's id in the model
	Name     func(M) string         // the name a create gives it, in messages
	Timeouts func(M) timeouts.Value // the model's timeouts block

	// Get reads the object called id; found is false when it does not exist.
	Get func(ctx context.Context, id string) (obj T, found bool, err error)
	// Refresh, when set, is Get for Read alone: a read that may be served
	// from one request for many resources (the Teams batched list), which
	// the waits for a write to land must not use.
	Refresh func(ctx context.Context, id string) (obj T, found bool, err error)
	// Flatten is the model for got; prior is the plan or the state before,
	// for what the API does not return (timeouts, spellings, the rule of
	// internal/flex for empty values).
	Flatten func(ctx context.Context, got T, prior M, diags *diag.Diagnostics) M
	// Matches, when set, says whether got shows what plan wrote (else the
	// object existing is enough).
	Matches func(ctx context.Context, plan M) func(got T) bool

	// Find, when set, looks for an existing object the create would
	// duplicate (by name): found returns it with its id.
	Find func(ctx context.Context, plan M, diags *diag.Diagnostics) (obj T, id string, found bool)
	// Create writes plan as a new object and returns its id ("" with the
	// error in diags when it failed). config is the configuration, for a
	// value to send as written rather than as planned.
	Create func(ctx context.Context, plan M, config tfsdk.Config, diags *diag.Diagnostics) string
	// Update writes plan over the object id, whose model is prior (the
	// state, or what Find read of an object being adopted).
	Update func(ctx context.Context, id string, plan, prior M, config tfsdk.Config, diags *diag.Diagnostics)
	// Remove deletes the object id; an object gone already is no error.
	Remove func(ctx context.Context, id string, diags *diag.Diagnostics)
	// AwaitGone, when set, replaces the wait after Remove (default: Get
	// until not found).
	AwaitGone func(ctx context.Context, id string, timeout time.Duration, diags *diag.Diagnostics)
	// AfterRead, when set, completes what Read read; false stops Read
	// without saving.
	AfterRead func(ctx context.Context, prior M, got *M, diags *diag.Diagnostics) bool
}

func (o Object[M, T]) read(id string) poll.Read[T] {
	return func(ctx context.Context) (T, bool, error) { return o.Get(ctx, id) }
}

func (o Object[M, T]) matches(ctx context.Context, plan M) func(T) bool {
	if o.Matches == nil {
		return nil
	}
	return o.Matches(ctx, plan)
}

// readBack waits until the object reads back as plan and saves its state.
func (o Object[M, T]) readBack(ctx context.Context, id string, plan M, timeout time.Duration, st *tfsdk.State, diags *diag.Diagnostics, after string) {
	got, err := poll.ReadBack(ctx, poll.Options{Timeout: timeout}, o.What+" "+id+" to read back as written", o.read(id), o.matches(ctx, plan))
	if err != nil {
		diags.AddError("Reading back the "+o.What+" "+id, err.Error()+after)
		return
	}
	m := o.Flatten(ctx, got, plan, diags)
	if diags.HasError() {
		return
	}
	diags.Append(st.Set(ctx, &m)...)
}

// CreateResource is the resource's Create.
func (o Object[M, T]) CreateResource(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan M
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	timeout := Timeout(ctx, o.Timeouts(plan), Create, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout) // bounds the retries too
	defer cancel()
	id := ""
	if o.Find != nil {
		obj, found, ok := o.Find(ctx, plan, &resp.Diagnostics)
		if resp.Diagnostics.HasError() {
			return
		}
		if ok {
			if !existing.Adopt(ctx, req.Plan, &resp.Diagnostics) {
				existing.Refuse(&resp.Diagnostics, o.TypeName, fmt.Sprintf("%s %q", o.What, o.Name(plan)), found)
				return
			}
			// Adopted as if imported: the update applies the plan to it.
			prior := o.Flatten(ctx, obj, plan, &resp.Diagnostics)
			if o.Update(ctx, found, plan, prior, req.Config, &resp.Diagnostics); resp.Diagnostics.HasError() {
				return
			}
			id = found
		}
	}
	if id == "" {
		if id = o.Create(ctx, plan, req.Config, &resp.Diagnostics); resp.Diagnostics.HasError() {
			return
		}
	}
	SaveID(ctx, req.Plan, id, &resp.State, &resp.Diagnostics)
	o.readBack(ctx, id, plan, timeout, &resp.State, &resp.Diagnostics,
		"\n\nThe "+o.What+" was created and its id is saved in the state; the next plan reads it again.")
}

// ReadResource is the resource's Read: an object that is gone leaves the
// state, so Terraform plans to create it again.
func (o Object[M, T]) ReadResource(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state M
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := o.ID(state).ValueString()
	get := o.Get
	if o.Refresh != nil {
		get = o.Refresh
	}
	got, found, err := get(ctx, id)
	if err != nil {
		resp.Diagnostics.AddError("Reading the "+o.What+" "+id, err.Error())
		return
	}
	if !found {
		resp.State.RemoveResource(ctx)
		return
	}
	m := o.Flatten(ctx, got, state, &resp.Diagnostics)
	if o.AfterRead != nil && !o.AfterRead(ctx, state, &m, &resp.Diagnostics) {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

// UpdateResource is the resource's Update.
func (o Object[M, T]) UpdateResource(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state M
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	timeout := Timeout(ctx, o.Timeouts(plan), Update, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	id := o.ID(state).ValueString()
	if o.Update(ctx, id, plan, state, req.Config, &resp.Diagnostics); resp.Diagnostics.HasError() {
		return
	}
	o.readBack(ctx, id, plan, timeout, &resp.State, &resp.Diagnostics, "")
}

// DeleteResource is the resource's Delete.
func (o Object[M, T]) DeleteResource(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state M
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	timeout := Timeout(ctx, o.Timeouts(state), Delete, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	id := o.ID(state).ValueString()
	if o.Remove(ctx, id, &resp.Diagnostics); resp.Diagnostics.HasError() {
		return
	}
	if o.AwaitGone != nil {
		o.AwaitGone(ctx, id, timeout, &resp.Diagnostics)
		return
	}
	if err := poll.Gone(ctx, poll.Options{Timeout: timeout}, o.What+" "+id+" to be gone", o.read(id)); err != nil {
		resp.Diagnostics.AddError("Confirming the deletion of the "+o.What+" "+id, err.Error())
	}
}

// SaveID saves a created object's id in st at once, with the planned values
// (unknown ones null until the read-back fills them), so a failure after the
// create cannot orphan the object: the next plan reads it again.
func SaveID(ctx context.Context, plan tfsdk.Plan, id string, st *tfsdk.State, diags *diag.Diagnostics) {
	raw, err := tftypes.Transform(plan.Raw, func(_ *tftypes.AttributePath, v tftypes.Value) (tftypes.Value, error) {
		if !v.IsKnown() {
			return tftypes.NewValue(v.Type(), nil), nil
		}
		return v, nil
	})
	if err != nil {
		diags.AddError("Saving the new object's id", err.Error())
		return
	}
	st.Raw = raw
	diags.Append(st.SetAttribute(ctx, path.Root("id"), id)...)
}

// WithLifecycle gives a resource Create, Read, Update and Delete from its
// Object. Embed it and set it in the constructor, after the resource exists:
//
//	r := &widgetResource{ResourceWithConfigure: framework.NewResource("teamshipaa_widget")}
//	r.WithLifecycle = framework.NewLifecycle(r.object)
//
// object is called on every operation, so it sees the configured client.
type WithLifecycle[M, T any] struct {
	object func() Object[M, T]
}

// NewLifecycle is the WithLifecycle of the Object object returns.
func NewLifecycle[M, T any](object func() Object[M, T]) WithLifecycle[M, T] {
	return WithLifecycle[M, T]{object: object}
}

// Create is Object.CreateResource.
func (l WithLifecycle[M, T]) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	l.object().CreateResource(ctx, req, resp)
}

// Read is Object.ReadResource.
func (l WithLifecycle[M, T]) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	l.object().ReadResource(ctx, req, resp)
}

// Update is Object.UpdateResource.
func (l WithLifecycle[M, T]) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	l.object().UpdateResource(ctx, req, resp)
}

// Delete is Object.DeleteResource.
func (l WithLifecycle[M, T]) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	l.object().DeleteResource(ctx, req, resp)
}
