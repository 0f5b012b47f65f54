package tenantsim

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"
)

// ComplianceSettings tune the simulated admin API (in memory; reset on restart).
type ComplianceSettings struct {
	// DeployWindowCalls: after a New/Set of a retention policy or rule, the
	// next N cmdlet calls that touch it (Get or Set) see it "being deployed"
	// (Set- fails, DistributionStatus Pending). DeployWindowMs: the same for a time.
	DeployWindowCalls int `json:"deploy_window_calls"`
	DeployWindowMs    int `json:"deploy_window_ms"`
	// A removed policy stays with Mode PendingDeletion for the next N Gets
	// that return it and/or for a time; both 0 = removed at once.
	PendingDeletionGets int `json:"pending_deletion_gets"`
	PendingDeletionMs   int `json:"pending_deletion_ms"`
	// PageSize is the longest value array before @odata.nextLink.
	PageSize int `json:"page_size"`
	// RedirectStatus answers the first compliance call without the affinity
	// cookie (302 as observed; 307 possible; 0 = no redirect).
	RedirectStatus int `json:"redirect_status"`
	// WithoutAuditPremium makes the tenant one without Microsoft Purview Audit
	// (Premium): audit log retention policies are refused (adminapi_audit_retention.go).
	WithoutAuditPremium bool `json:"without_audit_premium"`
	// TeamsPoliciesOnlyWhenAsked leaves Teams retention policies out of a plain
	// Get-RetentionCompliancePolicy list (they come with -TeamsPolicyOnly):
	// CIPP-API's reading; the default is the reading of Microsoft's cmdlet
	// page (retentionTeamsFilter, adminapi_retention.go).
	TeamsPoliciesOnlyWhenAsked bool `json:"teams_policies_only_when_asked"`
}

func defaultComplianceSettings() ComplianceSettings {
	return ComplianceSettings{DeployWindowCalls: 1, PendingDeletionGets: 1, PageSize: 50, RedirectStatus: http.StatusFound}
}

// ComplianceSettings returns the current settings.
func (s *Simulator) ComplianceSettings() ComplianceSettings {
	rt := s.admin()
	rt.mu.Lock()
	defer rt.mu.Unlock()
	return rt.settings
}

// SetComplianceSettings replaces the settings.
func (s *Simulator) SetComplianceSettings(st ComplianceSettings) error {
	if st.DeployWindowCalls < 0 || st.DeployWindowMs < 0 || st.PendingDeletionGets < 0 || st.PendingDeletionMs < 0 || st.PageSize < 0 {
		return errors.New("settings must not be negative")
	}
	switch st.RedirectStatus {
	case 0, 301, 302, 303, 307, 308:
	default:
		return fmt.Errorf("redirect_status %d is not a redirect", st.RedirectStatus)
	}
	rt := s.admin()
	rt.mu.Lock()
	rt.settings = st
	rt.mu.Unlock()
	return nil
}

// SetDeployWindow sets how long retention objects stay "being deployed"
// after a write: calls cmdlet calls and/or d (0, 0 = never).
func (s *Simulator) SetDeployWindow(calls int, d time.Duration) {
	st := s.ComplianceSettings()
	st.DeployWindowCalls, st.DeployWindowMs = calls, int(d.Milliseconds())
	_ = s.SetComplianceSettings(st)
}

// SetPendingDeletion sets how long a removed policy shows Mode PendingDeletion.
func (s *Simulator) SetPendingDeletion(gets int, d time.Duration) {
	st := s.ComplianceSettings()
	st.PendingDeletionGets, st.PendingDeletionMs = gets, int(d.Milliseconds())
	_ = s.SetComplianceSettings(st)
}

func nowAdd(ms int) string {
	return time.Now().Add(time.Duration(ms) * time.Millisecond).UTC().Format(time.RFC3339Nano)
}

// ComplianceObjects returns the objects of a kind (DlpCompliancePolicy,
// DlpComplianceRule, RetentionCompliancePolicy, RetentionComplianceRule) as
// Get- returns them, PendingDeletion ones included, without side effects.
func (s *Simulator) ComplianceObjects(kind string) []map[string]any {
	if !isComplianceKind(kind) {
		return nil
	}
	return outputs(s.store.list(complianceCollection(kind), false))
}

// ComplianceObject returns one object by Name or Guid.
func (s *Simulator) ComplianceObject(kind, name string) (map[string]any, bool) {
	if !isComplianceKind(kind) {
		return nil, false
	}
	o, ok := s.findCompliance(kind, name)
	if !ok {
		return nil, false
	}
	return publicView(o), true
}

// SetComplianceObject changes fields of an object out of band (drift). Keys
// are Get- field names; location fields take names (["All"]) and are stored
// as location objects. Name, Guid and Identity cannot change.
func (s *Simulator) SetComplianceObject(kind, name string, patch map[string]any) error {
	if !isComplianceKind(kind) {
		return fmt.Errorf("tenantsim: unknown compliance kind %q", kind)
	}
	o, ok := s.findCompliance(kind, name)
	if !ok {
		return fmt.Errorf("tenantsim: no %s %q", kind, name)
	}
	for k, v := range patch {
		switch k {
		case "Name", "Guid", "Identity", simKey:
			return fmt.Errorf("tenantsim: %s cannot be changed", k)
		}
		if strings.HasSuffix(k, "Location") || strings.HasSuffix(k, "LocationException") {
			var names []string
			switch t := v.(type) {
			case []string:
				names = t
			case []any:
				for _, e := range t {
					names = append(names, fmt.Sprint(e))
				}
			case string:
				names = []string{t}
			case nil:
			default:
				return fmt.Errorf("tenantsim: %s takes a list of names", k)
			}
			o[k] = locationList(names)
			continue
		}
		o[k] = deepCopyValue(v)
	}
	touch(o, nil)
	if e := s.putCompliance(nil, kind, o); e != nil {
		return e
	}
	return nil
}

// controlAdminAPI serves the control routes of the admin API:
//
//	GET/POST /_sim/compliance/settings            ComplianceSettings JSON (POST/PATCH merge)
//	GET      /_sim/compliance/{Kind}              objects of a kind
//	GET      /_sim/compliance/{Kind}/{Name}       one object
//	PATCH    /_sim/compliance/{Kind}/{Name}       out-of-band change (drift)
//	GET      /_sim/exchange/AdminAuditLogConfig   audit config
//	PATCH    /_sim/exchange/AdminAuditLogConfig   out-of-band change
func (s *Simulator) controlAdminAPI(w http.ResponseWriter, r *http.Request, segs []string, fail func(int, string)) {
	readBody := func() (map[string]any, bool) {
		var m map[string]any
		if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20)).Decode(&m); err != nil || m == nil {
			fail(400, "body must be a JSON object")
			return nil, false
		}
		return m, true
	}
	switch {
	case len(segs) == 2 && segs[0] == "compliance" && segs[1] == "settings":
		switch r.Method {
		case http.MethodGet:
		case http.MethodPost, http.MethodPatch, http.MethodPut:
			st := s.ComplianceSettings()
			b, err := json.Marshal(st)
			if err == nil {
				var raw json.RawMessage
				dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<16))
				if err = dec.Decode(&raw); err == nil {
					// merge: unmarshal the patch over the current values
					if err = json.Unmarshal(b, &st); err == nil {
						d := json.NewDecoder(strings.NewReader(string(raw)))
						d.DisallowUnknownFields()
						err = d.Decode(&st)
					}
				}
			}
			if err != nil {
				fail(400, "settings JSON: "+err.Error())
				return
			}
			if err := s.SetComplianceSettings(st); err != nil {
				fail(400, err.Error())
				return
			}
		default:
			fail(405, "use GET or POST")
			return
		}
		writeJSON(w, 200, s.ComplianceSettings())
	case len(segs) >= 2 && segs[0] == "compliance" && isComplianceKind(segs[1]):
		kind := segs[1]
		if len(segs) == 2 && r.Method == http.MethodGet {
			writeJSON(w, 200, s.ComplianceObjects(kind))
			return
		}
		if len(segs) != 3 {
			fail(404, "use /_sim/compliance/{Kind}/{Name}")
			return
		}
		name := segs[2]
		controlObject(w, r, fail, storedObject{
			body:     readBody,
			set:      func(patch map[string]any) error { return s.SetComplianceObject(kind, name, patch) },
			setFails: 400,
			get:      func() (map[string]any, bool) { return s.ComplianceObject(kind, name) },
			missing:  "no " + kind + " " + name,
		})
	case len(segs) == 2 && segs[0] == "exchange" && segs[1] == "AdminAuditLogConfig":
		switch r.Method {
		case http.MethodGet:
		case http.MethodPatch, http.MethodPost:
			m, ok := readBody()
			if !ok {
				return
			}
			if err := s.SetAuditLogConfig(m); err != nil {
				fail(500, err.Error())
				return
			}
		default:
			fail(405, "use GET or PATCH")
			return
		}
		writeJSON(w, 200, s.AuditLogConfig())
	default:
		fail(404, "use /_sim/compliance/settings, /_sim/compliance/{Kind}[/{Name}] or /_sim/exchange/AdminAuditLogConfig")
	}
}
