package ner

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sentence is one tokenised sentence with one BIO label per token. Labels
// are "O" or B-/I- followed by PER, LOC, ORG or MISC.
type Sentence struct {
	Tokens []string
	Labels []string
}

// Format names a corpus file format that ReadCorpus understands.
type Format int

// The corpus formats ReadCorpus detects.
const (
	// FormatCoNLL2003 is `token POS chunk NER` with -DOCSTART- lines
	// (MobIE's location*/organization*/person types, or PER/LOC/ORG/MISC).
	FormatCoNLL2003 Format = iota + 1
	// FormatCoNLL2002 is `token<TAB>tag` with blank lines between
	// sentences (the IXA Europarl files).
	FormatCoNLL2002
	// FormatGermEval is the GermEval 2014 TSV: a `#` line per sentence,
	// then `index<TAB>token<TAB>outer<TAB>inner`.
	FormatGermEval
	// FormatBIOStream is `token tag` without sentence breaks (the
	// Europeana Newspapers .bio files); sentences are cut heuristically.
	FormatBIOStream
)

// String returns the format's short name.
func (f Format) String() string {
	switch f {
	case FormatCoNLL2003:
		return "conll2003"
	case FormatCoNLL2002:
		return "conll2002"
	case FormatGermEval:
		return "germeval"
	case FormatBIOStream:
		return "bio-stream"
	}
	return fmt.Sprintf("format(%d)", int(f))
}

// ReadCorpus reads a NER corpus file, detecting its format by extension and
// content (see Format). Labels are mapped to PER/LOC/ORG/MISC/O: MobIE's
// location* → LOC, organization* → ORG, person → PER and its other types
// (dates, triggers, org-position, …) → O; GermEval's OTH → MISC and its
// -deriv/-part spans → O (outer level only). IOB1 labels are fixed up to
// BIO. Sentences without tokens are dropped.
func ReadCorpus(path string) ([]Sentence, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("ner: read corpus: %w", err)
	}
	f := DetectFormat(filepath.Base(path), data)
	sents, err := parseCorpus(bytes.NewReader(data), f)
	if err != nil {
		return nil, fmt.Errorf("ner: read corpus %s: %w", path, err)
	}
	return sents, nil
}

// DetectFormat guesses the format of a corpus from its file name and its
// first lines.
func DetectFormat(name string, data []byte) Format {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".bio":
		return FormatBIOStream
	case ".tsv":
		return FormatGermEval
	case ".conll2003", ".conll03":
		return FormatCoNLL2003
	case ".conll2002", ".conll02":
		return FormatCoNLL2002
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	blank, lines := 0, 0
	for sc.Scan() && lines < 500 {
		line := sc.Text()
		if strings.TrimSpace(line) == "" {
			blank++
			continue
		}
		lines++
		if strings.HasPrefix(line, "-DOCSTART-") {
			return FormatCoNLL2003
		}
		if strings.HasPrefix(line, "#\t") {
			return FormatGermEval
		}
		fields := splitFields(line)
		if len(fields) == 4 && isDigits(fields[0]) {
			return FormatGermEval
		}
		if len(fields) >= 4 {
			return FormatCoNLL2003
		}
	}
	if blank == 0 && lines > 50 {
		return FormatBIOStream
	}
	return FormatCoNLL2002
}

// ParseCorpus reads a corpus in the given format from r; see ReadCorpus.
func ParseCorpus(r io.Reader, f Format) ([]Sentence, error) {
	sents, err := parseCorpus(r, f)
	if err != nil {
		return nil, fmt.Errorf("ner: parse %v corpus: %w", f, err)
	}
	return sents, nil
}

func parseCorpus(r io.Reader, f Format) ([]Sentence, error) {
	scheme := schemeGeneric
	switch f {
	case FormatGermEval:
		scheme = schemeGermEval
	case FormatCoNLL2003:
		// MobIE's lower-case types are read with its own mapping; the
		// classic CoNLL-2003 PER/LOC/ORG/MISC tags pass through it as O,
		// so the scheme is chosen per tag below.
		scheme = schemeMobIE
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	var (
		out []Sentence
		cur Sentence
	)
	flush := func() {
		if len(cur.Tokens) > 0 {
			fixBIO(cur.Labels)
			if f == FormatBIOStream {
				out = append(out, splitStream(cur)...)
			} else {
				out = append(out, cur)
			}
		}
		cur = Sentence{}
	}
	lineNo := 0
	for sc.Scan() {
		lineNo++
		line := strings.TrimRight(sc.Text(), "\r")
		if lineNo == 1 {
			line = strings.TrimPrefix(line, "\ufeff")
		}
		if strings.TrimSpace(line) == "" {
			flush()
			continue
		}
		switch f {
		case FormatGermEval:
			if strings.HasPrefix(line, "#") && (len(line) == 1 || line[1] == '\t' || line[1] == ' ') {
				flush()
				continue
			}
			fields := strings.Split(line, "\t")
			if len(fields) < 3 {
				return nil, fmt.Errorf("line %d: want index, token and tag, got %d fields", lineNo, len(fields))
			}
			cur.Tokens = append(cur.Tokens, fields[1])
			cur.Labels = append(cur.Labels, normLabel(fields[2], schemeGermEval))
			continue
		case FormatCoNLL2003:
			if strings.HasPrefix(line, "-DOCSTART-") {
				flush()
				continue
			}
		case FormatBIOStream:
			if isStreamComment(line) {
				flush()
				continue
			}
		}
		fields := splitFields(line)
		tok, tag := fields[0], "O"
		if len(fields) >= 2 {
			last := fields[len(fields)-1]
			if looksLikeTag(last) {
				tag = last
				tok = strings.Join(fields[:len(fields)-1], " ")
				if f == FormatCoNLL2003 && len(fields) >= 4 {
					tok = fields[0]
				}
			} else if f != FormatBIOStream {
				return nil, fmt.Errorf("line %d: %q is not a NER tag", lineNo, last)
			} else {
				tok = strings.Join(fields, " ")
			}
		} else if f != FormatBIOStream {
			return nil, fmt.Errorf("line %d: want token and tag, got one field", lineNo)
		}
		s := scheme
		if s == schemeMobIE && isUpperType(tag) {
			s = schemeGeneric
		}
		cur.Tokens = append(cur.Tokens, tok)
		cur.Labels = append(cur.Labels, normLabel(tag, s))
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("line %d: %w", lineNo+1, err)
	}
	flush()
	return out, nil
}

// splitFields splits a corpus line on tabs when it has any, else on runs of
// spaces.
func splitFields(line string) []string {
	if strings.IndexByte(line, '\t') >= 0 {
		fs := strings.Split(line, "\t")
		out := fs[:0]
		for _, f := range fs {
			if f = strings.TrimSpace(f); f != "" {
				out = append(out, f)
			}
		}
		if len(out) == 0 {
			return []string{""}
		}
		return out
	}
	fs := strings.Fields(line)
	if len(fs) == 0 {
		return []string{""}
	}
	return fs
}

// looksLikeTag reports whether s is shaped like a NER tag: "O", or B/I/E/S
// and a separator followed by a type, or "???" (an unknown tag).
func looksLikeTag(s string) bool {
	if s == "O" || s == "0" || s == "???" {
		return true
	}
	if len(s) < 3 {
		return false
	}
	switch s[0] {
	case 'B', 'I', 'E', 'S', 'b', 'i':
	default:
		return false
	}
	if s[1] != '-' && s[1] != '_' && s[1] != '.' {
		return false
	}
	for _, r := range s[2:] {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '-' || r == '_') {
			return false
		}
	}
	return true
}

// isUpperType reports whether the type part of a tag starts with an
// upper-case letter (classic CoNLL PER/LOC/ORG/MISC rather than MobIE's
// lower-case type names).
func isUpperType(tag string) bool {
	return len(tag) > 2 && tag[2] >= 'A' && tag[2] <= 'Z'
}

// isStreamComment reports whether a line of a .bio stream is metadata: a
// "# file:" / "# … url:" line or a bare URL.
func isStreamComment(line string) bool {
	fs := strings.Fields(line)
	if len(fs) == 0 {
		return false
	}
	if fs[0] == "#" && len(fs) >= 2 && (strings.HasSuffix(fs[1], ":") || len(fs) > 2 && strings.HasSuffix(fs[2], ":")) {
		return true
	}
	return len(fs) == 1 && (strings.HasPrefix(fs[0], "http://") || strings.HasPrefix(fs[0], "https://"))
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// Limits for cutting a sentence-less token stream into sentences.
const (
	streamSoftMax = 60  // past this, a comma or semicolon ends a sentence
	streamHardMax = 100 // past this, any token outside an entity does
)

// splitStream cuts a run of tokens without sentence breaks into sentences:
// after . ! ? when the next token starts with an upper-case letter or a
// quotation mark and the period does not follow a number or a single
// letter (ordinals, initials); long runs are cut at a comma and, failing
// that, anywhere outside an entity.
func splitStream(s Sentence) []Sentence {
	var out []Sentence
	start := 0
	cut := func(end int) {
		if end > start {
			out = append(out, Sentence{Tokens: s.Tokens[start:end:end], Labels: s.Labels[start:end:end]})
			fixBIO(out[len(out)-1].Labels)
		}
		start = end
	}
	n := len(s.Tokens)
	for i := 0; i < n; i++ {
		tok := s.Tokens[i]
		length := i - start + 1
		nextOutside := i+1 >= n || !strings.HasPrefix(s.Labels[i+1], "I-")
		switch {
		case tok == "." || tok == "!" || tok == "?":
			if i+1 < n && nextOutside && startsSentence(s.Tokens[i+1]) && (i == 0 || !isOrdinalOrInitial(s.Tokens[i-1])) {
				cut(i + 1)
			}
		case (tok == "," || tok == ";" || tok == ":") && length >= streamSoftMax && nextOutside:
			cut(i + 1)
		case length >= streamHardMax && nextOutside:
			cut(i + 1)
		}
	}
	cut(n)
	return out
}

func startsSentence(tok string) bool {
	r, _ := utf8.DecodeRuneInString(tok)
	return unicode.IsUpper(r) || strings.ContainsRune("\"„“«»'‚", r)
}

func isOrdinalOrInitial(tok string) bool {
	if isDigits(tok) {
		return true
	}
	return utf8.RuneCountInString(tok) == 1 && unicode.IsLetter([]rune(tok)[0])
}
