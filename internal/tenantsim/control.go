package tenantsim

import (
	"encoding/json"
	"errors"
	"net/http"
	"strings"
)

// The control API under /_sim/ (not counted in stats, never faulted):
//
//	GET    /_sim/health                       {"ok":true,...}
//	GET    /_sim/env                          {"env":["KEY=VALUE",...]}
//	GET    /_sim/faults                       armed faults
//	POST   /_sim/faults                       Fault JSON -> 201 {"id":N}
//	DELETE /_sim/faults                       disarm all -> 204
//	GET    /_sim/stats                        Stats JSON
//	POST   /_sim/stats/reset                  -> 204
//	GET    /_sim/teams/{Type}/{Identity}      stored instance
//	PATCH  /_sim/teams/{Type}/{Identity}      JSON params, out-of-band change -> 200 instance
//	GET    /_sim/teams/settings               {"app_centric_management":false}
//	POST   /_sim/teams/settings               {"app_centric_management":true} -> 200 settings (PATCH too)
//	GET    /_sim/teams/groupPolicyAssignments[?policyType=T]  group assignments, rank order
//	GET    /_sim/teams/globalPolicyAssignments                [{"PolicyType","PolicyName"}] tenant defaults
//	GET    /_sim/graph/{kind}                 {"value":[...]} stored objects (kind conditionalAccessPolicy|namedLocation)
//	GET    /_sim/graph/{kind}/{id}            stored object
//	PATCH  /_sim/graph/{kind}/{id}            Graph PATCH semantics, out-of-band change -> 200 object
//
// /_sim/tenant/teams/... is an alias of /_sim/teams/... (same for graph).
func (s *Simulator) serveControl(w http.ResponseWriter, r *http.Request) {
	fail := func(status int, msg string) { writeJSON(w, status, map[string]any{"error": msg}) }
	path := strings.TrimPrefix(r.URL.Path, "/_sim")
	path = strings.TrimPrefix(path, "/tenant")
	switch {
	case path == "/health" && r.Method == http.MethodGet:
		writeJSON(w, 200, map[string]any{"ok": true, "url": s.url, "tenant_id": s.tenantID})
	case path == "/env" && r.Method == http.MethodGet:
		writeJSON(w, 200, map[string]any{"env": s.Env()})
	case path == "/faults":
		switch r.Method {
		case http.MethodGet:
			writeJSON(w, 200, map[string]any{"faults": s.faults.snapshot()})
		case http.MethodPost:
			var f Fault
			if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<16)).Decode(&f); err != nil {
				fail(400, "fault JSON: "+err.Error())
				return
			}
			id, err := s.faults.add(f)
			if err != nil {
				fail(400, err.Error())
				return
			}
			writeJSON(w, 201, map[string]any{"id": id})
		case http.MethodDelete:
			s.ClearFaults()
			w.WriteHeader(http.StatusNoContent)
		default:
			fail(405, "use GET, POST or DELETE")
		}
	case path == "/stats" && r.Method == http.MethodGet:
		writeJSON(w, 200, s.Stats())
	case path == "/stats/reset" && r.Method == http.MethodPost:
		s.ResetStats()
		w.WriteHeader(http.StatusNoContent)
	case strings.HasPrefix(path, "/teams/"):
		s.controlTeams(w, r, fail)
	case strings.HasPrefix(path, "/compliance/") || strings.HasPrefix(path, "/exchange/"):
		s.controlAdminAPI(w, r, path, fail) // adminapi_settings.go
	case strings.HasPrefix(path, "/graph/"):
		s.controlGraph(w, r, fail)
	default:
		fail(404, "no control route "+r.Method+" "+r.URL.Path)
	}
}

func (s *Simulator) controlTeams(w http.ResponseWriter, r *http.Request, fail func(int, string)) {
	segs, err := pathSegments(r, "/_sim")
	if err == nil && len(segs) > 0 && segs[0] == "tenant" {
		segs = segs[1:]
	}
	if err == nil && len(segs) == 2 {
		s.controlTeamsExtras(w, r, segs[1], fail)
		return
	}
	if err != nil || len(segs) != 3 {
		fail(404, "use /_sim/teams/{Type}/{Identity}")
		return
	}
	typ, identity := segs[1], segs[2]
	if typ == "settings" || typ == "groupPolicyAssignments" || typ == "globalPolicyAssignments" {
		fail(404, "use /_sim/teams/"+typ)
		return
	}
	switch r.Method {
	case http.MethodGet:
	case http.MethodPatch:
		body, e := readJSONObject(r)
		if e != nil {
			fail(400, e.Message)
			return
		}
		if err := s.SetTeamsParams(typ, identity, body); err != nil {
			var ae *apiError
			if errors.As(err, &ae) {
				fail(ae.Status, ae.Message)
			} else {
				fail(404, err.Error())
			}
			return
		}
	default:
		fail(405, "use GET or PATCH")
		return
	}
	inst, ok := s.TeamsInstance(typ, identity)
	if !ok {
		fail(404, "no "+typ+" instance "+identity)
		return
	}
	writeJSON(w, 200, inst)
}

// controlTeamsExtras serves /_sim/teams/settings and the assignment views.
func (s *Simulator) controlTeamsExtras(w http.ResponseWriter, r *http.Request, what string, fail func(int, string)) {
	switch what {
	case "settings":
		switch r.Method {
		case http.MethodGet:
		case http.MethodPost, http.MethodPatch, http.MethodPut:
			body, e := readJSONObject(r)
			if e != nil {
				fail(400, e.Message)
				return
			}
			if err := s.applyTeamsSettings(body); err != nil {
				fail(400, err.Error())
				return
			}
		default:
			fail(405, "use GET or POST")
			return
		}
		writeJSON(w, 200, s.TeamsSettings())
	case "groupPolicyAssignments":
		if r.Method != http.MethodGet {
			fail(405, "use GET")
			return
		}
		pt := r.URL.Query().Get("policyType")
		if pt != "" {
			if _, e := assignableType(pt, true); e != nil {
				fail(400, e.Message)
				return
			}
		}
		writeJSON(w, 200, s.GroupAssignments(pt))
	case "globalPolicyAssignments":
		if r.Method != http.MethodGet {
			fail(405, "use GET")
			return
		}
		out := []map[string]any{}
		for _, t := range assignableTypeNames(false) {
			out = append(out, map[string]any{"PolicyType": t, "PolicyName": s.GlobalPolicyAssignment(t)})
		}
		writeJSON(w, 200, out)
	default:
		fail(404, "use /_sim/teams/{Type}/{Identity}, /_sim/teams/settings, /_sim/teams/groupPolicyAssignments or /_sim/teams/globalPolicyAssignments")
	}
}

// EnvFile renders Env as shell lines `export KEY='VALUE'`, for `source`.
func (s *Simulator) EnvFile() []byte { return envFileContent(s.Env()) }

// envFileContent single-quotes each value for POSIX shells; an embedded
// quote closes the string, is escaped, and reopens it.
func envFileContent(env []string) []byte {
	var b strings.Builder
	for _, kv := range env {
		k, v, _ := strings.Cut(kv, "=")
		b.WriteString("export " + k + "='" + strings.ReplaceAll(v, "'", `'\''`) + "'\n")
	}
	return []byte(b.String())
}

// WriteEnvFile writes EnvFile to path (mode 0600: it holds a client secret).
func (s *Simulator) WriteEnvFile(path string) error {
	return writeFileAtomic(path, s.EnvFile(), 0o600)
}
