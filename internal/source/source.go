// Package source turns raw input — plain text, an HTML page, or a JSON article
// in newsgraph's gold format — into Documents: UTF-8 text plus the metadata
// that came with it. It is the only place that looks at bytes from outside,
// so it owns the checks for empty, binary, oversized and mis-encoded input.
package source

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/url"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/text/encoding/charmap"
)

// Sentinel errors of Read. Callers test them with errors.Is; the wrapped
// message says which file and why.
var (
	// ErrEmpty means the input holds no text at all (or only white space).
	ErrEmpty = errors.New("empty input")
	// ErrBinary means the input looks like a binary file, not text.
	ErrBinary = errors.New("binary input")
	// ErrTooLarge means the input exceeds Options.MaxBytes.
	ErrTooLarge = errors.New("input too large")
	// ErrNoContent means an HTML page had no article text to extract.
	ErrNoContent = errors.New("no article content")
	// ErrFormat means a JSON input did not have the expected shape.
	ErrFormat = errors.New("malformed input")
)

// Format names, as reported in Document.Format.
const (
	FormatText = "text"
	FormatHTML = "html"
	FormatJSON = "json"
)

// Document is one article read from input, before analysis.
type Document struct {
	ID        string
	Text      string
	Title     string
	Published string // YYYY-MM-DD or ""
	// PublishedSource says where Published came from ("metadata", "gold").
	PublishedSource string
	URL             string
	Outlet          string
	Author          string
	Story           string
	Language        string
	Format          string
	// Repaired is true when the input was not valid UTF-8; Repair says how
	// it was mended: RepairCharmap or RepairReplace.
	Repaired bool
	Repair   string
	// Headings lists the text of blocks that the HTML marked as headings, so
	// that the article parser can call them subheadings without guessing.
	Headings []string
}

// Options configures a Reader.
type Options struct {
	// MaxBytes is the largest input accepted; larger input fails with
	// ErrTooLarge rather than being truncated, so that nothing is lost silently.
	MaxBytes int64
	// Format forces a format ("text", "html", "json"); "" detects it.
	Format string
}

// DefaultOptions returns the settings used by the command line.
func DefaultOptions() Options {
	return Options{MaxBytes: 16 << 20}
}

// Reader reads Documents from files and streams.
type Reader struct {
	opts Options
	log  *slog.Logger
}

// New returns a Reader. A nil logger discards.
func New(opts Options, log *slog.Logger) *Reader {
	if opts.MaxBytes <= 0 {
		opts.MaxBytes = DefaultOptions().MaxBytes
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Reader{opts: opts, log: log.With("component", "source")}
}

// Read reads one input. name is the file name (used for the ID and for
// format detection by extension) or "-" for standard input.
func (r *Reader) Read(name string, in io.Reader) (Document, error) {
	data, err := io.ReadAll(io.LimitReader(in, r.opts.MaxBytes+1))
	if err != nil {
		return Document{}, fmt.Errorf("read %s: %w", name, err)
	}
	if int64(len(data)) > r.opts.MaxBytes {
		return Document{}, fmt.Errorf("%s: more than %d bytes (raise --max-bytes to accept it): %w", name, r.opts.MaxBytes, ErrTooLarge)
	}
	return r.Decode(name, data)
}

// Decode turns the bytes of one input into a Document.
func (r *Reader) Decode(name string, data []byte) (Document, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")) // a UTF-8 byte order mark is not text
	if len(bytes.TrimSpace(data)) == 0 {
		return Document{}, fmt.Errorf("%s: %w", name, ErrEmpty)
	}
	if looksBinary(data) {
		return Document{}, fmt.Errorf("%s: %w (it has NUL or many control bytes; give a text, HTML or JSON file)", name, ErrBinary)
	}
	format := r.opts.Format
	if format == "" {
		format = detect(name, data)
	}
	var (
		doc Document
		err error
	)
	switch format {
	case FormatHTML:
		doc, err = decodeHTML(name, data)
	case FormatJSON:
		doc, err = decodeJSON(name, data)
	case FormatText:
		doc = Document{Text: string(data)}
	default:
		return Document{}, fmt.Errorf("%s: unknown format %q: %w", name, format, ErrFormat)
	}
	if err != nil {
		return Document{}, err
	}
	doc.Format = format
	if doc.ID == "" {
		doc.ID = idFromName(name)
	}
	if !utf8.ValidString(doc.Text) {
		doc.Text, doc.Repair = repair(doc.Text)
		doc.Repaired = true
	}
	doc.Text = normaliseNewlines(doc.Text)
	if strings.TrimSpace(doc.Text) == "" {
		return Document{}, fmt.Errorf("%s: %w", name, ErrEmpty)
	}
	return doc, nil
}

// looksBinary reports whether data is probably not text: any NUL byte, or
// more than 10% control bytes other than tab, newline and carriage return in
// the first 8 KiB. Invalid UTF-8 alone is not binary: it is repaired.
func looksBinary(data []byte) bool {
	head := data
	if len(head) > 8192 {
		head = head[:8192]
	}
	ctl := 0
	for _, b := range head {
		switch {
		case b == 0:
			return true
		case b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f':
			ctl++
		}
	}
	return ctl*10 > len(head)
}

func detect(name string, data []byte) string {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".html", ".htm", ".xhtml":
		return FormatHTML
	case ".json":
		return FormatJSON
	case ".txt", ".text":
		return FormatText
	}
	head := bytes.TrimSpace(data)
	if len(head) > 1024 {
		head = head[:1024]
	}
	switch {
	case len(head) > 0 && head[0] == '{':
		return FormatJSON
	case len(head) > 0 && head[0] == '<':
		lower := bytes.ToLower(head)
		for _, tag := range []string{"<!doctype html", "<html", "<head", "<body", "<p", "<div", "<article"} {
			if bytes.Contains(lower, []byte(tag)) {
				return FormatHTML
			}
		}
	}
	return FormatText
}

func idFromName(name string) string {
	if name == "-" || name == "" {
		return "stdin"
	}
	base := filepath.Base(name)
	for _, ext := range []string{".gold.json", ".json", ".html", ".htm", ".txt"} {
		if strings.HasSuffix(strings.ToLower(base), ext) {
			return base[:len(base)-len(ext)]
		}
	}
	return base
}

func normaliseNewlines(s string) string {
	if !strings.Contains(s, "\r") {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}

// How invalid UTF-8 was mended, as reported in Document.Repair.
const (
	// RepairCharmap means the text held no UTF-8 sequence at all and was
	// decoded as Windows-1252, the usual encoding of such news files.
	RepairCharmap = "windows-1252"
	// RepairReplace means valid UTF-8 was mixed with invalid bytes, each of
	// which became U+FFFD so that no offset shifts.
	RepairReplace = "replacement"
)

// repair mends invalid UTF-8. Text with no multi-byte UTF-8 sequence at all
// is 8-bit encoded and is decoded as Windows-1252 ("K\xf6ln" → "Köln");
// otherwise each invalid byte becomes U+FFFD.
func repair(s string) (string, string) {
	multi := false
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r != utf8.RuneError && n > 1 {
			multi = true
			break
		}
		i += n
	}
	if !multi {
		if out, err := charmap.Windows1252.NewDecoder().String(s); err == nil {
			return out, RepairCharmap
		}
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			b.WriteRune(utf8.RuneError)
		} else {
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String(), RepairReplace
}

// jsonArticle is the gold format of GOLD.md and the plain
// {url, title, text, published, outlet} form; both decode into it.
type jsonArticle struct {
	ID        string `json:"id"`
	Story     string `json:"story"`
	URL       string `json:"url"`
	Outlet    string `json:"outlet"`
	Language  string `json:"language"`
	Published string `json:"published"`
	Title     string `json:"title"`
	Author    string `json:"author"`
	Text      string `json:"text"`
}

func decodeJSON(name string, data []byte) (Document, error) {
	var a jsonArticle
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&a); err != nil {
		return Document{}, fmt.Errorf("%s: not a JSON article: %v: %w", name, err, ErrFormat)
	}
	if strings.TrimSpace(a.Text) == "" {
		return Document{}, fmt.Errorf("%s: JSON article has no \"text\" field: %w", name, ErrFormat)
	}
	pub, err := normaliseDate(a.Published)
	if err != nil {
		return Document{}, fmt.Errorf("%s: field \"published\": %v: %w", name, err, ErrFormat)
	}
	doc := Document{
		ID: a.ID, Story: a.Story, URL: a.URL, Outlet: a.Outlet, Language: a.Language,
		Published: pub, Title: a.Title, Author: a.Author, Text: a.Text,
	}
	if pub != "" {
		doc.PublishedSource = "metadata"
	}
	if doc.Outlet == "" && doc.URL != "" {
		if u, err := url.Parse(doc.URL); err == nil {
			doc.Outlet = u.Hostname()
		}
	}
	return doc, nil
}

// normaliseDate accepts YYYY-MM-DD and RFC 3339 timestamps and returns the
// day, because the pipeline resolves relative dates at day granularity.
func normaliseDate(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", nil
	}
	for _, layout := range []string{"2006-01-02", time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format("2006-01-02"), nil
		}
	}
	return "", fmt.Errorf("unrecognised date %q (want YYYY-MM-DD)", s)
}

func decodeHTML(name string, data []byte) (Document, error) {
	opts := trafilatura.Options{
		ExcludeComments: true,
		EnableFallback:  true,
		Focus:           trafilatura.Balanced,
	}
	res, err := trafilatura.Extract(bytes.NewReader(data), opts)
	if err != nil || res == nil || res.ContentNode == nil {
		msg := "the page has no main text"
		if err != nil {
			msg = err.Error()
		}
		return Document{}, fmt.Errorf("%s: %s: %w", name, msg, ErrNoContent)
	}
	blocks, headings := collectBlocks(res.ContentNode)
	text := strings.Join(blocks, "\n\n")
	if strings.TrimSpace(text) == "" {
		text = strings.TrimSpace(res.ContentText)
	}
	// Navigation, a title and a footer are not an article; even a news
	// brief has a sentence or two.
	if len(strings.Fields(text)) < minArticleWords {
		return Document{}, fmt.Errorf("%s: the page has no main text (%d words found): %w", name, len(strings.Fields(text)), ErrNoContent)
	}
	m := res.Metadata
	doc := Document{
		Text:     text,
		Title:    strings.TrimSpace(m.Title),
		URL:      m.URL,
		Outlet:   firstNonEmpty(m.Sitename, m.Hostname),
		Author:   strings.TrimSpace(m.Author),
		Language: m.Language,
		Headings: headings,
	}
	if !m.Date.IsZero() {
		doc.Published = m.Date.Format("2006-01-02")
		doc.PublishedSource = "metadata"
	}
	return doc, nil
}

// minArticleWords is the fewest words an extracted page must have to count
// as an article.
const minArticleWords = 12

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if strings.TrimSpace(v) != "" {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

// collectBlocks walks trafilatura's content tree and returns the text of
// each block element, so that paragraph boundaries survive extraction
// (ContentText joins them with spaces).
func collectBlocks(root *html.Node) (blocks, headings []string) {
	var cur strings.Builder
	flush := func(heading bool) {
		t := strings.Join(strings.Fields(cur.String()), " ")
		cur.Reset()
		if t == "" {
			return
		}
		blocks = append(blocks, t)
		if heading {
			headings = append(headings, t)
		}
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			cur.WriteString(n.Data)
			return
		case html.ElementNode:
			switch n.Data {
			case "script", "style", "noscript":
				return
			case "br":
				cur.WriteByte(' ')
				return
			}
		}
		block := n.Type == html.ElementNode && isBlock(n.Data)
		if block {
			flush(false)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			flush(isHeading(n.Data))
		}
	}
	walk(root)
	flush(false)
	return blocks, headings
}

func isBlock(tag string) bool {
	switch tag {
	case "p", "div", "section", "article", "blockquote", "li", "ul", "ol", "figcaption", "figure",
		"h1", "h2", "h3", "h4", "h5", "h6", "head", "pre", "table", "tr", "td", "th", "dd", "dt", "quote", "list", "item":
		return true
	}
	return false
}

func isHeading(tag string) bool {
	return len(tag) == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6'
}
