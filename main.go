// Command terraform-provider-teamshipaa serves the teamshipaa provider to
// Terraform over plugin protocol 6.
package main

import (
	"context"
	"flag"
	"fmt"
	"log"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"

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
	err := providerserver.Serve(context.Background(), provider.New(version), providerserver.ServeOpts{
		Address: "registry.terraform.io/teamshipaa/teamshipaa",
		Debug:   debug,
	})
	stop()
	if err != nil {
		log.Fatalf("%s (commit %s)", err, commit)
	}
}
