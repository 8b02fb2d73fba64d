package eval

import (
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"

	"github.com/newsgraph/newsgraph/internal/analysis"
)

// Pair is one article's gold key and the system's output for it.
type Pair struct {
	Gold   Gold
	System analysis.Result
}

// Layer holds the counts of one layer and the figures derived from them.
type Layer struct {
	TP        int     `json:"tp"`
	FP        int     `json:"fp"`
	FN        int     `json:"fn"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

func (s *Layer) add(o Layer) {
	s.TP += o.TP
	s.FP += o.FP
	s.FN += o.FN
}

func (s *Layer) finish() {
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

// Accuracy is a share of correct items among the ones it applies to.
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

// ArticleReport holds one article's counts, to find where a system fails.
type ArticleReport struct {
	ID       string `json:"id"`
	Entities Layer  `json:"entities"`
	Places   Layer  `json:"places"`
	Timex    Layer  `json:"timex"`
	Quotes   Layer  `json:"quotes"`
	Events   Layer  `json:"events"`
}

// Report is the result of Score over a set of articles.
type Report struct {
	Articles   int   `json:"articles"`
	Entities   Layer `json:"entities"`
	Places     Layer `json:"places"`
	Timex      Layer `json:"timex"`
	Quotes     Layer `json:"quotes"`
	Events     Layer `json:"events"`
	EventsQuad Layer `json:"events_quad"`

	SpeakerAccuracy    Accuracy `json:"speaker_accuracy"`
	TimexValueAccuracy Accuracy `json:"timex_value_accuracy"`
	GeocodingAccuracy  Accuracy `json:"geocoding_accuracy"`
	EventDateAccuracy  Accuracy `json:"event_date_accuracy"`

	// EventRoots breaks events down by CAMEO root ("01" … "20").
	EventRoots map[string]Layer `json:"event_roots"`
	PerArticle []ArticleReport  `json:"per_article"`
}

// Score scores every pair and sums the counts over articles (micro-average).
func Score(pairs []Pair) Report {
	r := Report{Articles: len(pairs), EventRoots: map[string]Layer{}}
	for _, p := range pairs {
		ar := ArticleReport{ID: p.Gold.ID}
		ar.Entities = scoreEntities(p)
		var geo Accuracy
		ar.Places, geo = scorePlaces(p)
		var val Accuracy
		ar.Timex, val = scoreTimex(p)
		var spk Accuracy
		ar.Quotes, spk = scoreQuotes(p)
		var date Accuracy
		var quad Layer
		ar.Events, quad, date = scoreEvents(p, r.EventRoots)
		r.Entities.add(ar.Entities)
		r.Places.add(ar.Places)
		r.Timex.add(ar.Timex)
		r.Quotes.add(ar.Quotes)
		r.Events.add(ar.Events)
		r.EventsQuad.add(quad)
		r.GeocodingAccuracy.add(geo)
		r.TimexValueAccuracy.add(val)
		r.SpeakerAccuracy.add(spk)
		r.EventDateAccuracy.add(date)
		for _, s := range []*Layer{&ar.Entities, &ar.Places, &ar.Timex, &ar.Quotes, &ar.Events} {
			s.finish()
		}
		r.PerArticle = append(r.PerArticle, ar)
	}
	for _, s := range []*Layer{&r.Entities, &r.Places, &r.Timex, &r.Quotes, &r.Events, &r.EventsQuad} {
		s.finish()
	}
	for _, a := range []*Accuracy{&r.SpeakerAccuracy, &r.TimexValueAccuracy, &r.GeocodingAccuracy, &r.EventDateAccuracy} {
		a.finish()
	}
	for k, s := range r.EventRoots {
		s.finish()
		r.EventRoots[k] = s
	}
	return r
}

// Normalize folds a name as GOLD.md compares names: NFKC, case folding,
// diacritics and punctuation removed (deleted, so "Jae-in" = "Jaein"), and
// runs of white space folded to one space.
func Normalize(s string) string {
	s = cases.Fold().String(norm.NFKC.String(s))
	s = norm.NFD.String(s)
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Mn, r):
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		case unicode.IsSpace(r):
			space = true
		}
	}
	return norm.NFC.String(b.String())
}

// names returns the normalised name and aliases of a gold item.
func names(name string, aliases []string) map[string]bool {
	m := map[string]bool{Normalize(name): true}
	for _, a := range aliases {
		m[Normalize(a)] = true
	}
	return m
}

// matching returns a maximum one-to-one matching between system items
// (0..nSys-1) and gold items (0..nGold-1) over the relation fits, as pairs
// (system, gold). Edges are tried in the order of prefer, so that among
// maximum matchings the preferred edges tend to be kept.
func matching(nSys, nGold int, fits func(s, g int) bool) [][2]int {
	return preferredMatching(nSys, nGold, fits, nil)
}

// preferredMatching is matching whose edges are tried best first by
// prefer (higher is better), so that an exact fit is kept over an
// alternative one when both give a maximum matching.
func preferredMatching(nSys, nGold int, fits func(s, g int) bool, prefer func(s, g int) int) [][2]int {
	adj := make([][]int, nSys)
	for s := 0; s < nSys; s++ {
		for g := 0; g < nGold; g++ {
			if fits(s, g) {
				adj[s] = append(adj[s], g)
			}
		}
		if prefer != nil {
			sort.SliceStable(adj[s], func(i, j int) bool { return prefer(s, adj[s][i]) > prefer(s, adj[s][j]) })
		}
	}
	owner := make([]int, nGold)
	for i := range owner {
		owner[i] = -1
	}
	var try func(s int, seen []bool) bool
	try = func(s int, seen []bool) bool {
		for _, g := range adj[s] {
			if seen[g] {
				continue
			}
			seen[g] = true
			if owner[g] < 0 || try(owner[g], seen) {
				owner[g] = s
				return true
			}
		}
		return false
	}
	for s := 0; s < nSys; s++ {
		try(s, make([]bool, nGold))
	}
	var out [][2]int
	for g, s := range owner {
		if s >= 0 {
			out = append(out, [2]int{s, g})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i][0] < out[j][0] })
	return out
}

func counts(nSys, nGold, matched int) Layer {
	return Layer{TP: matched, FP: nSys - matched, FN: nGold - matched}
}

func scoreEntities(p Pair) Layer {
	type item struct{ name, typ string }
	var sys []item
	seen := map[item]bool{}
	for _, e := range p.System.Entities {
		if strings.EqualFold(e.Type, "LOC") {
			continue
		}
		it := item{Normalize(e.Name), strings.ToUpper(e.Type)}
		if it.name == "" || seen[it] {
			continue
		}
		seen[it] = true
		sys = append(sys, it)
	}
	gold := p.Gold.Key.Entities
	gnames := make([]map[string]bool, len(gold))
	for i, g := range gold {
		gnames[i] = names(g.Name, g.Aliases)
	}
	m := matching(len(sys), len(gold), func(s, g int) bool {
		return strings.EqualFold(sys[s].typ, gold[g].Type) && gnames[g][sys[s].name]
	})
	return counts(len(sys), len(gold), len(m))
}

func scorePlaces(p Pair) (Layer, Accuracy) {
	type item struct{ name, country string }
	var sys []item
	seen := map[string]bool{}
	addSys := func(name, country string) {
		n := Normalize(name)
		if n == "" || seen[n] {
			return
		}
		seen[n] = true
		sys = append(sys, item{n, strings.ToUpper(strings.TrimSpace(country))})
	}
	for _, pl := range p.System.Places {
		addSys(pl.Name, pl.Country)
	}
	for _, e := range p.System.Entities {
		if strings.EqualFold(e.Type, "LOC") {
			addSys(e.Name, e.Country)
		}
	}
	gold := p.Gold.Key.Places
	gnames := make([]map[string]bool, len(gold))
	for i, g := range gold {
		gnames[i] = names(g.Name, g.Aliases)
	}
	m := matching(len(sys), len(gold), func(s, g int) bool { return gnames[g][sys[s].name] })
	var acc Accuracy
	for _, pair := range m {
		acc.Total++
		if sys[pair[0]].country == strings.ToUpper(strings.TrimSpace(gold[pair[1]].Country)) {
			acc.Correct++
		}
	}
	return counts(len(sys), len(gold), len(m)), acc
}

// lowerRunes lower-cases rune by rune, so that offsets stay those of the
// original text.
func lowerRunes(s string) []rune {
	r := []rune(s)
	for i, c := range r {
		r[i] = unicode.ToLower(c)
	}
	return r
}

// occurrences returns the code-point spans of every case-insensitive
// occurrence of needle in hay.
func occurrences(hay, needle []rune) [][2]int {
	var out [][2]int
	if len(needle) == 0 {
		return nil
	}
	for i := 0; i+len(needle) <= len(hay); i++ {
		if hay[i] != needle[0] {
			continue
		}
		ok := true
		for j := 1; j < len(needle); j++ {
			if hay[i+j] != needle[j] {
				ok = false
				break
			}
		}
		if ok {
			out = append(out, [2]int{i, i + len(needle)})
		}
	}
	return out
}

func scoreTimex(p Pair) (Layer, Accuracy) {
	text := lowerRunes(p.Gold.Text)
	type sysItem struct {
		text       string
		value      string
		start, end int
	}
	type goldItem struct {
		text  string
		value string
		spans [][2]int
	}
	var sys []sysItem
	seen := map[string]bool{}
	for _, t := range p.System.Timex {
		k := strings.ToLower(strings.TrimSpace(t.Text))
		if k == "" || seen[k] {
			continue
		}
		seen[k] = true
		sys = append(sys, sysItem{k, strings.TrimSpace(t.Value), t.Start, t.End})
	}
	var gold []goldItem
	gseen := map[string]bool{}
	for _, t := range p.Gold.Key.Timex {
		k := strings.ToLower(strings.TrimSpace(t.Text))
		if k == "" || gseen[k] {
			continue
		}
		gseen[k] = true
		gold = append(gold, goldItem{k, strings.TrimSpace(t.Value), occurrences(text, []rune(k))})
	}
	near := func(s, g int) bool {
		if sys[s].text == gold[g].text {
			return true
		}
		for _, sp := range gold[g].spans {
			if sys[s].start < sp[1] && sp[0] < sys[s].end {
				return true
			}
		}
		return false
	}
	m := matching(len(sys), len(gold), func(s, g int) bool { return near(s, g) && sys[s].value == gold[g].value })
	pairs := matching(len(sys), len(gold), near)
	acc := Accuracy{Total: len(pairs), Correct: min(len(m), len(pairs))}
	return counts(len(sys), len(gold), len(m)), acc
}

// words returns the set of lower-cased word tokens of s.
func words(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		out[w] = true
	}
	return out
}

// Jaccard is the overlap of two word sets, as GOLD.md matches quotes.
func Jaccard(a, b string) float64 {
	wa, wb := words(a), words(b)
	if len(wa) == 0 && len(wb) == 0 {
		return 0
	}
	inter := 0
	for w := range wa {
		if wb[w] {
			inter++
		}
	}
	return float64(inter) / float64(len(wa)+len(wb)-inter)
}

// QuoteThreshold is the least Jaccard overlap at which a quote matches.
const QuoteThreshold = 0.6

func scoreQuotes(p Pair) (Layer, Accuracy) {
	sys := p.System.Quotes
	gold := p.Gold.Key.Quotes
	jac := make([][]float64, len(sys))
	for s := range sys {
		jac[s] = make([]float64, len(gold))
		for g := range gold {
			jac[s][g] = Jaccard(sys[s].Text, gold[g].Text)
		}
	}
	m := preferredMatching(len(sys), len(gold), func(s, g int) bool { return jac[s][g] >= QuoteThreshold }, func(s, g int) int { return int(jac[s][g] * 1000) })
	var acc Accuracy
	for _, pair := range m {
		acc.Total++
		if speakerMatches(sys[pair[0]].Speaker, gold[pair[1]].Speaker, p.Gold.Key.Entities) {
			acc.Correct++
		}
	}
	return counts(len(sys), len(gold), len(m)), acc
}

// speakerMatches compares a system speaker with a gold one: by normalised
// name, or as another name of the gold entity that the gold speaker names.
func speakerMatches(sys, gold string, ents []GoldEntity) bool {
	ns, ng := Normalize(sys), Normalize(gold)
	if ns == ng {
		return true
	}
	if ns == "" {
		return false
	}
	for _, e := range ents {
		all := names(e.Name, e.Aliases)
		if all[ng] && all[ns] {
			return true
		}
	}
	return false
}

// Root returns the two-digit CAMEO root of a root or code ("4" → "04",
// "0231" → "02").
func Root(root, cameo string) string {
	r := strings.TrimSpace(root)
	if r == "" {
		r = strings.TrimSpace(cameo)
		if len(r) > 2 {
			r = r[:2]
		}
	}
	if len(r) == 1 {
		r = "0" + r
	}
	return r
}

// Quad returns the QuadClass of a root: 1 verbal and 2 material
// cooperation, 3 verbal and 4 material conflict; 0 when unknown.
func Quad(root string) int {
	n := 0
	for _, c := range root {
		if c < '0' || c > '9' {
			return 0
		}
		n = n*10 + int(c-'0')
	}
	switch {
	case n >= 1 && n <= 5:
		return 1
	case n >= 6 && n <= 8:
		return 2
	case n >= 9 && n <= 13:
		return 3
	case n >= 14 && n <= 20:
		return 4
	}
	return 0
}

type sysEvent struct {
	src, tgt, root string
	quad           int
	date           string
}

type goldEvent struct {
	src, tgt  string
	roots     map[string]bool
	quads     map[int]bool
	root      string
	symmetric bool
	date      string
}

func (g goldEvent) fits(s sysEvent, quadLevel bool) bool {
	if quadLevel {
		if !g.quads[s.quad] {
			return false
		}
	} else if !g.roots[s.root] {
		return false
	}
	return s.src == g.src && s.tgt == g.tgt || g.symmetric && s.src == g.tgt && s.tgt == g.src
}

func scoreEvents(p Pair, byRoot map[string]Layer) (Layer, Layer, Accuracy) {
	// System events: drop the hypothetical and negated, reduce to distinct
	// (source, target, root).
	var sys []sysEvent
	seen := map[[3]string]bool{}
	for _, e := range p.System.Events {
		switch strings.ToLower(e.Modality) {
		case analysis.ModalityHypothetical, analysis.ModalityNegated:
			continue
		}
		se := sysEvent{src: strings.ToUpper(e.Source.Key), tgt: strings.ToUpper(e.Target.Key), root: Root(e.Root, e.Cameo), date: strings.TrimSpace(e.Date)}
		se.quad = Quad(se.root)
		k := [3]string{se.src, se.tgt, se.root}
		if seen[k] {
			continue
		}
		seen[k] = true
		sys = append(sys, se)
	}
	gold := reduceGold(p.Gold.Key.Events, false)
	rootScore, date := matchEvents(sys, gold, false, byRoot)

	// Quad level: reduce both sides to distinct (source, target, quad).
	var sysQ []sysEvent
	seenQ := map[[2]string]map[int]bool{}
	for _, s := range sys {
		k := [2]string{s.src, s.tgt}
		if seenQ[k] == nil {
			seenQ[k] = map[int]bool{}
		}
		if seenQ[k][s.quad] {
			continue
		}
		seenQ[k][s.quad] = true
		sysQ = append(sysQ, s)
	}
	quadScore, _ := matchEvents(sysQ, reduceGold(p.Gold.Key.Events, true), true, nil)
	return rootScore, quadScore, date
}

// reduceGold merges gold events with the same (source, target, root) — or
// quad — pooling their alternative roots.
func reduceGold(evs []GoldEvent, quadLevel bool) []goldEvent {
	var out []goldEvent
	index := map[string]int{}
	for _, e := range evs {
		root := Root(e.Root, "")
		g := goldEvent{src: strings.ToUpper(e.Source), tgt: strings.ToUpper(e.Target), roots: map[string]bool{root: true}, quads: map[int]bool{Quad(root): true}, root: root, symmetric: e.Symmetric, date: strings.TrimSpace(e.Date)}
		for _, a := range e.AltRoots {
			ar := Root(a, "")
			g.roots[ar] = true
			g.quads[Quad(ar)] = true
		}
		a, b := g.src, g.tgt
		if g.symmetric && b < a && !quadLevel {
			// A joint act is one item in either direction.
			a, b = b, a
		}
		key := a + "|" + b + "|" + root
		if quadLevel {
			key = a + "|" + b + "|" + string(rune('0'+Quad(root)))
		}
		if i, ok := index[key]; ok {
			for r := range g.roots {
				out[i].roots[r] = true
			}
			for q := range g.quads {
				out[i].quads[q] = true
			}
			out[i].symmetric = out[i].symmetric || g.symmetric
			continue
		}
		index[key] = len(out)
		out = append(out, g)
	}
	return out
}

// matchEvents matches system to gold events one to one. A system item
// that only fits a gold item already matched — the other direction of a
// symmetric item, or another of its alternative roots — is neither a hit
// nor a false positive: GOLD.md pools alternatives and does not penalise a
// system that reports both directions of a joint act.
func matchEvents(sys []sysEvent, gold []goldEvent, quadLevel bool, byRoot map[string]Layer) (Layer, Accuracy) {
	prefer := func(s, g int) int {
		p := 0
		if sys[s].src == gold[g].src && sys[s].tgt == gold[g].tgt {
			p += 2
		}
		if sys[s].root == gold[g].root {
			p++
		}
		return p
	}
	m := preferredMatching(len(sys), len(gold), func(s, g int) bool { return gold[g].fits(sys[s], quadLevel) }, prefer)
	matchedSys := map[int]bool{}
	matchedGold := map[int]bool{}
	var date Accuracy
	for _, pair := range m {
		matchedSys[pair[0]] = true
		matchedGold[pair[1]] = true
		date.Total++
		if sys[pair[0]].date == gold[pair[1]].date {
			date.Correct++
		}
	}
	sc := Layer{TP: len(m)}
	for s := range sys {
		if matchedSys[s] {
			continue
		}
		excused := false
		for g := range gold {
			if matchedGold[g] && gold[g].fits(sys[s], quadLevel) {
				excused = true
				break
			}
		}
		if !excused {
			sc.FP++
			if byRoot != nil {
				r := byRoot[sys[s].root]
				r.FP++
				byRoot[sys[s].root] = r
			}
		}
	}
	for g := range gold {
		if byRoot != nil {
			r := byRoot[gold[g].root]
			if matchedGold[g] {
				r.TP++
			} else {
				r.FN++
			}
			byRoot[gold[g].root] = r
		}
		if !matchedGold[g] {
			sc.FN++
		}
	}
	return sc, date
}
