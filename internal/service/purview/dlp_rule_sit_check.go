package purview

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/conns"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/flex"
)

// checkSITsExist refuses, at plan time, a sensitive information type the
// tenant does not have: the service's own error names a PowerShell
// cmdlet and comes only at apply. It reads the tenant's list once per
// configured provider (one terraform command). Without a configured client
// (validation, an unknown provider argument) or when the list cannot be read
// (a missing role: apply reports it with the request id), the check is left
// to apply.
func checkSITsExist(ctx context.Context, c *conns.Client, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if c == nil || c.Compliance == nil || req.Plan.Raw.IsNull() {
		return
	}
	var cond types.Object
	p := path.Root("content_contains_sensitive_information")
	if req.Config.GetAttribute(ctx, p, &cond).HasError() {
		return
	}
	cm, ok := conditionOf(ctx, cond, &resp.Diagnostics)
	if !ok {
		return
	}
	var wanted []sitModel
	wanted = append(wanted, sitsOf(ctx, cm.SensitiveTypes, &resp.Diagnostics)...)
	for _, g := range groupsOf(ctx, cm.Groups, &resp.Diagnostics) {
		wanted = append(wanted, sitsOf(ctx, g.SensitiveTypes, &resp.Diagnostics)...)
	}
	if len(wanted) == 0 || resp.Diagnostics.HasError() {
		return
	}
	all, err := sitCatalog.get(ctx, c)
	if err != nil {
		return
	}
	names, ids := map[string]string{}, map[string]bool{} // name -> id
	for _, s := range all {
		names[strings.ToLower(s.name)] = strings.ToLower(s.id)
		ids[strings.ToLower(s.id)] = true
	}
	var missing []string
	for _, w := range wanted {
		id, nameFound := names[strings.ToLower(w.Name.ValueString())]
		switch {
		case flex.Known(w.Name) && !nameFound:
			missing = append(missing, fmt.Sprintf("name %q%s", w.Name.ValueString(), closest(w.Name.ValueString(), all)))
		case flex.Known(w.ID) && !ids[strings.ToLower(w.ID.ValueString())]:
			missing = append(missing, fmt.Sprintf("id %q", w.ID.ValueString()))
		case flex.Known(w.Name) && flex.Known(w.ID) && id != strings.ToLower(w.ID.ValueString()):
			// Both are allowed (an import writes both), but they must name one
			// type: the service refuses a pair that names two.
			resp.Diagnostics.AddAttributeError(p, "Name and id of two different sensitive information types",
				fmt.Sprintf("%q has the id %q, not %q. Give the name or the id alone, or both of the same type.",
					w.Name.ValueString(), id, w.ID.ValueString()))
		}
	}
	if len(missing) == 0 {
		return
	}
	sort.Strings(missing)
	resp.Diagnostics.AddAttributeError(p, "Unknown sensitive information type",
		fmt.Sprintf("The tenant has no sensitive information type with %s (%d types listed). Look the types up with the "+
			"teamshipaa_sensitive_information_types data source, e.g.\n\n"+
			"  data \"teamshipaa_sensitive_information_types\" \"phi\" {\n    names = [\"U.S. Social Security Number (SSN)\"]\n  }\n\n"+
			"and use its ids (data.teamshipaa_sensitive_information_types.phi.ids[\"<name>\"]), or list them all by leaving names out.",
			strings.Join(missing, "; "), len(all)))
}

// closest suggests a type whose name contains, or is contained in, the
// given one (ignoring case): a partial or abbreviated name.
func closest(name string, all []sit) string {
	n := strings.ToLower(strings.TrimSpace(name))
	if len(n) < 3 {
		return ""
	}
	var cands []string
	for _, s := range all {
		l := strings.ToLower(s.name)
		if strings.Contains(l, n) || strings.Contains(n, l) {
			cands = append(cands, s.name)
		}
	}
	if len(cands) == 0 || len(cands) > 3 {
		return ""
	}
	sort.Strings(cands)
	return " (did you mean " + strings.Join(quoteAll(cands), " or ") + "?)"
}

// sitCache holds the tenant's types per configured client; a failed read is
// not kept.
type sitCache struct {
	mu    sync.Mutex
	lists map[*conns.Client][]sit
}

var sitCatalog = &sitCache{lists: map[*conns.Client][]sit{}}

func (c *sitCache) get(ctx context.Context, cl *conns.Client) ([]sit, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if l, ok := c.lists[cl]; ok {
		return l, nil
	}
	l, _, err := listSITs(ctx, cl)
	if err != nil {
		return nil, err
	}
	c.lists[cl] = l
	return l, nil
}
