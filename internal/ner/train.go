package ner

import (
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"time"
)

// TrainOptions configures Train.
type TrainOptions struct {
	// Epochs is the number of passes over the training data.
	Epochs int
	// Seed fixes the order in which sentences are visited in each epoch.
	Seed int64
	// MinFeatureCount drops features seen fewer times in the data.
	MinFeatureCount int
	// Log receives one line of progress per epoch; nil discards it.
	Log io.Writer
}

// DefaultTrainOptions returns the options the committed model was trained
// with.
func DefaultTrainOptions() TrainOptions {
	return TrainOptions{Epochs: 12, Seed: 1, MinFeatureCount: 2}
}

// Train fits an averaged structured perceptron (first-order, Viterbi
// decoding under the BIO constraint) to the sentences. The result depends
// only on the sentences, their order and the options: the same input gives
// the same model, byte for byte once saved.
func Train(sents []Sentence, opts TrainOptions) (*Model, error) {
	if opts.Epochs <= 0 {
		return nil, fmt.Errorf("ner: train: epochs must be positive, got %d", opts.Epochs)
	}
	logw := opts.Log
	if logw == nil {
		logw = io.Discard
	}
	start := time.Now()
	// Gold label indices, checked.
	gold := make([][]int8, len(sents))
	ntok := 0
	for i, s := range sents {
		if len(s.Tokens) != len(s.Labels) {
			return nil, fmt.Errorf("ner: train: sentence %d has %d tokens and %d labels", i, len(s.Tokens), len(s.Labels))
		}
		g := make([]int8, len(s.Labels))
		prev := -1
		for j, l := range s.Labels {
			li := labelIndex(l)
			if li == labO && l != "O" {
				return nil, fmt.Errorf("ner: train: sentence %d token %d: unknown label %q", i, j, l)
			}
			if !allowed(prev, li) {
				return nil, fmt.Errorf("ner: train: sentence %d token %d: %s after %s is not BIO", i, j, l, labelName(prev))
			}
			g[j] = int8(li)
			prev = li
		}
		gold[i] = g
		ntok += len(s.Tokens)
	}
	if ntok == 0 {
		return nil, errors.New("ner: train: no tokens")
	}

	// Pass 1: count features. Pass 2: give the kept ones dense ids in order
	// of first occurrence, so that ids do not depend on map order.
	ex := extractor{gaz: newGazetteer()}
	minCount := int32(max(opts.MinFeatureCount, 1))
	counts := make(map[uint64]int32, 1<<20)
	for _, s := range sents {
		if len(s.Tokens) == 0 {
			continue
		}
		ex.extract(s.Tokens)
		for _, f := range ex.feats {
			counts[f]++
		}
	}
	ids := make(map[uint64]int32, len(counts)/2)
	var keys []uint64
	feats := make([][]int32, len(sents)) // per sentence, back to back
	offs := make([][]int32, len(sents))
	classes := make([][]uint8, len(sents))
	for i, s := range sents {
		if len(s.Tokens) == 0 {
			continue
		}
		ex.extract(s.Tokens)
		fs := make([]int32, 0, len(ex.feats))
		os := make([]int32, 0, len(s.Tokens)+1)
		os = append(os, 0)
		for t := range s.Tokens {
			for _, f := range ex.feats[ex.offs[t]:ex.offs[t+1]] {
				if counts[f] < minCount {
					continue
				}
				id, ok := ids[f]
				if !ok {
					id = int32(len(keys))
					ids[f] = id
					keys = append(keys, f)
				}
				fs = append(fs, id)
			}
			os = append(os, int32(len(fs)))
		}
		feats[i], offs[i] = fs, os
		classes[i] = append([]uint8(nil), ex.cls...)
	}
	counts, ids = nil, nil
	fmt.Fprintf(logw, "ner: train: %d sentences, %d tokens, %d features (min count %d), %v\n",
		len(sents), ntok, len(keys), minCount, time.Since(start).Round(time.Millisecond))

	// Averaged perceptron with the timestamp trick: w holds the current
	// weights, u the sum of c·Δ over updates at step c; the average after
	// step c is w − u/c.
	nf := len(keys)
	w := make([]float32, nf*numLabels)
	u := make([]float64, nf*numLabels)
	const nt = transSize
	tw := make([]float32, nt)
	tu := make([]float64, nt)
	c := 1.0
	rng := rand.New(rand.NewPCG(uint64(opts.Seed), 0x9e3779b97f4a7c15))
	order := make([]int, len(sents))
	for i := range order {
		order[i] = i
	}
	var (
		scores []float32
		back   []int8
		path   []int
	)
	update := func(f int32, l int, d float32) {
		k := int(f)*numLabels + l
		w[k] += d
		u[k] += float64(c * float64(d)) // conversion: no fused multiply-add
	}
	tupdate := func(prev, cur int, cls uint8, d float32) {
		k := (prev+1)*numLabels + cur
		tw[k] += d
		tu[k] += float64(c * float64(d)) // conversion: no fused multiply-add
		k += (1 + int(cls)) * transBlock
		tw[k] += d
		tu[k] += float64(c * float64(d)) // conversion: no fused multiply-add
	}
	for ep := 1; ep <= opts.Epochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		errs := 0
		for _, si := range order {
			g := gold[si]
			n := len(g)
			if n == 0 {
				continue
			}
			fs, os := feats[si], offs[si]
			scores = append(scores[:0], make([]float32, n*numLabels)...)
			for t := 0; t < n; t++ {
				s := scores[t*numLabels : (t+1)*numLabels]
				for _, f := range fs[os[t]:os[t+1]] {
					r := w[int(f)*numLabels : int(f+1)*numLabels]
					for j := range s {
						s[j] += r[j]
					}
				}
			}
			back = append(back[:0], make([]int8, n*numLabels)...)
			path = append(path[:0], make([]int, n)...)
			cls := classes[si]
			viterbi(scores, tw, cls, n, back, path)
			prevG, prevP := -1, -1
			for t := 0; t < n; t++ {
				gl, pl := int(g[t]), path[t]
				if gl != pl {
					errs++
					for _, f := range fs[os[t]:os[t+1]] {
						update(f, gl, 1)
						update(f, pl, -1)
					}
				}
				if gl != pl || prevG != prevP {
					tupdate(prevG, gl, cls[t], 1)
					tupdate(prevP, pl, cls[t], -1)
				}
				prevG, prevP = gl, pl
			}
			c++
		}
		fmt.Fprintf(logw, "ner: train: epoch %d/%d: %d token errors (%.2f%%), %v\n",
			ep, opts.Epochs, errs, 100*float64(errs)/float64(ntok), time.Since(start).Round(time.Millisecond))
	}
	for k := range w {
		w[k] -= float32(u[k] / c)
	}
	for k := range tw {
		tw[k] -= float32(tu[k] / c)
	}
	m := newModel(keys, w, tw)
	fmt.Fprintf(logw, "ner: train: done, %d non-zero features, %v\n", m.Features(), time.Since(start).Round(time.Millisecond))
	return m, nil
}

func labelName(l int) string {
	if l < 0 {
		return "sentence start"
	}
	return labelNames[l]
}
