package tenantsim

import "strings"

// The built-in sensitive information types (Get-DlpSensitiveInformationType).
// Names are Microsoft's entity definition names. Ids: SSN, DEA, ICD-9-CM,
// ICD-10-CM come from the API notes this project started from (stable ids that
// Get-DlpSensitiveInformationType lists; Verified below); the others come from
// public third-party SIT tables (not from a Microsoft page: treat as
// unverified).

type sitInfo struct {
	Name, ID, Description string
	Verified              bool
}

var sitCatalog = []sitInfo{
	{"U.S. Social Security Number (SSN)", "a44669fe-0d48-453d-a9b1-2cc83f2cba77", "Detects U.S. Social Security Numbers (SSN), formatted or unformatted, with keywords and checks.", true},
	{"Drug Enforcement Agency (DEA) Number", "9a5445ad-406e-43eb-8bd7-cac17ab6d0e4", "Detects U.S. Drug Enforcement Agency (DEA) registration numbers of health care providers.", true},
	{"International Classification of Diseases (ICD-9-CM)", "fa3f9c74-ee07-4c52-b5f2-085d6b2c0ec4", "Detects ICD-9-CM diagnosis and procedure codes used in medical records.", true},
	{"International Classification of Diseases (ICD-10-CM)", "3356946c-6bb7-449b-b253-6ffa419c0ce7", "Detects ICD-10-CM diagnosis codes used in medical records.", true},
	{"Credit Card Number", "50842eb7-edc8-4019-85dd-5a5c1f2bb085", "Detects credit card numbers of all major brands, checked with the Luhn test.", false},
	{"U.S. Individual Taxpayer Identification Number (ITIN)", "e55e2a32-f92d-4985-a35d-a0b269eb687b", "Detects U.S. Individual Taxpayer Identification Numbers (ITIN).", false},
	{"All Full Names", "50b8b56b-4ef8-44c2-a924-03374f5831ce", "Detects all possible matches of full names (named entity).", false},
	{"All Medical Terms And Conditions", "065bdd91-ef07-40d3-b8a4-0aea722eaa49", "Detects all possible matches of medical terms and conditions (named entity).", false},
	{"U.S. Physical Addresses", "44aa44f2-63d1-41df-af0d-970283ac41e2", "Detects U.S. physical addresses (named entity).", false},
	{"All Physical Addresses", "8548332d-6d71-41f8-97db-cc3b5fa544e6", "Detects all possible matches of physical addresses (named entity).", false},
}

func findSIT(name, id string) *sitInfo {
	for i := range sitCatalog {
		t := &sitCatalog[i]
		if (name != "" && strings.EqualFold(t.Name, name)) || (id != "" && strings.EqualFold(t.ID, id)) {
			if name != "" && id != "" && !(strings.EqualFold(t.Name, name) && strings.EqualFold(t.ID, id)) {
				return nil // name and id of different types
			}
			return t
		}
	}
	return nil
}

func sitObject(t *sitInfo) map[string]any {
	return map[string]any{
		"Name": t.Name, "Id": t.ID, "Identity": t.ID, "Publisher": "Microsoft Corporation",
		"Description": t.Description, "Type": "Entity", "RecommendedConfidence": int64(75),
		"Locale": "en-US", "State": "Published", "RulePackId": "00000000-0000-0000-0000-000000000000",
		"RulePackVersion": "1.0.0.0",
	}
}

func init() {
	registerCmdlet(&cmdletSpec{
		Name: "Get-DlpSensitiveInformationType", Surface: surfaceCompliance,
		Params: []cmdParam{{Name: "Identity", Kind: cString}},
		Run: func(s *Simulator, c *cmdletCall) ([]map[string]any, []string, *cmdletError) {
			if c.has("Identity") {
				id := c.str("Identity")
				t := findSIT(id, "")
				if t == nil {
					t = findSIT("", id)
				}
				if t == nil {
					return nil, nil, objectNotFound(id)
				}
				return []map[string]any{sitObject(t)}, nil, nil
			}
			out := make([]map[string]any, 0, len(sitCatalog))
			for i := range sitCatalog {
				out = append(out, sitObject(&sitCatalog[i]))
			}
			return out, nil, nil
		},
	})
}
