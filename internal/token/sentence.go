package token

import (
	"unicode"
	"unicode/utf8"
)

// AppendSentences appends the sentences of text to dst and returns the
// extended slice. toks must be the tokens of text as AppendTokens or
// Tokenize returned them; other input does not panic but gives unreliable
// spans. Every token belongs to exactly one sentence, in order.
//
// A sentence ends:
//   - at a blank line (a paragraph break), always;
//   - after . ! ? ?! or an ellipsis, together with the closing quotation
//     marks and brackets glued to it, when what follows can open a
//     sentence: a capitalised word, a number, an opening quotation mark or
//     bracket. A lower-case word or a comma after them continues the
//     sentence (“Kommt ihr?”, fragte er.), and so does a short
//     attribution ending in a speech verb after a closed quotation
//     (“For now, yes!” Deputy Minister Lan replied.);
//   - after an abbreviation that may end a sentence ("usw.", "U.S.") or an
//     initial, only when a sentence-starting word from the data files
//     follows: "in the U.S. The talks", but "U.S. September 21, 2017".
func (t *Tokenizer) AppendSentences(dst []Span, text string, toks []Token) []Span {
	if len(toks) == 0 {
		return dst
	}
	w := walker{text: text}
	first, cut := 0, -1
	// Open quotations and brackets of the current sentence: a period
	// inside them ends the sentence only if the quotation does not go on
	// after it ("They are crazy. I can't believe it," he said.).
	var open nesting
	for i := range toks {
		tk := &toks[i]
		// A single space between tokens is by far the most common gap.
		lines := 0
		if tk.Start-w.r == 1 && w.b < len(text) && text[w.b] == ' ' {
			w.b++
			w.r++
		} else {
			lines = w.gap(tk.Start)
		}
		if i > first && (i == cut || lines >= 2 || lines == 1 && lineEnds(toks[i-1], *tk) || isBullet(tk)) {
			dst = append(dst, Span{Start: toks[first].Start, End: toks[i-1].End, First: first, Last: i})
			first = i
			open = nesting{}
		}
		w.skip(tk)
		switch tk.Kind {
		case Quote:
			open.quote(tk)
		case Punct, Ellipsis, Abbrev:
			open.bracket(tk)
			if i > cut {
				if j, ok := t.sentenceEnd(toks, i, open, w); ok {
					cut = j
				}
			}
		}
	}
	return append(dst, Span{Start: toks[first].Start, End: toks[len(toks)-1].End, First: first, Last: len(toks)})
}

// nesting counts the double quotation marks and the brackets still open
// in a sentence. Single quotation marks are left out: "'" and "’" also
// stand for apostrophes ("Jones' car").
type nesting struct {
	quotes int // double quotation marks seen; odd means one is open
	parens int // "(" and "[" not closed yet
}

// quote counts tk if it is a double quotation mark.
func (n *nesting) quote(tk *Token) {
	switch tk.Text {
	case "\"", "„", "“", "”", "«", "»", "‟", "❝", "❞", "〝", "〞", "＂":
		n.quotes++
	}
}

// bracket opens or closes a bracket if tk is one.
func (n *nesting) bracket(tk *Token) {
	switch tk.Text {
	case "(", "[":
		n.parens++
	case ")", "]":
		if n.parens > 0 {
			n.parens--
		}
	}
}

// lineEnds reports whether a single line break between two tokens ends a
// sentence: after a line that ends without punctuation that goes on (a
// heading over its text, a list item), when the next line starts like a
// sentence. A lower-case next line is the same sentence wrapped.
func lineEnds(prev, next Token) bool {
	switch prev.Kind {
	case Punct:
		switch prev.Text {
		case ",", ";", ":", "(", "[", "/", "\\":
			return false
		}
	case Symbol:
		switch prev.Text {
		case "&", "+", "=", "*", "§", "<", ">", "|", "~":
			return false
		}
	case Dash, Abbrev, Ordinal:
		// An abbreviation or ordinal decides by its own rules.
		return false
	case Word:
		if prev.Text[len(prev.Text)-1] == '-' {
			return false // "Atom-\nund Raketentests"
		}
	}
	return opensSentence(next)
}

// isBullet reports a list bullet, which starts an item of its own even
// when the line break before it is missing ("Das ist passiert:• 51,9
// Prozent …").
func isBullet(tk *Token) bool {
	if tk.Kind != Symbol && tk.Kind != Punct {
		return false
	}
	switch tk.Text {
	case "•", "▪", "■", "►", "▶", "●", "◆", "‣", "⁃":
		return true
	}
	return false
}

// opensSentence reports whether a token can be the first of a sentence: a
// word or abbreviation that does not start in lower case, a number, an
// opening quotation mark or bracket, a dash or bullet, an address.
func opensSentence(tk Token) bool {
	switch tk.Kind {
	case Word, Abbrev:
		c := tk.Text[0]
		if c < utf8.RuneSelf {
			return !isLowerASCII(c)
		}
		r, _ := utf8.DecodeRuneInString(tk.Text)
		return !unicode.IsLower(r)
	case Punct:
		switch tk.Text {
		case "(", "[", "¿", "¡":
			return true
		}
		return false
	case Ellipsis:
		return false
	}
	return true
}

// sentenceEnd decides whether the sentence ends at token i. If it does, it
// returns the index of the first token of the next sentence, after the
// closing marks that belong to this one. open tells the quotations and
// brackets open at i; w stands just after token i.
func (t *Tokenizer) sentenceEnd(toks []Token, i int, open nesting, w walker) (int, bool) {
	tk := toks[i]
	weak := false
	switch tk.Kind {
	case Punct:
		if !isTerminal(tk.Text) {
			return 0, false
		}
	case Ellipsis:
	case Abbrev:
		if !t.mayEndSentence(tk.Text) {
			return 0, false
		}
		weak = true
	default:
		return 0, false
	}
	j := i + 1
	quoted := false
	for j < len(toks) && toks[j].Start == toks[j-1].End && isCloser(toks[j]) {
		if toks[j].Kind == Quote {
			quoted = true
			open.quote(&toks[j])
		} else {
			open.bracket(&toks[j])
		}
		j++
	}
	if j >= len(toks) {
		return j, true
	}
	nx := toks[j]
	if weak {
		if nx.Kind != Word {
			return 0, false
		}
		if _, ok := t.starters[nx.Text]; !ok {
			return 0, false
		}
	} else {
		if !opensSentence(nx) {
			return 0, false
		}
		// “For now, yes!” Deputy Minister Lan replied: a capitalised
		// speaker before a speech verb continues a closed quotation.
		if quoted && (nx.Kind == Word || nx.Kind == Abbrev) && t.attribution(toks, j) {
			return 0, false
		}
	}
	// Inside a quotation or brackets that go on in this sentence, the
	// period ends only a sentence of the quoted speech.
	if open.quotes%2 == 1 || open.parens > 0 {
		for _, tk := range toks[i+1 : j] {
			w.skip(&tk)
		}
		if t.continues(toks, j, open, w) {
			return 0, false
		}
	}
	return j, true
}

// continues looks ahead from token j, inside an open quotation or bracket,
// for the mark that closes it within the paragraph and a few dozen
// tokens, and reports whether the sentence goes on after that mark: a
// comma or lower-case word after the quotation ("…“, sagte er"; "…,” he
// said), an attribution, or the closing bracket. w stands before token j.
func (t *Tokenizer) continues(toks []Token, j int, open nesting, w walker) bool {
	const lookahead = 80
	for k := j; k < len(toks) && k < j+lookahead; k++ {
		tk := &toks[k]
		if w.gap(tk.Start) >= 2 {
			return false
		}
		w.skip(tk)
		glued := toks[k-1].End == tk.Start
		switch tk.Kind {
		case Punct:
			if open.parens > 0 && open.quotes%2 == 0 && (tk.Text == ")" || tk.Text == "]") {
				return true
			}
		case Quote:
			before := open.quotes
			open.quote(tk)
			if open.quotes == before || open.quotes%2 == 1 {
				continue // a single quotation mark
			}
			if !glued {
				return false // an opening mark: the quotation closed unseen
			}
			if open.parens > 0 {
				return true
			}
			if toks[k-1].Text == "," {
				return true
			}
			if k+1 < len(toks) {
				n := toks[k+1]
				if n.Text == "," || n.Text == ")" || !opensSentence(n) && n.Kind == Word {
					return true
				}
				return t.attribution(toks, k+1)
			}
			return false
		}
	}
	return false
}

// attribution reports whether the tokens from j on are a short
// attribution that ends with a speech verb from the data files, and so
// belong to the sentence of the quotation closed before j.
func (t *Tokenizer) attribution(toks []Token, j int) bool {
	const maxWords = 8
	for k := j; k < len(toks) && k <= j+maxWords; k++ {
		switch tk := toks[k]; tk.Kind {
		case Quote:
			return false
		case Punct:
			if isTerminal(tk.Text) {
				_, ok := t.speechVerbs[toks[k-1].Text]
				return k > j && ok
			}
		}
	}
	return false
}

// isTerminal reports sentence-final punctuation: ".", "!", "?" and runs of
// them; ":" and ";" do not end a sentence.
func isTerminal(s string) bool {
	switch s[0] {
	case '.', '!', '?':
		return true
	}
	switch s {
	case "‼", "⁇", "⁈", "⁉", "。", "！", "？":
		return true
	}
	return false
}

// isCloser reports a token that closes what the sentence-final punctuation
// before it ended, when it is glued to it: a quotation mark or a closing
// bracket. Which quotation marks close depends on the language („…“,
// “…”, »…«, «…»), so gluing decides, not the mark.
func isCloser(tk Token) bool {
	switch tk.Kind {
	case Quote:
		return true
	case Punct:
		switch tk.Text {
		case ")", "]", "}":
			return true
		}
	}
	return false
}

// mayEndSentence reports an abbreviation that ends a sentence when a
// sentence-starting word follows: one marked so in the data files, an
// unlisted dotted one, or an initial.
func (t *Tokenizer) mayEndSentence(a string) bool {
	if f, ok := t.abbrevs[a]; ok {
		return f&abbrevMayEnd != 0
	}
	for _, sa := range t.suffixes {
		if len(a) > len(sa.suffix) && a[len(a)-len(sa.suffix):] == sa.suffix {
			return sa.flags&abbrevMayEnd != 0
		}
	}
	return true
}

// walker moves through text in step with the tokens, keeping byte and
// code-point offsets together, to see the white space between tokens.
type walker struct {
	text string
	b    int // byte offset
	r    int // code-point offset
}

// gap walks to code point p and returns the line breaks it passed; a
// paragraph separator counts as two.
func (w *walker) gap(p int) int {
	lines := 0
	for w.r < p && w.b < len(w.text) {
		c := w.text[w.b]
		if c < utf8.RuneSelf {
			if c == '\n' {
				lines++
			}
			w.b++
		} else {
			r, n := utf8.DecodeRuneInString(w.text[w.b:])
			switch r {
			case '\u2029':
				lines += 2
			case '\u2028', '\u0085':
				lines++
			}
			w.b += n
		}
		w.r++
	}
	return lines
}

// skip walks over a token. A token that Tokenize made from this text is
// the text at the walker's position, so the walk is a jump by its length;
// a token that is not (its first byte differs) is walked code point by
// code point instead, which keeps foreign tokens from derailing the walk.
func (w *walker) skip(tk *Token) {
	if w.r == tk.Start && tk.Text != "" && len(tk.Text) <= len(w.text)-w.b && w.text[w.b] == tk.Text[0] {
		w.b += len(tk.Text)
		w.r = tk.End
		return
	}
	w.gap(tk.End)
}
