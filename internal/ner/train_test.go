package ner

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

// syntheticCorpus builds sentences in which a capitalised word after
// "Herr"/"Frau" is PER and one after "in"/"nach" is LOC.
func syntheticCorpus(n int, seed uint64) []Sentence {
	rng := rand.New(rand.NewPCG(seed, 1))
	names := []string{"Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann"}
	places := []string{"Berlin", "Hamburg", "München", "Köln", "Leipzig", "Dresden", "Bremen", "Kassel"}
	verbs := []string{"sprach", "reiste", "kam", "wohnt", "arbeitet"}
	nouns := []string{"Haus", "Stadt", "Regierung", "Woche", "Zeitung"}
	var out []Sentence
	for i := 0; i < n; i++ {
		title := []string{"Herr", "Frau"}[rng.IntN(2)]
		prep := []string{"in", "nach"}[rng.IntN(2)]
		s := Sentence{
			Tokens: []string{"Gestern", verbs[rng.IntN(len(verbs))], title, names[rng.IntN(len(names))], prep, places[rng.IntN(len(places))], "über", "die", nouns[rng.IntN(len(nouns))], "."},
			Labels: []string{"O", "O", "O", "B-PER", "O", "B-LOC", "O", "O", "O", "O"},
		}
		out = append(out, s)
	}
	return out
}

func trainSynthetic(t testing.TB) *Model {
	t.Helper()
	opts := DefaultTrainOptions()
	opts.Epochs = 5
	opts.MinFeatureCount = 1
	m, err := Train(syntheticCorpus(300, 1), opts)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestTrainLearnsCues(t *testing.T) {
	m := trainSynthetic(t)
	tests := []struct {
		sentence string
		want     []string
	}{
		// Names and places never seen in training.
		{"Gestern kam Herr Zimmermann nach Potsdam über die Stadt .", []string{"PER:Zimmermann", "LOC:Potsdam"}},
		{"Gestern sprach Frau Lindqvist in Oslo über die Woche .", []string{"PER:Lindqvist", "LOC:Oslo"}},
	}
	for _, tc := range tests {
		toks := strings.Fields(tc.sentence)
		if got := spanStrings(toks, m.Tag(toks)); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%q: got %v, want %v", tc.sentence, got, tc.want)
		}
	}
}

func TestTrainDeterministic(t *testing.T) {
	corpus := syntheticCorpus(200, 2)
	save := func(seed int64) []byte {
		opts := DefaultTrainOptions()
		opts.Epochs = 3
		opts.Seed = seed
		m, err := Train(corpus, opts)
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := m.Save(&buf); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	a, b := save(7), save(7)
	if !bytes.Equal(a, b) {
		t.Error("two runs with the same seed gave different models")
	}
}

func TestTrainErrors(t *testing.T) {
	ok := []Sentence{{Tokens: []string{"Herr", "Müller"}, Labels: []string{"O", "B-PER"}}}
	tests := []struct {
		name  string
		sents []Sentence
		opts  TrainOptions
	}{
		{"no epochs", ok, TrainOptions{}},
		{"no tokens", []Sentence{{}}, DefaultTrainOptions()},
		{"length mismatch", []Sentence{{Tokens: []string{"a"}, Labels: nil}}, DefaultTrainOptions()},
		{"unknown label", []Sentence{{Tokens: []string{"a"}, Labels: []string{"B-FOO"}}}, DefaultTrainOptions()},
		{"not BIO", []Sentence{{Tokens: []string{"a", "b"}, Labels: []string{"O", "I-PER"}}}, DefaultTrainOptions()},
	}
	for _, tc := range tests {
		if _, err := Train(tc.sents, tc.opts); err == nil {
			t.Errorf("%s: no error", tc.name)
		}
	}
}

func TestTrainLog(t *testing.T) {
	var log bytes.Buffer
	opts := DefaultTrainOptions()
	opts.Epochs = 2
	opts.Log = &log
	if _, err := Train(syntheticCorpus(20, 3), opts); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"epoch 1/2", "epoch 2/2", "done"} {
		if !strings.Contains(log.String(), want) {
			t.Errorf("log lacks %q:\n%s", want, log.String())
		}
	}
}

func TestAugment(t *testing.T) {
	sents := []Sentence{
		{Tokens: []string{"Herr", "Müller", "kam", "."}, Labels: []string{"O", "B-PER", "O", "O"}},
		{Tokens: []string{"Es", "regnet", "."}, Labels: []string{"O", "O", "O"}},
	}
	pools := namePools{"PER": {{"Anna", "Maria", "Schmidt"}}}
	got := augment(sents, pools, 2, 1)
	want := "Herr/O Anna/B-PER Maria/I-PER Schmidt/I-PER kam/O ./O"
	if len(got) != 2 || pairs(got[0]) != want || pairs(got[1]) != want {
		var s []string
		for _, g := range got {
			s = append(s, pairs(g))
		}
		t.Errorf("got %v, want 2× %s", s, want)
	}
	if augment(sents, namePools{}, 5, 1) != nil {
		t.Error("augment without pools made sentences")
	}
}

func ExampleTrain() {
	sents := []Sentence{
		{Tokens: []string{"Herr", "Müller", "kommt", "aus", "Berlin", "."}, Labels: []string{"O", "B-PER", "O", "O", "B-LOC", "O"}},
		{Tokens: []string{"Frau", "Schmidt", "kommt", "aus", "Bonn", "."}, Labels: []string{"O", "B-PER", "O", "O", "B-LOC", "O"}},
	}
	opts := DefaultTrainOptions()
	opts.MinFeatureCount = 1
	m, err := Train(sents, opts)
	if err != nil {
		panic(err)
	}
	fmt.Println(m.Tag([]string{"Herr", "Schmidt", "kommt", "aus", "Berlin", "."}))
	// Output: [O B-PER O O B-LOC O]
}
