package adminapi

import (
	"fmt"
	"maps"
	"slices"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/contract"
)

// Every cmdlet the provider runs, with the parameters it may bind. Microsoft
// documents the cmdlets and their parameters (MicrosoftDocs/office-docs-powershell
// exchange/exchange-ps/ExchangePowerShell/<Cmdlet>.md), not the REST call that
// carries them: POST .../adminapi/beta/{tenantId}/InvokeCommand with
// {"CmdletInput":{"CmdletName","Parameters"}} is what public clients send
// (terraprovider/go-exoscc adminapi/invoke.go; KelvinTegelaar/CIPP-API
// New-ExoRequest; ExoHelper Invoke-ExoCommand). So each row is "observed":
// documented parameters on an observed transport. Invoke refuses a cmdlet or
// parameter that is not here.

const invokeRoute = "/adminapi/beta/{tenantId}/InvokeCommand"

const transportSource = "transport: terraprovider/go-exoscc adminapi/invoke.go, KelvinTegelaar/CIPP-API New-ExoRequest, ExoHelper Invoke-ExoCommand"

func cmdlet(service, name, what string, params []string, note string) *contract.Operation {
	return &contract.Operation{
		Service: service, Name: what, Method: "POST", Path: invokeRoute, Cmdlet: name, Body: params,
		Evidence: contract.Observed,
		Source:   "office-docs-powershell exchange/exchange-ps/ExchangePowerShell/" + name + ".md; " + transportSource,
		Note:     note,
	}
}

var (
	dlpPolicyLocations = []string{"TeamsLocation", "TeamsLocationException", "ExchangeLocation", "SharePointLocation", "OneDriveLocation"}
	retentionLocations = []string{"TeamsChatLocation", "TeamsChatLocationException", "TeamsChannelLocation", "TeamsChannelLocationException"}
	dlpRuleParams      = []string{"Comment", "AccessScope", "BlockAccessScope", "ReportSeverityLevel", "NotifyUser", "NotifyAllowOverride",
		"GenerateIncidentReport", "IncidentReportContent", "BlockAccess", "Disabled", "ContentContainsSensitiveInformation"}
	retentionRuleParams = []string{"RetentionDuration", "RetentionComplianceAction"}
	// New-/Set-UnifiedAuditLogRetentionPolicy: Priority and RetentionDuration are mandatory on both.
	auditRetentionParams = []string{"Description", "RecordTypes", "Operations", "UserIds", "RetentionDuration", "Priority"}
	// New-/Set-ProtectionAlert; ThreatType is New- only (it cannot change after creation).
	protectionAlertParams = []string{"Category", "NotifyUser", "Operation", "Severity", "AggregationType", "Filter", "Description",
		"Disabled", "NotificationEnabled"}
)

// Notes on the audit retention and alert cmdlets (sources named in each).
const (
	distributionDetailNote = "DistributionDetail (a switch, sent as true: CIPP-API New-ExoRequest -cmdParams @{ Identity; DistributionDetail = $true }) " +
		"goes with every -Identity read: without it \"the values of the DistributionStatus and *Location properties won't be accurate\" " +
		"(Get-RetentionCompliancePolicy.md, -DistributionDetail and Example 2; Microsoft365DSC MSFT_SCRetentionCompliancePolicy reads a policy the same way). " +
		"The list without -Identity (Example 1, \"summary information\") is used for names only."
	teamsPolicyOnlyNote = "TeamsPolicyOnly (a switch, sent as true): the list is sent plain and with -TeamsPolicyOnly and merged by Guid, because " +
		"sources disagree on whether the plain list holds Teams policies: Get-RetentionCompliancePolicy.md's -ExcludeTeamsPolicy and -TeamsPolicyOnly " +
		"(\"return only Teams policies\") imply it does; CIPP-API's listing (Invoke-ListRetentionCompliancePolicy) says Teams policies come only with -TeamsPolicyOnly, " +
		"sends it as TeamsPolicyOnly = $true beside the plain list and merges the two by Guid. The two switches share the cmdlet's one parameter set; the provider never sends both."
	auditRetentionGetNote = "Has no -Identity (Get-UnifiedAuditLogRetentionPolicy.md): the client lists every policy and picks the name. " +
		"Does not return Microsoft's default policy (learn.microsoft.com/purview/audit-log-retention-policies). A removed policy shows Mode PendingDeletion " +
		"for a while (Microsoft365DSC MSFT_SCUnifiedAuditLogRetentionPolicy skips Mode -eq 'PendingDeletion'; \"up to 30 minutes\", the Purview page)."
	auditRetentionNote = "RetentionDuration: ThreeMonths, SixMonths, NineMonths, TwelveMonths, TenYears; Priority 1-10000, unique; Name at most 64, " +
		"Description at most 256 characters; Operations needs exactly one RecordTypes value. Needs Microsoft Purview Audit (Premium); TenYears " +
		"also the 10-Year Audit Log Retention add-on. Role: Organization Configuration (learn.microsoft.com/purview/audit-log-retention-policies)."
	protectionAlertNote = "Category, ThreatType (Activity, Malware), Severity (Low, Medium, High), AggregationType (None, SimpleAggregation, " +
		"AnomalousAggregation) per the cmdlet page. Without an E5 subscription only single-event alerts (-AggregationType None with an -Operation) " +
		"can be created (New-ProtectionAlert.md). Role: Manage Alerts or Organization Configuration (learn.microsoft.com/purview/alert-policies)."
)

// hashtableNote is the evidence for the one hashtable parameter (hashtable.go).
const hashtableNote = "ContentContainsSensitiveInformation is PswsHashtable[]: every hashtable in it carries \"@odata.type\": \"" + HashtableType + "\", " +
	"which the binder needs (KelvinTegelaar/CIPP-API ConvertTo-CIPPExoHashtable; ExoHelper Invoke-ExoCommand). The public captures are of top-level hashtables; none shows an array of them."

// addRemove is Set-'s form of location parameters: Add<X> and Remove<X>.
func addRemove(locs []string) []string {
	var out []string
	for _, l := range locs {
		out = append(out, "Add"+l, "Remove"+l)
	}
	return out
}

func with(lists ...[]string) []string { return slices.Concat(lists...) }

// Contract is every cmdlet this client runs, on either surface.
var Contract = contract.Table{
	cmdlet(ComplianceService, "Get-DlpCompliancePolicy", "Read DLP policies (one, or all for an assessment)", []string{"Identity"}, ""),
	cmdlet(ComplianceService, "New-DlpCompliancePolicy", "Create a DLP policy", with([]string{"Name", "Comment", "Mode"}, dlpPolicyLocations),
		"Mode PendingDeletion appears after Remove- for a while."),
	cmdlet(ComplianceService, "Set-DlpCompliancePolicy", "Change a DLP policy", with([]string{"Identity", "Comment", "Mode"}, addRemove(dlpPolicyLocations)), ""),
	cmdlet(ComplianceService, "Remove-DlpCompliancePolicy", "Delete a DLP policy", []string{"Identity"}, ""),
	cmdlet(ComplianceService, "Get-DlpComplianceRule", "Read DLP rules (one, or every rule of a policy with -Policy)", []string{"Identity", "Policy"}, ""),
	cmdlet(ComplianceService, "New-DlpComplianceRule", "Create a DLP rule", with([]string{"Name", "Policy"}, dlpRuleParams),
		hashtableNote),
	cmdlet(ComplianceService, "Set-DlpComplianceRule", "Change a DLP rule", with([]string{"Identity"}, dlpRuleParams), hashtableNote),
	cmdlet(ComplianceService, "Remove-DlpComplianceRule", "Delete a DLP rule", []string{"Identity"}, ""),
	cmdlet(ComplianceService, "Get-DlpSensitiveInformationType", "List sensitive information types", nil, ""),
	cmdlet(ComplianceService, "Get-RetentionCompliancePolicy", "Read retention policies (names listed plain and with -TeamsPolicyOnly, then each read with -Identity -DistributionDetail)",
		[]string{"Identity", "DistributionDetail", "TeamsPolicyOnly"}, distributionDetailNote+" "+teamsPolicyOnlyNote),
	cmdlet(ComplianceService, "New-RetentionCompliancePolicy", "Create a retention policy", with([]string{"Name", "Comment", "Enabled"}, retentionLocations), ""),
	cmdlet(ComplianceService, "Set-RetentionCompliancePolicy", "Change a retention policy (retried while an earlier change is being deployed)",
		with([]string{"Identity", "Comment", "Enabled"}, addRemove(retentionLocations)), ""),
	cmdlet(ComplianceService, "Remove-RetentionCompliancePolicy", "Delete a retention policy", []string{"Identity"}, ""),
	cmdlet(ComplianceService, "Get-RetentionComplianceRule", "Read retention rules (one, or every rule of a policy with -Policy)", []string{"Identity", "Policy"}, ""),
	cmdlet(ComplianceService, "New-RetentionComplianceRule", "Create a retention rule", with([]string{"Name", "Policy"}, retentionRuleParams),
		"ExpirationDateOption is never sent: Microsoft says it cannot be used for Teams retention rules (New-RetentionComplianceRule.md)."),
	cmdlet(ComplianceService, "Set-RetentionComplianceRule", "Change a retention rule", with([]string{"Identity"}, retentionRuleParams), ""),
	cmdlet(ComplianceService, "Remove-RetentionComplianceRule", "Delete a retention rule", []string{"Identity"}, ""),
	cmdlet(ComplianceService, "Get-UnifiedAuditLogRetentionPolicy", "Read every audit log retention policy (no -Identity: picked by name)", nil, auditRetentionGetNote),
	cmdlet(ComplianceService, "New-UnifiedAuditLogRetentionPolicy", "Create an audit log retention policy", with([]string{"Name"}, auditRetentionParams), auditRetentionNote),
	cmdlet(ComplianceService, "Set-UnifiedAuditLogRetentionPolicy", "Change an audit log retention policy (Priority and RetentionDuration always sent: both are mandatory)",
		with([]string{"Identity"}, auditRetentionParams), "RecordTypes, Operations and UserIds replace the stored values; $null (JSON null) clears them (Set-UnifiedAuditLogRetentionPolicy.md example 2)."),
	cmdlet(ComplianceService, "Remove-UnifiedAuditLogRetentionPolicy", "Delete an audit log retention policy", []string{"Identity"}, ""),
	cmdlet(ComplianceService, "Get-ProtectionAlert", "Read alert policies (one, or all for an assessment)", []string{"Identity"},
		"Microsoft's default alert policies are returned too (IsSystemRule true; Microsoft365DSC MSFT_SCProtectionAlert)."),
	cmdlet(ComplianceService, "New-ProtectionAlert", "Create an alert policy", with([]string{"Name", "ThreatType"}, protectionAlertParams), protectionAlertNote),
	cmdlet(ComplianceService, "Set-ProtectionAlert", "Change an alert policy (not a default one: Set-ProtectionAlert.md)", with([]string{"Identity"}, protectionAlertParams),
		"Set-ProtectionAlert.md calls -NotifyUser \"reserved for internal Microsoft use\" while New- documents it as the recipients; Microsoft365DSC MSFT_SCProtectionAlert sends it to Set- to change them, as we do."),
	cmdlet(ComplianceService, "Remove-ProtectionAlert", "Delete an alert policy", []string{"Identity"}, ""),
	cmdlet(ExchangeService, "Get-AdminAuditLogConfig", "Read the unified audit log switch", nil, ""),
	cmdlet(ExchangeService, "Set-AdminAuditLogConfig", "Turn unified audit log ingestion on or off", []string{"UnifiedAuditLogIngestionEnabled"},
		"Sent with X-AnchorMailbox APP:SystemMailbox{bb558c35-...}@<tenant> (without it: \"Cmdlet needs proxy\"). New (dehydrated) tenants refuse it until Enable-OrganizationCustomization has run (CIPP-API audit log standard)."),
	cmdlet(ExchangeService, "Get-OrganizationConfig", "Read whether the organization is new (IsDehydrated), before changing the audit log", nil,
		"Needs the Exchange role View-Only Configuration; if it cannot be read, Set-AdminAuditLogConfig's own error says what to run."),
	cmdlet(ExchangeService, "Enable-OrganizationCustomization", "Customize a new (dehydrated) organization once, so it accepts Set-AdminAuditLogConfig", nil,
		"Run only when IsDehydrated is true and a change is needed; cannot be undone. Needs the Exchange role Organization Configuration (Microsoft365DSC EXOOrganizationConfig settings.json). "+
			"Evidence that it is required: KelvinTegelaar/CIPP-API audit log standard; Azure/SimuLand issue 17; MicrosoftLearning MS-102T00 issue 171."),
	{
		Service: "Security & Compliance / Exchange Online admin API", Name: "Next page of any cmdlet's answer", Method: "POST", Path: "{@odata.nextLink}",
		Body: []string{"CmdletInput"}, Evidence: contract.Observed,
		Source: "KelvinTegelaar/CIPP-API New-ExoRequest.ps1; ExoHelper; M365Permissions (the same body POSTed to the nextLink)",
		Note:   "Public clients disagree (terraprovider/go-exoscc sends a bodiless GET); only matters past 1,000 objects. A 405 falls back to the GET below.",
	},
	{
		Service: "Security & Compliance / Exchange Online admin API", Name: "Next page, fallback after 405", Method: "GET", Path: "{@odata.nextLink}",
		Evidence: contract.Observed, Source: "terraprovider/go-exoscc adminapi/invoke.go",
	},
}

// checkCmdlet refuses a cmdlet, or a parameter of it, that Contract does not declare.
func (c *Client) checkCmdlet(name string, params map[string]any) error {
	op, err := Contract.Cmdlet(name)
	if err != nil {
		return err
	}
	if (c.service == ComplianceService || c.service == ExchangeService) && op.Service != c.service {
		return fmt.Errorf("%s is declared for the %s, not this one", name, op.Service)
	}
	return op.CheckBody(slices.Sorted(maps.Keys(params)))
}
