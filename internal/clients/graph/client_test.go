package graph

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"reflect"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/transport"
)

func fixture(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// recorded is one request the fake service received.
type recorded struct {
	Method, Path, Query, Body string
	Header                    http.Header
}

type fake struct {
	mu   sync.Mutex
	reqs []recorded
	hits atomic.Int32
}

func (f *fake) all() []recorded {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]recorded(nil), f.reqs...)
}

// newClient serves handler under /prefix (the client appends /v1.0) through
// the real shared transport with its default retry policy; waits are recorded
// and skipped.
func newClient(t *testing.T, handler func(n int, w http.ResponseWriter, r *http.Request)) (*Client, *fake) {
	t.Helper()
	f := &fake{}
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := int(f.hits.Add(1)) - 1
		b, _ := io.ReadAll(r.Body)
		f.mu.Lock()
		f.reqs = append(f.reqs, recorded{r.Method, r.URL.Path, r.URL.RawQuery, string(b), r.Header.Clone()})
		f.mu.Unlock()
		r.Body = io.NopCloser(bytes.NewReader(b))
		if got := r.Header.Get("Authorization"); got != "Bearer test-token" {
			t.Errorf("%s %s: Authorization %q", r.Method, r.URL.Path, got)
		}
		w.Header().Set("Content-Type", "application/json")
		handler(n, w, r)
	}))
	t.Cleanup(srv.Close)
	hc := transport.New(transport.Options{
		Base:  srv.Client().Transport,
		Sleep: func(ctx context.Context, _ time.Duration) error { return ctx.Err() },
	})
	return New(hc, srv.URL+"/prefix/", func(context.Context) (string, error) { return "test-token", nil }), f
}

// echoCreated answers a POST with 201 and the posted object plus an id.
func echoCreated(id string) func(int, http.ResponseWriter, *http.Request) {
	return func(_ int, w http.ResponseWriter, r *http.Request) {
		var in map[string]any
		_ = json.NewDecoder(r.Body).Decode(&in)
		in["id"] = id
		w.WriteHeader(http.StatusCreated)
		_ = json.NewEncoder(w).Encode(in)
	}
}

// The single GET serves a policy this client wrote (cache.go) and GetPolicyJSON.
func TestGetPolicyDecodesTheDocumentationExample(t *testing.T) {
	c, f := newClient(t, func(_ int, w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write(fixture(t, "conditional_access_policy_get.json"))
	})
	p, err := c.getPolicy(context.Background(), "6b5e999b-0ba8-4186-a106-e0296c1c4358")
	if err != nil {
		t.Fatal(err)
	}
	reqs := f.all()
	if len(reqs) != 1 || reqs[0].Method != "GET" || reqs[0].Path != "/prefix/v1.0/identity/conditionalAccess/policies/6b5e999b-0ba8-4186-a106-e0296c1c4358" {
		t.Fatalf("requests: %+v", reqs)
	}
	if ua := reqs[0].Header.Get("User-Agent"); !strings.HasPrefix(ua, transport.DefaultUserAgent) {
		t.Errorf("User-Agent %q", ua)
	}
	want := &ConditionalAccessPolicy{
		ID: "6b5e999b-0ba8-4186-a106-e0296c1c4358", DisplayName: "Demo app for documentation", State: "disabled",
		Conditions: Conditions{
			SignInRiskLevels: []string{"medium", "low"},
			ClientAppTypes:   []string{"mobileAppsAndDesktopClients", "exchangeActiveSync", "other"},
			Applications: &Applications{
				IncludeApplications: []string{"All"},
				ExcludeApplications: []string{"499b84ac-1321-427f-aa17-267ca6975798", "00000007-0000-0000-c000-000000000000",
					"de8bc8b5-d9f9-48b1-a8ad-b748da725064", "00000012-0000-0000-c000-000000000000", "797f4846-ba00-4fd7-ba43-dac1f8f63013",
					"05a65629-4c1b-48c1-a78b-804c4abdd4af", "7df0a125-d3be-4c96-aa54-591f83ff541c"},
				IncludeUserActions: []string{},
			},
			Users: &Users{
				IncludeUsers:  []string{"a702a13d-a437-4a07-8a7e-8c052de62dfd"},
				ExcludeUsers:  []string{"124c5b6a-ffa5-483a-9b88-04c3fce5574a", "GuestsOrExternalUsers"},
				IncludeGroups: []string{}, ExcludeGroups: []string{},
				IncludeRoles: []string{"9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3", "cf1c38e5-3621-4004-a7cb-879624dced7c", "c4e39bd9-1100-46d3-8c65-fb160da0071f"},
				ExcludeRoles: []string{"b0f54661-2d74-4c50-afa3-1ec803f12efe"},
			},
			Platforms: &IncludeExclude{Include: []string{"all"}, Exclude: []string{"iOS", "windowsPhone"}},
			Locations: &IncludeExclude{Include: []string{"AllTrusted"}, Exclude: []string{"00000000-0000-0000-0000-000000000000", "d2136c9c-b049-47ae-b9cf-316e04ef7198"}},
		},
		GrantControls: &GrantControls{
			Operator:        "OR",
			BuiltInControls: []string{"mfa", "compliantDevice", "domainJoinedDevice", "approvedApplication", "compliantApplication"},
			TermsOfUse:      []string{"ce580154-086a-40fd-91df-8a60abac81a0", "7f29d675-caff-43e1-8a53-1b8516ed2075"},
		},
		SessionControls: &SessionControls{
			CloudAppSecurity: &CloudAppSecurity{Type: "blockDownloads", IsEnabled: true},
			SignInFrequency:  &SignInFrequency{Value: ptr(int32(4)), Type: "hours", IsEnabled: true},
		},
	}
	if !reflect.DeepEqual(p, want) {
		g, _ := json.MarshalIndent(p, "", " ")
		w, _ := json.MarshalIndent(want, "", " ")
		t.Errorf("decoded\n%s\nwant\n%s", g, w)
	}
}

func TestNamedLocationsDecodeTheDocumentationExamples(t *testing.T) {
	c, _ := newClient(t, func(_ int, w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/namedLocations") {
			_, _ = w.Write(fixture(t, "named_locations_list.json"))
			return
		}
		_, _ = w.Write(fixture(t, "named_location_get.json"))
	})
	l, err := c.getNamedLocation(context.Background(), "0854951d-5fc0-4eb1-b392-9b2c9d7949c2")
	if err != nil {
		t.Fatal(err)
	}
	want := &NamedLocation{ID: "0854951d-5fc0-4eb1-b392-9b2c9d7949c2", DisplayName: "Untrusted IP named location", Kind: KindIP,
		IPRanges: []string{"12.34.221.11/22", "2001:0:9d38:90d6:0:0:0:0/63"}}
	if !reflect.DeepEqual(l, want) {
		t.Errorf("got %+v\nwant %+v", l, want)
	}
	all, err := c.ListNamedLocations(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 3 {
		t.Fatalf("%d locations", len(all))
	}
	country := &NamedLocation{ID: "1b7f0916-7677-40d8-97a1-d606f4ed8fcf", DisplayName: "Country named location", Kind: KindCountry,
		CountriesAndRegions: []string{"US", "CA"}}
	if !reflect.DeepEqual(all[1], country) {
		t.Errorf("got %+v\nwant %+v", all[1], country)
	}
	if all[2].Kind != KindIP || !all[2].IsTrusted || len(all[2].IPRanges) != 2 || !IsIPv6CIDR(all[2].IPRanges[0]) {
		t.Errorf("trusted v6 location: %+v", all[2])
	}
}

func TestAuthenticationStrengthsFallBackToPoliciesPath(t *testing.T) {
	c, f := newClient(t, func(_ int, w http.ResponseWriter, r *http.Request) {
		if strings.Contains(r.URL.Path, "/identity/") {
			w.WriteHeader(404)
			_, _ = w.Write([]byte(`{"error":{"code":"Request_ResourceNotFound","message":"Resource not found."}}`))
			return
		}
		_, _ = w.Write(fixture(t, "authentication_strength_policies_list.json"))
	})
	got, err := c.ListAuthenticationStrengths(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 || got[2].ID != "00000000-0000-0000-0000-000000000004" || got[2].DisplayName != "Phishing resistant MFA" || got[2].PolicyType != "builtIn" {
		t.Fatalf("got %+v", got)
	}
	reqs := f.all()
	if len(reqs) != 2 || reqs[1].Path != "/prefix/v1.0/policies/authenticationStrengthPolicies" {
		t.Fatalf("requests %+v", reqs)
	}
}

// One retry layer: the shared transport retries a throttled request; Kiota's
// pipeline (built without its RetryHandler) does not retry it again. Two 429s
// then a success is exactly three attempts, for a GET and for a PATCH (whose
// body must be replayed intact).
func TestThrottlingIsRetriedByOneLayer(t *testing.T) {
	throttleTwice := func(ok func(w http.ResponseWriter)) func(int, http.ResponseWriter, *http.Request) {
		return func(n int, w http.ResponseWriter, _ *http.Request) {
			if n < 2 {
				w.Header().Set("Retry-After", "0")
				w.Header().Set("request-id", "throttled")
				w.WriteHeader(http.StatusTooManyRequests)
				_, _ = w.Write([]byte(`{"error":{"code":"TooManyRequests","message":"Please retry again later."}}`))
				return
			}
			ok(w)
		}
	}
	t.Run("GET", func(t *testing.T) {
		c, f := newClient(t, throttleTwice(func(w http.ResponseWriter) { _, _ = w.Write(fixture(t, "named_locations_list.json")) }))
		if _, err := c.GetNamedLocation(context.Background(), "1b7f0916-7677-40d8-97a1-d606f4ed8fcf"); err != nil {
			t.Fatal(err)
		}
		if n := f.hits.Load(); n != 3 {
			t.Fatalf("%d attempts, want 3", n)
		}
	})
	t.Run("PATCH", func(t *testing.T) {
		c, f := newClient(t, throttleTwice(func(w http.ResponseWriter) { w.WriteHeader(http.StatusNoContent) }))
		err := c.UpdatePolicy(context.Background(), "p1", &ConditionalAccessPolicy{DisplayName: "x", State: "disabled",
			Conditions:    Conditions{Users: &Users{IncludeUsers: []string{"All"}}, Applications: &Applications{IncludeApplications: []string{"All"}}},
			GrantControls: &GrantControls{Operator: "OR", BuiltInControls: []string{"mfa"}}})
		if err != nil {
			t.Fatal(err)
		}
		reqs := f.all()
		if len(reqs) != 3 {
			t.Fatalf("%d attempts, want 3", len(reqs))
		}
		for _, r := range reqs {
			if r.Method != "PATCH" || r.Body == "" || r.Body != reqs[0].Body {
				t.Fatalf("attempt %s body %q differs from the first %q", r.Method, r.Body, reqs[0].Body)
			}
		}
	})
	t.Run("persistent 429 surfaces the service error", func(t *testing.T) {
		c, f := newClient(t, func(_ int, w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Retry-After", "0")
			w.Header().Set("request-id", "rid-429")
			w.WriteHeader(http.StatusTooManyRequests)
			_, _ = w.Write([]byte(`{"error":{"code":"TooManyRequests","message":"Please retry again later."}}`))
		})
		ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
		defer cancel()
		_, err := c.GetPolicy(ctx, "p1")
		if transport.StatusCode(err) != 429 || !strings.Contains(err.Error(), "rid-429") {
			t.Fatalf("err %v", err)
		}
		if n := f.hits.Load(); n != 1 {
			t.Fatalf("%d attempts, want 1: the next wait (at least the minimum backoff) passes the deadline", n)
		}
	})
}

func TestErrorsNameCodeStatusRequestIDAndPermission(t *testing.T) {
	c, _ := newClient(t, func(_ int, w http.ResponseWriter, r *http.Request) {
		switch r.Method {
		case http.MethodGet:
			w.WriteHeader(http.StatusNotFound)
			_, _ = w.Write([]byte(`{"error":{"code":"Request_ResourceNotFound","message":"Resource 'p1' does not exist.","innerError":{"date":"2024-01-01T00:00:00","request-id":"inner-rid","client-request-id":"c-rid"}}}`))
		default:
			w.Header().Set("request-id", "hdr-rid")
			w.WriteHeader(http.StatusForbidden)
			_, _ = w.Write([]byte(`{"error":{"code":"Authorization_RequestDenied","message":"Insufficient privileges to complete the operation.","innerError":{"request-id":"inner-2"}}}`))
		}
	})
	_, err := c.getPolicy(context.Background(), "p1")
	if !transport.IsNotFound(err) {
		t.Fatalf("not a 404: %v", err)
	}
	for _, s := range []string{"Microsoft Graph", "GET", "/v1.0/identity/conditionalAccess/policies/p1", "404", "Request_ResourceNotFound", "does not exist", "inner-rid"} {
		if !strings.Contains(err.Error(), s) {
			t.Errorf("%q missing from %q", s, err)
		}
	}
	err = c.DeletePolicy(context.Background(), "p1")
	var ae *transport.APIError
	if !errors.As(err, &ae) || ae.StatusCode != 403 || ae.RequestID != "hdr-rid" {
		t.Fatalf("err %#v", err)
	}
	for _, s := range []string{"403", "Authorization_RequestDenied", "Insufficient privileges", "Policy.ReadWrite.ConditionalAccess", "hdr-rid"} {
		if !strings.Contains(err.Error(), s) {
			t.Errorf("%q missing from %q", s, err)
		}
	}
}

// The policy below is a serialization case, not one Graph v1.0 accepts:
// everyTime and session controls beside authentication flows are refused by
// the service (and at plan time, graphV1Refusals); the client sends what it
// is given.
func TestCreateSerializesWhatGraphDocuments(t *testing.T) {
	c, f := newClient(t, echoCreated("new-id"))
	p := &ConditionalAccessPolicy{
		DisplayName: "Block device code flow", State: "enabledForReportingButNotEnforced",
		Conditions: Conditions{
			Users:           &Users{IncludeUsers: []string{"All"}, ExcludeGroups: []string{"g1"}, IncludeGuestsOrExternalUsers: &GuestsOrExternalUsers{Types: []string{"internalGuest", "b2bCollaborationGuest"}, MembershipKind: "all"}},
			Applications:    &Applications{IncludeApplications: []string{"All"}},
			TransferMethods: []string{"deviceCodeFlow"},
		},
		GrantControls:   &GrantControls{Operator: "OR", BuiltInControls: []string{"block"}},
		SessionControls: &SessionControls{SignInFrequency: &SignInFrequency{FrequencyInterval: "everyTime", AuthenticationType: "primaryAndSecondaryAuthentication", IsEnabled: true}},
	}
	got, err := c.CreatePolicy(context.Background(), p)
	if err != nil {
		t.Fatal(err)
	}
	var sent map[string]any
	if err := json.Unmarshal([]byte(f.all()[0].Body), &sent); err != nil {
		t.Fatal(err)
	}
	cond := sent["conditions"].(map[string]any)
	if tm := cond["authenticationFlows"].(map[string]any)["transferMethods"]; tm != "deviceCodeFlow" {
		t.Errorf("transferMethods %v", tm)
	}
	if cat := cond["clientAppTypes"].([]any); len(cat) != 1 || cat[0] != "all" {
		t.Errorf("clientAppTypes %v", cat)
	}
	g := cond["users"].(map[string]any)["includeGuestsOrExternalUsers"].(map[string]any)
	if g["guestOrExternalUserTypes"] != "internalGuest,b2bCollaborationGuest" || g["externalTenants"].(map[string]any)["membershipKind"] != "all" {
		t.Errorf("guests %v", g)
	}
	if _, ok := sent["sessionControls"].(map[string]any)["persistentBrowser"]; ok {
		t.Error("a create must leave absent controls out")
	}
	if got.ID != "new-id" || !slices.Equal(got.Conditions.TransferMethods, []string{"deviceCodeFlow"}) ||
		!slices.Equal(got.Conditions.Users.IncludeGuestsOrExternalUsers.Types, []string{"internalGuest", "b2bCollaborationGuest"}) ||
		got.SessionControls.SignInFrequency.FrequencyInterval != "everyTime" || got.GrantControls.BuiltInControls[0] != "block" {
		t.Errorf("round trip: %+v", got)
	}
}

func TestUpdateSendsNullForRemovedControls(t *testing.T) {
	c, f := newClient(t, func(_ int, w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusNoContent) })
	err := c.UpdatePolicy(context.Background(), "p1", &ConditionalAccessPolicy{DisplayName: "x", State: "enabled",
		Conditions:      Conditions{Users: &Users{IncludeUsers: []string{"All"}}, Applications: &Applications{IncludeApplications: []string{"All"}}},
		SessionControls: &SessionControls{PersistentBrowser: &PersistentBrowser{Mode: "never", IsEnabled: true}}})
	if err != nil {
		t.Fatal(err)
	}
	var sent map[string]any
	if err := json.Unmarshal([]byte(f.all()[0].Body), &sent); err != nil {
		t.Fatal(err)
	}
	if v, ok := sent["grantControls"]; !ok || v != nil {
		t.Errorf("grantControls = %v (present %v), want null", v, ok)
	}
	sc := sent["sessionControls"].(map[string]any)
	if v, ok := sc["signInFrequency"]; !ok || v != nil {
		t.Errorf("signInFrequency = %v (present %v), want null", v, ok)
	}
	if sc["persistentBrowser"].(map[string]any)["mode"] != "never" {
		t.Errorf("persistentBrowser %v", sc["persistentBrowser"])
	}
	cond := sent["conditions"].(map[string]any)
	if v, ok := cond["platforms"]; !ok || v != nil {
		t.Errorf("platforms = %v (present %v), want null", v, ok)
	}
}

func TestNamedLocationSerializesCidrTypes(t *testing.T) {
	c, f := newClient(t, echoCreated("loc-1"))
	got, err := c.CreateNamedLocation(context.Background(), &NamedLocation{DisplayName: "Clinic", Kind: KindIP, IsTrusted: true,
		IPRanges: []string{"203.0.113.0/24", "2001:db8::/48"}})
	if err != nil {
		t.Fatal(err)
	}
	var sent map[string]any
	_ = json.Unmarshal([]byte(f.all()[0].Body), &sent)
	if sent["@odata.type"] != "#microsoft.graph.ipNamedLocation" {
		t.Errorf("@odata.type %v", sent["@odata.type"])
	}
	rs := sent["ipRanges"].([]any)
	if rs[0].(map[string]any)["@odata.type"] != "#microsoft.graph.iPv4CidrRange" || rs[1].(map[string]any)["@odata.type"] != "#microsoft.graph.iPv6CidrRange" {
		t.Errorf("ipRanges %v", rs)
	}
	if got.ID != "loc-1" || got.Kind != KindIP || !got.IsTrusted || !slices.Equal(got.IPRanges, []string{"203.0.113.0/24", "2001:db8::/48"}) {
		t.Errorf("got %+v", got)
	}
}

func TestGetOrganizationPicksTheDefaultDomain(t *testing.T) {
	c, f := newClient(t, func(_ int, w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write(fixture(t, "organization_list.json"))
	})
	org, err := c.GetOrganization(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if reqs := f.all(); len(reqs) != 1 || reqs[0].Method != "GET" || reqs[0].Path != "/prefix/v1.0/organization" {
		t.Fatalf("requests: %+v", reqs)
	}
	if org.ID != "84841066-274d-4ec0-a5c1-276be684bdd3" || org.DisplayName != "Contoso" || org.DefaultDomain != "contoso.com" {
		t.Errorf("organization: %+v", org)
	}
}

// Graph's refusal of timeBased + secondaryAuthentication (error 1104, the
// captured answer of microsoft-graph-docs#22086) reaches the user with the
// status, code, Graph's message and the request id.
func TestError1104ShowsGraphsMessage(t *testing.T) {
	body, err := os.ReadFile("testdata/error_1104.json")
	if err != nil {
		t.Fatal(err)
	}
	c, _ := newClient(t, func(_ int, w http.ResponseWriter, _ *http.Request) {
		w.WriteHeader(http.StatusBadRequest)
		_, _ = w.Write(body)
	})
	_, err = c.CreatePolicy(context.Background(), &ConditionalAccessPolicy{DisplayName: "x", State: "enabled",
		Conditions:      Conditions{Users: &Users{IncludeUsers: []string{"All"}}, Applications: &Applications{IncludeApplications: []string{"All"}}},
		SessionControls: &SessionControls{SignInFrequency: &SignInFrequency{Value: ptr(int32(1)), Type: "hours", AuthenticationType: "secondaryAuthentication", FrequencyInterval: "timeBased", IsEnabled: true}}})
	for _, s := range []string{"400", "BadRequest", "1104: 'timeBased' value for 'frequencyInterval'", "f650d9ec-3277-42fd-b394-ffdedfba5ef7"} {
		if err == nil || !strings.Contains(err.Error(), s) {
			t.Errorf("%q missing from %v", s, err)
		}
	}
}
