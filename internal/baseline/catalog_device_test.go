package baseline

import "testing"

func TestDeviceControls(t *testing.T) {
	byID := map[string]Control{}
	for _, c := range Catalog() {
		byID[c.ID] = c
	}
	check := func(id string, attrs map[string]any, want Result) {
		t.Helper()
		c, ok := byID[id]
		if !ok {
			t.Fatalf("%s missing", id)
		}
		f := c.Rule.Check(c, Object{Resource: c.Resource, Name: "x", Attrs: attrs})
		if f.Result != want {
			t.Errorf("%s on %v: %s (%+v), want %s", id, attrs, f.Result, f, want)
		}
	}
	check("HB.DEVICE.13", map[string]any{"period_offline_before_wipe_is_enforced": "P90D"}, Pass)
	check("HB.DEVICE.13", map[string]any{"period_offline_before_wipe_is_enforced": "PT12H"}, Pass)
	check("HB.DEVICE.14", map[string]any{"period_offline_before_wipe_is_enforced": "P91D"}, Fail)
	check("HB.DEVICE.14", map[string]any{"period_offline_before_wipe_is_enforced": "PT0S"}, Fail)
	check("HB.DEVICE.13", map[string]any{"period_offline_before_wipe_is_enforced": "P1W"}, Fail)
	check("HB.DEVICE.1", map[string]any{"apps": []any{TeamsBundleID}, "include_group_ids": []any{"g"}}, Pass)
	check("HB.DEVICE.1", map[string]any{"apps": []any{TeamsBundleID}, "include_group_ids": []any{}}, Fail)
	check("HB.DEVICE.2", map[string]any{"apps": []any{TeamsBundleID}, "include_group_ids": []any{"g"}}, Fail) // iOS id on Android
	check("HB.DEVICE.2", map[string]any{"apps": []any{TeamsPackageID}, "include_group_ids": []any{"g"}}, Pass)

	ca := func(ops string, grants ...any) map[string]any {
		return map[string]any{
			"state": "enabled",
			"conditions": map[string]any{
				"users":        map[string]any{"include_users": []any{"All"}},
				"applications": map[string]any{"include_applications": []any{"Office365"}},
				"platforms":    map[string]any{"include_platforms": []any{"iOS", "android"}},
			},
			"grant_controls": map[string]any{"operator": ops, "built_in_controls": grants},
		}
	}
	check("HB.DEVICE.19", ca("OR", "compliantApplication"), Pass)
	check("HB.DEVICE.19", ca("AND", "compliantApplication", "mfa"), Pass)
	check("HB.DEVICE.19", ca("OR", "compliantApplication", "mfa"), Fail) // mfa alone would do
	check("HB.DEVICE.19", ca("OR", "approvedApplication"), Fail)
	check("HB.DEVICE.19", ca("OR", "block"), Pass)
	reportOnly := ca("OR", "compliantApplication")
	reportOnly["state"] = "enabledForReportingButNotEnforced"
	check("HB.DEVICE.19", reportOnly, Fail)
}
