package configapi

import "github.com/teamshipaa/terraform-provider-teamshipaa/internal/contract"

// Microsoft documents the Cs* cmdlets (MicrosoftDocs/office-docs-powershell
// teams/teams-ps/MicrosoftTeams/*.md), not the REST calls behind them: every
// path here is as public clients make it. send refuses a request that is not
// one of these.
const (
	srcPolicies = "terraprovider/go-teams teamsapi/invoke.go; cisagov/ScubaGear TeamsRestHelper.psm1 (branch 2222-migrate-teams-direct-api-calls); " +
		"AzRanger TeamsCollector.cs (list GET). Parameters: office-docs-powershell teams/teams-ps/MicrosoftTeams/Set-Cs<Type>.md"
	srcAssignments = "the MicrosoftTeams 1.1.4 module's own AutoRest assembly Microsoft.Teams.Config.private.dll (public in Toanan/M365Factory, Modules&Assemblies/MicrosoftTeams/1.1.4/bin/: " +
		"operations GroupNew/Set/Get/RemovePolicyAssignment, request model IGroupAssignPayload); cmdlets New-/Get-/Set-/Remove-CsGroupPolicyAssignment in office-docs-powershell"
	// noteOcs: the federation types' routing (client.go, ocsTypes).
	noteOcs = "TenantFederationSettings and TeamsAcsFederationConfiguration go to X-MS-Target-Uri https://{AdminServiceEndpoint}/OcsPowershellWebservice " +
		"with x-ms-tenant-id and ?adminDomain=<initial domain>, as KelvinTegelaar/CIPP-API (New-TeamsRequestV2.ps1, Invoke-ExecTeamsPolicy) sends them."
	openPolicyBody = "the resource's configured cmdlet parameters, PascalCase (the parameter table of each Teams resource, internal/service/teams/*_params.go)"
)

var (
	opTenants = &contract.Operation{
		Service: ServiceName, Name: "Service discovery, first form (once per client)", Method: "GET", Path: "/Teams.Tenant/tenants",
		Evidence: contract.Observed, Source: "KelvinTegelaar/CIPP-API New-TeamsRequestV2.ps1",
		Note: "Reads serviceDiscovery.Endpoints.AdminServiceEndpoint, serviceDiscovery.Headers.X-MS-Forest and the initial *.onmicrosoft.com domain. " +
			"Public clients disagree on discovery: a 4xx here falls back to /Teams.Tenant/serviceDiscovery; both 4xx, the client goes on without routing headers, as ScubaGear and AzRanger do.",
	}
	opDiscovery = &contract.Operation{
		Service: ServiceName, Name: "Service discovery, second form (when the first answers 4xx)", Method: "GET", Path: "/Teams.Tenant/serviceDiscovery",
		Evidence: contract.Observed, Source: "terraprovider/go-teams teamsapi/client.go; silverhack/monkey365 Get-MonkeyTeamsServiceDiscovery",
		Note: "The AdminServiceEndpoint becomes X-MS-Target-Uri (and X-MS-Forest is sent when known) on every later call.",
	}
	opList = &contract.Operation{
		Service: ServiceName, Name: "List every instance of a policy type", Method: "GET", Path: "/Skype.Policy/configurations/{Type}",
		Evidence: contract.Observed, Source: srcPolicies,
		Note: "Answer read as a bare array or as {\"value\": [...]}. " + noteOcs,
	}
	opGet = &contract.Operation{
		Service: ServiceName, Name: "Read one policy instance", Method: "GET", Path: "/Skype.Policy/configurations/{Type}/configuration/{Identity}",
		Evidence: contract.Observed, Source: srcPolicies, Note: noteOcs,
	}
	opCreate = &contract.Operation{
		Service: ServiceName, Name: "Create a policy instance", Method: "POST", Path: "/Skype.Policy/configurations/{Type}",
		Body: []string{"Identity"}, OpenBody: openPolicyBody,
		Evidence: contract.Observed, Source: srcPolicies,
		Note: "Identity is Tag:<name>. Whether the service keeps Tag:X or makes Tag:Tag:X is not checked publicly.",
	}
	opUpdate = &contract.Operation{
		Service: ServiceName, Name: "Change a policy instance (partial body merges)", Method: "PUT", Path: "/Skype.Policy/configurations/{Type}/configuration/{Identity}",
		OpenBody: openPolicyBody, Evidence: contract.Observed, Source: srcPolicies, Note: noteOcs,
	}
	opDelete = &contract.Operation{
		Service: ServiceName, Name: "Remove a policy instance", Method: "DELETE", Path: "/Skype.Policy/configurations/{Type}/configuration/{Identity}",
		Evidence: contract.Observed, Source: srcPolicies,
	}
	opGroupGet = &contract.Operation{
		Service: ServiceName, Name: "Read a group policy assignment", Method: "GET", Path: "/Skype.Policy/groupPolicyAssignments/{GroupId}/policyTypes/{Type}",
		Evidence: contract.Observed, Source: srcAssignments,
		Note: "Answer model IGroupAssignment (createdBy, createdTime, groupId, policyName, policyType, priority); priority is read, and Rank too (the shape go-teams assumes): reading both cannot do harm.",
	}
	opGroupCreate = &contract.Operation{
		Service: ServiceName, Name: "Assign a policy to a group (New-CsGroupPolicyAssignment)", Method: "PUT", Path: "/Skype.Policy/groupPolicyAssignments/{GroupId}/policyTypes/{Type}",
		Body: []string{"policyName", "priority"}, Evidence: contract.Observed, Source: srcAssignments,
		Note: "priority is the cmdlet's -Rank; left out, the service puts the assignment last. Refused at plan time in the DoD cloud (New-CsGroupPolicyAssignment.md).",
	}
	opGroupUpdate = &contract.Operation{
		Service: ServiceName, Name: "Change a group policy assignment (Set-CsGroupPolicyAssignment)", Method: "PATCH", Path: "/Skype.Policy/groupPolicyAssignments/{GroupId}/policyTypes/{Type}",
		Body: []string{"policyName", "priority"}, Evidence: contract.Observed, Source: srcAssignments,
		Note: "A 404 (the assignment vanished) falls back to the PUT that creates. go-teams (terraprovider/go-teams teamsapi/invoke.go) PATCHes {PolicyName, Rank} instead; the module's assembly is the stronger evidence.",
	}
	opGroupDelete = &contract.Operation{
		Service: ServiceName, Name: "Remove a group policy assignment", Method: "DELETE", Path: "/Skype.Policy/groupPolicyAssignments/{GroupId}/policyTypes/{Type}",
		Evidence: contract.Observed, Source: srcAssignments,
	}
	opGroupList = &contract.Operation{
		Service: ServiceName, Name: "List the group assignments of a policy type (Get-CsGroupPolicyAssignment -PolicyType)", Method: "GET", Path: "/Skype.Policy/groupPolicyAssignments",
		Evidence: contract.Assumed, Source: srcAssignments,
		Note: "The collection under the item path above, filtered with ?PolicyType=; no public capture of this list call. Items are read like one assignment " +
			"(priority, else Rank); the answer is read as a bare array or as {\"value\": [...]}. Used only by the teamshipaa_teams_policies data source.",
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
	opTenants, opDiscovery, opList, opGet, opCreate, opUpdate, opDelete,
	opGroupGet, opGroupList, opGroupCreate, opGroupUpdate, opGroupDelete, opTenantGet, opTenantSet,
}
