package teams

import (
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/resource"
)

// policyTypes lists every ConfigAPI type with a resource and data source.
var policyTypes = []*PolicyType{
	&meetingPolicy, &enhancedEncryptionPolicy, &appPermissionPolicy, &messagingPolicy,
	&externalAccess, &clientConfiguration, &meetingConfiguration,
}

// The types teamshipaa_policy_assignment takes (assignableTypes, sorted) and
// those of them that cannot be assigned to a group (tenantOnlyTypes), read
// from the table's PolicyType.Assignment.
var (
	assignableTypes    = typesWhere(func(pt *PolicyType) bool { return pt.Assignment != NotAssignable })
	tenantOnlyTypeList = typesWhere(func(pt *PolicyType) bool { return pt.Assignment == TenantOnly })
	tenantOnlyTypes    = setOf(tenantOnlyTypeList)
)

func typesWhere(keep func(*PolicyType) bool) []string {
	var out []string
	for _, pt := range policyTypes {
		if keep(pt) {
			out = append(out, pt.Type)
		}
	}
	slices.Sort(out)
	return out
}

func setOf(names []string) map[string]bool {
	out := make(map[string]bool, len(names))
	for _, n := range names {
		out[n] = true
	}
	return out
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
