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
	retentionRuleParams = []string{"RetentionDuration", "RetentionComplianceAction", "ExpirationDateOption"}
)

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
	cmdlet(ComplianceService, "Get-DlpComplianceRule", "Read DLP rules", []string{"Identity"}, ""),
	cmdlet(ComplianceService, "New-DlpComplianceRule", "Create a DLP rule", with([]string{"Name", "Policy"}, dlpRuleParams),
		"ContentContainsSensitiveInformation is PswsHashtable[]: how the REST transport wants a hashtable tagged is observed only for top-level hashtables (CIPP-API ConvertTo-CIPPExoHashtable); see contract-evidence."),
	cmdlet(ComplianceService, "Set-DlpComplianceRule", "Change a DLP rule", with([]string{"Identity"}, dlpRuleParams), ""),
	cmdlet(ComplianceService, "Remove-DlpComplianceRule", "Delete a DLP rule", []string{"Identity"}, ""),
	cmdlet(ComplianceService, "Get-DlpSensitiveInformationType", "List sensitive information types", nil, ""),
	cmdlet(ComplianceService, "Get-RetentionCompliancePolicy", "Read retention policies", []string{"Identity"}, ""),
	cmdlet(ComplianceService, "New-RetentionCompliancePolicy", "Create a retention policy", with([]string{"Name", "Comment", "Enabled"}, retentionLocations), ""),
	cmdlet(ComplianceService, "Set-RetentionCompliancePolicy", "Change a retention policy (retried while an earlier change is being deployed)",
		with([]string{"Identity", "Comment", "Enabled"}, addRemove(retentionLocations)), ""),
	cmdlet(ComplianceService, "Remove-RetentionCompliancePolicy", "Delete a retention policy", []string{"Identity"}, ""),
	cmdlet(ComplianceService, "Get-RetentionComplianceRule", "Read retention rules", []string{"Identity"}, ""),
	cmdlet(ComplianceService, "New-RetentionComplianceRule", "Create a retention rule", with([]string{"Name", "Policy"}, retentionRuleParams),
		"Microsoft: ExpirationDateOption cannot be used for Teams retention rules (New-RetentionComplianceRule.md)."),
	cmdlet(ComplianceService, "Set-RetentionComplianceRule", "Change a retention rule", with([]string{"Identity"}, retentionRuleParams), ""),
	cmdlet(ComplianceService, "Remove-RetentionComplianceRule", "Delete a retention rule", []string{"Identity"}, ""),
	cmdlet(ExchangeService, "Get-AdminAuditLogConfig", "Read the unified audit log switch", nil, ""),
	cmdlet(ExchangeService, "Set-AdminAuditLogConfig", "Turn unified audit log ingestion on or off", []string{"UnifiedAuditLogIngestionEnabled"},
		"Sent with X-AnchorMailbox APP:SystemMailbox{bb558c35-...}@<tenant> (without it: \"Cmdlet needs proxy\"). New (dehydrated) tenants refuse it until Enable-OrganizationCustomization has run (CIPP-API audit log standard)."),
	{
		Service: "Security & Compliance / Exchange Online admin API", Name: "Next page of any cmdlet's answer", Method: "GET", Path: "{@odata.nextLink}",
		Evidence: contract.Observed, Source: "terraprovider/go-exoscc adminapi/invoke.go",
		Note: "Low confidence: CIPP-API, ExoHelper and M365Permissions POST the same body to the nextLink instead; only matters past 1,000 objects.",
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
