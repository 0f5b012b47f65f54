package auth

import (
	"context"
	"sync"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/policy"
)

// refreshMargin renews a token this long before it expires, so a request
// never leaves with a token that lapses on the way.
const refreshMargin = 5 * time.Minute

// Tokens hands out one bearer token per audience and reuses it for the whole
// run. Not every azidentity credential caches (the CLI one does not), so the
// cache lives here, once, for all of them.
type Tokens struct {
	cred azcore.TokenCredential
	// Marks token requests as safe to repeat for the shared transport.
	retryable func(context.Context) context.Context

	mu    sync.Mutex
	cache map[string]*entry
}

type entry struct {
	mu  sync.Mutex // one fetch per audience at a time
	tok azcore.AccessToken
}

// NewTokens wraps cred. markRetryable, if not nil, decorates the context of
// token requests (the OAuth token POST may be repeated safely).
func NewTokens(cred azcore.TokenCredential, markRetryable func(context.Context) context.Context) *Tokens {
	return &Tokens{cred: cred, retryable: markRetryable, cache: map[string]*entry{}}
}

// Token returns a bearer token for audience (e.g. "https://graph.microsoft.com").
func (t *Tokens) Token(ctx context.Context, audience string) (string, error) {
	t.mu.Lock()
	e, ok := t.cache[audience]
	if !ok {
		e = &entry{}
		t.cache[audience] = e
	}
	t.mu.Unlock()

	e.mu.Lock()
	defer e.mu.Unlock()
	if e.tok.Token != "" && time.Until(e.tok.ExpiresOn) > refreshMargin {
		return e.tok.Token, nil
	}
	if t.retryable != nil {
		ctx = t.retryable(ctx)
	}
	tok, err := t.cred.GetToken(ctx, policy.TokenRequestOptions{Scopes: []string{audience + "/.default"}})
	if err != nil {
		return "", err
	}
	e.tok = tok
	return tok.Token, nil
}
