// Command terraform-provider-teamshipaa serves the teamshipaa provider to
// Terraform over plugin protocol 6.
package main

import (
	"context"
	"flag"
	"log"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/provider"
)

// Set by goreleaser through -ldflags.
var (
	version = "dev"
	commit  = "none"
)

func main() {
	var debug bool
	flag.BoolVar(&debug, "debug", false, "run the provider with support for debuggers like delve")
	flag.Parse()

	err := providerserver.Serve(context.Background(), provider.New(version), providerserver.ServeOpts{
		Address: "registry.terraform.io/teamshipaa/teamshipaa",
		Debug:   debug,
	})
	if err != nil {
		log.Fatalf("%s (commit %s)", err, commit)
	}
}
