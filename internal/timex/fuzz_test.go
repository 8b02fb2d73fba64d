package timex_test

import (
	"testing"
	"unicode/utf8"
)

// FuzzFind checks that Find never panics, keeps its spans inside the text
// and in order, and never lets two expressions overlap.
func FuzzFind(f *testing.F) {
	for _, tc := range germanCases {
		f.Add(tc.text, tc.pub, "de")
	}
	for _, tc := range englishCases {
		f.Add(tc.text, tc.pub, "en")
	}
	f.Add("am 31.02. und am 29. Februar 2019, 1950–53, in der Nacht zum", "2020-02-29", "de")
	f.Add("vor 999 Jahren, in 999 years' time, 2199-12-31, 9999", "0001-01-01", "en")
	f.Add("\xff\xfe Montag \u00a0 heute", "garbage", "xx")
	tg := newTagger(f)
	f.Fuzz(func(t *testing.T, text, published, language string) {
		got := tg.Find(text, published, language)
		if !utf8.ValidString(text) {
			return // Find reads a repaired copy; offsets refer to it
		}
		runes := []rune(text)
		prevEnd := 0
		for _, x := range got {
			if x.Start < prevEnd || x.End <= x.Start || x.End > len(runes) {
				t.Fatalf("bad span %d-%d (previous end %d, %d runes) in %q: %+v", x.Start, x.End, prevEnd, len(runes), text, got)
			}
			if string(runes[x.Start:x.End]) != x.Text {
				t.Fatalf("span %d-%d is %q, text %q", x.Start, x.End, string(runes[x.Start:x.End]), x.Text)
			}
			if x.Value == "" {
				t.Fatalf("empty value for %q", x.Text)
			}
			prevEnd = x.End
		}
	})
}
