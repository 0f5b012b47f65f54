package tenantsim

import "net/http"

// Microsoft Graph under /graph (API at /graph/v1.0/...). Only the token
// check for now; the resources arrive with the Graph-backed resources.
func (s *Simulator) serveGraph(w http.ResponseWriter, r *http.Request, ids requestIDs, rel string) {
	if _, ok := s.authorize(w, r, ids, surfaceGraph); !ok {
		return
	}
	writeSurfaceError(w, ids, surfaceGraph, 404, "Request_ResourceNotFound", "Resource not found for the segment '"+rel+"'.")
}
