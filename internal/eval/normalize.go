package eval

import (
	"strings"
	"unicode"

	"golang.org/x/text/cases"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// fold applies the character-level part of GOLD.md's name comparison:
// Unicode NFKC, case folding (which also turns "ß" into "ss"), and removal
// of diacritics (NFD, then every nonspacing mark dropped). Letters whose
// stroke or ligature has no decomposition ("ø", "ł", "æ") are mapped to
// their base letters by hand, so "Søren" and "Soren" compare equal too.
// The transformers are built per call because they keep state and must not
// be shared between goroutines.
func fold(s string) string {
	t := transform.Chain(
		norm.NFKC,
		cases.Fold(),
		norm.NFD,
		runes.Remove(runes.In(unicode.Mn)),
	)
	out, _, err := transform.String(t, s)
	if err != nil {
		// The chain only fails on internal buffer limits; fall back to a
		// plainer fold rather than losing the name.
		out = strings.ToLower(norm.NFKC.String(s))
	}
	if strings.IndexFunc(out, needsBaseLetter) < 0 {
		return out
	}
	var b strings.Builder
	b.Grow(len(out) + 4)
	for _, r := range out {
		b.WriteString(baseLetter(r))
	}
	return b.String()
}

// needsBaseLetter reports letters that baseLetter rewrites.
func needsBaseLetter(r rune) bool { return baseLetter(r) != string(r) }

// baseLetter spells letters that NFD does not decompose with the Latin
// letters a reader would use without the diacritic. Only lower-case forms
// are needed because fold has case-folded before.
func baseLetter(r rune) string {
	switch r {
	case 'ø':
		return "o"
	case 'ł', 'ŀ':
		return "l"
	case 'đ', 'ð':
		return "d"
	case 'ħ':
		return "h"
	case 'ı':
		return "i"
	case 'ŧ':
		return "t"
	case 'æ':
		return "ae"
	case 'œ':
		return "oe"
	case 'þ':
		return "th"
	case 'ĸ':
		return "k"
	}
	return string(r)
}

// isWordRune reports the characters that names and quote words are made
// of. Numbers of every kind count so that "G20" or "Ⅱ" (NFKC: "II") survive.
func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) }

// Normalize folds a name the way GOLD.md compares names: NFKC, case
// folding, diacritics removed, every character other than a letter, a
// digit or white space removed, and runs of white space folded to one
// space, trimmed. Punctuation is deleted rather than replaced by a space
// (GOLD.md says "removal"), so "U.S." is "us" and "Moon Jae-in" is
// "moon jaein"; spellings that differ in word breaks, like "Moon Jae In",
// must be listed as aliases in the gold key.
func Normalize(s string) string {
	s = fold(s)
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case isWordRune(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		case unicode.IsSpace(r):
			space = true
		}
	}
	return b.String()
}

// words returns the set of word tokens of s for quote matching: the text is
// folded like a name, then split at every character that is not a letter or
// a digit, so that "Jae-in" gives the two words "jae" and "in" and quotation
// marks or dashes never become words.
func words(s string) map[string]struct{} {
	out := map[string]struct{}{}
	for _, w := range strings.FieldsFunc(fold(s), func(r rune) bool { return !isWordRune(r) }) {
		out[w] = struct{}{}
	}
	return out
}

// Jaccard is the overlap of the word sets of two quotes, intersection over
// union, as GOLD.md matches quotes; 0 when both are empty, so two empty
// quotes never count as the same quote.
func Jaccard(a, b string) float64 {
	inter, union := overlap(words(a), words(b))
	if union == 0 {
		return 0
	}
	return float64(inter) / float64(union)
}

// overlap returns the sizes of the intersection and the union of two word
// sets; the threshold test uses these integers so that a quote exactly at
// 0.6 is not lost to floating-point rounding.
func overlap(a, b map[string]struct{}) (inter, union int) {
	for w := range a {
		if _, ok := b[w]; ok {
			inter++
		}
	}
	return inter, len(a) + len(b) - inter
}

// QuoteThreshold is GOLD.md's least Jaccard overlap at which a system
// quote matches a gold quote; it is exported so that tools showing near
// misses use the same bar.
const QuoteThreshold = 0.6

// quoteMatches applies QuoteThreshold as 5·inter ≥ 3·union, exact in
// integers.
func quoteMatches(inter, union int) bool {
	return union > 0 && inter > 0 && 5*inter >= 3*union
}
