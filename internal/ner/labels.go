package ner

import "strings"

// Label indices. The order is part of the model file format.
const (
	labO = iota
	labBPER
	labIPER
	labBLOC
	labILOC
	labBORG
	labIORG
	labBMISC
	labIMISC
	numLabels
)

// labelNames holds the BIO label strings in label-index order.
var labelNames = [numLabels]string{"O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"}

// Types lists the entity types the tagger knows, in label order.
func Types() []string { return []string{"PER", "LOC", "ORG", "MISC"} }

// labelIndex returns the index of a normalised BIO label, or labO when the
// label is unknown.
func labelIndex(s string) int {
	for i, n := range labelNames {
		if n == s {
			return i
		}
	}
	return labO
}

// isInside reports whether label index l is an I- label.
func isInside(l int) bool { return l != labO && l%2 == 0 }

// typeOf returns the entity type slot (1..4) of label l, or 0 for O.
func typeOf(l int) int { return (l + 1) / 2 }

// allowed reports whether label cur may follow label prev; prev == -1 means
// the start of the sentence. An I-X label may only follow B-X or I-X.
func allowed(prev, cur int) bool {
	if !isInside(cur) {
		return true
	}
	return prev >= 0 && prev != labO && typeOf(prev) == typeOf(cur)
}

// labelScheme says how the type names of a corpus are to be read.
type labelScheme int

const (
	schemeGeneric  labelScheme = iota // PER/LOC/ORG/MISC (CoNLL-2002/2003, Europeana)
	schemeMobIE                       // location*, organization*, person; the rest is O
	schemeGermEval                    // PER/LOC/ORG/OTH with -deriv/-part variants
)

// normLabel maps a raw tag of the given scheme to a BIO label over
// PER/LOC/ORG/MISC, or "O". It tolerates the malformed tags of the
// Europeana files ("B-PEr", "B_LOC", "B.PER", "B-LOCer").
func normLabel(raw string, scheme labelScheme) string {
	raw = strings.TrimSpace(raw)
	if len(raw) < 3 {
		return "O"
	}
	prefix := raw[0] | 0x20 // lower-case ASCII
	sep := raw[1]
	if (prefix != 'b' && prefix != 'i' && prefix != 'e' && prefix != 's') || (sep != '-' && sep != '_' && sep != '.') {
		return "O"
	}
	typ := strings.ToLower(raw[2:])
	var t string
	switch scheme {
	case schemeMobIE:
		switch {
		case typ == "location" || strings.HasPrefix(typ, "location-"):
			t = "LOC"
		case typ == "organization" || strings.HasPrefix(typ, "organization-"):
			t = "ORG"
		case typ == "person":
			t = "PER"
		}
	case schemeGermEval:
		if strings.HasSuffix(typ, "deriv") || strings.HasSuffix(typ, "part") {
			break
		}
		t = genericType(typ)
	default:
		t = genericType(typ)
	}
	if t == "" {
		return "O"
	}
	// E- (end) and S- (single) of IOBES schemes become I- and B-.
	if prefix == 'b' || prefix == 's' {
		return "B-" + t
	}
	return "I-" + t
}

// genericType maps a lower-cased CoNLL type name to PER/LOC/ORG/MISC.
func genericType(typ string) string {
	switch typ {
	case "per", "person", "pers":
		return "PER"
	case "loc", "location", "gpe":
		return "LOC"
	case "org", "organization", "organisation":
		return "ORG"
	case "misc", "oth", "other":
		return "MISC"
	}
	// Typos of the Europeana files: "locer", "oloc", "per_" and the like.
	switch {
	case strings.Contains(typ, "loc"):
		return "LOC"
	case strings.HasPrefix(typ, "per") && len(typ) <= 4:
		return "PER"
	case strings.HasPrefix(typ, "org") && len(typ) <= 4:
		return "ORG"
	case strings.HasPrefix(typ, "misc"):
		return "MISC"
	}
	return ""
}

// fixBIO rewrites labels in place into valid BIO: an I-X that does not
// follow B-X or I-X (IOB1 style, or a broken span) becomes B-X.
func fixBIO(labels []string) {
	prev := labO
	for i, l := range labels {
		li := labelIndex(l)
		if isInside(li) && !allowed(prev, li) {
			li--
			labels[i] = labelNames[li]
		}
		prev = li
	}
}
