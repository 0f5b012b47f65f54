// Package protoserver is the plugin protocol server the provider is served
// by: the framework's, with one shortcut. Almost every plan of an applied
// configuration is a no-change plan for almost every resource, and for a
// resource of 110 attributes the framework's PlanResourceChange spends most of
// a plan's CPU walking the schema attribute by attribute to arrive at the
// prior state (issue 15). For a resource that opts in
// (framework.UnchangedPlanner), a PlanResourceChange whose proposed new state
// is byte for byte the prior state is answered here: the plan is the prior
// state, and the diagnostics are the resource's.
//
// Why that is the framework's answer (terraform-plugin-framework v1.19.0,
// internal/fwserver/server_planresourcechange.go), given proposed == prior,
// prior non-null, no private state, no identity, no provider meta, no
// deferral:
//   - Configure of the resource: done here once per configured client, with
//     the same provider data (an error there takes the framework path).
//   - TransformDefaults only sets attributes with a Default: refused below.
//   - NullifyWriteOnlyAttributes only nulls write-only attributes: refused.
//   - MarkComputedNilsAsUnknown runs only when the plan differs from the
//     prior state, which it does not.
//   - SchemaModifyPlan runs the attributes' plan modifiers; only the
//     RequiresReplace family and UseStateForUnknown are allowed, and both
//     return without a change when the plan value equals the state value /
//     is known (a state holds no unknown): no change, no RequiresReplace.
//   - the resource's ModifyPlan: its PlanUnchanged stands for it (an
//     equivalence test per resource compares the two answers).
//   - identity (nil without an identity schema: refused), the destroy check
//     (the plan is not null) and RequiresReplace normalisation (empty).
//   - PlannedPrivate: the prior private state; an empty one is encoded as
//     nil, a non-empty one takes the framework path (it re-encodes it).
//
// Anything else (a prior state or proposal in JSON, a value that does not
// decode, a diagnostic path that cannot be converted) takes the framework
// path: a shortcut that is not sure gives way, never a wrong answer.
package protoserver

import (
	"bytes"
	"context"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/framework"
)

// Server is the framework's server for one provider instance, with
// PlanResourceChange answered directly for no-change plans.
type Server struct {
	tfprotov6.ProviderServer // the framework's

	p    provider.Provider
	data func() any // what the provider's Configure gave its resources; nil before

	once     sync.Once
	types    map[string]*plannerType // opted-in resource types by type name
	answered atomic.Int64            // plans answered here, for tests
}

// plannerType is one opted-in resource type.
type plannerType struct {
	factory func() resource.Resource
	typ     tftypes.Type // the schema's object type

	mu       sync.Mutex
	data     any                        // the provider data planner was configured with
	planner  framework.UnchangedPlanner // configured, read-only afterwards
	disabled string                     // why the type is not answered here ("" if it is)
}

// New serves p: the framework's server, plus the shortcut. data returns the
// ResourceData the provider's Configure set: nil before it ran, and nil
// when it deferred (the framework then defers every plan, which the
// protocol's ConfigureProvider response does not show). p must be a fresh
// instance for this server, so that data is this server's.
func New(p provider.Provider, data func() any) *Server {
	return &Server{ProviderServer: providerserver.NewProtocol6(p)(), p: p, data: data}
}

// PlanResourceChange answers a no-change plan of an opted-in type, and
// hands everything else to the framework.
func (s *Server) PlanResourceChange(ctx context.Context, req *tfprotov6.PlanResourceChangeRequest) (*tfprotov6.PlanResourceChangeResponse, error) {
	if resp := s.planUnchanged(ctx, req); resp != nil {
		s.answered.Add(1)
		return resp, nil
	}
	return s.ProviderServer.PlanResourceChange(ctx, req)
}

// Answered counts the plans answered without the framework.
func (s *Server) Answered() int64 { return s.answered.Load() }

// OptedIn maps every resource type that implements
// framework.UnchangedPlanner to why its schema keeps it out of the shortcut
// ("" when it does not).
func (s *Server) OptedIn(ctx context.Context) map[string]string {
	s.once.Do(func() { s.types = optedIn(ctx, s.p) })
	out := make(map[string]string, len(s.types))
	for name, pt := range s.types {
		out[name] = pt.disabled
	}
	return out
}

// planUnchanged is the shortcut's answer, or nil for the framework's.
func (s *Server) planUnchanged(ctx context.Context, req *tfprotov6.PlanResourceChangeRequest) *tfprotov6.PlanResourceChangeResponse {
	prior, proposed := req.PriorState, req.ProposedNewState
	if prior == nil || proposed == nil || req.Config == nil || len(prior.MsgPack) == 0 || len(prior.JSON) != 0 ||
		len(proposed.JSON) != 0 || !bytes.Equal(prior.MsgPack, proposed.MsgPack) ||
		len(req.PriorPrivate) != 0 || req.PriorIdentity != nil {
		return nil
	}
	pt := s.plannerType(ctx, req.TypeName)
	if pt == nil {
		return nil
	}
	planner := pt.configured(ctx, s.data())
	if planner == nil {
		return nil
	}
	state, err := prior.Unmarshal(pt.typ)
	if err != nil || state.IsNull() || !state.IsFullyKnown() {
		return nil
	}
	config, err := req.Config.Unmarshal(pt.typ)
	if err != nil {
		return nil
	}
	diags, ok := Diagnostics(ctx, planner.PlanUnchanged(ctx, state, config))
	if !ok {
		return nil
	}
	return &tfprotov6.PlanResourceChangeResponse{PlannedState: proposed, Diagnostics: diags}
}

// plannerType is the opted-in type typeName, or nil.
func (s *Server) plannerType(ctx context.Context, typeName string) *plannerType {
	s.once.Do(func() { s.types = optedIn(ctx, s.p) })
	pt := s.types[typeName]
	if pt == nil || pt.disabled != "" {
		return nil
	}
	return pt
}

// configured is the type's planner configured with data (a fresh instance
// when data changed), or nil before the provider is configured or when the
// resource's Configure reports a problem.
func (pt *plannerType) configured(ctx context.Context, data any) framework.UnchangedPlanner {
	if data == nil {
		return nil
	}
	pt.mu.Lock()
	defer pt.mu.Unlock()
	if pt.planner != nil && pt.data == data {
		return pt.planner
	}
	r := pt.factory()
	if rc, ok := r.(resource.ResourceWithConfigure); ok {
		var resp resource.ConfigureResponse
		rc.Configure(ctx, resource.ConfigureRequest{ProviderData: data}, &resp)
		if resp.Diagnostics.HasError() {
			return nil
		}
	}
	planner, _ := r.(framework.UnchangedPlanner)
	pt.planner, pt.data = planner, data
	return planner
}

// optedIn lists p's resource types that implement framework.UnchangedPlanner,
// each with its schema's type, or why the schema keeps it out.
func optedIn(ctx context.Context, p provider.Provider) map[string]*plannerType {
	out := map[string]*plannerType{}
	var meta provider.MetadataResponse
	p.Metadata(ctx, provider.MetadataRequest{}, &meta)
	_, hasMeta := p.(provider.ProviderWithMetaSchema)
	for _, f := range p.Resources(ctx) {
		r := f()
		if _, ok := r.(framework.UnchangedPlanner); !ok {
			continue
		}
		var md resource.MetadataResponse
		r.Metadata(ctx, resource.MetadataRequest{ProviderTypeName: meta.TypeName}, &md)
		var sr resource.SchemaResponse
		r.Schema(ctx, resource.SchemaRequest{}, &sr)
		pt := &plannerType{factory: f, typ: sr.Schema.Type().TerraformType(ctx)}
		switch _, hasIdentity := r.(resource.ResourceWithIdentity); {
		case sr.Diagnostics.HasError() || sr.Schema.ValidateImplementation(ctx).HasError():
			pt.disabled = "its schema has errors"
		case hasIdentity:
			pt.disabled = "it has an identity schema"
		case hasMeta:
			pt.disabled = "the provider has a meta schema"
		default:
			pt.disabled = Unsupported(sr.Schema)
		}
		out[md.TypeName] = pt
	}
	return out
}

// Unsupported says why a schema cannot take the shortcut ("" when it can):
// a block, an attribute with a Default or write-only, or a plan modifier
// that may change a plan equal to the state.
func Unsupported(s schema.Schema) string {
	if len(s.Blocks) > 0 {
		return "it has blocks"
	}
	for name, a := range s.Attributes {
		if why := unsupportedAttr(a); why != "" {
			return name + ": " + why
		}
	}
	return ""
}

// noOpWhenUnchanged are the plan modifiers (the framework's, for every
// attribute type) that return without a change when the plan value equals
// the state value and is known: the RequiresReplace family (RequiresReplace,
// RequiresReplaceIf, RequiresReplaceIfConfigured) and UseStateForUnknown.
var noOpWhenUnchanged = map[string]bool{
	"requiresReplaceIfModifier":  true,
	"useStateForUnknownModifier": true,
	"useNonNullStateForUnknown":  true,
}

const frameworkModifiers = "github.com/hashicorp/terraform-plugin-framework/resource/schema/"

func unsupportedAttr(a interface{ IsWriteOnly() bool }) string {
	if a.IsWriteOnly() {
		return "write-only"
	}
	v := reflect.ValueOf(a)
	if v.Kind() == reflect.Pointer {
		v = v.Elem()
	}
	if v.Kind() != reflect.Struct {
		return fmt.Sprintf("an attribute of type %T", a)
	}
	if d := v.FieldByName("Default"); d.IsValid() && !d.IsNil() {
		return "has a Default"
	}
	if why := unsupportedModifiers(v.FieldByName("PlanModifiers")); why != "" {
		return why
	}
	if o := v.FieldByName("NestedObject"); o.IsValid() && o.Kind() == reflect.Struct {
		if why := unsupportedModifiers(o.FieldByName("PlanModifiers")); why != "" {
			return why
		}
	}
	if n, ok := a.(schema.NestedAttribute); ok {
		for name, na := range n.GetNestedObject().GetAttributes() {
			if why := unsupportedAttr(na); why != "" {
				return name + ": " + why
			}
		}
	}
	return ""
}

// unsupportedModifiers names the first plan modifier of the slice m that is
// not in noOpWhenUnchanged ("" if none; m may be the zero Value).
func unsupportedModifiers(m reflect.Value) string {
	if !m.IsValid() || m.Kind() != reflect.Slice {
		return ""
	}
	for i := range m.Len() {
		t := reflect.TypeOf(m.Index(i).Interface())
		if t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		if !strings.HasPrefix(t.PkgPath(), frameworkModifiers) || !noOpWhenUnchanged[t.Name()] {
			return fmt.Sprintf("plan modifier %s.%s", t.PkgPath(), t.Name())
		}
	}
	return ""
}
