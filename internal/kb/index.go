package kb

import (
	"fmt"
	"sort"
	"strings"
	"unicode"

	"github.com/tidwall/cities"
	"golang.org/x/text/unicode/norm"

	"github.com/newsgraph/newsgraph/lang"
)

// Form kinds: how a surface form refers to its entity.
const (
	FormName        = "name"        // "Nordkorea", "Kim Jong Un"
	FormGenitive    = "genitive"    // "Nordkoreas", "Kims"
	FormAdjective   = "adjective"   // "nordkoreanischen", "North Korean"
	FormDemonym     = "demonym"     // "Nordkoreaner"
	FormMetonym     = "metonym"     // "Pjöngjang" for the government, "Kreml"
	FormRole        = "role"        // "US-Präsident"
	FormInstitution = "institution" // "Außenministerium"
)

// Form is one way a language refers to an entity.
type Form struct {
	Entity *Entity
	Kind   string
	Lang   string
	// Acronym is true when every written form of this reading is in
	// capitals ("UN", "US"), so that "Un" in "Kim Jong Un" is not the UN.
	Acronym bool
}

// isAcronym reports whether s is written in capitals only: at least two
// letters, none lower case.
func isAcronym(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if unicode.IsLower(r) {
				return false
			}
			letters++
		}
	}
	return letters >= 2
}

// RoleNoun is a noun that names an office instead of a person.
type RoleNoun struct {
	Noun string
	Role string
	// Key fixes the country or organisation ("US-Präsident" → USA), or is
	// "" when context must supply it ("Präsident").
	Key  string
	Lang string
}

// Institution is a noun for a state body ("Außenministerium") with the
// English name template of the organisation it names with a country.
type Institution struct {
	Noun     string
	Template string
	Role     string // CAMEO role: GOV, MIL, COP …
	Lang     string
}

// KB is the loaded knowledge base. It is read-only after Load (and after
// LoadExtra or LoadGeoNames, which callers run before sharing it), and safe
// for concurrent reads.
type KB struct {
	entities []*Entity
	byID     map[string]*Entity
	// forms maps a normalised surface form to what it can mean.
	forms    map[string][]Form
	maxWords int
	roles    map[string][]RoleNoun        // normalised noun → role nouns
	insts    map[string]Institution       // normalised noun → institution
	holders  map[string][]*Entity         // role@KEY → entities that held it
	iso2     map[string]string            // ISO2 → ISO3
	fips     map[string]string            // ISO3 → FIPS 10-4
	adjName  map[string]map[string]string // lang → ISO3 → adjective (English form for templates)
	byEnName map[string]string            // lower-cased English country name → ISO3
	// countryAlias maps other English spellings of country names, as data
	// dependencies write them, to ISO3.
	countryAlias map[string]string
	// cityIndex finds cities of the bulk list by normalised name while
	// loading, to merge them with the English-named places.
	cityIndex map[string][]*Entity
	// familyFirst holds the countries whose names put the family name first.
	familyFirst map[string]bool
	// definite holds the countries whose English name takes "the".
	definite map[string]bool
}

func newKB() *KB {
	return &KB{
		byID:         map[string]*Entity{},
		forms:        map[string][]Form{},
		roles:        map[string][]RoleNoun{},
		insts:        map[string]Institution{},
		holders:      map[string][]*Entity{},
		iso2:         map[string]string{},
		fips:         map[string]string{},
		adjName:      map[string]map[string]string{},
		byEnName:     map[string]string{},
		countryAlias: map[string]string{},
		cityIndex:    map[string][]*Entity{},
		familyFirst:  map[string]bool{},
		definite:     map[string]bool{},
	}
}

func (k *KB) add(e *Entity) {
	if old, ok := k.byID[e.ID]; ok {
		// A later file corrects an earlier one: keep one entry.
		*old = *e
		return
	}
	k.byID[e.ID] = e
	k.entities = append(k.entities, e)
	if e.Kind == KindCountry {
		k.byEnName[strings.ToLower(e.Name)] = e.Country
	}
}

// Entity returns the entry with the given id, or nil.
func (k *KB) Entity(id string) *Entity { return k.byID[id] }

// Country returns the country entry for an ISO3 code, or nil.
func (k *KB) Country(iso3 string) *Entity { return k.byID["country:"+strings.ToUpper(iso3)] }

// FIPS returns the FIPS 10-4 code of a country, as GDELT uses it.
func (k *KB) FIPS(iso3 string) string { return k.fips[strings.ToUpper(iso3)] }

// Len reports the number of entries.
func (k *KB) Len() int { return len(k.entities) }

// Entities returns every entry; callers must not modify them.
func (k *KB) Entities() []*Entity { return k.entities }

func (k *KB) countryByEnglishName(name string) string {
	if iso := k.byEnName[strings.ToLower(name)]; iso != "" {
		return iso
	}
	return k.countryAlias[strings.ToLower(name)]
}

// cityRow is a city of github.com/tidwall/cities with its rank among the
// cities of its country (0 for the largest; the list is ordered by size).
type cityRow struct {
	ID        int
	Country   string
	Name      string
	Latitude  float64
	Longitude float64
	Rank      int
}

func citiesData() []cityRow {
	out := make([]cityRow, 0, len(cities.Cities))
	rank := map[string]int{}
	for _, c := range cities.Cities {
		r := rank[c.Country]
		rank[c.Country] = r + 1
		out = append(out, cityRow{ID: c.ID, Country: c.Country, Name: c.City, Latitude: c.Latitude, Longitude: c.Longitude, Rank: r})
	}
	return out
}

// Normalize folds a surface form for lookup: NFKC, lower case, diacritics
// removed (ß → ss), hyphens and apostrophes to spaces, white space folded.
// Forms and text tokens go through the same function, so the rule only has
// to be consistent, not linguistically exact.
func Normalize(s string) string {
	s = norm.NFKD.String(s)
	var b strings.Builder
	b.Grow(len(s))
	space := true
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == 'ß':
			b.WriteString("ss")
			space = false
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
			space = false
		case r == '.':
			// "U.S." and "US" are one name; dots vanish.
		default:
			if !space {
				b.WriteByte(' ')
				space = true
			}
		}
	}
	return strings.TrimRight(b.String(), " ")
}

func (k *KB) addForm(surface string, f Form) {
	key := Normalize(surface)
	if key == "" {
		return
	}
	f.Acronym = isAcronym(surface)
	for i, old := range k.forms[key] {
		if old.Entity == f.Entity && old.Kind == f.Kind {
			// One written form in lower case makes the reading usable
			// in any case.
			k.forms[key][i].Acronym = old.Acronym && f.Acronym
			return
		}
	}
	k.forms[key] = append(k.forms[key], f)
	if n := strings.Count(key, " ") + 1; n > k.maxWords {
		k.maxWords = n
	}
}

// germanEndings are the strong and weak adjective endings.
var germanEndings = [...]string{"", "e", "en", "er", "es", "em"}

func (k *KB) loadLanguage(code string) error {
	// countries: iso3 names adjectives demonyms metonyms
	rows, err := lang.List(code, "countries")
	if err != nil {
		return fmt.Errorf("kb: %w", err)
	}
	adj := map[string]string{}
	k.adjName[code] = adj
	for _, line := range rows {
		c := strings.Split(line, "\t")
		for len(c) < 5 {
			c = append(c, "")
		}
		e := k.Country(strings.TrimSpace(c[0]))
		if e == nil {
			return fmt.Errorf("kb: lang %s/countries: unknown country %q: %w", code, c[0], ErrFormat)
		}
		for _, n := range splitList(c[1]) {
			k.addForm(n, Form{Entity: e, Kind: FormName, Lang: code})
			if code == "de" && !strings.HasSuffix(n, "s") && !strings.HasSuffix(n, "x") && !strings.HasSuffix(n, "z") {
				k.addForm(n+"s", Form{Entity: e, Kind: FormGenitive, Lang: code})
			}
		}
		for i, a := range splitList(c[2]) {
			if i == 0 {
				adj[e.Country] = a
			}
			if code == "de" && unicode.IsLower(firstRune(a)) {
				for _, end := range germanEndings {
					k.addForm(a+end, Form{Entity: e, Kind: FormAdjective, Lang: code})
				}
				continue
			}
			k.addForm(a, Form{Entity: e, Kind: FormAdjective, Lang: code})
		}
		for _, d := range splitList(c[3]) {
			k.addForm(d, Form{Entity: e, Kind: FormDemonym, Lang: code})
		}
		for _, m := range splitList(c[4]) {
			k.addForm(m, Form{Entity: e, Kind: FormMetonym, Lang: code})
		}
	}
	if list, err := lang.List(code, "exonyms"); err == nil {
		// german english iso3
		for _, line := range list {
			c := strings.Split(line, "\t")
			for len(c) < 3 {
				c = append(c, "")
			}
			k.addExonym(code, strings.TrimSpace(c[0]), strings.TrimSpace(c[1]), strings.ToUpper(strings.TrimSpace(c[2])))
		}
	}
	if list, err := lang.List(code, "roles"); err == nil {
		for _, line := range list {
			c := strings.Split(line, "\t")
			for len(c) < 3 {
				c = append(c, "")
			}
			rn := RoleNoun{Noun: strings.TrimSpace(c[0]), Role: strings.TrimSpace(c[1]), Key: strings.ToUpper(strings.TrimSpace(c[2])), Lang: code}
			key := Normalize(rn.Noun)
			k.roles[key] = append(k.roles[key], rn)
		}
	}
	if list, err := lang.List(code, "institutions"); err == nil {
		for _, line := range list {
			c := strings.Split(line, "\t")
			for len(c) < 3 {
				c = append(c, "")
			}
			in := Institution{Noun: strings.TrimSpace(c[0]), Template: strings.TrimSpace(c[1]), Role: strings.TrimSpace(c[2]), Lang: code}
			k.insts[Normalize(in.Noun)] = in
		}
	}
	return nil
}

// addExonym makes a language's own name of a place another name of the
// place's entry: a known city or region when one has the English name, or
// a new region entry.
func (k *KB) addExonym(code, local, english, iso3 string) {
	if local == "" {
		return
	}
	var target *Entity
	for _, f := range k.forms[Normalize(english)] {
		if f.Entity.Type == TypeLOC && f.Kind == FormName && (iso3 == "" || f.Entity.Country == iso3) {
			if target == nil || f.Entity.Population > target.Population {
				target = f.Entity
			}
		}
	}
	if target == nil {
		for _, e := range k.entities {
			if e.Type == TypeLOC && e.Name == english && (iso3 == "" || e.Country == iso3) {
				if target == nil || e.Population > target.Population {
					target = e
				}
			}
		}
	}
	if target == nil {
		target = &Entity{ID: "region:" + Normalize(english), Kind: KindRegion, Type: TypeLOC, Name: english, Country: iso3, Affiliation: iso3, Feature: "region", Source: "lang/" + code + "/exonyms.txt"}
		if c := k.Country(iso3); c != nil {
			target.Lat, target.Lon = c.Lat, c.Lon
		}
		k.add(target)
		k.addForm(english, Form{Entity: target, Kind: FormName, Lang: "en"})
	}
	k.addForm(local, Form{Entity: target, Kind: FormName, Lang: code})
	if code == "de" && !strings.HasSuffix(local, "s") {
		k.addForm(local+"s", Form{Entity: target, Kind: FormGenitive, Lang: code})
	}
}

// index builds the name forms of every entry and the office holders.
func (k *KB) index() {
	k.holders = map[string][]*Entity{}
	for _, e := range k.entities {
		if e.Feature == "merged" {
			continue
		}
		k.addForm(e.Name, Form{Entity: e, Kind: FormName, Lang: ""})
		for _, a := range e.Aliases {
			k.addForm(a, Form{Entity: e, Kind: FormName, Lang: ""})
		}
		if e.Kind == KindCity {
			continue
		}
		for _, r := range e.Roles {
			key := r.Role + "@" + r.Key
			if hs := k.holders[key]; len(hs) == 0 || hs[len(hs)-1] != e {
				k.holders[key] = append(hs, e)
			}
		}
	}
	for _, fs := range k.forms {
		sort.SliceStable(fs, func(i, j int) bool { return formRank(fs[i]) > formRank(fs[j]) })
	}
}

// formRank orders the meanings of one surface form: actors and
// organisations before countries before the most populous places, so that
// "Georgia" in a list of readings puts the country before a US city.
func formRank(f Form) int {
	switch f.Entity.Kind {
	case KindActor:
		return 4_000_000
	case KindOrg:
		return 3_000_000
	case KindCountry:
		return 2_000_000
	case KindRegion:
		return 1_500_000
	}
	return f.Entity.Population
}

func firstRune(s string) rune {
	for _, r := range s {
		return r
	}
	return 0
}

// Lookup returns what a surface form can mean, best reading first.
func (k *KB) Lookup(surface string) []Form { return k.forms[Normalize(surface)] }

// LookupKey is Lookup for a form already passed through Normalize.
func (k *KB) LookupKey(key string) []Form { return k.forms[key] }

// LookupBytes is LookupKey for a normalised form held in a byte slice; the
// map lookup does not copy it, which keeps the matcher's n-gram loop free
// of allocations.
func (k *KB) LookupBytes(key []byte) []Form { return k.forms[string(key)] }

// MaxWords is the largest number of words in any form, which bounds the
// n-grams a matcher has to try.
func (k *KB) MaxWords() int { return k.maxWords }

// RoleNouns returns the role nouns a normalised noun can be.
func (k *KB) RoleNouns(key string) []RoleNoun { return k.roles[key] }

// InstitutionNoun returns the institution a normalised noun names.
func (k *KB) InstitutionNoun(key string) (Institution, bool) {
	in, ok := k.insts[key]
	return in, ok
}

// Holders returns who held role for key (an ISO3 or organisation key) on
// date, most recent first.
func (k *KB) Holders(role, key, date string) []*Entity {
	var out []*Entity
	for _, e := range k.holders[role+"@"+strings.ToUpper(key)] {
		for _, r := range e.Roles {
			if r.Role == role && r.Key == strings.ToUpper(key) && r.ActiveOn(date) {
				out = append(out, e)
				break
			}
		}
	}
	return out
}

// Adjective returns the first adjective a language uses for a country.
func (k *KB) Adjective(code, iso3 string) string { return k.adjName[code][iso3] }
