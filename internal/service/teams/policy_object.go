package teams

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/clients/configapi"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/framework"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/poll"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/service/existing"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/transport"
)

// policyRead is an instance as the ConfigAPI returned it, with the warnings
// of a Read (the read-back's polls report none: they would repeat).
type policyRead struct {
	obj configapi.Object
	res configapi.Result
}

// object is the lifecycle of one instance of the policy type.
//
// The Global instance always exists and is never created or deleted (the
// singleton types have only it): a create adopts it (an update, when the
// configuration sets anything), a delete leaves it as it is with a warning.
// That is decided here alone, by the identity (isGlobal).
//
// written is what this operation's Create or Update sent, shared by the
// closures of this one operation (object is called once per operation): the
// read-back waits until exactly those values show.
func (r *policyResource) object() framework.Object[*policyModel, policyRead] {
	var written map[string]any
	isGlobal := func(id string) bool { return id == globalIdentity }
	return framework.Object[*policyModel, policyRead]{
		What:     r.pt.Title,
		TypeName: r.TypeName(),
		ID:       func(m *policyModel) types.String { return m.id() },
		Name:     func(m *policyModel) string { return nameOf(m.identity()) },
		Timeouts: func(m *policyModel) timeouts.Value { return m.timeouts(context.Background()) },

		Get: func(ctx context.Context, id string) (policyRead, bool, error) {
			got, _, err := r.Client.ConfigAPI.Get(ctx, r.pt.Type, id)
			if transport.IsNotFound(err) {
				return policyRead{}, false, nil
			}
			return policyRead{obj: got}, err == nil, err
		},
		// A refresh reads every instance of the type with one list request.
		Refresh: func(ctx context.Context, id string) (policyRead, bool, error) {
			got, res, err := r.Client.ConfigAPI.Read(ctx, r.pt.Type, id)
			if transport.IsNotFound(err) {
				return policyRead{}, false, nil
			}
			return policyRead{obj: got, res: res}, err == nil, err
		},
		Flatten: func(ctx context.Context, got policyRead, prior *policyModel, diags *diag.Diagnostics) *policyModel {
			addWarnings(diags, got.res)
			return r.flatten(ctx, got.obj, prior, diags)
		},
		Matches: func(context.Context, *policyModel) func(policyRead) bool {
			return func(got policyRead) bool {
				for _, p := range r.pt.Params {
					if v, ok := written[p.Name]; ok && !p.sameValue(normalize(got.obj[p.Name]), normalize(v)) {
						return false
					}
				}
				return true
			}
		},

		// An instance of this name that Terraform does not know of (an
		// interrupted apply's, or someone else's) is not taken over unseen:
		// refused here, naming the import id (the name), unless adopted.
		Find: func(ctx context.Context, plan *policyModel, diags *diag.Diagnostics) (policyRead, string, bool) {
			id := plan.identity()
			if isGlobal(id) {
				return policyRead{}, "", false // always adopted, by Create
			}
			got, _, err := r.Client.ConfigAPI.Get(ctx, r.pt.Type, id)
			switch {
			case transport.IsNotFound(err):
				return policyRead{}, "", false
			case err != nil:
				diags.AddError("Looking for an existing "+r.describe(id), err.Error())
			case !plan.adopt():
				existing.Refuse(diags, r.TypeName(), r.describe(id), nameOf(id))
			}
			return policyRead{obj: got}, id, err == nil
		},
		Create: func(ctx context.Context, plan *policyModel, config tfsdk.Config, diags *diag.Diagnostics) string {
			id := plan.identity()
			what := r.describe(id)
			if written = r.configured(ctx, config, diags); diags.HasError() {
				return ""
			}
			if isGlobal(id) {
				if len(written) > 0 {
					res, err := r.Client.ConfigAPI.Update(ctx, r.pt.Type, id, written)
					addWarnings(diags, res)
					if err != nil {
						diags.AddError("Adopting the "+what, err.Error())
						return ""
					}
				}
				return id
			}
			_, res, err := r.Client.ConfigAPI.Create(ctx, r.pt.Type, id, written)
			addWarnings(diags, res)
			if transport.StatusCode(err) == 409 && !plan.adopt() {
				existing.Refuse(diags, r.TypeName(), what, nameOf(id)) // created meanwhile, by someone else
				return ""
			}
			if err != nil {
				diags.AddError("Creating the "+what, err.Error())
				return ""
			}
			return id
		},
		// Update sends only what the configuration sets and prior (the state,
		// or the adopted instance) does not already hold: the service leaves
		// parameters that are not sent as they are.
		Update: func(ctx context.Context, id string, _, prior *policyModel, config tfsdk.Config, diags *diag.Diagnostics) {
			want := r.configured(ctx, config, diags)
			written = map[string]any{}
			for _, p := range r.pt.Params {
				v, ok := want[p.Name]
				if !ok {
					continue
				}
				cur, has, d := p.wire(ctx, prior)
				diags.Append(d...)
				if !has || !p.sameValue(normalize(cur), normalize(v)) {
					written[p.Name] = v
				}
			}
			if diags.HasError() || len(written) == 0 {
				return
			}
			res, err := r.Client.ConfigAPI.Update(ctx, r.pt.Type, id, written)
			addWarnings(diags, res)
			if err != nil {
				diags.AddError("Updating the "+r.describe(id), err.Error())
			}
		},
		Remove: func(ctx context.Context, id string, diags *diag.Diagnostics) {
			if isGlobal(id) {
				diags.AddWarning(fmt.Sprintf("The %s was left as it is", r.describe(globalIdentity)),
					fmt.Sprintf("The Global instance of %s always exists and cannot be deleted. Terraform no longer manages it; "+
						"its settings stay as they are now.", r.pt.Type))
				return
			}
			res, err := r.Client.ConfigAPI.Delete(ctx, r.pt.Type, id)
			addWarnings(diags, res)
			if err != nil && !transport.IsNotFound(err) {
				diags.AddError("Deleting the "+r.describe(id), err.Error())
			}
		},
		AwaitGone: func(ctx context.Context, id string, timeout time.Duration, diags *diag.Diagnostics) {
			if isGlobal(id) {
				return
			}
			read := transport.Found(func(ctx context.Context) (configapi.Object, error) {
				got, _, err := r.Client.ConfigAPI.Get(ctx, r.pt.Type, id)
				return got, err
			})
			if err := poll.Gone(ctx, poll.Options{Timeout: timeout}, "the "+r.describe(id)+" to be gone", read); err != nil {
				diags.AddError("Confirming the deletion of the "+r.describe(id), err.Error())
			}
		},
	}
}
