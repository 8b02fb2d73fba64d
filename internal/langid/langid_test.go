package langid

import "testing"

func TestIdentify(t *testing.T) {
	d, err := New(DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, text, want string
	}{
		{"german body", "Die Regierung hat am Montag in Berlin erklärt, dass sie die Pläne nicht ändern werde.", "de"},
		{"english body", "The government said on Monday that it would not change its plans for the region.", "en"},
		{"german caps subheading", "ABE UND XI SPRECHEN VON NEUSTART", "de"},
		{"english caption with names", "A combination photo shows U.S. President Donald Trump in New York and North Korean leader Kim Jong Un in this undated photo.", "en"},
		{"german quote", "„Wir sind bereit, aber nicht um jeden Preis“, sagte die Ministerin.", "de"},
		{"english quote", "“We are ready, but not at any price,” the minister said.", "en"},
		{"french needs fallback", "Le président de la République a annoncé mardi une nouvelle réforme des retraites.", "fr"},
		{"spanish needs fallback", "El presidente del Gobierno anunció el martes una nueva reforma de las pensiones.", "es"},
		{"short german", "Kritik aus der Opposition", "de"},
		{"short english", "Talks resume in Geneva", "en"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, conf := d.Identify(tc.text)
			if got != tc.want {
				t.Errorf("Identify(%q) = %q (%.2f), want %q", tc.text, got, conf, tc.want)
			}
		})
	}
}

func TestIdentifyNoText(t *testing.T) {
	d, err := New(Options{Languages: []string{"de", "en"}})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"", "12345 678", "RC1A54027780", "\xff\xfe"} {
		if got, _ := d.Identify(s); got != "" {
			t.Errorf("Identify(%q) = %q, want unknown", s, got)
		}
	}
}

func TestNewErrors(t *testing.T) {
	if _, err := New(Options{}); err == nil {
		t.Error("no languages: want error")
	}
	if _, err := New(Options{Languages: []string{"xx"}}); err == nil {
		t.Error("unknown language: want error")
	}
	if _, err := New(Options{Languages: []string{"de"}, Fallback: []string{"qq"}}); err == nil {
		t.Error("unknown fallback: want error")
	}
}

func BenchmarkIdentify(b *testing.B) {
	d, err := New(DefaultOptions())
	if err != nil {
		b.Fatal(err)
	}
	text := "Er warf Machthaber Kim Jong Un am Sonntag per Twitter vor, ihn beleidigt zu haben. Zugleich erklärte er, er bemühe sich, Kims Freund zu sein."
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		d.Identify(text)
	}
}
