package quote

import (
	"strings"

	"github.com/newsgraph/newsgraph/internal/analysis"
	"github.com/newsgraph/newsgraph/internal/token"
)

// indirect finds reported speech in sentence si.
func (s *state) indirect(si int) {
	toks := s.d.Tokens
	sp := s.d.Sentences[si]
	first, last := sp.First, sp.Last
	// The final punctuation is not part of what was said.
	for last > first && (toks[last-1].Kind == token.Punct || toks[last-1].Kind == token.Quote && !s.inDirect[last-1]) {
		last--
	}
	if last-first < 3 {
		return
	}
	// A sentence that is mostly a direct quotation has been handled.
	quoted := 0
	for i := first; i < last; i++ {
		if s.inDirect[i] {
			quoted++
		}
	}
	if quoted*2 > last-first {
		return
	}
	lang := s.d.Result.Paragraphs[s.d.Result.Sentences[si].Paragraph].Language
	if s.fromSource(si, first, last) {
		return
	}
	for i := first; i < last; i++ {
		if s.inDirect[i] || !s.q.speech[strings.ToLower(toks[i].Text)] {
			continue
		}
		// A speech verb in a relative clause ("who said …") reports
		// nothing of the sentence's own.
		if i > first {
			if p := strings.ToLower(toks[i-1].Text); p == "who" || p == "which" || p == "der" && lang == "de" && i > first+1 && toks[i-2].Text == "," {
				continue
			}
		}
		// "…, meldete die Nachrichtenagentur Xinhua.": the clause comes first.
		if i > first+2 && toks[i-1].Text == "," {
			clauseEnd := i - 1
			if s.reported(first, clauseEnd, lang) && !s.quotedClause(first, clauseEnd) {
				spk, ok := s.nearestIn(toks[i].Start, toks[i].Start, toks[last-1].End)
				if !ok && lang == "de" && s.describedSpeaker(i+1, last) {
					// "…, sagte ein Polizeisprecher": said by someone the
					// text describes but does not name.
					spk, ok = speaker{}, true
				}
				if ok {
					s.emitIndirect(si, first, clauseEnd, spk.name)
					return
				}
			}
		}
		// "erklärte er, er bemühe sich …", "Abe sagte nach dem Treffen, beide hätten …",
		// "X said (that) …".
		c := i + 1
		if lang == "en" {
			// "X said (that) …", "X told reporters (that) …"
			c = i
			if strings.EqualFold(toks[i].Text, "told") && i+1 < last {
				c = i + 1
			}
			if c+1 < last && strings.EqualFold(toks[c+1].Text, "that") {
				c++
			}
		} else {
			for c < last && toks[c].Text != "," && toks[c].Text != ":" {
				c++
			}
		}
		if c >= last-2 {
			continue
		}
		start := c + 1
		end := last
		// Stop before a trailing attribution of the clause itself.
		for k := start + 1; k < last; k++ {
			if toks[k-1].Text == "," && s.q.speech[strings.ToLower(toks[k].Text)] {
				end = k - 1
				break
			}
		}
		if s.quotedClause(start, end) || !s.reported(start, end, lang) {
			continue
		}
		// The speaker stands before the clause: "X erklärte, …" or
		// "erklärte X, …".
		spk, ok := s.nearestIn(toks[i].Start, toks[first].Start, toks[c].Start)
		if !ok && lang == "de" && (s.describedSpeaker(first, i) || s.describedSpeaker(i+1, c)) {
			spk, ok = speaker{}, true // "Ein Sprecher sagte, …"
		}
		if !ok {
			continue
		}
		s.emitIndirect(si, start, end, spk.name)
		return
	}
	// A subjunctive sentence right after reported speech continues it:
	// "Xi wolle auch, dass Nordkorea atomwaffenfrei werde."
	if lang == "de" && s.lastQuoteSent >= si-2 && s.lastQuoteSent >= 0 && s.lastSpeaker != "" {
		for i := first; i < first+5 && i < last; i++ {
			if s.q.konj[strings.ToLower(toks[i].Text)] || i > first && s.subjunctiveShape(toks[i]) {
				s.emitIndirect(si, first, last, s.lastSpeaker)
				return
			}
		}
	}
}

// subjunctiveShape reports whether a word looks like a third-person
// Konjunktiv I verb ("setze", "plane", "gelte"): lower case, ending in
// -e where the indicative ends in -t, and not a function word or an
// inflected adjective. It is only asked inside a sentence that follows
// reported speech, where that reading is the likely one.
func (s *state) subjunctiveShape(t token.Token) bool {
	w := t.Text
	if t.Kind != token.Word || len(w) < 4 || !strings.HasSuffix(w, "e") || isUpper(w) || s.q.funcs[w] || s.q.dets[w] || s.q.preps[w] {
		return false
	}
	for _, adj := range []string{"ische", "liche", "ige", "ene", "ste", "te", "ere", "sche", "bare", "same"} {
		if strings.HasSuffix(w, adj) {
			return false
		}
	}
	return true
}

// describedSpeaker reports whether tokens [a, b) after a speech verb open
// with a noun phrase (an article or number and a capitalised noun): "ein
// Polizeisprecher", "die Behörden", "zwei Augenzeugen".
func (s *state) describedSpeaker(a, b int) bool {
	toks := s.d.Tokens
	for k := a; k < b && k < a+4; k++ {
		t := toks[k]
		if t.Kind == token.Word && isUpper(t.Text) && k > a {
			return true
		}
		if t.Kind != token.Word && t.Kind != token.Number {
			return false
		}
		if k == a && !s.q.dets[strings.ToLower(t.Text)] && !strings.HasPrefix(strings.ToLower(t.Text), "ein") && t.Kind != token.Number {
			return false
		}
	}
	return false
}

// reported reports whether tokens [a, b) read as reported speech: a
// subjunctive verb or a dass-clause in German; any clause in English.
func (s *state) reported(a, b int, lang string) bool {
	toks := s.d.Tokens
	if b-a < 2 {
		return false
	}
	if lang == "en" {
		// English reports speech without a mood of its own: a clause of a
		// few words that opens with a subject, not a time or place phrase.
		if b-a < 4 || s.q.preps[strings.ToLower(toks[a].Text)] || toks[a].Kind != token.Word && toks[a].Kind != token.Number {
			return false
		}
		return true
	}
	if strings.EqualFold(toks[a].Text, "dass") {
		return true
	}
	for i := a; i < b; i++ {
		if !s.inDirect[i] && s.q.konj[strings.ToLower(toks[i].Text)] {
			return true
		}
	}
	return false
}

// quotedClause reports whether [a, b) is mostly a direct quotation.
func (s *state) quotedClause(a, b int) bool {
	n := 0
	for i := a; i < b; i++ {
		if s.inDirect[i] {
			n++
		}
	}
	return n*2 > b-a
}

// fromSource handles "laut X, …", "nach Angaben von X …", "X zufolge …",
// "according to X": the sentence without the source phrase is X's.
func (s *state) fromSource(si, first, last int) bool {
	toks := s.d.Tokens
	for _, src := range s.q.sources {
		n := len(src.words)
		for i := first; i+n <= last; i++ {
			match := true
			for k, w := range src.words {
				if strings.ToLower(toks[i+k].Text) != w {
					match = false
					break
				}
			}
			if !match || s.inDirect[i] {
				continue
			}
			var spk speaker
			var ok bool
			if src.after {
				if i+n >= last {
					continue
				}
				spk, ok = s.sourceAfter(toks[i+n-1].End, toks[min(i+n+3, last-1)].End)
				if !ok {
					continue
				}
			} else {
				spk, ok = s.nearest(toks[i].Start, si, si, true)
				if !ok || spk.end > toks[i].Start {
					continue
				}
			}
			// "wie X sagte" needs the speech verb to be a source.
			if src.words[0] == "wie" {
				continue
			}
			// The clause is the rest of the sentence around the phrase and
			// its source; take the longer side.
			srcEnd := i + n
			for srcEnd < last && toks[srcEnd].End <= spk.end {
				srcEnd++
			}
			a0, a1 := first, i
			b0, b1 := srcEnd, last
			if !src.after {
				a1 = i
				for a1 > first && toks[a1-1].Start >= spk.start {
					a1--
				}
				b0 = i + n
			}
			if b0 < last && toks[b0].Text == "," {
				b0++
			}
			if a1-a0 >= b1-b0 {
				for a1 > a0 && toks[a1-1].Text == "," {
					a1--
				}
				if a1-a0 >= 3 {
					s.emitIndirect(si, a0, a1, spk.name)
					return true
				}
			} else if b1-b0 >= 3 {
				s.emitIndirect(si, b0, b1, spk.name)
				return true
			}
		}
	}
	return false
}

func (s *state) emitIndirect(si, a, b int, name string) {
	toks := s.d.Tokens
	for a < b && (toks[a].Kind == token.Punct || toks[a].Kind == token.Dash) {
		a++
	}
	if b <= a {
		return
	}
	// Speech reported inside reported speech: "Xi habe ihm gesagt, dass
	// das Treffen … markiere, sagte Abe" is Xi's; Abe remains the one who
	// spoke last, for the sentences that follow.
	outer := name
	for k := a + 1; k+2 < b; k++ {
		if s.inDirect[k] || !s.q.speech[strings.ToLower(toks[k].Text)] || toks[k+1].Text != "," {
			continue
		}
		if inner, ok := s.nearestIn(toks[k].Start, toks[a].Start, toks[k].Start); ok && inner.name != name {
			c := k + 2
			if strings.EqualFold(toks[c].Text, "dass") && c+1 < b {
				c++
			}
			a, name = c, inner.name
		}
		break
	}
	start, end := toks[a].Start, toks[b-1].End
	text := s.text(start, end)
	// Quotation marks inside reported speech are the reporter's; the
	// words are what was said.
	text = strings.NewReplacer("“", "", "”", "", "„", "", "«", "", "»", "", "\"", "").Replace(text)
	s.quotes = append(s.quotes, analysis.Quote{Text: strings.Join(strings.Fields(text), " "), Speaker: name, Direct: false, Start: start, End: end})
	s.lastSpeaker = outer
	s.lastIndirect = si
	s.lastQuoteSent = si
}
