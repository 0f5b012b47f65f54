package existing

import (
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
)

func TestRefuseGivesTheImportBlockAndTheOptIn(t *testing.T) {
	var diags diag.Diagnostics
	Refuse(&diags, "teamshipaa_dlp_policy", `DLP policy "PHI"`, "PHI")
	if !diags.HasError() || len(diags) != 1 {
		t.Fatalf("diags %v", diags)
	}
	d := diags[0].Detail()
	for _, want := range []string{"import {\n  to = teamshipaa_dlp_policy.<this resource's name>\n  id = \"PHI\"\n}", "adopt_existing = true"} {
		if !strings.Contains(d, want) {
			t.Errorf("detail lacks %q:\n%s", want, d)
		}
	}
	if !strings.Contains(diags[0].Summary(), "already exists") {
		t.Errorf("summary %q", diags[0].Summary())
	}
}
