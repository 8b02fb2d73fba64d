package eval

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Gold is one article of the gold corpus with its answer key, in the file
// format of GOLD.md; the article fields are kept so that a report can name
// the article and a caller can re-run the analyser on exactly the text the
// annotators saw.
type Gold struct {
	ID        string `json:"id"`
	Story     string `json:"story"`
	URL       string `json:"url"`
	Outlet    string `json:"outlet"`
	Language  string `json:"language"`
	Published string `json:"published"`
	// DateEstimated is set by the corpus builders when Published was
	// inferred rather than read from the page; scoring does not use it,
	// but keeping it lets a round trip preserve the file.
	DateEstimated bool   `json:"date_estimated,omitempty"`
	Title         string `json:"title"`
	Text          string `json:"text"`
	// Key is the answer key, the "gold" object of the file.
	Key GoldKey `json:"gold"`
}

// GoldKey is the answer key of one article, one list per scored layer.
type GoldKey struct {
	Entities []GoldEntity `json:"entities"`
	Places   []GoldPlace  `json:"places"`
	Timex    []GoldTimex  `json:"timex"`
	Quotes   []GoldQuote  `json:"quotes"`
	Events   []GoldEvent  `json:"events"`
}

// GoldEntity is a person, organisation or MISC item; Aliases are the other
// spellings that count as the same entity, so a system is not punished for
// writing "Kim Jong-un" instead of "Kim Jong Un".
type GoldEntity struct {
	Name    string   `json:"name"`
	Type    string   `json:"type"`
	Country string   `json:"country"`
	Aliases []string `json:"aliases"`
}

// GoldPlace is a named place; Country is scored separately (geocoding
// accuracy) so that finding a place and resolving it are measured apart.
type GoldPlace struct {
	Name    string   `json:"name"`
	Country string   `json:"country"`
	Aliases []string `json:"aliases"`
}

// GoldTimex is a time expression. It has no offsets because annotators
// write the text, not positions; the scorer locates the text in the
// article itself.
type GoldTimex struct {
	Text  string `json:"text"`
	Value string `json:"value"`
}

// GoldQuote is a direct quotation or a piece of indirect speech with its
// speaker's canonical name (or a country's ISO3 code).
type GoldQuote struct {
	Text    string `json:"text"`
	Speaker string `json:"speaker"`
	Direct  bool   `json:"direct"`
}

// GoldEvent is a CAMEO-coded event between two actor keys. AltRoots and
// Symmetric carry the annotators' tolerance: other defensible codes, and
// joint acts that may be reported in either direction.
type GoldEvent struct {
	Source     string   `json:"source"`
	Target     string   `json:"target"`
	Root       string   `json:"root"`
	AltRoots   []string `json:"alt_roots"`
	Symmetric  bool     `json:"symmetric"`
	SourceName string   `json:"source_name"`
	TargetName string   `json:"target_name"`
	Date       string   `json:"date"`
	Evidence   string   `json:"evidence"`
}

// constError is a constant error type, so that the package's sentinel
// errors can be constants (no package-level mutable state) and still work
// with errors.Is.
type constError string

func (e constError) Error() string { return string(e) }

// Sentinel errors of LoadGold, for callers that want to tell a broken file
// from an unreadable one with errors.Is.
const (
	// ErrInvalidGold marks a file that is not valid JSON of the gold format.
	ErrInvalidGold = constError("not valid gold JSON")
	// ErrNoText marks a gold file without article text, which could only
	// ever score zero and most likely is not a gold file at all.
	ErrNoText = constError("no \"text\" in gold file")
	// ErrNoKey marks a file without the "gold" answer key object, such as
	// a plain article JSON handed to the scorer by mistake.
	ErrNoKey = constError("no \"gold\" answer key in gold file")
)

// LoadGold reads one gold file. An article without an "id" gets the file
// name (without ".gold.json" or ".json") so that per-article rows can
// still be told apart.
func LoadGold(path string) (Gold, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return Gold{}, fmt.Errorf("read gold file: %w", err)
	}
	return parseGold(path, data)
}

// parseGold decodes the bytes of one gold file; name is used in errors and
// as the fallback id.
func parseGold(name string, data []byte) (Gold, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	var probe struct {
		Gold json.RawMessage `json:"gold"`
	}
	if err := json.Unmarshal(data, &probe); err != nil {
		return Gold{}, fmt.Errorf("gold file %s%s: %w: %w", name, jsonPosition(data, err), ErrInvalidGold, err)
	}
	var g Gold
	if err := json.Unmarshal(data, &g); err != nil {
		return Gold{}, fmt.Errorf("gold file %s%s: %w: %w", name, jsonPosition(data, err), ErrInvalidGold, err)
	}
	if strings.TrimSpace(g.Text) == "" {
		return Gold{}, fmt.Errorf("gold file %s: %w", name, ErrNoText)
	}
	if len(probe.Gold) == 0 || string(probe.Gold) == "null" {
		return Gold{}, fmt.Errorf("gold file %s: %w", name, ErrNoKey)
	}
	if g.ID == "" {
		base := filepath.Base(name)
		base = strings.TrimSuffix(base, ".json")
		g.ID = strings.TrimSuffix(base, ".gold")
	}
	return g, nil
}

// jsonPosition turns the byte offset of a JSON error into " (line L,
// column C)", because a byte offset is of little help in a hand-edited file.
func jsonPosition(data []byte, err error) string {
	var off int64
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		off = syn.Offset
	case errors.As(err, &typ):
		off = typ.Offset
	default:
		return ""
	}
	if off <= 0 || off > int64(len(data)) {
		return ""
	}
	before := data[:off]
	line := bytes.Count(before, []byte("\n")) + 1
	col := int(off) - (bytes.LastIndexByte(before, '\n') + 1)
	return fmt.Sprintf(" (line %d, column %d)", line, col)
}

// LoadGoldDir reads every *.json file of dir, sorted by file name so that
// reports are reproducible, and returns the articles with their file paths
// (the caller needs them to run the analyser on the same files). A path
// that names a single file is read on its own. Files ending in ".meta.json"
// are skipped: the seed folder keeps article metadata beside the key, and
// those files are not gold files.
func LoadGoldDir(dir string) ([]Gold, []string, error) {
	st, err := os.Stat(dir)
	if err != nil {
		return nil, nil, fmt.Errorf("gold path: %w", err)
	}
	var paths []string
	if st.IsDir() {
		entries, err := os.ReadDir(dir)
		if err != nil {
			return nil, nil, fmt.Errorf("gold folder: %w", err)
		}
		for _, e := range entries {
			name := e.Name()
			if e.IsDir() || !strings.HasSuffix(name, ".json") || strings.HasSuffix(name, ".meta.json") {
				continue
			}
			paths = append(paths, filepath.Join(dir, name))
		}
		sort.Strings(paths)
	} else {
		paths = []string{dir}
	}
	golds := make([]Gold, 0, len(paths))
	for _, p := range paths {
		g, err := LoadGold(p)
		if err != nil {
			return nil, nil, err
		}
		golds = append(golds, g)
	}
	return golds, paths, nil
}
