package entra

import (
	"cmp"
	"context"
	"fmt"
	"net/netip"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/resourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/setplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/clients/graph"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/flex"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/framework"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/service/existing"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/transport"
)

var (
	_ resource.ResourceWithConfigure        = (*namedLocationResource)(nil)
	_ resource.ResourceWithImportState      = (*namedLocationResource)(nil)
	_ resource.ResourceWithConfigValidators = (*namedLocationResource)(nil)
	_ resource.ResourceWithValidateConfig   = (*namedLocationResource)(nil)
)

type namedLocationResource struct {
	framework.WithLifecycle[namedLocationModel, *graph.NamedLocation]
	framework.ResourceWithConfigure
	framework.WithImportByGUID
}

func newNamedLocationResource() resource.Resource {
	r := &namedLocationResource{ResourceWithConfigure: framework.NewResource("teamshipaa_named_location"),
		WithImportByGUID: framework.WithImportByGUID{Object: "the named location's object ID"}}
	r.WithLifecycle = framework.NewLifecycle(r.object)
	return r
}

type namedLocationModel struct {
	ID                                types.String   `tfsdk:"id"`
	DisplayName                       types.String   `tfsdk:"display_name"`
	IPRanges                          types.Set      `tfsdk:"ip_ranges"`
	IsTrusted                         types.Bool     `tfsdk:"is_trusted"`
	CountriesAndRegions               types.Set      `tfsdk:"countries_and_regions"`
	IncludeUnknownCountriesAndRegions types.Bool     `tfsdk:"include_unknown_countries_and_regions"`
	CountryLookupMethod               types.String   `tfsdk:"country_lookup_method"`
	Timeouts                          timeouts.Value `tfsdk:"timeouts"`
	AdoptExisting                     types.Bool     `tfsdk:"adopt_existing"`
}

func (m namedLocationModel) kind() string {
	if !m.CountriesAndRegions.IsNull() {
		return graph.KindCountry
	}
	return graph.KindIP
}

// ReadsStateOnly opts the Read in to internal/protoserver's direct read
// (framework.StateOnlyReader): it is framework.Object's ReadResource, which
// reads the state and writes the state and diagnostics only. Plans stay with
// the framework: the kind plan modifiers are the resource's own.
func (*namedLocationResource) ReadsStateOnly() {}

var _ framework.StateOnlyReader = (*namedLocationResource)(nil)

func (r *namedLocationResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	kindChange := setplanmodifier.RequiresReplaceIf(func(_ context.Context, req planmodifier.SetRequest, resp *setplanmodifier.RequiresReplaceIfFuncResponse) {
		// Graph cannot turn an IP location into a country location: replace.
		resp.RequiresReplace = !req.StateValue.IsNull() != !req.PlanValue.IsNull()
	}, "Changing between an IP and a country location replaces it.", "Changing between an IP and a country location replaces it.")
	resp.Schema = schema.Schema{
		MarkdownDescription: "A conditional access named location (Microsoft Graph `namedLocation`): either IP ranges " +
			"(`ipNamedLocation`, optionally trusted) or countries and regions (`countryNamedLocation`). Conditional access " +
			"policies refer to it by `id` in `conditions.locations`. Graph refuses to delete a location a policy still uses." + permissionsCA,
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{Computed: true, MarkdownDescription: "The named location's object ID.",
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()}},
			"display_name": schema.StringAttribute{Required: true, MarkdownDescription: "Display name.",
				Validators: []validator.String{stringvalidator.LengthBetween(1, 256)}},
			"ip_ranges": schema.SetAttribute{Optional: true, ElementType: types.StringType,
				MarkdownDescription: "IPv4 and IPv6 ranges in CIDR notation (for example `203.0.113.0/24`, `2001:db8::/48`): your organization's public egress ranges, " +
					"host bits zero, masks longer than `/8` (Entra's limit; `0.0.0.0/0` and `::/0` are refused), at most 2000; the " +
					"provider sends each as an `iPv4CidrRange` or `iPv6CidrRange`. Exactly one of `ip_ranges` and `countries_and_regions`.",
				Validators:    []validator.Set{setvalidator.SizeBetween(1, 2000), setvalidator.ValueStringsAre(cidrValidator{})},
				PlanModifiers: []planmodifier.Set{kindChange}},
			"is_trusted": schema.BoolAttribute{Optional: true, Computed: true,
				MarkdownDescription: "Whether the IP ranges are trusted (`AllTrusted` in policies includes them). IP locations only; default `false`.",
				PlanModifiers:       []planmodifier.Bool{kindDefaultBool{kind: graph.KindIP}}},
			"countries_and_regions": schema.SetAttribute{Optional: true, ElementType: types.StringType,
				MarkdownDescription: "ISO 3166-1 alpha-2 country or region codes, upper case (for example `US`); codes ISO has not assigned (`UK`, `EU`, `XX`) are refused.",
				Validators: []validator.Set{setvalidator.SizeAtLeast(1),
					setvalidator.ValueStringsAre(countryCode{})},
				PlanModifiers: []planmodifier.Set{kindChange}},
			"include_unknown_countries_and_regions": schema.BoolAttribute{Optional: true, Computed: true,
				MarkdownDescription: "Whether sign-ins whose country cannot be determined match. Country locations only; default `false`.",
				PlanModifiers:       []planmodifier.Bool{kindDefaultBool{kind: graph.KindCountry}}},
			"country_lookup_method": schema.StringAttribute{Optional: true, Computed: true,
				MarkdownDescription: "How the country is determined: `clientIpAddress` (default) or `authenticatorAppGps`. Country locations only.",
				Validators:          []validator.String{stringvalidator.OneOf("clientIpAddress", "authenticatorAppGps")},
				PlanModifiers:       []planmodifier.String{kindDefaultString{kind: graph.KindCountry, value: "clientIpAddress"}}},
			"timeouts":    framework.TimeoutsAttribute(ctx),
			existing.Attr: existing.Attribute("named location", "display name"),
		},
	}
}

func (r *namedLocationResource) ConfigValidators(context.Context) []resource.ConfigValidator {
	return []resource.ConfigValidator{
		resourcevalidator.ExactlyOneOf(path.MatchRoot("ip_ranges"), path.MatchRoot("countries_and_regions")),
		resourcevalidator.Conflicting(path.MatchRoot("ip_ranges"), path.MatchRoot("include_unknown_countries_and_regions")),
		resourcevalidator.Conflicting(path.MatchRoot("ip_ranges"), path.MatchRoot("country_lookup_method")),
		resourcevalidator.Conflicting(path.MatchRoot("countries_and_regions"), path.MatchRoot("is_trusted")),
	}
}

func (r *namedLocationResource) toAPI(ctx context.Context, m namedLocationModel, diags *diag.Diagnostics) *graph.NamedLocation {
	l := &graph.NamedLocation{DisplayName: m.DisplayName.ValueString(), Kind: m.kind()}
	if l.Kind == graph.KindIP {
		l.IPRanges = flex.ExpandStringSet(ctx, m.IPRanges, diags)
		l.IsTrusted = m.IsTrusted.ValueBool()
	} else {
		l.CountriesAndRegions = flex.ExpandStringSet(ctx, m.CountriesAndRegions, diags)
		l.IncludeUnknownCountriesAndRegions = m.IncludeUnknownCountriesAndRegions.ValueBool()
		l.CountryLookupMethod = flex.ExpandString(m.CountryLookupMethod)
	}
	return l
}

// fromAPI is the state for l; prior (plan or state) supplies spellings of
// equivalent CIDRs and the timeouts.
func fromAPI(l *graph.NamedLocation, prior namedLocationModel) namedLocationModel {
	m := namedLocationModel{ID: types.StringValue(l.ID), DisplayName: types.StringValue(l.DisplayName), Timeouts: prior.Timeouts, AdoptExisting: prior.AdoptExisting,
		IPRanges: types.SetNull(types.StringType), CountriesAndRegions: types.SetNull(types.StringType),
		IsTrusted: types.BoolNull(), IncludeUnknownCountriesAndRegions: types.BoolNull(), CountryLookupMethod: types.StringNull()}
	if l.Kind == graph.KindIP {
		ranges := make([]string, 0, len(l.IPRanges))
		var priorRanges []string
		for _, e := range prior.IPRanges.Elements() {
			if s, ok := e.(types.String); ok {
				priorRanges = append(priorRanges, s.ValueString())
			}
		}
		for _, got := range l.IPRanges {
			for _, p := range priorRanges {
				if samePrefix(p, got) {
					got = p
					break
				}
			}
			ranges = append(ranges, got)
		}
		m.IPRanges = flex.FlattenStringSet(ranges, prior.IPRanges)
		m.IsTrusted = types.BoolValue(l.IsTrusted)
	} else {
		m.CountriesAndRegions = flex.FlattenStringSet(l.CountriesAndRegions, prior.CountriesAndRegions)
		m.IncludeUnknownCountriesAndRegions = types.BoolValue(l.IncludeUnknownCountriesAndRegions)
		m.CountryLookupMethod = types.StringValue(cmp.Or(l.CountryLookupMethod, "clientIpAddress"))
	}
	return m
}

// samePrefix reports whether two CIDR strings denote the same prefix
// ("2001:0:9d38:90d6:0:0:0:0/63" and "2001:0:9d38:90d6::/63" do).
func samePrefix(a, b string) bool {
	if strings.EqualFold(a, b) {
		return true
	}
	pa, ea := netip.ParsePrefix(a)
	pb, eb := netip.ParsePrefix(b)
	return ea == nil && eb == nil && pa == pb
}

// locationMatches reports whether got carries everything want wrote.
func locationMatches(want, got *graph.NamedLocation) bool {
	if got.DisplayName != want.DisplayName || got.Kind != want.Kind {
		return false
	}
	if want.Kind == graph.KindIP {
		if got.IsTrusted != want.IsTrusted || len(got.IPRanges) != len(want.IPRanges) {
			return false
		}
		for _, w := range want.IPRanges {
			found := false
			for _, g := range got.IPRanges {
				found = found || samePrefix(w, g)
			}
			if !found {
				return false
			}
		}
		return true
	}
	return flex.SameStrings(got.CountriesAndRegions, want.CountriesAndRegions) &&
		got.IncludeUnknownCountriesAndRegions == want.IncludeUnknownCountriesAndRegions &&
		(want.CountryLookupMethod == "" || got.CountryLookupMethod == want.CountryLookupMethod)
}

// object is the named location's lifecycle (internal/framework): Graph's
// namedLocations collection, adopted or refused by display name.
func (r *namedLocationResource) object() framework.Object[namedLocationModel, *graph.NamedLocation] {
	return framework.Object[namedLocationModel, *graph.NamedLocation]{
		What: "named location", TypeName: r.TypeName(),
		ID:       func(m namedLocationModel) types.String { return m.ID },
		Name:     func(m namedLocationModel) string { return m.DisplayName.ValueString() },
		Timeouts: func(m namedLocationModel) timeouts.Value { return m.Timeouts },
		Get: func(ctx context.Context, id string) (*graph.NamedLocation, bool, error) {
			return transport.Found(func(ctx context.Context) (*graph.NamedLocation, error) {
				return r.Client.Graph.GetNamedLocation(ctx, id)
			})(ctx)
		},
		Flatten: func(_ context.Context, got *graph.NamedLocation, prior namedLocationModel, _ *diag.Diagnostics) namedLocationModel {
			return fromAPI(got, prior)
		},
		Matches: func(ctx context.Context, plan namedLocationModel) func(*graph.NamedLocation) bool {
			want := r.toAPI(ctx, plan, &diag.Diagnostics{})
			return func(l *graph.NamedLocation) bool { return locationMatches(want, l) }
		},
		Find: func(ctx context.Context, plan namedLocationModel, diags *diag.Diagnostics) (*graph.NamedLocation, string, bool) {
			// Display names are not unique in Graph: one Terraform does not know
			// of (an interrupted apply's) is not duplicated.
			same, err := r.Client.Graph.NamedLocationsNamed(ctx, plan.DisplayName.ValueString())
			if err != nil {
				diags.AddError("Looking for an existing named location named "+plan.DisplayName.ValueString(), err.Error())
				return nil, "", false
			}
			switch {
			case len(same) == 0:
				return nil, "", false
			case len(same) > 1:
				diags.AddError(fmt.Sprintf("%d named locations are named %q", len(same), plan.DisplayName.ValueString()),
					"Adopting or adding another would be ambiguous. Keep one (import it with its id) and delete or rename the others.\n\n"+
						existing.ImportBlock(r.TypeName(), same[0].ID))
			}
			return same[0], same[0].ID, true
		},
		Create: func(ctx context.Context, plan namedLocationModel, _ tfsdk.Config, diags *diag.Diagnostics) string {
			created, err := r.Client.Graph.CreateNamedLocation(ctx, r.toAPI(ctx, plan, diags))
			if err != nil {
				diags.AddError("Creating the named location "+plan.DisplayName.ValueString(), err.Error())
				return ""
			}
			return created.ID
		},
		Update: func(ctx context.Context, id string, plan, prior namedLocationModel, _ tfsdk.Config, diags *diag.Diagnostics) {
			if !prior.ID.IsNull() && prior.kind() != plan.kind() {
				diags.AddError(fmt.Sprintf("Cannot adopt the named location %q", plan.DisplayName.ValueString()), "It is a "+prior.kind()+
					" location and this configuration describes a "+plan.kind()+" one; the kind of a named location cannot change. Rename one of them.")
				return
			}
			if err := r.Client.Graph.UpdateNamedLocation(ctx, id, r.toAPI(ctx, plan, diags)); err != nil {
				diags.AddError("Updating the named location "+id, err.Error())
			}
		},
		Remove: func(ctx context.Context, id string, diags *diag.Diagnostics) {
			if err := r.Client.Graph.DeleteNamedLocation(ctx, id); err != nil && !transport.IsNotFound(err) {
				diags.AddError("Deleting the named location "+id, err.Error())
			}
		},
	}
}
