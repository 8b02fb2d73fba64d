// Package entity finds the people, organisations and places an article
// names and links them to the knowledge base (package kb).
//
// It works in three passes over the tokens of each sentence: a gazetteer
// pass matches the longest known name at each position, coping with German
// inflection (genitive "Nordkoreas", adjectives "nordkoreanischen") and with
// names inside hyphenated compounds ("US-Präsident", "Apec-Gipfel"); a
// tagger pass adds names the knowledge base lacks; a linking pass resolves
// short names ("Trump", "Kims") to the full names of the same article, role
// nouns ("der US-Präsident") to who held the office on the publication
// date, and pronouns ("Er") to the subject of the sentence before.
package entity

import (
	"context"
	"log/slog"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/internal/analysis"
	"github.com/newsgraph/newsgraph/internal/kb"
	"github.com/newsgraph/newsgraph/internal/pipeline"
	"github.com/newsgraph/newsgraph/internal/token"
	"github.com/newsgraph/newsgraph/lang"
)

// Tagger labels tokens with BIO tags (B-PER, I-LOC, O …). The statistical
// tagger of package ner satisfies it.
type Tagger interface {
	Tag(tokens []string) []string
}

// Options configures a Recognizer.
type Options struct {
	Languages []string
	// CityRank is how many of each country's largest cities are accepted
	// without a locative cue ("in", "nach") or the tagger's agreement; the
	// long tail of city names collides with ordinary nouns.
	CityRank int
}

// DefaultOptions returns the settings for German and English news.
func DefaultOptions() Options {
	return Options{Languages: []string{"de", "en"}, CityRank: 3}
}

// Recognizer is the entity stage of the pipeline. It is safe for
// concurrent use.
type Recognizer struct {
	kb       *kb.KB
	tagger   Tagger
	opts     Options
	log      *slog.Logger
	pronouns map[string]bool
	dets     map[string]bool
	locative map[string]bool
	function map[string]bool // closed-class words, never names on their own
	given    map[string]bool // given names, as written
	surnames map[string][]*kb.Entity
}

// New returns a Recognizer over k. tagger may be nil. A nil logger discards.
func New(k *kb.KB, tagger Tagger, opts Options, log *slog.Logger) (*Recognizer, error) {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	if len(opts.Languages) == 0 {
		opts.Languages = DefaultOptions().Languages
	}
	r := &Recognizer{
		kb: k, tagger: tagger, opts: opts, log: log.With("component", "entity"),
		pronouns: map[string]bool{}, dets: map[string]bool{}, locative: map[string]bool{}, function: map[string]bool{}, given: map[string]bool{},
		surnames: map[string][]*kb.Entity{},
	}
	for _, code := range opts.Languages {
		if l, err := lang.List(code, "pronouns"); err == nil {
			for _, line := range l {
				w, _, _ := strings.Cut(line, "\t")
				r.pronouns[strings.TrimSpace(w)] = true
			}
		}
		for _, pair := range []struct {
			name string
			set  map[string]bool
		}{{"determiners", r.dets}, {"locative", r.locative}, {"function_words", r.function}, {"given_names", r.given}} {
			l, err := lang.List(code, pair.name)
			if err != nil {
				continue
			}
			for _, w := range l {
				pair.set[w] = true
			}
		}
	}
	for _, e := range k.Entities() {
		if e.Kind != kb.KindActor || e.Type != kb.TypePER {
			continue
		}
		seen := map[string]bool{}
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			f := strings.Fields(kb.Normalize(n))
			if len(f) < 2 {
				continue
			}
			short := f[len(f)-1]
			if k.FamilyNameFirst(e.Country) {
				short = f[0]
			}
			if !seen[short] {
				seen[short] = true
				r.surnames[short] = append(r.surnames[short], e)
			}
		}
	}
	return r, nil
}

// mention is a candidate found in the text, before grouping.
type mention struct {
	start, end int // code points
	text       string
	form       string
	sentence   int
	tokIndex   int
	ent        *kb.Entity
	// For names the knowledge base does not know.
	name, typ, country string
	// subject is true for a person mention outside quotation marks, which
	// a pronoun of the next sentence may refer to.
	subject bool
}

// Annotate adds entities, places and references to d.
func (r *Recognizer) Annotate(ctx context.Context, d *pipeline.Document) error {
	a := &articleState{r: r, d: d, published: d.Result.Published}
	a.run()
	return nil
}

type articleState struct {
	r         *Recognizer
	d         *pipeline.Document
	published string
	norms     []string
	tokBytes  []int    // byte offset of each token in the article text
	alts      []string // norms with inflected adjectives in their -e form
	// keyBuf and altBuf are reused for the n-gram keys of matchName.
	keyBuf, altBuf []byte
	mentions       []mention
	refs           []analysis.Reference
	pending        []mention // surnames, role nouns and pronouns resolved after the names
	// countries holds the actor keys the article names (places,
	// adjectives, organisations), which short names must agree with.
	countries map[string]bool
	// main is the article's city (mainCity), once mainDone.
	main     *kb.Entity
	mainDone bool
}

func (a *articleState) run() {
	toks := a.d.Tokens
	a.tokBytes = make([]int, len(toks))
	text := a.d.Result.Text
	pos := 0
	for i, t := range toks {
		if k := strings.Index(text[pos:], t.Text); k >= 0 {
			pos += k
		}
		a.tokBytes[i] = pos
		pos += len(t.Text)
	}
	a.norms = make([]string, len(toks))
	a.alts = make([]string, len(toks))
	for i, t := range toks {
		a.norms[i] = kb.Normalize(t.Text)
		a.alts[i] = baseAdjective(a.norms[i])
	}
	for si, s := range a.d.Sentences {
		a.sentence(si, s)
	}
	a.resolvePending()
	a.output()
}

func isWord(t token.Token) bool {
	switch t.Kind {
	case token.Word, token.Abbrev, token.Number, token.Handle, token.Hashtag:
		return true
	}
	return false
}

func upperFirst(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

func (a *articleState) sentence(si int, s token.Span) {
	toks := a.d.Tokens
	inQuote := false
	var tagged []string
	if a.r.tagger != nil {
		words := make([]string, 0, s.Last-s.First)
		for _, t := range toks[s.First:s.Last] {
			words = append(words, t.Text)
		}
		tagged = a.r.tagger.Tag(words)
	}
	covered := make([]bool, s.Last-s.First)
	for i := s.First; i < s.Last; {
		t := toks[i]
		if t.Kind == token.Quote {
			inQuote = !inQuote
			i++
			continue
		}
		if !isWord(t) {
			i++
			continue
		}
		if n := a.matchFullName(si, s, i, inQuote); n > 0 {
			for j := i; j < i+n; j++ {
				covered[j-s.First] = true
			}
			i += n
			continue
		}
		if n := a.matchName(si, s, i, inQuote, tagged); n > 0 {
			for j := i; j < i+n; j++ {
				covered[j-s.First] = true
			}
			i += n
			continue
		}
		if a.matchToken(si, s, i, inQuote) {
			covered[i-s.First] = true
		}
		i++
	}
	if tagged != nil {
		a.taggerSpans(si, s, tagged, covered)
	}
}

// nameParticle reports the words that join the parts of a name: "Saud
// al-Qahtani" has the particle inside the token, "Ursula von der Leyen"
// apart.
func nameParticle(w string) bool {
	switch w {
	case "von", "van", "der", "de", "da", "di", "del", "bin", "ibn", "al", "el", "le", "la":
		return true
	}
	return false
}

// matchFullName finds a person the knowledge base does not know from a
// given name followed by capitalised words: "Björn Lund", "Hamad Hassan".
// It returns the number of tokens taken, or 0.
func (a *articleState) matchFullName(si int, s token.Span, i int, inQuote bool) int {
	toks := a.d.Tokens
	if !a.r.given[toks[i].Text] || i+1 >= s.Last {
		return 0
	}
	// A known name starting here is the gazetteer's to take.
	key := a.norms[i]
	for k := i + 1; k < s.Last && k < i+5; k++ {
		key += " " + a.norms[k]
		if len(a.r.kb.LookupKey(key)) > 0 {
			return 0
		}
	}
	j := i + 1
	for j < s.Last && j < i+4 {
		t := toks[j]
		if !isWord(t) {
			break
		}
		if nameParticle(t.Text) && j+1 < s.Last && upperFirst(toks[j+1].Text) {
			j++
			continue
		}
		// "al-Kahtani", "el-Sisi", "bin-Salman": a particle glued to a name.
		glued := false
		if p, rest, ok := strings.Cut(t.Text, "-"); ok && nameParticle(p) && upperFirst(rest) {
			glued = true
		}
		if !glued && (!upperFirst(t.Text) || a.r.function[a.norms[j]] || len(a.r.kb.RoleNouns(a.norms[j])) > 0) {
			break
		}
		// "nannte Kim Trump einen …": a given name that is also the short
		// name of a known person, followed by another known short name,
		// is two people.
		if j == i+1 && len(a.r.surnames[a.norms[i]]) > 0 && len(a.r.surnames[a.norms[j]]) > 0 {
			// Decided once the article's people are known: two known
			// people, or one unknown ("Hamad Hassan").
			t0, t1 := toks[i], toks[j]
			a.pending = append(a.pending, mention{start: t0.Start, end: t1.End, text: a.tokText(i, j+1), form: "pair", name: a.norms[i] + " " + a.norms[j], sentence: si, tokIndex: i, typ: kb.TypePER, subject: !inQuote})
			return 2
		}
		j++
	}
	if j == i+1 {
		return 0
	}
	text := a.tokText(i, j)
	name := text
	if strings.HasSuffix(name, "s") && a.hasName(strings.TrimSuffix(name, "s")) {
		name = strings.TrimSuffix(name, "s")
	}
	a.mentions = append(a.mentions, mention{start: toks[i].Start, end: toks[j-1].End, text: text, form: "name", sentence: si, tokIndex: i, name: name, typ: kb.TypePER, subject: !inQuote})
	return j - i
}

// hasName reports whether an unknown person of this name was seen.
func (a *articleState) hasName(name string) bool {
	for _, m := range a.mentions {
		if m.ent == nil && m.name == name {
			return true
		}
	}
	return false
}

// matchName tries the longest knowledge-base name starting at token i and
// returns the number of tokens it covers.
func (a *articleState) matchName(si int, s token.Span, i int, inQuote bool, tagged []string) int {
	toks := a.d.Tokens
	max := a.r.kb.MaxWords()
	key, alt := a.keyBuf[:0], a.altBuf[:0]
	defer func() { a.keyBuf, a.altBuf = key[:0], alt[:0] }()
	words := 0
	altDiffers := false
	best, bestN := kb.Form{}, 0
	for j := i; j < s.Last && words < max; j++ {
		if !isWord(toks[j]) {
			break
		}
		if len(key) > 0 {
			key = append(key, ' ')
			alt = append(alt, ' ')
		}
		key = append(key, a.norms[j]...)
		alt = append(alt, a.alts[j]...)
		altDiffers = altDiffers || a.alts[j] != a.norms[j]
		words += strings.Count(a.norms[j], " ") + 1
		forms := a.r.kb.LookupBytes(key)
		if len(forms) == 0 && j > i && altDiffers {
			// "der Schwedischen Akademie": an inflected adjective inside a
			// name, looked up in its base form.
			forms = a.r.kb.LookupBytes(alt)
		}
		if len(forms) == 0 {
			continue
		}
		if f, ok := a.accept(forms, s, i, j+1, tagged); ok {
			best, bestN = f, j+1-i
		}
	}
	if bestN == 0 {
		return 0
	}
	first, last := toks[i], toks[i+bestN-1]
	m := mention{start: first.Start, end: last.End, text: a.tokText(i, i+bestN), form: best.Kind, sentence: si, tokIndex: i, ent: best.Entity}
	switch best.Kind {
	case kb.FormAdjective, kb.FormDemonym:
		a.refs = append(a.refs, analysis.Reference{Mention: analysis.Mention{Start: m.start, End: m.end, Text: m.text, Form: best.Kind, Sentence: si}, Key: best.Entity.Affiliation, KBID: best.Entity.ID})
		// "nordkoreanischen Außenministerium", "russische Militär"
		a.institutionAfter(si, s, i+bestN, best.Entity)
		return bestN
	}
	m.subject = !inQuote && best.Entity.Type == kb.TypePER
	a.mentions = append(a.mentions, m)
	if best.Entity.Kind == kb.KindCountry && (best.Kind == kb.FormGenitive || best.Kind == kb.FormName) {
		a.institutionAfter(si, s, i+bestN, best.Entity)
	}
	return bestN
}

// baseAdjective maps an inflected German adjective of a name to its -e
// form ("schwedischen" → "schwedische"), the form names are listed in.
func baseAdjective(w string) string {
	for _, stem := range [...]string{"isch", "lich", "ig"} {
		for _, end := range [...]string{"en", "em", "er", "es"} {
			if strings.HasSuffix(w, stem+end) {
				return strings.TrimSuffix(w, end) + "e"
			}
		}
	}
	return w
}

// accept picks the reading of a matched form that fits the text.
func (a *articleState) accept(forms []kb.Form, s token.Span, i, j int, tagged []string) (kb.Form, bool) {
	toks := a.d.Tokens
	first := toks[i].Text
	// A name reading beats a metonym: "Pjöngjang" is the city as a place;
	// the government it also stands for is recorded as a reference.
	ordered := make([]kb.Form, 0, len(forms))
	for _, f := range forms {
		if f.Kind != kb.FormMetonym {
			ordered = append(ordered, f)
		}
	}
	for _, f := range forms {
		if f.Kind == kb.FormMetonym {
			ordered = append(ordered, f)
		}
	}
	for _, f := range ordered {
		e := f.Entity
		switch f.Kind {
		case kb.FormAdjective:
			// German adjectives are lower case; English ones capitalised.
			if j-i == 1 && !upperFirst(first) || upperFirst(first) {
				return f, true
			}
			continue
		}
		surface := a.tokText(i, j)
		// "Über" is not Uber: a function word alone is never a name, even
		// when folding diacritics makes it look like one.
		if j-i == 1 && a.r.function[strings.ToLower(first)] && !(len(first) > 1 && allCaps(first)) {
			continue
		}
		// "Die Zeit drängt": a title that opens with an article is not
		// read at the start of a sentence, where the article is ordinary.
		if j-i > 1 && i == s.First && a.r.dets[strings.ToLower(first)] && e.Kind == kb.KindOrg {
			continue
		}
		if !upperFirst(first) && !hasExactAlias(e, surface) {
			continue
		}
		if f.Acronym && !allCaps(surface) {
			continue
		}
		if e.Kind == kb.KindCity && !a.cityFits(e, s, i, j, tagged) {
			continue
		}
		return f, true
	}
	return kb.Form{}, false
}

func allCaps(s string) bool {
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
	}
	return true
}

func hasExactAlias(e *kb.Entity, text string) bool {
	if e.Name == text {
		return true
	}
	for _, al := range e.Aliases {
		if al == text {
			return true
		}
	}
	return false
}

// cityFits decides whether tokens [i, j) name city e. The long tail of
// the city list collides with given names ("David", "Nigel"), surnames
// ("Lund") and German nouns ("Straßen"), so a city that is neither curated
// nor among the largest of its country needs a locative cue or the
// tagger's agreement, and none is taken inside a person's name.
func (a *articleState) cityFits(e *kb.Entity, s token.Span, i, j int, tagged []string) bool {
	toks := a.d.Tokens
	curated := e.Curated()
	if !curated && j-i == 1 {
		// "Björn Lund": a capitalised unknown word before; "David Cameron":
		// a capitalised word after.
		if i > s.First && upperFirst(toks[i-1].Text) && isWord(toks[i-1]) && len(a.r.kb.LookupKey(a.norms[i-1])) == 0 && !a.r.function[a.norms[i-1]] {
			return false
		}
		if j < s.Last && upperFirst(toks[j].Text) && isWord(toks[j]) {
			return false
		}
	}
	if curated || j-i > 1 || e.AmongLargest(a.r.opts.CityRank) {
		return true
	}
	return a.cityCue(s, i, tagged)
}

// cityCue reports whether token i reads as a place: after a locative
// preposition, or tagged LOC by the tagger.
func (a *articleState) cityCue(s token.Span, i int, tagged []string) bool {
	if i > s.First && a.r.locative[strings.ToLower(a.d.Tokens[i-1].Text)] {
		return true
	}
	if tagged != nil && i-s.First < len(tagged) && strings.HasSuffix(tagged[i-s.First], "LOC") {
		return true
	}
	return false
}

// matchToken handles one token that is not a known name: genitives
// ("Kims"), compounds ("US-Präsident", "Nordkorea-Konflikt"), role nouns,
// surnames and pronouns.
func (a *articleState) matchToken(si int, s token.Span, i int, inQuote bool) bool {
	t := a.d.Tokens[i]
	text := t.Text
	if a.r.pronouns[text] {
		a.pending = append(a.pending, mention{start: t.Start, end: t.End, text: text, form: "pronoun", sentence: si, tokIndex: i})
		return true
	}
	if !upperFirst(text) {
		return false
	}
	norm := a.norms[i]
	if a.institutionCity(si, s, i) {
		return true
	}
	// "die Polizei" alone: the local body of the article's city, named once
	// the places are known.
	if in, ok := a.r.kb.InstitutionNoun(norm); ok && strings.HasPrefix(in.Template, "{country} ") && i > s.First && a.r.dets[strings.ToLower(a.d.Tokens[i-1].Text)] {
		a.pending = append(a.pending, mention{start: t.Start, end: t.End, text: text, form: "local", sentence: si, tokIndex: i, name: in.Template, typ: kb.TypeORG})
		return true
	}
	// "die Hamburger Polizei": a city adjective in -er before a local body.
	if strings.HasSuffix(text, "er") && i+1 < s.Last && len(text) > 4 {
		if city := a.cityNamed(strings.TrimSuffix(norm, "er")); city != nil {
			if in, ok := a.r.kb.InstitutionNoun(a.norms[i+1]); ok && strings.HasPrefix(in.Template, "{country} ") {
				t2 := a.d.Tokens[i+1]
				a.mentions = append(a.mentions, mention{start: t2.Start, end: t2.End, text: t2.Text, form: kb.FormInstitution, sentence: si, tokIndex: i + 1,
					name: city.Name + strings.TrimPrefix(in.Template, "{country}"), typ: kb.TypeORG, country: city.Country})
				return true
			}
		}
	}
	// Role nouns first: "US-Präsident" is a role, not just a compound.
	if len(a.r.kb.RoleNouns(norm)) > 0 {
		a.compoundParts(si, t)
		a.pending = append(a.pending, mention{start: t.Start, end: t.End, text: text, form: "role", sentence: si, tokIndex: i})
		return true
	}
	// Genitive of a name or surname: "Kims", "Trumps", "Xis".
	if strings.HasSuffix(text, "s") && len(text) > 3 && !a.r.function[norm] {
		base := strings.TrimSuffix(norm, "s")
		if forms := a.r.kb.LookupKey(base); len(forms) > 0 && forms[0].Entity.Kind != kb.KindCity && !(forms[0].Acronym && !allCaps(text[:len(text)-1])) {
			f := forms[0]
			a.mentions = append(a.mentions, mention{start: t.Start, end: t.End, text: text, form: kb.FormGenitive, sentence: si, tokIndex: i, ent: f.Entity, subject: !inQuote && f.Entity.Type == kb.TypePER})
			if f.Entity.Kind == kb.KindCountry {
				a.institutionAfter(si, s, i+1, f.Entity)
			}
			return true
		}
		if len(a.r.surnames[base]) > 0 && !a.r.function[norm] {
			a.pending = append(a.pending, mention{start: t.Start, end: t.End, text: text, form: "surname", name: base, sentence: si, tokIndex: i, subject: !inQuote})
			return true
		}
	}
	if len(a.r.surnames[norm]) > 0 && !a.r.function[norm] {
		a.pending = append(a.pending, mention{start: t.Start, end: t.End, text: text, form: "surname", name: norm, sentence: si, tokIndex: i, subject: !inQuote})
		return true
	}
	if strings.ContainsRune(text, '-') {
		found := a.compoundParts(si, t)
		if a.compoundInstitution(si, s, i) {
			return true
		}
		return found
	}
	return false
}

// compoundInstitution reads "US-Botschaft (in Kabul)", "US-Militär":
// a country and an institution noun in one compound.
func (a *articleState) compoundInstitution(si int, s token.Span, i int) bool {
	t := a.d.Tokens[i]
	head, rest, ok := strings.Cut(t.Text, "-")
	if !ok || rest == "" {
		return false
	}
	in, ok := a.r.kb.InstitutionNoun(kb.Normalize(rest))
	if !ok {
		return false
	}
	var country *kb.Entity
	for _, f := range a.r.kb.Lookup(head) {
		if f.Entity.Kind == kb.KindCountry && f.Kind != kb.FormDemonym {
			country = f.Entity
			break
		}
	}
	if country == nil {
		return false
	}
	name := expandTemplate(in.Template, a.r.kb.PhraseName(country.Country), a.r.kb.Adjective("en", country.Country))
	if strings.Contains(in.Template, "Embassy") || strings.Contains(in.Template, "Consulate") {
		if city, _ := a.cityAfter(s, i+1); city != nil {
			name += " in " + city.Name
		}
	}
	a.mentions = append(a.mentions, mention{start: t.Start, end: t.End, text: t.Text, form: kb.FormInstitution, sentence: si, tokIndex: i, name: name, typ: kb.TypeORG, country: country.Country})
	return true
}

// compoundParts finds names inside a hyphenated compound: the leading part
// of "US-Präsident", "Apec-Treffen", "Nordkorea-Konflikt", "Asien-Reise".
func (a *articleState) compoundParts(si int, t token.Token) bool {
	parts := strings.Split(t.Text, "-")
	if len(parts) < 2 {
		return false
	}
	found := false
	off := t.Start
	for pi, p := range parts {
		n := utf8.RuneCountInString(p)
		if p != "" && upperFirst(p) && pi < len(parts)-1 {
			// Try the longest run of parts first ("Nord-Stream-Pipeline").
			for k := len(parts) - 1; k > pi; k-- {
				cand := strings.Join(parts[pi:k], "-")
				forms := a.r.kb.Lookup(cand)
				if len(forms) == 0 {
					continue
				}
				f := forms[0]
				if f.Kind == kb.FormAdjective || f.Kind == kb.FormDemonym || f.Entity.Kind == kb.KindCity && !f.Entity.AmongLargest(a.r.opts.CityRank) {
					continue
				}
				end := off + utf8.RuneCountInString(cand)
				a.mentions = append(a.mentions, mention{start: off, end: end, text: cand, form: "compound", sentence: si, ent: f.Entity})
				found = true
				break
			}
		}
		off += n + 1
		if found {
			break
		}
	}
	return found
}

// institutionAfter turns "Nordkoreas Außenministerium" or "das russische
// Militär" into an organisation named from the institution's template.
func (a *articleState) institutionAfter(si int, s token.Span, i int, country *kb.Entity) {
	toks := a.d.Tokens
	if i >= s.Last || country.Kind != kb.KindCountry {
		return
	}
	for n := 3; n >= 1; n-- {
		if i+n > s.Last {
			continue
		}
		parts := make([]string, 0, n)
		for j := i; j < i+n; j++ {
			parts = append(parts, a.norms[j])
		}
		in, ok := a.r.kb.InstitutionNoun(strings.Join(parts, " "))
		if !ok {
			continue
		}
		// "die chinesische Nachrichtenagentur Xinhua": the name that
		// follows is the organisation; the noun only describes it.
		if k := i + n; k < s.Last && isWord(toks[k]) && upperFirst(toks[k].Text) && len(a.r.kb.LookupKey(a.norms[k])) > 0 {
			return
		}
		name := expandTemplate(in.Template, a.r.kb.PhraseName(country.Country), a.r.kb.Adjective("en", country.Country))
		// Missions abroad are told apart by their city: "Embassy of
		// Germany in Beirut".
		if strings.Contains(in.Template, "Embassy") || strings.Contains(in.Template, "Consulate") {
			if city, _ := a.cityAfter(s, i+n); city != nil {
				name += " in " + city.Name
			}
		}
		a.mentions = append(a.mentions, mention{
			start: toks[i].Start, end: toks[i+n-1].End, text: a.tokText(i, i+n), form: kb.FormInstitution,
			sentence: si, tokIndex: i, name: name, typ: kb.TypeORG, country: country.Country,
		})
		return
	}
}

// cityAfter reads "in Hamburg" / "im Istanbuler …" after token i and
// returns the city and the token after it.
func (a *articleState) cityAfter(s token.Span, i int) (*kb.Entity, int) {
	toks := a.d.Tokens
	if i+1 >= s.Last || !a.r.locative[strings.ToLower(toks[i].Text)] {
		return nil, i
	}
	for _, f := range a.r.kb.LookupKey(a.norms[i+1]) {
		if f.Kind == kb.FormName && f.Entity.Kind == kb.KindCity {
			return f.Entity, i + 2
		}
	}
	return nil, i
}

// insideAny reports whether offset off falls within one of the spans.
func insideAny(spans [][2]int, off int) bool {
	for _, sp := range spans {
		if sp[0] <= off && off < sp[1] {
			return true
		}
	}
	return false
}

// mainCity is the city an article is about: its dateline city, else the
// city it names most often, if it names one at least twice.
func (a *articleState) mainCity() *kb.Entity {
	// The city mentions are all known before pending mentions are
	// resolved, so the answer is worked out once.
	if !a.mainDone {
		a.main, a.mainDone = a.findMainCity(), true
	}
	return a.main
}

func (a *articleState) findMainCity() *kb.Entity {
	if dl := a.d.Result.Dateline; dl != nil && len(dl.Places) > 0 {
		if c := a.cityNamed(kb.Normalize(dl.Places[0].Text)); c != nil {
			return c
		}
	}
	count := map[*kb.Entity]int{}
	var best *kb.Entity
	for _, m := range a.mentions {
		if m.ent != nil && m.ent.Kind == kb.KindCity {
			count[m.ent]++
			if best == nil || count[m.ent] > count[best] {
				best = m.ent
			}
		}
	}
	// The city named most often, at least twice, or the only one named.
	if best != nil && (count[best] >= 2 || len(count) == 1) {
		return best
	}
	if best == nil {
		// A story may name its city only by adjective: "im Hamburger
		// Schanzenviertel".
		for i, t := range a.d.Tokens {
			if len(t.Text) > 4 && strings.HasSuffix(t.Text, "er") && upperFirst(t.Text) {
				if c := a.cityNamed(strings.TrimSuffix(a.norms[i], "er")); c != nil {
					return c
				}
			}
		}
	}
	return nil
}

// cityNamed returns the city a normalised name reads as, or nil.
func (a *articleState) cityNamed(key string) *kb.Entity {
	for _, f := range a.r.kb.LookupKey(key) {
		if f.Kind == kb.FormName && f.Entity.Kind == kb.KindCity && f.Entity.Curated() {
			return f.Entity
		}
	}
	return nil
}

// institutionCity names "die Polizei in Hamburg" after the city when no
// country stands before the noun: Hamburg Police.
func (a *articleState) institutionCity(si int, s token.Span, i int) bool {
	in, ok := a.r.kb.InstitutionNoun(a.norms[i])
	if !ok {
		return false
	}
	// An embassy or consulate in a city belongs to another country; other
	// bodies belong to the city's country ("das Präsidialamt in Seoul"),
	// and local ones take the city's name ("Hamburg Police").
	if strings.Contains(in.Template, "Embassy") || strings.Contains(in.Template, "Consulate") {
		return false
	}
	city, _ := a.cityAfter(s, i+1)
	if city == nil {
		return false
	}
	var name string
	if strings.HasPrefix(in.Template, "{country} ") {
		name = city.Name + strings.TrimPrefix(in.Template, "{country}")
	} else {
		name = expandTemplate(in.Template, a.r.kb.PhraseName(city.Country), a.r.kb.Adjective("en", city.Country))
	}
	t := a.d.Tokens[i]
	a.mentions = append(a.mentions, mention{start: t.Start, end: t.End, text: t.Text, form: kb.FormInstitution, sentence: si, tokIndex: i, name: name, typ: kb.TypeORG, country: city.Country})
	return true
}

func expandTemplate(t, country, adjective string) string {
	if adjective == "" {
		adjective = country
	}
	t = strings.ReplaceAll(t, "{country}", country)
	return strings.ReplaceAll(t, "{adjective}", adjective)
}

// taggerSpans adds the tagger's names that no gazetteer match covered.
func (a *articleState) taggerSpans(si int, s token.Span, tags []string, covered []bool) {
	for i := 0; i < len(tags); {
		tag := tags[i]
		if !strings.HasPrefix(tag, "B-") {
			i++
			continue
		}
		typ := tag[2:]
		j := i + 1
		for j < len(tags) && tags[j] == "I-"+typ {
			j++
		}
		overlap := false
		for k := i; k < j; k++ {
			overlap = overlap || covered[k]
		}
		if !overlap {
			a.taggedSpan(si, s.First+i, s.First+j, typ)
		}
		i = j
	}
}

func (a *articleState) taggedSpan(si, i, j int, typ string) {
	toks := a.d.Tokens
	text := a.tokText(i, j)
	if typ == "OTH" {
		typ = kb.TypeMISC
	}
	// The tagger is trained on little news text (GermEval F1 about 0.5), so
	// only its most reliable kinds of span are taken: names of two words
	// or more for people and organisations, and places after a locative
	// preposition. Its MISC spans are left out.
	s := a.d.Sentences[si]
	switch typ {
	case kb.TypeMISC:
		return
	case kb.TypeORG:
		if j-i < 2 {
			return
		}
	case kb.TypeLOC:
		if i == s.First || !a.r.locative[strings.ToLower(toks[i-1].Text)] || strings.HasSuffix(toks[i].Text, "er") || strings.HasSuffix(toks[i].Text, "ern") {
			return
		}
	}
	for k := i; k < j; k++ {
		if !isWord(toks[k]) || !upperFirst(toks[k].Text) && k == i {
			return
		}
	}
	m := mention{start: toks[i].Start, end: toks[j-1].End, text: text, form: "tagger", sentence: si, tokIndex: i, name: text, typ: typ}
	// A single capitalised word the tagger calls a person is most often a
	// surname of someone named in full elsewhere: resolve it with them.
	if typ == kb.TypePER && j-i == 1 {
		m.form, m.name, m.subject = "surname", a.norms[i], true
		a.pending = append(a.pending, m)
		return
	}
	m.subject = typ == kb.TypePER
	a.mentions = append(a.mentions, m)
}

// tokText returns the text of tokens [i, j). Tokens are substrings of the
// article text in order, so their byte offsets are found once per article
// (tokBytes) and every span is a plain slice, not a walk over code points.
func (a *articleState) tokText(i, j int) string {
	return a.d.Result.Text[a.tokBytes[i] : a.tokBytes[j-1]+len(a.d.Tokens[j-1].Text)]
}

// resolvePending links surnames, role nouns and pronouns, in text order,
// once every full name of the article is known.
func (a *articleState) resolvePending() {
	a.countries = map[string]bool{}
	for _, m := range a.mentions {
		if m.ent != nil {
			a.countries[m.ent.Affiliation] = true
			a.countries[m.ent.Country] = true
		}
	}
	for _, r := range a.refs {
		a.countries[r.Key] = true
	}
	delete(a.countries, "")
	sort.SliceStable(a.pending, func(i, j int) bool { return a.pending[i].start < a.pending[j].start })
	for _, p := range a.pending {
		switch p.form {
		case "surname":
			if e := a.resolveSurname(p.name); e != nil {
				p.ent = e
				a.mentions = append(a.mentions, p)
			}
			// An unknown single word is not kept as a person of its own:
			// the tagger's single-word names are wrong more often than
			// right; a surname of a full name found elsewhere in the
			// article is linked by unknownSurnames.
		case "role":
			if e := a.resolveRole(p); e != nil {
				p.ent = e
				p.subject = true
				a.mentions = append(a.mentions, p)
			}
		case "pair":
			f := strings.Fields(p.name)
			e0, e1 := a.resolveSurname(f[0]), a.resolveSurname(f[1])
			if e0 != nil && e1 != nil && e0 != e1 {
				t0, t1 := a.d.Tokens[p.tokIndex], a.d.Tokens[p.tokIndex+1]
				a.mentions = append(a.mentions,
					mention{start: t0.Start, end: t0.End, text: t0.Text, form: "surname", sentence: p.sentence, tokIndex: p.tokIndex, ent: e0, subject: p.subject},
					mention{start: t1.Start, end: t1.End, text: t1.Text, form: "surname", sentence: p.sentence, tokIndex: p.tokIndex + 1, ent: e1})
				continue
			}
			p.form, p.name = "name", p.text
			a.mentions = append(a.mentions, p)
		case "local":
			if city := a.mainCity(); city != nil {
				p.name = city.Name + strings.TrimPrefix(p.name, "{country}")
				p.country = city.Country
				p.form = kb.FormInstitution
				a.mentions = append(a.mentions, p)
			}
		case "pronoun":
			if e := a.resolvePronoun(p); e != nil {
				p.ent = e
				p.subject = true
				a.mentions = append(a.mentions, p)
			}
		}
	}
	a.missionCities()
	a.linkVariants()
	a.unknownSurnames()
	sort.SliceStable(a.mentions, func(i, j int) bool { return a.mentions[i].start < a.mentions[j].start })
}

// linkVariants links an unknown full name to the known person of the
// same surname from the article's countries when the given names start
// alike: "Hasan Diab" is Hassan Diab.
func (a *articleState) linkVariants() {
	for k := range a.mentions {
		m := &a.mentions[k]
		if m.ent != nil || m.typ != kb.TypePER {
			continue
		}
		f := strings.Fields(kb.Normalize(m.name))
		if len(f) < 2 {
			continue
		}
		e := a.resolveSurname(f[len(f)-1])
		if e == nil {
			continue
		}
		if g := strings.Fields(kb.Normalize(e.Name)); len(g) > 1 && g[0][0] == f[0][0] {
			m.ent = e
		}
	}
}

// missionCities names an embassy or consulate that the text places in no
// city after the article's city when that lies abroad: "die deutsche
// Botschaft" in a story from Beirut is the Embassy of Germany in Beirut.
func (a *articleState) missionCities() {
	for k := range a.mentions {
		m := &a.mentions[k]
		if m.form != kb.FormInstitution || strings.Contains(m.name, " in ") || !(strings.HasPrefix(m.name, "Embassy of") || strings.HasPrefix(m.name, "Consulate")) {
			continue
		}
		if city := a.mainCity(); city != nil && city.Country != m.country {
			m.name += " in " + city.Name
		}
	}
}

// unknownSurnames links the later short mentions of people the knowledge
// base does not know: "Lund" after "Björn Lund", "Khashoggis" after
// "Jamal Khashoggi".
func (a *articleState) unknownSurnames() {
	last := map[string]string{}
	covered := map[int]bool{}
	spans := make([][2]int, 0, len(a.mentions))
	for _, m := range a.mentions {
		covered[m.start] = true
		spans = append(spans, [2]int{m.start, m.end})
		if m.ent != nil || m.typ != kb.TypePER {
			continue
		}
		if f := strings.Fields(m.name); len(f) > 1 {
			last[f[len(f)-1]] = m.name
		}
	}
	if len(last) == 0 {
		return
	}
	for si, sp := range a.d.Sentences {
		for i := sp.First; i < sp.Last; i++ {
			t := a.d.Tokens[i]
			if covered[t.Start] || !upperFirst(t.Text) || insideAny(spans, t.Start) {
				continue
			}
			name, ok := last[t.Text]
			if !ok && strings.HasSuffix(t.Text, "s") {
				name, ok = last[strings.TrimSuffix(t.Text, "s")]
			}
			if !ok {
				continue
			}
			a.mentions = append(a.mentions, mention{start: t.Start, end: t.End, text: t.Text, form: "surname", sentence: si, tokIndex: i, name: name, typ: kb.TypePER, subject: true})
		}
	}
}

// resolveSurname links a short name to a person of the article with that
// surname, or else to the one person of the knowledge base with that
// surname who held an office on the publication date.
func (a *articleState) resolveSurname(norm string) *kb.Entity {
	var local []*kb.Entity
	for _, m := range a.mentions {
		if m.ent == nil || m.ent.Type != kb.TypePER {
			continue
		}
		for _, c := range a.r.surnames[norm] {
			if c == m.ent && !containsEntity(local, c) {
				local = append(local, c)
			}
		}
	}
	if len(local) == 1 {
		return local[0]
	}
	// Without a full name in the article, take the one office holder of
	// that surname whose country the article is about: "Trump" in a story
	// that names the USA, but not Ethiopia's "Abiy Ahmed" for any "Ahmed".
	var active []*kb.Entity
	for _, c := range a.r.surnames[norm] {
		if !a.countries[c.Affiliation] && !a.countries[c.Country] {
			continue
		}
		for _, role := range c.Roles {
			if role.ActiveOn(a.published) {
				active = append(active, c)
				break
			}
		}
	}
	if len(active) == 1 {
		return active[0]
	}
	// No office on that day (a mayor before he became minister): the one
	// person of that surname from a country the article names.
	var fromHere []*kb.Entity
	for _, c := range a.r.surnames[norm] {
		if a.countries[c.Affiliation] || a.countries[c.Country] {
			fromHere = append(fromHere, c)
		}
	}
	if len(active) == 0 && len(fromHere) == 1 {
		return fromHere[0]
	}
	return nil
}

func containsEntity(list []*kb.Entity, e *kb.Entity) bool {
	for _, x := range list {
		if x == e {
			return true
		}
	}
	return false
}

// resolveRole links "der US-Präsident" to who held the office on the
// publication date. A role noun followed by a name ("US-Präsident Donald
// Trump") is an apposition and is left to the name.
func (a *articleState) resolveRole(p mention) *kb.Entity {
	toks := a.d.Tokens
	i := p.tokIndex
	s := a.d.Sentences[p.sentence]
	if i+1 < s.Last && upperFirst(toks[i+1].Text) && isWord(toks[i+1]) {
		next := a.norms[i+1]
		if len(a.r.kb.LookupKey(next)) > 0 || len(a.r.surnames[next]) > 0 {
			return nil
		}
	}
	if i == s.First || !a.r.dets[strings.ToLower(toks[i-1].Text)] {
		return nil
	}
	for _, rn := range a.r.kb.RoleNouns(a.norms[i]) {
		key := rn.Key
		if key == "" {
			key = a.contextCountry(p)
		}
		if key == "" {
			continue
		}
		if hs := a.r.kb.Holders(rn.Role, key, a.published); len(hs) == 1 {
			return hs[0]
		}
	}
	return nil
}

// contextCountry finds the country a bare role noun belongs to: an
// adjective right before it ("der russische Präsident") or a genitive.
func (a *articleState) contextCountry(p mention) string {
	for _, r := range a.refs {
		if r.Sentence == p.sentence && r.End <= p.start && p.start-r.End <= 1 {
			return r.Key
		}
	}
	return ""
}

// resolvePronoun links "Er" to the person who was the subject of the
// closest earlier body sentence: its first person mention outside quotes.
func (a *articleState) resolvePronoun(p mention) *kb.Entity {
	paras := a.d.Result.Paragraphs
	// Look back over at most two body sentences besides the pronoun's own;
	// captions and credits between them are skipped, not counted.
	body := 0
	for si := p.sentence; si >= 0 && body <= 2; si-- {
		sent := a.d.Result.Sentences[si]
		if k := paras[sent.Paragraph].Kind; k != analysis.KindBody && k != analysis.KindTitle {
			continue
		}
		body++
		var best *mention
		for k := range a.mentions {
			m := &a.mentions[k]
			if m.sentence != si || !m.subject || m.ent == nil || m.ent.Type != kb.TypePER {
				continue
			}
			if si == p.sentence && m.start >= p.start {
				continue
			}
			if best == nil || m.start < best.start {
				best = m
			}
		}
		if best != nil {
			return best.ent
		}
	}
	return nil
}
