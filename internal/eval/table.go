package eval

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// table lays out rows of cells in aligned columns: the first column left
// aligned (names), the others right aligned (numbers). It is written by
// hand rather than with text/tabwriter so that write errors are reported
// and the layout does not depend on tab stops.
type table struct {
	rows [][]string
}

// add appends one row; a row without cells prints as an empty line.
func (t *table) add(cells ...string) { t.rows = append(t.rows, cells) }

// addf appends a row whose cells are formatted from format, split at tabs.
func (t *table) addf(format string, args ...any) {
	t.add(strings.Split(fmt.Sprintf(format, args...), "\t")...)
}

// write prints the table to w and returns the first write error.
func (t *table) write(w io.Writer) error {
	var width []int
	for _, r := range t.rows {
		for i, c := range r {
			if i >= len(width) {
				width = append(width, 0)
			}
			width[i] = max(width[i], utf8.RuneCountInString(c))
		}
	}
	var b strings.Builder
	for _, r := range t.rows {
		b.Reset()
		for i, c := range r {
			pad := strings.Repeat(" ", width[i]-utf8.RuneCountInString(c))
			switch {
			case i == 0:
				b.WriteString(c)
				if len(r) > 1 {
					b.WriteString(pad)
				}
			default:
				b.WriteString("  ")
				b.WriteString(pad)
				b.WriteString(c)
			}
		}
		b.WriteByte('\n')
		if _, err := io.WriteString(w, b.String()); err != nil {
			return fmt.Errorf("write table: %w", err)
		}
	}
	return nil
}

// prfHeader is the header row of every P/R/F1 section.
func prfHeader(first string) []string {
	return []string{first, "P", "R", "F1", "TP", "FP", "FN"}
}

// prfRow formats one P/R/F1 row.
func prfRow(name string, s PRF) []string {
	return []string{name,
		fmt.Sprintf("%.3f", s.Precision), fmt.Sprintf("%.3f", s.Recall), fmt.Sprintf("%.3f", s.F1),
		fmt.Sprint(s.TP), fmt.Sprint(s.FP), fmt.Sprint(s.FN)}
}

// accRow formats one accuracy row.
func accRow(name string, a Accuracy) []string {
	return []string{name, fmt.Sprintf("%.3f", a.Value), fmt.Sprint(a.Correct), fmt.Sprint(a.Total)}
}
