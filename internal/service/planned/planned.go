// Package planned remembers, for one terraform command, the objects its plan
// creates or keeps, so a dependent resource can tell at plan time a parent
// that will exist from one that never will. Terraform plans a resource after
// the resources it references, in the same provider process, configured once:
// the configured client identifies the command.
package planned

import (
	"strings"
	"sync"
)

type set struct {
	mu    sync.Mutex
	names map[string]bool
}

var byClient sync.Map // configured client -> *set

func key(kind, name string) string { return kind + "/" + strings.ToLower(name) }

// Note records that the plan of the command configured as client keeps or
// creates the object of kind named name (compared ignoring case).
func Note(client any, kind, name string) {
	v, _ := byClient.LoadOrStore(client, &set{names: map[string]bool{}})
	s, ok := v.(*set)
	if !ok {
		return
	}
	s.mu.Lock()
	s.names[key(kind, name)] = true
	s.mu.Unlock()
}

// Has reports whether Note recorded it.
func Has(client any, kind, name string) bool {
	v, ok := byClient.Load(client)
	if !ok {
		return false
	}
	s, ok := v.(*set)
	if !ok {
		return false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.names[key(kind, name)]
}
