package purview

import (
	"context"
	"errors"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/clients/adminapi"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/conns"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/transport"
)

// cmdletObject is the lifecycle the DLP and retention policies and rules
// share: each is named by its name, read with Get-<noun> (PendingDeletion
// counts as gone), changed with Set-<noun>, read back after a write until it
// shows the plan, and removed with Remove-<noun>. Each resource keeps its
// schema and the parameters of its New-/Set- calls; M is its model.
type cmdletObject[M any] struct {
	client  *conns.Client // the resource's; nil until configured, so dereferenced only when used
	noun    string        // "DlpCompliancePolicy" for Get-/Set-/Remove-DlpCompliancePolicy
	display string        // "DLP policy", in messages

	// key is the model's id (the object's name) and timeouts.
	key      func(M) (types.String, timeouts.Value)
	fromRead func(ctx context.Context, obj map[string]any, prior M, diags *diag.Diagnostics) M
	matches  func(ctx context.Context, plan M) func(map[string]any) bool
	// afterRead, when set, completes what Read read (prior is the state
	// before it); false stops Read without saving.
	afterRead func(ctx context.Context, prior M, got *M, diags *diag.Diagnostics) bool
}

// reader reads the object called name.
func (o cmdletObject[M]) reader(name string) adminapi.ReadFunc {
	return getter(o.client.Compliance, "Get-"+o.noun, name)
}

// finish waits for the written object to read back as plan and saves it.
func (o cmdletObject[M]) finish(ctx context.Context, name string, plan M, timeout time.Duration, st *tfsdk.State, diags *diag.Diagnostics) {
	obj, err := readBack(ctx, timeout, o.display+" "+name, o.reader(name), o.matches(ctx, plan))
	if err != nil {
		diags.AddError("Reading back "+o.display+" "+name, err.Error())
		return
	}
	got := o.fromRead(ctx, obj, plan, diags)
	diags.Append(st.Set(ctx, &got)...)
}

// set sends Set-<noun> with params, retried while an earlier change deploys;
// false when it failed (the error is in diags).
func (o cmdletObject[M]) set(ctx context.Context, name string, params map[string]any, timeout time.Duration, diags *diag.Diagnostics) bool {
	c, cmdlet := o.client.Compliance, "Set-"+o.noun
	res, err := whileDeploying(ctx, timeout, cmdlet+" "+name, func(ctx context.Context) (adminapi.Result, error) {
		_, res, err := c.Invoke(ctx, cmdlet, params)
		return res, err
	})
	addWarnings(diags, c, res)
	if err != nil {
		diags.AddError("Updating "+o.display+" "+name, err.Error())
		return false
	}
	return true
}

// read is the resource's Read: an object that is gone leaves the state, so
// Terraform plans to create it again.
func (o cmdletObject[M]) read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state M
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id, _ := o.key(state)
	obj, found, err := o.reader(id.ValueString())(ctx)
	if err != nil {
		resp.Diagnostics.AddError("Reading "+o.display+" "+id.ValueString(), err.Error())
		return
	}
	if !found {
		resp.State.RemoveResource(ctx)
		return
	}
	got := o.fromRead(ctx, obj, state, &resp.Diagnostics)
	if o.afterRead != nil && !o.afterRead(ctx, state, &got, &resp.Diagnostics) {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &got)...)
}

// delete is the resource's Delete. Remove-<noun> is retried while an earlier
// change deploys; an object already gone, or a call that may have gone through
// before its answer was lost, is fine as long as the object then disappears.
func (o cmdletObject[M]) delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state M
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	id, t := o.key(state)
	timeout, d := t.Delete(ctx, defaultTimeout)
	resp.Diagnostics.Append(d...)
	if resp.Diagnostics.HasError() {
		return
	}
	c, name, remove := o.client.Compliance, id.ValueString(), "Remove-"+o.noun
	res, err := whileDeploying(ctx, timeout, remove+" "+name, func(ctx context.Context) (adminapi.Result, error) {
		_, res, err := c.Invoke(ctx, remove, map[string]any{"Identity": name})
		return res, err
	})
	addWarnings(&resp.Diagnostics, c, res)
	if err != nil && !adminapi.IsNotFound(err) && !errors.Is(err, transport.ErrMaybeCommitted) {
		resp.Diagnostics.AddError("Deleting "+o.display+" "+name, err.Error())
		return
	}
	if err := waitGone(ctx, timeout, o.display+" "+name, o.reader(name)); err != nil {
		resp.Diagnostics.AddError("Confirming the deletion of "+o.display+" "+name, err.Error())
	}
}

// plainRead adapts a fromRead that needs no context and reports nothing.
func plainRead[M any](fromRead func(map[string]any, M) M) func(context.Context, map[string]any, M, *diag.Diagnostics) M {
	return func(_ context.Context, obj map[string]any, prior M, _ *diag.Diagnostics) M {
		return fromRead(obj, prior)
	}
}
