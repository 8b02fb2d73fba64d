package kb

import (
	"fmt"
	"io"
	"strings"
)

// Explain writes what a name can mean and why: each reading with its
// form (name, genitive, adjective, metonym …), entry, source file, and
// for role nouns who held the office on date.
func (k *KB) Explain(w io.Writer, name, date string) error {
	key := Normalize(name)
	fmt.Fprintf(w, "%q (normalised %q)\n", name, key)
	found := false
	for i, f := range k.forms[key] {
		found = true
		e := f.Entity
		lang := f.Lang
		if lang == "" {
			lang = "any"
		}
		fmt.Fprintf(w, "%2d. %s %s %q — %s reading (%s), id %s, source %s\n", i+1, e.Type, e.Kind, e.Name, f.Kind, lang, e.ID, e.Source)
		if e.Country != "" || e.Affiliation != "" || e.CAMEO != "" {
			fmt.Fprintf(w, "    country %s, actor key %s, CAMEO %s\n", dash(e.Country), dash(e.Affiliation), dash(e.CAMEO))
		}
		if e.Type == TypeLOC {
			fmt.Fprintf(w, "    %.4f, %.4f (%s)\n", e.Lat, e.Lon, e.Feature)
		}
		if len(e.Aliases) > 0 {
			al := e.Aliases
			more := ""
			if len(al) > 12 {
				al, more = al[:12], fmt.Sprintf(" … and %d more", len(e.Aliases)-12)
			}
			fmt.Fprintf(w, "    also: %s%s\n", strings.Join(al, ", "), more)
		}
		for _, r := range e.Roles {
			active := ""
			if date != "" && r.ActiveOn(date) {
				active = "  ← on " + date
			}
			fmt.Fprintf(w, "    %s of %s from %s to %s%s\n", r.Role, r.Key, dash(r.From), dash(r.To), active)
		}
	}
	for _, rn := range k.roles[key] {
		found = true
		fmt.Fprintf(w, "role noun (%s): %s of %s\n", rn.Lang, rn.Role, dash(rn.Key))
		if rn.Key != "" {
			for _, h := range k.Holders(rn.Role, rn.Key, date) {
				fmt.Fprintf(w, "    held on %s by %s (%s)\n", dash(date), h.Name, h.ID)
			}
		}
	}
	if in, ok := k.insts[key]; ok {
		found = true
		fmt.Fprintf(w, "institution noun (%s): %q, CAMEO role %s\n", in.Lang, in.Template, in.Role)
	}
	if !found {
		fmt.Fprintln(w, "no reading: the knowledge base does not know this name")
	}
	return nil
}

func dash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}
