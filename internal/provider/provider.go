// Package provider is the teamshipaa Terraform provider: its configuration,
// and the list of resources and data sources it serves.
package provider

import (
	"context"
	"os"
	"slices"
	"sync/atomic"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/auth"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/clients/adminapi"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/clients/configapi"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/clients/graph"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/clouds"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/conns"
	baselinesvc "github.com/teamshipaa/terraform-provider-teamshipaa/internal/service/baseline"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/service/entra"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/service/intune"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/service/purview"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/service/teams"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/transport"
)

var _ provider.Provider = (*teamshipaaProvider)(nil)

type teamshipaaProvider struct {
	version string
	getenv  func(string) string // os.Getenv; tests substitute

	// configured is the client Configure gave the resources, for the
	// protocol server's no-change plans (internal/protoserver).
	configured atomic.Pointer[conns.Client]
}

// New returns the provider factory for a release version.
func New(version string) func() provider.Provider {
	return func() provider.Provider { return newProvider(version) }
}

func newProvider(version string) *teamshipaaProvider {
	return &teamshipaaProvider{version: version, getenv: os.Getenv}
}

func (p *teamshipaaProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "teamshipaa"
	resp.Version = p.version
}

func (p *teamshipaaProvider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	str := func(desc string, sensitive bool) schema.StringAttribute {
		return schema.StringAttribute{Optional: true, Sensitive: sensitive, MarkdownDescription: desc}
	}
	endpoint := func(what string) schema.StringAttribute {
		return schema.StringAttribute{Optional: true, MarkdownDescription: "Base URL (scheme, host, optional path prefix) of " + what +
			". Plain HTTP is refused unless the host is loopback."}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Plans and applies a HIPAA-baseline configuration of Microsoft Teams and the Microsoft 365 controls around it. " +
			"Every argument can also come from the environment variable named in its description; a value in the provider block wins.",
		Attributes: map[string]schema.Attribute{
			"tenant_id":                   str("Microsoft Entra tenant ID. Environment: `ARM_TENANT_ID`.", false),
			"client_id":                   str("Application (client) ID of the app registration, or of a user-assigned managed identity. Environment: `ARM_CLIENT_ID`.", false),
			"client_secret":               str("Client secret of the app registration. Environment: `ARM_CLIENT_SECRET`.", true),
			"client_certificate":          str("Base64-encoded PKCS#12 (.pfx) client certificate. Environment: `ARM_CLIENT_CERTIFICATE`.", true),
			"client_certificate_path":     str("Path to a PKCS#12 (.pfx) or PEM client certificate. Environment: `ARM_CLIENT_CERTIFICATE_PATH`.", false),
			"client_certificate_password": str("Password of the client certificate. Environment: `ARM_CLIENT_CERTIFICATE_PASSWORD`.", true),
			"use_oidc": schema.BoolAttribute{Optional: true, MarkdownDescription: "Authenticate with an OIDC token (workload identity federation). " +
				"Environment: `ARM_USE_OIDC`."},
			"oidc_token":           str("The OIDC ID token. Environment: `ARM_OIDC_TOKEN`.", true),
			"oidc_token_file_path": str("Path to a file holding the OIDC ID token. Environment: `ARM_OIDC_TOKEN_FILE_PATH`.", false),
			"oidc_request_url": str("URL to request an OIDC token from (GitHub Actions). Environment: `ARM_OIDC_REQUEST_URL`, "+
				"then `ACTIONS_ID_TOKEN_REQUEST_URL`.", false),
			"oidc_request_token": str("Bearer token for `oidc_request_url`. Environment: `ARM_OIDC_REQUEST_TOKEN`, then `ACTIONS_ID_TOKEN_REQUEST_TOKEN`.", true),
			"use_msi":            schema.BoolAttribute{Optional: true, MarkdownDescription: "Authenticate with a managed identity. Environment: `ARM_USE_MSI`."},
			"use_cli":            schema.BoolAttribute{Optional: true, MarkdownDescription: "Authenticate as the Azure CLI's signed-in account. Environment: `ARM_USE_CLI`."},
			"environment": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "Microsoft cloud: `public` (commercial and GCC, the default), `usgovernment` (GCC High) or `dod`. " +
					"Environment: `ARM_ENVIRONMENT`.",
				Validators: []validator.String{stringvalidator.OneOf(clouds.Names()...)},
			},
			"baseline_checks": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "What a plan does when a planned value of a managed resource departs from the HIPAA baseline catalog " +
					"(see the `teamshipaa_baseline` data source): `warn` (the default) adds a warning naming the control, the planned and " +
					"recommended values, the crosswalk and the HIPAA citation, and whether the plan introduces the deviation (`new`: a new object, " +
					"or a value that complied before) or it was already there (`standing`); `error_new` fails the plan on a new `shall` deviation " +
					"and warns on standing ones (for a tenant with inherited deviations); `error` fails the plan on every `shall` deviation, new " +
					"or standing (a `should` control still warns in both); `off` checks nothing. An attribute a new object leaves unset is judged " +
					"by the value the service gives it (Microsoft's documented default; an adopted `Global` policy or singleton: its current " +
					"value). A resource's `baseline_exceptions` switches a check off for it, with a written reason. " +
					"Environment: `TEAMSHIPAA_BASELINE_CHECKS`.",
				Validators: []validator.String{stringvalidator.OneOf(conns.BaselineChecksValues...)},
			},
		},
		Blocks: map[string]schema.Block{
			"endpoints": schema.SingleNestedBlock{
				MarkdownDescription: "Overrides of each service's base URL, for sovereign clouds not listed in `environment` and for the " +
					"tenant simulator. Each is also read from `TEAMSHIPAA_<SERVICE>_ENDPOINT` (for example `TEAMSHIPAA_TEAMS_ENDPOINT`).",
				Attributes: map[string]schema.Attribute{
					"login":      endpoint("the Microsoft Entra login service; the provider appends `/{tenant}/oauth2/v2.0/token`"),
					"graph":      endpoint("Microsoft Graph; the provider appends `/v1.0/...`"),
					"teams":      endpoint("the Teams admin API; the provider appends `/Skype.Policy/...`"),
					"compliance": endpoint("the Security & Compliance admin API; the provider appends `/adminapi/...`"),
					"exchange":   endpoint("the Exchange Online admin API; the provider appends `/adminapi/...`"),
				},
			},
		},
	}
}

func (p *teamshipaaProvider) Configure(ctx context.Context, req provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	var m providerModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	r := &resolver{getenv: p.getenv}
	cfg := r.resolve(m)
	resp.Diagnostics.Append(r.diags...)
	if resp.Diagnostics.HasError() {
		return
	}

	// Requests are paced per tenant, surface and reads/writes, shared by every
	// configuration in this process (Graph throttles conditional access writes per tenant).
	surfaces := make([]string, 0, len(cfg.endpoints))
	for _, base := range cfg.endpoints {
		surfaces = append(surfaces, base)
	}
	httpClient := transport.New(transport.Options{
		UserAgent: "terraform-provider-teamshipaa/" + p.version,
		Secrets:   cfg.secrets,
		Pacer:     transport.SharedPacer(),
		Tenant:    cfg.auth.TenantID,
		Surfaces:  surfaces,
		Logger: func(ctx context.Context, msg string, fields map[string]any) {
			tflog.Debug(ctx, msg, fields)
		},
	})
	cfg.auth.HTTPClient = httpClient
	cred, err := auth.NewCredential(cfg.auth)
	if err != nil {
		resp.Diagnostics.AddError("Cannot build the credential", err.Error())
		return
	}
	tokens := auth.NewTokens(cred, transport.WithRetryablePost)
	tokenFor := func(s clouds.Surface) func(context.Context) (string, error) {
		aud := cfg.audiences[s]
		return func(ctx context.Context) (string, error) { return tokens.Token(ctx, aud) }
	}

	client := &conns.Client{
		ConfigAPI:  configapi.New(httpClient, cfg.endpoints[clouds.Teams], tokenFor(clouds.Teams)).WithTenantID(cfg.auth.TenantID),
		Compliance: adminapi.New(httpClient, cfg.endpoints[clouds.Compliance], cfg.auth.TenantID, tokenFor(clouds.Compliance), "").WithService(adminapi.ComplianceService),
		Exchange:   adminapi.New(httpClient, cfg.endpoints[clouds.Exchange], cfg.auth.TenantID, tokenFor(clouds.Exchange), "").WithService(adminapi.ExchangeService),
		Graph:      graph.New(httpClient, cfg.endpoints[clouds.Graph], tokenFor(clouds.Graph)),

		BaselineChecks: cfg.checks,
		Cloud:          cfg.cloud,
		TenantID:       cfg.auth.TenantID, ProviderVersion: p.version,
	}
	resp.ResourceData = client
	resp.DataSourceData = client
	p.configured.Store(client)
}

// resourceData is what Configure gave the resources (nil before it ran).
func (p *teamshipaaProvider) resourceData() any {
	if c := p.configured.Load(); c != nil {
		return c
	}
	return nil
}

func (p *teamshipaaProvider) Resources(context.Context) []func() resource.Resource {
	return slices.Concat(teams.Resources(), entra.Resources(), purview.Resources(), intune.Resources())
}

func (p *teamshipaaProvider) DataSources(context.Context) []func() datasource.DataSource {
	return slices.Concat(teams.DataSources(), entra.DataSources(), purview.DataSources(), intune.DataSources(), baselinesvc.DataSources())
}
