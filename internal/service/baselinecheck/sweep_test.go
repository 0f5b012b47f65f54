package baselinecheck

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
)

// TestMain gives this package terraform-plugin-testing's -sweep flag, so that
// go test ./internal/service/... -sweep=live runs; it has no sweepers of its
// own (it creates nothing that outlives a test).
func TestMain(m *testing.M) { resource.TestMain(m) }
