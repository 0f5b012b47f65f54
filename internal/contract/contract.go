// Package contract is how each API client declares the calls it makes: one
// Operation per call, with the evidence for its wire shape. The clients
// refuse to send a request that matches no declared operation (or carries a
// body field the operation does not declare), so the declarations cannot
// drift from the code; docs/guides/wire-contracts.md is generated from them
// (internal/contract/gen). No Terraform imports.
package contract

import (
	"fmt"
	"net/url"
	"slices"
	"strings"
)

// Evidence is how well a contract is established.
type Evidence string

const (
	// Documented: Microsoft documents this call or shape.
	Documented Evidence = "documented by Microsoft"
	// Observed: Microsoft documents only the cmdlet; public clients (named in
	// Source) make this call.
	Observed Evidence = "observed in public clients"
	// Assumed: nothing public shows it; the client tolerates other readings.
	Assumed Evidence = "assumed"
)

// Operation is one call a client makes.
type Operation struct {
	Service string // "Teams admin API", "Microsoft Graph v1.0", "Security & Compliance", "Exchange Online"
	Name    string // what the call does, e.g. "Create a policy instance"
	Method  string // HTTP method
	// Path is relative to the service's base URL, with {placeholders} for
	// single path segments: /Skype.Policy/configurations/{Type}.
	Path string
	// Cmdlet is the cmdlet an InvokeCommand call runs (CmdletInput.CmdletName).
	Cmdlet string
	// Body lists the body fields (for a cmdlet, its parameters) the client
	// may send; a request with another one is refused unless OpenBody says
	// which others may come.
	Body []string
	// OpenBody describes body fields that come from a table elsewhere (e.g.
	// the Teams parameter tables); "" means Body is the whole list.
	OpenBody string
	Evidence Evidence
	Source   string // where the evidence is: a Microsoft page, or public clients by repository and path
	Note     string // counter-evidence, tolerance, what is not settled
}

// Matches reports whether a request's method and path (relative to the
// service base, escaped or not, without query) is this operation's.
func (o *Operation) Matches(method, path string) bool {
	if !strings.EqualFold(o.Method, method) {
		return false
	}
	want := strings.Split(strings.Trim(o.Path, "/"), "/")
	got := strings.Split(strings.Trim(path, "/"), "/")
	if len(want) != len(got) {
		return false
	}
	for i, w := range want {
		g := got[i]
		if u, err := url.PathUnescape(g); err == nil {
			g = u
		}
		if strings.HasPrefix(w, "{") && strings.HasSuffix(w, "}") {
			if g == "" {
				return false
			}
			continue
		}
		if !strings.EqualFold(w, g) {
			return false
		}
	}
	return true
}

// CheckBody returns an error naming the first body field the operation does
// not declare.
func (o *Operation) CheckBody(fields []string) error {
	if o.OpenBody != "" {
		return nil
	}
	for _, f := range fields {
		if !slices.ContainsFunc(o.Body, func(b string) bool { return strings.EqualFold(b, f) }) {
			return fmt.Errorf("%s: %s sends %q, which its declared contract (%s) does not list; declare it with its evidence in the client's contract.go",
				o.Service, o.label(), f, strings.Join(o.Body, ", "))
		}
	}
	return nil
}

func (o *Operation) label() string {
	if o.Cmdlet != "" {
		return o.Cmdlet
	}
	return o.Method + " " + o.Path
}

// Table is a client's declared operations.
type Table []*Operation

// Find returns the operation a request is, or an error saying the call is
// undeclared.
func (t Table) Find(service, method, path string) (*Operation, error) {
	if i := strings.IndexByte(path, '?'); i >= 0 {
		path = path[:i]
	}
	for _, o := range t {
		if o.Cmdlet == "" && o.Matches(method, path) {
			return o, nil
		}
	}
	return nil, fmt.Errorf("%s: %s %s is not a declared operation; declare it with its evidence in the client's contract.go", service, method, path)
}

// Cmdlet returns the declared cmdlet, or an error saying it is undeclared.
func (t Table) Cmdlet(name string) (*Operation, error) {
	for _, o := range t {
		if o.Cmdlet != "" && strings.EqualFold(o.Cmdlet, name) {
			return o, nil
		}
	}
	return nil, fmt.Errorf("cmdlet %s is not a declared operation; declare it with its parameters and evidence in the client's contract.go", name)
}
