package eval

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/internal/analysis"
)

// rootName spells a root number the way CAMEO does ("04").
func rootName(n int) string { return fmt.Sprintf("%02d", n) }

// normRoot returns the two-digit CAMEO root of an event: the root field
// ("4" and "04" are the same root; a full code such as "042" put there
// gives its first two digits) or, when that is empty, the first two digits
// of the CAMEO code ("0231" → "02"). Anything else is returned trimmed, and
// will only match a gold root spelled the same way.
func normRoot(root, cameo string) string {
	r := strings.TrimSpace(root)
	if r == "" {
		r = strings.TrimSpace(cameo)
		if len(r) > 2 && allDigits(r) {
			r = r[:2]
		}
	}
	if !allDigits(r) {
		return r
	}
	switch {
	case len(r) == 1:
		return "0" + r
	case len(r) > 2:
		return r[:2]
	}
	return r
}

// allDigits reports a non-empty string of ASCII digits.
func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// quadOf returns the QuadClass of a root: 1 verbal cooperation (01–05),
// 2 material cooperation (06–08), 3 verbal conflict (09–13), 4 material
// conflict (14–20); 0 for anything that is not a root.
func quadOf(root string) int {
	if !allDigits(root) || len(root) != 2 {
		return 0
	}
	n, _ := strconv.Atoi(root)
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

// rootLabel is the name a root's row gets in a breakdown: the root itself,
// or "none" for events without one.
func rootLabel(root string) string {
	if root == "" {
		return "none"
	}
	return root
}

// eventLevel says whether events are compared by CAMEO root or by quad
// class; the two levels share the reduction and matching code and differ
// only in the class an event is compared by.
type eventLevel int

const (
	rootLevel eventLevel = iota
	quadLevel
)

// class maps a root to the class compared at the level: the root itself,
// or its quad class as a digit.
func (l eventLevel) class(root string) string {
	if l == quadLevel {
		return strconv.Itoa(quadOf(root))
	}
	return root
}

// sysEvent is one distinct system event (source, target, class).
type sysEvent struct {
	src, tgt, class string
	date            string
}

// goldEvent is one distinct gold item: the class of its main root, the
// classes of every root it accepts (main and alternatives), whether it is
// a joint act, and every date given for the reports merged into it.
type goldEvent struct {
	src, tgt  string
	class     string
	classes   map[string]bool
	symmetric bool
	dates     map[string]bool
}

// fits says whether a system item may be matched to a gold item: an
// accepted class, and the same direction or a symmetric gold item.
func (g *goldEvent) fits(s sysEvent) bool {
	if !g.classes[s.class] {
		return false
	}
	if s.src == g.src && s.tgt == g.tgt {
		return true
	}
	return g.symmetric && s.src == g.tgt && s.tgt == g.src
}

// dropModality reports the system events GOLD.md leaves out before
// matching, because the key does not annotate them either.
func dropModality(m string) bool {
	switch strings.ToLower(strings.TrimSpace(m)) {
	case analysis.ModalityHypothetical, analysis.ModalityNegated:
		return true
	}
	return false
}

// reduceSystem drops hypothetical and negated events and reduces the rest
// to distinct (source, target, class); a reduced item keeps the first
// non-empty date among the events merged into it. At quad level, an event
// without a usable root falls back to its Quad field.
func reduceSystem(evs []analysis.Event, level eventLevel) []sysEvent {
	var out []sysEvent
	index := map[[3]string]int{}
	for _, e := range evs {
		if dropModality(e.Modality) {
			continue
		}
		root := normRoot(e.Root, e.Cameo)
		cls := level.class(root)
		if level == quadLevel && cls == "0" && e.Quad >= 1 && e.Quad <= 4 {
			cls = strconv.Itoa(e.Quad)
		}
		s := sysEvent{src: normCode(e.Source.Key), tgt: normCode(e.Target.Key), class: cls, date: strings.TrimSpace(e.Date)}
		k := [3]string{s.src, s.tgt, s.class}
		if i, ok := index[k]; ok {
			if out[i].date == "" {
				out[i].date = s.date
			}
			continue
		}
		index[k] = len(out)
		out = append(out, s)
	}
	return out
}

// reduceGold merges gold events into distinct items. Reports with the same
// (source, target, class) become one item, their alternative roots pooled
// and symmetric if any of them is; then an item and its reverse become one
// item when either is symmetric, because a joint act is the same item in
// both directions.
func reduceGold(evs []GoldEvent, level eventLevel) []*goldEvent {
	var items []*goldEvent
	index := map[[3]string]*goldEvent{}
	for _, e := range evs {
		root := normRoot(e.Root, "")
		g := &goldEvent{
			src: normCode(e.Source), tgt: normCode(e.Target),
			class:     level.class(root),
			classes:   map[string]bool{level.class(root): true},
			symmetric: e.Symmetric,
			dates:     map[string]bool{strings.TrimSpace(e.Date): true},
		}
		for _, a := range e.AltRoots {
			g.classes[level.class(normRoot(a, ""))] = true
		}
		k := [3]string{g.src, g.tgt, g.class}
		if have, ok := index[k]; ok {
			have.merge(g)
			continue
		}
		index[k] = g
		items = append(items, g)
	}
	var out []*goldEvent
	gone := map[*goldEvent]bool{}
	for _, g := range items {
		if gone[g] {
			continue
		}
		if g.src != g.tgt {
			if rev, ok := index[[3]string{g.tgt, g.src, g.class}]; ok && !gone[rev] && (g.symmetric || rev.symmetric) {
				g.merge(rev)
				g.symmetric = true
				gone[rev] = true
			}
		}
		out = append(out, g)
	}
	return out
}

// merge pools another report of the same item into g.
func (g *goldEvent) merge(o *goldEvent) {
	for c := range o.classes {
		g.classes[c] = true
	}
	for d := range o.dates {
		g.dates[d] = true
	}
	g.symmetric = g.symmetric || o.symmetric
}

// levelResult is the outcome of matching events at one level.
type levelResult struct {
	score PRF
	// byClass counts TP and FN by the gold item's main class and FP by
	// the system item's class.
	byClass map[string]PRF
	// date is the event date accuracy over the matched pairs.
	date Accuracy
}

// matchEvents pairs system and gold items one to one (maximum matching,
// preferring the exact direction and then the main root). An unmatched
// system item is not a false positive when it is the other direction of
// the system item matched to a symmetric gold item and fits that gold item
// too: GOLD.md does not penalise a system that reports both directions of
// a joint act. Each matched symmetric item excuses at most one such item,
// since a joint act has only two directions.
func matchEvents(sys []sysEvent, gold []*goldEvent) levelResult {
	res := levelResult{byClass: map[string]PRF{}}
	m := match(len(sys), len(gold), func(s, g int) (bool, int) {
		if !gold[g].fits(sys[s]) {
			return false, 0
		}
		p := 0
		if sys[s].src == gold[g].src && sys[s].tgt == gold[g].tgt {
			p += 2
		}
		if sys[s].class == gold[g].class {
			p++
		}
		return true, p
	})
	matchedBy := make([]int, len(gold))
	for i := range matchedBy {
		matchedBy[i] = -1
	}
	for s, g := range m {
		if g < 0 {
			continue
		}
		matchedBy[g] = s
		res.date.Total++
		if gold[g].dates[sys[s].date] {
			res.date.Correct++
		}
	}
	excused := match(len(sys), len(gold), func(s, g int) (bool, int) {
		ms := matchedBy[g]
		if m[s] >= 0 || ms < 0 || !gold[g].symmetric || sys[s].src == sys[s].tgt {
			return false, 0
		}
		return sys[s].src == sys[ms].tgt && sys[s].tgt == sys[ms].src && gold[g].fits(sys[s]), 0
	})
	bump := func(class string, d PRF) {
		c := res.byClass[class]
		c.add(d)
		res.byClass[class] = c
	}
	for s := range sys {
		switch {
		case m[s] >= 0:
			res.score.TP++
		case excused[s] >= 0:
		default:
			res.score.FP++
			bump(sys[s].class, PRF{FP: 1})
		}
	}
	for g := range gold {
		if matchedBy[g] >= 0 {
			bump(gold[g].class, PRF{TP: 1})
		} else {
			res.score.FN++
			bump(gold[g].class, PRF{FN: 1})
		}
	}
	return res
}

// eventScores is everything the events layer reports for one article.
type eventScores struct {
	root, quad PRF
	date       Accuracy
	byRoot     map[string]PRF
	byQuad     [5]PRF
}

// scoreEvents scores events at root and at quad level; event date accuracy
// is taken at root level, where a match pins down what happened.
func scoreEvents(p Pair) eventScores {
	root := matchEvents(reduceSystem(p.System.Events, rootLevel), reduceGold(p.Gold.Key.Events, rootLevel))
	quad := matchEvents(reduceSystem(p.System.Events, quadLevel), reduceGold(p.Gold.Key.Events, quadLevel))
	out := eventScores{root: root.score, quad: quad.score, date: root.date, byRoot: map[string]PRF{}}
	for k, v := range root.byClass {
		out.byRoot[rootLabel(k)] = v
	}
	for k, v := range quad.byClass {
		q, err := strconv.Atoi(k)
		if err != nil || q < 0 || q > 4 {
			q = 0
		}
		out.byQuad[q].add(v)
	}
	return out
}

// rootMeaning is the short CAMEO name of a root for the table.
func rootMeaning(root string) string {
	switch root {
	case "01":
		return "make public statement"
	case "02":
		return "appeal"
	case "03":
		return "express intent to cooperate"
	case "04":
		return "consult"
	case "05":
		return "engage in diplomatic cooperation"
	case "06":
		return "engage in material cooperation"
	case "07":
		return "provide aid"
	case "08":
		return "yield"
	case "09":
		return "investigate"
	case "10":
		return "demand"
	case "11":
		return "disapprove"
	case "12":
		return "reject"
	case "13":
		return "threaten"
	case "14":
		return "protest"
	case "15":
		return "exhibit force posture"
	case "16":
		return "reduce relations"
	case "17":
		return "coerce"
	case "18":
		return "assault"
	case "19":
		return "fight"
	case "20":
		return "use unconventional mass violence"
	}
	return ""
}

// quadMeaning is the name of a quad class for the table.
func quadMeaning(q int) string {
	switch q {
	case 1:
		return "verbal cooperation"
	case 2:
		return "material cooperation"
	case 3:
		return "verbal conflict"
	case 4:
		return "material conflict"
	}
	return "no quad class"
}
