package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"

	"github.com/newsgraph/newsgraph/internal/ner"
)

// TrainCmd trains newsgraph's statistical models.
type TrainCmd struct {
	NER TrainNERCmd `cmd:"" name:"ner" help:"Train the named-entity tagger on the shared NER corpora."`
}

// TrainNERCmd trains the averaged-perceptron NER tagger.
type TrainNERCmd struct {
	Data   string `help:"The shared data folder (or its ner/ folder) with MobIE, Europarl and Europeana." default:"../shared/data" placeholder:"DIR"`
	Out    string `help:"Where to write the model; the default is the file the binary embeds." default:"internal/ner/model/ner.gz" placeholder:"FILE"`
	Epochs int    `help:"Passes over the training data." default:"12"`
	Seed   int64  `help:"Seed for the order of sentences; the same seed and data give a byte-identical model." default:"1"`
}

// Help shows examples under the command's --help.
func (c *TrainNERCmd) Help() string {
	return `Examples:
  newsgraph train ner
  newsgraph train ner --data ../shared/data --out /tmp/ner.gz --epochs 8

Trains on MobIE (CC BY 4.0), the Europarl NER test sets (Europarl terms) and
Europeana newspapers (CC0); GermEval 2014 dev is never used for training, so
that "newsgraph eval --conll" measures the tagger fairly. Rebuild the binary
after writing the default model file, which it embeds.`
}

// Run trains and writes the model.
func (c *TrainNERCmd) Run(g *Globals) error {
	opts := ner.DefaultTrainOptions()
	opts.Epochs, opts.Seed = c.Epochs, c.Seed
	if g.Verbose {
		opts.Log = g.Stderr
	}
	var buf bytes.Buffer
	rep, err := ner.TrainDefault(c.Data, opts, &buf)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(c.Out), 0o755); err != nil {
		return err
	}
	// Write to a temporary file first so that a failed run leaves the old
	// model intact.
	tmp := c.Out + ".tmp"
	if err := os.WriteFile(tmp, buf.Bytes(), 0o644); err != nil {
		return err
	}
	if err := os.Rename(tmp, c.Out); err != nil {
		return err
	}
	fmt.Fprintf(g.Stdout, "wrote %s (%d bytes) from %s in %s\n", c.Out, buf.Len(), rep.DataDir, rep.Duration.Round(1e6))
	for _, cc := range rep.Corpora {
		fmt.Fprintf(g.Stdout, "  %+v\n", cc)
	}
	return nil
}
