package protoserver

import (
	"context"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// waitingResource's Read waits for its context: a read of a slow service.
type waitingResource struct{ started chan struct{} }

func (r *waitingResource) Metadata(_ context.Context, _ resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = "test_waiting"
}
func (r *waitingResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{Attributes: map[string]schema.Attribute{"id": schema.StringAttribute{Computed: true}}}
}
func (r *waitingResource) Read(ctx context.Context, _ resource.ReadRequest, resp *resource.ReadResponse) {
	close(r.started)
	<-ctx.Done()
	resp.Diagnostics.AddError("Reading", ctx.Err().Error())
}
func (r *waitingResource) Create(context.Context, resource.CreateRequest, *resource.CreateResponse) {}
func (r *waitingResource) Update(context.Context, resource.UpdateRequest, *resource.UpdateResponse) {}
func (r *waitingResource) Delete(context.Context, resource.DeleteRequest, *resource.DeleteResponse) {}
func (r *waitingResource) ReadsStateOnly()                                                          {}

type waitingProvider struct{ r *waitingResource }

func (p *waitingProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "test"
}
func (p *waitingProvider) Schema(context.Context, provider.SchemaRequest, *provider.SchemaResponse) {}
func (p *waitingProvider) Configure(context.Context, provider.ConfigureRequest, *provider.ConfigureResponse) {
}
func (p *waitingProvider) Resources(context.Context) []func() resource.Resource {
	return []func() resource.Resource{func() resource.Resource { return p.r }}
}
func (p *waitingProvider) DataSources(context.Context) []func() datasource.DataSource { return nil }

// StopProvider (an interrupted plan) cancels a read served directly, as the
// framework cancels the requests it serves.
func TestStopProviderCancelsADirectRead(t *testing.T) {
	r := &waitingResource{started: make(chan struct{})}
	s := New(&waitingProvider{r: r}, func() any { return "configured" })
	typ := tftypes.Object{AttributeTypes: map[string]tftypes.Type{"id": tftypes.String}}
	state, err := tfprotov6.NewDynamicValue(typ, tftypes.NewValue(typ, map[string]tftypes.Value{"id": tftypes.NewValue(tftypes.String, "x")}))
	if err != nil {
		t.Fatal(err)
	}
	got := make(chan *tfprotov6.ReadResourceResponse, 1)
	go func() {
		resp, _ := s.ReadResource(context.Background(), &tfprotov6.ReadResourceRequest{TypeName: "test_waiting", CurrentState: &state})
		got <- resp
	}()
	select {
	case <-r.started:
	case <-time.After(10 * time.Second):
		t.Fatal("the read did not start")
	}
	if _, err := s.StopProvider(context.Background(), &tfprotov6.StopProviderRequest{}); err != nil {
		t.Fatal(err)
	}
	select {
	case resp := <-got:
		if s.Answered() != 1 || len(resp.Diagnostics) != 1 || resp.Diagnostics[0].Detail != context.Canceled.Error() {
			t.Fatalf("answered %d, diagnostics %v", s.Answered(), resp.Diagnostics)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("StopProvider did not cancel the read")
	}
}
