// Package clouds names the hosts and token audiences of each Microsoft cloud
// the provider can talk to.
package clouds

import "sort"

// Surface is one of the APIs the provider calls.
type Surface string

const (
	Login      Surface = "login"
	Graph      Surface = "graph"
	Teams      Surface = "teams"
	Compliance Surface = "compliance"
	Exchange   Surface = "exchange"
)

// Surfaces lists every surface in a stable order.
var Surfaces = []Surface{Login, Graph, Teams, Compliance, Exchange}

// Cloud holds one environment's base URLs and token audiences.
type Cloud struct {
	Name      string
	Endpoints map[Surface]string // base URL per surface
	Audiences map[Surface]string // token audience per surface (not Login)
}

// teamsAudience is the "Skype and Teams Tenant Admin API" application; it is
// the same in every cloud.
const teamsAudience = "48ac35b8-9aa8-4d74-927d-1f4a14a0b239"

var clouds = map[string]Cloud{
	"public": {
		Name: "public",
		Endpoints: map[Surface]string{
			Login:      "https://login.microsoftonline.com",
			Graph:      "https://graph.microsoft.com",
			Teams:      "https://api.interfaces.records.teams.microsoft.com",
			Compliance: "https://ps.compliance.protection.outlook.com",
			Exchange:   "https://outlook.office365.com",
		},
		Audiences: map[Surface]string{
			Graph:      "https://graph.microsoft.com",
			Teams:      teamsAudience,
			Compliance: "https://ps.compliance.protection.outlook.com",
			Exchange:   "https://outlook.office365.com",
		},
	},
	// GCC High.
	"usgovernment": {
		Name: "usgovernment",
		Endpoints: map[Surface]string{
			Login:      "https://login.microsoftonline.us",
			Graph:      "https://graph.microsoft.us",
			Teams:      "https://api.interfaces.records.gov.teams.microsoft.us",
			Compliance: "https://ps.compliance.protection.office365.us",
			Exchange:   "https://outlook.office365.us",
		},
		Audiences: map[Surface]string{
			Graph:      "https://graph.microsoft.us",
			Teams:      teamsAudience,
			Compliance: "https://ps.compliance.protection.office365.us",
			Exchange:   "https://outlook.office365.us",
		},
	},
	// DoD. Sources (checked):
	//   - Exchange: host and audience https://outlook-dod.office365.us, as
	//     cisagov/ScubaGear EXORestHelper.psm1 (Get-ExchangeOnlineScope,
	//     Get-ExchangeOnlineApiEndpoint: "dod"), Microsoft365DSC and the
	//     ExchangeOnlineManagement module ("USGovernmentL5") use; it replaces
	//     webmail.apps.mil, which no public client calls the admin API on.
	//   - Security & Compliance: the host is Microsoft's Connect-IPPSSession
	//     documentation for DoD, https://l5.ps.compliance.protection.office365.us;
	//     the token audience is the bare https://ps.compliance.protection.office365.us
	//     that ScubaGear (Get-ComplianceScope "dod") requests, and that a public
	//     test pairs with the l5 host. ScubaGear sends DoD requests to the bare
	//     host; the front end redirects to the tenant's regional host either way.
	//   - Teams: api.interfaces.records.dod.teams.microsoft.us is go-teams'
	//     DoD endpoint; ScubaGear's tests use the gov.teams host for DoD. Nothing
	//     from Microsoft settles it; the endpoints block overrides it.
	"dod": {
		Name: "dod",
		Endpoints: map[Surface]string{
			Login:      "https://login.microsoftonline.us",
			Graph:      "https://dod-graph.microsoft.us",
			Teams:      "https://api.interfaces.records.dod.teams.microsoft.us",
			Compliance: "https://l5.ps.compliance.protection.office365.us",
			Exchange:   "https://outlook-dod.office365.us",
		},
		Audiences: map[Surface]string{
			Graph:      "https://dod-graph.microsoft.us",
			Teams:      teamsAudience,
			Compliance: "https://ps.compliance.protection.office365.us",
			Exchange:   "https://outlook-dod.office365.us",
		},
	},
}

// Lookup returns the named cloud.
func Lookup(name string) (Cloud, bool) {
	c, ok := clouds[name]
	return c, ok
}

// Names lists the known environment names.
func Names() []string {
	out := make([]string, 0, len(clouds))
	for n := range clouds {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}
