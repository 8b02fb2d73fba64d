// Package eval measures newsgraph against hand-made answer keys, with the
// scoring rules of the shared corpus's GOLD.md: micro-averaged precision,
// recall and F1 per layer (entities, places, time expressions, quotes,
// events at root and at quad level) and the accuracies that go with them
// (speaker, timex value, geocoding country, event date). It also scores a
// named-entity tagger on GermEval 2014 / CoNLL data.
//
// The rules are implemented here once so that `newsgraph eval`, the tests
// and anyone comparing systems get the same numbers.
package eval

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Gold is one article with its answer key, as in GOLD.md.
type Gold struct {
	ID        string  `json:"id"`
	Story     string  `json:"story"`
	URL       string  `json:"url"`
	Outlet    string  `json:"outlet"`
	Language  string  `json:"language"`
	Published string  `json:"published"`
	Title     string  `json:"title"`
	Text      string  `json:"text"`
	Key       GoldKey `json:"gold"`
}

// GoldKey is the answer key of one article.
type GoldKey struct {
	Entities []GoldEntity `json:"entities"`
	Places   []GoldPlace  `json:"places"`
	Timex    []GoldTimex  `json:"timex"`
	Quotes   []GoldQuote  `json:"quotes"`
	Events   []GoldEvent  `json:"events"`
}

// GoldEntity is a person, organisation or MISC item of the key.
type GoldEntity struct {
	Name    string   `json:"name"`
	Type    string   `json:"type"`
	Country string   `json:"country"`
	Aliases []string `json:"aliases"`
}

// GoldPlace is a named place of the key.
type GoldPlace struct {
	Name    string   `json:"name"`
	Country string   `json:"country"`
	Aliases []string `json:"aliases"`
}

// GoldTimex is a time expression of the key; it has no offsets.
type GoldTimex struct {
	Text  string `json:"text"`
	Value string `json:"value"`
}

// GoldQuote is a quotation of the key.
type GoldQuote struct {
	Text    string `json:"text"`
	Speaker string `json:"speaker"`
	Direct  bool   `json:"direct"`
}

// GoldEvent is an event of the key.
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

// ErrNoGold is returned for a file without an answer key or text.
var ErrNoGold = errors.New("not a gold file")

// LoadGold reads one gold file.
func LoadGold(path string) (Gold, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return Gold{}, fmt.Errorf("gold: %w", err)
	}
	var g Gold
	if err := json.Unmarshal(data, &g); err != nil {
		return Gold{}, fmt.Errorf("gold %s: %v: %w", path, err, ErrNoGold)
	}
	if strings.TrimSpace(g.Text) == "" {
		return Gold{}, fmt.Errorf("gold %s: no \"text\": %w", path, ErrNoGold)
	}
	if g.ID == "" {
		g.ID = strings.TrimSuffix(strings.TrimSuffix(filepath.Base(path), ".json"), ".gold")
	}
	return g, nil
}

// LoadGoldDir reads every *.json file of dir (or the one file dir names),
// sorted by name, and returns them with their paths.
func LoadGoldDir(dir string) ([]Gold, []string, error) {
	st, err := os.Stat(dir)
	if err != nil {
		return nil, nil, fmt.Errorf("gold: %w", err)
	}
	var paths []string
	if st.IsDir() {
		paths, err = filepath.Glob(filepath.Join(dir, "*.json"))
		if err != nil {
			return nil, nil, fmt.Errorf("gold: %w", err)
		}
		sort.Strings(paths)
	} else {
		paths = []string{dir}
	}
	var golds []Gold
	var kept []string
	for _, p := range paths {
		if strings.HasSuffix(p, ".meta.json") {
			continue
		}
		g, err := LoadGold(p)
		if err != nil {
			return nil, nil, err
		}
		golds = append(golds, g)
		kept = append(kept, p)
	}
	return golds, kept, nil
}
