package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"

	"github.com/newsgraph/newsgraph/internal/eval"
	"github.com/newsgraph/newsgraph/internal/source"
)

// EvalCmd scores newsgraph against gold answer keys.
type EvalCmd struct {
	KBFlags

	Gold        string `help:"Folder (or file) of gold-format JSON articles to analyse and score." placeholder:"DIR" xor:"mode"`
	Conll       string `help:"GermEval 2014 / CoNLL file to score the NER tagger on." placeholder:"FILE" xor:"mode"`
	Predictions string `help:"With --conll: score this file of predicted labels (same format) instead of running the built-in tagger." placeholder:"FILE"`
	JSON        bool   `help:"Print the report as JSON."`
	Articles    bool   `help:"With --gold: also list each article's counts."`
}

// Help shows examples under the command's --help.
func (c *EvalCmd) Help() string {
	return `Examples:
  newsgraph eval --gold ../shared/corpus/dev
  newsgraph eval --gold ../shared/corpus/seed --articles
  newsgraph eval --gold ../shared/corpus/dev --json > report.json
  newsgraph eval --conll ../shared/data/ner/germeval2014/NER-de-dev.tsv

Scoring follows GOLD.md: micro-averaged precision, recall and F1 per layer
(entities, places, timex, quotes, events at root and quad level), with
speaker, timex value, geocoding and event date accuracy.`
}

// Run scores.
func (c *EvalCmd) Run(g *Globals) error {
	switch {
	case c.Gold != "":
		return c.runGold(g)
	case c.Conll != "":
		return c.runConll(g)
	}
	return errors.New("eval needs --gold DIR or --conll FILE (see newsgraph eval --help)")
}

func (c *EvalCmd) runGold(g *Globals) error {
	rep, err := scoreGold(g, c.KBFlags, c.Gold)
	if err != nil {
		return err
	}
	if c.JSON {
		enc := json.NewEncoder(g.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
	}
	if c.Articles {
		return rep.WriteTableArticles(g.Stdout)
	}
	return rep.WriteTable(g.Stdout)
}

// scoreGold analyses every gold file of dir with the full pipeline and
// scores the results, as "newsgraph eval --gold" reports them.
func scoreGold(g *Globals, kf KBFlags, dir string) (eval.Report, error) {
	golds, paths, err := eval.LoadGoldDir(dir)
	if err != nil {
		return eval.Report{}, err
	}
	if len(golds) == 0 {
		return eval.Report{}, fmt.Errorf("no gold files (*.json) in %s", dir)
	}
	an, err := newAnalyzer(g, kf, "auto", "")
	if err != nil {
		return eval.Report{}, err
	}
	defer an.Close(g.Ctx)
	reader := source.New(source.DefaultOptions(), g.Log)
	pairs := make([]eval.Pair, 0, len(golds))
	for i, gold := range golds {
		if err := g.Ctx.Err(); err != nil {
			return eval.Report{}, err
		}
		data, err := os.ReadFile(paths[i])
		if err != nil {
			return eval.Report{}, err
		}
		doc, err := reader.Decode(paths[i], data)
		if err != nil {
			return eval.Report{}, err
		}
		res, err := an.Analyze(g.Ctx, doc)
		if err != nil {
			return eval.Report{}, fmt.Errorf("%s: %w", paths[i], err)
		}
		pairs = append(pairs, eval.Pair{Gold: gold, System: res})
	}
	return eval.Score(pairs), nil
}

func (c *EvalCmd) runConll(g *Globals) error {
	f, err := os.Open(c.Conll)
	if err != nil {
		return err
	}
	defer f.Close()
	gold, err := eval.ReadCoNLL(f)
	if err != nil {
		return fmt.Errorf("%s: %w", c.Conll, err)
	}
	var pred [][]string
	if c.Predictions != "" {
		pf, err := os.Open(c.Predictions)
		if err != nil {
			return err
		}
		defer pf.Close()
		ps, err := eval.ReadCoNLL(pf)
		if err != nil {
			return fmt.Errorf("%s: %w", c.Predictions, err)
		}
		if len(ps) != len(gold) {
			return fmt.Errorf("%s has %d sentences, %s has %d: they must align", c.Predictions, len(ps), c.Conll, len(gold))
		}
		for _, s := range ps {
			pred = append(pred, s.Outer)
		}
	} else {
		tagger, err := newTagger()
		if err != nil {
			return err
		}
		pred = eval.TagAll(tagger, gold)
	}
	rep := eval.ScoreNER(gold, pred)
	if c.JSON {
		enc := json.NewEncoder(g.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
	}
	return rep.WriteTable(g.Stdout)
}
