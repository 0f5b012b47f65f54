package tenantsim

import (
	"fmt"
	"sort"
	"strings"
)

// Unified audit log retention policies on the compliance host.
//
// Parameters, enums and limits: MicrosoftDocs/office-docs-powershell
// New-/Set-/Get-/Remove-UnifiedAuditLogRetentionPolicy.md (Name at most 64
// characters, Description at most 256; Priority 1-10000 and unique, mandatory
// on New- and Set-; RetentionDuration ThreeMonths, SixMonths, NineMonths,
// TwelveMonths, TenYears, mandatory on both; Operations only with exactly one
// RecordTypes value; Set- replaces RecordTypes/Operations/UserIds, $null
// clears them; Get- has no -Identity). The Purview page "Manage audit log
// retention policies": at most 50 policies; a policy needs a record type or a
// user; deletion "might take up to 30 minutes". Microsoft365DSC
// MSFT_SCUnifiedAuditLogRetentionPolicy skips Mode PendingDeletion, so a removed
// policy is served with that Mode for a while (ComplianceSettings
// PendingDeletionGets/Ms, as for DLP and retention policies). The texts of the
// refusals below are assumed (none is published) unless they quote a doc.

const KindAuditRetentionPolicy = "UnifiedAuditLogRetentionPolicy"

var auditRetentionDurations = []string{"ThreeMonths", "SixMonths", "NineMonths", "TwelveMonths", "TenYears"}

const maxAuditRetentionPolicies = 50

func init() {
	common := []cmdParam{
		{Name: "Description", Kind: cString},
		{Name: "RecordTypes", Kind: cEnumList, Values: auditRecordTypes, EnumType: "Microsoft.Exchange.Management.SystemConfigurationTasks.AuditRecordType"},
		{Name: "Operations", Kind: cStrings},
		{Name: "UserIds", Kind: cStrings},
		{Name: "RetentionDuration", Kind: cEnum, Values: auditRetentionDurations, EnumType: "Microsoft.Exchange.Management.UnifiedAuditLogRetentionDuration"},
		{Name: "Priority", Kind: cInt},
	}
	registerCmdlet(&cmdletSpec{
		Name: "New-UnifiedAuditLogRetentionPolicy", Surface: surfaceCompliance, Required: []string{"Name", "Priority", "RetentionDuration"},
		Params: joinParams([]cmdParam{{Name: "Name", Kind: cString}}, common),
		Run:    runNewAuditRetention,
	})
	registerCmdlet(&cmdletSpec{
		Name: "Set-UnifiedAuditLogRetentionPolicy", Surface: surfaceCompliance, Required: []string{"Identity", "Priority", "RetentionDuration"},
		Params: joinParams([]cmdParam{{Name: "Identity", Kind: cString}}, common),
		Run:    runSetAuditRetention,
	})
	registerCmdlet(&cmdletSpec{
		Name: "Get-UnifiedAuditLogRetentionPolicy", Surface: surfaceCompliance,
		Params: []cmdParam{{Name: "Operation", Kind: cString}, {Name: "UserId", Kind: cString},
			{Name: "RecordType", Kind: cEnum, Values: auditRecordTypes, EnumType: "Microsoft.Exchange.Management.SystemConfigurationTasks.AuditRecordType"},
			{Name: "RetentionDuration", Kind: cEnum, Values: auditRetentionDurations, EnumType: "Microsoft.Exchange.Management.UnifiedAuditLogRetentionDuration"}},
		Run: runGetAuditRetention,
	})
	registerCmdlet(&cmdletSpec{
		Name: "Remove-UnifiedAuditLogRetentionPolicy", Surface: surfaceCompliance, Required: []string{"Identity"},
		Params: []cmdParam{{Name: "Identity", Kind: cString}},
		Run:    runRemoveAuditRetention,
	})
}

// auditPremiumRequired refuses retention policies in a tenant without Audit
// (Premium) (ComplianceSettings.WithoutAuditPremium). Assumed text: Microsoft
// publishes only that the policies are an Audit (Premium) capability.
func (s *Simulator) auditPremiumRequired() *cmdletError {
	if !s.ComplianceSettings().WithoutAuditPremium {
		return nil
	}
	return cmdletFail(typeInvalidOp, "Audit log retention policies require Microsoft Purview Audit (Premium). Your organization doesn't have a subscription that includes it.")
}

// checkAuditRetention validates the policy as it would be stored.
func (s *Simulator) checkAuditRetention(o map[string]any, self string) *cmdletError {
	if d, _ := o["Description"].(string); len([]rune(d)) > 256 {
		return cmdletFail(typeTaskArgument, "The Description can't contain more than 256 characters.")
	}
	prio := metaInt(o, "Priority")
	if prio < 1 || prio > 10000 {
		return cmdletFail(typeTaskArgument, "The Priority value %d isn't valid. Valid values are 1 (highest priority) to 10000 (lowest priority).", prio)
	}
	for _, other := range s.listCompliance(KindAuditRetentionPolicy, false) {
		if !strings.EqualFold(fmt.Sprint(other["Name"]), self) && metaInt(other, "Priority") == prio && other["Mode"] != "PendingDeletion" {
			return cmdletFail(typeTaskArgument, "The Priority value %d is already used by the audit log retention policy '%v'. No two policies can have the same priority value.", prio, other["Name"])
		}
	}
	records, ops, users := listOf(o["RecordTypes"]), listOf(o["Operations"]), listOf(o["UserIds"])
	if len(ops) > 0 && len(records) != 1 {
		return cmdletFail(typeTaskArgument, "You can't use the Operations parameter unless you specify exactly one value for the RecordTypes parameter.")
	}
	if len(records) == 0 && len(users) == 0 {
		return cmdletFail(typeTaskArgument, "Specify at least one value for the RecordTypes or the UserIds parameter.")
	}
	return nil
}

func listOf(v any) []string {
	switch t := v.(type) {
	case []string:
		return t
	case []any:
		out := make([]string, 0, len(t))
		for _, e := range t {
			out = append(out, fmt.Sprint(e))
		}
		return out
	}
	return nil
}

func stringsAny(l []string) []any {
	out := make([]any, 0, len(l))
	for _, s := range l {
		out = append(out, s)
	}
	return out
}

func applyAuditRetentionArgs(o map[string]any, c *cmdletCall) {
	for _, k := range []string{"Description", "RetentionDuration", "Priority"} {
		if v, ok := c.args[k]; ok {
			o[k] = v
		}
	}
	for _, k := range []string{"RecordTypes", "Operations", "UserIds"} {
		if v, ok := c.args[k].([]string); ok {
			o[k] = stringsAny(v)
		}
	}
}

func runNewAuditRetention(s *Simulator, c *cmdletCall) ([]map[string]any, []string, *cmdletError) {
	if e := s.auditPremiumRequired(); e != nil {
		return nil, nil, e
	}
	name := c.str("Name")
	if e := nameValid(name); e != nil {
		return nil, nil, e
	}
	if _, exists := s.findCompliance(KindAuditRetentionPolicy, name); exists {
		return nil, nil, alreadyExists(name)
	}
	if len(s.listCompliance(KindAuditRetentionPolicy, false)) >= maxAuditRetentionPolicies {
		return nil, nil, cmdletFail(typeInvalidOp, "You can't create more than %d audit log retention policies in your organization.", maxAuditRetentionPolicies)
	}
	o := s.newComplianceObject(name, c)
	delete(o, "Comment")
	o["Description"] = ""
	o["RecordTypes"], o["Operations"], o["UserIds"] = []any{}, []any{}, []any{}
	o["Mode"] = "Enforce"
	applyAuditRetentionArgs(o, c)
	if e := s.checkAuditRetention(o, name); e != nil {
		return nil, nil, e
	}
	if e := s.putCompliance(c, KindAuditRetentionPolicy, o); e != nil {
		return nil, nil, e
	}
	return outputs([]map[string]any{o}), nil, nil
}

func runSetAuditRetention(s *Simulator, c *cmdletCall) ([]map[string]any, []string, *cmdletError) {
	if e := s.auditPremiumRequired(); e != nil {
		return nil, nil, e
	}
	o, ok := s.getCompliance(KindAuditRetentionPolicy, c.str("Identity"))
	if !ok {
		return nil, nil, objectNotFound(c.str("Identity"))
	}
	if o["Mode"] == "PendingDeletion" {
		return nil, nil, pendingDeletionErr(fmt.Sprint(o["Name"]))
	}
	next := deepCopyMap(o)
	applyAuditRetentionArgs(next, c)
	if e := s.checkAuditRetention(next, fmt.Sprint(o["Name"])); e != nil {
		return nil, nil, e
	}
	touch(next, c)
	if e := s.putCompliance(c, KindAuditRetentionPolicy, next); e != nil {
		return nil, nil, e
	}
	return nil, nil, nil
}

// runGetAuditRetention lists every policy (never Microsoft's default one),
// filtered by the documented optional parameters, in creation order.
func runGetAuditRetention(s *Simulator, c *cmdletCall) ([]map[string]any, []string, *cmdletError) {
	var out []map[string]any
	for _, o := range s.listCompliance(KindAuditRetentionPolicy, true) {
		if c.has("RecordType") && !containsFold(listOf(o["RecordTypes"]), c.str("RecordType")) ||
			c.has("Operation") && !containsFold(listOf(o["Operations"]), c.str("Operation")) ||
			c.has("UserId") && !containsFold(listOf(o["UserIds"]), c.str("UserId")) ||
			c.has("RetentionDuration") && !strings.EqualFold(fmt.Sprint(o["RetentionDuration"]), c.str("RetentionDuration")) {
			continue
		}
		out = append(out, o)
	}
	sort.SliceStable(out, func(i, j int) bool { return fmt.Sprint(out[i]["WhenCreated"]) < fmt.Sprint(out[j]["WhenCreated"]) })
	return outputs(out), nil, nil
}

func containsFold(l []string, want string) bool {
	for _, v := range l {
		if strings.EqualFold(v, want) {
			return true
		}
	}
	return false
}

func runRemoveAuditRetention(s *Simulator, c *cmdletCall) ([]map[string]any, []string, *cmdletError) {
	o, ok := s.getCompliance(KindAuditRetentionPolicy, c.str("Identity"))
	if !ok {
		return nil, nil, objectNotFound(c.str("Identity"))
	}
	name := fmt.Sprint(o["Name"])
	if o["Mode"] == "PendingDeletion" {
		return nil, nil, pendingDeletionErr(name)
	}
	st := s.ComplianceSettings()
	if st.PendingDeletionGets <= 0 && st.PendingDeletionMs <= 0 {
		s.removeCompliance(c, KindAuditRetentionPolicy, name)
		return nil, nil, nil
	}
	o["Mode"] = "PendingDeletion"
	m := simMeta(o)
	m["pendingGets"] = st.PendingDeletionGets
	if st.PendingDeletionMs > 0 {
		m["pendingUntil"] = nowAdd(st.PendingDeletionMs)
	}
	touch(o, c)
	return nil, nil, s.putCompliance(c, KindAuditRetentionPolicy, o)
}
