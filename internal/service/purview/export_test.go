package purview

// WhileDeploying lets the sweepers retry a removal through the "being
// deployed" window exactly as the resources do.
var WhileDeploying = whileDeploying
