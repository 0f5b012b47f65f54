// Package entra holds the Microsoft Entra (Graph v1.0) resources: conditional
// access policies and named locations.
package entra

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/resource"
)

// Resources returns the Entra resources.
func Resources() []func() resource.Resource {
	return []func() resource.Resource{newNamedLocationResource, newConditionalAccessPolicyResource}
}

// DataSources returns the Entra data sources.
func DataSources() []func() datasource.DataSource {
	return []func() datasource.DataSource{newAuthStrengthDataSource, newRoleTemplateDataSource, newCAPoliciesDataSource, newNamedLocationsDataSource}
}
