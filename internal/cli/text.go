package cli

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/newsgraph/newsgraph/internal/analysis"
)

// WriteText prints a Result for a person to read: the header, the structure
// with each paragraph's sentences, then the annotation layers.
func WriteText(w io.Writer, r analysis.Result) error {
	runes := []rune(r.Text)
	slice := func(a, b int) string {
		if a < 0 || b > len(runes) || a > b {
			return ""
		}
		return string(runes[a:b])
	}
	var b strings.Builder
	fmt.Fprintf(&b, "== %s ==\n", r.ID)
	row := func(k, v string) {
		if v != "" {
			fmt.Fprintf(&b, "%-10s %s\n", k+":", v)
		}
	}
	row("title", r.Title)
	row("language", r.Language)
	pub := r.Published
	if pub != "" && r.PublishedSource != "" {
		pub += " (from " + r.PublishedSource + ")"
	}
	row("published", pub)
	row("url", r.URL)
	row("outlet", r.Outlet)
	row("author", r.Author)
	row("format", r.Format)
	if r.Repaired {
		row("note", "invalid UTF-8 was replaced by U+FFFD")
	}
	if d := r.Dateline; d != nil {
		var places, agencies []string
		for _, p := range d.Places {
			places = append(places, p.Text)
		}
		for _, a := range d.Agencies {
			agencies = append(agencies, a.Text)
		}
		s := fmt.Sprintf("%q places=%s", d.Text, strings.Join(places, ", "))
		if len(agencies) > 0 {
			s += " agencies=" + strings.Join(agencies, ", ")
		}
		if d.Date != nil {
			s += fmt.Sprintf(" date=%q", d.Date.Text)
			if d.DateValue != "" {
				s += " (" + d.DateValue + ")"
			}
		}
		row("dateline", s)
	}
	if r.Byline != nil {
		row("byline", r.Byline.Text)
	}
	fmt.Fprintf(&b, "%-10s %d paragraphs, %d sentences, %d tokens\n\n", "size:", len(r.Paragraphs), len(r.Sentences), r.Tokens)
	si := 0
	for i, p := range r.Paragraphs {
		fmt.Fprintf(&b, "[%d] %s %s %d-%d\n", i+1, p.Kind, p.Language, p.Start, p.End)
		if p.Credit != nil {
			fmt.Fprintf(&b, "    credit: %s\n", p.Credit.Text)
		}
		if p.PictureID != nil {
			fmt.Fprintf(&b, "    picture id: %s\n", p.PictureID.Text)
		}
		for ; si < len(r.Sentences) && r.Sentences[si].Paragraph == i; si++ {
			s := r.Sentences[si]
			mark := "-"
			if s.Credit {
				mark = "©"
			}
			fmt.Fprintf(&b, "    %s %s\n", mark, slice(s.Start, s.End))
		}
	}
	if _, err := io.WriteString(w, b.String()); err != nil {
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	section := func(title string, n int) {
		fmt.Fprintf(tw, "\n%s (%d)\n", title, n)
	}
	section("entities", len(r.Entities))
	for _, e := range r.Entities {
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%d mentions\n", e.Name, e.Type, e.Country, len(e.Mentions))
	}
	section("places", len(r.Places))
	for _, p := range r.Places {
		fmt.Fprintf(tw, "  %s\t%s\t%.4f,%.4f\t%d mentions\n", p.Name, p.Country, p.Lat, p.Lon, len(p.Mentions))
	}
	section("dates", len(r.Timex))
	for _, t := range r.Timex {
		fmt.Fprintf(tw, "  %s\t%s\t%d-%d\n", t.Text, t.Value, t.Start, t.End)
	}
	section("quotes", len(r.Quotes))
	for _, q := range r.Quotes {
		kind := "indirect"
		if q.Direct {
			kind = "direct"
		}
		fmt.Fprintf(tw, "  %s\t%s\t%q\n", q.Speaker, kind, q.Text)
	}
	section("events", len(r.Events))
	for _, e := range r.Events {
		fmt.Fprintf(tw, "  %s → %s\t%s\t%s\t%s\t%q\n", e.Source.Key, e.Target.Key, e.Cameo, e.Date, e.Modality, e.Evidence)
	}
	fmt.Fprintln(tw)
	return tw.Flush()
}
