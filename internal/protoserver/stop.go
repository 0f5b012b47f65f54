package protoserver

import (
	"context"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
)

// requestContext is ctx, cancelled when Terraform stops the provider (an
// interrupted plan), as the framework cancels the requests it serves
// (proto6server registerContext); done releases it when the request ends.
func (s *Server) requestContext(ctx context.Context) (_ context.Context, done func()) {
	ctx, cancel := context.WithCancel(ctx)
	s.stopMu.Lock()
	defer s.stopMu.Unlock()
	if s.inFlight == nil {
		s.inFlight = map[*context.CancelFunc]struct{}{}
	}
	key := &cancel
	s.inFlight[key] = struct{}{}
	return ctx, func() {
		s.stopMu.Lock()
		delete(s.inFlight, key)
		s.stopMu.Unlock()
		cancel()
	}
}

// StopProvider cancels the requests served here, then the framework's.
func (s *Server) StopProvider(ctx context.Context, req *tfprotov6.StopProviderRequest) (*tfprotov6.StopProviderResponse, error) {
	s.stopMu.Lock()
	for cancel := range s.inFlight {
		(*cancel)()
	}
	s.inFlight = nil
	s.stopMu.Unlock()
	return s.ProviderServer.StopProvider(ctx, req)
}
