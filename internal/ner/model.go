package ner

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"math/bits"
	"slices"
	"sync"
)

//go:embed model/*.gz
var modelFS embed.FS

// defaultModelPath is the committed model inside modelFS.
const defaultModelPath = "model/ner.gz"

// Model is a trained tagger: hashed feature weights per label and label
// bigram (transition) weights, decoded with Viterbi under the BIO
// constraint. A Model is immutable once built or loaded and safe for
// concurrent use.
type Model struct {
	scale float32 // weights are multiples of scale (int16 quantisation)
	// Open-addressing table: keys[slot] is a feature key (0 = empty) and
	// rows[slot] its row in weights (numLabels float32 per row).
	keys    []uint64
	rows    []int32
	mask    uint64
	weights []float32
	// Transition weights in numTokenClasses+1 blocks of transBlock: block
	// 0 applies everywhere, block 1+c where the current token is of class
	// c; within a block, [(prev+1)*numLabels+cur] with prev = -1 for the
	// sentence start.
	trans [transSize]float32
	gaz   *gazetteer
	pool  sync.Pool // *scratch
}

const (
	transBlock = (numLabels + 1) * numLabels
	transSize  = (numTokenClasses + 1) * transBlock
)

// scratch holds the per-call buffers of Tag.
type scratch struct {
	ex     extractor
	scores []float32
	back   []int8
	path   []int
}

// Features returns the number of features with a non-zero weight.
func (m *Model) Features() int { return len(m.weights) / numLabels }

// newModel builds a model from feature keys and their weight rows
// (numLabels per key), quantising the weights to multiples of a common
// scale so that Save and Load reproduce them exactly. Rows that quantise
// to all zeros are dropped.
func newModel(keys []uint64, w []float32, trans []float32) *Model {
	var maxAbs float32
	for _, x := range w {
		maxAbs = max(maxAbs, abs32(x))
	}
	for _, x := range trans {
		maxAbs = max(maxAbs, abs32(x))
	}
	scale := maxAbs / 32767
	if scale == 0 {
		scale = 1
	}
	q := func(x float32) float32 {
		return float32(math.Round(float64(x/scale))) * scale
	}
	m := &Model{scale: scale, gaz: newGazetteer()}
	for i := range m.trans {
		m.trans[i] = q(trans[i])
	}
	kept := make([]uint64, 0, len(keys))
	var wts []float32
	for i, k := range keys {
		row := w[i*numLabels : (i+1)*numLabels]
		var qr [numLabels]float32
		nz := false
		for j, x := range row {
			qr[j] = q(x)
			nz = nz || qr[j] != 0
		}
		if !nz {
			continue
		}
		kept = append(kept, k)
		wts = append(wts, qr[:]...)
	}
	m.weights = wts
	m.buildTable(kept)
	return m
}

func abs32(x float32) float32 {
	if x < 0 {
		return -x
	}
	return x
}

// buildTable fills the open-addressing table for keys (row i = keys[i]).
func (m *Model) buildTable(keys []uint64) {
	size := 1 << bits.Len(uint(len(keys)*2+1))
	m.keys = make([]uint64, size)
	m.rows = make([]int32, size)
	m.mask = uint64(size - 1)
	for i, k := range keys {
		s := k & m.mask
		for m.keys[s] != 0 {
			s = (s + 1) & m.mask
		}
		m.keys[s] = k
		m.rows[s] = int32(i)
	}
}

// row returns the weight row of key k, or nil.
func (m *Model) row(k uint64) []float32 {
	s := k & m.mask
	for {
		switch m.keys[s] {
		case k:
			r := int(m.rows[s]) * numLabels
			return m.weights[r : r+numLabels : r+numLabels]
		case 0:
			return nil
		}
		s = (s + 1) & m.mask
	}
}

// Tag returns one BIO label per token ("B-PER", "I-PER", "B-LOC", "I-LOC",
// "B-ORG", "I-ORG", "B-MISC", "I-MISC" or "O"). Empty input gives an empty
// result; any string is a valid token.
func (m *Model) Tag(tokens []string) []string {
	return m.AppendTags(make([]string, 0, len(tokens)), tokens)
}

// AppendTags appends one BIO label per token to dst and returns the
// extended slice.
func (m *Model) AppendTags(dst []string, tokens []string) []string {
	if len(tokens) == 0 {
		return dst
	}
	sc, _ := m.pool.Get().(*scratch)
	if sc == nil {
		sc = &scratch{}
	}
	sc.ex.gaz = m.gaz
	path := m.decode(sc, tokens)
	for _, l := range path {
		dst = append(dst, labelNames[l])
	}
	m.pool.Put(sc)
	return dst
}

// decode extracts features, scores them and runs Viterbi; the returned
// path lives in sc.
func (m *Model) decode(sc *scratch, tokens []string) []int {
	n := len(tokens)
	sc.ex.extract(tokens)
	sc.scores = slices.Grow(sc.scores[:0], n*numLabels)[:n*numLabels]
	clear(sc.scores)
	for i := 0; i < n; i++ {
		s := sc.scores[i*numLabels : (i+1)*numLabels]
		for _, f := range sc.ex.feats[sc.ex.offs[i]:sc.ex.offs[i+1]] {
			if r := m.row(f); r != nil {
				for j := range s {
					s[j] += r[j]
				}
			}
		}
	}
	sc.back = slices.Grow(sc.back[:0], n*numLabels)[:n*numLabels]
	sc.path = slices.Grow(sc.path[:0], n)[:n]
	viterbi(sc.scores, m.trans[:], sc.ex.cls, n, sc.back, sc.path)
	return sc.path
}

// viterbi finds the best label sequence for emission scores (n rows of
// numLabels) and transition weights (see Model.trans; cls gives each
// token's class) under the BIO constraint, writing it to path. back is
// scratch of n*numLabels.
func viterbi(scores []float32, trans []float32, cls []uint8, n int, back []int8, path []int) {
	negInf := float32(math.Inf(-1))
	var cur, prev [numLabels]float32
	tc := trans[(1+int(cls[0]))*transBlock:]
	for y := 0; y < numLabels; y++ {
		if allowed(-1, y) {
			prev[y] = scores[y] + trans[y] + tc[y]
		} else {
			prev[y] = negInf
		}
		back[y] = -1
	}
	for i := 1; i < n; i++ {
		e := scores[i*numLabels : (i+1)*numLabels]
		tc := trans[(1+int(cls[i]))*transBlock:]
		for y := 0; y < numLabels; y++ {
			best, arg := negInf, -1
			for p := 0; p < numLabels; p++ {
				if prev[p] == negInf || !allowed(p, y) {
					continue
				}
				k := (p+1)*numLabels + y
				if v := prev[p] + trans[k] + tc[k]; arg < 0 || v > best {
					best, arg = v, p
				}
			}
			if arg < 0 {
				cur[y] = negInf
			} else {
				cur[y] = best + e[y]
			}
			back[i*numLabels+y] = int8(arg)
		}
		prev = cur
	}
	best := 0
	for y := 1; y < numLabels; y++ {
		if prev[y] > prev[best] {
			best = y
		}
	}
	for i := n - 1; i >= 0; i-- {
		path[i] = best
		if i > 0 {
			best = int(back[i*numLabels+best])
		}
	}
}

// Model file format, version 1 (all inside gzip):
//
//	magic "NGNER" and a version byte (1)
//	uvarint number of labels, then each label as uvarint length + bytes
//	float32 scale (little endian)
//	uvarint number of token classes C, then (C+1)*(labels+1)*labels int16
//	transition weights, in units of scale
//	uvarint number of features, then per feature in ascending key order:
//	  uvarint key delta, uint16 mask of labels with a non-zero weight,
//	  and one int16 weight per set bit
const (
	fileMagic   = "NGNER"
	fileVersion = 1
	maxFeatures = 1 << 26
)

// Save writes the model in its gzip'd binary format.
func (m *Model) Save(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return fmt.Errorf("ner: save: %w", err)
	}
	bw := bufio.NewWriter(zw)
	var tmp [binary.MaxVarintLen64]byte
	putU := func(x uint64) { bw.Write(tmp[:binary.PutUvarint(tmp[:], x)]) }
	put16 := func(x int16) { bw.Write(binary.LittleEndian.AppendUint16(tmp[:0], uint16(x))) }
	q := func(x float32) int16 { return int16(math.Round(float64(x / m.scale))) }

	bw.WriteString(fileMagic)
	bw.WriteByte(fileVersion)
	putU(numLabels)
	for _, l := range labelNames {
		putU(uint64(len(l)))
		bw.WriteString(l)
	}
	bw.Write(binary.LittleEndian.AppendUint32(tmp[:0], math.Float32bits(m.scale)))
	putU(numTokenClasses)
	for _, t := range m.trans {
		put16(q(t))
	}
	type entry struct {
		key uint64
		row int32
	}
	entries := make([]entry, 0, len(m.weights)/numLabels)
	for s, k := range m.keys {
		if k != 0 {
			entries = append(entries, entry{k, m.rows[s]})
		}
	}
	slices.SortFunc(entries, func(a, b entry) int {
		switch {
		case a.key < b.key:
			return -1
		case a.key > b.key:
			return 1
		}
		return 0
	})
	putU(uint64(len(entries)))
	var last uint64
	for _, e := range entries {
		putU(e.key - last)
		last = e.key
		row := m.weights[int(e.row)*numLabels : int(e.row+1)*numLabels]
		var mask uint16
		for j, x := range row {
			if q(x) != 0 {
				mask |= 1 << j
			}
		}
		bw.Write(binary.LittleEndian.AppendUint16(tmp[:0], mask))
		for _, x := range row {
			if v := q(x); v != 0 {
				put16(v)
			}
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("ner: save: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("ner: save: %w", err)
	}
	return nil
}

// errFormat is wrapped by every error about a malformed model file.
var errFormat = errors.New("malformed model file")

// Load reads a model written by Save.
func Load(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("ner: load: %w", err)
	}
	defer zr.Close()
	data, err := io.ReadAll(io.LimitReader(zr, maxFileBytes+1))
	if err != nil {
		return nil, fmt.Errorf("ner: load: %w", err)
	}
	if len(data) > maxFileBytes {
		return nil, fmt.Errorf("ner: load: %w: more than %d bytes", errFormat, maxFileBytes)
	}
	m, err := parseModel(data)
	if err != nil {
		return nil, fmt.Errorf("ner: load: %w", err)
	}
	return m, nil
}

// maxFileBytes bounds the decompressed size of a model file.
const maxFileBytes = 1 << 30

// decoder reads the fields of a decompressed model file.
type decoder struct {
	b   []byte
	err error
}

func (d *decoder) fail(what string) {
	if d.err == nil {
		d.err = fmt.Errorf("%w: %s", errFormat, what)
	}
}

func (d *decoder) bytes(n int, what string) []byte {
	if d.err != nil || n < 0 || n > len(d.b) {
		d.fail("truncated " + what)
		return nil
	}
	out := d.b[:n]
	d.b = d.b[n:]
	return out
}

func (d *decoder) uvarint(what string) uint64 {
	if d.err != nil {
		return 0
	}
	x, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.fail("bad " + what)
		return 0
	}
	d.b = d.b[n:]
	return x
}

func (d *decoder) u16(what string) uint16 {
	if d.err != nil || len(d.b) < 2 {
		d.fail("truncated " + what)
		return 0
	}
	x := binary.LittleEndian.Uint16(d.b)
	d.b = d.b[2:]
	return x
}

func parseModel(data []byte) (*Model, error) {
	d := &decoder{b: data}
	hdr := d.bytes(len(fileMagic)+1, "header")
	if d.err != nil {
		return nil, d.err
	}
	if string(hdr[:len(fileMagic)]) != fileMagic {
		return nil, fmt.Errorf("%w: bad magic %q", errFormat, hdr[:len(fileMagic)])
	}
	if hdr[len(fileMagic)] != fileVersion {
		return nil, fmt.Errorf("%w: version %d, want %d", errFormat, hdr[len(fileMagic)], fileVersion)
	}
	if nl := d.uvarint("label count"); d.err == nil && nl != numLabels {
		return nil, fmt.Errorf("%w: %d labels, want %d", errFormat, nl, numLabels)
	}
	for i := 0; i < numLabels && d.err == nil; i++ {
		l := d.bytes(int(min(d.uvarint("label"), 64)), "label")
		if d.err == nil && string(l) != labelNames[i] {
			return nil, fmt.Errorf("%w: label %d is %q, want %q", errFormat, i, l, labelNames[i])
		}
	}
	sb := d.bytes(4, "scale")
	if d.err != nil {
		return nil, d.err
	}
	m := &Model{scale: math.Float32frombits(binary.LittleEndian.Uint32(sb)), gaz: newGazetteer()}
	if !(m.scale > 0) || math.IsInf(float64(m.scale), 0) {
		return nil, fmt.Errorf("%w: scale %v", errFormat, m.scale)
	}
	if nc := d.uvarint("token classes"); d.err == nil && nc != numTokenClasses {
		return nil, fmt.Errorf("%w: %d token classes, want %d", errFormat, nc, numTokenClasses)
	}
	for i := range m.trans {
		m.trans[i] = float32(int16(d.u16("transitions"))) * m.scale
	}
	nf := d.uvarint("feature count")
	if d.err != nil {
		return nil, d.err
	}
	// Each feature takes at least 3 bytes, which bounds the allocation.
	if nf > maxFeatures || nf > uint64(len(d.b)/3) {
		return nil, fmt.Errorf("%w: %d features in %d bytes", errFormat, nf, len(d.b))
	}
	keys := make([]uint64, nf)
	m.weights = make([]float32, int(nf)*numLabels)
	var key uint64
	for i := range keys {
		delta := d.uvarint("feature key")
		if d.err == nil && (delta == 0 || key+delta < key) {
			return nil, fmt.Errorf("%w: feature %d: keys not ascending", errFormat, i)
		}
		key += delta
		mask := d.u16("feature mask")
		if d.err != nil {
			return nil, fmt.Errorf("feature %d: %w", i, d.err)
		}
		if mask>>numLabels != 0 {
			return nil, fmt.Errorf("%w: feature %d: mask %#x", errFormat, i, mask)
		}
		row := m.weights[i*numLabels : (i+1)*numLabels]
		for j := range row {
			if mask&(1<<j) != 0 {
				row[j] = float32(int16(d.u16("weight"))) * m.scale
			}
		}
		keys[i] = key
	}
	if d.err != nil {
		return nil, d.err
	}
	if len(d.b) != 0 {
		return nil, fmt.Errorf("%w: %d bytes of trailing data", errFormat, len(d.b))
	}
	m.buildTable(keys)
	return m, nil
}

// Default loads the model committed with the package (model/ner.gz). Each
// call loads a fresh copy; callers keep the result.
func Default() (*Model, error) {
	data, err := modelFS.ReadFile(defaultModelPath)
	if err != nil {
		return nil, fmt.Errorf("ner: default model: %w", err)
	}
	m, err := Load(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("ner: default model: %w", err)
	}
	return m, nil
}
