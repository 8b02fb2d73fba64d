package kb

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
)

// LoadGeoNames adds the places of a GeoNames dump (the tab-separated
// "geoname" table, as in cities15000.txt) for full coverage beyond the
// built-in places. Places already known under the same name in the same
// country gain the dump's alternate names instead of a second entry. It
// returns the number of places added.
func (k *KB) LoadGeoNames(path string) (int, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, fmt.Errorf("gazetteer: %w", err)
	}
	defer f.Close()
	n, err := k.readGeoNames(f, path)
	if err != nil {
		return n, fmt.Errorf("gazetteer: %w", err)
	}
	k.index()
	return n, nil
}

// geoNamesImportance maps a population to the 1–5 importance scale of
// data/places.tsv, one step below a curated place of the same size so that
// the curated reading wins a tie.
func geoNamesImportance(pop int) int {
	switch {
	case pop >= 5_000_000:
		return 5
	case pop >= 1_000_000:
		return 4
	case pop >= 200_000:
		return 3
	case pop >= 50_000:
		return 2
	}
	return 1
}

func (k *KB) readGeoNames(r io.Reader, name string) (int, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 16*1024*1024)
	added, line := 0, 0
	for sc.Scan() {
		line++
		t := sc.Text()
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		c := strings.Split(t, "\t")
		if len(c) < 15 {
			return added, fmt.Errorf("%s:%d: %d fields, want the 19 of a GeoNames table: %w", name, line, len(c), ErrFormat)
		}
		lat, err1 := strconv.ParseFloat(c[4], 64)
		lon, err2 := strconv.ParseFloat(c[5], 64)
		pop, _ := strconv.Atoi(c[14])
		if err1 != nil || err2 != nil {
			return added, fmt.Errorf("%s:%d: bad coordinates: %w", name, line, ErrFormat)
		}
		iso3 := k.iso2[strings.ToUpper(c[8])]
		var alts []string
		for _, a := range strings.Split(c[3], ",") {
			a = strings.TrimSpace(a)
			// Codes and very long names are not how news names a place.
			if len(a) < 3 || len(a) > 40 || a == c[1] || isAcronym(a) && len(a) <= 4 {
				continue
			}
			alts = append(alts, a)
		}
		if c[2] != "" && c[2] != c[1] {
			alts = append(alts, c[2])
		}
		if known := k.knownPlace(c[1], iso3); known != nil {
			for _, a := range alts {
				if !containsString(known.Aliases, a) {
					known.Aliases = append(known.Aliases, a)
				}
			}
			continue
		}
		feature := "city"
		if strings.HasPrefix(c[7], "PPLC") {
			feature = "capital"
		}
		k.add(&Entity{
			ID: "geonames:" + c[0], Kind: KindCity, Type: TypeLOC, Name: c[1], Country: iso3, Affiliation: iso3,
			Aliases: alts, Lat: lat, Lon: lon, Feature: feature,
			Population: importanceRank(geoNamesImportance(pop)) - 1, Source: name,
		})
		added++
	}
	return added, sc.Err()
}

// knownPlace returns a place entry with this name in this country.
func (k *KB) knownPlace(name, iso3 string) *Entity {
	for _, f := range k.forms[Normalize(name)] {
		if f.Entity.Type == TypeLOC && f.Entity.Kind != KindCountry && f.Entity.Country == iso3 {
			return f.Entity
		}
	}
	return nil
}
