package protoserver

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// UpgradeResourceState decodes the stored state of an opted-in type at the
// schema's version directly, and hands everything else to the framework.
func (s *Server) UpgradeResourceState(ctx context.Context, req *tfprotov6.UpgradeResourceStateRequest) (*tfprotov6.UpgradeResourceStateResponse, error) {
	if resp := s.upgradeDirect(ctx, req); resp != nil {
		s.answered.Add(1)
		return resp, nil
	}
	return s.ProviderServer.UpgradeResourceState(ctx, req)
}

// upgradeDirect is the framework's UpgradeResourceState (internal/fwserver
// server_upgraderesourcestate.go, v1.19.0) when the stored state is JSON at
// the schema's version: the framework decodes it with the schema's type,
// ignoring attributes the schema no longer has, and encodes it again
// (ReifyNullCollectionBlocks: no blocks; no resource code runs). tftypes'
// JSON decoder makes a json.Decoder per attribute (a fifth of the bytes a
// 500-policy plan allocated); this decodes the state once, then converts it
// with tftypes' rules (ValueFromJSONWithOpts). Anything those rules would
// refuse goes to the framework, for its error. nil means the framework's path.
func (s *Server) upgradeDirect(ctx context.Context, req *tfprotov6.UpgradeResourceStateRequest) *tfprotov6.UpgradeResourceStateResponse {
	if req.RawState == nil || req.RawState.JSON == nil {
		return nil
	}
	dt := s.directTypes(ctx)[req.TypeName]
	if dt == nil || (dt.plan != "" && dt.read != "") || req.Version != dt.schema.Version {
		return nil
	}
	dec := json.NewDecoder(bytes.NewReader(req.RawState.JSON))
	dec.UseNumber()
	var raw any
	if err := dec.Decode(&raw); err != nil || dec.More() {
		return nil
	}
	v, err := fromJSON(raw, dt.typ)
	if err != nil {
		return nil
	}
	dv, err := tfprotov6.NewDynamicValue(dt.typ, v)
	if err != nil {
		return nil
	}
	return &tfprotov6.UpgradeResourceStateResponse{UpgradedState: &dv}
}

var errUnsupported = errors.New("left to tftypes")

// fromJSON converts a value decoded with UseNumber to typ as tftypes'
// ValueFromJSONWithOpts (IgnoreUndefinedAttributes) does: strings also from
// numbers and booleans, numbers also from strings (512-bit, nearest even),
// booleans also from "true"/"1"/"false"/"0" and the numbers 1 and 0, empty
// collections kept empty (not null), an object's missing attributes null.
// Dynamic types and tuples are not converted here.
func fromJSON(v any, typ tftypes.Type) (tftypes.Value, error) {
	if v == nil {
		return tftypes.NewValue(typ, nil), nil
	}
	switch {
	case typ.Is(tftypes.String):
		switch t := v.(type) {
		case string:
			return tftypes.NewValue(typ, t), nil
		case json.Number:
			return tftypes.NewValue(typ, string(t)), nil
		case bool:
			return tftypes.NewValue(typ, fmt.Sprint(t)), nil
		}
	case typ.Is(tftypes.Number):
		var s string
		switch t := v.(type) {
		case json.Number:
			s = string(t)
		case string:
			s = t
		default:
			return tftypes.Value{}, errUnsupported
		}
		f, _, err := big.ParseFloat(s, 10, 512, big.ToNearestEven)
		if err != nil {
			return tftypes.Value{}, err
		}
		return tftypes.NewValue(typ, f), nil
	case typ.Is(tftypes.Bool):
		switch t := v.(type) {
		case bool:
			return tftypes.NewValue(typ, t), nil
		case string, json.Number:
			switch fmt.Sprint(t) {
			case "true", "1":
				if _, isNum := t.(json.Number); !isNum || t == json.Number("1") {
					return tftypes.NewValue(typ, true), nil
				}
			case "false", "0":
				if _, isNum := t.(json.Number); !isNum || t == json.Number("0") {
					return tftypes.NewValue(typ, false), nil
				}
			}
		}
	case typ.Is(tftypes.List{}), typ.Is(tftypes.Set{}):
		var et tftypes.Type
		if l, ok := typ.(tftypes.List); ok {
			et = l.ElementType
		} else if st, ok := typ.(tftypes.Set); ok {
			et = st.ElementType
		}
		arr, ok := v.([]any)
		if !ok || et == nil || et.Is(tftypes.DynamicPseudoType) {
			return tftypes.Value{}, errUnsupported
		}
		vals := make([]tftypes.Value, 0, len(arr))
		for _, e := range arr {
			ev, err := fromJSON(e, et)
			if err != nil {
				return tftypes.Value{}, err
			}
			vals = append(vals, ev)
		}
		return tftypes.NewValue(typ, vals), nil
	case typ.Is(tftypes.Map{}):
		et := typ.(tftypes.Map).ElementType //nolint:forcetypeassert // Is guarantees it
		obj, ok := v.(map[string]any)
		if !ok || et.Is(tftypes.DynamicPseudoType) {
			return tftypes.Value{}, errUnsupported
		}
		vals := make(map[string]tftypes.Value, len(obj))
		for k, e := range obj {
			ev, err := fromJSON(e, et)
			if err != nil {
				return tftypes.Value{}, err
			}
			vals[k] = ev
		}
		return tftypes.NewValue(typ, vals), nil
	case typ.Is(tftypes.Object{}):
		ot := typ.(tftypes.Object) //nolint:forcetypeassert // Is guarantees it
		obj, ok := v.(map[string]any)
		if !ok || len(ot.OptionalAttributes) > 0 {
			return tftypes.Value{}, errUnsupported
		}
		vals := make(map[string]tftypes.Value, len(ot.AttributeTypes))
		for k, at := range ot.AttributeTypes {
			av, err := fromJSON(obj[k], at)
			if err != nil {
				return tftypes.Value{}, err
			}
			vals[k] = av
		}
		return tftypes.NewValue(tftypes.Object{AttributeTypes: ot.AttributeTypes}, vals), nil
	}
	return tftypes.Value{}, errUnsupported
}
