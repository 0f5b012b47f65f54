// Command tenantsim runs the teamshipaa tenant simulator as a process, for
// `make demo` and manual runs:
//
//	go run ./cmd/tenantsim --state-dir DIR --env-file FILE [--pid-file FILE]
//
// It writes FILE as `export KEY='VALUE'` lines (source it, then a provider
// block with no arguments reaches the simulator), prints the URL, and runs
// until SIGINT or SIGTERM. The state directory is kept.
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"os"
	"os/signal"
	"strconv"
	"syscall"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/tenantsim"
)

func main() {
	stateDir := flag.String("state-dir", "", "directory keeping the tenant, CA and app credentials between runs (empty: memory only)")
	envFile := flag.String("env-file", "", "write the provider environment here as `export KEY='VALUE'` lines")
	pidFile := flag.String("pid-file", "", "write the process id here")
	tenantID := flag.String("tenant-id", "", "tenant GUID (default: the saved one, else a fixed GUID)")
	verbose := flag.Bool("v", false, "log every request to stderr")
	flag.Parse()
	if err := run(*stateDir, *envFile, *pidFile, *tenantID, *verbose); err != nil {
		fmt.Fprintln(os.Stderr, "tenantsim:", err)
		os.Exit(1)
	}
}

func run(stateDir, envFile, pidFile, tenantID string, verbose bool) error {
	opts := tenantsim.Options{StateDir: stateDir, TenantID: tenantID}
	if verbose {
		opts.Logf = log.New(os.Stderr, "", log.LstdFlags).Printf
	}
	sim, err := tenantsim.Start(opts)
	if err != nil {
		return err
	}
	defer sim.Close()
	if envFile != "" {
		if err := sim.WriteEnvFile(envFile); err != nil {
			return err
		}
	}
	if pidFile != "" {
		if err := os.WriteFile(pidFile, []byte(strconv.Itoa(os.Getpid())+"\n"), 0o644); err != nil {
			return err
		}
	}
	fmt.Println(sim.URL())
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	<-ctx.Done()
	return sim.Close()
}
