package tenantsim

import (
	"crypto/rsa"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"net/http"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// The login surface answers what azidentity/MSAL call for a confidential
// client with instance discovery disabled: the tenant's OpenID
// configuration, the v2.0 token endpoint (client_credentials with a secret
// or a certificate assertion) and the JWKS.

const assertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"

// knownAudiences maps a scope's resource to the token audience.
var knownAudiences = map[string]string{
	strings.ToLower(audGraph):      audGraph,
	strings.ToLower(audTeams):      audTeams,
	strings.ToLower(audCompliance): audCompliance,
	strings.ToLower(audExchange):   audExchange,
}

func (s *Simulator) serveLogin(w http.ResponseWriter, r *http.Request, ids requestIDs) {
	parts := strings.Split(strings.TrimPrefix(r.URL.Path, "/"), "/")
	if len(parts) < 2 {
		writeAADError(w, ids, 404, "invalid_request", 900561, "The endpoint is not served by this login simulator.")
		return
	}
	tenant, route := parts[0], strings.Join(parts[1:], "/")
	switch route {
	case "v2.0/.well-known/openid-configuration", "oauth2/v2.0/token", "discovery/v2.0/keys":
	default:
		writeAADError(w, ids, 404, "invalid_request", 900561, "The endpoint is not served by this login simulator.")
		return
	}
	if !strings.EqualFold(tenant, s.tenantID) {
		code := "invalid_request"
		if route != "oauth2/v2.0/token" {
			code = "invalid_tenant"
		}
		writeAADError(w, ids, 400, code, 90002, "Tenant '"+tenant+"' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.")
		return
	}
	switch route {
	case "v2.0/.well-known/openid-configuration":
		writeJSON(w, 200, s.openIDConfiguration())
	case "discovery/v2.0/keys":
		writeJSON(w, 200, s.signer.jwks(s.url+"/"+s.tenantID+"/v2.0"))
	default:
		s.serveToken(w, r, ids)
	}
}

func (s *Simulator) tokenEndpoint() string { return s.url + "/" + s.tenantID + "/oauth2/v2.0/token" }

// openIDConfiguration mirrors login.microsoftonline.com's document, with the
// simulator's own base (MSAL requires the issuer host to match the authority).
func (s *Simulator) openIDConfiguration() map[string]any {
	base := s.url + "/" + s.tenantID
	return map[string]any{
		"token_endpoint":                        base + "/oauth2/v2.0/token",
		"token_endpoint_auth_methods_supported": []string{"client_secret_post", "private_key_jwt", "client_secret_basic"},
		"jwks_uri":                              base + "/discovery/v2.0/keys",
		"response_modes_supported":              []string{"query", "fragment", "form_post"},
		"subject_types_supported":               []string{"pairwise"},
		"id_token_signing_alg_values_supported": []string{"RS256"},
		"response_types_supported":              []string{"code", "id_token", "code id_token", "id_token token"},
		"scopes_supported":                      []string{"openid", "profile", "email", "offline_access"},
		"issuer":                                base + "/v2.0",
		"request_uri_parameter_supported":       false,
		"userinfo_endpoint":                     s.url + "/graph/oidc/userinfo",
		"authorization_endpoint":                base + "/oauth2/v2.0/authorize",
		"device_authorization_endpoint":         base + "/oauth2/v2.0/devicecode",
		"http_logout_supported":                 true,
		"frontchannel_logout_supported":         true,
		"end_session_endpoint":                  base + "/oauth2/v2.0/logout",
		"claims_supported":                      []string{"sub", "iss", "cloud_instance_name", "cloud_instance_host_name", "cloud_graph_host_name", "msgraph_host", "aud", "exp", "iat", "auth_time", "acr", "nonce", "preferred_username", "name", "tid", "ver", "at_hash", "c_hash", "email"},
		"kerberos_endpoint":                     base + "/kerberos",
		"tenant_region_scope":                   "NA",
		"cloud_instance_name":                   "microsoftonline.com",
		"cloud_graph_host_name":                 "graph.windows.net",
		"msgraph_host":                          "graph.microsoft.com",
		"rbac_url":                              "https://pas.windows.net",
	}
}

// tokenError is an AAD error answer.
type tokenError struct {
	status int
	code   string
	aadsts int
	desc   string
}

func (s *Simulator) serveToken(w http.ResponseWriter, r *http.Request, ids requestIDs) {
	tok, terr := s.token(r)
	if terr != nil {
		writeAADError(w, ids, terr.status, terr.code, terr.aadsts, terr.desc)
		return
	}
	w.Header().Set("Cache-Control", "no-store, no-cache")
	w.Header().Set("Pragma", "no-cache")
	writeJSON(w, 200, map[string]any{
		"token_type":     "Bearer",
		"expires_in":     int(tokenLifetime / time.Second),
		"ext_expires_in": int(tokenLifetime / time.Second),
		"access_token":   tok,
	})
}

func (s *Simulator) token(r *http.Request) (string, *tokenError) {
	if r.Method != http.MethodPost {
		return "", &tokenError{400, "invalid_request", 900561, "The endpoint only accepts POST requests. Received a " + r.Method + " request."}
	}
	r.Body = http.MaxBytesReader(nil, r.Body, 1<<20)
	if err := r.ParseForm(); err != nil {
		return "", &tokenError{400, "invalid_request", 900144, "The request body must be application/x-www-form-urlencoded."}
	}
	f := r.PostForm
	if gt := f.Get("grant_type"); gt != "client_credentials" {
		if gt == "" {
			return "", &tokenError{400, "invalid_request", 900144, "The request body must contain the following parameter: 'grant_type'."}
		}
		return "", &tokenError{400, "unsupported_grant_type", 70003, "The app requested an unsupported grant type '" + gt + "'."}
	}
	clientID, secret := f.Get("client_id"), f.Get("client_secret")
	if u, p, ok := r.BasicAuth(); ok { // client_secret_basic
		clientID, secret = u, p
	}
	if clientID == "" {
		return "", &tokenError{400, "invalid_request", 900144, "The request body must contain the following parameter: 'client_id'."}
	}
	app := s.appByClientID(clientID)
	if app == nil {
		return "", &tokenError{400, "unauthorized_client", 700016, "Application with identifier '" + clientID + "' was not found in the directory '" + s.tenantID + "'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant."}
	}
	acr := "1"
	switch {
	case f.Get("client_assertion") != "":
		if f.Get("client_assertion_type") != assertionType {
			return "", &tokenError{400, "invalid_request", 700023, "The client_assertion_type must be '" + assertionType + "'."}
		}
		if terr := s.checkAssertion(app, f.Get("client_assertion")); terr != nil {
			return "", terr
		}
		acr = "2"
	case secret != "":
		if subtle.ConstantTimeCompare([]byte(secret), []byte(app.Secret)) != 1 {
			return "", &tokenError{401, "invalid_client", 7000215, "Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '" + app.ClientID + "'."}
		}
	default:
		return "", &tokenError{401, "invalid_client", 7000216, "'client_assertion', 'client_secret' or 'request' is required for the 'client_credentials' grant type."}
	}
	aud, terr := s.audienceFromScope(f.Get("scope"))
	if terr != nil {
		return "", terr
	}
	tok, err := s.signer.issue(s.tenantID, app, aud, acr, time.Now())
	if err != nil {
		return "", &tokenError{500, "server_error", 0, "could not sign the token: " + err.Error()}
	}
	return tok, nil
}

func (s *Simulator) appByClientID(id string) *registration {
	for _, a := range []*registration{s.full, s.limited} {
		if strings.EqualFold(a.ClientID, id) {
			return a
		}
	}
	return nil
}

// audienceFromScope takes "<resource>/.default", ignoring the OIDC scopes MSAL adds.
func (s *Simulator) audienceFromScope(scope string) (string, *tokenError) {
	if strings.TrimSpace(scope) == "" {
		return "", &tokenError{400, "invalid_request", 900144, "The request body must contain the following parameter: 'scope'."}
	}
	var resources []string
	for _, sc := range strings.Fields(scope) {
		switch strings.ToLower(sc) {
		case "openid", "offline_access", "profile", "email":
			continue
		}
		if !strings.HasSuffix(strings.ToLower(sc), "/.default") {
			return "", &tokenError{400, "invalid_scope", 1002012, "The provided value for scope " + sc + " is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI)."}
		}
		resources = append(resources, strings.TrimSuffix(sc[:len(sc)-len("/.default")], "/"))
	}
	if len(resources) != 1 {
		return "", &tokenError{400, "invalid_scope", 70011, "The provided request must include a 'scope' input parameter naming exactly one resource with /.default."}
	}
	aud, ok := knownAudiences[strings.ToLower(resources[0])]
	if !ok {
		return "", &tokenError{400, "invalid_resource", 500011, "The resource principal named " + resources[0] + " was not found in the tenant named " + s.tenantID + ". This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant."}
	}
	return aud, nil
}

// checkAssertion verifies a certificate client assertion as AAD does:
// signed (RS256 or PS256) by the app's registered certificate, aud = the
// token endpoint, iss = sub = client id, within its validity.
func (s *Simulator) checkAssertion(app *registration, raw string) *tokenError {
	badClient := func(code int, desc string) *tokenError { return &tokenError{401, "invalid_client", code, desc} }
	if app.cert == nil {
		return badClient(700027, "The certificate with identifier used to sign the client assertion is not registered on application. [Reason - The key was not found.]")
	}
	var claims jwt.RegisteredClaims
	tok, err := jwt.ParseWithClaims(raw, &claims, func(t *jwt.Token) (any, error) {
		if err := s.checkThumbprint(app, t.Header); err != nil {
			return nil, err
		}
		pub, ok := app.cert.PublicKey.(*rsa.PublicKey)
		if !ok {
			return nil, errors.New("registered certificate is not RSA")
		}
		return pub, nil
	},
		jwt.WithValidMethods([]string{"RS256", "PS256"}),
		jwt.WithExpirationRequired(),
		jwt.WithLeeway(5*time.Minute),
	)
	switch {
	case errors.Is(err, errUnknownThumbprint):
		return badClient(700027, "The certificate with identifier used to sign the client assertion is not registered on application. [Reason - The key was not found.]")
	case errors.Is(err, jwt.ErrTokenExpired), errors.Is(err, jwt.ErrTokenNotValidYet):
		return badClient(700024, "Client assertion is not within its valid time range.")
	case errors.Is(err, jwt.ErrTokenSignatureInvalid):
		return badClient(7000274, "Key was found, but use of the key to verify the signature failed.")
	case err != nil || !tok.Valid:
		return &tokenError{400, "invalid_request", 50027, "JWT token is invalid or malformed: " + errString(err)}
	}
	if !strings.EqualFold(claims.Issuer, app.ClientID) || !strings.EqualFold(claims.Subject, app.ClientID) {
		return badClient(700021, "Client assertion application identifier doesn't match 'client_id' parameter.")
	}
	audOK := false
	for _, a := range claims.Audience {
		if strings.EqualFold(strings.TrimSuffix(a, "/"), s.tokenEndpoint()) {
			audOK = true
		}
	}
	if !audOK {
		return badClient(700212, "Client assertion audience claim does not match the token endpoint '"+s.tokenEndpoint()+"'.")
	}
	return nil
}

var errUnknownThumbprint = errors.New("assertion names a certificate that is not registered")

// checkThumbprint compares x5t#S256 / x5t, when sent, with the registered certificate.
func (s *Simulator) checkThumbprint(app *registration, header map[string]any) error {
	s1, s256 := app.thumbprints()
	for name, want := range map[string][]byte{"x5t#S256": s256, "x5t": s1} {
		v, ok := header[name].(string)
		if !ok {
			continue
		}
		got, err := decodeB64Any(v)
		if err != nil || subtle.ConstantTimeCompare(got, want) != 1 {
			return errUnknownThumbprint
		}
	}
	return nil
}

// decodeB64Any accepts the standard and URL base64 alphabets (MSAL uses standard).
func decodeB64Any(v string) ([]byte, error) {
	for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.RawStdEncoding, base64.URLEncoding, base64.RawURLEncoding} {
		if b, err := enc.DecodeString(v); err == nil {
			return b, nil
		}
	}
	return nil, errors.New("not base64")
}

func errString(err error) string {
	if err == nil {
		return "invalid token"
	}
	return err.Error()
}
