// Command gen writes the contract ledger (templates/guides/wire-contracts.md,
// which tfplugindocs copies to docs/guides/) from the clients' declared
// operations. scripts/docs.sh runs it, so `make docs` regenerates the page
// and scripts/check-docs.sh catches a stale one.
//
//	go run ./internal/contract/gen [-o templates/guides/wire-contracts.md]
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/contract/ledger"
)

func main() {
	out := flag.String("o", "templates/guides/wire-contracts.md", "file to write")
	flag.Parse()
	if err := os.MkdirAll(filepath.Dir(*out), 0o755); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if err := os.WriteFile(*out, []byte(ledger.Guide()), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
