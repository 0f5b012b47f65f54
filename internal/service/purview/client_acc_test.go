package purview_test

import (
	"context"
	"os"
	"strings"
	"testing"

	sdkacctest "github.com/hashicorp/terraform-plugin-testing/helper/acctest"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/acctest"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/clients/adminapi"
)

func skipUnlessAcc(t *testing.T) {
	if os.Getenv("TF_ACC") == "" {
		t.Skip("set TF_ACC=1 to run against the tenant simulator")
	}
}

// The client against the simulator: the error is the cmdlet's own message,
// and a write inside the deploy window is refused with the "being deployed"
// message the resources retry on.
func TestAccAdminAPIClient_errorsAndDeployWindow(t *testing.T) {
	skipUnlessAcc(t)
	ctx := context.Background()
	c := acctest.Configure(ctx, t).Compliance
	sim := acctest.Sim(t)

	_, _, err := c.Invoke(ctx, "New-RetentionComplianceRule", map[string]any{"Name": sdkacctest.RandomWithPrefix("tfacc"), "Policy": "no-such-policy-tfacc", "RetentionDuration": 30, "RetentionComplianceAction": "Keep"})
	if err == nil {
		t.Fatal("want an error for a missing policy")
	}
	t.Logf("service error: %v", err)
	if strings.Contains(err.Error(), "Error executing cmdlet") || !strings.Contains(err.Error(), "no-such-policy-tfacc") {
		t.Errorf("error does not carry the cmdlet's message: %v", err)
	}

	sim.SetDeployWindow(1, 0)
	defer sim.SetDeployWindow(0, 0)
	name := sdkacctest.RandomWithPrefix("tfacc-win")
	if _, _, err := c.Invoke(ctx, "New-RetentionCompliancePolicy", map[string]any{"Name": name, "TeamsChatLocation": []string{"All"}}); err != nil {
		t.Fatal(err)
	}
	defer func() { _, _, _ = c.Invoke(ctx, "Remove-RetentionCompliancePolicy", map[string]any{"Identity": name}) }()
	_, _, err = c.Invoke(ctx, "Set-RetentionCompliancePolicy", map[string]any{"Identity": name, "Comment": "x"})
	t.Logf("inside the window: %v", err)
	if !adminapi.IsBeingDeployed(err) {
		t.Errorf("want a being-deployed refusal, got %v", err)
	}
}
