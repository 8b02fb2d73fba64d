package ner

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"
)

// CorpusCount describes one training file as TrainDefault read it.
type CorpusCount struct {
	Path      string // path relative to the NER data directory
	Sentences int
	Tokens    int
	Entities  int // B- labels after mapping to PER/LOC/ORG/MISC
}

// Report summarises a TrainDefault run.
type Report struct {
	DataDir string        // the NER data directory that was read
	Corpora []CorpusCount // the training files, in training order
	// Augmented is the number of synthetic sentences added: copies of
	// training sentences with their PER/LOC/ORG names swapped for other
	// names of the same type from the training data.
	Augmented int
	Options   TrainOptions  // the options used (Log omitted)
	Features  int           // features with a non-zero weight in the model
	Bytes     int64         // size of the written model file
	Duration  time.Duration // reading, training and writing
}

// DefaultCorpora lists the training files of the committed model, relative
// to the NER data directory (shared/data/ner), in training order. GermEval
// 2014 is not among them: it is kept for measurement.
func DefaultCorpora() []string {
	return []string{
		"mobie/train.conll2003",
		"mobie/dev.conll2003",
		"mobie/test.conll2003",
		"europarl-ixa/de-europarl.test.conll02",
		"europarl-ixa/en-europarl.test.conll02",
		"europeana-newspapers/enp_DE.lft.bio",
		"europeana-newspapers/enp_DE.onb.bio",
		"europeana-newspapers/enp_DE.sbb.bio",
	}
}

// NERDataDir resolves the NER data directory from dir, which may be the
// shared folder (with data/ner below it), its data folder, or the NER data
// directory itself.
func NERDataDir(dir string) (string, error) {
	for _, cand := range []string{filepath.Join(dir, "data", "ner"), filepath.Join(dir, "ner"), dir} {
		if st, err := os.Stat(filepath.Join(cand, "mobie")); err == nil && st.IsDir() {
			return cand, nil
		}
	}
	return "", fmt.Errorf("ner: no NER data (mobie/, europarl-ixa/, …) under %s", dir)
}

// defaultAugment is the number of entity-swapped sentences TrainDefault
// adds to the corpora (+2 points F1 on GermEval dev, see model/README.md).
const defaultAugment = 15000

// TrainDefault reads the training corpora of DefaultCorpora from sharedDir
// (see NERDataDir), trains a model with opts and writes it to w in the
// format of Save. Before training it adds defaultAugment synthetic
// sentences: training sentences whose PER, LOC and ORG names are replaced
// by random names of the same type from the training data (chosen with
// opts.Seed). With DefaultTrainOptions it reproduces model/ner.gz.
func TrainDefault(sharedDir string, opts TrainOptions, w io.Writer) (Report, error) {
	start := time.Now()
	dir, err := NERDataDir(sharedDir)
	if err != nil {
		return Report{}, err
	}
	rep := Report{DataDir: dir, Options: opts}
	rep.Options.Log = nil
	var all []Sentence
	for _, rel := range DefaultCorpora() {
		sents, err := ReadCorpus(filepath.Join(dir, filepath.FromSlash(rel)))
		if err != nil {
			return rep, err
		}
		cc := CorpusCount{Path: rel, Sentences: len(sents)}
		for _, s := range sents {
			cc.Tokens += len(s.Tokens)
			for _, l := range s.Labels {
				if len(l) > 1 && l[0] == 'B' {
					cc.Entities++
				}
			}
		}
		rep.Corpora = append(rep.Corpora, cc)
		if opts.Log != nil {
			fmt.Fprintf(opts.Log, "ner: %s: %d sentences, %d tokens, %d entities\n", rel, cc.Sentences, cc.Tokens, cc.Entities)
		}
		all = append(all, sents...)
	}
	pools := namePools{}
	pools.addSpans(all)
	delete(pools, "MISC")
	aug := augment(all, pools, defaultAugment, uint64(opts.Seed))
	rep.Augmented = len(aug)
	if opts.Log != nil {
		fmt.Fprintf(opts.Log, "ner: %d synthetic sentences (entity names swapped)\n", len(aug))
	}
	all = append(all, aug...)
	m, err := Train(all, opts)
	if err != nil {
		return rep, err
	}
	rep.Features = m.Features()
	cw := &countWriter{w: w}
	if err := m.Save(cw); err != nil {
		return rep, err
	}
	rep.Bytes = cw.n
	rep.Duration = time.Since(start)
	return rep, nil
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}
