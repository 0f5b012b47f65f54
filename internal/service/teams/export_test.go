package teams

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// SweptTypes maps the resource name of every Teams policy type that has
// instances besides Global to its ConfigAPI type, for the sweepers.
func SweptTypes() map[string]string {
	out := map[string]string{}
	for _, pt := range policyTypes {
		if !pt.Singleton {
			out["teamshipaa_"+pt.Resource] = pt.Type
		}
	}
	return out
}

// TypeTableEntry is one row of the type table, as the completeness test
// (type_table_test.go) reads it.
type TypeTableEntry struct {
	Type       string
	Singleton  bool
	Assignment Assignment
	Params     []string // wire names
	Presets    []string
	Fixture    string // file under FixtureDir; "" if typeFixtures has none
}

// FixtureDir holds the client package's real-shaped answers.
const FixtureDir = "../../clients/configapi/testdata/"

// TypeTable returns every row of the type table with its fixture.
func TypeTable() []TypeTableEntry {
	out := make([]TypeTableEntry, 0, len(policyTypes))
	for _, pt := range policyTypes {
		e := TypeTableEntry{Type: pt.Type, Singleton: pt.Singleton, Assignment: pt.Assignment, Presets: pt.Presets}
		for _, p := range pt.Params {
			e.Params = append(e.Params, p.Name)
		}
		for _, f := range typeFixtures {
			if f.pt == pt {
				e.Fixture = f.fixture
			}
		}
		out = append(out, e)
	}
	return out
}

// NoChangeCase is a prior state of a policy and its configuration.
type NoChangeCase struct {
	Name          string
	State, Config tftypes.Value
}

// NoChangeType is a Teams policy type's schema type and the plan
// equivalence test's states of it.
type NoChangeType struct {
	Type       tftypes.Object
	Singleton  bool
	ConfigType string // the ConfigAPI type, as package planned notes it
	Cases      []NoChangeCase
}

// NoChangeCases are the plan equivalence test's states of every Teams
// policy type (by resource type name), with the schema's type.
func NoChangeCases(t *testing.T) map[string]NoChangeType {
	out := map[string]NoChangeType{}
	for _, tf := range typeFixtures {
		typ := policySchemaType(t, tf.pt)
		e := out["teamshipaa_"+tf.pt.Resource]
		e.Type, e.Singleton, e.ConfigType = typ, tf.pt.Singleton, tf.pt.Type
		for _, c := range noChangeCases(t, tf.pt, typ, tf.fixture) {
			e.Cases = append(e.Cases, NoChangeCase{Name: c.name, State: c.state, Config: c.config})
		}
		out["teamshipaa_"+tf.pt.Resource] = e
	}
	return out
}

// ResourceTypes are the resource type names of every Teams policy type.
func ResourceTypes() []string {
	out := make([]string, 0, len(policyTypes))
	for _, pt := range policyTypes {
		out = append(out, "teamshipaa_"+pt.Resource)
	}
	return out
}
