package ner

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
)

// benchSentences returns GermEval dev sentences when the shared data is
// there, else a few German sentences.
func benchSentences(b *testing.B) [][]string {
	dir := filepath.Join("..", "..", "..", "shared", "data", "ner", "germeval2014", "NER-de-dev.tsv")
	if raw, err := readGermEvalRaw(dir); err == nil {
		out := make([][]string, len(raw))
		for i, s := range raw {
			out[i] = s.tokens
		}
		return out
	}
	return [][]string{
		strings.Fields("Bundeskanzler Olaf Scholz traf am Montag in Paris den französischen Präsidenten Emmanuel Macron ."),
		strings.Fields("Die Deutsche Bahn meldet Verspätungen zwischen Hamburg und Berlin ."),
		strings.Fields("Der US-Präsident sprach am Dienstag vor den Vereinten Nationen in New York über die Lage in der Ukraine ."),
	}
}

// BenchmarkTag tags sentences with the default model; SetBytes counts the
// token bytes, and tokens/s is reported.
func BenchmarkTag(b *testing.B) {
	m, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	sents := benchSentences(b)
	var nbytes, ntok int
	for _, s := range sents {
		ntok += len(s)
		for _, t := range s {
			nbytes += len(t)
		}
	}
	b.SetBytes(int64(nbytes))
	b.ReportAllocs()
	b.ResetTimer()
	var dst []string
	for i := 0; i < b.N; i++ {
		for _, s := range sents {
			dst = m.AppendTags(dst[:0], s)
		}
	}
	b.ReportMetric(float64(ntok)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkLoad measures loading the committed model.
func BenchmarkLoad(b *testing.B) {
	data, err := modelFS.ReadFile(defaultModelPath)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := Load(bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
}
