package tenantsim

import (
	"sort"
	"sync"
)

// RequestCount is how many requests one surface, method and path received.
// Path is within the surface and without the query.
type RequestCount struct {
	Surface string `json:"surface"`
	Method  string `json:"method"`
	Path    string `json:"path"`
	Count   int    `json:"count"`
}

// Stats counts the requests made to the surfaces (not to /_sim/).
type Stats struct {
	Requests []RequestCount `json:"requests"`
	Total    int            `json:"total"`
}

// Count returns the count for one surface, method and path (0 if none).
func (st Stats) Count(surface, method, path string) int {
	for _, r := range st.Requests {
		if r.Surface == surface && r.Method == method && r.Path == path {
			return r.Count
		}
	}
	return 0
}

type statsKey struct{ surface, method, path string }

type statsCounter struct {
	mu     sync.Mutex
	counts map[statsKey]int
}

func newStatsCounter() *statsCounter { return &statsCounter{counts: map[statsKey]int{}} }

func (c *statsCounter) add(surface, method, path string) {
	c.mu.Lock()
	c.counts[statsKey{surface, method, path}]++
	c.mu.Unlock()
}

func (c *statsCounter) snapshot() Stats {
	c.mu.Lock()
	defer c.mu.Unlock()
	st := Stats{Requests: make([]RequestCount, 0, len(c.counts))}
	for k, n := range c.counts {
		st.Requests = append(st.Requests, RequestCount{Surface: k.surface, Method: k.method, Path: k.path, Count: n})
		st.Total += n
	}
	sort.Slice(st.Requests, func(i, j int) bool {
		a, b := st.Requests[i], st.Requests[j]
		if a.Surface != b.Surface {
			return a.Surface < b.Surface
		}
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		return a.Method < b.Method
	})
	return st
}

func (c *statsCounter) reset() {
	c.mu.Lock()
	c.counts = map[statsKey]int{}
	c.mu.Unlock()
}

// Stats returns the request counts since start or the last ResetStats.
func (s *Simulator) Stats() Stats { return s.stats.snapshot() }

// ResetStats zeroes the counts.
func (s *Simulator) ResetStats() { s.stats.reset() }
