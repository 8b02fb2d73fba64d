package eval

import (
	"fmt"
	"io"
	"sort"
	"text/tabwriter"
)

// WriteTable prints the report for a person: one row per layer, then the
// accuracies, the events by root, and (when asked) the articles.
func (r Report) WriteTable(w io.Writer) error {
	return r.writeTable(w, false)
}

// WriteTableArticles is WriteTable followed by one row per article.
func (r Report) WriteTableArticles(w io.Writer) error {
	return r.writeTable(w, true)
}

func (r Report) writeTable(w io.Writer, articles bool) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "%d articles\t\t\t\t\t\t\t\n", r.Articles)
	fmt.Fprintln(tw, "layer\tP\tR\tF1\tTP\tFP\tFN\t")
	row := func(name string, s Layer) {
		fmt.Fprintf(tw, "%s\t%.3f\t%.3f\t%.3f\t%d\t%d\t%d\t\n", name, s.Precision, s.Recall, s.F1, s.TP, s.FP, s.FN)
	}
	row("entities", r.Entities)
	row("places", r.Places)
	row("timex", r.Timex)
	row("quotes", r.Quotes)
	row("events (root)", r.Events)
	row("events (quad)", r.EventsQuad)
	fmt.Fprintln(tw, "\t\t\t\t\t\t\t")
	fmt.Fprintln(tw, "accuracy\tvalue\tcorrect\ttotal\t\t\t\t")
	acc := func(name string, a Accuracy) {
		fmt.Fprintf(tw, "%s\t%.3f\t%d\t%d\t\t\t\t\n", name, a.Value, a.Correct, a.Total)
	}
	acc("geocoding (country)", r.GeocodingAccuracy)
	acc("timex value", r.TimexValueAccuracy)
	acc("quote speaker", r.SpeakerAccuracy)
	acc("event date", r.EventDateAccuracy)
	if len(r.EventRoots) > 0 {
		fmt.Fprintln(tw, "\t\t\t\t\t\t\t")
		fmt.Fprintln(tw, "event root\tP\tR\tF1\tTP\tFP\tFN\t")
		roots := make([]string, 0, len(r.EventRoots))
		for k := range r.EventRoots {
			roots = append(roots, k)
		}
		sort.Strings(roots)
		for _, k := range roots {
			row(k, r.EventRoots[k])
		}
	}
	if articles {
		fmt.Fprintln(tw, "\t\t\t\t\t\t\t")
		fmt.Fprintln(tw, "article\tentities F1\tplaces F1\ttimex F1\tquotes F1\tevents F1\t\t")
		for _, a := range r.PerArticle {
			fmt.Fprintf(tw, "%s\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\t\t\n", a.ID, a.Entities.F1, a.Places.F1, a.Timex.F1, a.Quotes.F1, a.Events.F1)
		}
	}
	return tw.Flush()
}
