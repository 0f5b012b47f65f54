package baseline

// Catalog returns every control, in the order the docs list them.
//
// Source keys are those of ../shared/reference/hipaa-baseline.md. The HIPAA
// citations are this project's interpretation: no published source maps these
// settings to the Security Rule.
func Catalog() []Control { return catalog }

var staffAndTelehealth = []Profile{Staff, Telehealth}

var catalog = []Control{
	{
		ID: "HB.MEETING.1", Title: "Anonymous users cannot start meetings",
		Resource: "teamshipaa_meeting_policy", Attribute: "allow_anonymous_users_to_start_meeting",
		Scope: ScopeEvery, Rule: Equals(false), Profiles: staffAndTelehealth, Level: Shall,
		Crosswalk: Crosswalk{SCuBA: []string{"MS.TEAMS.1.2v2"}, CIS: []string{"8.5.2"}, Maester: []string{"MT.1047"}},
		HIPAA:     []string{"164.312(a)(1)", "164.312(d)"}, Sources: []string{"SCuBA", "CIS", "MT"},
		TradeOff: "None: an anonymous organizer cannot be held accountable.",
	},
	{
		ID: "HB.MEETING.2", Title: "Only people in the organization bypass the lobby",
		Resource: "teamshipaa_meeting_policy", Attribute: "auto_admitted_users",
		Scope: ScopeGlobal, Rule: Equals("EveryoneInCompanyExcludingGuests"), Profiles: staffAndTelehealth, Level: Shall,
		Crosswalk: Crosswalk{SCuBA: []string{"MS.TEAMS.1.3v1", "MS.TEAMS.1.4v1"}, CIS: []string{"8.5.3"}, Maester: []string{"MT.1045"}},
		HIPAA:     []string{"164.312(a)(1)", "164.312(d)"}, Sources: []string{"SCuBA", "CIS", "MT", "SEED-A"},
		TradeOff:   "Guests and external people wait in the lobby until admitted.",
		Resolution: "Maester wants InvitedUsers, which fails SCuBA MS.TEAMS.1.4; EveryoneInCompanyExcludingGuests is the only value that passes both SCuBA and CIS.",
	},
}
