package configapi

import "github.com/teamshipaa/terraform-provider-teamshipaa/internal/contract"

// Microsoft documents the Cs* cmdlets (MicrosoftDocs/office-docs-powershell
// teams/teams-ps/MicrosoftTeams/*.md), not the REST calls behind them: every
// path here is as public clients make it. send refuses a request that is not
// one of these.
const (
	srcPolicies = "terraprovider/go-teams teamsapi/invoke.go; cisagov/ScubaGear TeamsRestHelper.psm1 (branch 2222-migrate-teams-direct-api-calls); " +
		"AzRanger TeamsCollector.cs (list GET). Parameters: office-docs-powershell teams/teams-ps/MicrosoftTeams/Set-Cs<Type>.md"
	srcAssignments = "terraprovider/go-teams teamsapi/invoke.go (commit 460f6966); the cmdlets New-/Get-/Remove-CsGroupPolicyAssignment and Grant-Cs<Type>Policy -Group/-Global in office-docs-powershell"
	openPolicyBody = "the resource's configured cmdlet parameters, PascalCase (the parameter table of each Teams resource, internal/service/teams/*_params.go)"
)

var (
	opDiscovery = &contract.Operation{
		Service: ServiceName, Name: "Service discovery (once per client)", Method: "GET", Path: "/Teams.Tenant/serviceDiscovery",
		Evidence: contract.Observed, Source: "terraprovider/go-teams teamsapi/client.go; silverhack/monkey365 Get-MonkeyTeamsServiceDiscovery",
		Note: "Sources disagree: CIPP reads /Teams.Tenant/tenants and treats discovery as optional; AzRanger and ScubaGear call no discovery. Its AdminServiceEndpoint becomes X-MS-Target-Uri on every later call.",
	}
	opList = &contract.Operation{
		Service: ServiceName, Name: "List every instance of a policy type", Method: "GET", Path: "/Skype.Policy/configurations/{Type}",
		Evidence: contract.Observed, Source: srcPolicies,
		Note: "Answer read as a bare array or as {\"value\": [...]}.",
	}
	opGet = &contract.Operation{
		Service: ServiceName, Name: "Read one policy instance", Method: "GET", Path: "/Skype.Policy/configurations/{Type}/configuration/{Identity}",
		Evidence: contract.Observed, Source: srcPolicies,
	}
	opCreate = &contract.Operation{
		Service: ServiceName, Name: "Create a policy instance", Method: "POST", Path: "/Skype.Policy/configurations/{Type}",
		Body: []string{"Identity"}, OpenBody: openPolicyBody,
		Evidence: contract.Observed, Source: srcPolicies,
		Note: "Identity is Tag:<name>. Whether the service keeps Tag:X or makes Tag:Tag:X is not checked publicly.",
	}
	opUpdate = &contract.Operation{
		Service: ServiceName, Name: "Change a policy instance (partial body merges)", Method: "PUT", Path: "/Skype.Policy/configurations/{Type}/configuration/{Identity}",
		OpenBody: openPolicyBody, Evidence: contract.Observed, Source: srcPolicies,
	}
	opDelete = &contract.Operation{
		Service: ServiceName, Name: "Remove a policy instance", Method: "DELETE", Path: "/Skype.Policy/configurations/{Type}/configuration/{Identity}",
		Evidence: contract.Observed, Source: srcPolicies,
	}
	opGroupGet = &contract.Operation{
		Service: ServiceName, Name: "Read a group policy assignment", Method: "GET", Path: "/Skype.Policy/groupPolicyAssignments/{GroupId}/policyTypes/{Type}",
		Evidence: contract.Observed, Source: srcAssignments,
		Note: "Answer keys read case-insensitively.",
	}
	opGroupSet = &contract.Operation{
		Service: ServiceName, Name: "Assign a policy to a group", Method: "PATCH", Path: "/Skype.Policy/groupPolicyAssignments/{GroupId}/policyTypes/{Type}",
		Body: []string{"PolicyName", "Rank"}, Evidence: contract.Observed, Source: srcAssignments,
		Note: "Counter-evidence: the MicrosoftTeams 1.1.4 assembly creates with PUT and sends policyName/priority (see contract-evidence).",
	}
	opGroupDelete = &contract.Operation{
		Service: ServiceName, Name: "Remove a group policy assignment", Method: "DELETE", Path: "/Skype.Policy/groupPolicyAssignments/{GroupId}/policyTypes/{Type}",
		Evidence: contract.Observed, Source: srcAssignments,
	}
	opTenantGet = &contract.Operation{
		Service: ServiceName, Name: "Read the tenant-wide (Global) assignment", Method: "GET", Path: "/Skype.Policy/tenants/policies/{Type}",
		Evidence: contract.Assumed, Source: "the GET of the route go-teams PATCHes (terraprovider/go-teams teamsapi/invoke.go); no public capture",
		Note: "A missing PolicyName reads as Global.",
	}
	opTenantSet = &contract.Operation{
		Service: ServiceName, Name: "Make a policy the tenant-wide default", Method: "PATCH", Path: "/Skype.Policy/tenants/policies/{Type}",
		Body: []string{"PolicyName"}, Evidence: contract.Observed, Source: "terraprovider/go-teams teamsapi/invoke.go (only public client of this route)",
		Note: "CIPP-API Invoke-ExecTeamsRequest reports 40301 Forbidden on this route under delegated (GDAP) access.",
	}
)

// Contract is every call this client makes.
var Contract = contract.Table{
	opDiscovery, opList, opGet, opCreate, opUpdate, opDelete,
	opGroupGet, opGroupSet, opGroupDelete, opTenantGet, opTenantSet,
}
