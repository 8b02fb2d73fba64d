package cli

import (
	"github.com/newsgraph/newsgraph/internal/pipeline"
)

// newAnalyzer builds the analysis pipeline with every stage this build has.
func newAnalyzer(g *Globals, language, published string) (*pipeline.Analyzer, error) {
	opts := pipeline.DefaultOptions()
	opts.Language = language
	opts.Published = published
	return pipeline.New(opts, g.Log)
}
