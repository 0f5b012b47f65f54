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
//
// This is the one router of the control API; the families of stored objects
// (Teams instances, Graph objects, compliance objects) share the GET/PATCH
// of one object (controlObject).
func (s *Simulator) serveControl(w http.ResponseWriter, r *http.Request) {
	fail := func(status int, msg string) { writeJSON(w, status, map[string]any{"error": msg}) }
	path := strings.TrimPrefix(r.URL.Path, "/_sim")
	path = strings.TrimPrefix(path, "/tenant")
	// segs are the path's segments after /_sim (and /tenant), unescaped;
	// nil when the path does not unescape.
	segs, err := pathSegments(r, "/_sim")
	if err != nil {
		segs = nil
	} else if len(segs) > 0 && segs[0] == "tenant" {
		segs = segs[1:]
	}
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
		s.controlTeams(w, r, segs, fail)
	case strings.HasPrefix(path, "/compliance/") || strings.HasPrefix(path, "/exchange/"):
		s.controlAdminAPI(w, r, segs, fail) // adminapi_settings.go
	case strings.HasPrefix(path, "/graph/"):
		s.controlGraph(w, r, segs, fail)
	default:
		fail(404, "no control route "+r.Method+" "+r.URL.Path)
	}
}

// storedObject is one object a control route shows (GET) and changes out of
// band (PATCH, then shows it).
type storedObject struct {
	body     func() (map[string]any, bool) // the PATCH body; on false the failure is answered
	set      func(patch map[string]any) error
	setFails int // status of a set error that is not the service's own apiError
	get      func() (map[string]any, bool)
	missing  string // the 404 message when get finds nothing
}

func controlObject(w http.ResponseWriter, r *http.Request, fail func(int, string), o storedObject) {
	switch r.Method {
	case http.MethodGet:
	case http.MethodPatch:
		body, ok := o.body()
		if !ok {
			return
		}
		if err := o.set(body); err != nil {
			var ae *apiError
			if errors.As(err, &ae) {
				fail(ae.Status, ae.Message)
			} else {
				fail(o.setFails, err.Error())
			}
			return
		}
	default:
		fail(405, "use GET or PATCH")
		return
	}
	obj, ok := o.get()
	if !ok {
		fail(404, o.missing)
		return
	}
	writeJSON(w, 200, obj)
}

// jsonBody reads a control request's JSON object body, answering 400 when
// it is not one.
func jsonBody(r *http.Request, fail func(int, string)) func() (map[string]any, bool) {
	return func() (map[string]any, bool) {
		body, e := readJSONObject(r)
		if e != nil {
			fail(400, e.Message)
			return nil, false
		}
		return body, true
	}
}

func (s *Simulator) controlTeams(w http.ResponseWriter, r *http.Request, segs []string, fail func(int, string)) {
	if len(segs) == 2 {
		s.controlTeamsExtras(w, r, segs[1], fail)
		return
	}
	if len(segs) != 3 {
		fail(404, "use /_sim/teams/{Type}/{Identity}")
		return
	}
	typ, identity := segs[1], segs[2]
	if typ == "settings" || typ == "groupPolicyAssignments" || typ == "globalPolicyAssignments" {
		fail(404, "use /_sim/teams/"+typ)
		return
	}
	controlObject(w, r, fail, storedObject{
		body:     jsonBody(r, fail),
		set:      func(patch map[string]any) error { return s.SetTeamsParams(typ, identity, patch) },
		setFails: 404,
		get:      func() (map[string]any, bool) { return s.TeamsInstance(typ, identity) },
		missing:  "no " + typ + " instance " + identity,
	})
}

// controlGraph serves /_sim/graph/{kind} (GET list) and
// /_sim/graph/{kind}/{id} (GET, PATCH: out-of-band change -> 200 object).
func (s *Simulator) controlGraph(w http.ResponseWriter, r *http.Request, segs []string, fail func(int, string)) {
	if len(segs) < 2 || len(segs) > 3 {
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
	controlObject(w, r, fail, storedObject{
		body:     jsonBody(r, fail),
		set:      func(patch map[string]any) error { return s.SetGraphObject(kind, id, patch) },
		setFails: 500,
		get:      func() (map[string]any, bool) { return s.GraphObject(kind, id) },
		missing:  "no " + kind + " " + id,
	})
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
