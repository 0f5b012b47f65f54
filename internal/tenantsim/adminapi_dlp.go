package tenantsim

import (
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// DLP compliance policies and rules on the compliance host. Parameters:
// MicrosoftDocs/office-docs-powershell New-/Set-/Get-/Remove-DlpCompliancePolicy.md,
// New-/Set-DlpComplianceRule.md; Get- fields: Microsoft365DSC MSFT_SCDLPCompliancePolicy
// and MSFT_SCDLPComplianceRule (evidence in the comments of each file).

var dlpModes = []string{"Enable", "TestWithNotifications", "TestWithoutNotifications", "Disable"}

const dlpModeType = "Microsoft.Office.CompliancePolicy.PolicyEvaluation.PolicyMode" // assumed

var dlpLocationKinds = []string{"SharePointLocation", "OneDriveLocation", "TeamsLocation", "EndpointDlpLocation"}

// dlpLocationFields are the policy fields holding location lists.
var dlpLocationFields = []string{"ExchangeLocation", "SharePointLocation", "SharePointLocationException",
	"OneDriveLocation", "OneDriveLocationException", "TeamsLocation", "TeamsLocationException",
	"EndpointDlpLocation", "EndpointDlpLocationException"}

func init() {
	modeParam := cmdParam{Name: "Mode", Kind: cEnum, Values: dlpModes, EnumType: dlpModeType}
	registerCmdlet(&cmdletSpec{
		Name: "New-DlpCompliancePolicy", Surface: surfaceCompliance, Required: []string{"Name"},
		Params: joinParams([]cmdParam{{Name: "Name", Kind: cString}, {Name: "Comment", Kind: cString}, modeParam,
			{Name: "Priority", Kind: cInt}, {Name: "ExchangeLocation", Kind: cStrings}, {Name: "Force", Kind: cSwitch}},
			locationParams(dlpLocationKinds, false)),
		Run: runNewDlpPolicy,
	})
	registerCmdlet(&cmdletSpec{
		Name: "Set-DlpCompliancePolicy", Surface: surfaceCompliance, Required: []string{"Identity"},
		Params: joinParams([]cmdParam{{Name: "Identity", Kind: cString}, {Name: "Comment", Kind: cString}, modeParam,
			{Name: "Priority", Kind: cInt}, {Name: "AddExchangeLocation", Kind: cStrings}, {Name: "RemoveExchangeLocation", Kind: cStrings},
			{Name: "RetryDistribution", Kind: cSwitch}, {Name: "Force", Kind: cSwitch}},
			locationParams(dlpLocationKinds, true)),
		Run: runSetDlpPolicy,
	})
	registerCmdlet(&cmdletSpec{
		Name: "Get-DlpCompliancePolicy", Surface: surfaceCompliance,
		Params: []cmdParam{{Name: "Identity", Kind: cString}, {Name: "DistributionDetail", Kind: cSwitch},
			{Name: "ForceValidate", Kind: cSwitch}, {Name: "IncludeExtendedProperties", Kind: cBool}},
		Run: func(s *Simulator, c *cmdletCall) ([]map[string]any, []string, *cmdletError) {
			return s.getPolicies(c, KindDlpPolicy)
		},
	})
	registerCmdlet(&cmdletSpec{
		Name: "Remove-DlpCompliancePolicy", Surface: surfaceCompliance, Required: []string{"Identity"},
		Params: []cmdParam{{Name: "Identity", Kind: cString}, {Name: "ForceDeletion", Kind: cSwitch}},
		Run: func(s *Simulator, c *cmdletCall) ([]map[string]any, []string, *cmdletError) {
			return s.removePolicy(c, KindDlpPolicy, KindDlpRule)
		},
	})

	ruleParams := []cmdParam{
		{Name: "Comment", Kind: cString},
		{Name: "ContentContainsSensitiveInformation", Kind: cAny},
		{Name: "AccessScope", Kind: cEnum, Values: []string{"InOrganization", "NotInOrganization", "None"}, EnumType: "Microsoft.Office.CompliancePolicy.Tasks.AccessScope"},
		{Name: "BlockAccess", Kind: cBool},
		{Name: "BlockAccessScope", Kind: cEnum, Values: []string{"All", "PerUser", "PerAnonymousUser"}, EnumType: "Microsoft.Office.CompliancePolicy.Tasks.BlockAccessScope"},
		{Name: "NotifyUser", Kind: cStrings},
		{Name: "NotifyAllowOverride", Kind: cEnumList, Values: []string{"FalsePositive", "WithoutJustification", "WithJustification", "WithAcknowledgement"}, EnumType: "Microsoft.Office.CompliancePolicy.Tasks.OverrideOption"},
		{Name: "NotifyPolicyTipCustomText", Kind: cString},
		{Name: "NotifyEmailCustomText", Kind: cString},
		{Name: "GenerateIncidentReport", Kind: cStrings},
		{Name: "GenerateAlert", Kind: cStrings},
		{Name: "IncidentReportContent", Kind: cEnumList, Values: []string{"All", "Default", "DetectionDetails", "Detections", "DocumentAuthor", "DocumentLastModifier", "MatchedItem", "OriginalContent", "RulesMatched", "Service", "Severity", "Title", "RetentionLabel", "SensitivityLabel"}, EnumType: "Microsoft.Office.CompliancePolicy.Tasks.IncidentReportContent"},
		{Name: "ReportSeverityLevel", Kind: cEnum, Values: []string{"Low", "Medium", "High", "None"}, EnumType: "Microsoft.Office.CompliancePolicy.Tasks.RuleSeverity"},
		{Name: "Disabled", Kind: cBool},
		{Name: "Priority", Kind: cInt},
	}
	registerCmdlet(&cmdletSpec{
		Name: "New-DlpComplianceRule", Surface: surfaceCompliance, Required: []string{"Name", "Policy"},
		Params: joinParams([]cmdParam{{Name: "Name", Kind: cString}, {Name: "Policy", Kind: cString}}, ruleParams),
		Run:    runNewDlpRule,
	})
	registerCmdlet(&cmdletSpec{
		Name: "Set-DlpComplianceRule", Surface: surfaceCompliance, Required: []string{"Identity"},
		Params: joinParams([]cmdParam{{Name: "Identity", Kind: cString}}, ruleParams),
		Run:    runSetDlpRule,
	})
	registerCmdlet(&cmdletSpec{
		Name: "Get-DlpComplianceRule", Surface: surfaceCompliance,
		Params: []cmdParam{{Name: "Identity", Kind: cString}, {Name: "Policy", Kind: cString}, {Name: "IncludeExecutionRuleGuids", Kind: cBool}},
		Run: func(s *Simulator, c *cmdletCall) ([]map[string]any, []string, *cmdletError) {
			return s.getRules(c, KindDlpRule, KindDlpPolicy)
		},
	})
	registerCmdlet(&cmdletSpec{
		Name: "Remove-DlpComplianceRule", Surface: surfaceCompliance, Required: []string{"Identity"},
		Params: []cmdParam{{Name: "Identity", Kind: cString}},
		Run: func(s *Simulator, c *cmdletCall) ([]map[string]any, []string, *cmdletError) {
			return s.removeRule(c, KindDlpRule)
		},
	})
}

func dlpWorkload(o map[string]any) string {
	var w []string
	for _, p := range [][2]string{{"ExchangeLocation", "Exchange"}, {"SharePointLocation", "SharePoint"},
		{"OneDriveLocation", "OneDriveForBusiness"}, {"TeamsLocation", "Teams"}, {"EndpointDlpLocation", "EndpointDevices"}} {
		if len(locationNames(o[p[0]])) > 0 {
			w = append(w, p[1])
		}
	}
	return strings.Join(w, ", ")
}

func runNewDlpPolicy(s *Simulator, c *cmdletCall) ([]map[string]any, []string, *cmdletError) {
	name := c.str("Name")
	if e := nameValid(name); e != nil {
		return nil, nil, e
	}
	if _, exists := s.findCompliance(KindDlpPolicy, name); exists {
		return nil, nil, alreadyExists(name)
	}
	o := s.newComplianceObject(name, c)
	o["Comment"] = c.str("Comment")
	o["Mode"] = "Enable"
	if c.has("Mode") {
		o["Mode"] = c.args["Mode"]
	}
	o["Enabled"] = o["Mode"] != "Disable"
	o["Type"] = "Dlp"
	for _, f := range dlpLocationFields {
		l, _ := c.args[f].([]string)
		o[f] = locationList(l)
	}
	if e := checkExchangeAll(o); e != nil {
		return nil, nil, e
	}
	o["Priority"] = int64(len(s.store.list(complianceCollection(KindDlpPolicy), false)))
	if c.has("Priority") {
		o["Priority"] = c.args["Priority"]
	}
	o["Workload"] = dlpWorkload(o)
	o["DistributionStatus"] = "Success"
	o["DistributionResults"] = []any{}
	o["PolicyRBACScopes"] = []any{}
	if e := s.putCompliance(c, KindDlpPolicy, o); e != nil {
		return nil, nil, e
	}
	return outputs([]map[string]any{o}), nil, nil
}

// checkExchangeAll: ExchangeLocation of a DLP policy takes only All (doc).
func checkExchangeAll(o map[string]any) *cmdletError {
	for _, n := range locationNames(o["ExchangeLocation"]) {
		if n != "All" {
			return cmdletFail(typeTaskArgument, "The value '%s' isn't valid for ExchangeLocation: the only valid value is All.", n)
		}
	}
	return nil
}

func runSetDlpPolicy(s *Simulator, c *cmdletCall) ([]map[string]any, []string, *cmdletError) {
	o, ok := s.getCompliance(KindDlpPolicy, c.str("Identity"))
	if !ok {
		return nil, nil, objectNotFound(c.str("Identity"))
	}
	if o["Mode"] == "PendingDeletion" {
		return nil, nil, pendingDeletionErr(field(o, "Name"))
	}
	before := publicView(o)
	if c.has("Comment") {
		o["Comment"] = c.str("Comment")
	}
	if c.has("Mode") {
		o["Mode"] = c.args["Mode"]
		o["Enabled"] = o["Mode"] != "Disable"
	}
	if c.has("Priority") {
		o["Priority"] = c.args["Priority"]
	}
	for _, f := range dlpLocationFields {
		add, _ := c.args["Add"+f].([]string)
		rem, _ := c.args["Remove"+f].([]string)
		if add != nil || rem != nil {
			applyLocationDelta(o, f, add, rem)
		}
	}
	if e := checkExchangeAll(o); e != nil {
		return nil, nil, e
	}
	o["Workload"] = dlpWorkload(o)
	var warnings []string
	if adminJSONEqual(before, publicView(o)) {
		warnings = append(warnings, fmt.Sprintf("The command completed successfully but no settings of '%s' have been modified.", o["Name"]))
	} else {
		touch(o, c)
	}
	if e := s.putCompliance(c, KindDlpPolicy, o); e != nil {
		return nil, nil, e
	}
	return nil, warnings, nil
}

func adminJSONEqual(a, b any) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return string(x) == string(y)
}

func pendingDeletionErr(name string) *cmdletError {
	return cmdletFail(typeInvalidOp, "The policy '%s' is pending deletion and can't be changed.", name)
}

// getPolicies serves Get-*CompliancePolicy [-Identity].
func (s *Simulator) getPolicies(c *cmdletCall, kind string) ([]map[string]any, []string, *cmdletError) {
	if c.has("Identity") {
		if _, ok := s.getCompliance(kind, c.str("Identity")); !ok {
			return nil, nil, objectNotFound(c.str("Identity"))
		}
	}
	var out []map[string]any
	for _, o := range s.listCompliance(kind, true) {
		if c.has("Identity") && !strings.EqualFold(fmt.Sprint(o["Name"]), c.str("Identity")) && !strings.EqualFold(fmt.Sprint(o["Guid"]), c.str("Identity")) {
			continue
		}
		if v, _ := c.args["DistributionDetail"].(bool); !v {
			o["DistributionResults"] = []any{}
		}
		out = append(out, o)
	}
	if c.has("Identity") && len(out) == 0 { // lagging readers do not see it yet
		return nil, nil, objectNotFound(c.str("Identity"))
	}
	sort.SliceStable(out, func(i, j int) bool { return fmt.Sprint(out[i]["WhenCreated"]) < fmt.Sprint(out[j]["WhenCreated"]) })
	return outputs(out), nil, nil
}

// removePolicy puts a policy in PendingDeletion (or removes it with
// -ForceDeletion) and removes its rules.
func (s *Simulator) removePolicy(c *cmdletCall, kind, ruleKind string) ([]map[string]any, []string, *cmdletError) {
	o, ok := s.getCompliance(kind, c.str("Identity"))
	if !ok {
		return nil, nil, objectNotFound(c.str("Identity"))
	}
	name := field(o, "Name")
	for _, r := range s.store.list(complianceCollection(ruleKind), false) {
		if strings.EqualFold(fmt.Sprint(r["ParentPolicyName"]), name) {
			s.removeCompliance(c, ruleKind, field(r, "Name"))
		}
	}
	if force, _ := c.args["ForceDeletion"].(bool); force {
		s.removeCompliance(c, kind, name)
		return nil, nil, nil
	}
	if o["Mode"] == "PendingDeletion" {
		return nil, nil, pendingDeletionErr(name)
	}
	st := s.ComplianceSettings()
	o["Mode"] = "PendingDeletion"
	o["DistributionStatus"] = "Pending"
	m := simMeta(o)
	delete(m, "deployCalls")
	delete(m, "deployUntil")
	m["pendingGets"] = st.PendingDeletionGets
	if st.PendingDeletionMs > 0 {
		m["pendingUntil"] = nowAdd(st.PendingDeletionMs)
	}
	touch(o, c)
	if st.PendingDeletionGets <= 0 && st.PendingDeletionMs <= 0 {
		s.removeCompliance(c, kind, name)
		return nil, nil, nil
	}
	if e := s.putCompliance(c, kind, o); e != nil {
		return nil, nil, e
	}
	return nil, nil, nil
}

// ---- rules ----

// sitEntryKeys are the keys of one sensitive type hashtable.
var sitEntryKeys = []string{"name", "id", "mincount", "maxcount", "minconfidence", "maxconfidence", "confidencelevel", "classifiertype", "rulepackId"}

// normalizeSIT validates ContentContainsSensitiveInformation: an array of
// {name|id, ...} hashtables, or (grouped) one {operator, groups:[{name,
// operator, sensitivetypes:[...]}]} hashtable. Counts and confidences are
// returned as strings, as the cmdlet's PswsHashtable values are.
func (s *Simulator) normalizeSIT(v any) ([]any, *cmdletError) {
	var items []any
	switch t := v.(type) {
	case []any:
		items = t
	case map[string]any:
		items = []any{t}
	default:
		return nil, cmdletFail(typeParamBinding, "Cannot process argument transformation on parameter 'ContentContainsSensitiveInformation'. Cannot convert value \"%s\" to type \"Microsoft.Exchange.Data.PswsHashtable[]\".", jsonValueText(v))
	}
	if len(items) == 0 {
		return nil, cmdletFail(typeTaskArgument, "ContentContainsSensitiveInformation must hold at least one sensitive information type.")
	}
	for _, it := range items {
		if e := requireHashtableTag("ContentContainsSensitiveInformation", "Microsoft.Exchange.Data.PswsHashtable[]", it); e != nil {
			return nil, e
		}
	}
	items, _ = stripHashtableTags(items).([]any) // a list stays a list
	if len(items) == 1 {
		if m, ok := items[0].(map[string]any); ok && lookupKey(m, "groups") != nil {
			g, e := s.normalizeGroups(m)
			if e != nil {
				return nil, e
			}
			return []any{g}, nil
		}
	}
	out := make([]any, 0, len(items))
	for _, it := range items {
		n, e := s.normalizeSITEntry(it)
		if e != nil {
			return nil, e
		}
		out = append(out, n)
	}
	return out, nil
}

// hashtableODataType is the tag InvokeCommand needs on a hashtable parameter.
// Public clients send it on every PswsHashtable (KelvinTegelaar/CIPP-API
// ConvertTo-CIPPExoHashtable: "PswsHashtable parameters need the
// Exchange.GenericHashTable odata type to bind over the AdminApi"; ExoHelper
// Invoke-ExoCommand); a plain object reaches the binder as a JObject. The
// captures are of top-level hashtables, so the simulator requires the tag on
// each element of the array, and accepts nested hashtables (groups,
// sensitivetypes) with or without it: nothing public says which.
const hashtableODataType = "#Exchange.GenericHashTable"

func requireHashtableTag(param, target string, v any) *cmdletError {
	m, ok := v.(map[string]any)
	if !ok || m["@odata.type"] == hashtableODataType {
		return nil
	}
	return cmdletFail(typeParamBinding, "Cannot process argument transformation on parameter '%s'. Cannot convert the \"%s\" value of type \"Newtonsoft.Json.Linq.JObject\" to type \"%s\".",
		param, jsonValueText(v), target)
}

// stripHashtableTags drops the OData tags, which are not part of the value.
func stripHashtableTags(v any) any {
	switch x := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			if k != "@odata.type" {
				out[k] = stripHashtableTags(e)
			}
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = stripHashtableTags(e)
		}
		return out
	}
	return v
}

func lookupKey(m map[string]any, key string) any {
	for k, v := range m {
		if strings.EqualFold(k, key) {
			return v
		}
	}
	return nil
}

func normOperator(v any, where string) (string, *cmdletError) {
	s, _ := v.(string)
	switch strings.ToLower(s) {
	case "and":
		return "And", nil
	case "or":
		return "Or", nil
	}
	return "", cmdletFail(typeTaskArgument, "The operator '%v' in %s isn't valid. Valid values are And and Or.", v, where)
}

func (s *Simulator) normalizeGroups(m map[string]any) (map[string]any, *cmdletError) {
	for k := range m {
		if !strings.EqualFold(k, "operator") && !strings.EqualFold(k, "groups") {
			return nil, cmdletFail(typeTaskArgument, "The key '%s' isn't valid in ContentContainsSensitiveInformation. Valid keys are operator and groups.", k)
		}
	}
	op, e := normOperator(lookupKey(m, "operator"), "ContentContainsSensitiveInformation")
	if e != nil {
		return nil, e
	}
	groups, _ := lookupKey(m, "groups").([]any)
	if len(groups) == 0 {
		return nil, cmdletFail(typeTaskArgument, "ContentContainsSensitiveInformation groups must hold at least one group.")
	}
	outGroups := []any{}
	for _, g := range groups {
		gm, ok := g.(map[string]any)
		if !ok {
			return nil, cmdletFail(typeTaskArgument, "Each group of ContentContainsSensitiveInformation must be a hashtable.")
		}
		name, _ := lookupKey(gm, "name").(string)
		if name == "" {
			return nil, cmdletFail(typeTaskArgument, "Each group of ContentContainsSensitiveInformation needs a name.")
		}
		for k := range gm {
			switch strings.ToLower(k) {
			case "name", "operator", "sensitivetypes", "labels":
			default:
				return nil, cmdletFail(typeTaskArgument, "The key '%s' isn't valid in group '%s'. Valid keys are name, operator, sensitivetypes and labels.", k, name)
			}
		}
		gop, e := normOperator(lookupKey(gm, "operator"), "group '"+name+"'")
		if e != nil {
			return nil, e
		}
		types, _ := lookupKey(gm, "sensitivetypes").([]any)
		if len(types) == 0 {
			return nil, cmdletFail(typeTaskArgument, "Group '%s' of ContentContainsSensitiveInformation must hold at least one sensitive type.", name)
		}
		outTypes := []any{}
		for _, t := range types {
			n, e := s.normalizeSITEntry(t)
			if e != nil {
				return nil, e
			}
			outTypes = append(outTypes, n)
		}
		outGroups = append(outGroups, map[string]any{"name": name, "operator": gop, "sensitivetypes": outTypes})
	}
	return map[string]any{"operator": op, "groups": outGroups}, nil
}

func (s *Simulator) normalizeSITEntry(v any) (map[string]any, *cmdletError) {
	m, ok := v.(map[string]any)
	if !ok {
		return nil, cmdletFail(typeTaskArgument, "Each sensitive information type must be a hashtable such as @{Name=\"...\"; minCount=\"1\"}.")
	}
	out := map[string]any{}
	for k, val := range m {
		key := ""
		for _, allowed := range sitEntryKeys {
			if strings.EqualFold(k, allowed) {
				key = allowed
			}
		}
		if key == "" {
			return nil, cmdletFail(typeTaskArgument, "The key '%s' isn't valid for a sensitive information type. Valid keys are %s.", k, strings.Join(sitEntryKeys, ", "))
		}
		out[key] = jsonValueText(val)
	}
	name, _ := out["name"].(string)
	id, _ := out["id"].(string)
	sit := findSIT(name, id)
	if sit == nil {
		ident := name
		if ident == "" {
			ident = id
		}
		return nil, cmdletFail("Microsoft.Office.CompliancePolicy.Validators.SensitiveTypeNotFoundException", // assumed
			"The sensitive information type '%s' couldn't be found. Run Get-DlpSensitiveInformationType to see the available types.", ident)
	}
	out["name"], out["id"] = sit.Name, sit.ID
	if _, ok := out["mincount"]; !ok {
		out["mincount"] = "1"
	}
	if _, ok := out["maxcount"]; !ok {
		out["maxcount"] = "-1"
	}
	for _, k := range []string{"mincount", "maxcount", "minconfidence", "maxconfidence"} {
		if v, ok := out[k].(string); ok {
			n, err := strconv.Atoi(v)
			if err != nil || n < -1 || ((k == "minconfidence" || k == "maxconfidence") && (n < 1 || n > 100)) {
				return nil, cmdletFail(typeTaskArgument, "The value '%s' of %s for sensitive information type '%s' isn't valid.", v, k, sit.Name)
			}
		}
	}
	if cl, ok := out["confidencelevel"].(string); ok {
		found := false
		for _, l := range []string{"Low", "Medium", "High"} {
			if strings.EqualFold(cl, l) {
				out["confidencelevel"], found = l, true
			}
		}
		if !found {
			return nil, cmdletFail(typeTaskArgument, "The confidencelevel '%s' for sensitive information type '%s' isn't valid. Valid values are Low, Medium and High.", cl, sit.Name)
		}
	}
	return out, nil
}

var dlpRuleDefaults = map[string]any{
	"Comment": "", "AccessScope": "None", "BlockAccess": false, "BlockAccessScope": "All",
	"NotifyUser": []any{}, "NotifyAllowOverride": []any{}, "NotifyPolicyTipCustomText": "", "NotifyEmailCustomText": "",
	"GenerateIncidentReport": []any{}, "GenerateAlert": []any{}, "IncidentReportContent": []any{},
	"ReportSeverityLevel": "Low", "Disabled": false,
}

func (s *Simulator) applyDlpRuleArgs(o map[string]any, c *cmdletCall) *cmdletError {
	for k := range dlpRuleDefaults {
		v, ok := c.args[k]
		if !ok {
			continue
		}
		if l, isList := v.([]string); isList {
			arr := make([]any, len(l))
			for i := range l {
				arr[i] = l[i]
			}
			v = arr
		}
		o[k] = v
	}
	if c.has("Priority") {
		o["Priority"] = c.args["Priority"]
	}
	if v, ok := c.args["ContentContainsSensitiveInformation"]; ok {
		n, e := s.normalizeSIT(v)
		if e != nil {
			return e
		}
		o["ContentContainsSensitiveInformation"] = n
		o["IsAdvancedRule"] = false
	}
	return nil
}

func runNewDlpRule(s *Simulator, c *cmdletCall) ([]map[string]any, []string, *cmdletError) {
	name := c.str("Name")
	if e := nameValid(name); e != nil {
		return nil, nil, e
	}
	pol, ok := s.getCompliance(KindDlpPolicy, c.str("Policy"))
	if !ok {
		return nil, nil, objectNotFound(c.str("Policy"))
	}
	if pol["Mode"] == "PendingDeletion" {
		return nil, nil, pendingDeletionErr(field(pol, "Name"))
	}
	if _, exists := s.findCompliance(KindDlpRule, name); exists {
		return nil, nil, alreadyExists(name)
	}
	o := s.newComplianceObject(name, c)
	for k, v := range dlpRuleDefaults {
		o[k] = deepCopyValue(v)
	}
	o["Policy"] = pol["Guid"]
	o["ParentPolicyName"] = pol["Name"]
	o["Mode"] = pol["Mode"]
	o["ContentContainsSensitiveInformation"] = []any{}
	o["IsAdvancedRule"] = false
	o["Workload"] = pol["Workload"]
	n := 0
	for _, r := range s.store.list(complianceCollection(KindDlpRule), false) {
		if r["ParentPolicyName"] == pol["Name"] {
			n++
		}
	}
	o["Priority"] = int64(n)
	if e := s.applyDlpRuleArgs(o, c); e != nil {
		return nil, nil, e
	}
	if e := s.putCompliance(c, KindDlpRule, o); e != nil {
		return nil, nil, e
	}
	return outputs([]map[string]any{o}), nil, nil
}

func runSetDlpRule(s *Simulator, c *cmdletCall) ([]map[string]any, []string, *cmdletError) {
	o, ok := s.getCompliance(KindDlpRule, c.str("Identity"))
	if !ok {
		return nil, nil, objectNotFound(c.str("Identity"))
	}
	before := publicView(o)
	if e := s.applyDlpRuleArgs(o, c); e != nil {
		return nil, nil, e
	}
	var warnings []string
	if adminJSONEqual(before, publicView(o)) {
		warnings = append(warnings, fmt.Sprintf("The command completed successfully but no settings of '%s' have been modified.", o["Name"]))
	} else {
		touch(o, c)
	}
	if e := s.putCompliance(c, KindDlpRule, o); e != nil {
		return nil, nil, e
	}
	return nil, warnings, nil
}

// getRules serves Get-*ComplianceRule [-Identity] [-Policy].
func (s *Simulator) getRules(c *cmdletCall, kind, policyKind string) ([]map[string]any, []string, *cmdletError) {
	if c.has("Identity") {
		if _, ok := s.getCompliance(kind, c.str("Identity")); !ok {
			return nil, nil, objectNotFound(c.str("Identity"))
		}
	}
	var policyName string
	if c.has("Policy") {
		pol, ok := s.getCompliance(policyKind, c.str("Policy"))
		if !ok {
			return nil, nil, objectNotFound(c.str("Policy"))
		}
		policyName = field(pol, "Name")
	}
	var out []map[string]any
	for _, o := range s.listCompliance(kind, true) {
		if c.has("Identity") && !strings.EqualFold(fmt.Sprint(o["Name"]), c.str("Identity")) && !strings.EqualFold(fmt.Sprint(o["Guid"]), c.str("Identity")) {
			continue
		}
		if policyName != "" && !strings.EqualFold(fmt.Sprint(o["ParentPolicyName"]), policyName) {
			continue
		}
		if pol, ok := s.findCompliance(policyKind, fmt.Sprint(o["ParentPolicyName"])); ok && kind == KindDlpRule {
			o["Mode"] = pol["Mode"]
		}
		out = append(out, o)
	}
	if c.has("Identity") && len(out) == 0 {
		return nil, nil, objectNotFound(c.str("Identity"))
	}
	sort.SliceStable(out, func(i, j int) bool { return fmt.Sprint(out[i]["WhenCreated"]) < fmt.Sprint(out[j]["WhenCreated"]) })
	return outputs(out), nil, nil
}

func (s *Simulator) removeRule(c *cmdletCall, kind string) ([]map[string]any, []string, *cmdletError) {
	o, ok := s.getCompliance(kind, c.str("Identity"))
	if !ok {
		return nil, nil, objectNotFound(c.str("Identity"))
	}
	s.removeCompliance(c, kind, field(o, "Name"))
	return nil, nil, nil
}
