// Package cli holds the newsgraph commands. Each command is a kong struct
// whose fields are its flags and whose Run method does the work with
// dependencies that main builds; main itself only parses and dispatches.
package cli

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
)

// Globals are the dependencies and flags every command shares.
type Globals struct {
	Stdout  io.Writer       `kong:"-"`
	Stderr  io.Writer       `kong:"-"`
	Stdin   io.Reader       `kong:"-"`
	Log     *slog.Logger    `kong:"-"`
	Version string          `kong:"-"`
	Ctx     context.Context `kong:"-"`

	Verbose bool `help:"Log progress and decisions to standard error." short:"v"`
}

// CLI is the command tree of newsgraph.
type CLI struct {
	Globals

	Analyze AnalyzeCmd `cmd:"" help:"Analyse articles and print what is found in them."`
	Eval    EvalCmd    `cmd:"" help:"Score newsgraph against gold answer keys."`
	KB      KBCmd      `cmd:"" name:"kb" help:"Show what a name links to in the knowledge base, and why."`
	Train   TrainCmd   `cmd:"" help:"Train the statistical models from the shared data."`
	Version VersionCmd `cmd:"" help:"Print the version of newsgraph."`
}

// VersionCmd prints the version.
type VersionCmd struct{}

// Help shows examples under the command's --help.
func (c *VersionCmd) Help() string {
	return `Examples:
  newsgraph version

Prints the module version, or the VCS revision of a development build, so
that results can be tied to the code and language data that produced them.`
}

// Run prints the version.
func (c *VersionCmd) Run(g *Globals) error {
	_, err := fmt.Fprintf(g.Stdout, "newsgraph %s\n", g.Version)
	return err
}

// ExitError carries an exit status for main without printing anything more:
// the command has already said what went wrong, per input.
type ExitError struct{ Code int }

func (e ExitError) Error() string { return fmt.Sprintf("exit status %d", e.Code) }

// Exit returns the exit code for err as main should use it.
func Exit(err error, stderr io.Writer) int {
	if err == nil {
		return 0
	}
	if e, ok := err.(ExitError); ok {
		return e.Code
	}
	fmt.Fprintf(stderr, "newsgraph: %v\n", err)
	return 1
}

// NewLogger returns the logger for the flags: warnings only unless verbose.
func NewLogger(w io.Writer, verbose bool) *slog.Logger {
	level := slog.LevelWarn
	if verbose {
		level = slog.LevelDebug
	}
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: level}))
}

func openInput(name string, stdin io.Reader) (io.ReadCloser, error) {
	if name == "-" {
		return io.NopCloser(stdin), nil
	}
	st, err := os.Stat(name)
	if err != nil {
		return nil, err
	}
	if st.IsDir() {
		return nil, fmt.Errorf("%s is a directory (give the files in it, e.g. %s/*)", name, name)
	}
	return os.Open(name)
}
