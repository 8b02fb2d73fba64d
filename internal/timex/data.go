package timex

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/lang"
)

// Calendar units, as named in timex_units.txt.
type unit uint8

const (
	unitNone unit = iota
	unitMinute
	unitHour
	unitDay
	unitWeek
	unitWeekend
	unitMonth
	unitYear
	unitDecade
	unitCentury
)

var unitNames = map[string]unit{
	"minute": unitMinute, "hour": unitHour, "day": unitDay, "week": unitWeek, "weekend": unitWeekend,
	"month": unitMonth, "year": unitYear, "decade": unitDecade, "century": unitCentury,
}

// Parts of the day, as named in timex_dayparts.txt.
type daypart uint8

const (
	partNone daypart = iota
	partMorning
	partNoon
	partAfternoon
	partEvening
	partNight
	partMidnight
)

var daypartNames = map[string]daypart{
	"morning": partMorning, "noon": partNoon, "afternoon": partAfternoon,
	"evening": partEvening, "night": partNight, "midnight": partMidnight,
}

// late reports whether the part of the day lies late enough that, told in
// the past without a day, it is the evening before publication.
func (p daypart) late() bool { return p >= partEvening }

// role is a set of the parts a word plays in time expressions, one bit
// per role of timex_cues.txt.
type role uint64

// Roles of the words in timex_cues.txt.
const (
	roleDayPrep role = 1 << iota
	roleDatePrep
	roleMonthPrep
	roleYearCue
	roleCountCue
	roleCountWord
	roleNotPlural
	roleNoYear
	roleSet
	roleName
	roleAgoBefore
	roleAgoAfter
	roleProspective
	roleRetrospect
	roleDurationArt
	roleIn
	roleEarlier
	roleLater
	roleFuzzy
	rolePart
	roleOf
	roleArticle
	roleThisArticle
	roleRange
	roleUntil
	roleClockWord
	roleClockPrep
	roleClockApprox
	roleClockRel
	roleClockSuffix
	roleZone
	roleTimeWord
	roleNightTo
	roleNightFrom
	roleDaypartAdj
	roleWeekendPrep
	roleDateLink
	roleDecadeSuffix
	roleNeedsCue
)

// roleNames maps the role names of timex_cues.txt to their bits.
var roleNames = map[string]role{
	"day-prep":         roleDayPrep,
	"date-prep":        roleDatePrep,
	"month-prep":       roleMonthPrep,
	"year-cue":         roleYearCue,
	"count-cue":        roleCountCue,
	"count-word":       roleCountWord,
	"not-plural":       roleNotPlural,
	"no-year":          roleNoYear,
	"set":              roleSet,
	"name":             roleName,
	"ago-before":       roleAgoBefore,
	"ago-after":        roleAgoAfter,
	"prospective":      roleProspective,
	"retrospective":    roleRetrospect,
	"duration-article": roleDurationArt,
	"in":               roleIn,
	"earlier":          roleEarlier,
	"later":            roleLater,
	"fuzzy":            roleFuzzy,
	"part":             rolePart,
	"of":               roleOf,
	"article":          roleArticle,
	"this-article":     roleThisArticle,
	"range":            roleRange,
	"until":            roleUntil,
	"clock-word":       roleClockWord,
	"clock-prep":       roleClockPrep,
	"clock-approx":     roleClockApprox,
	"clock-rel":        roleClockRel,
	"clock-suffix":     roleClockSuffix,
	"zone":             roleZone,
	"time-word":        roleTimeWord,
	"night-to":         roleNightTo,
	"night-from":       roleNightFrom,
	"daypart-adj":      roleDaypartAdj,
	"weekend-prep":     roleWeekendPrep,
	"date-link":        roleDateLink,
	"decade-suffix":    roleDecadeSuffix,
	"needs-cue":        roleNeedsCue,
}

// monthName is one entry of months.txt.
type monthName struct {
	month  int
	abbrev bool // a shortened form ("Sept", "Okt"): a date only with a day or year
}

// relDay is one entry of timex_days.txt.
type relDay struct {
	offset int
	lower  bool
}

// unitWord is one entry of timex_units.txt.
type unitWord struct {
	unit   unit
	plural bool
	// standalone words ("Vorjahr", "heuer") carry their own shift.
	standalone bool
	shift      int
}

// shiftWord is one entry of timex_shifts.txt.
type shiftWord struct {
	shift int
	ref   bool // counts from the day spoken of, not the publication date
}

// rules is the vocabulary of one language. It is read only after load.
type rules struct {
	code     string
	months   map[string]monthName // lower case, without a trailing period
	weekdays map[string]int       // lower case → ISO day number
	dayparts map[string]daypart   // lower case
	days     map[string]relDay    // lower case
	numbers  map[string]int       // lower case
	units    map[string]unitWord  // lower case
	seasons  map[string]string    // lower case → SP, SU, FA, WI
	shifts   map[string]shiftWord // lower case
	roles    map[string]role      // lower case → its roles
	tense    map[string]int       // lower case → +1 future, -1 past
	// subordinators open a clause whose tense does not carry over.
	subordinators map[string]bool
	// lexicon holds every word of the vocabulary, so that the scanner
	// tries its patterns only at tokens that can open an expression.
	lexicon map[string]bool

	capitalisedNouns bool
	dottedDates      bool
	monthDay         bool
	pluralSuffix     string
	pastSuffix       string
}

// is reports whether the lower-case word w has one of the roles ro.
func (r *rules) is(w string, ro role) bool { return r.roles[w]&ro != 0 }

// errBadData is wrapped by every error about a malformed data line.
var errBadData = errors.New("malformed timex data")

// fields splits a data line at tabs and trims each field.
func fields(line string) []string {
	f := strings.Split(line, "\t")
	for i := range f {
		f[i] = strings.TrimSpace(f[i])
	}
	return f
}

func loadRules(code string) (*rules, error) {
	r := &rules{
		code:     code,
		months:   map[string]monthName{},
		weekdays: map[string]int{},
		dayparts: map[string]daypart{},
		days:     map[string]relDay{},
		numbers:  map[string]int{},
		units:    map[string]unitWord{},
		seasons:  map[string]string{},
		shifts:   map[string]shiftWord{},
		roles:    map[string]role{},
		tense:    map[string]int{},

		subordinators: map[string]bool{},
	}
	read := func(name string, min int, each func(f []string) error) error {
		lines, err := lang.List(code, name)
		if err != nil {
			return fmt.Errorf("timex: %w", err)
		}
		for _, l := range lines {
			f := fields(l)
			if len(f) < min || f[0] == "" {
				return fmt.Errorf("timex: %s/%s: line %q: %w", code, name, l, errBadData)
			}
			if err := each(f); err != nil {
				return fmt.Errorf("timex: %s/%s: line %q: %w", code, name, l, err)
			}
		}
		return nil
	}
	atoi := func(s string) (int, error) {
		n, err := strconv.Atoi(strings.TrimPrefix(s, "+"))
		if err != nil {
			return 0, fmt.Errorf("number %q: %w", s, errBadData)
		}
		return n, nil
	}

	// Months come from the shared months.txt; a name that is the start of
	// a longer name of the same month is an abbreviation.
	byMonth := map[int][]string{}
	if err := read("months", 2, func(f []string) error {
		n, err := atoi(f[1])
		if err != nil || n < 1 || n > 12 {
			return fmt.Errorf("month %q: %w", f[1], errBadData)
		}
		byMonth[n] = append(byMonth[n], strings.ToLower(f[0]))
		return nil
	}); err != nil {
		return nil, err
	}
	for m, names := range byMonth {
		for _, a := range names {
			abbrev := false
			for _, b := range names {
				if len(b) > len(a) && strings.HasPrefix(b, a) {
					abbrev = true
				}
			}
			r.months[a] = monthName{month: m, abbrev: abbrev}
		}
	}

	if err := read("timex_weekdays", 2, func(f []string) error {
		n, err := atoi(f[1])
		if err != nil || n < 1 || n > 7 {
			return fmt.Errorf("weekday %q: %w", f[1], errBadData)
		}
		r.weekdays[strings.ToLower(f[0])] = n
		return nil
	}); err != nil {
		return nil, err
	}
	if err := read("timex_dayparts", 2, func(f []string) error {
		p, ok := daypartNames[f[1]]
		if !ok {
			return fmt.Errorf("part of day %q: %w", f[1], errBadData)
		}
		r.dayparts[strings.ToLower(f[0])] = p
		return nil
	}); err != nil {
		return nil, err
	}
	if err := read("timex_days", 2, func(f []string) error {
		n, err := atoi(f[1])
		if err != nil {
			return err
		}
		r.days[strings.ToLower(f[0])] = relDay{offset: n, lower: len(f) > 2 && f[2] == "lower"}
		return nil
	}); err != nil {
		return nil, err
	}
	if err := read("timex_numbers", 2, func(f []string) error {
		n, err := atoi(f[1])
		if err != nil {
			return err
		}
		r.numbers[strings.ToLower(f[0])] = n
		return nil
	}); err != nil {
		return nil, err
	}
	if err := read("timex_units", 3, func(f []string) error {
		u, ok := unitNames[f[1]]
		if !ok || (f[2] != "sg" && f[2] != "pl") {
			return fmt.Errorf("unit %q %q: %w", f[1], f[2], errBadData)
		}
		w := unitWord{unit: u, plural: f[2] == "pl"}
		if len(f) > 3 && f[3] != "" {
			n, err := atoi(f[3])
			if err != nil {
				return err
			}
			w.standalone, w.shift = true, n
		}
		r.units[strings.ToLower(f[0])] = w
		return nil
	}); err != nil {
		return nil, err
	}
	if err := read("timex_seasons", 2, func(f []string) error {
		switch f[1] {
		case "SP", "SU", "FA", "WI":
		default:
			return fmt.Errorf("season %q: %w", f[1], errBadData)
		}
		r.seasons[strings.ToLower(f[0])] = f[1]
		return nil
	}); err != nil {
		return nil, err
	}
	if err := read("timex_shifts", 2, func(f []string) error {
		n, err := atoi(f[1])
		if err != nil {
			return err
		}
		r.shifts[strings.ToLower(f[0])] = shiftWord{shift: n, ref: len(f) > 2 && f[2] == "ref"}
		return nil
	}); err != nil {
		return nil, err
	}
	if err := read("timex_cues", 2, func(f []string) error {
		ro, ok := roleNames[f[1]]
		if !ok {
			return fmt.Errorf("role %q: %w", f[1], errBadData)
		}
		r.roles[strings.ToLower(f[0])] |= ro
		return nil
	}); err != nil {
		return nil, err
	}
	if err := read("timex_tense", 2, func(f []string) error {
		switch f[1] {
		case "future":
			r.tense[strings.ToLower(f[0])] = 1
		case "past":
			r.tense[strings.ToLower(f[0])] = -1
		case "subordinate":
			r.subordinators[strings.ToLower(f[0])] = true
		default:
			return fmt.Errorf("tense %q: %w", f[1], errBadData)
		}
		return nil
	}); err != nil {
		return nil, err
	}
	if err := read("timex_settings", 2, func(f []string) error {
		yes := f[1] == "yes"
		suffix := f[1]
		if suffix == "-" {
			suffix = ""
		}
		switch f[0] {
		case "capitalised-nouns":
			r.capitalisedNouns = yes
		case "dotted-dates":
			r.dottedDates = yes
		case "month-day":
			r.monthDay = yes
		case "plural-suffix":
			r.pluralSuffix = suffix
		case "past-suffix":
			r.pastSuffix = suffix
		default:
			return fmt.Errorf("setting %q: %w", f[0], errBadData)
		}
		return nil
	}); err != nil {
		return nil, err
	}
	r.lexicon = map[string]bool{}
	for _, m := range []map[string]bool{keys(r.months), keys(r.weekdays), keys(r.dayparts), keys(r.days),
		keys(r.numbers), keys(r.units), keys(r.seasons), keys(r.shifts), keys(r.roles)} {
		for w := range m {
			r.lexicon[w] = true
		}
	}
	return r, nil
}

// keys returns the key set of a vocabulary map.
func keys[V any](m map[string]V) map[string]bool {
	out := make(map[string]bool, len(m))
	for k := range m {
		out[k] = true
	}
	return out
}
