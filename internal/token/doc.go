// Package token splits German and English news text into tokens and
// sentences, with offsets in Unicode code points.
//
// Tokens follow what news copy needs downstream, where names, dates and
// quotations are read:
//
//   - Abbreviations keep their periods ("z.B.", "z." "B.", "Dr.", "U.S.",
//     "Mio.") and initials are abbreviations ("Donald J. Trump"), so that
//     neither ends a sentence by mistake.
//   - German ordinals are one token with their period ("am 3. Oktober",
//     "der 2. Weltkrieg"); the following word decides, so "im Jahr 2017.
//     Danach" still ends a sentence.
//   - Numbers keep their separators ("1.000", "3,5", "10:30"); hyphenated
//     compounds are one word ("US-Präsident", "COVID-19"), and so is the
//     truncated first part of "Atom- und Raketentests".
//   - English clitics are split off ("Korea" "'s"), German contractions
//     are not ("geht's"); every quotation mark is a token of its own.
//   - URLs, e-mail addresses, @handles and #hashtags stay whole; a photo
//     credit "REUTERS/Kevin Lamarque" splits at the slash.
//
// A sentence ends at a blank line, or after . ! ? or an ellipsis when what
// follows can open a sentence; it takes the closing quotation marks glued
// to its punctuation, so “Es wäre seltsam.” is one sentence, and it goes
// on after “Kommt ihr?”, when a comma or a lower-case word follows.
//
// The words the rules need are data, not code: lang/<code>/ holds the
// abbreviations, month names, sentence-starting words, ordinal cues,
// conjunctions, clitics, apostrophe words and speech verbs of each
// language, and Options.Languages picks the languages to load.
//
// The tokenizer works on bytes and decodes runes only outside ASCII; it
// needs no regular expressions and no allocation beyond the output slice.
package token
