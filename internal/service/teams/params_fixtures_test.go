package teams

import (
	"context"
	"encoding/json"
	"os"
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// typeFixtures are the parameter tables of the Teams types, with the
// fixture each one must decode (testdata/SOURCES.md in the client package
// says where each fixture comes from) and the least number of parameter
// values the fixture must yield.
var typeFixtures = []struct {
	pt      *PolicyType
	fixture string
	min     int
	// notCaptured lists modelled parameters the captured answer predates:
	// their wire names come from the cmdlet page alone.
	notCaptured []string
}{
	{&meetingPolicy, "meeting_policy_list.json", 150, []string{
		"AllowMeetingKnowledgeGeneration",
		"AllowMultipleScreenshare",
		"ConditionalAccessAttendeeVerification",
		"DisableAudioAnnouncementsForResourceAccounts",
		"EnablePreMeetingConsent",
		"ExternalBotAccessMode",
		"FilterProfanityInTranscript",
		"MeetingKnowledgeExpirationDays",
		"PasscodeComplexity",
		"PreMeetingConsentContentIdentifier",
		"PreventComplianceRecording",
		"RecordingAndTranscriptionAudioNotification",
		"SyntheticMediaDetection",
		"SyntheticMediaDetectionAppId",
	}},
	{&enhancedEncryptionPolicy, "enhanced_encryption_policy_list.json", 6, nil},
	{&appPermissionPolicy, "app_permission_policy_list.json", 14, nil},
	{&messagingPolicy, "messaging_policy_list.json", 150, nil},
	{&externalAccess, "tenant_federation_global.json", 12, nil},
	{&clientConfiguration, "client_configuration_global.json", 16, nil},
	{&meetingConfiguration, "meeting_configuration_global.json", 19, nil},
}

// readFixture returns the instances of a fixture that holds either one object
// (GET .../configuration/{Identity}) or a bare array (GET .../{Type}).
func readFixture(t *testing.T, name string) []map[string]any {
	t.Helper()
	raw, err := os.ReadFile(FixtureDir + name)
	if err != nil {
		t.Fatal(err)
	}
	var list []map[string]any
	if err := json.Unmarshal(raw, &list); err == nil {
		return list
	}
	var one map[string]any
	if err := json.Unmarshal(raw, &one); err != nil {
		t.Fatalf("%s: neither an object nor an array of objects: %v", name, err)
	}
	return []map[string]any{one}
}

// Every modelled parameter must decode from an answer shaped like the real
// service's, every enum value there must be allowed, and every modelled wire
// name must occur in the fixture (a misspelt Name would otherwise read as
// null forever).
func TestTypesDecodeRealShapedAnswers(t *testing.T) {
	for _, tc := range typeFixtures {
		t.Run(tc.pt.Type, func(t *testing.T) {
			instances := readFixture(t, tc.fixture)
			seen, found := 0, map[string]bool{}
			for _, obj := range instances {
				id, _ := obj["Identity"].(string)
				if tc.pt.Singleton && id != globalIdentity {
					t.Errorf("%s: a singleton's only instance is Global, got %q", tc.fixture, id)
				}
				for _, p := range tc.pt.Params {
					v, present := obj[p.Name]
					if !present {
						continue
					}
					seen++
					found[p.Name] = true
					if _, err := p.value(v); err != nil {
						t.Errorf("%s: %v", id, err)
					}
					if s, ok := v.(string); ok && p.Kind == Enum && !slices.Contains(p.Values, s) {
						t.Errorf("%s: %s = %q is not among the allowed values %v", id, p.Name, s, p.Values)
					}
				}
			}
			for _, p := range tc.pt.Params {
				if !found[p.Name] && !slices.Contains(tc.notCaptured, p.Name) {
					t.Errorf("%s does not occur in %s", p.Name, tc.fixture)
				}
			}
			if seen < tc.min {
				t.Fatalf("only %d parameter values found in %s; are the wire names right?", seen, tc.fixture)
			}
		})
	}
}

// The values the HIPAA baseline asks for must be expressible, spelled as
// documented.
func TestHIPAAValuesAreAllowed(t *testing.T) {
	want := []struct {
		pt    *PolicyType
		name  string
		value string
	}{
		{&enhancedEncryptionPolicy, "CallingEndtoEndEncryptionEnabledType", "DisabledUserOverride"},
		{&enhancedEncryptionPolicy, "MeetingEndToEndEncryption", "DisabledUserOverride"},
		{&appPermissionPolicy, "DefaultCatalogAppsType", "AllowedAppList"},
		{&appPermissionPolicy, "GlobalCatalogAppsType", "AllowedAppList"},
		{&appPermissionPolicy, "PrivateCatalogAppsType", "AllowedAppList"},
		{&externalAccess, "ExternalAccessWithTrialTenants", "Blocked"},
	}
	for _, w := range want {
		p, ok := paramNamed(w.pt, w.name)
		if !ok {
			t.Errorf("%s has no %s", w.pt.Type, w.name)
			continue
		}
		if p.Kind != Enum || !slices.Contains(p.Values, w.value) {
			t.Errorf("%s.%s does not allow %q", w.pt.Type, w.name, w.value)
		}
	}
	for _, b := range []struct {
		pt   *PolicyType
		name string
	}{
		{&messagingPolicy, "AllowSecurityEndUserReporting"},
		{&externalAccess, "AllowFederatedUsers"},
		{&externalAccess, "AllowTeamsConsumer"},
		{&externalAccess, "AllowTeamsConsumerInbound"},
		{&clientConfiguration, "AllowEmailIntoChannel"},
		{&clientConfiguration, "AllowDropBox"},
		{&clientConfiguration, "AllowBox"},
		{&clientConfiguration, "AllowGoogleDrive"},
		{&clientConfiguration, "AllowShareFile"},
		{&clientConfiguration, "AllowEgnyte"},
		{&clientConfiguration, "AllowGuestUser"},
		{&meetingConfiguration, "DisableAnonymousJoin"},
	} {
		if p, ok := paramNamed(b.pt, b.name); !ok || p.Kind != Bool {
			t.Errorf("%s.%s must be a Bool parameter", b.pt.Type, b.name)
		}
	}
}

func paramNamed(pt *PolicyType, name string) (Param, bool) {
	for _, p := range pt.Params {
		if p.Name == name {
			return p, true
		}
	}
	return Param{}, false
}

// configWith builds the Terraform configuration of a one-attribute schema
// holding p with the given set elements (nil: null).
func configWith(t *testing.T, p Param, elems []string) tfsdk.Config {
	t.Helper()
	ctx := context.Background()
	s := schema.Schema{Attributes: map[string]schema.Attribute{p.Attr: p.resourceAttribute()}}
	setType := tftypes.Set{ElementType: tftypes.String}
	val := tftypes.NewValue(setType, nil)
	if elems != nil {
		vals := make([]tftypes.Value, 0, len(elems))
		for _, e := range elems {
			vals = append(vals, tftypes.NewValue(tftypes.String, e))
		}
		val = tftypes.NewValue(setType, vals)
	}
	objType := s.Type().TerraformType(ctx)
	return tfsdk.Config{Schema: s, Raw: tftypes.NewValue(objType, map[string]tftypes.Value{p.Attr: val})}
}

// wireJSON runs p.wire on the configuration and returns the JSON it sends.
func wireJSON(t *testing.T, p Param, elems []string) (string, any, bool) {
	t.Helper()
	v, ok, diags := p.wire(context.Background(), configWith(t, p, elems))
	if diags.HasError() {
		t.Fatalf("wire(%v): %v", elems, diags)
	}
	if !ok {
		return "", nil, false
	}
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b), v, true
}

func decodeJSON(t *testing.T, s string) any {
	t.Helper()
	var v any
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		t.Fatalf("%s: %v", s, err)
	}
	return v
}

func stringSet(elems ...string) attr.Value {
	vals := []attr.Value{}
	for _, e := range elems {
		vals = append(vals, types.StringValue(e))
	}
	return types.SetValueMust(types.StringType, vals)
}

func TestObjectListKindsRoundTrip(t *testing.T) {
	for _, tc := range []struct {
		p    Param
		key  string
		elem []string
		want string
	}{
		{Param{Name: "DefaultCatalogApps", Attr: "default_catalog_apps", Kind: IDList}, "Id",
			[]string{"26bc2873-6023-480c-a11b-76b66605ce8c", "0d820ecd-def2-4297-adad-78056cde7c78"},
			`[{"Id":"0d820ecd-def2-4297-adad-78056cde7c78"},{"Id":"26bc2873-6023-480c-a11b-76b66605ce8c"}]`},
		{Param{Name: "BlockedDomains", Attr: "blocked_domains", Kind: DomainList}, "Domain",
			[]string{"fabrikam.com", "contoso.com"},
			`[{"Domain":"contoso.com"},{"Domain":"fabrikam.com"}]`},
		{Param{Name: "GlobalCatalogApps", Attr: "global_catalog_apps", Kind: IDList}, "Id",
			[]string{}, `[]`},
	} {
		t.Run(tc.p.Name, func(t *testing.T) {
			got, sent, ok := wireJSON(t, tc.p, tc.elem)
			if !ok || got != tc.want {
				t.Fatalf("wire = %s (sent %v), want %s", got, ok, tc.want)
			}
			// What the service answers (the same JSON) reads back as the
			// configured set, and compares equal to what was sent, as
			// Update and the read-back poll compare it.
			back, err := tc.p.value(decodeJSON(t, got))
			if err != nil {
				t.Fatal(err)
			}
			if want := stringSet(tc.elem...); !back.Equal(want) {
				t.Fatalf("read back %v, want %v", back, want)
			}
			if !tc.p.sameValue(normalize(sent), decodeJSON(t, got)) {
				t.Fatal("the value sent and the same value read back do not compare equal")
			}
			// Not configured: not sent.
			if _, _, ok := wireJSON(t, tc.p, nil); ok {
				t.Fatal("a null set must not be sent")
			}
		})
	}
}

func TestObjectListKindsReadBothShapes(t *testing.T) {
	ids := Param{Name: "PrivateCatalogApps", Attr: "private_catalog_apps", Kind: IDList}
	domains := Param{Name: "BlockedDomains", Attr: "blocked_domains", Kind: DomainList}
	for _, tc := range []struct {
		p    Param
		json string
		want attr.Value
	}{
		{ids, `[{"Id":"a"},{"Id":"b"}]`, stringSet("a", "b")},
		{ids, `[{"id":"a"},{"ID":"b"}]`, stringSet("a", "b")},
		{ids, `["a","b"]`, stringSet("a", "b")},
		{ids, `[{"Id":"a"},"b",{"Id":"a"}]`, stringSet("a", "b")},
		{ids, `{"Id":"a"}`, stringSet("a")},
		{ids, `[]`, stringSet()},
		{ids, `null`, stringSet()},
		{domains, `[{"Domain":"contoso.com"}]`, stringSet("contoso.com")},
		{domains, `[{"domain":"contoso.com"},"fabrikam.com"]`, stringSet("contoso.com", "fabrikam.com")},
		{domains, `null`, stringSet()},
	} {
		got, err := tc.p.value(decodeJSON(t, tc.json))
		if err != nil {
			t.Errorf("%s %s: %v", tc.p.Name, tc.json, err)
			continue
		}
		if !got.Equal(tc.want) {
			t.Errorf("%s %s = %v, want %v", tc.p.Name, tc.json, got, tc.want)
		}
	}
	for _, bad := range []string{`[1]`, `[{"Name":"a"}]`, `[{"Id":7}]`, `"a"`, `true`} {
		if _, err := ids.value(decodeJSON(t, bad)); err == nil {
			t.Errorf("%s read without error", bad)
		}
	}
}

func TestAllowedDomainsWire(t *testing.T) {
	p, _ := paramNamed(&externalAccess, "AllowedDomains")
	for _, tc := range []struct {
		elem []string
		want string
	}{
		{[]string{"fabrikam.com", "contoso.com"}, `{"AllowedDomain":[{"Domain":"contoso.com"},{"Domain":"fabrikam.com"}]}`},
		{[]string{allowAllKnownDomains}, `{}`},
		{[]string{}, `{"AllowedDomain":[]}`},
	} {
		got, sent, ok := wireJSON(t, p, tc.elem)
		if !ok || got != tc.want {
			t.Errorf("wire(%v) = %s (sent %v), want %s", tc.elem, got, ok, tc.want)
			continue
		}
		back, err := p.value(decodeJSON(t, got))
		if err != nil {
			t.Fatal(err)
		}
		if want := stringSet(tc.elem...); !back.Equal(want) {
			t.Errorf("wire(%v) reads back as %v", tc.elem, back)
		}
		if !p.sameValue(normalize(sent), decodeJSON(t, got)) {
			t.Errorf("wire(%v): sent and read-back values do not compare equal", tc.elem)
		}
	}
	if _, _, diags := p.wire(context.Background(), configWith(t, p, []string{allowAllKnownDomains, "contoso.com"})); !diags.HasError() {
		t.Error("AllowAllKnownDomains mixed with a domain must not be sent")
	}
}

func TestAllowedDomainsReadShapes(t *testing.T) {
	p, _ := paramNamed(&externalAccess, "AllowedDomains")
	for _, tc := range []struct {
		json string
		want attr.Value
	}{
		// Explicit allow lists.
		{`{"AllowedDomain":[{"Domain":"domains.r.us"}]}`, stringSet("domains.r.us")},
		{`{"allowedDomain":[{"domain":"a.com"},"b.com"]}`, stringSet("a.com", "b.com")},
		{`{"AllowedDomain":{"Domain":"a.com"}}`, stringSet("a.com")},
		{`{"AllowedDomain":[]}`, stringSet()},
		{`{"AllowedDomain":null}`, stringSet()},
		{`["a.com"]`, stringSet("a.com")},
		// Allow every domain that is not blocked.
		{`{}`, stringSet(allowAllKnownDomains)},
		{`{"AllowAllKnownDomains":{}}`, stringSet(allowAllKnownDomains)},
		{`"AllowAllKnownDomains"`, stringSet(allowAllKnownDomains)},
		// Not answered.
		{`null`, types.SetNull(types.StringType)},
	} {
		got, err := p.value(decodeJSON(t, tc.json))
		if err != nil {
			t.Errorf("%s: %v", tc.json, err)
			continue
		}
		if !got.Equal(tc.want) {
			t.Errorf("%s = %v, want %v", tc.json, got, tc.want)
		}
	}
	for _, bad := range []string{`true`, `"contoso.com"`, `{"AllowedDomain":[3]}`} {
		if _, err := p.value(decodeJSON(t, bad)); err == nil {
			t.Errorf("%s read without error", bad)
		}
	}
}

func TestAllowedDomainsValidator(t *testing.T) {
	for _, tc := range []struct {
		elems []string
		ok    bool
	}{
		{[]string{allowAllKnownDomains}, true},
		{[]string{"contoso.com", "fabrikam.com"}, true},
		{[]string{}, true},
		{[]string{allowAllKnownDomains, "contoso.com"}, false},
		{[]string{"allowallknowndomains"}, false},
	} {
		vals := []attr.Value{}
		for _, e := range tc.elems {
			vals = append(vals, types.StringValue(e))
		}
		req := validator.SetRequest{Path: path.Root("allowed_domains"), ConfigValue: types.SetValueMust(types.StringType, vals)}
		resp := &validator.SetResponse{}
		allowAllKnownDomainsAlone{}.ValidateSet(context.Background(), req, resp)
		if resp.Diagnostics.HasError() == tc.ok {
			t.Errorf("%v: valid = %v, want %v (%v)", tc.elems, !resp.Diagnostics.HasError(), tc.ok, resp.Diagnostics)
		}
	}
}

// The new Kinds are sets in both the resource and the data source schema.
func TestNewKindsAreSets(t *testing.T) {
	for _, k := range []Kind{IDList, DomainList, DomainAllowList} {
		p := Param{Name: "X", Attr: "x", Kind: k, Description: "d."}
		if _, ok := p.resourceAttribute().(schema.SetAttribute); !ok {
			t.Errorf("kind %d: resource attribute %T", k, p.resourceAttribute())
		}
		if got := p.dataSourceAttribute().GetType(); !got.Equal(types.SetType{ElemType: types.StringType}) {
			t.Errorf("kind %d: data source type %v", k, got)
		}
	}
}
