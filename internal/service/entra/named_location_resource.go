package entra

import (
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
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/clients/graph"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/conns"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/poll"
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
	client *conns.Client
}

func newNamedLocationResource() resource.Resource { return &namedLocationResource{} }

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

func (r *namedLocationResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_named_location"
}

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
			"timeouts":    timeouts.Attributes(ctx, timeouts.Opts{Create: true, Update: true, Delete: true}),
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

func (r *namedLocationResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = conns.FromProviderData(req.ProviderData, &resp.Diagnostics)
}

func (r *namedLocationResource) toAPI(ctx context.Context, m namedLocationModel, diags *diag.Diagnostics) *graph.NamedLocation {
	l := &graph.NamedLocation{DisplayName: m.DisplayName.ValueString(), Kind: m.kind()}
	if l.Kind == graph.KindIP {
		l.IPRanges = setStrings(ctx, m.IPRanges, diags)
		l.IsTrusted = m.IsTrusted.ValueBool()
	} else {
		l.CountriesAndRegions = setStrings(ctx, m.CountriesAndRegions, diags)
		l.IncludeUnknownCountriesAndRegions = m.IncludeUnknownCountriesAndRegions.ValueBool()
		l.CountryLookupMethod = str(m.CountryLookupMethod)
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
		m.IPRanges = setFrom(ranges, prior.IPRanges)
		m.IsTrusted = types.BoolValue(l.IsTrusted)
	} else {
		m.CountriesAndRegions = setFrom(l.CountriesAndRegions, prior.CountriesAndRegions)
		m.IncludeUnknownCountriesAndRegions = types.BoolValue(l.IncludeUnknownCountriesAndRegions)
		m.CountryLookupMethod = types.StringValue(firstNonEmpty(l.CountryLookupMethod, "clientIpAddress"))
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
	return sameStrings(got.CountriesAndRegions, want.CountriesAndRegions) &&
		got.IncludeUnknownCountriesAndRegions == want.IncludeUnknownCountriesAndRegions &&
		(want.CountryLookupMethod == "" || got.CountryLookupMethod == want.CountryLookupMethod)
}

func (r *namedLocationResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan namedLocationModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	timeout, d := plan.Timeouts.Create(ctx, defaultTimeout)
	resp.Diagnostics.Append(d...)
	want := r.toAPI(ctx, plan, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	// Display names are not unique in Graph: one Terraform does not know of
	// (an interrupted apply's) is not duplicated.
	same, err := r.client.Graph.NamedLocationsNamed(ctx, want.DisplayName)
	if err != nil {
		resp.Diagnostics.AddError("Looking for an existing named location named "+want.DisplayName, err.Error())
		return
	}
	adopt := existing.Adopt(ctx, req.Plan, &resp.Diagnostics)
	what := fmt.Sprintf("named location %q", want.DisplayName)
	var created *graph.NamedLocation
	switch {
	case len(same) > 1:
		resp.Diagnostics.AddError(fmt.Sprintf("%d named locations are named %q", len(same), want.DisplayName),
			"Adopting or adding another would be ambiguous. Keep one (import it with its id) and delete or rename the others.\n\n"+
				existing.ImportBlock("teamshipaa_named_location", same[0].ID))
		return
	case len(same) == 1 && !adopt:
		existing.Refuse(&resp.Diagnostics, "teamshipaa_named_location", what, same[0].ID)
		return
	case len(same) == 1 && same[0].Kind != want.Kind:
		resp.Diagnostics.AddError("Cannot adopt the "+what, "It is a "+same[0].Kind+" location and this configuration describes a "+want.Kind+
			" one; the kind of a named location cannot change. Rename one of them.")
		return
	case len(same) == 1:
		if err := r.client.Graph.UpdateNamedLocation(ctx, same[0].ID, want); err != nil {
			resp.Diagnostics.AddError("Adopting the "+what+" ("+same[0].ID+")", err.Error())
			return
		}
		created = same[0]
	default:
		created, err = r.client.Graph.CreateNamedLocation(ctx, want)
		if err != nil {
			resp.Diagnostics.AddError("Creating the named location "+want.DisplayName, err.Error())
			return
		}
	}
	// Save the id first: a read-back that times out must not orphan the location.
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), types.StringValue(created.ID))...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("timeouts"), plan.Timeouts)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root(existing.Attr), plan.AdoptExisting)...)
	got, err := r.waitFor(ctx, created.ID, want)
	if err != nil {
		resp.Diagnostics.AddError("Reading back the new named location "+created.ID, err.Error()+
			"\n\nThe location was created and its id is saved in the state; the next plan reads it again.")
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, fromAPI(got, plan))...)
}

// waitFor polls until the location reads back with want's values.
func (r *namedLocationResource) waitFor(ctx context.Context, id string, want *graph.NamedLocation) (*graph.NamedLocation, error) {
	return poll.ReadBack(ctx, poll.Options{Timeout: remaining(ctx)}, "named location "+id+" to read back as written",
		r.get(id), func(l *graph.NamedLocation) bool { return locationMatches(want, l) })
}

// get reads the location, absent on a 404.
func (r *namedLocationResource) get(id string) poll.Read[*graph.NamedLocation] {
	return transport.Found(func(ctx context.Context) (*graph.NamedLocation, error) {
		return r.client.Graph.GetNamedLocation(ctx, id)
	})
}

func (r *namedLocationResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state namedLocationModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	got, err := r.client.Graph.GetNamedLocation(ctx, state.ID.ValueString())
	if transport.IsNotFound(err) {
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		resp.Diagnostics.AddError("Reading the named location "+state.ID.ValueString(), err.Error())
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, fromAPI(got, state))...)
}

func (r *namedLocationResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state namedLocationModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	timeout, d := plan.Timeouts.Update(ctx, defaultTimeout)
	resp.Diagnostics.Append(d...)
	want := r.toAPI(ctx, plan, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	id := state.ID.ValueString()
	if err := r.client.Graph.UpdateNamedLocation(ctx, id, want); err != nil {
		resp.Diagnostics.AddError("Updating the named location "+id, err.Error())
		return
	}
	got, err := r.waitFor(ctx, id, want)
	if err != nil {
		resp.Diagnostics.AddError("Reading back the named location "+id, err.Error())
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, fromAPI(got, plan))...)
}

func (r *namedLocationResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state namedLocationModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	timeout, d := state.Timeouts.Delete(ctx, defaultTimeout)
	resp.Diagnostics.Append(d...)
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	id := state.ID.ValueString()
	if err := r.client.Graph.DeleteNamedLocation(ctx, id); err != nil && !transport.IsNotFound(err) {
		resp.Diagnostics.AddError("Deleting the named location "+id, err.Error())
		return
	}
	if err := poll.Gone(ctx, poll.Options{Timeout: remaining(ctx)}, "named location "+id+" to be gone", r.get(id)); err != nil {
		resp.Diagnostics.AddError("Confirming the deletion of the named location "+id, err.Error())
	}
}

func (r *namedLocationResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	if !guidRE.MatchString(req.ID) {
		resp.Diagnostics.AddError("Unexpected import ID", fmt.Sprintf("Expected the named location's object ID (a GUID), got %q.", req.ID))
		return
	}
	resource.ImportStatePassthroughID(ctx, path.Root("id"), req, resp)
}
