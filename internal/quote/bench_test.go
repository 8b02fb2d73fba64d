package quote_test

import (
	"context"
	"os"
	"testing"

	"github.com/newsgraph/newsgraph/internal/source"
)

// BenchmarkSeedWithEntities measures entities and quotations together on
// the seed (the knowledge base loaded once, outside the loop).
func BenchmarkSeedWithEntities(b *testing.B) {
	data, err := os.ReadFile("../../../shared/corpus/seed/000_18f728b461ea7953.txt")
	if err != nil {
		b.Skip("seed not available")
	}
	a := newAnalyzer(b, "2017-11-12")
	doc := source.Document{Text: string(data)}
	ctx := context.Background()
	b.SetBytes(int64(len(data)))
	tokens := 0
	for b.Loop() {
		r, err := a.Analyze(ctx, doc)
		if err != nil {
			b.Fatal(err)
		}
		tokens += r.Tokens
	}
	b.ReportMetric(float64(tokens)/b.Elapsed().Seconds(), "tokens/s")
}
