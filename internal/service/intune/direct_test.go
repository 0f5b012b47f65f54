package intune_test

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tftypes"
	sdkacctest "github.com/hashicorp/terraform-plugin-testing/helper/acctest"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/acctest"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/conns"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/protoserver/equivtest"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/service/intune"
)

var directTypes = []string{intune.IOSType, intune.AndroidType}

// apps is Teams's id on each platform.
var apps = map[string]string{intune.IOSType: "com.microsoft.skype.teams", intune.AndroidType: "com.microsoft.teams"}

// directConfig is each platform's documentation example (every setting
// written) and a policy of each that leaves every setting to its default.
func directConfig(t *testing.T, prefix string) string {
	t.Helper()
	var b strings.Builder
	for _, name := range directTypes {
		ex, err := os.ReadFile("../../../examples/resources/" + name + "/resource.tf")
		if err != nil {
			t.Fatal(err)
		}
		b.WriteString(strings.Replace(string(ex), `display_name = "`, `display_name = "`+prefix+` `, 1))
		fmt.Fprintf(&b, "\nresource %q \"defaults\" {\n  display_name = %q\n  apps         = [%q]\n}\n", name, prefix+" defaults", apps[name])
	}
	return b.String()
}

// Both app protection types get the framework's answers from
// internal/protoserver, against the simulated tenant, for states Terraform
// applied: no-change plans in every baseline_checks mode (bare, with a
// profile, with an exception), with every argument configured (answered
// directly) and with the defaulted ones left out (answered directly exactly
// when the framework's own plan is unchanged, i.e. the state holds the
// defaults); creates and destroys (to the framework); reads (read back, and
// removed for a policy the tenant lacks); stored states (decoded directly).
func TestAccAppProtection_directEqualsTheFrameworks(t *testing.T) {
	acctest.PreCheck(t)
	ctx := context.Background()
	prefix := sdkacctest.RandomWithPrefix("tfacc-direct")
	reads := equivtest.New(t, acctest.Configure(ctx, t), intune.Resources())
	a := equivtest.Apply(t, reads, directConfig(t, prefix), intune.Resources())
	var count equivtest.Count
	var direct, framework int
	for _, mode := range []conns.BaselineChecks{conns.ChecksWarn, conns.ChecksErrorNew, conns.ChecksError, conns.ChecksOff} {
		client := acctest.Configure(ctx, t)
		client.BaselineChecks = mode
		s := equivtest.New(t, client, intune.Resources())
		for _, typeName := range directTypes {
			typ, r := a.Types[typeName], a.Res[typeName]
			if len(a.States[typeName]) != 2 {
				t.Fatalf("%d %s applied", len(a.States[typeName]), typeName)
			}
			for i, state := range a.States[typeName] {
				for vname, v := range equivtest.Variants(t, typeName, typ, state) {
					t.Run(fmt.Sprintf("%s/%s/%d/%s", mode, typeName, i, vname), func(t *testing.T) {
						resp, answered := s.Plan(t, typeName, typ, v, v, equivtest.ConfigOf(t, r, v, false))
						if !answered {
							t.Fatal("the protocol server left a no-change plan to the framework")
						}
						count.Add(resp)
						resp, answered = s.Plan(t, typeName, typ, v, v, equivtest.ConfigOf(t, r, v, true))
						planned, err := resp.PlannedState.Unmarshal(typ)
						if err != nil {
							t.Fatal(err)
						}
						if answered != planned.Equal(v) {
							t.Fatalf("answered directly: %v; the framework's plan unchanged: %v", answered, planned.Equal(v))
						}
						if answered {
							direct++
						} else {
							framework++
						}
						null := tftypes.NewValue(typ, nil)
						if _, answered := s.Plan(t, typeName, typ, null, equivtest.ConfigOf(t, r, v, false), equivtest.ConfigOf(t, r, v, false)); answered {
							t.Fatal("a create was answered directly")
						}
						if _, answered := s.Plan(t, typeName, typ, v, null, null); answered {
							t.Fatal("a destroy was answered directly")
						}
					})
				}
			}
		}
	}
	t.Logf("%d warnings, %d errors; defaults left out: %d direct, %d to the framework", count.Warnings, count.Errors, direct, framework)
	if count.Warnings+count.Errors < 5 || direct < 8 || framework < 8 {
		t.Fatalf("%d warnings, %d errors, %d direct, %d to the framework", count.Warnings, count.Errors, direct, framework)
	}

	var kept, removed int
	for _, typeName := range directTypes {
		k, r := equivtest.ReadsAndUpgrades(t, reads, a, typeName, "T_00000000-0000-0000-0000-00000000dead")
		kept, removed = kept+k, removed+r
	}
	t.Logf("%d read back, %d removed", kept, removed)
	if kept < 8 || removed < 4 {
		t.Fatalf("%d read back, %d removed", kept, removed)
	}
}
