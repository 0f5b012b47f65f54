package configapi

import (
	"context"
	"net/http"
	"net/url"
	"strings"
)

// Policy assignment. Microsoft documents the cmdlets (New/Get/Set/Remove-
// CsGroupPolicyAssignment, Grant-Cs<Type>Policy -Group/-Global), not the REST
// calls behind them. The routes here are the ones terraprovider/go-teams
// teamsapi/invoke.go (commit 460f6966, "routes decompiled from
// {Group,Global}GrantPolicy") uses, with the GET and DELETE of the same item
// path that its derived catalog (spec/catalog/autorest-cmdlets.json:
// GroupGetPolicyAssignment, GroupRemovePolicyAssignment under
// /Skype.Policy/groupPolicyAssignments/) implies; rank semantics are the
// cmdlet docs':
//
//	GET    /Skype.Policy/groupPolicyAssignments/{GroupId}/policyTypes/{Type}
//	PATCH  /Skype.Policy/groupPolicyAssignments/{GroupId}/policyTypes/{Type}  {"PolicyName","Rank"}
//	DELETE /Skype.Policy/groupPolicyAssignments/{GroupId}/policyTypes/{Type}
//	GET    /Skype.Policy/tenants/policies/{Type}                              {"PolicyType","PolicyName"}
//	PATCH  /Skype.Policy/tenants/policies/{Type}                              {"PolicyName"}
//
// PATCH creates or updates, so a repeated write is harmless. An older client
// generation POSTs {"PolicyType","PolicyName","GroupId","Rank"} to the
// collection instead; the item form is the newer and idempotent one. The
// answers' key casing is not documented, so they are read case-insensitively.

// GroupAssignment is one policy assigned to one group.
type GroupAssignment struct {
	PolicyType string
	PolicyName string // bare name, without Tag:
	GroupID    string
	Rank       int64
}

func groupAssignmentPath(policyType, groupID string) string {
	return "/Skype.Policy/groupPolicyAssignments/" + url.PathEscape(groupID) + "/policyTypes/" + url.PathEscape(policyType)
}

func tenantAssignmentPath(policyType string) string {
	return "/Skype.Policy/tenants/policies/" + url.PathEscape(policyType)
}

// GetGroupAssignment reads the assignment of policyType to a group; a missing
// one is an error for which transport.IsNotFound is true.
func (c *Client) GetGroupAssignment(ctx context.Context, policyType, groupID string) (GroupAssignment, Result, error) {
	var raw map[string]any
	res, err := c.do(ctx, http.MethodGet, groupAssignmentPath(policyType, groupID), nil, &raw)
	if err != nil {
		return GroupAssignment{}, res, err
	}
	a := GroupAssignment{PolicyType: policyType, GroupID: groupID}
	a.PolicyName = stripTag(field[string](raw, "PolicyName"))
	if r, ok := fieldValue(raw, "Rank").(float64); ok {
		a.Rank = int64(r)
	}
	return a, res, nil
}

// SetGroupAssignment assigns policyName to a group at rank (0: the service
// puts a new assignment last and leaves an existing one where it is).
func (c *Client) SetGroupAssignment(ctx context.Context, policyType, groupID, policyName string, rank int64) (Result, error) {
	body := map[string]any{"PolicyName": policyName}
	if rank > 0 {
		body["Rank"] = rank
	}
	return c.do(ctx, http.MethodPatch, groupAssignmentPath(policyType, groupID), body, nil)
}

// DeleteGroupAssignment removes the assignment of policyType from a group.
func (c *Client) DeleteGroupAssignment(ctx context.Context, policyType, groupID string) (Result, error) {
	return c.do(ctx, http.MethodDelete, groupAssignmentPath(policyType, groupID), nil, nil)
}

// GetTenantAssignment returns the policy that is the tenant-wide default of
// policyType ("Global" when none was granted).
func (c *Client) GetTenantAssignment(ctx context.Context, policyType string) (string, Result, error) {
	var raw map[string]any
	res, err := c.do(ctx, http.MethodGet, tenantAssignmentPath(policyType), nil, &raw)
	if err != nil {
		return "", res, err
	}
	name := stripTag(field[string](raw, "PolicyName"))
	if name == "" {
		name = "Global"
	}
	return name, res, nil
}

// SetTenantAssignment makes policyName the tenant-wide default; "Global"
// returns the tenant to its Global policy.
func (c *Client) SetTenantAssignment(ctx context.Context, policyType, policyName string) (Result, error) {
	return c.do(ctx, http.MethodPatch, tenantAssignmentPath(policyType), map[string]any{"PolicyName": policyName}, nil)
}

func fieldValue(m map[string]any, key string) any {
	if v, ok := m[key]; ok {
		return v
	}
	for k, v := range m {
		if strings.EqualFold(k, key) {
			return v
		}
	}
	return nil
}

func field[T any](m map[string]any, key string) T {
	v, _ := fieldValue(m, key).(T)
	return v
}

func stripTag(name string) string {
	if len(name) > 4 && strings.EqualFold(name[:4], "Tag:") {
		return name[4:]
	}
	return name
}

// ListGroupAssignments returns the group assignments of policyType in rank
// order (GET /Skype.Policy/groupPolicyAssignments?PolicyType=T, what
// Get-CsGroupPolicyAssignment -PolicyType lists). The answer is a bare array
// in public captures; an OData {"value": [...]} envelope is read too, since
// nothing documents which.
func (c *Client) ListGroupAssignments(ctx context.Context, policyType string) ([]GroupAssignment, Result, error) {
	var raw any
	res, err := c.do(ctx, http.MethodGet, "/Skype.Policy/groupPolicyAssignments?PolicyType="+url.QueryEscape(policyType), nil, &raw)
	if err != nil {
		return nil, res, err
	}
	items, _ := raw.([]any)
	if env, ok := raw.(map[string]any); ok {
		items, _ = fieldValue(env, "value").([]any)
	}
	out := make([]GroupAssignment, 0, len(items))
	for _, it := range items {
		m, ok := it.(map[string]any)
		if !ok {
			continue
		}
		a := GroupAssignment{PolicyType: policyType, GroupID: field[string](m, "GroupId"), PolicyName: stripTag(field[string](m, "PolicyName"))}
		if t := field[string](m, "PolicyType"); t != "" {
			a.PolicyType = t
		}
		if r, ok := fieldValue(m, "Rank").(float64); ok {
			a.Rank = int64(r)
		}
		if a.GroupID != "" {
			out = append(out, a)
		}
	}
	return out, res, nil
}
