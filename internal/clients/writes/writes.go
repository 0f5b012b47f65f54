// Package writes counts the writes this process sends to Microsoft, so that
// readings of the tenant shared within one Terraform operation (conns.Client
// Shared) are dropped by any write. It has no Terraform imports.
//
// A write is any request that is not a read: every Graph and Teams admin
// request whose method is not GET or HEAD, and every Security & Compliance or
// Exchange cmdlet that is not a Get-* or Test-* cmdlet (those travel as POST
// InvokeCommand, so their client tells). The count is per process, not per
// tenant or provider configuration: a write anywhere drops every shared
// reading, which can only make a reading fresher.
package writes

import (
	"net/http"
	"sync/atomic"
)

var epoch atomic.Uint64

// Epoch is the number of times a write began or ended in this process. A
// reading taken while Epoch did not change saw no write.
func Epoch() uint64 { return epoch.Load() }

// Begin counts a write about to be sent; call the returned function once it
// has returned (whatever the outcome: a failed write may have landed). Both
// count, so that neither a reading that overlaps the write nor one that
// starts during it is kept.
func Begin() (end func()) {
	epoch.Add(1)
	return func() { epoch.Add(1) }
}

// RoundTripper counts every request through it whose method is not GET or
// HEAD as a write (for clients whose writes are exactly those: Graph, Teams).
type RoundTripper struct{ Base http.RoundTripper }

// RoundTrip implements http.RoundTripper.
func (t RoundTripper) RoundTrip(req *http.Request) (*http.Response, error) {
	if IsRead(req.Method) {
		return t.Base.RoundTrip(req)
	}
	defer Begin()()
	return t.Base.RoundTrip(req)
}

// IsRead reports whether an HTTP method only reads.
func IsRead(method string) bool {
	return method == "" || method == http.MethodGet || method == http.MethodHead
}
