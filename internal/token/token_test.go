package token

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

func newTok(t testing.TB) *Tokenizer {
	t.Helper()
	tk, err := New(DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	return tk
}

// texts returns the tokens as "text/kind" strings joined by spaces, which
// makes a table case readable at a glance.
func texts(toks []Token) string {
	var b strings.Builder
	for i, t := range toks {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.Text)
		if t.Kind != Word && t.Kind != Punct {
			b.WriteString("/" + t.Kind.String())
		}
	}
	return b.String()
}

func TestTokenize(t *testing.T) {
	tk := newTok(t)
	tests := []struct{ in, want string }{
		// Abbreviations.
		{"z.B. Dr. Müller", "z.B./abbrev Dr./abbrev Müller"},
		{"z. B. heute", "z./abbrev B./abbrev heute"},
		{"die U.S. Army", "die U.S./abbrev Army"},
		{"Nr. 5 bzw. Nr. 6", "Nr./abbrev 5/number bzw./abbrev Nr./abbrev 6/number"},
		{"ca. 3 Mio. Euro und 2 Mrd. Dollar", "ca./abbrev 3/number Mio./abbrev Euro und 2/number Mrd./abbrev Dollar"},
		{"St. Petersburg", "St./abbrev Petersburg"},
		{"Donald J. Trump", "Donald J./abbrev Trump"},
		{"Mr. Kim and Mrs. May", "Mr./abbrev Kim and Mrs./abbrev May"},
		{"e.g. this, i.e. that", "e.g./abbrev this , i.e./abbrev that"},
		{"Prof. Dr. h.c. Meier", "Prof./abbrev Dr./abbrev h.c./abbrev Meier"},
		// Ordinals and dates.
		{"am 3. Oktober", "am 3./ordinal Oktober"},
		{"12. Juni 2017", "12./ordinal Juni 2017/number"},
		{"der 2. Weltkrieg", "der 2./ordinal Weltkrieg"},
		{"zum 70. Geburtstag", "zum 70./ordinal Geburtstag"},
		{"im Jahr 2017. Danach", "im Jahr 2017/number . Danach"},
		{"Es waren 12. Dann", "Es waren 12/number . Dann"},
		{"am 12.11.2017 in", "am 12.11.2017/number in"},
		{"der 3. und 4. Platz", "der 3./ordinal und 4./ordinal Platz"},
		// Numbers.
		{"1.000 Menschen", "1.000/number Menschen"},
		{"3,5 Prozent", "3,5/number Prozent"},
		{"1,000 people and 3.5 percent", "1,000/number people and 3.5/number percent"},
		{"1950 bis 1953", "1950/number bis 1953/number"},
		{"um 10:30 Uhr", "um 10:30/number Uhr"},
		{"50% und $1.5 billion", "50/number %/symbol und $/symbol 1.5/number billion"},
		{"1950-1953", "1950/number -/dash 1953/number"},
		// Compounds and hyphens.
		{"US-Präsident im Nordkorea-Konflikt", "US-Präsident im Nordkorea-Konflikt"},
		{"Atom- und Raketentests", "Atom- und Raketentests"},
		{"Nord- und Südkorea", "Nord- und Südkorea"},
		{"UN-Sanktionen und Kreml-Chef", "UN-Sanktionen und Kreml-Chef"},
		{"COVID-19 und F-16 und G20 und 5G", "COVID-19 und F-16 und G20 und 5G"},
		{"sein - vielleicht", "sein -/dash vielleicht"},
		{"PARIS (AFP) -- The", "PARIS ( AFP ) --/dash The"},
		{"WASHINGTON (AP) — The", "WASHINGTON ( AP ) —/dash The"},
		// Apostrophes.
		{"North Korea's leader", "North Korea 's leader"},
		{"Korea’s leader", "Korea ’s leader"},
		{"O'Brien and d'Alema", "O'Brien and d'Alema"},
		{"don't", "don 't"},
		{"geht's", "geht 's"},
		// Quotes.
		{"„Wir sind bereit“, sagte er.", "„/quote Wir sind bereit “/quote , sagte er ."},
		{"“Warum”, twitterte Trump.", "“/quote Warum ”/quote , twitterte Trump ."},
		{"»Nein« und «Ja»", "»/quote Nein «/quote und «/quote Ja »/quote"},
		{"‚kurz‘ gesagt", "‚/quote kurz ‘/quote gesagt"},
		{`"Rocket Man" and 'old'`, `"/quote Rocket Man "/quote and '/quote old '/quote`},
		// Ellipses, URLs, e-mail, handles, hashtags.
		{"Nun ja... mal sehen…", "Nun ja .../ellipsis mal sehen …/ellipsis"},
		{"Siehe https://www.example.org/a?b=1. Dann", "Siehe https://www.example.org/a?b=1/url . Dann"},
		{"unter www.example.de, bitte", "unter www.example.de/url , bitte"},
		{"Mail an presse@example.org.", "Mail an presse@example.org/email ."},
		{"@realDonaldTrump schrieb #Nordkorea", "@realDonaldTrump/handle schrieb #Nordkorea/hashtag"},
		// Credits and ids.
		{"REUTERS/Kevin Lamarque - RC1A54027780", "REUTERS / Kevin Lamarque -/dash RC1A54027780"},
		{"(Foto: Max Mustermann/dpa)", "( Foto : Max Mustermann / dpa )"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got := texts(tk.Tokenize(tc.in))
			if got != tc.want {
				t.Errorf("\n got: %s\nwant: %s", got, tc.want)
			}
		})
	}
}

func TestOffsetsAreCodePoints(t *testing.T) {
	tk := newTok(t)
	for _, in := range []string{
		"„Grüße“ aus Köln – 3,5 % mehr… 🚀 Ende.",
		"Straße\u00a0Nr. 5, 1.000 €",
		"Ça va? Ja! Été 2017.",
		"Gr\xfc\xdfe \xff kaputt.",
	} {
		runes := []rune(in)
		for _, tok := range tk.Tokenize(in) {
			if tok.Start < 0 || tok.End > len(runes) || tok.Start >= tok.End {
				t.Fatalf("%q: bad span %d-%d", in, tok.Start, tok.End)
			}
			if got := string(runes[tok.Start:tok.End]); got != strings.ToValidUTF8(tok.Text, "\uFFFD") && utf8.ValidString(in) {
				t.Errorf("%q: token %q at %d-%d holds %q", in, tok.Text, tok.Start, tok.End, got)
			}
		}
	}
}

func sentences(tk *Tokenizer, in string) []string {
	toks := tk.Tokenize(in)
	runes := []rune(in)
	var out []string
	for _, s := range tk.Sentences(in, toks) {
		out = append(out, string(runes[s.Start:s.End]))
	}
	return out
}

func TestSentences(t *testing.T) {
	tk := newTok(t)
	tests := []struct {
		in   string
		want []string
	}{
		{"Er kam. Sie ging.", []string{"Er kam.", "Sie ging."}},
		{"Er kam z.B. am Montag. Dann ging er.", []string{"Er kam z.B. am Montag.", "Dann ging er."}},
		{"Dr. Müller kam. Prof. Meier nicht.", []string{"Dr. Müller kam.", "Prof. Meier nicht."}},
		{"Am 3. Oktober feiern wir. Am 12. Juni nicht.", []string{"Am 3. Oktober feiern wir.", "Am 12. Juni nicht."}},
		{"Das war im Jahr 2017. Danach kam 2018.", []string{"Das war im Jahr 2017.", "Danach kam 2018."}},
		{"Er lebte 1950 bis 1953 dort. Dann zog er um.", []string{"Er lebte 1950 bis 1953 dort.", "Dann zog er um."}},
		{"“Es wäre seltsam.” Dann lachte er.", []string{"“Es wäre seltsam.”", "Dann lachte er."}},
		{"„Kommt ihr?“, fragte er. „Ja!“", []string{"„Kommt ihr?“, fragte er.", "„Ja!“"}},
		{"“Oh well, I try so hard!” he wrote. Then he left.", []string{"“Oh well, I try so hard!” he wrote.", "Then he left."}},
		{"“Warum nicht”, twitterte Trump nach der Apec. “Nun gut!” Später sagte er etwas.",
			[]string{"“Warum nicht”, twitterte Trump nach der Apec.", "“Nun gut!”", "Später sagte er etwas."}},
		{"It happened in the U.S. The talks failed.", []string{"It happened in the U.S.", "The talks failed."}},
		{"He met U.S. President Trump. They talked.", []string{"He met U.S. President Trump.", "They talked."}},
		{"Shown in New York, U.S. September 21, 2017. REUTERS/Jane Doe", []string{"Shown in New York, U.S. September 21, 2017.", "REUTERS/Jane Doe"}},
		{"Äpfel, Birnen usw. Danach Kaffee.", []string{"Äpfel, Birnen usw.", "Danach Kaffee."}},
		{"“For now, yes!” Deputy Minister Lan replied. Then she left.", []string{"“For now, yes!” Deputy Minister Lan replied.", "Then she left."}},
		{"“Nein!” Der Saal tobte. Dann ging er.", []string{"“Nein!”", "Der Saal tobte.", "Dann ging er."}},
		{"Wirklich? Ja. Nein!", []string{"Wirklich?", "Ja.", "Nein!"}},
		{"Er zögerte... Dann sprach er.", []string{"Er zögerte...", "Dann sprach er."}},
		{"Erster Absatz ohne Punkt\n\nZweiter Absatz.", []string{"Erster Absatz ohne Punkt", "Zweiter Absatz."}},
		{"Zeile eins\nzwei bleibt.", []string{"Zeile eins\nzwei bleibt."}},
		{"Die Rate stieg auf 3,5 Prozent (Vorjahr: 2,9). Das ist viel.", []string{"Die Rate stieg auf 3,5 Prozent (Vorjahr: 2,9).", "Das ist viel."}},
		{"Er sagte (leise): Nein. Gut.", []string{"Er sagte (leise): Nein.", "Gut."}},
		{"Siehe www.example.org. Dort steht es.", []string{"Siehe www.example.org.", "Dort steht es."}},
		{"Der Kurs fiel um 2,5 %. 10 Firmen litten.", []string{"Der Kurs fiel um 2,5 %.", "10 Firmen litten."}},
		{"", nil},
		{"   ", nil},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got := sentences(tk, tc.in)
			if strings.Join(got, "¶") != strings.Join(tc.want, "¶") {
				t.Errorf("\n got: %q\nwant: %q", got, tc.want)
			}
		})
	}
}

const sharedSeed = "../../../shared/corpus/seed/000_18f728b461ea7953.txt"

func readSeed(t testing.TB) string {
	b, err := os.ReadFile(filepath.FromSlash(sharedSeed))
	if err != nil {
		t.Skipf("seed article not available (%v); it sits in ../shared beside the repository on CI", err)
	}
	return string(b)
}

// TestSeedSentences checks the seed's true sentences paragraph by
// paragraph: their number and first words.
func TestSeedSentences(t *testing.T) {
	tk := newTok(t)
	paras := strings.Split(readSeed(t), "\n\n")
	want := [][]string{
		{"Hanoi/Da Nang"},
		{"A combination", "REUTERS/Kevin"},
		{"Er warf", "Zugleich erklärte", "China, der", "Die drei", "Durch die"},
		{"“Warum sollte", "“Nun gut", "Später sagte", "“Es wäre"},
		{"Trump und", "Im September", "Zuvor hatte"},
		{"Am Wochenende", "Xi wolle", "Nordkoreas Außenministerium"},
		{"ABE UND"},
		{"Xi beriet", "Abe sagte", "Xi habe", "“Ich sehe", "Abe schlug", "Dem solle"},
		{"Auch China", "Xi und", "Dazu hätten", "Moon will"},
		{"Xi habe", "Beide koreanische", "Nord- und", "Anfang September"},
	}
	if len(paras) != len(want) {
		t.Fatalf("%d paragraphs, want %d", len(paras), len(want))
	}
	for i, p := range paras {
		got := sentences(tk, p)
		if len(got) != len(want[i]) {
			t.Errorf("paragraph %d: %d sentences, want %d: %q", i, len(got), len(want[i]), got)
			continue
		}
		for j, s := range got {
			if !strings.HasPrefix(s, want[i][j]) {
				t.Errorf("paragraph %d sentence %d starts %q, want %q", i, j, s[:min(len(s), 30)], want[i][j])
			}
		}
	}
}

func checkInvariants(t *testing.T, tk *Tokenizer, text string) {
	toks := tk.Tokenize(text)
	n := 0
	for range text {
		n++
	}
	last := 0
	for _, tok := range toks {
		if tok.Start < last || tok.End <= tok.Start || tok.End > n {
			t.Fatalf("token %q span %d-%d after %d (text %d code points)", tok.Text, tok.Start, tok.End, last, n)
		}
		if c := utf8.RuneCountInString(tok.Text); c != tok.End-tok.Start {
			t.Fatalf("token %q has %d code points but spans %d-%d", tok.Text, c, tok.Start, tok.End)
		}
		last = tok.End
	}
	spans := tk.Sentences(text, toks)
	next := 0
	for _, s := range spans {
		if s.First != next || s.Last <= s.First || s.Last > len(toks) {
			t.Fatalf("sentence tokens %d-%d, want to start at %d (of %d)", s.First, s.Last, next, len(toks))
		}
		if s.Start != toks[s.First].Start || s.End != toks[s.Last-1].End {
			t.Fatalf("sentence span %d-%d does not match its tokens", s.Start, s.End)
		}
		next = s.Last
	}
	if next != len(toks) {
		t.Fatalf("sentences cover %d of %d tokens", next, len(toks))
	}
}

var fuzzSeeds = []string{
	"", " ", "a", ".", "...", "U.S.", "z.B.", "12.", "3. Oktober", "„“", "\"'", "a-", "- und", "http://", "www.", "a@b.c", "@", "#",
	"Er kam. Sie ging.", "“Kommt ihr?”, fragte er.", "\xff\xfe\x00", "Gr\xfc\xdfe.", "1.2.3.4.5.", "...a...b", "x.\n\ny", "U.S.A.B.C.D.E.F",
	"REUTERS/Kevin Lamarque - RC1A54027780", "geht's 's '", "Atom- und", "1,000.5,3", "a.b.c.d.e.f.g", "Ph.D.x", "St.St.St.",
}

func FuzzTokenize(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	tk := newTok(f)
	f.Fuzz(func(t *testing.T, text string) {
		checkInvariants(t, tk, text)
	})
}

func FuzzSentences(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s + " " + s + ". " + s)
	}
	tk := newTok(f)
	f.Fuzz(func(t *testing.T, text string) {
		checkInvariants(t, tk, text)
	})
}

func benchText(b *testing.B) string {
	var seed string
	if data, err := os.ReadFile(filepath.FromSlash(sharedSeed)); err == nil {
		seed = string(data)
	} else {
		seed = "Berlin (dpa) - Die Regierung hat am 3. Oktober neue Pläne vorgestellt. „Wir sind bereit“, sagte die Ministerin. Die Kosten: ca. 3,5 Mrd. Euro, d.h. mehr als 2017.\n\nWASHINGTON (AP) — The U.S. Senate voted 51-49 on Tuesday. “It's done,” said Sen. Smith.\n\n"
	}
	var sb strings.Builder
	for sb.Len() < 64<<10 {
		sb.WriteString(seed)
		sb.WriteString("\n\n")
	}
	return sb.String()
}

func BenchmarkTokenize(b *testing.B) {
	tk := newTok(b)
	text := benchText(b)
	b.SetBytes(int64(len(text)))
	var toks []Token
	n := 0
	for b.Loop() {
		toks = tk.AppendTokens(toks[:0], text)
		n += len(toks)
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "tokens/s")
}

func BenchmarkTokenizeAndSentences(b *testing.B) {
	tk := newTok(b)
	text := benchText(b)
	b.SetBytes(int64(len(text)))
	var toks []Token
	var spans []Span
	n := 0
	for b.Loop() {
		toks = tk.AppendTokens(toks[:0], text)
		spans = tk.AppendSentences(spans[:0], text, toks)
		n += len(toks)
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "tokens/s")
}
