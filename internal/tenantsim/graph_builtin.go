package tenantsim

import (
	"fmt"
	"net/http"
	"strings"
)

// Read-only built-ins: authentication strength policies (the three
// built-in ones, from api-reference/v1.0/api/authenticationstrengthroot-list-policies.md)
// and directory role templates (ids are Microsoft's fixed role template
// ids; descriptions paraphrased).

const builtinStrengthDate = "2021-12-01T00:00:00Z"

var builtinStrengths = []map[string]any{
	{
		"id": "00000000-0000-0000-0000-000000000002", "displayName": "Multifactor authentication",
		"description": "Combinations of methods that satisfy strong authentication, such as a password + SMS",
		"allowedCombinations": []any{"windowsHelloForBusiness", "fido2", "x509CertificateMultiFactor", "deviceBasedPush",
			"temporaryAccessPassOneTime", "temporaryAccessPassMultiUse", "password,microsoftAuthenticatorPush",
			"password,softwareOath", "password,hardwareOath", "password,x509CertificateSingleFactor",
			"password,x509CertificateMultiFactor", "password,sms", "password,voice", "federatedMultiFactor",
			"microsoftAuthenticatorPush,federatedSingleFactor", "softwareOath,federatedSingleFactor",
			"hardwareOath,federatedSingleFactor", "sms,federatedSingleFactor", "voice,federatedSingleFactor"},
	},
	{
		"id": "00000000-0000-0000-0000-000000000003", "displayName": "Passwordless MFA",
		"description":         "Passwordless methods that satisfy strong authentication, such as Passwordless sign-in with the Microsoft Authenticator",
		"allowedCombinations": []any{"windowsHelloForBusiness", "fido2", "x509CertificateMultiFactor", "deviceBasedPush"},
	},
	{
		"id": "00000000-0000-0000-0000-000000000004", "displayName": "Phishing resistant MFA",
		"description":         "Phishing resistant, Passwordless methods for the strongest authentication, such as a FIDO2 security key",
		"allowedCombinations": []any{"windowsHelloForBusiness", "fido2", "x509CertificateMultiFactor"},
	},
}

func init() {
	for _, st := range builtinStrengths {
		st["createdDateTime"] = builtinStrengthDate
		st["modifiedDateTime"] = builtinStrengthDate
		st["policyType"] = "builtIn"
		st["requirementsSatisfied"] = "mfa"
	}
}

// authStrengthByID returns a copy of a built-in strength, or nil.
func authStrengthByID(id string) map[string]any {
	for _, st := range builtinStrengths {
		if strings.EqualFold(field(st, "id"), id) {
			return deepCopyMap(st)
		}
	}
	return nil
}

func (g *graphReq) serveAuthStrengths(rest []string, frag string) {
	if g.r.Method != http.MethodGet {
		graphMethodNotAllowed(g, "GET")
		return
	}
	if !g.need(append([]string{"Policy.ReadWrite.AuthenticationMethod"}, rolesPolicyRead...)) {
		return
	}
	withConfigs := func(st map[string]any) map[string]any {
		st["combinationConfigurations@odata.context"] = fmt.Sprintf("%s('%s')/combinationConfigurations", g.context(frag), st["id"])
		st["combinationConfigurations"] = []any{}
		return st
	}
	switch len(rest) {
	case 0:
		out := make([]map[string]any, 0, len(builtinStrengths))
		for _, st := range builtinStrengths {
			out = append(out, withConfigs(deepCopyMap(st)))
		}
		g.writeList(out, frag)
	case 1:
		st := authStrengthByID(rest[0])
		if st == nil {
			g.fail(&apiError{404, "ResourceNotFound", fmt.Sprintf("Authentication strength policy with id %s does not exist.", rest[0])})
			return
		}
		g.writeEntity(200, withConfigs(st), frag)
	default:
		g.fail(&apiError{400, "BadRequest", fmt.Sprintf("Resource not found for the segment '%s'.", rest[1])})
	}
}

var roleTemplates = [][3]string{
	{"62e90394-69f5-4237-9190-012177145e10", "Global Administrator", "Can manage all aspects of Microsoft Entra ID and Microsoft services that use Microsoft Entra identities."},
	{"69091246-20e8-4a56-aa4d-066075b2a7a8", "Teams Administrator", "Can manage the Microsoft Teams service."},
	{"17315797-102d-40b4-93e0-432062caca18", "Compliance Administrator", "Can read and manage compliance configuration and reports in Microsoft Entra ID and Microsoft 365."},
	{"194ae4cb-b126-40b2-bd5b-6091b380977d", "Security Administrator", "Can read security information and reports, and manage configuration in Microsoft Entra ID and Office 365."},
	{"b1be1c3e-b65d-4f19-8427-f6fa0d97feb9", "Conditional Access Administrator", "Can manage Conditional Access capabilities."},
	{"29232cdf-9323-42fd-ade2-1d097af3e4de", "Exchange Administrator", "Can manage all aspects of the Exchange product."},
	{"f28a1f50-f6e7-4571-818b-6a12f2af6b6c", "SharePoint Administrator", "Can manage all aspects of the SharePoint service."},
	{"fe930be7-5e62-47db-91af-98c3a49a38b1", "User Administrator", "Can manage all aspects of users and groups, including resetting passwords for limited admins."},
	{"e8611ab8-c189-46e8-94e1-60213ab1f814", "Privileged Role Administrator", "Can manage role assignments in Microsoft Entra ID, and all aspects of Privileged Identity Management."},
	{"8ac3fc64-6eca-42ea-9e69-59f4c7b60eb2", "Hybrid Identity Administrator", "Can manage Active Directory to Microsoft Entra cloud provisioning, Microsoft Entra Connect, pass-through authentication (PTA), password hash synchronization (PHS), seamless single sign-on (seamless SSO), and federation settings."},
	{"9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3", "Application Administrator", "Can create and manage all aspects of app registrations and enterprise apps."},
	{"729827e3-9c14-49f7-bb1b-9608f156bbb8", "Helpdesk Administrator", "Can reset passwords for non-administrators and Helpdesk Administrators."},
	{"b0f54661-2d74-4c50-afa3-1ec803f12efe", "Billing Administrator", "Can perform common billing related tasks like updating payment information."},
	{"c4e39bd9-1100-46d3-8c65-fb160da0071f", "Authentication Administrator", "Can access to view, set and reset authentication method information for any non-admin user."},
	{"7be44c8a-adaf-4e2a-84d6-ab2649e08a13", "Privileged Authentication Administrator", "Can access to view, set and reset authentication method information for any user (admin or non-admin)."},
	{"158c047a-c907-4556-b7ef-446551a6b5f7", "Cloud Application Administrator", "Can create and manage all aspects of app registrations and enterprise apps except App Proxy."},
	{"5d6b6bb7-de71-4623-b4af-96380a352509", "Security Reader", "Can read security information and reports in Microsoft Entra ID and Office 365."},
	{"f2ef992c-3afb-46b9-b7cf-a126ee74c451", "Global Reader", "Can read everything that a Global Administrator can, but not update anything."},
}

func roleTemplateObject(t [3]string) map[string]any {
	return map[string]any{"id": t[0], "deletedDateTime": nil, "displayName": t[1], "description": t[2]}
}

func (g *graphReq) serveRoleTemplates(rest []string) {
	if g.r.Method != http.MethodGet {
		graphMethodNotAllowed(g, "GET")
		return
	}
	if !g.need(rolesRoleRead) {
		return
	}
	switch len(rest) {
	case 0:
		out := make([]map[string]any, 0, len(roleTemplates))
		for _, t := range roleTemplates {
			out = append(out, roleTemplateObject(t))
		}
		g.writeList(out, "directoryRoleTemplates")
	case 1:
		for _, t := range roleTemplates {
			if strings.EqualFold(t[0], rest[0]) {
				o := roleTemplateObject(t)
				o["@odata.type"] = "#microsoft.graph.directoryRoleTemplate"
				g.writeEntity(200, o, "directoryRoleTemplates")
				return
			}
		}
		g.fail(&apiError{404, "Request_ResourceNotFound", fmt.Sprintf("Resource '%s' does not exist or one of its queried reference-property objects are not present.", rest[0])})
	default:
		g.fail(&apiError{400, "BadRequest", fmt.Sprintf("Resource not found for the segment '%s'.", rest[1])})
	}
}
