package article

import "unicode/utf8"

// offsets converts byte offsets of one text to code-point offsets. Requests
// come mostly in increasing order, so it walks forward from the last answer
// and restarts only when asked for an earlier position.
type offsets struct {
	text  string
	ascii bool
	lastB int
	lastR int
}

func newOffsets(text string) *offsets {
	ascii := true
	for i := 0; i < len(text); i++ {
		if text[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	return &offsets{text: text, ascii: ascii}
}

// rune returns the code-point offset of byte offset b.
func (o *offsets) rune(b int) int {
	if o.ascii {
		return b
	}
	if b < o.lastB {
		o.lastB, o.lastR = 0, 0
	}
	// Count as range over a string does: each invalid byte is one code point.
	o.lastR += utf8.RuneCountInString(o.text[o.lastB:b])
	o.lastB = b
	return o.lastR
}
