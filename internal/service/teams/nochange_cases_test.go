package teams

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/clients/configapi"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/service/baselinecheck"
)

// policyCase is one no-change plan of a policy: its prior state (also the
// proposal) and its configuration.
type policyCase struct {
	name          string
	state, config tftypes.Value
}

// noChangeCases builds, from the type's real-shaped fixture, the states a
// no-change plan meets: every instance (Global, Microsoft's presets, custom
// ones: most hold standing deviations), each bare, with the telehealth
// profile, and with an exception; the configuration sets every other
// parameter and leaves the rest to the service (null).
func noChangeCases(t *testing.T, pt *PolicyType, typ tftypes.Object, fixture string) []policyCase {
	t.Helper()
	ctx := context.Background()
	var out []policyCase
	keys := baselinecheck.AllowedKeys("teamshipaa_" + pt.Resource)
	for i, obj := range readFixture(t, fixture) {
		id, _ := obj["Identity"].(string)
		vals := map[string]tftypes.Value{"id": tftypes.NewValue(tftypes.String, id)}
		if !pt.Singleton {
			vals["name"] = tftypes.NewValue(tftypes.String, nameOf(id))
			vals["adopt_existing"] = tftypes.NewValue(tftypes.Bool, nil)
		}
		var diags diag.Diagnostics
		paramValues(ctx, pt, configapi.Object(obj), vals, &diags)
		if diags.HasError() {
			t.Fatal(diags)
		}
		variants := []struct {
			name       string
			profile    any
			exceptions map[string]tftypes.Value
		}{{"bare", nil, nil}, {"telehealth", "telehealth", nil}}
		if len(keys) > 0 {
			variants = append(variants, struct {
				name       string
				profile    any
				exceptions map[string]tftypes.Value
			}{"exception", "staff", map[string]tftypes.Value{keys[i%len(keys)]: tftypes.NewValue(tftypes.String, "Recorded decision")}})
		}
		for _, v := range variants {
			state := map[string]tftypes.Value{}
			config := map[string]tftypes.Value{}
			n := 0
			for name, at := range typ.AttributeTypes {
				sv, ok := vals[name]
				if !ok {
					sv = tftypes.NewValue(at, nil)
				}
				switch name {
				case baselinecheck.ProfileAttr:
					sv = tftypes.NewValue(at, v.profile)
				case baselinecheck.ExceptionsAttr:
					if v.exceptions != nil {
						sv = tftypes.NewValue(at, v.exceptions)
					}
				}
				state[name] = sv
				// The configuration leaves id and every other parameter unset.
				cv := sv
				if name == "id" || (pt.hasParam(name) && n%2 == 1) {
					cv = tftypes.NewValue(at, nil)
				}
				if pt.hasParam(name) {
					n++
				}
				config[name] = cv
			}
			out = append(out, policyCase{name: fmt.Sprintf("%s/%s", id, v.name),
				state: tftypes.NewValue(typ, state), config: tftypes.NewValue(typ, config)})
		}
	}
	return out
}

func (pt *PolicyType) hasParam(attr string) bool {
	return slices.ContainsFunc(pt.Params, func(p Param) bool { return p.Attr == attr })
}

func policySchemaType(t *testing.T, pt *PolicyType) tftypes.Object {
	t.Helper()
	var resp resource.SchemaResponse
	newPolicyResource(pt)().Schema(context.Background(), resource.SchemaRequest{}, &resp)
	typ, ok := resp.Schema.Type().TerraformType(context.Background()).(tftypes.Object)
	if !ok {
		t.Fatal("not an object")
	}
	return typ
}
