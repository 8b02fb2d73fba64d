package ner

import (
	"slices"
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// gazetteer is a set of lower-cased place names, single- and multi-word,
// looked up over token windows. It is built from the CLDR region names in
// golang.org/x/text (countries, continents and world regions in German and
// English, with German genitive -s forms), so it needs no data file.
type gazetteer struct {
	names map[string]struct{} // lower-cased names, words joined by one space
	// byFirst maps the first word of each name to the name's remaining
	// words, longest first.
	byFirst map[string][][]string
}

// newGazetteer builds the gazetteer of region names.
func newGazetteer() *gazetteer {
	g := &gazetteer{names: make(map[string]struct{}, 2048), byFirst: make(map[string][][]string, 2048)}
	namers := []display.Namer{display.Regions(language.German), display.Regions(language.English)}
	for _, r := range language.Supported.Regions() {
		if !r.IsCountry() && !r.IsGroup() {
			continue
		}
		switch r.String() {
		case "ZZ", "001", "EU", "EZ", "UN", "QO":
			// Unknown, the world (de "Welt" is a common noun), and the
			// organisations that CLDR lists as regions.
			continue
		}
		if r.IsPrivateUse() {
			continue
		}
		for i, nm := range namers {
			name := nm.Name(r)
			if name == "" {
				continue
			}
			g.add(name)
			if i == 0 && !strings.HasSuffix(name, "s") && !strings.Contains(name, " ") {
				g.add(name + "s")
			}
		}
	}
	for _, rests := range g.byFirst {
		slices.SortStableFunc(rests, func(a, b []string) int { return len(b) - len(a) })
	}
	return g
}

func (g *gazetteer) add(name string) {
	// Keep the part before a parenthesis or comma: "Kongo (Kinshasa)".
	if i := strings.IndexAny(name, "(,"); i > 0 {
		name = name[:i]
	}
	words := strings.Fields(strings.ToLower(name))
	if len(words) == 0 {
		return
	}
	key := strings.Join(words, " ")
	if _, dup := g.names[key]; dup {
		return
	}
	g.names[key] = struct{}{}
	g.byFirst[words[0]] = append(g.byFirst[words[0]], words[1:])
}

// has reports whether a single lower-cased word is a name.
func (g *gazetteer) has(lower string) bool {
	_, ok := g.names[lower]
	return ok
}

// mark sets flGaz on the tokens covered by a longest match of a name, and
// flGazPart on the first token of a multi-word match. Only matches that
// start with a capitalised token count: "türkei" in lower case is rarely a
// name.
func (g *gazetteer) mark(low []string, infos []tokInfo) {
	for i := 0; i < len(low); {
		best := 0
		if infos[i].flags&flCap != 0 {
		cands:
			for _, rest := range g.byFirst[low[i]] {
				if i+1+len(rest) > len(low) {
					continue
				}
				for k, w := range rest {
					if low[i+1+k] != w {
						continue cands
					}
				}
				best = 1 + len(rest)
				break
			}
		}
		if best == 0 {
			i++
			continue
		}
		for k := 0; k < best; k++ {
			infos[i+k].flags |= flGaz
		}
		if best > 1 {
			infos[i].flags |= flGazPart
		}
		i += best
	}
}
