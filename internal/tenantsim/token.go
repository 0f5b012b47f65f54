package tenantsim

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha1" // #nosec G505 -- x5t is a SHA-1 thumbprint by definition
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"encoding/pem"
	"errors"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// signer issues and checks the access tokens of every surface.
type signer struct {
	key  *rsa.PrivateKey
	cert *x509.Certificate
	kid  string // AAD uses the base64url SHA-1 thumbprint as kid and x5t
}

const signingKeyFile = "signing-key.pem"

// tokenLifetime is what AAD gives app-only tokens (expires_in 3599).
const tokenLifetime = 3599 * time.Second

func loadOrCreateSigner(dir string) (*signer, error) {
	var key *rsa.PrivateKey
	path := filepath.Join(dir, signingKeyFile)
	if dir != "" {
		if b, err := os.ReadFile(path); err == nil {
			blk, _ := pem.Decode(b)
			if blk == nil {
				return nil, errors.New("tenantsim: signing key is not PEM")
			}
			k, err := x509.ParsePKCS8PrivateKey(blk.Bytes)
			if err != nil {
				return nil, err
			}
			rk, ok := k.(*rsa.PrivateKey)
			if !ok {
				return nil, errors.New("tenantsim: signing key is not RSA")
			}
			key = rk
		} else if !errors.Is(err, os.ErrNotExist) {
			return nil, err
		}
	}
	if key == nil {
		k, err := rsa.GenerateKey(rand.Reader, 2048)
		if err != nil {
			return nil, err
		}
		key = k
		if dir != "" {
			der, err := x509.MarshalPKCS8PrivateKey(key)
			if err != nil {
				return nil, err
			}
			if err := writeFileAtomic(path, pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der}), 0o600); err != nil {
				return nil, err
			}
		}
	}
	// A certificate for the key so the JWKS carries x5c/x5t like AAD's.
	// Its serial is derived from the key so the kid is stable across restarts.
	tmpl := &x509.Certificate{
		SerialNumber: new(big.Int).SetBytes(key.PublicKey.N.Bytes()[:16]),
		Subject:      pkix.Name{CommonName: "accounts.accesscontrol.windows.net"},
		NotBefore:    time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC),
		NotAfter:     time.Date(2034, 1, 1, 0, 0, 0, 0, time.UTC),
		KeyUsage:     x509.KeyUsageDigitalSignature,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return nil, err
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		return nil, err
	}
	pub := x509.MarshalPKCS1PublicKey(&key.PublicKey)
	sum := sha1.Sum(pub) // #nosec G401 -- only an identifier
	return &signer{key: key, cert: cert, kid: base64.RawURLEncoding.EncodeToString(sum[:])}, nil
}

// accessClaims are the claims of an app-only v1 access token.
type accessClaims struct {
	jwt.RegisteredClaims
	// Audience shadows RegisteredClaims.Audience: AAD writes aud as a
	// string, golang-jwt would write an array.
	Audience string   `json:"aud"`
	TenantID string   `json:"tid"`
	AppID    string   `json:"appid"`
	AppIDAcr string   `json:"appidacr"` // "1" secret, "2" certificate
	IDP      string   `json:"idp"`
	OID      string   `json:"oid"`
	Roles    []string `json:"roles,omitempty"`
	Wids     []string `json:"wids,omitempty"`
	Ver      string   `json:"ver"`
	UTI      string   `json:"uti"`
}

func issuerFor(tenantID string) string { return "https://sts.windows.net/" + tenantID + "/" }

// issue mints a token for app at audience aud.
func (s *signer) issue(tenantID string, app *registration, aud, appidacr string, now time.Time) (string, error) {
	iss := issuerFor(tenantID)
	c := accessClaims{
		RegisteredClaims: jwt.RegisteredClaims{
			Issuer:    iss,
			Subject:   app.ObjectID,
			IssuedAt:  jwt.NewNumericDate(now),
			NotBefore: jwt.NewNumericDate(now),
			ExpiresAt: jwt.NewNumericDate(now.Add(time.Hour)),
		},
		Audience: aud, TenantID: tenantID, AppID: app.ClientID, AppIDAcr: appidacr, IDP: iss, OID: app.ObjectID,
		Roles: slices.Clone(app.Roles[aud]), Wids: slices.Clone(app.Wids), Ver: "1.0",
		UTI: base64.RawURLEncoding.EncodeToString([]byte(newGUID()))[:22],
	}
	t := jwt.NewWithClaims(jwt.SigningMethodRS256, c)
	t.Header["kid"] = s.kid
	t.Header["x5t"] = s.kid
	return t.SignedString(s.key)
}

// errTokenAudience marks a valid token for another audience (401 like the real services).
var errTokenAudience = errors.New("token audience is not accepted by this service")

// verify checks signature, time, issuer, tenant and audience.
func (s *signer) verify(raw, tenantID, aud string) (*accessClaims, error) {
	var c accessClaims
	_, err := jwt.ParseWithClaims(raw, &c, func(t *jwt.Token) (any, error) {
		return &s.key.PublicKey, nil
	},
		jwt.WithValidMethods([]string{"RS256"}),
		jwt.WithIssuer(issuerFor(tenantID)),
		jwt.WithExpirationRequired(),
		jwt.WithIssuedAt(),
		jwt.WithLeeway(5*time.Minute),
	)
	if err != nil {
		return nil, err
	}
	if c.TenantID != tenantID {
		return nil, fmt.Errorf("token tenant %q is not this tenant", c.TenantID)
	}
	if c.Audience != aud {
		return nil, errTokenAudience
	}
	return &c, nil
}

// jwks is the key set served at /{tenant}/discovery/v2.0/keys.
func (s *signer) jwks(issuer string) map[string]any {
	pub := s.key.PublicKey
	return map[string]any{"keys": []map[string]any{{
		"kty":    "RSA",
		"use":    "sig",
		"kid":    s.kid,
		"x5t":    s.kid,
		"n":      base64.RawURLEncoding.EncodeToString(pub.N.Bytes()),
		"e":      base64.RawURLEncoding.EncodeToString(big.NewInt(int64(pub.E)).Bytes()),
		"x5c":    []string{base64.StdEncoding.EncodeToString(s.cert.Raw)},
		"issuer": issuer,
	}}}
}
