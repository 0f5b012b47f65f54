package tenantsim

import (
	"fmt"
	"strings"
	"time"
)

// Compliance objects (DLP and retention policies and rules) are stored in
// collections "compliance/<Kind>" keyed by Name, holding the fields Get-
// returns plus a private "__sim" map (deployment window, pending deletion)
// that is never returned.

const (
	KindDlpPolicy       = "DlpCompliancePolicy"
	KindDlpRule         = "DlpComplianceRule"
	KindRetentionPolicy = "RetentionCompliancePolicy"
	KindRetentionRule   = "RetentionComplianceRule"
	simKey              = "__sim"
	timeLayout          = "2006-01-02T15:04:05.0000000Z"
)

var complianceKinds = []string{KindDlpPolicy, KindDlpRule, KindRetentionPolicy, KindRetentionRule, KindAuditRetentionPolicy, KindProtectionAlert}

func complianceCollection(kind string) string { return "compliance/" + kind }

func isComplianceKind(kind string) bool {
	for _, k := range complianceKinds {
		if k == kind {
			return true
		}
	}
	return false
}

func nowStamp() string { return time.Now().UTC().Format(timeLayout) }

func simMeta(o map[string]any) map[string]any {
	m, _ := o[simKey].(map[string]any)
	if m == nil {
		m = map[string]any{}
		o[simKey] = m
	}
	return m
}

// publicView drops the simulator's private fields.
func publicView(o map[string]any) map[string]any {
	out := deepCopyMap(o)
	delete(out, simKey)
	return out
}

func metaInt(m map[string]any, k string) int {
	switch t := m[k].(type) {
	case int:
		return t
	case int64:
		return int(t)
	case float64:
		return int(t)
	case interface{ Int64() (int64, error) }:
		n, _ := t.Int64()
		return int(n)
	}
	return 0
}

func metaTime(m map[string]any, k string) time.Time {
	s, _ := m[k].(string)
	t, _ := time.Parse(time.RFC3339Nano, s)
	return t
}

// findCompliance resolves an identity (Name or Guid, any case).
func (s *Simulator) findCompliance(kind, identity string) (map[string]any, bool) {
	if o, ok := s.store.get(complianceCollection(kind), identity, false); ok {
		return o, true
	}
	for _, o := range s.store.list(complianceCollection(kind), false) {
		if strings.EqualFold(fmt.Sprint(o["Guid"]), identity) {
			return o, true
		}
	}
	return nil, false
}

func (s *Simulator) putCompliance(c *cmdletCall, kind string, o map[string]any) *cmdletError {
	var lag *lagSpec
	if c != nil {
		lag = s.faults.lagFor(c.surface, c.r.Method, c.rel, c.r.URL.Path)
	}
	if err := s.store.put(complianceCollection(kind), field(o, "Name"), o, lag); err != nil {
		return &cmdletError{Status: 500, Code: "InternalServerError", Detail: "Server", Message: "saving the tenant failed: " + err.Error(), TypeName: "System.IO.IOException"}
	}
	return nil
}

func (s *Simulator) removeCompliance(c *cmdletCall, kind, name string) {
	var lag *lagSpec
	if c != nil {
		lag = s.faults.lagFor(c.surface, c.r.Method, c.rel, c.r.URL.Path)
	}
	_, _ = s.store.remove(complianceCollection(kind), name, lag)
}

// startDeploy opens the deployment window of a retention object after a write.
func (s *Simulator) startDeploy(o map[string]any) {
	st := s.ComplianceSettings()
	m := simMeta(o)
	delete(m, "deployCalls")
	delete(m, "deployUntil")
	if st.DeployWindowCalls > 0 {
		m["deployCalls"] = st.DeployWindowCalls
	}
	if st.DeployWindowMs > 0 {
		m["deployUntil"] = time.Now().Add(time.Duration(st.DeployWindowMs) * time.Millisecond).UTC().Format(time.RFC3339Nano)
	}
	if m["deployCalls"] != nil || m["deployUntil"] != nil {
		o["DistributionStatus"] = "Pending"
	} else {
		o["DistributionStatus"] = "Success"
	}
}

// deploying reports whether the object is still being deployed, consuming
// one call of the window; it settles DistributionStatus when the window ends.
// changed tells the caller to save o.
func deploying(o map[string]any) (busy, changed bool) {
	m, _ := o[simKey].(map[string]any)
	if m == nil || (m["deployCalls"] == nil && m["deployUntil"] == nil) {
		return false, false
	}
	calls := metaInt(m, "deployCalls")
	until := metaTime(m, "deployUntil")
	if calls > 0 || time.Now().Before(until) {
		if calls > 0 {
			m["deployCalls"] = calls - 1
		}
		return true, true
	}
	delete(m, "deployCalls")
	delete(m, "deployUntil")
	if o["DistributionStatus"] == "Pending" && o["Mode"] != "PendingDeletion" {
		o["DistributionStatus"] = "Success"
	}
	return false, true
}

func beingDeployed(what, name string) *cmdletError {
	return cmdletFail(typeInvalidOp, "The %s '%s' is being deployed. Once deployed, additional actions can be performed.", what, name)
}

// pendingDeletion handles a policy removed earlier: it counts one read and
// reports gone=true (and deletes it) when its PendingDeletion time is over.
func (s *Simulator) settlePendingDeletion(kind string, o map[string]any, read bool) (gone bool) {
	if o["Mode"] != "PendingDeletion" {
		return false
	}
	m := simMeta(o)
	gets := metaInt(m, "pendingGets")
	until := metaTime(m, "pendingUntil")
	if gets <= 0 && !time.Now().Before(until) {
		s.removeCompliance(nil, kind, field(o, "Name"))
		return true
	}
	if read && gets > 0 {
		m["pendingGets"] = gets - 1
		_ = s.putCompliance(nil, kind, o)
	}
	return false
}

// listCompliance returns the live objects of kind (PendingDeletion ones
// whose time is over are dropped), lagging as faults say.
func (s *Simulator) listCompliance(kind string, read bool) []map[string]any {
	var out []map[string]any
	for _, o := range s.store.list(complianceCollection(kind), true) {
		cur, ok := s.store.get(complianceCollection(kind), field(o, "Name"), false)
		if ok && s.settlePendingDeletion(kind, cur, read) {
			continue
		}
		if ok && read {
			if _, changed := deploying(cur); changed {
				_ = s.putCompliance(nil, kind, cur)
			}
			// the lagging view keeps its own fields; report current status
			o["DistributionStatus"] = cur["DistributionStatus"]
			o["Mode"] = cur["Mode"]
		}
		out = append(out, o)
	}
	return out
}

// getCompliance resolves identity among the live objects.
func (s *Simulator) getCompliance(kind, identity string) (map[string]any, bool) {
	o, ok := s.findCompliance(kind, identity)
	if !ok || s.settlePendingDeletion(kind, o, false) {
		return nil, false
	}
	return o, true
}

// location objects: Get- returns each location as an object with a Name
// (Microsoft365DSC reads $policy.TeamsLocation.Name); the other members are assumed.
func locationObject(name string) map[string]any {
	typ := "Individual"
	if strings.EqualFold(name, "All") {
		name, typ = "All", "Tenant"
	}
	return map[string]any{"Name": name, "DisplayName": name, "ImmutableIdentity": name, "Type": typ}
}

func locationNames(v any) []string {
	arr, _ := v.([]any)
	out := []string{}
	for _, e := range arr {
		if m, ok := e.(map[string]any); ok {
			out = append(out, fmt.Sprint(m["Name"]))
		}
	}
	return out
}

func locationList(names []string) []any {
	out := []any{}
	seen := map[string]bool{}
	for _, n := range names {
		if seen[strings.ToLower(n)] {
			continue
		}
		seen[strings.ToLower(n)] = true
		out = append(out, locationObject(n))
	}
	return out
}

// applyLocationDelta applies AddX/RemoveX to the location list in o.
func applyLocationDelta(o map[string]any, field string, add, remove []string) {
	cur := locationNames(o[field])
	for _, a := range add {
		found := false
		for _, c := range cur {
			if strings.EqualFold(c, a) {
				found = true
			}
		}
		if !found {
			cur = append(cur, a)
		}
	}
	kept := []string{}
	for _, c := range cur {
		drop := false
		for _, r := range remove {
			if strings.EqualFold(c, r) {
				drop = true
			}
		}
		if !drop {
			kept = append(kept, c)
		}
	}
	o[field] = locationList(kept)
}

func (s *Simulator) distinguishedName(name string) string {
	return "CN=" + name + ",OU=" + s.adminTenantDomain() + ",OU=Microsoft Exchange Hosted Organizations,DC=NAMPR12B001,DC=PROD,DC=OUTLOOK,DC=COM"
}

// newComplianceObject fills the fields every compliance object returns.
func (s *Simulator) newComplianceObject(name string, c *cmdletCall) map[string]any {
	now := nowStamp()
	guid := newGUID()
	by := "tenantsim app " + c.claims.AppID
	return map[string]any{
		"Name": name, "Guid": guid, "Identity": guid, "ImmutableId": guid,
		"DistinguishedName": s.distinguishedName(name), "Comment": "",
		"CreatedBy": by, "LastModifiedBy": by,
		"WhenCreated": now, "WhenChanged": now, "WhenCreatedUTC": now, "WhenChangedUTC": now,
		"IsValid": true, "ObjectState": "Unchanged", "ExchangeVersion": "0.20 (15.0.0.0)",
		"OrganizationId": s.adminTenantDomain() + " - " + s.adminTenantDomain(),
	}
}

func touch(o map[string]any, c *cmdletCall) {
	now := nowStamp()
	o["WhenChanged"], o["WhenChangedUTC"] = now, now
	if c != nil && c.claims != nil {
		o["LastModifiedBy"] = "tenantsim app " + c.claims.AppID
	}
}

func nameValid(name string) *cmdletError {
	if strings.TrimSpace(name) == "" || len([]rune(name)) > 64 {
		return cmdletFail(typeTaskArgument, "The Name '%s' isn't valid: it must contain 1 to 64 characters.", name)
	}
	if strings.ContainsAny(name, `\%&*+/=?{}|<>();:,[]"`) {
		return cmdletFail(typeTaskArgument, "The Name '%s' contains characters that aren't allowed: \\ %% & * + / = ? { } | < > ( ) ; : , [ ] \".", name)
	}
	return nil
}

func alreadyExists(name string) *cmdletError {
	return cmdletFail(typeAlreadyExists, "The object '%s' already exists.", name)
}

// outputs renders objects for the value array.
func outputs(objs []map[string]any) []map[string]any {
	out := make([]map[string]any, 0, len(objs))
	for _, o := range objs {
		out = append(out, publicView(o))
	}
	return out
}
