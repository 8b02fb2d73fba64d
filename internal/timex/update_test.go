package timex_test

import "flag"

// update is accepted so that "go test ./... -update" runs in every package;
// this package has no golden files to rewrite.
var update = flag.Bool("update", false, "rewrite golden files in testdata/")
