package dev.papernotes.features;

import dev.papernotes.notes.LineIndex;
import dev.papernotes.notes.NoteModel;
import dev.papernotes.workspace.NoteDocument;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.eclipse.lsp4j.FoldingRange;

/**
 * Folding for a note: every heading's section, the YAML front matter, and fenced code blocks.
 * Sections come from the parsed note; the fences from a block-only CommonMark parse (no inline
 * parsing, so it costs a fraction of the note's own parse).
 */
public final class FoldingService {
    private static final Parser BLOCKS = Parser.builder()
            .includeSourceSpans(IncludeSourceSpans.BLOCKS)
            .inlineParserFactory(context -> (lines, node) -> { })
            .build();

    private FoldingService() {
    }

    /** @param limit the most ranges the client wants (null: no limit); outer ones are kept first */
    public static List<FoldingRange> ranges(NoteDocument doc, Integer limit) {
        NoteModel model = doc.model();
        List<FoldingRange> out = new ArrayList<>();
        int frontMatterEnd = frontMatterEnd(model);
        if (frontMatterEnd > 0) {
            out.add(new FoldingRange(0, frontMatterEnd));
        }
        for (Sections s : Sections.of(model)) {
            if (s.lastLine() > s.firstLine()) {
                out.add(new FoldingRange(s.firstLine(), s.lastLine()));
            }
        }
        if (!doc.tooLarge()) {
            out.addAll(fences(model, frontMatterEnd));
        }
        out.sort(Comparator.comparingInt(FoldingRange::getStartLine)
                .thenComparing(Comparator.comparingInt(FoldingRange::getEndLine).reversed()));
        if (limit != null && limit >= 0 && out.size() > limit) {
            List<FoldingRange> kept = new ArrayList<>(out);
            kept.sort(Comparator.comparingInt((FoldingRange r) -> r.getStartLine() - r.getEndLine()));
            kept = new ArrayList<>(kept.subList(0, limit));
            kept.sort(Comparator.comparingInt(FoldingRange::getStartLine));
            return kept;
        }
        return out;
    }

    /** Fenced code blocks, fence line to closing fence (or to the block's last line when unclosed). */
    private static List<FoldingRange> fences(NoteModel model, int frontMatterEnd) {
        String text = model.text();
        LineIndex lines = model.lines();
        String source = frontMatterEnd > 0 ? blankLines(text, lines.lineEnd(frontMatterEnd)) : text;
        List<FoldingRange> out = new ArrayList<>();
        BLOCKS.parse(source).accept(new AbstractVisitor() {
            @Override
            public void visit(FencedCodeBlock block) {
                List<SourceSpan> spans = block.getSourceSpans();
                if (spans.size() > 1) {
                    int first = lines.line(spans.get(0).getInputIndex());
                    int last = lines.line(spans.get(spans.size() - 1).getInputIndex());
                    if (last > first) {
                        out.add(new FoldingRange(first, last));
                    }
                }
            }
        });
        return out;
    }

    /**
     * The line that closes YAML front matter (a {@code ---} first line up to a {@code ---} or
     * {@code ...} line, as the note parser reads it), or -1 when the note has none.
     */
    static int frontMatterEnd(NoteModel model) {
        LineIndex lines = model.lines();
        String text = model.text();
        if (lines.lineCount() < 2 || !line(text, lines, 0).strip().equals("---")) {
            return -1;
        }
        for (int l = 1; l < lines.lineCount(); l++) {
            String s = line(text, lines, l).strip();
            if (s.equals("---") || s.equals("...")) {
                return l;
            }
        }
        return -1;
    }

    private static String line(String text, LineIndex lines, int line) {
        return text.substring(lines.lineStart(line), lines.lineEnd(line));
    }

    /** Spaces for everything before {@code end} but line breaks, so offsets and lines stay put. */
    private static String blankLines(String text, int end) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < end; i++) {
            if (chars[i] != '\n' && chars[i] != '\r') {
                chars[i] = ' ';
            }
        }
        return new String(chars);
    }
}
