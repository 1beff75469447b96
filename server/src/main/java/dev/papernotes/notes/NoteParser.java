package dev.papernotes.notes;

import dev.papernotes.notes.NoteModel.Citation;
import dev.papernotes.notes.NoteModel.Heading;
import dev.papernotes.notes.NoteModel.Span;
import dev.papernotes.notes.NoteModel.WikiLink;
import java.util.ArrayList;
import java.util.List;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Parses a note with CommonMark (source positions on) to learn where prose is, then finds wiki
 * links and citations in that prose. Code, HTML, link destinations, URLs and front matter are never
 * prose, so nothing in them is a link, a citation or a mention.
 */
public final class NoteParser {
    private static final Parser PARSER = Parser.builder()
            .extensions(List.of(AutolinkExtension.create()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
            .build();

    /** Characters pandoc allows inside a citation key (it must end in a letter, digit or _). */
    private static final String KEY_PUNCTUATION = ":.#$%&-+?<>~/";

    private NoteParser() {
    }

    public static NoteModel parse(String text) {
        String source = blankFrontMatter(text);
        Node doc = PARSER.parse(source);
        Collector collector = new Collector();
        doc.accept(collector);
        List<Span> blocks = mergeLines(collector.blockSpans, source);
        List<Span> prose = subtract(blocks, collector.excluded);

        List<WikiLink> links = new ArrayList<>();
        List<Citation> citations = new ArrayList<>();
        List<Span> taken = new ArrayList<>();
        for (Span s : prose) {
            findWikiLinks(text, s, links, taken);
        }
        List<Span> afterLinks = subtract(prose, taken);
        List<Span> citationSpans = new ArrayList<>();
        for (Span s : afterLinks) {
            findCitations(text, s, citations, citationSpans);
        }
        List<Span> mentionProse = subtract(afterLinks, citationSpans);
        return new NoteModel(text, new LineIndex(text), List.copyOf(links), List.copyOf(citations),
                List.copyOf(mentionProse), List.copyOf(collector.headings(text)));
    }

    /** A model with nothing in it, for a note too large to parse. */
    public static NoteModel unparsed(String text) {
        return new NoteModel(text, new LineIndex(text), List.of(), List.of(), List.of(), List.of());
    }

    /**
     * YAML front matter ({@code ---} first line up to a {@code ---} or {@code ...} line) becomes
     * spaces, so CommonMark does not read it as a heading and offsets stay where they were.
     */
    static String blankFrontMatter(String text) {
        int firstEnd = lineEnd(text, 0);
        if (!text.substring(0, firstEnd).strip().equals("---") || firstEnd == text.length()) {
            return text;
        }
        int pos = nextLine(text, firstEnd);
        while (pos < text.length()) {
            int end = lineEnd(text, pos);
            String line = text.substring(pos, end).strip();
            int next = nextLine(text, end);
            if (line.equals("---") || line.equals("...")) {
                char[] chars = text.toCharArray();
                for (int i = 0; i < next; i++) {
                    if (chars[i] != '\n' && chars[i] != '\r') {
                        chars[i] = ' ';
                    }
                }
                return new String(chars);
            }
            pos = next;
        }
        return text;
    }

    private static int lineEnd(String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) != '\n' && s.charAt(i) != '\r') {
            i++;
        }
        return i;
    }

    private static int nextLine(String s, int lineEnd) {
        if (lineEnd < s.length() && s.charAt(lineEnd) == '\r' && lineEnd + 1 < s.length() && s.charAt(lineEnd + 1) == '\n') {
            return lineEnd + 2;
        }
        return Math.min(s.length(), lineEnd + 1);
    }

    /** Walks the tree once, noting prose blocks, headings and what inside them is not prose. */
    private static final class Collector extends AbstractVisitor {
        final List<Span> blockSpans = new ArrayList<>();
        final List<Span> excluded = new ArrayList<>();
        final List<org.commonmark.node.Heading> headingNodes = new ArrayList<>();

        @Override
        public void visit(Paragraph paragraph) {
            addSpans(paragraph, blockSpans);
            visitChildren(paragraph);
        }

        @Override
        public void visit(org.commonmark.node.Heading heading) {
            addSpans(heading, blockSpans);
            headingNodes.add(heading);
            visitChildren(heading);
        }

        @Override
        public void visit(Code code) {
            addSpans(code, excluded);
        }

        @Override
        public void visit(HtmlInline html) {
            addSpans(html, excluded);
        }

        @Override
        public void visit(Link link) {
            excludeDestination(link, link.getDestination());
            visitChildren(link);
        }

        @Override
        public void visit(Image image) {
            // Alt text is not prose a reader sees; the destination never is.
            addSpans(image, excluded);
        }

        private void excludeDestination(Node link, String destination) {
            List<SourceSpan> spans = link.getSourceSpans();
            if (spans.isEmpty()) {
                return;
            }
            SourceSpan first = spans.get(0);
            SourceSpan last = spans.get(spans.size() - 1);
            int start = first.getInputIndex();
            int end = last.getInputIndex() + last.getLength();
            String shown = textOf(link);
            boolean autolink = shown.equals(destination) || ("mailto:" + shown).equals(destination)
                    || ("http://" + shown).equals(destination);
            Node lastChild = link.getLastChild();
            if (autolink || lastChild == null || lastChild.getSourceSpans().isEmpty()) {
                excluded.add(new Span(start, end));
                return;
            }
            List<SourceSpan> childSpans = lastChild.getSourceSpans();
            SourceSpan c = childSpans.get(childSpans.size() - 1);
            excluded.add(new Span(c.getInputIndex() + c.getLength(), end));
            Node firstChild = link.getFirstChild();
            if (!firstChild.getSourceSpans().isEmpty()) {
                excluded.add(new Span(start, firstChild.getSourceSpans().get(0).getInputIndex()));
            }
        }

        private static String textOf(Node node) {
            StringBuilder sb = new StringBuilder();
            for (Node n = node.getFirstChild(); n != null; n = n.getNext()) {
                if (n instanceof Text t) {
                    sb.append(t.getLiteral());
                } else if (n instanceof Code c) {
                    sb.append(c.getLiteral());
                } else {
                    sb.append(textOf(n));
                }
            }
            return sb.toString();
        }

        private static void addSpans(Node node, List<Span> out) {
            for (SourceSpan s : node.getSourceSpans()) {
                out.add(new Span(s.getInputIndex(), s.getInputIndex() + s.getLength()));
            }
        }

        List<Heading> headings(String text) {
            List<Heading> out = new ArrayList<>();
            for (org.commonmark.node.Heading h : headingNodes) {
                List<SourceSpan> spans = h.getSourceSpans();
                if (spans.isEmpty()) {
                    continue;
                }
                int start = spans.get(0).getInputIndex();
                SourceSpan last = spans.get(spans.size() - 1);
                int end = last.getInputIndex() + last.getLength();
                String title = textOf(h).strip();
                if (!title.isEmpty()) {
                    out.add(new Heading(h.getLevel(), title, new Span(start, Math.min(end, text.length()))));
                }
            }
            return out;
        }
    }

    /** Joins a block's per-line spans when only a line end and indentation separate them. */
    private static List<Span> mergeLines(List<Span> spans, String text) {
        List<Span> sorted = new ArrayList<>(spans);
        sorted.sort((a, b) -> Integer.compare(a.start(), b.start()));
        List<Span> out = new ArrayList<>();
        for (Span s : sorted) {
            if (!out.isEmpty()) {
                Span prev = out.get(out.size() - 1);
                if (s.start() <= prev.end()) {
                    out.set(out.size() - 1, new Span(prev.start(), Math.max(prev.end(), s.end())));
                    continue;
                }
                if (onlyOneLineBreakBetween(text, prev.end(), s.start())) {
                    out.set(out.size() - 1, new Span(prev.start(), s.end()));
                    continue;
                }
            }
            out.add(s);
        }
        return out;
    }

    private static boolean onlyOneLineBreakBetween(String text, int from, int to) {
        int breaks = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                breaks++;
            } else if (c == '\r') {
                if (i + 1 < to && text.charAt(i + 1) == '\n') {
                    i++;
                }
                breaks++;
            } else if (c != ' ' && c != '\t') {
                return false;
            }
        }
        return breaks == 1;
    }

    /**
     * {@code spans} minus every range in {@code holes}; both may be unsorted (sorted disjoint spans,
     * the parser's, give sorted results). Linear after sorting: a note with thousands of paragraphs and thousands of links or
     * code spans must not cost their product.
     */
    static List<Span> subtract(List<Span> spans, List<Span> holes) {
        if (holes.isEmpty()) {
            return spans;
        }
        List<Span> sortedSpans = new ArrayList<>(spans);
        sortedSpans.sort((a, b) -> Integer.compare(a.start(), b.start()));
        List<Span> sortedHoles = new ArrayList<>(holes);
        sortedHoles.sort((a, b) -> Integer.compare(a.start(), b.start()));
        List<Span> out = new ArrayList<>();
        for (int i = 1; i < sortedSpans.size(); i++) {
            if (sortedSpans.get(i).start() < sortedSpans.get(i - 1).end()) {
                // Overlapping spans (never made by the parser): each on its own.
                for (Span s : sortedSpans) {
                    out.addAll(subtract(List.of(s), sortedHoles));
                }
                return out;
            }
        }
        int first = 0; // holes before this one end before every span still to come
        int reach = Integer.MIN_VALUE; // the furthest end among holes[0..first)
        for (Span s : sortedSpans) {
            int start = s.start();
            if (reach > start) {
                start = Math.min(s.end(), reach);
            }
            int h = first;
            for (; h < sortedHoles.size(); h++) {
                Span hole = sortedHoles.get(h);
                if (hole.start() >= s.end()) {
                    break;
                }
                if (hole.end() > start) {
                    if (hole.start() > start) {
                        out.add(new Span(start, hole.start()));
                    }
                    start = Math.max(start, Math.min(hole.end(), s.end()));
                }
                reach = Math.max(reach, hole.end());
            }
            first = h;
            if (start < s.end()) {
                out.add(new Span(start, s.end()));
            }
        }
        return out;
    }

    /** {@code [[target]]}, {@code [[target|alias]]} and {@code [[note#heading]]} on one line. */
    private static void findWikiLinks(String text, Span span, List<WikiLink> out, List<Span> taken) {
        int i = span.start();
        while (i + 1 < span.end()) {
            int open = indexOfPair(text, '[', i, span.end());
            if (open < 0) {
                return;
            }
            if (open > 0 && text.charAt(open - 1) == '\\') {
                i = open + 1;
                continue;
            }
            int contentStart = open + 2;
            while (contentStart < span.end() && text.charAt(contentStart) == '[') {
                contentStart++;
                open++;
            }
            int close = -1;
            for (int j = contentStart; j + 1 < span.end(); j++) {
                char c = text.charAt(j);
                if (c == '\n' || c == '\r' || (c == '[' && text.charAt(j + 1) == '[')) {
                    break;
                }
                if (c == ']' && text.charAt(j + 1) == ']') {
                    close = j;
                    break;
                }
            }
            if (close < 0) {
                i = contentStart;
                continue;
            }
            String inner = text.substring(contentStart, close);
            int bar = inner.indexOf('|');
            String targetPart = bar >= 0 ? inner.substring(0, bar) : inner;
            String alias = bar >= 0 ? inner.substring(bar + 1).strip() : null;
            int hash = targetPart.indexOf('#');
            if (hash >= 0) {
                targetPart = targetPart.substring(0, hash);
            }
            int lead = 0;
            while (lead < targetPart.length() && Character.isWhitespace(targetPart.charAt(lead))) {
                lead++;
            }
            String target = targetPart.strip();
            int targetStart = contentStart + lead;
            Span whole = new Span(open, close + 2);
            if (!target.isEmpty()) {
                out.add(new WikiLink(whole, target, new Span(targetStart, targetStart + target.length()), alias));
            }
            taken.add(whole);
            i = close + 2;
        }
    }

    /**
     * The first {@code cc} in {@code text[from, to)}, or -1. Bounded by the span: searching to the
     * end of the note from each of thousands of paragraphs would cost their product.
     */
    private static int indexOfPair(String text, char c, int from, int to) {
        for (int j = from; j + 1 < to; j++) {
            if (text.charAt(j) == c && text.charAt(j + 1) == c) {
                return j;
            }
        }
        return -1;
    }

    private static int indexOf(String text, char c, int from, int to) {
        for (int j = from; j < to; j++) {
            if (text.charAt(j) == c) {
                return j;
            }
        }
        return -1;
    }

    /** Pandoc citations: {@code @key}, {@code [@key, p. 3]}, {@code [-@key]}, {@code @{key}}. */
    private static void findCitations(String text, Span span, List<Citation> out, List<Span> taken) {
        for (int i = span.start(); i < span.end(); i++) {
            if (text.charAt(i) != '@') {
                continue;
            }
            if (i > 0) {
                char before = text.charAt(i - 1);
                if (Character.isLetterOrDigit(before) || before == '_' || before == '@' || before == '\\') {
                    continue;
                }
            }
            int keyStart = i + 1;
            int end;
            String key;
            if (keyStart < span.end() && text.charAt(keyStart) == '{') {
                int close = indexOf(text, '}', keyStart, span.end());
                if (close < 0) {
                    continue;
                }
                key = text.substring(keyStart + 1, close).strip();
                end = close + 1;
            } else {
                int j = keyStart;
                if (j >= span.end() || !(Character.isLetterOrDigit(text.charAt(j)) || text.charAt(j) == '_')) {
                    continue;
                }
                int lastGood = j;
                while (j < span.end()) {
                    char c = text.charAt(j);
                    if (Character.isLetterOrDigit(c) || c == '_') {
                        lastGood = j;
                    } else if (KEY_PUNCTUATION.indexOf(c) < 0) {
                        break;
                    }
                    j++;
                }
                end = lastGood + 1;
                key = text.substring(keyStart, end);
            }
            if (key.isEmpty()) {
                continue;
            }
            Span s = new Span(i, end);
            out.add(new Citation(s, key));
            taken.add(s);
            i = end - 1;
        }
    }
}
