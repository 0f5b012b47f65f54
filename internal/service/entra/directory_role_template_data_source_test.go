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

// A role template is found by display name, ignoring case; its id is
// Microsoft's fixed role template id. A name that matches none fails, naming
// some that exist.
func TestAccDirectoryRoleTemplateDataSource(t *testing.T) {
	addr := "data.teamshipaa_directory_role_template.test"
	config := func(name string) string {
		return `data "teamshipaa_directory_role_template" "test" {
  display_name = "` + name + `"
}
`
	}
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: config("Teams Administrator"),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("id"), knownvalue.StringExact("69091246-20e8-4a56-aa4d-066075b2a7a8")),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("description"), knownvalue.StringExact("Can manage the Microsoft Teams service.")),
				},
			},
			{
				Config: config("global administrator"),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("id"), knownvalue.StringExact("62e90394-69f5-4237-9190-012177145e10")),
				},
			},
			{
				Config:      config("Chief Administrator"),
				ExpectError: regexp.MustCompile(`(?s)Directory role template not found.*none is named "Chief Administrator".*Global Administrator`),
			},
		},
	})
}
