package article

import (
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/analysis"
)

func newParser(t testing.TB) *Parser {
	t.Helper()
	p, err := New(DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func runeSlice(s string, a, b int) string {
	r := []rune(s)
	if a < 0 || b > len(r) || a > b {
		return "<out of range>"
	}
	return string(r[a:b])
}

func TestDateline(t *testing.T) {
	p := newParser(t)
	tests := []struct {
		in       string
		places   []string
		agencies []string
		date     string
		dateline string
	}{
		{"Hanoi/Da Nang (Reuters) - US-Präsident Donald Trump sendet Signale.", []string{"Hanoi", "Da Nang"}, []string{"Reuters"}, "", "Hanoi/Da Nang (Reuters) -"},
		{"Berlin (dpa) - Die Regierung hat beschlossen.", []string{"Berlin"}, []string{"dpa"}, "", "Berlin (dpa) -"},
		{"WASHINGTON (AP) — The Senate voted on Tuesday.", []string{"WASHINGTON"}, []string{"AP"}, "", "WASHINGTON (AP) —"},
		{"Moskau (AFP) - Der Kreml hat reagiert.", []string{"Moskau"}, []string{"AFP"}, "", "Moskau (AFP) -"},
		{"KIEW, 24. Februar (Reuters) - Russische Truppen sind einmarschiert.", []string{"KIEW"}, []string{"Reuters"}, "24. Februar", "KIEW, 24. Februar (Reuters) -"},
		{"London (dpa/AFP) – Die Regierung tritt zurück.", []string{"London"}, []string{"dpa", "AFP"}, "", "London (dpa/AFP) –"},
		{"NEW YORK, Nov 3 (Reuters) - Stocks fell sharply.", []string{"NEW YORK"}, []string{"Reuters"}, "Nov 3", "NEW YORK, Nov 3 (Reuters) -"},
		{"BRÜSSEL (dpa-AFX) - Die EU-Kommission hat entschieden.", []string{"BRÜSSEL"}, []string{"dpa-AFX"}, "", "BRÜSSEL (dpa-AFX) -"},
		{"ZÜRICH (awp/sda) - Die Börse schloss fester.", []string{"ZÜRICH"}, []string{"awp", "sda"}, "", "ZÜRICH (awp/sda) -"},
		{"PARIS (AFP) -- The president spoke.", []string{"PARIS"}, []string{"AFP"}, "", "PARIS (AFP) --"},
		{"Frankfurt/Main (dpa) - Der Dax stieg.", []string{"Frankfurt/Main"}, []string{"dpa"}, "", "Frankfurt/Main (dpa) -"},
		{"HANOI • US President Donald Trump took his jousting further.", []string{"HANOI"}, nil, "", "HANOI •"},
		{"WASHINGTON — The House passed the bill.", []string{"WASHINGTON"}, nil, "", "WASHINGTON —"},
		// Not datelines.
		{"Die Regierung (CDU) - so heißt es - hat beschlossen.", nil, nil, "", ""},
		{"Er sagte (siehe oben) - nichts.", nil, nil, "", ""},
		{"The talks - which began on Monday - failed.", nil, nil, "", ""},
		{"US-Präsident Donald Trump sendet Signale.", nil, nil, "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			s := p.Parse(tc.in, Hints{})
			if tc.dateline == "" {
				if s.Dateline != nil {
					t.Fatalf("found dateline %q in a sentence", s.Dateline.Text)
				}
				return
			}
			d := s.Dateline
			if d == nil {
				t.Fatal("no dateline")
			}
			if d.Text != tc.dateline || runeSlice(tc.in, d.Start, d.End) != tc.dateline {
				t.Errorf("dateline %q (%d-%d), want %q", d.Text, d.Start, d.End, tc.dateline)
			}
			var places, agencies []string
			for _, x := range d.Places {
				places = append(places, runeSlice(tc.in, x.Start, x.End))
			}
			for _, x := range d.Agencies {
				agencies = append(agencies, runeSlice(tc.in, x.Start, x.End))
			}
			if strings.Join(places, "|") != strings.Join(tc.places, "|") {
				t.Errorf("places %q, want %q", places, tc.places)
			}
			if strings.Join(agencies, "|") != strings.Join(tc.agencies, "|") {
				t.Errorf("agencies %q, want %q", agencies, tc.agencies)
			}
			gotDate := ""
			if d.Date != nil {
				gotDate = runeSlice(tc.in, d.Date.Start, d.Date.End)
			}
			if gotDate != tc.date {
				t.Errorf("date %q, want %q", gotDate, tc.date)
			}
		})
	}
}

func TestParagraphKinds(t *testing.T) {
	p := newParser(t)
	const body = "Die Regierung hat am Montag neue Pläne vorgestellt, die im Herbst in Kraft treten sollen."
	tests := []struct {
		name              string
		paras             []string
		kinds             []string
		credit, pictureID string
	}{
		{"reuters caption", []string{body, "A man walks past a poster in Berlin, Germany, March 3, 2021. REUTERS/Jane Doe - RC2B12345678", body},
			[]string{"body", "caption", "body"}, "REUTERS/Jane Doe", "RC2B12345678"},
		{"ap photo caption", []string{body, "Protesters gather outside the parliament on Monday. (AP Photo/John Smith)", body},
			[]string{"body", "caption", "body"}, "AP Photo/John Smith", ""},
		{"german foto caption", []string{body, "Die Ministerin bei ihrer Ankunft in Brüssel. Foto: dpa", body},
			[]string{"body", "caption", "body"}, "dpa", ""},
		{"german parenthesised foto", []string{body, "Die Ministerin bei ihrer Ankunft in Brüssel. (Foto: Max Mustermann/dpa)", body},
			[]string{"body", "caption", "body"}, "Max Mustermann/dpa", ""},
		{"picture label", []string{body, "The flooded streets of the old town on Sunday. Picture: Getty Images", body},
			[]string{"body", "caption", "body"}, "Getty Images", ""},
		{"caps subheading", []string{body, "STREIT UM DIE SCHULDENBREMSE", body}, []string{"body", "subheading", "body"}, "", ""},
		{"short subheading", []string{body, "Kritik aus der Opposition", body}, []string{"body", "subheading", "body"}, "", ""},
		{"byline de", []string{"Von Anna Beispiel und Bernd Muster, Berlin", body, body}, []string{"byline", "body", "body"}, "", ""},
		{"byline en", []string{"By Jane Example and John Sample, Reuters", body, body}, []string{"byline", "body", "body"}, "", ""},
		{"not a byline", []string{"Von einem Durchbruch kann keine Rede sein.", body}, []string{"body", "body"}, "", ""},
		{"tail mit material", []string{body, body, "Mit Material von dpa und AFP"}, []string{"body", "body", "credit"}, "", ""},
		{"tail reporting", []string{body, body, "(Reporting by Jane Example; Editing by John Sample)"}, []string{"body", "body", "credit"}, "", ""},
		{"tail initials", []string{body, body, "(dpa/jb)"}, []string{"body", "body", "credit"}, "", ""},
		{"tail mitarbeit", []string{body, body, "Mitarbeit: Carla Probe"}, []string{"body", "body", "credit"}, "", ""},
		{"standalone photo credit", []string{body, "Foto: Max Mustermann/dpa", body}, []string{"body", "credit", "body"}, "", ""},
		{"title first", []string{"Gipfel in Genf vertagt", body, body}, []string{"title", "body", "body"}, "", ""},
		{"quote is body", []string{body, "„Wir sind bereit“, sagte Müller.", body}, []string{"body", "body", "body"}, "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			text := strings.Join(tc.paras, "\n\n")
			s := p.Parse(text, Hints{})
			if len(s.Paragraphs) != len(tc.kinds) {
				t.Fatalf("%d paragraphs, want %d", len(s.Paragraphs), len(tc.kinds))
			}
			for i, par := range s.Paragraphs {
				if par.Kind != tc.kinds[i] {
					t.Errorf("paragraph %d %q: kind %s, want %s", i, tc.paras[i], par.Kind, tc.kinds[i])
				}
				if runeSlice(text, par.Start, par.End) != tc.paras[i] {
					t.Errorf("paragraph %d span %q", i, runeSlice(text, par.Start, par.End))
				}
				if par.Kind != analysis.KindCaption {
					continue
				}
				if par.Credit == nil || runeSlice(text, par.Credit.Start, par.Credit.End) != tc.credit {
					t.Errorf("credit %+v, want %q", par.Credit, tc.credit)
				}
				gotID := ""
				if par.PictureID != nil {
					gotID = runeSlice(text, par.PictureID.Start, par.PictureID.End)
				}
				if gotID != tc.pictureID {
					t.Errorf("picture id %q, want %q", gotID, tc.pictureID)
				}
			}
		})
	}
}

func TestSplitParagraphs(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Eins.\n\nZwei.", []string{"Eins.", "Zwei."}},
		{"  Eins.  \n \n\n\t\nZwei.\n", []string{"Eins.", "Zwei."}},
		{"Zeile eins\nZeile zwei", []string{"Zeile eins", "Zeile zwei"}},
		{"Absatz mit\nUmbruch.\n\nZweiter.", []string{"Absatz mit\nUmbruch.", "Zweiter."}},
		{"", nil},
		{"\n\n\n", nil},
	}
	for _, tc := range tests {
		var got []string
		for _, b := range splitParagraphs(tc.in) {
			got = append(got, tc.in[b[0]:b[1]])
		}
		if strings.Join(got, "¶") != strings.Join(tc.want, "¶") {
			t.Errorf("splitParagraphs(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"Hanoi/Da Nang (Reuters) - Text.\n\nA photo. REUTERS/Jane Doe - RC2B12345678\n\nSUB HEAD\n\nMehr.",
		"KIEW, 24. Februar (Reuters) - x", "(dpa/jb)", "Von A B", "\xff\xfe(\xff) - x", "((((", "- - -", "",
	} {
		f.Add(s)
	}
	p := newParser(f)
	f.Fuzz(func(t *testing.T, text string) {
		s := p.Parse(text, Hints{})
		n := len([]rune(text))
		last := 0
		for _, par := range s.Paragraphs {
			if par.Start < last || par.End < par.Start || par.End > n {
				t.Fatalf("bad paragraph span %d-%d (text %d runes)", par.Start, par.End, n)
			}
			last = par.End
			for _, sp := range []*analysis.Span{par.Credit, par.PictureID} {
				if sp != nil && (sp.Start < par.Start || sp.End > par.End || sp.Start > sp.End) {
					t.Fatalf("credit span %d-%d outside paragraph %d-%d", sp.Start, sp.End, par.Start, par.End)
				}
			}
		}
		if d := s.Dateline; d != nil {
			if d.Start < 0 || d.End > n || runeSlice(text, d.Start, d.End) != d.Text {
				t.Fatalf("dateline span %d-%d does not hold %q", d.Start, d.End, d.Text)
			}
		}
	})
}
