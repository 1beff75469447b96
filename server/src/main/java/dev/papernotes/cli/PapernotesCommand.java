package dev.papernotes.cli;

import picocli.CommandLine.Command;

@Command(name = "papernotes", mixinStandardHelpOptions = true, versionProvider = PapernotesCommand.Version.class,
        description = "A language server and command-line tool for Markdown research notes over a corpus of papers.%n"
                + "Without a command (or with 'lsp') it speaks LSP on stdin/stdout.",
        subcommands = {LspCommand.class, IndexCommand.class, SearchCommand.class, ExportCommand.class,
                CheckCommand.class, picocli.CommandLine.HelpCommand.class})
final class PapernotesCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class Version implements picocli.CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = PapernotesCommand.class.getPackage().getImplementationVersion();
            return new String[] {"papernotes " + (v == null ? "(development build)" : v)};
        }
    }
}
