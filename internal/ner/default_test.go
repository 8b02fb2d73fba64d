package ner

import (
	"strings"
	"testing"
)

// spanStrings returns the entities of a tagged sentence as "TYPE:words".
func spanStrings(tokens, labels []string) []string {
	var out []string
	for _, sp := range bioSpans(labels) {
		out = append(out, sp.typ+":"+strings.Join(tokens[sp.start:sp.end], " "))
	}
	return out
}

func TestDefaultTagsSentences(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		sentence string
		want     []string // entities that must be found, exactly
	}{
		{
			"Bundeskanzler Olaf Scholz traf am Montag in Paris den französischen Präsidenten Emmanuel Macron .",
			[]string{"PER:Olaf Scholz", "LOC:Paris", "PER:Emmanuel Macron"},
		},
		{
			"Die Deutsche Bahn meldet Verspätungen zwischen Hamburg und Berlin .",
			[]string{"LOC:Hamburg", "LOC:Berlin"},
		},
		{
			"Prime Minister Theresa May met Chancellor Olaf Scholz in London on Friday .",
			[]string{"PER:Theresa May", "PER:Olaf Scholz", "LOC:London"},
		},
	}
	for _, tc := range tests {
		toks := strings.Fields(tc.sentence)
		got := spanStrings(toks, m.Tag(toks))
		t.Logf("%s\n  → %v", tc.sentence, got)
		have := map[string]bool{}
		for _, g := range got {
			have[g] = true
		}
		for _, w := range tc.want {
			if !have[w] {
				t.Errorf("%q: missing %s; got %v", tc.sentence, w, got)
			}
		}
	}
}
