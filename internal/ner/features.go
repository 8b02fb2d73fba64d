package ner

import (
	"unicode"
	"unicode/utf8"
)

// Feature hashing: every feature is a template byte followed by its value,
// hashed with 64-bit FNV-1a and finished with a SplitMix64 mixer so that the
// keys spread evenly over a power-of-two table. Key 0 is never produced.

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func hByte(h uint64, b byte) uint64 { return (h ^ uint64(b)) * fnvPrime }

func hStr(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * fnvPrime
	}
	return h
}

func hRune(h uint64, r rune) uint64 {
	if r < utf8.RuneSelf {
		return (h ^ uint64(r)) * fnvPrime
	}
	for r != 0 {
		h = (h ^ uint64(r&0xff)) * fnvPrime
		r >>= 8
	}
	return h
}

func hU64(h, x uint64) uint64 {
	for i := 0; i < 8; i++ {
		h = (h ^ (x & 0xff)) * fnvPrime
		x >>= 8
	}
	return h
}

// finish mixes a hash into a feature key (never 0).
func finish(h uint64) uint64 {
	h ^= h >> 30
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 27
	h *= 0x94d049bb133111eb
	h ^= h >> 31
	if h == 0 {
		h = 1
	}
	return h
}

// Feature templates. The byte values are part of the model: changing them
// changes every key, so a new value is added rather than an old one reused.
const (
	fBias byte = iota + 1
	fWord
	fWordCase
	fShape
	fShort
	fPrefix
	fSuffix
	fFlag
	fWordM1
	fWordM2
	fWordP1
	fWordP2
	fShortM1
	fShortM2
	fShortP1
	fShortP2
	fBigramM1
	fBigramP1
	fShortTri
	fWordM1Short
	fShortWordP1
	fPartFirst
	fPartLast
	fPartFirstShape
	fPartAny
	fGaz
	fLenBucket
)

// Token flags.
const (
	flCap = 1 << iota
	flAllCaps
	flHasDigit
	flHasHyphen
	flPunct
	flInitial
	flHashtag
	flArticleCap
	flIschAdj
	flLowerAll
	flGaz
	flGazPart
	flInQuote
	flCapNotInitial
	flAllDigits
	flMixedCase
	flIschCap
)

// tokInfo is what the window features need from a neighbouring token.
type tokInfo struct {
	lower uint64 // hash of the lower-cased word, digits → 0
	short uint64 // hash of the short shape
	flags uint32
}

// bos/eos stand in for the tokens before and after the sentence.
var (
	bosInfo = tokInfo{lower: hStr(fnvOffset, "<s>"), short: hStr(fnvOffset, "<s>")}
	eosInfo = tokInfo{lower: hStr(fnvOffset, "</s>"), short: hStr(fnvOffset, "</s>")}
)

// trimMarker strips a leading # or @ of a hashtag or handle, so "#Berlin"
// shares the word features of "Berlin".
func trimMarker(tok string) (string, bool) {
	if len(tok) > 1 && (tok[0] == '#' || tok[0] == '@') {
		return tok[1:], true
	}
	return tok, false
}

// lowerHash hashes s lower-cased with digits mapped to 0.
func lowerHash(h uint64, s string) uint64 {
	for _, r := range s {
		h = hRune(h, normRune(r))
	}
	return h
}

func normRune(r rune) rune {
	if r >= '0' && r <= '9' {
		return '0'
	}
	if r < utf8.RuneSelf {
		if r >= 'A' && r <= 'Z' {
			return r + 32
		}
		return r
	}
	return unicode.ToLower(r)
}

func shapeClass(r rune) rune {
	switch {
	case r >= '0' && r <= '9':
		return 'd'
	case r < utf8.RuneSelf:
		switch {
		case r >= 'A' && r <= 'Z':
			return 'X'
		case r >= 'a' && r <= 'z':
			return 'x'
		}
		return r
	case unicode.IsUpper(r):
		return 'X'
	case unicode.IsLetter(r):
		return 'x'
	case unicode.IsDigit(r):
		return 'd'
	}
	return r
}

// shapeHashes returns the hashes of the long shape (runs of a class capped
// at four: "Xxxx", "dddd.dd") and the short shape (runs collapsed: "Xx",
// "Xx-Xx", "XX").
func shapeHashes(s string) (long, short uint64) {
	long, short = hByte(fnvOffset, 'L'), hByte(fnvOffset, 'S')
	var prev rune = -1
	run := 0
	for _, r := range s {
		c := shapeClass(r)
		if c == prev {
			run++
		} else {
			run = 1
			short = hRune(short, c)
		}
		if run <= 4 {
			long = hRune(long, c)
		}
		prev = c
	}
	return long, short
}

// germanArticles are the determiners after which a capitalised word is
// usually a common noun in German (and "the" for English).
func isArticle(lower string) bool {
	switch lower {
	case "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines",
		"kein", "keine", "keinen", "keinem", "keiner", "dieser", "diese", "dieses", "diesen", "diesem",
		"jeder", "jede", "jedes", "jeden", "jedem", "sein", "seine", "seinen", "seinem", "seiner", "ihr", "ihre", "ihren", "ihrem", "ihrer",
		"the", "a", "an", "this", "these", "that", "those":
		return true
	}
	return false
}

func isQuote(tok string) bool {
	switch tok {
	case "\"", "„", "“", "”", "«", "»", "‚", "‘", "’", "'", "``", "''":
		return true
	}
	return false
}

// extractor computes the features of a sentence into a reusable buffer.
type extractor struct {
	gaz   *gazetteer
	infos []tokInfo
	low   []string // lower-cased tokens (markers trimmed)
	feats []uint64 // features of all tokens, back to back
	offs  []int32  // feats[offs[i]:offs[i+1]] belong to token i
	cls   []uint8  // token class of each token, for the transitions
	buf   []byte
	ends  []int // end of each lower-cased token in buf
}

// extract fills e.feats and e.offs for tokens.
func (e *extractor) extract(tokens []string) {
	n := len(tokens)
	e.infos = e.infos[:0]
	e.low = e.low[:0]
	e.feats = e.feats[:0]
	e.offs = append(e.offs[:0], 0)
	e.cls = e.cls[:0]
	inQuote := false
	// Lower-case every token into one buffer and make one string of it,
	// so that a sentence costs one allocation instead of one per token.
	e.buf = e.buf[:0]
	e.ends = e.ends[:0]
	for _, tok := range tokens {
		w, _ := trimMarker(tok)
		for _, r := range w {
			e.buf = utf8.AppendRune(e.buf, normRune(r))
		}
		e.ends = append(e.ends, len(e.buf))
	}
	lowAll := string(e.buf)
	for i, tok := range tokens {
		w, tagged := trimMarker(tok)
		from := 0
		if i > 0 {
			from = e.ends[i-1]
		}
		lw := lowAll[from:e.ends[i]]
		e.low = append(e.low, lw)
		var info tokInfo
		info.lower = hStr(fnvOffset, lw)
		_, info.short = shapeHashes(w)
		fl := tokenFlags(w)
		if tagged {
			fl |= flHashtag
		}
		if i == 0 {
			fl |= flInitial
		} else if fl&flCap != 0 {
			fl |= flCapNotInitial
		}
		if isQuote(w) {
			inQuote = !inQuote
		} else if inQuote {
			fl |= flInQuote
		}
		info.flags = fl
		e.infos = append(e.infos, info)
		e.cls = append(e.cls, tokenClass(fl))
	}
	// Flags that need the neighbours.
	for i := range e.infos {
		if i > 0 && e.infos[i].flags&flCap != 0 && isArticle(e.low[i-1]) {
			e.infos[i].flags |= flArticleCap
		}
	}
	if e.gaz != nil {
		e.gaz.mark(e.low, e.infos)
	}
	at := func(i int) *tokInfo {
		switch {
		case i < 0:
			return &bosInfo
		case i >= n:
			return &eosInfo
		}
		return &e.infos[i]
	}
	for i, tok := range tokens {
		w, _ := trimMarker(tok)
		lw := e.low[i]
		cur := &e.infos[i]

		e.add(tpl(fBias))
		e.add(hU64(tpl(fWord), cur.lower))
		e.add(hStr(tpl(fWordCase), w))
		long, short := shapeHashes(w)
		e.add(hU64(tpl(fShape), long))
		e.add(hU64(tpl(fShort), short))
		e.add(hU64(hU64(tpl(fFlag), 1000), uint64(cur.flags&(flCap|flInitial|flAllCaps))))
		for b := 0; b < 17; b++ {
			if cur.flags&(1<<b) != 0 {
				e.add(hByte(tpl(fFlag), byte(b)))
			}
		}
		// Affixes on runes of the lower-cased word.
		nr := utf8.RuneCountInString(lw)
		if nr > 1 {
			ph := hByte(tpl(fPrefix), 0)
			k := 0
			for _, r := range lw {
				if k >= 4 || k >= nr-1 {
					break
				}
				ph = hRune(ph, normRune(r))
				k++
				e.add(hByte(ph, byte(k)))
			}
			// Suffixes 1–5, read from the end.
			end := len(lw)
			sh := tpl(fSuffix)
			for k := 1; k <= 5 && k < nr; k++ {
				_, size := utf8.DecodeLastRuneInString(lw[:end])
				end -= size
				e.add(hByte(hStr(sh, lw[end:]), byte(k)))
			}
		}
		lb := nr
		if lb > 12 {
			lb = 12
		}
		e.add(hByte(tpl(fLenBucket), byte(lb)))
		m1, m2, p1, p2 := at(i-1), at(i-2), at(i+1), at(i+2)
		e.add(hU64(tpl(fWordM1), m1.lower))
		e.add(hU64(tpl(fWordM2), m2.lower))
		e.add(hU64(tpl(fWordP1), p1.lower))
		e.add(hU64(tpl(fWordP2), p2.lower))
		e.add(hU64(tpl(fShortM1), m1.short))
		e.add(hU64(tpl(fShortM2), m2.short))
		e.add(hU64(tpl(fShortP1), p1.short))
		e.add(hU64(tpl(fShortP2), p2.short))
		e.add(hU64(hU64(tpl(fBigramM1), m1.lower), cur.lower))
		e.add(hU64(hU64(tpl(fBigramP1), cur.lower), p1.lower))
		e.add(hU64(hU64(hU64(tpl(fShortTri), m1.short), cur.short), p1.short))
		e.add(hU64(hU64(tpl(fWordM1Short), m1.lower), cur.short))
		e.add(hU64(hU64(tpl(fShortWordP1), cur.short), p1.lower))
		if cur.flags&flHasHyphen != 0 {
			e.hyphenParts(w, lw)
		}
		e.offs = append(e.offs, int32(len(e.feats)))
	}
}

// hyphenParts adds the features of the parts of a hyphenated compound:
// "US-Präsident" → first part "us" with shape "XX", last part "präsident".
func (e *extractor) hyphenParts(w, lw string) {
	first, last := -1, -1
	for i := 0; i < len(lw); i++ {
		if lw[i] == '-' {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first <= 0 || last >= len(lw)-1 {
		// "Atom-" or "-Verbot": only the trimmed word.
		trim := lw
		for len(trim) > 0 && trim[0] == '-' {
			trim = trim[1:]
		}
		for len(trim) > 0 && trim[len(trim)-1] == '-' {
			trim = trim[:len(trim)-1]
		}
		e.feats = append(e.feats, finish(hStr(hByte(fnvOffset, fPartAny), trim)))
		return
	}
	fp, lp := lw[:first], lw[last+1:]
	e.feats = append(e.feats, finish(hStr(hByte(fnvOffset, fPartFirst), fp)))
	e.feats = append(e.feats, finish(hStr(hByte(fnvOffset, fPartLast), lp)))
	// Shape of the first part in the original case (w and lw have the same
	// byte offsets for ASCII hyphens only when case mapping kept lengths;
	// find the first hyphen of w afresh).
	wf := w
	for i := 0; i < len(w); i++ {
		if w[i] == '-' {
			wf = w[:i]
			break
		}
	}
	_, s := shapeHashes(wf)
	e.feats = append(e.feats, finish(hU64(hByte(fnvOffset, fPartFirstShape), s)))
	if e.gaz != nil {
		if e.gaz.has(fp) {
			e.feats = append(e.feats, finish(hByte(hByte(fnvOffset, fGaz), 'f')))
		}
		if e.gaz.has(lp) {
			e.feats = append(e.feats, finish(hByte(hByte(fnvOffset, fGaz), 'l')))
		}
	}
}

// tokenFlags computes the flags that depend on the token alone.
func tokenFlags(w string) uint32 {
	var fl uint32
	upper, lower, digit, letters, other := 0, 0, 0, 0, 0
	first := true
	for _, r := range w {
		switch {
		case unicode.IsUpper(r):
			upper++
			letters++
			if first {
				fl |= flCap
			}
		case unicode.IsLetter(r):
			lower++
			letters++
		case unicode.IsDigit(r):
			digit++
		case r == '-':
			fl |= flHasHyphen
			other++
		default:
			other++
		}
		first = false
	}
	if letters > 1 && lower == 0 {
		fl |= flAllCaps
	}
	if letters > 0 && upper == 0 {
		fl |= flLowerAll
	}
	if upper > 0 && lower > 0 && fl&flCap == 0 {
		fl |= flMixedCase
	}
	if digit > 0 {
		fl |= flHasDigit
		if letters == 0 && other == 0 {
			fl |= flAllDigits
		}
	}
	if letters == 0 && digit == 0 {
		fl |= flPunct
	}
	if hasIschSuffix(w) {
		fl |= flIschAdj
		if fl&flCap != 0 {
			fl |= flIschCap
		}
	}
	return fl
}

// hasIschSuffix reports whether w ends like a German -isch adjective
// ("Europäische", "französischen") or an English -ian/-ese one.
func hasIschSuffix(w string) bool {
	for _, suf := range [...]string{"isch", "ische", "ischen", "ischer", "isches", "ischem"} {
		if len(w) > len(suf)+2 && w[len(w)-len(suf):] == suf {
			return true
		}
	}
	return false
}

// numTokenClasses is the number of token classes that condition the
// transition weights.
const numTokenClasses = 6

// tokenClass sorts a token by its flags into one of numTokenClasses
// classes: punctuation, lower case, capitalised at the sentence start,
// capitalised elsewhere, all caps, and the rest (numbers, mixed).
func tokenClass(fl uint32) uint8 {
	switch {
	case fl&flPunct != 0:
		return 0
	case fl&flLowerAll != 0:
		return 1
	case fl&flAllCaps != 0:
		return 4
	case fl&flCap != 0 && fl&flInitial != 0:
		return 2
	case fl&flCap != 0:
		return 3
	}
	return 5
}

// add appends the feature key of hash h.
func (e *extractor) add(h uint64) { e.feats = append(e.feats, finish(h)) }

// tpl starts the hash of a feature of template b.
func tpl(b byte) uint64 { return hByte(fnvOffset, b) }
