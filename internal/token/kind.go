package token

import "strconv"

// Kind classifies a token, so that later stages can skip punctuation, read
// numbers or follow quotations without looking at the text again.
type Kind uint8

const (
	// Word is a run of letters and digits with inner hyphens and
	// apostrophes: "US-Präsident", "O'Brien", "G20", "COVID-19", and a
	// truncated first part such as "Atom-" in "Atom- und Raketentests". An
	// English clitic split off its host ("'s" in "Korea's") is a Word too.
	Word Kind = iota
	// Number is a cardinal number with its inner separators: "2017",
	// "1.000", "3,5", "10:30", "12.11.2017".
	Number
	// Ordinal is a number with the period that makes it an ordinal in
	// German ("3." in "am 3. Oktober"), or a Roman numeral with its period
	// ("II." in "Elisabeth II. sagte"). It never ends a sentence.
	Ordinal
	// Abbrev is an abbreviation or initial with its periods: "z.B.", "Dr.",
	// "U.S.", "J." in "Donald J. Trump".
	Abbrev
	// Punct is punctuation other than quotation marks, dashes and
	// ellipses: ". , ; : ! ? ( ) / …", with runs such as "?!" kept whole.
	Punct
	// Quote is one quotation mark: „ “ ” « » ‹ › ‚ ‘ ’ " ' and the like.
	Quote
	// Dash is a hyphen or dash standing alone: " - ", "–", "—", "--".
	Dash
	// Ellipsis is "…" or a run of three or more periods.
	Ellipsis
	// URL is a web address starting with a scheme or "www.", or a bare
	// host name with a common top-level domain ("tagesschau.de").
	URL
	// Email is an e-mail address.
	Email
	// Handle is a social-media handle: "@realDonaldTrump".
	Handle
	// Hashtag is a hashtag: "#Nordkorea".
	Hashtag
	// Symbol is anything else: currency and percent signs, "&", "+",
	// emoji, control characters and bytes that are not valid UTF-8.
	Symbol
)

// String returns the kind's lower-case name, as used in test tables and
// debugging output.
func (k Kind) String() string {
	switch k {
	case Word:
		return "word"
	case Number:
		return "number"
	case Ordinal:
		return "ordinal"
	case Abbrev:
		return "abbrev"
	case Punct:
		return "punct"
	case Quote:
		return "quote"
	case Dash:
		return "dash"
	case Ellipsis:
		return "ellipsis"
	case URL:
		return "url"
	case Email:
		return "email"
	case Handle:
		return "handle"
	case Hashtag:
		return "hashtag"
	case Symbol:
		return "symbol"
	}
	return "kind(" + strconv.Itoa(int(k)) + ")"
}
