package adminapi

import (
	"context"
	"testing"
)

// Get-UnifiedAuditLogRetentionPolicy has no -Identity: FindByName sends the
// cmdlet without parameters and picks the policy by name, in any case.
func TestFindByName_auditRetentionPolicies(t *testing.T) {
	c, f := fixtureClient(t, "get_audit_retention_policies.json")
	obj, found, _, err := c.FindByName(context.Background(), "Get-UnifiedAuditLogRetentionPolicy", "microsoft teams audit policy")
	if err != nil || !found {
		t.Fatalf("found %v, err %v", found, err)
	}
	if obj["RetentionDuration"] != "TwelveMonths" || obj["Name"] != "Microsoft Teams Audit Policy" {
		t.Fatalf("policy %v", obj)
	}
	if p, ok := obj["Priority"]; !ok || p == nil {
		t.Fatalf("priority %v", obj)
	}
	if _, found, _, err := c.FindByName(context.Background(), "Get-UnifiedAuditLogRetentionPolicy", "absent"); err != nil || found {
		t.Fatalf("absent policy: found %v, err %v", found, err)
	}
	reqs := f.all()
	in, _ := reqs[0].Body["CmdletInput"].(map[string]any)
	params, _ := in["Parameters"].(map[string]any)
	if in["CmdletName"] != "Get-UnifiedAuditLogRetentionPolicy" || params == nil || len(params) != 0 {
		t.Fatalf("request body %v: want the cmdlet with no parameters", reqs[0].Body)
	}
	// The client refuses -Identity, which the cmdlet does not have.
	if _, _, err := c.Invoke(context.Background(), "Get-UnifiedAuditLogRetentionPolicy", map[string]any{"Identity": "x"}); err == nil {
		t.Fatal("Get-UnifiedAuditLogRetentionPolicy -Identity was sent")
	}
}

func TestGet_protectionAlert(t *testing.T) {
	c, _ := fixtureClient(t, "get_protection_alert.json")
	obj, found, _, err := c.Get(context.Background(), "Get-ProtectionAlert", "Content search deleted", nil)
	if err != nil || !found {
		t.Fatalf("found %v, err %v", found, err)
	}
	ops, _ := obj["Operation"].([]any)
	if obj["ThreatType"] != "Activity" || len(ops) != 1 || ops[0] != "SearchRemoved" || obj["AggregationType"] != "None" {
		t.Fatalf("alert %v", obj)
	}
	// ThreatType cannot change after creation: Set- does not take it.
	if _, _, err := c.Invoke(context.Background(), "Set-ProtectionAlert", map[string]any{"Identity": "x", "ThreatType": "Malware"}); err == nil {
		t.Fatal("Set-ProtectionAlert -ThreatType was sent")
	}
}
