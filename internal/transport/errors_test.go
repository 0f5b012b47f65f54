package transport

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
)

func response(t *testing.T, method, url string, status int, hdr map[string]string) *http.Response {
	t.Helper()
	req, err := http.NewRequest(method, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	h := http.Header{}
	for k, v := range hdr {
		h.Set(k, v)
	}
	return &http.Response{StatusCode: status, Header: h, Request: req}
}

// Graph: the example error body, verbatim, from microsoftgraph/microsoft-graph-docs-contrib:
// concepts/errors.md ("The following is an example of a full JSON error body").
const graphErrorsMDExample = `{
  "error": {
    "code": "invalidRange",
    "message": "Uploaded fragment overlaps with existing data.",
    "innerError": {
      "request-id": "request-id",
      "date": "date-time"
    }
  }
}`

// Graph: the 429 sample response, verbatim, from microsoftgraph/microsoft-graph-docs-contrib:
// concepts/throttling.md ("Sample response").
const graphThrottlingMDExample = `{
  "error": {
    "code": "TooManyRequests",
    "innerError": {
      "code": "429",
      "date": "2020-08-18T12:51:51",
      "message": "Please retry after",
      "request-id": "94fb3b52-452a-4535-a601-69e0a90e3aa2",
      "status": "429"
    },
    "message": "Please retry again later."
  }
}`

// AAD token endpoint: the sample error response, verbatim, from Microsoft Learn
// "Microsoft Entra authentication and authorization error codes"
// (https://learn.microsoft.com/entra/identity-platform/reference-error-codes).
const aadReferenceErrorCodesExample = `{
  "error": "invalid_scope",
  "error_description": "AADSTS70011: The provided value for the input parameter 'scope' isn't valid. The scope https://example.contoso.com/activity.read isn't valid.\r\nTrace ID: 0000aaaa-11bb-cccc-dd22-eeeeee333333\r\nCorrelation ID: aaaa0000-bb11-2222-33cc-444444dddddd\r\nTimestamp: 2016-01-09 02:02:12Z",
  "error_codes": [
    70011
  ],
  "timestamp": "2016-01-09 02:02:12Z",
  "trace_id": "0000aaaa-11bb-cccc-dd22-eeeeee333333",
  "correlation_id": "aaaa0000-bb11-2222-33cc-444444dddddd",
  "error_uri":"https://login.microsoftonline.com/error?code=70011"
}`

// AAD token endpoint: the invalid_request example, verbatim, from Microsoft Learn
// "Token Issuance Endpoint Errors" (https://learn.microsoft.com/previous-versions/azure/dn645548(v=azure.100)).
const aadTokenIssuanceExample = `{"error":"invalid_request","error_description":"AADSTS90011: Request is ambiguous, multiple application identifiers found. Application identifiers: '197451ec-ade4-40e4-b403-02105abd9049, 597451ec-ade4-40e4-b403-02105abd9049'.\r\nTrace ID: 4457d068-2a03-42b2-97f2-d55325289d86\r\nCorrelation ID: 6b3474d8-233e-463f-b0a3-86433d8ba889\r\nTimestamp: 2013-12-31 06:31:41Z","error_codes":[90011],"timestamp":"2013-12-31 06:31:41Z","trace_id":"4457d068-2a03-42b2-97f2-d55325289d86","correlation_id":"6b3474d8-233e-463f-b0a3-86433d8ba889"}`

// S&C / Exchange InvokeCommand: Microsoft publishes no example. Shape as recorded
// by a public client (terraprovider/go-exoscc: adminapi/invoke_test.go, "a real 400
// body"): the envelope message is
// generic, details[].message is a JSON string {"Message","TypeName",...} holding the
// cmdlet's error. Message text and object names here are illustrative.
const invokeCommandExample = `{"error":{"code":"BadRequest","message":"Error executing cmdlet","details":[{"code":"Context","target":"","message":"{\"Message\":\"A compliance policy named 'HIPAA PHI' already exists.\",\"TypeName\":\"Microsoft.Exchange.Data.Directory.ADObjectAlreadyExistsException\",\"StackTrace\":null,\"InnerError\":null}"}],"innererror":{"message":"Error executing cmdlet","type":"ODataServiceException"}}}`

// Teams ConfigAPI: Microsoft documents the cmdlets, not the REST errors. Shapes as
// observed by public clients (terraprovider/go-teams: teamsapi/invoke.go parses
// {"error":{"code","message"}} and a top-level {"Message"}: observed, not a
// documented contract). Message texts are illustrative.
const (
	teamsErrorObjectExample = `{"error":{"code":"InvalidParameter","message":"Cannot bind parameter 'AutoAdmittedUsers'. Allowed values: EveryoneInCompany, EveryoneInSameAndFederatedCompany, Everyone, OrganizerOnly, EveryoneInCompanyExcludingGuests, InvitedUsers."}}`
	teamsMessageExample     = `{"Message":"Authorization has been denied for this request."}`
)

func TestNewAPIErrorShapes(t *testing.T) {
	for _, tc := range []struct {
		name, service, method, url string
		status                     int
		hdr                        map[string]string
		body                       string
		code, msg, rid, typeName   string
	}{
		{
			name: "graph errors.md, request id from the body", service: "Microsoft Graph",
			method: "PUT", url: "https://graph.microsoft.com/v1.0/me/drive/items/1/content", status: 416,
			body: graphErrorsMDExample, code: "invalidRange", msg: "Uploaded fragment overlaps with existing data.", rid: "request-id",
		},
		{
			name: "graph throttling.md, header request id wins", service: "Microsoft Graph",
			method: "GET", url: "https://graph.microsoft.com/v1.0/identity/conditionalAccess/policies", status: 429,
			hdr:  map[string]string{"request-id": "hdr-0001", "client-request-id": "client-0002"},
			body: graphThrottlingMDExample, code: "TooManyRequests", msg: "Please retry again later.", rid: "hdr-0001",
		},
		{
			name: "graph throttling.md, no header", service: "Microsoft Graph",
			method: "GET", url: "https://graph.microsoft.com/v1.0/identity/conditionalAccess/policies", status: 429,
			body: graphThrottlingMDExample, code: "TooManyRequests", msg: "Please retry again later.", rid: "94fb3b52-452a-4535-a601-69e0a90e3aa2",
		},
		{
			name: "teams error object", service: "Teams admin API",
			method: "PUT", url: "https://api.interfaces.records.teams.microsoft.com/Skype.Policy/configurations/TeamsMeetingPolicy/configuration/Global", status: 400,
			hdr:  map[string]string{"X-Ms-Correlation-Id": "corr-1234"},
			body: teamsErrorObjectExample, code: "InvalidParameter", rid: "corr-1234",
			msg: "Cannot bind parameter 'AutoAdmittedUsers'. Allowed values: EveryoneInCompany, EveryoneInSameAndFederatedCompany, Everyone, OrganizerOnly, EveryoneInCompanyExcludingGuests, InvitedUsers.",
		},
		{
			name: "teams Message", service: "Teams admin API",
			method: "GET", url: "https://api.interfaces.records.teams.microsoft.com/Teams.Tenant/serviceDiscovery", status: 401,
			body: teamsMessageExample, msg: "Authorization has been denied for this request.",
		},
		{
			name: "invokecommand details", service: "Security & Compliance",
			method: "POST", url: "https://ps.compliance.protection.outlook.com/adminapi/beta/tid/InvokeCommand", status: 400,
			hdr:  map[string]string{"x-ms-request-id": "xms-42"},
			body: invokeCommandExample, code: "BadRequest", msg: "A compliance policy named 'HIPAA PHI' already exists.", rid: "xms-42",
			typeName: "Microsoft.Exchange.Data.Directory.ADObjectAlreadyExistsException",
		},
		{
			name: "invokecommand without details", service: "Exchange Online",
			method: "POST", url: "https://outlook.office365.com/adminapi/beta/tid/InvokeCommand", status: 400,
			body: `{"error":{"code":"BadRequest","message":"Error executing cmdlet"}}`, code: "BadRequest", msg: "Error executing cmdlet",
		},
		{
			name: "aad reference-error-codes", service: "Microsoft Entra ID",
			method: "POST", url: "https://login.microsoftonline.com/tid/oauth2/v2.0/token", status: 400,
			body: aadReferenceErrorCodesExample, code: "invalid_scope", rid: "0000aaaa-11bb-cccc-dd22-eeeeee333333",
			msg: "AADSTS70011: The provided value for the input parameter 'scope' isn't valid. The scope https://example.contoso.com/activity.read isn't valid.\nTrace ID: 0000aaaa-11bb-cccc-dd22-eeeeee333333\nCorrelation ID: aaaa0000-bb11-2222-33cc-444444dddddd\nTimestamp: 2016-01-09 02:02:12Z",
		},
		{
			name: "aad token issuance, header request id", service: "Microsoft Entra ID",
			method: "POST", url: "https://login.microsoftonline.com/tid/oauth2/v2.0/token", status: 400,
			hdr:  map[string]string{"x-ms-request-id": "4457d068-2a03-42b2-97f2-d55325289d86"},
			body: aadTokenIssuanceExample, code: "invalid_request", rid: "4457d068-2a03-42b2-97f2-d55325289d86",
			msg: "AADSTS90011: Request is ambiguous, multiple application identifiers found. Application identifiers: '197451ec-ade4-40e4-b403-02105abd9049, 597451ec-ade4-40e4-b403-02105abd9049'.\nTrace ID: 4457d068-2a03-42b2-97f2-d55325289d86\nCorrelation ID: 6b3474d8-233e-463f-b0a3-86433d8ba889\nTimestamp: 2013-12-31 06:31:41Z",
		},
		{
			name: "plain text", service: "Teams admin API", method: "GET", url: "https://h/x", status: 502,
			body: "\n  <html><body>Bad Gateway</body></html>  \n", msg: "<html><body>Bad Gateway</body></html>",
		},
		{
			name: "unknown JSON is text", method: "GET", url: "https://h/x", status: 500,
			body: `{"odd":true}`, msg: `{"odd":true}`,
		},
		{name: "empty body", method: "DELETE", url: "https://h/x", status: 404},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := NewAPIError(tc.service, response(t, tc.method, tc.url, tc.status, tc.hdr), []byte(tc.body))
			if e.Service != tc.service || e.Method != tc.method || e.URL != tc.url || e.StatusCode != tc.status {
				t.Errorf("service/method/url/status = %q %q %q %d", e.Service, e.Method, e.URL, e.StatusCode)
			}
			if e.Code != tc.code || e.Message != tc.msg || e.RequestID != tc.rid || e.TypeName != tc.typeName {
				t.Errorf("got code %q message %q request id %q type %q\nwant code %q message %q request id %q type %q",
					e.Code, e.Message, e.RequestID, e.TypeName, tc.code, tc.msg, tc.rid, tc.typeName)
			}
			if string(e.Body) != tc.body {
				t.Error("Body not kept")
			}
			if tc.body != "" && strings.Contains(tc.body, "InnerError") && strings.Contains(e.Error(), "StackTrace") {
				t.Errorf("Error() shows the raw envelope: %s", e.Error())
			}
		})
	}
}

func TestAPIErrorText(t *testing.T) {
	e := NewAPIError("Teams admin API",
		response(t, "PUT", "https://api.interfaces.records.teams.microsoft.com/Skype.Policy/configurations/TeamsMeetingPolicy/configuration/Global", 400,
			map[string]string{"X-Ms-Correlation-Id": "1234-abcd"}),
		[]byte(`{"error":{"code":"InvalidParameter","message":"Unknown parameter 'AllowFoo'."}}`))
	want := "Teams admin API: PUT https://api.interfaces.records.teams.microsoft.com/Skype.Policy/configurations/TeamsMeetingPolicy/configuration/Global: " +
		"400 Bad Request: InvalidParameter: Unknown parameter 'AllowFoo'. (request id 1234-abcd)"
	if e.Error() != want {
		t.Errorf("Error() =\n%s\nwant\n%s", e.Error(), want)
	}

	e = NewAPIError("", response(t, "GET", "https://h/x", 503, nil), nil)
	if e.Error() != "GET https://h/x: 503 Service Unavailable" {
		t.Errorf("Error() = %q", e.Error())
	}
	if e := (&APIError{StatusCode: 599}); e.Error() != "599" {
		t.Errorf("Error() = %q", e.Error())
	}
}

func TestAPIErrorNeverPrintsBodyOrSecrets(t *testing.T) {
	body := `{"error":{"code":"Unauthorized","message":"token ` + testJWT + ` rejected"},"secretField":"do-not-print"}`
	e := NewAPIError("Microsoft Graph", response(t, "GET", "https://graph.microsoft.com/v1.0/x?access_token=opaque123&$top=5", 401, nil), []byte(body))
	s := e.Error()
	for _, bad := range []string{testJWT, "opaque123", "do-not-print"} {
		if strings.Contains(s, bad) {
			t.Errorf("Error() contains %q: %s", bad, s)
		}
	}
	if !strings.Contains(s, "access_token=[REDACTED]&$top=5") || !strings.Contains(s, "token [REDACTED] rejected") {
		t.Errorf("Error() = %s", s)
	}
}

func TestPlainTextCapped(t *testing.T) {
	long := strings.Repeat("é", 5000)
	e := NewAPIError("", response(t, "GET", "https://h/x", 500, nil), []byte(long))
	if n := len([]rune(e.Message)); n != 1000 || !strings.HasSuffix(e.Message, "...") {
		t.Errorf("message has %d characters, want 1000 ending in ...", n)
	}
}

func TestIsNotFoundAndStatusCode(t *testing.T) {
	nf := NewAPIError("Teams admin API", response(t, "GET", "https://h/x", 404, nil), []byte(`{"error":{"code":"NotFound","message":"gone"}}`))
	wrapped := fmt.Errorf("reading policy: %w", nf)
	if !IsNotFound(nf) || !IsNotFound(wrapped) || StatusCode(wrapped) != 404 {
		t.Error("404 not recognised")
	}
	bad := NewAPIError("", response(t, "GET", "https://h/x", 400, nil), nil)
	if IsNotFound(bad) || StatusCode(bad) != 400 {
		t.Error("400 misread")
	}
	if IsNotFound(errors.New("x")) || StatusCode(errors.New("x")) != 0 || StatusCode(nil) != 0 {
		t.Error("plain errors misread")
	}
	mc := fmt.Errorf("create: %w", &MaybeCommittedError{Method: "POST", URL: "https://h/x", Err: errors.New("EOF")})
	if StatusCode(mc) != 0 || !errors.Is(mc, ErrMaybeCommitted) {
		t.Error("MaybeCommittedError without response misread")
	}
	if !strings.Contains(mc.Error(), "POST https://h/x: EOF") {
		t.Errorf("text %q", mc.Error())
	}
}

func TestFoundMapsA404ToAbsent(t *testing.T) {
	notFound := &APIError{StatusCode: http.StatusNotFound, Message: "gone"}
	other := &APIError{StatusCode: http.StatusForbidden, Message: "no"}
	for _, tc := range []struct {
		err       error
		found     bool
		wantError bool
	}{{nil, true, false}, {notFound, false, false}, {other, false, true}} {
		v, found, err := Found(func(context.Context) (int, error) { return 7, tc.err })(context.Background())
		if found != tc.found || (err != nil) != tc.wantError || (found && v != 7) {
			t.Errorf("err %v: got %d, %v, %v", tc.err, v, found, err)
		}
	}
}
