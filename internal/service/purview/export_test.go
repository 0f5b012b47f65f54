package purview

// WhileDeploying lets the sweepers retry a removal through the "being
// deployed" window exactly as the resources do.
var WhileDeploying = whileDeploying

// ListRetentionPolicies lets the sweepers find Teams retention policies under
// either reading of the plain list, as the provider does.
var ListRetentionPolicies = listRetentionPolicies
