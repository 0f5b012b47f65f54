package graph

import (
	"context"
	"testing"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/clients/writes"
)

// ReadAppProtection serves the assessment the refresh's reading of a policy
// (no request) until the process writes; GetAppProtection always asks.
func TestReadAppProtectionServesTheLastReadingUntilAWrite(t *testing.T) {
	c, f := newClient(t, appProtectionHandler(t, "ios_managed_app_protection_get.json"))
	ctx := context.Background()
	requests := func() int { return len(f.all()) }

	got, err := c.GetAppProtection(ctx, PlatformIOS, "p1")
	if err != nil {
		t.Fatal(err)
	}
	got.Apps[0] = "changed by the caller" // a caller's copy: the reading is not changed
	read, err := c.ReadAppProtection(ctx, PlatformIOS, "P1")
	if err != nil {
		t.Fatal(err)
	}
	if requests() != 3 {
		t.Fatalf("%d requests after a GET and a read of the same policy, want the GET's 3", requests())
	}
	if read.DisplayName != "Display Name value" || read.Apps[0] != "com.microsoft.skype.teams" {
		t.Errorf("read %q with apps %v, want the reading as the service answered it", read.DisplayName, read.Apps)
	}
	if _, err := c.GetAppProtection(ctx, PlatformIOS, "p1"); err != nil || requests() != 6 {
		t.Fatalf("GetAppProtection must ask the service: %d requests, %v", requests(), err)
	}
	if _, err := c.ReadAppProtection(ctx, PlatformAndroid, "p1"); err != nil || requests() != 9 {
		t.Fatalf("another platform's policy is not that reading: %d requests, %v", requests(), err)
	}

	writes.Begin()() // any write in the process
	if _, err := c.ReadAppProtection(ctx, PlatformIOS, "p1"); err != nil || requests() != 12 {
		t.Fatalf("after a write, ReadAppProtection must ask the service: %d requests, %v", requests(), err)
	}
	if _, err := c.ReadAppProtection(ctx, PlatformIOS, "p1"); err != nil || requests() != 12 {
		t.Fatalf("the reading after the write serves the next read: %d requests, %v", requests(), err)
	}
}
