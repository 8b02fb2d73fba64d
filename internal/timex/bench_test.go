package timex_test

import (
	"os"
	"testing"

	"github.com/newsgraph/newsgraph/internal/token"
)

// BenchmarkFind measures Find on the seed article (tokenizing included),
// in MB/s and tokens/s.
func BenchmarkFind(b *testing.B) {
	data, err := os.ReadFile(seedText)
	if err != nil {
		b.Skipf("seed article not available: %v", err)
	}
	text := string(data)
	tok, err := token.New(token.DefaultOptions())
	if err != nil {
		b.Fatal(err)
	}
	ntok := len(tok.Tokenize(text))
	tg := newTagger(b)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		tg.Find(text, "2017-11-12", "de")
	}
	b.ReportMetric(float64(ntok)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}
