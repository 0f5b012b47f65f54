package tenantsim

import (
	"fmt"
	"net/http"
	"strings"
)

// graphCollection is one writable Graph v1.0 entity collection. It is a path,
// a validator and a schema; serveCollection gives it the routes Graph gives
// every such collection (microsoft-graph-docs-contrib, "Use the Microsoft
// Graph API": list, create, get, update, delete):
//
//	GET    /v1.0/{path}       list: $filter, $select, $top paging (writeList)
//	POST   /v1.0/{path}       create: 201, Location, the entity with a new id
//	GET    /v1.0/{path}/{id}  the entity, or 404 ResourceNotFound
//	PATCH  /v1.0/{path}/{id}  merge, validate again: 204
//	DELETE /v1.0/{path}/{id}  204, or 404
//
// with the collection's read and write roles (403 Authorization_RequestDenied
// without them) and the read-after-write lag faults of the Graph surface.
// A new collection (e.g. deviceAppManagement/iosManagedAppProtections) is one
// graphCollection value in graphCollections.
type graphCollection struct {
	path   string // under /v1.0; also the @odata.context fragment
	store  string // store collection
	entity string // the type name in a 404's message, e.g. "NamedLocation"
	read   []string
	write  []string
	// normalize validates a body without server properties (a create, or the
	// stored entity with a PATCH merged in) and returns the stored shape.
	normalize func(s *Simulator, in map[string]any) (map[string]any, *apiError)
	// modifiedOnCreate sets modifiedDateTime on create; otherwise it stays
	// null until the first change (conditionalAccessPolicy).
	modifiedOnCreate bool
	// checkRequest, when set, vets the body of a PATCH request (not an
	// out-of-band change) against the stored entity.
	checkRequest func(cur, body map[string]any) *apiError
	// checkPatch, when set, vets any change (a PATCH request or an
	// out-of-band one) before the merge and may adjust the (copied) body.
	checkPatch func(cur, body map[string]any) *apiError
	// checkDelete, when set, may refuse deleting the stored entity (id as
	// the request names it).
	checkDelete func(s *Simulator, id string, cur map[string]any) *apiError
}

// schemaNormalizer is the normalize of a collection that needs only its
// schema and, optionally, checks of the normalised entity.
func schemaNormalizer(t *gType, check func(s *Simulator, obj map[string]any) *apiError) func(*Simulator, map[string]any) (map[string]any, *apiError) {
	return func(s *Simulator, in map[string]any) (map[string]any, *apiError) {
		in = deepCopyMap(in)
		stripReadOnly(in)
		delete(in, "@odata.type")
		out, e := t.normalize(in, "")
		if e == nil && check != nil {
			e = check(s, out)
		}
		if e != nil {
			return nil, e
		}
		return out, nil
	}
}

// graphCollections are the writable collections serveGraph routes.
var graphCollections = []*graphCollection{caPolicies, namedLocations}

// collectionFor finds the collection segs (after /v1.0) address and the
// segments after its path.
func collectionFor(segs []string) (*graphCollection, []string, bool) {
	for _, c := range graphCollections {
		p := strings.Split(c.path, "/")
		if len(segs) >= len(p) && strings.Join(segs[:len(p)], "/") == c.path {
			return c, segs[len(p):], true
		}
	}
	return nil, nil, false
}

func (c *graphCollection) notFound(id string) *apiError {
	return &apiError{404, "ResourceNotFound", fmt.Sprintf("%s with id %s does not exist in the directory.", c.entity, id)}
}

func saveFailed(err error) *apiError {
	return &apiError{500, "InternalServerError", "saving the tenant failed: " + err.Error()}
}

func (g *graphReq) serveCollection(c *graphCollection, rest []string) {
	switch len(rest) {
	case 0:
		switch g.r.Method {
		case http.MethodGet:
			if g.need(c.read) {
				g.writeList(g.s.store.list(c.store, true), c.path)
			}
		case http.MethodPost:
			if g.need(c.write) {
				g.createIn(c)
			}
		default:
			graphMethodNotAllowed(g, "GET, POST")
		}
	case 1:
		id := rest[0]
		switch g.r.Method {
		case http.MethodGet:
			if !g.need(c.read) {
				return
			}
			o, ok := g.s.store.get(c.store, id, true)
			if !ok {
				g.fail(c.notFound(id))
				return
			}
			g.writeEntity(200, o, c.path)
		case http.MethodPatch:
			if g.need(c.write) {
				g.updateIn(c, id)
			}
		case http.MethodDelete:
			if g.need(c.write) {
				g.deleteIn(c, id)
			}
		default:
			graphMethodNotAllowed(g, "GET, PATCH, DELETE")
		}
	default:
		g.fail(&apiError{400, "BadRequest", fmt.Sprintf("Resource not found for the segment '%s'.", rest[1])})
	}
}

func (g *graphReq) createIn(c *graphCollection) {
	body, e := readJSONObject(g.r)
	if e != nil {
		g.fail(e)
		return
	}
	graphMu.Lock()
	defer graphMu.Unlock()
	obj, e := c.normalize(g.s, body)
	if e != nil {
		g.fail(e)
		return
	}
	now, id := graphNow(), newGUID()
	obj["id"], obj["createdDateTime"], obj["modifiedDateTime"] = id, now, nil
	if c.modifiedOnCreate {
		obj["modifiedDateTime"] = now
	}
	if err := g.s.store.put(c.store, id, obj, g.lag()); err != nil {
		g.fail(saveFailed(err))
		return
	}
	g.w.Header().Set("Location", g.base()+"/"+c.path+"/"+id)
	g.writeEntity(201, obj, c.path)
}

func (g *graphReq) updateIn(c *graphCollection, id string) {
	body, e := readJSONObject(g.r)
	if e != nil {
		g.fail(e)
		return
	}
	graphMu.Lock()
	defer graphMu.Unlock()
	cur, ok := g.s.store.get(c.store, id, false)
	if !ok {
		g.fail(c.notFound(id))
		return
	}
	if c.checkRequest != nil {
		if e := c.checkRequest(cur, body); e != nil {
			g.fail(e)
			return
		}
	}
	next, e := g.s.patchEntity(c, cur, body)
	if e != nil {
		g.fail(e)
		return
	}
	if err := g.s.store.put(c.store, id, next, g.lag()); err != nil {
		g.fail(saveFailed(err))
		return
	}
	g.w.WriteHeader(http.StatusNoContent)
}

// patchEntity merges body into the stored entity cur (server properties
// ignored, the id and creation time kept) and validates the result.
func (s *Simulator) patchEntity(c *graphCollection, cur, body map[string]any) (map[string]any, *apiError) {
	body = deepCopyMap(body)
	stripReadOnly(body)
	if c.checkPatch != nil {
		if e := c.checkPatch(cur, body); e != nil {
			return nil, e
		}
	}
	merged := deepCopyMap(cur)
	stripReadOnly(merged)
	mergePatch(merged, body)
	next, e := c.normalize(s, merged)
	if e != nil {
		return nil, e
	}
	next["id"], next["createdDateTime"], next["modifiedDateTime"] = cur["id"], cur["createdDateTime"], graphNow()
	return next, nil
}

func (g *graphReq) deleteIn(c *graphCollection, id string) {
	graphMu.Lock()
	defer graphMu.Unlock()
	if c.checkDelete != nil {
		cur, ok := g.s.store.get(c.store, id, false)
		if !ok {
			g.fail(c.notFound(id))
			return
		}
		if e := c.checkDelete(g.s, id, cur); e != nil {
			g.fail(e)
			return
		}
	}
	found, err := g.s.store.remove(c.store, id, g.lag())
	if err != nil {
		g.fail(saveFailed(err))
		return
	}
	if !found {
		g.fail(c.notFound(id))
		return
	}
	g.w.WriteHeader(http.StatusNoContent)
}
