package ner

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// pairs renders a sentence as "token/LABEL" words for compact comparison.
func pairs(s Sentence) string {
	var b strings.Builder
	for i, t := range s.Tokens {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t)
		b.WriteByte('/')
		b.WriteString(s.Labels[i])
	}
	return b.String()
}

func TestReadCorpus(t *testing.T) {
	tests := []struct {
		file   string
		format Format
		want   []string
	}{
		{
			file:   "mobie.conll2003",
			format: FormatCoNLL2003,
			want: []string{
				"#Bahn/B-ORG fährt/O nach/O Bad/B-LOC Hersfeld/I-LOC ./O",
				// date, org-position and percent are O; location-route is LOC.
				"Am/O 23.03/O sagte/O Bahnchef/O Richard/B-PER Lutz/I-PER ,/O 5/O Prozent/O auf/O der/O S4/B-LOC ./O",
			},
		},
		{
			file:   "europarl.conll02",
			format: FormatCoNLL2002,
			want: []string{
				// IOB1 I- after O becomes B-.
				"Herr/O Schulz/B-PER sprach/O im/O Europäischen/B-ORG Parlament/I-ORG über/O den/O Euro/B-MISC ./O",
				"Paris/B-LOC und/O Berlin/B-LOC Brüssel/B-LOC",
			},
		},
		{
			file:   "germeval.tsv",
			format: FormatGermEval,
			want: []string{
				// Outer level; -deriv/-part are O; OTH is MISC.
				`Die/O deutsche/O Bundesbank/B-ORG in/O Frankfurt/B-LOC las/O "/O Ecce/B-MISC homo/I-MISC "/O ./O`,
				"Angela/B-PER Merkel/I-PER sprach/O mit/O SPD-Chef/O Beck/B-PER",
			},
		},
		{
			file:   "europeana.bio",
			format: FormatBIOStream,
			want: []string{
				// Comment lines dropped, malformed tags repaired, sentences
				// cut after . ! ? before an upper-case word but not after
				// an ordinal ("3 ."); a token with a space is kept whole.
				"Donnerstag/O ,/O Herr/O Gambetta/B-PER sprach/O in/O Wien/B-LOC ./O",
				"Der/O Kaiser/O Franz/B-PER Joseph/I-PER reiste/O nach/O Trient/B-LOC zu haben/O am/O 3/O ./O Mai/O !/O",
				"Die/O Südbahn/B-ORG des/I-ORG fuhr/O ./O",
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			path := filepath.Join("testdata", tc.file)
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if f := DetectFormat(tc.file, data); f != tc.format {
				t.Errorf("DetectFormat by name = %v, want %v", f, tc.format)
			}
			if f := DetectFormat("corpus.txt", data); tc.format != FormatBIOStream && f != tc.format {
				t.Errorf("DetectFormat by content = %v, want %v", f, tc.format)
			}
			sents, err := ReadCorpus(path)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, s := range sents {
				if len(s.Tokens) != len(s.Labels) {
					t.Fatalf("%d tokens, %d labels", len(s.Tokens), len(s.Labels))
				}
				got = append(got, pairs(s))
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(tc.want, "\n  "))
			}
		})
	}
}

func TestDetectFormatBIOStreamByContent(t *testing.T) {
	var b strings.Builder
	for i := 0; i < 60; i++ {
		b.WriteString("Wort O\n")
	}
	if f := DetectFormat("stream", []byte(b.String())); f != FormatBIOStream {
		t.Errorf("got %v, want %v", f, FormatBIOStream)
	}
}

func TestParseCorpusErrors(t *testing.T) {
	tests := []struct {
		name, input string
		format      Format
	}{
		{"germeval short line", "#\tx\n1\tWort\n", FormatGermEval},
		{"conll02 no tag", "Wort\n", FormatCoNLL2002},
		{"conll02 bad tag", "Wort\tFOO\n", FormatCoNLL2002},
	}
	for _, tc := range tests {
		if _, err := ParseCorpus(strings.NewReader(tc.input), tc.format); err == nil {
			t.Errorf("%s: no error", tc.name)
		}
	}
	if _, err := ReadCorpus(filepath.Join("testdata", "no-such-file")); err == nil {
		t.Error("missing file: no error")
	}
}

func TestNormLabel(t *testing.T) {
	tests := []struct {
		raw    string
		scheme labelScheme
		want   string
	}{
		{"O", schemeGeneric, "O"},
		{"B-PER", schemeGeneric, "B-PER"},
		{"I-MISC", schemeGeneric, "I-MISC"},
		{"B-PEr", schemeGeneric, "B-PER"},
		{"B_LOC", schemeGeneric, "B-LOC"},
		{"B.PER", schemeGeneric, "B-PER"},
		{"B-LOCer", schemeGeneric, "B-LOC"},
		{"B-OLOC", schemeGeneric, "B-LOC"},
		{"B-ER", schemeGeneric, "O"},
		{"???", schemeGeneric, "O"},
		{"S-ORG", schemeGeneric, "B-ORG"},
		{"E-ORG", schemeGeneric, "I-ORG"},
		{"B-location-stop", schemeMobIE, "B-LOC"},
		{"I-organization-company", schemeMobIE, "I-ORG"},
		{"B-person", schemeMobIE, "B-PER"},
		{"B-org-position", schemeMobIE, "O"},
		{"B-percent", schemeMobIE, "O"},
		{"B-OTH", schemeGermEval, "B-MISC"},
		{"B-LOCderiv", schemeGermEval, "O"},
		{"I-ORGpart", schemeGermEval, "O"},
	}
	for _, tc := range tests {
		if got := normLabel(tc.raw, tc.scheme); got != tc.want {
			t.Errorf("normLabel(%q, %d) = %q, want %q", tc.raw, tc.scheme, got, tc.want)
		}
	}
}

func TestFixBIO(t *testing.T) {
	got := []string{"I-PER", "I-PER", "O", "I-LOC", "B-LOC", "I-ORG", "I-ORG"}
	fixBIO(got)
	want := []string{"B-PER", "I-PER", "O", "B-LOC", "B-LOC", "B-ORG", "I-ORG"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}
