package tenantsim

import (
	"fmt"
	"strings"
)

// Graph object kinds for the test helpers and the control API.
const (
	GraphKindCAPolicy      = "conditionalAccessPolicy"
	GraphKindNamedLocation = "namedLocation"

	GraphKindIOSAppProtection     = "iosManagedAppProtection"     // graph_intune.go
	GraphKindAndroidAppProtection = "androidManagedAppProtection" // graph_intune.go
)

func graphKindColl(kind string) (*graphCollection, bool) {
	switch strings.ToLower(kind) {
	case "conditionalaccesspolicy", "conditionalaccesspolicies", "policies", "policy":
		return caPolicies, true
	case "namedlocation", "namedlocations":
		return namedLocations, true
	case "iosmanagedappprotection", "iosmanagedappprotections":
		return mamIOS.coll, true
	case "androidmanagedappprotection", "androidmanagedappprotections":
		return mamAndroid.coll, true
	}
	return nil, false
}

// GraphObject returns a copy of a stored Graph object as the service keeps
// it (no lag, no @odata.context); kind is "conditionalAccessPolicy" or
// "namedLocation".
func (s *Simulator) GraphObject(kind, id string) (map[string]any, bool) {
	coll, ok := graphKindColl(kind)
	if !ok {
		return nil, false
	}
	return s.store.get(coll.store, id, false)
}

// GraphObjects returns copies of every stored object of kind, in creation order.
func (s *Simulator) GraphObjects(kind string) []map[string]any {
	coll, ok := graphKindColl(kind)
	if !ok {
		return nil
	}
	return s.store.list(coll.store, false)
}

// SetGraphObject changes a stored object out of band (drift), with the
// semantics and validation of a Graph PATCH (for a named location the
// body needs no @odata.type). modifiedDateTime is updated.
func (s *Simulator) SetGraphObject(kind, id string, patch map[string]any) error {
	coll, ok := graphKindColl(kind)
	if !ok {
		return fmt.Errorf("tenantsim: unknown Graph kind %q (conditionalAccessPolicy, namedLocation)", kind)
	}
	graphMu.Lock()
	defer graphMu.Unlock()
	cur, ok := s.store.get(coll.store, id, false)
	if !ok {
		return coll.notFound(id)
	}
	var next map[string]any
	var e *apiError
	if coll == mamIOS.coll || coll == mamAndroid.coll { // their own handler (graph_intune.go)
		next, e = patchProtection(coll.store, cur, patch)
	} else {
		next, e = s.patchEntity(coll, cur, patch)
	}
	if e != nil {
		return e
	}
	return s.store.put(coll.store, id, next, nil)
}
