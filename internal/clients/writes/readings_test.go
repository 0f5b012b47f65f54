package writes

import "testing"

func TestReadingsServeUntilAWrite(t *testing.T) {
	r := Readings[[]int]{Clone: func(v []int) []int { return append([]int(nil), v...) }}
	e := Epoch()
	in := []int{1}
	r.Record("k", e, in)
	in[0] = 9 // the recorder's copy is its own
	got, ok := r.Recorded("k")
	if !ok || got[0] != 1 {
		t.Fatalf("recorded: %v %v", got, ok)
	}
	got[0] = 7 // so is each reader's
	if again, _ := r.Recorded("k"); again[0] != 1 {
		t.Fatalf("a reader changed the reading: %v", again)
	}
	Begin()()
	if _, ok := r.Recorded("k"); ok {
		t.Fatal("a write must drop the reading")
	}
	stale := Epoch()
	end := Begin()
	r.Record("k", stale, []int{2}) // overlapped by a write: not kept
	end()
	if _, ok := r.Recorded("k"); ok {
		t.Fatal("a reading a write overlapped must not be kept")
	}
}
