package eval

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"
)

// Tagger labels the tokens of one sentence with BIO tags ("B-PER", "I-LOC",
// "O"). newsgraph's statistical tagger satisfies it.
type Tagger interface {
	Tag(tokens []string) []string
}

// Sentence is one sentence of a CoNLL-style file with its gold labels at
// the outer and (GermEval only) inner level.
type Sentence struct {
	Tokens []string
	Outer  []string
	Inner  []string
}

// ErrCoNLL is returned for a file that is not in a CoNLL-style format.
var ErrCoNLL = errors.New("not a CoNLL file")

// ReadCoNLL reads GermEval 2014 TSV ("#" comment lines, then
// "index<TAB>token<TAB>outer<TAB>inner") or plain CoNLL with the token
// first and the label last ("token<TAB>label", "token POS chunk label").
// "-DOCSTART-" lines are skipped; blank lines end sentences.
func ReadCoNLL(r io.Reader) ([]Sentence, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	var out []Sentence
	var cur Sentence
	flush := func() {
		if len(cur.Tokens) > 0 {
			out = append(out, cur)
		}
		cur = Sentence{}
	}
	line := 0
	for sc.Scan() {
		line++
		t := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(t) == "" {
			flush()
			continue
		}
		if strings.HasPrefix(t, "#") && (len(t) == 1 || t[1] == '\t' || t[1] == ' ') {
			continue
		}
		if strings.HasPrefix(t, "-DOCSTART-") {
			continue
		}
		var f []string
		if strings.Contains(t, "\t") {
			f = strings.Split(t, "\t")
		} else {
			f = strings.Fields(t)
		}
		switch {
		case len(f) == 4 && isIndex(f[0]):
			cur.Tokens = append(cur.Tokens, f[1])
			cur.Outer = append(cur.Outer, f[2])
			cur.Inner = append(cur.Inner, f[3])
		case len(f) >= 2:
			cur.Tokens = append(cur.Tokens, f[0])
			cur.Outer = append(cur.Outer, f[len(f)-1])
			cur.Inner = append(cur.Inner, "O")
		default:
			return nil, fmt.Errorf("line %d: %q has no label: %w", line, t, ErrCoNLL)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("conll: %w", err)
	}
	flush()
	return out, nil
}

func isIndex(s string) bool {
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

// span is a labelled stretch of tokens [start, end).
type span struct {
	start, end int
	label      string
}

// spans reads BIO (or IOB1) labels into spans. An I- label that does not
// continue a span of its type opens one, as conlleval does.
func spans(labels []string) []span {
	var out []span
	cur := -1
	for i, l := range labels {
		prefix, typ := "O", ""
		if len(l) > 2 && (l[0] == 'B' || l[0] == 'I' || l[0] == 'E' || l[0] == 'S') && l[1] == '-' {
			prefix, typ = l[:1], l[2:]
		}
		switch {
		case prefix == "O":
			cur = -1
		case prefix == "B" || prefix == "S" || cur < 0 || out[cur].label != typ:
			out = append(out, span{i, i + 1, typ})
			cur = len(out) - 1
		default:
			out[cur].end = i + 1
		}
		if prefix == "S" || prefix == "E" {
			cur = -1
		}
	}
	return out
}

// NERReport holds NER scores over a corpus.
type NERReport struct {
	Sentences int `json:"sentences"`
	Tokens    int `json:"tokens"`
	// Official is GermEval 2014's metric 1: outer level, strict span and
	// label, all labels as they stand (the -deriv and -part ones included,
	// which a four-type tagger can only miss).
	Official Layer `json:"official"`
	// Coarse drops -deriv and -part spans from gold and prediction and maps
	// OTH to MISC, scoring the four types PER, LOC, ORG, MISC.
	Coarse   Layer            `json:"coarse"`
	PerLabel map[string]Layer `json:"per_label"`
}

// ScoreNER scores predicted labels against the outer gold labels.
func ScoreNER(gold []Sentence, predicted [][]string) NERReport {
	r := NERReport{Sentences: len(gold), PerLabel: map[string]Layer{}}
	for i, s := range gold {
		r.Tokens += len(s.Tokens)
		var pred []string
		if i < len(predicted) {
			pred = predicted[i]
		}
		gs, ps := spans(s.Outer), spans(pred)
		r.Official.add(compareSpans(gs, ps, r.PerLabel))
		r.Coarse.add(compareSpans(coarse(gs), coarse(ps), nil))
	}
	r.Official.finish()
	r.Coarse.finish()
	for k, s := range r.PerLabel {
		s.finish()
		r.PerLabel[k] = s
	}
	return r
}

func coarse(in []span) []span {
	var out []span
	for _, s := range in {
		if strings.HasSuffix(s.label, "deriv") || strings.HasSuffix(s.label, "part") {
			continue
		}
		if s.label == "OTH" {
			s.label = "MISC"
		}
		out = append(out, s)
	}
	return out
}

func compareSpans(gold, pred []span, perLabel map[string]Layer) Layer {
	g := map[span]bool{}
	for _, s := range gold {
		g[s] = true
	}
	var sc Layer
	hit := map[span]bool{}
	for _, s := range pred {
		if g[s] && !hit[s] {
			hit[s] = true
			sc.TP++
			bump(perLabel, s.label, Layer{TP: 1})
		} else {
			sc.FP++
			bump(perLabel, s.label, Layer{FP: 1})
		}
	}
	for _, s := range gold {
		if !hit[s] {
			sc.FN++
			bump(perLabel, s.label, Layer{FN: 1})
		}
	}
	return sc
}

func bump(m map[string]Layer, label string, d Layer) {
	if m == nil {
		return
	}
	s := m[label]
	s.add(d)
	m[label] = s
}

// TagAll runs a tagger over every sentence.
func TagAll(t Tagger, gold []Sentence) [][]string {
	out := make([][]string, len(gold))
	for i, s := range gold {
		out[i] = t.Tag(s.Tokens)
	}
	return out
}

// WriteTable prints the NER report for a person.
func (r NERReport) WriteTable(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "%d sentences, %d tokens\t\t\t\t\t\t\t\n", r.Sentences, r.Tokens)
	fmt.Fprintln(tw, "score\tP\tR\tF1\tTP\tFP\tFN\t")
	row := func(name string, s Layer) {
		fmt.Fprintf(tw, "%s\t%.3f\t%.3f\t%.3f\t%d\t%d\t%d\t\n", name, s.Precision, s.Recall, s.F1, s.TP, s.FP, s.FN)
	}
	row("official (outer, strict)", r.Official)
	row("coarse (PER/LOC/ORG/MISC)", r.Coarse)
	labels := make([]string, 0, len(r.PerLabel))
	for k := range r.PerLabel {
		labels = append(labels, k)
	}
	sort.Strings(labels)
	for _, k := range labels {
		row("  "+k, r.PerLabel[k])
	}
	return tw.Flush()
}
