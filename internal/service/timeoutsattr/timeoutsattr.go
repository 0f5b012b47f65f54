// Package timeoutsattr is the `timeouts` attribute of the resources that
// wait for Microsoft: create, update and delete, each described with the
// default that applies when it is left out, so the documentation states it.
package timeoutsattr

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
)

// short spells whole minutes as Terraform users write them: 10m, not 10m0s.
func short(d time.Duration) string {
	if d%time.Minute == 0 {
		return fmt.Sprintf("%dm", d/time.Minute)
	}
	return d.String()
}

// Attributes returns the timeouts attribute with def as every default.
func Attributes(ctx context.Context, def time.Duration) schema.Attribute {
	d := func(op, what string) string {
		return "How long " + op + " may take, " + what + ", as a duration string such as `30s` or `15m`. Default: `" +
			short(def) + "`."
	}
	return timeouts.Attributes(ctx, timeouts.Opts{
		Create:            true,
		Update:            true,
		Delete:            true,
		CreateDescription: d("a create", "including the wait for the object to read back as planned"),
		UpdateDescription: d("an update", "including retries while an earlier change is still being deployed and the read-back"),
		DeleteDescription: d("a delete", "including the wait until the object is gone"),
	})
}
