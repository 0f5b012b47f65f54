package main

import "os"

// quietSDKLogs turns the SDK's, framework's, protocol's and provider's
// loggers off when Terraform will not record provider logs (neither TF_LOG
// nor TF_LOG_PROVIDER is set). Their level otherwise defaults to TRACE: the
// plugin formats every line as JSON (about 400 per policy on a plan) and
// Terraform parses and drops them, a sixth of the provider's plan CPU
// (issue 15). A level set explicitly is kept.
func quietSDKLogs() {
	if os.Getenv("TF_LOG") != "" || os.Getenv("TF_LOG_PROVIDER") != "" {
		return
	}
	for _, k := range []string{"TF_LOG_SDK", "TF_LOG_SDK_PROTO", "TF_LOG_SDK_FRAMEWORK", "TF_LOG_PROVIDER_TEAMSHIPAA"} {
		if os.Getenv(k) == "" {
			_ = os.Setenv(k, "off")
		}
	}
}
