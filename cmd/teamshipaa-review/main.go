// Command teamshipaa-review reads the output of `terraform plan -json` and
// writes the HIPAA baseline review of the change: a Markdown comment for the
// pull request and a SARIF 2.1.0 log for GitHub code scanning.
//
//	terraform plan -json -out=tfplan > plan.jsonl
//	go run ./cmd/teamshipaa-review -plan plan.jsonl -dir . -markdown review.md -sarif review.sarif
//
// `terraform show -json` of a saved plan carries no diagnostics: read the
// output of `terraform plan -json` itself.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/review"
)

// version is set by the release build.
var version = "dev"

// errIntroduced is the exit status 1 of -fail-on.
var errIntroduced = errors.New("the change introduces a baseline deviation")

func main() {
	err := run(os.Args[1:], os.Stdin, os.Stdout)
	switch {
	case errors.Is(err, errIntroduced):
		fmt.Fprintln(os.Stderr, "teamshipaa-review:", err)
		os.Exit(1)
	case err != nil:
		fmt.Fprintln(os.Stderr, "teamshipaa-review:", err)
		os.Exit(2)
	}
}

func run(args []string, stdin io.Reader, stdout io.Writer) error {
	fs := flag.NewFlagSet("teamshipaa-review", flag.ContinueOnError)
	planPath := fs.String("plan", "-", "the output of `terraform plan -json` (- for standard input)")
	dir := fs.String("dir", ".", "the Terraform working directory the plan ran in (to locate resource blocks)")
	prefix := fs.String("path-prefix", "", "the working directory's path relative to the repository root, prefixed to file names (e.g. infra/teams)")
	mdPath := fs.String("markdown", "-", "where to write the Markdown comment (- for standard output, empty for none)")
	sarifPath := fs.String("sarif", "", "where to write the SARIF 2.1.0 log (empty for none)")
	failOn := fs.String("fail-on", "none", "exit 1 when the change introduces a deviation: none | shall | any")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *failOn != "none" && *failOn != "shall" && *failOn != "any" {
		return fmt.Errorf("-fail-on is %q; allowed values are none, shall, any", *failOn)
	}
	in := stdin
	if *planPath != "-" {
		f, err := os.Open(*planPath)
		if err != nil {
			return err
		}
		defer f.Close()
		in = f
	}
	rep, err := review.Read(in, *dir)
	if err != nil {
		return err
	}
	if err := write(*mdPath, []byte(review.Markdown(rep, *prefix)), stdout); err != nil {
		return err
	}
	if *sarifPath != "" {
		b, err := review.SARIF(rep, *prefix, version)
		if err != nil {
			return err
		}
		if err := write(*sarifPath, append(b, '\n'), stdout); err != nil {
			return err
		}
	}
	for _, d := range rep.Introduced() {
		if *failOn == "any" || (*failOn == "shall" && d.Control.Level == "shall") {
			return fmt.Errorf("%w: %s on %s", errIntroduced, d.Control.ID, d.Address)
		}
	}
	return nil
}

func write(p string, b []byte, stdout io.Writer) error {
	switch p {
	case "":
		return nil
	case "-":
		_, err := stdout.Write(b)
		return err
	}
	return os.WriteFile(p, b, 0o644)
}
