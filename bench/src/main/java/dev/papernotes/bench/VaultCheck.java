package dev.papernotes.bench;

import dev.papernotes.config.Settings;
import dev.papernotes.features.DocumentSymbolService;
import dev.papernotes.features.FeatureContext;
import dev.papernotes.features.FoldingService;
import dev.papernotes.features.InlayHintService;
import dev.papernotes.features.SemanticTokensService;
import dev.papernotes.index.IndexStore;
import dev.papernotes.index.PaperIndex;
import dev.papernotes.index.UpdateProgress;
import dev.papernotes.notes.LineIndex;
import dev.papernotes.workspace.NoteDocument;
import dev.papernotes.workspace.NoteWorkspace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.InlayHint;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/**
 * Runs the outline, folding, semantic tokens and inlay hints over every note of real vaults (read
 * from folders the caller extracted, e.g. from a fetched mirror; nothing of them is kept) and
 * checks what must hold whatever the note says: a symbol's selection inside its range and its
 * children inside it; as many symbols as CommonMark finds headings; folding ranges nested or
 * disjoint; no token in code, HTML blocks, inline HTML or front matter (found by a CommonMark parse
 * of its own); hints inside the text. Prints counts, violations and time per note.
 *
 * <pre>
 * java -cp bench.jar:papernotes.jar dev.papernotes.bench.VaultCheck --corpus corpus --index DIR VAULT...
 * </pre>
 */
public final class VaultCheck {
    private static final Parser ORACLE = Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build();

    private int notes;
    private int headings;
    private int folds;
    private final int[] tokensByType = new int[SemanticTokensService.TYPES.size()];
    private int hints;
    /** With {@code -Dshow=N}, the first N tokens of each type are printed, to judge them by eye. */
    private static final int SHOW = Integer.getInteger("show", 0);
    private final int[] shown = new int[SemanticTokensService.TYPES.size()];
    private final List<String> violations = new ArrayList<>();
    private final List<Long> symbolNanos = new ArrayList<>();
    private final List<Long> foldNanos = new ArrayList<>();
    private final List<Long> tokenNanos = new ArrayList<>();
    private final List<Long> hintNanos = new ArrayList<>();

    private VaultCheck() {
    }

    public static void main(String[] args) throws Exception {
        Path corpus = null;
        Path index = null;
        List<Path> vaults = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--corpus" -> corpus = Path.of(args[++i]).toRealPath();
                case "--index" -> index = Path.of(args[++i]).toAbsolutePath();
                default -> vaults.add(Path.of(args[i]));
            }
        }
        VaultCheck check = new VaultCheck();
        try (IndexStore store = IndexStore.open(index, List.of(corpus), 32)) {
            store.update(w -> { }, UpdateProgress.NONE, false);
            try (PaperIndex idx = store.acquire()) {
                NoteWorkspace workspace = new NoteWorkspace();
                workspace.setRoots(vaults);
                workspace.scan(() -> false);
                FeatureContext ctx = new FeatureContext(idx, workspace, Settings.DEFAULTS, List.of(corpus), true);
                for (int round = 0; round < 2; round++) { // the first round warms up
                    check.reset();
                    for (Path vault : vaults) {
                        try (Stream<Path> files = Files.walk(vault)) {
                            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".md")).sorted()::iterator) {
                                check.note(ctx, workspace, f);
                            }
                        }
                    }
                }
            }
        }
        check.report();
    }

    private void reset() {
        notes = headings = folds = hints = 0;
        Arrays.fill(tokensByType, 0);
        violations.clear();
        symbolNanos.clear();
        foldNanos.clear();
        tokenNanos.clear();
        hintNanos.clear();
    }

    private void note(FeatureContext ctx, NoteWorkspace workspace, Path file) throws Exception {
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        String uri = file.toUri().toString();
        NoteDocument doc = workspace.open(uri, text, 1);
        doc.model();
        ctx.analysis(doc);
        notes++;
        LineIndex lines = doc.model().lines();
        String name = file.getFileName().toString();

        long t = System.nanoTime();
        List<DocumentSymbol> symbols = DocumentSymbolService.symbols(doc);
        symbolNanos.add(System.nanoTime() - t);
        int counted = checkSymbols(name, symbols, null);
        headings += counted;
        Oracle oracle = new Oracle(text, lines);
        if (counted != oracle.headings) {
            violations.add(name + ": " + counted + " symbols for " + oracle.headings + " headings");
        }

        t = System.nanoTime();
        List<FoldingRange> ranges = FoldingService.ranges(doc, null);
        foldNanos.add(System.nanoTime() - t);
        folds += ranges.size();
        for (int i = 0; i < ranges.size(); i++) {
            FoldingRange a = ranges.get(i);
            if (a.getStartLine() >= a.getEndLine() || a.getEndLine() >= lines.lineCount()) {
                violations.add(name + ": fold " + a.getStartLine() + "-" + a.getEndLine());
            }
            for (int j = i + 1; j < ranges.size(); j++) {
                FoldingRange b = ranges.get(j);
                boolean disjoint = b.getStartLine() > a.getEndLine() || a.getStartLine() > b.getEndLine();
                boolean nested = b.getStartLine() >= a.getStartLine() && b.getEndLine() <= a.getEndLine()
                        || a.getStartLine() >= b.getStartLine() && a.getEndLine() <= b.getEndLine();
                if (!disjoint && !nested) {
                    violations.add(name + ": folds cross " + a.getStartLine() + "-" + a.getEndLine() + " and "
                            + b.getStartLine() + "-" + b.getEndLine());
                }
            }
        }

        t = System.nanoTime();
        List<Integer> data = SemanticTokensService.tokens(ctx, doc, null).getData();
        tokenNanos.add(System.nanoTime() - t);
        int line = 0;
        int character = 0;
        for (int i = 0; i + 4 < data.size(); i += 5) {
            line += data.get(i);
            character = data.get(i) == 0 ? character + data.get(i + 1) : data.get(i + 1);
            int start = lines.offset(line, character);
            int end = start + data.get(i + 2);
            tokensByType[data.get(i + 3)]++;
            if (SHOW > 0 && shown[data.get(i + 3)]++ < SHOW) {
                System.out.println("  " + SemanticTokensService.TYPES.get(data.get(i + 3)) + "/" + data.get(i + 4) + " "
                        + name + ":" + (line + 1) + " '" + text.substring(start, Math.min(end, text.length())) + "'");
            }
            if (end > lines.lineEnd(line) || oracle.excluded(start, end)) {
                violations.add(name + ": token " + line + ":" + character + " '" + text.substring(start,
                        Math.min(end, text.length())) + "' in code, HTML or front matter");
            }
        }

        t = System.nanoTime();
        List<InlayHint> list = InlayHintService.hints(ctx, doc, null);
        hintNanos.add(System.nanoTime() - t);
        hints += list.size();
        for (InlayHint h : list) {
            Position p = h.getPosition();
            if (p.getLine() >= lines.lineCount() || h.getLabel().getLeft().isEmpty()) {
                violations.add(name + ": hint at " + p);
            }
        }
        workspace.close(uri);
    }

    private int checkSymbols(String name, List<DocumentSymbol> symbols, DocumentSymbol parent) {
        int n = 0;
        Position previousEnd = null;
        for (DocumentSymbol s : symbols) {
            n++;
            if (!inside(s.getSelectionRange(), s.getRange())) {
                violations.add(name + ": selection outside range of '" + s.getName() + "'");
            }
            if (parent != null && !inside(s.getRange(), parent.getRange())) {
                violations.add(name + ": '" + s.getName() + "' outside '" + parent.getName() + "'");
            }
            if (previousEnd != null && before(s.getRange().getStart(), previousEnd)) {
                violations.add(name + ": '" + s.getName() + "' overlaps its sibling");
            }
            previousEnd = s.getRange().getEnd();
            n += checkSymbols(name, s.getChildren() == null ? List.of() : s.getChildren(), s);
        }
        return n;
    }

    private static boolean inside(Range inner, Range outer) {
        return !before(inner.getStart(), outer.getStart()) && !before(outer.getEnd(), inner.getEnd());
    }

    private static boolean before(Position a, Position b) {
        return a.getLine() < b.getLine() || a.getLine() == b.getLine() && a.getCharacter() < b.getCharacter();
    }

    /** What CommonMark itself says is code, HTML or front matter, and how many headings have text. */
    private static final class Oracle {
        final List<int[]> excluded = new ArrayList<>();
        int headings;

        Oracle(String text, LineIndex lines) {
            String source = text;
            String first = text.substring(0, lines.lineEnd(0)).strip();
            if (first.equals("---")) {
                for (int l = 1; l < lines.lineCount(); l++) {
                    String s = text.substring(lines.lineStart(l), lines.lineEnd(l)).strip();
                    if (s.equals("---") || s.equals("...")) {
                        int end = lines.lineEnd(l);
                        excluded.add(new int[] {0, end});
                        source = text.substring(0, end).replaceAll("[^\r\n]", " ") + text.substring(end);
                        break;
                    }
                }
            }
            ORACLE.parse(source).accept(new AbstractVisitor() {
                @Override
                public void visit(FencedCodeBlock b) {
                    add(b);
                }

                @Override
                public void visit(IndentedCodeBlock b) {
                    add(b);
                }

                @Override
                public void visit(HtmlBlock b) {
                    add(b);
                }

                @Override
                public void visit(Code c) {
                    add(c);
                }

                @Override
                public void visit(HtmlInline h) {
                    add(h);
                }

                @Override
                public void visit(Heading h) {
                    StringBuilder sb = new StringBuilder();
                    collect(h, sb);
                    if (!sb.toString().isBlank()) {
                        headings++;
                    }
                    visitChildren(h);
                }
            });
        }

        private static void collect(Node n, StringBuilder sb) {
            for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
                if (c instanceof org.commonmark.node.Text t) {
                    sb.append(t.getLiteral());
                } else if (c instanceof Code code) {
                    sb.append(code.getLiteral());
                } else {
                    collect(c, sb);
                }
            }
        }

        private void add(Node n) {
            for (SourceSpan s : n.getSourceSpans()) {
                excluded.add(new int[] {s.getInputIndex(), s.getInputIndex() + s.getLength()});
            }
        }

        boolean excluded(int start, int end) {
            for (int[] e : excluded) {
                if (start < e[1] && end > e[0]) {
                    return true;
                }
            }
            return false;
        }
    }

    private void report() {
        System.out.printf(Locale.ROOT, "%d notes: %d headings, %d folding ranges, tokens %s %s, %d inlay hints%n",
                notes, headings, folds, SemanticTokensService.TYPES, Arrays.toString(tokensByType), hints);
        System.out.printf(Locale.ROOT, "per note: symbols %s; folding %s; tokens %s; hints %s%n", pct(symbolNanos),
                pct(foldNanos), pct(tokenNanos), pct(hintNanos));
        System.out.println(violations.size() + " violations");
        violations.stream().limit(40).forEach(v -> System.out.println("  " + v));
    }

    private static String pct(List<Long> nanos) {
        long[] s = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        if (s.length == 0) {
            return "-";
        }
        return String.format(Locale.ROOT, "p50 %.2f ms, p99 %.2f, max %.2f", s[s.length / 2] / 1e6,
                s[Math.min(s.length - 1, (int) (s.length * 0.99))] / 1e6, s[s.length - 1] / 1e6);
    }
}
