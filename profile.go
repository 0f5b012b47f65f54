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
	f := profileFile(profileEnv)
	if f == nil {
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
	f := profileFile(memProfileEnv)
	if f == nil {
		return
	}
	defer func() { _ = f.Close() }()
	runtime.GC() // in-use figures as of the last collection: make it now
	if err := pprof.Lookup("heap").WriteTo(f, 0); err != nil {
		log.Printf("%s: %v", memProfileEnv, err)
	}
}

// profileFile creates <prefix>.<pid> for the prefix env names; nil when env
// is unset or the file cannot be created (logged).
func profileFile(env string) *os.File {
	prefix := os.Getenv(env)
	if prefix == "" {
		return nil
	}
	f, err := os.Create(fmt.Sprintf("%s.%d", prefix, os.Getpid()))
	if err != nil {
		log.Printf("%s: %v", env, err)
		return nil
	}
	return f
}
