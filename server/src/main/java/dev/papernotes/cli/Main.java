package dev.papernotes.cli;

import dev.papernotes.config.CorpusSelection;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;

/**
 * Entry point. No arguments, {@code lsp} or {@code --stdio} start the language server; anything
 * else is a command for people and scripts.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> rest = Arrays.stream(args).filter(a -> !a.equals("--stdio")).toList();
        if (rest.isEmpty() || rest.get(0).equals("lsp")) {
            Logging.configure(java.util.logging.Level.INFO);
        } else {
            Logging.configure(java.util.logging.Level.WARNING);
        }
        if (rest.isEmpty()) {
            return LspCommand.serve(List.of());
        }
        CommandLine cli = commandLine(out, err);
        try {
            return cli.execute(rest.toArray(String[]::new));
        } catch (OutOfMemoryError e) {
            // What was allocated is unreachable by now (the index was rolled back on the way out).
            err.println(outOfMemory(rest.get(0), Runtime.getRuntime().maxMemory()));
            return 3;
        }
    }

    /** The message for a command that ran out of heap: what happened, what is kept, what to do. */
    static String outOfMemory(String command, long maxHeapBytes) {
        return "papernotes " + command + ": out of memory: the Java heap (" + (maxHeapBytes >> 20)
                + " MB) is too small for this corpus; nothing was committed and the last index is intact. "
                + "Give Java a larger heap: java -Xmx1g -jar papernotes.jar ..., or "
                + "PAPERNOTES_JAVA_OPTS=-Xmx1g scripts/papernotes ...";
    }

    static CommandLine commandLine(PrintStream out, PrintStream err) {
        CommandLine cli = new CommandLine(new PapernotesCommand());
        cli.setOut(new java.io.PrintWriter(out, true));
        cli.setErr(new java.io.PrintWriter(err, true));
        cli.setParameterExceptionHandler((ex, argv) -> {
            ex.getCommandLine().getErr().println(prefix(ex.getCommandLine()) + ex.getMessage() + " (see --help)");
            return CommandLine.ExitCode.USAGE;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof CorpusSelection.MissingCorpusException) {
                // A usage error like the others: the command's name, and where to look.
                commandLine.getErr().println(prefix(commandLine) + ex.getMessage() + " (see --help)");
                return CommandLine.ExitCode.USAGE;
            }
            commandLine.getErr().println("papernotes: error: " + describe(ex));
            if (System.getenv("PAPERNOTES_DEBUG") != null) {
                ex.printStackTrace(err);
            }
            return CommandLine.ExitCode.SOFTWARE;
        });
        return cli;
    }

    /** {@code papernotes CMD: } (or {@code papernotes: } for the top level), as compilers name themselves. */
    private static String prefix(CommandLine commandLine) {
        String command = commandLine.getCommandName();
        return "papernotes" + (command.equals("papernotes") ? "" : " " + command) + ": ";
    }

    private static String describe(Throwable t) {
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }
}
