package adminapi

import (
	"context"
	"testing"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/clients/writes"
)

// Read serves the assessment the refresh's Get of an object (no request)
// until the process writes, for the same cmdlet, identity and parameters;
// Get always asks.
func TestReadServesTheLastGetUntilAWrite(t *testing.T) {
	c, f := fixtureClient(t, "get_retention_policy_detail.json")
	ctx := context.Background()
	requests := func() int { return len(f.all()) }
	detail := map[string]any{"DistributionDetail": true}

	got, _, _, err := c.Get(ctx, "Get-RetentionCompliancePolicy", "Regulation 123 Compliance", detail)
	if err != nil {
		t.Fatal(err)
	}
	got["Enabled"] = false // a caller's copy: the reading is not changed
	read, found, err := c.Read(ctx, "Get-RetentionCompliancePolicy", "regulation 123 compliance", map[string]any{"DistributionDetail": true})
	if err != nil || !found || requests() != 1 {
		t.Fatalf("found %v, err %v, %d requests after a Get and a Read of the same object, want the Get's one", found, err, requests())
	}
	if read["Enabled"] != true || read["Name"] != "Regulation 123 Compliance" {
		t.Errorf("read %v, want the object as the service answered it", read)
	}
	if _, _, _, err := c.Get(ctx, "Get-RetentionCompliancePolicy", "Regulation 123 Compliance", detail); err != nil || requests() != 2 {
		t.Fatalf("Get must ask the service: %d requests, %v", requests(), err)
	}
	if _, _, err := c.Read(ctx, "Get-RetentionCompliancePolicy", "Regulation 123 Compliance", nil); err != nil || requests() != 3 {
		t.Fatalf("a Get with other parameters is not that reading: %d requests, %v", requests(), err)
	}

	writes.Begin()() // any write in the process
	if _, _, err := c.Read(ctx, "Get-RetentionCompliancePolicy", "Regulation 123 Compliance", detail); err != nil || requests() != 4 {
		t.Fatalf("after a write, Read must ask the service: %d requests, %v", requests(), err)
	}
	if _, _, err := c.Read(ctx, "Get-RetentionCompliancePolicy", "Regulation 123 Compliance", detail); err != nil || requests() != 4 {
		t.Fatalf("the reading after the write serves the next Read: %d requests, %v", requests(), err)
	}
}
