package main

import (
	"os"
	"testing"
)

func TestQuietSDKLogs(t *testing.T) {
	keys := []string{"TF_LOG", "TF_LOG_PROVIDER", "TF_LOG_SDK", "TF_LOG_SDK_PROTO", "TF_LOG_SDK_FRAMEWORK", "TF_LOG_PROVIDER_TEAMSHIPAA"}
	reset := func() {
		for _, k := range keys {
			t.Setenv(k, "")
			_ = os.Unsetenv(k)
		}
	}
	reset()
	t.Setenv("TF_LOG_SDK_PROTO", "DEBUG")
	quietSDKLogs()
	if os.Getenv("TF_LOG_SDK_FRAMEWORK") != "off" || os.Getenv("TF_LOG_PROVIDER_TEAMSHIPAA") != "off" || os.Getenv("TF_LOG_SDK_PROTO") != "DEBUG" {
		t.Fatalf("without TF_LOG the loggers are off, an explicit level kept: framework=%q provider=%q proto=%q",
			os.Getenv("TF_LOG_SDK_FRAMEWORK"), os.Getenv("TF_LOG_PROVIDER_TEAMSHIPAA"), os.Getenv("TF_LOG_SDK_PROTO"))
	}
	for _, on := range []string{"TF_LOG", "TF_LOG_PROVIDER"} {
		reset()
		t.Setenv(on, "TRACE")
		quietSDKLogs()
		if v, set := os.LookupEnv("TF_LOG_SDK_FRAMEWORK"); set {
			t.Fatalf("with %s the levels are Terraform's: TF_LOG_SDK_FRAMEWORK=%q", on, v)
		}
	}
}
