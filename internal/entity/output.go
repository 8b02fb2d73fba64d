package entity

import (
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/internal/analysis"
	"github.com/newsgraph/newsgraph/internal/kb"
)

// output groups mentions into the article's entities and places.
func (a *articleState) output() {
	type group struct {
		ent      *kb.Entity
		name     string
		typ      string
		country  string
		mentions []analysis.Mention
		first    int
		named    bool // has a mention that names it (not only a pronoun or role)
	}
	groups := map[string]*group{}
	var order []string
	// Unknown multi-word names claim later single-word mentions of their
	// last word ("Kevin Lamarque" … "Lamarque").
	lastWord := map[string]string{}
	for _, m := range a.mentions {
		var key string
		switch {
		case m.ent != nil:
			key = m.ent.ID
		default:
			norm := kb.Normalize(m.name)
			// "Khashoggis" is the genitive of "Khashoggi".
			if strings.HasSuffix(norm, "s") {
				if k, ok := groups["name:"+m.typ+":"+strings.TrimSuffix(norm, "s")]; ok && k != nil {
					norm = strings.TrimSuffix(norm, "s")
				}
			}
			key = "name:" + m.typ + ":" + norm
			if m.form == "surname" && m.typ == kb.TypePER {
				norm = kb.Normalize(m.name)
				key = "name:" + m.typ + ":" + norm
			} else if f := strings.Fields(norm); len(f) == 1 && m.typ == kb.TypePER {
				if k, ok := lastWord[f[0]]; ok {
					key = k
				}
			} else if len(f) > 1 && m.typ == kb.TypePER {
				lastWord[f[len(f)-1]] = key
			}
		}
		g := groups[key]
		if g == nil {
			g = &group{ent: m.ent, name: m.name, typ: m.typ, country: m.country, first: m.start}
			if m.ent != nil {
				g.name, g.typ, g.country = m.ent.Name, m.ent.Type, m.ent.Country
			}
			groups[key] = g
			order = append(order, key)
		}
		if m.ent == nil && len(m.name) > len(g.name) {
			g.name = m.name
		}
		switch m.form {
		case "pronoun", "role":
		default:
			g.named = true
		}
		g.mentions = append(g.mentions, analysis.Mention{Start: m.start, End: m.end, Text: m.text, Form: m.form, Sentence: m.sentence})
	}
	for _, key := range order {
		g := groups[key]
		if !g.named {
			continue
		}
		sort.SliceStable(g.mentions, func(i, j int) bool { return g.mentions[i].Start < g.mentions[j].Start })
		if g.typ == kb.TypeLOC {
			p := analysis.Place{Name: g.name, Country: g.country, Mentions: g.mentions, Confidence: 0.5}
			if e := g.ent; e != nil {
				p.Lat, p.Lon, p.Feature, p.KBID = e.Lat, e.Lon, e.Feature, e.ID
				p.Confidence = placeConfidence(e, g.mentions)
			}
			a.d.Result.Places = append(a.d.Result.Places, p)
			continue
		}
		en := analysis.Entity{Name: g.name, Type: g.typ, Country: g.country, Mentions: g.mentions}
		if e := g.ent; e != nil {
			en.KBID, en.Key, en.CAMEO = e.ID, e.Affiliation, e.CAMEO
		} else if g.country != "" {
			en.Key = g.country
		}
		a.d.Result.Entities = append(a.d.Result.Entities, en)
	}
	a.d.Result.References = append(a.d.Result.References, a.refs...)
}

// placeConfidence rates a geocoding: countries are certain, a city named
// several times or a capital is likelier right than a one-off small town.
func placeConfidence(e *kb.Entity, ms []analysis.Mention) float64 {
	switch e.Kind {
	case kb.KindCountry:
		return 1
	case kb.KindRegion:
		return 0.8
	}
	c := 0.6
	if e.AmongLargest(9) {
		c = 0.85
	}
	if len(ms) > 1 {
		c += 0.05
	}
	return c
}
