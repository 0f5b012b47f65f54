package transport

import (
	"errors"
	"fmt"
	"io"
	"net/http"
)

// ErrMaybeCommitted is wrapped by the error returned for a POST or PATCH
// (not marked WithRetryablePost) that failed after it was sent (504, reset,
// EOF, deadline...): the service may have applied it. Read the object back
// before deciding to send it again: poll.Settle does. A 429 or 503 is not
// such a failure: the service did not act, and the transport sends it again.
var ErrMaybeCommitted = errors.New("the request may have been applied")

// MaybeCommittedError is the error behind ErrMaybeCommitted. errors.Is(err,
// ErrMaybeCommitted) holds, and errors.As finds the cause: an *APIError when the
// service answered (its Service is empty: set it if you print it), else the
// transport error.
type MaybeCommittedError struct {
	Method, URL string
	StatusCode  int    // 0 when there was no response
	RequestID   string // the service request id, when there was a response
	Err         error  // *APIError or the transport error
}

func (e *MaybeCommittedError) Error() string {
	const advice = "the request may have been applied: read it back before sending it again"
	var ae *APIError
	if errors.As(e.Err, &ae) {
		return ae.Error() + " (" + advice + ")"
	}
	return fmt.Sprintf("%s %s: %s (%s)", e.Method, e.URL, Redact(fmt.Sprint(e.Err)), advice)
}

// Unwrap returns ErrMaybeCommitted and the cause.
func (e *MaybeCommittedError) Unwrap() []error { return []error{ErrMaybeCommitted, e.Err} }

// newMaybeCommitted builds the error for a write that may have been applied,
// consuming and closing resp's body when there is a response.
func newMaybeCommitted(req *http.Request, resp *http.Response, err error) error {
	e := &MaybeCommittedError{Method: req.Method, URL: RedactURL(req.URL), Err: err}
	if resp != nil {
		body, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
		_ = resp.Body.Close()
		if resp.Request == nil {
			resp.Request = req
		}
		ae := NewAPIError("", resp, body)
		e.StatusCode, e.RequestID, e.Err = resp.StatusCode, ae.RequestID, ae
	}
	return e
}
