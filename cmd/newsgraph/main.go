// Command newsgraph turns news articles into a structured, queryable record
// of who did what to whom, when and where, who said what, and who is named.
//
// main only parses flags, builds the shared dependencies and runs the chosen
// command; the commands live in internal/cli.
package main

import (
	"context"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"

	"github.com/alecthomas/kong"

	"github.com/newsgraph/newsgraph/internal/cli"
)

// version is set at build time with -ldflags "-X main.version=…"; without
// it the module version or VCS revision from the build info is used.
var version = ""

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	var root cli.CLI
	k := kong.Parse(&root,
		kong.Name("newsgraph"),
		kong.Description("Turn news articles into events, quotes, entities and stories, in German and English."),
		kong.UsageOnError(),
		kong.ConfigureHelp(kong.HelpOptions{Compact: true}),
	)
	g := &root.Globals
	g.Stdout, g.Stderr, g.Stdin = os.Stdout, os.Stderr, os.Stdin
	g.Ctx = ctx
	g.Version = buildVersion()
	g.Log = cli.NewLogger(os.Stderr, g.Verbose)
	err := k.Run(g)
	stop()
	os.Exit(cli.Exit(err, os.Stderr))
}

func buildVersion() string {
	if version != "" {
		return version
	}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "dev"
	}
	if v := info.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	rev, dirty := "", false
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if rev == "" {
		return "dev"
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if dirty {
		rev += "-dirty"
	}
	return "dev-" + rev
}
