package provider

import (
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/protoserver"
)

// NewProtocol6 returns the factory of the provider's protocol server: the
// framework's, answering no-change plans, reads and stored states of the
// resources that opt in directly (internal/protoserver).
// Each server gets its own provider instance, so the client a server's
// Configure made is the one its plans use (the acceptance tests start many
// servers in one process).
func NewProtocol6(version string) func() tfprotov6.ProviderServer {
	return func() tfprotov6.ProviderServer {
		p := newProvider(version)
		return protoserver.New(p, p.resourceData)
	}
}

// NewProtocol6WithError is NewProtocol6 for the acceptance test factories.
func NewProtocol6WithError(version string) func() (tfprotov6.ProviderServer, error) {
	f := NewProtocol6(version)
	return func() (tfprotov6.ProviderServer, error) { return f(), nil }
}
