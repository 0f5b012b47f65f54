package purview_test

import (
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/acctest"
)

const (
	ssnID = "a44669fe-0d48-453d-a9b1-2cc83f2cba77"
)

func TestAccSensitiveInformationTypes(t *testing.T) {
	addr := "data.teamshipaa_sensitive_information_types.hipaa"
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: `data "teamshipaa_sensitive_information_types" "hipaa" {
  names = ["U.S. Social Security Number (SSN)", "Drug Enforcement Agency (DEA) Number"]
}`,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("ids").AtMapKey("U.S. Social Security Number (SSN)"), knownvalue.StringExact(ssnID)),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("ids").AtMapKey("Drug Enforcement Agency (DEA) Number"),
						knownvalue.StringExact("9a5445ad-406e-43eb-8bd7-cac17ab6d0e4")),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("types"), knownvalue.ListSizeExact(2)),
				},
			},
			{
				Config:      `data "teamshipaa_sensitive_information_types" "x" { names = ["No Such Type"] }`,
				ExpectError: regexp.MustCompile(`(?s)no sensitive information type named "No Such Type"`),
			},
		},
	})
}
