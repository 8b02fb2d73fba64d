package eval

// This file holds the one-to-one matching that every layer uses. GOLD.md
// asks for a maximum one-to-one matching; some layers also want a
// preference among the maximum matchings (quotes: higher Jaccard; events:
// the exact direction and main root). Both are answered exactly by a
// maximum-weight assignment in which every edge weighs a large constant
// plus its preference, so that the number of pairs always comes first.

// edgeBase outweighs any sum of preferences (each at most maxPrefer, fewer
// than 10⁴ edges in a matching), so maximising the total weight maximises
// the number of pairs first.
const (
	maxPrefer = 1_000_000
	edgeBase  = int64(maxPrefer) * 10_000
)

// match returns a maximum one-to-one matching between system items
// 0..nSys-1 and gold items 0..nGold-1. fits says whether a pair may be
// matched and with what preference (0..maxPrefer, higher is better); among
// the matchings with the most pairs, one with the highest total preference
// is returned. The result maps each system item to its gold item or -1.
func match(nSys, nGold int, fits func(s, g int) (bool, int)) []int {
	out := make([]int, nSys)
	for i := range out {
		out[i] = -1
	}
	// Keep only items with at least one edge: the assignment is cubic in
	// its size, and unmatched-only items change nothing.
	weight := map[[2]int]int64{}
	var rows, cols []int
	colIndex := map[int]int{}
	for s := 0; s < nSys; s++ {
		has := false
		for g := 0; g < nGold; g++ {
			ok, p := fits(s, g)
			if !ok {
				continue
			}
			p = min(max(p, 0), maxPrefer)
			weight[[2]int{s, g}] = edgeBase + int64(p)
			has = true
			if _, seen := colIndex[g]; !seen {
				colIndex[g] = -1
			}
		}
		if has {
			rows = append(rows, s)
		}
	}
	if len(rows) == 0 {
		return out
	}
	for g := 0; g < nGold; g++ {
		if _, ok := colIndex[g]; ok {
			colIndex[g] = len(cols)
			cols = append(cols, g)
		}
	}
	n := max(len(rows), len(cols))
	cost := make([][]int64, n)
	for i := range cost {
		cost[i] = make([]int64, n)
		if i >= len(rows) {
			continue
		}
		for j := 0; j < len(cols); j++ {
			if w, ok := weight[[2]int{rows[i], cols[j]}]; ok {
				cost[i][j] = -w
			}
		}
	}
	for i, j := range assign(cost) {
		if i < len(rows) && j < len(cols) {
			if _, ok := weight[[2]int{rows[i], cols[j]}]; ok {
				out[rows[i]] = cols[j]
			}
		}
	}
	return out
}

// assign solves the square assignment problem (minimum total cost) with
// the Hungarian method in O(n³) and returns the column of each row.
func assign(cost [][]int64) []int {
	n := len(cost)
	const inf = int64(1) << 62
	// 1-based potentials u (rows), v (columns); p[j] is the row matched to
	// column j, way[j] the previous column on the augmenting path.
	u := make([]int64, n+1)
	v := make([]int64, n+1)
	p := make([]int, n+1)
	way := make([]int, n+1)
	for i := 1; i <= n; i++ {
		p[0] = i
		j0 := 0
		minv := make([]int64, n+1)
		used := make([]bool, n+1)
		for j := range minv {
			minv[j] = inf
		}
		for {
			used[j0] = true
			i0 := p[j0]
			delta := inf
			j1 := 0
			for j := 1; j <= n; j++ {
				if used[j] {
					continue
				}
				cur := cost[i0-1][j-1] - u[i0] - v[j]
				if cur < minv[j] {
					minv[j] = cur
					way[j] = j0
				}
				if minv[j] < delta {
					delta = minv[j]
					j1 = j
				}
			}
			for j := 0; j <= n; j++ {
				if used[j] {
					u[p[j]] += delta
					v[j] -= delta
				} else {
					minv[j] -= delta
				}
			}
			j0 = j1
			if p[j0] == 0 {
				break
			}
		}
		for j0 != 0 {
			j1 := way[j0]
			p[j0] = p[j1]
			j0 = j1
		}
	}
	rowCol := make([]int, n)
	for j := 1; j <= n; j++ {
		if p[j] > 0 {
			rowCol[p[j]-1] = j - 1
		}
	}
	return rowCol
}

// countMatched returns how many system items a matching pairs.
func countMatched(m []int) int {
	n := 0
	for _, g := range m {
		if g >= 0 {
			n++
		}
	}
	return n
}
