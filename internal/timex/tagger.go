package timex

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/internal/analysis"
	"github.com/newsgraph/newsgraph/internal/pipeline"
	"github.com/newsgraph/newsgraph/internal/token"
)

// ErrNoLanguage is returned by New when Options names no language.
var ErrNoLanguage = errors.New("no language")

// Options configures a Tagger.
type Options struct {
	// Languages whose vocabulary (lang/<code>/timex_*.txt and months.txt)
	// is loaded. A paragraph in another language is read with the rules of
	// the article's language, or else of the first language here.
	Languages []string
}

// DefaultOptions returns German and English.
func DefaultOptions() Options {
	return Options{Languages: []string{"de", "en"}}
}

// Tagger finds time expressions and normalises them to ISO 8601. It is
// immutable after New and safe for concurrent use.
type Tagger struct {
	langs  map[string]*rules
	order  []string
	months map[string]monthName // every loaded language's month names
	tok    *token.Tokenizer
}

// New loads the vocabulary of opts.Languages.
func New(opts Options) (*Tagger, error) {
	if len(opts.Languages) == 0 {
		return nil, fmt.Errorf("timex: %w", ErrNoLanguage)
	}
	t := &Tagger{langs: map[string]*rules{}, months: map[string]monthName{}}
	for _, code := range opts.Languages {
		if _, dup := t.langs[code]; dup {
			continue
		}
		r, err := loadRules(code)
		if err != nil {
			return nil, err
		}
		t.langs[code] = r
		t.order = append(t.order, code)
		for name, m := range r.months {
			if _, ok := t.months[name]; !ok {
				t.months[name] = m
			}
		}
	}
	tok, err := token.New(token.Options{Languages: t.order})
	if err != nil {
		return nil, fmt.Errorf("timex: %w", err)
	}
	t.tok = tok
	return t, nil
}

// rulesFor returns the rules for a paragraph language, falling back to the
// article's language and then to the first loaded language.
func (t *Tagger) rulesFor(code, article string) *rules {
	if r, ok := t.langs[code]; ok {
		return r
	}
	if r, ok := t.langs[article]; ok {
		return r
	}
	return t.langs[t.order[0]]
}

// parsePublished reads a YYYY-MM-DD date; ok is false when it is empty or
// malformed, and then only expressions that carry their own year are
// resolved.
func parsePublished(s string) (time.Time, bool) {
	p, err := time.Parse("2006-01-02", strings.TrimSpace(s))
	if err != nil {
		return time.Time{}, false
	}
	return p, true
}

// sentence is one sentence to scan: its tokens, its language and its
// paragraph, whose reference day it shares.
type sentence struct {
	toks      []token.Token
	lang      string
	paragraph int
}

// tag finds the expressions of the sentences, in order, with offsets of
// the code points of text.
func (t *Tagger) tag(ctx context.Context, text string, sents []sentence, published, article string) ([]analysis.Timex, error) {
	pub, hasPub := parsePublished(published)
	var out []analysis.Timex
	var idx runeIndex
	ref := &refDay{}
	para := -1
	for n, se := range sents {
		if n%64 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		if se.paragraph != para {
			*ref = refDay{}
			para = se.paragraph
		}
		if len(se.toks) == 0 {
			continue
		}
		s := scan{t: t, r: t.rulesFor(se.lang, article), toks: se.toks, pub: pub, hasPub: hasPub, ref: ref}
		for _, m := range s.run() {
			if m.start < 0 || m.end > len(se.toks) || m.start >= m.end || m.value == "" {
				continue
			}
			start, end := se.toks[m.start].Start, se.toks[m.end-1].End
			if len(out) > 0 && start < out[len(out)-1].End {
				continue
			}
			out = append(out, analysis.Timex{Text: idx.slice(text, start, end), Value: m.value, Start: start, End: end})
		}
	}
	return out, nil
}

// Annotate appends the time expressions of d to d.Result.Timex in text
// order, reading each paragraph with the rules of its language and
// resolving relative expressions against d.Result.Published. Picture
// credits are skipped.
func (t *Tagger) Annotate(ctx context.Context, d *pipeline.Document) error {
	r := &d.Result
	sents := make([]sentence, 0, len(d.Sentences))
	for i, sp := range d.Sentences {
		if sp.First < 0 || sp.Last > len(d.Tokens) || sp.First > sp.Last {
			continue
		}
		se := sentence{toks: d.Tokens[sp.First:sp.Last], lang: r.Language, paragraph: -1 - i}
		if i < len(r.Sentences) {
			rs := r.Sentences[i]
			if rs.Credit {
				continue
			}
			se.paragraph = rs.Paragraph
			if rs.Paragraph >= 0 && rs.Paragraph < len(r.Paragraphs) && r.Paragraphs[rs.Paragraph].Language != "" {
				se.lang = r.Paragraphs[rs.Paragraph].Language
			}
		}
		sents = append(sents, se)
	}
	found, err := t.tag(ctx, r.Text, sents, r.Published, r.Language)
	if err != nil {
		return fmt.Errorf("timex: %w", err)
	}
	if r.Timex == nil {
		r.Timex = []analysis.Timex{}
	}
	r.Timex = append(r.Timex, found...)
	return nil
}

// Find tokenizes text on its own and returns its time expressions,
// resolved against published (YYYY-MM-DD, or "" when unknown) with the
// rules of language ("" for the first loaded language). A line break
// between sentences starts a new paragraph. It is meant for tests and
// small tools; the pipeline calls Annotate.
func (t *Tagger) Find(text, published, language string) []analysis.Timex {
	if !utf8.ValidString(text) {
		text = strings.ToValidUTF8(text, "\uFFFD")
	}
	toks := t.tok.Tokenize(text)
	spans := t.tok.Sentences(text, toks)
	var idx runeIndex
	sents := make([]sentence, 0, len(spans))
	para := 0
	prevEnd := 0
	for _, sp := range spans {
		if sp.First < 0 || sp.Last > len(toks) || sp.First >= sp.Last {
			continue
		}
		if strings.Contains(idx.slice(text, prevEnd, sp.Start), "\n") {
			para++
		}
		prevEnd = sp.End
		sents = append(sents, sentence{toks: toks[sp.First:sp.Last], lang: language, paragraph: para})
	}
	out, err := t.tag(context.Background(), text, sents, published, language)
	if err != nil {
		return nil
	}
	return out
}

// runeIndex converts code-point offsets to substrings, walking forward
// from the last position so that a pass over a text in order is linear.
type runeIndex struct {
	rune, byte int
}

// slice returns text[start:end] in code points; offsets out of range are
// clamped.
func (x *runeIndex) slice(text string, start, end int) string {
	if end < start {
		return ""
	}
	a := x.seek(text, start)
	b := x.seek(text, end)
	return text[a:b]
}

func (x *runeIndex) seek(text string, r int) int {
	if r < x.rune {
		x.rune, x.byte = 0, 0
	}
	for x.rune < r && x.byte < len(text) {
		_, n := utf8.DecodeRuneInString(text[x.byte:])
		x.byte += n
		x.rune++
	}
	return x.byte
}
