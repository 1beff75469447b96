package dev.papernotes.features;

import dev.papernotes.notes.LineIndex;
import dev.papernotes.notes.NoteModel.Span;
import dev.papernotes.workspace.NoteAnalysis;
import dev.papernotes.workspace.NoteDocument;
import dev.papernotes.workspace.PaperRef;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensLegend;

/**
 * Marks what papernotes took as a paper, so a reader sees it at a glance: bare mentions and wiki
 * links to papers, citations, links to notes (and dangling links, marked unresolved). Only standard token types, which every theme
 * colours (and Neovim links to its own groups); what is special here goes into modifiers. Tokens
 * come from the note's cached analysis, whose references never lie in code, HTML or front matter.
 */
public final class SemanticTokensService {
    /** A paper: a bare mention, or the target of a wiki link that names one. */
    public static final String PAPER = "class";
    /** A pandoc citation {@code @key}. */
    public static final String CITATION = "decorator";
    /** The target of a wiki link that names a note and no paper, or (unresolved) nothing yet. */
    public static final String NOTE = "namespace";
    /** The name stands for several papers. */
    public static final String AMBIGUOUS = "ambiguous";
    /** Neither a paper nor a note (shown only once an index exists). */
    public static final String UNRESOLVED = "unresolved";

    public static final List<String> TYPES = List.of(PAPER, CITATION, NOTE);
    public static final List<String> MODIFIERS = List.of(AMBIGUOUS, UNRESOLVED);

    private SemanticTokensService() {
    }

    public static SemanticTokensLegend legend() {
        return new SemanticTokensLegend(TYPES, MODIFIERS);
    }

    /** Every token of the note, or those that touch {@code range} when it is given. */
    public static SemanticTokens tokens(FeatureContext ctx, NoteDocument doc, Range range) throws IOException {
        LineIndex lines = doc.model().lines();
        int from = range == null ? 0 : Ranges.offset(lines, range.getStart());
        int to = range == null ? Integer.MAX_VALUE : Ranges.offset(lines, range.getEnd());
        NoteAnalysis analysis = ctx.analysis(doc);
        boolean indexed = !ctx.index().isEmpty();
        Encoder encoder = new Encoder(lines, doc.text());
        for (PaperRef ref : analysis.refs()) {
            Span span = ref.span();
            if (span.end() < from || span.start() > to) {
                continue;
            }
            int type;
            int modifiers = 0;
            if (ref.paperCount() > 0) {
                type = ref.kind() == PaperRef.Kind.CITATION ? TYPES.indexOf(CITATION) : TYPES.indexOf(PAPER);
                if (ref.ambiguous()) {
                    modifiers |= 1 << MODIFIERS.indexOf(AMBIGUOUS);
                }
            } else if (ref.kind() == PaperRef.Kind.WIKI_LINK && !ctx.workspace().resolveNote(ref.written()).isEmpty()) {
                type = TYPES.indexOf(NOTE);
            } else if (indexed && ref.kind() != PaperRef.Kind.MENTION) {
                // A dangling link is not a paper: in a vault it is usually a note not written yet.
                type = ref.kind() == PaperRef.Kind.CITATION ? TYPES.indexOf(CITATION) : TYPES.indexOf(NOTE);
                modifiers |= 1 << MODIFIERS.indexOf(UNRESOLVED);
            } else {
                continue;
            }
            encoder.add(span, type, modifiers);
        }
        return new SemanticTokens(encoder.data);
    }

    /** LSP's relative encoding; a span over a line break becomes one token per line. */
    private static final class Encoder {
        final List<Integer> data = new ArrayList<>();
        private final LineIndex lines;
        private final String text;
        private int lastLine;
        private int lastChar;

        Encoder(LineIndex lines, String text) {
            this.lines = lines;
            this.text = text;
        }

        void add(Span span, int type, int modifiers) {
            int start = span.start();
            int end = Math.min(span.end(), text.length());
            while (start < end) {
                int line = lines.line(start);
                int lineEnd = Math.min(end, lines.lineEnd(line));
                if (lineEnd > start) {
                    int character = lines.character(start);
                    data.add(line - lastLine);
                    data.add(line == lastLine ? character - lastChar : character);
                    data.add(lineEnd - start);
                    data.add(type);
                    data.add(modifiers);
                    lastLine = line;
                    lastChar = character;
                }
                if (line + 1 >= lines.lineCount()) {
                    break;
                }
                start = Math.max(lineEnd, lines.lineStart(line + 1));
                while (start < end && (text.charAt(start) == ' ' || text.charAt(start) == '\t')) {
                    start++; // a name broken across lines: its indentation is not part of it
                }
            }
        }
    }
}
