package tenantsim

import "net/http"

// The Security & Compliance (/compliance) and Exchange Online (/exchange)
// admin APIs: POST /adminapi/beta/{tenant}/InvokeCommand. Only the token
// check for now; the cmdlets arrive with the resources that need them.
func (s *Simulator) serveAdminAPI(w http.ResponseWriter, r *http.Request, ids requestIDs, surface, rel string) {
	if _, ok := s.authorize(w, r, ids, surface); !ok {
		return
	}
	writeSurfaceError(w, ids, surface, 404, "NotFound", "No admin API route matches "+rel+".")
}
