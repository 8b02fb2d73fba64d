// Package pipeline runs the analysis stages over one document: article
// structure, language per paragraph, tokens and sentences, and then every
// annotation Stage (entities, dates, quotes, events as they arrive) in order.
package pipeline

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/internal/analysis"
	"github.com/newsgraph/newsgraph/internal/article"
	"github.com/newsgraph/newsgraph/internal/langid"
	"github.com/newsgraph/newsgraph/internal/source"
	"github.com/newsgraph/newsgraph/internal/token"
)

// Document is the working state of one article while stages run: the result
// being built, and the tokens and sentences that stages read.
type Document struct {
	Result analysis.Result
	// Tokens are the article's tokens with code-point offsets of Result.Text.
	Tokens []token.Token
	// Sentences index into Tokens; Sentences[i] matches Result.Sentences[i].
	Sentences []token.Span
}

// Stage adds one layer of annotation to a Document. Stages run in order and
// may read what earlier stages wrote.
type Stage interface {
	Annotate(ctx context.Context, d *Document) error
}

// ErrBadLanguage is returned by New for a language option other than auto or
// a language with data.
var ErrBadLanguage = errors.New("unsupported language")

// Options configures an Analyzer.
type Options struct {
	// Language is "auto" (detect per paragraph) or a code such as "de" that
	// is taken as the article's language and as the fallback for paragraphs
	// whose language cannot be told.
	Language string
	// Published overrides the publication date (YYYY-MM-DD) for every
	// document, as the --published flag does.
	Published string
	Article   article.Options
	LangID    langid.Options
	Token     token.Options
}

// DefaultOptions returns the settings of the command line.
func DefaultOptions() Options {
	return Options{
		Language: "auto",
		Article:  article.DefaultOptions(),
		LangID:   langid.DefaultOptions(),
		Token:    token.DefaultOptions(),
	}
}

// Analyzer turns Documents into Results. It is safe for concurrent use.
type Analyzer struct {
	opts   Options
	parser *article.Parser
	ident  langid.Identifier
	tok    *token.Tokenizer
	stages []Stage
	log    *slog.Logger
}

// New builds an Analyzer with the given extra stages, which run after the
// built-in ones. A nil logger discards.
func New(opts Options, log *slog.Logger, stages ...Stage) (*Analyzer, error) {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	if opts.Language == "" {
		opts.Language = "auto"
	}
	if opts.Language != "auto" {
		ok := false
		for _, l := range opts.LangID.Languages {
			ok = ok || l == opts.Language
		}
		if !ok {
			return nil, fmt.Errorf("language %q (want auto or one of %s): %w", opts.Language, strings.Join(opts.LangID.Languages, ", "), ErrBadLanguage)
		}
	}
	if opts.Published != "" {
		if _, err := time.Parse("2006-01-02", opts.Published); err != nil {
			return nil, fmt.Errorf("published date %q: want YYYY-MM-DD", opts.Published)
		}
	}
	parser, err := article.New(opts.Article)
	if err != nil {
		return nil, err
	}
	ident, err := langid.New(opts.LangID)
	if err != nil {
		return nil, err
	}
	tok, err := token.New(opts.Token)
	if err != nil {
		return nil, err
	}
	return &Analyzer{opts: opts, parser: parser, ident: ident, tok: tok, stages: stages, log: log.With("component", "pipeline")}, nil
}

// Close releases what the Analyzer holds. Stages that hold resources close
// them here too.
func (a *Analyzer) Close(ctx context.Context) error {
	var errs []error
	for _, s := range a.stages {
		if c, ok := s.(interface{ Close(context.Context) error }); ok {
			errs = append(errs, c.Close(ctx))
		}
	}
	return errors.Join(errs...)
}

// Analyze runs every stage over doc.
func (a *Analyzer) Analyze(ctx context.Context, doc source.Document) (analysis.Result, error) {
	d, err := a.Run(ctx, doc)
	if err != nil {
		return analysis.Result{}, err
	}
	return d.Result, nil
}

// Run is Analyze that also returns the tokens and sentences, for callers
// (and tests) that need them.
func (a *Analyzer) Run(ctx context.Context, doc source.Document) (*Document, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	r := analysis.Result{
		ID:         doc.ID,
		Title:      doc.Title,
		URL:        doc.URL,
		Outlet:     doc.Outlet,
		Author:     doc.Author,
		Format:     doc.Format,
		Repaired:   doc.Repaired,
		Text:       doc.Text,
		Paragraphs: []analysis.Paragraph{},
		Sentences:  []analysis.Sentence{},
		Entities:   []analysis.Entity{},
		Places:     []analysis.Place{},
		Timex:      []analysis.Timex{},
		Quotes:     []analysis.Quote{},
		Events:     []analysis.Event{},
	}
	st := a.parser.Parse(doc.Text, article.Hints{Headings: doc.Headings, HasTitle: doc.Title != ""})
	r.Dateline, r.Byline = st.Dateline, st.Byline
	if st.Title != nil && r.Title == "" {
		r.Title = st.Title.Text
	}
	r.Paragraphs = append(r.Paragraphs, st.Paragraphs...)

	a.languages(&r, doc, st)
	a.published(&r, doc)

	d := &Document{Result: r}
	a.tokenize(d, st)
	for _, s := range a.stages {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if err := s.Annotate(ctx, d); err != nil {
			return nil, fmt.Errorf("analyze %s: %w", doc.ID, err)
		}
	}
	return d, nil
}

// languages sets each paragraph's language and the article's. The article's
// language is the one with most letters in body paragraphs, since captions
// and quoted statements are often in another language.
func (a *Analyzer) languages(r *analysis.Result, doc source.Document, st article.Structure) {
	weight := map[string]int{}
	for i := range r.Paragraphs {
		b := st.Bytes[i]
		text := doc.Text[b[0]:b[1]]
		if c := st.Credits[i]; c[1] > c[0] {
			text = doc.Text[b[0]:c[0]]
		}
		code, _ := a.ident.Identify(text)
		r.Paragraphs[i].Language = code
		if code != "" && r.Paragraphs[i].Kind == analysis.KindBody {
			weight[code] += len(text)
		}
	}
	main := a.opts.Language
	if main == "auto" {
		main = ""
		best := 0
		for code, w := range weight {
			if w > best || w == best && code < main {
				main, best = code, w
			}
		}
		if main == "" {
			main = doc.Language
		}
	}
	r.Language = main
	for i := range r.Paragraphs {
		if r.Paragraphs[i].Language == "" {
			r.Paragraphs[i].Language = main
		}
	}
}

// published picks the publication date: the --published flag, then the
// input's metadata, then a dateline date that carries its year.
func (a *Analyzer) published(r *analysis.Result, doc source.Document) {
	switch {
	case a.opts.Published != "":
		r.Published, r.PublishedSource = a.opts.Published, "flag"
	case doc.Published != "":
		r.Published, r.PublishedSource = doc.Published, doc.PublishedSource
	}
	if r.Dateline == nil || r.Dateline.Date == nil {
		return
	}
	v := a.datelineDate(r.Dateline.Date.Text, r.Published)
	r.Dateline.DateValue = v
	if r.Published == "" && len(v) == len("2006-01-02") {
		r.Published, r.PublishedSource = v, "dateline"
	}
}

// datelineDate resolves "24. Februar", "Nov 3", "3. November 2017" or
// "3.11.2017" against the publication date, which gives the year when the
// dateline does not. Without a year from either it returns "--MM-DD".
func (a *Analyzer) datelineDate(s, published string) string {
	var day, month, year int
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == ',' }) {
		w = strings.TrimSuffix(w, ".")
		if m := a.parser.Month(w); m > 0 && month == 0 {
			month = m
			continue
		}
		if strings.Count(w, ".") == 2 {
			var dd, mm, yy int
			if _, err := fmt.Sscanf(w, "%d.%d.%d", &dd, &mm, &yy); err == nil {
				day, month, year = dd, mm, yy
				continue
			}
		}
		var n int
		if _, err := fmt.Sscanf(w, "%d", &n); err == nil {
			switch {
			case n >= 1 && n <= 31 && day == 0:
				day = n
			case n >= 1000:
				year = n
			}
		}
	}
	if month < 1 || month > 12 || day < 1 || day > 31 {
		return ""
	}
	if year == 0 && published != "" {
		if pt, err := time.Parse("2006-01-02", published); err == nil {
			year = pt.Year()
			// A dateline does not lie in the future of its own article by
			// more than a day or two: "31. Dezember" in a January story is
			// last year's.
			if time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC).After(pt.AddDate(0, 0, 2)) {
				year--
			}
		}
	}
	if year == 0 {
		return fmt.Sprintf("--%02d-%02d", month, day)
	}
	t := time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
	if t.Day() != day {
		return ""
	}
	return t.Format("2006-01-02")
}

// tokenize splits every paragraph into tokens and sentences. A caption's
// picture credit becomes a segment of its own, marked Credit.
func (a *Analyzer) tokenize(d *Document, st article.Structure) {
	text := d.Result.Text
	var toks []token.Token
	for i, p := range d.Result.Paragraphs {
		b := st.Bytes[i]
		segs := [][3]int{{b[0], b[1], 0}}
		if c := st.Credits[i]; c[1] > c[0] {
			segs = [][3]int{{b[0], c[0], 0}, {c[0], c[1], 1}}
		}
		runeBase := p.Start
		for _, seg := range segs {
			if seg[0] > b[0] {
				runeBase = p.Start + utf8.RuneCountInString(text[b[0]:seg[0]])
			}
			part := text[seg[0]:seg[1]]
			toks = a.tok.AppendTokens(toks[:0], part)
			if len(toks) == 0 {
				continue
			}
			first := len(d.Tokens)
			for _, t := range toks {
				t.Start += runeBase
				t.End += runeBase
				d.Tokens = append(d.Tokens, t)
			}
			spans := a.tok.Sentences(part, toks)
			if seg[2] == 1 {
				// The credit is one segment whatever its punctuation.
				spans = []token.Span{{Start: toks[0].Start, End: toks[len(toks)-1].End, First: 0, Last: len(toks)}}
			}
			for _, sp := range spans {
				sp.Start += runeBase
				sp.End += runeBase
				sp.First += first
				sp.Last += first
				d.Sentences = append(d.Sentences, sp)
				d.Result.Sentences = append(d.Result.Sentences, analysis.Sentence{
					Start: sp.Start, End: sp.End, Paragraph: i, Tokens: sp.Last - sp.First, Credit: seg[2] == 1,
				})
			}
		}
	}
	d.Result.Tokens = len(d.Tokens)
}
