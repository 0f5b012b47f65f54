package tenantsim

import (
	"fmt"
	"strings"
	"time"
)

// Get-/Set-AdminAuditLogConfig on the exchange host. The object is the
// singleton "Admin Audit Log Settings". A new simulated tenant has unified
// audit log ingestion ON, as Microsoft documents: "Audit logging is turned on
// by default for Microsoft 365 and Office 365 enterprise organizations"
// (learn.microsoft.com/purview/audit-log-enable-disable, "Turn auditing on
// or off"; the page still tells admins of a new organization to verify it).
// Tests of the off state, the one the provider must be able to fix, turn it
// off with SetAuditLogConfig.
// The organization of a new tenant is dehydrated (adminapi_org.go):
// Set-AdminAuditLogConfig fails until Enable-OrganizationCustomization ran.

const auditCollection = "exchange/AdminAuditLogConfig"
const auditIdentity = "Admin Audit Log Settings"

func (s *Simulator) defaultAuditConfig() map[string]any {
	return map[string]any{
		"Identity": auditIdentity, "Name": auditIdentity, "Guid": newGUID(),
		"AdminAuditLogEnabled":            true,
		"UnifiedAuditLogIngestionEnabled": true, // doc: on by default (see above)
		"UnifiedAuditLogFirstOptInDate":   nil,
		"AdminAuditLogAgeLimit":           "90.00:00:00",
		"AdminAuditLogCmdlets":            []any{"*"},
		"AdminAuditLogParameters":         []any{"*"},
		"AdminAuditLogExcludedCmdlets":    []any{},
		"LogLevel":                        "None",
		"TestCmdletLoggingEnabled":        false,
		"LoadBalancerCount":               int64(3),
		"RefreshInterval":                 int64(10),
		"IsValid":                         true,
		"ObjectState":                     "Unchanged",
		"DistinguishedName":               "CN=" + auditIdentity + ",CN=Global Settings,CN=Configuration," + s.adminTenantDomain(),
		"WhenChangedUTC":                  nowStamp(),
		"WhenCreatedUTC":                  nowStamp(),
	}
}

// auditSettable are the parameters Set-AdminAuditLogConfig takes here.
var auditParams = []cmdParam{
	{Name: "Identity", Kind: cString},
	{Name: "UnifiedAuditLogIngestionEnabled", Kind: cBool},
	{Name: "AdminAuditLogEnabled", Kind: cBool},
	{Name: "AdminAuditLogAgeLimit", Kind: cString},
	{Name: "AdminAuditLogCmdlets", Kind: cStrings},
	{Name: "AdminAuditLogParameters", Kind: cStrings},
	{Name: "AdminAuditLogExcludedCmdlets", Kind: cStrings},
	{Name: "LogLevel", Kind: cEnum, Values: []string{"None", "Verbose"}, EnumType: "Microsoft.Exchange.Data.Directory.SystemConfiguration.AuditLogLevel"},
	{Name: "TestCmdletLoggingEnabled", Kind: cBool},
	{Name: "Force", Kind: cSwitch},
}

func init() {
	registerCmdlet(&cmdletSpec{
		Name: "Get-AdminAuditLogConfig", Surface: surfaceExchange,
		Params: []cmdParam{{Name: "Identity", Kind: cString}},
		Run: func(s *Simulator, c *cmdletCall) ([]map[string]any, []string, *cmdletError) {
			cfg, err := s.auditConfig(true)
			if err != nil {
				return nil, nil, &cmdletError{Status: 500, Code: "InternalServerError", Detail: "Server", Message: err.Error(), TypeName: "System.IO.IOException"}
			}
			return []map[string]any{cfg}, nil, nil
		},
	})
	registerCmdlet(&cmdletSpec{
		Name: "Set-AdminAuditLogConfig", Surface: surfaceExchange,
		Params: auditParams,
		Run: func(s *Simulator, c *cmdletCall) ([]map[string]any, []string, *cmdletError) {
			if c.has("Identity") && !strings.EqualFold(c.str("Identity"), auditIdentity) {
				return nil, nil, objectNotFound(c.str("Identity"))
			}
			if e := s.dehydratedRefusal(); e != nil { // see adminapi_org.go
				return nil, nil, e
			}
			cfg, err := s.auditConfig(false)
			if err != nil {
				return nil, nil, &cmdletError{Status: 500, Code: "InternalServerError", Detail: "Server", Message: err.Error(), TypeName: "System.IO.IOException"}
			}
			before := deepCopyMap(cfg)
			if v, ok := c.args["AdminAuditLogAgeLimit"].(string); ok {
				if _, e := parseTimeSpan(v); e != nil {
					return nil, nil, e
				}
			}
			for k, v := range c.args {
				if k == "Identity" || k == "Force" {
					continue
				}
				if l, ok := v.([]string); ok {
					arr := make([]any, len(l))
					for i := range l {
						arr[i] = l[i]
					}
					v = arr
				}
				cfg[k] = v
			}
			var warnings []string
			if adminJSONEqual(before, cfg) {
				warnings = append(warnings, fmt.Sprintf("The command completed successfully but no settings of '%s' have been modified.", auditIdentity))
				return nil, warnings, nil
			}
			if cfg["UnifiedAuditLogIngestionEnabled"] == true && before["UnifiedAuditLogIngestionEnabled"] != true {
				if cfg["UnifiedAuditLogFirstOptInDate"] == nil {
					cfg["UnifiedAuditLogFirstOptInDate"] = nowStamp()
				}
				warnings = append(warnings, "The admin audit log configuration change you specified could take up to 60 minutes to take effect.")
			}
			cfg["WhenChangedUTC"] = nowStamp()
			if err := s.store.put(auditCollection, auditIdentity, cfg, s.faults.lagFor(c.surface, c.r.Method, c.rel, c.r.URL.Path)); err != nil {
				return nil, nil, &cmdletError{Status: 500, Code: "InternalServerError", Detail: "Server", Message: err.Error(), TypeName: "System.IO.IOException"}
			}
			return nil, warnings, nil
		},
	})
}

// parseTimeSpan accepts d.hh:mm:ss (or hh:mm:ss) as .NET TimeSpan strings.
func parseTimeSpan(v string) (time.Duration, *cmdletError) {
	bad := cmdletFail(typeParamBinding, "Cannot process argument transformation on parameter 'AdminAuditLogAgeLimit'. Cannot convert value \"%s\" to type \"Microsoft.Exchange.Data.EnhancedTimeSpan\".", v)
	days := 0
	rest := v
	if d, r, ok := strings.Cut(v, "."); ok && !strings.Contains(d, ":") {
		if _, err := fmt.Sscanf(d, "%d", &days); err != nil {
			return 0, bad
		}
		rest = r
	}
	var h, m, sec int
	if n, err := fmt.Sscanf(rest, "%d:%d:%d", &h, &m, &sec); err != nil || n != 3 || h > 23 || m > 59 || sec > 59 || days < 0 {
		return 0, bad
	}
	return time.Duration(days)*24*time.Hour + time.Duration(h)*time.Hour + time.Duration(m)*time.Minute + time.Duration(sec)*time.Second, nil
}

// auditConfig returns the singleton, creating it on first use.
func (s *Simulator) auditConfig(lagging bool) (map[string]any, error) {
	if cfg, ok := s.store.get(auditCollection, auditIdentity, lagging); ok {
		return cfg, nil
	}
	if cfg, ok := s.store.get(auditCollection, auditIdentity, false); ok {
		return cfg, nil
	}
	cfg := s.defaultAuditConfig()
	if err := s.store.put(auditCollection, auditIdentity, cfg, nil); err != nil {
		return nil, err
	}
	return cfg, nil
}

// AuditLogConfig returns the Get-AdminAuditLogConfig object as stored.
func (s *Simulator) AuditLogConfig() map[string]any {
	cfg, _ := s.auditConfig(false)
	return cfg
}

// SetAuditLogConfig changes the audit configuration out of band (drift);
// keys are Get- field names.
func (s *Simulator) SetAuditLogConfig(patch map[string]any) error {
	cfg, err := s.auditConfig(false)
	if err != nil {
		return err
	}
	for k, v := range patch {
		cfg[k] = deepCopyValue(v)
	}
	return s.store.put(auditCollection, auditIdentity, cfg, nil)
}
