package dev.papernotes.notes;

/**
 * The part of a note around one offset that CommonMark parses the same on its own as within the
 * whole note: from the nearest line above that starts a block afresh to the end of the offset's
 * paragraph. Completion parses only this, so a keystroke costs its paragraph, not the note.
 *
 * <p>A line starts a block afresh when it is the first line, or follows a blank line and starts at
 * column 0 with something other than {@code ---}, outside front matter, fenced code and the HTML
 * blocks that run across blank lines (comments, {@code <pre>}, {@code <script>}, ...): no
 * container (list item, block quote) and no open block reaches past such a line. Finding it takes a
 * scan of line starts from the top, a few character tests a line. Where a note may have link
 * reference definitions ({@code [x]: url}; {@link LinkDefinitions}), which make links anywhere, or
 * where the scan cannot tell what
 * CommonMark sees (a fence or HTML block opened inside a list item, which the item's end may close),
 * the whole note is parsed. {@link NoteChunks} splits a whole note at the same lines.
 */
public final class LocalParse {
    /** Beyond this many lines up or down the whole note is parsed (a very long list or block). */
    static final int MAX_LINES = 400;

    private LocalParse() {
    }

    /**
     * A parse of part of a note.
     *
     * @param start offset of {@code model}'s text in the note
     * @param model the parse of {@code note[start, start + model.text().length())}, offsets relative to {@code start}
     */
    public record Window(int start, NoteModel model) {
    }

    /** What the block scan knows at a line start. */
    private enum Open {
        NONE, FRONT_MATTER, FENCE, HTML,
        /** An HTML block that ends at a blank line (CommonMark types 6 and 7): no fence opens in it. */
        HTML_TO_BLANK
    }

    private static final java.util.Set<String> BLOCK_TAGS = java.util.Set.of("address", "article", "aside", "base",
            "basefont", "blockquote", "body", "caption", "center", "col", "colgroup", "dd", "details", "dialog", "dir",
            "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "frame", "frameset", "h1", "h2",
            "h3", "h4", "h5", "h6", "head", "header", "hr", "html", "iframe", "legend", "li", "link", "main", "menu",
            "menuitem", "nav", "noframes", "ol", "optgroup", "option", "p", "param", "search", "section", "summary",
            "table", "tbody", "td", "tfoot", "th", "thead", "title", "tr", "track", "ul");
    /** A whole line that is one open or closing tag (CommonMark's HTML block type 7), roughly. */
    private static final java.util.regex.Pattern LONE_TAG = java.util.regex.Pattern.compile(
            "</?[A-Za-z][A-Za-z0-9-]*(\\s+[A-Za-z_:][^<>]*?)?\\s*/?>[ \\t]*");

    /**
     * The window around {@code offset}: its paragraph parsed, or the offset's line with nothing in
     * it when that line is code, front matter or HTML; null when only a parse of the whole note is
     * exact.
     */
    public static Window around(String text, int offset) {
        return around(text, new LineIndex(text), offset);
    }

    /** As {@link #around(String, int)}, with the note's line starts (kept from edit to edit): a line costs its first characters. */
    public static Window around(String text, LineIndex lines, int offset) {
        if (LinkDefinitions.mayDefine(text, lines)) {
            return null; // a link reference definition could turn brackets anywhere into links
        }
        int cursor = Math.max(0, Math.min(text.length(), offset));
        BlockScan scan = new BlockScan(text, lines);
        int safeStart = 0;
        int cursorLineStart = -1;
        do {
            scan.readLine();
            if (scan.startsAfresh()) {
                safeStart = scan.pos;
            }
            if (cursor >= scan.pos && cursor <= scan.end) {
                if (scan.uncertain) {
                    return null;
                }
                // An HTML block that ends at a blank line is left to the parse of the window, which starts
                // at or above its first line: a misjudged tag here then costs nothing.
                if (scan.atStart != Open.NONE && scan.atStart != Open.HTML_TO_BLANK
                        || scan.open != Open.NONE && scan.open != Open.HTML_TO_BLANK) {
                    // Inside (or opening) code, front matter or HTML: no prose on this line.
                    return new Window(scan.pos, NoteParser.unparsed(text.substring(scan.pos, scan.end)));
                }
                cursorLineStart = scan.pos;
                break;
            }
        } while (scan.nextLine());
        if (cursorLineStart < 0) {
            return null;
        }
        int line = lines.line(cursorLineStart);
        if (line - lines.line(safeStart) > MAX_LINES) {
            return null;
        }
        // Down to the end of the cursor's paragraph: the next blank line.
        int stop = lines.lineEnd(line);
        int below = 0;
        while (stop < text.length() && below++ < MAX_LINES) {
            int next = lines.lineStart(line + 1);
            int nextEnd = lines.lineEnd(line + 1);
            if (next >= text.length() || isBlank(text, next, nextEnd)) {
                break;
            }
            stop = nextEnd;
            line++;
        }
        if (below > MAX_LINES) {
            return null;
        }
        return new Window(safeStart, NoteParser.parse(text.substring(safeStart, stop)));
    }

    /**
     * The offsets of the lines where a block starts afresh (see the class comment), and 0: each
     * stretch between two parses on its own as it does within the note. Null when that does not
     * hold or the scan cannot tell (link reference definitions; see {@code BlockScan.uncertain}).
     */
    static int[] freshStarts(String text, LineIndex lines) {
        if (LinkDefinitions.mayDefine(text, lines)) {
            return null;
        }
        int[] starts = new int[16];
        int n = 0;
        BlockScan scan = new BlockScan(text, lines);
        do {
            scan.readLine();
            // The first stretch starts at the top, whatever its first line is.
            if (scan.pos == 0 || scan.startsAfresh()) {
                if (n == starts.length) {
                    starts = java.util.Arrays.copyOf(starts, n * 2);
                }
                starts[n++] = scan.pos;
            }
        } while (scan.nextLine());
        return scan.uncertain ? null : java.util.Arrays.copyOf(starts, n);
    }

    /** A walk over a note's lines that knows, at each, what block is open. */
    private static final class BlockScan {
        final String text;
        Open open = Open.NONE;
        /** What was open when the current line began. */
        Open atStart = Open.NONE;
        int pos;
        int end;
        boolean blank;
        private boolean previousBlank = true;
        private int lineNo;
        private char fenceChar;
        private int fenceLength;
        private String htmlEnd;
        /** Indentation of the line that opened the open block. */
        private int openIndent;
        /** Set once the scan cannot tell what CommonMark sees (see {@code checkCertain}). */
        boolean uncertain;

        /** The note's line starts: where each line ends, without looking for it. */
        private final LineIndex lines;

        BlockScan(String text, LineIndex lines) {
            this.text = text;
            this.lines = lines;
        }

        /** Reads the line at {@link #pos}: where it ends, and where it leaves the scan. */
        void readLine() {
            end = lines.lineEnd(lineNo);
            blank = isBlank(text, pos, end);
            atStart = open;
            if (open != Open.NONE && open != Open.FRONT_MATTER && !blank) {
                checkCertain();
            }
            switch (open) {
                case FRONT_MATTER -> {
                    String l = text.substring(pos, end).strip();
                    if (l.equals("---") || l.equals("...")) {
                        open = Open.NONE;
                    }
                }
                case FENCE -> {
                    if (closesFence(text, pos, end, fenceChar, fenceLength)) {
                        open = Open.NONE;
                    }
                }
                case HTML -> {
                    if (endsHtml(text, pos, end, htmlEnd)) {
                        open = Open.NONE;
                    }
                }
                case HTML_TO_BLANK -> {
                    if (blank) {
                        open = Open.NONE;
                    }
                }
                case NONE -> {
                    // only a "---" line that a "---" or "..." line closes starts front matter
                    if (lineNo == 0 && FrontMatter.fence(text, Integer.MAX_VALUE) != null) {
                        open = Open.FRONT_MATTER;
                    } else {
                        int ind = indent(text, pos, end);
                        if (ind <= 3) {
                            int p = pos + ind;
                            int fence = fenceRun(text, p, end);
                            if (fence >= 3) {
                                open = Open.FENCE;
                                fenceChar = text.charAt(p);
                                fenceLength = fence;
                            } else {
                                htmlEnd = htmlBlockEnd(text, p, end);
                                if (htmlEnd != null && !endsHtml(text, p + 2, end, htmlEnd)) {
                                    open = Open.HTML;
                                } else if (htmlEnd == null && htmlToBlank(text, p, end)) {
                                    // A lone tag under a line that is not blank is an HTML block unless
                                    // that line is a paragraph's, which the scan does not tell apart (after
                                    // a heading or a rule it is not). Both end at a blank line; what only
                                    // one of them would let open is checked line by line.
                                    open = Open.HTML_TO_BLANK;
                                }
                            }
                            openIndent = ind;
                        }
                    }
                }
            }
        }

        /**
         * A line inside an open block that CommonMark may read otherwise than the scan. A fence or
         * raw HTML block opened indented may be in a list item: a less indented line ends the item
         * and the block with it, and a fence's closing run may be indented past where the scan looks.
         * What the scan takes for an HTML block that ends at a blank line may be a paragraph (or the
         * reverse): a fence or a raw HTML block opening in it would run past the blank line.
         */
        private void checkCertain() {
            int ind = indent(text, pos, end);
            if (open == Open.HTML_TO_BLANK) {
                // Whatever it is, it ends at a blank line, unless this line opens a block that does not.
                uncertain |= ind <= 3 && (fenceRun(text, pos + ind, end) >= 3 || htmlBlockEnd(text, pos + ind, end) != null);
            } else if (openIndent > 0 && ind < openIndent) {
                uncertain = true;
            } else if (open == Open.FENCE) {
                uncertain |= openIndent > 0 && ind > 3 && ind <= openIndent + 3
                        && fenceRun(text, pos + ind, end) >= fenceLength && text.charAt(pos + ind) == fenceChar;
            }
        }

        boolean startsAfresh() {
            return atStart == Open.NONE && !blank && (lineNo == 0 || previousBlank && startsAtColumnZero(text, pos, end));
        }

        /** Moves to the next line; false after the last. */
        boolean nextLine() {
            // The parse reads front matter as blank lines (NoteParser.blankFrontMatter).
            previousBlank = blank || atStart == Open.FRONT_MATTER;
            lineNo++;
            if (end >= text.length()) {
                return false;
            }
            pos = lines.lineStart(lineNo);
            return true;
        }
    }

    private static boolean startsAtColumnZero(String text, int pos, int end) {
        if (pos >= end) {
            return false;
        }
        char c = text.charAt(pos);
        if (c == ' ' || c == '\t') {
            return false;
        }
        // "---" after a blank line is a thematic break here, but front matter to a parse that starts on it.
        return !text.substring(pos, end).strip().equals("---");
    }

    private static int fenceRun(String text, int p, int end) {
        if (p >= end) {
            return 0;
        }
        char c = text.charAt(p);
        if (c != '`' && c != '~') {
            return 0;
        }
        int n = 0;
        while (p + n < end && text.charAt(p + n) == c) {
            n++;
        }
        if (n >= 3 && c == '`' && text.indexOf('`', p + n) >= 0 && text.indexOf('`', p + n) < end) {
            return 0; // a backtick fence's info string has no backtick: this is inline code
        }
        return n;
    }

    private static boolean closesFence(String text, int pos, int end, char c, int length) {
        int ind = indent(text, pos, end);
        if (ind > 3) {
            return false;
        }
        int p = pos + ind;
        int n = 0;
        while (p + n < end && text.charAt(p + n) == c) {
            n++;
        }
        return n >= length && isBlank(text, p + n, end);
    }

    private static final String[] RAW_TAGS = {"script", "pre", "style", "textarea"};
    /** The end of an HTML block of type 1: the end tag of any of {@link #RAW_TAGS}, not only its own. */
    private static final String RAW_END = "</raw>";

    private static boolean endsHtml(String text, int from, int end, String marker) {
        if (marker != RAW_END) {
            return containsIgnoreCase(text, from, end, marker);
        }
        for (String tag : RAW_TAGS) {
            if (containsIgnoreCase(text, from, end, "</" + tag + ">")) {
                return true;
            }
        }
        return false;
    }

    /** The end marker of an HTML block of types 1-5 starting at {@code p}, or null. */
    private static String htmlBlockEnd(String text, int p, int end) {
        if (p >= end || text.charAt(p) != '<') {
            return null;
        }
        String rest = text.substring(p, Math.min(end, p + 12)).toLowerCase(java.util.Locale.ROOT);
        for (String tag : RAW_TAGS) {
            if (rest.startsWith("<" + tag)) {
                int after = p + 1 + tag.length();
                if (after >= end || text.charAt(after) == '>' || Character.isWhitespace(text.charAt(after))) {
                    return RAW_END;
                }
            }
        }
        if (rest.startsWith("<!--")) {
            return "-->";
        }
        if (rest.startsWith("<?")) {
            return "?>";
        }
        if (rest.startsWith("<![cdata[")) {
            return "]]>";
        }
        if (rest.length() > 2 && rest.startsWith("<!") && Character.isLetter(rest.charAt(2))) {
            return ">";
        }
        return null;
    }

    /**
     * CommonMark HTML blocks of types 6 (block tags) and 7 (a lone tag; CommonMark's only where no
     * paragraph goes on, which the caller allows for).
     */
    private static boolean htmlToBlank(String text, int p, int end) {
        if (p >= end || text.charAt(p) != '<') {
            return false;
        }
        int i = p + 1;
        if (i < end && text.charAt(i) == '/') {
            i++;
        }
        int nameStart = i;
        while (i < end && Character.isLetterOrDigit(text.charAt(i))) {
            i++;
        }
        String name = text.substring(nameStart, i).toLowerCase(java.util.Locale.ROOT);
        boolean nameEnds = i >= end || text.charAt(i) == '>' || text.charAt(i) == ' ' || text.charAt(i) == '\t'
                || text.startsWith("/>", i);
        if (nameEnds && BLOCK_TAGS.contains(name)) {
            return true;
        }
        return LONE_TAG.matcher(text.substring(p, end)).matches();
    }

    private static boolean containsIgnoreCase(String text, int from, int end, String what) {
        return from <= end && text.substring(Math.max(0, from), end).toLowerCase(java.util.Locale.ROOT).contains(what);
    }

    private static int indent(String text, int pos, int end) {
        int col = 0;
        for (int i = pos; i < end; i++) {
            char c = text.charAt(i);
            if (c == ' ') {
                col++;
            } else if (c == '\t') {
                col += 4 - col % 4;
            } else {
                break;
            }
        }
        return col;
    }

    private static boolean isBlank(String text, int pos, int end) {
        for (int i = pos; i < end; i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '\t') {
                return false;
            }
        }
        return true;
    }

}
