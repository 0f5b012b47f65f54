package acctest

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/transport"
)

// EnvTenant selects where acceptance tests run: unset, the in-process
// simulator; "live", the tenant the ARM_* variables sign in to (as a provider
// block with no arguments would), with no simulator at all.
const EnvTenant = "TEAMSHIPAA_ACC_TENANT"

// NamePrefix starts the name of every object the acceptance tests create
// (sdkacctest.RandomWithPrefix("tfacc...") gives "tfacc-<digits>" or
// "tfacc-x-<digits>"); the sweepers delete objects with it and nothing else.
const NamePrefix = "tfacc-"

// credentialVars are the ways to sign in (see internal/provider/config.go);
// live mode needs one of them, with ARM_TENANT_ID.
var credentialVars = []string{
	"ARM_CLIENT_SECRET", "ARM_CLIENT_CERTIFICATE_PATH", "ARM_CLIENT_CERTIFICATE",
	"ARM_USE_OIDC", "ARM_USE_MSI", "ARM_USE_CLI",
}

// Live reports whether the acceptance tests run against a live tenant.
func Live() bool { return strings.EqualFold(os.Getenv(EnvTenant), "live") }

// liveCredentialsMissing names what live mode lacks, "" when nothing.
func liveCredentialsMissing() string {
	var missing []string
	if os.Getenv("ARM_TENANT_ID") == "" {
		missing = append(missing, "ARM_TENANT_ID")
	}
	has := false
	for _, v := range credentialVars {
		if os.Getenv(v) != "" {
			has = true
		}
	}
	if !has {
		missing = append(missing, "one of "+strings.Join(credentialVars, ", "))
	}
	if len(missing) == 0 {
		return ""
	}
	return strings.Join(missing, " and ")
}

// requireLive skips the test when live mode has no credentials to sign in with.
func requireLive(t testing.TB) {
	t.Helper()
	if m := liveCredentialsMissing(); m != "" {
		t.Skipf("%s=live but not set: %s; set the credentials of an app registration in a test tenant (see README, \"Acceptance tests against a live tenant\")", EnvTenant, m)
	}
}

// SimOnly skips the test in live mode, saying why it needs the simulator;
// call it first in a test that injects faults, lag, reads request stats,
// changes objects out of band through the control API or needs a new tenant.
func SimOnly(t testing.TB, why string) {
	t.Helper()
	if Live() {
		t.Skipf("needs the tenant simulator (%s); skipped with %s=live", why, EnvTenant)
	}
}

// Observer reads what a tenant holds, in the service's own field names: the
// simulator's store, or in live mode the service itself through the
// provider's clients. Tests check the wire with it.
type Observer interface {
	// GraphObject is a conditional access policy ("conditionalAccessPolicy")
	// or named location ("namedLocation") by id, as Graph's JSON.
	GraphObject(kind, id string) (map[string]any, bool)
	// TeamsInstance is a Teams policy instance ("Tag:name" or "Global").
	TeamsInstance(policyType, identity string) (map[string]any, bool)
	// ComplianceObject is a DLP or retention object by name, as Get-<kind> returns it.
	ComplianceObject(kind, name string) (map[string]any, bool)
	// AuditLogConfig is Get-AdminAuditLogConfig's answer.
	AuditLogConfig() map[string]any
}

// Tenant returns the observer of the tenant the tests run against. In live
// mode a failed read fails the test (it does not mean "absent").
func Tenant(t testing.TB) Observer {
	t.Helper()
	if !Live() {
		return Sim(t)
	}
	requireLive(t)
	return &liveObserver{t: t}
}

type liveObserver struct{ t testing.TB }

func (o *liveObserver) found(err error) bool {
	o.t.Helper()
	if err == nil {
		return true
	}
	if transport.IsNotFound(err) {
		return false
	}
	o.t.Fatalf("reading the live tenant: %v", err)
	return false
}

func (o *liveObserver) GraphObject(kind, id string) (map[string]any, bool) {
	o.t.Helper()
	ctx := context.Background()
	g := Configure(ctx, o.t).Graph
	var obj map[string]any
	var err error
	switch kind {
	case "conditionalAccessPolicy":
		obj, err = g.GetPolicyJSON(ctx, id)
	case "namedLocation":
		obj, err = g.GetNamedLocationJSON(ctx, id)
	default:
		o.t.Fatalf("live observer: unknown Graph kind %q", kind)
	}
	return obj, o.found(err)
}

func (o *liveObserver) TeamsInstance(policyType, identity string) (map[string]any, bool) {
	o.t.Helper()
	obj, _, err := Configure(context.Background(), o.t).ConfigAPI.Get(context.Background(), policyType, identity)
	return obj, o.found(err)
}

func (o *liveObserver) ComplianceObject(kind, name string) (map[string]any, bool) {
	o.t.Helper()
	var extra map[string]any
	if kind == "RetentionCompliancePolicy" {
		// Without it "the values of the DistributionStatus and *Location properties won't be accurate" (Get-RetentionCompliancePolicy.md).
		extra = map[string]any{"DistributionDetail": true}
	}
	obj, ok, _, err := Configure(context.Background(), o.t).Compliance.Get(context.Background(), "Get-"+kind, name, extra)
	if err != nil {
		o.t.Fatalf("reading the live tenant: Get-%s %s: %v", kind, name, err)
	}
	return obj, ok
}

func (o *liveObserver) AuditLogConfig() map[string]any {
	o.t.Helper()
	objs, _, err := Configure(context.Background(), o.t).Exchange.Invoke(context.Background(), "Get-AdminAuditLogConfig", nil)
	if err != nil {
		o.t.Fatalf("reading the live tenant: Get-AdminAuditLogConfig: %v", err)
	}
	if len(objs) == 0 {
		return nil
	}
	return objs[0]
}
