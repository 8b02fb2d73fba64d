package cli

import (
	"github.com/newsgraph/newsgraph/internal/entity"
	"github.com/newsgraph/newsgraph/internal/eval"
	"github.com/newsgraph/newsgraph/internal/ner"
	"github.com/newsgraph/newsgraph/internal/pipeline"
	"github.com/newsgraph/newsgraph/internal/quote"
	"github.com/newsgraph/newsgraph/internal/timex"
)

// newAnalyzer builds the analysis pipeline with every stage this build has.
func newAnalyzer(g *Globals, kf KBFlags, language, published string) (*pipeline.Analyzer, error) {
	opts := pipeline.DefaultOptions()
	opts.Language = language
	opts.Published = published
	k, err := kf.load(g)
	if err != nil {
		return nil, err
	}
	tagger, err := ner.Default()
	if err != nil {
		return nil, err
	}
	rec, err := entity.New(k, tagger, entity.DefaultOptions(), g.Log)
	if err != nil {
		return nil, err
	}
	dates, err := timex.New(timex.DefaultOptions())
	if err != nil {
		return nil, err
	}
	quotes, err := quote.New(quote.DefaultOptions(), g.Log)
	if err != nil {
		return nil, err
	}
	return pipeline.New(opts, g.Log, rec, dates, quotes)
}

// newTagger returns the built-in statistical NER tagger.
func newTagger() (eval.Tagger, error) {
	return ner.Default()
}
