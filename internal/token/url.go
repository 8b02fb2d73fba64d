package token

import (
	"unicode/utf8"
)

// hasPrefixFold reports whether s starts with the lower-case ASCII prefix,
// ignoring ASCII case.
func hasPrefixFold(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		c := s[i]
		if isUpperASCII(c) {
			c |= 0x20
		}
		if c != prefix[i] {
			return false
		}
	}
	return true
}

// scanURL reads a web address with a scheme or "www." at text[start].
func scanURL(text string, start int) (int, bool) {
	rest := text[start:]
	var n int
	switch {
	case hasPrefixFold(rest, "https://"):
		n = 8
	case hasPrefixFold(rest, "http://"):
		n = 7
	case hasPrefixFold(rest, "ftp://"):
		n = 6
	case hasPrefixFold(rest, "www."):
		n = 4
	default:
		return 0, false
	}
	if !wordCharAt(text, start+n) {
		return 0, false
	}
	end := urlEnd(text, start, start+n)
	return end, end > start+n
}

// urlEnd extends an address from text[j] to the first character that
// cannot be in it, then gives back the punctuation that closes the
// sentence or a bracket around the address: "(siehe www.x.de)."
func urlEnd(text string, start, j int) int {
	for j < len(text) {
		c := text[j]
		if c < utf8.RuneSelf {
			if c <= ' ' || c == '"' || c == '<' || c == '>' || c == '`' || c == 0x7f {
				break
			}
			j++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[j:])
		if r == utf8.RuneError || isSpace(r) || isQuoteRune(r) || r == '…' {
			break
		}
		j += n
	}
	// Closing brackets beyond the opening ones in the address close a
	// bracket around it; count both once, then trim.
	opens, closes := count(text[start:j], '('), count(text[start:j], ')')
	squareOpens, squareCloses := count(text[start:j], '['), count(text[start:j], ']')
	for j > start {
		switch text[j-1] {
		case '.', ',', ';', ':', '!', '?', '\'', '*':
			j--
			continue
		case ')':
			if opens < closes {
				closes--
				j--
				continue
			}
		case ']':
			if squareOpens < squareCloses {
				squareCloses--
				j--
				continue
			}
		}
		break
	}
	return j
}

func count(s string, c byte) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			n++
		}
	}
	return n
}

// hostEnd reads a host name of ASCII labels joined by periods at
// text[start], returning its end, the start of its last label and the
// number of labels.
func hostEnd(text string, start int) (end, last, labels int) {
	j := start
	// A host name has at most 253 bytes; the bound keeps a failed match
	// from rescanning a long run of "a.b.c…" from every label.
	for j-start <= 253 {
		k := j
		for k < len(text) && (isASCIIAlnum(text[k]) || text[k] == '-') {
			k++
		}
		if k == j {
			// An empty label: the host ended at the period before.
			return j - 1, last, labels
		}
		labels++
		last = j
		if k+1 >= len(text) || text[k] != '.' || !isASCIIAlnum(text[k+1]) {
			return k, last, labels
		}
		j = k + 1
	}
	return j - 1, last, labels
}

// scanEmail reads an e-mail address at text[start].
func scanEmail(text string, start int) (int, bool) {
	j := start
	for j < len(text) && j-start <= 64 {
		c := text[j]
		if isASCIIAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-' {
			j++
			continue
		}
		break
	}
	if j == start || j >= len(text) || text[j] != '@' || text[j-1] == '.' {
		return 0, false
	}
	end, last, labels := hostEnd(text, j+1)
	if labels < 2 || end-last < 2 || !isASCIILetter(text[last]) {
		return 0, false
	}
	return end, true
}

// scanHost reads a bare host name with a common top-level domain and an
// optional path: "tagesschau.de", "bbc.co.uk/news". A list of domains
// keeps "Ende.Anfang" in sloppy copy from becoming an address.
func scanHost(text string, start int) (int, bool) {
	end, last, labels := hostEnd(text, start)
	if labels < 2 || wordCharAt(text, end) || !commonTLD(text[last:end]) {
		return 0, false
	}
	if end+1 < len(text) && text[end] == '/' && text[end+1] > ' ' {
		end = urlEnd(text, start, end+1)
	}
	return end, true
}

// commonTLD reports the top-level domains that news copy cites without a
// scheme. It is a switch, not a map, as it runs in the scanner.
func commonTLD(s string) bool {
	switch s {
	case "com", "org", "net", "de", "at", "ch", "uk", "eu", "gov", "edu",
		"int", "io", "info", "fr", "it", "es", "nl", "be", "pl", "ru", "cn",
		"jp", "us", "tv", "co", "biz", "news", "online", "app":
		return true
	}
	return false
}
