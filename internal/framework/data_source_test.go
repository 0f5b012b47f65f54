package framework

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/conns"
)

func TestDataSourceWithConfigure(t *testing.T) {
	ctx := context.Background()
	d := NewDataSource("teamshipaa_widgets")

	var meta datasource.MetadataResponse
	d.Metadata(ctx, datasource.MetadataRequest{ProviderTypeName: "teamshipaa"}, &meta)
	if meta.TypeName != "teamshipaa_widgets" || d.TypeName() != "teamshipaa_widgets" {
		t.Fatalf("type name: Metadata %q, TypeName %q", meta.TypeName, d.TypeName())
	}

	// Before the provider is configured Terraform passes nil: no client, no error.
	var resp datasource.ConfigureResponse
	d.Configure(ctx, datasource.ConfigureRequest{}, &resp)
	if resp.Diagnostics.HasError() || d.Client != nil {
		t.Fatalf("nil provider data: %v, client %v", resp.Diagnostics, d.Client)
	}

	c := &conns.Client{TenantID: "t"}
	d.Configure(ctx, datasource.ConfigureRequest{ProviderData: c}, &resp)
	if resp.Diagnostics.HasError() || d.Client != c {
		t.Fatalf("client not kept: %v", resp.Diagnostics)
	}

	// A wrong type is the provider's bug, reported as a resource reports it.
	var bad datasource.ConfigureResponse
	d.Configure(ctx, datasource.ConfigureRequest{ProviderData: "not a client"}, &bad)
	if !bad.Diagnostics.HasError() || !strings.Contains(bad.Diagnostics[0].Detail(), "expected *conns.Client, got string") {
		t.Fatalf("wrong provider data type: %v", bad.Diagnostics)
	}
}
