// Package framework is what every resource shares, modelled on the aws
// provider's internal/framework (ResourceWithConfigure, WithImportByID,
// WithTimeouts): an embedded base that holds the clients and the type name
// and gives Configure and Metadata (ResourceWithConfigure), the baseline
// ModifyPlan hook (ResourceWithBaseline), import by id (WithImportByID,
// WithImportByGUID), the timeouts block and its one default
// (TimeoutsAttribute, DefaultTimeout), and the one lifecycle of an API
// object (Object). Null versus empty is internal/flex's rule. Every data
// source embeds DataSourceWithConfigure (NewDataSource("teamshipaa_widgets")),
// the same base for a data source, so it is its schema and its Read.
//
// A new Graph resource is its schema, its model and its mapping:
//
//	type widgetResource struct {
//		framework.WithLifecycle[widgetModel, *graph.Widget] // Create, Read, Update, Delete
//		framework.ResourceWithConfigure                     // Configure, Metadata, r.Client
//		framework.WithImportByGUID                          // ImportState
//	}
//
//	func newWidgetResource() resource.Resource {
//		r := &widgetResource{ResourceWithConfigure: framework.NewResource("teamshipaa_widget"),
//			WithImportByGUID: framework.WithImportByGUID{Object: "the widget's object ID"}}
//		r.WithLifecycle = framework.NewLifecycle(r.object)
//		return r
//	}
//
//	// Schema: the attributes, plus "timeouts": framework.TimeoutsAttribute(ctx).
//
//	func (r *widgetResource) object() framework.Object[widgetModel, *graph.Widget] {
//		return framework.Object[widgetModel, *graph.Widget]{What: "widget", TypeName: r.TypeName(),
//			ID: func(m widgetModel) types.String { return m.ID }, Name: ..., Timeouts: ...,
//			Get:     ... r.Client.Graph.GetWidget, absent on a 404 (transport.Found),
//			Flatten: ... the model of a read (flex.FlattenStringSet for sets),
//			Matches: ... whether a read shows what the plan wrote,
//			Create:  ... r.Client.Graph.CreateWidget, returning the new id,
//			Update:  ... r.Client.Graph.UpdateWidget,
//			Remove:  ... r.Client.Graph.DeleteWidget (a 404 is fine),
//			Find:    ... widgets of the planned display name (adopt_existing), optional,
//		}
//	}
//
// named_location_resource.go in internal/service/entra is the worked
// example. A new cmdlet (Security & Compliance) resource is the same with
// T = map[string]any: internal/service/purview's cmdletObject gives Get
// (PendingDeletion counts as gone), Find (waits out a PendingDeletion
// object of the same name), Remove and AwaitGone for a cmdlet noun, so the
// resource writes newParams (New-<noun> parameters), setParams (Set-<noun>
// parameters), fromRead and matches, and embeds purview's cmdletResource
// (newCmdletResource(typeName, r.object): the lifecycle, the baseline base
// and import by name; dlp_policy_resource.go is the example). A resource the baseline catalog governs
// embeds ResourceWithBaseline instead and adds its arguments to its schema
// with AddBaselineSchema. A resource whose no-change plan and refresh the
// protocol server may answer without the framework's per-attribute walks
// implements UnchangedPlanner and StateOnlyReader (unchanged.go; the Teams
// policies, with equivalence tests in internal/service/teams).
package framework
