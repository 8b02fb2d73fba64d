// Package ner is newsgraph's statistical named-entity tagger for German and
// English: it labels tokens with BIO tags over PER, LOC, ORG and MISC.
//
// The model is an averaged structured perceptron (Collins 2002) over hashed
// sparse features, decoded with Viterbi over label bigrams under the BIO
// constraint (I-X only after B-X or I-X); the transition weights are also
// conditioned on a coarse class of the current token (punctuation, lower
// case, capitalised at or after the sentence start, all caps, other).
// Features per token: the lower-cased word (digits as 0) and the word as
// written, long and short word shape ("Xxxx", "Xx-Xx", "dd.dd"), prefixes
// 1–4 and suffixes 1–5, flags (capitalised, all caps, digits, hyphen,
// punctuation, sentence start, hashtag, capitalised after a German or
// English article, -isch adjective, inside quotation marks), the words and
// short shapes of two tokens either side, word bigrams and a shape
// trigram, the parts of hyphenated compounds ("US-Präsident" → "us" with
// shape "XX", "präsident"), and membership in a gazetteer of country and
// world-region names that is built from the CLDR data of
// golang.org/x/text (German and English, no data file). Features are
// 64-bit FNV-1a hashes; weights are quantised to int16 with one scale.
//
// Train is deterministic for a given input order and seed. TrainDefault
// trains the committed model (model/ner.gz, loaded by Default) from the
// shared NER data; model/README.md gives the command, the figures and the
// exact data. The training data, credited here as their licences require:
//
//   - DFKI MobIE (Hennig, Truong, Gabryszak, KONVENS 2021), German traffic
//     and transport news and tweets, CC BY 4.0; location* → LOC,
//     organization* → ORG, person → PER, the other types → O.
//   - Europarl NER gold sets, German and English (Agerri et al., LREC
//     2018, on Europarl, Koehn 2005), under the Europarl terms of use ("We
//     are not aware of any copyright restrictions of the material").
//   - Europeana Newspapers NER corpora, German (Neudecker, LREC 2016), CC0
//     1.0; historical OCR text, cut into sentences heuristically.
//
// GermEval 2014 (Benikova et al., LREC 2014, CC BY 4.0) is used only to
// measure the model (its dev set), never to train it. No corpus text is
// part of the repository; only the trained weights are.
package ner
