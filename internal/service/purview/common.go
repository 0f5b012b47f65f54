package purview

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/clients/adminapi"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/poll"
)

// Permission paragraphs of every page.
const (
	compliancePermissions = "\n\n## Permissions\n\nCalls go to the Security & Compliance admin API (`InvokeCommand`, token audience " +
		"`https://ps.compliance.protection.outlook.com`). The app registration needs the application permission **Exchange.ManageAsApp** " +
		"of *Office 365 Exchange Online*, and its service principal the Microsoft Entra role **Compliance Administrator** " +
		"(or a Purview role group holding the DLP / retention management roles). Without them calls fail with HTTP 401 or 403, and the error says so."
	exchangePermissions = "\n\n## Permissions\n\nCalls go to the Exchange Online admin API (`InvokeCommand`, token audience " +
		"`https://outlook.office365.com`). The app registration needs the application permission **Exchange.ManageAsApp** of " +
		"*Office 365 Exchange Online*, and its service principal an Exchange role that holds **Audit Logs** (for example through the " +
		"*Compliance Management* or *Organization Management* role group, or the Entra role Compliance Administrator)."
	wireNote = "\n\nMicrosoft documents the cmdlets, not the REST calls behind them; this resource sends the cmdlet through the " +
		"`InvokeCommand` endpoint the ExchangeOnlineManagement module uses, as public clients observe it."
)

func addWarnings(diags *diag.Diagnostics, c *adminapi.Client, res adminapi.Result) {
	for _, w := range res.Warnings {
		diags.AddWarning(c.Service()+" warning", w)
	}
}

// ---- reading the service's shapes -----------------------------------------

// readString reads a scalar the service may send as a string, a number, an
// "enum collision" object {"value": 3, "Value": "Enforce"}, or a one-element list.
func readString(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case bool:
		return strconv.FormatBool(x)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case map[string]any:
		for _, k := range []string{"Value", "Name", "name", "value"} {
			if s, ok := x[k].(string); ok {
				return s
			}
		}
	case []any:
		if len(x) > 0 {
			return readString(x[0])
		}
	}
	return fmt.Sprint(v)
}

// readBool reads true/false sent as a JSON bool or a string ("True").
func readBool(v any) (bool, bool) {
	switch x := v.(type) {
	case bool:
		return x, true
	case string:
		b, err := strconv.ParseBool(strings.TrimSpace(x))
		return b, err == nil
	}
	return false, false
}

// readInt reads an integer sent as a JSON number or a string ("1").
func readInt(v any) (int64, bool) {
	switch x := v.(type) {
	case float64:
		return int64(x), true
	case string:
		n, err := strconv.ParseInt(strings.TrimSpace(x), 10, 64)
		return n, err == nil
	}
	return 0, false
}

// readStrings reads a multi-valued property. The service sends lists of
// strings (["All"]), lists of objects whose Name is the value (locations:
// [{"Name":"All","DisplayName":...}]), a single string, or null.
func readStrings(v any) []string {
	var out []string
	add := func(s string) {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	switch x := v.(type) {
	case nil:
	case string:
		add(x)
	case []any:
		for _, e := range x {
			switch y := e.(type) {
			case string:
				add(y)
			case map[string]any:
				for _, k := range []string{"Name", "name", "PrimarySmtpAddress", "Identity", "DisplayName"} {
					if s, ok := y[k].(string); ok && s != "" {
						add(s)
						break
					}
				}
			default:
				add(readString(y))
			}
		}
	default:
		add(readString(x))
	}
	return out
}

// field returns obj[name], matching the name case-insensitively.
func field(obj map[string]any, name string) any {
	if v, ok := obj[name]; ok {
		return v
	}
	for k, v := range obj {
		if strings.EqualFold(k, name) {
			return v
		}
	}
	return nil
}

// pendingDeletion reports an object the service is removing: it counts as gone.
func pendingDeletion(obj map[string]any) bool {
	return strings.EqualFold(readString(field(obj, "Mode")), "PendingDeletion")
}

// ---- Terraform values -----------------------------------------------------

// diffStrings returns the values to add to and remove from old to get want,
// ignoring case; both sorted.
func diffStrings(old, want []string) (add, remove []string) {
	has := func(list []string, v string) bool {
		for _, x := range list {
			if strings.EqualFold(x, v) {
				return true
			}
		}
		return false
	}
	for _, v := range want {
		if !has(old, v) {
			add = append(add, v)
		}
	}
	for _, v := range old {
		if !has(want, v) {
			remove = append(remove, v)
		}
	}
	sort.Strings(add)
	sort.Strings(remove)
	return add, remove
}

// ---- waiting --------------------------------------------------------------

// whileDeploying runs call until the service stops refusing it because an
// earlier change is still being deployed, within timeout. Any other outcome
// (success or another error) ends the wait.
func whileDeploying(ctx context.Context, timeout time.Duration, what string, call func(context.Context) (adminapi.Result, error)) (adminapi.Result, error) {
	var res adminapi.Result
	var callErr, lastRefusal error
	err := poll.Until(ctx, poll.Options{Timeout: timeout, Interval: time.Second, MaxInt: 15 * time.Second}, what+" to be accepted (earlier changes are still being deployed)",
		func(ctx context.Context) (bool, error) {
			r, err := call(ctx)
			res.Warnings = append(res.Warnings, r.Warnings...)
			if adminapi.IsBeingDeployed(err) {
				lastRefusal = err
				return false, nil
			}
			callErr = err
			return true, nil
		})
	if err != nil {
		if errors.Is(err, poll.ErrTimeout) && lastRefusal != nil {
			return res, fmt.Errorf("%w; the service's last answer: %v", err, lastRefusal)
		}
		return res, err
	}
	return res, callErr
}

// readBack polls read until it finds the object and match accepts it (the
// service's reads can lag its writes).
func readBack(ctx context.Context, timeout time.Duration, what string, read adminapi.ReadFunc, match func(map[string]any) bool) (map[string]any, error) {
	return poll.ReadBack(ctx, poll.Options{Timeout: timeout}, what+" to read back as written", poll.Read[map[string]any](read), match)
}

// identityReads are the parameters a Get- cmdlet is sent with beside
// -Identity. Get-RetentionCompliancePolicy.md: without -DistributionDetail
// "the values of the DistributionStatus and *Location properties won't be
// accurate" (its Example 2 reads one policy with -Identity and the switch;
// Microsoft365DSC MSFT_SCRetentionCompliancePolicy and CIPP-API read it so).
var identityReads = map[string]map[string]any{"Get-RetentionCompliancePolicy": {"DistributionDetail": true}}

// getOne reads the object identity with cmdlet, as the service has it
// (PendingDeletion included), with the cmdlet's identityReads.
func getOne(ctx context.Context, c *adminapi.Client, cmdlet, identity string) (map[string]any, bool, error) {
	obj, found, _, err := c.Get(ctx, cmdlet, identity, identityReads[cmdlet])
	return obj, found, err
}

// getter is the ReadFunc of cmdlet for identity, treating PendingDeletion as gone.
func getter(c *adminapi.Client, cmdlet, identity string) adminapi.ReadFunc {
	return func(ctx context.Context) (map[string]any, bool, error) {
		obj, found, err := getOne(ctx, c, cmdlet, identity)
		if err != nil || !found || pendingDeletion(obj) {
			return nil, false, err
		}
		return obj, true, nil
	}
}
