package ner

import "flag"

// update is accepted so that "go test ./... -update" runs in every package.
var update = flag.Bool("update", false, "rewrite golden files in testdata/")
