package tenantsim

import "strings"

// Get-OrganizationConfig and Enable-OrganizationCustomization on the
// exchange host. A new Microsoft 365 tenant is "dehydrated": its Exchange
// organization is kept in a compact form, Get-OrganizationConfig reports
// IsDehydrated: True, and some Set- cmdlets, Set-AdminAuditLogConfig among
// them, fail until Enable-OrganizationCustomization has run (it cannot be
// undone). Evidence: Azure/SimuLand issue 17 (Set-AdminAuditLogConfig on a
// new tenant: "The command you tried to run isn't currently allowed in your
// organization. To run this command, you first need to run the command:
// Enable-OrganizationCustomization." with FailureCategory
// Cmdlet-InvalidOperationInDehydratedContextException);
// MicrosoftLearning MS-102T00 issue 171; KelvinTegelaar/CIPP-API, whose audit
// log standard reads IsDehydrated before enabling the log; Microsoft365DSC
// O365OrgCustomizationSetting ("tenants are created in a mode that limits
// options to customize the tenant ... IsDehydrated: True"). The exception's
// namespace and the message for an organization already customized are
// assumed.

const (
	orgCollection       = "exchange/OrganizationConfig"
	orgIdentity         = "OrganizationConfig"
	typeDehydrated      = "Microsoft.Exchange.Configuration.Tasks.InvalidOperationInDehydratedContextException" // namespace assumed
	msgDehydrated       = "The command you tried to run isn't currently allowed in your organization. To run this command, you first need to run the command: Enable-OrganizationCustomization."
	msgAlreadyCustomize = "This operation is not required. Organization is already enabled for customization." // assumed
)

func (s *Simulator) defaultOrgConfig() map[string]any {
	domain := s.adminTenantDomain()
	return map[string]any{
		"Identity": domain, "Name": strings.SplitN(domain, ".", 2)[0], "Guid": newGUID(),
		"DisplayName":  "Contoso",
		"IsDehydrated": true, // a new tenant (see above)
		"ObjectState":  "Unchanged", "IsValid": true,
		"WhenChangedUTC": nowStamp(), "WhenCreatedUTC": nowStamp(),
	}
}

// orgConfig returns the singleton, creating it (dehydrated) on first use.
func (s *Simulator) orgConfig() (map[string]any, error) {
	if cfg, ok := s.store.get(orgCollection, orgIdentity, false); ok {
		return cfg, nil
	}
	cfg := s.defaultOrgConfig()
	return cfg, s.store.put(orgCollection, orgIdentity, cfg, nil)
}

// dehydratedRefusal is the error of a cmdlet that needs a customized
// organization, or nil.
func (s *Simulator) dehydratedRefusal() *cmdletError {
	cfg, err := s.orgConfig()
	if err != nil {
		return &cmdletError{Status: 500, Code: "InternalServerError", Detail: "Server", Message: err.Error(), TypeName: "System.IO.IOException"}
	}
	if cfg["IsDehydrated"] == true {
		return cmdletFail(typeDehydrated, msgDehydrated)
	}
	return nil
}

func init() {
	registerCmdlet(&cmdletSpec{
		Name: "Get-OrganizationConfig", Surface: surfaceExchange,
		Params: []cmdParam{{Name: "Identity", Kind: cString}},
		Run: func(s *Simulator, c *cmdletCall) ([]map[string]any, []string, *cmdletError) {
			cfg, err := s.orgConfig()
			if err != nil {
				return nil, nil, &cmdletError{Status: 500, Code: "InternalServerError", Detail: "Server", Message: err.Error(), TypeName: "System.IO.IOException"}
			}
			return []map[string]any{cfg}, nil, nil
		},
	})
	registerCmdlet(&cmdletSpec{
		Name: "Enable-OrganizationCustomization", Surface: surfaceExchange,
		Run: func(s *Simulator, c *cmdletCall) ([]map[string]any, []string, *cmdletError) {
			cfg, err := s.orgConfig()
			if err == nil && cfg["IsDehydrated"] != true {
				return nil, nil, cmdletFail(typeInvalidOp, msgAlreadyCustomize)
			}
			if err == nil {
				cfg["IsDehydrated"] = false
				cfg["WhenChangedUTC"] = nowStamp()
				err = s.store.put(orgCollection, orgIdentity, cfg, s.faults.lagFor(c.surface, c.r.Method, c.rel, c.r.URL.Path))
			}
			if err != nil {
				return nil, nil, &cmdletError{Status: 500, Code: "InternalServerError", Detail: "Server", Message: err.Error(), TypeName: "System.IO.IOException"}
			}
			return nil, nil, nil
		},
	})
}

// IsDehydrated reports what Get-OrganizationConfig says.
func (s *Simulator) IsDehydrated() bool {
	cfg, _ := s.orgConfig()
	return cfg["IsDehydrated"] == true
}

// SetDehydrated puts the organization back in (or out of) the new-tenant
// state, out of band: tests of the customization step.
func (s *Simulator) SetDehydrated(v bool) error {
	cfg, err := s.orgConfig()
	if err != nil {
		return err
	}
	cfg["IsDehydrated"] = v
	return s.store.put(orgCollection, orgIdentity, cfg, nil)
}
