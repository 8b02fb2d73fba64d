package pipeline_test

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/analysis"
	"github.com/newsgraph/newsgraph/internal/pipeline"
	"github.com/newsgraph/newsgraph/internal/source"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

const seedDir = "../../../shared/corpus/seed"

func newAnalyzer(t testing.TB, published string) *pipeline.Analyzer {
	t.Helper()
	opts := pipeline.DefaultOptions()
	opts.Published = published
	a, err := pipeline.New(opts, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.Close(context.Background()) })
	return a
}

func readDoc(t testing.TB, path string) source.Document {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := source.New(source.DefaultOptions(), nil).Decode(path, data)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// golden compares got with testdata/name, or rewrites it under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./... -update to create it)", err)
	}
	if !bytes.Equal(want, got) {
		t.Errorf("%s differs from the analysis; review with -update and git diff.\n%s", path, firstDiff(string(want), string(got)))
	}
}

func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) || i < len(bl); i++ {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			return "line " + itoa(i+1) + ":\n  want: " + x + "\n  got:  " + y
		}
	}
	return ""
}

func itoa(i int) string {
	b, _ := json.Marshal(i)
	return string(b)
}

// structure is the part of a Result that a golden file for a text we may
// not copy holds: kinds, languages and offsets, no words.
type structure struct {
	Language   string      `json:"language"`
	Dateline   *spanSet    `json:"dateline,omitempty"`
	Paragraphs []paragraph `json:"paragraphs"`
	Sentences  [][2]int    `json:"sentences"`
	Tokens     int         `json:"tokens"`
}

type spanSet struct {
	Span     [2]int   `json:"span"`
	Places   [][2]int `json:"places"`
	Agencies [][2]int `json:"agencies"`
}

type paragraph struct {
	Kind      string  `json:"kind"`
	Language  string  `json:"language"`
	Span      [2]int  `json:"span"`
	Credit    *[2]int `json:"credit,omitempty"`
	PictureID *[2]int `json:"picture_id,omitempty"`
}

func structureOf(r analysis.Result) structure {
	s := structure{Language: r.Language, Tokens: r.Tokens}
	if d := r.Dateline; d != nil {
		s.Dateline = &spanSet{Span: [2]int{d.Start, d.End}}
		for _, p := range d.Places {
			s.Dateline.Places = append(s.Dateline.Places, [2]int{p.Start, p.End})
		}
		for _, a := range d.Agencies {
			s.Dateline.Agencies = append(s.Dateline.Agencies, [2]int{a.Start, a.End})
		}
	}
	for _, p := range r.Paragraphs {
		gp := paragraph{Kind: p.Kind, Language: p.Language, Span: [2]int{p.Start, p.End}}
		if p.Credit != nil {
			gp.Credit = &[2]int{p.Credit.Start, p.Credit.End}
		}
		if p.PictureID != nil {
			gp.PictureID = &[2]int{p.PictureID.Start, p.PictureID.End}
		}
		s.Paragraphs = append(s.Paragraphs, gp)
	}
	for _, se := range r.Sentences {
		s.Sentences = append(s.Sentences, [2]int{se.Start, se.End})
	}
	return s
}

func marshal(t *testing.T, v any) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func seedPath(t *testing.T) string {
	p := filepath.Join(seedDir, "000_18f728b461ea7953.txt")
	if _, err := os.Stat(p); err != nil {
		t.Skipf("seed article not found at %s (the shared corpus sits beside the repository on CI): %v", p, err)
	}
	return p
}

// TestSeedGolden pins the seed's structure: every paragraph's kind and
// language and every sentence's offsets.
func TestSeedGolden(t *testing.T) {
	r, err := newAnalyzer(t, "2017-11-12").Analyze(context.Background(), readDoc(t, seedPath(t)))
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "seed.structure.json", marshal(t, structureOf(r)))
}

// TestSeedStructure checks what the foundations issue asks of the seed, so
// that a wrong golden file cannot hide it.
func TestSeedStructure(t *testing.T) {
	r, err := newAnalyzer(t, "2017-11-12").Analyze(context.Background(), readDoc(t, seedPath(t)))
	if err != nil {
		t.Fatal(err)
	}
	runes := []rune(r.Text)
	text := func(a, b int) string { return string(runes[a:b]) }
	if r.Dateline == nil {
		t.Fatal("no dateline")
	}
	var places, agencies []string
	for _, p := range r.Dateline.Places {
		places = append(places, text(p.Start, p.End))
	}
	for _, a := range r.Dateline.Agencies {
		agencies = append(agencies, text(a.Start, a.End))
	}
	if strings.Join(places, "|") != "Hanoi|Da Nang" || strings.Join(agencies, "|") != "Reuters" {
		t.Errorf("dateline places %q agencies %q", places, agencies)
	}
	if r.Language != "de" || r.Published != "2017-11-12" {
		t.Errorf("language %q published %q", r.Language, r.Published)
	}
	if len(r.Paragraphs) != 10 {
		t.Fatalf("%d paragraphs, want 10", len(r.Paragraphs))
	}
	for i, p := range r.Paragraphs {
		wantKind, wantLang := analysis.KindBody, "de"
		switch i {
		case 1:
			wantKind, wantLang = analysis.KindCaption, "en"
		case 6:
			wantKind = analysis.KindSubheading
		}
		if p.Kind != wantKind || p.Language != wantLang {
			t.Errorf("paragraph %d: %s/%s, want %s/%s", i, p.Kind, p.Language, wantKind, wantLang)
		}
	}
	cap := r.Paragraphs[1]
	if cap.Credit == nil || text(cap.Credit.Start, cap.Credit.End) != "REUTERS/Kevin Lamarque, KCNA/Handout via REUTERS/File Photos" {
		t.Errorf("caption credit %+v", cap.Credit)
	}
	if cap.PictureID == nil || text(cap.PictureID.Start, cap.PictureID.End) != "RC1A54027780" {
		t.Errorf("caption picture id %+v", cap.PictureID)
	}
	if text(r.Paragraphs[6].Start, r.Paragraphs[6].End) != "ABE UND XI SPRECHEN VON NEUSTART" {
		t.Errorf("subheading is %q", text(r.Paragraphs[6].Start, r.Paragraphs[6].End))
	}
	// Sentences per paragraph, counting the caption's credit as a segment.
	want := []int{1, 2, 5, 4, 3, 3, 1, 6, 4, 4}
	got := make([]int, len(r.Paragraphs))
	for _, s := range r.Sentences {
		got[s.Paragraph]++
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("paragraph %d: %d sentences, want %d", i, got[i], want[i])
		}
	}
	for _, s := range r.Sentences {
		st := text(s.Start, s.End)
		if strings.TrimSpace(st) != st || st == "" {
			t.Errorf("sentence %d-%d has outer white space: %q", s.Start, s.End, st)
		}
	}
}
