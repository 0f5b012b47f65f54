package tenantsim

import (
	"strings"
	"testing"
)

func TestAdminAPIAuditRetentionPolicy(t *testing.T) {
	s := startSim(t, Options{})
	c := newAdminClient(t, s, surfaceCompliance, s.FullApp())
	teams := map[string]any{"Name": "Teams 10y", "RecordTypes": []any{"MicrosoftTeams", "MicrosoftTeamsAdmin"}, "RetentionDuration": "TenYears", "Priority": 100}
	c.ok("New-UnifiedAuditLogRetentionPolicy", teams)
	for _, tc := range []struct {
		params map[string]any
		want   string
	}{
		{map[string]any{"Name": "x", "RecordTypes": "MicrosoftTeams", "RetentionDuration": "SevenYears", "Priority": 1}, "ThreeMonths, SixMonths, NineMonths, TwelveMonths, TenYears"},
		{map[string]any{"Name": "x", "RecordTypes": "MicrosoftTeams", "RetentionDuration": "TenYears"}, "missing mandatory parameters: Priority"},
		{map[string]any{"Name": "x", "RecordTypes": "MicrosoftTeams", "RetentionDuration": "TenYears", "Priority": 10001}, "1 (highest priority) to 10000"},
		{map[string]any{"Name": "x", "RecordTypes": "MicrosoftTeams", "RetentionDuration": "TenYears", "Priority": 100}, "already used by the audit log retention policy 'Teams 10y'"},
		{map[string]any{"Name": "x", "RecordTypes": "TeamsChat", "RetentionDuration": "TenYears", "Priority": 2}, "enumerator names"},
		{map[string]any{"Name": "x", "RecordTypes": []any{"MicrosoftTeams", "SharePoint"}, "Operations": "MemberAdded", "RetentionDuration": "TenYears", "Priority": 2}, "exactly one value"},
		{map[string]any{"Name": "x", "RetentionDuration": "TenYears", "Priority": 2}, "RecordTypes or the UserIds"},
		{map[string]any{"Name": "x", "Identity": "y", "RetentionDuration": "TenYears", "Priority": 2}, "parameter name 'Identity'"},
		{map[string]any{"Name": "Teams 10y", "RecordTypes": "MicrosoftTeams", "RetentionDuration": "TenYears", "Priority": 3}, "already exists"},
	} {
		if msg, _ := c.cmdletErr(400, "New-UnifiedAuditLogRetentionPolicy", tc.params); !strings.Contains(msg, tc.want) {
			t.Errorf("%v: %q, want %q", tc.params, msg, tc.want)
		}
	}
	// Get- has no -Identity; it lists every policy.
	c.cmdletErr(400, "Get-UnifiedAuditLogRetentionPolicy", map[string]any{"Identity": "Teams 10y"})
	got := c.ok("Get-UnifiedAuditLogRetentionPolicy", nil)
	if len(got) != 1 || got[0]["RetentionDuration"] != "TenYears" || len(listOf(got[0]["RecordTypes"])) != 2 || got[0]["Mode"] != "Enforce" {
		t.Fatalf("Get: %v", got)
	}
	if got := c.ok("Get-UnifiedAuditLogRetentionPolicy", map[string]any{"RecordType": "SharePoint"}); len(got) != 0 {
		t.Errorf("filtered Get: %v", got)
	}
	// Set- needs Priority and RetentionDuration every time; lists are replaced, null clears.
	c.cmdletErr(400, "Set-UnifiedAuditLogRetentionPolicy", map[string]any{"Identity": "Teams 10y", "Description": "x"})
	c.ok("Set-UnifiedAuditLogRetentionPolicy", map[string]any{"Identity": "Teams 10y", "RecordTypes": []any{"MicrosoftTeams"}, "Operations": []any{"MemberAdded"},
		"UserIds": nil, "RetentionDuration": "TwelveMonths", "Priority": 5})
	p, _ := s.ComplianceObject(KindAuditRetentionPolicy, "Teams 10y")
	if p["RetentionDuration"] != "TwelveMonths" || len(listOf(p["Operations"])) != 1 || len(listOf(p["RecordTypes"])) != 1 {
		t.Errorf("after Set: %v", p)
	}
	// Removed: PendingDeletion for a read, then gone; changes refused meanwhile.
	c.ok("Remove-UnifiedAuditLogRetentionPolicy", map[string]any{"Identity": "Teams 10y"})
	if msg, _ := c.cmdletErr(400, "Set-UnifiedAuditLogRetentionPolicy", map[string]any{"Identity": "Teams 10y", "RetentionDuration": "TenYears", "Priority": 5}); !strings.Contains(msg, "pending deletion") {
		t.Errorf("Set of a removed policy: %q", msg)
	}
	if got := c.ok("Get-UnifiedAuditLogRetentionPolicy", nil); len(got) != 1 || got[0]["Mode"] != "PendingDeletion" {
		t.Errorf("after Remove: %v", got)
	}
	if got := c.ok("Get-UnifiedAuditLogRetentionPolicy", nil); len(got) != 0 {
		t.Errorf("after the deletion: %v", got)
	}
	// A tenant without Audit (Premium) refuses the policies.
	st := s.ComplianceSettings()
	st.WithoutAuditPremium = true
	if err := s.SetComplianceSettings(st); err != nil {
		t.Fatal(err)
	}
	if msg, _ := c.cmdletErr(400, "New-UnifiedAuditLogRetentionPolicy", teams); !strings.Contains(msg, "Audit (Premium)") {
		t.Errorf("without Audit Premium: %q", msg)
	}
}

func TestAdminAPIProtectionAlert(t *testing.T) {
	s := startSim(t, Options{})
	c := newAdminClient(t, s, surfaceCompliance, s.FullApp())
	// A new tenant holds Microsoft's default alert policy, which cannot be edited.
	all := c.ok("Get-ProtectionAlert", nil)
	if len(all) != 1 || all[0]["IsSystemRule"] != true {
		t.Fatalf("new tenant: %v", all)
	}
	if msg, _ := c.cmdletErr(400, "Set-ProtectionAlert", map[string]any{"Identity": all[0]["Name"], "Severity": "High"}); !strings.Contains(msg, "can't use this cmdlet to edit default alert policies") {
		t.Errorf("Set of a default policy: %q", msg)
	}
	base := map[string]any{"Name": "Audit log disabled", "Category": "ThreatManagement", "NotifyUser": []any{"privacy@contoso.com"},
		"ThreatType": "Activity", "Operation": "Set-AdminAuditLogConfig", "AggregationType": "None", "Severity": "High"}
	with := func(k string, v any) map[string]any {
		m := map[string]any{}
		for a, b := range base {
			m[a] = b
		}
		if v == nil {
			delete(m, k)
		} else {
			m[k] = v
		}
		return m
	}
	for _, tc := range []struct {
		params map[string]any
		want   string
	}{
		{with("Category", "Security"), "AccessGovernance, ComplianceManager, DataGovernance, MailFlow, Others, PrivacyManagement, Supervision, ThreatManagement"},
		{with("Severity", "Critical"), "Low, Medium, High"},
		{with("AggregationType", "CustomAggregation"), "None, SimpleAggregation, AnomalousAggregation"},
		{with("ThreatType", nil), "missing mandatory parameters: ThreatType"},
		{with("NotifyUser", "not an address"), "valid SMTP address"},
		{with("ThreatType", "Malware"), "only use the Operation parameter"},
		{with("Filter", "Activity.Colour -eq 'x'"), "isn't a filterable property"},
		{with("Threshold", 5), "only use the Threshold"},
	} {
		if msg, _ := c.cmdletErr(400, "New-ProtectionAlert", tc.params); !strings.Contains(msg, tc.want) {
			t.Errorf("%v: %q, want %q", tc.params, msg, tc.want)
		}
	}
	c.ok("New-ProtectionAlert", with("Filter", "Activity.Workload -eq 'Exchange'"))
	c.cmdletErr(400, "New-ProtectionAlert", base) // the name is taken
	// ThreatType cannot change: Set- does not have the parameter.
	if msg, _ := c.cmdletErr(400, "Set-ProtectionAlert", map[string]any{"Identity": "Audit log disabled", "ThreatType": "Malware"}); !strings.Contains(msg, "parameter name 'ThreatType'") {
		t.Errorf("Set -ThreatType: %q", msg)
	}
	c.ok("Set-ProtectionAlert", map[string]any{"Identity": "Audit log disabled", "Disabled": true, "NotifyUser": []any{"a@contoso.com", "b@contoso.com"}})
	got := c.ok("Get-ProtectionAlert", map[string]any{"Identity": "Audit log disabled"})
	if len(got) != 1 || got[0]["Disabled"] != true || len(listOf(got[0]["NotifyUser"])) != 2 || got[0]["ThreatType"] != "Activity" {
		t.Fatalf("after Set: %v", got)
	}
	c.ok("Remove-ProtectionAlert", map[string]any{"Identity": "Audit log disabled"})
	c.cmdletErr(404, "Get-ProtectionAlert", map[string]any{"Identity": "Audit log disabled"})
}
