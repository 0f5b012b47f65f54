package entra_test

import (
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/acctest"
)

// The name matches exactly, else ignoring case and hyphens (the portal's
// "Phishing-resistant MFA" is Graph's "Phishing resistant MFA"); a name that
// matches none fails, listing the tenant's strengths.
func TestAccAuthenticationStrengthPolicyDataSource(t *testing.T) {
	addr := "data.teamshipaa_authentication_strength_policy.test"
	config := func(name string) string {
		return `data "teamshipaa_authentication_strength_policy" "test" {
  display_name = "` + name + `"
}
`
	}
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: config("Passwordless MFA"),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("id"), knownvalue.StringExact("00000000-0000-0000-0000-000000000003")),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("policy_type"), knownvalue.StringExact("builtIn")),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("allowed_combinations"), knownvalue.SetSizeExact(4)),
				},
			},
			{
				Config: config("phishing-RESISTANT mfa"),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("id"), knownvalue.StringExact("00000000-0000-0000-0000-000000000004")),
				},
			},
			{
				Config:      config("Strong MFA"),
				ExpectError: regexp.MustCompile(`(?s)Authentication strength not found.*none is named "Strong MFA".*Multifactor authentication; Passwordless MFA`),
			},
		},
	})
}
