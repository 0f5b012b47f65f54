package entra

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/clients/graph"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/framework"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/service/baselinecheck"
)

// NewCAPolicyResource is the conditional access policy resource.
var NewCAPolicyResource = newConditionalAccessPolicyResource

// CAPolicyState is the state the resource saves for p (as Read flattens
// it), with the baseline arguments profile ("" for none) and exceptions.
func CAPolicyState(t *testing.T, p *graph.ConditionalAccessPolicy, profile string, exceptions map[string]string) tftypes.Value {
	t.Helper()
	ctx := context.Background()
	var sr resource.SchemaResponse
	newConditionalAccessPolicyResource().Schema(ctx, resource.SchemaRequest{}, &sr)
	prior := caPolicyModel{AllowTenantLockoutRisk: types.BoolNull(), AdoptExisting: types.BoolNull(), Timeouts: framework.NullTimeouts(),
		Args: baselinecheck.Args{BaselineProfile: types.StringNull(), BaselineExceptions: types.MapNull(types.StringType)}}
	if profile != "" {
		prior.BaselineProfile = types.StringValue(profile)
	}
	if exceptions != nil {
		prior.BaselineExceptions, _ = types.MapValueFrom(ctx, types.StringType, exceptions)
	}
	m := policyState(p, &prior)
	st := tfsdk.State{Schema: sr.Schema, Raw: tftypes.NewValue(sr.Schema.Type().TerraformType(ctx), nil)}
	if diags := st.Set(ctx, &m); diags.HasError() {
		t.Fatal(diags)
	}
	return st.Raw
}
