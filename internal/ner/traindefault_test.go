package ner

import (
	"bytes"
	"os"
	"runtime"
	"strings"
	"testing"
)

// logWriter sends training progress to the test log.
type logWriter struct{ t testing.TB }

func (w logWriter) Write(p []byte) (int, error) {
	w.t.Log(strings.TrimRight(string(p), "\n"))
	return len(p), nil
}

// TestWriteDefaultModel regenerates model/ner.gz from the shared data:
//
//	NER_WRITE_MODEL=1 go test ./internal/ner -run TestWriteDefaultModel -v
func TestWriteDefaultModel(t *testing.T) {
	if os.Getenv("NER_WRITE_MODEL") == "" {
		t.Skip("set NER_WRITE_MODEL=1 to retrain and overwrite model/ner.gz")
	}
	dir := sharedNERDir(t)
	opts := DefaultTrainOptions()
	opts.Log = logWriter{t}
	var buf bytes.Buffer
	rep, err := TrainDefault(dir, opts, &buf)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(defaultModelPath, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range rep.Corpora {
		t.Logf("%-45s %6d sentences %7d tokens %6d entities", c.Path, c.Sentences, c.Tokens, c.Entities)
	}
	t.Logf("wrote %s: %d bytes, %d features, %v", defaultModelPath, rep.Bytes, rep.Features, rep.Duration)
}

// TestDefaultModelReproducible retrains with DefaultTrainOptions and checks
// that the result is byte for byte the committed model.
func TestDefaultModelReproducible(t *testing.T) {
	if testing.Short() {
		t.Skip("retraining skipped in -short mode")
	}
	if runtime.GOARCH != "amd64" {
		t.Skipf("the committed model was trained on amd64; %s may round differently", runtime.GOARCH)
	}
	dir := sharedNERDir(t)
	var buf bytes.Buffer
	rep, err := TrainDefault(dir, DefaultTrainOptions(), &buf)
	if err != nil {
		t.Fatal(err)
	}
	want, err := modelFS.ReadFile(defaultModelPath)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		t.Errorf("retrained model (%d bytes, %d features) differs from the committed %s (%d bytes); regenerate it with NER_WRITE_MODEL=1 go test ./internal/ner -run TestWriteDefaultModel",
			len(buf.Bytes()), rep.Features, defaultModelPath, len(want))
	}
	if rep.Bytes != int64(buf.Len()) {
		t.Errorf("report says %d bytes, wrote %d", rep.Bytes, buf.Len())
	}
}
