package acctest

import (
	"context"
	"fmt"
	"log"
	"strings"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/conns"
)

// Sweepers remove what failed acceptance tests left in a tenant: every object
// whose name starts with NamePrefix, and nothing else. Each service package
// registers its own (resource.AddTestSweepers in sweep_test.go) and runs them
// from resource.TestMain:
//
//	go test ./internal/service/... -sweep=live [-sweep-run=teamshipaa_dlp_policy]
//
// The -sweep value is terraform-plugin-testing's "region" and only labels the
// run here: the tenant is the one the ARM_* variables sign in to.

// SweepClient configures the provider from the environment for a sweeper.
func SweepClient(region string) (*conns.Client, error) {
	if m := liveCredentialsMissing(); m != "" {
		return nil, fmt.Errorf("sweeping (%s): not set: %s; export the credentials of the test tenant", region, m)
	}
	c, err := configure(context.Background())
	if err != nil {
		return nil, fmt.Errorf("sweeping (%s): configuring the provider: %w", region, err)
	}
	return c, nil
}

// Sweepable reports whether an object's name (or a Teams identity,
// "Tag:<name>") is one the acceptance tests made.
func Sweepable(name string) bool {
	if len(name) > 4 && strings.EqualFold(name[:4], "Tag:") {
		name = name[4:]
	}
	return strings.HasPrefix(name, NamePrefix)
}

// Swept logs one removal, for the sweeper's output.
func Swept(kind, name string) { log.Printf("[INFO] swept %s %s", kind, name) }
