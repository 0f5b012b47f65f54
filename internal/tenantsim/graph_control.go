package tenantsim

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
)

// Graph object kinds for the test helpers and the control API.
const (
	GraphKindCAPolicy      = "conditionalAccessPolicy"
	GraphKindNamedLocation = "namedLocation"
)

func graphKindColl(kind string) (*graphCollection, bool) {
	switch strings.ToLower(kind) {
	case "conditionalaccesspolicy", "conditionalaccesspolicies", "policies", "policy":
		return caPolicies, true
	case "namedlocation", "namedlocations":
		return namedLocations, true
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
	next, e := s.patchEntity(coll, cur, patch)
	if e != nil {
		return e
	}
	return s.store.put(coll.store, id, next, nil)
}

// controlGraph serves /_sim/graph/{kind} (GET list) and
// /_sim/graph/{kind}/{id} (GET, PATCH: out-of-band change -> 200 object).
func (s *Simulator) controlGraph(w http.ResponseWriter, r *http.Request, fail func(int, string)) {
	segs, err := pathSegments(r, "/_sim")
	if err == nil && len(segs) > 0 && segs[0] == "tenant" {
		segs = segs[1:]
	}
	if err != nil || len(segs) < 2 || len(segs) > 3 {
		fail(404, "use /_sim/graph/{kind} or /_sim/graph/{kind}/{id}, kind conditionalAccessPolicy or namedLocation")
		return
	}
	kind := segs[1]
	if _, ok := graphKindColl(kind); !ok {
		fail(404, "unknown Graph kind "+kind+" (conditionalAccessPolicy, namedLocation)")
		return
	}
	if len(segs) == 2 {
		if r.Method != http.MethodGet {
			fail(405, "use GET")
			return
		}
		writeJSON(w, 200, map[string]any{"value": s.GraphObjects(kind)})
		return
	}
	id := segs[2]
	switch r.Method {
	case http.MethodGet:
	case http.MethodPatch:
		body, e := readJSONObject(r)
		if e != nil {
			fail(400, e.Message)
			return
		}
		if err := s.SetGraphObject(kind, id, body); err != nil {
			var ae *apiError
			if errors.As(err, &ae) {
				fail(ae.Status, ae.Message)
			} else {
				fail(500, err.Error())
			}
			return
		}
	default:
		fail(405, "use GET or PATCH")
		return
	}
	o, ok := s.GraphObject(kind, id)
	if !ok {
		fail(404, "no "+kind+" "+id)
		return
	}
	writeJSON(w, 200, o)
}
