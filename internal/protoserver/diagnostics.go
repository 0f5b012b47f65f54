package protoserver

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// Diagnostics converts framework diagnostics to the protocol's as the
// framework does (its converter, internal/toproto6, is internal): severity,
// summary, detail, and the attribute path of a diagnostic that has one (an
// empty path too). ok is false when a path cannot be converted; the
// framework would then add a diagnostic of its own, so the caller takes the
// framework's path instead.
func Diagnostics(ctx context.Context, diags diag.Diagnostics) (out []*tfprotov6.Diagnostic, ok bool) {
	for _, d := range diags {
		pd := &tfprotov6.Diagnostic{Severity: severity(d.Severity()), Summary: d.Summary(), Detail: d.Detail()}
		if dp, hasPath := d.(diag.DiagnosticWithPath); hasPath {
			ap, converted := attributePath(ctx, dp.Path())
			if !converted {
				return nil, false
			}
			pd.Attribute = ap
		}
		out = append(out, pd)
	}
	return out, true
}

func severity(s diag.Severity) tfprotov6.DiagnosticSeverity {
	switch s {
	case diag.SeverityError:
		return tfprotov6.DiagnosticSeverityError
	case diag.SeverityWarning:
		return tfprotov6.DiagnosticSeverityWarning
	default:
		return tfprotov6.DiagnosticSeverityInvalid
	}
}

func attributePath(ctx context.Context, p path.Path) (*tftypes.AttributePath, bool) {
	var steps []tftypes.AttributePathStep
	for _, step := range p.Steps() {
		switch s := step.(type) {
		case path.PathStepAttributeName:
			steps = append(steps, tftypes.AttributeName(string(s)))
		case path.PathStepElementKeyInt:
			steps = append(steps, tftypes.ElementKeyInt(int64(s)))
		case path.PathStepElementKeyString:
			steps = append(steps, tftypes.ElementKeyString(string(s)))
		case path.PathStepElementKeyValue:
			v, err := s.Value.ToTerraformValue(ctx)
			if err != nil {
				return nil, false
			}
			steps = append(steps, tftypes.ElementKeyValue(v))
		default:
			return nil, false
		}
	}
	return tftypes.NewAttributePathWithSteps(steps), true
}
