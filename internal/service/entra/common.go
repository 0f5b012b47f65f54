package entra

import (
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/flex"
)

const (
	permissionsCA = "\n\n**Permissions.** The app registration needs these Microsoft Graph application permissions, admin-consented: " +
		"`Policy.Read.All` (read), `Policy.ReadWrite.ConditionalAccess` (create, update, delete) and `Application.Read.All` " +
		"(the service checks application IDs in conditions against it). A 403 `Authorization_RequestDenied` names the missing one. " +
		"The provider uses Graph v1.0 only."
)

// setHas reports whether a known set holds s (ignoring case).
func setHas(s types.Set, want string) bool {
	if !flex.Known(s) {
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
