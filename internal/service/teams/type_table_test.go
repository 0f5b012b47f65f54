package teams_test

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/service/teams"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/tenantsim"
)

// A new Teams type is one entry of the type table (policyTypes) plus what
// proves it: the simulator's spec, a real-shaped fixture (typeFixtures) and an
// acceptance test case (typeCases, or a test of its own listed here).

// ownLifecycleTests are the types whose acceptance lifecycle is a test of its
// own rather than a typeCases entry; naming the function keeps the link
// checked by the compiler.
var ownLifecycleTests = map[string]func(*testing.T){
	"TeamsMeetingPolicy": TestAccMeetingPolicy_lifecycle,
}

// typeTableGaps returns, per type of the table, what it lacks: a simulator
// spec that agrees with it (singleton, assignability, every parameter, its
// built-in instances among the presets), a fixture that exists, an
// acceptance test case.
func typeTableGaps(table []teams.TypeTableEntry, sim map[string]tenantsim.TeamsTypeSpec,
	fixtureExists func(name string) bool, hasCase func(typ string) bool) []string {
	var gaps []string
	for _, e := range table {
		gap := func(format string, args ...any) { gaps = append(gaps, e.Type+": "+fmt.Sprintf(format, args...)) }
		if s, ok := sim[e.Type]; !ok {
			gap("no simulator spec (internal/tenantsim/teams_<type>.go)")
		} else {
			if s.Singleton != e.Singleton {
				gap("Singleton is %t in the table, %t in the simulator", e.Singleton, s.Singleton)
			}
			group, tenant := e.Assignment == teams.GroupOrTenant, e.Assignment != teams.NotAssignable
			if s.GroupAssignable != group || s.TenantAssignable != tenant {
				gap("assignable to groups %t and as the tenant default %t in the table; %t and %t in the simulator",
					group, tenant, s.GroupAssignable, s.TenantAssignable)
			}
			for _, p := range e.Params {
				if !slices.ContainsFunc(s.Params, func(q string) bool { return strings.EqualFold(p, q) }) {
					gap("parameter %s has no simulator spec", p)
				}
			}
			for _, b := range s.BuiltIns {
				if !slices.Contains(e.Presets, b) {
					gap("the simulator's built-in %s is not among the table's Presets", b)
				}
			}
		}
		switch {
		case e.Fixture == "":
			gap("no fixture in typeFixtures (params_fixtures_test.go)")
		case !fixtureExists(e.Fixture):
			gap("fixture %s does not exist", e.Fixture)
		}
		if !hasCase(e.Type) {
			gap("no acceptance test case (typeCases in teams_types_test.go, or ownLifecycleTests)")
		}
	}
	return gaps
}

func fixtureExists(name string) bool {
	_, err := os.Stat(teams.FixtureDir + name)
	return err == nil
}

func hasTypeCase(typ string) bool {
	return ownLifecycleTests[typ] != nil || slices.ContainsFunc(typeCases, func(tc typeCase) bool { return tc.apiType == typ })
}

func TestTypeTableComplete(t *testing.T) {
	for _, gap := range typeTableGaps(teams.TypeTable(), tenantsim.TeamsTypeSpecs(), fixtureExists, hasTypeCase) {
		t.Error(gap)
	}
}

// The checker finds each missing piece: a table whose types lack a spec, a
// fixture or a case, or disagree with their spec, is reported type by type.
func TestTypeTableGapsFound(t *testing.T) {
	complete := teams.TypeTableEntry{Type: "TeamsFakePolicy", Assignment: teams.GroupOrTenant, Params: []string{"AllowX"}, Fixture: "fake.json"}
	spec := tenantsim.TeamsTypeSpec{Name: "TeamsFakePolicy", GroupAssignable: true, TenantAssignable: true, Params: []string{"AllowX"}}
	sims := map[string]tenantsim.TeamsTypeSpec{"TeamsFakePolicy": spec}
	yes := func(string) bool { return true }
	if gaps := typeTableGaps([]teams.TypeTableEntry{complete}, sims, yes, yes); len(gaps) != 0 {
		t.Fatalf("a complete type reported: %v", gaps)
	}
	for _, tc := range []struct {
		name          string
		table         []teams.TypeTableEntry
		sim           map[string]tenantsim.TeamsTypeSpec
		fixture, test func(string) bool
		want          string
	}{
		{name: "no simulator spec", table: []teams.TypeTableEntry{complete}, sim: map[string]tenantsim.TeamsTypeSpec{}, want: "no simulator spec"},
		{name: "singleton differs", want: "Singleton is true in the table",
			table: func() []teams.TypeTableEntry { e := complete; e.Singleton = true; return []teams.TypeTableEntry{e} }()},
		{name: "tenant only in the table", want: "assignable to groups false",
			table: func() []teams.TypeTableEntry {
				e := complete
				e.Assignment = teams.TenantOnly
				return []teams.TypeTableEntry{e}
			}()},
		{name: "parameter missing in the simulator", want: "parameter AllowY has no simulator spec",
			table: func() []teams.TypeTableEntry {
				e := complete
				e.Params = []string{"AllowX", "AllowY"}
				return []teams.TypeTableEntry{e}
			}()},
		{name: "built-in not a preset", want: "built-in Kiosk is not among the table's Presets",
			sim: map[string]tenantsim.TeamsTypeSpec{"TeamsFakePolicy": func() tenantsim.TeamsTypeSpec { s := spec; s.BuiltIns = []string{"Kiosk"}; return s }()}},
		{name: "no fixture entry", want: "no fixture in typeFixtures",
			table: func() []teams.TypeTableEntry { e := complete; e.Fixture = ""; return []teams.TypeTableEntry{e} }()},
		{name: "fixture file missing", fixture: func(string) bool { return false }, want: "fixture fake.json does not exist"},
		{name: "no test case", test: func(string) bool { return false }, want: "no acceptance test case"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			table, sim, fixture, test := tc.table, tc.sim, tc.fixture, tc.test
			if table == nil {
				table = []teams.TypeTableEntry{complete}
			}
			if sim == nil {
				sim = sims
			}
			if fixture == nil {
				fixture = yes
			}
			if test == nil {
				test = yes
			}
			gaps := typeTableGaps(table, sim, fixture, test)
			if len(gaps) != 1 || !strings.HasPrefix(gaps[0], "TeamsFakePolicy: ") || !strings.Contains(gaps[0], tc.want) {
				t.Fatalf("gaps %q, want one naming TeamsFakePolicy and %q", gaps, tc.want)
			}
		})
	}
}

// Removing a real type's simulator spec fails the real check.
func TestTypeTableCompleteNeedsEverySpec(t *testing.T) {
	table := teams.TypeTable()
	for _, e := range table {
		sim := tenantsim.TeamsTypeSpecs()
		delete(sim, e.Type)
		gaps := typeTableGaps(table, sim, fixtureExists, hasTypeCase)
		if !slices.Contains(gaps, e.Type+": no simulator spec (internal/tenantsim/teams_<type>.go)") {
			t.Errorf("without the %s spec the check reports %q", e.Type, gaps)
		}
	}
}
