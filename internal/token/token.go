package token

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/lang"
)

// Kind classifies a token.
type Kind uint8

// Token kinds.
const (
	Word Kind = iota
	Number
	Ordinal
	Abbrev
	Punct
	Quote
	Dash
	Ellipsis
	URL
	Email
	Handle
	Hashtag
	Symbol
)

var kindNames = [...]string{"word", "number", "ordinal", "abbrev", "punct", "quote", "dash", "ellipsis", "url", "email", "handle", "hashtag", "symbol"}

// String returns the kind's lower-case name.
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("kind(%d)", k)
}

// Token is one token. Start and End are code-point offsets into the text
// that was tokenized, end exclusive; Text is that stretch of the text.
type Token struct {
	Text  string
	Start int
	End   int
	Kind  Kind
}

// Span is one sentence: the code-point range from its first token's Start
// to its last token's End, and the token index range [First, Last).
type Span struct {
	Start, End  int
	First, Last int
}

// Options configures a Tokenizer.
type Options struct {
	// Languages whose data files are loaded; their rules apply together,
	// since news mixes languages within one article.
	Languages []string
}

// DefaultOptions returns German and English.
func DefaultOptions() Options {
	return Options{Languages: []string{"de", "en"}}
}

// Tokenizer splits text into tokens and sentences. It is immutable after
// New and safe for concurrent use.
type Tokenizer struct {
	abbrev       map[string]bool // value: may end a sentence
	months       map[string]bool // lower case, without period
	starters     map[string]bool
	ordinalCues  map[string]bool // lower case
	speechVerbs  map[string]bool // lower case
	maxAbbrevLen int
}

// New loads the language data of opts.Languages.
func New(opts Options) (*Tokenizer, error) {
	if len(opts.Languages) == 0 {
		opts.Languages = DefaultOptions().Languages
	}
	t := &Tokenizer{abbrev: map[string]bool{}, months: map[string]bool{}, starters: map[string]bool{}, ordinalCues: map[string]bool{}, speechVerbs: map[string]bool{}}
	for _, code := range opts.Languages {
		ab, err := lang.List(code, "abbreviations")
		if err != nil {
			return nil, fmt.Errorf("token: %w", err)
		}
		for _, a := range ab {
			ends := strings.HasPrefix(a, "*")
			a = strings.TrimPrefix(a, "*")
			t.abbrev[a] = t.abbrev[a] || ends
			if len(a) > t.maxAbbrevLen {
				t.maxAbbrevLen = len(a)
			}
		}
		ms, err := lang.List(code, "months")
		if err != nil {
			return nil, fmt.Errorf("token: %w", err)
		}
		for _, m := range ms {
			name, _, _ := strings.Cut(m, "\t")
			t.months[strings.ToLower(strings.TrimSpace(name))] = true
		}
		st, err := lang.List(code, "sentence_starters")
		if err != nil {
			return nil, fmt.Errorf("token: %w", err)
		}
		for _, s := range st {
			t.starters[s] = true
		}
		if sv, err := lang.List(code, "speech_verbs"); err == nil {
			for _, v := range sv {
				t.speechVerbs[strings.ToLower(v)] = true
			}
		}
		if oc, err := lang.List(code, "ordinal_cues"); err == nil {
			for _, s := range oc {
				t.ordinalCues[strings.ToLower(s)] = true
			}
		}
	}
	return t, nil
}

// Tokenize returns the tokens of text.
func (t *Tokenizer) Tokenize(text string) []Token {
	return t.AppendTokens(make([]Token, 0, len(text)/5+1), text)
}

// scanner walks text keeping the byte and code-point positions in step.
type scanner struct {
	text string
	pos  int // byte
	rpos int // code point
}

func (s *scanner) peek(at int) (rune, int) {
	if at >= len(s.text) {
		return 0, 0
	}
	c := s.text[at]
	if c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s.text[at:])
}

// runesBetween counts code points in text[a:b], as for range does.
func runesBetween(text string, a, b int) int {
	n := 0
	for i := a; i < b; {
		if text[i] < utf8.RuneSelf {
			i++
		} else {
			_, size := utf8.DecodeRuneInString(text[i:b])
			i += size
		}
		n++
	}
	return n
}

// AppendTokens appends the tokens of text to dst.
func (t *Tokenizer) AppendTokens(dst []Token, text string) []Token {
	s := scanner{text: text}
	for s.pos < len(text) {
		r, size := s.peek(s.pos)
		if r == ' ' || r == '\n' || r == '\t' || r == '\r' || (r >= utf8.RuneSelf && unicode.IsSpace(r)) {
			s.pos += size
			s.rpos++
			continue
		}
		start := s.pos
		end, kind := t.scanToken(text, start, r, size, dst)
		n := runesBetween(text, start, end)
		dst = append(dst, Token{Text: text[start:end], Start: s.rpos, End: s.rpos + n, Kind: kind})
		s.rpos += n
		s.pos = end
	}
	return dst
}

// asciiAlnum marks ASCII letters (1) and digits (2); it is a constant
// table, read only, that keeps the hot loops free of calls.
var asciiAlnum = [128]uint8{
	'0': 2, '1': 2, '2': 2, '3': 2, '4': 2, '5': 2, '6': 2, '7': 2, '8': 2, '9': 2,
	'A': 1, 'B': 1, 'C': 1, 'D': 1, 'E': 1, 'F': 1, 'G': 1, 'H': 1, 'I': 1, 'J': 1, 'K': 1, 'L': 1, 'M': 1,
	'N': 1, 'O': 1, 'P': 1, 'Q': 1, 'R': 1, 'S': 1, 'T': 1, 'U': 1, 'V': 1, 'W': 1, 'X': 1, 'Y': 1, 'Z': 1,
	'a': 1, 'b': 1, 'c': 1, 'd': 1, 'e': 1, 'f': 1, 'g': 1, 'h': 1, 'i': 1, 'j': 1, 'k': 1, 'l': 1, 'm': 1,
	'n': 1, 'o': 1, 'p': 1, 'q': 1, 'r': 1, 's': 1, 't': 1, 'u': 1, 'v': 1, 'w': 1, 'x': 1, 'y': 1, 'z': 1,
}

func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiAlnum[r] == 1
	}
	return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r)
}

func isDigit(r rune) bool { return '0' <= r && r <= '9' }

func isAlnum(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiAlnum[r] != 0
	}
	return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) || unicode.IsDigit(r)
}

func isQuote(r rune) bool {
	switch r {
	case '"', '\'', '„', '“', '”', '«', '»', '‹', '›', '‚', '‘', '’', '‟', '❝', '❞', '＂':
		return true
	}
	return false
}

func isDash(r rune) bool { return r == '-' || r == '–' || r == '—' || r == '‒' || r == '―' }

// scanToken returns the end of the token starting at start and its kind.
func (t *Tokenizer) scanToken(text string, start int, r rune, size int, prev []Token) (int, Kind) {
	switch {
	case isLetter(r):
		if r == 'h' || r == 'H' || r == 'w' || r == 'W' {
			if end, ok := scanURL(text, start); ok {
				return end, URL
			}
		}
		end, kind := t.scanWord(text, start, prev)
		if mayBeEmail(text, end) {
			if e, ok := scanEmail(text, start); ok {
				return e, Email
			}
		}
		return end, kind
	case isDigit(r):
		end, kind := t.scanNumber(text, start, prev)
		if mayBeEmail(text, end) {
			if e, ok := scanEmail(text, start); ok {
				return e, Email
			}
		}
		return end, kind
	case r == '@' || r == '#':
		j := start + 1
		for j < len(text) {
			c, n := utf8.DecodeRuneInString(text[j:])
			if !isAlnum(c) && c != '_' {
				break
			}
			j += n
		}
		if j > start+1 {
			if r == '@' {
				return j, Handle
			}
			return j, Hashtag
		}
		return start + size, Symbol
	case r == '.':
		j := start
		for j < len(text) && text[j] == '.' {
			j++
		}
		if j-start >= 3 {
			return j, Ellipsis
		}
		return start + 1, Punct
	case r == '…':
		return start + size, Ellipsis
	case (r == '\'' || r == '’') && start > 0:
		if end, ok := clitic(text, start, size); ok {
			return end, Word
		}
		return start + size, Quote
	case isQuote(r):
		return start + size, Quote
	case r == '%' || r == '‰' || r == '§' || r == '&' || r == '+' || r == '°' || r == '=' || r == '*':
		return start + size, Symbol
	case isDash(r):
		j := start + size
		if r == '-' && j < len(text) && text[j] == '-' {
			for j < len(text) && text[j] == '-' {
				j++
			}
		}
		return j, Dash
	case unicode.IsPunct(r):
		return start + size, Punct
	}
	return start + size, Symbol
}

// clitic reads "'s", "'t", "'ll", "'re", "'ve", "'d", "'m" glued to the
// word before ("Korea's", "don't", "geht's"), which scanWord split off.
func clitic(text string, start, size int) (int, bool) {
	prev, _ := utf8.DecodeLastRuneInString(text[:start])
	if !isLetter(prev) {
		return 0, false
	}
	j := start + size
	k := j
	for k < len(text) && k-j < 2 && (text[k] >= 'a' && text[k] <= 'z') {
		k++
	}
	switch text[j:k] {
	case "s", "t", "d", "m", "ll", "re", "ve":
	default:
		return 0, false
	}
	if k < len(text) {
		if c, _ := utf8.DecodeRuneInString(text[k:]); isLetter(c) {
			return 0, false
		}
	}
	return k, true
}

func scanURL(text string, start int) (int, bool) {
	rest := text[start:]
	if !(hasPrefixFold(rest, "http://") || hasPrefixFold(rest, "https://") || hasPrefixFold(rest, "www.")) {
		return 0, false
	}
	j := start
	for j < len(text) {
		c, n := utf8.DecodeRuneInString(text[j:])
		if unicode.IsSpace(c) || c == '"' || c == '<' || c == '>' || c == '“' || c == '”' || c == '„' || c == '«' || c == '»' {
			break
		}
		j += n
	}
	// Trailing sentence punctuation is not part of the address.
	for j > start {
		c := text[j-1]
		if c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '\'' || (c == ')' && !strings.Contains(text[start:j-1], "(")) {
			j--
			continue
		}
		break
	}
	return j, j > start+4
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// mayBeEmail reports whether the character after a word could continue an
// e-mail address, so that the full address scan runs only then.
func mayBeEmail(text string, end int) bool {
	if end >= len(text) {
		return false
	}
	switch text[end] {
	case '@', '.', '_', '+', '-':
		return strings.IndexByte(text[end:min(len(text), end+64)], '@') >= 0
	}
	return false
}

func scanEmail(text string, start int) (int, bool) {
	j := start
	at := -1
	for j < len(text) {
		c := text[j]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '.', c == '_', c == '-', c == '+':
		case c == '@' && at < 0:
			at = j
		default:
			goto done
		}
		j++
	}
done:
	for j > start && (text[j-1] == '.' || text[j-1] == '-') {
		j--
	}
	if at <= start || at >= j-1 || !strings.Contains(text[at:j], ".") {
		return 0, false
	}
	return j, true
}

// scanWord reads letters, digits, marks and inner hyphens and apostrophes,
// then decides whether a following period belongs to it as an abbreviation.
func (t *Tokenizer) scanWord(text string, start int, prev []Token) (int, Kind) {
	j := start
	for j < len(text) {
		if b := text[j]; b < utf8.RuneSelf && asciiAlnum[b] != 0 {
			j++
			continue
		}
		c, n := utf8.DecodeRuneInString(text[j:])
		switch {
		case isAlnum(c):
			j += n
			continue
		case c == '-' || c == '‐' || c == '‑':
			nc, _ := utf8.DecodeRuneInString(text[j+n:])
			if isAlnum(nc) {
				j += n
				continue
			}
			// A truncation hyphen: "Atom- und Raketentests", "Nord- oder".
			if truncated(text, j+n) {
				j += n
			}
		case c == '\'' || c == '’':
			nc, nn := utf8.DecodeRuneInString(text[j+n:])
			if !isLetter(nc) {
				break
			}
			// English possessive and clitics split off: "Korea" "'s".
			if (nc == 's' || nc == 't' || nc == 'd' || nc == 'm') && j+n+nn <= len(text) {
				after, _ := utf8.DecodeRuneInString(text[j+n+nn:])
				if !isLetter(after) && isEnglishClitic(text[start:j], nc) {
					break
				}
			}
			j += n
			continue
		case c == '.':
			// Letter-dot-letter abbreviations: "U.S.", "z.B.", "e.g.", "Ph.D."
			if end, ok := t.dottedAbbrev(text, start, j); ok {
				return end, Abbrev
			}
		}
		break
	}
	if j < len(text) && text[j] == '.' {
		w := text[start : j+1]
		if _, ok := t.abbrev[w]; ok {
			return j + 1, Abbrev
		}
		// An initial: "Donald J. Trump", "J. R. R. Tolkien".
		if r, n := utf8.DecodeRuneInString(w); n == len(w)-1 && unicode.IsUpper(r) {
			return j + 1, Abbrev
		}
	}
	return j, Word
}

func isEnglishClitic(word string, c rune) bool {
	if c == 't' {
		return strings.HasSuffix(word, "n") // don't, can't: keep "n't" with the verb is fine either way
	}
	return true
}

// truncated reports whether a hyphen at the end of a word is followed by a
// conjunction, as in "Atom- und Raketentests".
func truncated(text string, i int) bool {
	for i < len(text) && text[i] == ' ' {
		i++
	}
	rest := text[i:]
	for _, c := range []string{"und ", "oder ", "bis ", "sowie ", "bzw. ", "and ", "or ", ", "} {
		if strings.HasPrefix(rest, c) {
			return true
		}
	}
	return false
}

// dottedAbbrev reads "U.S.", "z.B.", "d.h.", "Ph.D." starting at start with
// the first period at dot.
func (t *Tokenizer) dottedAbbrev(text string, start, dot int) (int, bool) {
	// The part before the first period is short: "U", "z", "Ph", "e".
	if dot-start > 3 {
		return 0, false
	}
	j := dot
	groups := 0
	for j < len(text) && text[j] == '.' {
		j++
		c, n := utf8.DecodeRuneInString(text[j:])
		if !isLetter(c) {
			break
		}
		k := j + n
		for k < len(text) {
			c2, n2 := utf8.DecodeRuneInString(text[k:])
			if !isLetter(c2) {
				break
			}
			k += n2
		}
		if k-j > 3 || k >= len(text) || text[k] != '.' {
			// "z.B" without final period, or a real word after a dot
			// ("end.Start" in bad copy): only known forms count.
			if _, ok := t.abbrev[text[start:k]+"."]; ok && k < len(text) && text[k] == '.' {
				return k + 1, true
			}
			return 0, false
		}
		j = k
		groups++
	}
	if groups > 0 && text[j-1] == '.' {
		return j, true
	}
	return 0, false
}

// scanNumber reads digits with inner separators ("1.000", "3,5", "10:30",
// "12.11.2017") and decides whether a following period makes an ordinal.
func (t *Tokenizer) scanNumber(text string, start int, prev []Token) (int, Kind) {
	j := start
	for j < len(text) {
		c := text[j]
		if c >= '0' && c <= '9' {
			j++
			continue
		}
		if (c == '.' || c == ',' || c == ':') && j+1 < len(text) && text[j+1] >= '0' && text[j+1] <= '9' {
			j++
			continue
		}
		break
	}
	// Letters glued to digits: "G20" starts with a letter, but "5G",
	// "RC1A54027780"-like ids and "2017er" stay one token.
	k := j
	for k < len(text) {
		c, n := utf8.DecodeRuneInString(text[k:])
		if !isAlnum(c) {
			break
		}
		k += n
	}
	if k > j {
		return k, Word
	}
	if j < len(text) && text[j] == '.' && t.isOrdinal(text, start, j, prev) {
		return j + 1, Ordinal
	}
	return j, Number
}

// isOrdinal decides whether "N." at text[start:dot+1] is an ordinal.
func (t *Tokenizer) isOrdinal(text string, start, dot int, prev []Token) bool {
	digits := dot - start
	if strings.ContainsAny(text[start:dot], ".,:") {
		return false
	}
	// What follows the period.
	i := dot + 1
	if i >= len(text) {
		return false
	}
	if text[i] != ' ' && text[i] != '\u00a0' {
		// "3.Oktober", "1.FC": no space, still an ordinal when a letter follows.
		c, _ := utf8.DecodeRuneInString(text[i:])
		return isLetter(c) && digits <= 2
	}
	for i < len(text) && text[i] == ' ' {
		i++
	}
	j := i
	for j < len(text) {
		c, n := utf8.DecodeRuneInString(text[j:])
		if !isLetter(c) {
			break
		}
		j += n
	}
	next := text[i:j]
	if next == "" {
		// "12. -" or "3. 4." ranges: a number or dash after "N. " keeps it ordinal.
		if i < len(text) && (isDigit(rune(text[i])) || text[i] == '-') && digits <= 2 {
			return true
		}
		return false
	}
	if t.months[strings.ToLower(next)] {
		return digits <= 2
	}
	first, _ := utf8.DecodeRuneInString(next)
	if unicode.IsLower(first) {
		return digits <= 3
	}
	if digits > 3 {
		return false
	}
	// "der 2. Weltkrieg", "am 3. Oktober", "zum 70. Geburtstag"
	if len(prev) > 0 {
		p := prev[len(prev)-1]
		if p.Kind == Word && t.ordinalCues[strings.ToLower(p.Text)] {
			return true
		}
		// "der 3. und 4. Platz": an ordinal in a coordination.
		if len(prev) > 1 && prev[len(prev)-2].Kind == Ordinal && (p.Text == "und" || p.Text == "oder" || p.Text == "bis" || p.Text == "," || p.Text == "and" || p.Text == "or") {
			return true
		}
	}
	return false
}

// Sentences returns the sentences of text, whose tokens are toks.
func (t *Tokenizer) Sentences(text string, toks []Token) []Span {
	return t.AppendSentences(nil, text, toks)
}

func isClosing(r string) bool {
	switch r {
	case "”", "“", "\"", "'", "’", "‘", "«", "»", "‹", "›", ")", "]", "}":
		return true
	}
	return false
}

// AppendSentences appends the sentences of text to dst.
func (t *Tokenizer) AppendSentences(dst []Span, text string, toks []Token) []Span {
	if len(toks) == 0 {
		return dst
	}
	first := 0
	// Paragraph breaks (a blank line) in text end sentences too; find
	// them from the gaps between tokens.
	gaps := blankGaps(text, toks)
	for i := 0; i < len(toks); i++ {
		end := -1
		if i+1 < len(toks) && gaps != nil && gaps[i+1] {
			end = i + 1
		} else if t.endsSentence(toks, i) {
			j := i + 1
			// Closing marks glued to the punctuation belong to the sentence.
			for j < len(toks) && isClosing(toks[j].Text) && toks[j].Start == toks[j-1].End {
				j++
			}
			if j >= len(toks) {
				end = len(toks)
			} else if t.startsSentence(toks, j) && !(j > i+1 && t.attribution(toks, j)) {
				end = j
			}
			if end > 0 {
				i = end - 1
			}
		}
		if end > first {
			dst = append(dst, Span{Start: toks[first].Start, End: toks[end-1].End, First: first, Last: end})
			first = end
		}
	}
	if first < len(toks) {
		dst = append(dst, Span{Start: toks[first].Start, End: toks[len(toks)-1].End, First: first, Last: len(toks)})
	}
	return dst
}

// endsSentence reports whether token i is sentence-final punctuation.
func (t *Tokenizer) endsSentence(toks []Token, i int) bool {
	tk := toks[i]
	switch tk.Kind {
	case Punct:
		return tk.Text == "." || tk.Text == "!" || tk.Text == "?" || tk.Text == "‼" || tk.Text == "⁉"
	case Ellipsis:
		return true
	case Abbrev:
		if i+1 < len(toks) && t.abbrev[tk.Text] {
			n := toks[i+1]
			return t.starters[n.Text]
		}
	}
	return false
}

// attribution reports whether the tokens from j on are a short
// attribution that ends the sentence of a quotation closed just before:
// “For now, yes!” Deputy Minister Lan replied.
func (t *Tokenizer) attribution(toks []Token, j int) bool {
	const maxWords = 8
	for k := j; k < len(toks) && k < j+maxWords+1; k++ {
		tk := toks[k]
		if tk.Kind == Quote {
			return false
		}
		if tk.Kind == Punct && (tk.Text == "." || tk.Text == "!" || tk.Text == "?") {
			return k > j && t.speechVerbs[strings.ToLower(toks[k-1].Text)]
		}
	}
	return false
}

// startsSentence reports whether token j can open a new sentence.
func (t *Tokenizer) startsSentence(toks []Token, j int) bool {
	tk := toks[j]
	switch tk.Kind {
	case Quote, Dash, Number, Ordinal, Handle, Hashtag, URL, Symbol:
		return true
	case Punct:
		return tk.Text == "(" || tk.Text == "[" || tk.Text == "¿" || tk.Text == "¡"
	}
	r, _ := utf8.DecodeRuneInString(tk.Text)
	return !unicode.IsLower(r)
}

// blankGaps marks the tokens that follow a blank line. Tokens are
// substrings of text in order with only white space between them, so one
// forward walk over the gaps finds them. It returns nil when there is none.
func blankGaps(text string, toks []Token) []bool {
	if strings.Count(text, "\n") < 2 {
		return nil
	}
	var out []bool
	pos := 0
	for i, tok := range toks {
		newlines := 0
		// Only white space lies between two tokens: skip it.
		for pos < len(text) {
			c := text[pos]
			if c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' {
				pos++
				continue
			}
			if c == '\n' {
				newlines++
				pos++
				continue
			}
			if c >= utf8.RuneSelf {
				if r, n := utf8.DecodeRuneInString(text[pos:]); unicode.IsSpace(r) {
					pos += n
					continue
				}
			}
			break
		}
		if newlines >= 2 && i > 0 {
			if out == nil {
				out = make([]bool, len(toks))
			}
			out[i] = true
		}
		pos += len(tok.Text)
	}
	return out
}
