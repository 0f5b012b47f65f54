package tenantsim

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// store holds every object of the tenant, grouped in named collections
// ("teams/TeamsMeetingPolicy", later "graph/conditionalAccessPolicies"...).
// Object ids compare case-insensitively, as the services do. With a path,
// the whole tenant is rewritten as JSON after each write.
type store struct {
	mu       sync.Mutex
	path     string
	tenantID string
	colls    map[string][]*object
	stale    map[string]*staleView
	now      func() time.Time
}

type object struct {
	ID   string         `json:"id"`
	Data map[string]any `json:"data"`
}

// staleView is what lagging readers see of one object after a write:
// the version before it (nil = absent) until reads run out or until passes.
type staleView struct {
	prev  map[string]any
	reads int // remaining stale reads; -1 = any number until `until`
	until time.Time
}

// lagSpec says how long reads lag behind one write.
type lagSpec struct {
	reads int
	dur   time.Duration
}

type stateFile struct {
	TenantID    string               `json:"tenant_id"`
	Collections map[string][]*object `json:"collections"`
}

const stateFileName = "state.json"

func newStore(dir, tenantID string) (*store, error) {
	s := &store{tenantID: tenantID, colls: map[string][]*object{}, stale: map[string]*staleView{}, now: time.Now}
	if dir == "" {
		return s, nil
	}
	s.path = filepath.Join(dir, stateFileName)
	b, err := os.ReadFile(s.path)
	if errors.Is(err, os.ErrNotExist) {
		return s, nil
	}
	if err != nil {
		return nil, err
	}
	var st stateFile
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	if err := dec.Decode(&st); err != nil {
		return nil, fmt.Errorf("tenantsim: %s: %w", s.path, err)
	}
	if st.TenantID != "" && !strings.EqualFold(st.TenantID, tenantID) {
		return nil, fmt.Errorf("tenantsim: %s holds tenant %s, not %s", s.path, st.TenantID, tenantID)
	}
	if st.Collections != nil {
		s.colls = st.Collections
	}
	return s, nil
}

func staleKey(coll, id string) string { return coll + "\x00" + strings.ToLower(id) }

func (s *store) find(coll, id string) (int, *object) {
	for i, o := range s.colls[coll] {
		if strings.EqualFold(o.ID, id) {
			return i, o
		}
	}
	return -1, nil
}

// staleRead returns the lagging view of an object, consuming one read.
// ok is false when readers are up to date.
func (s *store) staleRead(coll, id string) (prev map[string]any, ok bool) {
	k := staleKey(coll, id)
	v := s.stale[k]
	if v == nil {
		return nil, false
	}
	if !v.until.IsZero() && !s.now().Before(v.until) {
		delete(s.stale, k)
		return nil, false
	}
	if v.reads > 0 {
		v.reads--
		if v.reads == 0 {
			delete(s.stale, k)
		}
	}
	return v.prev, true
}

// get returns a copy of one object. lagging=true lets pending lag apply.
func (s *store) get(coll, id string, lagging bool) (map[string]any, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if lagging {
		if prev, ok := s.staleRead(coll, id); ok {
			return deepCopyMap(prev), prev != nil
		}
	}
	_, o := s.find(coll, id)
	if o == nil {
		return nil, false
	}
	return deepCopyMap(o.Data), true
}

// list returns copies of all objects in order, as lagging readers see them.
func (s *store) list(coll string, lagging bool) []map[string]any {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := []map[string]any{}
	seen := map[string]bool{}
	for _, o := range s.colls[coll] {
		seen[strings.ToLower(o.ID)] = true
		data := o.Data
		if lagging {
			if prev, ok := s.staleRead(coll, o.ID); ok {
				data = prev
			}
		}
		if data != nil {
			out = append(out, deepCopyMap(data))
		}
	}
	if lagging { // objects deleted under lag still show
		prefix := coll + "\x00"
		for k := range s.stale {
			if strings.HasPrefix(k, prefix) && !seen[strings.TrimPrefix(k, prefix)] {
				if prev, ok := s.staleRead(coll, strings.TrimPrefix(k, prefix)); ok && prev != nil {
					out = append(out, deepCopyMap(prev))
				}
			}
		}
	}
	return out
}

// has reports whether the collection exists (was ever seeded).
func (s *store) has(coll string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, ok := s.colls[coll]
	return ok
}

// put creates or replaces an object and saves the tenant.
func (s *store) put(coll, id string, data map[string]any, lag *lagSpec) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	i, o := s.find(coll, id)
	var prev map[string]any
	if o != nil {
		prev = o.Data
	}
	s.noteLag(coll, id, prev, lag)
	if o != nil {
		s.colls[coll][i] = &object{ID: o.ID, Data: deepCopyMap(data)}
	} else {
		s.colls[coll] = append(s.colls[coll], &object{ID: id, Data: deepCopyMap(data)})
	}
	return s.saveLocked()
}

// remove deletes an object; false if it did not exist.
func (s *store) remove(coll, id string, lag *lagSpec) (bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	i, o := s.find(coll, id)
	if o == nil {
		return false, nil
	}
	s.noteLag(coll, id, o.Data, lag)
	s.colls[coll] = append(s.colls[coll][:i:i], s.colls[coll][i+1:]...)
	return true, s.saveLocked()
}

// seed sets a collection wholesale (new tenant), without lag.
func (s *store) seed(coll string, objs []*object) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.colls[coll] = objs
	return s.saveLocked()
}

// update applies fn to every object of coll in place (used to add
// parameters that a newer simulator knows to a saved tenant).
func (s *store) update(coll string, fn func(data map[string]any) bool) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	changed := false
	for _, o := range s.colls[coll] {
		if fn(o.Data) {
			changed = true
		}
	}
	if !changed {
		return nil
	}
	return s.saveLocked()
}

// settle drops every stale view: reads see the latest writes.
func (s *store) settle() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.stale = map[string]*staleView{}
}

func (s *store) noteLag(coll, id string, prev map[string]any, lag *lagSpec) {
	k := staleKey(coll, id)
	if lag == nil {
		delete(s.stale, k)
		return
	}
	v := &staleView{prev: deepCopyMap(prev), reads: lag.reads}
	if old := s.stale[k]; old != nil { // readers still see the older version
		v.prev = old.prev
	}
	if lag.dur > 0 {
		v.until = s.now().Add(lag.dur)
		if lag.reads == 0 {
			v.reads = -1
		}
	} else if v.reads <= 0 {
		v.reads = 1
	}
	s.stale[k] = v
}

func (s *store) saveLocked() error {
	if s.path == "" {
		return nil
	}
	b, err := json.MarshalIndent(stateFile{TenantID: s.tenantID, Collections: s.colls}, "", "  ")
	if err != nil {
		return err
	}
	return writeFileAtomic(s.path, b, 0o600)
}

// deepCopyMap copies the JSON-like values the store holds.
func deepCopyMap(m map[string]any) map[string]any {
	if m == nil {
		return nil
	}
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[k] = deepCopyValue(v)
	}
	return out
}

func deepCopyValue(v any) any {
	switch t := v.(type) {
	case map[string]any:
		return deepCopyMap(t)
	case []any:
		c := make([]any, len(t))
		for i := range t {
			c[i] = deepCopyValue(t[i])
		}
		return c
	case []string:
		return append([]string{}, t...)
	default:
		return v
	}
}

// savedTenantID reads the tenant id of a saved tenant ("" if none).
func savedTenantID(dir string) string {
	b, err := os.ReadFile(filepath.Join(dir, stateFileName))
	if err != nil {
		return ""
	}
	var st struct {
		TenantID string `json:"tenant_id"`
	}
	if json.Unmarshal(b, &st) != nil {
		return ""
	}
	return st.TenantID
}

// field returns m[k] when it is a string, else "": stored objects always hold
// their names as strings, and a missing one must not panic the simulator.
func field(m map[string]any, k string) string {
	s, _ := m[k].(string)
	return s
}
