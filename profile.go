package main

import (
	"fmt"
	"log"
	"os"
	"runtime/pprof"
)

// profileEnv names a file prefix: when set, the provider writes a CPU profile
// of its process to <prefix>.<pid> (Terraform starts several provider
// processes per command). For profiling a plan (issue 15), not for users.
const profileEnv = "TEAMSHIPAA_CPUPROFILE"

// startProfile starts the CPU profile if asked; the returned func stops it.
func startProfile() func() {
	prefix := os.Getenv(profileEnv)
	if prefix == "" {
		return func() {}
	}
	f, err := os.Create(fmt.Sprintf("%s.%d", prefix, os.Getpid()))
	if err != nil {
		log.Printf("%s: %v", profileEnv, err)
		return func() {}
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		log.Printf("%s: %v", profileEnv, err)
		_ = f.Close()
		return func() {}
	}
	return func() {
		pprof.StopCPUProfile()
		_ = f.Close()
	}
}
