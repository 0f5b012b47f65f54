package provider

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
)

// Every data source names itself through its framework base: a constructor
// that forgot the name would register "" (or clash with another).
func TestDataSourceTypeNames(t *testing.T) {
	ctx := context.Background()
	seen := map[string]bool{}
	for _, newDS := range (&teamshipaaProvider{}).DataSources(ctx) {
		var resp datasource.MetadataResponse
		newDS().Metadata(ctx, datasource.MetadataRequest{ProviderTypeName: "teamshipaa"}, &resp)
		if !strings.HasPrefix(resp.TypeName, "teamshipaa_") || len(resp.TypeName) == len("teamshipaa_") || seen[resp.TypeName] {
			t.Errorf("data source type name %q: want teamshipaa_<name>, once", resp.TypeName)
		}
		seen[resp.TypeName] = true
	}
	if len(seen) < 10 {
		t.Fatalf("only %d data sources registered", len(seen))
	}
}
