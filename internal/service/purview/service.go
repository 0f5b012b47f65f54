// Package purview holds the Microsoft Purview (Security & Compliance) and
// Exchange Online resources: DLP, retention and the unified audit log.
package purview

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/resource"
)

// Resources returns the Purview and Exchange resources.
func Resources() []func() resource.Resource {
	return []func() resource.Resource{
		newAuditLogConfigResource,
		newDLPPolicyResource,
		newDLPRuleResource,
		newRetentionPolicyResource,
		newRetentionRuleResource,
		newAuditRetentionResource,
		newProtectionAlertResource,
	}
}

// DataSources returns the Purview and Exchange data sources.
func DataSources() []func() datasource.DataSource {
	return []func() datasource.DataSource{
		newSensitiveTypesDataSource,
		newDLPPoliciesDataSource,
		newDLPRulesDataSource,
		newRetentionPoliciesDataSource,
		newRetentionRulesDataSource,
		newAuditRetentionPoliciesDataSource,
		newProtectionAlertsDataSource,
	}
}
