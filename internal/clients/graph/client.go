// Package graph is the provider's Microsoft Graph v1.0 client: conditional
// access policies, named locations, authentication strengths and directory
// role templates. It drives msgraph-sdk-go's typed request builders on a Kiota
// request adapter whose HTTP client is the provider's shared transport
// (internal/transport), and it hands the provider plain Go values instead of
// the SDK's models.
//
// It builds the few request builders it uses directly from their packages
// (builders.go) instead of through GraphServiceClient, whose methods keep
// every request builder of Graph in the binary. Reads of a collection are
// served from one list request per operation (cache.go).
//
// Retries happen in exactly one layer: the shared transport (429/503/504 with
// backoff and Retry-After, safe for writes). The Kiota middleware pipeline is
// built here from an explicit list that leaves Kiota's RetryHandler (and its
// redirect and compression handlers) out, so one throttled request is sent
// 1+N times, not (1+N)*(1+M).
//
// Only v1.0 is used: a conditional access policy written through beta can be
// locked into beta (azuread #937, #1629).
//
// It has no Terraform imports.
package graph

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"

	abstractions "github.com/microsoft/kiota-abstractions-go"
	"github.com/microsoft/kiota-abstractions-go/serialization"
	khttp "github.com/microsoft/kiota-http-go"
	jsonserialization "github.com/microsoft/kiota-serialization-json-go"
	msgraphsdk "github.com/microsoftgraph/msgraph-sdk-go"
	core "github.com/microsoftgraph/msgraph-sdk-go-core"
	"github.com/microsoftgraph/msgraph-sdk-go/models/odataerrors"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/clients/writes"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/transport"
)

// ServiceName prefixes every error this client returns.
const ServiceName = "Microsoft Graph"

// Application permissions (app roles) the provider's operations need; errors
// for 403 Authorization_RequestDenied name the one that is missing.
const (
	PermissionRead             = "Policy.Read.All"
	PermissionWriteCA          = "Policy.ReadWrite.ConditionalAccess"
	PermissionApplicationRead  = "Application.Read.All"
	PermissionRoleTemplateRead = "RoleManagement.Read.Directory"
)

// Client talks to Microsoft Graph v1.0 for one tenant. Safe for concurrent use.
type Client struct {
	adapter *msgraphsdk.GraphRequestAdapter
	err     error // a construction error, returned by every call

	// One list request serves the reads of a collection (cache.go).
	policyList       listCache[*ConditionalAccessPolicy]
	locationList     listCache[*NamedLocation]
	strengthList     listCache[AuthenticationStrength]
	roleTemplateList listCache[DirectoryRoleTemplate]
	organizationList listCache[Organization]
	// The last reading of each app protection policy (app_protection_reads.go).
	protectionReads writes.Readings[*AppProtectionPolicy]
}

// New returns a client for the Graph service at base (scheme, host, optional
// path prefix; the client appends /v1.0). httpClient is the shared transport
// client; token returns a bearer token for the Graph audience.
func New(httpClient *http.Client, base string, token func(context.Context) (string, error)) *Client {
	// JSON only, registered on this adapter: Graph answers these endpoints in
	// JSON, and GraphServiceClient's way (text, form and multipart factories
	// registered in Kiota's process-wide defaults) is not needed.
	parse := serialization.NewParseNodeFactoryRegistry()
	parse.ContentTypeAssociatedFactories["application/json"] = jsonserialization.NewJsonParseNodeFactory()
	write := serialization.NewSerializationWriterFactoryRegistry()
	write.ContentTypeAssociatedFactories["application/json"] = jsonserialization.NewJsonSerializationWriterFactory()
	adapter, err := msgraphsdk.NewGraphRequestAdapterWithParseNodeFactoryAndSerializationWriterFactoryAndHttpClient(
		&tokenAuth{token: token}, parse, write, kiotaHTTPClient(httpClient))
	if err != nil {
		return &Client{err: fmt.Errorf("%s: building the request adapter: %w", ServiceName, err)}
	}
	adapter.SetBaseUrl(strings.TrimRight(base, "/") + "/v1.0")
	// As GraphServiceClient does: the models' backing store tracks which
	// values a request sets.
	adapter.EnableBackingStore(nil)
	return &Client{adapter: adapter, protectionReads: writes.Readings[*AppProtectionPolicy]{Clone: (*AppProtectionPolicy).clone}}
}

// Middleware is the Kiota pipeline the client runs in front of the shared
// transport: Graph's telemetry header (SdkVersion, client-request-id) and
// Kiota's query-parameter-name decoding. Deliberately absent: RetryHandler
// (the shared transport retries), RedirectHandler (Graph's CA APIs do not
// redirect) and CompressionHandler (request bodies stay plain JSON).
func Middleware() []khttp.Middleware {
	opts := msgraphsdk.GetDefaultClientOptions()
	return []khttp.Middleware{
		core.NewGraphTelemetryHandler(&opts),
		khttp.NewParametersNameDecodingHandler(),
	}
}

// kiotaHTTPClient wraps the shared transport client's round tripper in the
// Kiota pipeline. Kiota gives request bodies no GetBody, which the shared
// transport needs to replay a throttled POST or PATCH: replayable adds it.
func kiotaHTTPClient(shared *http.Client) *http.Client {
	base := shared.Transport
	if base == nil {
		base = http.DefaultTransport
	}
	return &http.Client{
		Transport: khttp.NewCustomTransportWithParentTransport(replayable{declared{writes.RoundTripper{Base: base}}}, Middleware()...),
		CheckRedirect: func(*http.Request, []*http.Request) error {
			return http.ErrUseLastResponse
		},
		Jar:     shared.Jar,
		Timeout: shared.Timeout, // 0: deadlines come from request contexts
	}
}

// replayable buffers a request body that cannot be read twice and sets GetBody.
type replayable struct{ next http.RoundTripper }

func (r replayable) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.Body != nil && req.Body != http.NoBody && req.GetBody == nil {
		b, err := io.ReadAll(req.Body)
		_ = req.Body.Close()
		if err != nil {
			return nil, err
		}
		req = req.Clone(req.Context())
		req.Body = io.NopCloser(bytes.NewReader(b))
		req.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(b)), nil }
		req.ContentLength = int64(len(b))
	}
	return r.next.RoundTrip(req)
}

// tokenAuth is a Kiota AuthenticationProvider that puts the bearer token from
// a func(ctx) on each request.
type tokenAuth struct {
	token func(context.Context) (string, error)
}

func (a *tokenAuth) AuthenticateRequest(ctx context.Context, req *abstractions.RequestInformation, _ map[string]any) error {
	if req == nil {
		return errors.New("request is nil")
	}
	tok, err := a.token(ctx)
	if err != nil {
		return fmt.Errorf("%s: getting a token: %w", ServiceName, err)
	}
	req.Headers.TryAdd("Authorization", "Bearer "+tok)
	return nil
}

// op describes one call for error messages.
type op struct {
	method, path string
	perm         string // the application permission this call needs
}

// wrapErr turns an SDK error into one that says what failed, with the
// service's code, message, status and request id. An *odataerrors.ODataError
// or Kiota ApiError becomes a *transport.APIError (so transport.IsNotFound and
// transport.StatusCode work); transport errors keep their chain.
func (c *Client) wrapErr(o op, err error) error {
	if err == nil {
		return nil
	}
	u := o.path
	if c.adapter != nil {
		u = c.adapter.GetBaseUrl() + o.path
	}
	ae := &transport.APIError{Service: ServiceName, Method: o.method, URL: redactedURL(u)}
	var oe *odataerrors.ODataError
	var ke abstractions.ApiErrorable
	switch {
	case errors.As(err, &oe):
		ae.StatusCode = oe.GetStatusCode()
		ae.RequestID = headerValue(oe.GetResponseHeaders(), "request-id", "client-request-id", "x-ms-request-id")
		if me := oe.GetErrorEscaped(); me != nil {
			ae.Code, ae.Message = deref(me.GetCode()), deref(me.GetMessage())
			if ie := me.GetInnerError(); ie != nil && ae.RequestID == "" {
				ae.RequestID = cmp.Or(deref(ie.GetRequestId()), deref(ie.GetClientRequestId()))
			}
		}
	case errors.As(err, &ke):
		ae.StatusCode = ke.GetStatusCode()
		ae.RequestID = headerValue(ke.GetResponseHeaders(), "request-id", "client-request-id", "x-ms-request-id")
		ae.Message = err.Error()
	default:
		return fmt.Errorf("%s: %s %s: %w", ServiceName, o.method, redactedURL(u), err)
	}
	ae.Message = transport.Redact(ae.Message)
	if ae.StatusCode == http.StatusForbidden && o.perm != "" &&
		(strings.EqualFold(ae.Code, "Authorization_RequestDenied") || ae.Code == "" || strings.EqualFold(ae.Code, "Forbidden")) {
		ae.Message = strings.TrimSpace(ae.Message + " (the app registration lacks the Microsoft Graph application permission " +
			o.perm + ", admin-consented)")
	}
	return ae
}

func redactedURL(s string) string {
	u, err := url.Parse(s)
	if err != nil {
		return s
	}
	return transport.RedactURL(u)
}

func headerValue(h *abstractions.ResponseHeaders, names ...string) string {
	if h == nil {
		return ""
	}
	for _, n := range names {
		if v := h.Get(n); len(v) > 0 && strings.TrimSpace(v[0]) != "" {
			return strings.TrimSpace(v[0])
		}
	}
	return ""
}

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}

func ptr[T any](v T) *T { return &v }
