package purview

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/flex"
)

// location describes one location parameter of a compliance policy: the
// attribute, the cmdlet parameter (New- takes it plain, Set- as
// Add<Param>/Remove<Param>), and, for an exception list, the location it
// narrows (exceptions only make sense when that location is "All").
type location[M any] struct {
	attr, param string
	exceptionOf string // attribute of the location this one excepts from, or ""
	desc        string
	get         func(*M) *types.Set
}

func locationSchema[M any](locs []location[M], attrs map[string]schema.Attribute) {
	for _, l := range locs {
		attrs[l.attr] = schema.SetAttribute{Optional: true, ElementType: types.StringType, MarkdownDescription: l.desc}
	}
}

// validateLocations checks, at plan time, that "All" stands alone and that
// an exception list comes with its location set to "All".
func validateLocations[M any](ctx context.Context, m *M, locs []location[M], diags *diag.Diagnostics) {
	byAttr := map[string][]string{}
	for _, l := range locs {
		s := l.get(m)
		if s.IsUnknown() {
			byAttr[l.attr] = nil
			continue
		}
		vals := flex.ExpandStringSet(ctx, *s, diags)
		byAttr[l.attr] = vals
		if l.exceptionOf == "" && len(vals) > 1 && containsFold(vals, "All") {
			diags.AddAttributeError(path.Root(l.attr), "\"All\" must stand alone",
				l.attr+" is either [\"All\"] or a list of specific users, groups or sites, not both.")
		}
	}
	for _, l := range locs {
		if l.exceptionOf == "" || len(byAttr[l.attr]) == 0 || l.get(m).IsUnknown() {
			continue
		}
		parent := byAttr[l.exceptionOf]
		for _, p := range locs {
			if p.attr == l.exceptionOf && p.get(m).IsUnknown() {
				parent = []string{"All"} // not known yet: check at apply
			}
		}
		if !(len(parent) == 1 && strings.EqualFold(parent[0], "All")) {
			diags.AddAttributeError(path.Root(l.attr), "Exceptions need the location set to All",
				l.attr+" excludes users or groups from "+l.exceptionOf+" = [\"All\"]; set "+l.exceptionOf+" to [\"All\"] or drop the exceptions.")
		}
	}
}

func containsFold(vs []string, want string) bool {
	for _, v := range vs {
		if strings.EqualFold(v, want) {
			return true
		}
	}
	return false
}

// newLocationParams adds each set location to the New- cmdlet's parameters.
func newLocationParams[M any](ctx context.Context, m *M, locs []location[M], params map[string]any, diags *diag.Diagnostics) {
	for _, l := range locs {
		if vals := flex.ExpandStringSet(ctx, *l.get(m), diags); len(vals) > 0 {
			params[l.param] = vals
		}
	}
}

// setLocationParams adds Add<Param>/Remove<Param> for the difference between
// state and plan; it reports whether there was any.
func setLocationParams[M any](ctx context.Context, state, plan *M, locs []location[M], params map[string]any, diags *diag.Diagnostics) bool {
	changed := false
	for _, l := range locs {
		add, remove := diffStrings(flex.ExpandStringSet(ctx, *l.get(state), diags), flex.ExpandStringSet(ctx, *l.get(plan), diags))
		if len(add) > 0 {
			params["Add"+l.param] = add
			changed = true
		}
		if len(remove) > 0 {
			params["Remove"+l.param] = remove
			changed = true
		}
	}
	return changed
}

// readLocations sets each location of out from obj, keeping prior's spelling.
func readLocations[M any](obj map[string]any, out, prior *M, locs []location[M]) {
	for _, l := range locs {
		*l.get(out) = flex.FlattenStringSet(readStrings(field(obj, l.param)), *l.get(prior))
	}
}

// locationsMatch reports whether obj's locations are those of m (ignoring case).
func locationsMatch[M any](ctx context.Context, obj map[string]any, m *M, locs []location[M]) bool {
	var d diag.Diagnostics
	for _, l := range locs {
		if !flex.SameStrings(readStrings(field(obj, l.param)), flex.ExpandStringSet(ctx, *l.get(m), &d)) {
			return false
		}
	}
	return true
}

// requireLocation refuses a policy without a location: the service
// accepts one, and a DLP or retention policy that covers nothing looks like a
// control but protects no message. An unknown location may be set.
func requireLocation[M any](ctx context.Context, m *M, locs []location[M], what string, diags *diag.Diagnostics) {
	var names []string
	for _, l := range locs {
		if l.exceptionOf != "" {
			continue
		}
		names = append(names, l.attr)
		s := l.get(m)
		if s.IsUnknown() || len(flex.ExpandStringSet(ctx, *s, diags)) > 0 {
			return
		}
	}
	diags.AddError("No location",
		fmt.Sprintf("A %s needs at least one location, or it applies to nothing: set %s = [\"All\"] (or to specific users and groups)%s.",
			what, names[0], otherLocations(names[1:])))
}

func otherLocations(names []string) string {
	if len(names) == 0 {
		return ""
	}
	return ", and " + strings.Join(names, ", ") + " as needed"
}
