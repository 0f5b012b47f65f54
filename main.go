// Command terraform-provider-teamshipaa serves the teamshipaa provider to
// Terraform over plugin protocol 6.
package main

import (
	"flag"
	"fmt"
	"log"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6/tf6server"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/provider"
)

// Set through -ldflags -X by goreleaser and by `make install` / `make release-build`
// (the version of the top entry of CHANGELOG.md); "dev" for a plain `go build`.
var (
	version = "dev"
	commit  = "none"
)

func main() {
	var debug, showVersion bool
	flag.BoolVar(&debug, "debug", false, "run the provider with support for debuggers like delve")
	flag.BoolVar(&showVersion, "version", false, "print the provider's version and exit")
	flag.Parse()
	if showVersion {
		fmt.Printf("terraform-provider-teamshipaa %s (commit %s)\n", version, commit)
		return
	}

	quietSDKLogs()
	stop := startProfile()
	// What providerserver.Serve does, with the provider's own protocol server
	// (the framework's, answering no-change plans directly).
	var opts []tf6server.ServeOpt
	if debug {
		opts = append(opts, tf6server.WithManagedDebug())
	}
	err := tf6server.Serve("registry.terraform.io/teamshipaa/teamshipaa", provider.NewProtocol6(version), opts...)
	stop()
	if err != nil {
		log.Fatalf("%s (commit %s)", err, commit)
	}
}
