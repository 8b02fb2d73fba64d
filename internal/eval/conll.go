package eval

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"
)

// Tagger labels the tokens of one sentence with BIO tags ("B-PER", "I-LOC",
// "O"), one per token. It is the only thing ScoreNER's callers need from a
// named-entity tagger, so any tagger can be scored without this package
// depending on it.
type Tagger interface {
	Tag(tokens []string) []string
}

// Sentence is one sentence of a CoNLL-style file with its gold labels at
// the outer level and, for GermEval 2014, at the inner (embedded) level;
// other formats have no inner level and get "O" there, so that both label
// slices always have one entry per token.
type Sentence struct {
	Tokens []string
	Outer  []string
	Inner  []string
}

// ErrCoNLL marks input that is not in a CoNLL-style format ReadCoNLL
// understands.
const ErrCoNLL = constError("not a CoNLL file")

// conllFormat is the column layout of a CoNLL-style file.
type conllFormat int

const (
	formatUnknown conllFormat = iota
	// formatGermEval is "index<TAB>token<TAB>outer<TAB>inner".
	formatGermEval
	// formatIndexed is "index<TAB>token<TAB>label", as taggers often
	// write GermEval predictions without the inner column.
	formatIndexed
	// formatColumns is "token ... label": the token first, the label
	// last (CoNLL 2002/2003, two-column files).
	formatColumns
)

// ReadCoNLL reads GermEval 2014 TSV — "#<TAB>source<TAB>[date]" comment
// lines, then "index<TAB>token<TAB>outer<TAB>inner" per token, a blank line
// between sentences — or a plain CoNLL file with the token in the first
// column and the label in the last ("token<TAB>label", "token POS chunk
// label"). The layout is detected from the first token line: an index
// column of 1 followed by a token and labels means GermEval (or its
// three-column form without the inner level). "-DOCSTART-" lines end a
// sentence and are skipped. Labels must be "O" or a prefix B, I, E, S, L or
// U, a hyphen and a type, so that a file with the wrong column order fails
// instead of scoring nonsense.
func ReadCoNLL(r io.Reader) ([]Sentence, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 16*1024*1024)
	var out []Sentence
	var cur Sentence
	flush := func() {
		if len(cur.Tokens) > 0 {
			out = append(out, cur)
		}
		cur = Sentence{}
	}
	format := formatUnknown
	line := 0
	for sc.Scan() {
		line++
		t := strings.TrimRight(sc.Text(), "\r")
		if line == 1 {
			t = strings.TrimPrefix(t, "\ufeff")
		}
		if strings.TrimSpace(t) == "" {
			flush()
			continue
		}
		if strings.HasPrefix(t, "-DOCSTART-") {
			flush()
			continue
		}
		f := splitColumns(t)
		if strings.HasPrefix(t, "#") && isComment(f, format) {
			continue
		}
		if format == formatUnknown {
			format = detectFormat(f)
		}
		switch format {
		case formatGermEval, formatIndexed:
			want := 4
			if format == formatIndexed {
				want = 3
			}
			if len(f) < want || !allDigits(f[0]) {
				return nil, fmt.Errorf("conll line %d: %q: want %d tab-separated columns starting with a token index: %w", line, t, want, ErrCoNLL)
			}
			cur.Tokens = append(cur.Tokens, f[1])
			cur.Outer = append(cur.Outer, f[2])
			if format == formatGermEval {
				cur.Inner = append(cur.Inner, f[3])
			} else {
				cur.Inner = append(cur.Inner, "O")
			}
		default:
			if len(f) < 2 {
				return nil, fmt.Errorf("conll line %d: %q has no label column: %w", line, t, ErrCoNLL)
			}
			cur.Tokens = append(cur.Tokens, f[0])
			cur.Outer = append(cur.Outer, f[len(f)-1])
			cur.Inner = append(cur.Inner, "O")
		}
		for _, l := range []string{cur.Outer[len(cur.Outer)-1], cur.Inner[len(cur.Inner)-1]} {
			if !isLabel(l) {
				return nil, fmt.Errorf("conll line %d: %q is not a BIO label: %w", line, l, ErrCoNLL)
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read conll: %w", err)
	}
	flush()
	return out, nil
}

// splitColumns splits a line at tabs when it has any (tokens may then hold
// spaces) and at runs of white space otherwise, dropping the empty columns
// a trailing tab leaves.
func splitColumns(t string) []string {
	var f []string
	if strings.Contains(t, "\t") {
		f = strings.Split(t, "\t")
	} else {
		f = strings.Fields(t)
	}
	for len(f) > 0 && strings.TrimSpace(f[len(f)-1]) == "" {
		f = f[:len(f)-1]
	}
	for i := range f {
		f[i] = strings.TrimSpace(f[i])
	}
	return f
}

// isComment decides whether a line starting with "#" is a comment. In the
// indexed formats every token line starts with its index, so it always is;
// otherwise it is a token line only when it ends in a label, so that the
// token "#" of a two-column file is kept while GermEval's "#<TAB>url<TAB>
// [date]" lines are skipped.
func isComment(f []string, format conllFormat) bool {
	switch format {
	case formatGermEval, formatIndexed:
		return true
	}
	return len(f) < 2 || !isLabel(f[len(f)-1])
}

// detectFormat reads the layout from the first token line of a file.
func detectFormat(f []string) conllFormat {
	if len(f) >= 3 && f[0] == "1" {
		switch {
		case len(f) >= 4 && isLabel(f[2]) && isLabel(f[3]):
			return formatGermEval
		case len(f) == 3 && isLabel(f[2]) && !isLabel(f[1]):
			return formatIndexed
		}
	}
	return formatColumns
}

// isLabel reports a BIO/IOBES/BILOU label: "O", or a prefix letter, a
// hyphen and a non-empty type.
func isLabel(l string) bool {
	if l == "O" {
		return true
	}
	if len(l) < 3 || l[1] != '-' {
		return false
	}
	return strings.ContainsRune("BIESLU", rune(l[0]))
}

// nerSpan is a labelled stretch of tokens [start, end).
type nerSpan struct {
	start, end int
	label      string
}

// canonicalType spells entity types the GermEval way. GermEval calls its
// fourth class OTH where CoNLL and newsgraph's tagger say MISC; the two are
// treated as the same type on both sides so that a MISC tagger can be
// scored at all. GermEval data has no MISC label, so this never changes
// the score of a GermEval-labelled prediction.
func canonicalType(t string) string {
	if rest, ok := strings.CutPrefix(t, "MISC"); ok {
		return "OTH" + rest
	}
	return t
}

// nerSpans decodes labels into spans the way conlleval does: a B (or S/U)
// label always opens a span, an I (or E/L) label continues the span before
// it when the type is the same and opens one otherwise (IOB1 and broken
// sequences), and E/L/S/U close their span.
func nerSpans(labels []string) []nerSpan {
	var out []nerSpan
	open := false
	for i, l := range labels {
		if !isLabel(l) || l == "O" {
			open = false
			continue
		}
		prefix, typ := l[0], canonicalType(l[2:])
		begins := prefix == 'B' || prefix == 'S' || prefix == 'U'
		if begins || !open || out[len(out)-1].label != typ {
			out = append(out, nerSpan{i, i + 1, typ})
		} else {
			out[len(out)-1].end = i + 1
		}
		open = !(prefix == 'E' || prefix == 'L' || prefix == 'S' || prefix == 'U')
	}
	return out
}

// isFineType reports GermEval's -deriv and -part types ("LOCderiv",
// "ORGpart"), which the coarse score leaves out.
func isFineType(t string) bool {
	return strings.HasSuffix(t, "deriv") || strings.HasSuffix(t, "part")
}

// LabelScore is the official score of one entity type.
type LabelScore struct {
	Label string `json:"label"`
	PRF
}

// NERReport holds a tagger's scores on a CoNLL corpus, at the outer level
// with strict matching: a predicted span counts only when its start, end
// and type all equal those of a gold span.
type NERReport struct {
	Sentences int `json:"sentences"`
	Tokens    int `json:"tokens"`
	// Misaligned counts sentences whose prediction did not have one label
	// per token; it was cut or padded with "O", so the scores are still
	// defined, but a non-zero count usually means a tokenisation mismatch.
	Misaligned int `json:"misaligned"`
	// TokenAccuracy is the share of tokens whose outer label is exactly
	// the gold label, which shows near misses that strict spans hide.
	TokenAccuracy Accuracy `json:"token_accuracy"`
	// Official is GermEval 2014's metric: outer level, strict, over all
	// twelve labels as they stand, the -deriv and -part ones included
	// (which a four-type tagger can only miss).
	Official PRF `json:"official"`
	// Coarse drops every -deriv and -part span from gold and prediction
	// before matching, so it scores PER, LOC, ORG and OTH only: the score
	// that is comparable to a four-type tagger.
	Coarse PRF `json:"coarse"`
	// PerLabel is the official score per type, PER, LOC, ORG, OTH first.
	// A type's coarse score is the same as its official one, since
	// dropping other spans does not change how its own spans match.
	PerLabel []LabelScore `json:"per_label"`
}

// ScoreNER scores predicted outer labels against the gold sentences (one
// slice of labels per sentence, in order). Missing sentences count as all
// "O". It returns both the official score over all labels and the coarse
// score without -deriv and -part spans.
func ScoreNER(gold []Sentence, predicted [][]string) NERReport {
	r := NERReport{Sentences: len(gold)}
	per := map[string]*PRF{}
	bump := func(label string, d PRF) {
		if per[label] == nil {
			per[label] = &PRF{}
		}
		per[label].add(d)
	}
	for i, s := range gold {
		n := len(s.Tokens)
		r.Tokens += n
		var pred []string
		if i < len(predicted) {
			pred = predicted[i]
		}
		if len(pred) != n {
			if i < len(predicted) {
				r.Misaligned++
			}
			fixed := make([]string, n)
			for j := range fixed {
				fixed[j] = "O"
				if j < len(pred) {
					fixed[j] = pred[j]
				}
			}
			pred = fixed
		}
		goldLabels := s.Outer
		if len(goldLabels) != n {
			fixed := make([]string, n)
			for j := range fixed {
				fixed[j] = "O"
				if j < len(goldLabels) {
					fixed[j] = goldLabels[j]
				}
			}
			goldLabels = fixed
		}
		for j := range n {
			r.TokenAccuracy.Total++
			if pred[j] == goldLabels[j] {
				r.TokenAccuracy.Correct++
			}
		}
		gs, ps := nerSpans(goldLabels), nerSpans(pred)
		r.Official.add(compareSpans(gs, ps, bump))
		r.Coarse.add(compareSpans(dropFine(gs), dropFine(ps), nil))
	}
	r.TokenAccuracy.finish()
	r.Official.finish()
	r.Coarse.finish()
	labels := make([]string, 0, len(per))
	for k := range per {
		labels = append(labels, k)
	}
	sort.Slice(labels, func(i, j int) bool { return labelLess(labels[i], labels[j]) })
	r.PerLabel = make([]LabelScore, 0, len(labels))
	for _, k := range labels {
		s := *per[k]
		s.finish()
		r.PerLabel = append(r.PerLabel, LabelScore{Label: k, PRF: s})
	}
	return r
}

// labelLess orders types PER, LOC, ORG, OTH, each followed by its deriv
// and part variants, then any other type alphabetically.
func labelLess(a, b string) bool {
	rank := func(t string) (int, string) {
		base := strings.TrimSuffix(strings.TrimSuffix(t, "deriv"), "part")
		i := 4
		switch base {
		case "PER":
			i = 0
		case "LOC":
			i = 1
		case "ORG":
			i = 2
		case "OTH":
			i = 3
		}
		return i, t
	}
	ra, ta := rank(a)
	rb, tb := rank(b)
	if ra != rb {
		return ra < rb
	}
	if ra < 4 {
		// Within a family: plain type, then deriv, then part.
		fam := func(t string) int {
			switch {
			case strings.HasSuffix(t, "deriv"):
				return 1
			case strings.HasSuffix(t, "part"):
				return 2
			}
			return 0
		}
		return fam(ta) < fam(tb)
	}
	return ta < tb
}

// dropFine removes -deriv and -part spans, for the coarse score.
func dropFine(in []nerSpan) []nerSpan {
	out := make([]nerSpan, 0, len(in))
	for _, s := range in {
		if !isFineType(s.label) {
			out = append(out, s)
		}
	}
	return out
}

// compareSpans counts strict matches between the spans of one sentence and
// reports each span's outcome to bump (when not nil) under its type.
func compareSpans(gold, pred []nerSpan, bump func(string, PRF)) PRF {
	if bump == nil {
		bump = func(string, PRF) {}
	}
	inGold := make(map[nerSpan]bool, len(gold))
	for _, s := range gold {
		inGold[s] = true
	}
	hit := map[nerSpan]bool{}
	var sc PRF
	for _, s := range pred {
		if inGold[s] && !hit[s] {
			hit[s] = true
			sc.TP++
			bump(s.label, PRF{TP: 1})
			continue
		}
		sc.FP++
		bump(s.label, PRF{FP: 1})
	}
	for _, s := range gold {
		if !hit[s] {
			sc.FN++
			bump(s.label, PRF{FN: 1})
		}
	}
	return sc
}

// TagAll runs a tagger over every sentence, giving ScoreNER's predicted
// argument; it exists so that callers need not repeat the loop.
func TagAll(t Tagger, gold []Sentence) [][]string {
	out := make([][]string, len(gold))
	for i, s := range gold {
		out[i] = t.Tag(s.Tokens)
	}
	return out
}

// WriteTable prints the NER report for a person: the official and coarse
// scores, then the official score per type.
func (r NERReport) WriteTable(w io.Writer) error {
	head := &table{}
	head.addf("%d sentences, %d tokens", r.Sentences, r.Tokens)
	if r.Misaligned > 0 {
		head.addf("%d sentences had a prediction of the wrong length (cut or padded with O)", r.Misaligned)
	}
	head.addf("token accuracy %.4f (%d of %d)", r.TokenAccuracy.Value, r.TokenAccuracy.Correct, r.TokenAccuracy.Total)
	scores := &table{}
	scores.add(prfHeader("outer level, strict")...)
	scores.add(prfRow("official (all labels)", r.Official)...)
	scores.add(prfRow("coarse (no -deriv/-part)", r.Coarse)...)
	for _, l := range r.PerLabel {
		scores.add(prfRow("  "+l.Label, l.PRF)...)
	}
	if err := head.write(w); err != nil {
		return err
	}
	if _, err := io.WriteString(w, "\n"); err != nil {
		return fmt.Errorf("write table: %w", err)
	}
	return scores.write(w)
}
