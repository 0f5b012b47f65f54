package tenantsim

import (
	"errors"
	"net/http"
	"slices"
	"strings"
)

const widExchangeAdmin = "29232cdf-9323-42fd-ade2-1d097af3e4de"

// surfaceAuth is what a surface demands of a bearer token.
type surfaceAuth struct {
	aud       string
	anyWid    []string // at least one of these directory roles (nil = none needed)
	allRoles  []string // every one of these app roles
	forbidden string   // 403 message
	code403   string
}

var surfaceAuths = map[string]surfaceAuth{
	surfaceTeams: {
		aud:       audTeams,
		anyWid:    []string{widTeamsAdmin, widGlobalAdmin},
		forbidden: "The caller lacks the required admin role: the service principal must hold the Microsoft Entra role Teams Administrator to use the Teams admin API.",
		code403:   "Forbidden",
	},
	surfaceGraph: {
		aud: audGraph, // Graph checks app roles per API; see the Graph handlers.
	},
	surfaceCompliance: {
		aud:       audCompliance,
		allRoles:  []string{"Exchange.ManageAsApp"},
		anyWid:    []string{widComplianceAdmin, widGlobalAdmin},
		forbidden: "The caller lacks the required permissions: the app needs the Exchange.ManageAsApp application permission and the Microsoft Entra role Compliance Administrator.",
		code403:   "Forbidden",
	},
	surfaceExchange: {
		aud:       audExchange,
		allRoles:  []string{"Exchange.ManageAsApp"},
		anyWid:    []string{widComplianceAdmin, widExchangeAdmin, widGlobalAdmin},
		forbidden: "The caller lacks the required permissions: the app needs the Exchange.ManageAsApp application permission and a role that holds Audit Logs (for example Compliance Administrator).",
		code403:   "Forbidden",
	},
}

// authorize checks the bearer token for surface and answers 401/403 in the
// surface's shape; it returns the claims when the caller may proceed.
func (s *Simulator) authorize(w http.ResponseWriter, r *http.Request, ids requestIDs, surface string) (*accessClaims, bool) {
	need := surfaceAuths[surface]
	unauthorized := func(graphCode, msg string) {
		w.Header().Set("WWW-Authenticate", `Bearer realm="", authorization_uri="`+s.url+"/"+s.tenantID+`/oauth2/authorize", error="invalid_token", error_description="`+msg+`"`)
		code := "Unauthorized"
		if surface == surfaceGraph {
			code = graphCode
		}
		writeSurfaceError(w, ids, surface, 401, code, msg)
	}
	h := r.Header.Get("Authorization")
	if len(h) < 7 || !strings.EqualFold(h[:7], "bearer ") {
		unauthorized("InvalidAuthenticationToken", "Access token is empty.")
		return nil, false
	}
	claims, err := s.signer.verify(strings.TrimSpace(h[7:]), s.tenantID, need.aud)
	if errors.Is(err, errTokenAudience) {
		unauthorized("InvalidAuthenticationToken", "Access token validation failure. Invalid audience: this service accepts tokens for '"+need.aud+"'.")
		return nil, false
	}
	if err != nil {
		unauthorized("InvalidAuthenticationToken", "Access token validation failure: "+err.Error())
		return nil, false
	}
	for _, role := range need.allRoles {
		if !slices.Contains(claims.Roles, role) {
			writeSurfaceError(w, ids, surface, 403, need.code403, need.forbidden)
			return nil, false
		}
	}
	if need.anyWid != nil && !slices.ContainsFunc(claims.Wids, func(w string) bool { return slices.Contains(need.anyWid, w) }) {
		writeSurfaceError(w, ids, surface, 403, need.code403, need.forbidden)
		return nil, false
	}
	return claims, true
}
