package graph

import (
	"github.com/microsoftgraph/msgraph-sdk-go/deviceappmanagement"
	"github.com/microsoftgraph/msgraph-sdk-go/directoryroletemplates"
	"github.com/microsoftgraph/msgraph-sdk-go/identity"
	"github.com/microsoftgraph/msgraph-sdk-go/organization"
	"github.com/microsoftgraph/msgraph-sdk-go/policies"
)

// The request builders this client uses, each made directly from its
// package. An empty path-parameter map is enough: the adapter fills in
// {+baseurl} from its base URL on every request. GraphServiceClient would
// make the same builders, but reaching them through it keeps all of Graph's
// request builders in the binary: 129 MB stripped against 24 MB this way.

func (c *Client) policies() *identity.ConditionalAccessPoliciesRequestBuilder {
	return identity.NewConditionalAccessPoliciesRequestBuilderInternal(map[string]string{}, c.adapter)
}

func (c *Client) namedLocations() *identity.ConditionalAccessNamedLocationsRequestBuilder {
	return identity.NewConditionalAccessNamedLocationsRequestBuilderInternal(map[string]string{}, c.adapter)
}

func (c *Client) authenticationStrengths() *identity.ConditionalAccessAuthenticationStrengthPoliciesRequestBuilder {
	return identity.NewConditionalAccessAuthenticationStrengthPoliciesRequestBuilderInternal(map[string]string{}, c.adapter)
}

func (c *Client) authenticationStrengthPolicies() *policies.AuthenticationStrengthPoliciesRequestBuilder {
	return policies.NewAuthenticationStrengthPoliciesRequestBuilderInternal(map[string]string{}, c.adapter)
}

func (c *Client) directoryRoleTemplates() *directoryroletemplates.DirectoryRoleTemplatesRequestBuilder {
	return directoryroletemplates.NewDirectoryRoleTemplatesRequestBuilderInternal(map[string]string{}, c.adapter)
}

func (c *Client) organization() *organization.OrganizationRequestBuilder {
	return organization.NewOrganizationRequestBuilderInternal(map[string]string{}, c.adapter)
}

// Intune app protection (app_protection.go).

func (c *Client) iosProtections() *deviceappmanagement.IosManagedAppProtectionsRequestBuilder {
	return deviceappmanagement.NewIosManagedAppProtectionsRequestBuilderInternal(map[string]string{}, c.adapter)
}

func (c *Client) androidProtections() *deviceappmanagement.AndroidManagedAppProtectionsRequestBuilder {
	return deviceappmanagement.NewAndroidManagedAppProtectionsRequestBuilderInternal(map[string]string{}, c.adapter)
}

func (c *Client) managedAppPolicies() *deviceappmanagement.ManagedAppPoliciesRequestBuilder {
	return deviceappmanagement.NewManagedAppPoliciesRequestBuilderInternal(map[string]string{}, c.adapter)
}

func (c *Client) targetedAppConfigurations() *deviceappmanagement.TargetedManagedAppConfigurationsRequestBuilder {
	return deviceappmanagement.NewTargetedManagedAppConfigurationsRequestBuilderInternal(map[string]string{}, c.adapter)
}
