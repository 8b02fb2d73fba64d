package pipeline_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/newsgraph/newsgraph/internal/source"
)

// BenchmarkAnalyzeSeed measures the whole analysis of the seed article,
// from decoded text to Result, on one core.
func BenchmarkAnalyzeSeed(b *testing.B) {
	data, err := os.ReadFile(filepath.Join(seedDir, "000_18f728b461ea7953.txt"))
	if err != nil {
		b.Skipf("seed article not available: %v", err)
	}
	doc, err := source.New(source.DefaultOptions(), nil).Decode("seed.txt", data)
	if err != nil {
		b.Fatal(err)
	}
	a := newAnalyzer(b, "2017-11-12")
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
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
	b.ReportMetric(float64(tokens)/b.Elapsed().Seconds(), "tokens/s")
}
