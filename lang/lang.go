// Package lang holds newsgraph's language data as embedded text files, one
// folder per language (de, en, …). Adding a language is mostly adding a
// folder: the Go code reads lists by name and never hard-codes words.
//
// Every file is UTF-8 text with one entry per line. Lines starting with '#'
// are comments; each file opens with a comment header that says where its
// facts come from. Blank lines are ignored, and so is leading and trailing
// white space.
package lang

import (
	"bufio"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
)

//go:embed */*.txt
var files embed.FS

// ErrNoList is returned when a language has no list of the requested name.
var ErrNoList = errors.New("no such language list")

// Languages reports the codes of the languages that have a data folder.
func Languages() []string {
	entries, err := fs.ReadDir(files, ".")
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range entries {
		if e.IsDir() {
			out = append(out, e.Name())
		}
	}
	sort.Strings(out)
	return out
}

// List returns the entries of the list name (a file name without ".txt")
// for the language code, in file order.
func List(code, name string) ([]string, error) {
	p := path.Join(code, name+".txt")
	f, err := files.Open(p)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("lang %s/%s: %w", code, name, ErrNoList)
		}
		return nil, fmt.Errorf("lang %s/%s: %w", code, name, err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		out = append(out, line)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("lang %s/%s: %w", code, name, err)
	}
	return out, nil
}

// Set returns the entries of a list as a set, for membership tests.
func Set(code, name string) (map[string]struct{}, error) {
	l, err := List(code, name)
	if err != nil {
		return nil, err
	}
	m := make(map[string]struct{}, len(l))
	for _, s := range l {
		m[s] = struct{}{}
	}
	return m, nil
}
