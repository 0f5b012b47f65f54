// Package intune holds the Microsoft Intune (Graph v1.0) resources: app
// protection policies for iOS and Android, which keep Teams data on personal
// phones inside protected apps that can be wiped.
package intune

import "github.com/hashicorp/terraform-plugin-framework/resource"

// Resources returns the Intune resources.
func Resources() []func() resource.Resource {
	return []func() resource.Resource{newIOSResource, newAndroidResource}
}
