package entra

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/flex"
)

// ValidateConfig warns about ranges that can never match a sign-in. Entra
// evaluates the public address a sign-in comes from ("for devices on a private
// network, the IP address isn't the client IP of the user's device on the
// intranet", entra-docs location-condition.md); the page once said "Private IP
// ranges can't be configured", the current one no longer does, so this is a
// warning, not an error. Trusting such a range exempts nobody, which is worse
// than it looks: the policies that rely on AllTrusted silently do nothing.
func (r *namedLocationResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var m namedLocationModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() || !flex.Known(m.IPRanges) {
		return
	}
	ranges := flex.ExpandStringSet(ctx, m.IPRanges, &resp.Diagnostics)
	if msg := privateRangesWarning(ranges, flex.Known(m.IsTrusted) && m.IsTrusted.ValueBool()); msg != "" {
		resp.Diagnostics.AddAttributeWarning(path.Root("ip_ranges"), "Private address ranges", msg)
	}
}

// privateRangesWarning is the warning for the private ranges among ranges
// ("" when there are none).
func privateRangesWarning(ranges []string, trusted bool) string {
	var private []string
	for _, r := range ranges {
		if cidrProblem(r) == "" && privateRange(r) {
			private = append(private, r)
		}
	}
	if len(private) == 0 {
		return ""
	}
	what := "never match a sign-in"
	if trusted {
		what = "never match a sign-in, so policies that include or exclude AllTrusted treat nobody as trusted"
	}
	return fmt.Sprintf("%s are private, shared or local address space. Microsoft Entra sees the public address your network connects "+
		"to the Internet from, never an internal one, so these ranges %s. List your public egress ranges instead.",
		strings.Join(quoted(private), ", "), what)
}
