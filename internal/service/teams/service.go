package teams

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/resource"
)

// policyTypes lists every ConfigAPI type with a resource and data source.
var policyTypes = []*PolicyType{
	&meetingPolicy, &enhancedEncryptionPolicy, &appPermissionPolicy, &messagingPolicy,
	&externalAccess, &clientConfiguration, &meetingConfiguration,
}

// Resources returns the Teams admin resources.
func Resources() []func() resource.Resource {
	out := []func() resource.Resource{newPolicyAssignmentResource}
	for _, pt := range policyTypes {
		out = append(out, newPolicyResource(pt))
	}
	return out
}

// DataSources returns the Teams admin data sources.
func DataSources() []func() datasource.DataSource {
	out := []func() datasource.DataSource{newPoliciesDataSource}
	for _, pt := range policyTypes {
		out = append(out, newPolicyDataSource(pt))
	}
	return out
}
