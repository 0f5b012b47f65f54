package protoserver

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/framework"
)

// ReadResource calls the Read of an opted-in type directly, and hands
// everything else to the framework.
func (s *Server) ReadResource(ctx context.Context, req *tfprotov6.ReadResourceRequest) (*tfprotov6.ReadResourceResponse, error) {
	if resp := s.readDirect(ctx, req); resp != nil {
		s.answered.Add(1)
		return resp, nil
	}
	return s.ProviderServer.ReadResource(ctx, req)
}

// readDirect is the framework's ReadResource (internal/fwserver
// server_readresource.go, v1.19.0) for a resource whose Read uses only its
// state (framework.StateOnlyReader), without the framework's walks of the
// schema: decoding the state (NullifyCollectionBlocks: no blocks),
// SchemaSemanticEquality (no type with semantic equality), and
// NullifyWriteOnlyAttributes (none). A request with private state or an
// identity goes to the framework (it clears its import marker from the
// private state, and checks identities). nil means the framework's path.
func (s *Server) readDirect(ctx context.Context, req *tfprotov6.ReadResourceRequest) *tfprotov6.ReadResourceResponse {
	cur := req.CurrentState
	if cur == nil || len(cur.MsgPack) == 0 || len(cur.JSON) != 0 || len(req.Private) != 0 || req.CurrentIdentity != nil {
		return nil
	}
	dt := s.directTypes(ctx)[req.TypeName]
	if dt == nil || dt.read != "" {
		return nil
	}
	r := s.instance(ctx, dt)
	if _, ok := r.(framework.StateOnlyReader); !ok {
		return nil
	}
	state, err := cur.Unmarshal(dt.typ)
	if err != nil || state.IsNull() {
		return nil
	}
	ctx, done := s.requestContext(ctx)
	defer done()
	readReq := resource.ReadRequest{State: tfsdk.State{Schema: dt.schema, Raw: state}}
	readResp := resource.ReadResponse{State: tfsdk.State{Schema: dt.schema, Raw: state}}
	r.Read(ctx, readReq, &readResp)

	diags := readResp.Diagnostics
	newState, err := tfprotov6.NewDynamicValue(dt.typ, readResp.State.Raw)
	if err != nil {
		// As the framework's encoder (toproto6.State) reports it.
		diags.AddError("Unable to Convert State",
			"An unexpected error was encountered when converting the state to the protocol type. "+
				"This is always an issue in terraform-plugin-framework used to implement the provider and should be reported to the provider developers.\n\n"+
				"Please report this to the provider developer:\n\n"+err.Error())
	}
	resp := &tfprotov6.ReadResourceResponse{Diagnostics: protocolDiagnostics(ctx, diags)}
	if err == nil {
		resp.NewState = &newState
	}
	if d := readResp.Deferred; d != nil {
		resp.Deferred = &tfprotov6.Deferred{Reason: tfprotov6.DeferredReason(d.Reason)}
	}
	return resp
}

// protocolDiagnostics is Diagnostics where the request cannot be handed to
// the framework any more (the resource was read): a path that cannot be
// converted is reported as the framework reports it, before the diagnostic.
func protocolDiagnostics(ctx context.Context, diags diag.Diagnostics) []*tfprotov6.Diagnostic {
	if out, ok := Diagnostics(ctx, diags); ok {
		return out
	}
	var out []*tfprotov6.Diagnostic
	for _, d := range diags {
		pd := &tfprotov6.Diagnostic{Severity: severity(d.Severity()), Summary: d.Summary(), Detail: d.Detail()}
		if dp, hasPath := d.(diag.DiagnosticWithPath); hasPath {
			ap, converted := attributePath(ctx, dp.Path())
			if !converted {
				out = append(out, &tfprotov6.Diagnostic{Severity: tfprotov6.DiagnosticSeverityError, Summary: "Unable to Convert Attribute Path",
					Detail: "An unexpected error occurred while trying to convert an attribute path. Attribute Path: " + dp.Path().String()})
			}
			pd.Attribute = ap
		}
		out = append(out, pd)
	}
	return out
}
