// Package auth builds the one azidentity credential the provider uses and
// hands out bearer tokens per audience, cached for the life of the process.
package auth

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/cloud"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/policy"
	"github.com/Azure/azure-sdk-for-go/sdk/azidentity"
)

// Method is the way the provider authenticates.
type Method string

const (
	ClientSecret      Method = "client_secret"
	ClientCertificate Method = "client_certificate"
	OIDC              Method = "oidc"
	ManagedIdentity   Method = "managed_identity"
	AzureCLI          Method = "azure_cli"
)

// Config is the resolved authentication configuration: the provider has
// already merged its arguments with the environment and chosen a Method.
type Config struct {
	Method   Method
	TenantID string
	ClientID string

	ClientSecret string

	// ClientCertificate is PKCS#12 (or PEM) bytes, with its password.
	ClientCertificate         []byte
	ClientCertificatePassword string

	// OIDC: a token, a file holding one, or a request URL and bearer token
	// (GitHub Actions) to fetch one. The first that is set is used.
	OIDCToken         string
	OIDCTokenFilePath string
	OIDCRequestURL    string
	OIDCRequestToken  string

	// LoginEndpoint is the authority host, e.g. https://login.microsoftonline.com/.
	LoginEndpoint string
	// CustomLogin is true when LoginEndpoint is not one of Microsoft's hosts,
	// which turns off MSAL's instance discovery (it would ask Microsoft).
	CustomLogin bool

	// HTTPClient is the shared transport; token requests go through it too.
	HTTPClient *http.Client
}

// NewCredential builds the azidentity credential for cfg.Method. It makes no
// network call: tokens are fetched on first use.
func NewCredential(cfg Config) (azcore.TokenCredential, error) {
	opts := azcore.ClientOptions{
		Cloud: cloud.Configuration{ActiveDirectoryAuthorityHost: withSlash(cfg.LoginEndpoint)},
		// The shared transport retries; azcore's own retry would double it.
		Retry: policy.RetryOptions{MaxRetries: -1},
	}
	if cfg.HTTPClient != nil {
		opts.Transport = cfg.HTTPClient
	}
	switch cfg.Method {
	case ClientSecret:
		return azidentity.NewClientSecretCredential(cfg.TenantID, cfg.ClientID, cfg.ClientSecret,
			&azidentity.ClientSecretCredentialOptions{ClientOptions: opts, DisableInstanceDiscovery: cfg.CustomLogin})
	case ClientCertificate:
		certs, key, err := azidentity.ParseCertificates(cfg.ClientCertificate, []byte(cfg.ClientCertificatePassword))
		if err != nil {
			return nil, fmt.Errorf("reading the client certificate: %w", err)
		}
		return azidentity.NewClientCertificateCredential(cfg.TenantID, cfg.ClientID, certs, key,
			&azidentity.ClientCertificateCredentialOptions{ClientOptions: opts, DisableInstanceDiscovery: cfg.CustomLogin})
	case OIDC:
		return azidentity.NewClientAssertionCredential(cfg.TenantID, cfg.ClientID, cfg.assertion,
			&azidentity.ClientAssertionCredentialOptions{ClientOptions: opts, DisableInstanceDiscovery: cfg.CustomLogin})
	case ManagedIdentity:
		o := &azidentity.ManagedIdentityCredentialOptions{ClientOptions: opts}
		if cfg.ClientID != "" {
			o.ID = azidentity.ClientID(cfg.ClientID)
		}
		return azidentity.NewManagedIdentityCredential(o)
	case AzureCLI:
		return azidentity.NewAzureCLICredential(&azidentity.AzureCLICredentialOptions{TenantID: cfg.TenantID})
	}
	return nil, fmt.Errorf("unknown authentication method %q", cfg.Method)
}

// assertion returns the federated token for OIDC, read fresh on each call so
// a token file rotated by the platform is picked up.
func (cfg Config) assertion(ctx context.Context) (string, error) {
	switch {
	case cfg.OIDCToken != "":
		return cfg.OIDCToken, nil
	case cfg.OIDCTokenFilePath != "":
		b, err := os.ReadFile(cfg.OIDCTokenFilePath)
		if err != nil {
			return "", fmt.Errorf("reading the OIDC token file: %w", err)
		}
		return strings.TrimSpace(string(b)), nil
	case cfg.OIDCRequestURL != "":
		return cfg.requestGitHubToken(ctx)
	}
	return "", errors.New("no OIDC token, token file or request URL is configured")
}

// requestGitHubToken asks the GitHub Actions token service for an ID token
// with the audience Entra expects for workload identity federation.
func (cfg Config) requestGitHubToken(ctx context.Context) (string, error) {
	u, err := url.Parse(cfg.OIDCRequestURL)
	if err != nil {
		return "", fmt.Errorf("oidc_request_url: %w", err)
	}
	q := u.Query()
	q.Set("audience", "api://AzureADTokenExchange")
	u.RawQuery = q.Encode()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return "", err
	}
	req.Header.Set("Authorization", "Bearer "+cfg.OIDCRequestToken)
	req.Header.Set("Accept", "application/json")
	client := cfg.HTTPClient
	if client == nil {
		client = http.DefaultClient
	}
	resp, err := client.Do(req)
	if err != nil {
		return "", fmt.Errorf("requesting the OIDC token: %w", err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if resp.StatusCode != http.StatusOK {
		return "", fmt.Errorf("requesting the OIDC token: HTTP %d", resp.StatusCode)
	}
	var out struct {
		Value string `json:"value"`
	}
	if err := json.Unmarshal(body, &out); err != nil || out.Value == "" {
		return "", errors.New("requesting the OIDC token: the answer holds no token")
	}
	return out.Value, nil
}

func withSlash(s string) string {
	if s == "" || strings.HasSuffix(s, "/") {
		return s
	}
	return s + "/"
}
