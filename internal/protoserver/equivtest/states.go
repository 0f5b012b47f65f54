package equivtest

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/acctest"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/service/baselinecheck"
)

// Applied are the states of a configuration Terraform applied to the
// simulated tenant, by resource type: as stored (`terraform show -json`)
// and as the framework decodes them.
type Applied struct {
	Types  map[string]tftypes.Object
	States map[string][]tftypes.Value
	Raw    map[string][][]byte
	Res    map[string]resource.Resource
}

// Apply applies config with the real terraform CLI (destroyed at the end
// of the test) and decodes its states with the framework's server of s.
func Apply(t *testing.T, s Servers, config string, resources []func() resource.Resource) Applied {
	t.Helper()
	ctx := context.Background()
	w := acctest.NewWorkdir(t, config)
	if out, err := w.Run("apply", "-auto-approve", "-input=false", "-no-color"); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	t.Cleanup(func() { _, _ = w.Run("destroy", "-auto-approve", "-input=false", "-no-color") })
	out, err := w.Run("show", "-json", "-no-color")
	if err != nil {
		t.Fatal(err)
	}
	var show struct {
		Values struct {
			RootModule struct {
				Resources []struct {
					Type   string          `json:"type"`
					Values json.RawMessage `json:"values"`
				} `json:"resources"`
			} `json:"root_module"`
		} `json:"values"`
	}
	if err := json.Unmarshal(out, &show); err != nil {
		t.Fatal(err)
	}
	a := Applied{Types: map[string]tftypes.Object{}, States: map[string][]tftypes.Value{}, Raw: map[string][][]byte{}, Res: map[string]resource.Resource{}}
	for _, f := range resources {
		r := f()
		var md resource.MetadataResponse
		r.Metadata(ctx, resource.MetadataRequest{ProviderTypeName: "teamshipaa"}, &md)
		a.Types[md.TypeName], a.Res[md.TypeName] = SchemaType(t, r), r
	}
	for _, r := range show.Values.RootModule.Resources {
		typ, ok := a.Types[r.Type]
		if !ok {
			continue
		}
		resp, err := s.FW.UpgradeResourceState(ctx, &tfprotov6.UpgradeResourceStateRequest{TypeName: r.Type, RawState: &tfprotov6.RawState{JSON: r.Values}})
		if err != nil || len(resp.Diagnostics) > 0 {
			t.Fatalf("decoding the state of %s: %v %v", r.Type, err, resp.Diagnostics)
		}
		v, err := resp.UpgradedState.Unmarshal(typ)
		if err != nil {
			t.Fatal(err)
		}
		a.States[r.Type] = append(a.States[r.Type], v)
		a.Raw[r.Type] = append(a.Raw[r.Type], r.Values)
	}
	return a
}

// With is v with the attributes set.
func With(t *testing.T, v tftypes.Value, set map[string]tftypes.Value) tftypes.Value {
	t.Helper()
	var attrs map[string]tftypes.Value
	if err := v.As(&attrs); err != nil {
		t.Fatal(err)
	}
	out := map[string]tftypes.Value{}
	for k, a := range attrs {
		out[k] = a
		if n, ok := set[k]; ok {
			out[k] = n
		}
	}
	return tftypes.NewValue(v.Type(), out)
}

// Variants are a state bare (as applied), with the telehealth profile, and
// with an exception of one of the type's controls.
func Variants(t *testing.T, typeName string, typ tftypes.Object, v tftypes.Value) map[string]tftypes.Value {
	t.Helper()
	out := map[string]tftypes.Value{"bare": v,
		"telehealth": With(t, v, map[string]tftypes.Value{baselinecheck.ProfileAttr: tftypes.NewValue(tftypes.String, "telehealth")})}
	if keys := baselinecheck.AllowedKeys(typeName); len(keys) > 0 {
		et := typ.AttributeTypes[baselinecheck.ExceptionsAttr]
		out["exception"] = With(t, v, map[string]tftypes.Value{
			baselinecheck.ProfileAttr:    tftypes.NewValue(tftypes.String, "staff"),
			baselinecheck.ExceptionsAttr: tftypes.NewValue(et, map[string]tftypes.Value{keys[0]: tftypes.NewValue(tftypes.String, "Recorded decision")}),
		})
	}
	return out
}

// ConfigOf is a configuration that plans state unchanged: the state without
// its computed-only top-level attributes; with optionalToo, without the
// optional and computed ones either (left to the service, or to their
// defaults).
func ConfigOf(t *testing.T, r resource.Resource, state tftypes.Value, optionalToo bool) tftypes.Value {
	t.Helper()
	var sr resource.SchemaResponse
	r.Schema(context.Background(), resource.SchemaRequest{}, &sr)
	set := map[string]tftypes.Value{}
	for name, a := range sr.Schema.Attributes {
		if a.IsComputed() && (!a.IsOptional() || optionalToo) {
			set[name] = tftypes.NewValue(a.GetType().TerraformType(context.Background()), nil)
		}
	}
	return With(t, state, set)
}

// ReadsAndUpgrades compares, for every applied state of typeName (and the
// variants with baseline arguments), the two servers' reads (each must be
// answered directly) and, with gone set, the read of the state with its id
// replaced by gone (an object the tenant lacks); and the decoding of each
// stored state (directly; another version goes to the framework). It
// returns how many reads kept the object and how many removed it.
func ReadsAndUpgrades(t *testing.T, s Servers, a Applied, typeName, gone string) (kept, removed int) {
	t.Helper()
	typ := a.Types[typeName]
	for i, state := range a.States[typeName] {
		states := Variants(t, typeName, typ, state)
		if gone != "" {
			states["gone"] = With(t, state, map[string]tftypes.Value{"id": tftypes.NewValue(tftypes.String, gone)})
		}
		for vname, v := range states {
			s.ReadDirect(t, fmt.Sprintf("read/%s/%d/%s", typeName, i, vname), typeName, typ, v, &kept, &removed)
		}
		t.Run(fmt.Sprintf("upgrade/%s/%d", typeName, i), func(t *testing.T) {
			if !s.Upgrade(t, typeName, typ, 0, a.Raw[typeName][i]) || !s.Upgrade(t, typeName, typ, 0, StateJSON(t, state, true)) {
				t.Fatal("the protocol server left a stored state to the framework")
			}
			if s.Upgrade(t, typeName, typ, 1, a.Raw[typeName][i]) {
				t.Fatal("a state at another version was answered directly")
			}
		})
	}
	return kept, removed
}

// ReadDirect compares, in subtest name, the two servers' reads of state,
// which the protocol server must answer itself, and counts the state as
// kept (read back) or removed (the tenant lacks the object).
func (s Servers) ReadDirect(t *testing.T, name, typeName string, typ tftypes.Type, state tftypes.Value, kept, removed *int) {
	t.Helper()
	t.Run(name, func(t *testing.T) {
		got, answered := s.Read(t, typeName, typ, state)
		if !answered {
			t.Fatal("the protocol server left the read to the framework")
		}
		if got.IsNull() {
			*removed++
		} else {
			*kept++
		}
	})
}
