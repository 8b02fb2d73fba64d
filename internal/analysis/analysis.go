// Package analysis holds the record that newsgraph produces for one article:
// its structure (title, dateline, paragraphs, sentences) and the layers found
// in it (entities, places, time expressions, quotes, events).
//
// The JSON field names of Result, Entity, Place, Timex, Quote and Event are a
// contract with the evaluation tools and with users' scripts (see DESIGN.md):
// they may grow, but existing names must not change.
package analysis

// Result is everything newsgraph knows about one article. Offsets anywhere in
// a Result are in Unicode code points of Text, end exclusive.
type Result struct {
	ID       string `json:"id"`
	Language string `json:"language"`
	// Published is the publication date as YYYY-MM-DD, or "" when unknown.
	Published string `json:"published"`
	// PublishedSource says where Published came from: "flag", "metadata",
	// "dateline", "gold", or "" when unknown.
	PublishedSource string `json:"published_source,omitempty"`
	Title           string `json:"title,omitempty"`
	URL             string `json:"url,omitempty"`
	Outlet          string `json:"outlet,omitempty"`
	Author          string `json:"author,omitempty"`
	Format          string `json:"format"`
	// Repaired is true when the input was not valid UTF-8 and invalid bytes
	// were replaced by U+FFFD before analysis.
	Repaired bool   `json:"repaired,omitempty"`
	Text     string `json:"text"`

	Dateline   *Dateline   `json:"dateline,omitempty"`
	Byline     *Span       `json:"byline,omitempty"`
	Paragraphs []Paragraph `json:"paragraphs"`
	Sentences  []Sentence  `json:"sentences"`
	Tokens     int         `json:"tokens"`

	Entities   []Entity    `json:"entities"`
	Places     []Place     `json:"places"`
	References []Reference `json:"references,omitempty"`
	Timex      []Timex     `json:"timex"`
	Quotes     []Quote     `json:"quotes"`
	Events     []Event     `json:"events"`
}

// Span is a stretch of the article text.
type Span struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Dateline is the "Hanoi/Da Nang (Reuters) -" opening of wire copy.
type Dateline struct {
	Span
	Places   []Span `json:"places"`
	Agencies []Span `json:"agencies"`
	// Date is the dateline's own date ("KIEW, 24. Februar (Reuters)") as
	// written, and DateValue its ISO 8601 form when it could be resolved.
	Date      *Span  `json:"date,omitempty"`
	DateValue string `json:"date_value,omitempty"`
}

// Paragraph kinds.
const (
	KindBody       = "body"
	KindCaption    = "caption"
	KindSubheading = "subheading"
	KindCredit     = "credit"
	KindByline     = "byline"
	KindTitle      = "title"
)

// Paragraph is one block of the article; Start and End cover the whole
// block, a leading dateline included.
type Paragraph struct {
	Kind     string `json:"kind"`
	Language string `json:"language"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	// Credit and PictureID are set on captions that end in a picture credit
	// ("REUTERS/Kevin Lamarque - RC1A54027780").
	Credit    *Span `json:"credit,omitempty"`
	PictureID *Span `json:"picture_id,omitempty"`
}

// Sentence is one sentence with the index of the paragraph that holds it.
type Sentence struct {
	Start     int `json:"start"`
	End       int `json:"end"`
	Paragraph int `json:"paragraph"`
	Tokens    int `json:"tokens"`
	// Credit marks the picture credit at the end of a caption, which is
	// kept as a segment of its own so that it is not read as prose.
	Credit bool `json:"credit,omitempty"`
}

// Mention is one place in the text where an entity or place is named.
type Mention struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	// Form says how the text refers to the entity: name, surname,
	// genitive, compound (inside "US-Präsident"), metonym, role
	// ("der US-Präsident"), pronoun, institution, tagger (found by the
	// statistical tagger only).
	Form string `json:"form,omitempty"`
	// Sentence is the index of the sentence in Result.Sentences.
	Sentence int `json:"sentence"`
}

// Entity is a person, organisation or other named thing of the article.
type Entity struct {
	Name    string `json:"name"`
	Type    string `json:"type"`
	Country string `json:"country"`
	// KBID is the knowledge-base entry the entity is linked to, or "" for
	// a name the knowledge base does not know.
	KBID string `json:"kb_id,omitempty"`
	// Key is the actor key the entity acts for in events (ISO3 or an
	// organisation key such as UNO), and CAMEO its CAMEO actor code.
	Key      string    `json:"key,omitempty"`
	CAMEO    string    `json:"cameo,omitempty"`
	Mentions []Mention `json:"mentions"`
}

// Place is a geocoded place named in the article.
type Place struct {
	Name    string  `json:"name"`
	Country string  `json:"country"`
	Lat     float64 `json:"lat"`
	Lon     float64 `json:"lon"`
	// Feature is the kind of place: country, city, region, landmark.
	Feature string `json:"feature,omitempty"`
	KBID    string `json:"kb_id,omitempty"`
	// Confidence says how sure the geocoder is of the reading, in [0, 1].
	Confidence float64   `json:"confidence"`
	Mentions   []Mention `json:"mentions"`
}

// Reference is a mention that points at an actor without naming it as an
// entity of its own: country adjectives and demonyms ("nordkoreanischen",
// "Chinese"), kept for actor coding and highlighting.
type Reference struct {
	Mention
	// Key is the actor key referred to (ISO3 or organisation key).
	Key  string `json:"key"`
	KBID string `json:"kb_id,omitempty"`
}

// Timex is a time expression normalised to ISO 8601.
type Timex struct {
	Text  string `json:"text"`
	Value string `json:"value"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Quote is a direct quotation or a piece of indirect speech.
type Quote struct {
	Text    string `json:"text"`
	Speaker string `json:"speaker"`
	Direct  bool   `json:"direct"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
}

// Actor is one side of an event.
type Actor struct {
	Key  string `json:"key"`
	Name string `json:"name"`
}

// Modality values of an event.
const (
	ModalityAsserted     = "asserted"
	ModalityPlanned      = "planned"
	ModalityReported     = "reported"
	ModalityHypothetical = "hypothetical"
	ModalityNegated      = "negated"
)

// Event is a coded interaction between two actors.
type Event struct {
	Source     Actor   `json:"source"`
	Target     Actor   `json:"target"`
	Cameo      string  `json:"cameo"`
	Root       string  `json:"root"`
	Quad       int     `json:"quad"`
	Goldstein  float64 `json:"goldstein"`
	Date       string  `json:"date"`
	Modality   string  `json:"modality"`
	Evidence   string  `json:"evidence"`
	Start      int     `json:"start"`
	End        int     `json:"end"`
	Confidence float64 `json:"confidence"`
}

// Slice returns the text between two code-point offsets of r.Text, or ""
// when they do not fit it. Stages that keep offsets use it to read back the
// words a span covers.
func (r *Result) Slice(start, end int) string {
	if start < 0 || end < start {
		return ""
	}
	i, b0, b1 := 0, -1, len(r.Text)
	for bi := range r.Text {
		if i == start {
			b0 = bi
		}
		if i == end {
			b1 = bi
			break
		}
		i++
	}
	if b0 < 0 {
		return ""
	}
	return r.Text[b0:b1]
}
