package eval

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/analysis"
)

// perfect builds the output a perfect system would give for g: every gold
// item as the system would report it, timex with the offsets of their
// first occurrence in the text.
func perfect(g Gold) analysis.Result {
	r := analysis.Result{ID: g.ID, Text: g.Text}
	for _, e := range g.Key.Entities {
		r.Entities = append(r.Entities, analysis.Entity{Name: e.Name, Type: e.Type, Country: e.Country})
	}
	for _, p := range g.Key.Places {
		r.Places = append(r.Places, analysis.Place{Name: p.Name, Country: p.Country})
	}
	hay := lowerRunes(g.Text)
	for _, t := range g.Key.Timex {
		tx := analysis.Timex{Text: t.Text, Value: t.Value}
		if occ := occurrences(hay, timexKey(t.Text)); len(occ) > 0 {
			tx.Start, tx.End = occ[0][0], occ[0][1]
		}
		r.Timex = append(r.Timex, tx)
	}
	for _, q := range g.Key.Quotes {
		r.Quotes = append(r.Quotes, analysis.Quote{Text: q.Text, Speaker: q.Speaker, Direct: q.Direct})
	}
	for _, e := range g.Key.Events {
		r.Events = append(r.Events, analysis.Event{
			Source: analysis.Actor{Key: e.Source, Name: e.SourceName},
			Target: analysis.Actor{Key: e.Target, Name: e.TargetName},
			Root:   e.Root, Date: e.Date, Modality: analysis.ModalityAsserted,
		})
	}
	return r
}

func TestPerfectOutputScoresOne(t *testing.T) {
	golds, paths, err := LoadGoldDir(sharedPath(t, "corpus/dev"))
	if err != nil {
		t.Fatal(err)
	}
	if len(golds) != 50 || len(paths) != 50 {
		t.Errorf("%d dev gold files, want 50", len(golds))
	}
	seed, err := LoadGold(sharedPath(t, "corpus/seed/000_18f728b461ea7953.gold.json"))
	if err != nil {
		t.Fatal(err)
	}
	golds = append(golds, seed)
	for _, g := range golds {
		t.Run(g.ID, func(t *testing.T) {
			for _, tx := range g.Key.Timex {
				if len(occurrences(lowerRunes(g.Text), timexKey(tx.Text))) == 0 {
					t.Errorf("gold timex %q does not occur in the text", tx.Text)
				}
			}
			r := Score([]Pair{{Gold: g, System: perfect(g)}})
			checkPerfect(t, r)
		})
	}
	pairs := make([]Pair, 0, len(golds))
	for _, g := range golds {
		pairs = append(pairs, Pair{Gold: g, System: perfect(g)})
	}
	r := Score(pairs)
	checkPerfect(t, r)
	if r.Articles != 51 || len(r.PerArticle) != 51 {
		t.Errorf("articles %d, rows %d, want 51", r.Articles, len(r.PerArticle))
	}
	// The answer keys hold hundreds of items per layer; a perfect score on
	// a handful would hide a loader that drops items.
	if r.Entities.TP < 300 || r.Events.TP < 200 || r.Quotes.TP < 100 {
		t.Errorf("suspiciously few items: entities %d, events %d, quotes %d", r.Entities.TP, r.Events.TP, r.Quotes.TP)
	}
}

func checkPerfect(t *testing.T, r Report) {
	t.Helper()
	layers := []struct {
		name string
		s    PRF
	}{{"entities", r.Entities}, {"places", r.Places}, {"timex", r.Timex}, {"quotes", r.Quotes}, {"events", r.Events}, {"events quad", r.EventsQuad}}
	for _, l := range layers {
		if l.s.FP != 0 || l.s.FN != 0 || (l.s.TP > 0 && l.s.F1 != 1) {
			t.Errorf("%s: %+v, want F1 1", l.name, l.s)
		}
	}
	accs := []struct {
		name string
		a    Accuracy
	}{{"speaker", r.SpeakerAccuracy}, {"direct", r.DirectAccuracy}, {"timex value", r.TimexValueAccuracy}, {"geocoding", r.GeocodingAccuracy}, {"event date", r.EventDateAccuracy}}
	for _, a := range accs {
		if a.a.Correct != a.a.Total || (a.a.Total > 0 && a.a.Value != 1) {
			t.Errorf("%s accuracy %+v, want 1", a.name, a.a)
		}
	}
	for _, s := range r.EventRoots {
		if s.FP != 0 || s.FN != 0 {
			t.Errorf("root %s: %+v", s.Root, s.PRF)
		}
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

// ents builds system entities from "Name/TYPE" strings.
func ents(specs ...string) []analysis.Entity {
	var out []analysis.Entity
	for _, n := range specs {
		name, typ, _ := strings.Cut(n, "/")
		out = append(out, analysis.Entity{Name: name, Type: typ})
	}
	return out
}

func TestEntities(t *testing.T) {
	gold := Gold{ID: "g", Text: "x", Key: GoldKey{Entities: []GoldEntity{
		{Name: "Donald Trump", Type: "PER", Aliases: []string{"Trump"}},
		{Name: "Kim Jong Un", Type: "PER", Aliases: []string{"Kim Jong-un"}},
		{Name: "Moon Jae-in", Type: "PER", Aliases: []string{"Moon Jae In"}},
		{Name: "Reuters", Type: "ORG"},
	}}}
	tests := []struct {
		name       string
		sys        []analysis.Entity
		p, r       float64
		tp, fp, fn int
	}{
		{"all", ents("Donald Trump/PER", "Kim Jong Un/PER", "Moon Jae-in/PER", "Reuters/ORG"), 1, 1, 4, 0, 0},
		{"one of four dropped", ents("Donald Trump/PER", "Kim Jong Un/PER", "Moon Jae-in/PER"), 1, 0.75, 3, 0, 1},
		{"one wrong added", ents("Donald Trump/PER", "Kim Jong Un/PER", "Moon Jae-in/PER", "Reuters/ORG", "Xi Jinping/PER"), 0.8, 1, 4, 1, 0},
		{"wrong type does not match", ents("Reuters/PER"), 0, 0, 0, 1, 4},
		{"type compared without case", ents("Reuters/org"), 1, 0.25, 1, 0, 3},
		{"alias matches", ents("Trump/PER"), 1, 0.25, 1, 0, 3},
		{"case, diacritics, punctuation", ents("MOON JAE IN/PER", "kim jong-un/PER", "Dönald Trümp/PER", "REUTERS./ORG"), 1, 1, 4, 0, 0},
		{"hyphen deleted, not spaced", ents("Moon Jaein/PER"), 1, 0.25, 1, 0, 3},
		{"duplicates reduced", ents("Trump/PER", "trump/PER", "Trump!/PER"), 1, 0.25, 1, 0, 3},
		{"two names of one entity match once", ents("Trump/PER", "Donald Trump/PER"), 0.5, 0.25, 1, 1, 3},
		{"LOC entities are not scored here", ents("Hanoi/LOC"), 0, 0, 0, 0, 4},
		{"empty names ignored", ents("/PER", "--/ORG"), 0, 0, 0, 0, 4},
		{"nothing", nil, 0, 0, 0, 0, 4},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := Score([]Pair{{Gold: gold, System: analysis.Result{Entities: tc.sys}}})
			s := r.Entities
			if s.TP != tc.tp || s.FP != tc.fp || s.FN != tc.fn || !near(s.Precision, tc.p) || !near(s.Recall, tc.r) {
				t.Errorf("got %+v, want P %.2f R %.2f TP %d FP %d FN %d", s, tc.p, tc.r, tc.tp, tc.fp, tc.fn)
			}
		})
	}
}

func TestPlaces(t *testing.T) {
	gold := Gold{Text: "x", Key: GoldKey{Places: []GoldPlace{
		{Name: "Pyongyang", Country: "PRK", Aliases: []string{"Pjöngjang"}},
		{Name: "Seoul", Country: "KOR"},
	}}}
	tests := []struct {
		name       string
		places     []analysis.Place
		entities   []analysis.Entity
		tp, fp, fn int
		right, all int
	}{
		{"one of two with the wrong country", []analysis.Place{{Name: "Pjöngjang", Country: "prk"}}, []analysis.Entity{{Name: "Seoul", Type: "LOC", Country: "PRK"}}, 2, 0, 0, 1, 2},
		{"LOC entity and place of one name count once", []analysis.Place{{Name: "Seoul", Country: "KOR"}}, []analysis.Entity{{Name: "SEOUL", Type: "LOC"}}, 1, 0, 1, 1, 1},
		{"unknown place", []analysis.Place{{Name: "Hanoi", Country: "VNM"}}, nil, 0, 1, 2, 0, 0},
		{"PER entities are not places", nil, []analysis.Entity{{Name: "Seoul", Type: "PER"}}, 0, 0, 2, 0, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := Score([]Pair{{Gold: gold, System: analysis.Result{Places: tc.places, Entities: tc.entities}}})
			if r.Places.TP != tc.tp || r.Places.FP != tc.fp || r.Places.FN != tc.fn {
				t.Errorf("places %+v", r.Places)
			}
			if r.GeocodingAccuracy.Correct != tc.right || r.GeocodingAccuracy.Total != tc.all {
				t.Errorf("geocoding %+v, want %d of %d", r.GeocodingAccuracy, tc.right, tc.all)
			}
		})
	}
	r := Score([]Pair{{Gold: gold, System: analysis.Result{
		Places:   []analysis.Place{{Name: "Pjöngjang", Country: "PRK"}},
		Entities: []analysis.Entity{{Name: "Seoul", Type: "LOC", Country: "PRK"}},
	}}})
	if r.GeocodingAccuracy.Value != 0.5 || r.Places.F1 != 1 {
		t.Errorf("geocoding %+v, places %+v: want 0.5 and F1 1", r.GeocodingAccuracy, r.Places)
	}
}

func TestTimex(t *testing.T) {
	//         0         1         2         3         4         5         6
	//         0123456789012345678901234567890123456789012345678901234567890123456
	text := "Er kam am Sonntag. Im Februar reist er. Am Wochenende twitterte er. Im\nFebruar wieder."
	gold := Gold{Text: text, Key: GoldKey{Timex: []GoldTimex{
		{Text: "am Sonntag", Value: "2017-11-12"},
		{Text: "im Februar", Value: "2018-02"},
		{Text: "Am Wochenende", Value: "2017-W45-WE"},
		{Text: "am sonntag", Value: "2017-11-12"}, // repeated: one item
	}}}
	tests := []struct {
		name       string
		sys        []analysis.Timex
		tp, fp     int
		accRight   int
		accTotal   int
		wantLayers bool
	}{
		{"exact text and span", []analysis.Timex{{Text: "am Sonntag", Value: "2017-11-12", Start: 7, End: 17}}, 1, 0, 1, 1, true},
		{"overlapping span, right value", []analysis.Timex{{Text: "Sonntag", Value: "2017-11-12", Start: 10, End: 17}}, 1, 0, 1, 1, true},
		{"overlapping span, wrong value", []analysis.Timex{{Text: "Februar", Value: "2017-02", Start: 22, End: 29}}, 0, 1, 0, 1, true},
		{"overlap with the second occurrence across a line break", []analysis.Timex{{Text: "Februar", Value: "2018-02", Start: 71, End: 78}}, 1, 0, 1, 1, true},
		{"equal text without offsets", []analysis.Timex{{Text: "AM WOCHENENDE", Value: "2017-w45-we"}}, 1, 0, 1, 1, true},
		{"no overlap, no equal text", []analysis.Timex{{Text: "er", Value: "2017-11-12", Start: 0, End: 2}}, 0, 1, 0, 0, true},
		{"duplicates count once", []analysis.Timex{{Text: "am Sonntag", Value: "2017-11-12", Start: 7, End: 17}, {Text: "Am Sonntag", Value: "2017-11-12"}}, 1, 0, 1, 1, true},
		{"right and wrong value for two golds", []analysis.Timex{{Text: "am Sonntag", Value: "2017-11-12"}, {Text: "im Februar", Value: "2017-02"}}, 1, 1, 1, 2, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := Score([]Pair{{Gold: gold, System: analysis.Result{Text: text, Timex: tc.sys}}})
			if r.Timex.TP != tc.tp || r.Timex.FP != tc.fp || r.Timex.FN != 3-tc.tp {
				t.Errorf("timex %+v, want TP %d FP %d FN %d", r.Timex, tc.tp, tc.fp, 3-tc.tp)
			}
			if r.TimexValueAccuracy.Correct != tc.accRight || r.TimexValueAccuracy.Total != tc.accTotal {
				t.Errorf("value accuracy %+v, want %d of %d", r.TimexValueAccuracy, tc.accRight, tc.accTotal)
			}
		})
	}
}

func TestQuotes(t *testing.T) {
	gold := Gold{Text: "x", Key: GoldKey{
		Entities: []GoldEntity{{Name: "Donald Trump", Type: "PER", Aliases: []string{"Trump", "Donald J. Trump"}}},
		Quotes: []GoldQuote{
			{Text: "eins zwei drei vier fünf", Speaker: "Donald Trump", Direct: true},
			{Text: "der Zerstörer kommt bald", Speaker: "PRK"},
			{Text: "man sah nichts", Speaker: ""},
		},
	}}
	tests := []struct {
		name       string
		sys        []analysis.Quote
		tp, fp     int
		spk, dir   int
		totalMatch int
	}{
		// 3 shared words of a union of 5: Jaccard 0.6 matches.
		{"jaccard 0.6 just at the bar", []analysis.Quote{{Text: "eins zwei drei", Speaker: "Donald Trump", Direct: true}}, 1, 0, 1, 1, 1},
		// 4 shared of a union of 6: 0.67 matches.
		{"jaccard just above", []analysis.Quote{{Text: "eins zwei drei vier sechs", Speaker: "Donald Trump", Direct: true}}, 1, 0, 1, 1, 1},
		// 3 shared of a union of 6: 0.5 does not.
		{"jaccard just below", []analysis.Quote{{Text: "eins zwei drei sechs", Speaker: "Donald Trump"}}, 0, 1, 0, 0, 0},
		{"speaker by alias", []analysis.Quote{{Text: "„Eins, zwei, drei, vier, fünf!“", Speaker: "Trump", Direct: true}}, 1, 0, 1, 1, 1},
		{"speaker by another alias", []analysis.Quote{{Text: "eins zwei drei vier fünf", Speaker: "donald j trump", Direct: false}}, 1, 0, 1, 0, 1},
		{"wrong speaker", []analysis.Quote{{Text: "eins zwei drei vier fünf", Speaker: "Kim Jong Un", Direct: true}}, 1, 0, 0, 1, 1},
		{"country code speaker", []analysis.Quote{{Text: "der Zerstörer kommt bald", Speaker: "prk"}}, 1, 0, 1, 1, 1},
		{"empty speakers agree", []analysis.Quote{{Text: "Man sah nichts."}}, 1, 0, 1, 1, 1},
		{"missing speaker is wrong", []analysis.Quote{{Text: "der Zerstörer kommt bald"}}, 1, 0, 0, 1, 1},
		{"a quote reported twice is one hit and one false positive", []analysis.Quote{{Text: "man sah nichts"}, {Text: "man sah nichts"}}, 1, 1, 1, 1, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := Score([]Pair{{Gold: gold, System: analysis.Result{Quotes: tc.sys}}})
			if r.Quotes.TP != tc.tp || r.Quotes.FP != tc.fp || r.Quotes.FN != 3-tc.tp {
				t.Errorf("quotes %+v", r.Quotes)
			}
			if r.SpeakerAccuracy.Correct != tc.spk || r.SpeakerAccuracy.Total != tc.totalMatch {
				t.Errorf("speaker accuracy %+v, want %d of %d", r.SpeakerAccuracy, tc.spk, tc.totalMatch)
			}
			if r.DirectAccuracy.Correct != tc.dir || r.DirectAccuracy.Total != tc.totalMatch {
				t.Errorf("direct accuracy %+v, want %d of %d", r.DirectAccuracy, tc.dir, tc.totalMatch)
			}
		})
	}
}

func TestQuotesPreferHigherJaccard(t *testing.T) {
	gold := Gold{Text: "x", Key: GoldKey{Quotes: []GoldQuote{
		{Text: "a b c d e", Speaker: "A"},
		{Text: "a b c d f", Speaker: "B"},
	}}}
	// The system quote fits both gold quotes (0.67 and 1); it must be
	// paired with the identical one, whose speaker it names.
	r := Score([]Pair{{Gold: gold, System: analysis.Result{Quotes: []analysis.Quote{{Text: "a b c d f", Speaker: "B"}}}}})
	if r.Quotes.TP != 1 || r.SpeakerAccuracy.Correct != 1 {
		t.Errorf("quotes %+v speaker %+v", r.Quotes, r.SpeakerAccuracy)
	}
}

func ev(src, tgt, root, modality string) analysis.Event {
	return analysis.Event{Source: analysis.Actor{Key: src}, Target: analysis.Actor{Key: tgt}, Root: root, Modality: modality, Date: "2017-11-12"}
}

func evs(e ...analysis.Event) []analysis.Event { return e }

func TestEvents(t *testing.T) {
	gold := Gold{Text: "x", Key: GoldKey{Events: []GoldEvent{
		{Source: "USA", Target: "PRK", Root: "11", Date: "2017-11-12"},
		{Source: "CHN", Target: "JPN", Root: "04", Symmetric: true, Date: "2017-11-12"},
		{Source: "KOR", Target: "CHN", Root: "03", AltRoots: []string{"05"}, Date: "2017-11-12"},
		{Source: "USA", Target: "PRK", Root: "11", Date: "2017-11-13"}, // repeated report: one item
		{Source: "JPN", Target: "CHN", Root: "04", Date: "2017-11-12"}, // reverse of a joint act: same item
	}}}
	tests := []struct {
		name                   string
		sys                    []analysis.Event
		tp, fp, fn             int
		qtp, qfp, qfn          int
		dateRight, dateTotal   int
		rootName               string
		rootTP, rootFP, rootFN int
	}{
		{"all three", evs(ev("USA", "PRK", "11", "asserted"), ev("CHN", "JPN", "04", "asserted"), ev("KOR", "CHN", "03", "asserted")), 3, 0, 0, 3, 0, 0, 3, 3, "04", 1, 0, 0},
		{"symmetric gold matched in reverse", evs(ev("JPN", "CHN", "04", "reported")), 1, 0, 2, 1, 0, 2, 1, 1, "04", 1, 0, 0},
		{"both directions of a joint act not penalised", evs(ev("JPN", "CHN", "04", ""), ev("CHN", "JPN", "04", "")), 1, 0, 2, 1, 0, 2, 1, 1, "04", 1, 0, 0},
		{"a third report of a joint act is penalised", evs(ev("JPN", "CHN", "04", ""), ev("CHN", "JPN", "04", ""), ev("CHN", "JPN", "05", "")), 1, 1, 2, 1, 0, 2, 1, 1, "05", 0, 1, 0},
		{"non-symmetric reversed does not match", evs(ev("PRK", "USA", "11", "")), 0, 1, 3, 0, 1, 3, 0, 0, "11", 0, 1, 1},
		{"alt root matches", evs(ev("KOR", "CHN", "05", "")), 1, 0, 2, 1, 0, 2, 1, 1, "03", 1, 0, 0},
		{"main and alt root of one item: one hit, one false positive", evs(ev("KOR", "CHN", "03", ""), ev("KOR", "CHN", "05", "")), 1, 1, 2, 1, 0, 2, 1, 1, "05", 0, 1, 0},
		{"hypothetical and negated dropped", evs(ev("USA", "PRK", "11", "hypothetical"), ev("USA", "PRK", "13", " Negated ")), 0, 0, 3, 0, 0, 3, 0, 0, "11", 0, 0, 1},
		{"duplicates reduced", evs(ev("USA", "PRK", "11", ""), ev("usa", "prk", "11", "reported"), ev("USA", "PRK", "11", "planned")), 1, 0, 2, 1, 0, 2, 1, 1, "11", 1, 0, 0},
		{"one-digit root", evs(ev("CHN", "JPN", "4", "")), 1, 0, 2, 1, 0, 2, 1, 1, "04", 1, 0, 0},
		{"root from the CAMEO code", evs(analysis.Event{Source: analysis.Actor{Key: "usa"}, Target: analysis.Actor{Key: "prk"}, Cameo: "112", Date: "2017-11-13"}), 1, 0, 2, 1, 0, 2, 1, 1, "11", 1, 0, 0},
		// 12 (reject) is not 11 but both are verbal conflict: a quad hit only.
		{"quad-level match where the root differs", evs(ev("USA", "PRK", "12", "")), 0, 1, 3, 1, 0, 2, 0, 0, "12", 0, 1, 0},
		{"wrong date", evs(analysis.Event{Source: analysis.Actor{Key: "USA"}, Target: analysis.Actor{Key: "PRK"}, Root: "11", Date: "2017-11"}), 1, 0, 2, 1, 0, 2, 0, 1, "11", 1, 0, 0},
		{"missing key is a false positive", evs(ev("", "PRK", "11", "")), 0, 1, 3, 0, 1, 3, 0, 0, "11", 0, 1, 1},
		{"nothing", nil, 0, 0, 3, 0, 0, 3, 0, 0, "04", 0, 0, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := Score([]Pair{{Gold: gold, System: analysis.Result{Events: tc.sys}}})
			if r.Events.TP != tc.tp || r.Events.FP != tc.fp || r.Events.FN != tc.fn {
				t.Errorf("root level %+v, want TP %d FP %d FN %d", r.Events, tc.tp, tc.fp, tc.fn)
			}
			if r.EventsQuad.TP != tc.qtp || r.EventsQuad.FP != tc.qfp || r.EventsQuad.FN != tc.qfn {
				t.Errorf("quad level %+v, want TP %d FP %d FN %d", r.EventsQuad, tc.qtp, tc.qfp, tc.qfn)
			}
			if r.EventDateAccuracy.Correct != tc.dateRight || r.EventDateAccuracy.Total != tc.dateTotal {
				t.Errorf("date accuracy %+v, want %d of %d", r.EventDateAccuracy, tc.dateRight, tc.dateTotal)
			}
			var got *RootScore
			for i := range r.EventRoots {
				if r.EventRoots[i].Root == tc.rootName {
					got = &r.EventRoots[i]
				}
			}
			if got == nil || got.TP != tc.rootTP || got.FP != tc.rootFP || got.FN != tc.rootFN {
				t.Errorf("root %s: %+v, want TP %d FP %d FN %d", tc.rootName, got, tc.rootTP, tc.rootFP, tc.rootFN)
			}
			var sum PRF
			for _, s := range r.EventRoots {
				sum.add(s.PRF)
			}
			if sum.TP != r.Events.TP || sum.FP != r.Events.FP || sum.FN != r.Events.FN {
				t.Errorf("roots sum to %+v, layer is %+v", sum, r.Events)
			}
		})
	}
}

func TestEventsQuadAltRoots(t *testing.T) {
	// A gold 11 (verbal conflict) with alt root 17 (material conflict)
	// accepts a system 18 at quad level (quad 4 via the alt root), though
	// not at root level.
	gold := Gold{Text: "x", Key: GoldKey{Events: []GoldEvent{{Source: "RUS", Target: "UKR", Root: "11", AltRoots: []string{"17"}}}}}
	r := Score([]Pair{{Gold: gold, System: analysis.Result{Events: evs(ev("RUS", "UKR", "18", ""))}}})
	if r.Events.TP != 0 || r.EventsQuad.TP != 1 || r.EventsQuad.FP != 0 {
		t.Errorf("root %+v quad %+v", r.Events, r.EventsQuad)
	}
	// Two system roots of one quad reduce to one quad-level item.
	r = Score([]Pair{{Gold: gold, System: analysis.Result{Events: evs(ev("RUS", "UKR", "11", ""), ev("RUS", "UKR", "12", ""))}}})
	if r.Events.TP != 1 || r.Events.FP != 1 || r.EventsQuad.TP != 1 || r.EventsQuad.FP != 0 {
		t.Errorf("root %+v quad %+v", r.Events, r.EventsQuad)
	}
	if q := r.EventQuads[2]; q.Quad != 3 || q.TP != 1 {
		t.Errorf("quad breakdown %+v", r.EventQuads)
	}
}

func TestEventsDomestic(t *testing.T) {
	// A domestic event (source = target) may be symmetric; reporting it
	// once is a hit and nothing is excused twice.
	gold := Gold{Text: "x", Key: GoldKey{Events: []GoldEvent{{Source: "DEU", Target: "DEU", Root: "17", Symmetric: true}}}}
	r := Score([]Pair{{Gold: gold, System: analysis.Result{Events: evs(ev("DEU", "DEU", "17", ""), ev("DEU", "DEU", "17", ""))}}})
	if r.Events.TP != 1 || r.Events.FP != 0 || r.Events.FN != 0 {
		t.Errorf("%+v", r.Events)
	}
}

func TestEmptyLayers(t *testing.T) {
	r := Score([]Pair{{Gold: Gold{ID: "empty", Text: "x"}, System: analysis.Result{}}})
	for _, s := range []PRF{r.Entities, r.Places, r.Timex, r.Quotes, r.Events, r.EventsQuad} {
		if s != (PRF{}) {
			t.Errorf("empty layer scored %+v", s)
		}
	}
	if len(r.EventRoots) != 20 || r.EventRoots[0].Root != "01" || r.EventRoots[19].Root != "20" {
		t.Errorf("roots %+v", r.EventRoots)
	}
	if len(r.EventQuads) != 4 {
		t.Errorf("quads %+v", r.EventQuads)
	}
	r = Score(nil)
	if r.Articles != 0 || r.Entities != (PRF{}) {
		t.Errorf("no pairs: %+v", r)
	}
	var b bytes.Buffer
	if err := r.WriteTable(&b); err != nil || !strings.Contains(b.String(), "0 articles") {
		t.Errorf("table of nothing: %v\n%s", err, b.String())
	}
}

func TestPerArticleRows(t *testing.T) {
	a := Gold{ID: "a", Text: "x", Key: GoldKey{Entities: []GoldEntity{{Name: "Reuters", Type: "ORG"}}}}
	b := Gold{ID: "b", Text: "x", Key: GoldKey{Entities: []GoldEntity{{Name: "AFP", Type: "ORG"}, {Name: "dpa", Type: "ORG"}}}}
	r := Score([]Pair{
		{Gold: a, System: analysis.Result{Entities: ents("Reuters/ORG")}},
		{Gold: b, System: analysis.Result{Entities: ents("AFP/ORG", "Bild/ORG")}},
	})
	if len(r.PerArticle) != 2 || r.PerArticle[0].ID != "a" || r.PerArticle[1].ID != "b" {
		t.Fatalf("rows %+v", r.PerArticle)
	}
	if e := r.PerArticle[1].Entities; e.TP != 1 || e.FP != 1 || e.FN != 1 || !near(e.F1, 0.5) {
		t.Errorf("article b %+v", e)
	}
	// Micro-average: 2 TP, 1 FP, 1 FN over both articles.
	if e := r.Entities; e.TP != 2 || e.FP != 1 || e.FN != 1 || !near(e.Precision, 2.0/3) || !near(e.Recall, 2.0/3) {
		t.Errorf("total %+v", e)
	}
}

func TestReportJSONAndTable(t *testing.T) {
	g := Gold{ID: "seedlike", Text: "Am Sonntag traf Xi Abe.", Key: GoldKey{
		Entities: []GoldEntity{{Name: "Xi Jinping", Type: "PER", Aliases: []string{"Xi"}}},
		Events:   []GoldEvent{{Source: "CHN", Target: "JPN", Root: "04", Symmetric: true}},
	}}
	r := Score([]Pair{{Gold: g, System: analysis.Result{Entities: ents("Xi/PER"), Events: evs(ev("CHN", "JPN", "04", ""))}}})
	data, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{`"articles":1`, `"entities":{"tp":1,"fp":0,"fn":0,"precision":1,"recall":1,"f1":1}`, `"events_quad"`, `"speaker_accuracy"`, `"timex_value_accuracy"`, `"geocoding_accuracy"`, `"event_date_accuracy"`, `"direct_accuracy"`, `"event_roots":[{"root":"01","tp":0`, `"event_quads":[{"quad":1`, `"per_article":[{"id":"seedlike"`} {
		if !bytes.Contains(data, []byte(key)) {
			t.Errorf("JSON lacks %s:\n%s", key, data)
		}
	}
	var b bytes.Buffer
	if err := r.WriteTableArticles(&b); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{"1 articles", "entities", "events (root)", "events (quad)", "quote speaker", "timex value", "geocoding country", "event date", "04 consult", "20 use unconventional mass violence", "1 verbal cooperation", "seedlike"} {
		if !strings.Contains(out, want) {
			t.Errorf("table lacks %q:\n%s", want, out)
		}
	}
	if err := r.WriteTable(failingWriter{}); err == nil {
		t.Error("a failing writer must give an error")
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

// TestForgivenNoiseKeepsPerfectScore adds to a perfect output what the
// rules forgive — repeated items, both directions of joint acts, places
// also reported as LOC entities, hypothetical events, other casing — and
// shuffles every list: the scores must stay perfect.
func TestForgivenNoiseKeepsPerfectScore(t *testing.T) {
	golds, _, err := LoadGoldDir(sharedPath(t, "corpus/dev"))
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(7, 11))
	pairs := make([]Pair, 0, len(golds))
	for _, g := range golds {
		r := perfect(g)
		for _, e := range r.Entities {
			e.Name = strings.ToUpper(e.Name)
			r.Entities = append(r.Entities, e)
		}
		for _, p := range r.Places {
			r.Entities = append(r.Entities, analysis.Entity{Name: p.Name, Type: "LOC", Country: p.Country})
		}
		for _, x := range r.Timex {
			x.Text = strings.ToLower(x.Text)
			r.Timex = append(r.Timex, x)
		}
		for i, e := range g.Key.Events {
			if e.Symmetric {
				rev := r.Events[i]
				rev.Source, rev.Target = rev.Target, rev.Source
				r.Events = append(r.Events, rev)
			}
		}
		r.Events = append(r.Events, ev("USA", "ATA", "19", analysis.ModalityHypothetical))
		rng.Shuffle(len(r.Entities), func(i, j int) { r.Entities[i], r.Entities[j] = r.Entities[j], r.Entities[i] })
		rng.Shuffle(len(r.Places), func(i, j int) { r.Places[i], r.Places[j] = r.Places[j], r.Places[i] })
		rng.Shuffle(len(r.Timex), func(i, j int) { r.Timex[i], r.Timex[j] = r.Timex[j], r.Timex[i] })
		rng.Shuffle(len(r.Quotes), func(i, j int) { r.Quotes[i], r.Quotes[j] = r.Quotes[j], r.Quotes[i] })
		rng.Shuffle(len(r.Events), func(i, j int) { r.Events[i], r.Events[j] = r.Events[j], r.Events[i] })
		pairs = append(pairs, Pair{Gold: g, System: r})
	}
	checkPerfect(t, Score(pairs))
}
