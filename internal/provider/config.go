package provider

import (
	"encoding/base64"
	"fmt"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/auth"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/clouds"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/conns"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/framework"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/transport"
)

// providerModel is the provider block.
type providerModel struct {
	TenantID                  types.String    `tfsdk:"tenant_id"`
	ClientID                  types.String    `tfsdk:"client_id"`
	ClientSecret              types.String    `tfsdk:"client_secret"`
	ClientCertificate         types.String    `tfsdk:"client_certificate"`
	ClientCertificatePath     types.String    `tfsdk:"client_certificate_path"`
	ClientCertificatePassword types.String    `tfsdk:"client_certificate_password"`
	UseOIDC                   types.Bool      `tfsdk:"use_oidc"`
	OIDCToken                 types.String    `tfsdk:"oidc_token"`
	OIDCTokenFilePath         types.String    `tfsdk:"oidc_token_file_path"`
	OIDCRequestURL            types.String    `tfsdk:"oidc_request_url"`
	OIDCRequestToken          types.String    `tfsdk:"oidc_request_token"`
	UseMSI                    types.Bool      `tfsdk:"use_msi"`
	UseCLI                    types.Bool      `tfsdk:"use_cli"`
	Environment               types.String    `tfsdk:"environment"`
	BaselineChecks            types.String    `tfsdk:"baseline_checks"`
	Endpoints                 *endpointsModel `tfsdk:"endpoints"`
}

type endpointsModel struct {
	Login      types.String `tfsdk:"login"`
	Graph      types.String `tfsdk:"graph"`
	Teams      types.String `tfsdk:"teams"`
	Compliance types.String `tfsdk:"compliance"`
	Exchange   types.String `tfsdk:"exchange"`
}

// envVars names the environment fallback of each argument, in the order
// they are tried (terraform-provider-azuread's names).
var envVars = map[string][]string{
	"tenant_id":                   {"ARM_TENANT_ID"},
	"client_id":                   {"ARM_CLIENT_ID"},
	"client_secret":               {"ARM_CLIENT_SECRET"},
	"client_certificate":          {"ARM_CLIENT_CERTIFICATE"},
	"client_certificate_path":     {"ARM_CLIENT_CERTIFICATE_PATH"},
	"client_certificate_password": {"ARM_CLIENT_CERTIFICATE_PASSWORD"},
	"use_oidc":                    {"ARM_USE_OIDC"},
	"oidc_token":                  {"ARM_OIDC_TOKEN"},
	"oidc_token_file_path":        {"ARM_OIDC_TOKEN_FILE_PATH"},
	"oidc_request_url":            {"ARM_OIDC_REQUEST_URL", "ACTIONS_ID_TOKEN_REQUEST_URL"},
	"oidc_request_token":          {"ARM_OIDC_REQUEST_TOKEN", "ACTIONS_ID_TOKEN_REQUEST_TOKEN"},
	"use_msi":                     {"ARM_USE_MSI"},
	"use_cli":                     {"ARM_USE_CLI"},
	"environment":                 {"ARM_ENVIRONMENT"},
	"baseline_checks":             {"TEAMSHIPAA_BASELINE_CHECKS"},
}

// endpointEnv names the override variable of each surface's base URL.
func endpointEnv(s clouds.Surface) string {
	return "TEAMSHIPAA_" + strings.ToUpper(string(s)) + "_ENDPOINT"
}

// setting is one argument's resolved value and where it came from.
type setting struct {
	value    string
	fromEnv  string // the variable it came from; "" when configured
	explicit bool   // set in the provider block
}

// resolved is the provider configuration after merging the block with the
// environment: what Configure needs to build clients.
type resolved struct {
	auth      auth.Config
	endpoints map[clouds.Surface]string
	audiences map[clouds.Surface]string
	secrets   []string // values the logs must never show
	checks    conns.BaselineChecks
	cloud     string // the environment's name
}

// resolver merges arguments with the environment; explicit configuration wins.
type resolver struct {
	getenv func(string) string
	diags  diag.Diagnostics
}

func (r *resolver) str(attr string, v types.String) setting {
	if !v.IsNull() && !v.IsUnknown() && v.ValueString() != "" {
		return setting{value: v.ValueString(), explicit: true}
	}
	for _, name := range envVars[attr] {
		if s := r.getenv(name); s != "" {
			return setting{value: s, fromEnv: name}
		}
	}
	return setting{}
}

func (r *resolver) boolean(attr string, v types.Bool) (bool, setting) {
	if !v.IsNull() && !v.IsUnknown() {
		return v.ValueBool(), setting{value: strconv.FormatBool(v.ValueBool()), explicit: true}
	}
	for _, name := range envVars[attr] {
		if s := r.getenv(name); s != "" {
			b, err := strconv.ParseBool(s)
			if err != nil {
				r.diags.AddAttributeError(path.Root(attr), "Invalid boolean in "+name,
					fmt.Sprintf("%s=%q is not a boolean (true or false).", name, s))
				return false, setting{}
			}
			return b, setting{value: s, fromEnv: name}
		}
	}
	return false, setting{}
}

// describe names an argument with its variables, for messages.
func describe(attr string) string {
	if vars := envVars[attr]; len(vars) > 0 {
		return fmt.Sprintf("%s (%s)", attr, strings.Join(vars, " or "))
	}
	return attr
}

// candidate is an authentication method and the argument that asks for it.
type candidate struct {
	method auth.Method
	attr   string
	set    setting
}

func (r *resolver) resolve(m providerModel) resolved {
	var out resolved
	out.checks = r.baselineChecks(m.BaselineChecks)

	env := r.str("environment", m.Environment)
	cloudName := env.value
	if cloudName == "" {
		cloudName = "public"
	}
	cloud, ok := clouds.Lookup(cloudName)
	if !ok {
		r.diags.AddAttributeError(path.Root("environment"), "Unknown environment",
			fmt.Sprintf("%s is %q; allowed values are %s.", describe("environment"), cloudName, strings.Join(clouds.Names(), ", ")))
		return out
	}

	out.cloud = cloud.Name
	out.endpoints = map[clouds.Surface]string{}
	out.audiences = cloud.Audiences
	for _, s := range clouds.Surfaces {
		u, where := cloud.Endpoints[s], ""
		if v := endpointOverride(m.Endpoints, s); v != "" {
			u, where = v, "endpoints."+string(s)
		} else if v := r.getenv(endpointEnv(s)); v != "" {
			u, where = v, endpointEnv(s)
		}
		u = strings.TrimRight(u, "/")
		if where != "" {
			if err := transport.LoopbackOrHTTPS(u); err != nil {
				r.diags.AddAttributeError(path.Root("endpoints").AtName(string(s)), "Refusing a plain-HTTP endpoint",
					fmt.Sprintf("%s: %s", where, err))
			}
		}
		out.endpoints[s] = u
	}

	tenant := r.str("tenant_id", m.TenantID)
	client := r.str("client_id", m.ClientID)
	secret := r.str("client_secret", m.ClientSecret)
	certB64 := r.str("client_certificate", m.ClientCertificate)
	certPath := r.str("client_certificate_path", m.ClientCertificatePath)
	certPass := r.str("client_certificate_password", m.ClientCertificatePassword)
	useOIDC, oidcSet := r.boolean("use_oidc", m.UseOIDC)
	useMSI, msiSet := r.boolean("use_msi", m.UseMSI)
	useCLI, cliSet := r.boolean("use_cli", m.UseCLI)
	oidcToken := r.str("oidc_token", m.OIDCToken)
	oidcFile := r.str("oidc_token_file_path", m.OIDCTokenFilePath)
	oidcURL := r.str("oidc_request_url", m.OIDCRequestURL)
	oidcReqTok := r.str("oidc_request_token", m.OIDCRequestToken)

	var cands []candidate
	add := func(on bool, method auth.Method, attr string, s setting) {
		if on {
			cands = append(cands, candidate{method, attr, s})
		}
	}
	add(secret.value != "", auth.ClientSecret, "client_secret", secret)
	add(certB64.value != "", auth.ClientCertificate, "client_certificate", certB64)
	add(certPath.value != "", auth.ClientCertificate, "client_certificate_path", certPath)
	add(useOIDC, auth.OIDC, "use_oidc", oidcSet)
	add(useMSI, auth.ManagedIdentity, "use_msi", msiSet)
	add(useCLI, auth.AzureCLI, "use_cli", cliSet)

	chosen, ok := r.pick(cands)
	if !ok {
		return out
	}

	cfg := auth.Config{
		Method:        chosen.method,
		TenantID:      tenant.value,
		ClientID:      client.value,
		LoginEndpoint: out.endpoints[clouds.Login],
		CustomLogin:   out.endpoints[clouds.Login] != strings.TrimRight(cloud.Endpoints[clouds.Login], "/"),
	}
	if tenant.value == "" {
		r.diags.AddAttributeError(path.Root("tenant_id"), "Missing tenant ID",
			"Set "+describe("tenant_id")+": every API the provider calls is tenant-scoped.")
	}
	r.checkIDs(tenant, client)
	needsClient := chosen.method == auth.ClientSecret || chosen.method == auth.ClientCertificate || chosen.method == auth.OIDC
	if needsClient && client.value == "" {
		r.diags.AddAttributeError(path.Root("client_id"), "Missing client ID",
			fmt.Sprintf("Authenticating with %s needs the application (client) ID: set %s.", describe(chosen.attr), describe("client_id")))
	}

	switch chosen.method {
	case auth.ClientSecret:
		cfg.ClientSecret = secret.value
		out.secrets = append(out.secrets, secret.value)
	case auth.ClientCertificate:
		cfg.ClientCertificatePassword = certPass.value
		if certPass.value != "" {
			out.secrets = append(out.secrets, certPass.value)
		}
		if chosen.attr == "client_certificate" {
			b, err := base64.StdEncoding.DecodeString(strings.TrimSpace(certB64.value))
			if err != nil {
				r.diags.AddAttributeError(path.Root("client_certificate"), "Invalid client certificate",
					describe("client_certificate")+" must be a base64-encoded PKCS#12 (.pfx) file: "+err.Error())
			}
			cfg.ClientCertificate = b
			out.secrets = append(out.secrets, certB64.value)
		} else {
			b, err := os.ReadFile(certPath.value)
			if err != nil {
				r.diags.AddAttributeError(path.Root("client_certificate_path"), "Cannot read the client certificate",
					fmt.Sprintf("%s: %s", describe("client_certificate_path"), err))
			}
			cfg.ClientCertificate = b
		}
	case auth.OIDC:
		cfg.OIDCToken, cfg.OIDCTokenFilePath = oidcToken.value, oidcFile.value
		cfg.OIDCRequestURL, cfg.OIDCRequestToken = oidcURL.value, oidcReqTok.value
		out.secrets = append(out.secrets, oidcToken.value, oidcReqTok.value)
		switch {
		case oidcToken.value != "", oidcFile.value != "":
		case oidcURL.value != "" && oidcReqTok.value != "":
		case oidcURL.value != "" || oidcReqTok.value != "":
			r.diags.AddAttributeError(path.Root("oidc_request_url"), "Incomplete OIDC request settings",
				fmt.Sprintf("Fetching an OIDC token needs both %s and %s.", describe("oidc_request_url"), describe("oidc_request_token")))
		default:
			r.diags.AddAttributeError(path.Root("use_oidc"), "Missing OIDC token",
				fmt.Sprintf("use_oidc needs one of %s, %s, or %s with %s.", describe("oidc_token"), describe("oidc_token_file_path"),
					describe("oidc_request_url"), describe("oidc_request_token")))
		}
	}
	out.auth = cfg
	return out
}

var (
	// A tenant may also be named by a verified domain (azidentity's tenant
	// IDs: letters, digits, '-' and '.').
	tenantDomainRE = regexp.MustCompile(`^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$`)
)

// checkIDs refuses, at configure time, a tenant or client ID that cannot be
// one: sign-in would otherwise fail with the login service's raw
// AADSTS answer. The message names the argument and where its value came from.
func (r *resolver) checkIDs(tenant, client setting) {
	if v := tenant.value; v != "" && !framework.GUID.MatchString(v) && !tenantDomainRE.MatchString(v) {
		r.diags.AddAttributeError(path.Root("tenant_id"), "Invalid tenant ID",
			fmt.Sprintf("%s is %q, which is neither a directory (tenant) ID, a GUID such as 00000000-0000-0000-0000-000000000000, "+
				"nor a verified domain such as contoso.onmicrosoft.com. Copy the Directory (tenant) ID from the app registration's Overview page.",
				where("tenant_id", tenant), v))
	}
	if v := client.value; v != "" && !framework.GUID.MatchString(v) {
		r.diags.AddAttributeError(path.Root("client_id"), "Invalid client ID",
			fmt.Sprintf("%s is %q, which is not an application (client) ID: that is a GUID such as 00000000-0000-0000-0000-000000000000. "+
				"Copy the Application (client) ID from the app registration's Overview page (not its object ID or its name).",
				where("client_id", client), v))
	}
}

// where names the argument, or the variable its value came from.
func where(attr string, s setting) string {
	if s.fromEnv != "" {
		return s.fromEnv + " (for " + attr + ")"
	}
	return attr
}

// baselineChecks resolves baseline_checks; the schema validates a configured
// value, the environment's is checked here.
func (r *resolver) baselineChecks(v types.String) conns.BaselineChecks {
	s := r.str("baseline_checks", v)
	if s.value == "" {
		return conns.ChecksWarn
	}
	if !slices.Contains(conns.BaselineChecksValues, s.value) {
		r.diags.AddAttributeError(path.Root("baseline_checks"), "Invalid baseline_checks",
			fmt.Sprintf("%s is %q; allowed values are %s.", describe("baseline_checks"), s.value, strings.Join(conns.BaselineChecksValues, ", ")))
		return conns.ChecksWarn
	}
	return conns.BaselineChecks(s.value)
}

// pick chooses one authentication method. Methods set in the provider block
// win over those from the environment; two in the same layer conflict.
func (r *resolver) pick(cands []candidate) (candidate, bool) {
	for _, explicit := range []bool{true, false} {
		var layer []candidate
		for _, c := range cands {
			if c.set.explicit == explicit {
				layer = append(layer, c)
			}
		}
		switch {
		case len(layer) == 1:
			return layer[0], true
		case len(layer) > 1:
			names := make([]string, len(layer))
			for i, c := range layer {
				names[i] = c.attr
				if c.set.fromEnv != "" {
					names[i] = c.set.fromEnv
				}
			}
			where := "the provider block"
			if !explicit {
				where = "the environment"
			}
			r.diags.AddAttributeError(path.Root(layer[0].attr), "Conflicting authentication settings",
				fmt.Sprintf("%s sets more than one way to authenticate: %s. Keep exactly one.", where, strings.Join(names, ", ")))
			return candidate{}, false
		}
	}
	r.diags.AddError("No credentials configured",
		"Set one way to authenticate: "+strings.Join([]string{
			describe("client_secret"), describe("client_certificate_path"), describe("client_certificate"),
			describe("use_oidc"), describe("use_msi"), describe("use_cli"),
		}, "; ")+".")
	return candidate{}, false
}

func endpointOverride(e *endpointsModel, s clouds.Surface) string {
	if e == nil {
		return ""
	}
	var v types.String
	switch s {
	case clouds.Login:
		v = e.Login
	case clouds.Graph:
		v = e.Graph
	case clouds.Teams:
		v = e.Teams
	case clouds.Compliance:
		v = e.Compliance
	case clouds.Exchange:
		v = e.Exchange
	}
	if v.IsNull() || v.IsUnknown() {
		return ""
	}
	return v.ValueString()
}
