package dev.papernotes.features;

import dev.papernotes.index.Suggester.Scope;
import dev.papernotes.notes.LocalParse;
import dev.papernotes.notes.NoteModel;
import dev.papernotes.workspace.NoteDocument;

/**
 * Where the cursor is, as completion sees it: inside {@code [[}, after {@code @}, or on a word in
 * prose; what has been typed there; and the range an accepted item replaces.
 *
 * @param replaceEnd end of the replaced text: past the cursor when an editor already closed the
 *                   link with {@code ]]}
 * @param closed     whether {@code ]]} already follows (then the item must not add another)
 */
public record CompletionContext(Scope scope, String typed, int start, int cursor, int replaceEnd, boolean closed) {
    private static final String CITEKEY_PUNCTUATION = ":.#$%&-+?<>~/";

    /**
     * The context at {@code cursor} in a note. Parses only the cursor's paragraph (see
     * {@link LocalParse}), unless the note is parsed already or only a whole parse is exact.
     */
    public static CompletionContext at(NoteDocument doc, int cursor) {
        NoteModel parsed = doc.parsedModel();
        if (parsed != null || doc.tooLarge()) {
            return at(doc.model(), cursor);
        }
        LocalParse.Window w = LocalParse.around(doc.text(), doc.lines(), cursor);
        if (w == null) {
            return at(doc.model(), cursor);
        }
        CompletionContext c = at(w.model(), cursor - w.start());
        return c == null ? null : c.shifted(w.start());
    }

    /** The same context, its offsets moved by {@code delta}. */
    CompletionContext shifted(int delta) {
        return delta == 0 ? this
                : new CompletionContext(scope, typed, start + delta, cursor + delta, replaceEnd + delta, closed);
    }

    /** The context at {@code cursor}, or null where nothing is completed (code, URLs, plain space). */
    public static CompletionContext at(NoteModel model, int cursor) {
        String text = model.text();
        int lineStart = model.lines().lineStart(model.lines().line(cursor));
        CompletionContext wiki = wikiAt(model, text, lineStart, cursor);
        if (wiki != null) {
            return wiki;
        }
        int i = cursor;
        while (i > lineStart && isKeyChar(text.charAt(i - 1))) {
            i--;
        }
        if (i > lineStart && text.charAt(i - 1) == '@'
                && (i - 1 == lineStart || !Character.isLetterOrDigit(text.charAt(i - 2)))
                && (model.inProse(i - 1) || model.citationAt(i - 1) != null)) {
            int end = cursor;
            while (end < text.length() && isKeyChar(text.charAt(end))) {
                end++;
            }
            return new CompletionContext(Scope.CITEKEY, text.substring(i, cursor), i, cursor, end, false);
        }
        int w = cursor;
        while (w > lineStart && isWordChar(text.charAt(w - 1))) {
            w--;
        }
        while (w < cursor && !Character.isLetterOrDigit(text.charAt(w))) {
            w++;
        }
        if (w < cursor && model.inProse(w)) {
            int end = cursor;
            while (end < text.length() && Character.isLetterOrDigit(text.charAt(end))) {
                end++;
            }
            return new CompletionContext(Scope.PROSE, text.substring(w, cursor), w, cursor, end, false);
        }
        return null;
    }

    private static CompletionContext wikiAt(NoteModel model, String text, int lineStart, int cursor) {
        int open = lastOpen(text, lineStart, cursor);
        if (open < lineStart) {
            return null;
        }
        int start = open + 2;
        String typed = text.substring(start, cursor);
        if (typed.contains("]]") || typed.contains("|") || typed.contains("[[")) {
            return null;
        }
        if (!model.inProse(open) && model.wikiLinkAt(open) == null) {
            return null;
        }
        int lineEnd = model.lines().lineEnd(model.lines().line(cursor));
        int close = firstClose(text, cursor, lineEnd);
        boolean closed = false;
        int end = cursor;
        if (close >= 0 && close <= lineEnd) {
            String between = text.substring(cursor, close);
            if (!between.contains("[") && !between.contains("|") && !between.contains("#")) {
                end = close + 2;
                closed = true;
            }
        }
        return new CompletionContext(Scope.WIKI, typed, start, cursor, end, closed);
    }

    /** The last {@code [[} that starts before the cursor on its line; -1 if none. Never scans other lines. */
    private static int lastOpen(String text, int lineStart, int cursor) {
        for (int i = Math.min(cursor, text.length()) - 2; i >= lineStart; i--) {
            if (text.charAt(i) == '[' && text.charAt(i + 1) == '[') {
                return i;
            }
        }
        return -1;
    }

    /** The first {@code ]]} at or after the cursor that starts before {@code lineEnd}; -1 if none. */
    private static int firstClose(String text, int cursor, int lineEnd) {
        for (int i = cursor; i + 1 < text.length() && i <= lineEnd; i++) {
            if (text.charAt(i) == ']' && text.charAt(i + 1) == ']') {
                return i;
            }
        }
        return -1;
    }

    private static boolean isKeyChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || CITEKEY_PUNCTUATION.indexOf(c) >= 0 && c != '<' && c != '>';
    }

    static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '-' || c == '+' || c == '.' || c == '_';
    }
}
