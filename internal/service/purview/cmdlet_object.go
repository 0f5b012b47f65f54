package purview

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/clients/adminapi"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/conns"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/poll"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/service/existing"
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
	// listOnly: Get-<noun> has no -Identity (Get-UnifiedAuditLogRetentionPolicy),
	// so the object is found in the list by its name.
	listOnly bool

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
	if o.listOnly {
		return func(ctx context.Context) (map[string]any, bool, error) {
			obj, found, err := o.get(ctx, name)
			if err != nil || !found || pendingDeletion(obj) {
				return nil, false, err
			}
			return obj, true, nil
		}
	}
	return getter(o.client.Compliance, "Get-"+o.noun, name)
}

// get reads the object called name as the service has it, PendingDeletion included.
func (o cmdletObject[M]) get(ctx context.Context, name string) (map[string]any, bool, error) {
	if o.listOnly {
		obj, found, _, err := o.client.Compliance.FindByName(ctx, "Get-"+o.noun, name)
		return obj, found, err
	}
	obj, found, _, err := o.client.Compliance.Get(ctx, "Get-"+o.noun, name, nil)
	return obj, found, err
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

// delete is the resource's Delete. Remove-<noun> follows the one rule for
// uncertain writes (poll.Settle): when its answer was lost, the object is
// read, and the removal is sent again only while the object is still there
// and not PendingDeletion. It is retried while an earlier change deploys. A
// removed policy stays PendingDeletion while the service distributes the
// deletion: destroy waits until it is really gone, so that a create of the
// same name can follow, and otherwise says that the service is still deleting it.
func (o cmdletObject[M]) delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state M
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	id, t := o.key(state)
	timeout, d := t.Delete(ctx, defaultTimeout)
	resp.Diagnostics.Append(d...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	c, name, remove := o.client.Compliance, id.ValueString(), "Remove-"+o.noun
	res, err := whileDeploying(ctx, timeout, remove+" "+name, func(ctx context.Context) (adminapi.Result, error) {
		var res adminapi.Result
		_, err := poll.Settle(ctx, poll.Options{}, remove+" "+name,
			func(ctx context.Context, attempt int) (bool, error) {
				_, r, err := c.Invoke(ctx, remove, map[string]any{"Identity": name})
				res.Warnings = append(res.Warnings, r.Warnings...)
				if adminapi.IsNotFound(err) || adminapi.IsPendingDeletion(err) {
					return true, nil // removed already, by an earlier attempt or out of band
				}
				return err == nil, err
			},
			func(ctx context.Context) (bool, bool, error) {
				obj, found, err := o.get(ctx, name)
				return true, err == nil && (!found || pendingDeletion(obj)), err
			})
		return res, err
	})
	addWarnings(&resp.Diagnostics, c, res)
	if err != nil {
		resp.Diagnostics.AddError("Deleting "+o.display+" "+name, err.Error())
		return
	}
	var last map[string]any
	err = poll.Gone(ctx, poll.Options{Timeout: timeout, MaxInt: 15 * time.Second}, o.display+" "+name+" to be deleted",
		func(ctx context.Context) (map[string]any, bool, error) {
			obj, found, err := o.get(ctx, name)
			if found {
				last = obj
			}
			return obj, found, err
		})
	switch {
	case err != nil && errors.Is(err, poll.ErrTimeout) && pendingDeletion(last):
		resp.Diagnostics.AddError("Microsoft Purview is still deleting "+o.display+" "+name,
			fmt.Sprintf("The removal was accepted and the %s shows Mode PendingDeletion: the service is still distributing its deletion, "+
				"for which Microsoft publishes no duration. It disappears on its own; until then a new %s of the same name cannot be created. "+
				"Waited %s (timeouts.delete). Run terraform destroy again later, or raise timeouts.delete.", o.display, o.display, timeout))
	case err != nil:
		resp.Diagnostics.AddError("Confirming the deletion of "+o.display+" "+name, err.Error())
	}
}

// typeName is the resource's Terraform type, for import blocks.
func (o cmdletObject[M]) typeName() string {
	return "teamshipaa_" + map[string]string{
		"DlpCompliancePolicy": "dlp_policy", "DlpComplianceRule": "dlp_rule",
		"RetentionCompliancePolicy": "retention_policy", "RetentionComplianceRule": "retention_rule",
		"UnifiedAuditLogRetentionPolicy": "audit_log_retention_policy", "ProtectionAlert": "protection_alert",
	}[o.noun]
}

// beforeCreate looks for an object of the name a create is about to use
// (names are unique in the service). One PendingDeletion, which a New- would
// be refused for, is waited out within ctx; a live one is refused with its
// import block unless the plan adopts it, and then it is returned (found).
// ok is false when the create must stop (the error is in diags).
func (o cmdletObject[M]) beforeCreate(ctx context.Context, plan tfsdk.Plan, name string, timeout time.Duration, diags *diag.Diagnostics) (obj map[string]any, found, ok bool) {
	what := o.display + " " + name
	var last map[string]any
	err := poll.Until(ctx, poll.Options{Timeout: timeout, MaxInt: 15 * time.Second}, "the earlier "+what+" to finish its deletion",
		func(ctx context.Context) (bool, error) {
			got, found, err := o.get(ctx, name)
			last = nil
			if found {
				last = got
			}
			return err == nil && (!found || !pendingDeletion(got)), err
		})
	switch {
	case err != nil && pendingDeletion(last):
		diags.AddError("Microsoft Purview is still deleting an earlier "+what,
			fmt.Sprintf("A %s of this name was removed and shows Mode PendingDeletion: the service is still distributing its deletion, "+
				"and refuses a new one of the same name until it is gone. Waited %s (timeouts.create). Apply again later, raise "+
				"timeouts.create, or give this %s another name.", o.display, timeout, o.display))
		return nil, false, false
	case err != nil:
		diags.AddError("Looking for an existing "+what, err.Error())
		return nil, false, false
	case last == nil:
		return nil, false, true
	case !existing.Adopt(ctx, plan, diags):
		existing.Refuse(diags, o.typeName(), what, name)
		return nil, false, false
	}
	return last, true, true
}

// adopt takes over obj, found by beforeCreate: the resource's own Update
// applies the plan to it, as if it had been imported.
func (o cmdletObject[M]) adopt(ctx context.Context, update func(context.Context, resource.UpdateRequest, *resource.UpdateResponse),
	obj map[string]any, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan M
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	prior := existing.Prior(ctx, req.Plan)
	m := o.fromRead(ctx, obj, plan, &resp.Diagnostics)
	resp.Diagnostics.Append(prior.Set(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	existing.AdoptByUpdate(ctx, update, req, prior, resp)
}

// plainRead adapts a fromRead that needs no context and reports nothing.
func plainRead[M any](fromRead func(map[string]any, M) M) func(context.Context, map[string]any, M, *diag.Diagnostics) M {
	return func(_ context.Context, obj map[string]any, prior M, _ *diag.Diagnostics) M {
		return fromRead(obj, prior)
	}
}
