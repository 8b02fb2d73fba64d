// Package article finds the structure of a news article in its plain text:
// paragraphs and their kinds (body, caption, subheading, credit, byline,
// title), the dateline with its places, agencies and date, the byline, and
// the picture credit and picture id of photo captions.
//
// Wire copy carries this structure in conventions rather than markup
// ("Hanoi/Da Nang (Reuters) -", "REUTERS/Kevin Lamarque - RC1A54027780",
// "Mit Material von dpa"), so the parser works from those conventions, with
// the words of each language read from lang/<code>/*.txt.
package article

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/internal/analysis"
	"github.com/newsgraph/newsgraph/lang"
)

// Options configures a Parser.
type Options struct {
	// Languages whose data (agencies, byline and credit openings, months,
	// photo labels) the parser uses; conventions of all of them are
	// recognised in every article, since wire copy mixes them.
	Languages []string
	// MaxSubheadingWords is the longest paragraph, in words, that may be a
	// subheading or a title.
	MaxSubheadingWords int
}

// DefaultOptions returns the settings for German and English news.
func DefaultOptions() Options {
	return Options{Languages: []string{"de", "en"}, MaxSubheadingWords: 12}
}

// Hints are facts about the structure that the input format already gave.
type Hints struct {
	// Headings are paragraph texts that the source marked as headings.
	Headings []string
	// HasTitle is true when the title came from metadata, so that the first
	// paragraph is not taken for a title.
	HasTitle bool
}

// Structure is what Parse finds. Offsets are code points of the parsed text.
type Structure struct {
	Dateline   *analysis.Dateline
	Byline     *analysis.Span
	Title      *analysis.Span
	Paragraphs []analysis.Paragraph
	// Credits holds, for each paragraph, the byte range of a trailing
	// picture credit (with its picture id) that is not part of the
	// paragraph's own sentences, or [0,0] when there is none.
	Credits [][2]int
	// Bytes holds each paragraph's byte range in the text.
	Bytes [][2]int
}

// Parser finds article structure. It is immutable and safe for concurrent use.
type Parser struct {
	opts           Options
	agencies       map[string]bool // lower-cased
	bylinePrefix   []string
	creditPrefix   []string // lower-cased
	photoLabels    map[string]bool
	qualifiers     map[string]bool // "Main" in "Frankfurt/Main"
	months         map[string]int  // lower-cased
	datelineAgency *regexp.Regexp
	datelineCaps   *regexp.Regexp
	pictureID      *regexp.Regexp
	parenCredit    *regexp.Regexp
}

// New loads the language data for opts.Languages.
func New(opts Options) (*Parser, error) {
	if len(opts.Languages) == 0 {
		opts.Languages = DefaultOptions().Languages
	}
	if opts.MaxSubheadingWords <= 0 {
		opts.MaxSubheadingWords = DefaultOptions().MaxSubheadingWords
	}
	p := &Parser{
		opts:        opts,
		agencies:    map[string]bool{},
		photoLabels: map[string]bool{},
		qualifiers:  map[string]bool{},
		months:      map[string]int{},
	}
	for _, code := range opts.Languages {
		ag, err := lang.List(code, "agencies")
		if err != nil {
			return nil, fmt.Errorf("article: %w", err)
		}
		for _, a := range ag {
			p.agencies[strings.ToLower(a)] = true
		}
		bp, err := lang.List(code, "byline_prefixes")
		if err != nil {
			return nil, fmt.Errorf("article: %w", err)
		}
		p.bylinePrefix = append(p.bylinePrefix, bp...)
		cp, err := lang.List(code, "credit_prefixes")
		if err != nil {
			return nil, fmt.Errorf("article: %w", err)
		}
		for _, c := range cp {
			p.creditPrefix = append(p.creditPrefix, strings.ToLower(c))
		}
		pl, err := lang.List(code, "photo_labels")
		if err != nil {
			return nil, fmt.Errorf("article: %w", err)
		}
		for _, l := range pl {
			p.photoLabels[strings.ToLower(l)] = true
		}
		if qs, err := lang.List(code, "place_qualifiers"); err == nil {
			for _, q := range qs {
				p.qualifiers[q] = true
			}
		}
		ms, err := lang.List(code, "months")
		if err != nil {
			return nil, fmt.Errorf("article: %w", err)
		}
		for _, line := range ms {
			name, num, ok := strings.Cut(line, "\t")
			n, err := strconv.Atoi(strings.TrimSpace(num))
			if !ok || err != nil || n < 1 || n > 12 {
				return nil, fmt.Errorf("article: lang %s/months: bad line %q", code, line)
			}
			p.months[strings.ToLower(strings.TrimSpace(name))] = n
		}
	}
	place := `\p{Lu}[\p{L}\p{M}.'’\-]*(?: [\p{Lu}a-zäöü][\p{L}\p{M}.'’\-]*){0,3}`
	places := place + `(?:\s*/\s*` + place + `)*`
	capsPlace := `\p{Lu}[\p{Lu}\p{M}.'’\-]+(?: [\p{Lu}][\p{Lu}\p{M}.'’\-]*){0,3}`
	capsPlaces := capsPlace + `(?:\s*/\s*` + capsPlace + `)*`
	p.datelineAgency = regexp.MustCompile(`^(` + places + `)(?:,\s*([^()\n]{1,40}?))?\s*\(([^()\n]{1,60})\)\s*(?:--|-|–|—|•|\|)\s*`)
	p.datelineCaps = regexp.MustCompile(`^(` + capsPlaces + `)(?:,\s*([^()\n•—–]{1,40}?))?\s+(?:--|-|–|—|•|\|)\s+`)
	p.pictureID = regexp.MustCompile(`\s[-–]\s*([A-Z]{1,6}[0-9][A-Z0-9]{5,})\s*$`)
	p.parenCredit = regexp.MustCompile(`\(([^()\n]{2,120})\)\s*$`)
	return p, nil
}

// Parse finds the structure of text.
func (p *Parser) Parse(text string, hints Hints) Structure {
	blocks := splitParagraphs(text)
	conv := newOffsets(text)
	s := Structure{
		Paragraphs: make([]analysis.Paragraph, len(blocks)),
		Credits:    make([][2]int, len(blocks)),
		Bytes:      blocks,
	}
	headings := map[string]bool{}
	for _, h := range hints.Headings {
		headings[strings.Join(strings.Fields(h), " ")] = true
	}
	span := func(b0, b1 int) analysis.Span {
		return analysis.Span{Text: text[b0:b1], Start: conv.rune(b0), End: conv.rune(b1)}
	}
	firstBody := -1
	for i, b := range blocks {
		par := text[b[0]:b[1]]
		kind := analysis.KindBody
		switch {
		case headings[strings.Join(strings.Fields(par), " ")]:
			kind = analysis.KindSubheading
		case p.isByline(par):
			kind = analysis.KindByline
			if s.Byline == nil {
				sp := span(b[0], b[1])
				s.Byline = &sp
			}
		case p.isCreditLine(par):
			kind = analysis.KindCredit
		default:
			if seg, c0, c1, id0, ok := p.captionCredit(par); ok {
				if strings.TrimSpace(par[:seg]) == "" {
					kind = analysis.KindCredit
				} else {
					kind = analysis.KindCaption
					cs := span(b[0]+c0, b[0]+c1)
					s.Paragraphs[i].Credit = &cs
					if id0 >= 0 {
						ids := span(b[0]+id0, b[1])
						s.Paragraphs[i].PictureID = &ids
					}
					s.Credits[i] = [2]int{b[0] + seg, b[1]}
				}
			} else if p.isSubheading(par, i, len(blocks)) {
				kind = analysis.KindSubheading
			} else if i == 0 && len(blocks) > 1 && !hints.HasTitle && p.isTitle(par) && p.dateline(par) == nil {
				kind = analysis.KindTitle
				sp := span(b[0], b[1])
				s.Title = &sp
			}
		}
		s.Paragraphs[i].Kind = kind
		s.Paragraphs[i].Start = conv.rune(b[0])
		s.Paragraphs[i].End = conv.rune(b[1])
		if kind == analysis.KindBody && firstBody < 0 {
			firstBody = i
		}
	}
	if firstBody >= 0 {
		b := blocks[firstBody]
		if m := p.dateline(text[b[0]:b[1]]); m != nil {
			dl := &analysis.Dateline{Span: span(b[0]+m.start, b[0]+m.end)}
			for _, pl := range m.places {
				dl.Places = append(dl.Places, span(b[0]+pl[0], b[0]+pl[1]))
			}
			for _, ag := range m.agencies {
				dl.Agencies = append(dl.Agencies, span(b[0]+ag[0], b[0]+ag[1]))
			}
			if m.date[1] > m.date[0] {
				ds := span(b[0]+m.date[0], b[0]+m.date[1])
				dl.Date = &ds
			}
			s.Dateline = dl
		}
	}
	return s
}

// splitParagraphs returns the byte ranges of the paragraphs of text, trimmed
// of white space. Blank lines separate paragraphs; a text without any blank
// line but with several lines takes each line as a paragraph, as scraped
// text often does.
func splitParagraphs(text string) [][2]int {
	var out [][2]int
	blank := strings.Contains(text, "\n\n") || hasBlankLine(text)
	start := 0
	emit := func(a, b int) {
		for a < b {
			r, n := utf8.DecodeRuneInString(text[a:])
			if !unicode.IsSpace(r) {
				break
			}
			a += n
		}
		for b > a {
			r, n := utf8.DecodeLastRuneInString(text[a:b])
			if !unicode.IsSpace(r) {
				break
			}
			b -= n
		}
		if b > a {
			out = append(out, [2]int{a, b})
		}
	}
	i := 0
	for i < len(text) {
		nl := strings.IndexByte(text[i:], '\n')
		if nl < 0 {
			break
		}
		lineEnd := i + nl
		if !blank {
			emit(start, lineEnd)
			start = lineEnd + 1
			i = lineEnd + 1
			continue
		}
		// A blank line: the next line holds only white space.
		j := lineEnd + 1
		k := j
		for k < len(text) && (text[k] == ' ' || text[k] == '\t' || text[k] == '\r' || text[k] == '\f') {
			k++
		}
		if k >= len(text) || text[k] == '\n' {
			emit(start, lineEnd)
			start = k
			i = k
			if i < len(text) {
				i++ // skip the blank line's own newline, further ones are trimmed
			}
			continue
		}
		i = j
	}
	emit(start, len(text))
	return out
}

func hasBlankLine(text string) bool {
	for i := 0; i < len(text); i++ {
		if text[i] != '\n' {
			continue
		}
		j := i + 1
		for j < len(text) && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r') {
			j++
		}
		if j < len(text) && text[j] == '\n' {
			return true
		}
	}
	return false
}

// wordCount counts white-space separated words without allocating.
func wordCount(s string) int {
	n := 0
	in := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			in = false
		} else if !in {
			in = true
			n++
		}
	}
	return n
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(strings.TrimSpace(s))
	return r
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// isByline accepts "Von Anna Beispiel und Bernd Muster, Berlin" and "By Jane
// Example, Reuters": an opening word followed only by capitalised names,
// connectors and commas.
func (p *Parser) isByline(par string) bool {
	// Too long, or a question, exclamation or quotation that does not end
	// like a byline.
	if !wordsAtMost(par, 14) || strings.ContainsAny(par, "!?\"“„") && !strings.HasSuffix(strings.TrimSpace(par), ".") {
		return false
	}
	for _, pre := range p.bylinePrefix {
		if !strings.HasPrefix(par, pre+" ") {
			continue
		}
		rest := strings.TrimSuffix(strings.TrimSpace(par[len(pre):]), ".")
		words := strings.Fields(strings.NewReplacer(",", " , ", ";", " , ").Replace(rest))
		if len(words) == 0 || !unicode.IsUpper(firstRune(words[0])) {
			return false
		}
		names := 0
		for _, w := range words {
			switch {
			case w == "," || w == "und" || w == "and" || w == "&" || w == "von" || w == "van" || w == "de" || w == "der" || w == "zu" || w == "del" || w == "da" || w == "al":
			case unicode.IsUpper(firstRune(w)):
				names++
			default:
				return false
			}
		}
		return names >= 1
	}
	return false
}

// isCreditLine accepts tails such as "Mit Material von dpa und AFP",
// "(Reporting by …; Editing by …)" and "(dpa/jb)".
func (p *Parser) isCreditLine(par string) bool {
	if !wordsAtMost(par, 40) {
		return false
	}
	t := strings.TrimSpace(par)
	inner := strings.TrimPrefix(t, "(")
	low := strings.ToLower(inner)
	for _, pre := range p.creditPrefix {
		if strings.HasPrefix(low, pre) {
			return true
		}
	}
	// "(dpa)", "(dpa/jb)", "(AFP/Reuters)": agencies and author initials.
	if strings.HasPrefix(t, "(") && strings.HasSuffix(t, ")") && len(t) <= 40 {
		parts := strings.FieldsFunc(t[1:len(t)-1], func(r rune) bool { return r == '/' || r == ',' || r == ' ' })
		if len(parts) == 0 {
			return false
		}
		known := false
		for _, part := range parts {
			switch {
			case p.agencies[strings.ToLower(part)]:
				known = true
			case len(part) <= 4 && isLower(part):
			default:
				return false
			}
		}
		return known
	}
	return false
}

func isLower(s string) bool {
	for _, r := range s {
		if !unicode.IsLower(r) {
			return false
		}
	}
	return true
}

// captionCredit finds a picture credit at the end of a paragraph. It returns
// where the credit segment starts (with its label or parenthesis), the byte
// range of the credit text proper, and the start of the picture id or -1.
func (p *Parser) captionCredit(par string) (seg, c0, c1, id0 int, ok bool) {
	if !wordsAtMost(par, 120) {
		return 0, 0, 0, -1, false
	}
	end := len(par)
	id0 = -1
	// The patterns are anchored at the end: match them on the tail only.
	tail := tailStart(par, maxCreditBytes)
	if m := p.pictureID.FindStringSubmatchIndex(par[tail:]); m != nil {
		id0 = tail + m[2]
		end = tail + m[0]
	}
	body := strings.TrimRight(par[:end], " ")
	end = len(body)
	// "(AP Photo/John Smith)", "(Foto: Max Mustermann/dpa)"
	tail = tailStart(body, maxCreditBytes)
	if m := p.parenCredit.FindStringSubmatchIndex(body[tail:]); m != nil && tail+m[1] == end {
		inner := body[tail+m[2] : tail+m[3]]
		if a, b, ok := p.creditText(inner); ok {
			return tail + m[0], tail + m[2] + a, tail + m[2] + b, id0, true
		}
	}
	// A credit after the caption's last sentence: "… 2017. REUTERS/Kevin
	// Lamarque, KCNA/Handout via REUTERS/File Photos".
	// A credit is short: look only at the paragraph's tail.
	start := 0
	if end > maxCreditBytes {
		start = end - maxCreditBytes
		for start < end && body[start] != ' ' {
			start++
		}
	}
	for start < end {
		cand := start
		if cand == 0 || precededBySentenceEnd(body[:cand]) {
			if a, b, ok := p.creditText(body[cand:end]); ok {
				return cand, cand + a, cand + b, id0, true
			}
		}
		next := strings.IndexAny(body[start:end], " \t")
		if next < 0 {
			break
		}
		start += next + 1
	}
	if id0 > 0 {
		return id0, id0, len(par), id0, true
	}
	return 0, 0, 0, -1, false
}

// tailStart returns a byte offset at most n bytes before the end of s, on
// a rune boundary.
func tailStart(s string, n int) int {
	if len(s) <= n {
		return 0
	}
	i := len(s) - n
	for i < len(s) && !utf8.RuneStart(s[i]) {
		i++
	}
	return i
}

// wordsAtMost reports whether s has at most n words, stopping early.
func wordsAtMost(s string, n int) bool {
	words := 0
	in := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == ' ' || c == '\n' || c == '\t' {
			in = false
		} else if !in {
			in = true
			words++
			if words > n {
				return false
			}
		}
	}
	return true
}

// maxCreditBytes bounds the tail of a caption searched for a credit.
const maxCreditBytes = 240

func precededBySentenceEnd(s string) bool {
	s = strings.TrimRight(s, " \t")
	if s == "" {
		return true
	}
	switch lastRune(s) {
	case '.', '!', '?', '”', '“', '"', '«', '»', ')', '|', '-', '–', '—', ':':
		return true
	}
	return false
}

// creditText decides whether s (the whole tail of a caption) is a picture
// credit and returns the range of the credit proper (without a label such
// as "Foto:").
func (p *Parser) creditText(s string) (int, int, bool) {
	t := strings.TrimRight(s, " .")
	if t == "" || len(t) > 200 || strings.Contains(t, ". ") {
		return 0, 0, false
	}
	// "Foto: dpa", "Picture: Getty Images"
	if label, rest, ok := strings.Cut(t, ":"); ok && p.photoLabels[strings.ToLower(strings.TrimSpace(label))] && !strings.Contains(label, " ") {
		rest = strings.TrimSpace(rest)
		if rest == "" {
			return 0, 0, false
		}
		a := strings.Index(t, rest)
		return a, a + len(rest), true
	}
	// "REUTERS/Kevin Lamarque", "AP Photo/John Smith", "KCNA via REUTERS"
	first := t
	if i := strings.IndexAny(t, "/"); i > 0 {
		first = t[:i]
	} else {
		return 0, 0, false
	}
	first = strings.TrimSpace(first)
	if strings.HasSuffix(first, " Photo") || strings.HasSuffix(first, " Images") {
		first = strings.TrimSpace(first[:strings.LastIndex(first, " ")])
	}
	if p.isAgencyName(first) || isAllCaps(first) && utf8.RuneCountInString(first) >= 2 && !strings.Contains(first, " ") {
		return 0, len(t), true
	}
	return 0, 0, false
}

func (p *Parser) isAgencyName(s string) bool {
	return p.agencies[strings.ToLower(strings.TrimSpace(s))]
}

func isAllCaps(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters > 0
}

func (p *Parser) isSubheading(par string, i, n int) bool {
	if i == 0 || i == n-1 {
		return false
	}
	if len(par) > 120 {
		return false
	}
	wc := wordCount(par)
	if wc == 0 || wc > p.opts.MaxSubheadingWords || strings.Contains(par, "\n") {
		return false
	}
	if !unicode.IsUpper(firstRune(par)) && !unicode.IsDigit(firstRune(par)) {
		return false
	}
	switch lastRune(par) {
	case '.', '!', ',', ';', '"', '“', '”', '»', '«', '…', ')', '-', '–', '—':
		return false
	}
	letters := 0
	for _, r := range par {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	if isAllCaps(par) && letters >= 4 {
		return true
	}
	return wc <= 8 && lastRune(par) != ':'
}

func (p *Parser) isTitle(par string) bool {
	if len(par) > 250 {
		return false
	}
	wc := wordCount(par)
	if wc == 0 || wc > 20 || strings.Contains(par, "\n") {
		return false
	}
	switch lastRune(par) {
	case '.', ',', ';':
		return false
	}
	return unicode.IsUpper(firstRune(par)) || unicode.IsDigit(firstRune(par))
}

type datelineMatch struct {
	start, end int
	places     [][2]int
	agencies   [][2]int
	date       [2]int
}

// dateline matches the opening of a body paragraph against the dateline
// forms of wire copy and returns byte ranges within par.
func (p *Parser) dateline(par string) *datelineMatch {
	head := par
	if len(head) > 200 {
		head = head[:200]
	}
	if m := p.datelineAgency.FindStringSubmatchIndex(head); m != nil {
		agencies, ok := p.agencyList(head, m[6], m[7])
		if ok && p.plausiblePlaces(head[m[2]:m[3]]) && p.plausibleDate(head, m[4], m[5]) {
			d := &datelineMatch{start: 0, end: m[1], agencies: agencies}
			d.places = p.joinQualified(head, splitPlaces(head, m[2], m[3]))
			if m[4] >= 0 {
				d.date = [2]int{m[4], m[5]}
			}
			d.end = trimEnd(head, m[1])
			return d
		}
	}
	if m := p.datelineCaps.FindStringSubmatchIndex(head); m != nil {
		if p.plausibleDate(head, m[4], m[5]) && p.plausiblePlaces(head[m[2]:m[3]]) {
			d := &datelineMatch{start: 0, end: trimEnd(head, m[1])}
			d.places = p.joinQualified(head, splitPlaces(head, m[2], m[3]))
			if m[4] >= 0 {
				d.date = [2]int{m[4], m[5]}
			}
			return d
		}
	}
	return nil
}

// trimEnd drops white space before end so that a dateline span ends at its
// separator, not at the next word.
func trimEnd(s string, end int) int {
	for end > 0 && (s[end-1] == ' ' || s[end-1] == '\t') {
		end--
	}
	return end
}

func (p *Parser) plausiblePlaces(s string) bool {
	for _, part := range strings.Split(s, "/") {
		if wc := wordCount(part); wc == 0 || wc > 4 {
			return false
		}
	}
	// A dateline place is not a sentence opening such as "Die Regierung".
	return !strings.ContainsAny(s, ",;:")
}

// plausibleDate accepts an empty date or one that names a month or is
// numeric ("24. Februar", "Nov 3", "3.11.2017").
func (p *Parser) plausibleDate(s string, a, b int) bool {
	if a < 0 {
		return true
	}
	d := s[a:b]
	for _, w := range strings.FieldsFunc(d, func(r rune) bool { return r == ' ' || r == '.' || r == ',' }) {
		if _, ok := p.months[strings.ToLower(w)]; ok {
			return true
		}
	}
	digits := 0
	for _, r := range d {
		if unicode.IsDigit(r) {
			digits++
		} else if r != '.' && r != '/' && r != '-' && r != ' ' {
			return false
		}
	}
	return digits > 0
}

// joinQualified keeps "Frankfurt/Main" and "Halle/Saale" as one place: a
// part that is a river or region qualifier belongs to the place before it.
func (p *Parser) joinQualified(s string, places [][2]int) [][2]int {
	out := places[:0:0]
	for _, pl := range places {
		if len(out) > 0 && p.qualifiers[s[pl[0]:pl[1]]] {
			out[len(out)-1][1] = pl[1]
			continue
		}
		out = append(out, pl)
	}
	return out
}

func splitPlaces(s string, a, b int) [][2]int {
	var out [][2]int
	start := a
	for i := a; i <= b; i++ {
		if i == b || s[i] == '/' {
			x, y := start, i
			for x < y && s[x] == ' ' {
				x++
			}
			for y > x && s[y-1] == ' ' {
				y--
			}
			if y > x {
				out = append(out, [2]int{x, y})
			}
			start = i + 1
		}
	}
	return out
}

// agencyList splits "(dpa/AFP)" into agencies and accepts it when at least
// one part is a known agency and the others look like agency codes.
func (p *Parser) agencyList(s string, a, b int) ([][2]int, bool) {
	var out [][2]int
	known := false
	start := a
	for i := a; i <= b; i++ {
		if i == b || s[i] == '/' || s[i] == ',' {
			x, y := start, i
			for x < y && s[x] == ' ' {
				x++
			}
			for y > x && s[y-1] == ' ' {
				y--
			}
			start = i + 1
			if y <= x {
				continue
			}
			part := s[x:y]
			base, _, _ := strings.Cut(part, "-")
			switch {
			case p.isAgencyName(part) || p.isAgencyName(base):
				known = true
			case len(part) <= 12 && !strings.Contains(part, " "):
			default:
				return nil, false
			}
			out = append(out, [2]int{x, y})
		}
	}
	return out, known && len(out) > 0
}

// Month returns the number of a month name or abbreviation of any loaded
// language, or 0.
func (p *Parser) Month(name string) int {
	return p.months[strings.ToLower(strings.TrimSuffix(name, "."))]
}
