package dev.papernotes.cli;

import dev.papernotes.lsp.LanguageServerMain;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "lsp", mixinStandardHelpOptions = true,
        description = "Speak the Language Server Protocol on stdin/stdout (the default without a command).")
final class LspCommand implements Callable<Integer> {
    @Option(names = "--stdio", description = "Accepted for editors that pass it; stdio is the only transport.")
    boolean stdio;

    @Override
    public Integer call() {
        return serve(List.of());
    }

    static int serve(List<String> args) {
        return LanguageServerMain.run(System.in);
    }
}
