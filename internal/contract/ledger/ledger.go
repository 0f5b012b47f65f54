// Package ledger renders the contract ledger, docs/guides/wire-contracts.md:
// every call the provider makes, from the tables the clients enforce
// (internal/clients/*/contract.go) and the Teams parameter tables, so the
// page cannot say something the code does not do.
package ledger

import (
	"fmt"
	"strings"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/clients/adminapi"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/clients/configapi"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/clients/graph"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/contract"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/service/teams"
)

// Tables are the clients' declared operations, in the order the page lists them.
func Tables() []contract.Table {
	return []contract.Table{configapi.Contract, graph.Contract, adminapi.Contract}
}

// Guide is the Markdown page.
func Guide() string {
	var b strings.Builder
	b.WriteString(`---
page_title: "Wire contracts"
subcategory: ""
description: |-
  Every call the provider makes to Microsoft's services: method, path, the body fields it sends, and how well the contract is established, with the source.
---

# Wire contracts

<!-- Generated from internal/clients/*/contract.go (go run ./internal/contract/gen); do not edit. -->

Every request the provider sends is one of the operations below. The clients refuse to send anything else
(a call, a body field or a cmdlet parameter that is not declared here fails before it leaves), and this page is
generated from the same declarations, so it cannot drift from the code.

Evidence levels:

- **documented by Microsoft**: Microsoft documents the call and its shape.
- **observed in public clients**: Microsoft documents the cmdlet and its parameters, not the REST call that carries
  them; the named public clients make the call this way. Microsoft can change these without notice.
- **assumed**: nothing public shows it; the client tolerates other readings, as its note says.

`)
	counts := map[contract.Evidence]int{}
	for _, t := range Tables() {
		for _, o := range t {
			counts[o.Evidence]++
		}
	}
	fmt.Fprintf(&b, "In all: %d operations, %d documented by Microsoft, %d observed in public clients, %d assumed.\n\n",
		counts[contract.Documented]+counts[contract.Observed]+counts[contract.Assumed],
		counts[contract.Documented], counts[contract.Observed], counts[contract.Assumed])

	for _, t := range Tables() {
		writeTable(&b, t)
	}
	writeTeamsParameters(&b)
	return b.String()
}

func writeTable(b *strings.Builder, t contract.Table) {
	cmdlets := t[0].Cmdlet != ""
	fmt.Fprintf(b, "## %s\n\n%s\n\n", heading(t), intro(t))
	if cmdlets {
		b.WriteString("| Operation | Service | Call | Cmdlet | Parameters sent | Evidence | Source | Notes |\n|---|---|---|---|---|---|---|---|\n")
	} else {
		b.WriteString("| Operation | Call | Body fields sent | Evidence | Source | Notes |\n|---|---|---|---|---|---|\n")
	}
	for _, o := range t {
		if cmdlets {
			cmd := "any"
			if o.Cmdlet != "" {
				cmd = code(o.Cmdlet)
			}
			fmt.Fprintf(b, "| %s | %s | `%s %s` | %s | %s | %s | %s | %s |\n", cell(o.Name), cell(o.Service), o.Method, o.Path,
				cmd, fields(o), o.Evidence, cell(o.Source), cell(o.Note))
			continue
		}
		fmt.Fprintf(b, "| %s | `%s %s` | %s | %s | %s | %s |\n", cell(o.Name), o.Method, o.Path, fields(o), o.Evidence, cell(o.Source), cell(o.Note))
	}
	b.WriteString("\n")
}

func heading(t contract.Table) string {
	switch {
	case t[0].Cmdlet != "":
		return "Security & Compliance and Exchange Online admin API (InvokeCommand)"
	case t[0].Service == graph.ServiceName:
		return "Microsoft Graph v1.0"
	}
	return t[0].Service + " (ConfigAPI)"
}

func intro(t contract.Table) string {
	switch {
	case t[0].Cmdlet != "":
		return "Base `https://ps.compliance.protection.outlook.com` (Security & Compliance) or `https://outlook.office365.com` " +
			"(Exchange Online) in the commercial cloud. Every cmdlet is one `POST` whose body is " +
			"`{\"CmdletInput\":{\"CmdletName\":<cmdlet>,\"Parameters\":{...}}}`, binding only the parameters listed (and only those the " +
			"configuration sets)."
	case t[0].Service == graph.ServiceName:
		return "Base `https://graph.microsoft.com/v1.0` in the commercial cloud, through msgraph-sdk-go. Body fields are the top-level " +
			"JSON members; their nested fields are those of the resource pages linked as sources."
	}
	return "Base `https://api.interfaces.records.teams.microsoft.com` in the commercial cloud; after the discovery call every " +
		"request carries `X-MS-Target-Uri`."
}

func writeTeamsParameters(b *strings.Builder) {
	b.WriteString(`## Teams policy parameters

The body of a Teams policy create (` + "`POST`" + `, with ` + "`Identity`" + `) or change (` + "`PUT`" + `) carries only the parameters
the configuration sets, under their cmdlet names below. The names and values are documented by Microsoft on each
cmdlet's page (office-docs-powershell ` + "`teams/teams-ps/MicrosoftTeams/<Cmdlet>.md`" + `); that the REST body uses the same
PascalCase names is observed in public clients (see the Teams admin API table).

| ConfigAPI type | Cmdlet | Instances | Parameters |
|---|---|---|---|
`)
	for _, tp := range teams.WireParameters() {
		inst := "`Global` and `Tag:<name>`"
		if tp.Singleton {
			inst = "`Global` only"
		}
		fmt.Fprintf(b, "| `%s` | `%s` | %s | %s |\n", tp.Type, tp.Cmdlet, inst, strings.Join(tp.Params, ", "))
	}
}

func fields(o *contract.Operation) string {
	var parts []string
	if o.Cmdlet != "" && len(o.Body) == 0 {
		return "none"
	}
	for _, f := range o.Body {
		parts = append(parts, "`"+f+"`")
	}
	s := strings.Join(parts, ", ")
	if o.OpenBody != "" {
		if s != "" {
			s += ", and "
		}
		s += cell(o.OpenBody)
	}
	if s == "" {
		return "none"
	}
	return s
}

func code(s string) string { return "`" + s + "`" }

// cell escapes what would break a Markdown table cell.
func cell(s string) string {
	return strings.NewReplacer("|", `\|`, "\n", " ", "<", "&lt;", ">", "&gt;").Replace(s)
}
