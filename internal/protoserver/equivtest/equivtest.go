// Package equivtest compares internal/protoserver's answers with the
// framework's for the same requests, for the equivalence tests of the
// resource types that opt in to its shortcuts: each answer must be the
// framework's, and a request the shortcut is meant to serve must not be
// handed to the framework (nor one it must not serve answered).
package equivtest

import (
	"context"
	"encoding/json"
	"fmt"
	"math/big"
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/protoserver"
)

// Servers are the framework's server and the protocol server over the same
// resources and provider data, both configured.
type Servers struct {
	FW tfprotov6.ProviderServer
	PS *protoserver.Server
}

type onlyProvider struct {
	data      any
	resources []func() resource.Resource
}

func (p *onlyProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "teamshipaa"
}
func (p *onlyProvider) Schema(context.Context, provider.SchemaRequest, *provider.SchemaResponse) {}
func (p *onlyProvider) Configure(_ context.Context, _ provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	resp.ResourceData = p.data
}
func (p *onlyProvider) Resources(context.Context) []func() resource.Resource { return p.resources }
func (p *onlyProvider) DataSources(context.Context) []func() datasource.DataSource {
	return nil
}

// New serves resources with data (the provider's clients) both ways.
func New(t *testing.T, data any, resources []func() resource.Resource) Servers {
	t.Helper()
	return NewPair(t, data, data, resources)
}

// NewPair is New with separate provider data for each server, for
// resources whose plans record what they planned in the clients (package
// planned): one server's notes must not answer for the other's.
func NewPair(t *testing.T, fwData, psData any, resources []func() resource.Resource) Servers {
	t.Helper()
	s := Servers{
		FW: providerserver.NewProtocol6(&onlyProvider{data: fwData, resources: resources})(),
		PS: protoserver.New(&onlyProvider{data: psData, resources: resources}, func() any { return psData }),
	}
	empty, err := tfprotov6.NewDynamicValue(tftypes.Object{}, tftypes.NewValue(tftypes.Object{}, map[string]tftypes.Value{}))
	if err != nil {
		t.Fatal(err)
	}
	for _, srv := range []tfprotov6.ProviderServer{s.FW, s.PS} {
		resp, err := srv.ConfigureProvider(context.Background(), &tfprotov6.ConfigureProviderRequest{Config: &empty})
		if err != nil || len(resp.Diagnostics) > 0 {
			t.Fatalf("configure: %v %v", err, resp.Diagnostics)
		}
	}
	return s
}

// SchemaType is the resource's schema type.
func SchemaType(t *testing.T, r resource.Resource) tftypes.Object {
	t.Helper()
	var resp resource.SchemaResponse
	r.Schema(context.Background(), resource.SchemaRequest{}, &resp)
	typ, ok := resp.Schema.Type().TerraformType(context.Background()).(tftypes.Object)
	if !ok || resp.Diagnostics.HasError() {
		t.Fatalf("schema: %v", resp.Diagnostics)
	}
	return typ
}

func dynamic(t *testing.T, typ tftypes.Type, v tftypes.Value) *tfprotov6.DynamicValue {
	t.Helper()
	d, err := tfprotov6.NewDynamicValue(typ, v)
	if err != nil {
		t.Fatal(err)
	}
	return &d
}

// Plan sends the plan of prior to proposed under config to both servers,
// fails unless the answers are the same, and says whether the protocol
// server answered it itself. It returns the answer.
func (s Servers) Plan(t *testing.T, typeName string, typ tftypes.Type, prior, proposed, config tftypes.Value) (*tfprotov6.PlanResourceChangeResponse, bool) {
	t.Helper()
	ctx := context.Background()
	req := &tfprotov6.PlanResourceChangeRequest{TypeName: typeName,
		PriorState: dynamic(t, typ, prior), ProposedNewState: dynamic(t, typ, proposed), Config: dynamic(t, typ, config)}
	want, got, direct := ask(t, s, func(srv tfprotov6.ProviderServer) (*tfprotov6.PlanResourceChangeResponse, error) {
		return srv.PlanResourceChange(ctx, req)
	})
	if !valueEqual(t, typ, want.PlannedState, got.PlannedState) {
		t.Errorf("planned state differs:\nframework   %v\nprotoserver %v", want.PlannedState, got.PlannedState)
	}
	if string(want.PlannedPrivate) != string(got.PlannedPrivate) {
		t.Errorf("planned private: framework %q, protoserver %q", want.PlannedPrivate, got.PlannedPrivate)
	}
	if len(want.RequiresReplace) != len(got.RequiresReplace) || !slices.EqualFunc(want.RequiresReplace, got.RequiresReplace,
		func(a, b *tftypes.AttributePath) bool { return a.Equal(b) }) {
		t.Errorf("requires replace: framework %v, protoserver %v", want.RequiresReplace, got.RequiresReplace)
	}
	if want.Deferred != nil || got.Deferred != nil || want.PlannedIdentity != nil || got.PlannedIdentity != nil {
		t.Errorf("deferred %v / %v, identity %v / %v", want.Deferred, got.Deferred, want.PlannedIdentity, got.PlannedIdentity)
	}
	sameDiagnostics(t, want.Diagnostics, got.Diagnostics)
	return got, direct
}

// Read sends a read of state to both servers, fails unless the answers are
// the same, and says whether the protocol server answered it itself. It
// returns the new state.
func (s Servers) Read(t *testing.T, typeName string, typ tftypes.Type, state tftypes.Value) (tftypes.Value, bool) {
	t.Helper()
	ctx := context.Background()
	req := &tfprotov6.ReadResourceRequest{TypeName: typeName, CurrentState: dynamic(t, typ, state)}
	want, got, direct := ask(t, s, func(srv tfprotov6.ProviderServer) (*tfprotov6.ReadResourceResponse, error) {
		return srv.ReadResource(ctx, req)
	})
	if !valueEqual(t, typ, want.NewState, got.NewState) {
		t.Errorf("new state differs:\nframework   %v\nprotoserver %v", want.NewState, got.NewState)
	}
	if string(want.Private) != string(got.Private) || want.Deferred != nil || got.Deferred != nil || want.NewIdentity != nil || got.NewIdentity != nil {
		t.Errorf("private %q / %q, deferred %v / %v, identity %v / %v", want.Private, got.Private, want.Deferred, got.Deferred,
			want.NewIdentity, got.NewIdentity)
	}
	sameDiagnostics(t, want.Diagnostics, got.Diagnostics)
	v := tftypes.NewValue(typ, nil)
	if got.NewState != nil {
		if u, err := got.NewState.Unmarshal(typ); err == nil {
			v = u
		}
	}
	return v, direct
}

// Upgrade sends a stored state (JSON) at version to both servers, fails
// unless the answers are the same, and says whether the protocol server
// answered it itself.
func (s Servers) Upgrade(t *testing.T, typeName string, typ tftypes.Type, version int64, raw []byte) bool {
	t.Helper()
	ctx := context.Background()
	req := &tfprotov6.UpgradeResourceStateRequest{TypeName: typeName, Version: version, RawState: &tfprotov6.RawState{JSON: raw}}
	want, got, direct := ask(t, s, func(srv tfprotov6.ProviderServer) (*tfprotov6.UpgradeResourceStateResponse, error) {
		return srv.UpgradeResourceState(ctx, req)
	})
	if !valueEqual(t, typ, want.UpgradedState, got.UpgradedState) {
		t.Errorf("upgraded state differs:\nframework   %v\nprotoserver %v", want.UpgradedState, got.UpgradedState)
	}
	sameDiagnostics(t, want.Diagnostics, got.Diagnostics)
	return direct
}

// ask sends the same request to the framework's server and then to the
// protocol server, and says whether the protocol server answered it itself.
func ask[R any](t *testing.T, s Servers, call func(tfprotov6.ProviderServer) (R, error)) (want, got R, direct bool) {
	t.Helper()
	want, err := call(s.FW)
	if err != nil {
		t.Fatal(err)
	}
	before := s.PS.Answered()
	if got, err = call(s.PS); err != nil {
		t.Fatal(err)
	}
	n := s.PS.Answered() - before
	if n > 1 {
		t.Errorf("one request counted %d times as answered directly", n)
	}
	return want, got, n == 1
}

func valueEqual(t *testing.T, typ tftypes.Type, a, b *tfprotov6.DynamicValue) bool {
	t.Helper()
	if a == nil || b == nil {
		return a == b
	}
	av, err := a.Unmarshal(typ)
	if err != nil {
		t.Fatal(err)
	}
	bv, err := b.Unmarshal(typ)
	if err != nil {
		t.Fatal(err)
	}
	return av.Equal(bv)
}

func sameDiagnostics(t *testing.T, want, got []*tfprotov6.Diagnostic) {
	t.Helper()
	if len(want) != len(got) {
		t.Errorf("framework: %d diagnostics, protoserver: %d\n%s\n---\n%s", len(want), len(got), text(want), text(got))
		return
	}
	for i, w := range want {
		g := got[i]
		if w.Severity != g.Severity || w.Summary != g.Summary || w.Detail != g.Detail ||
			(w.Attribute == nil) != (g.Attribute == nil) || w.Attribute != nil && !w.Attribute.Equal(g.Attribute) {
			t.Errorf("diagnostic %d differs:\nframework %s %q %v\n%s\nprotoserver %s %q %v\n%s", i,
				w.Severity, w.Summary, w.Attribute, w.Detail, g.Severity, g.Summary, g.Attribute, g.Detail)
		}
	}
}

func text(ds []*tfprotov6.Diagnostic) string {
	s := ""
	for _, d := range ds {
		s += fmt.Sprintf("%s %q %v\n", d.Severity, d.Summary, d.Attribute)
	}
	return s
}

// Count tallies the diagnostics of plans, so a test can show its
// comparisons were not vacuous.
type Count struct{ Warnings, Errors int }

// Add counts resp's diagnostics.
func (c *Count) Add(resp *tfprotov6.PlanResourceChangeResponse) {
	for _, d := range resp.Diagnostics {
		switch d.Severity {
		case tfprotov6.DiagnosticSeverityWarning:
			c.Warnings++
		case tfprotov6.DiagnosticSeverityError:
			c.Errors++
		}
	}
}

// StateJSON is v as Terraform stores it in a state file: numbers as JSON
// numbers, or as strings with numbersAsStrings (tftypes accepts both).
func StateJSON(t *testing.T, v tftypes.Value, numbersAsStrings bool) []byte {
	t.Helper()
	raw, err := json.Marshal(stateJSON(t, v, numbersAsStrings))
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

func stateJSON(t *testing.T, v tftypes.Value, numbersAsStrings bool) any {
	t.Helper()
	if v.IsNull() {
		return nil
	}
	typ := v.Type()
	switch {
	case typ.Is(tftypes.String):
		var s string
		_ = v.As(&s)
		return s
	case typ.Is(tftypes.Bool):
		var b bool
		_ = v.As(&b)
		return b
	case typ.Is(tftypes.Number):
		var f big.Float
		_ = v.As(&f)
		if numbersAsStrings {
			return f.Text('g', -1)
		}
		return json.Number(f.Text('g', -1))
	case typ.Is(tftypes.Set{}), typ.Is(tftypes.List{}):
		var elems []tftypes.Value
		_ = v.As(&elems)
		out := []any{}
		for _, e := range elems {
			out = append(out, stateJSON(t, e, numbersAsStrings))
		}
		return out
	default:
		var m map[string]tftypes.Value
		if err := v.As(&m); err != nil {
			t.Fatal(err)
		}
		out := map[string]any{}
		for k, e := range m {
			out[k] = stateJSON(t, e, numbersAsStrings)
		}
		return out
	}
}
