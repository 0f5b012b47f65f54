package acctest_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/acctest"
)

// exampleConfigs returns every configuration the docs show, by name: each
// directory of examples/ (its .tf files together) and each fenced terraform
// or hcl block of templates/ (its import examples aside). examples/provider is left out: it only shows
// provider arguments (a made-up tenant), so it manages nothing to judge.
func exampleConfigs(t *testing.T) map[string]map[string]string {
	t.Helper()
	root := filepath.Join("..", "..")
	out := map[string]map[string]string{}
	err := filepath.WalkDir(filepath.Join(root, "examples"), func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(p) != ".tf" {
			return err
		}
		rel, _ := filepath.Rel(root, filepath.Dir(p))
		if rel == filepath.Join("examples", "provider") {
			return nil
		}
		// import-by-string-id.tf shows an import block for an object the tenant
		// already has (scripts/test-import.sh exercises imports); here the
		// resource's own example is planned.
		if strings.HasPrefix(d.Name(), "import") {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if out[rel] == nil {
			out[rel] = map[string]string{}
		}
		out[rel][d.Name()] = string(b)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// A directory that manages nothing (data sources only) has nothing to
	// judge, as for the templates' blocks below; its data sources read
	// objects or files the new tenant lacks, and each has its own test.
	for rel, files := range out {
		manages := false
		for _, body := range files {
			manages = manages || strings.Contains(body, "resource \"teamshipaa_")
		}
		if !manages {
			delete(out, rel)
		}
	}
	fence := regexp.MustCompile("(?s)```(?:terraform|hcl)\n(.*?)```")
	templates, _ := filepath.Glob(filepath.Join(root, "templates", "*", "*.tmpl"))
	top, _ := filepath.Glob(filepath.Join(root, "templates", "*.tmpl"))
	for _, p := range append(top, templates...) {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(root, p)
		for i, m := range fence.FindAllStringSubmatch(string(b), -1) {
			if !strings.Contains(m[1], "resource \"teamshipaa_") {
				continue // provider arguments, data sources: nothing to judge
			}
			out[rel+"#"+string(rune('1'+i))] = map[string]string{"main.tf": m[1]}
		}
	}
	if len(out) < 10 {
		t.Fatalf("found only %d example configurations", len(out))
	}
	return out
}

// copyTree copies the directory src to dst.
func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() {
			if d.Name() == ".terraform" {
				return filepath.SkipDir
			}
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), b, 0o600)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// checkPlan plans w and fails the test on any error and any shall deviation.
func checkPlan(t *testing.T, w *acctest.Workdir) {
	t.Helper()
	_, diags, err := w.PlanJSON("-refresh=false")
	if err != nil {
		t.Fatalf("%v\n%+v", err, diags)
	}
	for _, d := range diags {
		if d.Severity == "error" || (strings.HasPrefix(d.Summary, "Baseline deviation") && strings.Contains(d.Detail, "level shall")) {
			t.Errorf("%s: %s\n%s", d.Address, d.Summary, d.Detail)
		}
	}
}

// Every example and docs example plans clean with baseline_checks =
// "error" against a new tenant (the simulator): it complies with the
// baseline, or records its exception.
func TestAccExamples_passTheirOwnBaseline(t *testing.T) {
	acctest.PreCheck(t)
	acctest.NewTenant(t)
	t.Setenv("TEAMSHIPAA_BASELINE_CHECKS", "error")
	// The examples' required variables (object ids and a mailbox of the tenant).
	for k, v := range map[string]string{
		"clinicians_group_id":          "5f3c2a51-7d4e-4b8a-9c1d-2e6f8a9b0c1d",
		"break_glass_group_id":         "0b6d9e4f-3a2c-4f1e-8d7b-6c5a4b3e2d1f",
		"emergency_access_account_ids": `["9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"]`,
		"dlp_incident_report_mailbox":  "privacy-office@contoso.example",
	} {
		t.Setenv("TF_VAR_"+k, v)
	}
	for name, files := range exampleConfigs(t) {
		t.Run(name, func(t *testing.T) {
			declares := false
			for _, c := range files {
				declares = declares || strings.Contains(c, "required_providers")
			}
			if !declares {
				files["versions_test.tf"] = "terraform {\n  required_providers {\n    teamshipaa = { source = \"teamshipaa/teamshipaa\" }\n  }\n}\n"
			}
			checkPlan(t, acctest.NewWorkdirFiles(t, files))
		})
	}
	// The bundled module's examples, from a copy of the module (they call it as ../..).
	module := filepath.Join(t.TempDir(), "hipaa-baseline")
	copyTree(t, filepath.Join("..", "..", "modules", "hipaa-baseline"), module)
	examples, _ := filepath.Glob(filepath.Join(module, "examples", "*"))
	if len(examples) == 0 {
		t.Fatal("no module examples")
	}
	for _, ex := range examples {
		t.Run("modules/hipaa-baseline/examples/"+filepath.Base(ex), func(t *testing.T) {
			checkPlan(t, acctest.NewWorkdirIn(t, ex))
		})
	}
}
