package teams

import (
	"context"
	"fmt"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/baseline"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/service/baselinecheck"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/service/existing"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/transport"
)

// serviceDefault is the value the service gives a new instance for a
// parameter the request leaves out, with the page that documents it.
// Undocumented is set instead of Value where no Microsoft page states one;
// the plan then cannot judge the attribute when a configuration leaves it
// unset, and says so.
type serviceDefault struct {
	Attr         string
	Value        any // Go native, as baselinecheck.ObjectFromValue gives it
	Source       string
	Undocumented bool
}

// Pages the defaults below come from.
const (
	// MicrosoftDocs/OfficeDocs-SkypeForBusiness Teams/settings-policies-reference.md
	// (ms.date 04/24/2023), "Meeting policies" tables, Default column: the
	// values a new tenant's policies have.
	settingsReference = "Teams settings and policies reference (learn.microsoft.com/microsoftteams/settings-policies-reference), Default column"
	// MicrosoftDocs/office-docs-powershell Set-CsTeamsMeetingPolicy.md
	// (ms.date 07/13/2025), the parameter's "Default value".
	meetingCmdletDoc = "Set-CsTeamsMeetingPolicy reference, Default value"
)

// newObjectDefaults holds, per ConfigAPI type that can be created (not
// Global, not a singleton: those exist already and are judged by their
// current values), the documented default of every attribute a baseline
// control judges on a custom instance. A test holds it complete against the
// catalog. Kept apart from the parameter tables (the wire contracts).
var newObjectDefaults = map[string][]serviceDefault{
	"TeamsMeetingPolicy": {
		{Attr: "allow_anonymous_users_to_join_meeting", Value: true, Source: meetingCmdletDoc + " True; " + settingsReference + " \"Anonymous users can join a meeting: On\""},
		{Attr: "allow_anonymous_users_to_start_meeting", Value: false, Source: settingsReference + " \"Anonymous users and dial-in callers can start a meeting: Off\""},
		{Attr: "auto_admitted_users", Value: "EveryoneInCompany", Source: settingsReference + " \"Who can bypass the lobby: People in my organization and guests\" (EveryoneInCompany)"},
		{Attr: "allow_pstn_users_to_bypass_lobby", Value: false, Source: settingsReference + " \"People dialing in can bypass the lobby: Off\""},
		{Attr: "allow_external_participant_give_request_control", Value: false, Source: settingsReference + " \"External participants can give or request control: Off\""},
		{Attr: "allow_participant_give_request_control", Value: true, Source: settingsReference + " \"Participants can give or request control: On\""},
		{Attr: "anonymous_user_authentication_method", Value: "OneTimePasscode", Source: meetingCmdletDoc + " OneTimePasscode"},
		{Attr: "captcha_verification_for_meeting_join", Undocumented: true, Source: "no Microsoft page states a default for CaptchaVerificationForMeetingJoin"},
		{Attr: "meeting_chat_enabled_type", Value: "Enabled", Source: settingsReference + " \"Meeting chat: On for everyone\" (Enabled)"},
		{Attr: "allow_external_non_trusted_meeting_chat", Undocumented: true, Source: "no Microsoft page states a default for AllowExternalNonTrustedMeetingChat"},
		{Attr: "designated_presenter_role_mode", Value: "EveryoneUserOverride", Source: meetingCmdletDoc + " EveryoneUserOverride; " + settingsReference + " \"Who can present: Everyone\""},
		{Attr: "allow_cloud_recording", Value: true, Source: settingsReference + " \"Meeting recording: On\""},
		{Attr: "allow_transcription", Value: true, Source: settingsReference + " \"Transcription: On\""},
		{Attr: "new_meeting_recording_expiration_days", Value: int64(120), Source: settingsReference + " \"Default expiration time: 120\""},
		{Attr: "allow_recording_storage_outside_region", Value: false, Source: meetingCmdletDoc + " False; " + settingsReference + " \"Store recordings outside your country or region: Off\""},
		{Attr: "allow_watermark_for_screen_sharing", Value: false, Source: meetingCmdletDoc + " False; " + settingsReference + " \"Watermark shared content: Off\""},
		{Attr: "allow_watermark_for_camera_video", Value: false, Source: meetingCmdletDoc + " False; " + settingsReference + " \"Watermark videos: Off\""},
	},
	// The reference's permission policy section and New-CsTeamsAppPermissionPolicy
	// state no default for the *CatalogAppsType parameters.
	"TeamsAppPermissionPolicy": {
		{Attr: "default_catalog_apps_type", Undocumented: true, Source: "no Microsoft page states a default for DefaultCatalogAppsType"},
		{Attr: "global_catalog_apps_type", Undocumented: true, Source: "no Microsoft page states a default for GlobalCatalogAppsType"},
		{Attr: "private_catalog_apps_type", Undocumented: true, Source: "no Microsoft page states a default for PrivateCatalogAppsType"},
	},
}

// serviceValues gives the baseline check, for a create, what the service
// will hold for the attributes the configuration leaves unset: the
// documented defaults of a new instance; or, for an object that exists and
// is adopted (Global, singletons, or a policy of that name with
// adopt_existing = true), its current values.
func (r *policyResource) serviceValues(ctx context.Context, o baseline.Object) (*baselinecheck.ServiceValues, error) {
	id := globalIdentity
	if !o.Global {
		if o.Attrs[existing.Attr] != true || o.Name == "" {
			return r.newObjectValues(), nil
		}
		id = identity(o.Name)
	}
	if r.Client == nil || r.Client.ConfigAPI == nil {
		return nil, nil
	}
	obj, _, err := r.Client.ConfigAPI.Read(ctx, r.pt.Type, id)
	if transport.IsNotFound(err) && id != globalIdentity {
		return r.newObjectValues(), nil // adopt_existing, but nothing to adopt: it is created
	}
	if err != nil {
		return nil, fmt.Errorf("reading the %s: %w", r.describe(id), err)
	}
	sv := &baselinecheck.ServiceValues{Attrs: map[string]any{}, Source: map[string]string{}, Existing: true}
	for _, p := range r.pt.Params {
		v, err := p.value(obj[p.Name])
		if err != nil {
			continue
		}
		tv, err := v.ToTerraformValue(ctx)
		if err != nil {
			continue
		}
		n := baselinecheck.Native(tv)
		sv.Attrs[p.Attr] = n
		sv.Source[p.Attr] = fmt.Sprintf("%s, the current value of the tenant's %s (adopted, not created)", baseline.Format(n), r.describe(id))
	}
	return sv, nil
}

// newObjectValues are the documented defaults of a new instance.
func (r *policyResource) newObjectValues() *baselinecheck.ServiceValues {
	sv := &baselinecheck.ServiceValues{Attrs: map[string]any{}, Source: map[string]string{}}
	for _, d := range newObjectDefaults[r.pt.Type] {
		if d.Undocumented {
			continue
		}
		sv.Attrs[d.Attr] = d.Value
		sv.Source[d.Attr] = fmt.Sprintf("%s, Microsoft's documented default for a new %s (%s)", baseline.Format(d.Value), r.pt.Type, d.Source)
	}
	return sv
}
