package baseline

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// The directly built state is exactly what State.Set writes for the same
// model: every control's result (pass, fail, excepted, not applicable, an
// unmanaged preset), config values null, empty and set, a nil list of an
// unmanaged object's controls and an exception without objects; and a
// summary_only model, whose results, unmanaged objects and documents are null.
func TestAssessmentStateValueMatchesSet(t *testing.T) {
	ctx := context.Background()
	var sr datasource.SchemaResponse
	(&assessmentDataSource{}).Schema(ctx, datasource.SchemaRequest{}, &sr)
	if sr.Diagnostics.HasError() {
		t.Fatal(sr.Diagnostics)
	}
	typ := sr.Schema.Type().TerraformType(ctx).(tftypes.Object)

	evs, _ := catalogEvaluations(t)
	ev := testEvidence(t, "2026-09-30T12:00:00Z", "0.1.0")
	if len(ev.Unmanaged) == 0 {
		t.Fatal("the representative evidence has no unmanaged object")
	}
	ev.Unmanaged = append(ev.Unmanaged, unmanagedObject{Resource: "teamshipaa_meeting_policy", Object: "nil controls"})

	profiles, d := types.MapValueFrom(ctx, types.StringType, map[string]string{"Telehealth": "telehealth"})
	if d.HasError() {
		t.Fatal(d)
	}
	models := map[string]assessmentModel{
		"config set": {
			Profile: types.StringValue("staff"), ObjectProfiles: profiles,
			Exceptions: map[string]exceptionModel{
				"HB.MEETING.2": {Reason: types.StringValue("why"), ApprovedBy: types.StringValue("Sam"), Expires: types.StringValue("2027-06-30"),
					Objects: []string{"Global", "Vendors"}, Value: types.StringValue(`"Everyone"`)},
				"HB.MEETING.3": {Reason: types.StringValue("all objects"), ApprovedBy: types.StringNull(), Expires: types.StringNull(),
					Objects: nil, Value: types.StringNull()},
				"HB.MEETING.4": {Reason: types.StringValue("no objects"), ApprovedBy: types.StringNull(), Expires: types.StringNull(),
					Objects: []string{}, Value: types.StringNull()},
			},
			ManagedObjects: map[string][]string{"teamshipaa_meeting_policy": {"Global"}, "teamshipaa_dlp_policy": {}},
			ModuleVersion:  types.StringValue("0.1.0"), Organization: types.StringValue("Contoso Health"),
		},
		"config null": {
			Profile: types.StringValue("telehealth"), ObjectProfiles: types.MapNull(types.StringType),
			ModuleVersion: types.StringNull(), Organization: types.StringNull(),
		},
		"summary only": {
			Profile: types.StringValue("staff"), ObjectProfiles: profiles, SummaryOnly: types.BoolValue(true),
			ManagedObjects: map[string][]string{"teamshipaa_meeting_policy": {"Global"}},
			ModuleVersion:  types.StringValue("0.1.0"), Organization: types.StringNull(),
		},
		"summary only false": {
			Profile: types.StringValue("staff"), ObjectProfiles: types.MapNull(types.StringType), SummaryOnly: types.BoolValue(false),
			ModuleVersion: types.StringNull(), Organization: types.StringNull(),
		},
		"config empty": {
			Profile: types.StringValue("staff"), ObjectProfiles: types.MapValueMust(types.StringType, nil),
			Exceptions: map[string]exceptionModel{}, ManagedObjects: map[string][]string{},
			ModuleVersion: types.StringValue(""), Organization: types.StringValue(""),
		},
	}
	for name, m := range models {
		t.Run(name, func(t *testing.T) {
			m.ID = m.Profile
			m.GeneratedAt = types.StringValue("2026-09-30T12:00:00Z")
			m.TenantID, m.ProviderVersion = types.StringValue("00000000-0000-0000-0000-0000000000aa"), types.StringValue("0.1.0")
			m.TenantDomain = types.StringValue("contoso.example")
			m.setOutcome(evs, ev)
			if !m.SummaryOnly.ValueBool() {
				m.setDetails(evs, ev)
				m.ScubaJSON, m.Markdown = types.StringValue("{}"), types.StringValue("## report")
				m.EvidenceMarkdown, m.HTML = types.StringValue("# evidence"), types.StringValue("<html>")
			}

			st := tfsdk.State{Schema: sr.Schema, Raw: tftypes.NewValue(typ, nil)}
			if d := st.Set(ctx, &m); d.HasError() {
				t.Fatal(d)
			}
			got, err := m.stateValue(ctx, typ)
			if err != nil {
				t.Fatal(err)
			}
			if !got.Equal(st.Raw) {
				diffs, _ := got.Diff(st.Raw)
				t.Fatalf("direct state differs from State.Set's in %d places, first %v", len(diffs), diffs[0])
			}
		})
	}
}

// The state of an assessment of a tenant with hundreds of policies (about
// 5,000 results, as on make bench-plan's 600-policy tenant): State.Set
// against the direct build.
func BenchmarkAssessmentState(b *testing.B) {
	ctx := context.Background()
	var sr datasource.SchemaResponse
	(&assessmentDataSource{}).Schema(ctx, datasource.SchemaRequest{}, &sr)
	typ := sr.Schema.Type().TerraformType(ctx).(tftypes.Object)
	t := &testing.T{}
	evs, _ := catalogEvaluations(t)
	var many = evs
	for len(many) < 5000 {
		many = append(many, evs...)
	}
	m := assessmentModel{Profile: types.StringValue("staff"), ObjectProfiles: types.MapNull(types.StringType),
		ModuleVersion: types.StringNull(), Organization: types.StringNull()}
	bev := testEvidence(t, "2026-09-30T12:00:00Z", "0.1.0")
	m.setOutcome(many, bev)
	m.setDetails(many, bev)
	b.Run("State.Set", func(b *testing.B) {
		for range b.N {
			st := tfsdk.State{Schema: sr.Schema, Raw: tftypes.NewValue(typ, nil)}
			if d := st.Set(ctx, &m); d.HasError() {
				b.Fatal(d)
			}
		}
	})
	b.Run("direct", func(b *testing.B) {
		for range b.N {
			if _, err := m.stateValue(ctx, typ); err != nil {
				b.Fatal(err)
			}
		}
	})
}
