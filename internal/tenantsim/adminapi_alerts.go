package tenantsim

import (
	"fmt"
	"net/mail"
	"regexp"
	"sort"
	"strings"
)

// Alert policies (New-/Set-/Get-/Remove-ProtectionAlert) on the compliance host.
//
// Parameters and enums: MicrosoftDocs/office-docs-powershell
// New-ProtectionAlert.md and Set-ProtectionAlert.md: Category, Name,
// NotifyUser and ThreatType are mandatory on New-; ThreatType (Activity,
// Malware) cannot change, so Set- has no such parameter; Operation only with
// ThreatType Activity; AlertBy and NotifyUserOnFilterMatch not with
// AggregationType None; Threshold (>= 3) and TimeWindow (> 60) only with
// SimpleAggregation; Filter properties are the listed Activity.* and Mail:*
// ones; Set- cannot edit Microsoft's default policies. Get- fields: the ones
// Microsoft365DSC MSFT_SCProtectionAlert reads (IsSystemRule marks the
// defaults). A new tenant holds one default policy, "Elevation of Exchange
// admin privilege" (listed among the default alert policies on
// learn.microsoft.com/purview/alert-policies; its field values are assumed).
// Removal is immediate: nothing public shows a pending state for alert
// policies. Refusal texts are assumed unless they quote a doc.

const KindProtectionAlert = "ProtectionAlert"

var (
	alertCategories   = []string{"AccessGovernance", "ComplianceManager", "DataGovernance", "MailFlow", "Others", "PrivacyManagement", "Supervision", "ThreatManagement"}
	alertThreatTypes  = []string{"Activity", "Malware"}
	alertAggregations = []string{"None", "SimpleAggregation", "AnomalousAggregation"}
	alertSeverities   = []string{"Low", "Medium", "High"}
	alertFilterProps  = []string{
		"Activity.ClientIp", "Activity.CreationTime", "Activity.Item", "Activity.ItemType", "Activity.Operation", "Activity.ResultStatus",
		"Activity.Scope", "Activity.SiteUrl", "Activity.SourceFileExtension", "Activity.SourceFileName", "Activity.TargetUserOrGroupType",
		"Activity.UserAgent", "Activity.UserId", "Activity.UserType", "Activity.Workload",
		"Mail:AttachmentExtensions", "Mail:AttachmentNames", "Mail:CreationTime", "Mail:DeliveryStatus", "Mail:Direction", "Mail:From",
		"Mail:FromDomain", "Mail:InternetMessageId", "Mail:IsIntraOrgSpoof", "Mail:IsMalware", "Mail:IsSpam", "Mail:IsThreat", "Mail:Language",
		"Mail:Recipient", "Mail:Scl", "Mail:SenderCountry", "Mail:SenderIpAddress", "Mail:Subject", "Mail:TenantId", "Mail:ThreatName",
	}
	alertFilterProp = regexp.MustCompile(`(?i)\b(Activity\.[A-Za-z]+|Mail:[A-Za-z]+)`)
)

func init() {
	enum := func(name string, values []string, typ string) cmdParam {
		return cmdParam{Name: name, Kind: cEnum, Values: values, EnumType: typ}
	}
	common := []cmdParam{
		enum("Category", alertCategories, "Microsoft.Office.CompliancePolicy.Tasks.AlertRuleCategory"),
		{Name: "NotifyUser", Kind: cStrings},
		{Name: "Operation", Kind: cStrings},
		enum("Severity", alertSeverities, "Microsoft.Office.CompliancePolicy.Tasks.RuleSeverity"),
		enum("AggregationType", alertAggregations, "Microsoft.Office.CompliancePolicy.Tasks.AlertAggregationType"),
		{Name: "AlertBy", Kind: cStrings},
		{Name: "Filter", Kind: cString},
		{Name: "Description", Kind: cString},
		{Name: "Comment", Kind: cString},
		{Name: "Disabled", Kind: cBool},
		{Name: "NotificationEnabled", Kind: cBool},
		{Name: "NotifyUserOnFilterMatch", Kind: cBool},
		{Name: "Threshold", Kind: cInt},
		{Name: "TimeWindow", Kind: cInt},
	}
	registerCmdlet(&cmdletSpec{
		Name: "New-ProtectionAlert", Surface: surfaceCompliance, Required: []string{"Category", "Name", "NotifyUser", "ThreatType"},
		Params: joinParams([]cmdParam{{Name: "Name", Kind: cString}, enum("ThreatType", alertThreatTypes, "Microsoft.Office.CompliancePolicy.Tasks.ThreatAlertType")}, common),
		Run:    runNewProtectionAlert,
	})
	registerCmdlet(&cmdletSpec{
		Name: "Set-ProtectionAlert", Surface: surfaceCompliance, Required: []string{"Identity"},
		Params: joinParams([]cmdParam{{Name: "Identity", Kind: cString}}, common),
		Run:    runSetProtectionAlert,
	})
	registerCmdlet(&cmdletSpec{
		Name: "Get-ProtectionAlert", Surface: surfaceCompliance,
		Params: []cmdParam{{Name: "Identity", Kind: cString}},
		Run:    runGetProtectionAlert,
	})
	registerCmdlet(&cmdletSpec{
		Name: "Remove-ProtectionAlert", Surface: surfaceCompliance, Required: []string{"Identity"},
		Params: []cmdParam{{Name: "Identity", Kind: cString}},
		Run: func(s *Simulator, c *cmdletCall) ([]map[string]any, []string, *cmdletError) {
			o, ok := s.getCompliance(KindProtectionAlert, c.str("Identity"))
			if !ok {
				return nil, nil, objectNotFound(c.str("Identity"))
			}
			if o["IsSystemRule"] == true {
				return nil, nil, cmdletFail(typeInvalidOp, "The alert policy '%v' is a default alert policy and can't be removed.", o["Name"])
			}
			s.removeCompliance(c, KindProtectionAlert, fmt.Sprint(o["Name"]))
			return nil, nil, nil
		},
	})
}

// seedAlerts gives a new tenant Microsoft's default alert policy.
func (s *Simulator) seedAlerts() error {
	coll := complianceCollection(KindProtectionAlert)
	if s.store.has(coll) {
		return nil
	}
	name := "Elevation of Exchange admin privilege"
	o := map[string]any{
		"Name": name, "Guid": newGUID(), "Category": "AccessGovernance", "ThreatType": "Activity", "Severity": "Low",
		"AggregationType": "None", "Operation": []any{"Add-RoleGroupMember"}, "NotifyUser": []any{"TenantAdmins"},
		"Description": "Generates an alert when someone is assigned administrative permissions in your Exchange Online organization.",
		"Disabled":    false, "NotificationEnabled": true, "Filter": nil, "Comment": "", "IsSystemRule": true,
		"CreatedBy": "Microsoft", "LastModifiedBy": "Microsoft", "WhenCreated": nowStamp(), "WhenChanged": nowStamp(),
	}
	o["Identity"] = o["Guid"]
	return s.store.seed(coll, []*object{{ID: name, Data: o}})
}

// checkAlert validates the policy as it would be stored.
func checkAlert(o map[string]any) *cmdletError {
	for _, u := range listOf(o["NotifyUser"]) {
		if _, err := mail.ParseAddress(u); err != nil {
			return cmdletFail(typeTaskArgument, "The NotifyUser value '%s' isn't a valid SMTP address.", u)
		}
	}
	agg := fmt.Sprint(o["AggregationType"])
	if len(listOf(o["Operation"])) > 0 && o["ThreatType"] != "Activity" {
		return cmdletFail(typeTaskArgument, "You can only use the Operation parameter when the ThreatType parameter has the value Activity.")
	}
	if agg == "None" && (len(listOf(o["AlertBy"])) > 0 || o["NotifyUserOnFilterMatch"] == true) {
		return cmdletFail(typeTaskArgument, "You can't use the AlertBy or NotifyUserOnFilterMatch parameters when the AggregationType parameter value is None.")
	}
	if agg != "SimpleAggregation" && (o["Threshold"] != nil || o["TimeWindow"] != nil) {
		return cmdletFail(typeTaskArgument, "You can only use the Threshold and TimeWindow parameters when the AggregationType parameter value is SimpleAggregation.")
	}
	if o["Threshold"] != nil && metaInt(o, "Threshold") < 3 {
		return cmdletFail(typeTaskArgument, "The Threshold value must be an integer that's greater than or equal to 3.")
	}
	if o["TimeWindow"] != nil && metaInt(o, "TimeWindow") <= 60 {
		return cmdletFail(typeTaskArgument, "The TimeWindow value must be an integer that's greater than 60 (one hour).")
	}
	if f, _ := o["Filter"].(string); f != "" {
		prefix := "Activity."
		if o["ThreatType"] == "Malware" {
			prefix = "Mail:"
		}
		for _, p := range alertFilterProp.FindAllString(f, -1) {
			if !containsFold(alertFilterProps, p) || !strings.HasPrefix(strings.ToLower(p), strings.ToLower(prefix)) {
				return cmdletFail(typeTaskArgument, "The Filter property '%s' isn't a filterable property for ThreatType %v.", p, o["ThreatType"])
			}
		}
		if len(alertFilterProp.FindAllString(f, -1)) == 0 {
			return cmdletFail(typeTaskArgument, "The Filter '%s' isn't valid: it doesn't name a filterable property.", f)
		}
	}
	return nil
}

func applyAlertArgs(o map[string]any, c *cmdletCall) {
	for _, k := range []string{"Category", "Severity", "AggregationType", "Filter", "Description", "Comment", "Disabled", "NotificationEnabled",
		"NotifyUserOnFilterMatch", "Threshold", "TimeWindow"} {
		if v, ok := c.args[k]; ok {
			o[k] = v
		}
	}
	for _, k := range []string{"NotifyUser", "Operation", "AlertBy"} {
		if v, ok := c.args[k].([]string); ok {
			o[k] = stringsAny(v)
		}
	}
}

func runNewProtectionAlert(s *Simulator, c *cmdletCall) ([]map[string]any, []string, *cmdletError) {
	name := c.str("Name")
	if e := nameValid(name); e != nil {
		return nil, nil, e
	}
	if _, exists := s.findCompliance(KindProtectionAlert, name); exists {
		return nil, nil, alreadyExists(name)
	}
	o := s.newComplianceObject(name, c)
	o["ThreatType"] = c.str("ThreatType")
	o["Severity"] = "Low"                      // documented default
	o["AggregationType"] = "SimpleAggregation" // documented default
	o["Disabled"], o["NotificationEnabled"] = false, true
	o["Operation"], o["AlertBy"], o["Filter"], o["Description"] = []any{}, []any{}, nil, ""
	o["IsSystemRule"] = false
	applyAlertArgs(o, c)
	if e := checkAlert(o); e != nil {
		return nil, nil, e
	}
	if e := s.putCompliance(c, KindProtectionAlert, o); e != nil {
		return nil, nil, e
	}
	return outputs([]map[string]any{o}), nil, nil
}

func runSetProtectionAlert(s *Simulator, c *cmdletCall) ([]map[string]any, []string, *cmdletError) {
	o, ok := s.getCompliance(KindProtectionAlert, c.str("Identity"))
	if !ok {
		return nil, nil, objectNotFound(c.str("Identity"))
	}
	if o["IsSystemRule"] == true {
		// Set-ProtectionAlert.md: "You can't use this cmdlet to edit default alert policies."
		return nil, nil, cmdletFail(typeInvalidOp, "The alert policy '%v' is a default alert policy. You can't use this cmdlet to edit default alert policies.", o["Name"])
	}
	next := deepCopyMap(o)
	applyAlertArgs(next, c)
	if e := checkAlert(next); e != nil {
		return nil, nil, e
	}
	touch(next, c)
	if e := s.putCompliance(c, KindProtectionAlert, next); e != nil {
		return nil, nil, e
	}
	return nil, nil, nil
}

func runGetProtectionAlert(s *Simulator, c *cmdletCall) ([]map[string]any, []string, *cmdletError) {
	id := c.str("Identity")
	if c.has("Identity") {
		if _, ok := s.getCompliance(KindProtectionAlert, id); !ok {
			return nil, nil, objectNotFound(id)
		}
	}
	var out []map[string]any
	for _, o := range s.listCompliance(KindProtectionAlert, true) {
		if c.has("Identity") && !strings.EqualFold(fmt.Sprint(o["Name"]), id) && !strings.EqualFold(fmt.Sprint(o["Guid"]), id) {
			continue
		}
		out = append(out, o)
	}
	if c.has("Identity") && len(out) == 0 { // lagging readers do not see it yet
		return nil, nil, objectNotFound(id)
	}
	sort.SliceStable(out, func(i, j int) bool { return fmt.Sprint(out[i]["WhenCreated"]) < fmt.Sprint(out[j]["WhenCreated"]) })
	return outputs(out), nil, nil
}
