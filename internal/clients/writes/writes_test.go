package writes

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

// Reads leave the epoch alone; a write moves it before it is sent (a reading
// that overlaps it is not kept) and again after it returned.
func TestRoundTripperCountsWritesOnly(t *testing.T) {
	var during uint64
	rt := RoundTripper{Base: roundTripFunc(func(r *http.Request) (*http.Response, error) {
		during = Epoch()
		return &http.Response{StatusCode: http.StatusOK, Body: http.NoBody, Request: r}, nil
	})}
	for _, method := range []string{http.MethodGet, http.MethodHead} {
		before := Epoch()
		if _, err := rt.RoundTrip(httptest.NewRequest(method, "https://graph.example/v1.0/x", nil)); err != nil {
			t.Fatal(err)
		}
		if Epoch() != before {
			t.Errorf("%s moved the epoch from %d to %d", method, before, Epoch())
		}
	}
	for _, method := range []string{http.MethodPost, http.MethodPatch, http.MethodPut, http.MethodDelete} {
		before := Epoch()
		if _, err := rt.RoundTrip(httptest.NewRequest(method, "https://graph.example/v1.0/x", nil)); err != nil {
			t.Fatal(err)
		}
		if during == before || Epoch() == during {
			t.Errorf("%s: epoch %d before, %d while sent, %d after: want three different values", method, before, during, Epoch())
		}
	}
}
