package framework

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/conns"
)

// DataSourceWithConfigure is ResourceWithConfigure for a data source: it
// holds the provider's clients (set by Configure) and the type name (given
// to Metadata), so a data source is its schema and its Read.
type DataSourceWithConfigure struct {
	// Client is nil until Configure ran: dereference it only in Read.
	Client   *conns.Client
	typeName string
}

// NewDataSource is the base of the data source of typeName, e.g. "teamshipaa_named_locations".
func NewDataSource(typeName string) DataSourceWithConfigure {
	return DataSourceWithConfigure{typeName: typeName}
}

// TypeName is the data source's Terraform type, e.g. teamshipaa_named_locations.
func (d *DataSourceWithConfigure) TypeName() string { return d.typeName }

// Metadata gives Terraform the type name.
func (d *DataSourceWithConfigure) Metadata(_ context.Context, _ datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = d.typeName
}

// Configure keeps the provider's clients (the same check, and error for a
// wrong ProviderData type, as a resource's).
func (d *DataSourceWithConfigure) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.Client = conns.FromProviderData(req.ProviderData, &resp.Diagnostics)
}
