package pipeline_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/analysis"
)

// expectation is what a careful reader says is true of one of the test
// articles in testdata/articles (written by hand, see its README).
type expectation struct {
	Language string `json:"language"`
	Dateline *struct {
		Places   []string `json:"places"`
		Agencies []string `json:"agencies"`
		Date     string   `json:"date"`
	} `json:"dateline"`
	Byline     string `json:"byline"`
	Paragraphs []struct {
		Kind      string `json:"kind"`
		Language  string `json:"language"`
		Sentences int    `json:"sentences"`
		Credit    string `json:"credit"`
		PictureID string `json:"picture_id"`
	} `json:"paragraphs"`
}

func articleFiles(t *testing.T) []string {
	files, err := filepath.Glob(filepath.Join("testdata", "articles", "*.txt"))
	if err != nil || len(files) < 12 {
		t.Fatalf("want at least 12 test articles, found %d (%v)", len(files), err)
	}
	return files
}

// TestArticleExpectations checks each test article's structure against its
// hand-written expectations: dateline, byline, paragraph kinds and
// languages, caption credits, and the number of sentences per paragraph.
func TestArticleExpectations(t *testing.T) {
	a := newAnalyzer(t, "")
	for _, file := range articleFiles(t) {
		name := strings.TrimSuffix(filepath.Base(file), ".txt")
		t.Run(name, func(t *testing.T) {
			var want expectation
			data, err := os.ReadFile(strings.TrimSuffix(file, ".txt") + ".expect.json")
			if err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(data, &want); err != nil {
				t.Fatal(err)
			}
			r, err := a.Analyze(context.Background(), readDoc(t, file))
			if err != nil {
				t.Fatal(err)
			}
			checkExpectation(t, r, want)
		})
	}
}

func checkExpectation(t *testing.T, r analysis.Result, want expectation) {
	t.Helper()
	runes := []rune(r.Text)
	text := func(a, b int) string { return string(runes[a:b]) }
	if r.Language != want.Language {
		t.Errorf("language %q, want %q", r.Language, want.Language)
	}
	switch {
	case want.Dateline == nil && r.Dateline != nil:
		t.Errorf("dateline %q found, want none", r.Dateline.Text)
	case want.Dateline != nil && r.Dateline == nil:
		t.Errorf("no dateline, want places %q", want.Dateline.Places)
	case want.Dateline != nil:
		var places, agencies []string
		for _, p := range r.Dateline.Places {
			places = append(places, text(p.Start, p.End))
		}
		for _, a := range r.Dateline.Agencies {
			agencies = append(agencies, text(a.Start, a.End))
		}
		if strings.Join(places, "|") != strings.Join(want.Dateline.Places, "|") {
			t.Errorf("dateline places %q, want %q", places, want.Dateline.Places)
		}
		if strings.Join(agencies, "|") != strings.Join(want.Dateline.Agencies, "|") {
			t.Errorf("dateline agencies %q, want %q", agencies, want.Dateline.Agencies)
		}
		date := ""
		if r.Dateline.Date != nil {
			date = text(r.Dateline.Date.Start, r.Dateline.Date.End)
		}
		if date != want.Dateline.Date {
			t.Errorf("dateline date %q, want %q", date, want.Dateline.Date)
		}
	}
	byline := ""
	if r.Byline != nil {
		byline = text(r.Byline.Start, r.Byline.End)
	}
	if byline != want.Byline {
		t.Errorf("byline %q, want %q", byline, want.Byline)
	}
	if len(r.Paragraphs) != len(want.Paragraphs) {
		t.Fatalf("%d paragraphs, want %d", len(r.Paragraphs), len(want.Paragraphs))
	}
	sentences := make([]int, len(r.Paragraphs))
	for _, s := range r.Sentences {
		if !s.Credit {
			sentences[s.Paragraph]++
		}
	}
	for i, p := range r.Paragraphs {
		w := want.Paragraphs[i]
		head := text(p.Start, p.End)
		if len([]rune(head)) > 40 {
			head = string([]rune(head)[:40]) + "…"
		}
		if p.Kind != w.Kind {
			t.Errorf("paragraph %d %q: kind %s, want %s", i, head, p.Kind, w.Kind)
		}
		if p.Language != w.Language {
			t.Errorf("paragraph %d %q: language %s, want %s", i, head, p.Language, w.Language)
		}
		if sentences[i] != w.Sentences {
			t.Errorf("paragraph %d %q: %d sentences, want %d", i, head, sentences[i], w.Sentences)
		}
		credit, id := "", ""
		if p.Credit != nil {
			credit = text(p.Credit.Start, p.Credit.End)
		}
		if p.PictureID != nil {
			id = text(p.PictureID.Start, p.PictureID.End)
		}
		if credit != w.Credit || id != w.PictureID {
			t.Errorf("paragraph %d %q: credit %q id %q, want %q %q", i, head, credit, id, w.Credit, w.PictureID)
		}
	}
}

// TestArticleGolden pins the whole analysis of each test article, so that
// any change in what is found shows as a diff in review.
func TestArticleGolden(t *testing.T) {
	a := newAnalyzer(t, "")
	for _, file := range articleFiles(t) {
		name := strings.TrimSuffix(filepath.Base(file), ".txt")
		t.Run(name, func(t *testing.T) {
			r, err := a.Analyze(context.Background(), readDoc(t, file))
			if err != nil {
				t.Fatal(err)
			}
			r.Text = "" // the text is the .txt file beside the golden file
			golden(t, filepath.Join("articles", name+".golden.json"), marshal(t, r))
		})
	}
}
