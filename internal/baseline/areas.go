package baseline

import "strings"

// areaNames spells out the group in a control id (HB.CA.3 is in CA), for
// reports a compliance officer reads and ScubaGear's GroupName.
var areaNames = map[string]string{
	"MEETING":   "Meetings",
	"E2EE":      "End-to-end Encryption",
	"APPS":      "Teams Apps",
	"EXTERNAL":  "External Access",
	"CLIENT":    "Guest Access and Cloud Storage",
	"CA":        "Conditional Access",
	"DLP":       "Data Loss Prevention",
	"RETENTION": "Data Retention",
	"AUDIT":     "Audit Logging",
	"DEVICE":    "Personal Devices",
}

// Area is the group a control belongs to, spelled out ("Conditional
// Access" for HB.CA.3); an unlisted group is its id part as written.
func (c Control) Area() string {
	parts := strings.Split(c.ID, ".")
	if len(parts) < 3 {
		return c.ID
	}
	if n, ok := areaNames[parts[1]]; ok {
		return n
	}
	return parts[1]
}
