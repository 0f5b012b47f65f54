package provider

import (
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/auth"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/clouds"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/conns"
)

// Placeholder IDs in the shape the provider requires.
const (
	tid = "11111111-1111-1111-1111-111111111111"
	cid = "22222222-2222-2222-2222-222222222222"
)

func env(kv map[string]string) func(string) string {
	return func(k string) string { return kv[k] }
}

func nullModel() providerModel {
	return providerModel{
		TenantID: types.StringNull(), ClientID: types.StringNull(), ClientSecret: types.StringNull(),
		ClientCertificate: types.StringNull(), ClientCertificatePath: types.StringNull(), ClientCertificatePassword: types.StringNull(),
		UseOIDC: types.BoolNull(), OIDCToken: types.StringNull(), OIDCTokenFilePath: types.StringNull(),
		OIDCRequestURL: types.StringNull(), OIDCRequestToken: types.StringNull(),
		UseMSI: types.BoolNull(), UseCLI: types.BoolNull(), Environment: types.StringNull(),
	}
}

func resolveWith(t *testing.T, m providerModel, vars map[string]string) (resolved, string) {
	t.Helper()
	r := &resolver{getenv: env(vars)}
	out := r.resolve(m)
	var msgs []string
	for _, d := range r.diags.Errors() {
		msgs = append(msgs, d.Summary()+": "+d.Detail())
	}
	return out, strings.Join(msgs, "\n")
}

func TestEnvironmentSuppliesEverything(t *testing.T) {
	out, errs := resolveWith(t, nullModel(), map[string]string{
		"ARM_TENANT_ID": tid, "ARM_CLIENT_ID": cid, "ARM_CLIENT_SECRET": "s1",
	})
	if errs != "" {
		t.Fatal(errs)
	}
	if out.auth.Method != auth.ClientSecret || out.auth.TenantID != tid || out.auth.ClientID != cid || out.auth.ClientSecret != "s1" {
		t.Fatalf("unexpected auth config %+v", out.auth)
	}
	if out.endpoints[clouds.Teams] != "https://api.interfaces.records.teams.microsoft.com" {
		t.Fatalf("default teams endpoint: %q", out.endpoints[clouds.Teams])
	}
	if out.auth.CustomLogin {
		t.Fatal("the public login host must keep instance discovery")
	}
	if len(out.secrets) != 1 || out.secrets[0] != "s1" {
		t.Fatalf("the client secret must be registered for redaction: %v", out.secrets)
	}
}

func TestExplicitConfigurationWinsOverEnvironment(t *testing.T) {
	m := nullModel()
	m.TenantID = types.StringValue("contoso.onmicrosoft.com")
	m.ClientID = types.StringValue(cid)
	m.ClientSecret = types.StringValue("secret-config")
	out, errs := resolveWith(t, m, map[string]string{
		"ARM_TENANT_ID": tid, "ARM_CLIENT_ID": "33333333-3333-3333-3333-333333333333", "ARM_CLIENT_SECRET": "secret-env",
		// A method left in the environment does not conflict with the one configured.
		"ARM_USE_MSI": "true",
	})
	if errs != "" {
		t.Fatal(errs)
	}
	if out.auth.TenantID != "contoso.onmicrosoft.com" || out.auth.ClientID != cid || out.auth.ClientSecret != "secret-config" {
		t.Fatalf("configuration must win: %+v", out.auth)
	}
	if out.auth.Method != auth.ClientSecret {
		t.Fatalf("method: %s", out.auth.Method)
	}
}

func TestConflictingMethodsNameTheArguments(t *testing.T) {
	m := nullModel()
	m.TenantID = types.StringValue(tid)
	m.ClientID = types.StringValue(cid)
	m.ClientSecret = types.StringValue("s")
	m.UseCLI = types.BoolValue(true)
	_, errs := resolveWith(t, m, nil)
	if !strings.Contains(errs, "client_secret") || !strings.Contains(errs, "use_cli") || !strings.Contains(errs, "Conflicting") {
		t.Fatalf("want a conflict naming both arguments, got %q", errs)
	}

	_, errs = resolveWith(t, nullModel(), map[string]string{"ARM_TENANT_ID": tid, "ARM_CLIENT_ID": cid,
		"ARM_CLIENT_SECRET": "s", "ARM_USE_OIDC": "true", "ARM_OIDC_TOKEN": "x"})
	if !strings.Contains(errs, "ARM_CLIENT_SECRET") || !strings.Contains(errs, "ARM_USE_OIDC") {
		t.Fatalf("want a conflict naming both variables, got %q", errs)
	}
}

func TestMissingSettingsNameArgumentAndVariable(t *testing.T) {
	_, errs := resolveWith(t, nullModel(), nil)
	if !strings.Contains(errs, "client_secret (ARM_CLIENT_SECRET)") || !strings.Contains(errs, "use_oidc (ARM_USE_OIDC)") {
		t.Fatalf("no-credential error must list arguments with variables: %q", errs)
	}
	_, errs = resolveWith(t, nullModel(), map[string]string{"ARM_CLIENT_SECRET": "s"})
	if !strings.Contains(errs, "tenant_id (ARM_TENANT_ID)") || !strings.Contains(errs, "client_id (ARM_CLIENT_ID)") {
		t.Fatalf("missing tenant and client must be named with variables: %q", errs)
	}
	_, errs = resolveWith(t, nullModel(), map[string]string{"ARM_TENANT_ID": tid, "ARM_CLIENT_ID": cid, "ARM_USE_OIDC": "true"})
	if !strings.Contains(errs, "oidc_token (ARM_OIDC_TOKEN)") {
		t.Fatalf("OIDC without a token must say which settings supply one: %q", errs)
	}
	_, errs = resolveWith(t, nullModel(), map[string]string{"ARM_USE_MSI": "maybe"})
	if !strings.Contains(errs, "ARM_USE_MSI") {
		t.Fatalf("a bad boolean must name its variable: %q", errs)
	}
}

func TestGitHubActionsVariablesAreTheOIDCFallback(t *testing.T) {
	out, errs := resolveWith(t, nullModel(), map[string]string{"ARM_TENANT_ID": tid, "ARM_CLIENT_ID": cid, "ARM_USE_OIDC": "true",
		"ACTIONS_ID_TOKEN_REQUEST_URL": "https://token.actions.example/x?api-version=2.0", "ACTIONS_ID_TOKEN_REQUEST_TOKEN": "rt"})
	if errs != "" {
		t.Fatal(errs)
	}
	if out.auth.Method != auth.OIDC || out.auth.OIDCRequestURL == "" || out.auth.OIDCRequestToken != "rt" {
		t.Fatalf("%+v", out.auth)
	}
}

func TestEndpointsAndEnvironments(t *testing.T) {
	base := map[string]string{"ARM_TENANT_ID": tid, "ARM_CLIENT_ID": cid, "ARM_CLIENT_SECRET": "s"}

	vars := map[string]string{"ARM_ENVIRONMENT": "usgovernment"}
	for k, v := range base {
		vars[k] = v
	}
	out, errs := resolveWith(t, nullModel(), vars)
	if errs != "" || out.endpoints[clouds.Graph] != "https://graph.microsoft.us" || out.audiences[clouds.Graph] != "https://graph.microsoft.us" {
		t.Fatalf("GCC High: %v %v", errs, out.endpoints)
	}

	vars = map[string]string{"ARM_ENVIRONMENT": "mars"}
	for k, v := range base {
		vars[k] = v
	}
	if _, errs = resolveWith(t, nullModel(), vars); !strings.Contains(errs, "usgovernment") {
		t.Fatalf("unknown environment must list the allowed ones: %q", errs)
	}

	vars = map[string]string{"TEAMSHIPAA_TEAMS_ENDPOINT": "http://teams.example.com", "TEAMSHIPAA_LOGIN_ENDPOINT": "https://127.0.0.1:8443/"}
	for k, v := range base {
		vars[k] = v
	}
	out, errs = resolveWith(t, nullModel(), vars)
	if !strings.Contains(errs, "TEAMSHIPAA_TEAMS_ENDPOINT") {
		t.Fatalf("plain HTTP to a remote host must be refused, naming the variable: %q", errs)
	}
	if out.endpoints[clouds.Login] != "https://127.0.0.1:8443" || !out.auth.CustomLogin {
		t.Fatalf("a login override (trailing slash trimmed) turns instance discovery off: %q %v", out.endpoints[clouds.Login], out.auth.CustomLogin)
	}

	m := nullModel()
	m.Endpoints = &endpointsModel{Login: types.StringNull(), Graph: types.StringNull(), Compliance: types.StringNull(), Exchange: types.StringNull(),
		Teams: types.StringValue("http://127.0.0.1:9000/teams")}
	vars = map[string]string{"TEAMSHIPAA_TEAMS_ENDPOINT": "https://ignored.example.com"}
	for k, v := range base {
		vars[k] = v
	}
	out, errs = resolveWith(t, m, vars)
	if errs != "" || out.endpoints[clouds.Teams] != "http://127.0.0.1:9000/teams" {
		t.Fatalf("the endpoints block wins and plain HTTP is fine on loopback: %v %v", errs, out.endpoints)
	}
}

func TestBaselineChecksDefaultEnvironmentAndValidation(t *testing.T) {
	creds := map[string]string{"ARM_TENANT_ID": tid, "ARM_CLIENT_ID": cid, "ARM_CLIENT_SECRET": "s"}
	with := func(extra map[string]string) map[string]string {
		m := map[string]string{}
		for k, v := range creds {
			m[k] = v
		}
		for k, v := range extra {
			m[k] = v
		}
		return m
	}
	if out, errs := resolveWith(t, nullModel(), creds); errs != "" || out.checks != conns.ChecksWarn {
		t.Fatalf("default: %q %s", out.checks, errs)
	}
	if out, errs := resolveWith(t, nullModel(), with(map[string]string{"TEAMSHIPAA_BASELINE_CHECKS": "error"})); errs != "" || out.checks != conns.ChecksError {
		t.Fatalf("environment: %q %s", out.checks, errs)
	}
	m := nullModel()
	m.BaselineChecks = types.StringValue("off")
	if out, errs := resolveWith(t, m, with(map[string]string{"TEAMSHIPAA_BASELINE_CHECKS": "error"})); errs != "" || out.checks != conns.ChecksOff {
		t.Fatalf("the block wins: %q %s", out.checks, errs)
	}
	if out, errs := resolveWith(t, nullModel(), with(map[string]string{"TEAMSHIPAA_BASELINE_CHECKS": "error_new"})); errs != "" || out.checks != conns.ChecksErrorNew {
		t.Fatalf("error_new from the environment: %q %s", out.checks, errs)
	}
	_, errs := resolveWith(t, nullModel(), with(map[string]string{"TEAMSHIPAA_BASELINE_CHECKS": "loud"}))
	if !strings.Contains(errs, `baseline_checks (TEAMSHIPAA_BASELINE_CHECKS) is "loud"; allowed values are warn, error_new, error, off.`) {
		t.Fatalf("an invalid environment value: %s", errs)
	}
}
