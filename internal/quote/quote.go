// Package quote finds who said what: direct quotations in every quotation
// mark style, split by their attribution and running over sentences and
// paragraphs, and indirect speech — German Konjunktiv I clauses after a
// speech verb, dass-clauses, trailing attributions (", meldete Xinhua"),
// sentences that continue someone's reported speech, "laut X" and
// "according to X", and English "X said that …".
//
// Speakers come from the entity stage: the nearest person or organisation
// mention to the speech verb, a pronoun resolved there, or the speaker of
// the quotation before. A government body named only by description
// ("Nordkoreas Außenministerium") speaks for its country's ISO3 code.
package quote

import (
	"context"
	"fmt"
	"log/slog"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/internal/analysis"
	"github.com/newsgraph/newsgraph/internal/pipeline"
	"github.com/newsgraph/newsgraph/internal/token"
	"github.com/newsgraph/newsgraph/lang"
)

// Options configures an Attributor.
type Options struct {
	Languages []string
	// ScareWords is the longest quotation, in words, that counts as a scare
	// quote (not speech of its own) inside reported speech.
	ScareWords int
}

// DefaultOptions returns the settings for German and English news.
func DefaultOptions() Options {
	return Options{Languages: []string{"de", "en"}, ScareWords: 2}
}

// source is a phrase that names a quotation's source: "laut X".
type source struct {
	words []string // lower case
	after bool     // the source follows the phrase
}

// Attributor is the quotation stage. It is safe for concurrent use.
type Attributor struct {
	opts    Options
	log     *slog.Logger
	speech  map[string]bool
	konj    map[string]bool
	preps   map[string]bool
	dets    map[string]bool
	funcs   map[string]bool
	sources []source
}

// New loads the speech verbs, subjunctive forms and source phrases.
func New(opts Options, log *slog.Logger) (*Attributor, error) {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	if len(opts.Languages) == 0 {
		opts.Languages = DefaultOptions().Languages
	}
	if opts.ScareWords <= 0 {
		opts.ScareWords = DefaultOptions().ScareWords
	}
	q := &Attributor{opts: opts, log: log.With("component", "quote"), speech: map[string]bool{}, konj: map[string]bool{}, preps: map[string]bool{}, dets: map[string]bool{}, funcs: map[string]bool{}}
	for _, code := range opts.Languages {
		sv, err := lang.List(code, "speech_verbs")
		if err != nil {
			return nil, fmt.Errorf("quote: %w", err)
		}
		for _, v := range sv {
			q.speech[strings.ToLower(v)] = true
		}
		for _, pair := range []struct {
			name string
			set  map[string]bool
		}{{"prepositions", q.preps}, {"determiners", q.dets}, {"function_words", q.funcs}} {
			if l, err := lang.List(code, pair.name); err == nil {
				for _, w := range l {
					pair.set[w] = true
				}
			}
		}
		if kj, err := lang.List(code, "konjunktiv"); err == nil {
			for _, v := range kj {
				q.konj[strings.ToLower(v)] = true
			}
		}
		if src, err := lang.List(code, "quote_sources"); err == nil {
			for _, line := range src {
				phrase, pos, _ := strings.Cut(line, "\t")
				q.sources = append(q.sources, source{words: strings.Fields(strings.ToLower(phrase)), after: strings.TrimSpace(pos) != "before"})
			}
		}
	}
	// Longer phrases first, so that "nach Angaben von" wins over "nach Angaben".
	sort.SliceStable(q.sources, func(i, j int) bool { return len(q.sources[i].words) > len(q.sources[j].words) })
	return q, nil
}

// speaker is a mention that can say something.
type speaker struct {
	start, end int
	sentence   int
	name       string
	// object is true for a mention after a preposition, which is not the
	// subject of a speech verb but can be a source ("laut X").
	object bool
	// person is true for people; an organisation next to a person in an
	// attribution is usually the person's ("die Chefin der Schwedischen
	// Akademie, Sara Danius").
	person bool
}

// orgPenalty is how many code points farther an organisation may stand
// from a speech verb than a person and still be taken as the speaker.
const orgPenalty = 40

type state struct {
	q        *Attributor
	d        *pipeline.Document
	speakers []speaker
	// inDirect marks the tokens inside a direct quotation.
	inDirect []bool
	// lastSpeaker is the speaker of the latest quotation, for sentences
	// that continue it.
	lastSpeaker    string
	lastIndirect   int // sentence index of the latest indirect quote, or -2
	lastQuoteSent  int
	quotes         []analysis.Quote
	indirectSpeech map[int]bool // sentences that carry reported speech
}

// Annotate adds the quotations of d to d.Result.Quotes.
func (q *Attributor) Annotate(ctx context.Context, d *pipeline.Document) error {
	s := &state{q: q, d: d, inDirect: make([]bool, len(d.Tokens)), lastIndirect: -2, lastQuoteSent: -2, indirectSpeech: map[int]bool{}}
	s.collectSpeakers()
	direct := s.findDirect()
	// Reported speech is found first so that scare quotes inside it can be
	// recognised; then direct quotes and indirect ones are merged in text
	// order, and the speaker of each feeds the sentences that follow.
	for si := range d.Sentences {
		s.markIndirect(si)
	}
	di := 0
	for si := range d.Sentences {
		for di < len(direct) && direct[di].sentence <= si {
			s.emitDirect(direct[di])
			di++
		}
		s.indirect(si)
	}
	for ; di < len(direct); di++ {
		s.emitDirect(direct[di])
	}
	sort.SliceStable(s.quotes, func(i, j int) bool { return s.quotes[i].Start < s.quotes[j].Start })
	// Quoted words inside reported speech belong to it.
	kept := s.quotes[:0]
	for _, q := range s.quotes {
		if q.Direct && s.withinIndirect(q) {
			continue
		}
		kept = append(kept, q)
	}
	d.Result.Quotes = append(d.Result.Quotes, kept...)
	return nil
}

// collectSpeakers lists the mentions of people and organisations. A
// government body named by description speaks for its country.
func (s *state) collectSpeakers() {
	for _, e := range s.d.Result.Entities {
		if e.Type != "PER" && e.Type != "ORG" {
			continue
		}
		name := e.Name
		if e.Key != "" && e.Type == "ORG" && isGovernmentBody(e) {
			name = e.Key
		}
		for _, m := range e.Mentions {
			// A name inside a compound ("EU-Ratspräsident") is not the
			// speaker; the person the compound names is.
			if m.Form == "compound" {
				continue
			}
			s.speakers = append(s.speakers, speaker{start: m.Start, end: m.End, sentence: m.Sentence, name: name, object: s.afterPreposition(m.Start), person: e.Type == "PER"})
		}
	}
	// A state speaks through its government: "Saudi Arabia said …" is the
	// country's, given by its ISO3 code as GOLD.md asks.
	for _, p := range s.d.Result.Places {
		if p.Feature != "country" || p.Country == "" {
			continue
		}
		for _, m := range p.Mentions {
			if m.Form == "compound" {
				continue
			}
			s.speakers = append(s.speakers, speaker{start: m.Start, end: m.End, sentence: m.Sentence, name: p.Country, object: s.afterPreposition(m.Start)})
		}
	}
	sort.Slice(s.speakers, func(i, j int) bool { return s.speakers[i].start < s.speakers[j].start })
}

// afterPreposition reports whether the mention at off follows a
// preposition, skipping determiners and adjectives: "vor den Vereinten
// Nationen", "with the Russian president".
func (s *state) afterPreposition(off int) bool {
	toks := s.d.Tokens
	i := sort.Search(len(toks), func(i int) bool { return toks[i].Start >= off })
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		w := strings.ToLower(toks[k].Text)
		if s.q.preps[w] {
			return true
		}
		if s.q.dets[w] || toks[k].Kind == token.Word && !isUpper(toks[k].Text) && k < i-1 {
			continue
		}
		if k == i-1 && (s.q.dets[w] || !isUpper(toks[k].Text) && toks[k].Kind == token.Word) {
			continue
		}
		break
	}
	return false
}

// isGovernmentBody reports whether an organisation named by description
// is a state body whose words GOLD attributes to the country.
func isGovernmentBody(e analysis.Entity) bool {
	// A ministry or office of a state from the knowledge base ("Federal
	// Foreign Office", CAMEO DEUGOV) speaks for the state as well.
	if e.KBID != "" && len(e.CAMEO) == 6 && strings.HasSuffix(e.CAMEO, "GOV") && e.CAMEO[:3] == e.Key {
		n := strings.ToLower(e.Name)
		return strings.Contains(n, "ministry") || strings.Contains(n, "foreign office") || strings.Contains(n, "department of") || strings.Contains(n, "chancellery")
	}
	for _, m := range e.Mentions {
		if m.Form == "institution" {
			n := strings.ToLower(e.Name)
			return strings.Contains(n, "ministry") || strings.Contains(n, "office of the president") || strings.Contains(n, "government") || strings.Contains(n, "embassy") || strings.Contains(n, "chancellery")
		}
	}
	return false
}

// directQuote is a pair of quotation marks and what they enclose.
type directQuote struct {
	open, close int // token indexes of the marks; close may be -1 (runs to the paragraph end)
	first, last int // token range of the content [first, last)
	sentence    int // sentence of the opening mark
	endSentence int
}

func isDouble(s string) bool {
	switch s {
	case "„", "“", "”", "«", "»", "\"", "‟", "❝", "❞", "＂", "″":
		return true
	}
	return false
}

// findDirect pairs the double quotation marks of each paragraph.
func (s *state) findDirect() []directQuote {
	toks := s.d.Tokens
	sentOf := make([]int, len(toks))
	for si, sp := range s.d.Sentences {
		for i := sp.First; i < sp.Last; i++ {
			sentOf[i] = si
		}
	}
	var out []directQuote
	paraOf := func(i int) int { return s.d.Result.Sentences[sentOf[i]].Paragraph }
	open := -1
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if open >= 0 && paraOf(i) != paraOf(open) {
			// A quotation left open at a paragraph's end runs to that end
			// (the English way of quoting over paragraphs).
			out = append(out, directQuote{open: open, close: -1, first: open + 1, last: i, sentence: sentOf[open], endSentence: sentOf[i-1]})
			open = -1
		}
		if t.Kind != token.Quote || !isDouble(t.Text) {
			continue
		}
		spaceBefore := i == 0 || toks[i-1].End < t.Start || paraOf(i-1) != paraOf(i)
		spaceAfter := i == len(toks)-1 || toks[i+1].Start > t.End || paraOf(i+1) != paraOf(i)
		opening := spaceBefore && !spaceAfter
		closing := !spaceBefore && spaceAfter || !spaceBefore && !spaceAfter && open >= 0
		if t.Text == "„" {
			opening, closing = open < 0, false
		}
		switch {
		case open < 0 && (opening || !closing):
			open = i
		case open >= 0 && (closing || !opening):
			if i > open+1 {
				out = append(out, directQuote{open: open, close: i, first: open + 1, last: i, sentence: sentOf[open], endSentence: sentOf[i]})
			}
			open = -1
		}
	}
	if open >= 0 && open+1 < len(toks) {
		out = append(out, directQuote{open: open, close: -1, first: open + 1, last: len(toks), sentence: sentOf[open], endSentence: sentOf[len(toks)-1]})
	}
	for _, dq := range out {
		for i := dq.open; i < dq.last && i < len(toks); i++ {
			s.inDirect[i] = true
		}
		if dq.close >= 0 {
			s.inDirect[dq.close] = true
		}
	}
	return out
}

func (s *state) text(start, end int) string {
	return s.d.Result.Slice(start, end)
}

func wordCount(toks []token.Token) int {
	n := 0
	for _, t := range toks {
		if t.Kind == token.Word || t.Kind == token.Number || t.Kind == token.Abbrev || t.Kind == token.Ordinal {
			n++
		}
	}
	return n
}

// emitDirect attributes a direct quotation and records it.
func (s *state) emitDirect(dq directQuote) {
	toks := s.d.Tokens
	if dq.last <= dq.first {
		return
	}
	content := toks[dq.first:dq.last]
	words := wordCount(content)
	sp := s.d.Sentences[dq.sentence]
	whole := dq.open == sp.First && (dq.close < 0 || dq.close >= s.d.Sentences[dq.endSentence].Last-2)
	if words == 0 || words <= s.q.opts.ScareWords && (s.indirectSpeech[dq.sentence] || !whole && !s.hasSpeechVerb(dq.sentence)) {
		return // a scare quote: a word or two, not speech of their own
	}
	if !whole && titleCase(content) {
		return // a title: "Blowin’ In The Wind"
	}
	name, found := s.attribute(dq)
	if !found && whole {
		switch {
		case s.lastSpeaker != "" && dq.sentence-s.lastQuoteSent <= 3:
			name, found = s.lastSpeaker, true
		case dq.sentence > 0 && s.hasSpeechVerb(dq.sentence-1):
			// "Biden sprach lange. „Das ist ein guter Tag.“": the subject
			// of a speech verb in the sentence before.
			for _, sp := range s.speakers {
				if sp.sentence == dq.sentence-1 && !sp.object && !s.inside(sp.start) {
					name, found = sp.name, true
					break
				}
			}
		}
	}
	if !found && words <= s.q.opts.ScareWords {
		return
	}
	start, end := content[0].Start, content[len(content)-1].End
	s.quotes = append(s.quotes, analysis.Quote{Text: s.text(start, end), Speaker: name, Direct: true, Start: start, End: end})
	if found {
		s.lastSpeaker = name
	}
	s.lastQuoteSent = dq.endSentence
}

// attribute finds the speaker of a direct quotation in its own sentences:
// the mention nearest a speech verb outside the quotation, else the first
// person named in the sentence ("nannte Kim Trump einen “…”").
func (s *state) attribute(dq directQuote) (string, bool) {
	toks := s.d.Tokens
	first := s.d.Sentences[dq.sentence].First
	last := s.d.Sentences[dq.endSentence].Last
	verb := -1
	for i := first; i < last; i++ {
		if s.inDirect[i] {
			continue
		}
		if s.q.speech[strings.ToLower(toks[i].Text)] {
			verb = i
			// Prefer the verb after the quotation ("…“, sagte Abe").
			if i > dq.last {
				break
			}
		}
	}
	if verb >= 0 {
		if sp, ok := s.nearest(toks[verb].Start, dq.sentence, dq.endSentence, true); ok {
			return sp.name, true
		}
		return "", false
	}
	if wordCount(toks[first:last]) > wordCount(toks[dq.first:dq.last])+2 {
		for _, sp := range s.speakers {
			if sp.sentence >= dq.sentence && sp.sentence <= dq.endSentence && !s.inside(sp.start) {
				return sp.name, true
			}
		}
	}
	return "", false
}

// inside reports whether a code-point offset lies in a direct quotation.
func (s *state) inside(off int) bool {
	toks := s.d.Tokens
	i := sort.Search(len(toks), func(i int) bool { return toks[i].End > off })
	return i < len(toks) && toks[i].Start <= off && s.inDirect[i]
}

// nearest returns the speaker mention closest to a verb at offset off, in
// sentences [from, to], outside direct quotations; mentions after the verb
// win ties, since German puts the subject after a sentence-initial verb.
func (s *state) nearest(off, from, to int, allowBefore bool) (speaker, bool) {
	return s.closest(off, allowBefore, func(sp speaker) bool { return sp.sentence >= from && sp.sentence <= to })
}

// nearestIn is nearest restricted to mentions within [from, to) code
// points: the stretch of the sentence where the speaker must stand.
func (s *state) nearestIn(off, from, to int) (speaker, bool) {
	return s.closest(off, true, func(sp speaker) bool { return sp.start >= from && sp.end <= to })
}

// closest returns the speaker mention nearest to offset off among those
// in reach, outside direct quotations and not after a preposition; a
// person is preferred to an organisation orgPenalty code points nearer.
func (s *state) closest(off int, allowBefore bool, inReach func(speaker) bool) (speaker, bool) {
	best, bestDist := speaker{}, 1<<30
	for _, sp := range s.speakers {
		if !inReach(sp) || sp.object || s.inside(sp.start) {
			continue
		}
		dist := sp.start - off
		if dist < 0 {
			if !allowBefore {
				continue
			}
			dist = -dist + 1
		}
		if !sp.person {
			dist += orgPenalty
		}
		if dist < bestDist {
			best, bestDist = sp, dist
		}
	}
	return best, bestDist < 1<<30
}

// sourceAfter returns the first mention that starts within [from, to),
// prepositional ones included: the X of "laut X" or "according to X".
func (s *state) sourceAfter(from, to int) (speaker, bool) {
	for _, sp := range s.speakers {
		if sp.start >= from && sp.start < to && !s.inside(sp.start) {
			return sp, true
		}
	}
	return speaker{}, false
}

// markIndirect records which sentences report speech in the subjunctive,
// before direct quotes are judged, so that scare quotes can be told apart.
func (s *state) markIndirect(si int) {
	sp := s.d.Sentences[si]
	for i := sp.First; i < sp.Last; i++ {
		if s.q.konj[strings.ToLower(s.d.Tokens[i].Text)] {
			s.indirectSpeech[si] = true
			return
		}
	}
}

// withinIndirect reports whether a direct quotation lies inside a piece
// of reported speech.
func (s *state) withinIndirect(q analysis.Quote) bool {
	for _, o := range s.quotes {
		if !o.Direct && o.Start <= q.Start && q.End <= o.End+1 {
			return true
		}
	}
	return false
}

// hasSpeechVerb reports whether sentence si has a speech verb outside
// quotation marks.
func (s *state) hasSpeechVerb(si int) bool {
	sp := s.d.Sentences[si]
	for i := sp.First; i < sp.Last; i++ {
		if !s.inDirect[i] && s.q.speech[strings.ToLower(s.d.Tokens[i].Text)] {
			return true
		}
	}
	return false
}

// titleCase reports whether every word of a short quotation is
// capitalised, as song, book and film titles are.
func titleCase(toks []token.Token) bool {
	words := 0
	for _, t := range toks {
		if t.Kind != token.Word {
			continue
		}
		words++
		if !isUpper(t.Text) {
			return false
		}
	}
	return words >= 2 && words <= 8
}

func isUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}
