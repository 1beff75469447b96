package dev.papernotes.notes;

import dev.papernotes.notes.NoteModel.Citation;
import dev.papernotes.notes.NoteModel.BlockId;
import dev.papernotes.notes.NoteModel.Heading;
import dev.papernotes.notes.NoteModel.MarkdownLink;
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
        return parse(text, true, null);
    }

    /** @param lines the line starts of {@code text} if known, else null */
    public static NoteModel parse(String text, LineIndex lines) {
        return parse(text, true, lines);
    }

    static NoteModel parse(String text, boolean mask) {
        return parse(text, mask, null);
    }

    /** @param mask whether wiki-link brackets are hidden from CommonMark (tests compare both ways) */
    static NoteModel parse(String text, boolean mask, LineIndex lines) {
        String source = blankFrontMatter(text);
        Node doc = PARSER.parse(mask ? maskWikiBrackets(source) : source);
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
        List<BlockId> blockIds = new ArrayList<>();
        for (Span s : blocks) {
            findBlockIds(text, s, blockIds, taken);
        }
        List<Span> afterLinks = subtract(prose, taken);
        List<Span> citationSpans = new ArrayList<>();
        for (Span s : afterLinks) {
            findCitations(text, s, citations, citationSpans);
        }
        List<Span> mentionProse = subtract(afterLinks, citationSpans);
        List<WikiLink> named = new ArrayList<>(links.size());
        List<NoteModel.Link> all = new ArrayList<>(links.size() + collector.markdownLinks.size());
        for (WikiLink w : links) {
            if (!w.target().isEmpty()) {
                named.add(w);
            }
            all.add(w);
        }
        for (MarkdownLinks.Candidate c : collector.markdownLinks) {
            MarkdownLink m = MarkdownLinks.read(text, c);
            if (m != null) {
                all.add(m);
            }
        }
        all.sort((a, b) -> Integer.compare(a.span().start(), b.span().start()));
        return new NoteModel(text, lines != null ? lines : new LineIndex(text), List.copyOf(named), List.copyOf(citations),
                List.copyOf(mentionProse), List.copyOf(collector.headings(text)),
                List.copyOf(all), List.copyOf(blockIds), FrontMatter.aliases(text));
    }

    /** A model with nothing in it, for a note too large to parse. */
    public static NoteModel unparsed(String text) {
        return new NoteModel(text, new LineIndex(text), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of());
    }

    // Stand-ins for the brackets of a wiki link while CommonMark reads the note: one UTF-16 unit
    // each, so every offset stays where it was, and punctuation that links nothing, so emphasis
    // and bare URLs around them are read as around brackets (U+2E28/U+2E29, double parentheses).
    private static final char MASKED_OPEN = '\u2E28';
    private static final char MASKED_CLOSE = '\u2E29';

    /**
     * Wiki links are the notes' syntax, not CommonMark's: to CommonMark each of their brackets is a
     * link opener or closer to be matched and then merged back into text, which costs tens of
     * milliseconds on a note with 20,000 links. Their brackets are hidden from it (same length, so
     * positions do not move); CommonMark still sees every code span, HTML, Markdown link and block
     * around them. Only plain links between blanks or sentence punctuation are hidden: not brackets
     * glued to a word ({@code \\[[}, {@code path/[[x]]}, {@code [[x]]@host}: an autolinked URL or
     * address decides its extent by brackets), nor nested ones, nor {@code [[x]](url)} /
     * {@code [[x]][ref]}, which CommonMark reads as a Markdown link whose text is {@code [x]}.
     */
    static String maskWikiBrackets(String source) {
        if (source.indexOf(MASKED_OPEN) >= 0 || source.indexOf(MASKED_CLOSE) >= 0) {
            return source; // the stand-ins must mean nothing else, or they could not be put back
        }
        char[] chars = null;
        int n = source.length();
        int i = source.indexOf("[[");
        while (i >= 0) {
            int close = -1;
            for (int j = i + 2; j + 1 < n; j++) {
                char c = source.charAt(j);
                if (c == '\n' || c == '\r' || c == '[') {
                    break; // only plain [[target]] on one line: anything else stays CommonMark's
                }
                if (c == ']') {
                    close = source.charAt(j + 1) == ']' ? j : -1;
                    break;
                }
            }
            if (close < 0) {
                i = source.indexOf("[[", i + 2);
                continue;
            }
            char after = close + 2 < n ? source.charAt(close + 2) : ' ';
            if (standsAlone(source, i) && (Character.isWhitespace(after) || ".,;:!?)*_\"'".indexOf(after) >= 0)) {
                if (chars == null) {
                    chars = source.toCharArray();
                }
                chars[i] = MASKED_OPEN;
                chars[i + 1] = MASKED_OPEN;
                chars[close] = MASKED_CLOSE;
                chars[close + 1] = MASKED_CLOSE;
            }
            i = source.indexOf("[[", close + 2);
        }
        return chars == null ? source : new String(chars);
    }

    /**
     * Whether the {@code [[} at {@code i} starts after a blank (or a blank and one of {@code !(*_}).
     * Glued to a word it may end a bare URL ({@code www.x.org/[[a]]}), whose extent the autolinker
     * decides by brackets: those are left as they are.
     */
    private static boolean standsAlone(String source, int i) {
        int before = i;
        if (before > 0 && "!(*_".indexOf(source.charAt(before - 1)) >= 0) {
            before--;
        }
        return before == 0 || Character.isWhitespace(source.charAt(before - 1));
    }

    /** A literal CommonMark read from the masked source, with its wiki-link brackets back. */
    private static String unmask(String literal) {
        return literal.indexOf(MASKED_OPEN) < 0 && literal.indexOf(MASKED_CLOSE) < 0 ? literal
                : literal.replace(MASKED_OPEN, '[').replace(MASKED_CLOSE, ']');
    }

    /**
     * YAML front matter ({@code ---} first line up to a {@code ---} or {@code ...} line) becomes
     * spaces, so CommonMark does not read it as a heading and offsets stay where they were.
     */
    static String blankFrontMatter(String text) {
        int end = FrontMatter.end(text);
        if (end < 0) {
            return text;
        }
        char[] chars = text.toCharArray();
        for (int i = 0; i < end; i++) {
            if (chars[i] != '\n' && chars[i] != '\r') {
                chars[i] = ' ';
            }
        }
        return new String(chars);
    }

    /** Walks the tree once, noting prose blocks, headings and what inside them is not prose. */
    private static final class Collector extends AbstractVisitor {
        final List<Span> blockSpans = new ArrayList<>();
        final List<Span> excluded = new ArrayList<>();
        final List<org.commonmark.node.Heading> headingNodes = new ArrayList<>();
        final List<MarkdownLinks.Candidate> markdownLinks = new ArrayList<>();

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
            excludeDestination(link, unmask(link.getDestination()));
            MarkdownLinks.Candidate c = MarkdownLinks.candidate(link, false);
            if (c != null) {
                markdownLinks.add(c);
            }
            visitChildren(link);
        }

        @Override
        public void visit(Image image) {
            // Alt text is not prose a reader sees; the destination never is.
            addSpans(image, excluded);
            MarkdownLinks.Candidate c = MarkdownLinks.candidate(image, true);
            if (c != null) {
                markdownLinks.add(c);
            }
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
                    sb.append(unmask(t.getLiteral()));
                } else if (n instanceof Code c) {
                    sb.append(unmask(c.getLiteral()));
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
     * {@code spans} minus every range in {@code holes}; both may be unsorted. The holes are merged
     * into disjoint sorted ranges first, so each span finds its holes by binary search: a note with
     * twenty thousand links costs a sort, not spans times holes.
     */
    static List<Span> subtract(List<Span> spans, List<Span> holes) {
        if (holes.isEmpty()) {
            return spans;
        }
        List<Span> sorted = new ArrayList<>(holes);
        sorted.sort((a, b) -> Integer.compare(a.start(), b.start()));
        List<Span> merged = new ArrayList<>(sorted.size());
        for (Span h : sorted) {
            if (h.end() <= h.start()) {
                continue;
            }
            if (!merged.isEmpty() && h.start() <= merged.get(merged.size() - 1).end()) {
                Span last = merged.get(merged.size() - 1);
                merged.set(merged.size() - 1, new Span(last.start(), Math.max(last.end(), h.end())));
            } else {
                merged.add(h);
            }
        }
        List<Span> out = new ArrayList<>();
        for (Span s : spans) {
            int lo = 0;
            int hi = merged.size();
            while (lo < hi) { // the first hole that ends after the span starts
                int mid = (lo + hi) >>> 1;
                if (merged.get(mid).end() <= s.start()) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            int start = s.start();
            for (int i = lo; i < merged.size() && merged.get(i).start() < s.end(); i++) {
                Span h = merged.get(i);
                if (h.start() > start) {
                    out.add(new Span(start, h.start()));
                }
                start = Math.max(start, h.end());
            }
            if (start < s.end()) {
                out.add(new Span(start, s.end()));
            }
        }
        return out;
    }

    /**
     * {@code [[target]]}, {@code [[target|alias]]}, {@code [[note#heading]]}, {@code [[note#^block]]},
     * {@code [[#heading]]} and embeds {@code ![[target]]}, each on one line. In a table cell the bar
     * is written {@code \\|}; it separates the alias there too.
     */
    private static void findWikiLinks(String text, Span span, List<WikiLink> out, List<Span> taken) {
        int i = span.start();
        while (i + 1 < span.end()) {
            int open = indexOf(text, '[', i, span.end() - 1);
            while (open >= 0 && text.charAt(open + 1) != '[') {
                open = indexOf(text, '[', open + 1, span.end() - 1);
            }
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
            boolean embed = open > span.start() && text.charAt(open - 1) == '!'
                    && !(open - 1 > 0 && text.charAt(open - 2) == '\\');
            int bar = indexOf(text, '|', contentStart, close);
            int targetEnd = bar >= 0 ? bar : close;
            if (bar >= 0 && bar > contentStart && text.charAt(bar - 1) == '\\') {
                targetEnd = bar - 1; // [[note\\|alias]] in a table
            }
            String alias = null;
            Span aliasSpan = null;
            if (bar >= 0) {
                Span a = trimmed(text, bar + 1, close);
                alias = text.substring(a.start(), a.end());
                aliasSpan = a;
            }
            int hash = indexOf(text, '#', contentStart, targetEnd);
            String anchor = null;
            Span anchorSpan = null;
            int nameEnd = targetEnd;
            if (hash >= 0 && hash < targetEnd) {
                nameEnd = hash;
                Span a = trimmed(text, hash + 1, targetEnd);
                anchor = text.substring(a.start(), a.end());
                anchorSpan = a;
            }
            Span t = trimmed(text, contentStart, nameEnd);
            String target = text.substring(t.start(), t.end());
            Span whole = new Span(embed ? open - 1 : open, close + 2);
            if (!target.isEmpty() || (anchor != null && !anchor.isEmpty())) {
                out.add(new WikiLink(whole, target, t, alias, embed, anchor, anchorSpan, aliasSpan));
            }
            taken.add(whole);
            i = close + 2;
        }
    }

    /** The first {@code c} in {@code [from, to)}, or -1: searches never run past the range they are about. */
    private static int indexOf(String text, char c, int from, int to) {
        for (int i = Math.max(0, from); i < to; i++) {
            if (text.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    private static Span trimmed(String text, int start, int end) {
        int s = start;
        int e = end;
        while (s < e && Character.isWhitespace(text.charAt(s))) {
            s++;
        }
        while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
            e--;
        }
        return new Span(s, e);
    }

    /**
     * Obsidian block ids: {@code ^id} (letters, digits, dashes) ending a line of a paragraph or list
     * item, after a space or alone on its line. They are markers, not prose.
     */
    private static void findBlockIds(String text, Span block, List<BlockId> out, List<Span> taken) {
        int pos = block.start();
        while (pos < block.end()) {
            int end = Math.min(Lines.end(text, pos), block.end());
            int e = end;
            while (e > pos && (text.charAt(e - 1) == ' ' || text.charAt(e - 1) == '\t')) {
                e--;
            }
            int s = e;
            while (s > pos && isBlockIdChar(text.charAt(s - 1))) {
                s--;
            }
            if (s < e && s > pos && text.charAt(s - 1) == '^') {
                int caret = s - 1;
                boolean alone = text.substring(pos, caret).isBlank();
                if (alone || text.charAt(caret - 1) == ' ' || text.charAt(caret - 1) == '\t') {
                    out.add(new BlockId(text.substring(s, e), new Span(caret, e)));
                    taken.add(new Span(caret, e));
                }
            }
            pos = Lines.next(text, end);
            if (pos <= end && end >= block.end()) {
                break;
            }
        }
    }

    private static boolean isBlockIdChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
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
