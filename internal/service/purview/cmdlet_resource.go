package purview

import (
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/framework"
)

// governedCmdletResource is what each cmdlet resource on cmdletResource is:
// the base gives Configure, ImportState and ModifyPlan; ValidateConfig is
// the resource's own.
type governedCmdletResource interface {
	resource.ResourceWithConfigure
	resource.ResourceWithImportState
	resource.ResourceWithValidateConfig
	resource.ResourceWithModifyPlan
}

var (
	_ governedCmdletResource = (*dlpPolicyResource)(nil)
	_ governedCmdletResource = (*dlpRuleResource)(nil)
	_ governedCmdletResource = (*retentionPolicyResource)(nil)
	_ governedCmdletResource = (*retentionRuleResource)(nil)
	_ governedCmdletResource = (*auditRetentionResource)(nil)
	_ governedCmdletResource = (*protectionAlertResource)(nil)
)

// cmdletResource is what every governed cmdlet resource embeds: the one
// lifecycle of its cmdletObject, the baseline base (Configure, Metadata,
// ModifyPlan) and import by identity. The resource is then its schema, its
// model and its object.
type cmdletResource[M any] struct {
	framework.WithLifecycle[M, map[string]any]
	framework.ResourceWithBaseline
	framework.WithImportByID
}

// newCmdletResource is the base of the cmdlet resource of typeName. object
// (the resource's r.object) is called for each CRUD step, after Configure
// gave the resource its client.
func newCmdletResource[M any](typeName string, object func() cmdletObject[M]) cmdletResource[M] {
	return cmdletResource[M]{
		WithLifecycle:        framework.NewLifecycle(func() framework.Object[M, map[string]any] { return object().lifecycle() }),
		ResourceWithBaseline: framework.NewBaselineResource(typeName),
	}
}
