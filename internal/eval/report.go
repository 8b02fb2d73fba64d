package eval

import (
	"fmt"
	"io"
)

// WriteTable prints the report for a person reading a terminal: the layer
// scores, the accuracies, and the events broken down by CAMEO root and by
// quad class. Scripts should encode the Report as JSON instead.
func (r Report) WriteTable(w io.Writer) error {
	return r.writeTable(w, false)
}

// WriteTableArticles is WriteTable followed by one row per article, for
// finding the articles that pull a score down.
func (r Report) WriteTableArticles(w io.Writer) error {
	return r.writeTable(w, true)
}

func (r Report) writeTable(w io.Writer, articles bool) error {
	sections := make([]*table, 0, 5)
	head := &table{}
	head.addf("%d articles (micro-averaged over articles, GOLD.md rules)", r.Articles)
	sections = append(sections, head)

	layers := &table{}
	layers.add(prfHeader("layer")...)
	layers.add(prfRow("entities", r.Entities)...)
	layers.add(prfRow("places", r.Places)...)
	layers.add(prfRow("timex", r.Timex)...)
	layers.add(prfRow("quotes", r.Quotes)...)
	layers.add(prfRow("events (root)", r.Events)...)
	layers.add(prfRow("events (quad)", r.EventsQuad)...)
	sections = append(sections, layers)

	acc := &table{}
	acc.add("accuracy (over matched items)", "value", "correct", "total")
	acc.add(accRow("quote speaker", r.SpeakerAccuracy)...)
	acc.add(accRow("quote direct/indirect", r.DirectAccuracy)...)
	acc.add(accRow("timex value", r.TimexValueAccuracy)...)
	acc.add(accRow("geocoding country", r.GeocodingAccuracy)...)
	acc.add(accRow("event date", r.EventDateAccuracy)...)
	sections = append(sections, acc)

	roots := &table{}
	roots.add(prfHeader("events by root")...)
	for _, s := range r.EventRoots {
		name := s.Root
		if m := rootMeaning(s.Root); m != "" {
			name += " " + m
		}
		roots.add(prfRow(name, s.PRF)...)
	}
	sections = append(sections, roots)

	quads := &table{}
	quads.add(prfHeader("events by quad class")...)
	for _, s := range r.EventQuads {
		quads.add(prfRow(fmt.Sprintf("%d %s", s.Quad, quadMeaning(s.Quad)), s.PRF)...)
	}
	sections = append(sections, quads)

	if articles {
		per := &table{}
		per.add("article (F1 and TP/FP/FN)", "entities", "places", "timex", "quotes", "events", "quad")
		cell := func(s PRF) string { return fmt.Sprintf("%.2f %d/%d/%d", s.F1, s.TP, s.FP, s.FN) }
		for _, a := range r.PerArticle {
			per.add(a.ID, cell(a.Entities), cell(a.Places), cell(a.Timex), cell(a.Quotes), cell(a.Events), cell(a.EventsQuad))
		}
		sections = append(sections, per)
	}

	for i, t := range sections {
		if i > 0 {
			if _, err := io.WriteString(w, "\n"); err != nil {
				return fmt.Errorf("write table: %w", err)
			}
		}
		if err := t.write(w); err != nil {
			return err
		}
	}
	return nil
}
