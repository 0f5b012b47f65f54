package baseline

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Personal devices (issue 17): Teams on a phone the organization does not
// own is reachable only from an app under Intune app protection, which can
// be wiped. SEED-B asks for "policies and ... controls that can remotely wipe
// and disable personal devices if lost or stolen".
//
// Crosswalk: none of SCuBA (which covers no Intune settings), CIS Microsoft
// 365 Foundations v7.0 (its Intune section covers enrolment, not app
// protection) or Maester has these checks; they follow Microsoft's app
// protection data protection framework, level 2 ("enterprise enhanced data
// protection"), learn.microsoft.com/mem/intune/apps/app-protection-framework.

const (
	iosProtection     = "teamshipaa_ios_app_protection_policy"
	androidProtection = "teamshipaa_android_app_protection_policy"

	// TeamsBundleID and TeamsPackageID identify Microsoft Teams in an app
	// protection policy's apps (Intune's list of protected Microsoft apps).
	TeamsBundleID  = "com.microsoft.skype.teams"
	TeamsPackageID = "com.microsoft.teams"

	// MaxOfflineBeforeWipe is the longest a protected app may stay offline
	// before its organization data is wiped (the framework's level 2: 90 days).
	MaxOfflineBeforeWipe = 90 * 24 * time.Hour
)

// AppProtectionResources are the resource types of the device controls.
var AppProtectionResources = []string{iosProtection, androidProtection}

// Appended after the literal of catalog.go so that file's groups stay as they are.
func init() { catalog = append(catalog, deviceControls()...) }

func deviceControls() []Control {
	seed := []string{"SEED-B", "docs"}
	var out []Control
	// pair makes the iOS (n) and Android (n+1) controls of one setting.
	pair := func(n int, title, attr string, rule Rule, level Level, hipaa []string, tradeOff string) {
		for i, res := range AppProtectionResources {
			platform := [...]string{"iOS", "Android"}[i]
			out = append(out, Control{
				ID: fmt.Sprintf("HB.DEVICE.%d", n+i), Title: title + " (" + platform + ")",
				Resource: res, Attribute: attr, Scope: ScopeEvery, Rule: rule,
				Profiles: staffAndTelehealth, Level: level, HIPAA: hipaa, Sources: seed, TradeOff: tradeOff,
			})
		}
	}
	// teams: the policy protects Teams and is assigned. Assignments absent
	// from the object (a plan that does not set them) are not judged.
	teams := func(id string) Rule {
		return Predicate{Describe: fmt.Sprintf("an app protection policy whose apps include Microsoft Teams (%s) and that is assigned to at least one group", id),
			Val: []any{id},
			Fn: func(o Object) Finding {
				apps, _ := Lookup(o, "apps")
				groups, set := Lookup(o, "include_group_ids")
				switch {
				case !known(apps) || set && !known(groups):
					return Finding{Result: NotApplicable, Actual: Unknown.String(), Details: "known only after apply"}
				case !hasFold(strs(o, "apps"), id):
					return Finding{Result: Fail, Actual: Format(apps), Details: "Teams (" + id + ") is not among the protected apps"}
				case set && len(strs(o, "include_group_ids")) == 0:
					return Finding{Result: Fail, Actual: "not assigned", Details: "the policy protects Teams but is assigned to no group"}
				}
				return Finding{Result: Pass, Actual: Format(apps)}
			}}
	}
	for i, c := range []struct{ res, id, platform string }{{iosProtection, TeamsBundleID, "iOS"}, {androidProtection, TeamsPackageID, "Android"}} {
		out = append(out, Control{
			ID: fmt.Sprintf("HB.DEVICE.%d", 1+i), Title: "Teams on " + c.platform + " is under an assigned app protection policy",
			Resource: c.res, Attribute: "apps", Scope: ScopeTenant, Rule: teams(c.id),
			Profiles: staffAndTelehealth, Level: Shall, HIPAA: []string{"164.310(d)(1)", "164.308(a)(6)(ii)"}, Sources: seed,
			TradeOff: "Needs Intune licences; users install the Microsoft Authenticator (iOS) or Company Portal (Android) app as the broker.",
		})
	}
	pair(3, "Protected apps need an app PIN", "pin_required", Equals(true), Shall,
		[]string{"164.312(a)(1)", "164.310(d)(1)"}, "Users type a PIN (or use biometrics) to open Teams on their phone.")
	pair(5, "Protected apps block backup of their data", "data_backup_blocked", Equals(true), Shall,
		[]string{"164.310(d)(1)"}, "Teams data is not in the user's iCloud or Google backup: a replacement phone signs in afresh.")
	pair(7, "Protected apps block Save As outside the organization's storage", "save_as_blocked", Equals(true), Shall,
		[]string{"164.310(d)(1)", "164.312(e)(1)"}, "Files are saved only to OneDrive or SharePoint of the organization.")
	pair(9, "Protected apps send data only to managed apps", "allowed_outbound_data_transfer_destinations", OneOf("managedApps", "none"), Shall,
		[]string{"164.310(d)(1)", "164.312(e)(1)"}, "A file from Teams opens only in other protected apps (Outlook, Word, OneDrive...), not in personal ones.")
	pair(11, "Protected apps restrict cut, copy and paste to managed apps", "allowed_outbound_clipboard_sharing_level",
		OneOf("managedAppsWithPasteIn", "managedApps", "blocked"), Should,
		[]string{"164.310(d)(1)"}, "Text copied in Teams cannot be pasted into personal apps.")
	pair(13, "Protected apps wipe their data after at most 90 days offline", "period_offline_before_wipe_is_enforced",
		DurationAtMost(MaxOfflineBeforeWipe, "P90D"), Shall,
		[]string{"164.310(d)(1)", "164.308(a)(6)(ii)"}, "A phone not connected for 90 days loses its Teams data; the user signs in again.")
	pair(15, "Protected apps are blocked on jailbroken or rooted devices", "device_compliance_required", Equals(true), Shall,
		[]string{"164.308(a)(5)(ii)(B)", "164.310(d)(1)"}, "Users of jailbroken or rooted phones cannot open Teams.")
	out = append(out,
		Control{
			ID: "HB.DEVICE.17", Title: "App data is encrypted when the device is locked (iOS)",
			Resource: iosProtection, Attribute: "app_data_encryption_type", Scope: ScopeEvery,
			Rule:     OneOf("whenDeviceLocked", "whenDeviceLockedExceptOpenFiles"),
			Profiles: staffAndTelehealth, Level: Should, HIPAA: []string{"164.312(a)(2)(iv)", "164.310(d)(1)"}, Sources: seed,
			TradeOff: "None for Teams; apps that work in the background while locked need whenDeviceLockedExceptOpenFiles.",
		},
		Control{
			ID: "HB.DEVICE.18", Title: "App data is encrypted (Android)",
			Resource: androidProtection, Attribute: "encrypt_app_data", Scope: ScopeEvery, Rule: Equals(true),
			Profiles: staffAndTelehealth, Level: Should, HIPAA: []string{"164.312(a)(2)(iv)", "164.310(d)(1)"}, Sources: seed,
			TradeOff: "None: Intune encrypts app data with its own keys, even on a phone without device encryption.",
		},
		Control{
			ID: "HB.DEVICE.19", Title: "Teams on iOS and Android needs an app protection policy (conditional access)",
			Resource: caPolicy, Attribute: "grant_controls.built_in_controls", Scope: ScopeTenant,
			Rule: caTenant(`a policy for all users on all apps or "Office365" (which includes Teams), for the platforms "iOS" and "android", `+
				`whose grant cannot be met without "compliantApplication" (alone under OR, or with other controls under AND), or that blocks them`,
				caRequiresAppProtection),
			Profiles: staffAndTelehealth, Level: Shall, HIPAA: []string{"164.310(d)(1)", "164.312(a)(1)"}, Sources: seed,
			TradeOff: "Teams, Outlook and Office on phones work only in apps Intune protects (and can wipe); browsers on phones are refused.",
		},
	)
	return out
}

// caRequiresAppProtection is the shape of HB.DEVICE.19.
func caRequiresAppProtection(o Object) bool {
	apps := strs(o, "conditions.applications.include_applications")
	platforms := strs(o, "conditions.platforms.include_platforms")
	if !caAllUsers(o) || !(hasFold(apps, "All") || hasFold(apps, "Office365")) {
		return false
	}
	if !hasFold(platforms, "all") && !(hasFold(platforms, "iOS") && hasFold(platforms, "android")) {
		return false
	}
	if caBlocks(o) { // an organization that allows no personal phones
		return true
	}
	g := caGrants(o)
	if !hasFold(g, "compliantApplication") {
		return false
	}
	return strings.EqualFold(str(o, "grant_controls.operator"), "AND") || len(g) == 1
}

// DurationAtMost wants an ISO 8601 duration (days and time parts, such as
// P90D or PT12H) no longer than limit; def is the value a configuration sets.
func DurationAtMost(limit time.Duration, def string) Rule {
	return durationAtMost{max: limit, def: def}
}

type durationAtMost struct {
	max time.Duration
	def string
}

func (r durationAtMost) Check(c Control, o Object) Finding {
	v, ok := attr(c, o)
	if !ok {
		return na(v)
	}
	s, _ := v.(string)
	d, err := parseISODuration(s)
	if err != nil {
		return Finding{Result: Fail, Actual: Format(v), Details: err.Error()}
	}
	if d > 0 && d <= r.max {
		return Finding{Result: Pass, Actual: Format(v)}
	}
	return Finding{Result: Fail, Actual: Format(v)}
}
func (r durationAtMost) Expected() string {
	return fmt.Sprintf("at most %s (%d days)", r.def, int(r.max.Hours()/24))
}
func (r durationAtMost) Value() any { return r.def }

// parseISODuration reads PnDTnHnMnS (no years, months or weeks).
func parseISODuration(s string) (time.Duration, error) {
	rest, ok := strings.CutPrefix(s, "P")
	if !ok || rest == "" {
		return 0, fmt.Errorf("%q is not an ISO 8601 duration", s)
	}
	var d time.Duration
	inTime := false
	num := ""
	for _, ch := range rest {
		switch {
		case ch >= '0' && ch <= '9':
			num += string(ch)
		case ch == 'T' && !inTime && num == "":
			inTime = true
		default:
			if num == "" {
				return 0, fmt.Errorf("%q is not an ISO 8601 duration", s)
			}
			n, err := strconv.ParseInt(num, 10, 32)
			if err != nil {
				return 0, fmt.Errorf("%q: %w", s, err)
			}
			unit := map[string]time.Duration{"D": 24 * time.Hour, "TH": time.Hour, "TM": time.Minute, "TS": time.Second}[map[bool]string{true: "T"}[inTime]+string(ch)]
			if unit == 0 {
				return 0, fmt.Errorf("%q is not an ISO 8601 duration of days, hours, minutes and seconds", s)
			}
			d += time.Duration(n) * unit
			num = ""
		}
	}
	if num != "" {
		return 0, fmt.Errorf("%q is not an ISO 8601 duration", s)
	}
	return d, nil
}
