package teams

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/conns"
)

// Destroying a singleton, or a Global policy, leaves it and says so. The
// client is nil: a request would panic, so none may be made.
func TestDestroyOfGlobalWarnsAndCallsNothing(t *testing.T) {
	ctx := context.Background()
	for _, pt := range policyTypes {
		r := newPolicyResource(pt)().(*policyResource)
		r.Client = &conns.Client{}
		var sresp resource.SchemaResponse
		r.Schema(ctx, resource.SchemaRequest{}, &sresp)
		typ := sresp.Schema.Type().TerraformType(ctx).(tftypes.Object)
		vals := map[string]tftypes.Value{}
		for name, at := range typ.AttributeTypes {
			vals[name] = tftypes.NewValue(at, nil)
		}
		vals["id"] = tftypes.NewValue(tftypes.String, "Global")
		if !pt.Singleton {
			vals["name"] = tftypes.NewValue(tftypes.String, "Global")
		}
		var dresp resource.DeleteResponse
		r.Delete(ctx, resource.DeleteRequest{State: tfsdk.State{Schema: sresp.Schema, Raw: tftypes.NewValue(typ, vals)}}, &dresp)
		if dresp.Diagnostics.HasError() || dresp.Diagnostics.WarningsCount() != 1 {
			t.Fatalf("%s: want exactly one warning, got %v", pt.Type, dresp.Diagnostics)
		}
		w := dresp.Diagnostics.Warnings()[0]
		if !strings.Contains(w.Summary(), "left as it is") || !strings.Contains(w.Detail(), pt.Type) {
			t.Errorf("%s: warning does not say the object was left: %s / %s", pt.Type, w.Summary(), w.Detail())
		}
	}
}
