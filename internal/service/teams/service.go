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

// WireParameters lists, for every ConfigAPI type, its documented cmdlet and
// the wire names of the parameters a resource may send, in table order (for
// the contract ledger, docs/guides/wire-contracts.md).
func WireParameters() []TypeParameters {
	out := make([]TypeParameters, 0, len(policyTypes))
	for _, pt := range policyTypes {
		tp := TypeParameters{Type: pt.Type, Cmdlet: pt.Cmdlet, Singleton: pt.Singleton}
		for _, p := range pt.Params {
			tp.Params = append(tp.Params, p.Name)
		}
		out = append(out, tp)
	}
	return out
}

// TypeParameters is one entry of WireParameters.
type TypeParameters struct {
	Type, Cmdlet string
	Singleton    bool
	Params       []string
}
