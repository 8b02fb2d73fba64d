package cli

import (
	"fmt"
	"time"

	"github.com/newsgraph/newsgraph/internal/kb"
)

// KBFlags are the knowledge-base options of every command that analyses.
type KBFlags struct {
	KBExtra   []string `name:"kb-extra" help:"Add actors from a TSV file in the format of internal/kb/data/actors_*.tsv (id, type, country, affiliation, cameo_type, name, aliases, roles); repeatable." type:"existingfile" placeholder:"FILE"`
	Gazetteer string   `help:"Load a GeoNames dump (e.g. cities15000.txt) for places beyond the built-in ones." type:"existingfile" placeholder:"FILE"`
}

// load builds the knowledge base with the user's additions.
func (f KBFlags) load(g *Globals) (*kb.KB, error) {
	start := time.Now()
	k, err := kb.Load(kb.DefaultOptions())
	if err != nil {
		return nil, err
	}
	for _, extra := range f.KBExtra {
		if err := k.LoadExtra(extra); err != nil {
			return nil, err
		}
	}
	if f.Gazetteer != "" {
		n, err := k.LoadGeoNames(f.Gazetteer)
		if err != nil {
			return nil, err
		}
		g.Log.Info("gazetteer loaded", "file", f.Gazetteer, "places", n)
	}
	g.Log.Info("knowledge base loaded", "entries", k.Len(), "took", time.Since(start))
	return k, nil
}

// KBCmd shows what names link to.
type KBCmd struct {
	KBFlags
	Date  string   `help:"Date (YYYY-MM-DD) at which to show office holders." placeholder:"YYYY-MM-DD"`
	Names []string `arg:"" help:"Names, forms or role nouns to look up."`
}

// Help shows examples under the command's --help.
func (c *KBCmd) Help() string {
	return `Examples:
  newsgraph kb Nordkoreas
  newsgraph kb "Kim Jong Un" Kreml nordkoreanischen
  newsgraph kb --date 2017-11-12 US-Präsident
  newsgraph kb --kb-extra my-actors.tsv "Jane Example"
  newsgraph kb --gazetteer ../shared/data/geo/cities15000.txt Gießen

Each name is normalised as the analyser normalises text, and every reading
is listed with the form that matched (name, genitive, adjective, demonym,
metonym), the entry's country, actor key and CAMEO code, its source file,
and for role nouns who held the office on --date.`
}

// Run looks the names up.
func (c *KBCmd) Run(g *Globals) error {
	k, err := c.KBFlags.load(g)
	if err != nil {
		return err
	}
	for i, n := range c.Names {
		if i > 0 {
			fmt.Fprintln(g.Stdout)
		}
		if err := k.Explain(g.Stdout, n, c.Date); err != nil {
			return err
		}
	}
	return nil
}
