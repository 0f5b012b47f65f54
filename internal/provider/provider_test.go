package provider_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-log/tflogtest"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/acctest"
)

// The debug log shows every request (method, URL, status, request id) but
// never the client secret, the Authorization header or any token.
func TestLogsNeverShowSecretsOrTokens(t *testing.T) {
	sim := acctest.Sim(t)
	var buf bytes.Buffer
	ctx := tflogtest.RootLogger(context.Background(), &buf)

	client := acctest.Configure(ctx, t)
	if _, _, err := client.ConfigAPI.List(ctx, "TeamsMeetingPolicy"); err != nil {
		t.Fatal(err)
	}
	// A failing call too: error paths must not leak either.
	if _, _, err := client.ConfigAPI.Get(ctx, "TeamsMeetingPolicy", "Tag:does-not-exist"); err == nil {
		t.Fatal("expected a 404")
	}

	out := buf.String()
	for _, want := range []string{"/oauth2/v2.0/token", "Skype.Policy/configurations/TeamsMeetingPolicy", `"status":404`, "request_id"} {
		if !strings.Contains(out, want) {
			t.Errorf("the debug log lacks %q:\n%s", want, out)
		}
	}
	secret := sim.FullApp().ClientSecret
	for _, leak := range []string{secret, "eyJ", "Bearer", "Authorization", "client_secret="} {
		if strings.Contains(out, leak) {
			t.Errorf("the debug log contains %q", leak)
		}
	}
}

func TestAccProvider_clientCertificate(t *testing.T) {
	app := acctest.Sim(t).FullApp()
	cert := base64.StdEncoding.EncodeToString(app.CertificatePKCS12)
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				// The certificate in the block wins over ARM_CLIENT_SECRET in the environment.
				Config: fmt.Sprintf(`
provider "teamshipaa" {
  client_certificate          = %q
  client_certificate_password = %q
}

data "teamshipaa_meeting_policy" "global" { name = "Global" }
`, cert, app.CertificatePassword),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.teamshipaa_meeting_policy.global", tfjsonpath.New("id"), knownvalue.StringExact("Global")),
				},
			},
		},
	})
}
