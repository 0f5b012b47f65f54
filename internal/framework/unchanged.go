package framework

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/service/baselinecheck"
)

// UnchangedPlanner is a resource whose plan, when Terraform proposes exactly
// the prior state, is that state: internal/protoserver then answers the
// PlanResourceChange itself, without the framework's per-attribute plan walk
// (most of a 500-policy plan's CPU, issue 15). PlanUnchanged returns the
// diagnostics the resource's ModifyPlan would add to that plan, and records
// what ModifyPlan records; it is called on a configured instance, possibly
// concurrently. state is the prior state (non-null, and equal to the plan),
// config the configuration, both of the schema's type.
//
// Opt in only a resource whose ModifyPlan, given plan == state, changes
// nothing in the plan and adds only these diagnostics; protoserver checks
// what it can of the schema (no write-only attribute, only plan modifiers
// that do nothing when plan and state are equal, and per plan that every
// Default the framework would apply equals the state), and an equivalence
// test per resource proves the rest.
type UnchangedPlanner interface {
	PlanUnchanged(ctx context.Context, state, config tftypes.Value) diag.Diagnostics
}

// CheckUnchanged is CheckBaseline for a plan equal to the prior state: the
// baseline diagnostics of that plan (standing deviations still warn, or
// fail in mode error), for a resource's PlanUnchanged. A plan with a prior
// state never asks the service for values, so none is needed here.
func (r *ResourceWithBaseline) CheckUnchanged(state, config tftypes.Value) diag.Diagnostics {
	return baselinecheck.Check(baselinecheck.Plan{Resource: r.typeName, Mode: r.Client.Checks(), Planned: state, Prior: state, Config: config})
}

// StateOnlyReader is a resource whose Read uses nothing of its request but
// the state, and sets nothing of its response but the state, the
// diagnostics and perhaps a deferral: no private state (internal/protoserver
// passes none), no identity, no provider meta, no client capabilities.
// protoserver then calls its Read directly, without the framework's walks
// of the schema around it (a third of a 500-policy plan's CPU, issue 15).
type StateOnlyReader interface {
	ReadsStateOnly()
}
