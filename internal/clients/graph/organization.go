package graph

import (
	"context"
	"net/http"
)

// PermissionOrganizationRead is the application permission that reads the
// organization (Directory.Read.All also does).
const PermissionOrganizationRead = "Organization.Read.All"

// Organization is the tenant's organization object: its name and default
// verified domain (GET /organization, "List organization", v1.0).
type Organization struct {
	ID, DisplayName, DefaultDomain string
}

// GetOrganization reads the tenant's organization, once per client (the
// module's assessments each ask; nothing here changes it).
func (c *Client) GetOrganization(ctx context.Context) (*Organization, error) {
	if c.err != nil {
		return nil, c.err
	}
	orgs, err := c.organizationList.list(ctx, func(ctx context.Context) ([]Organization, error) {
		org, err := c.getOrganization(ctx)
		if err != nil {
			return nil, err
		}
		return []Organization{*org}, nil
	})
	if err != nil {
		return nil, err
	}
	return &orgs[0], nil
}

// getOrganization reads GET /organization: the collection holds the
// signed-in tenant only.
func (c *Client) getOrganization(ctx context.Context) (*Organization, error) {
	page, err := c.organization().Get(ctx, nil)
	if err != nil {
		return nil, c.wrapErr(op{http.MethodGet, "/organization", PermissionOrganizationRead}, err)
	}
	// GET /organization lists the one organization of the signed-in tenant.
	if orgs := page.GetValue(); len(orgs) > 0 {
		o := orgs[0]
		org := &Organization{ID: deref(o.GetId()), DisplayName: deref(o.GetDisplayName())}
		for _, d := range o.GetVerifiedDomains() {
			if b := d.GetIsDefault(); b != nil && *b {
				org.DefaultDomain = deref(d.GetName())
			}
		}
		return org, nil
	}
	return &Organization{}, nil
}
