package cli

import (
	"encoding/json"
	"fmt"

	"github.com/newsgraph/newsgraph/internal/source"
)

// AnalyzeCmd analyses files and prints one record per article.
type AnalyzeCmd struct {
	KBFlags

	Format    string   `help:"Output format: json (one object per line) or text (for reading)." enum:"json,text" default:"json"`
	Pretty    bool     `help:"Indent JSON output."`
	Published string   `help:"Publication date (YYYY-MM-DD) to resolve relative dates against; overrides the input's metadata." placeholder:"YYYY-MM-DD"`
	Lang      string   `help:"Article language: auto detects per paragraph; de or en fixes the article's language." enum:"auto,de,en" default:"auto"`
	Input     string   `help:"Input format: auto detects from extension and content." enum:"auto,text,html,json" default:"auto"`
	MaxBytes  int64    `help:"Largest input file accepted, in bytes; larger files are refused, not cut." default:"16777216"`
	Files     []string `arg:"" help:"Files to analyse: plain text, HTML pages or gold-format JSON; - reads standard input." type:"string"`
}

// Help shows examples under the command's --help.
func (c *AnalyzeCmd) Help() string {
	return `Examples:
  newsgraph analyze --published 2017-11-12 article.txt
  newsgraph analyze --format text page.html
  newsgraph analyze ../shared/corpus/dev/*.json > out.jsonl
  curl -s https://example.org/story | newsgraph analyze --input html -

Each article gives one JSON object (see DESIGN.md for the contract). A file
that cannot be read is reported on standard error and the others go on; the
exit status is then 1.`
}

// Run analyses every file.
func (c *AnalyzeCmd) Run(g *Globals) error {
	an, err := newAnalyzer(g, c.KBFlags, c.Lang, c.Published)
	if err != nil {
		return err
	}
	defer an.Close(g.Ctx)
	sopts := source.DefaultOptions()
	sopts.MaxBytes = c.MaxBytes
	if c.Input != "auto" {
		sopts.Format = c.Input
	}
	reader := source.New(sopts, g.Log)
	enc := json.NewEncoder(g.Stdout)
	enc.SetEscapeHTML(false)
	if c.Pretty {
		enc.SetIndent("", "  ")
	}
	failed := 0
	for _, name := range c.Files {
		if err := g.Ctx.Err(); err != nil {
			return err
		}
		doc, err := readDoc(reader, name, g)
		if err != nil {
			fmt.Fprintf(g.Stderr, "newsgraph: %v\n", err)
			failed++
			continue
		}
		if doc.Repaired {
			fmt.Fprintf(g.Stderr, "newsgraph: %s: invalid UTF-8 replaced by U+FFFD (offsets refer to the repaired text)\n", name)
		}
		res, err := an.Analyze(g.Ctx, doc)
		if err != nil {
			fmt.Fprintf(g.Stderr, "newsgraph: %s: %v\n", name, err)
			failed++
			continue
		}
		switch c.Format {
		case "text":
			err = WriteText(g.Stdout, res)
		default:
			err = enc.Encode(res)
		}
		if err != nil {
			return err
		}
	}
	if failed > 0 {
		return ExitError{Code: 1}
	}
	return nil
}

func readDoc(r *source.Reader, name string, g *Globals) (source.Document, error) {
	f, err := openInput(name, g.Stdin)
	if err != nil {
		return source.Document{}, err
	}
	defer f.Close()
	return r.Read(name, f)
}
