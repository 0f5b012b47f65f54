package snapshot

import (
	"sync"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/baseline"
)

// All runs independent reads (of types, platforms or services) at once and
// returns their objects in the order of reads, so that a snapshot's order
// does not depend on which answer came first.
func All(reads ...func() []baseline.Object) []baseline.Object {
	parts := make([][]baseline.Object, len(reads))
	var wg sync.WaitGroup
	for i, read := range reads {
		wg.Add(1)
		go func() {
			defer wg.Done()
			parts[i] = read()
		}()
	}
	wg.Wait()
	var out []baseline.Object
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}
