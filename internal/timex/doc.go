// Package timex is the pipeline stage that finds time expressions in German
// and English news and normalises them to ISO 8601 against the publication
// date, in the manner of HeidelTime: hand-written patterns over tokens,
// with every word they use kept as data per language.
//
// # Vocabulary as data
//
// The Go code knows the shapes of expressions ("[prep] day month [year]",
// "vor N Einheiten", "[prep] [shift] unit"); the words that fill them come
// from lang/<code>/timex_*.txt and the shared lang/<code>/months.txt:
// weekdays, parts of the day, relative days, number words, calendar units,
// seasons, shift words ("vergangene", "last"), the roles of function words
// (which preposition belongs to a span, which cue makes a number a year,
// which word marks a count or a repetition), tense markers and a few
// settings of the orthography (capitalised nouns, day.month dates). Adding
// a language is adding those files.
//
// # Finding
//
// Each sentence is scanned left to right; at every token all patterns are
// tried and the longest match wins, so expressions never overlap. A
// paragraph is read with the rules of its own language (an English caption
// inside a German article gets English rules); full dates that carry a year
// ("November 12, 2017") are also recognised with the month names of the
// other loaded languages. Adjacent expressions that name one point in time
// are joined: a date and its clock time ("13.11., 9.45 Uhr"), a weekday and
// its date, a clock time and its day ("zwei Uhr in der Nacht zum Montag").
//
// Durations and sets are left alone: plural units ("in den vergangenen
// Wochen"), "seit"/"for" with a count, "jeden Tag", "every Sunday". A
// four-digit number is a year unless what surrounds it makes it a count
// (a capitalised German noun or an English plural after it, "rund" or
// "some" before it, a currency or percent sign).
//
// # Resolving
//
// Values follow the corpus conventions (GOLD.md): the granularity the text
// gives ("2017-11-12", "2017-09", "2017", "2017-W45", "2017-W45-WE",
// "2022-SU", "199" for the 1990s); clock times give their day.
//
//   - Weekdays take the most recent such day (the publication day itself
//     when it matches) unless the tense marker nearest to them in their
//     clause is a future one ("wird", "soll", "will", "stattfindet"), a
//     preposition looks ahead ("bis Freitag") or a shift word says which
//     ("kommenden Sonntag", "last Monday"). A clause without a marker takes
//     the tense of the rest of its sentence, short of a subordinate clause.
//   - Months, days and seasons without a year take the nearest occurrence.
//     A preposition that looks ahead or back ("für Oktober", "seit März")
//     takes the occurrence on that side; otherwise a sentence in pure future
//     or pure past tense moves a far occurrence to its side.
//   - "in der Nacht zum Montag" is the Monday. Mornings and afternoons,
//     clock times and offsets such as "drei Stunden zuvor" count from the
//     reference day: the day the paragraph last named outright, or else the
//     publication date. Evenings and nights told in the past without such a
//     day are the evening before publication.
//   - Weeks, months and years relative to publication ("vergangene Woche",
//     "earlier this month", "im Vorjahr", "vor sechs Wochen", "20 years
//     ago", "in three months' time") are shifted from the publication date
//     at their own granularity.
//
// Without a publication date only expressions that carry their own year
// are resolved.
package timex
