package teams

import (
	"context"
	"encoding/json"
	"fmt"
	"math/big"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/conns"
)

// stateJSON is v as Terraform stores it in a state file (the JSON
// UpgradeResourceState receives); numbers written as numbersAs makes them.
func stateJSON(t *testing.T, v tftypes.Value, numbersAs func(*big.Float) any) any {
	t.Helper()
	if v.IsNull() {
		return nil
	}
	typ := v.Type()
	switch {
	case typ.Is(tftypes.String):
		var s string
		_ = v.As(&s)
		return s
	case typ.Is(tftypes.Bool):
		var b bool
		_ = v.As(&b)
		return b
	case typ.Is(tftypes.Number):
		var f big.Float
		_ = v.As(&f)
		return numbersAs(&f)
	case typ.Is(tftypes.Set{}), typ.Is(tftypes.List{}):
		var elems []tftypes.Value
		_ = v.As(&elems)
		out := []any{}
		for _, e := range elems {
			out = append(out, stateJSON(t, e, numbersAs))
		}
		return out
	default:
		var m map[string]tftypes.Value
		if err := v.As(&m); err != nil {
			t.Fatal(err)
		}
		out := map[string]any{}
		for k, e := range m {
			out[k] = stateJSON(t, e, numbersAs)
		}
		return out
	}
}

// The direct decoding of a stored state (internal/protoserver upgrade.go)
// gives the framework's UpgradeResourceState answer for every Teams policy
// type's states: as Terraform writes them, with an attribute an older
// provider version had, and with numbers stored as strings. A state at
// another version, and one tftypes refuses, go to the framework.
func TestUpgradeDirectEqualsTheFrameworks(t *testing.T) {
	ctx := context.Background()
	fw, ps, _ := planServers(t, conns.ChecksWarn)
	asNumber := func(f *big.Float) any { return json.Number(f.Text('g', -1)) }
	asString := func(f *big.Float) any { return f.Text('g', -1) }
	compare := func(t *testing.T, req *tfprotov6.UpgradeResourceStateRequest, typ tftypes.Type, direct bool) {
		t.Helper()
		want, err := fw.UpgradeResourceState(ctx, req)
		if err != nil {
			t.Fatal(err)
		}
		before := ps.Answered()
		got, err := ps.UpgradeResourceState(ctx, req)
		if err != nil {
			t.Fatal(err)
		}
		if answered := ps.Answered() != before; answered != direct {
			t.Fatalf("answered directly: %v, want %v", answered, direct)
		}
		if len(want.Diagnostics) != len(got.Diagnostics) {
			t.Fatalf("diagnostics: framework %v, protoserver %v", want.Diagnostics, got.Diagnostics)
		}
		if want.UpgradedState == nil || got.UpgradedState == nil {
			if want.UpgradedState != got.UpgradedState {
				t.Fatalf("upgraded state: framework %v, protoserver %v", want.UpgradedState, got.UpgradedState)
			}
			return
		}
		wv, err := want.UpgradedState.Unmarshal(typ)
		if err != nil {
			t.Fatal(err)
		}
		gv, err := got.UpgradedState.Unmarshal(typ)
		if err != nil {
			t.Fatal(err)
		}
		if !wv.Equal(gv) {
			t.Errorf("upgraded state differs:\nframework   %s\nprotoserver %s", wv, gv)
		}
	}
	for _, tf := range typeFixtures {
		pt := tf.pt
		typ := policySchemaType(t, pt)
		for _, c := range noChangeCases(t, pt, typ, tf.fixture) {
			for _, v := range []struct {
				name    string
				numbers func(*big.Float) any
				extra   bool
			}{{"as stored", asNumber, false}, {"retired attribute", asNumber, true}, {"numbers as strings", asString, false}} {
				t.Run(fmt.Sprintf("%s/%s/%s", pt.Resource, c.name, v.name), func(t *testing.T) {
					obj, ok := stateJSON(t, c.state, v.numbers).(map[string]any)
					if !ok {
						t.Fatal("not an object")
					}
					if v.extra {
						obj["allow_retired_feature"] = true
					}
					raw, err := json.Marshal(obj)
					if err != nil {
						t.Fatal(err)
					}
					req := &tfprotov6.UpgradeResourceStateRequest{TypeName: "teamshipaa_" + pt.Resource, RawState: &tfprotov6.RawState{JSON: raw}}
					compare(t, req, typ, true)
				})
			}
		}
		t.Run(pt.Resource+"/other version or refused", func(t *testing.T) {
			c := noChangeCases(t, pt, typ, tf.fixture)[0]
			raw, err := json.Marshal(stateJSON(t, c.state, asNumber))
			if err != nil {
				t.Fatal(err)
			}
			req := &tfprotov6.UpgradeResourceStateRequest{TypeName: "teamshipaa_" + pt.Resource, Version: 1, RawState: &tfprotov6.RawState{JSON: raw}}
			compare(t, req, typ, false)
			req = &tfprotov6.UpgradeResourceStateRequest{TypeName: "teamshipaa_" + pt.Resource,
				RawState: &tfprotov6.RawState{JSON: []byte(`{"id": {"not": "a string"}}`)}}
			compare(t, req, typ, false)
		})
	}
}
