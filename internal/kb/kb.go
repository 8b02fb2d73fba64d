// Package kb is newsgraph's knowledge base: countries, places, international
// organisations, political actors with their offices over time, news
// agencies and outlets, and the words each language uses for them (names,
// genitives, adjectives, demonyms, government metonyms, role nouns and
// institution nouns).
//
// The facts live in data files — language-independent ones in
// internal/kb/data, language-dependent ones in lang/<code> — so that a user
// can read, correct and extend them without touching Go. A user adds
// entities at run time with LoadExtra (the --kb-extra flag) and places with
// LoadGeoNames (the --gazetteer flag).
package kb

import (
	"bufio"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"sort"
	"strconv"
	"strings"
	"time"
)

//go:embed data/*.tsv
var dataFiles embed.FS

// Entity types, as in the output contract.
const (
	TypePER  = "PER"
	TypeORG  = "ORG"
	TypeLOC  = "LOC"
	TypeMISC = "MISC"
)

// Kinds of entries, which decide how a mention is used.
const (
	KindActor       = "actor"       // a person or group with offices
	KindOrg         = "org"         // an organisation, agency or outlet
	KindCountry     = "country"     // a state
	KindCity        = "city"        // a populated place
	KindRegion      = "region"      // a region, landmark or body of water
	KindInstitution = "institution" // a state body named by description
)

// Entity is one entry of the knowledge base.
type Entity struct {
	ID   string `json:"id"`
	Kind string `json:"kind"`
	Type string `json:"type"`
	// Name is the canonical name in its usual English Latin spelling.
	Name string `json:"name"`
	// Country is the ISO3 code of the entity's country, or "".
	Country string `json:"country,omitempty"`
	// Affiliation is the actor key the entity acts for in events: an ISO3
	// code or an organisation key such as UNO or EU.
	Affiliation string `json:"affiliation,omitempty"`
	// CAMEO is the CAMEO actor code, e.g. USAGOV or IGOUNO.
	CAMEO   string   `json:"cameo,omitempty"`
	Aliases []string `json:"aliases,omitempty"`
	Roles   []Role   `json:"roles,omitempty"`
	// Lat, Lon and Feature are set for places.
	Lat     float64 `json:"lat,omitempty"`
	Lon     float64 `json:"lon,omitempty"`
	Feature string  `json:"feature,omitempty"`
	// Population ranks places of the same name; larger wins.
	Population int `json:"population,omitempty"`
	// Source says which data file or loader the entry came from.
	Source string `json:"source"`
}

// listRankBase is the Population rank of the largest city of a country in
// the bulk city list; smaller cities count down from it, and curated places
// (data/places.tsv, a GeoNames dump) rank above it by importance.
const listRankBase = 100000

// Curated reports whether a place comes from the curated places or a
// gazetteer, not from the long tail of the bulk city list.
func (e *Entity) Curated() bool { return e.Population >= listRankBase }

// AmongLargest reports whether a place is a curated one or among the n
// largest cities of its country in the bulk list.
func (e *Entity) AmongLargest(n int) bool { return e.Population >= listRankBase-n }

// Role is an office held for a time: head_of_state of USA from 2017-01-20
// to 2021-01-20. From and To are ISO dates of day, month or year precision;
// an empty To means the office is still held.
type Role struct {
	Role string `json:"role"`
	Key  string `json:"key"`
	From string `json:"from,omitempty"`
	To   string `json:"to,omitempty"`
}

// ActiveOn reports whether the role was held on date (YYYY-MM-DD). A role
// whose dates are given at month or year precision counts for the whole
// month or year, because news names the office holder of that period.
func (r Role) ActiveOn(date string) bool {
	if date == "" {
		return r.To == ""
	}
	if r.From != "" && date < r.From {
		return false
	}
	if r.To != "" {
		to := r.To
		switch len(to) {
		case 4:
			to += "-12-31"
		case 7:
			to += "-31"
		}
		if date > to {
			return false
		}
	}
	return true
}

// ErrFormat is returned for a data file line that does not parse.
var ErrFormat = errors.New("bad data line")

// readTSV calls fn for every non-comment, non-blank line of r, split at
// tabs, with its line number. Lines with fewer than min fields are errors.
func readTSV(r io.Reader, name string, min int, fn func(line int, f []string) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 4*1024*1024)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		for i := range f {
			f[i] = strings.TrimSpace(f[i])
		}
		if len(f) < min {
			return fmt.Errorf("%s:%d: %d fields, want %d: %w", name, n, len(f), min, ErrFormat)
		}
		if err := fn(n, f); err != nil {
			return fmt.Errorf("%s:%d: %w", name, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

func splitList(s string) []string {
	if s == "" {
		return nil
	}
	var out []string
	for _, p := range strings.Split(s, "|") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// parseRoles reads "head_of_state@USA:2017-01-20:2021-01-20;…".
func parseRoles(s string) ([]Role, error) {
	var out []Role
	for _, part := range strings.Split(s, ";") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		role, rest, ok := strings.Cut(part, "@")
		if !ok {
			return nil, fmt.Errorf("role %q: want role@KEY:FROM:TO: %w", part, ErrFormat)
		}
		f := strings.Split(rest, ":")
		for len(f) < 3 {
			f = append(f, "")
		}
		r := Role{Role: role, Key: strings.ToUpper(f[0]), From: f[1], To: f[2]}
		for _, d := range []string{r.From, r.To} {
			if d != "" && !validDate(d) {
				return nil, fmt.Errorf("role %q: date %q: %w", part, d, ErrFormat)
			}
		}
		out = append(out, r)
	}
	return out, nil
}

func validDate(d string) bool {
	for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
		if len(d) == len(layout) {
			if _, err := time.Parse(layout, d); err == nil {
				return true
			}
		}
	}
	return false
}

func parseFloat(s string) (float64, error) {
	if s == "" {
		return 0, nil
	}
	return strconv.ParseFloat(s, 64)
}

func embeddedFiles(prefix string) ([]string, error) {
	entries, err := fs.ReadDir(dataFiles, "data")
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), prefix) && strings.HasSuffix(e.Name(), ".tsv") {
			out = append(out, "data/"+e.Name())
		}
	}
	sort.Strings(out)
	return out, nil
}
