// Package langid tells which language a paragraph is written in.
//
// It decides German against English (and any language with a data folder in
// lang/) from closed-class function words first, which is fast and right for
// nearly all news paragraphs, and asks lingua-go, restricted to the
// languages news commonly mixes in, only when the function words do not
// settle it. Full n-gram detection on every paragraph would cost more than
// the rest of the pipeline together (see BENCHMARKS.md).
package langid

import (
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/lang"
	"github.com/pemistahl/lingua-go"
)

// Identifier reports the ISO 639-1 code of the language of a text, or ""
// when it cannot tell, with a confidence in [0, 1].
type Identifier interface {
	Identify(text string) (code string, confidence float64)
}

// Options configures a Detector.
type Options struct {
	// Languages are the codes whose function-word lists decide first; each
	// needs lang/<code>/function_words.txt.
	Languages []string
	// Fallback lists the languages lingua-go may choose from when function
	// words do not decide. Empty disables the fallback.
	Fallback []string
	// MinWords is the number of function-word hits the leading language
	// needs before it wins without the fallback.
	MinWords int
	// MaxWords bounds how many words of a long paragraph are looked at.
	MaxWords int
}

// DefaultOptions returns German and English by function words, with German,
// English, French, Spanish, Italian and Dutch for the fallback.
func DefaultOptions() Options {
	return Options{
		Languages: []string{"de", "en"},
		Fallback:  []string{"de", "en", "fr", "es", "it", "nl"},
		MinWords:  2,
		MaxWords:  200,
	}
}

// Detector implements Identifier. It is safe for concurrent use; the
// lingua-go models load on first need.
type Detector struct {
	opts  Options
	words map[string]int // word → index into opts.Languages
	codes []string

	once     sync.Once
	fallback lingua.LanguageDetector
}

// New builds a Detector from the function-word lists of opts.Languages.
func New(opts Options) (*Detector, error) {
	if len(opts.Languages) == 0 {
		return nil, fmt.Errorf("langid: no languages configured")
	}
	if opts.MinWords <= 0 {
		opts.MinWords = DefaultOptions().MinWords
	}
	if opts.MaxWords <= 0 {
		opts.MaxWords = DefaultOptions().MaxWords
	}
	d := &Detector{opts: opts, words: map[string]int{}, codes: opts.Languages}
	shared := map[string]bool{}
	for i, code := range opts.Languages {
		list, err := lang.List(code, "function_words")
		if err != nil {
			return nil, fmt.Errorf("langid: %w", err)
		}
		for _, w := range list {
			w = strings.ToLower(w)
			if j, ok := d.words[w]; ok && j != i {
				shared[w] = true
			}
			d.words[w] = i
		}
	}
	for w := range shared {
		delete(d.words, w) // a word of two languages says nothing
	}
	for _, code := range opts.Fallback {
		if isoLanguage(code) == lingua.Unknown {
			return nil, fmt.Errorf("langid: unsupported fallback language %q", code)
		}
	}
	return d, nil
}

// Identify returns the language of text.
func (d *Detector) Identify(text string) (string, float64) {
	// Hits per language, on the stack for the usual handful of languages.
	var hits [8]int
	counts := hits[:0]
	if len(d.codes) <= len(hits) {
		counts = hits[:len(d.codes)]
	} else {
		counts = make([]int, len(d.codes))
	}
	seen := 0
	var buf [32]byte
	for i := 0; i < len(text) && seen < d.opts.MaxWords; {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) {
			i += size
			continue
		}
		j := i
		for j < len(text) {
			r2, s2 := utf8.DecodeRuneInString(text[j:])
			if !unicode.IsLetter(r2) {
				break
			}
			j += s2
		}
		seen++
		w := text[i:j]
		if len(w) <= len(buf) {
			lw := appendLower(buf[:0], w)
			if k, ok := d.words[string(lw)]; ok {
				counts[k]++
			}
		}
		i = j
	}
	best, second := -1, 0
	for k, c := range counts {
		if best < 0 || c > counts[best] {
			best = k
		}
	}
	for k, c := range counts {
		if k != best && c > second {
			second = c
		}
	}
	if best >= 0 {
		top := counts[best]
		if top >= d.opts.MinWords && top >= 2*second+1 {
			return d.codes[best], float64(top) / float64(top+second)
		}
	}
	return d.fallbackIdentify(text)
}

func appendLower(dst []byte, w string) []byte {
	for _, r := range w {
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
	}
	return dst
}

func (d *Detector) fallbackIdentify(text string) (string, float64) {
	if len(d.opts.Fallback) == 0 {
		return "", 0
	}
	d.once.Do(func() {
		langs := make([]lingua.Language, 0, len(d.opts.Fallback))
		for _, c := range d.opts.Fallback {
			langs = append(langs, isoLanguage(c))
		}
		d.fallback = lingua.NewLanguageDetectorBuilder().FromLanguages(langs...).WithLowAccuracyMode().Build()
	})
	if len(text) > 2000 {
		cut := 2000
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text = text[:cut]
	}
	l, ok := d.fallback.DetectLanguageOf(text)
	if !ok {
		return "", 0
	}
	return strings.ToLower(l.IsoCode639_1().String()), d.fallback.ComputeLanguageConfidence(text, l)
}

func isoLanguage(code string) lingua.Language {
	for _, l := range lingua.AllLanguages() {
		if strings.EqualFold(l.IsoCode639_1().String(), code) {
			return l
		}
	}
	return lingua.Unknown
}
