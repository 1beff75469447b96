package dev.papernotes.workspace;

import dev.papernotes.notes.LineIndex;
import dev.papernotes.notes.NoteChunks;
import dev.papernotes.notes.NoteModel;
import dev.papernotes.notes.NoteParser;
import java.nio.file.Path;

/**
 * One version of one note's text. Immutable: a request works on the version it was asked
 * about while later edits make new documents. The parse is done on first use, by whichever thread
 * needs it, so an edit never waits for one.
 *
 * @param path    the note's file, or null for an unsaved or non-file document
 * @param open    whether the editor owns the text (then disk changes are ignored)
 */
public final class NoteDocument {
    /** Above this a note is not parsed: nobody writes notes this big, and a parse could take the heap. */
    public static final int MAX_PARSED_CHARS = 4 << 20;
    public static final int MAX_PARSED_LINES = 200_000;

    private final String uri;
    private final Path path;
    private final String text;
    private final int version;
    private final boolean open;
    private volatile NoteModel model;
    private volatile java.util.Set<String> anchorKeys;
    private volatile LineIndex lines;
    /**
     * The stretches of the last parsed version an editor changed into this one: the parse takes
     * those the edit left alone. Dropped once this version is parsed, so no chain of versions stays.
     */
    private volatile NoteChunks earlier;
    /** This version's stretches, kept for the next version while the editor owns the text. */
    private volatile NoteChunks chunks;
    /** 0 not known yet, 1 too large, 2 not. */
    private volatile int size;

    public NoteDocument(String uri, Path path, String text, int version, boolean open) {
        this.uri = uri;
        this.path = path;
        this.text = text;
        this.version = version;
        this.open = open;
    }

    public String uri() {
        return uri;
    }

    public Path path() {
        return path;
    }

    public String text() {
        return text;
    }

    public int version() {
        return version;
    }

    public boolean isOpen() {
        return open;
    }

    public NoteModel model() {
        NoteModel m = model;
        if (m == null) {
            synchronized (this) {
                m = model;
                if (m == null) {
                    if (tooLarge()) {
                        m = NoteParser.unparsed(text);
                    } else if (open) {
                        NoteChunks.Parsed p = NoteChunks.parse(text, lines, earlier);
                        m = p.model();
                        chunks = p.chunks();
                    } else {
                        m = NoteParser.parse(text, lines);
                    }
                    earlier = null;
                    model = m;
                }
            }
        }
        return m;
    }

    /**
     * The keys under which links find this version's headings and blocks, computed once by
     * {@code keys} (the link features decide what they are; the document only keeps them).
     */
    public java.util.Set<String> anchorKeys(java.util.function.Function<NoteModel, java.util.Set<String>> keys) {
        java.util.Set<String> k = anchorKeys;
        if (k == null) {
            k = java.util.Set.copyOf(keys.apply(model()));
            anchorKeys = k;
        }
        return k;
    }

    /**
     * The stretches {@link #model()} was put together from, or null when the note was parsed whole
     * (a note the editor does not own, or one that cannot be split).
     */
    public NoteChunks chunks() {
        model();
        return chunks;
    }

    /** The parse of this version if a request has made it already, else null (and nothing is parsed). */
    public NoteModel parsedModel() {
        return model;
    }

    /**
     * Line starts, for positions: without a parse, so a request that needs no more (completion)
     * does not pay for one.
     */
    public LineIndex lines() {
        NoteModel m = model;
        if (m != null) {
            return m.lines();
        }
        LineIndex l = lines;
        if (l == null) {
            l = new LineIndex(text);
            lines = l;
        }
        return l;
    }

    /** Whether the note is too large to parse; it then has no links, citations or prose. */
    public boolean tooLarge() {
        int s = size;
        if (s == 0) {
            s = countTooLarge() ? 1 : 2;
            size = s;
        }
        return s == 1;
    }

    private boolean countTooLarge() {
        if (text.length() > MAX_PARSED_CHARS) {
            return true;
        }
        if (text.length() < MAX_PARSED_LINES) {
            return false; // fewer characters than the line limit: no need to count lines
        }
        return lines().lineCount() - 1 > MAX_PARSED_LINES; // line breaks; the index is kept from edit to edit
    }

    public NoteDocument withText(String newText, int newVersion) {
        NoteDocument d = new NoteDocument(uri, path, newText, newVersion, open);
        d.earlier = reusableChunks();
        return d;
    }

    /** @param newLines the line starts of {@code newText}, worked out from the edit */
    public NoteDocument withText(String newText, LineIndex newLines, int newVersion) {
        NoteDocument d = withText(newText, newVersion);
        d.lines = newLines;
        return d;
    }

    /** The latest stretches parsed in this document's line of versions: its own, or what it was given. */
    private NoteChunks reusableChunks() {
        if (!open) {
            return null;
        }
        NoteChunks c = chunks;
        return c != null ? c : earlier;
    }

    public NoteDocument withOpen(boolean nowOpen) {
        NoteDocument d = new NoteDocument(uri, path, text, version, nowOpen);
        d.model = model;
        d.lines = lines;
        d.size = size;
        return d;
    }
}
