// Package protoserver is the plugin protocol server the provider is served
// by: the framework's, with three shortcuts for the resource types that opt
// in: no-change plans (here and plan.go), reads of a resource whose Read
// uses only its state (read.go), and stored states at the schema's version
// (upgrade.go). Almost every plan of an applied configuration is a
// no-change plan for almost every resource, and for a resource of 110
// attributes the framework's PlanResourceChange spends most of a plan's CPU
// walking the schema attribute by attribute to arrive at the prior state
// (issue 15). For a resource that opts in (framework.UnchangedPlanner), a
// PlanResourceChange whose proposed new state is byte for byte the prior
// state is answered here: the plan is the prior state, and the diagnostics
// are the resource's.
//
// Why that is the framework's answer (terraform-plugin-framework v1.19.0,
// internal/fwserver/server_planresourcechange.go), given proposed == prior,
// prior non-null, no private state, no identity, no provider meta, no
// deferral:
//   - Configure of the resource: a new instance per request, configured with
//     the same provider data (an error there takes the framework path).
//   - TransformDefaults only sets attributes with a Default where the
//     configuration is null: the shortcut answers only when each such
//     default equals the prior value (defaults.go), so the plan is unchanged.
//   - NullifyWriteOnlyAttributes only nulls write-only attributes: kept out.
//   - MarkComputedNilsAsUnknown runs only when the plan differs from the
//     prior state, which it does not.
//   - SchemaModifyPlan runs the attributes' plan modifiers; only the
//     RequiresReplace family and UseStateForUnknown are allowed, and both
//     return without a change when the plan value equals the state value /
//     is known (a state holds no unknown): no change, no RequiresReplace.
//   - the resource's ModifyPlan: its PlanUnchanged stands for it (an
//     equivalence test per resource compares the two answers).
//   - identity (nil without an identity schema: kept out), the destroy check
//     (the plan is not null) and RequiresReplace normalisation (empty).
//   - PlannedPrivate: the prior private state; an empty one is encoded as
//     nil, a non-empty one takes the framework path (it re-encodes it).
//
// Like the framework, the server cancels the requests it serves itself when
// Terraform stops the provider (stop.go; only reads wait on the network).
//
// Anything else (a prior state or proposal in JSON, a value that does not
// decode, a diagnostic path that cannot be converted) takes the framework
// path: a shortcut that is not sure gives way, never a wrong answer.
package protoserver

import (
	"context"
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
// PlanResourceChange (plan.go), ReadResource (read.go) and
// UpgradeResourceState (upgrade.go) answered directly where the framework's
// answer is known.
type Server struct {
	tfprotov6.ProviderServer // the framework's

	p    provider.Provider
	data func() any // what the provider's Configure gave its resources; nil before

	once     sync.Once
	types    map[string]*directType // opted-in resource types by type name
	answered atomic.Int64           // requests answered here, for tests

	stopMu   sync.Mutex
	inFlight map[*context.CancelFunc]struct{} // direct reads, cancelled by StopProvider (stop.go)
}

// directType is a resource type that opts in to a shortcut.
type directType struct {
	factory func() resource.Resource
	schema  schema.Schema
	typ     tftypes.Type // the schema's object type
	defs    []defaulted  // the schema's Defaults (defaults.go)
	plan    string       // why no-change plans go to the framework ("" if they do not)
	read    string       // why reads go to the framework ("" if they do not)
}

// New serves p: the framework's server, plus the shortcuts. data returns the
// ResourceData the provider's Configure set: nil before it ran, and nil
// when it deferred (the framework then defers every plan and read, which
// the protocol's ConfigureProvider response does not show). p must be a
// fresh instance for this server, so that data is this server's.
func New(p provider.Provider, data func() any) *Server {
	return &Server{ProviderServer: providerserver.NewProtocol6(p)(), p: p, data: data}
}

// Answered counts the requests answered without the framework.
func (s *Server) Answered() int64 { return s.answered.Load() }

// OptedIn maps every resource type that implements framework.UnchangedPlanner
// or framework.StateOnlyReader to why its no-change plans and its reads go
// to the framework anyway ("" for each that does not, "not opted in" for
// the one it does not implement).
func (s *Server) OptedIn(ctx context.Context) map[string][2]string {
	out := map[string][2]string{}
	for name, dt := range s.directTypes(ctx) {
		out[name] = [2]string{dt.plan, dt.read}
	}
	return out
}

func (s *Server) directTypes(ctx context.Context) map[string]*directType {
	s.once.Do(func() { s.types = optedIn(ctx, s.p) })
	return s.types
}

// instance is a new resource of dt configured with the provider's data, as
// the framework makes one for every request; nil before the provider is
// configured or when the resource's Configure reports an error.
func (s *Server) instance(ctx context.Context, dt *directType) resource.Resource {
	data := s.data()
	if data == nil {
		return nil
	}
	r := dt.factory()
	if rc, ok := r.(resource.ResourceWithConfigure); ok {
		var resp resource.ConfigureResponse
		rc.Configure(ctx, resource.ConfigureRequest{ProviderData: data}, &resp)
		if resp.Diagnostics.HasError() {
			return nil
		}
	}
	return r
}

const notOptedIn = "not opted in"

// optedIn lists p's resource types that implement framework.UnchangedPlanner
// or framework.StateOnlyReader, each with its schema, or why the schema
// keeps it out.
func optedIn(ctx context.Context, p provider.Provider) map[string]*directType {
	out := map[string]*directType{}
	var meta provider.MetadataResponse
	p.Metadata(ctx, provider.MetadataRequest{}, &meta)
	_, hasMeta := p.(provider.ProviderWithMetaSchema)
	for _, f := range p.Resources(ctx) {
		r := f()
		_, planner := r.(framework.UnchangedPlanner)
		_, reader := r.(framework.StateOnlyReader)
		if !planner && !reader {
			continue
		}
		var md resource.MetadataResponse
		r.Metadata(ctx, resource.MetadataRequest{ProviderTypeName: meta.TypeName}, &md)
		var sr resource.SchemaResponse
		r.Schema(ctx, resource.SchemaRequest{}, &sr)
		dt := &directType{factory: f, schema: sr.Schema, typ: sr.Schema.Type().TerraformType(ctx)}
		switch _, hasIdentity := r.(resource.ResourceWithIdentity); {
		case sr.Diagnostics.HasError() || sr.Schema.ValidateImplementation(ctx).HasError():
			dt.plan = "its schema has errors"
		case hasIdentity:
			dt.plan = "it has an identity schema"
		case hasMeta:
			dt.plan = "the provider has a meta schema"
		}
		dt.read = dt.plan
		if dt.plan == "" {
			// Plans and reads are kept out for different reasons:
			// defaults and plan modifiers play no part in a read.
			if dt.plan = Unsupported(sr.Schema); dt.plan == "" {
				dt.defs, dt.plan = defaultedAttrs(ctx, sr.Schema)
			}
			dt.read = UnsupportedRead(sr.Schema)
		}
		if dt.read == "" {
			dt.read = semanticEquality(ctx, sr.Schema)
		}
		if !planner {
			dt.plan = notOptedIn
		}
		if !reader {
			dt.read = notOptedIn
		}
		out[md.TypeName] = dt
	}
	return out
}
