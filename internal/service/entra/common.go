package entra

import (
	"context"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

const (
	// defaultTimeout bounds a write and the wait for it to read back, unless
	// the configuration's timeouts block says otherwise.
	defaultTimeout = 10 * time.Minute

	permissionsCA = "\n\n**Permissions.** The app registration needs these Microsoft Graph application permissions, admin-consented: " +
		"`Policy.Read.All` (read), `Policy.ReadWrite.ConditionalAccess` (create, update, delete) and `Application.Read.All` " +
		"(the service checks application IDs in conditions against it). A 403 `Authorization_RequestDenied` names the missing one. " +
		"The provider uses Graph v1.0 only."
)

var guidRE = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)

// backticked renders values as `a`, `b`, `c` for descriptions.
func backticked(vs []string) string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = "`" + v + "`"
	}
	return strings.Join(out, ", ")
}

// setStrings returns the elements of a known set; nil for null, unknown or empty.
func setStrings(ctx context.Context, s types.Set, diags *diag.Diagnostics) []string {
	if s.IsNull() || s.IsUnknown() {
		return nil
	}
	var out []string
	diags.Append(s.ElementsAs(ctx, &out, false)...)
	slices.Sort(out)
	return out
}

// setFrom is the state value of a set the service returned. Empty is null:
// the schema refuses empty sets, so a configuration can only mean "none" by
// leaving the attribute out. An element equal, ignoring case, to one in prior
// (the plan or the previous state) keeps prior's spelling, so a GUID the
// service returns in another case is not a change.
func setFrom(got []string, prior types.Set) types.Set {
	if len(got) == 0 {
		return types.SetNull(types.StringType)
	}
	var spelled []string
	if !prior.IsNull() && !prior.IsUnknown() {
		for _, e := range prior.Elements() {
			if s, ok := e.(types.String); ok && !s.IsNull() && !s.IsUnknown() {
				spelled = append(spelled, s.ValueString())
			}
		}
	}
	seen := map[string]bool{}
	elems := make([]attr.Value, 0, len(got))
	for _, g := range got {
		for _, p := range spelled {
			if strings.EqualFold(p, g) {
				g = p
				break
			}
		}
		if k := strings.ToLower(g); !seen[k] {
			seen[k] = true
			elems = append(elems, types.StringValue(g))
		}
	}
	return types.SetValueMust(types.StringType, elems)
}

// known reports whether v is neither null nor unknown.
func known(v attr.Value) bool { return v != nil && !v.IsNull() && !v.IsUnknown() }

// setHas reports whether a known set holds s (ignoring case).
func setHas(s types.Set, want string) bool {
	if !known(s) {
		return false
	}
	for _, e := range s.Elements() {
		if v, ok := e.(types.String); ok && strings.EqualFold(v.ValueString(), want) {
			return true
		}
	}
	return false
}

// setNonEmpty reports whether a set may hold elements: known and non-empty,
// or unknown (it will be known at apply time; assume it is not empty).
func setNonEmpty(s types.Set) bool {
	if s.IsNull() {
		return false
	}
	return s.IsUnknown() || len(s.Elements()) > 0
}

func str(v types.String) string {
	if v.IsNull() || v.IsUnknown() {
		return ""
	}
	return v.ValueString()
}

func strOrNull(s string) types.String {
	if s == "" {
		return types.StringNull()
	}
	return types.StringValue(s)
}

// sameStrings compares two lists as sets, ignoring case.
func sameStrings(a, b []string) bool {
	norm := func(vs []string) []string {
		out := make([]string, 0, len(vs))
		for _, v := range vs {
			out = append(out, strings.ToLower(v))
		}
		slices.Sort(out)
		return slices.Compact(out)
	}
	return slices.Equal(norm(a), norm(b))
}
