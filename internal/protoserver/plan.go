package protoserver

import (
	"bytes"
	"context"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/framework"
)

// PlanResourceChange answers a no-change plan of an opted-in type, and
// hands everything else to the framework.
func (s *Server) PlanResourceChange(ctx context.Context, req *tfprotov6.PlanResourceChangeRequest) (*tfprotov6.PlanResourceChangeResponse, error) {
	if resp := s.planUnchanged(ctx, req); resp != nil {
		s.answered.Add(1)
		return resp, nil
	}
	return s.ProviderServer.PlanResourceChange(ctx, req)
}

// planUnchanged is the shortcut's answer, or nil for the framework's.
func (s *Server) planUnchanged(ctx context.Context, req *tfprotov6.PlanResourceChangeRequest) *tfprotov6.PlanResourceChangeResponse {
	prior, proposed := req.PriorState, req.ProposedNewState
	if prior == nil || proposed == nil || req.Config == nil || len(prior.MsgPack) == 0 || len(prior.JSON) != 0 ||
		len(proposed.JSON) != 0 || !bytes.Equal(prior.MsgPack, proposed.MsgPack) ||
		len(req.PriorPrivate) != 0 || req.PriorIdentity != nil {
		return nil
	}
	dt := s.directTypes(ctx)[req.TypeName]
	if dt == nil || dt.plan != "" {
		return nil
	}
	planner, ok := s.instance(ctx, dt).(framework.UnchangedPlanner)
	if !ok {
		return nil
	}
	state, err := prior.Unmarshal(dt.typ)
	if err != nil || state.IsNull() || !state.IsFullyKnown() {
		return nil
	}
	config, err := req.Config.Unmarshal(dt.typ)
	if err != nil || !defaultsUnchanged(ctx, dt.defs, state, config) {
		return nil
	}
	diags, ok := Diagnostics(ctx, planner.PlanUnchanged(ctx, state, config))
	if !ok {
		return nil
	}
	return &tfprotov6.PlanResourceChangeResponse{PlannedState: proposed, Diagnostics: diags}
}
