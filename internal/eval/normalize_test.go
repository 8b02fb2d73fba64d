package eval

import (
	"math"
	"testing"
)

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Moon Jae-in", "moon jaein"},
		{"moon jaein", "moon jaein"},
		{"Moon Jae In", "moon jae in"},
		{"  Kim   Jong\tUn\n", "kim jong un"},
		{"Shinzō Abe", "shinzo abe"},
		{"Đà Nẵng", "da nang"},
		{"Außenministerium", "aussenministerium"},
		{"AUSSENMINISTERIUM", "aussenministerium"},
		{"Søren Kierkegaard", "soren kierkegaard"},
		{"Łódź", "lodz"},
		{"Æsop", "aesop"},
		{"U.S.", "us"},
		{"Donald J. Trump", "donald j trump"},
		{"AT&T", "att"},
		{"„Zerstörer“", "zerstorer"},
		{"ＡＢＣ", "abc"},                   // full-width letters (NFKC)
		{"G20", "g20"},                   // digits stay
		{"Ⅱ. Weltkrieg", "ii weltkrieg"}, // Roman numeral (NFKC)
		{"Kim – Trump", "kim trump"},     // a spaced dash leaves one space
		{"İstanbul", "istanbul"},
		{"", ""},
		{"...", ""},
	}
	for _, tc := range tests {
		if got := Normalize(tc.in); got != tc.want {
			t.Errorf("Normalize(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestJaccard(t *testing.T) {
	tests := []struct {
		a, b  string
		want  float64
		match bool
	}{
		{"eins zwei drei", "eins zwei drei", 1, true},
		{"Eins, zwei – DREI!", "eins zwei drei", 1, true},
		{"eins zwei drei", "eins zwei drei vier fünf", 0.6, true},        // exactly at the bar
		{"eins zwei drei sechs", "eins zwei drei vier fünf", 0.5, false}, // below
		{"a b c d e f g h i j k l", "a b c d e f g h i j k l m x y z", 0.75, true},
		{"Zerstörer", "zerstorer", 1, true},
		{"", "", 0, false},
		{"eins", "", 0, false},
		{"eins eins zwei", "eins zwei", 1, true}, // sets, not bags
	}
	for _, tc := range tests {
		got := Jaccard(tc.a, tc.b)
		if math.Abs(got-tc.want) > 1e-9 {
			t.Errorf("Jaccard(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
		if m := quoteMatches(overlap(words(tc.a), words(tc.b))); m != tc.match {
			t.Errorf("quoteMatches(%q, %q) = %v, want %v", tc.a, tc.b, m, tc.match)
		}
	}
}
