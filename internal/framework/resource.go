package framework

import (
	"context"
	"fmt"
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/conns"
	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/service/baselinecheck"
)

// ResourceWithConfigure is embedded by every resource: it holds the
// provider's clients (set by Configure) and the resource's type name (given
// to Metadata), so a resource declares neither.
type ResourceWithConfigure struct {
	// Client is nil until Configure ran: dereference it only in CRUD methods.
	Client   *conns.Client
	typeName string
}

// NewResource is the base of the resource of typeName, e.g. "teamshipaa_named_location".
func NewResource(typeName string) ResourceWithConfigure {
	return ResourceWithConfigure{typeName: typeName}
}

// TypeName is the resource's Terraform type, e.g. teamshipaa_named_location.
func (r *ResourceWithConfigure) TypeName() string { return r.typeName }

// Metadata gives Terraform the type name.
func (r *ResourceWithConfigure) Metadata(_ context.Context, _ resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = r.typeName
}

// Configure keeps the provider's clients.
func (r *ResourceWithConfigure) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.Client = conns.FromProviderData(req.ProviderData, &resp.Diagnostics)
}

// ResourceWithBaseline is ResourceWithConfigure for a resource the baseline
// catalog governs: its schema carries baseline_profile and
// baseline_exceptions (AddBaselineSchema), and its plan reports deviations.
type ResourceWithBaseline struct {
	ResourceWithConfigure
}

// NewBaselineResource is the base of a governed resource of typeName.
func NewBaselineResource(typeName string) ResourceWithBaseline {
	return ResourceWithBaseline{ResourceWithConfigure: NewResource(typeName)}
}

// AddBaselineSchema adds the baseline arguments to a schema's attributes.
func (r *ResourceWithBaseline) AddBaselineSchema(attrs map[string]schema.Attribute) {
	baselinecheck.AddSchema(r.typeName, attrs)
}

// ModifyPlan reports planned values that depart from the baseline catalog.
// service, when given, reads the tenant's values of attributes a create
// leaves unset, so those are judged too.
func (r *ResourceWithBaseline) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	r.CheckBaseline(ctx, req, resp)
}

// CheckBaseline is ModifyPlan for a resource that does more in its own.
func (r *ResourceWithBaseline) CheckBaseline(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse, service ...baselinecheck.ServiceValuesFunc) {
	baselinecheck.ModifyPlan(ctx, r.typeName, r.Client, req, resp, service...)
}

// WithImportByID imports an object by the id Terraform is given, as is.
type WithImportByID struct{}

// ImportState saves the import id as the id attribute; Read does the rest.
func (WithImportByID) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	resource.ImportStatePassthroughID(ctx, path.Root("id"), req, resp)
}

// GUID is an object id of Microsoft Entra or Graph.
var GUID = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)

// WithImportByGUID imports an object by its object id, refusing anything
// that is not a GUID before a request is made.
type WithImportByGUID struct {
	// Object names the expected id in the error: "the policy's object ID".
	Object string
}

// ImportState checks the id is a GUID and saves it as the id attribute.
func (w WithImportByGUID) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	if !GUID.MatchString(req.ID) {
		resp.Diagnostics.AddError("Unexpected import ID", fmt.Sprintf("Expected %s (a GUID), got %q.", w.Object, req.ID))
		return
	}
	resource.ImportStatePassthroughID(ctx, path.Root("id"), req, resp)
}
