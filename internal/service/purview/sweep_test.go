package purview_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/acctest"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/clients/adminapi"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/service/purview"
)

func TestMain(m *testing.M) { resource.TestMain(m) }

// Rules go before their policies (removing a policy removes its rules, but a
// rule named like a test's may sit under a policy that is not). The audit log
// configuration is a singleton no test creates.
func init() {
	for _, s := range []struct{ name, noun, dep string }{
		{"teamshipaa_dlp_rule", "DlpComplianceRule", ""},
		{"teamshipaa_dlp_policy", "DlpCompliancePolicy", "teamshipaa_dlp_rule"},
		{"teamshipaa_retention_rule", "RetentionComplianceRule", ""},
		{"teamshipaa_retention_policy", "RetentionCompliancePolicy", "teamshipaa_retention_rule"},
		{"teamshipaa_audit_log_retention_policy", "UnifiedAuditLogRetentionPolicy", ""},
		{"teamshipaa_protection_alert", "ProtectionAlert", ""},
	} {
		sw := &resource.Sweeper{Name: s.name, F: func(region string) error { return sweepCmdletObjects(region, s.noun) }}
		if s.dep != "" {
			sw.Dependencies = []string{s.dep}
		}
		resource.AddTestSweepers(s.name, sw)
	}
}

// sweepCmdletObjects removes every prefixed object of noun, waiting out the
// "being deployed" window as the resources do. A DLP policy already
// PendingDeletion is on its way out and is left alone.
func sweepCmdletObjects(region, noun string) error {
	c, err := acctest.SweepClient(region)
	if err != nil {
		return err
	}
	ctx := context.Background()
	list := c.Compliance.Invoke
	if noun == "RetentionCompliancePolicy" {
		// Teams policies may come only with -TeamsPolicyOnly (listRetentionPolicies).
		list = func(ctx context.Context, _ string, _ map[string]any) ([]map[string]any, adminapi.Result, error) {
			return purview.ListRetentionPolicies(ctx, c.Compliance)
		}
	}
	objs, _, err := list(ctx, "Get-"+noun, nil)
	if err != nil {
		return fmt.Errorf("Get-%s: %w", noun, err)
	}
	var errs []error
	for _, o := range objs {
		name, _ := o["Name"].(string)
		if !acctest.Sweepable(name) || o["Mode"] == "PendingDeletion" {
			continue
		}
		_, err := purview.WhileDeploying(ctx, 5*time.Minute, "Remove-"+noun+" "+name, func(ctx context.Context) (adminapi.Result, error) {
			_, res, err := c.Compliance.Invoke(ctx, "Remove-"+noun, map[string]any{"Identity": name})
			return res, err
		})
		if err != nil && !adminapi.IsNotFound(err) {
			errs = append(errs, fmt.Errorf("Remove-%s %s: %w", noun, name, err))
			continue
		}
		acctest.Swept(noun, name)
	}
	return errors.Join(errs...)
}
