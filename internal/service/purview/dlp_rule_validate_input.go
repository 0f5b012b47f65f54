package purview

import (
	"context"
	"fmt"
	"net/mail"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/flex"
)

// Recipients, as New-DlpComplianceRule documents them: NotifyUser takes "an
// email address", LastModifier, Owner or SiteAdmin; GenerateIncidentReport
// "an email address" or SiteAdmin. Anything else (a display name, a group
// name) is refused at plan time rather than at apply.
var (
	notifyKeywords   = []string{"Owner", "SiteAdmin", "LastModifier"}
	incidentKeywords = []string{"SiteAdmin"}
)

func validateRecipients(m *dlpRuleModel, diags *diag.Diagnostics) {
	recipients("notify_user", m.NotifyUser, notifyKeywords, diags)
	recipients("generate_incident_report", m.GenerateIncidentReport, incidentKeywords, diags)
}

func recipients(attr string, s types.Set, keywords []string, diags *diag.Diagnostics) {
	if !flex.Known(s) {
		return
	}
	for _, e := range s.Elements() {
		v, ok := e.(types.String)
		if !ok || !flex.Known(v) {
			continue
		}
		r := v.ValueString()
		if containsFold(keywords, r) || isEmail(r) {
			continue
		}
		diags.AddAttributeError(path.Root(attr), "Invalid recipient",
			fmt.Sprintf("%q is neither an email address (for example privacy-office@contoso.com) nor one of %s.", r, strings.Join(quoteAll(keywords), ", ")))
	}
}

// isEmail accepts a bare address (no display name), with a dotted domain.
func isEmail(s string) bool {
	a, err := mail.ParseAddress(s)
	if err != nil || a.Name != "" || a.Address != s {
		return false
	}
	at := strings.LastIndex(s, "@")
	return at > 0 && strings.Contains(s[at+1:], ".")
}

// siteURLs checks that a SharePoint or OneDrive location lists "All" or site
// URLs (New-DlpCompliancePolicy: "You identify the site by its URL value").
func siteURLs(ctx context.Context, attr string, s types.Set, diags *diag.Diagnostics) {
	for _, v := range flex.ExpandStringSet(ctx, s, diags) {
		if strings.EqualFold(v, "All") || strings.HasPrefix(strings.ToLower(v), "https://") {
			continue
		}
		diags.AddAttributeError(path.Root(attr), "Not a site URL",
			fmt.Sprintf("%q is not a site URL: list [\"All\"] or sites by URL, for example \"https://contoso.sharepoint.com/sites/clinical\".", v))
	}
}
