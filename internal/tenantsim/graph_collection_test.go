package tenantsim

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// widgets is a collection as a new one would be declared: a path, a schema
// with a check, roles; plus a delete guard to show the hook.
var widgets = &graphCollection{
	path: "deviceAppManagement/testWidgets", store: "graph/testWidgets", entity: "Widget",
	read: []string{"Widget.Read", "Widget.ReadWrite"}, write: []string{"Widget.ReadWrite"},
	normalize: schemaNormalizer(&gType{name: "widget", fields: []gField{
		{name: "displayName", kind: gString},
		{name: "isEnabled", kind: gBool, def: false},
	}}, func(_ *Simulator, o map[string]any) *apiError {
		if name, _ := o["displayName"].(string); name == "" {
			return graphBadRequest("The property 'displayName' is required and cannot be empty.")
		}
		return nil
	}),
	checkDelete: func(_ *Simulator, id string, cur map[string]any) *apiError {
		if cur["displayName"] == "Pinned" {
			return graphBadRequest("Widget %s is pinned.", id)
		}
		return nil
	},
}

// widgetCall sends one request straight to the collection handler.
func widgetCall(t *testing.T, s *Simulator, roles []string, method, target string, body any) (int, http.Header, map[string]any) {
	t.Helper()
	var raw []byte
	if body != nil {
		raw, _ = json.Marshal(body)
	}
	r := httptest.NewRequest(method, "https://127.0.0.1/graph/v1.0/"+widgets.path+target, bytes.NewReader(raw))
	w := httptest.NewRecorder()
	g := &graphReq{s: s, w: w, r: r, ids: requestIDs{requestID: "rid"}, claims: &accessClaims{Roles: roles}}
	var rest []string
	if p := strings.Trim(strings.SplitN(target, "?", 2)[0], "/"); p != "" {
		rest = strings.Split(p, "/")
	}
	g.serveCollection(widgets, rest)
	var out map[string]any
	if w.Body.Len() > 0 {
		if err := json.Unmarshal(w.Body.Bytes(), &out); err != nil {
			t.Fatalf("%s %s: body is not JSON: %s", method, target, w.Body)
		}
	}
	return w.Code, w.Result().Header, out
}

func graphErrorMessage(o map[string]any) string {
	e, _ := o["error"].(map[string]any)
	msg, _ := e["message"].(string)
	return msg
}

func TestGraphCollectionLifecycle(t *testing.T) {
	s := startSim(t, Options{})
	rw := []string{"Widget.ReadWrite"}

	status, hdr, created := widgetCall(t, s, rw, "POST", "", map[string]any{"displayName": "A", "id": "ignored"})
	id, _ := created["id"].(string)
	if status != 201 || !guidOK(id) || created["isEnabled"] != false || created["createdDateTime"] == nil || created["modifiedDateTime"] != nil {
		t.Fatalf("create: %d %v", status, created)
	}
	if hdr.Get("Location") != s.URL()+"/graph/v1.0/"+widgets.path+"/"+id {
		t.Errorf("Location %q", hdr.Get("Location"))
	}
	widgetCall(t, s, rw, "POST", "", map[string]any{"displayName": "B"})

	if status, _, o := widgetCall(t, s, rw, "POST", "", map[string]any{"displayName": "C", "colour": "red"}); status != 400 ||
		!strings.Contains(graphErrorMessage(o), "'colour' does not exist on type 'microsoft.graph.widget'") {
		t.Errorf("unknown property: %d %v", status, o)
	}
	if status, _, o := widgetCall(t, s, rw, "POST", "", map[string]any{"isEnabled": true}); status != 400 ||
		!strings.Contains(graphErrorMessage(o), "'displayName' is required") {
		t.Errorf("the check: %d %v", status, o)
	}

	status, _, list := widgetCall(t, s, []string{"Widget.Read"}, "GET", "?$filter=displayName%20eq%20'A'&$select=displayName", nil)
	values, _ := list["value"].([]any)
	if status != 200 || len(values) != 1 || !strings.HasSuffix(list["@odata.context"].(string), "$metadata#"+widgets.path) {
		t.Fatalf("list: %d %v", status, list)
	}
	if got := values[0].(map[string]any); got["id"] != id || got["isEnabled"] != nil {
		t.Errorf("$filter/$select: %v", got)
	}

	if status, _, o := widgetCall(t, s, rw, "PATCH", "/"+id, map[string]any{"isEnabled": true}); status != 204 {
		t.Fatalf("patch: %d %v", status, o)
	}
	status, _, got := widgetCall(t, s, rw, "GET", "/"+id, nil)
	if status != 200 || got["isEnabled"] != true || got["displayName"] != "A" || got["createdDateTime"] != created["createdDateTime"] ||
		got["modifiedDateTime"] == nil || !strings.HasSuffix(got["@odata.context"].(string), "/$entity") {
		t.Errorf("after patch: %d %v", status, got)
	}
	if status, _, o := widgetCall(t, s, rw, "PATCH", "/"+id, map[string]any{"displayName": ""}); status != 400 {
		t.Errorf("invalid patch: %d %v", status, o)
	}
	if _, _, o := widgetCall(t, s, rw, "GET", "/"+id, nil); o["displayName"] != "A" {
		t.Errorf("a refused patch changed the widget: %v", o)
	}

	if status, _, _ := widgetCall(t, s, rw, "DELETE", "/"+id, nil); status != 204 {
		t.Fatalf("delete: %d", status)
	}
	for _, m := range []string{"GET", "PATCH", "DELETE"} {
		status, _, o := widgetCall(t, s, rw, m, "/"+id, map[string]any{"isEnabled": false})
		if status != 404 || graphErrorMessage(o) != "Widget with id "+id+" does not exist in the directory." {
			t.Errorf("%s after delete: %d %v", m, status, o)
		}
	}
}

func TestGraphCollectionRefusals(t *testing.T) {
	s := startSim(t, Options{})
	rw := []string{"Widget.ReadWrite"}
	_, _, pinned := widgetCall(t, s, rw, "POST", "", map[string]any{"displayName": "Pinned"})
	id := pinned["id"].(string)
	for _, tc := range []struct {
		name, method, target string
		roles                []string
		status               int
		message              string
	}{
		{"no role", "GET", "", nil, 403, "Insufficient privileges"},
		{"read role writes", "POST", "", []string{"Widget.Read"}, 403, "Insufficient privileges"},
		{"read role deletes", "DELETE", "/" + id, []string{"Widget.Read"}, 403, "Insufficient privileges"},
		{"PUT on the collection", "PUT", "", rw, 405, ""},
		{"PUT on an entity", "PUT", "/" + id, rw, 405, ""},
		{"segment after the id", "GET", "/" + id + "/owners", rw, 400, "Resource not found for the segment 'owners'."},
		{"delete guard", "DELETE", "/" + id, rw, 400, "Widget " + id + " is pinned."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			status, _, o := widgetCall(t, s, tc.roles, tc.method, tc.target, map[string]any{"displayName": "X"})
			if status != tc.status || !strings.Contains(graphErrorMessage(o), tc.message) {
				t.Errorf("%d %v, want %d %q", status, o, tc.status, tc.message)
			}
		})
	}
	if _, ok := s.store.get(widgets.store, id, false); !ok {
		t.Error("the guarded widget was deleted")
	}
}

// serveGraph routes a path to the collection whose path prefixes it, and
// nothing else (a sibling path such as authenticationStrength/policies).
func TestGraphCollectionFor(t *testing.T) {
	for path, want := range map[string]*graphCollection{
		"identity/conditionalAccess/policies":                        caPolicies,
		"identity/conditionalAccess/policies/x":                      caPolicies,
		"identity/conditionalAccess/namedLocations":                  namedLocations,
		"identity/conditionalAccess/authenticationStrength/policies": nil,
		"identity/conditionalAccess":                                 nil,
		"organization":                                               nil,
	} {
		c, rest, ok := collectionFor(strings.Split(path, "/"))
		if c != want || ok != (want != nil) {
			t.Errorf("%s: %v", path, c)
		}
		if want != nil && strings.Join(append(strings.Split(want.path, "/"), rest...), "/") != path {
			t.Errorf("%s: rest %v", path, rest)
		}
	}
}
