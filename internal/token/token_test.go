package token

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode"

	"github.com/newsgraph/newsgraph/lang"
)

func newTok(t testing.TB) *Tokenizer {
	t.Helper()
	tk, err := New(DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	return tk
}

// render writes tokens as "text/kind" separated by spaces, leaving out the
// kinds word and punct, so that a table case reads at a glance.
func render(toks []Token) string {
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
		// Abbreviations keep their periods.
		{"z.B. Dr. Müller", "z.B./abbrev Dr./abbrev Müller"},
		{"z. B. heute", "z./abbrev B./abbrev heute"},
		{"d. h. nichts", "d./abbrev h./abbrev nichts"},
		{"u. a. die Grünen", "u./abbrev a./abbrev die Grünen"},
		{"Nr. 5 bzw. Nr. 6", "Nr./abbrev 5/number bzw./abbrev Nr./abbrev 6/number"},
		{"ca. 3 Mio. Euro und 2 Mrd. Dollar", "ca./abbrev 3/number Mio./abbrev Euro und 2/number Mrd./abbrev Dollar"},
		{"Ca. 300 Menschen", "Ca./abbrev 300/number Menschen"},
		{"St. Petersburg und die Goethestr. 5", "St./abbrev Petersburg und die Goethestr./abbrev 5/number"},
		{"Prof. Dr. h.c. Meier, e.V., i.d.R. so", "Prof./abbrev Dr./abbrev h.c./abbrev Meier , e.V./abbrev , i.d.R./abbrev so"},
		{"Art. 5 GG, aber auf diese Art.", "Art./abbrev 5/number GG , aber auf diese Art ."},
		{"z.B ohne Punkt", "z.B/abbrev ohne Punkt"},
		{"die U.S.-Truppen", "die U.S.-Truppen"},
		{"the U.S. Army and the U.N.", "the U.S./abbrev Army and the U.N./abbrev"},
		{"Mr. Kim and Mrs. May", "Mr./abbrev Kim and Mrs./abbrev May"},
		{"Gen. Mattis, Sen. Smith, Gov. Brown", "Gen./abbrev Mattis , Sen./abbrev Smith , Gov./abbrev Brown"},
		{"Apple Inc. and Acme Corp. vs. Ltd. etc.", "Apple Inc./abbrev and Acme Corp./abbrev vs./abbrev Ltd./abbrev etc./abbrev"},
		{"on Jan. 5 and Sept. 11", "on Jan./abbrev 5/number and Sept./abbrev 11/number"},
		{"e.g. this, i.e. that, Ph.D. student", "e.g./abbrev this , i.e./abbrev that , Ph.D./abbrev student"},
		{"at 10 a.m. in Springfield, Ill.", "at 10/number a.m./abbrev in Springfield , Ill./abbrev"},
		{"No. 1 and he said No.", "No./abbrev 1/number and he said No ."},
		// Initials.
		{"Donald J. Trump", "Donald J./abbrev Trump"},
		{"George W. Bush", "George W./abbrev Bush"},
		// Ordinals and dates.
		{"am 3. Oktober", "am 3./ordinal Oktober"},
		{"Am 3. Oktober", "Am 3./ordinal Oktober"},
		{"12. Juni 2017", "12./ordinal Juni 2017/number"},
		{"der 2. Weltkrieg", "der 2./ordinal Weltkrieg"},
		{"zum 70. Geburtstag", "zum 70./ordinal Geburtstag"},
		{"seit dem 1. Januar", "seit dem 1./ordinal Januar"},
		{"zum 3. Mal", "zum 3./ordinal Mal"},
		{"am 3.Oktober", "am 3./ordinal Oktober"},
		{"der 1.FC Köln", "der 1./ordinal FC Köln"},
		{"im Jahr 2017. Danach", "im Jahr 2017/number . Danach"},
		{"Es waren 12. Dann", "Es waren 12/number . Dann"},
		{"am 3. Die Feier", "am 3/number . Die Feier"},
		{"Es waren 12.", "Es waren 12/number ."},
		{"der 3. und 4. Platz", "der 3./ordinal und 4./ordinal Platz"},
		{"die 1., 2. und 3. Klasse", "die 1./ordinal , 2./ordinal und 3./ordinal Klasse"},
		{"vom 12. bis 14. Juni", "vom 12./ordinal bis 14./ordinal Juni"},
		{"12.-14. Juni", "12./ordinal -/dash 14./ordinal Juni"},
		{"am 12.11.2017 in", "am 12.11.2017/number in"},
		{"am 12.11. in Berlin", "am 12.11./number in Berlin"},
		{"Elisabeth II. besuchte", "Elisabeth II./ordinal besuchte"},
		{"World War II. The", "World War II . The"},
		// Numbers.
		{"1.000 Menschen", "1.000/number Menschen"},
		{"3,5 Prozent", "3,5/number Prozent"},
		{"1,000 people and 3.5 percent", "1,000/number people and 3.5/number percent"},
		{"1950 bis 1953", "1950/number bis 1953/number"},
		{"um 10:30 Uhr", "um 10:30/number Uhr"},
		{"50% und 50 %", "50/number %/symbol und 50/number %/symbol"},
		{"$1.5 billion, €3", "$/symbol 1.5/number billion , €/symbol 3/number"},
		{"1950-1953 und 1950–1953", "1950/number -/dash 1953/number und 1950/number –/dash 1953/number"},
		{"voted 51-49", "voted 51/number -/dash 49/number"},
		{"2:1-Sieg im 100-Meter-Lauf", "2:1-Sieg im 100-Meter-Lauf"},
		{"die 2017er und 5G", "die 2017er und 5G"},
		// Hyphenated compounds.
		{"US-Präsident im Nordkorea-Konflikt", "US-Präsident im Nordkorea-Konflikt"},
		{"auf seiner Asien-Reise", "auf seiner Asien-Reise"},
		{"Atom- und Raketentests", "Atom- und Raketentests"},
		{"Nord- und Südkorea", "Nord- und Südkorea"},
		{"Nord-, Süd- und Westeuropa", "Nord- , Süd- und Westeuropa"},
		{"Ein-/Ausfuhr", "Ein- / Ausfuhr"},
		{"pre- and post-war", "pre- and post-war"},
		{"UN-Sanktionen und Kreml-Chef", "UN-Sanktionen und Kreml-Chef"},
		{"COVID-19 und F-16 und G20 und 5G", "COVID-19 und F-16 und G20 und 5G"},
		{"AT&T und S&P", "AT&T und S&P"},
		{"Bild-", "Bild -/dash"},
		// Dashes standing alone.
		{"sein - vielleicht", "sein -/dash vielleicht"},
		{"PARIS (AFP) -- The", "PARIS ( AFP ) --/dash The"},
		{"WASHINGTON (AP) — The", "WASHINGTON ( AP ) —/dash The"},
		// Apostrophes.
		{"North Korea's leader", "North Korea 's leader"},
		{"Korea’s leader", "Korea ’s leader"},
		{"KOREA'S", "KOREA 'S"},
		{"it's, they're, I'm, we'll", "it 's , they 're , I 'm , we 'll"},
		{"don't and can't", "don't and can't"},
		{"O'Brien and d'Alema", "O'Brien and d'Alema"},
		{"rock'n'roll", "rock'n'roll"},
		{"Jones' car", "Jones '/quote car"},
		{"geht's und gibt’s", "geht's und gibt’s"},
		{"Geht's noch?", "Geht's noch ?"},
		{"die Trump'sche Politik", "die Trump'sche Politik"},
		// Quotation marks.
		{"„Wir sind bereit“, sagte er.", "„/quote Wir sind bereit “/quote , sagte er ."},
		{"“Warum”, twitterte Trump.", "“/quote Warum ”/quote , twitterte Trump ."},
		{"”Wire copy”", "”/quote Wire copy ”/quote"},
		{"»Nein« und «Ja»", "»/quote Nein «/quote und «/quote Ja »/quote"},
		{"‚kurz‘ und ‹so›", "‚/quote kurz ‘/quote und ‹/quote so ›/quote"},
		{`"Rocket Man" and 'old'`, `"/quote Rocket Man "/quote and '/quote old '/quote`},
		{"‘Yes’", "‘/quote Yes ’/quote"},
		// Ellipses and sentence punctuation.
		{"Nun ja... mal sehen…", "Nun ja .../ellipsis mal sehen …/ellipsis"},
		{"Wirklich?! Nein!!", "Wirklich ?! Nein !!"},
		// Addresses, handles and hashtags.
		{"Siehe https://www.example.org/a?b=1. Dann", "Siehe https://www.example.org/a?b=1/url . Dann"},
		{"unter www.example.de, bitte", "unter www.example.de/url , bitte"},
		{"(http://x.com/a_(b))", "( http://x.com/a_(b)/url )"},
		{"auf tagesschau.de/inland lesen", "auf tagesschau.de/inland/url lesen"},
		{"Mail an presse@example.org.", "Mail an presse@example.org/email ."},
		{"max.mustermann@dpa.com!", "max.mustermann@dpa.com/email !"},
		{"@realDonaldTrump schrieb #Nordkorea", "@realDonaldTrump/handle schrieb #Nordkorea/hashtag"},
		{"#1 und # und @", "#/symbol 1/number und #/symbol und @/symbol"},
		// Photo credits and ids.
		{"REUTERS/Kevin Lamarque - RC1A54027780", "REUTERS / Kevin Lamarque -/dash RC1A54027780"},
		{"(Foto: Max Mustermann/dpa)", "( Foto : Max Mustermann / dpa )"},
		// Symbols and emoji.
		{"Top 👍🏽 und 🇩🇪!", "Top 👍🏽/symbol und 🇩🇪/symbol !"},
		{"§ 3 und 5 ‰", "§/symbol 3/number und 5/number ‰/symbol"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			toks := tk.Tokenize(tc.in)
			if got := render(toks); got != tc.want {
				t.Errorf("\n got: %s\nwant: %s", got, tc.want)
			}
			checkTokens(t, tc.in, toks)
		})
	}
}

// TestTokenOffsets pins exact code-point offsets on text with umlauts,
// typographic quotation marks, a no-break space and an emoji.
func TestTokenOffsets(t *testing.T) {
	tk := newTok(t)
	in := "„Grüße“ aus Köln –\u00a03,5 % mehr… 🚀 Ende."
	want := []Token{
		{"„", 0, 1, Quote},
		{"Grüße", 1, 6, Word},
		{"“", 6, 7, Quote},
		{"aus", 8, 11, Word},
		{"Köln", 12, 16, Word},
		{"–", 17, 18, Dash},
		{"3,5", 19, 22, Number},
		{"%", 23, 24, Symbol},
		{"mehr", 25, 29, Word},
		{"…", 29, 30, Ellipsis},
		{"🚀", 31, 32, Symbol},
		{"Ende", 33, 37, Word},
		{".", 37, 38, Punct},
	}
	got := tk.Tokenize(in)
	if !slices.Equal(got, want) {
		t.Errorf("\n got: %v\nwant: %v", got, want)
	}
	checkTokens(t, in, got)
}

// TestTokensMatchRunes checks, on awkward input, that every token is the
// stretch of code points its offsets name, counting an invalid byte as
// one code point the way []rune and range loops do.
func TestTokensMatchRunes(t *testing.T) {
	tk := newTok(t)
	for _, in := range []string{
		"„Grüße“ aus Köln – 3,5 % mehr… 🚀 Ende.",
		"Straße\u00a0Nr. 5, 1.000 € und 👨‍👩‍👧 Familie.",
		"Ça va? Ja! Été 2017. Naïve café — œuvre.",
		"Gr\xfc\xdfe \xff kaputt. \xe2\x80 halb \xf0\x9f\x9a",
		"Zero\u200bwidth\ufeffjoin and soft\u00adhyphen.",
		"Ελλάδα και Россия: „Привет“, 北京。Done",
		"a\u0301b\u0308c and e\u0301.",
		"\x00\x01\x7f end",
	} {
		checkTokens(t, in, tk.Tokenize(in))
	}
}

func TestTokenizeEmpty(t *testing.T) {
	tk := newTok(t)
	for _, in := range []string{"", " ", "\n\n\t ", "\u00a0\u2028"} {
		if toks := tk.Tokenize(in); len(toks) != 0 {
			t.Errorf("%q: got tokens %v", in, toks)
		}
		if s := tk.Sentences(in, nil); len(s) != 0 {
			t.Errorf("%q: got sentences %v", in, s)
		}
	}
}

// TestAppendTokens checks that appending keeps what dst holds and that
// look-back decisions see only the new text: "der" from another text must
// not make "3." an ordinal.
func TestAppendTokens(t *testing.T) {
	tk := newTok(t)
	dst := tk.Tokenize("Es war der")
	got := tk.AppendTokens(dst, "3. Weltkrieg")
	if want := "Es war der 3/number . Weltkrieg"; render(got) != want {
		t.Errorf("got %s, want %s", render(got), want)
	}
	if got[3].Start != 0 {
		t.Errorf("offsets of the appended text start at %d, want 0", got[3].Start)
	}
}

func sentences(tk *Tokenizer, in string) []string {
	toks := tk.Tokenize(in)
	spans := tk.Sentences(in, toks)
	runes := []rune(in)
	var out []string
	for _, s := range spans {
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
		// Plain ends.
		{"Er kam. Sie ging.", []string{"Er kam.", "Sie ging."}},
		{"He came. She left.", []string{"He came.", "She left."}},
		{"Wirklich? Ja. Nein!", []string{"Wirklich?", "Ja.", "Nein!"}},
		{"Wirklich?! Ja.", []string{"Wirklich?!", "Ja."}},
		{"Er zögerte... Dann sprach er.", []string{"Er zögerte...", "Dann sprach er."}},
		{"Er zögerte … und sprach.", []string{"Er zögerte … und sprach."}},
		{"Das Spiel endete 2:1. 10 Tore fielen.", []string{"Das Spiel endete 2:1.", "10 Tore fielen."}},
		{"Der Kurs fiel um 2,5 %. Firmen litten.", []string{"Der Kurs fiel um 2,5 %.", "Firmen litten."}},
		{"Er sagte: Nein; dann ging er.", []string{"Er sagte: Nein; dann ging er."}},
		// Abbreviations and initials.
		{"Er kam z.B. am Montag. Dann ging er.", []string{"Er kam z.B. am Montag.", "Dann ging er."}},
		{"Er kam z. B. am Montag.", []string{"Er kam z. B. am Montag."}},
		{"Dr. Müller kam. Prof. Meier nicht.", []string{"Dr. Müller kam.", "Prof. Meier nicht."}},
		{"Donald J. Trump sprach.", []string{"Donald J. Trump sprach."}},
		{"Es kostet 3 Mio. Euro. Die Regierung zahlt.", []string{"Es kostet 3 Mio. Euro.", "Die Regierung zahlt."}},
		{"Es kostet 3 Mio. Die Regierung zahlt.", []string{"Es kostet 3 Mio.", "Die Regierung zahlt."}},
		{"Äpfel, Birnen usw. Danach Kaffee.", []string{"Äpfel, Birnen usw.", "Danach Kaffee."}},
		{"Äpfel usw. und Kaffee.", []string{"Äpfel usw. und Kaffee."}},
		{"Er wohnt in der Goethestr. Die Miete ist hoch.", []string{"Er wohnt in der Goethestr.", "Die Miete ist hoch."}},
		{"Auf diese Art. Die Regierung.", []string{"Auf diese Art.", "Die Regierung."}},
		{"It happened in the U.S. The talks failed.", []string{"It happened in the U.S.", "The talks failed."}},
		{"He met U.S. President Trump. They talked.", []string{"He met U.S. President Trump.", "They talked."}},
		{"Shown in New York, U.S. September 21, 2017. REUTERS/Jane Doe", []string{"Shown in New York, U.S. September 21, 2017.", "REUTERS/Jane Doe"}},
		{"Shares of Apple Inc. rose. Apple Inc. The company said.", []string{"Shares of Apple Inc. rose.", "Apple Inc.", "The company said."}},
		{"They met in Washington, D.C. The meeting was long.", []string{"They met in Washington, D.C.", "The meeting was long."}},
		{"The vote came at 4 p.m. Officials cheered.", []string{"The vote came at 4 p.m.", "Officials cheered."}},
		{"Mr. Smith met Gen. Mattis. He left.", []string{"Mr. Smith met Gen. Mattis.", "He left."}},
		{"He wrote No. 1. Then he left.", []string{"He wrote No. 1.", "Then he left."}},
		// Ordinals and years.
		{"Am 3. Oktober feiern wir. Am 12. Juni nicht.", []string{"Am 3. Oktober feiern wir.", "Am 12. Juni nicht."}},
		{"Er starb im 2. Weltkrieg. Sie überlebte.", []string{"Er starb im 2. Weltkrieg.", "Sie überlebte."}},
		{"Das war im Jahr 2017. Danach kam 2018.", []string{"Das war im Jahr 2017.", "Danach kam 2018."}},
		{"Es waren 12. Dann ging er.", []string{"Es waren 12.", "Dann ging er."}},
		{"Er lebte 1950 bis 1953 dort. Dann zog er um.", []string{"Er lebte 1950 bis 1953 dort.", "Dann zog er um."}},
		{"Er wurde 1950. Geboren.", []string{"Er wurde 1950.", "Geboren."}},
		{"Elisabeth II. besuchte Berlin. World War II. The end.", []string{"Elisabeth II. besuchte Berlin.", "World War II.", "The end."}},
		// Quotations.
		{"“Es wäre seltsam.” Dann lachte er.", []string{"“Es wäre seltsam.”", "Dann lachte er."}},
		{"„Wir kommen.“ Er ging.", []string{"„Wir kommen.“", "Er ging."}},
		{"„Kommt ihr?“, fragte er. „Ja!“", []string{"„Kommt ihr?“, fragte er.", "„Ja!“"}},
		{"“Kommt ihr?”, fragte er.", []string{"“Kommt ihr?”, fragte er."}},
		{"»Nein!« rief sie. »Doch.« Er nickte.", []string{"»Nein!« rief sie.", "»Doch.«", "Er nickte."}},
		{"“Oh well, I try so hard!” he wrote. Then he left.", []string{"“Oh well, I try so hard!” he wrote.", "Then he left."}},
		{`"It's over." He left.`, []string{`"It's over."`, "He left."}},
		{"“For now, yes!” Deputy Minister Lan replied. Then she left.", []string{"“For now, yes!” Deputy Minister Lan replied.", "Then she left."}},
		{"„Wir gewinnen!“ Der Trainer sagte. Dann ging er.", []string{"„Wir gewinnen!“ Der Trainer sagte.", "Dann ging er."}},
		{"„Wir gewinnen!“ Der Trainer ging. Dann kam er.", []string{"„Wir gewinnen!“", "Der Trainer ging.", "Dann kam er."}},
		{"'Really?' she asked. 'Yes.'", []string{"'Really?' she asked.", "'Yes.'"}},
		{"“Warum nicht”, twitterte Trump nach der Apec. “Nun gut!” Später sagte er etwas.",
			[]string{"“Warum nicht”, twitterte Trump nach der Apec.", "“Nun gut!”", "Später sagte er etwas."}},
		{"Er nannte ihn einen „Greis“. Zuvor hatte er gedroht.", []string{"Er nannte ihn einen „Greis“.", "Zuvor hatte er gedroht."}},
		{"Er rief: „Hilfe!“ Dann kam sie.", []string{"Er rief: „Hilfe!“", "Dann kam sie."}},
		{`"They are crazy. I can't believe my eyes," he said. Then he left.`, []string{`"They are crazy. I can't believe my eyes," he said.`, "Then he left."}},
		{"„Das ist gut. Wir machen weiter“, sagte er. Dann ging er.", []string{"„Das ist gut. Wir machen weiter“, sagte er.", "Dann ging er."}},
		{"“It's over. We won!” he said. Fans cheered.", []string{"“It's over. We won!” he said.", "Fans cheered."}},
		{"„Das ist gut. Wir machen weiter.“ Dann ging er.", []string{"„Das ist gut.", "Wir machen weiter.“", "Dann ging er."}},
		{"“Talks in the U.S. The rest,” he said.", []string{"“Talks in the U.S. The rest,” he said."}},
		{"“First paragraph of a long quote. It goes on.", []string{"“First paragraph of a long quote.", "It goes on."}},
		{"„Ja. Nein.\n\nDoch“, sagte er.", []string{"„Ja.", "Nein.", "Doch“, sagte er."}},
		// Brackets.
		{"Sie bestätigte die Einigung (\"Gespräche beendet. Wir haben das Abkommen\") – doch Details fehlten.", []string{"Sie bestätigte die Einigung (\"Gespräche beendet. Wir haben das Abkommen\") – doch Details fehlten."}},
		{"Er kam (spät. Sehr spät) und ging. Dann schlief er.", []string{"Er kam (spät. Sehr spät) und ging.", "Dann schlief er."}},
		{"Er kam (spät. Dann ging er.", []string{"Er kam (spät.", "Dann ging er."}},
		{"Die Rate stieg (Vorjahr: 2,9). Das ist viel.", []string{"Die Rate stieg (Vorjahr: 2,9).", "Das ist viel."}},
		{"Er kam. (Siehe Seite 5.) Danach ging er.", []string{"Er kam.", "(Siehe Seite 5.)", "Danach ging er."}},
		// Addresses.
		{"Siehe www.example.org. Dort steht es.", []string{"Siehe www.example.org.", "Dort steht es."}},
		{"Mail an presse@example.org. Danke.", []string{"Mail an presse@example.org.", "Danke."}},
		// Paragraphs and lines.
		{"Erster Absatz ohne Punkt\n\nZweiter Absatz.", []string{"Erster Absatz ohne Punkt", "Zweiter Absatz."}},
		{"TITEL IN GROSSBUCHSTABEN\r\n\r\nText.", []string{"TITEL IN GROSSBUCHSTABEN", "Text."}},
		{"Absatz\n \nzwei", []string{"Absatz", "zwei"}},
		{"Absatz\u2029zwei", []string{"Absatz", "zwei"}},
		{"Zeile eins\nzwei bleibt.", []string{"Zeile eins\nzwei bleibt."}},
		{"Prestigesieg für Obama\nUS-Präsident Obama hatte sich eingesetzt.", []string{"Prestigesieg für Obama", "US-Präsident Obama hatte sich eingesetzt."}},
		{"Die Beteiligung lag bei 72,2%\n16,1 Millionen stimmten dagegen.", []string{"Die Beteiligung lag bei 72,2%", "16,1 Millionen stimmten dagegen."}},
		{"Er sagte,\nDie Lage sei ernst.", []string{"Er sagte,\nDie Lage sei ernst."}},
		{"Er traf Dr.\nMüller am 3.\nOktober.", []string{"Er traf Dr.\nMüller am 3.\nOktober."}},
		{"Das ist passiert:• 51,9 Prozent stimmten dafür. • Cameron tritt zurück.", []string{"Das ist passiert:", "• 51,9 Prozent stimmten dafür.", "• Cameron tritt zurück."}},
		{"  Er kam.  \n\n  Sie ging.  ", []string{"Er kam.", "Sie ging."}},
		{"Am 3.\n\nOktober.", []string{"Am 3.", "Oktober."}},
		{"", nil},
		{"   ", nil},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got := sentences(tk, tc.in)
			if !slices.Equal(got, tc.want) {
				t.Errorf("\n got: %q\nwant: %q", got, tc.want)
			}
			toks := tk.Tokenize(tc.in)
			checkSentences(t, toks, tk.Sentences(tc.in, toks))
		})
	}
}

// TestSentenceSpans pins the token ranges of a two-sentence text.
func TestSentenceSpans(t *testing.T) {
	tk := newTok(t)
	in := "„Ja.“ Straße kaputt."
	toks := tk.Tokenize(in)
	got := tk.Sentences(in, toks)
	want := []Span{{Start: 0, End: 5, First: 0, Last: 4}, {Start: 6, End: 20, First: 4, Last: 7}}
	if !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

// paragraphs splits a text at blank lines, as the article stage does.
func paragraphs(text string) []string {
	var out []string
	for _, p := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// seedPath is the seed article, beside the repository in ../shared.
var seedPath = filepath.Join("..", "..", "..", "shared", "corpus", "seed", "000_18f728b461ea7953.txt")

func readSeed(t testing.TB) string {
	t.Helper()
	b, err := os.ReadFile(seedPath)
	if err != nil {
		t.Skipf("seed article not available at %s (the shared corpus sits beside the repository): %v", seedPath, err)
	}
	return string(b)
}

// checkParagraphs checks the number of sentences of each paragraph and how
// each sentence starts and ends.
func checkParagraphs(t *testing.T, tk *Tokenizer, text string, want [][][2]string) {
	t.Helper()
	paras := paragraphs(text)
	if len(paras) != len(want) {
		t.Fatalf("%d paragraphs, want %d", len(paras), len(want))
	}
	for i, p := range paras {
		got := sentences(tk, p)
		if len(got) != len(want[i]) {
			t.Errorf("paragraph %d: %d sentences, want %d:\n%q", i+1, len(got), len(want[i]), got)
			continue
		}
		for j, s := range got {
			if !strings.HasPrefix(s, want[i][j][0]) || !strings.HasSuffix(s, want[i][j][1]) {
				t.Errorf("paragraph %d sentence %d is %q, want %q … %q", i+1, j+1, s, want[i][j][0], want[i][j][1])
			}
		}
	}
}

// TestSeedSentences checks the true sentences of the seed article (a
// German Reuters story with an English photo caption), paragraph by
// paragraph.
func TestSeedSentences(t *testing.T) {
	tk := newTok(t)
	checkParagraphs(t, tk, readSeed(t), [][][2]string{
		{{"Hanoi/Da Nang (Reuters) - US-Präsident", "im Nordkorea-Konflikt."}},
		{{"A combination photo shows U.S. President", "September 4, 2017."}, {"REUTERS/Kevin Lamarque", "RC1A54027780"}},
		{{"Er warf Machthaber", "zu haben."}, {"Zugleich erklärte er", "zu sein."}, {"China, der bislang", "abhalten."}, {"Die drei Länder", "ihrer Beziehungen."}, {"Durch die nordkoreanischen Atom- und Raketentests", "massiv verschärft."}},
		{{"“Warum sollte Kim", "Apec."}, {"“Nun gut", "passieren!”"}, {"Später sagte Trump", "würden."}, {"“Es wäre seltsam", "Möglichkeit.”"}},
		{{"Trump und Kim", "Schlagabtausch."}, {"Im September nannte", "Greis”."}, {"Zuvor hatte der US-Präsident", "bedrohen."}},
		{{"Am Wochenende twitterte", "erhöhen."}, {"Xi wolle auch", "werde."}, {"Nordkoreas Außenministerium", "bettele."}},
		{{"ABE UND XI SPRECHEN VON NEUSTART", "NEUSTART"}},
		{{"Xi beriet am Randes", "Nordkorea-Krise."}, {"Abe sagte nach", "zu sprechen."}, {"Xi habe ihm gesagt", "sagte Abe."}, {"“Ich sehe das absolut genauso.”", "genauso.”"}, {"Abe schlug vor", "zu besuchen."}, {"Dem solle eine Visite", "folgen."}},
		{{"Auch China und Südkorea", "vertiefen."}, {"Xi und Moon", "in Seoul mit."}, {"Dazu hätten sie", "zu intensivieren."}, {"Moon will im Dezember", "im Februar ein."}},
		{{"Xi habe Moon ermutigt", "Xinhua."}, {"Beide koreanische Staaten", "anstreben."}, {"Nord- und Südkorea befinden sich", "im Kriegszustand."}, {"Anfang September hatte", "zur Folge hatte."}},
	})
}

// TestSeedTokens checks tokens of the seed that the rules single out.
func TestSeedTokens(t *testing.T) {
	tk := newTok(t)
	text := readSeed(t)
	toks := tk.Tokenize(text)
	checkTokens(t, text, toks)
	kinds := map[string]Kind{}
	for _, tok := range toks {
		kinds[tok.Text] = tok.Kind
	}
	for text, kind := range map[string]Kind{
		"US-Präsident": Word, "Asien-Reise": Word, "Nordkorea-Konflikt": Word, "Atom-": Word, "Nord-": Word,
		"UN-Sanktionen": Word, "U.S.": Abbrev, "RC1A54027780": Word, "REUTERS": Word, "Korea": Word, "'s": Word,
		"“": Quote, "”": Quote, "1950": Number, "2017": Number, "Apec-Gipfels": Word,
	} {
		if got, ok := kinds[text]; !ok || got != kind {
			t.Errorf("%q: kind %v (found %v), want %v", text, got, ok, kind)
		}
	}
}

// TestSampleSentences checks the package's own German and English sample,
// which the benchmarks fall back on.
func TestSampleSentences(t *testing.T) {
	tk := newTok(t)
	b, err := os.ReadFile(filepath.Join("testdata", "sample.txt"))
	if err != nil {
		t.Fatal(err)
	}
	checkParagraphs(t, tk, string(b), [][][2]string{
		{{"Berlin (dpa) - Die", "vorgestellt."}, {"„Wir sind bereit", "in Berlin."}, {"Bis 2030", "bis 2017."}, {"Danach soll", "folgen."}},
		{{"Kritik kam u.a.", "Grünen."}, {"Der Vorsitzende", "machbar“."}, {"Er verwies", "vom 12. Juni."}, {"„Kommt der Ausbau rechtzeitig?“, fragte er.", "er."}, {"Die Antwort", "aus."}},
		{{"WASHINGTON (Reuters) - U.S. lawmakers", "talks."}, {"“This is a big day for America!” said Sen. Jane Smith.", "Smith."}, {"The measure", "House."}, {"It includes", "Ala. and Miss."}},
		{{"Officials said", "4:30 p.m."}, {"The White House", "it."}, {"“We’re not done yet,”", "#Infrastructure."}},
		{{"Nach Angaben", "1,9 Prozent)."}, {"Das ist der höchste Wert seit 1993.", "1993."}, {"Ökonomen erwarten", "sinkt …"}, {"Ob das gelingt", "offen."}},
	})
}

// TestNoAllocations checks that appending into slices with room allocates
// nothing: tokens share the text, and the walk needs no scratch space.
func TestNoAllocations(t *testing.T) {
	tk := newTok(t)
	text := benchText(t)
	toks := tk.Tokenize(text)
	spans := tk.Sentences(text, toks)
	if n := testing.AllocsPerRun(5, func() { toks = tk.AppendTokens(toks[:0], text) }); n != 0 {
		t.Errorf("AppendTokens: %v allocations per run, want 0", n)
	}
	if n := testing.AllocsPerRun(5, func() { spans = tk.AppendSentences(spans[:0], text, toks) }); n != 0 {
		t.Errorf("AppendSentences: %v allocations per run, want 0", n)
	}
}

// TestConcurrentUse runs one Tokenizer from several goroutines; with -race
// it shows that the Tokenizer is read-only.
func TestConcurrentUse(t *testing.T) {
	tk := newTok(t)
	text := benchText(t)
	want := render(tk.Tokenize(text))
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			toks := tk.Tokenize(text)
			tk.Sentences(text, toks)
			if render(toks) != want {
				t.Error("tokens differ between goroutines")
			}
		})
	}
	wg.Wait()
}

func TestNew(t *testing.T) {
	if _, err := New(Options{Languages: []string{"xx"}}); !errors.Is(err, lang.ErrNoList) {
		t.Errorf("unknown language: error %v, want one wrapping lang.ErrNoList", err)
	}
	de, err := New(Options{Languages: []string{"de"}})
	if err != nil {
		t.Fatal(err)
	}
	// Without the English data, "'s" is not a clitic.
	if got := render(de.Tokenize("Korea's")); got != "Korea's" {
		t.Errorf("German only: got %s, want Korea's", got)
	}
	def, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := render(def.Tokenize("Korea's")); got != "Korea 's" {
		t.Errorf("empty options: got %s, want the defaults' Korea 's", got)
	}
}

func TestKindString(t *testing.T) {
	for k, want := range map[Kind]string{Word: "word", Ordinal: "ordinal", Quote: "quote", Symbol: "symbol", 200: "kind(200)"} {
		if got := k.String(); got != want {
			t.Errorf("Kind(%d).String() = %q, want %q", k, got, want)
		}
	}
}

// isGap reports a code point that may lie between tokens.
func isGap(r rune) bool {
	return r != unicode.ReplacementChar && unicode.IsSpace(r) || r == '\u200b' || r == '\u2060' || r == '\ufeff'
}

// checkTokens checks the invariants of tokens: offsets in range and in
// order, no overlap, each Text the code points its offsets name, no white
// space at a token's edges, and only white space between tokens.
func checkTokens(t testing.TB, text string, toks []Token) {
	t.Helper()
	runes := []rune(text)
	pos := 0
	for i, tok := range toks {
		if tok.Start < pos || tok.End <= tok.Start || tok.End > len(runes) {
			t.Fatalf("token %d %q: span %d-%d after %d, text has %d code points", i, tok.Text, tok.Start, tok.End, pos, len(runes))
		}
		for _, r := range runes[pos:tok.Start] {
			if !isGap(r) {
				t.Fatalf("token %d %q: %q before it belongs to no token", i, tok.Text, r)
			}
		}
		if got := runes[tok.Start:tok.End]; !slices.Equal(got, []rune(tok.Text)) {
			t.Fatalf("token %d %q: offsets %d-%d hold %q", i, tok.Text, tok.Start, tok.End, string(got))
		}
		if isGap(runes[tok.Start]) || isGap(runes[tok.End-1]) {
			t.Fatalf("token %d %q has white space at an edge", i, tok.Text)
		}
		if tok.Kind > Symbol {
			t.Fatalf("token %d %q: kind %v", i, tok.Text, tok.Kind)
		}
		pos = tok.End
	}
	for _, r := range runes[pos:] {
		if !isGap(r) {
			t.Fatalf("%q after the last token belongs to no token", r)
		}
	}
}

// checkSentences checks that sentences cover the tokens in order, without
// gaps or empty sentences, and that their offsets are their tokens'.
func checkSentences(t testing.TB, toks []Token, spans []Span) {
	t.Helper()
	next := 0
	for i, s := range spans {
		if s.First != next || s.Last <= s.First || s.Last > len(toks) {
			t.Fatalf("sentence %d: tokens %d-%d, want to start at %d (of %d)", i, s.First, s.Last, next, len(toks))
		}
		if s.Start != toks[s.First].Start || s.End != toks[s.Last-1].End {
			t.Fatalf("sentence %d: span %d-%d, its tokens span %d-%d", i, s.Start, s.End, toks[s.First].Start, toks[s.Last-1].End)
		}
		next = s.Last
	}
	if next != len(toks) {
		t.Fatalf("sentences cover %d of %d tokens", next, len(toks))
	}
}

var fuzzSeeds = []string{
	"", " ", "a", ".", "...", "…", "U.S.", "z.B.", "z. B.", "12.", "3. Oktober", "am 3. Die", "„“", "\"'", "’s", "'s'", "a-", "- und", "Atom- und",
	"http://", "https://x.de/(a)", "www.", "a@b.c", "a@b.de.", "@", "#", "#1", "@_", "x.de", "1.2.3.4.5.", "...a...b", "?!?!", "!!!”,",
	"Er kam. Sie ging.", "“Kommt ihr?”, fragte er.", "„Ja.“ Er ging.", "x.\n\ny", "x\u2029y", "U.S.A.B.C.D.E.F", "a.b.c.d.e.f.g", "Ph.D.x", "St.St.St.",
	"REUTERS/Kevin Lamarque - RC1A54027780", "geht's 's '", "1,000.5,3", "12.11.", "12.-14. Juni", "II. sagte", "AT&T&", "U.S.-",
	"\xff\xfe\x00", "Gr\xfc\xdfe.", "\xe2\x80", "\xe2\x80\x9c", "a\xe2\x80\x99s", "\xf0\x9f\x9a", "👨‍👩‍👧‍", "🇩", "\u200d\u200d", "\u00ad-", "a\u0301.",
	"\r\n\r\n", "\t.\t.\t", "\u00a0.\u00a0", "((((", "))))", "––", "— —", "$1.5", "5%%", "§§", "…“…”",
}

func FuzzTokenize(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	tk := newTok(f)
	f.Fuzz(func(t *testing.T, text string) {
		toks := tk.Tokenize(text)
		checkTokens(t, text, toks)
		// Appending to a non-empty slice gives the same tokens.
		more := tk.AppendTokens([]Token{{Text: "x", Kind: Word}}, text)
		if !slices.Equal(more[1:], toks) {
			t.Fatalf("AppendTokens after a token differs from Tokenize")
		}
	})
}

func FuzzSentences(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s + " " + s + ". " + s)
	}
	tk := newTok(f)
	f.Fuzz(func(t *testing.T, text string) {
		toks := tk.Tokenize(text)
		checkSentences(t, toks, tk.Sentences(text, toks))
		// Tokens of another text must not make it panic.
		tk.Sentences(text[len(text)/2:], toks)
		tk.Sentences(text, toks[len(toks)/2:])
	})
}

// benchText is the seed article, or the package's own sample when the
// shared corpus is absent, repeated to about 64 KB.
func benchText(t testing.TB) string {
	data, err := os.ReadFile(seedPath)
	if err != nil {
		if data, err = os.ReadFile(filepath.Join("testdata", "sample.txt")); err != nil {
			t.Fatal(err)
		}
	}
	var sb strings.Builder
	for sb.Len() < 64<<10 {
		sb.Write(data)
		sb.WriteString("\n\n")
	}
	return sb.String()
}

func BenchmarkTokenize(b *testing.B) {
	tk := newTok(b)
	text := benchText(b)
	b.SetBytes(int64(len(text)))
	var toks []Token
	for b.Loop() {
		toks = tk.AppendTokens(toks[:0], text)
	}
	b.ReportMetric(float64(len(toks))*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

func BenchmarkTokenizeAndSentences(b *testing.B) {
	tk := newTok(b)
	text := benchText(b)
	b.SetBytes(int64(len(text)))
	var toks []Token
	var spans []Span
	for b.Loop() {
		toks = tk.AppendTokens(toks[:0], text)
		spans = tk.AppendSentences(spans[:0], text, toks)
	}
	b.ReportMetric(float64(len(spans))*float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
}

func BenchmarkSentences(b *testing.B) {
	tk := newTok(b)
	text := benchText(b)
	toks := tk.Tokenize(text)
	b.SetBytes(int64(len(text)))
	var spans []Span
	for b.Loop() {
		spans = tk.AppendSentences(spans[:0], text, toks)
	}
}
