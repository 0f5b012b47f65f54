package ledger

import (
	"os"
	"strings"
	"testing"
)

// The committed page is the one the declarations give (make docs regenerates
// it; scripts/check-docs.sh checks docs/ the same way).
func TestCommittedLedgerIsCurrent(t *testing.T) {
	b, err := os.ReadFile("../../../templates/guides/wire-contracts.md")
	if err != nil {
		t.Fatal(err)
	}
	if string(b) != Guide() {
		t.Fatal("templates/guides/wire-contracts.md is stale: run make docs and commit the result")
	}
}

// Every declared operation has a row, with its evidence and source.
func TestEveryOperationHasARowWithEvidenceAndSource(t *testing.T) {
	g := Guide()
	for _, table := range Tables() {
		for _, o := range table {
			if o.Evidence == "" || o.Source == "" {
				t.Errorf("%s %s %s: evidence %q, source %q", o.Service, o.Method, o.Path, o.Evidence, o.Source)
			}
			if !strings.Contains(g, "`"+o.Method+" "+o.Path+"`") {
				t.Errorf("no row for %s %s", o.Method, o.Path)
			}
		}
	}
}
