package article

import "flag"

// update is accepted so that "go test ./... -update" runs in every package;
// packages with golden files rewrite them when it is set.
var update = flag.Bool("update", false, "rewrite golden files in testdata/")
