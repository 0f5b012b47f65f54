package teams

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/clients/configapi"
)

var planTestType = tftypes.Object{AttributeTypes: map[string]tftypes.Type{
	"id": tftypes.String, "name": tftypes.String, "allow_meet_now": tftypes.Bool, "auto_admitted_users": tftypes.String,
	"new_meeting_recording_expiration_days": tftypes.Number, "baseline_profile": tftypes.String,
}}

func planTestValue(vals map[string]tftypes.Value) tftypes.Value {
	full := map[string]tftypes.Value{}
	for name, t := range planTestType.AttributeTypes {
		full[name] = tftypes.NewValue(t, nil)
	}
	for k, v := range vals {
		full[k] = v
	}
	return tftypes.NewValue(planTestType, full)
}

func TestUseStateForUnknownKeepsTheServiceValues(t *testing.T) {
	unknownStr := tftypes.NewValue(tftypes.String, tftypes.UnknownValue)
	unknownBool := tftypes.NewValue(tftypes.Bool, tftypes.UnknownValue)
	computed := map[string]bool{"id": true, "allow_meet_now": true, "auto_admitted_users": true, "new_meeting_recording_expiration_days": true}
	state := planTestValue(map[string]tftypes.Value{
		"id": tftypes.NewValue(tftypes.String, "Tag:p"), "name": tftypes.NewValue(tftypes.String, "p"),
		"allow_meet_now": tftypes.NewValue(tftypes.Bool, true), "auto_admitted_users": tftypes.NewValue(tftypes.String, "Everyone"),
		"new_meeting_recording_expiration_days": tftypes.NewValue(tftypes.Number, 60),
	})
	// The update sets auto_admitted_users and leaves the others to the service
	// (the framework planned them unknown); new_meeting_recording_expiration_days
	// comes from a value known only after apply.
	config := planTestValue(map[string]tftypes.Value{
		"name": tftypes.NewValue(tftypes.String, "p"), "auto_admitted_users": tftypes.NewValue(tftypes.String, "OrganizerOnly"),
		"new_meeting_recording_expiration_days": tftypes.NewValue(tftypes.Number, tftypes.UnknownValue),
	})
	plan := planTestValue(map[string]tftypes.Value{
		"id": unknownStr, "name": tftypes.NewValue(tftypes.String, "p"), "allow_meet_now": unknownBool,
		"auto_admitted_users":                   tftypes.NewValue(tftypes.String, "OrganizerOnly"),
		"new_meeting_recording_expiration_days": tftypes.NewValue(tftypes.Number, tftypes.UnknownValue),
	})
	got, err := useStateForUnknown(plan, state, config, computed)
	if err != nil {
		t.Fatal(err)
	}
	want := planTestValue(map[string]tftypes.Value{
		"id": tftypes.NewValue(tftypes.String, "Tag:p"), "name": tftypes.NewValue(tftypes.String, "p"),
		"allow_meet_now":                        tftypes.NewValue(tftypes.Bool, true),              // kept from state
		"auto_admitted_users":                   tftypes.NewValue(tftypes.String, "OrganizerOnly"), // the change still shows
		"new_meeting_recording_expiration_days": tftypes.NewValue(tftypes.Number, tftypes.UnknownValue),
	})
	if !got.Equal(want) {
		t.Fatalf("update plan:\n got %s\nwant %s", got, want)
	}

	// A create (no state) and a destroy (no plan) are left as they are.
	if got, _ := useStateForUnknown(plan, tftypes.NewValue(planTestType, nil), config, computed); !got.Equal(plan) {
		t.Errorf("create plan changed: %s", got)
	}
	destroy := tftypes.NewValue(planTestType, nil)
	if got, _ := useStateForUnknown(destroy, state, tftypes.NewValue(planTestType, nil), computed); !got.Equal(destroy) {
		t.Errorf("destroy plan changed: %s", got)
	}
	// An attribute that is not computed is never filled.
	if got, _ := useStateForUnknown(plan, state, config, map[string]bool{}); !got.Equal(plan) {
		t.Errorf("non-computed attributes filled: %s", got)
	}
}

// The lifecycle's model round-trips through tfsdk in one conversion each
// way, and flatten keeps prior's configuration-only arguments.
func TestFlattenWritesTheWholeObjectAtOnce(t *testing.T) {
	ctx := context.Background()
	r := &policyResource{pt: &meetingPolicy}
	var sresp resource.SchemaResponse
	r.Schema(ctx, resource.SchemaRequest{}, &sresp)
	typ := sresp.Schema.Type().TerraformType(ctx)
	st := tfsdk.State{Schema: sresp.Schema, Raw: tftypes.NewValue(typ, nil)}
	// The prior state's configuration-only arguments are kept.
	diags := st.SetAttribute(ctx, path.Root("baseline_profile"), "telehealth")
	obj := map[string]any{"Identity": "Tag:Clinic", "AllowMeetNow": false, "AutoAdmittedUsers": "EveryoneInCompany",
		"NewMeetingRecordingExpirationDays": float64(60), "BlockedAnonymousJoinClientTypes": nil, "Unmodelled": "x"}
	flattenInto := func(obj configapi.Object) {
		var prior *policyModel
		diags.Append(st.Get(ctx, &prior)...)
		if diags.HasError() {
			t.Fatal(diags)
		}
		m := r.flatten(ctx, obj, prior, &diags)
		diags.Append(st.Set(ctx, m)...)
	}
	flattenInto(obj)
	if diags.HasError() {
		t.Fatal(diags)
	}
	for name, want := range map[string]string{
		"id": `"Tag:Clinic"`, "name": `"Clinic"`, "allow_meet_now": "false", "auto_admitted_users": `"EveryoneInCompany"`,
		"new_meeting_recording_expiration_days": "60", "baseline_profile": `"telehealth"`, "blocked_anonymous_join_client_types": "<null>",
		"allow_transcription": "<null>", "baseline_exceptions": "<null>",
	} {
		var got attr.Value
		if d := st.GetAttribute(ctx, path.Root(name), &got); d.HasError() {
			t.Fatalf("%s: %v", name, d)
		}
		if s := got.String(); s != want {
			t.Errorf("%s = %s, want %s", name, s, want)
		}
	}
	// flex's rule for lists: the service's empty list reads as null above (no
	// prior value), and as [] when the prior value was [] (a configured [],
	// or state written before the rule), whether the service says [] or null.
	for _, answer := range []any{[]any{}, nil} {
		diags.Append(st.SetAttribute(ctx, path.Root("blocked_anonymous_join_client_types"), []string{})...)
		obj["BlockedAnonymousJoinClientTypes"] = answer
		flattenInto(obj)
		var got attr.Value
		diags.Append(st.GetAttribute(ctx, path.Root("blocked_anonymous_join_client_types"), &got)...)
		if diags.HasError() || got.String() != "[]" {
			t.Errorf("prior [] and an answer of %v: got %v (%v), want []", answer, got, diags)
		}
	}
	// An answer of the wrong shape is an error naming the parameter.
	bad := map[string]any{"Identity": "Tag:Clinic", "AllowMeetNow": "yes"}
	diags = nil
	flattenInto(bad)
	if !diags.HasError() || diags.Errors()[0].Detail() != "AllowMeetNow: expected a boolean, got string" {
		t.Fatalf("a wrongly typed answer: %v", diags)
	}
}
