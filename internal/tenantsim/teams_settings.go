package tenantsim

import "fmt"

// Simulator-wide switches of the Teams surface, kept with the tenant (state
// dir) in the collection "sim/settings", object "teams".
const (
	settingsCollection = "sim/settings"
	teamsSettingsID    = "teams"
)

// TeamsSettings are the simulator switches of the Teams surface.
type TeamsSettings struct {
	// AppCentricManagement simulates a tenant migrated to app-centric
	// management: writes to TeamsAppPermissionPolicy (and its tenant-wide
	// assignment) succeed but carry a warning that they are not applied.
	AppCentricManagement bool `json:"app_centric_management"`
}

// TeamsSettings returns the current switches.
func (s *Simulator) TeamsSettings() TeamsSettings {
	d, ok := s.store.get(settingsCollection, teamsSettingsID, false)
	if !ok {
		return TeamsSettings{}
	}
	on, _ := d["app_centric_management"].(bool)
	return TeamsSettings{AppCentricManagement: on}
}

// SetAppCentricManagement turns the app-centric management simulation on or off.
func (s *Simulator) SetAppCentricManagement(on bool) {
	if err := s.store.put(settingsCollection, teamsSettingsID, map[string]any{"app_centric_management": on}, nil); err != nil {
		s.logf("tenantsim: saving settings: %v", err)
	}
}

// AppCentricManagement reports whether the app-centric switch is on.
func (s *Simulator) AppCentricManagement() bool { return s.TeamsSettings().AppCentricManagement }

// typeWarnings are the warnings every successful write of spec carries now.
func (s *Simulator) typeWarnings(spec *typeSpec) []string {
	if spec.AppCentric && s.AppCentricManagement() {
		return []string{appCentricWarning}
	}
	return nil
}

// applyTeamsSettings updates the switches from a control-API body such as
// {"app_centric_management":true}; unknown keys are an error.
func (s *Simulator) applyTeamsSettings(body map[string]any) error {
	for k, v := range body {
		switch k {
		case "app_centric_management":
			on, ok := v.(bool)
			if !ok {
				return fmt.Errorf("app_centric_management must be a boolean")
			}
			s.SetAppCentricManagement(on)
		default:
			return fmt.Errorf("unknown setting %q (known: app_centric_management)", k)
		}
	}
	return nil
}
