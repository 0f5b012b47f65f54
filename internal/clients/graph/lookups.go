package graph

import (
	"context"
	"net/http"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/transport"
)

// AuthenticationStrength is an authenticationStrengthPolicy (id and names only).
type AuthenticationStrength struct {
	ID, DisplayName, Description, PolicyType string
	AllowedCombinations                      []string
}

// DirectoryRoleTemplate is a directoryRoleTemplate.
type DirectoryRoleTemplate struct {
	ID, DisplayName, Description string
}

// ListAuthenticationStrengths lists the tenant's authentication strength
// policies, built-in and custom, read once per client (per provider process:
// every look-up data source of an operation shares the one list; this client
// never changes them).
func (c *Client) ListAuthenticationStrengths(ctx context.Context) ([]AuthenticationStrength, error) {
	if c.err != nil {
		return nil, c.err
	}
	return c.strengthList.list(ctx, c.listAuthenticationStrengths)
}

// listAuthenticationStrengths reads
// /identity/conditionalAccess/authenticationStrength/policies and, if that
// path answers 404, the older documented /policies/authenticationStrengthPolicies.
func (c *Client) listAuthenticationStrengths(ctx context.Context) ([]AuthenticationStrength, error) {
	var out []AuthenticationStrength
	b := c.authenticationStrengths()
	for {
		page, err := b.Get(ctx, nil)
		if err != nil {
			err = c.wrapErr(op{http.MethodGet, "/identity/conditionalAccess/authenticationStrength/policies", PermissionRead}, err)
			if transport.IsNotFound(err) && out == nil {
				return c.listAuthenticationStrengthsPolicies(ctx)
			}
			return nil, err
		}
		for _, p := range page.GetValue() {
			a := AuthenticationStrength{ID: deref(p.GetId()), DisplayName: deref(p.GetDisplayName()), Description: deref(p.GetDescription())}
			if t := p.GetPolicyType(); t != nil {
				a.PolicyType = t.String()
			}
			for _, ac := range p.GetAllowedCombinations() {
				a.AllowedCombinations = append(a.AllowedCombinations, ac.String())
			}
			out = append(out, a)
		}
		next := deref(page.GetOdataNextLink())
		if next == "" {
			if out == nil {
				out = []AuthenticationStrength{}
			}
			return out, nil
		}
		b = b.WithUrl(next)
	}
}

func (c *Client) listAuthenticationStrengthsPolicies(ctx context.Context) ([]AuthenticationStrength, error) {
	out := []AuthenticationStrength{}
	b := c.authenticationStrengthPolicies()
	for {
		page, err := b.Get(ctx, nil)
		if err != nil {
			return nil, c.wrapErr(op{http.MethodGet, "/policies/authenticationStrengthPolicies", PermissionRead}, err)
		}
		for _, p := range page.GetValue() {
			a := AuthenticationStrength{ID: deref(p.GetId()), DisplayName: deref(p.GetDisplayName()), Description: deref(p.GetDescription())}
			if t := p.GetPolicyType(); t != nil {
				a.PolicyType = t.String()
			}
			for _, ac := range p.GetAllowedCombinations() {
				a.AllowedCombinations = append(a.AllowedCombinations, ac.String())
			}
			out = append(out, a)
		}
		next := deref(page.GetOdataNextLink())
		if next == "" {
			return out, nil
		}
		b = b.WithUrl(next)
	}
}

// ListDirectoryRoleTemplates lists the directory role templates, read once
// per client as ListAuthenticationStrengths.
func (c *Client) ListDirectoryRoleTemplates(ctx context.Context) ([]DirectoryRoleTemplate, error) {
	if c.err != nil {
		return nil, c.err
	}
	return c.roleTemplateList.list(ctx, c.listDirectoryRoleTemplates)
}

// listDirectoryRoleTemplates reads GET /directoryRoleTemplates.
func (c *Client) listDirectoryRoleTemplates(ctx context.Context) ([]DirectoryRoleTemplate, error) {
	out := []DirectoryRoleTemplate{}
	b := c.directoryRoleTemplates()
	for {
		page, err := b.Get(ctx, nil)
		if err != nil {
			return nil, c.wrapErr(op{http.MethodGet, "/directoryRoleTemplates", PermissionRoleTemplateRead}, err)
		}
		for _, t := range page.GetValue() {
			out = append(out, DirectoryRoleTemplate{ID: deref(t.GetId()), DisplayName: deref(t.GetDisplayName()), Description: deref(t.GetDescription())})
		}
		next := deref(page.GetOdataNextLink())
		if next == "" {
			return out, nil
		}
		b = b.WithUrl(next)
	}
}
