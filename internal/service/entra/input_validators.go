package entra

import (
	"context"
	"fmt"
	"net/netip"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/framework"
)

// idOr accepts an object ID (a GUID) or one of the special values the
// service defines for the attribute, spelled as the service spells them. The
// error names the special values, so a mistake ("none", a display name, a
// UPN) is told what the attribute takes.
type idOr struct {
	what     string // with its article: "a user object ID"
	specials []string
}

func (v idOr) Description(context.Context) string {
	if len(v.specials) == 0 {
		return v.what + " (a GUID)"
	}
	return fmt.Sprintf("%s (a GUID) or one of %s", v.what, strings.Join(v.specials, ", "))
}

func (v idOr) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v idOr) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	s := req.ConfigValue.ValueString()
	if framework.GUID.MatchString(s) || slices.Contains(v.specials, s) {
		return
	}
	for _, sp := range v.specials {
		if strings.EqualFold(sp, s) {
			resp.Diagnostics.AddAttributeError(req.Path, "Misspelled special value",
				fmt.Sprintf("%q must be written %q (the service compares it exactly).", s, sp))
			return
		}
	}
	allowed := "Use " + v.what + " (a GUID)"
	if len(v.specials) > 0 {
		allowed += ", or one of " + strings.Join(quoted(v.specials), ", ")
	}
	resp.Diagnostics.AddAttributeError(req.Path, "Invalid value",
		fmt.Sprintf("%q is not %s. %s.", s, v.what, allowed))
}

func quoted(vs []string) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = fmt.Sprintf("%q", v)
	}
	return out
}

// minIPPrefix is the shortest prefix Entra accepts in an IP named location:
// entra-docs docs/identity/conditional-access/location-condition.md, "IPv4
// and IPv6 address ranges": "Only CIDR masks greater than /8 are allowed when
// defining an IP range" (same page: at most 2000 ranges per location).
const minIPPrefix = 9

// cidrValidator accepts a range in canonical CIDR notation that Entra can
// store: not every address (0.0.0.0/0, ::/0), no mask of /8 or shorter, and
// no host bits (203.0.113.7/24 means 203.0.113.0/24; say so).
type cidrValidator struct{}

func (cidrValidator) Description(context.Context) string {
	return "an IPv4 or IPv6 range in CIDR notation, host bits zero, mask longer than /8"
}
func (v cidrValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }
func (cidrValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	s := req.ConfigValue.ValueString()
	if msg := cidrProblem(s); msg != "" {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid IP range", msg)
	}
}

// cidrProblem says what is wrong with s as a named location range ("" if nothing).
func cidrProblem(s string) string {
	pfx, err := netip.ParsePrefix(s)
	if err != nil {
		return fmt.Sprintf("%q is not an IPv4 or IPv6 range in CIDR notation (for example 203.0.113.0/24 or 2001:db8::/48): %v", s, err)
	}
	if pfx.Bits() == 0 {
		return fmt.Sprintf("%q is every address on the Internet: a named location must be your organization's own public ranges "+
			"(a trusted location of every address would exempt every sign-in). To target all locations in a policy, use "+
			"conditions.locations.include_locations = [\"All\"] instead.", s)
	}
	if pfx.Bits() < minIPPrefix {
		return fmt.Sprintf("%q is too large: Microsoft Entra accepts only CIDR masks longer than /8 in a named location. Split it into /9 or smaller ranges.", s)
	}
	if m := pfx.Masked(); m != pfx {
		return fmt.Sprintf("%q has host bits set: the range it denotes is %s. Write %q.", s, m, m.String())
	}
	return ""
}

// privateRange reports whether a range lies in address space that never
// reaches Entra as a sign-in's client address (RFC 1918, RFC 6598 shared
// space, loopback, link-local, IPv6 unique local).
func privateRange(s string) bool {
	pfx, err := netip.ParsePrefix(s)
	if err != nil {
		return false
	}
	a := pfx.Masked().Addr()
	cgnat := netip.MustParsePrefix("100.64.0.0/10")
	return a.IsPrivate() || a.IsLoopback() || a.IsLinkLocalUnicast() || (cgnat.Contains(a) && pfx.Bits() >= cgnat.Bits())
}

// countryCode accepts an officially assigned ISO 3166-1 alpha-2 code.
type countryCode struct{}

func (countryCode) Description(context.Context) string {
	return "an officially assigned ISO 3166-1 alpha-2 code in upper case"
}
func (v countryCode) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }
func (countryCode) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	s := req.ConfigValue.ValueString()
	switch {
	case iso3166Alpha2[s]:
	case iso3166Alpha2[strings.ToUpper(s)]:
		resp.Diagnostics.AddAttributeError(req.Path, "Country code in lower case",
			fmt.Sprintf("ISO 3166-1 codes are written in upper case, as the service stores them: write %q, not %q.", strings.ToUpper(s), s))
	default:
		msg := fmt.Sprintf("%q is not an officially assigned ISO 3166-1 alpha-2 country or region code (two upper-case letters, for example \"US\", \"GB\", \"DE\").", s)
		if h, ok := countryHint[strings.ToUpper(s)]; ok {
			msg += " Did you mean " + h + "?"
		}
		resp.Diagnostics.AddAttributeError(req.Path, "Unknown country code", msg)
	}
}
