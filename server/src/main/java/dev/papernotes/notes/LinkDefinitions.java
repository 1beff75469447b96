package dev.papernotes.notes;

/**
 * Whether a note may hold a link reference definition ({@code [label]: url}), which turns
 * {@code [label]} anywhere in the note into a link, so that no part of such a note parses on its own
 * as it does within the whole. A {@code ]:} alone says little: reading lists write
 * {@code - [[Paper]]: what it did} on every line, and a label holds no unescaped bracket, so those
 * are no definitions. This answers "maybe" for every line that could start one, whatever container
 * (list item, block quote) it sits in; it may say maybe where CommonMark finds none, never the
 * other way round.
 */
final class LinkDefinitions {
    private LinkDefinitions() {
    }

    /** False only when no line of {@code text} (its line starts {@code lines}) can start a link reference definition. */
    static boolean mayDefine(String text, LineIndex lines) {
        if (text.indexOf("]:") < 0) {
            return false; // every definition has one
        }
        for (int i = 0; i < lines.lineCount(); i++) {
            if (mayStartDefinition(text, lines.lineStart(i), lines.lineEnd(i))) {
                return true;
            }
        }
        return false;
    }

    /** Whether the line {@code [pos, end)} may open a definition, past any container markers. */
    static boolean mayStartDefinition(String text, int pos, int end) {
        int i = skipContainers(text, pos, end);
        if (i >= end || text.charAt(i) != '[') {
            return false;
        }
        // The label: no unescaped bracket in it, closed by "]:".
        for (int j = i + 1; j < end; j++) {
            char c = text.charAt(j);
            if (c == '\\') {
                j++;
            } else if (c == '[') {
                return false; // [[Paper]]: a label holds no bracket
            } else if (c == ']') {
                return j + 1 < end && text.charAt(j + 1) == ':' && destinationMayEndDefinition(text, j + 2, end);
            }
        }
        return true; // a label may go on over the next lines
    }

    /**
     * After {@code ]:}: a destination, then nothing, or a title. A definition's line holds nothing
     * else, so {@code [^1]: See the paper.} is text, while {@code [^1]: https://x} defines.
     */
    private static boolean destinationMayEndDefinition(String text, int from, int end) {
        int i = skipSpaces(text, from, end);
        if (i >= end || text.charAt(i) == '<') {
            return true; // the destination on the next line, or one that may hold spaces
        }
        while (i < end && text.charAt(i) != ' ' && text.charAt(i) != '\t') {
            i++;
        }
        i = skipSpaces(text, i, end);
        if (i >= end) {
            return true;
        }
        char c = text.charAt(i);
        return c == '"' || c == '\'' || c == '(';
    }

    /** Past indentation, block quote markers and list item markers, however nested. */
    private static int skipContainers(String text, int pos, int end) {
        int i = pos;
        while (true) {
            i = skipSpaces(text, i, end);
            if (i >= end) {
                return i;
            }
            char c = text.charAt(i);
            if (c == '>') {
                i++;
            } else if ((c == '-' || c == '*' || c == '+') && (i + 1 >= end || isSpace(text.charAt(i + 1)))) {
                i++;
            } else if (c >= '0' && c <= '9') {
                int j = i;
                while (j < end && j - i < 9 && text.charAt(j) >= '0' && text.charAt(j) <= '9') {
                    j++;
                }
                if (j < end && (text.charAt(j) == '.' || text.charAt(j) == ')')
                        && (j + 1 >= end || isSpace(text.charAt(j + 1)))) {
                    i = j + 1;
                } else {
                    return i;
                }
            } else {
                return i;
            }
        }
    }

    private static int skipSpaces(String text, int i, int end) {
        while (i < end && isSpace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t';
    }
}
