// Package baseline holds the data sources over the HIPAA baseline catalog
// (internal/baseline): teamshipaa_baseline, the catalog itself for a
// profile, and teamshipaa_assessment, the live tenant judged against it.
//
// The package shares its name with the catalog package, so code here imports
// the catalog as "catalog", and the provider imports this package as
// "baselinesvc".
package baseline

import "github.com/hashicorp/terraform-plugin-framework/datasource"

// DataSources returns the baseline data sources.
func DataSources() []func() datasource.DataSource {
	return []func() datasource.DataSource{newBaselineDataSource, newAssessmentDataSource, newComparisonDataSource}
}
