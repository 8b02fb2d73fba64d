// Package eval measures newsgraph against hand-made answer keys, so that a
// change to the analyser can be judged by numbers rather than by reading
// output. It implements the scoring rules of the shared corpus's GOLD.md
// once, for `newsgraph eval`, for the tests and for anyone comparing systems:
// micro-averaged precision, recall and F1 per layer (entities, places, time
// expressions, quotes, and events at CAMEO root and at QuadClass level), the
// accuracies that are measured on matched items (quote speaker, timex value,
// geocoding country, event date), and a per-article breakdown that shows
// which article a system fails on.
//
// It also scores a named-entity tagger on GermEval 2014 (or plain CoNLL)
// data, at the outer level with strict span and type matching.
//
// Decisions on points GOLD.md leaves open are documented where they are
// implemented; the most visible one is name normalisation (see Normalize),
// which deletes punctuation rather than replacing it by a space, so that
// "Moon Jae-in" compares as "moon jaein" and needs the gold alias
// "Moon Jae In" to match a system's "Moon Jae In".
package eval
