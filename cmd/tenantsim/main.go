// Command tenantsim runs the teamshipaa tenant simulator as a process, for
// `make demo` and manual runs:
//
//	go run ./cmd/tenantsim --state-dir DIR --env-file FILE [--pid-file FILE] [--fault JSON]...
//
// Each --fault arms a fault from the start, as POST /_sim/faults does, e.g. a
// throttle of one conditional access write per second:
//
//	--fault '{"surface":"graph","path_prefix":"/v1.0/identity/conditionalAccess/policies","kind":"rate","interval_ms":1000}'
//
// It writes FILE as `export KEY='VALUE'` lines (source it, then a provider
// block with no arguments reaches the simulator), prints the URL, and runs
// until SIGINT or SIGTERM. The state directory is kept.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/tenantsim"
)

func main() {
	stateDir := flag.String("state-dir", "", "directory keeping the tenant, CA and app credentials between runs (empty: memory only)")
	envFile := flag.String("env-file", "", "write the provider environment here as `export KEY='VALUE'` lines")
	pidFile := flag.String("pid-file", "", "write the process id here")
	tenantID := flag.String("tenant-id", "", "tenant GUID (default: the saved one, else a fixed GUID)")
	verbose := flag.Bool("v", false, "log every request to stderr")
	var faults faultFlags
	flag.Var(&faults, "fault", "arm a fault from the start: Fault JSON as POST /_sim/faults takes it (repeatable)")
	flag.Parse()
	if err := run(*stateDir, *envFile, *pidFile, *tenantID, *verbose, faults); err != nil {
		fmt.Fprintln(os.Stderr, "tenantsim:", err)
		os.Exit(1)
	}
}

// faultFlags collects the --fault flags, checked as they are parsed.
type faultFlags []tenantsim.Fault

func (f *faultFlags) String() string { return fmt.Sprint(len(*f)) + " faults" }

func (f *faultFlags) Set(v string) error {
	var fault tenantsim.Fault
	dec := json.NewDecoder(strings.NewReader(v))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&fault); err != nil {
		return fmt.Errorf("fault JSON: %w", err)
	}
	if err := fault.Validate(); err != nil {
		return err
	}
	*f = append(*f, fault)
	return nil
}

func run(stateDir, envFile, pidFile, tenantID string, verbose bool, faults []tenantsim.Fault) error {
	opts := tenantsim.Options{StateDir: stateDir, TenantID: tenantID}
	if verbose {
		opts.Logf = log.New(os.Stderr, "", log.LstdFlags).Printf
	}
	sim, err := tenantsim.Start(opts)
	if err != nil {
		return err
	}
	defer sim.Close()
	for _, f := range faults {
		sim.AddFault(f)
	}
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
