package baselinecheck

import (
	"context"
	"math/big"
	"reflect"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/baseline"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/conns"
)

const meeting = "teamshipaa_meeting_policy"

var (
	strSet     = tftypes.Set{ElementType: tftypes.String}
	strMap     = tftypes.Map{ElementType: tftypes.String}
	nestedType = tftypes.Object{AttributeTypes: map[string]tftypes.Type{"mode": tftypes.String, "value": tftypes.Number}}
	policyType = tftypes.Object{AttributeTypes: map[string]tftypes.Type{
		"id": tftypes.String, "name": tftypes.String,
		"auto_admitted_users":                    tftypes.String,
		"allow_anonymous_users_to_start_meeting": tftypes.Bool,
		"new_meeting_recording_expiration_days":  tftypes.Number,
		"ratio":                                  tftypes.Number,
		"tags":                                   strSet,
		"nested":                                 nestedType,
		ProfileAttr:                              tftypes.String,
		ExceptionsAttr:                           strMap,
	}}
)

// policy builds a planned meeting policy; overrides replace attribute values.
func policy(name string, overrides map[string]tftypes.Value) tftypes.Value {
	vals := map[string]tftypes.Value{
		"id":                                     tftypes.NewValue(tftypes.String, tftypes.UnknownValue),
		"name":                                   tftypes.NewValue(tftypes.String, name),
		"auto_admitted_users":                    tftypes.NewValue(tftypes.String, "EveryoneInCompanyExcludingGuests"),
		"allow_anonymous_users_to_start_meeting": tftypes.NewValue(tftypes.Bool, false),
		"new_meeting_recording_expiration_days":  tftypes.NewValue(tftypes.Number, big.NewFloat(60)),
		"ratio":                                  tftypes.NewValue(tftypes.Number, big.NewFloat(0.5)),
		"tags":                                   tftypes.NewValue(strSet, []tftypes.Value{tftypes.NewValue(tftypes.String, "a")}),
		"nested": tftypes.NewValue(nestedType, map[string]tftypes.Value{
			"mode": tftypes.NewValue(tftypes.String, "never"), "value": tftypes.NewValue(tftypes.Number, nil),
		}),
		ProfileAttr:    tftypes.NewValue(tftypes.String, nil),
		ExceptionsAttr: tftypes.NewValue(strMap, nil),
	}
	for k, v := range overrides {
		vals[k] = v
	}
	return tftypes.NewValue(policyType, vals)
}

func str(s string) tftypes.Value { return tftypes.NewValue(tftypes.String, s) }

func reasons(kv ...string) tftypes.Value {
	m := map[string]tftypes.Value{}
	for i := 0; i < len(kv); i += 2 {
		m[kv[i]] = str(kv[i+1])
	}
	return tftypes.NewValue(strMap, m)
}

func TestObjectFromValueConvertsEveryShape(t *testing.T) {
	o := ObjectFromValue(meeting, policy("Telehealth", map[string]tftypes.Value{ProfileAttr: str("telehealth")}))
	if o.Resource != meeting || o.Name != "Telehealth" || o.Global || o.Profile != baseline.Telehealth || o.Err != nil {
		t.Fatalf("object: %+v", o)
	}
	want := map[string]any{
		"id":                                     baseline.Unknown,
		"name":                                   "Telehealth",
		"auto_admitted_users":                    "EveryoneInCompanyExcludingGuests",
		"allow_anonymous_users_to_start_meeting": false,
		"new_meeting_recording_expiration_days":  int64(60),
		"ratio":                                  0.5,
		"tags":                                   []any{"a"},
		"nested":                                 map[string]any{"mode": "never", "value": nil},
	}
	if !reflect.DeepEqual(o.Attrs, want) {
		t.Fatalf("attrs:\n got %#v\nwant %#v", o.Attrs, want)
	}
}

func TestObjectFromValueGlobalAndSingletons(t *testing.T) {
	if o := ObjectFromValue(meeting, policy("global", nil)); !o.Global || o.Name != "Global" || o.Profile != "" {
		t.Fatalf("the Global policy (any case), unmarked: %+v", o)
	}
	singleton := tftypes.Object{AttributeTypes: map[string]tftypes.Type{"id": tftypes.String, "unified_audit_log_ingestion_enabled": tftypes.Bool}}
	o := ObjectFromValue("teamshipaa_audit_log_config", tftypes.NewValue(singleton, map[string]tftypes.Value{
		"id": tftypes.NewValue(tftypes.String, tftypes.UnknownValue), "unified_audit_log_ingestion_enabled": tftypes.NewValue(tftypes.Bool, false),
	}))
	if !o.Global || o.Name != "Global" || o.Attrs["unified_audit_log_ingestion_enabled"] != false {
		t.Fatalf("a type without name or display_name is a singleton: %+v", o)
	}
	named := tftypes.Object{AttributeTypes: map[string]tftypes.Type{"id": tftypes.String, "display_name": tftypes.String}}
	o = ObjectFromValue("teamshipaa_conditional_access_policy", tftypes.NewValue(named, map[string]tftypes.Value{
		"id": str("0000"), "display_name": str("Global"),
	}))
	if o.Global || o.Name != "Global" {
		t.Fatalf("a display name is only a name: %+v", o)
	}
}

func TestObjectFromValueUnknownCollectionIsUnknown(t *testing.T) {
	o := ObjectFromValue(meeting, policy("p", map[string]tftypes.Value{
		"tags": tftypes.NewValue(strSet, []tftypes.Value{str("a"), tftypes.NewValue(tftypes.String, tftypes.UnknownValue)}),
	}))
	if o.Attrs["tags"] != baseline.Unknown {
		t.Fatalf("tags: %#v", o.Attrs["tags"])
	}
}

func TestCheckWarnsWithEverythingAReviewerNeeds(t *testing.T) {
	planned := policy("Global", map[string]tftypes.Value{"auto_admitted_users": str("Everyone")})
	diags := Check(Plan{Resource: meeting, Mode: conns.ChecksWarn, Planned: planned})
	if diags.HasError() || len(diags) != 1 {
		t.Fatalf("want one warning, got %v", diags)
	}
	d := diags[0]
	if d.Summary() != `Baseline deviation HB.MEETING.2 (new) in teamshipaa_meeting_policy "Global": Only people in the organization bypass the lobby` {
		t.Errorf("summary: %q", d.Summary())
	}
	if p, ok := d.(interface{ Path() path.Path }); !ok || !p.Path().Equal(path.Root("auto_admitted_users")) {
		t.Errorf("the warning is on the attribute: %#v", d)
	}
	for _, want := range []string{
		"New deviation: the object is new.",
		`Object:      teamshipaa_meeting_policy "Global"`,
		`auto_admitted_users is planned as "Everyone"; the HIPAA baseline (staff profile) recommends "EveryoneInCompanyExcludingGuests".`,
		"Control:     HB.MEETING.2, Only people in the organization bypass the lobby (level shall: required)",
		`Planned:     "Everyone"`,
		`Recommended: "EveryoneInCompanyExcludingGuests"`,
		"Crosswalk:   SCuBA MS.TEAMS.1.3v1, MS.TEAMS.1.4v1; CIS 8.5.3; Maester MT.1045",
		"HIPAA:       45 CFR 164.312(a)(1), 164.312(d)",
		"Resolution:  Maester wants InvitedUsers",
		"baseline_exceptions = {\n    auto_admitted_users = \"<why this object departs from the baseline>\"\n  }",
		`The key may also be the control id, "HB.MEETING.2".`,
	} {
		if !strings.Contains(d.Detail(), want) {
			t.Errorf("the detail lacks %q:\n%s", want, d.Detail())
		}
	}
}

func TestCheckModesScopesExceptionsAndUnknowns(t *testing.T) {
	everyone := map[string]tftypes.Value{"auto_admitted_users": str("Everyone")}
	with := func(extra map[string]tftypes.Value) map[string]tftypes.Value {
		m := map[string]tftypes.Value{"auto_admitted_users": str("Everyone")}
		for k, v := range extra {
			m[k] = v
		}
		return m
	}
	cases := []struct {
		name     string
		mode     conns.BaselineChecks
		planned  tftypes.Value
		errors   int
		warnings int
	}{
		{"error mode fails the plan", conns.ChecksError, policy("Global", everyone), 1, 0},
		{"error_new mode fails a new object's deviation", conns.ChecksErrorNew, policy("Global", everyone), 1, 0},
		{"off reports nothing", conns.ChecksOff, policy("Global", everyone), 0, 0},
		{"a global control skips custom policies", conns.ChecksError, policy("Custom", everyone), 0, 0},
		{"an every control judges custom policies", conns.ChecksWarn,
			policy("Custom", map[string]tftypes.Value{"allow_anonymous_users_to_start_meeting": tftypes.NewValue(tftypes.Bool, true)}), 0, 1},
		{"excepted by attribute", conns.ChecksError, policy("Global", with(map[string]tftypes.Value{ExceptionsAttr: reasons("auto_admitted_users", "kiosk")})), 0, 0},
		{"excepted by control id", conns.ChecksError, policy("Global", with(map[string]tftypes.Value{ExceptionsAttr: reasons("HB.MEETING.2", "kiosk")})), 0, 0},
		{"an exception of another control does not count", conns.ChecksError,
			policy("Global", with(map[string]tftypes.Value{ExceptionsAttr: reasons("HB.MEETING.1", "x")})), 1, 0},
		{"unknown planned value", conns.ChecksError,
			policy("Global", map[string]tftypes.Value{"auto_admitted_users": tftypes.NewValue(tftypes.String, tftypes.UnknownValue)}), 0, 0},
		{"unknown exceptions", conns.ChecksError,
			policy("Global", with(map[string]tftypes.Value{ExceptionsAttr: tftypes.NewValue(strMap, tftypes.UnknownValue)})), 0, 0},
		{"null planned value (service default kept)", conns.ChecksError,
			policy("Global", map[string]tftypes.Value{"auto_admitted_users": tftypes.NewValue(tftypes.String, nil)}), 0, 0},
		{"compliant", conns.ChecksError, policy("Global", nil), 0, 0},
		{"destroy", conns.ChecksError, tftypes.NewValue(policyType, nil), 0, 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			diags := Check(Plan{Resource: meeting, Mode: tc.mode, Planned: tc.planned})
			if got := diags.ErrorsCount(); got != tc.errors {
				t.Errorf("errors: got %d, want %d: %v", got, tc.errors, diags)
			}
			if got := diags.WarningsCount(); got != tc.warnings {
				t.Errorf("warnings: got %d, want %d: %v", got, tc.warnings, diags)
			}
		})
	}
}

func TestShouldControlsWarnEvenInErrorMode(t *testing.T) {
	c := baseline.Control{ID: "HB.TEST.1", Title: "t", Resource: meeting, Attribute: "auto_admitted_users", Scope: baseline.ScopeEvery,
		Rule: baseline.Equals("x"), Profiles: baseline.Profiles, Level: baseline.Should, HIPAA: []string{"164.312(d)"}}
	o := ObjectFromValue(meeting, policy("p", nil))
	f := baseline.Judge(c, o, nil)
	if f.Result != baseline.Warning {
		t.Fatalf("finding: %+v", f)
	}
	_, detail := Deviation(c, o, f, New)
	if !strings.Contains(detail, "(level should: recommended)") || !strings.Contains(detail, "Crosswalk:   none\n") {
		t.Fatalf("detail:\n%s", detail)
	}
}

func TestExceptionKeysAreValidated(t *testing.T) {
	v := exceptionsValidator{resourceType: meeting}
	run := func(m map[string]string) []string {
		elems := map[string]attr.Value{}
		for k, s := range m {
			elems[k] = types.StringValue(s)
		}
		req := validator.MapRequest{Path: path.Root(ExceptionsAttr), ConfigValue: types.MapValueMust(types.StringType, elems)}
		var resp validator.MapResponse
		v.ValidateMap(context.Background(), req, &resp)
		var out []string
		for _, d := range resp.Diagnostics.Errors() {
			out = append(out, d.Summary()+": "+d.Detail())
		}
		return out
	}
	if errs := run(map[string]string{"auto_admitted_users": "kiosk", "HB.MEETING.1": "why"}); len(errs) != 0 {
		t.Fatalf("valid keys refused: %v", errs)
	}
	errs := run(map[string]string{"allow_meet_now": "why"})
	if len(errs) != 1 || !strings.Contains(errs[0], "Allowed keys (attribute names or control ids): ") ||
		!strings.Contains(errs[0], " auto_admitted_users,") || !strings.Contains(errs[0], " HB.MEETING.2,") {
		t.Fatalf("an ungoverned attribute: %v", errs)
	}
	if errs := run(map[string]string{"auto_admitted_users": "  "}); len(errs) != 1 || !strings.Contains(errs[0], "Empty baseline exception reason") {
		t.Fatalf("an empty reason: %v", errs)
	}
	ungoverned := exceptionsValidator{resourceType: "teamshipaa_nothing"}
	var resp validator.MapResponse
	ungoverned.ValidateMap(context.Background(), validator.MapRequest{Path: path.Root(ExceptionsAttr),
		ConfigValue: types.MapValueMust(types.StringType, map[string]attr.Value{"x": types.StringValue("y")})}, &resp)
	if !resp.Diagnostics.HasError() || !strings.Contains(resp.Diagnostics.Errors()[0].Detail(), "No control of the catalog governs teamshipaa_nothing") {
		t.Fatalf("an ungoverned type: %v", resp.Diagnostics)
	}
}

func TestNestedAttributesGetPathsAndQuotedKeys(t *testing.T) {
	o := baseline.Object{Resource: "teamshipaa_conditional_access_policy", Attrs: map[string]any{
		"conditions":       map[string]any{"users": map[string]any{"exclude_users": nil}},
		"session_controls": nil,
	}}
	if p, ok := attrPath(o, "conditions.users.exclude_users"); !ok || !p.Equal(path.Root("conditions").AtName("users").AtName("exclude_users")) {
		t.Errorf("nested path: %v %v", p, ok)
	}
	if p, ok := attrPath(o, "session_controls.sign_in_frequency"); !ok || !p.Equal(path.Root("session_controls")) {
		t.Errorf("a path through a null object stops there: %v %v", p, ok)
	}
	if _, ok := attrPath(o, ""); ok {
		t.Error("a whole-object control has no attribute path")
	}
	c := baseline.Control{ID: "HB.TEST.2", Title: "t", Resource: o.Resource, Attribute: "conditions.users.exclude_users",
		Rule: baseline.Equals("x"), Level: baseline.Shall, HIPAA: []string{"164.312(a)(2)(ii)"}}
	_, detail := Deviation(c, o, baseline.Finding{Result: baseline.Fail, Actual: "null", Expected: `"x"`}, New)
	if !strings.Contains(detail, `"conditions.users.exclude_users" = "<why`) {
		t.Errorf("a dotted key is quoted in the HCL snippet:\n%s", detail)
	}
	c.Attribute = ""
	_, detail = Deviation(c, o, baseline.Finding{Result: baseline.Fail, Actual: "x", Expected: "y"}, New)
	if !strings.Contains(detail, `"HB.TEST.2" = "<why`) || strings.Contains(detail, "The key may also be") {
		t.Errorf("a whole-object control is excepted by id:\n%s", detail)
	}
}

func TestSummariesNameTheObjectAndParse(t *testing.T) {
	start := map[string]tftypes.Value{"allow_anonymous_users_to_start_meeting": tftypes.NewValue(tftypes.Bool, true)}
	a := Check(Plan{Resource: meeting, Mode: conns.ChecksWarn, Planned: policy("Clinicians", start)})
	b := Check(Plan{Resource: meeting, Mode: conns.ChecksWarn, Planned: policy(`Front "desk"`, start)})
	if len(a) != 1 || len(b) != 1 || a[0].Summary() == b[0].Summary() {
		t.Fatalf("two objects' deviations must differ in summary (Terraform merges equal ones): %v / %v", a, b)
	}
	m, ok := baseline.ParseSummary(b[0].Summary())
	if !ok || m != (baseline.SummaryParts{ControlID: "HB.MEETING.1", Change: New, Resource: meeting, Name: `Front "desk"`,
		Title: "Anonymous users cannot start meetings"}) {
		t.Fatalf("ParseSummary(%q): %+v", b[0].Summary(), m)
	}
}

// A deviation the prior state already held is standing; one whose prior
// value complied is new. error_new fails only new ones; error fails both.
func TestNewVersusStanding(t *testing.T) {
	bad := func(name string) tftypes.Value {
		return policy(name, map[string]tftypes.Value{"allow_anonymous_users_to_start_meeting": tftypes.NewValue(tftypes.Bool, true)})
	}
	cases := []struct {
		name           string
		mode           conns.BaselineChecks
		prior, planned tftypes.Value
		change         string
		errors         int
	}{
		{"standing warns in error_new", conns.ChecksErrorNew, bad("Legacy"), bad("Legacy"), "standing", 0},
		{"standing fails in error", conns.ChecksError, bad("Legacy"), bad("Legacy"), "standing", 1},
		{"introduced by an update fails in error_new", conns.ChecksErrorNew, policy("Legacy", nil), bad("Legacy"), "new", 1},
		{"introduced by an update warns in warn", conns.ChecksWarn, policy("Legacy", nil), bad("Legacy"), "new", 0},
		{"a new object fails in error_new", conns.ChecksErrorNew, tftypes.NewValue(policyType, nil), bad("Legacy"), "new", 1},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			diags := Check(Plan{Resource: meeting, Mode: tc.mode, Prior: tc.prior, Planned: tc.planned})
			if len(diags) != 1 || diags.ErrorsCount() != tc.errors {
				t.Fatalf("want one diagnostic, %d errors: %v", tc.errors, diags)
			}
			if m, ok := baseline.ParseSummary(diags[0].Summary()); !ok || string(m.Change) != tc.change {
				t.Fatalf("want %s: %q", tc.change, diags[0].Summary())
			}
			if tc.change == "standing" && !strings.Contains(diags[0].Detail(), "Standing deviation: the object already holds it (true)") {
				t.Errorf("detail:\n%s", diags[0].Detail())
			}
		})
	}
}

// On a create, an attribute the configuration leaves unset (planned unknown)
// is judged by the service's value: a new object's default is a new
// deviation, an adopted object's current value a standing one.
func TestUnsetAttributesAreJudgedByTheServiceValue(t *testing.T) {
	unknownStart := map[string]tftypes.Value{"allow_anonymous_users_to_start_meeting": tftypes.NewValue(tftypes.Bool, tftypes.UnknownValue)}
	planned := policy("New", unknownStart)
	config := policy("New", map[string]tftypes.Value{"allow_anonymous_users_to_start_meeting": tftypes.NewValue(tftypes.Bool, nil)})
	def := &ServiceValues{Attrs: map[string]any{"allow_anonymous_users_to_start_meeting": true},
		Source: map[string]string{"allow_anonymous_users_to_start_meeting": "true (documented default)"}}

	if d := Check(Plan{Resource: meeting, Mode: conns.ChecksError, Planned: planned, Config: config}); len(d) != 0 {
		t.Fatalf("without service values an unknown is not judged: %v", d)
	}
	d := Check(Plan{Resource: meeting, Mode: conns.ChecksErrorNew, Planned: planned, Config: config, Service: def})
	if d.ErrorsCount() != 1 || !strings.Contains(d[0].Detail(), "is not set in the configuration; the object will hold the service's value: true (documented default).") ||
		!strings.Contains(d[0].Summary(), "(new)") {
		t.Fatalf("a non-compliant default fails error_new: %v", d)
	}
	if p, ok := d[0].(interface{ Path() path.Path }); !ok || !p.Path().Equal(path.Root("allow_anonymous_users_to_start_meeting")) {
		t.Errorf("the diagnostic is on the attribute: %#v", d[0])
	}
	// An unknown the configuration sets (from another resource) is not a default.
	set := policy("New", map[string]tftypes.Value{"allow_anonymous_users_to_start_meeting": tftypes.NewValue(tftypes.Bool, tftypes.UnknownValue)})
	if d := Check(Plan{Resource: meeting, Mode: conns.ChecksError, Planned: planned, Config: set, Service: def}); len(d) != 0 {
		t.Fatalf("a configured unknown is not judged by the default: %v", d)
	}
	existing := *def
	existing.Existing = true
	d = Check(Plan{Resource: meeting, Mode: conns.ChecksErrorNew, Planned: policy("Global", unknownStart), Config: config, Service: &existing})
	if d.ErrorsCount() != 0 || d.WarningsCount() != 1 || !strings.Contains(d[0].Summary(), "(standing)") {
		t.Fatalf("an adopted object's current value is standing: %v", d)
	}
}
