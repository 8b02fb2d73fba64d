package pipeline_test

import (
	"context"
	"errors"
	"testing"

	"github.com/newsgraph/newsgraph/internal/analysis"
	"github.com/newsgraph/newsgraph/internal/pipeline"
	"github.com/newsgraph/newsgraph/internal/source"
)

func TestPublished(t *testing.T) {
	tests := []struct {
		name, text, flag, meta   string
		wantPub, wantSrc, wantDL string
	}{
		{"flag wins", "KIEW, 24. Februar (Reuters) - Russland greift an.", "2022-02-25", "2022-02-26", "2022-02-25", "flag", "2022-02-24"},
		{"metadata", "KIEW, 24. Februar (Reuters) - Russland greift an.", "", "2022-02-25", "2022-02-25", "metadata", "2022-02-24"},
		{"dateline without year stays partial", "KIEW, 24. Februar (Reuters) - Russland greift an.", "", "", "", "", "--02-24"},
		{"dateline with year gives the date", "BERLIN, 3. November 2017 (dpa) - Die Regierung tagt.", "", "", "2017-11-03", "dateline", "2017-11-03"},
		{"numeric dateline", "WIEN, 14.07.2015 (APA) - Die Gespräche enden.", "", "", "2015-07-14", "dateline", "2015-07-14"},
		{"english month first", "NEW YORK, Nov 3 (Reuters) - Stocks fell.", "", "2017-11-03", "2017-11-03", "metadata", "2017-11-03"},
		{"december dateline in a january article is last year's", "MOSKAU, 31. Dezember (dpa) - Die Rede.", "", "2018-01-01", "2018-01-01", "metadata", "2017-12-31"},
		{"no date anywhere", "Die Regierung tagt.", "", "", "", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			opts := pipeline.DefaultOptions()
			opts.Published = tc.flag
			a, err := pipeline.New(opts, nil)
			if err != nil {
				t.Fatal(err)
			}
			r, err := a.Analyze(context.Background(), source.Document{ID: "x", Text: tc.text, Published: tc.meta, PublishedSource: "metadata"})
			if err != nil {
				t.Fatal(err)
			}
			dl := ""
			if r.Dateline != nil {
				dl = r.Dateline.DateValue
			}
			if r.Published != tc.wantPub || r.PublishedSource != tc.wantSrc || dl != tc.wantDL {
				t.Errorf("published %q (%s), dateline %q; want %q (%s), %q", r.Published, r.PublishedSource, dl, tc.wantPub, tc.wantSrc, tc.wantDL)
			}
		})
	}
}

func TestOptionsErrors(t *testing.T) {
	opts := pipeline.DefaultOptions()
	opts.Language = "xx"
	if _, err := pipeline.New(opts, nil); !errors.Is(err, pipeline.ErrBadLanguage) {
		t.Errorf("language xx: %v", err)
	}
	opts = pipeline.DefaultOptions()
	opts.Published = "12.11.2017"
	if _, err := pipeline.New(opts, nil); err == nil {
		t.Error("bad published date accepted")
	}
}

func TestForcedLanguage(t *testing.T) {
	opts := pipeline.DefaultOptions()
	opts.Language = "en"
	a, err := pipeline.New(opts, nil)
	if err != nil {
		t.Fatal(err)
	}
	r, err := a.Analyze(context.Background(), source.Document{Text: "12345\n\nDie Regierung hat am Montag erklärt, dass sie nicht zurücktritt."})
	if err != nil {
		t.Fatal(err)
	}
	if r.Language != "en" || r.Paragraphs[0].Language != "en" || r.Paragraphs[1].Language != "de" {
		t.Errorf("article %s, paragraphs %s %s", r.Language, r.Paragraphs[0].Language, r.Paragraphs[1].Language)
	}
}

func TestEmptyLayersArePresent(t *testing.T) {
	a, err := pipeline.New(pipeline.DefaultOptions(), nil)
	if err != nil {
		t.Fatal(err)
	}
	r, err := a.Analyze(context.Background(), source.Document{Text: "Kurz."})
	if err != nil {
		t.Fatal(err)
	}
	if r.Entities == nil || r.Places == nil || r.Timex == nil || r.Quotes == nil || r.Events == nil {
		t.Error("layers must be empty lists, not null, in the output contract")
	}
	if len(r.Sentences) != 1 || r.Sentences[0] != (analysis.Sentence{Start: 0, End: 5, Paragraph: 0, Tokens: 2}) {
		t.Errorf("sentences %+v", r.Sentences)
	}
}

func TestCancelled(t *testing.T) {
	a, err := pipeline.New(pipeline.DefaultOptions(), nil)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := a.Analyze(ctx, source.Document{Text: "Kurz."}); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}
