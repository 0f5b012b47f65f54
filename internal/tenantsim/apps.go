package tenantsim

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha1" // #nosec G505 -- x5t (SHA-1 thumbprint) is what AAD and MSAL use
	"crypto/sha256"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/json"
	"encoding/pem"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"software.sslmate.com/src/go-pkcs12"
)

// App is an app registration's credentials, as an operator would hold them.
// The limited app has no certificate.
type App struct {
	ClientID     string
	ClientSecret string
	// CertificatePKCS12 is a PFX with the certificate and its private key,
	// encrypted with CertificatePassword in the legacy 3DES form that
	// azidentity.ParseCertificates (golang.org/x/crypto/pkcs12) can read.
	CertificatePKCS12   []byte
	CertificatePassword string
}

// Well-known Entra role template ids (JWT "wids").
const (
	widTeamsAdmin      = "69091246-20e8-4a56-aa4d-066075b2a7a8"
	widComplianceAdmin = "17315797-102d-40b4-93e0-432062caca18"
	widGlobalAdmin     = "62e90394-69f5-4237-9190-012177145e10"
)

// Token audiences (scope minus "/.default").
const (
	audGraph      = "https://graph.microsoft.com"
	audTeams      = "48ac35b8-9aa8-4d74-927d-1f4a14a0b239"
	audCompliance = "https://ps.compliance.protection.outlook.com"
	audExchange   = "https://outlook.office365.com"
)

// registration is the simulator's record of one app (service principal).
type registration struct {
	Name        string `json:"name"`
	ClientID    string `json:"client_id"`
	ObjectID    string `json:"object_id"` // service principal oid
	Secret      string `json:"secret"`
	CertPEM     string `json:"cert_pem,omitempty"`
	KeyPEM      string `json:"key_pem,omitempty"`
	PFXPassword string `json:"pfx_password,omitempty"`
	// Roles are application roles granted per audience, as AAD puts only the
	// resource's own roles in a token.
	Roles map[string][]string `json:"roles"`
	Wids  []string            `json:"wids"`

	cert *x509.Certificate
	pfx  []byte
}

const appsFile = "apps.json"

// loadOrCreateApps gives the full and the limited app, stable across restarts
// when dir is set (so an env file written earlier stays valid).
func loadOrCreateApps(dir string) (full, limited *registration, err error) {
	if dir != "" {
		b, rerr := os.ReadFile(filepath.Join(dir, appsFile))
		if rerr == nil {
			var regs []*registration
			if err := json.Unmarshal(b, &regs); err != nil {
				return nil, nil, fmt.Errorf("tenantsim: %s: %w", appsFile, err)
			}
			for _, r := range regs {
				if err := r.prepare(); err != nil {
					return nil, nil, err
				}
				switch r.Name {
				case "full":
					full = r
				case "limited":
					limited = r
				}
			}
			if full != nil && limited != nil {
				return full, limited, nil
			}
		} else if !errors.Is(rerr, os.ErrNotExist) {
			return nil, nil, rerr
		}
	}
	full = &registration{
		Name: "full", ClientID: newGUID(), ObjectID: newGUID(), Secret: newSecret(),
		Roles: map[string][]string{
			audGraph: {"Policy.Read.All", "Policy.ReadWrite.ConditionalAccess", "Application.Read.All", "Organization.Read.All",
				"DeviceManagementApps.ReadWrite.All"}, // Intune app protection
			audExchange:   {"Exchange.ManageAsApp"},
			audCompliance: {"Exchange.ManageAsApp"}, // S&C honours the Exchange Online app role
		},
		Wids: []string{widTeamsAdmin, widComplianceAdmin},
	}
	if err := full.addCertificate(); err != nil {
		return nil, nil, err
	}
	limited = &registration{
		Name: "limited", ClientID: newGUID(), ObjectID: newGUID(), Secret: newSecret(),
		Roles: map[string][]string{audGraph: {"Policy.Read.All"}},
		Wids:  []string{},
	}
	if err := full.prepare(); err != nil {
		return nil, nil, err
	}
	if dir != "" {
		b, err := json.MarshalIndent([]*registration{full, limited}, "", "  ")
		if err != nil {
			return nil, nil, err
		}
		if err := writeFileAtomic(filepath.Join(dir, appsFile), b, 0o600); err != nil {
			return nil, nil, err
		}
	}
	return full, limited, nil
}

// addCertificate makes a self-signed RSA client certificate (MSAL signs the
// assertion with PS256, which needs an RSA key).
func (r *registration) addCertificate() error {
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		return err
	}
	tmpl := &x509.Certificate{
		SerialNumber: randomSerial(),
		Subject:      pkix.Name{CommonName: "teamshipaa tenantsim " + r.Name + " app"},
		NotBefore:    time.Now().Add(-time.Hour),
		NotAfter:     time.Now().AddDate(2, 0, 0),
		KeyUsage:     x509.KeyUsageDigitalSignature,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return err
	}
	keyDER, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		return err
	}
	r.CertPEM = string(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}))
	r.KeyPEM = string(pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: keyDER}))
	r.PFXPassword = newSecret()
	return nil
}

// prepare parses the stored certificate and builds the PFX handed to tests.
func (r *registration) prepare() error {
	if r.CertPEM == "" {
		return nil
	}
	cb, _ := pem.Decode([]byte(r.CertPEM))
	kb, _ := pem.Decode([]byte(r.KeyPEM))
	if cb == nil || kb == nil {
		return errors.New("tenantsim: app certificate is not PEM")
	}
	cert, err := x509.ParseCertificate(cb.Bytes)
	if err != nil {
		return err
	}
	key, err := x509.ParsePKCS8PrivateKey(kb.Bytes)
	if err != nil {
		return err
	}
	pfx, err := pkcs12.LegacyDES.Encode(key, cert, nil, r.PFXPassword)
	if err != nil {
		return err
	}
	r.cert, r.pfx = cert, pfx
	return nil
}

func (r *registration) app() App {
	a := App{ClientID: r.ClientID, ClientSecret: r.Secret}
	if r.pfx != nil {
		a.CertificatePKCS12 = append([]byte(nil), r.pfx...)
		a.CertificatePassword = r.PFXPassword
	}
	return a
}

// thumbprints returns the SHA-1 and SHA-256 thumbprints of the certificate.
func (r *registration) thumbprints() (s1, s256 []byte) {
	if r.cert == nil {
		return nil, nil
	}
	h1 := sha1.Sum(r.cert.Raw) // #nosec G401 -- x5t is defined as SHA-1
	h256 := sha256.Sum256(r.cert.Raw)
	return h1[:], h256[:]
}
