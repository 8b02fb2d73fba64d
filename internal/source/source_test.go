package source

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

func TestDecode(t *testing.T) {
	r := New(DefaultOptions(), nil)
	tests := []struct {
		name, file, in string
		wantErr        error
		want           Document
	}{
		{name: "plain text", file: "a.txt", in: "Berlin (dpa) - Text.", want: Document{ID: "a", Format: FormatText, Text: "Berlin (dpa) - Text."}},
		{name: "byte order mark dropped", file: "b.txt", in: "\xef\xbb\xbfHallo Welt.", want: Document{ID: "b", Format: FormatText, Text: "Hallo Welt."}},
		{name: "crlf normalised", file: "c.txt", in: "Eins.\r\n\r\nZwei.", want: Document{ID: "c", Format: FormatText, Text: "Eins.\n\nZwei."}},
		{name: "latin-1 decoded", file: "d.txt", in: "Gr\xfc\xdfe aus K\xf6ln.", want: Document{ID: "d", Format: FormatText, Text: "Grüße aus Köln.", Repaired: true}},
		{name: "mixed invalid bytes replaced one by one", file: "d.txt", in: "Grüße \xff\xfe aus Köln.", want: Document{ID: "d", Format: FormatText, Text: "Grüße \uFFFD\uFFFD aus Köln.", Repaired: true}},
		{name: "gold json", file: "x.json", in: `{"id":"dev-1","story":"s","text":"Ein Text.","published":"2017-11-12","url":"https://www.example.org/a","language":"de"}`,
			want: Document{ID: "dev-1", Story: "s", Format: FormatJSON, Text: "Ein Text.", Published: "2017-11-12", PublishedSource: "metadata", URL: "https://www.example.org/a", Outlet: "www.example.org", Language: "de"}},
		{name: "json timestamp", file: "y.json", in: `{"text":"T.","published":"2020-08-04T18:08:00Z"}`, want: Document{ID: "y", Format: FormatJSON, Text: "T.", Published: "2020-08-04", PublishedSource: "metadata"}},
		{name: "json sniffed from stdin", file: "-", in: ` {"text":"T."}`, want: Document{ID: "stdin", Format: FormatJSON, Text: "T."}},
		{name: "empty", file: "e.txt", in: "", wantErr: ErrEmpty},
		{name: "white space only", file: "e.txt", in: " \n\t\n", wantErr: ErrEmpty},
		{name: "binary", file: "f.txt", in: "\x7fELF\x02\x01\x01\x00\x00\x00", wantErr: ErrBinary},
		{name: "control bytes", file: "g.txt", in: strings.Repeat("\x01\x02\x03a", 100), wantErr: ErrBinary},
		{name: "json without text", file: "h.json", in: `{"id":"x"}`, wantErr: ErrFormat},
		{name: "broken json", file: "i.json", in: `{"id":`, wantErr: ErrFormat},
		{name: "bad date", file: "j.json", in: `{"text":"T.","published":"12.11.2017"}`, wantErr: ErrFormat},
		{name: "html without article", file: "k.html", in: `<html><head><title>x</title></head><body><nav><a href="/">Home</a></nav></body></html>`, wantErr: ErrNoContent},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := r.Decode(tc.file, []byte(tc.in))
			if tc.wantErr != nil {
				if !errors.Is(err, tc.wantErr) {
					t.Fatalf("err = %v, want %v", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got.ID != tc.want.ID || got.Format != tc.want.Format || got.Text != tc.want.Text || got.Repaired != tc.want.Repaired ||
				got.Published != tc.want.Published || got.PublishedSource != tc.want.PublishedSource || got.URL != tc.want.URL ||
				got.Outlet != tc.want.Outlet || got.Story != tc.want.Story || got.Language != tc.want.Language {
				t.Errorf("got  %+v\nwant %+v", got, tc.want)
			}
		})
	}
}

const page = `<!DOCTYPE html>
<html lang="de"><head>
<title>Gipfel in Genf vertagt | Beispielzeitung</title>
<meta property="og:title" content="Gipfel in Genf vertagt">
<meta property="og:site_name" content="Beispielzeitung">
<meta name="author" content="Anna Beispiel">
<meta property="article:published_time" content="2021-03-04T08:15:00+01:00">
</head><body>
<nav><ul><li><a href="/">Start</a></li><li><a href="/politik">Politik</a></li></ul></nav>
<article>
<h1>Gipfel in Genf vertagt</h1>
<p>Genf (dpa) - Die Gespräche über einen Waffenstillstand sind am Mittwoch ohne Ergebnis vertagt worden. Beide Seiten warfen sich gegenseitig vor, die Verhandlungen zu blockieren.</p>
<h2>Neue Runde im April</h2>
<p>Eine neue Runde soll nach Angaben der Vermittler im April beginnen. „Wir geben nicht auf“, sagte ein Sprecher der Vereinten Nationen am Abend in Genf.</p>
<p>Die Delegationen reisten noch am Donnerstag ab. Mit einem Durchbruch hatte zuvor kaum jemand gerechnet, obwohl die Vorbereitungen monatelang gedauert hatten.</p>
</article>
<footer><p>© Beispielzeitung 2021. Alle Rechte vorbehalten.</p></footer>
</body></html>`

func TestDecodeHTML(t *testing.T) {
	doc, err := New(DefaultOptions(), nil).Decode("page.html", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	if doc.Format != FormatHTML || doc.Title != "Gipfel in Genf vertagt" || doc.Published != "2021-03-04" || doc.Author != "Anna Beispiel" || doc.Outlet != "Beispielzeitung" {
		t.Errorf("metadata: %+v", doc)
	}
	paras := strings.Split(doc.Text, "\n\n")
	if len(paras) < 3 || !strings.HasPrefix(paras[0], "Genf (dpa) - Die Gespräche") && !strings.HasPrefix(paras[1], "Genf (dpa) - Die Gespräche") {
		t.Errorf("paragraphs not kept apart: %q", paras)
	}
	if strings.Contains(doc.Text, "Alle Rechte vorbehalten") || strings.Contains(doc.Text, "Politik") {
		t.Errorf("boilerplate kept: %q", doc.Text)
	}
	found := false
	for _, h := range doc.Headings {
		found = found || h == "Neue Runde im April"
	}
	if !found {
		t.Errorf("headings %q lack the h2", doc.Headings)
	}
}

func TestReadTooLarge(t *testing.T) {
	r := New(Options{MaxBytes: 1000}, nil)
	_, err := r.Read("big.txt", bytes.NewReader(bytes.Repeat([]byte("Wort "), 1000)))
	if !errors.Is(err, ErrTooLarge) {
		t.Fatalf("err = %v, want ErrTooLarge", err)
	}
	if _, err := r.Read("ok.txt", strings.NewReader("Klein.")); err != nil {
		t.Fatal(err)
	}
}

func FuzzDecode(f *testing.F) {
	for _, s := range []string{"", "Text.", "<html><body><p>x</p></body></html>", `{"text":"a"}`, "\x00\x01", "\xff\xfe\xfd", page} {
		f.Add("in.txt", s)
		f.Add("in.html", s)
		f.Add("in.json", s)
		f.Add("-", s)
	}
	r := New(DefaultOptions(), nil)
	f.Fuzz(func(t *testing.T, name, in string) {
		doc, err := r.Decode(name, []byte(in))
		if err != nil {
			return
		}
		if strings.TrimSpace(doc.Text) == "" {
			t.Fatalf("empty document without error")
		}
		if strings.Contains(doc.Text, "\r") {
			t.Fatalf("carriage return kept")
		}
	})
}
