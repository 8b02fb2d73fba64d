package kb

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"sync"
	"testing"
)

var (
	loadOnce sync.Once
	loaded   *KB
	loadErr  error
)

// testKB loads the knowledge base once for all tests of the package; the
// tests only read it.
func testKB(t testing.TB) *KB {
	t.Helper()
	loadOnce.Do(func() { loaded, loadErr = Load(DefaultOptions()) })
	if loadErr != nil {
		t.Fatal(loadErr)
	}
	return loaded
}

func TestLookup(t *testing.T) {
	k := testKB(t)
	tests := []struct {
		form     string
		wantID   string
		wantKind string
	}{
		{"Nordkorea", "country:PRK", FormName},
		{"Nordkoreas", "country:PRK", FormGenitive},
		{"nordkoreanischen", "country:PRK", FormAdjective},
		{"nordkoreanische", "country:PRK", FormAdjective},
		{"North Korean", "country:PRK", FormAdjective},
		{"Vereinigte Staaten", "country:USA", FormName},
		{"U.S.", "country:USA", FormName},
		{"Chinas", "country:CHN", FormGenitive},
		{"Vereinten Nationen", "org:UNO", FormName},
		{"Apec", "org:APEC", FormName},
		{"KCNA", "org:kcna", FormName},
		{"Reuters", "org:reuters", FormName},
	}
	for _, tc := range tests {
		t.Run(tc.form, func(t *testing.T) {
			fs := k.Lookup(tc.form)
			for _, f := range fs {
				if f.Entity.ID == tc.wantID && f.Kind == tc.wantKind {
					return
				}
			}
			var got []string
			for _, f := range fs {
				got = append(got, f.Kind+":"+f.Entity.ID)
			}
			t.Errorf("Lookup(%q) = %v, want %s:%s", tc.form, got, tc.wantKind, tc.wantID)
		})
	}
}

func TestCountriesComplete(t *testing.T) {
	k := testKB(t)
	n := 0
	for _, e := range k.Entities() {
		if e.Kind != KindCountry {
			continue
		}
		n++
		if len(e.Country) != 3 || e.Name == "" {
			t.Errorf("country %+v", e)
		}
	}
	if n < 240 {
		t.Errorf("%d countries, want every ISO 3166 country", n)
	}
	for iso3, fips := range map[string]string{"DEU": "GM", "PRK": "KN", "KOR": "KS", "USA": "US", "GBR": "UK"} {
		if got := k.FIPS(iso3); got != fips {
			t.Errorf("FIPS(%s) = %q, want %q", iso3, got, fips)
		}
	}
}

func TestRoleActiveOn(t *testing.T) {
	tests := []struct {
		r    Role
		date string
		want bool
	}{
		{Role{From: "2017-01-20", To: "2021-01-20"}, "2017-11-12", true},
		{Role{From: "2017-01-20", To: "2021-01-20"}, "2016-11-12", false},
		{Role{From: "2017-01-20", To: "2021-01-20"}, "2021-01-21", false},
		{Role{From: "2011-12", To: ""}, "2026-11-25", true},
		{Role{From: "2011", To: "2015"}, "2015-12-31", true},
		{Role{From: "2011", To: "2015-06"}, "2015-06-30", true},
		{Role{From: "2011", To: "2015-06"}, "2015-07-01", false},
		{Role{From: "2011", To: "2015"}, "", false},
		{Role{From: "2011", To: ""}, "", true},
	}
	for _, tc := range tests {
		if got := tc.r.ActiveOn(tc.date); got != tc.want {
			t.Errorf("%+v.ActiveOn(%q) = %v, want %v", tc.r, tc.date, got, tc.want)
		}
	}
}

func TestParseRoles(t *testing.T) {
	rs, err := parseRoles("head_of_state@USA:2017-01-20:2021-01-20; head_of_state@usa:2025-01-20:")
	if err != nil || len(rs) != 2 || rs[1].Key != "USA" || rs[1].To != "" {
		t.Fatalf("%+v %v", rs, err)
	}
	for _, bad := range []string{"president", "head_of_state@USA:2017-13-01:", "x@USA:yesterday:"} {
		if _, err := parseRoles(bad); !errors.Is(err, ErrFormat) {
			t.Errorf("parseRoles(%q) = %v, want ErrFormat", bad, err)
		}
	}
}

func TestLoadExtraAndHolders(t *testing.T) {
	k, err := Load(DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	if err := k.LoadExtra("testdata/extra.tsv"); err != nil {
		t.Fatal(err)
	}
	fs := k.Lookup("Jana Beispiel")
	if len(fs) == 0 || fs[0].Entity.ID != "actor:jane-example" || fs[0].Entity.CAMEO != "ATLGOV" {
		t.Fatalf("extra actor not found: %+v", fs)
	}
	if hs := k.Holders("foreign_minister", "ATL", "2031-05-01"); len(hs) != 1 || hs[0].Name != "Jane Example" {
		t.Errorf("holders %+v", hs)
	}
	if hs := k.Holders("foreign_minister", "ATL", "2035-05-01"); len(hs) != 0 {
		t.Errorf("holders after the term: %+v", hs)
	}
	if err := k.LoadExtra("testdata/broken.tsv"); !errors.Is(err, ErrFormat) {
		t.Errorf("broken extra file: %v", err)
	}
	if err := k.LoadExtra("testdata/missing.tsv"); err == nil {
		t.Error("missing extra file: no error")
	}
}

func TestLoadGeoNames(t *testing.T) {
	k, err := Load(DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	n, err := k.LoadGeoNames("testdata/geonames.txt")
	if err != nil || n != 2 {
		t.Fatalf("added %d, %v", n, err)
	}
	fs := k.Lookup("Beispielstadt am See")
	if len(fs) == 0 || fs[0].Entity.Country != "DEU" || fs[0].Entity.Lat != 50.1 {
		t.Errorf("alternate name: %+v", fs)
	}
	if _, err := k.LoadGeoNames("testdata/broken.tsv"); !errors.Is(err, ErrFormat) {
		t.Errorf("broken dump: %v", err)
	}
}

func TestExplain(t *testing.T) {
	k := testKB(t)
	var b bytes.Buffer
	if err := k.Explain(&b, "Nordkoreas", ""); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "genitive reading") || !strings.Contains(b.String(), "North Korea") {
		t.Errorf("explain: %s", b.String())
	}
	b.Reset()
	k.Explain(&b, "Xyzzyplugh", "")
	if !strings.Contains(b.String(), "no reading") {
		t.Errorf("explain unknown: %s", b.String())
	}
}

func TestNormalize(t *testing.T) {
	for in, want := range map[string]string{
		"U.S.":          "us",
		"Kim Jong-un":   "kim jong un",
		"Shinzō Abe":    "shinzo abe",
		"Außenminister": "aussenminister",
		"  Da   Nang ":  "da nang",
		"Korea's":       "korea s",
	} {
		if got := Normalize(in); got != want {
			t.Errorf("Normalize(%q) = %q, want %q", in, got, want)
		}
	}
}

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := Load(DefaultOptions()); err != nil {
			b.Fatal(err)
		}
	}
}

// TestLoadGeoNamesShared loads the real GeoNames dump of the shared data
// (cities over 15,000 people) and finds towns the built-in data lacks.
func TestLoadGeoNamesShared(t *testing.T) {
	const path = "../../../shared/data/geo/cities15000.txt"
	if _, err := os.Stat(path); err != nil {
		t.Skipf("GeoNames dump not available (%v); it sits in ../shared beside the repository on CI", err)
	}
	k, err := Load(DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	n, err := k.LoadGeoNames(path)
	if err != nil {
		t.Fatal(err)
	}
	if n < 10000 {
		t.Errorf("added %d places, want the many the built-in data lacks", n)
	}
	for _, name := range []string{"Gießen", "Giessen", "Wetzlar"} {
		fs := k.Lookup(name)
		if len(fs) == 0 || fs[0].Entity.Country != "DEU" || fs[0].Entity.Lat < 50 || fs[0].Entity.Lat > 51 {
			t.Errorf("%s: %+v", name, fs)
		}
	}
	// Known places keep their curated entry and gain the dump's names.
	if fs := k.Lookup("Hanoi"); len(fs) == 0 || fs[0].Entity.Source == path {
		t.Errorf("Hanoi was replaced by the dump's entry: %+v", fs)
	}
}
