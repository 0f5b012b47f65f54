package teams

import (
	"slices"
	"strings"
)

// presetNames are Microsoft's preset instances of a policy type, present in
// every tenant besides Global ("Manage meeting policies in Teams": the
// AllOn, RestrictedAnonymousAccess, AllOff, RestrictedAnonymousNoRecording,
// Default and Kiosk meeting policies; public tenant exports show Tag:Default
// for the messaging policy, and Tag:EduFaculty / Tag:EduStudent in education
// tenants). Nothing on the wire marks them, so the list data source marks
// them by name, and also any instance whose description is Microsoft's
// "Do not assign..." text.
var presetNames = map[string][]string{
	"TeamsMeetingPolicy":   {"AllOn", "RestrictedAnonymousAccess", "AllOff", "RestrictedAnonymousNoRecording", "Default", "Kiosk"},
	"TeamsMessagingPolicy": {"Default", "EduFaculty", "EduStudent"},
}

// isPreset reports whether the instance name (without Tag:) of policyType is
// one of Microsoft's presets.
func isPreset(policyType, name, description string) bool {
	return slices.Contains(presetNames[policyType], name) || strings.HasPrefix(description, "Do not assign")
}
