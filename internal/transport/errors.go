package transport

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
)

// maxPlainMessage caps a message taken from a body that is not a known JSON shape.
const maxPlainMessage = 1000

// APIError is a non-2xx answer from any Microsoft surface. Build it with NewAPIError.
type APIError struct {
	Service    string // e.g. "Teams admin API", "Microsoft Graph"; printed first when set
	Method     string
	URL        string // sensitive query values redacted
	StatusCode int
	Code       string // the service's error code (Graph/Teams code, AAD "error")
	Message    string // the service's own message (for InvokeCommand: the cmdlet's)
	RequestID  string // from the response headers, else from the body
	TypeName   string // InvokeCommand: the .NET exception type of the cmdlet error, if given
	Body       []byte // the raw body; never printed
}

// Error reads like
// `Teams admin API: PUT https://host/...: 400 Bad Request: InvalidParameter: <message> (request id 1234)`;
// empty parts are left out.
func (e *APIError) Error() string {
	var b strings.Builder
	if e.Service != "" {
		b.WriteString(e.Service + ": ")
	}
	if mu := strings.TrimSpace(e.Method + " " + e.URL); mu != "" {
		b.WriteString(mu + ": ")
	}
	b.WriteString(strings.TrimSpace(fmt.Sprintf("%d %s", e.StatusCode, http.StatusText(e.StatusCode))))
	if e.Code != "" && e.Code != e.Message {
		b.WriteString(": " + e.Code)
	}
	if e.Message != "" {
		b.WriteString(": " + e.Message)
	}
	if e.RequestID != "" {
		b.WriteString(" (request id " + e.RequestID + ")")
	}
	return b.String()
}

// NewAPIError builds the error for resp, whose body the caller has read into
// body. It finds the service's own code, message and request id in any of the
// Microsoft shapes:
//   - Graph: {"error":{"code","message","innerError":{"request-id",...}}}
//   - Teams ConfigAPI: {"error":{"code","message"}} or {"Message":...}
//   - S&C / Exchange InvokeCommand: {"error":{"code","message","details":[{"code","message"}]}}
//     where details[].message is JSON {"Message","TypeName"}: the cmdlet's real error
//   - AAD token endpoint: {"error":"invalid_client","error_description":"AADSTS..."}
//   - anything else: the body as text, trimmed and capped at 1000 characters.
func NewAPIError(service string, resp *http.Response, body []byte) *APIError {
	e := &APIError{Service: service, Body: body}
	if resp == nil {
		e.Message = plainMessage(body)
		return e
	}
	e.StatusCode = resp.StatusCode
	if resp.Request != nil {
		e.Method = resp.Request.Method
		e.URL = RedactURL(resp.Request.URL)
	}
	e.RequestID = RequestID(resp.Header)
	if !parseJSONError(e, body) {
		e.Message = plainMessage(body)
	}
	e.Message = Redact(e.Message)
	return e
}

// IsNotFound reports whether err holds an *APIError with status 404.
func IsNotFound(err error) bool { return StatusCode(err) == http.StatusNotFound }

// StatusCode returns the HTTP status held by err (an *APIError or a
// *MaybeCommittedError anywhere in its chain), or 0.
func StatusCode(err error) int {
	var ae *APIError
	if errors.As(err, &ae) {
		return ae.StatusCode
	}
	var mc *MaybeCommittedError
	if errors.As(err, &mc) {
		return mc.StatusCode
	}
	return 0
}

// wireError covers the top level of every JSON error shape. encoding/json
// matches names case-insensitively, so "message" also reads Teams' "Message".
type wireError struct {
	Error            json.RawMessage `json:"error"`
	ErrorDescription string          `json:"error_description"` // AAD
	TraceID          string          `json:"trace_id"`          // AAD
	CorrelationID    string          `json:"correlation_id"`    // AAD
	Code             string          `json:"code"`
	Message          string          `json:"message"`
	ExceptionMessage string          `json:"ExceptionMessage"` // ASP.NET detail
}

// wireErrorObject is the OData-style {"error":{...}} object.
type wireErrorObject struct {
	Code       string `json:"code"`
	Message    string `json:"message"`
	Details    []struct{ Code, Message string }
	InnerError *struct {
		RequestID       string `json:"request-id"`
		ClientRequestID string `json:"client-request-id"`
	} `json:"innerError"`
}

// cmdletError is the JSON inside an InvokeCommand details[].message.
type cmdletError struct {
	Message  string `json:"Message"`
	TypeName string `json:"TypeName"`
}

// parseJSONError fills e from a known JSON error body and reports whether it did.
func parseJSONError(e *APIError, body []byte) bool {
	body = bytes.TrimSpace(bytes.TrimPrefix(body, []byte("\xef\xbb\xbf")))
	if len(body) == 0 || body[0] != '{' {
		return false
	}
	var w wireError
	if json.Unmarshal(body, &w) != nil {
		return false
	}
	raw := bytes.TrimSpace(w.Error)
	switch {
	case len(raw) > 0 && raw[0] == '{':
		var o wireErrorObject
		if json.Unmarshal(raw, &o) != nil {
			return false
		}
		e.Code, e.Message = o.Code, cleanMessage(o.Message)
		if o.InnerError != nil && e.RequestID == "" {
			e.RequestID = cmp.Or(o.InnerError.RequestID, o.InnerError.ClientRequestID)
		}
		if msg, typeName := detailsMessage(o.Details); msg != "" {
			e.Message, e.TypeName = msg, typeName
		}
		return e.Code != "" || e.Message != ""
	case len(raw) > 0 && raw[0] == '"':
		var code string
		if json.Unmarshal(raw, &code) != nil {
			return false
		}
		e.Code, e.Message = code, cleanMessage(w.ErrorDescription)
		if e.RequestID == "" {
			e.RequestID = cmp.Or(w.TraceID, w.CorrelationID)
		}
		return e.Code != "" || e.Message != ""
	case w.Message != "" || w.Code != "":
		e.Code, e.Message = w.Code, cleanMessage(w.Message)
		if x := cleanMessage(w.ExceptionMessage); x != "" && x != e.Message {
			e.Message = strings.TrimSpace(e.Message + " " + x)
		}
		return true
	}
	return false
}

// detailsMessage joins the messages of InvokeCommand-style details. A detail
// message that is itself JSON {"Message","TypeName"} gives its inner Message.
func detailsMessage(details []struct{ Code, Message string }) (msg, typeName string) {
	var msgs []string
	seen := map[string]bool{}
	for _, d := range details {
		m := strings.TrimSpace(d.Message)
		if strings.HasPrefix(m, "{") {
			var c cmdletError
			if json.Unmarshal([]byte(m), &c) == nil && c.Message != "" {
				m = c.Message
				if typeName == "" {
					typeName = c.TypeName
				}
			}
		}
		m = cleanMessage(m)
		if m != "" && !seen[m] {
			seen[m] = true
			msgs = append(msgs, m)
		}
	}
	return strings.Join(msgs, "; "), typeName
}

// cleanMessage trims s and turns CRLF (AAD uses it) into LF.
func cleanMessage(s string) string {
	return strings.TrimSpace(strings.ReplaceAll(s, "\r\n", "\n"))
}

// plainMessage is a non-JSON (or unknown JSON) body as text: trimmed, at most
// maxPlainMessage characters.
func plainMessage(body []byte) string {
	s := cleanMessage(string(bytes.TrimPrefix(body, []byte("\xef\xbb\xbf"))))
	if r := []rune(s); len(r) > maxPlainMessage {
		s = string(r[:maxPlainMessage-3]) + "..."
	}
	return s
}

// Found adapts a getter whose absence is an HTTP 404 to the
// (obj, found, err) shape that poll.ReadBack and poll.Gone wait on.
func Found[T any](get func(context.Context) (T, error)) func(context.Context) (T, bool, error) {
	return func(ctx context.Context) (T, bool, error) {
		obj, err := get(ctx)
		if IsNotFound(err) {
			var zero T
			return zero, false, nil
		}
		return obj, err == nil, err
	}
}
