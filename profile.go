package main

import (
	"fmt"
	"log"
	"os"
	"runtime"
	"runtime/pprof"
)

// profileEnv names a file prefix: when set, the provider writes a CPU profile
// of its process to <prefix>.<pid> (Terraform starts several provider
// processes per command). memProfileEnv does the same for a heap profile,
// written when the process stops serving (in-use and allocated space). For
// profiling a plan (issue 15), not for users.
const (
	profileEnv    = "TEAMSHIPAA_CPUPROFILE"
	memProfileEnv = "TEAMSHIPAA_MEMPROFILE"
)

// startProfile starts the profiles asked for; the returned func stops them.
func startProfile() func() {
	stopCPU := startCPUProfile()
	return func() {
		stopCPU()
		writeHeapProfile()
	}
}

func startCPUProfile() func() {
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

func writeHeapProfile() {
	prefix := os.Getenv(memProfileEnv)
	if prefix == "" {
		return
	}
	f, err := os.Create(fmt.Sprintf("%s.%d", prefix, os.Getpid()))
	if err != nil {
		log.Printf("%s: %v", memProfileEnv, err)
		return
	}
	defer func() { _ = f.Close() }()
	runtime.GC() // in-use figures as of the last collection: make it now
	if err := pprof.Lookup("heap").WriteTo(f, 0); err != nil {
		log.Printf("%s: %v", memProfileEnv, err)
	}
}
