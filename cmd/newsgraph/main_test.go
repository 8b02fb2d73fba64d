package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

var binary string

// TestMain builds the binary once, so that the tests run it as a user
// would: exit status, standard output and standard error.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "newsgraph-test")
	if err != nil {
		panic(err)
	}
	binary = filepath.Join(dir, "newsgraph")
	if out, err := exec.Command("go", "build", "-o", binary, ".").CombinedOutput(); err != nil {
		os.Stderr.Write(out)
		panic(err)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

func run(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Stdin = strings.NewReader(stdin)
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return o.String(), e.String(), code
}

func write(t *testing.T, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestVersionAndHelp(t *testing.T) {
	out, _, code := run(t, "", "version")
	if code != 0 || !strings.HasPrefix(out, "newsgraph ") {
		t.Errorf("version: %q, exit %d", out, code)
	}
	for _, cmd := range [][]string{{"--help"}, {"analyze", "--help"}, {"version", "--help"}} {
		out, _, code := run(t, "", cmd...)
		if code != 0 || !strings.Contains(out, "Usage:") {
			t.Errorf("%v: exit %d, output %q", cmd, code, out)
		}
	}
	out, _, _ = run(t, "", "analyze", "--help")
	if !strings.Contains(out, "Examples:") {
		t.Errorf("analyze --help has no examples: %q", out)
	}
}

func TestAnalyzeBadInput(t *testing.T) {
	big := bytes.Repeat([]byte("Die Regierung hat am Montag neue Pläne vorgestellt. "), 50<<20/52+1)
	tests := []struct {
		name    string
		data    []byte
		wantErr string
	}{
		{"empty.txt", nil, "empty input"},
		{"binary.txt", []byte("\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00"), "binary input"},
		{"big.txt", big, "input too large"},
		{"nav.html", []byte(`<html><body><nav><a href="/">Start</a></nav></body></html>`), "no article content"},
		{"broken.json", []byte(`{"text": `), "malformed input"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := write(t, tc.name, tc.data)
			out, errOut, code := run(t, "", "analyze", p)
			if code != 1 || !strings.Contains(errOut, tc.wantErr) || out != "" {
				t.Errorf("exit %d, stderr %q, stdout %q; want exit 1 and %q", code, errOut, out, tc.wantErr)
			}
		})
	}
	t.Run("missing file", func(t *testing.T) {
		_, errOut, code := run(t, "", "analyze", filepath.Join(t.TempDir(), "nope.txt"))
		if code != 1 || !strings.Contains(errOut, "no such file") {
			t.Errorf("exit %d, stderr %q", code, errOut)
		}
	})
	t.Run("one bad file does not stop the others", func(t *testing.T) {
		good := write(t, "good.txt", []byte("Berlin (dpa) - Die Regierung hat am Montag neue Pläne vorgestellt."))
		bad := write(t, "bad.txt", nil)
		out, errOut, code := run(t, "", "analyze", bad, good)
		if code != 1 || strings.Count(out, "\n") != 1 || !strings.Contains(errOut, "bad.txt") {
			t.Errorf("exit %d, stdout %q, stderr %q", code, out, errOut)
		}
	})
	t.Run("invalid utf-8 is repaired and said to be", func(t *testing.T) {
		p := write(t, "latin1.txt", []byte("Gr\xfc\xdfe aus K\xf6ln. Die Stadt feiert heute ihren Karneval."))
		out, errOut, code := run(t, "", "analyze", p)
		if code != 0 || !strings.Contains(errOut, "invalid UTF-8") {
			t.Fatalf("exit %d, stderr %q", code, errOut)
		}
		var r struct {
			Text     string `json:"text"`
			Repaired bool   `json:"repaired"`
		}
		if err := json.Unmarshal([]byte(out), &r); err != nil || !r.Repaired || !strings.HasPrefix(r.Text, "Grüße aus Köln") {
			t.Errorf("repaired output %q (%v)", out, err)
		}
	})
}

func TestAnalyzeStdinAndFormats(t *testing.T) {
	const text = "Berlin (dpa) - Die Regierung hat am Montag neue Pläne vorgestellt. „Wir sind bereit“, sagte die Ministerin."
	out, _, code := run(t, text, "analyze", "--published", "2021-03-01", "-")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	var r map[string]any
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	for _, field := range []string{"id", "language", "published", "entities", "places", "timex", "quotes", "events", "paragraphs", "sentences", "dateline"} {
		if _, ok := r[field]; !ok {
			t.Errorf("output lacks %q", field)
		}
	}
	if r["language"] != "de" || r["published"] != "2021-03-01" {
		t.Errorf("language %v published %v", r["language"], r["published"])
	}
	out, _, code = run(t, text, "analyze", "--format", "text", "-")
	if code != 0 || !strings.Contains(out, "dateline:") || !strings.Contains(out, "agencies=dpa") {
		t.Errorf("text format: exit %d\n%s", code, out)
	}
	_, errOut, code := run(t, text, "analyze", "--published", "1.3.2021", "-")
	if code == 0 || !strings.Contains(errOut, "YYYY-MM-DD") {
		t.Errorf("bad --published: exit %d, %q", code, errOut)
	}
}
