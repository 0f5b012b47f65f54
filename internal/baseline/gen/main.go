// Command gen writes the documentation page that lists every control of the
// HIPAA baseline catalog (templates/guides/baseline-controls.md, which
// tfplugindocs copies to docs/guides/). scripts/docs.sh runs it, so
// `make docs` regenerates the page and scripts/check-docs.sh catches a stale
// one.
//
//	go run ./internal/baseline/gen [-o templates/guides/baseline-controls.md]
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/baseline"
)

func main() {
	out := flag.String("o", "templates/guides/baseline-controls.md", "file to write")
	flag.Parse()
	if err := os.MkdirAll(filepath.Dir(*out), 0o755); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if err := os.WriteFile(*out, []byte(baseline.Guide()), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
