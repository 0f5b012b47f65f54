package graph

import (
	"context"
	"fmt"
	"net/http"
	"net/netip"
	"strconv"
	"strings"

	"github.com/microsoftgraph/msgraph-sdk-go/models"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/poll"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/transport"
)

// Named location kinds (the @odata.type the service stores).
const (
	KindIP      = "ip"      // #microsoft.graph.ipNamedLocation
	KindCountry = "country" // #microsoft.graph.countryNamedLocation
)

// NamedLocation is an ipNamedLocation or a countryNamedLocation
// (https://learn.microsoft.com/graph/api/resources/namedlocation).
type NamedLocation struct {
	ID          string
	DisplayName string
	Kind        string // KindIP or KindCountry

	// ipNamedLocation
	IPRanges  []string // CIDR; IPv4 and IPv6 are sent as iPv4CidrRange / iPv6CidrRange
	IsTrusted bool

	// countryNamedLocation
	CountriesAndRegions               []string // ISO 3166-2 two-letter codes
	IncludeUnknownCountriesAndRegions bool
	CountryLookupMethod               string // clientIpAddress | authenticatorAppGps; "" = the service's default
}

const namedLocationsPath = "/identity/conditionalAccess/namedLocations"

// GetNamedLocation reads one named location; a missing one is an error for
// which transport.IsNotFound is true. As GetPolicy, it is served from one
// list of every named location except for one this client wrote. The
// location returned is shared: do not change it.
func (c *Client) GetNamedLocation(ctx context.Context, id string) (*NamedLocation, error) {
	if c.err != nil {
		return nil, c.err
	}
	if c.locationList.direct(id) {
		return c.getNamedLocation(ctx, id)
	}
	all, err := c.ListNamedLocations(ctx)
	if err != nil {
		return nil, err
	}
	for _, l := range all {
		if strings.EqualFold(l.ID, id) {
			return l, nil
		}
	}
	return nil, c.notInList(namedLocationsPath, id, "named locations")
}

// getNamedLocation reads one named location with its own GET.
func (c *Client) getNamedLocation(ctx context.Context, id string) (*NamedLocation, error) {
	got, err := c.namedLocations().ByNamedLocationId(id).Get(ctx, nil)
	if err != nil {
		return nil, c.wrapErr(op{http.MethodGet, namedLocationsPath + "/" + id, PermissionRead}, err)
	}
	return namedLocationFromModel(got)
}

// ListNamedLocations returns every named location, from one list request
// per operation until a write (cache.go). The slice is the caller's; the
// locations are shared: do not change them.
func (c *Client) ListNamedLocations(ctx context.Context) ([]*NamedLocation, error) {
	if c.err != nil {
		return nil, c.err
	}
	return c.locationList.list(ctx, c.listNamedLocations)
}

// listNamedLocations reads every named location (following @odata.nextLink).
func (c *Client) listNamedLocations(ctx context.Context) ([]*NamedLocation, error) {
	b := c.namedLocations()
	var out []*NamedLocation
	for {
		page, err := b.Get(ctx, nil)
		if err != nil {
			return nil, c.wrapErr(op{http.MethodGet, namedLocationsPath, PermissionRead}, err)
		}
		for _, m := range page.GetValue() {
			l, err := namedLocationFromModel(m)
			if err != nil {
				return nil, err
			}
			out = append(out, l)
		}
		next := deref(page.GetOdataNextLink())
		if next == "" {
			return out, nil
		}
		b = b.WithUrl(next)
	}
}

// NamedLocationsNamed returns the named locations whose display name is
// name, from the same list as ListNamedLocations.
func (c *Client) NamedLocationsNamed(ctx context.Context, name string) ([]*NamedLocation, error) {
	all, err := c.ListNamedLocations(ctx)
	if err != nil {
		return nil, err
	}
	return named(all, name, func(l *NamedLocation) string { return l.DisplayName }), nil
}

// CreateNamedLocation creates l and returns the service's copy. As with
// policies (CreatePolicy), the caller has made sure the display name is free,
// and a POST that may have been applied is looked for by display name before
// it is sent again.
func (c *Client) CreateNamedLocation(ctx context.Context, l *NamedLocation) (*NamedLocation, error) {
	if c.err != nil {
		return nil, c.err
	}
	body, err := namedLocationToModel(l)
	if err != nil {
		return nil, err
	}
	o := op{http.MethodPost, namedLocationsPath, PermissionWriteCA}
	b := c.namedLocations()
	return poll.Settle(ctx, poll.Options{Confirm: createConfirm}, "creating named location "+strconv.Quote(l.DisplayName),
		func(ctx context.Context, _ int) (*NamedLocation, error) {
			got, err := b.Post(ctx, body, nil)
			if err != nil {
				c.locationList.wrote("") // it may have landed
				return nil, c.wrapErr(o, err)
			}
			created, err := namedLocationFromModel(got)
			if created != nil {
				c.locationList.wrote(created.ID)
			}
			return created, err
		},
		func(ctx context.Context) (*NamedLocation, bool, error) {
			// A fresh list each time: the create may land between two looks.
			all, err := c.listNamedLocations(ctx)
			if err != nil {
				return nil, false, err
			}
			switch same := named(all, l.DisplayName, func(l *NamedLocation) string { return l.DisplayName }); len(same) {
			case 0:
				return nil, false, nil
			case 1:
				c.locationList.wrote(same[0].ID)
				return same[0], true, nil
			default:
				return nil, false, fmt.Errorf("%d named locations named %q exist now: check the tenant and import the right one", len(same), l.DisplayName)
			}
		})
}

// UpdateNamedLocation replaces the location's properties with l's. The kind
// cannot change (the service keys on @odata.type, which every PATCH carries).
func (c *Client) UpdateNamedLocation(ctx context.Context, id string, l *NamedLocation) error {
	if c.err != nil {
		return c.err
	}
	body, err := namedLocationToModel(l)
	if err != nil {
		return err
	}
	// The PATCH sets absolute values: sent again after a dropped connection it does no harm.
	c.locationList.writing(id)
	_, err = c.namedLocations().ByNamedLocationId(id).Patch(transport.WithRetryablePost(ctx), body, nil)
	c.locationList.wrote(id)
	return c.wrapErr(op{http.MethodPatch, namedLocationsPath + "/" + id, PermissionWriteCA}, err)
}

// DeleteNamedLocation deletes a named location. The service refuses while a
// policy still refers to it.
func (c *Client) DeleteNamedLocation(ctx context.Context, id string) error {
	if c.err != nil {
		return c.err
	}
	c.locationList.writing(id)
	err := c.namedLocations().ByNamedLocationId(id).Delete(ctx, nil)
	c.locationList.wrote(id)
	return c.wrapErr(op{http.MethodDelete, namedLocationsPath + "/" + id, PermissionWriteCA}, err)
}

func namedLocationFromModel(m models.NamedLocationable) (*NamedLocation, error) {
	l := &NamedLocation{ID: deref(m.GetId()), DisplayName: deref(m.GetDisplayName())}
	switch v := m.(type) {
	case models.IpNamedLocationable:
		l.Kind = KindIP
		l.IsTrusted = deref(v.GetIsTrusted())
		for _, r := range v.GetIpRanges() {
			// IPv4CidrRangeable and IPv6CidrRangeable have the same methods, so
			// one case serves both (the address itself says which it is).
			switch rr := r.(type) {
			case models.IPv4CidrRangeable:
				l.IPRanges = append(l.IPRanges, deref(rr.GetCidrAddress()))
			default:
				return nil, fmt.Errorf("%s: named location %s has an IP range of unknown type %q", ServiceName, l.ID, deref(r.GetOdataType()))
			}
		}
	case models.CountryNamedLocationable:
		l.Kind = KindCountry
		l.CountriesAndRegions = v.GetCountriesAndRegions()
		l.IncludeUnknownCountriesAndRegions = deref(v.GetIncludeUnknownCountriesAndRegions())
		if cl := v.GetCountryLookupMethod(); cl != nil {
			l.CountryLookupMethod = cl.String()
		}
	default:
		return nil, fmt.Errorf("%s: named location %s has unknown type %q", ServiceName, l.ID, deref(m.GetOdataType()))
	}
	return l, nil
}

// IsIPv6CIDR reports whether s is an IPv6 prefix; false for IPv4 and for
// strings that are not a prefix at all.
func IsIPv6CIDR(s string) bool {
	p, err := netip.ParsePrefix(s)
	return err == nil && !p.Addr().Unmap().Is4()
}

func namedLocationToModel(l *NamedLocation) (models.NamedLocationable, error) {
	switch l.Kind {
	case KindIP:
		m := models.NewIpNamedLocation()
		m.SetOdataType(ptr("#microsoft.graph.ipNamedLocation")) // entities do not set it themselves
		m.SetDisplayName(ptr(l.DisplayName))
		m.SetIsTrusted(ptr(l.IsTrusted))
		ranges := make([]models.IpRangeable, 0, len(l.IPRanges))
		for _, cidr := range l.IPRanges {
			if _, err := netip.ParsePrefix(cidr); err != nil {
				return nil, fmt.Errorf("ip range %q is not a CIDR prefix: %w", cidr, err)
			}
			if IsIPv6CIDR(cidr) {
				r := models.NewIPv6CidrRange()
				r.SetCidrAddress(ptr(cidr))
				ranges = append(ranges, r)
			} else {
				r := models.NewIPv4CidrRange()
				r.SetCidrAddress(ptr(cidr))
				ranges = append(ranges, r)
			}
		}
		m.SetIpRanges(ranges)
		return m, nil
	case KindCountry:
		m := models.NewCountryNamedLocation()
		m.SetOdataType(ptr("#microsoft.graph.countryNamedLocation"))
		m.SetDisplayName(ptr(l.DisplayName))
		m.SetCountriesAndRegions(list(l.CountriesAndRegions))
		m.SetIncludeUnknownCountriesAndRegions(ptr(l.IncludeUnknownCountriesAndRegions))
		if l.CountryLookupMethod != "" {
			t, err := enumValue[models.CountryLookupMethodType]("country lookup method", l.CountryLookupMethod, models.ParseCountryLookupMethodType)
			if err != nil {
				return nil, err
			}
			m.SetCountryLookupMethod(t)
		}
		return m, nil
	}
	return nil, fmt.Errorf("named location kind %q is neither %q nor %q", l.Kind, KindIP, KindCountry)
}
