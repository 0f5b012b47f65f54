package purview

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/clients/adminapi"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/conns"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/transport"
)

// retentionService answers Get-RetentionCompliancePolicy as
// Get-RetentionCompliancePolicy.md describes it: with -Identity and
// -DistributionDetail, the policy of adminapi testdata/get_retention_policy_detail.json
// (the accurate *Location values); the list (no -Identity) names it, with
// its locations left out (the summary's are not accurate). fail names a
// policy whose -Identity read fails. calls records every call's parameters.
type retentionService struct {
	t     *testing.T
	fail  string
	mu    sync.Mutex
	calls []map[string]any
}

func (s *retentionService) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	var body struct {
		CmdletInput struct {
			CmdletName string
			Parameters map[string]any
		}
	}
	b, _ := io.ReadAll(r.Body)
	if err := json.Unmarshal(b, &body); err != nil || body.CmdletInput.CmdletName != "Get-RetentionCompliancePolicy" {
		s.t.Errorf("unexpected request %s", b)
		w.WriteHeader(http.StatusBadRequest)
		return
	}
	p := body.CmdletInput.Parameters
	s.mu.Lock()
	s.calls = append(s.calls, p)
	s.mu.Unlock()
	detail, err := os.ReadFile("../../clients/adminapi/testdata/get_retention_policy_detail.json")
	if err != nil {
		s.t.Fatal(err)
	}
	var env struct {
		Context string           `json:"@odata.context"`
		Value   []map[string]any `json:"value"`
	}
	if err := json.Unmarshal(detail, &env); err != nil {
		s.t.Fatal(err)
	}
	w.Header().Set("Content-Type", "application/json")
	id, _ := p["Identity"].(string)
	switch {
	case id == "":
		second := map[string]any{"Name": "Second", "Guid": "0b8a3f7e-1c2d-4e5f-8a9b-0c1d2e3f4a5b", "TeamsPolicy": true}
		env.Value = []map[string]any{{"Name": env.Value[0]["Name"], "Guid": env.Value[0]["Guid"], "TeamsPolicy": true}, second}
	case id == s.fail:
		w.WriteHeader(http.StatusForbidden)
		_, _ = w.Write([]byte(`{"error":{"code":"Forbidden","message":"Forbidden"}}`))
		return
	case p["DistributionDetail"] != true:
		env.Value[0]["TeamsChatLocation"], env.Value[0]["TeamsChannelLocation"], env.Value[0]["TeamsChannelLocationException"] = []any{}, []any{}, []any{}
	case !strings.EqualFold(id, "Regulation 123 Compliance"):
		env.Value[0]["Name"], env.Value[0]["Guid"] = id, "0b8a3f7e-1c2d-4e5f-8a9b-0c1d2e3f4a5b"
	}
	_ = json.NewEncoder(w).Encode(env)
}

func newRetentionService(t *testing.T) (*retentionService, *adminapi.Client) {
	s := &retentionService{t: t}
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	hc := transport.New(transport.Options{Base: srv.Client().Transport, Sleep: func(context.Context, time.Duration) error { return nil }})
	c := adminapi.New(hc, srv.URL, "00000000-0000-0000-0000-000000000000", func(context.Context) (string, error) { return "tok", nil }, "").
		WithService(adminapi.ComplianceService)
	return s, c
}

// The resource reads a retention policy with -Identity -DistributionDetail
// (Get-RetentionCompliancePolicy.md Example 2) and maps the accurate locations.
func TestRetentionPolicyRead_sendsDistributionDetail(t *testing.T) {
	s, c := newRetentionService(t)
	obj, found, err := getter(c, "Get-RetentionCompliancePolicy", "Regulation 123 Compliance")(context.Background())
	if err != nil || !found {
		t.Fatalf("found %v, err %v", found, err)
	}
	if len(s.calls) != 1 || s.calls[0]["Identity"] != "Regulation 123 Compliance" || s.calls[0]["DistributionDetail"] != true {
		t.Fatalf("sent %v, want Identity and DistributionDetail true", s.calls)
	}
	m := (&retentionPolicyResource{}).fromRead(obj, retentionPolicyModel{TeamsChatLocation: types.SetNull(types.StringType),
		TeamsChatLocationException: types.SetNull(types.StringType), TeamsChannelLocation: types.SetNull(types.StringType),
		TeamsChannelLocationException: types.SetNull(types.StringType)})
	var chat, except []string
	m.TeamsChatLocation.ElementsAs(context.Background(), &chat, false)
	m.TeamsChannelLocationException.ElementsAs(context.Background(), &except, false)
	if !slices.Equal(chat, []string{"All"}) || !slices.Equal(except, []string{"ceo@contoso.com"}) || !m.Enabled.ValueBool() {
		t.Errorf("read %+v", m)
	}
	// Other Get- cmdlets are sent without it.
	if identityReads["Get-DlpCompliancePolicy"] != nil {
		t.Error("Get-DlpCompliancePolicy gets DistributionDetail, which its ledger entry does not declare")
	}
}

// The snapshot lists the names, then reads each policy with -Identity
// -DistributionDetail; a policy whose read fails is an object with Err.
func TestSnapshotRetentionPolicies_readEachWithDetail(t *testing.T) {
	s, c := newRetentionService(t)
	s.fail = "Second"
	cc := &conns.Client{Compliance: c}
	objs, _, err := c.Invoke(context.Background(), "Get-RetentionCompliancePolicy", nil)
	if err != nil {
		t.Fatal(err)
	}
	got := withDetail(context.Background(), cc, "Get-RetentionCompliancePolicy", listed{objs: objs})
	if len(got.objs) != 2 || got.errs[0] != nil || got.errs[1] == nil {
		t.Fatalf("objects %v, errors %v", got.objs, got.errs)
	}
	if locs := readStrings(field(got.objs[0], "TeamsChatLocation")); !slices.Equal(locs, []string{"All"}) {
		t.Errorf("first policy's chat locations %v, want the detailed reading's [All]", locs)
	}
	if got.objs[1]["Name"] != "Second" {
		t.Errorf("a failed read keeps the listed object: %v", got.objs[1])
	}
	for _, p := range s.calls[1:] {
		if p["DistributionDetail"] != true || p["Identity"] == nil {
			t.Errorf("read without -Identity -DistributionDetail: %v", p)
		}
	}
	if len(s.calls) != 3 {
		t.Errorf("%d calls, want the list and two reads", len(s.calls))
	}
	// A failed list is passed on as it is.
	failed := withDetail(context.Background(), cc, "Get-RetentionCompliancePolicy", listed{err: errors.New("list failed")})
	if failed.err == nil || len(failed.objs) != 0 {
		t.Errorf("failed list: %+v", failed)
	}
}

// Retention policies are listed plain and with -TeamsPolicyOnly (sources
// disagree on whether the plain list holds Teams policies) and merged: a
// policy both lists hold is seen once.
func TestListRetentionPolicies_plainAndTeamsOnlyMerged(t *testing.T) {
	s, c := newRetentionService(t)
	objs, _, err := listRetentionPolicies(context.Background(), c)
	if err != nil {
		t.Fatal(err)
	}
	if len(objs) != 2 || objs[0]["Name"] != "Regulation 123 Compliance" || objs[1]["Name"] != "Second" {
		t.Errorf("merged %v, want each policy once", objs)
	}
	var plain, teams int
	for _, p := range s.calls {
		switch {
		case len(p) == 0:
			plain++
		case len(p) == 1 && p["TeamsPolicyOnly"] == true:
			teams++
		}
	}
	if len(s.calls) != 2 || plain != 1 || teams != 1 {
		t.Errorf("sent %v, want one plain list and one with TeamsPolicyOnly", s.calls)
	}
}

func TestMergeByGuid(t *testing.T) {
	plain := []map[string]any{{"Name": "Mail", "Guid": "A1"}, {"Name": "NoGuid"}}
	teams := []map[string]any{{"Name": "Teams", "Guid": "b2"}, {"Name": "Mail renamed?", "Guid": "a1"}, {"Name": "noguid", "Guid": "c3"}, {"Name": "mail"}}
	got := mergeByGuid(plain, teams)
	var names []string
	for _, o := range got {
		names = append(names, o["Name"].(string))
	}
	// Same Guid (any case) is the same policy; without a Guid on either side, the same Name.
	if !slices.Equal(names, []string{"Mail", "NoGuid", "Teams"}) {
		t.Errorf("merged %v", names)
	}
}
