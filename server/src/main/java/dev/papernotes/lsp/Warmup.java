package dev.papernotes.lsp;

import dev.papernotes.features.CompletionService;
import dev.papernotes.features.DefinitionService;
import dev.papernotes.features.DiagnosticsService;
import dev.papernotes.features.FeatureContext;
import dev.papernotes.features.HoverService;
import dev.papernotes.workspace.NoteDocument;
import dev.papernotes.workspace.NoteWorkspace;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;

/**
 * Types in a note of its own before the user types in theirs. The launchers run the JVM with C1
 * only and no profile of earlier runs, so a session's first keystrokes run interpreted code: at a
 * million papers they took 15–60 ms against 2–3 ms once compiled, and were most of the p99. A
 * one-letter prefix is also the costliest question to rank, and is asked at the start of every
 * name: typing each one here leaves its ranking remembered for the index snapshot.
 *
 * <p>Nothing here is seen by the user: the note lives in a workspace of its own, and no request
 * is counted in the server's latencies. It stops after {@link #BUDGET_MS} or when told to.
 */
final class Warmup {
    private static final Logger LOG = Logger.getLogger(Warmup.class.getName());
    /** What names start with; rankings are remembered regardless of case. */
    static final String FIRST_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789";
    /** Names typed in full after the first letters, per kind: enough keystrokes for C1 to compile their code. */
    private static final int NAMES = 3;
    private static final int MAX_TYPED = 16;
    private static final int OTHER_NOTES = 48;
    static final long BUDGET_MS = 8_000;

    private final FeatureContext ctx;
    private final NoteWorkspace scratch = new NoteWorkspace();
    private final String uri = Path.of(System.getProperty("java.io.tmpdir"), "papernotes-warmup.md").toUri()
            .toString();
    private final BooleanSupplier stop;
    private final long deadline;
    private NoteDocument doc;
    /** The line typed on: the last of the note, after {@link #HEAD}. */
    private String line = "";
    private int keystrokes;

    private static final String HEAD = "# Reading log\n\nNotes on what we read this week.\n\n";
    private static final int LINE = 4;

    /**
     * @param features the snapshot and settings to answer from; only its index and settings are used,
     *                 with a workspace of the warm-up's own
     */
    Warmup(FeatureContext features, BooleanSupplier stop) {
        this.ctx = new FeatureContext(features.index(), scratch, features.settings(), features.corpusRoots(),
                features.markdown());
        this.stop = stop;
        this.deadline = System.nanoTime() + BUDGET_MS * 1_000_000;
    }

    /** Keystrokes typed (each a change and a completion). */
    int run() throws IOException {
        if (ctx.index().isEmpty()) {
            return 0;
        }
        // Other notes, for the note names that completion after [[ offers beside papers.
        for (int i = 0; i < OTHER_NOTES; i++) {
            scratch.open(uri.replace(".md", "-" + i + ".md"), "# Week " + i + "\n\nWhat we read.\n", 1);
        }
        doc = scratch.open(uri, HEAD, 1);
        List<String> names = firstLetters("Related: [[", true);
        List<String> citekeys = firstLetters("As argued in [@", false);
        for (int i = 0; i < Math.min(NAMES, names.size()) && going(); i++) {
            typeName("Related: [[", names.get(i));
            typeName("We compare against ", names.get(i));
        }
        for (int i = 0; i < Math.min(NAMES, citekeys.size()) && going(); i++) {
            typeName("As argued in [@", citekeys.get(i));
        }
        // Hover, definition and diagnostics on bare names in prose, as after typing them.
        for (int i = 0; i < Math.min(NAMES, names.size()) && going(); i++) {
            String lead = "We read ";
            replaceLine(lead + names.get(i) + " and compared it with the baseline.");
            Position at = new Position(LINE, lead.length() + 1);
            HoverService.hover(ctx, doc, at);
            DefinitionService.definition(ctx, doc, at);
            DiagnosticsService.diagnostics(ctx, doc);
        }
        return keystrokes;
    }

    /**
     * Types {@code lead} and then each first letter in turn (deleting it again): every one-letter
     * ranking is then remembered. Returns the first item of each answer, the names to type in full.
     */
    private List<String> firstLetters(String lead, boolean upper) throws IOException {
        replaceLine(lead);
        List<String> firsts = new ArrayList<>();
        complete();
        for (int i = 0; i < FIRST_CHARS.length() && going(); i++) {
            char c = FIRST_CHARS.charAt(i);
            type(String.valueOf(upper ? Character.toUpperCase(c) : c));
            CompletionList list = complete();
            if (!list.getItems().isEmpty()) {
                CompletionItem first = list.getItems().get(0);
                firsts.add(first.getLabel());
            }
            backspace();
        }
        // Spread over the alphabet rather than three names of one letter.
        List<String> spread = new ArrayList<>();
        for (int i = 0; i < firsts.size(); i += Math.max(1, firsts.size() / NAMES)) {
            spread.add(firsts.get(i));
        }
        return spread;
    }

    private void typeName(String lead, String name) throws IOException {
        replaceLine(lead);
        int n = Math.min(MAX_TYPED, name.length());
        for (int i = 0; i < n && going(); i++) {
            type(name.substring(i, i + 1));
            complete();
        }
    }

    private boolean going() {
        return !stop.getAsBoolean() && System.nanoTime() < deadline;
    }

    private CompletionList complete() throws IOException {
        keystrokes++;
        return CompletionService.complete(ctx, doc, new Position(LINE, line.length()));
    }

    private void type(String s) {
        edit(line.length(), line.length(), s);
    }

    private void backspace() {
        edit(line.length() - 1, line.length(), "");
    }

    private void replaceLine(String s) {
        edit(0, line.length(), s);
    }

    /** One incremental change on the typed line, applied as the editor's would be. */
    private void edit(int from, int to, String insert) {
        TextDocumentContentChangeEvent change = new TextDocumentContentChangeEvent(
                new Range(new Position(LINE, from), new Position(LINE, to)), insert);
        TextEdits.Applied applied = TextEdits.applyWithCaret(doc.text(), doc.lines(), List.of(change));
        line = line.substring(0, from) + insert + line.substring(to);
        doc = scratch.change(uri, applied.text(), applied.lines(), doc.version() + 1);
    }

    /**
     * Runs a warm-up on a thread of its own, answering from a snapshot taken then, and again on a
     * new snapshot for as long as {@code again} says so. Failures are logged and otherwise ignored:
     * the warm-up only ever saves time.
     */
    static void start(Session session, BooleanSupplier stop, BooleanSupplier again) {
        Thread t = new Thread(() -> {
            do {
                long start = System.nanoTime();
                try (Session.Context c = session.context(true)) {
                    int n = new Warmup(c.features(), stop).run();
                    if (n > 0) {
                        LOG.info(String.format("papernotes: warm-up typed %d keystrokes in %d ms", n,
                                (System.nanoTime() - start) / 1_000_000));
                    }
                } catch (IOException | RuntimeException e) {
                    LOG.log(Level.FINE, "warm-up failed", e);
                }
            } while (again.getAsBoolean());
        }, "papernotes-warmup");
        t.setDaemon(true);
        t.start();
    }
}
