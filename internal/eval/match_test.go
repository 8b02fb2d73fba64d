package eval

import (
	"math/rand/v2"
	"testing"
)

// bruteBest returns the best (pairs, preference) over all one-to-one
// matchings, by trying every assignment of system items.
func bruteBest(nSys, nGold int, ok [][]bool, pref [][]int) (int, int) {
	used := make([]bool, nGold)
	bestN, bestP := 0, 0
	var rec func(s, n, p int)
	rec = func(s, n, p int) {
		if s == nSys {
			if n > bestN || n == bestN && p > bestP {
				bestN, bestP = n, p
			}
			return
		}
		rec(s+1, n, p)
		for g := 0; g < nGold; g++ {
			if ok[s][g] && !used[g] {
				used[g] = true
				rec(s+1, n+1, p+pref[s][g])
				used[g] = false
			}
		}
	}
	rec(0, 0, 0)
	return bestN, bestP
}

func TestMatchIsMaximumAndPreferred(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := 0; trial < 300; trial++ {
		nSys, nGold := rng.IntN(7), rng.IntN(7)
		ok := make([][]bool, nSys)
		pref := make([][]int, nSys)
		for s := range ok {
			ok[s] = make([]bool, nGold)
			pref[s] = make([]int, nGold)
			for g := range ok[s] {
				ok[s][g] = rng.IntN(3) == 0
				pref[s][g] = rng.IntN(5)
			}
		}
		m := match(nSys, nGold, func(s, g int) (bool, int) { return ok[s][g], pref[s][g] })
		n, p := 0, 0
		seen := map[int]bool{}
		for s, g := range m {
			if g < 0 {
				continue
			}
			if !ok[s][g] || seen[g] {
				t.Fatalf("trial %d: invalid pair %d-%d", trial, s, g)
			}
			seen[g] = true
			n++
			p += pref[s][g]
		}
		wantN, wantP := bruteBest(nSys, nGold, ok, pref)
		if n != wantN || p != wantP {
			t.Fatalf("trial %d: %d pairs (pref %d), want %d (pref %d)", trial, n, p, wantN, wantP)
		}
	}
}

func TestMatchAugments(t *testing.T) {
	// A greedy matcher pairs 0-0 and then cannot place 1; the maximum
	// matching is 0-1, 1-0.
	fits := [][]bool{{true, true}, {true, false}}
	m := match(2, 2, func(s, g int) (bool, int) { return fits[s][g], 0 })
	if m[0] != 1 || m[1] != 0 {
		t.Errorf("got %v, want [1 0]", m)
	}
}
