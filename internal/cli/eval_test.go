package cli

import (
	"context"
	"io"
	"os"
	"testing"
)

// TestDevCorpusFloors runs the whole pipeline, as "newsgraph eval" does,
// over the dev corpus and fails when a layer falls below the figure it
// reached when it landed (minus a little), so that a regression shows. The
// figures themselves are in the closing notes and BENCHMARKS.md.
func TestDevCorpusFloors(t *testing.T) {
	dir := "../../../shared/corpus/dev"
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("dev corpus not available (%v); it sits in ../shared beside the repository on CI", err)
	}
	g := &Globals{Stdout: io.Discard, Stderr: io.Discard, Ctx: context.Background(), Log: NewLogger(io.Discard, false)}
	r, err := scoreGold(g, KBFlags{}, dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("entities F1 %.3f, places F1 %.3f (geocoding %.3f), timex F1 %.3f (value %.3f), quotes F1 %.3f (speaker %.3f)",
		r.Entities.F1, r.Places.F1, r.GeocodingAccuracy.Value, r.Timex.F1, r.TimexValueAccuracy.Value, r.Quotes.F1, r.SpeakerAccuracy.Value)
	floors := []struct {
		name      string
		got, want float64
	}{
		{"entities F1", r.Entities.F1, 0.82},
		{"places F1", r.Places.F1, 0.91},
		{"geocoding accuracy", r.GeocodingAccuracy.Value, 0.97},
		{"timex F1", r.Timex.F1, 0.95},
		{"timex value accuracy", r.TimexValueAccuracy.Value, 0.97},
		{"quotes F1", r.Quotes.F1, 0.71},
		{"speaker accuracy", r.SpeakerAccuracy.Value, 0.73},
	}
	for _, f := range floors {
		if f.got < f.want {
			t.Errorf("%s %.3f fell below %.2f", f.name, f.got, f.want)
		}
	}
}
