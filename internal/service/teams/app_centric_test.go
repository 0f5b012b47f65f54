package teams_test

import (
	"context"
	"strings"
	"testing"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/acctest"
)

// On tenants moved to app-centric management the service accepts a write to
// an app permission policy without applying it, and says so in a warning
// header: the client hands the warning back for the resource to show.
func TestAppCentricManagementWarningReachesTheCaller(t *testing.T) {
	sim := acctest.Sim(t)
	sim.SetAppCentricManagement(true)
	defer sim.SetAppCentricManagement(false)

	client := acctest.Configure(context.Background(), t).ConfigAPI
	res, err := client.Update(context.Background(), "TeamsAppPermissionPolicy", "Global", map[string]any{"GlobalCatalogAppsType": "AllowedAppList"})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Warnings) == 0 || !strings.Contains(strings.ToLower(strings.Join(res.Warnings, " ")), "app") {
		t.Fatalf("want the service's app-centric warning, got %v", res.Warnings)
	}
}
