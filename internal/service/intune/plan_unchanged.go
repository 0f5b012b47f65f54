package intune

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/framework"
)

var (
	_ framework.UnchangedPlanner = (*protectionResource[iosModel, *iosModel])(nil)
	_ framework.UnchangedPlanner = (*protectionResource[androidModel, *androidModel])(nil)
	_ framework.StateOnlyReader  = (*protectionResource[iosModel, *iosModel])(nil)
	_ framework.StateOnlyReader  = (*protectionResource[androidModel, *androidModel])(nil)
)

// PlanUnchanged is ModifyPlan (ResourceWithBaseline's: the baseline checks
// alone) for a plan equal to the prior state (framework.UnchangedPlanner):
// the checks judge the state as the plan, so standing deviations still
// show. internal/protoserver checks the schema's defaults; direct_test.go
// compares the answers with the framework's.
func (r *protectionResource[M, PM]) PlanUnchanged(_ context.Context, state, config tftypes.Value) diag.Diagnostics {
	return r.CheckUnchanged(state, config)
}

// ReadsStateOnly opts the Read in to internal/protoserver's direct read: it
// is framework.Object's ReadResource, which reads the state and writes the
// state and diagnostics only.
func (*protectionResource[M, PM]) ReadsStateOnly() {}
