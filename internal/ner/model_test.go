package ner

import (
	"bytes"
	"compress/gzip"
	"errors"
	"reflect"
	"strings"
	"sync"
	"testing"
)

// oddInputs are token lists a tagger must survive.
var oddInputs = [][]string{
	nil,
	{},
	{""},
	{"", "", ""},
	{" "},
	{"\x00", "\xff\xfe", "\t\n"},
	{"🙂", "👍🏽", "‮"},
	{strings.Repeat("x", 10000)},
	{"-", "--", "-x-", "x-", "-X"},
	{"#", "@", "#Berlin", "@dpa"},
	{"Ⅻ", "ǅ", "ß", "İstanbul", "ΑΘΗΝΑ"},
	{"123", "12.11.2017", "3,5", "1.000"},
}

func TestTagOddInputs(t *testing.T) {
	models := map[string]*Model{"synthetic": trainSynthetic(t)}
	if m, err := Default(); err == nil {
		models["default"] = m
	} else {
		t.Fatal(err)
	}
	for name, m := range models {
		for _, in := range oddInputs {
			got := m.Tag(in)
			if len(got) != len(in) {
				t.Errorf("%s: Tag(%q) gave %d labels", name, in, len(got))
			}
			checkBIO(t, got)
			if dst := m.AppendTags([]string{"keep"}, in); len(dst) != len(in)+1 || dst[0] != "keep" {
				t.Errorf("%s: AppendTags(%q) = %q", name, in, dst)
			}
		}
		long := make([]string, 5000)
		for i := range long {
			long[i] = []string{"Herr", "Müller", "in", "Berlin", "."}[i%5]
		}
		got := m.Tag(long)
		if len(got) != len(long) {
			t.Errorf("%s: long input: %d labels", name, len(got))
		}
		checkBIO(t, got)
	}
}

// checkBIO fails when labels are not valid BIO.
func checkBIO(t *testing.T, labels []string) {
	t.Helper()
	prev := -1
	for i, l := range labels {
		li := labelIndex(l)
		if li == labO && l != "O" {
			t.Fatalf("label %d: unknown %q", i, l)
		}
		if !allowed(prev, li) {
			t.Fatalf("label %d: %s after %s in %v", i, l, labelName(prev), labels)
		}
		prev = li
	}
}

func TestSaveLoadRoundTrip(t *testing.T) {
	m := trainSynthetic(t)
	var buf bytes.Buffer
	if err := m.Save(&buf); err != nil {
		t.Fatal(err)
	}
	m2, err := Load(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if m.Features() != m2.Features() {
		t.Errorf("features %d, after load %d", m.Features(), m2.Features())
	}
	for _, s := range syntheticCorpus(50, 9) {
		if a, b := m.Tag(s.Tokens), m2.Tag(s.Tokens); !reflect.DeepEqual(a, b) {
			t.Errorf("%v: %v before, %v after", s.Tokens, a, b)
		}
	}
	// Weights and transitions survive exactly: saving again gives the
	// same bytes.
	var buf2 bytes.Buffer
	if err := m2.Save(&buf2); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), buf2.Bytes()) {
		t.Error("Save(Load(Save(m))) differs from Save(m)")
	}
}

func TestDefaultRoundTrip(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := m.Save(&buf); err != nil {
		t.Fatal(err)
	}
	m2, err := Load(&buf)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{
		"Bundeskanzler Olaf Scholz traf am Montag in Paris den französischen Präsidenten Emmanuel Macron .",
		"Die Deutsche Bahn meldet Verspätungen zwischen Hamburg und Berlin .",
	} {
		toks := strings.Fields(s)
		if a, b := m.Tag(toks), m2.Tag(toks); !reflect.DeepEqual(a, b) {
			t.Errorf("%s: %v before, %v after", s, a, b)
		}
	}
}

func TestLoadErrors(t *testing.T) {
	gz := func(b []byte) []byte {
		var buf bytes.Buffer
		zw := gzip.NewWriter(&buf)
		zw.Write(b)
		zw.Close()
		return buf.Bytes()
	}
	var good bytes.Buffer
	if err := trainSynthetic(t).Save(&good); err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(good.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	var raw bytes.Buffer
	raw.ReadFrom(zr)
	plain := raw.Bytes()

	tests := []struct {
		name   string
		data   []byte
		format bool // a malformed model rather than a gzip error
	}{
		{"empty", nil, false},
		{"not gzip", []byte("hello"), false},
		{"empty gzip", gz(nil), true},
		{"bad magic", gz([]byte("NOTNER\x01")), true},
		{"bad version", gz(append([]byte("NGNER"), 9)), true},
		{"truncated", gz(plain[:len(plain)/2]), true},
		{"trailing", gz(append(append([]byte{}, plain...), 0)), true},
	}
	for _, tc := range tests {
		_, err := Load(bytes.NewReader(tc.data))
		if err == nil {
			t.Errorf("%s: no error", tc.name)
			continue
		}
		if !strings.HasPrefix(err.Error(), "ner: load: ") {
			t.Errorf("%s: error %q lacks the package prefix", tc.name, err)
		}
		if tc.format && !errors.Is(err, errFormat) {
			t.Errorf("%s: error %q does not wrap errFormat", tc.name, err)
		}
	}
}

func TestTagConcurrent(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	toks := strings.Fields("Bundeskanzler Olaf Scholz traf am Montag in Paris den französischen Präsidenten Emmanuel Macron .")
	want := m.Tag(toks)
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var dst []string
			for i := 0; i < 200; i++ {
				dst = m.AppendTags(dst[:0], toks)
				if !reflect.DeepEqual(dst, want) {
					t.Errorf("concurrent Tag gave %v, want %v", dst, want)
					return
				}
			}
		}()
	}
	wg.Wait()
}
