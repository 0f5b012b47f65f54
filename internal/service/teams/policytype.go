// Package teams holds the Terraform resources and data sources for the Teams
// admin ConfigAPI (Skype.Policy configurations).
package teams

// Kind is the wire and schema type of one cmdlet parameter.
type Kind int

const (
	// Bool is a JSON boolean, a Terraform bool.
	Bool Kind = iota
	// String is free text.
	String
	// Enum is a string restricted to Values.
	Enum
	// Int is a JSON number, a Terraform int64.
	Int
	// StringList is a JSON array of strings, a Terraform set of strings.
	StringList
	// IDList is a Terraform set of strings (app ids) sent as a JSON array of
	// objects [{"Id":"<id>"}]; reading accepts objects with an Id member (any
	// case of the key) and plain strings.
	IDList
	// DomainList is a Terraform set of strings (domain names) sent as a JSON
	// array of objects [{"Domain":"<name>"}]; reading accepts objects with a
	// Domain member (any case of the key) and plain strings.
	DomainList
	// DomainAllowList is TenantFederationSettings.AllowedDomains: a Terraform
	// set of domain names, or the single element "AllowAllKnownDomains". On the
	// wire it is {"AllowedDomain":[{"Domain":"<name>"}...]} (an explicit allow
	// list; empty means no domain is allowed) or {} (every domain not blocked).
	// See external_access_params.go for the evidence.
	DomainAllowList
)

// Param describes one parameter of a Set-Cs* cmdlet: its PascalCase wire name,
// its snake_case attribute name, type and, for enums, the allowed values.
// Schema, validators and JSON mapping are all derived from it.
type Param struct {
	Name        string   // wire name, e.g. "AllowCloudRecording"
	Attr        string   // Terraform attribute, e.g. "allow_cloud_recording"
	Kind        Kind     // type
	Values      []string // allowed values when Kind is Enum
	Description string   // one sentence from the cmdlet documentation
	Min, Max    *int64   // inclusive bounds when Kind is Int (nil = unbounded)
}

// PolicyType describes one ConfigAPI configuration type.
type PolicyType struct {
	Type      string  // ConfigAPI type, e.g. "TeamsMeetingPolicy"
	Cmdlet    string  // documented cmdlet, e.g. "Set-CsTeamsMeetingPolicy"
	Resource  string  // resource name without the provider prefix, e.g. "meeting_policy"
	Title     string  // human name, e.g. "Teams meeting policy"
	Singleton bool    // exists once as Global; never created or deleted
	Params    []Param // every parameter the resource models
	// Assignment says whether teamshipaa_policy_assignment can assign the
	// type (to groups with a rank, or as the tenant-wide default).
	Assignment Assignment
	// Presets are Microsoft's preset instances (names without Tag:), present
	// in every tenant besides Global; the list data source marks them built in.
	Presets []string
	// Notes is extra Markdown for the resource's documentation page, e.g. a
	// caveat Microsoft documents about the object.
	Notes string
}

// Assignment is how a policy type can be assigned to users.
type Assignment int

const (
	// NotAssignable types are tenant-wide configurations (the singletons):
	// there is nothing to assign.
	NotAssignable Assignment = iota
	// GroupOrTenant types are assigned to groups with a rank
	// (New-CsGroupPolicyAssignment) or made the tenant-wide default
	// (Grant-Cs<Type> -Global).
	GroupOrTenant
	// TenantOnly types can only be the tenant-wide default: Microsoft's
	// New-CsGroupPolicyAssignment page lists them among the types it does not
	// support for groups.
	TenantOnly
)

func i64(v int64) *int64 { return &v }
