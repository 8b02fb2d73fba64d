package token

import (
	"unicode"
	"unicode/utf8"
)

// The scanner works on bytes and decodes a rune only when it meets a
// non-ASCII byte: news text is mostly ASCII, and this keeps tokenization
// well above 150 MB/s. Offsets in code points are counted per token, so
// an invalid byte counts as one code point, as it does in a range loop
// over a string and in []rune(text).

// AppendTokens appends the tokens of text to dst and returns the extended
// slice. It allocates nothing but the growth of dst: every Text is a
// substring of text. Decisions that look back (is "3." an ordinal after
// "am"?) only see tokens appended by this call.
func (t *Tokenizer) AppendTokens(dst []Token, text string) []Token {
	base := len(dst)
	pos, cp := 0, 0 // byte and code-point offsets
	// high is the offset of the first non-ASCII byte at or after pos, so
	// that most tokens get their length in code points for free.
	high := nextHigh(text, 0)
	for pos < len(text) {
		c := text[pos]
		if c < utf8.RuneSelf {
			if c == ' ' || c-'\t' <= '\r'-'\t' {
				pos++
				cp++
				continue
			}
		} else if r, n := utf8.DecodeRuneInString(text[pos:]); isSpace(r) {
			pos += n
			cp++
			continue
		}
		end, kind := t.scanToken(text, pos, dst[base:])
		if end <= pos { // cannot happen; guards the loop against a scanner bug
			end = pos + 1
		}
		tok := text[pos:end]
		n := len(tok)
		if end > high {
			if high < pos {
				high = nextHigh(text, pos)
			}
			if end > high {
				n = utf8.RuneCountInString(tok)
				high = nextHigh(text, end)
			}
		}
		dst = append(dst, Token{Text: tok, Start: cp, End: cp + n, Kind: kind})
		pos = end
		cp += n
	}
	return dst
}

// nextHigh returns the offset of the first byte of text at or after i that
// is not ASCII, or len(text).
func nextHigh(text string, i int) int {
	for i < len(text) && text[i] < utf8.RuneSelf {
		i++
	}
	return i
}

// isSpace reports white space outside ASCII, including the zero-width
// characters that web copy scatters between words.
func isSpace(r rune) bool {
	switch r {
	case '\u200b', '\u2060', '\ufeff':
		return true
	}
	return r != utf8.RuneError && unicode.IsSpace(r)
}

func isASCIILetter(c byte) bool { return (c|0x20)-'a' < 26 }
func isDigit(c byte) bool       { return c-'0' < 10 }
func isASCIIAlnum(c byte) bool  { return (c|0x20)-'a' < 26 || c-'0' < 10 }
func isLowerASCII(c byte) bool  { return c-'a' < 26 }
func isUpperASCII(c byte) bool  { return c-'A' < 26 }

// isWordRune reports a non-ASCII rune that belongs inside a word: letters,
// combining marks, digits of other scripts and the invisible soft hyphen
// and joiners.
func isWordRune(r rune) bool {
	if r == utf8.RuneError {
		return false
	}
	switch r {
	case '\u00ad', '\u200c', '\u200d':
		return true
	}
	return unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r)
}

// letterAt reports whether a letter starts at text[i].
func letterAt(text string, i int) bool {
	if i >= len(text) {
		return false
	}
	if c := text[i]; c < utf8.RuneSelf {
		return isASCIILetter(c)
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return r != utf8.RuneError && unicode.IsLetter(r)
}

// wordCharAt reports whether a letter, digit or mark starts at text[i].
func wordCharAt(text string, i int) bool {
	if i >= len(text) {
		return false
	}
	if c := text[i]; c < utf8.RuneSelf {
		return isASCIIAlnum(c)
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return isWordRune(r)
}

// lettersEnd returns the end of the run of letters and marks at text[i:].
func lettersEnd(text string, i int) int {
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			if !isASCIILetter(c) {
				break
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		if r == utf8.RuneError || !(unicode.IsLetter(r) || unicode.IsMark(r)) {
			break
		}
		i += n
	}
	return i
}

// isQuoteRune reports the non-ASCII quotation marks. The apostrophe ’ is
// handled before, as it is a quotation mark only outside words.
func isQuoteRune(r rune) bool {
	switch r {
	case '„', '“', '”', '‟', '«', '»', '‹', '›', '‚', '‘', '’', '‛', '❛', '❜', '❝', '❞', '〝', '〞', '＂':
		return true
	}
	return false
}

// isDashRune reports the non-ASCII dashes and hyphens.
func isDashRune(r rune) bool {
	switch r {
	case '‐', '‑', '‒', '–', '—', '―', '−', '⸺', '⸻':
		return true
	}
	return false
}

// scanToken returns the end and kind of the token that starts at
// text[start], which is not white space. prev holds this text's tokens so
// far.
func (t *Tokenizer) scanToken(text string, start int, prev []Token) (int, Kind) {
	c := text[start]
	if c < utf8.RuneSelf {
		switch {
		case isASCIILetter(c):
			if c|0x20 == 'h' || c|0x20 == 'w' || c|0x20 == 'f' {
				if end, ok := scanURL(text, start); ok {
					return end, URL
				}
			}
			return t.scanWord(text, start, start, prev)
		case isDigit(c):
			return t.scanNumber(text, start, prev)
		}
		switch c {
		case '.':
			j := start + 1
			for j < len(text) && text[j] == '.' {
				j++
			}
			if j-start >= 3 {
				return j, Ellipsis
			}
			return j, Punct
		case '!', '?':
			j := start + 1
			for j < len(text) && (text[j] == '!' || text[j] == '?') {
				j++
			}
			return j, Punct
		case '"', '`':
			return start + 1, Quote
		case '\'':
			if end, ok := t.clitic(text, start, 1); ok {
				return end, Word
			}
			return start + 1, Quote
		case '-':
			j := start + 1
			for j < len(text) && text[j] == '-' {
				j++
			}
			return j, Dash
		case '@':
			if end := handleEnd(text, start+1); end > start+1 {
				return end, Handle
			}
			return start + 1, Symbol
		case '#':
			if end := hashtagEnd(text, start+1); end > start+1 {
				return end, Hashtag
			}
			return start + 1, Symbol
		case ',', ';', ':', '(', ')', '[', ']', '{', '}', '/', '\\', '_':
			return start + 1, Punct
		}
		// % & * + < = > ^ | ~ $ and control characters.
		return start + 1, Symbol
	}

	r, n := utf8.DecodeRuneInString(text[start:])
	switch {
	case r == utf8.RuneError:
		return start + n, Symbol
	case isWordRune(r):
		return t.scanWord(text, start, start, prev)
	case r == '’':
		if end, ok := t.clitic(text, start, n); ok {
			return end, Word
		}
		return start + n, Quote
	case isQuoteRune(r):
		return start + n, Quote
	case r == '…':
		return start + n, Ellipsis
	case isDashRune(r):
		return start + n, Dash
	case r == '‰' || r == '§' || r == '¶' || r == '†' || r == '‡' || r == '•':
		// Punctuation to Unicode, but signs to a reader.
		return start + n, Symbol
	case unicode.IsPunct(r):
		return start + n, Punct
	}
	return symbolEnd(text, start+n), Symbol
}

// symbolEnd extends a symbol over the modifiers that make one emoji out of
// several code points: variation selectors, skin tones, keycaps, tag
// characters, zero-width-joined sequences and flag pairs.
func symbolEnd(text string, j int) int {
	for j < len(text) && text[j] >= utf8.RuneSelf {
		r, n := utf8.DecodeRuneInString(text[j:])
		switch {
		case r == '\ufe0f' || r == '\ufe0e' || r == '\u20e3' ||
			(r >= 0x1f3fb && r <= 0x1f3ff) || (r >= 0xe0020 && r <= 0xe007f) ||
			(r >= 0x1f1e6 && r <= 0x1f1ff):
			j += n
		case r == '\u200d':
			r2, n2 := utf8.DecodeRuneInString(text[j+n:])
			if r2 == utf8.RuneError || isSpace(r2) || isWordRune(r2) || r2 < utf8.RuneSelf {
				return j
			}
			j += n + n2
		default:
			return j
		}
	}
	return j
}

// handleEnd returns the end of a handle's name starting at text[i].
func handleEnd(text string, i int) int {
	for i < len(text) && (isASCIIAlnum(text[i]) || text[i] == '_') {
		i++
	}
	return i
}

// hashtagEnd returns the end of a hashtag's name starting at text[i], or i
// when there is none: a name needs a letter ("#1" is a number sign).
func hashtagEnd(text string, i int) int {
	j, letter := i, false
	for j < len(text) {
		c := text[j]
		if c < utf8.RuneSelf {
			if isASCIILetter(c) {
				letter = true
			} else if !isDigit(c) && c != '_' {
				break
			}
			j++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[j:])
		if !isWordRune(r) {
			break
		}
		letter = true
		j += n
	}
	if !letter {
		return i
	}
	return j
}

// clitic reads an English clitic at text[start] that scanWord split from
// the word it is glued to ("'s" of "Korea's"). size is the apostrophe's
// length in bytes.
func (t *Tokenizer) clitic(text string, start, size int) (int, bool) {
	if start == 0 || len(t.clitics) == 0 {
		return 0, false
	}
	prev, _ := utf8.DecodeLastRuneInString(text[:start])
	if prev == utf8.RuneError || !unicode.IsLetter(prev) {
		return 0, false
	}
	k := lettersEnd(text, start+size)
	if k == start+size || wordCharAt(text, k) {
		return 0, false
	}
	if _, ok := t.clitics[text[start:k]]; !ok {
		return 0, false
	}
	return k, true
}

// scanWord reads a word that starts at text[start] and whose first bytes
// up to from are already known to be word characters. It takes in inner
// hyphens ("US-Präsident"), a truncation hyphen before a conjunction
// ("Atom- und"), inner apostrophes ("O'Brien", "geht's") and, after the
// word, the period of an abbreviation.
func (t *Tokenizer) scanWord(text string, start, from int, prev []Token) (int, Kind) {
	j := from
	for j < len(text) {
		c := text[j]
		if c < utf8.RuneSelf {
			if isASCIIAlnum(c) {
				j++
				continue
			}
			switch c {
			case '-':
				if wordCharAt(text, j+1) {
					j++
					continue
				}
				if t.truncation(text, j+1) {
					return j + 1, Word
				}
				return j, Word
			case '\'':
				if k, ok := t.innerApostrophe(text, start, j, 1); ok {
					j = k
					continue
				}
				return j, Word
			case '&':
				// "AT&T", "S&P": an ampersand between capitals.
				if j > start && isUpperASCII(text[j-1]) && j+1 < len(text) && isUpperASCII(text[j+1]) {
					j++
					continue
				}
				return j, Word
			case '.':
				return t.afterPeriod(text, start, j, prev)
			case '@', '_', '+':
				if end, ok := scanEmail(text, start); ok {
					return end, Email
				}
			}
			return j, Word
		}
		r, n := utf8.DecodeRuneInString(text[j:])
		switch {
		case isWordRune(r):
			j += n
			continue
		case r == '’':
			if k, ok := t.innerApostrophe(text, start, j, n); ok {
				j = k
				continue
			}
		case r == '‐' || r == '‑':
			if wordCharAt(text, j+n) {
				j += n
				continue
			}
			if t.truncation(text, j+n) {
				return j + n, Word
			}
		}
		return j, Word
	}
	return j, Word
}

// innerApostrophe decides about an apostrophe at text[j] (size bytes) in
// the word that started at start. It returns where the word goes on, or
// false when the word ends before the apostrophe: when no letter follows,
// or when a clitic from the data files follows ("Korea" + "'s") and the
// whole is not a listed contraction ("geht's" stays whole). Other
// apostrophes stay inside: "O'Brien", "don't", "Trump'sche".
func (t *Tokenizer) innerApostrophe(text string, start, j, size int) (int, bool) {
	k := lettersEnd(text, j+size)
	if k == j+size {
		return 0, false
	}
	if wordCharAt(text, k) || k < len(text) && (text[k] == '\'' || text[k] == '-') {
		return j + size, true
	}
	if _, ok := t.wholeWords[text[start:k]]; ok {
		return k, true
	}
	if _, ok := t.clitics[text[j:k]]; ok {
		return 0, false
	}
	return k, true
}

// truncation reports whether a hyphen that ends a word, with text[i] just
// after it, marks a truncated compound: "Atom- und Raketentests", "Nord-,
// Süd- und Westeuropa", "Ein-/Ausfuhr".
func (t *Tokenizer) truncation(text string, i int) bool {
	for i < len(text) && text[i] == ' ' {
		i++
	}
	if i >= len(text) {
		return false
	}
	if text[i] == ',' || text[i] == '/' {
		return true
	}
	k := lettersEnd(text, i)
	if k == i || wordCharAt(text, k) {
		return false
	}
	_, ok := t.conjunctions[text[i:k]]
	return ok
}

// afterPeriod decides about the period at text[dot] right after the word
// text[start:dot]: it is part of a dotted abbreviation ("U.S.", "z.B."), a
// listed abbreviation ("Dr."), an initial ("J."), a Roman ordinal
// ("II."), part of an e-mail address or host name, or the word ends and
// the period is punctuation.
func (t *Tokenizer) afterPeriod(text string, start, dot int, prev []Token) (int, Kind) {
	next := dot + 1
	if next < len(text) && text[next] != ' ' {
		if end, ok := scanEmail(text, start); ok {
			return end, Email
		}
		if end, ok := t.dotted(text, start, dot); ok {
			if end+1 < len(text) && text[end] == '-' && wordCharAt(text, end+1) {
				// A compound on an abbreviation: "U.S.-Truppen".
				return t.scanWord(text, start, end, prev)
			}
			return end, Abbrev
		}
		if isLowerASCII(text[next]) {
			if end, ok := scanHost(text, start); ok {
				return end, URL
			}
		}
	}
	w := text[start : dot+1]
	if f, ok := t.abbrevs[w]; ok {
		if f&abbrevNumeric == 0 || numberFollows(text, next) {
			return next, Abbrev
		}
		return dot, Word
	}
	for _, sa := range t.suffixes {
		if len(w) > len(sa.suffix) && w[len(w)-len(sa.suffix):] == sa.suffix {
			return next, Abbrev
		}
	}
	// An initial: "Donald J. Trump", "z. B." (second part).
	r, n := utf8.DecodeRuneInString(w)
	if n == dot-start && unicode.IsUpper(r) {
		return next, Abbrev
	}
	if isRoman(text[start:dot]) && lowerWordFollows(text, next) {
		return next, Ordinal
	}
	return dot, Word
}

// dotted reads an abbreviation of short letter groups joined by periods
// whose first group, text[start:dot], is already read: "U.S.", "z.B.",
// "d.h.", "Ph.D.", "U.S.A.", "i.d.R.". Unknown ones count as well, as long
// as every group has at most three letters and the last period is there.
func (t *Tokenizer) dotted(text string, start, dot int) (int, bool) {
	if !shortLetters(text, start, dot) {
		return 0, false
	}
	j := dot // at a period
	groups := 1
	for j < len(text) && text[j] == '.' {
		k := lettersEnd(text, j+1)
		if k == j+1 || !shortLetters(text, j+1, k) {
			break
		}
		if k >= len(text) || text[k] != '.' {
			// "z.B" without its final period: only a listed form counts.
			if t.listedWithoutPeriod(text[start:k]) {
				return k, true
			}
			// "U.S.A" keeps "U.S." (so that a failed match costs one
			// group, not a rescan of all of them from every group).
			break
		}
		groups++
		j = k
	}
	if groups < 2 {
		return 0, false
	}
	return j + 1, true
}

// listedWithoutPeriod reports a listed dotted abbreviation written without
// its final period ("z.B" for "z.B.").
func (t *Tokenizer) listedWithoutPeriod(s string) bool {
	if len(s) > 16 {
		return false
	}
	var buf [17]byte
	n := copy(buf[:], s)
	buf[n] = '.'
	_, ok := t.abbrevs[string(buf[:n+1])]
	return ok
}

// shortLetters reports whether text[i:j] is one to three letters.
func shortLetters(text string, i, j int) bool {
	if j <= i || j-i > 12 {
		return false
	}
	n := 0
	for k := i; k < j; {
		if text[k] < utf8.RuneSelf {
			if !isASCIILetter(text[k]) {
				return false
			}
			k++
		} else {
			r, size := utf8.DecodeRuneInString(text[k:])
			if !unicode.IsLetter(r) {
				return false
			}
			k += size
		}
		n++
	}
	return n <= 3
}

// isRoman reports a Roman numeral of two to six of the letters I, V and X:
// the regnal and chapter numbers of news copy ("Elisabeth II.", "Benedikt
// XVI."). Single letters are initials, and longer letters (C, D, L, M)
// too often spell abbreviations ("DC", "CDU").
func isRoman(w string) bool {
	if len(w) < 2 || len(w) > 6 {
		return false
	}
	for i := 0; i < len(w); i++ {
		switch w[i] {
		case 'I', 'V', 'X':
		default:
			return false
		}
	}
	return true
}

// skipBlanks returns the position after spaces and tabs from i, with the
// number of line breaks passed.
func skipBlanks(text string, i int) (int, int) {
	lines := 0
	for i < len(text) {
		switch text[i] {
		case ' ', '\t', '\r':
			i++
			continue
		case '\n':
			lines++
			i++
			continue
		case 0xc2: // no-break space
			if i+1 < len(text) && text[i+1] == 0xa0 {
				i += 2
				continue
			}
		}
		break
	}
	return i, lines
}

// numberFollows reports whether a number follows text[i] after blanks.
func numberFollows(text string, i int) bool {
	i, lines := skipBlanks(text, i)
	return lines < 2 && i < len(text) && isDigit(text[i])
}

// lowerWordFollows reports whether a lower-case word follows text[i] after
// blanks, within the paragraph.
func lowerWordFollows(text string, i int) bool {
	i, lines := skipBlanks(text, i)
	if lines >= 2 || i >= len(text) {
		return false
	}
	if c := text[i]; c < utf8.RuneSelf {
		return isLowerASCII(c)
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return unicode.IsLower(r)
}

// scanNumber reads a number with inner separators ("1.000", "3,5",
// "10:30", "12.11.2017") at text[start]. Letters glued to it make a word
// ("5G", "2017er", "100-Meter-Lauf"); a period after it may make an
// ordinal ("3. Oktober") or close a date ("am 12.11. in").
func (t *Tokenizer) scanNumber(text string, start int, prev []Token) (int, Kind) {
	j := start
	seps, sepAt := 0, 0
	for j < len(text) {
		c := text[j]
		if isDigit(c) {
			j++
			continue
		}
		if (c == '.' || c == ',' || c == ':') && j+1 < len(text) && isDigit(text[j+1]) {
			seps++
			sepAt = j
			j++
			continue
		}
		break
	}
	if j >= len(text) {
		return j, Number
	}
	switch c := text[j]; {
	case isASCIILetter(c) || c >= utf8.RuneSelf && wordCharAt(text, j):
		return t.scanWord(text, start, j, prev)
	case c == '-' && letterAt(text, j+1):
		return t.scanWord(text, start, j, prev)
	case c == '@' || c == '_' || c == '+':
		if end, ok := scanEmail(text, start); ok {
			return end, Email
		}
	case c == '.':
		switch {
		case seps == 0:
			if t.isOrdinal(text, start, j, prev) {
				return j + 1, Ordinal
			}
		case seps == 1 && text[sepAt] == '.' && sepAt-start <= 2 && j-sepAt-1 <= 2:
			// "am 12.11. in Berlin": day and month with the closing
			// period, when the sentence clearly goes on.
			if i, lines := skipBlanks(text, j+1); lines < 2 && i < len(text) && (isDigit(text[i]) || lowerWordFollows(text, i)) && i > j+1 {
				return j + 1, Number
			}
		}
		if j+1 < len(text) && text[j+1] != ' ' {
			if end, ok := scanEmail(text, start); ok {
				return end, Email
			}
		}
	}
	return j, Number
}

// isOrdinal decides whether the plain number text[start:dot] and the
// period after it form an ordinal. German writes ordinals as "3.", so
// "am 3. Oktober" and "der 2. Weltkrieg" must not end a sentence, while
// "im Jahr 2017. Danach" and "Es waren 12. Dann" must. The word after the
// period decides: a month, a lower-case word, or a capitalised word after
// an ordinal cue ("am", "der", "zum" from the data files) keep the
// ordinal; a sentence-starting word or a four-digit year break.
func (t *Tokenizer) isOrdinal(text string, start, dot int, prev []Token) bool {
	digits := dot - start
	if digits > 4 {
		return false
	}
	i := dot + 1
	if i >= len(text) {
		return false
	}
	if text[i] == ',' {
		// "1., 2. und 3. Klasse": a sentence never ends in ".,".
		return digits <= 3
	}
	glued := text[i] != ' ' && text[i] != '\t' && text[i] != '\n' && text[i] != '\r' && text[i] != 0xc2
	i, lines := skipBlanks(text, i)
	if lines >= 2 || i >= len(text) {
		return false
	}
	c := text[i]
	switch {
	case c == '-' || c == 0xe2 && isDashAt(text, i):
		// A range of days: "12.-14. Juni", "12. - 14. Juni".
		return digits <= 2
	case c < utf8.RuneSelf && !isASCIILetter(c):
		return false
	}
	k := lettersEnd(text, i)
	if k == i {
		return false
	}
	word := text[i:k]
	if _, ok := t.months[word]; ok {
		return digits <= 2
	}
	r, _ := utf8.DecodeRuneInString(word)
	if unicode.IsLower(r) {
		return digits <= 3
	}
	if glued {
		// "3.Oktober", "1.FC Köln": a capital glued to the period.
		return digits <= 2
	}
	if digits > 3 {
		return false
	}
	if _, ok := t.starters[word]; ok {
		return false
	}
	if len(prev) == 0 {
		return false
	}
	p := prev[len(prev)-1]
	if p.Kind == Word {
		if _, ok := t.ordinalCues[p.Text]; ok {
			return true
		}
	}
	// A coordination of ordinals: "der 3. und 4. Platz", "1., 2. und 3.
	// Klasse", "12. bis 14. Juni".
	if len(prev) >= 2 && prev[len(prev)-2].Kind == Ordinal {
		if p.Kind == Punct && p.Text == "," || p.Kind == Dash {
			return true
		}
		if _, ok := t.conjunctions[p.Text]; ok && p.Kind == Word {
			return true
		}
	}
	return false
}

// isDashAt reports an en or em dash at text[i].
func isDashAt(text string, i int) bool {
	r, _ := utf8.DecodeRuneInString(text[i:])
	return r == '–' || r == '—'
}
