package timex

import (
	"fmt"
	"time"
)

// Value formats of ISO 8601 / TimeML at each granularity.

func dayValue(t time.Time) string { return t.Format("2006-01-02") }

func monthValue(y, m int) string { return fmt.Sprintf("%04d-%02d", y, m) }

func yearValue(y int) string { return fmt.Sprintf("%04d", y) }

func weekValue(t time.Time) string {
	y, w := t.ISOWeek()
	return fmt.Sprintf("%04d-W%02d", y, w)
}

func weekendValue(t time.Time) string { return weekValue(t) + "-WE" }

func seasonValue(y int, code string) string { return fmt.Sprintf("%04d-%s", y, code) }

func date(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// validDate reports whether y-m-d is a day of the calendar.
func validDate(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 || d > 31 || y < 1 || y > 9999 {
		return false
	}
	return date(y, m, d).Day() == d
}

// isoWeekday returns the ISO day number of t, 1 = Monday … 7 = Sunday.
func isoWeekday(t time.Time) int {
	wd := int(t.Weekday())
	if wd == 0 {
		return 7
	}
	return wd
}

// weekdayDate resolves a weekday against the publication date. dir < 0
// takes the most recent such day (the publication day itself when it
// matches), dir > 0 the next one (again the publication day itself when
// it matches). strict moves past the publication day: "last Sunday" on a
// Sunday is a week earlier, "next Sunday" a week later.
func weekdayDate(pub time.Time, wd, dir int, strict bool) time.Time {
	cur := isoWeekday(pub)
	if dir > 0 {
		diff := (wd - cur + 7) % 7
		if diff == 0 && strict {
			diff = 7
		}
		return pub.AddDate(0, 0, diff)
	}
	diff := (cur - wd + 7) % 7
	if diff == 0 && strict {
		diff = 7
	}
	return pub.AddDate(0, 0, -diff)
}

// cyclic picks the year of a yearly recurring position (a month, a day of
// the year, a season) nearest to the publication date. dist returns the
// signed distance of the occurrence in year y from the publication date.
// Ties go to the future when tense > 0 and to the past otherwise. A
// leaning (+1 after "für", "bis", "by"; -1 after "seit", "since") takes
// the occurrence on that side; otherwise a pure tense (only future or only
// past markers in the sentence) moves an occurrence that lies at least far
// away to its side.
func cyclic(pubYear int, dist func(y int) int, nearTense, pureTense, far, lean int) int {
	best, bestD := pubYear, dist(pubYear)
	abs := func(n int) int {
		if n < 0 {
			return -n
		}
		return n
	}
	for _, y := range []int{pubYear - 1, pubYear + 1} {
		d := dist(y)
		switch {
		case abs(d) < abs(bestD):
			best, bestD = y, d
		case abs(d) == abs(bestD) && d != bestD:
			if (nearTense > 0) == (d > 0) {
				best, bestD = y, d
			}
		}
	}
	switch {
	case lean > 0 && bestD < 0 && pureTense >= 0:
		best++
	case lean < 0 && bestD > 0:
		best--
	case lean != 0:
	case pureTense > 0 && bestD < 0 && -bestD >= far:
		best++
	case pureTense < 0 && bestD > 0 && bestD >= far:
		best--
	}
	return best
}

// monthYear returns the year of month m nearest to the publication date.
func monthYear(pub time.Time, m, nearTense, pureTense, lean int) int {
	pm := pub.Year()*12 + int(pub.Month()) - 1
	return cyclic(pub.Year(), func(y int) int { return y*12 + m - 1 - pm }, nearTense, pureTense, 3, lean)
}

// dayYear returns the year of the day m-d nearest to the publication date.
func dayYear(pub time.Time, m, d, nearTense, pureTense, lean int) int {
	return cyclic(pub.Year(), func(y int) int {
		// A 29 February outside a leap year rolls over; the distance
		// stays close enough for choosing the year.
		return int(date(y, m, d).Sub(pub).Hours() / 24)
	}, nearTense, pureTense, 90, lean)
}

// seasonIndex orders the seasons from spring.
var seasonIndex = map[string]int{"SP": 0, "SU": 1, "FA": 2, "WI": 3}

// seasonOf returns the season position (year*4 + index) of t. A winter
// belongs to the year in which it begins, in December.
func seasonOf(t time.Time) int {
	y, m := t.Year(), int(t.Month())
	switch {
	case m <= 2:
		return (y-1)*4 + 3
	case m <= 5:
		return y*4 + 0
	case m <= 8:
		return y*4 + 1
	case m <= 11:
		return y*4 + 2
	}
	return y*4 + 3
}

// seasonYear resolves a season without a year. shift -1 takes the last
// one before the current season, +1 the next one after it, 0 with
// explicit "this" the one of the current year; otherwise (nearest) the
// nearest occurrence, ties by tense.
func seasonYear(pub time.Time, code string, shift int, explicit bool, nearTense, pureTense int) int {
	idx := seasonIndex[code]
	cur := seasonOf(pub)
	cy := cur / 4
	switch {
	case explicit && shift < 0:
		y := cy
		if y*4+idx >= cur {
			y--
		}
		return y
	case explicit && shift > 0:
		y := cy
		if y*4+idx <= cur {
			y++
		}
		return y
	case explicit:
		return cy
	}
	return cyclic(cy, func(y int) int { return y*4 + idx - cur }, nearTense, pureTense, 2, 0)
}

// weekendDate returns a day in the week whose weekend is meant. Without a
// shift the weekend is the most recent one (the current one from
// Saturday on) or, with future tense, the coming one.
func weekendDate(pub time.Time, shift int, explicit bool, future bool) time.Time {
	onWeekend := isoWeekday(pub) >= 6
	switch {
	case explicit && shift < 0:
		return pub.AddDate(0, 0, -7)
	case explicit && shift > 0:
		if onWeekend {
			return pub.AddDate(0, 0, 7)
		}
		return pub
	case explicit:
		return pub
	case future || onWeekend:
		return pub
	}
	return pub.AddDate(0, 0, -7)
}

// shiftUnit moves t by n units and returns the value at that unit's
// granularity; hours and minutes give the day. ok is false for units that
// have no calendar value here.
func shiftUnit(t time.Time, u unit, n int) (string, bool) {
	switch u {
	case unitMinute, unitHour:
		// The publication time of day is unknown: minutes and hours
		// before or after it are that day.
		return dayValue(t), true
	case unitDay:
		return dayValue(t.AddDate(0, 0, n)), true
	case unitWeek:
		return weekValue(t.AddDate(0, 0, 7*n)), true
	case unitMonth:
		f := date(t.Year(), int(t.Month()), 1).AddDate(0, n, 0)
		return monthValue(f.Year(), int(f.Month())), true
	case unitYear:
		y := t.Year() + n
		if y < 1 || y > 9999 {
			return "", false
		}
		return yearValue(y), true
	}
	return "", false
}
