package ner

import (
	"math/rand/v2"
	"strings"
)

// namePools holds entity names (as token lists) per type, for
// entity-replacement augmentation.
type namePools map[string][][]string

// addSpans adds the entity spans of sents to the pools.
func (p namePools) addSpans(sents []Sentence) {
	for _, s := range sents {
		for i := 0; i < len(s.Labels); i++ {
			if !strings.HasPrefix(s.Labels[i], "B-") {
				continue
			}
			typ := s.Labels[i][2:]
			j := i + 1
			for j < len(s.Labels) && s.Labels[j] == "I-"+typ {
				j++
			}
			p[typ] = append(p[typ], s.Tokens[i:j:j])
		}
	}
}

// augment returns n synthetic sentences. Each copies a random sentence of
// sents that has an entity of a type with a pool, and replaces each such
// entity with a random name of that type from the pools. The result
// depends only on the inputs and seed.
func augment(sents []Sentence, pools namePools, n int, seed uint64) []Sentence {
	var cands []int
	for i, s := range sents {
		for _, l := range s.Labels {
			if strings.HasPrefix(l, "B-") && len(pools[l[2:]]) > 0 {
				cands = append(cands, i)
				break
			}
		}
	}
	if len(cands) == 0 || n <= 0 {
		return nil
	}
	rng := rand.New(rand.NewPCG(seed, 0x5851f42d4c957f2d))
	out := make([]Sentence, 0, n)
	for len(out) < n {
		s := sents[cands[rng.IntN(len(cands))]]
		var ns Sentence
		for i := 0; i < len(s.Tokens); {
			l := s.Labels[i]
			if !strings.HasPrefix(l, "B-") || len(pools[l[2:]]) == 0 {
				ns.Tokens = append(ns.Tokens, s.Tokens[i])
				ns.Labels = append(ns.Labels, l)
				i++
				continue
			}
			typ := l[2:]
			j := i + 1
			for j < len(s.Labels) && s.Labels[j] == "I-"+typ {
				j++
			}
			pool := pools[typ]
			name := pool[rng.IntN(len(pool))]
			for k, t := range name {
				ns.Tokens = append(ns.Tokens, t)
				if k == 0 {
					ns.Labels = append(ns.Labels, "B-"+typ)
				} else {
					ns.Labels = append(ns.Labels, "I-"+typ)
				}
			}
			i = j
		}
		out = append(out, ns)
	}
	return out
}
