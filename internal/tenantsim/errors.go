package tenantsim

import (
	"encoding/json"
	"fmt"
	"net/http"
	"time"
)

// Surfaces (first path segment of the simulator; login is at the root).
const (
	surfaceLogin      = "login"
	surfaceGraph      = "graph"
	surfaceTeams      = "teams"
	surfaceCompliance = "compliance"
	surfaceExchange   = "exchange"
)

// requestIDs carries the ids of one request, set on every response.
type requestIDs struct {
	requestID       string
	clientRequestID string
}

// setRequestIDs gives every response a fresh request id under the names the
// services use (Graph request-id, ConfigAPI X-Ms-Correlation-Id, AAD
// x-ms-request-id), echoing client-request-id when the client sent one.
func setRequestIDs(w http.ResponseWriter, r *http.Request) requestIDs {
	ids := requestIDs{requestID: newGUID(), clientRequestID: r.Header.Get("client-request-id")}
	if ids.clientRequestID == "" {
		ids.clientRequestID = ids.requestID
	}
	h := w.Header()
	h.Set("request-id", ids.requestID)
	h.Set("X-Ms-Correlation-Id", ids.requestID)
	h.Set("x-ms-request-id", ids.requestID)
	h.Set("client-request-id", ids.clientRequestID)
	return ids
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	if v != nil {
		_ = json.NewEncoder(w).Encode(v)
	}
}

// writeSurfaceError answers in the error shape of the surface.
func writeSurfaceError(w http.ResponseWriter, ids requestIDs, surface string, status int, code, message string) {
	switch surface {
	case surfaceLogin:
		writeAADError(w, ids, status, code, 0, message)
	case surfaceGraph:
		writeJSON(w, status, map[string]any{"error": map[string]any{
			"code": code, "message": message,
			"innerError": map[string]any{
				"date":              time.Now().UTC().Format("2006-01-02T15:04:05"),
				"request-id":        ids.requestID,
				"client-request-id": ids.clientRequestID,
			},
		}})
	default: // teams, compliance, exchange
		writeJSON(w, status, map[string]any{"error": map[string]any{"code": code, "message": message}})
	}
}

// writeAADError answers like login.microsoftonline.com.
func writeAADError(w http.ResponseWriter, ids requestIDs, status int, errCode string, aadsts int, desc string) {
	now := time.Now().UTC()
	ts := now.Format("2006-01-02 15:04:05Z")
	full := desc
	codes := []int{}
	if aadsts != 0 {
		full = fmt.Sprintf("AADSTS%d: %s", aadsts, desc)
		codes = append(codes, aadsts)
	}
	full += fmt.Sprintf(" Trace ID: %s Correlation ID: %s Timestamp: %s", ids.requestID, ids.clientRequestID, now.Format("2006-01-02 15:04:05Z"))
	w.Header().Set("Cache-Control", "no-store, no-cache")
	w.Header().Set("Pragma", "no-cache")
	writeJSON(w, status, map[string]any{
		"error":             errCode,
		"error_description": full,
		"error_codes":       codes,
		"timestamp":         ts,
		"trace_id":          ids.requestID,
		"correlation_id":    ids.clientRequestID,
	})
}

// statusCode names a status for the services' code fields.
func statusCode(status int) string {
	switch status {
	case 400:
		return "BadRequest"
	case 401:
		return "Unauthorized"
	case 403:
		return "Forbidden"
	case 404:
		return "NotFound"
	case 409:
		return "Conflict"
	case 429:
		return "TooManyRequests"
	case 500:
		return "InternalServerError"
	case 502:
		return "BadGateway"
	case 503:
		return "ServiceUnavailable"
	case 504:
		return "GatewayTimeout"
	}
	return http.StatusText(status)
}
