package dev.papernotes.notes;

import dev.papernotes.notes.NoteModel.MarkdownLink;
import dev.papernotes.notes.NoteModel.Span;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;

/**
 * Markdown links and images whose destination is a local path ({@code [text](note.md#heading)},
 * {@code [text](<note with spaces.md>)}, {@code ![](image%20one.png)}), read from the source so that
 * the path's own position is known: rename rewrites exactly the path and keeps the rest.
 */
public final class MarkdownLinks {
    /** A URI scheme ({@code https:}, {@code mailto:}, {@code obsidian:}); one letter would be a drive. */
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]{1,31}:");

    /** Where a link node sits in the source, and where its text ends (the {@code ]}). */
    record Candidate(int start, int end, int textEnd, boolean image) {
    }

    private MarkdownLinks() {
    }

    static Candidate candidate(Node link, boolean image) {
        List<SourceSpan> spans = link.getSourceSpans();
        if (spans.isEmpty()) {
            return null;
        }
        SourceSpan first = spans.get(0);
        SourceSpan last = spans.get(spans.size() - 1);
        int start = first.getInputIndex();
        int end = last.getInputIndex() + last.getLength();
        int textEnd;
        Node lastChild = link.getLastChild();
        if (lastChild == null) {
            textEnd = start + (image ? 2 : 1);
        } else if (lastChild.getSourceSpans().isEmpty()) {
            return null;
        } else {
            List<SourceSpan> cs = lastChild.getSourceSpans();
            SourceSpan c = cs.get(cs.size() - 1);
            textEnd = c.getInputIndex() + c.getLength();
        }
        return new Candidate(start, end, textEnd, image);
    }

    /** The link to a local path, or null for a URL, a reference link, or anything unreadable. */
    static MarkdownLink read(String text, Candidate c) {
        int p = c.textEnd();
        if (p + 1 >= c.end() || text.charAt(p) != ']' || text.charAt(p + 1) != '(') {
            return null; // [text][ref] or [ref]: the destination is elsewhere
        }
        p += 2;
        boolean newline = false;
        while (p < c.end()) {
            char ch = text.charAt(p);
            if (ch == ' ' || ch == '\t') {
                p++;
            } else if ((ch == '\n' || ch == '\r') && !newline) {
                newline = true;
                p++;
                if (ch == '\r' && p < c.end() && text.charAt(p) == '\n') {
                    p++;
                }
            } else {
                break;
            }
        }
        if (p >= c.end()) {
            return null;
        }
        int rawStart;
        int rawEnd;
        boolean angled = text.charAt(p) == '<';
        if (angled) {
            rawStart = p + 1;
            int q = rawStart;
            while (q < c.end() && text.charAt(q) != '>' && text.charAt(q) != '\n' && text.charAt(q) != '\r') {
                q += text.charAt(q) == '\\' ? 2 : 1;
            }
            if (q >= c.end() || text.charAt(q) != '>') {
                return null;
            }
            rawEnd = q;
        } else {
            rawStart = p;
            int depth = 0;
            int q = p;
            while (q < c.end()) {
                char ch = text.charAt(q);
                if (ch == '\\' && q + 1 < c.end()) {
                    q += 2;
                    continue;
                }
                if (Character.isWhitespace(ch) || Character.isISOControl(ch)) {
                    break;
                }
                if (ch == '(') {
                    depth++;
                } else if (ch == ')') {
                    if (depth == 0) {
                        break;
                    }
                    depth--;
                }
                q++;
            }
            rawEnd = Math.min(q, c.end());
        }
        String raw = text.substring(rawStart, rawEnd);
        if (raw.isEmpty() || raw.startsWith("//") || SCHEME.matcher(raw).find()) {
            return null;
        }
        int hash = raw.indexOf('#');
        String pathRaw = hash >= 0 ? raw.substring(0, hash) : raw;
        String anchorRaw = hash >= 0 ? raw.substring(hash + 1) : null;
        Span targetSpan = new Span(rawStart, rawStart + pathRaw.length());
        Span anchorSpan = anchorRaw == null ? null : new Span(rawStart + hash + 1, rawEnd);
        String target = decode(pathRaw);
        String anchor = anchorRaw == null ? null : decode(anchorRaw);
        if (target.isEmpty() && (anchor == null || anchor.isEmpty())) {
            return null;
        }
        boolean encoded = pathRaw.matches(".*%[0-9A-Fa-f]{2}.*");
        return new MarkdownLink(new Span(c.start(), c.end()), target, targetSpan, anchor, anchorSpan, c.image(),
                angled, encoded);
    }

    /** Backslash escapes and percent-encoding undone (invalid sequences are kept as written). */
    public static String decode(String s) {
        if (s.indexOf('\\') < 0 && s.indexOf('%') < 0) {
            return s;
        }
        StringBuilder unescaped = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\\' && i + 1 < s.length() && isAsciiPunctuation(s.charAt(i + 1))) {
                unescaped.append(s.charAt(++i));
            } else {
                unescaped.append(ch);
            }
        }
        String u = unescaped.toString();
        if (u.indexOf('%') < 0) {
            return u;
        }
        StringBuilder out = new StringBuilder(u.length());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int i = 0;
        while (i < u.length()) {
            if (u.charAt(i) == '%' && i + 2 < u.length() && hex(u.charAt(i + 1)) >= 0 && hex(u.charAt(i + 2)) >= 0) {
                bytes.reset();
                while (i + 2 < u.length() && u.charAt(i) == '%' && hex(u.charAt(i + 1)) >= 0 && hex(u.charAt(i + 2)) >= 0) {
                    bytes.write(hex(u.charAt(i + 1)) * 16 + hex(u.charAt(i + 2)));
                    i += 3;
                }
                out.append(new String(bytes.toByteArray(), StandardCharsets.UTF_8));
            } else {
                out.append(u.charAt(i++));
            }
        }
        return out.toString();
    }

    /**
     * A path as a Markdown destination: spaces and the characters that would end or confuse one
     * percent-encoded, as Obsidian writes them ({@code my%20note.md}).
     */
    public static String encode(String path) {
        StringBuilder sb = new StringBuilder(path.length() + 8);
        for (int i = 0; i < path.length(); i++) {
            char ch = path.charAt(i);
            switch (ch) {
                case ' ' -> sb.append("%20");
                case '(' -> sb.append("%28");
                case ')' -> sb.append("%29");
                case '<' -> sb.append("%3C");
                case '>' -> sb.append("%3E");
                case '#' -> sb.append("%23");
                case '%' -> sb.append("%25");
                case '\t' -> sb.append("%09");
                default -> sb.append(ch);
            }
        }
        return sb.toString();
    }

    /**
     * A heading as a Markdown link fragment, the way GitHub and most previewers make it: lower
     * case, punctuation other than {@code -} and {@code _} dropped, spaces to dashes.
     */
    public static String slug(String heading) {
        StringBuilder sb = new StringBuilder(heading.length());
        String h = heading.strip().toLowerCase(java.util.Locale.ROOT);
        for (int i = 0; i < h.length(); ) {
            int cp = h.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp) || cp == '-' || cp == '_') {
                sb.appendCodePoint(cp);
            } else if (Character.isWhitespace(cp)) {
                sb.append('-');
            }
        }
        return sb.toString();
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private static boolean isAsciiPunctuation(char c) {
        return c < 128 && !Character.isLetterOrDigit(c) && !Character.isWhitespace(c) && !Character.isISOControl(c);
    }
}
