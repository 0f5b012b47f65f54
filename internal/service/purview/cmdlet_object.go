package purview

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/clients/adminapi"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/conns"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/framework"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/poll"
)

// cmdletObject is the mapping the DLP and retention policies and rules
// give the one lifecycle (framework.Object): each is named by its name, read
// with Get-<noun> (PendingDeletion counts as gone), created with New-<noun>,
// changed with Set-<noun> (both retried while an earlier change deploys),
// read back after a write until it shows the plan, and removed with
// Remove-<noun>. Each resource keeps its schema and the parameters of its
// New-/Set- calls; M is its model.
type cmdletObject[M any] struct {
	client  *conns.Client // the resource's; nil until configured, so dereferenced only when used
	noun    string        // "DlpCompliancePolicy" for Get-/Set-/Remove-DlpCompliancePolicy
	display string        // "DLP policy", in messages
	// listOnly: Get-<noun> has no -Identity (Get-UnifiedAuditLogRetentionPolicy),
	// so the object is found in the list by its name.
	listOnly bool

	// key is the model's id (the object's name, once saved) and timeouts.
	key      func(M) (types.String, timeouts.Value)
	name     func(M) types.String // the planned name
	fromRead func(ctx context.Context, obj map[string]any, prior M, diags *diag.Diagnostics) M
	matches  func(ctx context.Context, plan M) func(map[string]any) bool
	// afterRead, when set, completes what Read read (prior is the state
	// before it); false stops Read without saving.
	afterRead func(ctx context.Context, prior M, got *M, diags *diag.Diagnostics) bool
	// newParams are New-<noun>'s parameters for plan, Name left out.
	newParams func(ctx context.Context, plan M, config tfsdk.Config, diags *diag.Diagnostics) map[string]any
	// setParams are Set-<noun>'s parameters for what plan changes of prior,
	// Identity left out; none when nothing changed.
	setParams func(ctx context.Context, plan, prior M, config tfsdk.Config, diags *diag.Diagnostics) map[string]any
}

// lifecycle is the resource's framework.Object.
func (o cmdletObject[M]) lifecycle() framework.Object[M, map[string]any] {
	id := func(m M) types.String { i, _ := o.key(m); return i }
	return framework.Object[M, map[string]any]{
		What: o.display, TypeName: o.typeName(), ID: id,
		Name:     func(m M) string { return o.name(m).ValueString() },
		Timeouts: func(m M) timeouts.Value { _, t := o.key(m); return t },
		Get: func(ctx context.Context, name string) (map[string]any, bool, error) {
			return o.reader(name)(ctx)
		},
		Flatten: o.fromRead, Matches: o.matches, AfterRead: o.afterRead,
		Find:   o.find,
		Create: o.create,
		Update: func(ctx context.Context, name string, plan, prior M, config tfsdk.Config, diags *diag.Diagnostics) {
			params := o.setParams(ctx, plan, prior, config, diags)
			if len(params) == 0 || diags.HasError() {
				return
			}
			params["Identity"] = name
			o.set(ctx, name, params, diags)
		},
		Remove:    o.remove,
		AwaitGone: o.awaitGone,
	}
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
	return getOne(ctx, o.client.Compliance, "Get-"+o.noun, name)
}

// create sends New-<noun>, retried while an earlier change (of the policy
// a rule joins) deploys; an answer lost on the way is resolved by reading.
func (o cmdletObject[M]) create(ctx context.Context, plan M, config tfsdk.Config, diags *diag.Diagnostics) string {
	params := o.newParams(ctx, plan, config, diags)
	if diags.HasError() {
		return ""
	}
	c, name, cmdlet := o.client.Compliance, o.name(plan).ValueString(), "New-"+o.noun
	params["Name"] = name
	var created bool
	res, err := whileDeploying(ctx, 0, cmdlet+" "+name, func(ctx context.Context) (adminapi.Result, error) {
		_, res, err := c.CreateOrRead(ctx, cmdlet, params, o.reader(name))
		created = err == nil
		return res, err
	})
	addWarnings(diags, c, res)
	if err != nil || !created {
		diags.AddError("Creating "+o.display+" "+name, errString(err))
		return ""
	}
	return name
}

func errString(err error) string {
	if err == nil {
		return "the service did not confirm the change"
	}
	return err.Error()
}

// set sends Set-<noun> with params, retried while an earlier change deploys.
func (o cmdletObject[M]) set(ctx context.Context, name string, params map[string]any, diags *diag.Diagnostics) {
	c, cmdlet := o.client.Compliance, "Set-"+o.noun
	res, err := whileDeploying(ctx, 0, cmdlet+" "+name, func(ctx context.Context) (adminapi.Result, error) {
		_, res, err := c.Invoke(ctx, cmdlet, params)
		return res, err
	})
	addWarnings(diags, c, res)
	if err != nil {
		diags.AddError("Updating "+o.display+" "+name, err.Error())
	}
}

// remove sends Remove-<noun>. It follows the one rule for uncertain writes
// (poll.Settle): when its answer was lost, the object is read, and the
// removal is sent again only while the object is still there and not
// PendingDeletion. It is retried while an earlier change deploys.
func (o cmdletObject[M]) remove(ctx context.Context, name string, diags *diag.Diagnostics) {
	c, remove := o.client.Compliance, "Remove-"+o.noun
	res, err := whileDeploying(ctx, 0, remove+" "+name, func(ctx context.Context) (adminapi.Result, error) {
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
	addWarnings(diags, c, res)
	if err != nil {
		diags.AddError("Deleting "+o.display+" "+name, err.Error())
	}
}

// awaitGone waits until a removed object is gone. A removed policy stays
// PendingDeletion while the service distributes the deletion: destroy waits
// until it is really gone, so that a create of the same name can follow,
// and otherwise says that the service is still deleting it.
func (o cmdletObject[M]) awaitGone(ctx context.Context, name string, timeout time.Duration, diags *diag.Diagnostics) {
	var last map[string]any
	err := poll.Gone(ctx, poll.Options{Timeout: timeout, MaxInt: 15 * time.Second}, o.display+" "+name+" to be deleted",
		func(ctx context.Context) (map[string]any, bool, error) {
			obj, found, err := o.get(ctx, name)
			if found {
				last = obj
			}
			return obj, found, err
		})
	switch {
	case err != nil && errors.Is(err, poll.ErrTimeout) && pendingDeletion(last):
		diags.AddError("Microsoft Purview is still deleting "+o.display+" "+name,
			fmt.Sprintf("The removal was accepted and the %s shows Mode PendingDeletion: the service is still distributing its deletion, "+
				"for which Microsoft publishes no duration. It disappears on its own; until then a new %s of the same name cannot be created. "+
				"Waited %s (timeouts.delete). Run terraform destroy again later, or raise timeouts.delete.", o.display, o.display, timeout))
	case err != nil:
		diags.AddError("Confirming the deletion of "+o.display+" "+name, err.Error())
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

// find looks for an object of the name a create is about to use (names are
// unique in the service). One PendingDeletion, which a New- would be refused
// for, is waited out within the create's timeout; a live one is returned
// (the lifecycle refuses it with its import block unless the plan adopts it).
func (o cmdletObject[M]) find(ctx context.Context, plan M, diags *diag.Diagnostics) (map[string]any, string, bool) {
	name := o.name(plan).ValueString()
	what := o.display + " " + name
	var last map[string]any
	err := poll.Until(ctx, poll.Options{MaxInt: 15 * time.Second}, "the earlier "+what+" to finish its deletion",
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
				"and refuses a new one of the same name until it is gone. Waited until timeouts.create. Apply again later, raise "+
				"timeouts.create, or give this %s another name.", o.display, o.display))
		return nil, "", false
	case err != nil:
		diags.AddError("Looking for an existing "+what, err.Error())
		return nil, "", false
	}
	return last, name, last != nil
}

// plainRead adapts a fromRead that needs no context and reports nothing.
func plainRead[M any](fromRead func(map[string]any, M) M) func(context.Context, map[string]any, M, *diag.Diagnostics) M {
	return func(_ context.Context, obj map[string]any, prior M, _ *diag.Diagnostics) M {
		return fromRead(obj, prior)
	}
}
