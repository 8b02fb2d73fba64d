package eval

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/analysis"
)

const shared = "../../../shared"

func sharedPath(t *testing.T, rel string) string {
	p := filepath.Join(shared, rel)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("%s not available (%v); the shared corpus sits beside the repository on CI", p, err)
	}
	return p
}

// perfect builds the output a perfect system would give for g.
func perfect(g Gold) analysis.Result {
	r := analysis.Result{ID: g.ID, Text: g.Text}
	for _, e := range g.Key.Entities {
		r.Entities = append(r.Entities, analysis.Entity{Name: e.Name, Type: e.Type, Country: e.Country})
	}
	for _, p := range g.Key.Places {
		r.Places = append(r.Places, analysis.Place{Name: p.Name, Country: p.Country})
	}
	text := lowerRunes(g.Text)
	for _, t := range g.Key.Timex {
		tx := analysis.Timex{Text: t.Text, Value: t.Value}
		if occ := occurrences(text, []rune(strings.ToLower(t.Text))); len(occ) > 0 {
			tx.Start, tx.End = occ[0][0], occ[0][1]
		}
		r.Timex = append(r.Timex, tx)
	}
	for _, q := range g.Key.Quotes {
		r.Quotes = append(r.Quotes, analysis.Quote{Text: q.Text, Speaker: q.Speaker, Direct: q.Direct})
	}
	for _, e := range g.Key.Events {
		r.Events = append(r.Events, analysis.Event{Source: analysis.Actor{Key: e.Source}, Target: analysis.Actor{Key: e.Target}, Root: e.Root, Date: e.Date, Modality: analysis.ModalityAsserted})
	}
	return r
}

func TestPerfectOutputScoresOne(t *testing.T) {
	golds, _, err := LoadGoldDir(sharedPath(t, "corpus/dev"))
	if err != nil {
		t.Fatal(err)
	}
	seed, err := LoadGold(sharedPath(t, "corpus/seed/000_18f728b461ea7953.gold.json"))
	if err != nil {
		t.Fatal(err)
	}
	golds = append(golds, seed)
	if len(golds) != 51 {
		t.Errorf("%d gold files, want 50 dev + the seed", len(golds))
	}
	var pairs []Pair
	for _, g := range golds {
		pairs = append(pairs, Pair{Gold: g, System: perfect(g)})
	}
	r := Score(pairs)
	for name, s := range map[string]Layer{"entities": r.Entities, "places": r.Places, "timex": r.Timex, "quotes": r.Quotes, "events": r.Events, "events quad": r.EventsQuad} {
		if s.F1 != 1 || s.FP != 0 || s.FN != 0 {
			t.Errorf("%s: %+v, want F1 1", name, s)
		}
	}
	for name, a := range map[string]Accuracy{"speaker": r.SpeakerAccuracy, "timex value": r.TimexValueAccuracy, "geocoding": r.GeocodingAccuracy, "event date": r.EventDateAccuracy} {
		if a.Value != 1 {
			t.Errorf("%s accuracy %+v, want 1", name, a)
		}
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestEntities(t *testing.T) {
	gold := Gold{ID: "g", Text: "x", Key: GoldKey{Entities: []GoldEntity{
		{Name: "Donald Trump", Type: "PER", Aliases: []string{"Trump"}},
		{Name: "Kim Jong Un", Type: "PER", Aliases: []string{"Kim Jong-un"}},
		{Name: "Moon Jae-in", Type: "PER", Aliases: []string{"Moon Jae In"}},
		{Name: "Reuters", Type: "ORG"},
	}}}
	ents := func(names ...string) []analysis.Entity {
		var out []analysis.Entity
		for _, n := range names {
			name, typ, _ := strings.Cut(n, "/")
			out = append(out, analysis.Entity{Name: name, Type: typ})
		}
		return out
	}
	tests := []struct {
		name   string
		sys    []analysis.Entity
		p, r   float64
		tp, fp int
	}{
		{"all", ents("Donald Trump/PER", "Kim Jong Un/PER", "Moon Jae-in/PER", "Reuters/ORG"), 1, 1, 4, 0},
		{"one missing", ents("Donald Trump/PER", "Kim Jong Un/PER", "Moon Jae-in/PER"), 1, 0.75, 3, 0},
		{"one wrong", ents("Donald Trump/PER", "Kim Jong Un/PER", "Moon Jae-in/PER", "Reuters/ORG", "Xi Jinping/PER"), 0.8, 1, 4, 1},
		{"wrong type does not match", ents("Reuters/PER"), 0, 0, 0, 1},
		{"alias matches", ents("Trump/PER"), 1, 0.25, 1, 0},
		{"case diacritics punctuation", ents("MOON JAE IN/PER", "kim jong-un/PER", "Dönald Trümp/PER"), 1, 0.75, 3, 0},
		{"duplicates reduced", ents("Trump/PER", "Trump/PER"), 1, 0.25, 1, 0},
		{"two names of one entity count once", ents("Trump/PER", "Donald Trump/PER"), 0.5, 0.25, 1, 1},
		{"LOC entities are places", ents("Hanoi/LOC"), 0, 0, 0, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := Score([]Pair{{Gold: gold, System: analysis.Result{Entities: tc.sys}}})
			s := r.Entities
			if s.TP != tc.tp || s.FP != tc.fp || !near(s.Precision, tc.p) || !near(s.Recall, tc.r) {
				t.Errorf("got %+v, want P %.2f R %.2f TP %d FP %d", s, tc.p, tc.r, tc.tp, tc.fp)
			}
		})
	}
}

func TestPlaces(t *testing.T) {
	gold := Gold{Text: "x", Key: GoldKey{Places: []GoldPlace{
		{Name: "Pyongyang", Country: "PRK", Aliases: []string{"Pjöngjang"}},
		{Name: "Seoul", Country: "KOR"},
	}}}
	r := Score([]Pair{{Gold: gold, System: analysis.Result{
		Places:   []analysis.Place{{Name: "Pjöngjang", Country: "PRK"}},
		Entities: []analysis.Entity{{Name: "Seoul", Type: "LOC", Country: "PRK"}},
	}}})
	if r.Places.TP != 2 || r.Places.F1 != 1 {
		t.Errorf("places %+v", r.Places)
	}
	if r.GeocodingAccuracy.Correct != 1 || r.GeocodingAccuracy.Total != 2 || r.GeocodingAccuracy.Value != 0.5 {
		t.Errorf("geocoding %+v", r.GeocodingAccuracy)
	}
}

func TestTimex(t *testing.T) {
	text := "Er kam am Sonntag. Im Februar reist er. Am Wochenende twitterte er."
	gold := Gold{Text: text, Key: GoldKey{Timex: []GoldTimex{
		{Text: "am Sonntag", Value: "2017-11-12"},
		{Text: "im Februar", Value: "2018-02"},
		{Text: "Am Wochenende", Value: "2017-W45-WE"},
	}}}
	tests := []struct {
		name     string
		sys      []analysis.Timex
		tp, fp   int
		accRight int
		accTotal int
	}{
		{"exact texts", []analysis.Timex{{Text: "am Sonntag", Value: "2017-11-12", Start: 7, End: 17}}, 1, 0, 1, 1},
		{"overlapping span, right value", []analysis.Timex{{Text: "Sonntag", Value: "2017-11-12", Start: 10, End: 17}}, 1, 0, 1, 1},
		{"overlapping span, wrong value", []analysis.Timex{{Text: "Februar", Value: "2017-02", Start: 22, End: 29}}, 0, 1, 0, 1},
		{"case-insensitive text", []analysis.Timex{{Text: "am wochenende", Value: "2017-W45-WE"}}, 1, 0, 1, 1},
		{"no overlap", []analysis.Timex{{Text: "er", Value: "2017-11-12", Start: 0, End: 2}}, 0, 1, 0, 0},
		{"duplicates count once", []analysis.Timex{{Text: "am Sonntag", Value: "2017-11-12", Start: 7, End: 17}, {Text: "Am Sonntag", Value: "2017-11-12", Start: 7, End: 17}}, 1, 0, 1, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := Score([]Pair{{Gold: gold, System: analysis.Result{Text: text, Timex: tc.sys}}})
			if r.Timex.TP != tc.tp || r.Timex.FP != tc.fp || r.Timex.FN != 3-tc.tp {
				t.Errorf("timex %+v", r.Timex)
			}
			if r.TimexValueAccuracy.Correct != tc.accRight || r.TimexValueAccuracy.Total != tc.accTotal {
				t.Errorf("value accuracy %+v", r.TimexValueAccuracy)
			}
		})
	}
}

func TestQuotes(t *testing.T) {
	gold := Gold{Text: "x", Key: GoldKey{
		Entities: []GoldEntity{{Name: "Donald Trump", Type: "PER", Aliases: []string{"Trump"}}},
		Quotes: []GoldQuote{
			{Text: "eins zwei drei vier fünf", Speaker: "Donald Trump", Direct: true},
			{Text: "der Zerstörer kommt bald", Speaker: "PRK"},
		},
	}}
	tests := []struct {
		name     string
		sys      []analysis.Quote
		tp, fp   int
		spkRight int
	}{
		// 3 of 5 words shared, union 5: Jaccard 0.6 exactly matches.
		{"jaccard 0.6", []analysis.Quote{{Text: "eins zwei drei", Speaker: "Trump"}}, 1, 0, 1},
		// 3 shared of union 6: 0.5 does not.
		{"jaccard 0.5", []analysis.Quote{{Text: "eins zwei drei sechs", Speaker: "Trump"}}, 0, 1, 0},
		{"speaker alias", []analysis.Quote{{Text: "Eins, zwei, drei, vier, fünf!", Speaker: "Trump"}}, 1, 0, 1},
		{"wrong speaker", []analysis.Quote{{Text: "eins zwei drei vier fünf", Speaker: "Kim Jong Un"}}, 1, 0, 0},
		{"country code speaker", []analysis.Quote{{Text: "der Zerstörer kommt bald", Speaker: "prk"}}, 1, 0, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := Score([]Pair{{Gold: gold, System: analysis.Result{Quotes: tc.sys}}})
			if r.Quotes.TP != tc.tp || r.Quotes.FP != tc.fp {
				t.Errorf("quotes %+v", r.Quotes)
			}
			if r.SpeakerAccuracy.Correct != tc.spkRight || r.SpeakerAccuracy.Total != tc.tp {
				t.Errorf("speaker accuracy %+v", r.SpeakerAccuracy)
			}
		})
	}
}

func ev(src, tgt, root, modality string) analysis.Event {
	return analysis.Event{Source: analysis.Actor{Key: src}, Target: analysis.Actor{Key: tgt}, Root: root, Modality: modality, Date: "2017-11-12"}
}

func TestEvents(t *testing.T) {
	gold := Gold{Text: "x", Key: GoldKey{Events: []GoldEvent{
		{Source: "USA", Target: "PRK", Root: "11", Date: "2017-11-12"},
		{Source: "CHN", Target: "JPN", Root: "04", Symmetric: true, Date: "2017-11-12"},
		{Source: "KOR", Target: "CHN", Root: "03", AltRoots: []string{"04"}, Date: "2017-11-12"},
		{Source: "USA", Target: "PRK", Root: "11", Date: "2017-11-12"}, // repeated report: one item
	}}}
	tests := []struct {
		name       string
		sys        []analysis.Event
		tp, fp, fn int
		quadTP     int
	}{
		{"all three", []analysis.Event{ev("USA", "PRK", "11", "asserted"), ev("CHN", "JPN", "04", "asserted"), ev("KOR", "CHN", "03", "asserted")}, 3, 0, 0, 3},
		{"symmetric in reverse", []analysis.Event{ev("JPN", "CHN", "04", "asserted")}, 1, 0, 2, 1},
		{"symmetric both directions not penalised", []analysis.Event{ev("JPN", "CHN", "04", ""), ev("CHN", "JPN", "04", "")}, 1, 0, 2, 1},
		{"non-symmetric reversed does not match", []analysis.Event{ev("PRK", "USA", "11", "")}, 0, 1, 3, 0},
		{"alt root matches", []analysis.Event{ev("KOR", "CHN", "04", "")}, 1, 0, 2, 1},
		{"hypothetical and negated dropped", []analysis.Event{ev("USA", "PRK", "11", "hypothetical"), ev("USA", "PRK", "13", "negated")}, 0, 0, 3, 0},
		{"duplicates reduced", []analysis.Event{ev("USA", "PRK", "11", ""), ev("USA", "PRK", "11", "reported")}, 1, 0, 2, 1},
		{"root from cameo code", []analysis.Event{{Source: analysis.Actor{Key: "usa"}, Target: analysis.Actor{Key: "prk"}, Cameo: "112"}}, 1, 0, 2, 1},
		// 12 (reject) is not 11 but both are verbal conflict: a quad hit only.
		{"quad level only", []analysis.Event{ev("USA", "PRK", "12", "")}, 0, 1, 3, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := Score([]Pair{{Gold: gold, System: analysis.Result{Events: tc.sys}}})
			if r.Events.TP != tc.tp || r.Events.FP != tc.fp || r.Events.FN != tc.fn {
				t.Errorf("events %+v, want TP %d FP %d FN %d", r.Events, tc.tp, tc.fp, tc.fn)
			}
			if r.EventsQuad.TP != tc.quadTP {
				t.Errorf("quad %+v, want TP %d", r.EventsQuad, tc.quadTP)
			}
		})
	}
}

func TestNormalize(t *testing.T) {
	for in, want := range map[string]string{
		"Moon Jae-in":      "moon jaein",
		"  Kim   Jong Un ": "kim jong un",
		"Shinzō Abe":       "shinzo abe",
		"Außenministerium": "aussenministerium",
		"U.S.":             "us",
		"ＡＢＣ":              "abc",
	} {
		if got := Normalize(in); got != want {
			t.Errorf("Normalize(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCoNLL(t *testing.T) {
	f, err := os.Open(sharedPath(t, "data/ner/germeval2014/NER-de-dev.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	gold, err := ReadCoNLL(f)
	if err != nil {
		t.Fatal(err)
	}
	if len(gold) != 2200 {
		t.Errorf("%d sentences, want 2200", len(gold))
	}
	pred := make([][]string, len(gold))
	for i, s := range gold {
		pred[i] = s.Outer
	}
	r := ScoreNER(gold, pred)
	if r.Official.F1 != 1 || r.Coarse.F1 != 1 {
		t.Errorf("gold against itself: %+v %+v", r.Official, r.Coarse)
	}
}

func TestScoreNER(t *testing.T) {
	in := "1\tAngela\tB-PER\tO\n2\tMerkel\tI-PER\tO\n3\tbesucht\tO\tO\n4\tdeutsche\tB-LOCderiv\tO\n5\tStädte\tO\tO\n6\tin\tO\tO\n7\tBayern\tB-LOC\tO\n\n"
	gold, err := ReadCoNLL(strings.NewReader("#\tsource\n" + in))
	if err != nil || len(gold) != 1 || len(gold[0].Tokens) != 7 {
		t.Fatalf("read: %v %+v", err, gold)
	}
	// Right person, missed deriv, wrong type for Bayern, one spurious ORG.
	pred := [][]string{{"B-PER", "I-PER", "B-ORG", "O", "O", "O", "B-ORG"}}
	r := ScoreNER(gold, pred)
	if r.Official.TP != 1 || r.Official.FP != 2 || r.Official.FN != 2 {
		t.Errorf("official %+v", r.Official)
	}
	if r.Coarse.TP != 1 || r.Coarse.FP != 2 || r.Coarse.FN != 1 {
		t.Errorf("coarse %+v", r.Coarse)
	}
	// Plain two-column CoNLL with a document marker.
	two, err := ReadCoNLL(strings.NewReader("-DOCSTART- O\n\nParis\tB-LOC\nist\tO\n\nBerlin\tB-LOC\n"))
	if err != nil || len(two) != 2 || two[1].Outer[0] != "B-LOC" {
		t.Errorf("two-column: %v %+v", err, two)
	}
	if _, err := ReadCoNLL(strings.NewReader("nolabel\n")); err == nil {
		t.Error("a line without a label must be an error")
	}
}

func TestSpansIOB1(t *testing.T) {
	got := spans([]string{"I-PER", "I-PER", "O", "I-LOC", "B-LOC", "I-ORG"})
	want := []span{{0, 2, "PER"}, {3, 4, "LOC"}, {4, 5, "LOC"}, {5, 6, "ORG"}}
	if len(got) != len(want) {
		t.Fatalf("%+v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("span %d: %+v, want %+v", i, got[i], want[i])
		}
	}
}
