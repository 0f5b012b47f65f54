// Package existing is what every resource does before it creates an object
// whose name the user chose: an object of that name already in the tenant (one
// an interrupted apply created, or someone else's) is not duplicated. The
// create is refused with the import block that adopts it deliberately, unless
// the resource says adopt_existing = true.
package existing

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// Attr is the opt-in's attribute name (azuread's prevent_duplicate_names is
// the precedent, with the safe reading as the default).
const Attr = "adopt_existing"

// Attribute is the opt-in's schema. what names the object, e.g. "conditional
// access policy" and key what makes two of them the same, e.g. "display name".
func Attribute(what, key string) schema.BoolAttribute {
	return schema.BoolAttribute{
		Optional: true,
		MarkdownDescription: fmt.Sprintf("What a create does when the tenant already has a %s of the same %s (for example one "+
			"an interrupted apply created before Terraform could record it). Unset or `false` (the default): the create is refused "+
			"with the `import` block that brings that %s under Terraform, so nothing is duplicated and nobody's policy is taken over "+
			"unseen. `true`: the existing %s is adopted and this configuration applied to it. The default refuses because in a HIPAA "+
			"tenant an access or data-protection policy that changes owner should do so in a reviewed change (an `import` block, or "+
			"this argument), not as a side effect of an apply. Only read when creating.", what, key, what, what),
	}
}

// Adopt reports whether the plan opts in to adopting an existing object.
func Adopt(ctx context.Context, plan tfsdk.Plan, diags *diag.Diagnostics) bool {
	var v types.Bool
	diags.Append(plan.GetAttribute(ctx, path.Root(Attr), &v)...)
	return v.ValueBool()
}

// ImportBlock is the block that adopts the object of typeName with id.
func ImportBlock(typeName, id string) string {
	return fmt.Sprintf("import {\n  to = %s.<this resource's name>\n  id = %q\n}", typeName, id)
}

// Refuse reports that what (e.g. `DLP policy "PHI"`) exists already.
func Refuse(diags *diag.Diagnostics, typeName, what, id string) {
	diags.AddError(fmt.Sprintf("The %s already exists", what),
		fmt.Sprintf("The tenant already has the %s (id %s), which this configuration does not manage: an earlier apply may have "+
			"created it and been interrupted before saving it, or it was made outside Terraform. Creating another would duplicate it.\n\n"+
			"To manage it with this resource, import it:\n\n%s\n\nor set %s = true on the resource to adopt it on create. To keep both, "+
			"give this one another name.", what, id, ImportBlock(typeName, id), Attr))
}
