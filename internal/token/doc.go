// Package token splits German and English news text into tokens and
// sentences, with offsets in Unicode code points.
//
// The rules are the ones news copy needs: abbreviations keep their period
// and do not end a sentence ("z.B.", "U.S.", "Mio."), numbers keep their
// separators ("1.000", "3,5", "12.11.2017"), ordinals before a month or
// after an article are one token ("am 3. Oktober", "der 2. Weltkrieg"),
// hyphenated compounds are one word ("US-Präsident", "Atom-" in "Atom- und
// Raketentests"), every quotation mark is a token of its own, and URLs,
// e-mail addresses, @handles and #hashtags stay whole. A sentence ends
// after . ! ? or … when what follows starts a new sentence, and takes the
// closing quotation marks and brackets that follow its punctuation, so that
// “Es wäre seltsam.” is one sentence and “Kommt ihr?”, fragte er. is too.
//
// Words of each language (abbreviations, month names, sentence-starting
// words, ordinal cues) come from lang/<code>/*.txt.
package token
