package dev.papernotes.lsp;

import dev.papernotes.features.CompletionService;
import dev.papernotes.features.DefinitionService;
import dev.papernotes.features.DiagnosticsService;
import dev.papernotes.features.DocumentSymbolService;
import dev.papernotes.features.FeatureContext;
import dev.papernotes.features.HoverService;
import dev.papernotes.features.InlayHintService;
import dev.papernotes.features.Ranges;
import dev.papernotes.features.SemanticTokensService;
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
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InlayHintParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * Types in a note of its own before the user types in theirs. The launchers run the JVM with C1
 * only and no profile of earlier runs, so a session's first keystrokes run interpreted code: at a
 * million papers they took 15–60 ms against 2–3 ms once compiled, and were most of the p99. A
 * one-letter prefix is also the costliest question to rank, and is asked at the start of every
 * name: typing each one here leaves its ranking remembered for the index snapshot, as are the
 * terms each letter stands for at the start of a title word ({@code [[Stable L}).
 *
 * <p>The note typed in is shaped like a user's (front matter, sections, paragraphs with bare names,
 * links, citations, a list, a quote, fenced code; {@link #NOTE_LINES} lines), and lines are added
 * and typed in its middle: a small note typed at its end left the code of a long note's edits
 * (stretches kept, lines shifted, diagnostics and tokens of the rest) to the user's first keystrokes.
 *
 * <p>Every change and question also goes through the server's JSON handler ({@link WireRehearsal}), so
 * that reading a change and writing an answer are compiled too.
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
    /** About the length of a reading log a user keeps typing in. */
    static final int NOTE_LINES = 160;
    /** The note's first lines, never typed on: front matter and title. */
    private static final List<String> HEADER = List.of("---", "tags: [reading, log]", "---", "# Reading log", "");
    static final long BUDGET_MS = 8_000;

    private final FeatureContext ctx;
    private final NoteWorkspace scratch = new NoteWorkspace();
    private final String uri = Path.of(System.getProperty("java.io.tmpdir"), "papernotes-warmup.md").toUri()
            .toString();
    private final BooleanSupplier stop;
    private final WireRehearsal wire;
    private final long deadline;
    private NoteDocument doc;
    /** The line typed on, and its text. */
    private int lineNo;
    private String line = "";
    private int keystrokes;
    /** Where the note names a paper in prose: line, column one character in. */
    private final List<Position> bareNames = new ArrayList<>();
    /** Hovers that found a paper, and lines typed on away from the note's end (for tests). */
    int papersHovered;
    int linesTypedInside;

    /**
     * @param features the snapshot and settings to answer from; only its index and settings are used,
     *                 with a workspace of the warm-up's own
     */
    Warmup(FeatureContext features, BooleanSupplier stop) {
        this(features, stop, WireRehearsal.NONE);
    }

    /** @param wire where the warm-up's messages are read and written as if over stdio */
    Warmup(FeatureContext features, BooleanSupplier stop, WireRehearsal wire) {
        this.ctx = new FeatureContext(features.index(), scratch, features.settings(), features.corpusRoots(),
                features.markdown());
        this.stop = stop;
        this.wire = wire;
        this.deadline = System.nanoTime() + BUDGET_MS * 1_000_000;
    }

    /** The warm-up's own note as it is now. */
    NoteDocument note() {
        return doc;
    }

    /** Keystrokes typed (each a change and a completion). */
    int run() throws IOException {
        if (ctx.index().isEmpty() || !going()) {
            return 0;
        }
        // Other notes, for the note names that completion after [[ offers beside papers.
        for (int i = 0; i < OTHER_NOTES; i++) {
            scratch.open(uri.replace(".md", "-" + i + ".md"), "# Week " + i + "\n\nWhat we read.\n", 1);
        }
        doc = scratch.open(uri, "# Reading log\n\n", 1);
        lineNo = 2;
        List<String> names = firstLetters("Related: [[", true);
        List<String> citekeys = firstLetters("As argued in [@", false);
        for (int i = 0; i < FIRST_CHARS.length() && going(); i++) {
            ctx.index().suggester().prepareWordPrefix(String.valueOf(FIRST_CHARS.charAt(i)));
        }
        if (!going() || names.isEmpty()) {
            return keystrokes;
        }
        replaceNote(note(names, citekeys));
        List<String> spreadNames = spread(names);
        List<String> spreadKeys = spread(citekeys);
        for (int i = 0; i < spreadNames.size() && going(); i++) {
            typeName("Related: [[", spreadNames.get(i), "]]", i);
            typeName("We compare against ", spreadNames.get(i), "", i + 1);
            if (i < spreadKeys.size()) {
                typeName("As argued in [@", spreadKeys.get(i), "]", i + 2);
            }
        }
        return keystrokes;
    }

    /**
     * Types {@code lead} and then each first letter in turn (deleting it again): every one-letter
     * ranking is then remembered. Returns the first item of each answer.
     */
    private List<String> firstLetters(String lead, boolean upper) throws IOException {
        List<String> firsts = new ArrayList<>();
        if (!going()) {
            return firsts;
        }
        replaceLine(lead);
        complete();
        for (int i = 0; i < FIRST_CHARS.length() && going(); i++) {
            char c = FIRST_CHARS.charAt(i);
            type(String.valueOf(upper ? Character.toUpperCase(c) : c));
            CompletionList list = complete();
            for (CompletionItem item : list.getItems()) {
                if (item.getKind() != CompletionItemKind.File) { // a paper, not one of the other notes
                    firsts.add(item.getLabel());
                    break;
                }
            }
            backspace();
        }
        replaceLine("");
        return firsts;
    }

    /** {@link #NAMES} of them, spread over the alphabet rather than three names of one letter. */
    private static List<String> spread(List<String> firsts) {
        List<String> spread = new ArrayList<>();
        for (int i = 0; i < firsts.size() && spread.size() < NAMES; i += Math.max(1, firsts.size() / NAMES)) {
            spread.add(firsts.get(i));
        }
        return spread;
    }

    /** A reading log naming the papers found: sections of prose, links, citations, lists, quotes and code. */
    private String note(List<String> names, List<String> citekeys) {
        List<String> lines = new ArrayList<>(HEADER);
        int k = 0;
        for (int week = 1; lines.size() < NOTE_LINES; week++) {
            String a = names.get(k++ % names.size());
            String b = names.get(k++ % names.size());
            String key = citekeys.isEmpty() ? a : citekeys.get(week % citekeys.size());
            lines.add("## Week " + week);
            lines.add("");
            String lead = "We read ";
            bareNames.add(new Position(lines.size(), lead.length() + 1));
            lines.add(lead + a + " and compared it with " + b + " on the long-context tasks; see [[Week "
                    + (week % OTHER_NOTES) + "]].");
            lines.add("");
            lines.add("- [[" + a + "]] is the baseline we keep coming back to.");
            lines.add("- [[" + b + "|the other one]] needs more memory.");
            lines.add("");
            lines.add("As argued in [@" + key + "], the effect holds for small models too.");
            lines.add("");
            if (week % 3 == 0) {
                lines.add("```python");
                lines.add("model = load(\"" + a.replace("\"", "") + "\")  # [[not a link]] @notacite");
                lines.add("```");
                lines.add("");
            } else {
                lines.add("> " + b + " reports the numbers for the small models only.");
                lines.add("");
            }
        }
        return String.join("\n", lines) + "\n";
    }

    /**
     * Adds a line in the middle of the note and types {@code name} after {@code lead} as a user does,
     * then accepts it, looks at the note as an editor does after an edit, and takes the line out again.
     */
    private void typeName(String lead, String name, String close, int episode) throws IOException {
        int body = doc.lines().lineCount() - HEADER.size() - 1;
        int at = HEADER.size() + (episode * 37) % Math.max(1, body);
        insertLine(at, lead);
        if (at < doc.lines().lineCount() - 2) {
            linesTypedInside++;
        }
        int n = Math.min(MAX_TYPED, name.length());
        for (int i = 0; i < n && going(); i++) {
            type(name.substring(i, i + 1));
            complete();
        }
        replaceLine(lead + name + close);
        lookAround(at);
        deleteLine();
    }

    /** What an editor asks after an edit: diagnostics, tokens, hints, the outline; hover and definition. */
    private void lookAround(int changed) throws IOException {
        wire.sent("textDocument/publishDiagnostics",
                new PublishDiagnosticsParams(uri, DiagnosticsService.diagnostics(ctx, doc, -1), doc.version()));
        wire.request("textDocument/semanticTokens/full", new SemanticTokensParams(id()),
                SemanticTokensService.tokens(ctx, doc, whole()));
        wire.request("textDocument/inlayHint", new InlayHintParams(id(), whole()),
                InlayHintService.hints(ctx, doc, whole()));
        List<Either<?, ?>> symbols = new ArrayList<>();
        DocumentSymbolService.symbols(doc).forEach(s -> symbols.add(Either.forRight(s)));
        wire.request("textDocument/documentSymbol", new DocumentSymbolParams(id()), symbols);
        for (int i = 0; i < 2 && i < bareNames.size(); i++) {
            Position p = bareNames.get((changed + 5 * i) % bareNames.size());
            Position at = p.getLine() >= changed ? new Position(p.getLine() + 1, p.getCharacter()) : p;
            var hover = HoverService.hover(ctx, doc, at);
            if (hover != null) {
                papersHovered++;
            }
            wire.request("textDocument/hover", new HoverParams(id(), at), hover);
            wire.request("textDocument/definition", new DefinitionParams(id(), at),
                    Either.forRight(DefinitionService.definition(ctx, doc, at)));
        }
    }

    private TextDocumentIdentifier id() {
        return new TextDocumentIdentifier(uri);
    }

    private boolean going() {
        return !stop.getAsBoolean() && System.nanoTime() < deadline;
    }

    private CompletionList complete() throws IOException {
        keystrokes++;
        Position at = new Position(lineNo, line.length());
        CompletionList list = CompletionService.complete(ctx, doc, at);
        wire.request("textDocument/completion", new CompletionParams(id(), at), Either.forRight(list));
        return list;
    }

    private void type(String s) {
        editLine(line.length(), line.length(), s);
    }

    private void backspace() {
        editLine(line.length() - 1, line.length(), "");
    }

    private void replaceLine(String s) {
        editLine(0, line.length(), s);
    }

    /** A change on the line typed on, which {@link #line} follows. */
    private void editLine(int from, int to, String insert) {
        edit(new Range(new Position(lineNo, from), new Position(lineNo, to)), insert);
        line = line.substring(0, from) + insert + line.substring(to);
    }

    private void insertLine(int at, String s) {
        edit(new Range(new Position(at, 0), new Position(at, 0)), s + "\n");
        lineNo = at;
        line = s;
    }

    private void deleteLine() {
        edit(new Range(new Position(lineNo, 0), new Position(lineNo + 1, 0)), "");
    }

    /** The whole note replaced, as an editor sends a paste over everything. */
    private void replaceNote(String text) {
        edit(whole(), text);
    }

    private Range whole() {
        return Ranges.of(doc.lines(), 0, doc.text().length());
    }

    /** One incremental change, applied as the editor's would be. */
    private void edit(Range range, String insert) {
        List<TextDocumentContentChangeEvent> changes = List.of(new TextDocumentContentChangeEvent(range, insert));
        int version = doc.version() + 1;
        wire.received("textDocument/didChange",
                new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, version), changes));
        TextEdits.Applied applied = TextEdits.applyWithCaret(doc.text(), doc.lines(), changes);
        doc = scratch.change(uri, applied.text(), applied.lines(), version);
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
                    int n = new Warmup(c.features(), stop, session.wire).run();
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
