package token

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/lang"
)

// Token is one token of a text. Start and End are offsets in Unicode code
// points (not bytes), end exclusive, because that is what the rest of
// newsgraph and its gold files count in; Text is the same stretch of the
// input, shared with it rather than copied.
type Token struct {
	Text  string
	Start int
	End   int
	Kind  Kind
}

// Span is one sentence. Start and End are the code-point offsets of its
// first token's start and its last token's end, so a sentence never starts
// or ends with white space; First and Last are the token index range
// [First, Last) into the slice the sentence was split from.
type Span struct {
	Start, End  int
	First, Last int
}

// Options configures a Tokenizer.
type Options struct {
	// Languages lists the language codes whose data files are loaded
	// (abbreviations, months, sentence starters …). Their rules apply
	// together, because news copy mixes languages within one article: a
	// German story quotes an English caption. Empty means DefaultOptions.
	Languages []string
}

// DefaultOptions returns the options for German and English news, the two
// languages newsgraph reads.
func DefaultOptions() Options {
	return Options{Languages: []string{"de", "en"}}
}

// abbrevFlags says how an abbreviation from the data files behaves.
type abbrevFlags uint8

const (
	// abbrevMayEnd marks an abbreviation that often closes a sentence
	// ("usw.", "U.S.", "Inc."): it ends one when a sentence-starting word
	// follows.
	abbrevMayEnd abbrevFlags = 1 << iota
	// abbrevNumeric marks an abbreviation that is one only before a
	// number ("Nr. 5", "Art. 3"), since the bare word is common too
	// ("auf diese Art.").
	abbrevNumeric
)

// suffixAbbrev is an abbreviated word ending: any word that ends in
// suffix and a period is an abbreviation ("Goethestr." for Goethestraße).
type suffixAbbrev struct {
	suffix string // with the final period, without the leading hyphen
	flags  abbrevFlags
}

// Tokenizer splits text into tokens and sentences. It holds only the word
// lists loaded by New, is never changed afterwards, and so is safe for
// concurrent use.
type Tokenizer struct {
	abbrevs      map[string]abbrevFlags // with the final period, case-sensitive
	suffixes     []suffixAbbrev         // word endings that abbreviate: "-str." in "Hauptstr."
	months       map[string]struct{}    // names and abbreviations, as written, capitalised and upper case
	starters     map[string]struct{}    // capitalised sentence-opening words
	ordinalCues  map[string]struct{}    // lower case and capitalised
	conjunctions map[string]struct{}    // lower case and capitalised, without periods
	clitics      map[string]struct{}    // "'s", "’s", "'S" …
	speechVerbs  map[string]struct{}    // lower case and capitalised: "sagte", "replied"
	wholeWords   map[string]struct{}    // apostrophe words never split: "geht's", "geht’s"
}

// New loads the data files of opts.Languages. It fails when a language has
// no abbreviation, month or sentence-starter list, since the rules would
// silently degrade without them; the other lists are optional.
func New(opts Options) (*Tokenizer, error) {
	if len(opts.Languages) == 0 {
		opts.Languages = DefaultOptions().Languages
	}
	t := &Tokenizer{
		abbrevs:      map[string]abbrevFlags{},
		months:       map[string]struct{}{},
		starters:     map[string]struct{}{},
		ordinalCues:  map[string]struct{}{},
		conjunctions: map[string]struct{}{},
		clitics:      map[string]struct{}{},
		speechVerbs:  map[string]struct{}{},
		wholeWords:   map[string]struct{}{},
	}
	for _, code := range opts.Languages {
		if err := t.load(code); err != nil {
			return nil, fmt.Errorf("token: language %q: %w", code, err)
		}
	}
	return t, nil
}

// load adds the lists of one language.
func (t *Tokenizer) load(code string) error {
	abbrevs, err := list(code, "abbreviations", true)
	if err != nil {
		return err
	}
	for _, line := range abbrevs {
		fields := strings.Fields(line)
		a := fields[0]
		var f abbrevFlags
		for _, flag := range fields[1:] {
			switch flag {
			case "end":
				f |= abbrevMayEnd
			case "num":
				f |= abbrevNumeric
			default:
				return fmt.Errorf("abbreviations: entry %q: unknown flag %q", line, flag)
			}
		}
		if len(a) < 2 || !strings.HasSuffix(a, ".") {
			return fmt.Errorf("abbreviations: entry %q does not end in a period", line)
		}
		if suffix, ok := strings.CutPrefix(a, "-"); ok {
			t.suffixes = append(t.suffixes, suffixAbbrev{suffix: suffix, flags: f})
			continue
		}
		t.addAbbrev(a, f)
		// A lower-case abbreviation opening a sentence is capitalised:
		// "Ca. 300 Menschen", "Vgl. dazu". Single letters are left to the
		// rule for initials.
		if r, n := utf8.DecodeRuneInString(a); unicode.IsLower(r) && len(a) > n+1 {
			t.addAbbrev(string(unicode.ToUpper(r))+a[n:], f)
		}
	}

	months, err := list(code, "months", true)
	if err != nil {
		return err
	}
	for _, m := range months {
		fields := strings.Fields(m)
		if len(fields) == 0 {
			continue
		}
		addVariants(t.months, fields[0], true)
	}

	starters, err := list(code, "sentence_starters", true)
	if err != nil {
		return err
	}
	for _, s := range starters {
		addVariants(t.starters, s, true)
	}

	for _, l := range []struct {
		name string
		set  map[string]struct{}
	}{
		{"ordinal_cues", t.ordinalCues},
		{"conjunctions", t.conjunctions},
		{"speech_verbs", t.speechVerbs},
	} {
		words, err := list(code, l.name, false)
		if err != nil {
			return err
		}
		for _, w := range words {
			addVariants(l.set, strings.TrimSuffix(strings.ToLower(w), "."), true)
		}
	}

	clitics, err := list(code, "clitics", false)
	if err != nil {
		return err
	}
	for _, c := range clitics {
		if !strings.HasPrefix(c, "'") || len(c) < 2 {
			return fmt.Errorf("clitics: entry %q does not start with an apostrophe", c)
		}
		for _, apo := range []string{"'", "’"} {
			t.clitics[apo+c[1:]] = struct{}{}
			t.clitics[apo+strings.ToUpper(c[1:])] = struct{}{}
		}
	}

	whole, err := list(code, "apostrophe_words", false)
	if err != nil {
		return err
	}
	for _, w := range whole {
		for _, v := range []string{w, strings.ReplaceAll(w, "'", "’")} {
			addVariants(t.wholeWords, v, false)
		}
	}
	return nil
}

// addAbbrev records an abbreviation. When languages disagree, "may end a
// sentence" wins, and "only before a number" needs every language's vote.
func (t *Tokenizer) addAbbrev(a string, f abbrevFlags) {
	old, seen := t.abbrevs[a]
	if !seen {
		t.abbrevs[a] = f
		return
	}
	t.abbrevs[a] = (old|f)&abbrevMayEnd | (old & f & abbrevNumeric)
}

// addVariants puts w into set as written, capitalised and, if upper is
// set, in upper case, so that lookups in the hot path need no case folding
// (and no allocation): "Am 3. Oktober", "OKTOBER".
func addVariants(set map[string]struct{}, w string, upper bool) {
	if w == "" {
		return
	}
	set[w] = struct{}{}
	r, n := utf8.DecodeRuneInString(w)
	set[string(unicode.ToUpper(r))+w[n:]] = struct{}{}
	if upper {
		set[strings.ToUpper(w)] = struct{}{}
	}
}

// list reads one data file of a language. A missing optional list is
// empty; a missing required one is an error.
func list(code, name string, required bool) ([]string, error) {
	l, err := lang.List(code, name)
	if err != nil {
		if !required && errors.Is(err, lang.ErrNoList) {
			return nil, nil
		}
		return nil, fmt.Errorf("load %s: %w", name, err)
	}
	return l, nil
}

// Tokenize returns the tokens of text in order.
func (t *Tokenizer) Tokenize(text string) []Token {
	// News prose averages about six bytes per token.
	return t.AppendTokens(make([]Token, 0, len(text)/6+1), text)
}

// Sentences returns the sentences of text, whose tokens toks are, as
// Tokenize returned them.
func (t *Tokenizer) Sentences(text string, toks []Token) []Span {
	if len(toks) == 0 {
		return nil
	}
	// News sentences average about twenty tokens.
	return t.AppendSentences(make([]Span, 0, len(toks)/20+1), text, toks)
}
