package writes

import "sync"

// Readings keeps the last reading of each key for as long as this process
// writes nothing: a reading recorded at an epoch is served only while Epoch
// is still that epoch, and one that a write overlapped is not recorded. The
// clients serve the assessment the objects the resources' refresh read in
// the same operation from it; read-after-write polling never uses it.
type Readings[V any] struct {
	// Clone gives the recorder and every reader their own copy (nil: values
	// are not shared mutably, e.g. encoded bytes).
	Clone func(V) V

	mu sync.Mutex
	m  map[string]reading[V]
}

type reading[V any] struct {
	epoch uint64 // Epoch when the reading began
	v     V
}

// Record keeps v under key, read while Epoch was epoch, unless a write began
// or ended since.
func (r *Readings[V]) Record(key string, epoch uint64, v V) {
	if Epoch() != epoch {
		return
	}
	v = r.clone(v)
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.m == nil {
		r.m = map[string]reading[V]{}
	}
	r.m[key] = reading[V]{epoch: epoch, v: v}
}

// Recorded returns the value recorded under key if no write has begun since
// it was read.
func (r *Readings[V]) Recorded(key string) (v V, ok bool) {
	r.mu.Lock()
	e, found := r.m[key]
	r.mu.Unlock()
	if !found || e.epoch != Epoch() {
		return v, false
	}
	return r.clone(e.v), true
}

func (r *Readings[V]) clone(v V) V {
	if r.Clone == nil {
		return v
	}
	return r.Clone(v)
}
