package timex

import (
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/internal/token"
)

// kind is the granularity and role of a found expression.
type kind uint8

const (
	// kindDay is a day named outright (a date, a weekday, "gestern"); it
	// becomes the reference day for later parts of the day and clock
	// times in the paragraph.
	kindDay kind = iota + 1
	// kindDayVague is a day reached through a part of the day, an offset
	// or a clock time; it does not move the reference day.
	kindDayVague
	kindClock
	kindWeek
	kindMonth
	kindSeason
	kindYear
	kindDecade
	kindCentury
)

// match is one expression in a sentence: tokens [start, end) of the
// sentence and its value.
type match struct {
	start, end int
	value      string
	kind       kind
	day        time.Time // for day kinds and clock times
	weekday    bool      // a bare weekday, which a following date may refine
	wd         int       // its ISO day number
	daypart    bool      // a part of the day, which a following date may place
}

// refDay is the day a paragraph last named, which anaphoric expressions
// ("am Abend", "um 11.54 Uhr", "drei Stunden zuvor") count from.
type refDay struct {
	day time.Time
	ok  bool
}

// scan holds one sentence while its expressions are found.
type scan struct {
	t      *Tagger
	r      *rules
	toks   []token.Token
	low    []string
	pub    time.Time
	hasPub bool
	ref    *refDay
	tense  []int8 // +1 future, -1 past marker, per token
	roles  []role // the roles of each token's word
	fut    int
	past   int
	out    []match
}

// w returns the lower-cased text of token i, or "" outside the sentence.
func (s *scan) w(i int) string {
	if i < 0 || i >= len(s.low) {
		return ""
	}
	return s.low[i]
}

// text returns the text of token i, or "" outside the sentence.
func (s *scan) text(i int) string {
	if i < 0 || i >= len(s.toks) {
		return ""
	}
	return s.toks[i].Text
}

// kindAt returns the kind of token i; ok is false outside the sentence.
func (s *scan) kindAt(i int) (token.Kind, bool) {
	if i < 0 || i >= len(s.toks) {
		return 0, false
	}
	return s.toks[i].Kind, true
}

// is reports whether token i exists and has kind k.
func (s *scan) is(i int, k token.Kind) bool {
	kk, ok := s.kindAt(i)
	return ok && kk == k
}

// role reports whether the word of token i has one of the roles ro.
func (s *scan) role(i int, ro role) bool {
	return i >= 0 && i < len(s.roles) && s.roles[i]&ro != 0
}

// glued reports whether token i follows token i-1 without a space.
func (s *scan) glued(i int) bool {
	return i > 0 && i < len(s.toks) && s.toks[i].Start == s.toks[i-1].End
}

// capitalised reports whether token i is a word with an upper-case first letter.
func (s *scan) capitalised(i int) bool {
	k, ok := s.kindAt(i)
	if !ok || (k != token.Word && k != token.Abbrev) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s.toks[i].Text)
	return unicode.IsUpper(r)
}

// lowerWord reports whether token i is a word in lower case.
func (s *scan) lowerWord(i int) bool {
	k, ok := s.kindAt(i)
	if !ok || k != token.Word {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s.toks[i].Text)
	return unicode.IsLower(r)
}

// initial reports whether token i opens the sentence, after quotation
// marks and dashes at most.
func (s *scan) initial(i int) bool {
	for k := i - 1; k >= 0; k-- {
		switch s.toks[k].Kind {
		case token.Quote, token.Dash, token.Ellipsis:
			continue
		case token.Punct:
			if t := s.toks[k].Text; t == ":" || t == "(" || t == "[" {
				continue
			}
		}
		return false
	}
	return true
}

// allDigits reports whether t is non-empty ASCII digits.
func allDigits(t string) bool {
	if t == "" {
		return false
	}
	for i := 0; i < len(t); i++ {
		if t[i] < '0' || t[i] > '9' {
			return false
		}
	}
	return true
}

// digits reads a number token of ASCII digits: its value and length.
func (s *scan) digits(i int) (int, int, bool) {
	k, ok := s.kindAt(i)
	if !ok || k != token.Number {
		return 0, 0, false
	}
	t := s.toks[i].Text
	if !allDigits(t) || len(t) > 6 {
		return 0, 0, false
	}
	n, err := strconv.Atoi(t)
	if err != nil {
		return 0, 0, false
	}
	return n, len(t), true
}

// year reads a four-digit year of the range newsgraph accepts.
func (s *scan) year(i int) (int, bool) {
	n, nd, ok := s.digits(i)
	if !ok || nd != 4 || n < 1000 || n > 2199 {
		return 0, false
	}
	return n, true
}

// count reads a small count: digits or a number word.
func (s *scan) count(i int) (int, bool) {
	if n, nd, ok := s.digits(i); ok && nd <= 3 {
		return n, true
	}
	if n, ok := s.r.numbers[s.w(i)]; ok {
		if s.is(i, token.Word) {
			return n, true
		}
	}
	return 0, false
}

// ordinalSuffix strips "st", "nd", "rd", "th" from "12th".
func ordinalSuffix(t string) (string, bool) {
	for _, suf := range []string{"st", "nd", "rd", "th"} {
		if strings.HasSuffix(t, suf) && allDigits(t[:len(t)-2]) {
			return t[:len(t)-2], true
		}
	}
	return "", false
}

// dayNum reads a day of the month: "12." (ordinal), "12" or "12th".
func (s *scan) dayNum(i int) (int, bool) {
	k, ok := s.kindAt(i)
	if !ok {
		return 0, false
	}
	t := s.toks[i].Text
	switch k {
	case token.Ordinal:
		t = strings.TrimSuffix(t, ".")
	case token.Number:
	case token.Word:
		var ok bool
		if t, ok = ordinalSuffix(strings.ToLower(t)); !ok {
			return 0, false
		}
	default:
		return 0, false
	}
	if !allDigits(t) || len(t) > 2 {
		return 0, false
	}
	n, _ := strconv.Atoi(t)
	if n < 1 || n > 31 {
		return 0, false
	}
	return n, true
}

// month looks token i up as a month name; any admits the names of every
// loaded language (for dates that carry a year, which are unambiguous).
func (s *scan) month(i int, any bool) (monthName, bool) {
	k, ok := s.kindAt(i)
	if !ok || (k != token.Word && k != token.Abbrev) || !s.capitalised(i) {
		return monthName{}, false // "may", "march" in lower case are verbs
	}
	w := strings.TrimSuffix(s.low[i], ".")
	if m, ok := s.r.months[w]; ok {
		return m, true
	}
	if any {
		if m, ok := s.t.months[w]; ok {
			return m, true
		}
	}
	return monthName{}, false
}

// weekdayAt reads a weekday, alone or compounded with a part of the day
// ("Freitagabend", "Dienstagfrüh").
func (s *scan) weekdayAt(i int) (int, daypart, bool) {
	k, ok := s.kindAt(i)
	if !ok || k != token.Word {
		return 0, partNone, false
	}
	w := s.low[i]
	if wd, ok := s.r.weekdays[w]; ok {
		return wd, partNone, true
	}
	for name, wd := range s.r.weekdays {
		if len(w) > len(name) && strings.HasPrefix(w, name) {
			rest := strings.TrimPrefix(w[len(name):], "-")
			if p, ok := s.r.dayparts[rest]; ok {
				return wd, p, true
			}
		}
	}
	return 0, partNone, false
}

// partAt reads a phrase for the beginning, middle or end of a unit at i
// ("Anfang", "Ende des", "early", "the start of") and returns the index
// after it, or i when there is none.
func (s *scan) partAt(i int) int {
	j := i
	if s.role(j, roleArticle) && s.role(j+1, rolePart) && s.role(j+2, roleOf) {
		return j + 3 // "the start of"
	}
	if !s.role(j, rolePart) {
		return i
	}
	if !s.is(j, token.Word) {
		return i
	}
	j++
	if s.role(j, roleOf) {
		j++ // "Ende des", "Anfang der"
	}
	return j
}

// markTense records the tense markers of the sentence.
func (s *scan) markTense() {
	s.tense = make([]int8, len(s.toks))
	for i, w := range s.low {
		v := s.r.tense[w]
		if v == 0 && s.r.pastSuffix != "" && len(w) >= 4 && strings.HasSuffix(w, s.r.pastSuffix) &&
			s.lowerWord(i) && !strings.HasSuffix(w, "e"+s.r.pastSuffix) {
			v = -1
		}
		s.tense[i] = int8(v)
		switch {
		case v > 0:
			s.fut++
		case v < 0:
			s.past++
		}
	}
}

// nearTense returns the sign of the tense marker nearest to tokens
// [a, b) within their clause (up to a comma, semicolon, colon or dash), 0
// when the clause has none; ties favour the future.
func (s *scan) nearTense(a, b int) int {
	lo, hi := a, b
	for lo > 0 && !s.boundary(lo-1) {
		lo--
	}
	for hi < len(s.toks) && !s.boundary(hi) {
		hi++
	}
	if v := s.nearestMarker(a, b, lo, hi); v != 0 {
		return v
	}
	// Without a marker in its own clause, the expression takes the tense
	// of the rest of the sentence up to a subordinate clause ("Trump
	// schloss am Freitag nicht aus, dass … werden könnten").
	for lo > 0 && !s.subordinate(lo-1) {
		lo--
	}
	for hi < len(s.toks) && !s.subordinate(hi) {
		hi++
	}
	return s.nearestMarker(a, b, lo, hi)
}

// nearestMarker returns the sign of the marker nearest to [a, b) within
// [lo, hi).
func (s *scan) nearestMarker(a, b, lo, hi int) int {
	for d := 0; a-1-d >= lo || b+d < hi; d++ {
		var lv, rv int8
		if l := a - 1 - d; l >= lo && l >= 0 && l < len(s.tense) {
			lv = s.tense[l]
		}
		if r := b + d; r < hi && r >= 0 && r < len(s.tense) {
			rv = s.tense[r]
		}
		if lv > 0 || rv > 0 {
			return 1
		}
		if lv < 0 || rv < 0 {
			return -1
		}
	}
	return 0
}

// subordinate reports whether token i opens a subordinate clause.
func (s *scan) subordinate(i int) bool {
	return i >= 0 && i < len(s.low) && s.r.subordinators[s.low[i]]
}

// boundary reports whether token i ends a clause for tense purposes.
func (s *scan) boundary(i int) bool {
	if i < 0 || i >= len(s.toks) {
		return true
	}
	switch s.toks[i].Kind {
	case token.Dash:
		return !s.glued(i)
	case token.Punct:
		switch s.toks[i].Text {
		case ",", ";", ":":
			return true
		}
	}
	return false
}

// pureTense is +1 when the sentence has only future markers, -1 when it
// has only past ones, 0 otherwise.
func (s *scan) pureTense() int {
	switch {
	case s.fut > 0 && s.past == 0:
		return 1
	case s.past > 0 && s.fut == 0:
		return -1
	}
	return 0
}

// base returns the day that anaphoric expressions count from: the
// paragraph's reference day, else the publication date.
func (s *scan) base() time.Time {
	if s.ref != nil && s.ref.ok {
		return s.ref.day
	}
	return s.pub
}

func (s *scan) hasRef() bool { return s.ref != nil && s.ref.ok }

// run finds the expressions of the sentence, left to right, longest first.
func (s *scan) run() []match {
	s.low = make([]string, len(s.toks))
	s.roles = make([]role, len(s.toks))
	for i, t := range s.toks {
		s.low[i] = strings.ToLower(t.Text)
		s.roles[i] = s.r.roles[s.low[i]]
	}
	s.markTense()
	for i := 0; i < len(s.toks); {
		if !s.opens(i) {
			i++
			continue
		}
		ms := s.best(i)
		if len(ms) == 0 {
			i++
			continue
		}
		for _, m := range ms {
			if m.kind == kindDay && s.ref != nil {
				s.ref.day, s.ref.ok = m.day, true
			}
		}
		s.out = append(s.out, ms...)
		i = ms[len(ms)-1].end
	}
	s.merge()
	return s.out
}

// opens reports whether token i can open an expression: a word of the
// vocabulary, a number, or a word that starts with a digit or a weekday.
func (s *scan) opens(i int) bool {
	t := s.toks[i]
	if s.roles[i] != 0 || t.Kind == token.Number || t.Kind == token.Ordinal {
		return true
	}
	w := s.low[i]
	if w == "" {
		return false
	}
	if s.r.lexicon[w] || s.r.lexicon[strings.TrimSuffix(w, ".")] || w[0] >= '0' && w[0] <= '9' {
		return true
	}
	if pre, _, cut := strings.Cut(w, "-"); cut && s.r.roles[pre] != 0 {
		return true // "mid-September"
	}
	_, _, ok := s.weekdayAt(i)
	return ok
}

// best tries every pattern at token i and keeps the longest result.
func (s *scan) best(i int) []match {
	matchers := [...]func(*scan, int) []match{
		(*scan).isoDate, (*scan).dottedDate, (*scan).dayMonth, (*scan).monthDay, (*scan).night,
		(*scan).weekday, (*scan).relDay, (*scan).relUnit, (*scan).ago, (*scan).inFuture, (*scan).season,
		(*scan).decade, (*scan).century, (*scan).monthExpr, (*scan).yearExpr, (*scan).daypartExpr, (*scan).clock,
	}
	var best []match
	bestEnd := i
	for _, f := range matchers {
		ms := f(s, i)
		if len(ms) == 0 {
			continue
		}
		if e := ms[len(ms)-1].end; e > bestEnd && ms[0].start == i {
			best, bestEnd = ms, e
		}
	}
	return best
}

func one(m match) []match { return []match{m} }

func dayMatch(start, end int, t time.Time, k kind) match {
	return match{start: start, end: end, value: dayValue(t), kind: k, day: t}
}

// isoDate reads "2017-11-12".
func (s *scan) isoDate(i int) []match {
	y, nd, ok := s.digits(i)
	if !ok || nd != 4 || s.text(i+1) != "-" || s.text(i+3) != "-" {
		return nil
	}
	m, nm, ok1 := s.digits(i + 2)
	d, ndd, ok2 := s.digits(i + 4)
	if !ok1 || !ok2 || nm > 2 || ndd > 2 {
		return nil
	}
	for k := i + 1; k <= i+4; k++ {
		if !s.glued(k) {
			return nil
		}
	}
	if !validDate(y, m, d) {
		return nil
	}
	return one(dayMatch(i, i+5, date(y, m, d), kindDay))
}

// dottedDate reads "12.11.2017", "12.11.17" and "13.11." in languages that
// write day.month.
func (s *scan) dottedDate(i int) []match {
	j := i
	if s.role(j, roleDatePrep) {
		j++
	}
	k, ok := s.kindAt(j)
	if !ok || k != token.Number {
		return nil
	}
	parts := strings.Split(s.toks[j].Text, ".")
	if len(parts) < 2 || len(parts) > 3 {
		return nil
	}
	for _, p := range parts {
		if !allDigits(p) {
			return nil
		}
	}
	if len(parts[0]) > 2 || len(parts[1]) > 2 {
		return nil
	}
	d, _ := strconv.Atoi(parts[0])
	m, _ := strconv.Atoi(parts[1])
	if len(parts) == 3 {
		if len(parts[2]) != 4 && len(parts[2]) != 2 {
			return nil
		}
		y, _ := strconv.Atoi(parts[2])
		if len(parts[2]) == 2 {
			y += 2000
			if s.hasPub && y > s.pub.Year()+1 {
				y -= 100
			}
		}
		if !validDate(y, m, d) {
			return nil
		}
		// Any language: a full numeric date is not a decimal number.
		return one(dayMatch(i, j+1, date(y, m, d), kindDay))
	}
	if !s.r.dottedDates || !s.hasPub || s.text(j+1) != "." || !s.glued(j+1) {
		return nil
	}
	// "2.1." is as likely a section number; a short form needs a
	// preposition or two-digit parts.
	if j == i && (len(parts[0]) < 2 || len(parts[1]) < 2) && !s.role(i-1, roleYearCue) {
		return nil
	}
	if !validDate(2000, m, d) {
		return nil
	}
	y := dayYear(s.pub, m, d, s.nearTense(i, j+2), s.pureTense(), s.leaning(i))
	if !validDate(y, m, d) {
		return nil
	}
	return one(dayMatch(i, j+2, date(y, m, d), kindDay))
}

// dayMonth reads "12. November 2017", "am 2. Oktober", "4 August",
// "the 3rd of May" and "12. und 13. November".
func (s *scan) dayMonth(i int) []match {
	j := i
	if s.role(j, roleDatePrep) {
		j++
	}
	if s.role(j, roleArticle) && s.role(j+2, roleOf) {
		if _, ok := s.dayNum(j + 1); ok {
			j++ // "the 3rd of May"
		}
	}
	d1, ok := s.dayNum(j)
	if !ok {
		return nil
	}
	if m, ok := s.dayMonthCore(j, j); ok {
		m.start = i
		return one(m)
	}
	// "12. und 13. November": the first day takes the second's month.
	if s.role(j+1, roleRange) {
		if m2, ok := s.dayMonthCore(j+2, j+2); ok {
			y, mo := m2.day.Year(), int(m2.day.Month())
			if validDate(y, mo, d1) {
				return []match{dayMatch(i, j+1, date(y, mo, d1), kindDay), m2}
			}
		}
	}
	return nil
}

// dayMonthCore reads day, month and optional year from token j; the match
// starts at start.
func (s *scan) dayMonthCore(start, j int) (match, bool) {
	d, ok := s.dayNum(j)
	if !ok {
		return match{}, false
	}
	k := j + 1
	if s.role(k, roleOf) {
		if _, ok := s.month(k+1, true); ok {
			k++
		}
	}
	y, end, hasYear := s.yearAfter(k + 1)
	if !hasYear {
		y, end, hasYear = s.relYearAfter(k + 1)
	}
	mn, ok := s.month(k, hasYear)
	if !ok {
		return match{}, false
	}
	if mn.abbrev {
		// "12. Okt" is fine, but an abbreviation without its period and
		// without a year is too weak for day numbers that are not
		// ordinals.
		if s.is(j, token.Number) && !hasYear && !strings.HasSuffix(s.text(k), ".") {
			return match{}, false
		}
	}
	if !hasYear {
		end = k + 1
		if !s.hasPub {
			return match{}, false
		}
		y = dayYear(s.pub, mn.month, d, s.nearTense(start, end), s.pureTense(), s.leaning(start))
	}
	if !validDate(y, mn.month, d) {
		return match{}, false
	}
	return dayMatch(start, end, date(y, mn.month, d), kindDay), true
}

// relYearAfter reads a year named relative to publication after a date
// ("des vergangenen Jahres", "dieses Jahres", "of last year", "last year").
func (s *scan) relYearAfter(k int) (int, int, bool) {
	if !s.hasPub {
		return 0, 0, false
	}
	j := k
	if s.role(j, roleOf) {
		j++
	}
	sh, ok := s.r.shifts[s.w(j)]
	if !ok || sh.ref {
		return 0, 0, false
	}
	uw, ok := s.r.units[s.w(j+1)]
	if !ok || uw.unit != unitYear || uw.plural || uw.standalone {
		return 0, 0, false
	}
	return s.pub.Year() + sh.shift, j + 2, true
}

// yearAfter reads a year at k, or ", year" there; it returns the year and
// the index after it.
func (s *scan) yearAfter(k int) (int, int, bool) {
	if y, ok := s.year(k); ok {
		return y, k + 1, true
	}
	if s.text(k) == "," {
		if y, ok := s.year(k + 1); ok {
			return y, k + 2, true
		}
	}
	return 0, 0, false
}

// countAfter reports whether token k makes the number before it a count:
// a unit, a currency, a plural noun.
func (s *scan) countAfter(k int, strong, weak bool) bool {
	kk, ok := s.kindAt(k)
	if !ok {
		return false
	}
	if s.text(k) == "%" || s.role(k, roleCountWord) {
		return true
	}
	if kk != token.Word {
		return false
	}
	if _, ok := s.month(k, true); ok {
		return false
	}
	if _, _, ok := s.weekdayAt(k); ok {
		return false
	}
	if s.r.capitalisedNouns && !strong && s.capitalised(k) {
		return true
	}
	if suf := s.r.pluralSuffix; suf != "" && !strong && !weak && s.lowerWord(k) {
		w := s.low[k]
		if len(w) > len(suf)+2 && strings.HasSuffix(w, suf) && !s.role(k, roleNotPlural) && !strings.HasSuffix(w, "ss") {
			return true
		}
	}
	return false
}

// monthDay reads "November 12, 2017", "Nov. 12", "Sept 3"; in languages
// that write day before month only with a year.
func (s *scan) monthDay(i int) []match {
	j := i
	if s.role(j, roleDatePrep) {
		j++
	}
	if s.is(j+1, token.Ordinal) {
		return nil // "Mai 3." is not how either language writes a date
	}
	d, ok := s.dayNum(j + 1)
	if !ok {
		return nil
	}
	y, end, hasYear := s.yearAfter(j + 2)
	mn, ok := s.month(j, hasYear)
	if !ok {
		return nil
	}
	if !hasYear {
		if !s.r.monthDay || !s.hasPub || s.countAfter(j+2, false, false) {
			return nil
		}
		end = j + 2
		y = dayYear(s.pub, mn.month, d, s.nearTense(i, end), s.pureTense(), s.leaning(i))
	}
	if !validDate(y, mn.month, d) {
		return nil
	}
	return one(dayMatch(i, end, date(y, mn.month, d), kindDay))
}

// leaning reports whether the words before token i look ahead
// ("für Oktober", "bis Ende Juni": +1) or back ("seit März", "since the
// 24th": -1); an article between is skipped ("seit dem 24. Februar").
func (s *scan) leaning(i int) int {
	k := i - 1
	if s.role(k, roleArticle) || s.role(k, roleThisArticle) {
		k--
	}
	switch {
	case s.role(k, roleProspective):
		return 1
	case s.role(k, roleRetrospect):
		return -1
	}
	return 0
}

// weekdayValue resolves a weekday: an explicit shift ("last", "kommenden")
// goes strictly to that side, otherwise the preposition before it and the
// tense of its clause decide, and the most recent day is the default.
func (s *scan) weekdayValue(wd, shift int, explicit bool, a, b int) time.Time {
	if explicit && shift != 0 {
		return weekdayDate(s.pub, wd, shift, true)
	}
	// "seit Montag" looks back, "bis Freitag" ahead; "this Sunday", "an
	// diesem Montag" look ahead unless told in the past.
	dir := -1
	switch lean, t := s.leaning(a), s.nearTense(a, b); {
	case lean < 0:
	case lean > 0 && t >= 0, t > 0, explicit && t == 0:
		dir = 1
	}
	return weekdayDate(s.pub, wd, dir, false)
}

// weekday reads "am Sonntag", "Freitagabend", "am späten Sonntagabend",
// "early on Saturday morning", "late Monday", "last Sunday", "Freitag früh".
func (s *scan) weekday(i int) []match {
	if !s.hasPub || s.role(i-1, roleSet) || s.role(i-1, roleName) ||
		s.role(i-1, roleDayPrep) && s.role(i-2, roleName) {
		return nil
	}
	j := i
	prep := false
	if s.role(j, roleDayPrep) {
		j++
		prep = true
	}
	if s.role(j, roleDaypartAdj) {
		j++
	}
	if !prep && j > i && s.role(j, roleDayPrep) {
		j++ // "early on Sunday"
		prep = true
	}
	shift, explicit := 0, false
	if sh, ok := s.r.shifts[s.w(j)]; ok && !sh.ref {
		shift, explicit = sh.shift, true
		j++
	}
	if s.role(j-1, roleSet) || s.role(j-1, roleName) {
		return nil
	}
	wd, part, ok := s.weekdayAt(j)
	if !ok {
		return nil
	}
	if !explicit && j == i && (s.role(i-1, roleArticle) || s.r.numbers[s.w(i-1)] == 1) {
		return nil // "der Freitag" (a paper), "the Sunday Times", "on a Sunday"
	}
	k := j + 1
	if part == partNone {
		if _, ok := s.r.dayparts[s.w(k)]; ok && !s.role(k+1, roleOf) {
			k++
		}
	}
	if !prep && !explicit && k == j+1 && s.capitalised(k) {
		if _, ok := s.month(k, true); !ok {
			return nil // "Sunday Times"
		}
	}
	t := s.weekdayValue(wd, shift, explicit, i, k)
	m := dayMatch(i, k, t, kindDay)
	m.weekday, m.wd = !explicit, wd
	return one(m)
}

// night reads "in der Nacht zum Mittwoch" and "in der Nacht von Sonntag
// auf Montag": the night is dated by the morning it leads into.
func (s *scan) night(i int) []match {
	if !s.hasPub {
		return nil
	}
	j := i
	if s.role(j, roleIn) {
		j++
	}
	if s.role(j, roleArticle) {
		j++
	}
	if p, ok := s.r.dayparts[s.w(j)]; !ok || p != partNight {
		return nil
	}
	j++
	var wd, end int
	switch {
	case s.role(j, roleNightTo):
		d, _, ok := s.weekdayAt(j + 1)
		if !ok {
			return nil
		}
		wd, end = d, j+2
	case s.role(j, roleNightFrom):
		if _, _, ok := s.weekdayAt(j + 1); !ok || !s.role(j+2, roleNightTo) {
			return nil
		}
		d, _, ok := s.weekdayAt(j + 3)
		if !ok {
			return nil
		}
		wd, end = d, j+4
	default:
		return nil
	}
	t := s.weekdayValue(wd, 0, false, i, end)
	return one(dayMatch(i, end, t, kindDay))
}

// relDay reads "heute", "gestern Abend", "morgen früh", "yesterday",
// "this morning", "last night", "in der vergangenen Nacht".
func (s *scan) relDay(i int) []match {
	if !s.hasPub || s.role(i-1, roleSet) {
		return nil
	}
	// A shift and a part of the day.
	j := i
	if s.role(j, roleIn) && s.role(j+1, roleArticle) {
		j += 2
	}
	if sh, ok := s.r.shifts[s.w(j)]; ok && !sh.ref && sh.shift <= 0 {
		if _, ok := s.r.dayparts[s.w(j+1)]; ok {
			return one(dayMatch(i, j+2, s.pub.AddDate(0, 0, sh.shift), kindDay))
		}
	}
	rd, ok := s.r.days[s.w(i)]
	if !ok || rd.offset == 0 && s.role(i-1, roleUntil) {
		return nil // "bis heute" is a duration; "bis morgen" names its end
	}
	if !s.is(i, token.Word) {
		return nil
	}
	if rd.lower && (!s.lowerWord(i) && !s.initial(i) || s.role(i-1, roleDayPrep|roleArticle)) {
		return nil // "am Morgen" is a part of the day, see daypartExpr
	}
	if s.capitalised(i) && !s.initial(i) && s.capitalised(i-1) {
		return nil // "USA Today"
	}
	end := i + 1
	if _, ok := s.r.dayparts[s.w(end)]; ok {
		end++
	}
	return one(dayMatch(i, end, s.pub.AddDate(0, 0, rd.offset), kindDay))
}

// daypartExpr reads "am Morgen", "am Abend", "in der Nacht", "bis in die
// Nacht", "gegen Mitternacht", "frühen Vormittag", "early morning", "in
// the morning". Mornings and afternoons are the reference day; evenings
// and nights told in the past without one are the evening before
// publication.
func (s *scan) daypartExpr(i int) []match {
	if !s.hasPub || s.role(i-1, roleSet) {
		return nil
	}
	j := i
	var p daypart
	var ok bool
	switch {
	case s.role(j, roleDayPrep):
		j++
		if s.role(j, roleDaypartAdj) {
			j++
		}
		p, ok = s.r.dayparts[s.w(j)]
		if !ok || (s.r.capitalisedNouns && !s.capitalised(j)) {
			return nil
		}
	case s.role(j, roleIn) && s.role(j+1, roleArticle):
		j += 2
		if s.role(j, roleDaypartAdj) {
			j++
		}
		p, ok = s.r.dayparts[s.w(j)]
		if !ok || (s.r.capitalisedNouns && !s.capitalised(j)) {
			return nil
		}
	case s.role(j, roleClockPrep):
		j++
		p, ok = s.r.dayparts[s.w(j)]
		if !ok || (p != partMidnight && p != partNoon) {
			return nil
		}
	case s.role(j, roleDaypartAdj):
		j++
		p, ok = s.r.dayparts[s.w(j)]
		if !ok || (s.r.capitalisedNouns && !s.capitalised(j)) {
			return nil
		}
	default:
		return nil
	}
	if !s.is(j, token.Word) {
		return nil
	}
	t := s.base()
	if p.late() && !s.hasRef() && s.nearTense(i, j+1) <= 0 {
		t = s.pub.AddDate(0, 0, -1)
	}
	m := dayMatch(i, j+1, t, kindDayVague)
	m.daypart = true
	return one(m)
}

// relUnit reads units placed relative to the publication date:
// "vergangene Woche", "in dieser Woche", "im vergangenen Jahr", "des
// Jahres", "Ende des Jahres", "in der Vorwoche", "heuer", "diesjährigen",
// "am Wochenende", "over the weekend", "earlier this month", "the next day".
func (s *scan) relUnit(i int) []match {
	if !s.hasPub {
		return nil
	}
	j := i
	prep, weekendOnly := false, false
	if s.role(j, roleMonthPrep) || s.role(j, roleDayPrep) || s.role(j, roleWeekendPrep) || s.role(j, roleIn) {
		weekendOnly = !s.role(j, roleMonthPrep) && !s.role(j, roleDayPrep) && !s.role(j, roleIn)
		j++
		prep = true
	}
	article := -1
	if s.role(j, roleArticle) && s.partAt(j) == j {
		if !prep {
			return nil // a bare article is not part of the span
		}
		article = j
		j++
	}
	thisArticle := false
	if s.role(j, roleThisArticle) {
		if uw, ok := s.r.units[s.w(j+1)]; ok && !uw.plural && (uw.unit == unitYear || uw.unit == unitMonth) {
			thisArticle = true
			j++
		}
	}
	part := false
	if p := s.partAt(j); p > j {
		j, part = p, true
		if s.role(j, roleArticle) {
			j++
		}
	}
	shift, hasShift, refShift := 0, false, false
	shiftAt := -1
	if sh, ok := s.r.shifts[s.w(j)]; ok {
		shift, hasShift, refShift, shiftAt = sh.shift, true, sh.ref, j
		j++
	}
	uw, ok := s.r.units[s.w(j)]
	if !ok || uw.plural {
		return nil
	}
	if !s.is(j, token.Word) {
		return nil
	}
	if weekendOnly && uw.unit != unitWeekend {
		return nil // "at the end of the year": "at" is not part of it
	}
	end := j + 1
	switch {
	case uw.standalone:
		if hasShift {
			return nil
		}
		shift, hasShift = uw.shift, true
	case hasShift:
		if shiftAt > 0 && s.role(shiftAt-1, roleDurationArt) && !refShift && !part {
			return nil // "the last week", "over the next week" are durations
		}
	case uw.unit == unitWeekend:
		if !prep && article < 0 {
			return nil
		}
	case part && (uw.unit == unitYear || uw.unit == unitMonth || uw.unit == unitWeek):
	case thisArticle:
	default:
		return nil
	}
	if uw.unit == unitYear {
		if _, ok := s.year(end); ok {
			return nil // "Ende des Jahres 2015" is the year's
		}
	}
	base := s.pub
	if refShift && s.hasRef() {
		base = s.ref.day
	}
	switch uw.unit {
	case unitDay:
		if !hasShift {
			return nil
		}
		return one(dayMatch(i, end, base.AddDate(0, 0, shift), kindDayVague))
	case unitWeek:
		t := base.AddDate(0, 0, 7*shift)
		return one(match{start: i, end: end, value: weekValue(t), kind: kindWeek, day: t})
	case unitWeekend:
		t := weekendDate(base, shift, hasShift, s.nearTense(i, end) > 0)
		return one(match{start: i, end: end, value: weekendValue(t), kind: kindWeek})
	case unitMonth, unitYear:
		v, ok := shiftUnit(base, uw.unit, shift)
		if !ok {
			return nil
		}
		k := kindMonth
		if uw.unit == unitYear {
			k = kindYear
		}
		return one(match{start: i, end: end, value: v, kind: k})
	}
	return nil
}

// ago reads "vor sechs Wochen", "vor fast zwei Jahren", "20 years ago",
// "drei Stunden zuvor", "some 18 months before", "zwei Tage später".
func (s *scan) ago(i int) []match {
	if !s.hasPub {
		return nil
	}
	j := i
	before := false
	if s.role(j, roleAgoBefore) {
		j++
		before = true
	}
	for n := 0; n < 3 && s.role(j, roleFuzzy); n++ {
		j++
	}
	n, ok := s.count(j)
	if !ok {
		return nil
	}
	uw, ok := s.r.units[s.w(j+1)]
	if !ok || uw.standalone || uw.unit == unitMinute {
		return nil // minutes measure delays more often than they date
	}
	if !s.is(j+1, token.Word) {
		return nil
	}
	k := j + 2
	var t time.Time
	sign := -1
	switch {
	case before:
		t = s.pub
	case s.role(k, roleAgoAfter):
		t = s.pub
		k++
	case s.role(k, roleEarlier) || s.role(k, roleLater):
		if s.role(k, roleLater) {
			sign = 1
		}
		// "before"/"after" with an object ("two days before the vote")
		// count from that event, which is not known here.
		if kk, ok := s.kindAt(k + 1); ok && (kk == token.Word || kk == token.Number || kk == token.Ordinal) &&
			!s.role(k+1, roleRange) {
			if s.role(k, roleClockRel) || s.role(k, roleYearCue) {
				return nil
			}
		}
		if sign > 0 && !s.hasRef() {
			return nil // "two weeks later" after an event the text has not dated
		}
		t = s.base()
		k++
	default:
		return nil
	}
	v, ok := shiftUnit(t, uw.unit, sign*n)
	if !ok {
		return nil
	}
	return one(match{start: i, end: k, value: v, kind: unitKind(uw.unit)})
}

// unitKind maps a calendar unit to the kind of its values.
func unitKind(u unit) kind {
	switch u {
	case unitWeek, unitWeekend:
		return kindWeek
	case unitMonth:
		return kindMonth
	case unitYear:
		return kindYear
	}
	return kindDayVague
}

// inFuture reads "in zwei Wochen", "in three months' time".
func (s *scan) inFuture(i int) []match {
	if !s.hasPub || !s.role(i, roleIn) {
		return nil
	}
	j := i + 1
	for n := 0; n < 3 && s.role(j, roleFuzzy); n++ {
		j++
	}
	n, ok := s.count(j)
	if !ok {
		return nil
	}
	uw, ok := s.r.units[s.w(j+1)]
	if !ok || uw.standalone || uw.unit == unitMinute {
		return nil
	}
	k := j + 2
	switch {
	case (s.text(k) == "'" || s.text(k) == "’") && s.role(k+1, roleTimeWord):
		k += 2
	case s.role(k, roleTimeWord):
		k++
	default:
		// Told in the past, "in a week" is how long something took.
		if s.nearTense(i, k) < 0 {
			return nil
		}
	}
	v, ok := shiftUnit(s.pub, uw.unit, n)
	if !ok {
		return nil
	}
	return one(match{start: i, end: k, value: v, kind: unitKind(uw.unit)})
}

// season reads "im Sommer", "Sommer 2011", "last summer", "in the fall".
func (s *scan) season(i int) []match {
	j := i
	prep := false
	if s.role(j, roleMonthPrep) || s.role(j, roleIn) || s.role(j, roleWeekendPrep) {
		j++
		prep = true
		if s.role(j, roleArticle) {
			j++
		}
	}
	shift, explicit := 0, false
	if sh, ok := s.r.shifts[s.w(j)]; ok && !sh.ref {
		shift, explicit = sh.shift, true
		j++
	}
	if p := s.partAt(j); p > j {
		j = p
	}
	code, ok := s.r.seasons[s.w(j)]
	if !ok {
		return nil
	}
	if !s.is(j, token.Word) {
		return nil
	}
	end := j + 1
	y, hasYear := s.year(end)
	switch {
	case hasYear:
		end++
	case s.role(end, roleOf):
		if y, hasYear = s.year(end + 1); !hasYear {
			return nil // "the fall of Kabul"
		}
		end += 2
	}
	if !hasYear {
		if (!prep && !explicit) || !s.hasPub {
			return nil
		}
		y = seasonYear(s.pub, code, shift, explicit, s.nearTense(i, end), s.pureTense())
	}
	return one(match{start: i, end: end, value: seasonValue(y, code), kind: kindSeason})
}

// decade reads "in den 1990er Jahren", "1990er-Jahre", "the 1990s",
// "Mitte der 90er Jahre".
func (s *scan) decade(i int) []match {
	j := i
	if s.role(j, roleMonthPrep) || s.role(j, roleIn) {
		j++
		if s.role(j, roleArticle) {
			j++
		}
	}
	if p := s.partAt(j); p > j {
		j = p
	}
	if !s.is(j, token.Word) {
		return nil
	}
	t := s.toks[j].Text
	n := 0
	for n < len(t) && t[n] >= '0' && t[n] <= '9' {
		n++
	}
	if (n != 2 && n != 4) || t[n-1] != '0' {
		return nil
	}
	digits := t[:n]
	rest := strings.ToLower(t[n:])
	suffix, unitPart, hyphen := strings.Cut(rest, "-")
	if !s.r.is(suffix, roleDecadeSuffix) {
		return nil
	}
	end := j + 1
	if !hyphen && s.text(end) == "-" && s.glued(end) && s.glued(end+1) {
		// "80er-Jahre" tokenized as "80er", "-", "Jahre".
		if uw, ok := s.r.units[s.w(end+1)]; ok && (uw.unit == unitYear && uw.plural || uw.unit == unitDecade) {
			return one(match{start: i, end: end + 2, value: decadeValue(digits), kind: kindDecade})
		}
	}
	if hyphen {
		uw, ok := s.r.units[unitPart]
		if !ok || !(uw.unit == unitYear && uw.plural || uw.unit == unitDecade) {
			return nil
		}
	} else if uw, ok := s.r.units[s.w(end)]; ok && (uw.unit == unitYear && uw.plural || uw.unit == unitDecade) {
		end++
	} else if s.r.capitalisedNouns {
		return nil // "1990er" alone is an adjective of a vintage
	}
	if n == 2 && !s.role(j-1, roleArticle) && !(s.glued(j) && s.is(j-1, token.Quote)) {
		return nil // "in her 20s" is an age
	}
	return one(match{start: i, end: end, value: decadeValue(digits), kind: kindDecade})
}

// decadeValue turns "1990" or "90" into the decade value "199"; two digits
// are read as the 1900s except "00".
func decadeValue(digits string) string {
	switch {
	case len(digits) == 4:
		return digits[:3]
	case digits == "00":
		return "200"
	}
	return "19" + digits[:1]
}

// century reads "im 20. Jahrhundert", "the 20th century".
func (s *scan) century(i int) []match {
	j := i
	if s.role(j, roleMonthPrep) || s.role(j, roleIn) {
		j++
	}
	if s.role(j, roleArticle) {
		j++
	}
	k, ok := s.kindAt(j)
	if !ok {
		return nil
	}
	t := s.low[j]
	switch k {
	case token.Ordinal:
		t = strings.TrimSuffix(t, ".")
	case token.Word:
		if t, ok = ordinalSuffix(t); !ok {
			return nil
		}
	default:
		return nil
	}
	if !allDigits(t) || len(t) > 2 {
		return nil
	}
	n, _ := strconv.Atoi(t)
	uw, ok := s.r.units[s.w(j+1)]
	if !ok || uw.unit != unitCentury || uw.plural || n < 1 || n > 30 {
		return nil
	}
	return one(match{start: i, end: j + 2, value: strconv.Itoa(100 + n - 1)[1:], kind: kindCentury})
}

// monthExpr reads "im September", "September 2013", "Anfang September",
// "Ende September 2016", "the start of October", "mid-September", "last
// May", "Oktober".
func (s *scan) monthExpr(i int) []match {
	if s.role(i-1, roleSet) {
		return nil
	}
	j := i
	prep := false
	if s.role(j, roleMonthPrep) {
		j++
		prep = true
	}
	part := false
	if p := s.partAt(j); p > j {
		j, part = p, true
	}
	shift, explicit := 0, false
	if sh, ok := s.r.shifts[s.w(j)]; ok && !sh.ref && !part {
		shift, explicit = sh.shift, true
		j++
	}
	var mn monthName
	ok := false
	end := j + 1
	y, hasYear := 0, false
	// "mid-September", "Mitte-September".
	if s.is(j, token.Word) && !part {
		if pre, rest, cut := strings.Cut(s.low[j], "-"); cut && s.r.is(pre, rolePart) {
			mn, ok = s.r.months[rest]
			part = ok
		}
	}
	if !ok {
		relEnd := 0
		if yy, ok2 := s.year(end); ok2 {
			y, hasYear = yy, true
		} else if s.role(end, roleOf) {
			if yy, ok2 := s.year(end + 1); ok2 {
				y, hasYear = yy, true
			}
		}
		if !hasYear {
			y, relEnd, hasYear = s.relYearAfter(end)
		}
		mn, ok = s.month(j, hasYear)
		if !ok {
			return nil
		}
		switch {
		case relEnd > 0:
			end = relEnd
		case hasYear:
			if s.role(end, roleOf) {
				end++
			}
			end++
		}
	}
	if !hasYear {
		if mn.abbrev || !s.hasPub {
			return nil
		}
		cue := prep || part || explicit || s.role(i-1, roleYearCue)
		if s.role(j, roleNeedsCue) && !cue {
			return nil
		}
		if !cue && s.capitalised(end) {
			return nil // "August Bebel", "April Ryan"
		}
	}
	var value string
	switch {
	case hasYear:
		value = monthValue(y, mn.month)
	case explicit:
		py, pm := s.pub.Year(), int(s.pub.Month())
		yy := py
		switch {
		case shift < 0 && mn.month >= pm:
			yy--
		case shift > 0 && mn.month <= pm:
			yy++
		}
		value = monthValue(yy, mn.month)
	default:
		lean := s.leaning(i)
		if prep && s.role(i, roleProspective) {
			lean = 1 // "ab März"
		}
		yy := monthYear(s.pub, mn.month, s.nearTense(i, end), s.pureTense(), lean)
		value = monthValue(yy, mn.month)
	}
	return one(match{start: i, end: end, value: value, kind: kindMonth})
}

// yearExpr reads "1950", "im Jahr 2013", "in 1991", "Anfang 2016",
// "des Jahres 2013", "1950 bis 1953", "1954, 1974 und 1990". A four-digit
// number is a year unless what stands around it makes it a count.
func (s *scan) yearExpr(i int) []match {
	j := i
	strong, weak := false, false
	if s.role(j, roleMonthPrep) {
		j++
		weak = true
	}
	if p := s.partAt(j); p > j {
		j, strong = p, true
	}
	// "Ende des Jahres 2013", "in the year 2013"
	if j > i && (s.role(j, roleOf) || s.role(j, roleArticle)) {
		if uw, ok := s.r.units[s.w(j+1)]; ok && uw.unit == unitYear && !uw.plural && !uw.standalone {
			j++
		}
	}
	if uw, ok := s.r.units[s.w(j)]; ok && uw.unit == unitYear && !uw.standalone {
		if _, ok := s.year(j + 1); ok {
			j++
			strong = true
		}
	}
	// "mid-2016"
	if s.is(j, token.Word) {
		pre, rest, cut := strings.Cut(s.low[j], "-")
		if !cut || !s.r.is(pre, rolePart) || !allDigits(rest) || len(rest) != 4 {
			return nil
		}
		y, _ := strconv.Atoi(rest)
		if y < 1000 || y > 2199 {
			return nil
		}
		return one(match{start: i, end: j + 1, value: yearValue(y), kind: kindYear})
	}
	y, ok := s.year(j)
	if !ok {
		return nil
	}
	if j == i && s.role(i-1, roleYearCue) {
		weak = true
	}
	// A list or range continues a year: "1954, 1974 und 1990".
	if j == i && len(s.out) > 0 {
		last := s.out[len(s.out)-1]
		if last.kind == kindYear && last.end == i-1 && (s.text(i-1) == "," || s.role(i-1, roleRange)) {
			strong = true
		}
	}
	// "1950 bis 1953", "1950-53"
	y2, end2, isRange := s.rangeYear(j, y)
	if isRange {
		weak = true
	}
	if !strong && !weak && (y < 1900 || y > 2099) {
		return nil
	}
	if s.role(i-1, roleNoYear) || s.text(i-1) == "/" || s.text(j+1) == "/" && s.glued(j+1) {
		return nil
	}
	if s.glued(j) && s.text(j-1) == "-" || s.glued(j+1) && s.text(j+1) == "-" && !isRange {
		return nil // part of a code or a number range
	}
	if !strong && j == i && s.role(i-1, roleCountCue) || s.text(i-1) == "$" || s.text(i-1) == "€" || s.text(i-1) == "£" {
		return nil
	}
	if !isRange && s.countAfter(j+1, strong, weak) {
		return nil
	}
	first := match{start: i, end: j + 1, value: yearValue(y), kind: kindYear}
	if isRange {
		return []match{first, {start: j + 2, end: end2, value: yearValue(y2), kind: kindYear}}
	}
	return one(first)
}

// rangeYear reads the second year of "1950 bis 1953" or "1950–53" after
// the year at j.
func (s *scan) rangeYear(j, y int) (int, int, bool) {
	if !s.role(j+1, roleRange) {
		return 0, 0, false
	}
	if y2, ok := s.year(j + 2); ok && y2 > y && y2-y < 200 {
		if s.countAfter(j+3, false, true) {
			return 0, 0, false
		}
		return y2, j + 3, true
	}
	if n, nd, ok := s.digits(j + 2); ok && nd == 2 && s.glued(j+1) && s.glued(j+2) {
		y2 := y/100*100 + n
		if y2 > y {
			return y2, j + 3, true
		}
	}
	return 0, 0, false
}

// parseClock reads "11.54", "11:54", "11", "zwei" and, glued, "7pm".
func (s *scan) parseClock(j int) (h, m int, suffix bool, colon bool, ok bool) {
	k, okk := s.kindAt(j)
	if !okk {
		return
	}
	t := s.low[j]
	switch k {
	case token.Number:
	case token.Word:
		if n, isNum := s.r.numbers[t]; isNum {
			if n > 24 {
				return
			}
			return n, 0, false, false, true
		}
		switch {
		case strings.HasSuffix(t, "am"), strings.HasSuffix(t, "pm"):
			t, suffix = t[:len(t)-2], true
		default:
			return
		}
	default:
		return
	}
	hs, ms, cut := strings.Cut(t, ":")
	colon = cut
	if !cut {
		hs, ms, cut = strings.Cut(t, ".")
	}
	if !allDigits(hs) || len(hs) > 2 || cut && (!allDigits(ms) || len(ms) != 2) {
		return
	}
	h, _ = strconv.Atoi(hs)
	if cut {
		m, _ = strconv.Atoi(ms)
	}
	if h > 24 || m > 59 || suffix && (h < 1 || h > 12) {
		return
	}
	return h, m, suffix, colon, true
}

// clock reads "um 11.54 Uhr", "9.45 Uhr", "kurz nach zwei Uhr", "7:04
// p.m.", "2:03 a.m. Swedish time", "at 14:30": the day it falls on is the
// reference day or the publication date.
func (s *scan) clock(i int) []match {
	if !s.hasPub {
		return nil
	}
	j := i
	prep := false
	if s.role(j, roleClockPrep) {
		j++
		prep = true
	}
	if s.role(j, roleClockApprox) {
		j++
	}
	if s.role(j, roleClockRel) {
		j++
	}
	h, _, glued, colon, ok := s.parseClock(j)
	if !ok {
		return nil
	}
	k := j + 1
	_, numWord := s.r.numbers[s.w(j)]
	switch {
	case glued:
	case s.role(k, roleClockWord):
		k++
	case s.role(k, roleClockSuffix) && !numWord && h >= 1 && h <= 12:
		k++
	case prep && colon:
	default:
		return nil
	}
	switch {
	case s.role(k, roleZone):
		k++
	case s.role(k+1, roleTimeWord):
		if s.is(k, token.Word) {
			k += 2
		}
	}
	t := s.base()
	m := dayMatch(i, k, t, kindClock)
	return one(m)
}

// merge joins expressions that name one point in time: a date and its
// clock time ("13.11., 9.45 Uhr", "zwei Uhr in der Nacht zum Montag"), a
// part of the day and its date ("am Abend des 5. August"), a weekday and
// its date ("Sonntag, 12. November").
func (s *scan) merge() {
	if len(s.out) < 2 {
		return
	}
	out := s.out[:1]
	for _, b := range s.out[1:] {
		a := &out[len(out)-1]
		if m, ok := s.join(*a, b); ok {
			*a = m
			continue
		}
		out = append(out, b)
	}
	s.out = out
}

func isDayKind(k kind) bool { return k == kindDay || k == kindDayVague }

func (s *scan) join(a, b match) (match, bool) {
	gap := s.low[a.end:b.start]
	onlyComma := true
	for _, g := range gap {
		if g != "," {
			onlyComma = false
		}
	}
	span := func(v match) match {
		v.start, v.end = a.start, b.end
		return v
	}
	switch {
	case a.kind == kindClock && isDayKind(b.kind) && onlyComma:
		return span(b), true
	case isDayKind(a.kind) && b.kind == kindClock && onlyComma:
		return span(a), true
	case a.kind == kindDay && b.daypart && len(gap) == 0:
		return span(a), true
	case a.daypart && b.kind == kindDay && (len(gap) == 0 || len(gap) == 1 && (s.r.is(gap[0], roleOf) || gap[0] == ",")):
		return span(b), true
	case a.weekday && b.kind == kindWeek && !b.day.IsZero() && (len(gap) == 0 || len(gap) == 1 && s.r.is(gap[0], roleOf)):
		// "Donnerstag dieser Woche", "Monday of next week"
		t := b.day.AddDate(0, 0, a.wd-isoWeekday(b.day))
		m := dayMatch(a.start, b.end, t, kindDay)
		return m, true
	case a.weekday && b.kind == kindDay && !b.weekday && len(gap) <= 2:
		for _, g := range gap {
			if g != "," && g != "(" && !s.r.is(g, roleDateLink) {
				return match{}, false
			}
		}
		return span(b), true
	}
	return match{}, false
}
