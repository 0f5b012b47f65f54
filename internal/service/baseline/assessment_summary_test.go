package baseline

import (
	"errors"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/types"

	catalog "github.com/teamshipaa/terraform-provider-teamshipaa/internal/baseline"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/clients/graph"
)

// A summary_only read of a snapshot states what a full read of the same
// snapshot states in content_hash, the counts and control_results, warns
// the same, and leaves the results, the unmanaged objects and the documents
// null. The snapshot has a failing object outside the configuration, an
// exception in force, an expired one, an unknown key and a profile naming
// no object, so the hash covers every part of the record.
func TestAssessmentSummaryOnlyKeepsTheHash(t *testing.T) {
	now = func() time.Time { return time.Date(2026, 9, 30, 12, 0, 0, 0, time.UTC) }
	t.Cleanup(func() { now = time.Now })
	meeting := func(name string, global bool, attrs map[string]any) catalog.Object {
		return catalog.Object{Resource: "teamshipaa_meeting_policy", Name: name, Global: global, Attrs: attrs}
	}
	snapshot := []catalog.Object{
		meeting("Global", true, map[string]any{"allow_anonymous_users_to_start_meeting": false, "auto_admitted_users": "EveryoneInCompanyExcludingGuests"}),
		meeting("Telehealth", false, map[string]any{"allow_anonymous_users_to_start_meeting": false, "auto_admitted_users": "Everyone"}),
		meeting("AllOn", false, map[string]any{"allow_anonymous_users_to_start_meeting": true, "allow_pstn_users_to_bypass_lobby": true}),
		{Resource: "teamshipaa_dlp_policy", Name: "*", Err: errors.New("403 Forbidden: the app lacks Compliance Administrator")},
	}
	config := func(summaryOnly bool) assessmentModel {
		return assessmentModel{
			Profile:        types.StringValue("staff"),
			ObjectProfiles: types.MapNull(types.StringType),
			SummaryOnly:    types.BoolValue(summaryOnly),
			Exceptions: map[string]exceptionModel{
				"HB.MEETING.1": {Reason: types.StringValue("vendors start their own meetings"), ApprovedBy: types.StringValue("Sam"),
					Expires: types.StringValue("2027-06-30"), Objects: []string{"AllOn"}},
				"HB.MEETING.2": {Reason: types.StringValue("lapsed"), Expires: types.StringValue("2026-01-31")},
				"HB.NOPE.1":    {Reason: types.StringValue("no such control")},
			},
			ManagedObjects: map[string][]string{"teamshipaa_meeting_policy": {"Global", "Telehealth"}},
			ModuleVersion:  types.StringValue("0.1.0"), Organization: types.StringNull(),
		}
	}
	profiles := map[string]string{"Telehealth": "telehealth", "Gone": "telehealth"}
	read := func(summaryOnly bool) (assessmentModel, []string) {
		m := config(summaryOnly)
		orgc := make(chan orgRead, 1)
		orgc <- orgRead{org: &graph.Organization{DisplayName: "Contoso Health", DefaultDomain: "contoso.example"}}
		close(orgc)
		d := m.assess(slices.Clone(snapshot), profiles, "00000000-0000-0000-0000-0000000000aa", "0.1.0", orgc)
		if d.HasError() {
			t.Fatal(d)
		}
		var warnings []string
		for _, w := range d.Warnings() {
			warnings = append(warnings, w.Summary()+": "+w.Detail())
		}
		slices.Sort(warnings)
		return m, warnings
	}
	full, fullWarnings := read(false)
	sum, sumWarnings := read(true)

	if len(full.Unmanaged) == 0 || len(full.Results) == 0 || !strings.Contains(full.EvidenceMarkdown.ValueString(), full.ContentHash.ValueString()) {
		t.Fatalf("the full read is not representative: %d unmanaged, %d results, hash %s", len(full.Unmanaged), len(full.Results), full.ContentHash)
	}
	if !sum.ContentHash.Equal(full.ContentHash) {
		t.Errorf("content_hash: summary_only %s, full %s", sum.ContentHash, full.ContentHash)
	}
	if *sum.Summary != *full.Summary || *sum.ControlSummary != *full.ControlSummary {
		t.Errorf("counts: summary_only %+v %+v, full %+v %+v", *sum.Summary, *sum.ControlSummary, *full.Summary, *full.ControlSummary)
	}
	if !maps.Equal(sum.ControlResults, full.ControlResults) || sum.ControlResults["HB.MEETING.1"] != "excepted" {
		t.Errorf("control_results: summary_only %v, full %v", sum.ControlResults, full.ControlResults)
	}
	if !slices.Equal(sumWarnings, fullWarnings) || len(fullWarnings) != 3 {
		t.Errorf("warnings: summary_only %q, full %q (want 3: expired, no such control, no such object)", sumWarnings, fullWarnings)
	}
	for _, same := range [][2]types.String{{sum.ID, full.ID}, {sum.GeneratedAt, full.GeneratedAt}, {sum.TenantID, full.TenantID},
		{sum.TenantDomain, full.TenantDomain}, {sum.ProviderVersion, full.ProviderVersion}} {
		if !same[0].Equal(same[1]) || same[0].ValueString() == "" {
			t.Errorf("summary_only %s, full %s", same[0], same[1])
		}
	}
	if sum.Results != nil || sum.Unmanaged != nil {
		t.Errorf("summary_only has %d results and %d unmanaged objects, want null", len(sum.Results), len(sum.Unmanaged))
	}
	for name, v := range map[string]types.String{"scuba_json": sum.ScubaJSON, "markdown": sum.Markdown, "evidence_markdown": sum.EvidenceMarkdown, "html": sum.HTML} {
		if !v.IsNull() {
			t.Errorf("summary_only %s is %d bytes, want null", name, len(v.ValueString()))
		}
	}
}
