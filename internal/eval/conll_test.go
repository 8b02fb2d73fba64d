package eval

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"
)

func TestGermEvalDevAgainstItself(t *testing.T) {
	f, err := os.Open(sharedPath(t, "data/ner/germeval2014/NER-de-dev.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	gold, err := ReadCoNLL(f)
	if err != nil {
		t.Fatal(err)
	}
	// Figures of the shared folder's README: 2,200 sentences, 41,653
	// tokens, 763 B-LOC and 235 B-LOCderiv outer labels.
	if len(gold) != 2200 {
		t.Errorf("%d sentences, want 2200", len(gold))
	}
	tokens, bloc, bderiv, innerB := 0, 0, 0, 0
	for _, s := range gold {
		if len(s.Outer) != len(s.Tokens) || len(s.Inner) != len(s.Tokens) {
			t.Fatalf("sentence with %d tokens, %d outer, %d inner labels", len(s.Tokens), len(s.Outer), len(s.Inner))
		}
		tokens += len(s.Tokens)
		for i, l := range s.Outer {
			switch l {
			case "B-LOC":
				bloc++
			case "B-LOCderiv":
				bderiv++
			}
			if strings.HasPrefix(s.Inner[i], "B-") {
				innerB++
			}
		}
	}
	if tokens != 41653 || bloc != 763 || bderiv != 235 {
		t.Errorf("%d tokens, %d B-LOC, %d B-LOCderiv; want 41653, 763, 235", tokens, bloc, bderiv)
	}
	if innerB == 0 {
		t.Error("no inner labels read")
	}
	if gold[0].Tokens[7] != "Ecce" || gold[0].Outer[7] != "B-OTH" || gold[0].Outer[8] != "I-OTH" {
		t.Errorf("first sentence: %v %v", gold[0].Tokens, gold[0].Outer)
	}

	pred := make([][]string, len(gold))
	for i, s := range gold {
		pred[i] = s.Outer
	}
	r := ScoreNER(gold, pred)
	if r.Official.F1 != 1 || r.Coarse.F1 != 1 || r.Official.FP != 0 || r.Official.FN != 0 || r.TokenAccuracy.Value != 1 {
		t.Errorf("gold against itself: official %+v coarse %+v tokens %+v", r.Official, r.Coarse, r.TokenAccuracy)
	}
	if r.Sentences != 2200 || r.Tokens != 41653 || r.Misaligned != 0 {
		t.Errorf("counts %d %d %d", r.Sentences, r.Tokens, r.Misaligned)
	}
	// 12 types, PER first; the coarse score has fewer spans than the
	// official one because -deriv and -part spans are dropped.
	if len(r.PerLabel) != 12 || r.PerLabel[0].Label != "PER" || r.PerLabel[1].Label != "PERderiv" {
		t.Errorf("labels %+v", r.PerLabel)
	}
	// One span per B- label of the README's counts: 2,674 in all, 2,239
	// of them PER, LOC, ORG or OTH.
	if r.Official.TP != 2674 || r.Coarse.TP != 2239 {
		t.Errorf("official %d spans, coarse %d; want 2674 and 2239", r.Official.TP, r.Coarse.TP)
	}
	var deriv int
	for _, l := range r.PerLabel {
		if isFineType(l.Label) {
			deriv += l.TP
		}
	}
	if r.Official.TP-r.Coarse.TP != deriv {
		t.Errorf("official %d - coarse %d != %d deriv/part spans", r.Official.TP, r.Coarse.TP, deriv)
	}
	// An all-O tagger finds nothing: F1 0, no division by zero.
	r = ScoreNER(gold, nil)
	if r.Official.TP != 0 || r.Official.FP != 0 || r.Official.F1 != 0 || r.Official.FN == 0 {
		t.Errorf("all O: %+v", r.Official)
	}
}

func TestScoreNERHandMade(t *testing.T) {
	in := "#\thttp://example.org\t[2014-01-01]\t\n" +
		"1\tAngela\tB-PER\tO\n" +
		"2\tMerkel\tI-PER\tO\n" +
		"3\tbesucht\tO\tO\n" +
		"4\tdeutsche\tB-LOCderiv\tO\n" +
		"5\tStädte\tO\tO\n" +
		"6\tin\tO\tO\n" +
		"7\tBayern\tB-LOC\tO\n" +
		"8\tund\tO\tO\n" +
		"9\tdie\tO\tO\n" +
		"10\tEU-Kommission\tB-ORG\tB-ORGpart\n" +
		"\n"
	gold, err := ReadCoNLL(strings.NewReader(in))
	if err != nil || len(gold) != 1 || len(gold[0].Tokens) != 10 || gold[0].Inner[9] != "B-ORGpart" {
		t.Fatalf("read: %v %+v", err, gold)
	}
	tests := []struct {
		name         string
		pred         []string
		official     PRF
		coarse       PRF
		misaligned   int
		officialP    float64
		officialR    float64
		coarseF1     float64
		tokenCorrect int
	}{
		{
			// Right person, missed deriv, wrong type for Bayern, right
			// ORG: official 2 TP, 1 FP (ORG Bayern), 2 FN (deriv, LOC).
			name:     "mixed",
			pred:     []string{"B-PER", "I-PER", "O", "O", "O", "O", "B-ORG", "O", "O", "B-ORG"},
			official: PRF{TP: 2, FP: 1, FN: 2}, coarse: PRF{TP: 2, FP: 1, FN: 1},
			officialP: 2.0 / 3, officialR: 0.5, coarseF1: 2.0 / 3, tokenCorrect: 8,
		},
		{
			// Span too short is a strict miss: one FP and one FN.
			name:     "boundary error",
			pred:     []string{"B-PER", "O", "O", "B-LOCderiv", "O", "O", "B-LOC", "O", "O", "B-ORG"},
			official: PRF{TP: 3, FP: 1, FN: 1}, coarse: PRF{TP: 2, FP: 1, FN: 1},
			officialP: 0.75, officialR: 0.75, coarseF1: 2.0 / 3, tokenCorrect: 9,
		},
		{
			// IOB1: an I- label after O opens a span, as in conlleval.
			name:     "IOB1 labels",
			pred:     []string{"I-PER", "I-PER", "O", "I-LOCderiv", "O", "O", "I-LOC", "O", "O", "I-ORG"},
			official: PRF{TP: 4, FP: 0, FN: 0}, coarse: PRF{TP: 3},
			officialP: 1, officialR: 1, coarseF1: 1, tokenCorrect: 6,
		},
		{
			name:     "short prediction is padded with O",
			pred:     []string{"B-PER", "I-PER"},
			official: PRF{TP: 1, FN: 3}, coarse: PRF{TP: 1, FN: 2}, misaligned: 1,
			officialP: 1, officialR: 0.25, coarseF1: 0.5, tokenCorrect: 7,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := ScoreNER(gold, [][]string{tc.pred})
			o, c := r.Official, r.Coarse
			if o.TP != tc.official.TP || o.FP != tc.official.FP || o.FN != tc.official.FN {
				t.Errorf("official %+v, want %+v", o, tc.official)
			}
			if c.TP != tc.coarse.TP || c.FP != tc.coarse.FP || c.FN != tc.coarse.FN {
				t.Errorf("coarse %+v, want %+v", c, tc.coarse)
			}
			if !near(o.Precision, tc.officialP) || !near(o.Recall, tc.officialR) || !near(c.F1, tc.coarseF1) {
				t.Errorf("official P %.3f R %.3f, coarse F1 %.3f; want %.3f %.3f %.3f", o.Precision, o.Recall, c.F1, tc.officialP, tc.officialR, tc.coarseF1)
			}
			if r.Misaligned != tc.misaligned || r.TokenAccuracy.Correct != tc.tokenCorrect || r.TokenAccuracy.Total != 10 {
				t.Errorf("misaligned %d tokens %+v", r.Misaligned, r.TokenAccuracy)
			}
		})
	}
	r := ScoreNER(gold, [][]string{{"B-PER", "I-PER", "O", "O", "O", "O", "B-LOC", "O", "O", "B-ORG"}})
	var b bytes.Buffer
	if err := r.WriteTable(&b); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"1 sentences, 10 tokens", "official (all labels)", "coarse (no -deriv/-part)", "LOCderiv", "0.750"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("table lacks %q:\n%s", want, b.String())
		}
	}
}

func TestMISCIsOTH(t *testing.T) {
	gold := []Sentence{{Tokens: []string{"Ecce", "homo"}, Outer: []string{"B-OTH", "I-OTH"}}}
	r := ScoreNER(gold, [][]string{{"B-MISC", "I-MISC"}})
	if r.Official.TP != 1 || r.Coarse.TP != 1 || r.PerLabel[0].Label != "OTH" {
		t.Errorf("%+v", r)
	}
}

func TestReadCoNLLFormats(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		tokens [][]string
		labels [][]string
	}{
		{
			name:   "two columns with a document marker and CRLF",
			in:     "-DOCSTART- O\r\n\r\nParis\tB-LOC\r\nist\tO\r\n\r\nBerlin\tB-LOC\r\n",
			tokens: [][]string{{"Paris", "ist"}, {"Berlin"}},
			labels: [][]string{{"B-LOC", "O"}, {"B-LOC"}},
		},
		{
			name:   "CoNLL 2003 four columns, space separated",
			in:     "EU NNP B-NP B-ORG\nrejects VBZ B-VP O\n1996 CD I-NP O\n\nPeter NNP B-NP B-PER\n",
			tokens: [][]string{{"EU", "rejects", "1996"}, {"Peter"}},
			labels: [][]string{{"B-ORG", "O", "O"}, {"B-PER"}},
		},
		{
			name:   "the token # in a two-column file",
			in:     "#\tO\nfrei\tO\n",
			tokens: [][]string{{"#", "frei"}},
			labels: [][]string{{"O", "O"}},
		},
		{
			name:   "GermEval without the inner column",
			in:     "#\tsource\n1\tKöln\tB-LOC\n2\tliegt\tO\n",
			tokens: [][]string{{"Köln", "liegt"}},
			labels: [][]string{{"B-LOC", "O"}},
		},
		{
			name:   "GermEval comment without trailing tab and a BOM",
			in:     "\ufeff#\thttp://x\t[2010-07-04]\n1\t#\tO\tO\n2\tTag\tO\tO\n",
			tokens: [][]string{{"#", "Tag"}},
			labels: [][]string{{"O", "O"}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ReadCoNLL(strings.NewReader(tc.in))
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(tc.tokens) {
				t.Fatalf("%d sentences, want %d: %+v", len(got), len(tc.tokens), got)
			}
			for i, s := range got {
				if strings.Join(s.Tokens, " ") != strings.Join(tc.tokens[i], " ") || strings.Join(s.Outer, " ") != strings.Join(tc.labels[i], " ") {
					t.Errorf("sentence %d: %v %v, want %v %v", i, s.Tokens, s.Outer, tc.tokens[i], tc.labels[i])
				}
				if len(s.Inner) != len(s.Tokens) {
					t.Errorf("sentence %d: %d inner labels", i, len(s.Inner))
				}
			}
		})
	}
	for _, bad := range []string{"nolabel\n", "Paris\tNNP\n", "1\tKöln\tB-LOC\tO\nx\ty\n"} {
		if _, err := ReadCoNLL(strings.NewReader(bad)); !errors.Is(err, ErrCoNLL) {
			t.Errorf("ReadCoNLL(%q) = %v, want an ErrCoNLL error", bad, err)
		}
	}
}

func TestNERSpans(t *testing.T) {
	got := nerSpans([]string{"I-PER", "I-PER", "O", "I-LOC", "B-LOC", "I-ORG", "S-PER", "I-PER", "B-OTH", "E-OTH", "I-OTH"})
	want := []nerSpan{{0, 2, "PER"}, {3, 4, "LOC"}, {4, 5, "LOC"}, {5, 6, "ORG"}, {6, 7, "PER"}, {7, 8, "PER"}, {8, 10, "OTH"}, {10, 11, "OTH"}}
	if len(got) != len(want) {
		t.Fatalf("%+v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("span %d: %+v, want %+v", i, got[i], want[i])
		}
	}
}

type fixedTagger struct{}

func (fixedTagger) Tag(tokens []string) []string {
	out := make([]string, len(tokens))
	for i := range out {
		out[i] = "O"
	}
	return out
}

func TestTagAll(t *testing.T) {
	gold := []Sentence{{Tokens: []string{"a", "b"}}, {Tokens: []string{"c"}}}
	got := TagAll(fixedTagger{}, gold)
	if len(got) != 2 || len(got[0]) != 2 || len(got[1]) != 1 {
		t.Errorf("%v", got)
	}
}
