package dev.papernotes.cli;

import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * One-line log records on stderr. Commands log only warnings (their output is for people and
 * scripts); the language server logs more, since editors keep its stderr as the server log.
 * {@code PAPERNOTES_LOG=fine|info|warning} overrides.
 */
final class Logging {
    private Logging() {
    }

    static void configure(Level defaultLevel) {
        Level level = defaultLevel;
        String env = System.getenv("PAPERNOTES_LOG");
        if (env != null && !env.isBlank()) {
            try {
                level = Level.parse(env.strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException ignored) {
                // keep the default
            }
        }
        Logger root = Logger.getLogger("");
        for (Handler h : root.getHandlers()) {
            root.removeHandler(h);
        }
        ConsoleHandler handler = new ConsoleHandler(); // writes to System.err
        handler.setLevel(level);
        handler.setFormatter(new Formatter() {
            @Override
            public String format(LogRecord r) {
                StringBuilder sb = new StringBuilder("papernotes ")
                        .append(r.getLevel().getName().toLowerCase(java.util.Locale.ROOT)).append(": ")
                        .append(formatMessage(r)).append(System.lineSeparator());
                if (r.getThrown() != null && r.getLevel().intValue() >= Level.WARNING.intValue()) {
                    java.io.StringWriter sw = new java.io.StringWriter();
                    r.getThrown().printStackTrace(new java.io.PrintWriter(sw));
                    sb.append(sw);
                }
                return sb.toString();
            }
        });
        root.addHandler(handler);
        root.setLevel(level);
        // Lucene and LSP4J are chatty at INFO about things users cannot act on.
        Logger.getLogger("org.eclipse.lsp4j").setLevel(level.intValue() < Level.WARNING.intValue() ? Level.WARNING : level);
    }
}
