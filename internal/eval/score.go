package eval

import (
	"sort"
	"strings"
	"unicode"

	"github.com/newsgraph/newsgraph/internal/analysis"
)

// Pair is one article's answer key together with the system's output for
// it; Score takes a slice of them so that the caller decides how the
// output was produced (live analyser, saved JSON, hand-built in a test).
type Pair struct {
	Gold   Gold
	System analysis.Result
}

// PRF holds the counts of one layer and the figures derived from them.
// The counts are kept beside the ratios because micro-averaging needs
// them and because a reader should see how many items a score rests on.
type PRF struct {
	TP        int     `json:"tp"`
	FP        int     `json:"fp"`
	FN        int     `json:"fn"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

// add sums the counts of o into s; the ratios are set by finish.
func (s *PRF) add(o PRF) {
	s.TP += o.TP
	s.FP += o.FP
	s.FN += o.FN
}

// finish derives precision, recall and F1 from the counts; every ratio
// with a zero denominator is 0, so an empty layer reads 0 with its counts.
func (s *PRF) finish() {
	s.Precision, s.Recall, s.F1 = 0, 0, 0
	if s.TP+s.FP > 0 {
		s.Precision = float64(s.TP) / float64(s.TP+s.FP)
	}
	if s.TP+s.FN > 0 {
		s.Recall = float64(s.TP) / float64(s.TP+s.FN)
	}
	if s.Precision+s.Recall > 0 {
		s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
	}
}

// Accuracy is the share of correct items among the matched items it is
// measured on, with both counts so that a perfect score on two items is not
// mistaken for a perfect score on two hundred.
type Accuracy struct {
	Correct int     `json:"correct"`
	Total   int     `json:"total"`
	Value   float64 `json:"value"`
}

func (a *Accuracy) add(o Accuracy) {
	a.Correct += o.Correct
	a.Total += o.Total
}

func (a *Accuracy) finish() {
	a.Value = 0
	if a.Total > 0 {
		a.Value = float64(a.Correct) / float64(a.Total)
	}
}

// ArticleScores holds one article's counts per layer, so that a user can
// find the article a system fails on instead of only seeing the total.
type ArticleScores struct {
	ID         string `json:"id"`
	Entities   PRF    `json:"entities"`
	Places     PRF    `json:"places"`
	Timex      PRF    `json:"timex"`
	Quotes     PRF    `json:"quotes"`
	Events     PRF    `json:"events"`
	EventsQuad PRF    `json:"events_quad"`
}

// RootScore is the events score of one CAMEO root code. TP and FN count
// gold items by their main root, FP counts system items by their root, so
// that a reader sees which kinds of events are missed or invented.
type RootScore struct {
	Root string `json:"root"`
	PRF
}

// QuadScore is the quad-level events score of one QuadClass (1 verbal
// cooperation, 2 material cooperation, 3 verbal conflict, 4 material
// conflict), counted like RootScore.
type QuadScore struct {
	Quad int `json:"quad"`
	PRF
}

// Report is the result of Score over a set of articles. All counts are
// summed over articles before the ratios are taken (micro-average), as
// GOLD.md prescribes. The JSON field names are stable for scripts.
type Report struct {
	Articles int `json:"articles"`

	Entities PRF `json:"entities"`
	Places   PRF `json:"places"`
	Timex    PRF `json:"timex"`
	Quotes   PRF `json:"quotes"`
	// Events is the score at CAMEO root level, EventsQuad at QuadClass
	// level (source, target and quad class must agree).
	Events     PRF `json:"events"`
	EventsQuad PRF `json:"events_quad"`

	// SpeakerAccuracy is measured over matched quotes.
	SpeakerAccuracy Accuracy `json:"speaker_accuracy"`
	// DirectAccuracy is the share of matched quotes whose direct/indirect
	// flag agrees with the gold quote.
	DirectAccuracy Accuracy `json:"direct_accuracy"`
	// TimexValueAccuracy is measured over system/gold timex pairs whose
	// texts are equal or whose spans overlap, regardless of value.
	TimexValueAccuracy Accuracy `json:"timex_value_accuracy"`
	// GeocodingAccuracy is the share of matched places whose country is
	// the gold country.
	GeocodingAccuracy Accuracy `json:"geocoding_accuracy"`
	// EventDateAccuracy is measured over events matched at root level.
	EventDateAccuracy Accuracy `json:"event_date_accuracy"`

	// EventRoots breaks the root-level events score down by root, always
	// listing 01..20 (and, after them, any malformed root a system gave).
	EventRoots []RootScore `json:"event_roots"`
	// EventQuads breaks the quad-level events score down by quad class.
	EventQuads []QuadScore `json:"event_quads"`

	PerArticle []ArticleScores `json:"per_article"`
}

// Score scores every pair by the rules of GOLD.md and sums the counts over
// articles (micro-average). It never fails: empty layers give zero counts.
func Score(pairs []Pair) Report {
	r := Report{Articles: len(pairs), PerArticle: make([]ArticleScores, 0, len(pairs))}
	roots := map[string]*PRF{}
	for i := 1; i <= 20; i++ {
		roots[rootName(i)] = &PRF{}
	}
	quads := [5]PRF{}
	for _, p := range pairs {
		a := ArticleScores{ID: p.Gold.ID}
		if a.ID == "" {
			a.ID = p.System.ID
		}
		var acc Accuracy
		a.Entities = scoreEntities(p)
		a.Places, acc = scorePlaces(p)
		r.GeocodingAccuracy.add(acc)
		a.Timex, acc = scoreTimex(p)
		r.TimexValueAccuracy.add(acc)
		var direct Accuracy
		a.Quotes, acc, direct = scoreQuotes(p)
		r.SpeakerAccuracy.add(acc)
		r.DirectAccuracy.add(direct)
		ev := scoreEvents(p)
		a.Events, a.EventsQuad = ev.root, ev.quad
		r.EventDateAccuracy.add(ev.date)
		for k, s := range ev.byRoot {
			if roots[k] == nil {
				roots[k] = &PRF{}
			}
			roots[k].add(s)
		}
		for q, s := range ev.byQuad {
			quads[q].add(s)
		}

		r.Entities.add(a.Entities)
		r.Places.add(a.Places)
		r.Timex.add(a.Timex)
		r.Quotes.add(a.Quotes)
		r.Events.add(a.Events)
		r.EventsQuad.add(a.EventsQuad)
		for _, s := range []*PRF{&a.Entities, &a.Places, &a.Timex, &a.Quotes, &a.Events, &a.EventsQuad} {
			s.finish()
		}
		r.PerArticle = append(r.PerArticle, a)
	}
	for _, s := range []*PRF{&r.Entities, &r.Places, &r.Timex, &r.Quotes, &r.Events, &r.EventsQuad} {
		s.finish()
	}
	for _, a := range []*Accuracy{&r.SpeakerAccuracy, &r.DirectAccuracy, &r.TimexValueAccuracy, &r.GeocodingAccuracy, &r.EventDateAccuracy} {
		a.finish()
	}
	r.EventRoots = make([]RootScore, 0, len(roots))
	for i := 1; i <= 20; i++ {
		k := rootName(i)
		s := *roots[k]
		s.finish()
		r.EventRoots = append(r.EventRoots, RootScore{Root: k, PRF: s})
		delete(roots, k)
	}
	var odd []string
	for k := range roots {
		odd = append(odd, k)
	}
	sort.Strings(odd)
	for _, k := range odd {
		s := *roots[k]
		s.finish()
		r.EventRoots = append(r.EventRoots, RootScore{Root: k, PRF: s})
	}
	r.EventQuads = make([]QuadScore, 0, 4)
	for q := 1; q <= 4; q++ {
		s := quads[q]
		s.finish()
		r.EventQuads = append(r.EventQuads, QuadScore{Quad: q, PRF: s})
	}
	if quads[0].TP+quads[0].FP+quads[0].FN > 0 {
		s := quads[0]
		s.finish()
		r.EventQuads = append(r.EventQuads, QuadScore{Quad: 0, PRF: s})
	}
	return r
}

// counts turns the sizes of a matching into TP/FP/FN.
func counts(nSys, nGold, matched int) PRF {
	return PRF{TP: matched, FP: nSys - matched, FN: nGold - matched}
}

// nameSet returns the normalised name and aliases of a gold item; empty
// names are left out so that an empty system name never matches.
func nameSet(name string, aliases []string) map[string]bool {
	m := map[string]bool{}
	for _, n := range append([]string{name}, aliases...) {
		if k := Normalize(n); k != "" {
			m[k] = true
		}
	}
	return m
}

// normType compares entity types without regard to case or spacing.
func normType(t string) string { return strings.ToUpper(strings.TrimSpace(t)) }

// normCode compares ISO3 codes and actor keys without regard to case.
func normCode(c string) string { return strings.ToUpper(strings.TrimSpace(c)) }

// scoreEntities scores PER, ORG and MISC entities. System entities of type
// LOC go to the places layer, and so would gold ones, were there any: gold
// entities of type LOC are not scored here either, so that both sides
// follow the same rule.
func scoreEntities(p Pair) PRF {
	type item struct{ name, typ string }
	var sys []item
	seen := map[item]bool{}
	for _, e := range p.System.Entities {
		it := item{Normalize(e.Name), normType(e.Type)}
		if it.typ == "LOC" || it.name == "" || seen[it] {
			continue
		}
		seen[it] = true
		sys = append(sys, it)
	}
	type goldItem struct {
		names map[string]bool
		typ   string
	}
	var gold []goldItem
	for _, g := range p.Gold.Key.Entities {
		if normType(g.Type) == "LOC" {
			continue
		}
		gold = append(gold, goldItem{nameSet(g.Name, g.Aliases), normType(g.Type)})
	}
	m := match(len(sys), len(gold), func(s, g int) (bool, int) {
		return sys[s].typ == gold[g].typ && gold[g].names[sys[s].name], 0
	})
	return counts(len(sys), len(gold), countMatched(m))
}

// scorePlaces scores places: the system's places plus its entities of type
// LOC, reduced to distinct normalised names (the first non-empty country
// given for a name is its country). It returns the geocoding accuracy over
// the matched places too.
func scorePlaces(p Pair) (PRF, Accuracy) {
	type item struct{ name, country string }
	var sys []item
	index := map[string]int{}
	add := func(name, country string) {
		n := Normalize(name)
		if n == "" {
			return
		}
		if i, ok := index[n]; ok {
			if sys[i].country == "" {
				sys[i].country = normCode(country)
			}
			return
		}
		index[n] = len(sys)
		sys = append(sys, item{n, normCode(country)})
	}
	for _, pl := range p.System.Places {
		add(pl.Name, pl.Country)
	}
	for _, e := range p.System.Entities {
		if normType(e.Type) == "LOC" {
			add(e.Name, e.Country)
		}
	}
	type goldItem struct {
		names   map[string]bool
		country string
	}
	var gold []goldItem
	for _, g := range p.Gold.Key.Places {
		gold = append(gold, goldItem{nameSet(g.Name, g.Aliases), normCode(g.Country)})
	}
	for _, g := range p.Gold.Key.Entities {
		if normType(g.Type) == "LOC" {
			gold = append(gold, goldItem{nameSet(g.Name, g.Aliases), normCode(g.Country)})
		}
	}
	m := match(len(sys), len(gold), func(s, g int) (bool, int) {
		if !gold[g].names[sys[s].name] {
			return false, 0
		}
		// Among equally large matchings, keep the one that credits the
		// geocoder: a right country is preferred.
		if sys[s].country == gold[g].country {
			return true, 1
		}
		return true, 0
	})
	var acc Accuracy
	for s, g := range m {
		if g < 0 {
			continue
		}
		acc.Total++
		if sys[s].country == gold[g].country {
			acc.Correct++
		}
	}
	return counts(len(sys), len(gold), countMatched(m)), acc
}

// lowerRunes lower-cases rune by rune, so that positions in the result are
// the code-point offsets of the original.
func lowerRunes(s string) []rune {
	r := []rune(s)
	for i, c := range r {
		r[i] = unicode.ToLower(c)
	}
	return r
}

// timexKey is the case-insensitive identity of a time expression: lower
// case, white space runs folded to one space, trimmed.
func timexKey(s string) string {
	return strings.Join(strings.Fields(string(lowerRunes(s))), " ")
}

// occurrences returns the code-point spans of every occurrence of needle
// (already a timexKey) in hay (already lower-cased). A space of the needle
// matches any run of white space, since an article may break a line where
// the annotator wrote a space.
func occurrences(hay []rune, needle string) [][2]int {
	nr := []rune(needle)
	if len(nr) == 0 {
		return nil
	}
	var out [][2]int
	for i := range hay {
		j, k := i, 0
		for k < len(nr) && j < len(hay) {
			if nr[k] == ' ' {
				if !unicode.IsSpace(hay[j]) {
					break
				}
				for j < len(hay) && unicode.IsSpace(hay[j]) {
					j++
				}
				k++
				continue
			}
			if hay[j] != nr[k] {
				break
			}
			j++
			k++
		}
		if k == len(nr) {
			out = append(out, [2]int{i, j})
		}
	}
	return out
}

// scoreTimex scores time expressions and returns the value accuracy.
//
// Gold has no offsets, so every occurrence of a gold text in the article
// is located (case-insensitively, in code points) and a system span that
// overlaps any of them is "near" that gold item; equal texts are near as
// well. The system's offsets refer to System.Text, so occurrences are
// located there when the system carries its text, and in the gold text
// otherwise. Both sides are reduced to distinct texts; a reduced system
// item keeps every span it was reported at and the first non-empty value.
//
// A match needs nearness and an equal value (compared case-insensitively,
// trimmed). Value accuracy is measured on a one-to-one pairing of near
// items regardless of value: the matched pairs, plus a maximum matching of
// the near items that are left over. Its correct count therefore always
// equals the layer's TP, and a near item with a wrong value counts against
// it only when its partner was not matched otherwise.
func scoreTimex(p Pair) (PRF, Accuracy) {
	text := p.System.Text
	if text == "" {
		text = p.Gold.Text
	}
	hay := lowerRunes(text)
	type sysItem struct {
		key, value string
		spans      [][2]int
	}
	var sys []sysItem
	index := map[string]int{}
	for _, t := range p.System.Timex {
		k := timexKey(t.Text)
		if k == "" {
			continue
		}
		i, ok := index[k]
		if !ok {
			i = len(sys)
			index[k] = i
			sys = append(sys, sysItem{key: k})
		}
		if sys[i].value == "" {
			sys[i].value = strings.TrimSpace(t.Value)
		}
		if t.End > t.Start {
			sys[i].spans = append(sys[i].spans, [2]int{t.Start, t.End})
		}
	}
	type goldItem struct {
		key, value string
		spans      [][2]int
	}
	var gold []goldItem
	gseen := map[string]bool{}
	for _, t := range p.Gold.Key.Timex {
		k := timexKey(t.Text)
		if k == "" || gseen[k] {
			continue
		}
		gseen[k] = true
		gold = append(gold, goldItem{k, strings.TrimSpace(t.Value), occurrences(hay, k)})
	}
	near := func(s, g int) bool {
		if sys[s].key == gold[g].key {
			return true
		}
		for _, a := range sys[s].spans {
			for _, b := range gold[g].spans {
				if a[0] < b[1] && b[0] < a[1] {
					return true
				}
			}
		}
		return false
	}
	sameValue := func(s, g int) bool {
		return sys[s].value != "" && strings.EqualFold(sys[s].value, gold[g].value)
	}
	m := match(len(sys), len(gold), func(s, g int) (bool, int) {
		return near(s, g) && sameValue(s, g), 0
	})
	// Value accuracy: the matched pairs (all with equal values), plus a
	// maximum matching of near pairs among the items left over.
	usedGold := make([]bool, len(gold))
	for _, g := range m {
		if g >= 0 {
			usedGold[g] = true
		}
	}
	rest := match(len(sys), len(gold), func(s, g int) (bool, int) {
		return m[s] < 0 && !usedGold[g] && near(s, g), 0
	})
	tp := countMatched(m)
	acc := Accuracy{Correct: tp, Total: tp + countMatched(rest)}
	return counts(len(sys), len(gold), countMatched(m)), acc
}

// scoreQuotes scores quotes and returns speaker accuracy and direct/
// indirect agreement over the matched quotes. System quotes are not
// reduced: a quote reported twice is one match and one false positive.
// Among maximum matchings, the one with the highest total Jaccard is kept,
// so that each system quote is paired with the gold quote it is closest to.
func scoreQuotes(p Pair) (PRF, Accuracy, Accuracy) {
	sys := p.System.Quotes
	gold := p.Gold.Key.Quotes
	sw := make([]map[string]struct{}, len(sys))
	for i, q := range sys {
		sw[i] = words(q.Text)
	}
	gw := make([]map[string]struct{}, len(gold))
	for i, q := range gold {
		gw[i] = words(q.Text)
	}
	m := match(len(sys), len(gold), func(s, g int) (bool, int) {
		inter, union := overlap(sw[s], gw[g])
		if !quoteMatches(inter, union) {
			return false, 0
		}
		return true, inter * maxPrefer / union
	})
	var speaker, direct Accuracy
	for s, g := range m {
		if g < 0 {
			continue
		}
		speaker.Total++
		if speakerMatches(sys[s].Speaker, gold[g].Speaker, p.Gold.Key.Entities) {
			speaker.Correct++
		}
		direct.Total++
		if sys[s].Direct == gold[g].Direct {
			direct.Correct++
		}
	}
	return counts(len(sys), len(gold), countMatched(m)), speaker, direct
}

// speakerMatches compares a system speaker with a gold one: by normalised
// name, or as another name of a gold entity that the gold speaker names,
// so that "Trump" counts for "Donald Trump" when the key lists the alias.
// Two empty speakers agree: the key says "" when the text names no one.
func speakerMatches(sys, gold string, ents []GoldEntity) bool {
	ns, ng := Normalize(sys), Normalize(gold)
	if ns == ng {
		return true
	}
	if ns == "" || ng == "" {
		return false
	}
	for _, e := range ents {
		all := nameSet(e.Name, e.Aliases)
		if all[ng] && all[ns] {
			return true
		}
	}
	return false
}
