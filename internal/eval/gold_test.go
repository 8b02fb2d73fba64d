package eval

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// shared is the corpus folder beside the repository, seen from this
// package's directory (internal/eval).
const shared = "../../../shared"

// sharedPath returns a path under ../shared or skips the test when the
// shared folder is not there (a checkout without the corpus).
func sharedPath(t *testing.T, rel string) string {
	t.Helper()
	p := filepath.Join(shared, rel)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("shared data %s not available (%v): these tests need the shared corpus beside the repository", p, err)
	}
	return p
}

func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestLoadGoldErrors(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name    string
		content string // "" means: file does not exist
		want    error
		msg     string
	}{
		{"unreadable", "", fs.ErrNotExist, "read gold file"},
		{"invalid json", "{\n \"text\": \"x\",\n \"gold\": {\n}", ErrInvalidGold, "line"},
		{"wrong field type", `{"text": "x", "gold": {"entities": [{"name": 3}]}}`, ErrInvalidGold, "not valid gold JSON"},
		{"missing text", `{"id": "a", "gold": {}}`, ErrNoText, "no \"text\""},
		{"blank text", `{"id": "a", "text": "  ", "gold": {}}`, ErrNoText, "no \"text\""},
		{"missing key", `{"id": "a", "text": "Hallo"}`, ErrNoKey, "answer key"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := filepath.Join(dir, strings.ReplaceAll(tc.name, " ", "_")+".json")
			if tc.content != "" {
				writeFile(t, dir, filepath.Base(p), tc.content)
			}
			_, err := LoadGold(p)
			if err == nil {
				t.Fatal("no error")
			}
			if !errors.Is(err, tc.want) {
				t.Errorf("error %q does not wrap %v", err, tc.want)
			}
			if !strings.Contains(err.Error(), tc.msg) {
				t.Errorf("error %q does not say %q", err, tc.msg)
			}
		})
	}
}

func TestLoadGoldDir(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "b.json", `{"id": "B", "text": "b", "gold": {"entities": [{"name": "X", "type": "PER"}]}}`)
	writeFile(t, dir, "a.gold.json", `{"text": "a", "gold": {}}`)
	writeFile(t, dir, "a.meta.json", `{"id": "meta", "file": "a.txt"}`)
	writeFile(t, dir, "notes.txt", `not a gold file`)
	golds, paths, err := LoadGoldDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(golds) != 2 || len(paths) != 2 {
		t.Fatalf("got %d golds, %d paths, want 2 (meta and txt skipped)", len(golds), len(paths))
	}
	if golds[0].ID != "a" || golds[1].ID != "B" {
		t.Errorf("ids %q %q: want the file name as fallback id, sorted by file name", golds[0].ID, golds[1].ID)
	}
	if filepath.Base(paths[0]) != "a.gold.json" || filepath.Base(paths[1]) != "b.json" {
		t.Errorf("paths %v", paths)
	}
	if len(golds[1].Key.Entities) != 1 || golds[1].Key.Entities[0].Type != "PER" {
		t.Errorf("key not decoded: %+v", golds[1].Key)
	}
	one, onePaths, err := LoadGoldDir(filepath.Join(dir, "b.json"))
	if err != nil || len(one) != 1 || one[0].ID != "B" || len(onePaths) != 1 {
		t.Errorf("single file: %v %+v %v", err, one, onePaths)
	}
	if _, _, err := LoadGoldDir(filepath.Join(dir, "missing")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing folder: %v", err)
	}
	writeFile(t, dir, "c.json", `{"text": "c"}`)
	if _, _, err := LoadGoldDir(dir); !errors.Is(err, ErrNoKey) {
		t.Errorf("a broken file in the folder must fail the load: %v", err)
	}
}

func TestLoadGoldSeed(t *testing.T) {
	g, err := LoadGold(sharedPath(t, "corpus/seed/000_18f728b461ea7953.gold.json"))
	if err != nil {
		t.Fatal(err)
	}
	k := g.Key
	if g.ID != "seed-000" || g.Published != "2017-11-12" || g.Language != "de" {
		t.Errorf("header %q %q %q", g.ID, g.Published, g.Language)
	}
	if len(k.Entities) != 16 || len(k.Places) != 14 || len(k.Timex) != 10 || len(k.Quotes) != 15 || len(k.Events) != 12 {
		t.Errorf("seed key sizes %d %d %d %d %d", len(k.Entities), len(k.Places), len(k.Timex), len(k.Quotes), len(k.Events))
	}
	if e := k.Events[1]; e.Root != "03" || len(e.AltRoots) != 1 || e.AltRoots[0] != "05" {
		t.Errorf("event 1: %+v", e)
	}
}
