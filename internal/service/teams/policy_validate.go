package teams

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/flex"
)

var _ resource.ResourceWithValidateConfig = (*policyResource)(nil)

// ValidateConfig refuses at plan time input the service would refuse, or
// accept and then ignore: malformed domain names in every domain
// list, plus the rules of the policy type (inputRules).
func (r *policyResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	for _, p := range r.pt.Params {
		if p.Kind != DomainList && p.Kind != DomainAllowList {
			continue
		}
		var s types.Set
		if resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root(p.Attr), &s)...); resp.Diagnostics.HasError() || !flex.Known(s) {
			continue
		}
		for _, e := range s.Elements() {
			v, ok := e.(types.String)
			if !ok || !flex.Known(v) || (p.Kind == DomainAllowList && v.ValueString() == allowAllKnownDomains) {
				continue
			}
			if msg := domainProblem(v.ValueString()); msg != "" {
				resp.Diagnostics.AddAttributeError(path.Root(p.Attr), "Invalid domain name", msg)
			}
		}
	}
	if rule := inputRules[r.pt.Type]; rule != nil {
		rule(ctx, req.Config, &resp.Diagnostics)
	}
}

// inputRules are the plan-time rules of one policy type, by ConfigAPI type.
var inputRules = map[string]func(context.Context, getter, *diag.Diagnostics){
	"TenantFederationSettings":  federationDomainsExclusive,
	"TeamsMeetingConfiguration": mediaPortRanges,
}

// domainProblem says what is wrong with s as a federation domain ("" if
// nothing): a DNS name of at least two labels (RFC 1035 letters, digits and
// hyphens, labels of 1-63 characters, at most 253 in all), not a URL, an
// address or a wildcard: the lists hold SIP domains, and block_all_subdomains
// covers subdomains.
func domainProblem(s string) string {
	d := strings.TrimSuffix(s, ".")
	switch {
	case strings.Contains(s, "://") || strings.Contains(s, "/"):
		return fmt.Sprintf("%q is a URL; list the domain alone, for example \"contoso.com\".", s)
	case strings.Contains(s, "@"):
		return fmt.Sprintf("%q is an address; list its domain, %q.", s, s[strings.LastIndex(s, "@")+1:])
	case strings.Contains(s, "*"):
		return fmt.Sprintf("%q is a wildcard; list the domain (\"%s\"), and set block_all_subdomains = true to block its subdomains.", s, strings.TrimLeft(s, "*."))
	case d == "" || len(d) > 253:
		return fmt.Sprintf("%q is not a domain name (1 to 253 characters, for example \"contoso.com\").", s)
	}
	labels := strings.Split(d, ".")
	if len(labels) < 2 {
		return fmt.Sprintf("%q is not a fully qualified domain name: give the whole name, for example \"contoso.com\".", s)
	}
	for _, l := range labels {
		if l == "" || len(l) > 63 || l[0] == '-' || l[len(l)-1] == '-' {
			return fmt.Sprintf("%q is not a domain name: each dot-separated label is 1 to 63 letters, digits or hyphens, not starting or ending with a hyphen.", s)
		}
		for _, c := range l {
			if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-') {
				return fmt.Sprintf("%q is not a domain name: %q is not allowed (letters, digits, hyphens and dots only; write internationalized names in their xn-- form).", s, c)
			}
		}
	}
	tld := labels[len(labels)-1]
	if !strings.HasPrefix(strings.ToLower(tld), "xn--") {
		for _, c := range tld {
			if c >= '0' && c <= '9' {
				return fmt.Sprintf("%q is not a domain name: its top-level label %q cannot hold digits (an IP address is not a federation domain).", s, tld)
			}
		}
	}
	return ""
}

// federationDomainsExclusive refuses blocked_domains beside an explicit
// allow list. Set-CsTenantFederationConfiguration, BlockedDomains: "If the
// AllowedDomains property has been set to AllowAllKnownDomains, then users will
// be allowed to communicate with all domains except those that appear in the
// blocked domains list. If the AllowedDomains property has not been set to
// AllowAllKnownDomains, then the blocked list is ignored": the admin center
// offers them as exclusive modes. A blocked list that is silently ignored
// looks like a control that is not there.
func federationDomainsExclusive(ctx context.Context, cfg getter, diags *diag.Diagnostics) {
	var allowed, blocked types.Set
	diags.Append(cfg.GetAttribute(ctx, path.Root("allowed_domains"), &allowed)...)
	diags.Append(cfg.GetAttribute(ctx, path.Root("blocked_domains"), &blocked)...)
	if diags.HasError() || !flex.Known(allowed) || !flex.Known(blocked) || len(blocked.Elements()) == 0 {
		return
	}
	for _, e := range allowed.Elements() {
		if v, ok := e.(types.String); !ok || !flex.Known(v) || v.ValueString() == allowAllKnownDomains {
			return
		}
	}
	diags.AddAttributeError(path.Root("blocked_domains"), "Allowed and blocked domains are exclusive",
		"With an explicit allowed_domains list, users can reach only those domains and the service ignores blocked_domains. "+
			"Either keep the allow list and remove blocked_domains, or set allowed_domains = [\"AllowAllKnownDomains\"] to block only the listed domains.")
}

// Media ports: each range starts at a port in 1024-65535 (the parameter's
// bound) and must end there too, so port + range - 1 <= 65535. The ranges
// default to 20 ports (Set-CsTeamsMeetingConfiguration), the value assumed
// when only the port is configured.
const (
	maxPort          = 65535
	defaultPortRange = 20
)

var mediaPorts = []struct{ port, rng string }{
	{"client_audio_port", "client_audio_port_range"},
	{"client_video_port", "client_video_port_range"},
	{"client_app_sharing_port", "client_app_sharing_port_range"},
}

func mediaPortRanges(ctx context.Context, cfg getter, diags *diag.Diagnostics) {
	for _, mp := range mediaPorts {
		var port, rng types.Int64
		diags.Append(cfg.GetAttribute(ctx, path.Root(mp.port), &port)...)
		diags.Append(cfg.GetAttribute(ctx, path.Root(mp.rng), &rng)...)
		if diags.HasError() || port.IsUnknown() || rng.IsUnknown() || (port.IsNull() && rng.IsNull()) {
			continue
		}
		if flex.Known(rng) && rng.ValueInt64() == 0 {
			diags.AddAttributeError(path.Root(mp.rng), "Empty port range",
				fmt.Sprintf("%s = 0 leaves no port for this media; give at least 1 (the default is %d).", mp.rng, defaultPortRange))
			continue
		}
		if port.IsNull() {
			if flex.Known(rng) && rng.ValueInt64() > maxPort-1024+1 {
				diags.AddAttributeError(path.Root(mp.rng), "Port range past 65535",
					fmt.Sprintf("%s = %d ports cannot fit between 1024 and 65535.", mp.rng, rng.ValueInt64()))
			}
			continue
		}
		n, assumed := int64(defaultPortRange), " (the default)"
		if flex.Known(rng) {
			n, assumed = rng.ValueInt64(), ""
		}
		if last := port.ValueInt64() + n - 1; last > maxPort {
			diags.AddAttributeError(path.Root(mp.port), "Port range past 65535",
				fmt.Sprintf("%s = %d with %d ports%s ends at port %d; ports stop at 65535. Start at %d or lower, or set %s = %d or fewer.",
					mp.port, port.ValueInt64(), n, assumed, last, maxPort-n+1, mp.rng, maxPort-port.ValueInt64()+1))
		}
	}
}
