package tenantsim

import (
	"fmt"
	"net/http"
)

// GET /v1.0/organization ("List organization", Graph v1.0): the collection
// holds the signed-in tenant's organization only. Application permissions,
// least privileged first: Organization.Read.All, Directory.Read.All,
// Organization.ReadWrite.All, Directory.ReadWrite.All.
//
// A new tenant has one verified domain, its initial <name>.onmicrosoft.com,
// which is the default until the admin adds and sets another. The name is
// chosen at sign-up; the simulator's is simDomainPrefix.

var rolesOrganizationRead = []string{"Organization.Read.All", "Directory.Read.All", "Organization.ReadWrite.All", "Directory.ReadWrite.All"}

const (
	simDomainPrefix = "contosohealth"
	simOrgName      = "Contoso Health"
)

func (g *graphReq) serveOrganization(rest []string) {
	if g.r.Method != http.MethodGet {
		graphMethodNotAllowed(g, "GET")
		return
	}
	if !g.need(rolesOrganizationRead) {
		return
	}
	org := map[string]any{
		"id":          g.s.tenantID,
		"displayName": simOrgName,
		"tenantType":  "AAD",
		"verifiedDomains": []map[string]any{{
			"capabilities": "Email, OfficeCommunicationsOnline",
			"isDefault":    true,
			"isInitial":    true,
			"name":         simDomainPrefix + ".onmicrosoft.com",
			"type":         "Managed",
		}},
	}
	switch {
	case len(rest) == 0:
		g.writeList([]map[string]any{org}, "organization")
	case len(rest) == 1 && rest[0] == g.s.tenantID:
		g.writeEntity(200, org, "organization")
	case len(rest) == 1:
		g.fail(&apiError{404, "Request_ResourceNotFound", fmt.Sprintf("Resource '%s' does not exist or one of its queried reference-property objects are not present.", rest[0])})
	default:
		g.fail(&apiError{400, "BadRequest", fmt.Sprintf("Resource not found for the segment '%s'.", rest[1])})
	}
}
