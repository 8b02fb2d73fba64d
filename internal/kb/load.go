package kb

import (
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
)

// Options configures Load.
type Options struct {
	// Languages whose name forms are loaded from lang/<code>.
	Languages []string
	// Cities adds the populated places of github.com/tidwall/cities.
	Cities bool
}

// DefaultOptions returns German and English with the built-in cities.
func DefaultOptions() Options {
	return Options{Languages: []string{"de", "en"}, Cities: true}
}

// Load builds the knowledge base from the embedded data.
func Load(opts Options) (*KB, error) {
	if len(opts.Languages) == 0 {
		opts.Languages = DefaultOptions().Languages
	}
	k := newKB()
	if err := k.loadCountries(); err != nil {
		return nil, err
	}
	if err := k.loadCountryAliases(); err != nil {
		return nil, err
	}
	if err := k.loadNameOrder(); err != nil {
		return nil, err
	}
	if err := k.loadDefinite(); err != nil {
		return nil, err
	}
	files, err := embeddedFiles("orgs")
	if err != nil {
		return nil, fmt.Errorf("kb: %w", err)
	}
	misc, err := embeddedFiles("misc")
	if err != nil {
		return nil, fmt.Errorf("kb: %w", err)
	}
	for _, name := range append(files, misc...) {
		if err := k.loadOrgs(name); err != nil {
			return nil, err
		}
	}
	files, err = embeddedFiles("actors")
	if err != nil {
		return nil, fmt.Errorf("kb: %w", err)
	}
	for _, name := range files {
		f, err := dataFiles.Open(name)
		if err != nil {
			return nil, fmt.Errorf("kb: %w", err)
		}
		err = k.readActors(f, name)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("kb: %w", err)
		}
	}
	if opts.Cities {
		k.loadCities()
	}
	if err := k.loadPlaces(); err != nil {
		return nil, err
	}
	for _, code := range opts.Languages {
		if err := k.loadLanguage(code); err != nil {
			return nil, err
		}
	}
	k.index()
	return k, nil
}

// LoadExtra adds actors from a file in the format of data/actors_*.tsv
// (id, type, country, affiliation, cameo_type, name, aliases, roles), so
// that users can add entities without recompiling.
func (k *KB) LoadExtra(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("kb extra: %w", err)
	}
	defer f.Close()
	if err := k.readActors(f, path); err != nil {
		return fmt.Errorf("kb extra: %w", err)
	}
	k.index()
	return nil
}

func (k *KB) loadCountries() error {
	const name = "data/countries.tsv"
	f, err := dataFiles.Open(name)
	if err != nil {
		return fmt.Errorf("kb: %w", err)
	}
	defer f.Close()
	// iso3 iso2 fips cameo name_en capital_en lat lon
	return readTSV(f, name, 8, func(_ int, c []string) error {
		lat, err1 := parseFloat(c[6])
		lon, err2 := parseFloat(c[7])
		if err1 != nil || err2 != nil || len(c[0]) != 3 {
			return fmt.Errorf("country %q: %w", c[0], ErrFormat)
		}
		e := &Entity{
			ID: "country:" + c[0], Kind: KindCountry, Type: TypeLOC, Name: c[4], Country: c[0],
			Affiliation: c[0], CAMEO: c[3], Lat: lat, Lon: lon, Feature: "country", Source: name,
		}
		k.add(e)
		k.iso2[strings.ToUpper(c[1])] = c[0]
		k.fips[c[0]] = c[2]
		return nil
	})
}

func (k *KB) loadCountryAliases() error {
	const name = "data/country_aliases.tsv"
	f, err := dataFiles.Open(name)
	if err != nil {
		return fmt.Errorf("kb: %w", err)
	}
	defer f.Close()
	return readTSV(f, name, 2, func(_ int, c []string) error {
		if k.Country(c[1]) == nil {
			return fmt.Errorf("unknown country %q: %w", c[1], ErrFormat)
		}
		k.countryAlias[strings.ToLower(c[0])] = strings.ToUpper(c[1])
		return nil
	})
}

func (k *KB) loadNameOrder() error {
	const name = "data/name_order.tsv"
	f, err := dataFiles.Open(name)
	if err != nil {
		return fmt.Errorf("kb: %w", err)
	}
	defer f.Close()
	return readTSV(f, name, 2, func(_ int, c []string) error {
		if c[1] == "family-first" {
			k.familyFirst[strings.ToUpper(c[0])] = true
		}
		return nil
	})
}

func (k *KB) loadDefinite() error {
	const name = "data/definite_names.tsv"
	f, err := dataFiles.Open(name)
	if err != nil {
		return fmt.Errorf("kb: %w", err)
	}
	defer f.Close()
	return readTSV(f, name, 1, func(_ int, c []string) error {
		k.definite[strings.ToUpper(c[0])] = true
		return nil
	})
}

// PhraseName returns a country's English name as it stands inside a
// phrase: "the United States", "Germany".
func (k *KB) PhraseName(iso3 string) string {
	c := k.Country(iso3)
	if c == nil {
		return iso3
	}
	if k.definite[c.Country] {
		return "the " + c.Name
	}
	return c.Name
}

// FamilyNameFirst reports whether people of a country are referred to by
// the first word of their name ("Kim" for Kim Jong Un).
func (k *KB) FamilyNameFirst(iso3 string) bool { return k.familyFirst[iso3] }

func (k *KB) loadOrgs(name string) error {
	f, err := dataFiles.Open(name)
	if err != nil {
		return fmt.Errorf("kb: %w", err)
	}
	defer f.Close()
	// key type country affiliation cameo name aliases
	return readTSV(f, name, 6, func(_ int, c []string) error {
		for len(c) < 7 {
			c = append(c, "")
		}
		typ := c[1]
		if typ == "" {
			typ = TypeORG
		}
		e := &Entity{
			ID: "org:" + c[0], Kind: KindOrg, Type: typ, Country: strings.ToUpper(c[2]),
			Affiliation: strings.ToUpper(c[3]), CAMEO: c[4], Name: c[5], Aliases: splitList(c[6]), Source: name,
		}
		if e.Name == "" {
			return fmt.Errorf("org %q has no name: %w", c[0], ErrFormat)
		}
		k.add(e)
		return nil
	})
}

func (k *KB) readActors(r io.Reader, name string) error {
	// id type country affiliation cameo_type name aliases roles
	return readTSV(r, name, 6, func(_ int, c []string) error {
		for len(c) < 8 {
			c = append(c, "")
		}
		roles, err := parseRoles(c[7])
		if err != nil {
			return err
		}
		typ := strings.ToUpper(c[1])
		switch typ {
		case TypePER, TypeORG, TypeMISC, TypeLOC:
		default:
			return fmt.Errorf("actor %q: type %q: %w", c[0], c[1], ErrFormat)
		}
		e := &Entity{
			ID: "actor:" + c[0], Kind: KindActor, Type: typ, Country: strings.ToUpper(c[2]),
			Affiliation: strings.ToUpper(c[3]), Name: c[5], Aliases: splitList(c[6]), Roles: roles, Source: name,
		}
		if e.Affiliation == "" {
			e.Affiliation = e.Country
		}
		if t := strings.ToUpper(c[4]); t != "" {
			e.CAMEO = cameoCode(e.Affiliation, t)
		}
		if e.Name == "" {
			return fmt.Errorf("actor %q has no name: %w", c[0], ErrFormat)
		}
		k.add(e)
		return nil
	})
}

// cameoCode joins an actor key and a CAMEO role: USA+GOV → USAGOV; an
// organisation key gives IGO codes (UNO+IGO → IGOUNO).
func cameoCode(key, typ string) string {
	if len(key) == 3 && key != "UNO" && key != "ICC" && key != "IMF" && key != "WHO" && key != "WBK" && key != "ARL" {
		return key + typ
	}
	if typ == "IGO" || typ == "GOV" {
		return "IGO" + key
	}
	return "IGO" + key + typ
}

// importanceRank turns a place's importance (1–5) into the Population rank
// used to choose between places of one name, above every city of the
// bulk city list.
func importanceRank(imp int) int { return listRankBase + imp*10000 }

// loadPlaces reads data/places.tsv: English names of capitals, large
// cities, regions, landmarks and waters. A place that the city list has
// under a local name ("Ha Noi", "Wien") becomes one entry with the English
// name, so that the German exonym and the local name both find it.
func (k *KB) loadPlaces() error {
	const name = "data/places.tsv"
	f, err := dataFiles.Open(name)
	if err != nil {
		// The file is optional: a build without it geocodes with the city
		// list and the country centres.
		return nil
	}
	defer f.Close()
	// name aliases iso3 lat lon feature importance
	return readTSV(f, name, 7, func(line int, c []string) error {
		lat, err1 := parseFloat(c[3])
		lon, err2 := parseFloat(c[4])
		imp, err3 := strconv.Atoi(c[6])
		if err1 != nil || err2 != nil || err3 != nil {
			return fmt.Errorf("place %q: %w", c[0], ErrFormat)
		}
		iso3 := strings.ToUpper(c[2])
		aliases := splitList(c[1])
		e := &Entity{
			ID: "place:" + Normalize(c[0]) + ":" + strings.ToLower(iso3), Kind: KindRegion, Type: TypeLOC,
			Name: c[0], Country: iso3, Affiliation: iso3, Aliases: aliases, Lat: lat, Lon: lon,
			Feature: c[5], Population: importanceRank(imp), Source: name,
		}
		switch c[5] {
		case "capital", "city", "town":
			e.Kind = KindCity
		}
		// Merge with a city of the bulk list that has this name or an alias.
		for _, n := range append([]string{c[0]}, aliases...) {
			for _, old := range k.cityIndex[Normalize(n)] {
				if old.Country == iso3 && old.Source != name && old.Feature != "merged" {
					if !containsString(e.Aliases, old.Name) && old.Name != e.Name {
						e.Aliases = append(e.Aliases, old.Name)
					}
					old.Source = "merged"
					old.ID = e.ID + "#" + old.ID
					old.Kind = KindRegion // hidden: the merged entry speaks for it
					old.Feature = "merged"
				}
			}
		}
		k.add(e)
		return nil
	})
}

func (k *KB) loadCities() {
	for _, c := range citiesData() {
		iso3 := k.countryByEnglishName(c.Country)
		if iso3 == "" {
			continue
		}
		e := &Entity{
			ID: "city:" + strconv.Itoa(c.ID), Kind: KindCity, Type: TypeLOC, Name: c.Name, Country: iso3,
			Affiliation: iso3, Lat: c.Latitude, Lon: c.Longitude, Feature: "city",
			// The cities are listed by country in falling size; the rank
			// stands in for population where none is given.
			Population: listRankBase - c.Rank, Source: "github.com/tidwall/cities",
		}
		k.add(e)
		key := Normalize(c.Name)
		k.cityIndex[key] = append(k.cityIndex[key], e)
	}
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
