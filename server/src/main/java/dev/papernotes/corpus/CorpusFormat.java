package dev.papernotes.corpus;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The corpus formats, each with its file extensions and its reader. */
public enum CorpusFormat {
    DAILY_PAGES("daily-papers page", List.of(".txt")),
    BIBTEX("BibTeX", List.of(".bib")),
    CSL_JSON("CSL-JSON", List.of(".json")),
    CSL_YAML("CSL-YAML", List.of(".yaml", ".yml")),
    ARXIV_JSONL("arXiv metadata JSON Lines", List.of(".jsonl", ".ndjson"));

    private final String label;
    private final List<String> extensions;

    CorpusFormat(String label, List<String> extensions) {
        this.label = label;
        this.extensions = extensions;
    }

    public String label() {
        return label;
    }

    public List<String> extensions() {
        return extensions;
    }

    /** A library's own entries carry their own keys; these come first when sources are merged. */
    public boolean isLibrary() {
        return this == BIBTEX || this == CSL_JSON || this == CSL_YAML;
    }

    public CorpusReader reader() {
        return switch (this) {
            case DAILY_PAGES -> DailyPapersReader.INSTANCE;
            case BIBTEX -> BibTexReader.INSTANCE;
            case CSL_JSON -> CslJsonReader.INSTANCE;
            case CSL_YAML -> CslYamlReader.INSTANCE;
            case ARXIV_JSONL -> ArxivJsonlReader.INSTANCE;
        };
    }

    /**
     * The abstract that the bytes of an {@link AbstractSpan} of this format give, as the reader made
     * it from them.
     */
    String abstractFrom(byte[] bytes) {
        return switch (this) {
            case DAILY_PAGES -> DailyPapersReader.abstractFrom(bytes);
            case ARXIV_JSONL -> ArxivJsonlReader.abstractFrom(bytes);
            default -> throw new UnsupportedOperationException(label + " gives no abstract spans");
        };
    }

    /** The format a file's extension says, or null for a file that is not a corpus file. */
    public static CorpusFormat byExtension(Path file) {
        Path name = file.getFileName();
        if (name == null) {
            return null;
        }
        String n = name.toString().toLowerCase(Locale.ROOT);
        for (CorpusFormat f : values()) {
            for (String ext : f.extensions) {
                if (n.endsWith(ext)) {
                    return f;
                }
            }
        }
        return null;
    }

    /** Every extension of every format, for file watchers and folder listings. */
    public static List<String> allExtensions() {
        List<String> out = new java.util.ArrayList<>();
        for (CorpusFormat f : values()) {
            out.addAll(f.extensions);
        }
        return out;
    }

    /**
     * The format the first bytes of a file unmistakably have, or null when they do not say:
     * {@code @article{} is BibTeX, {@code [ {} CSL-JSON, {@code references:} CSL-YAML, a line that
     * is a whole JSON object with arXiv's fields a JSON line of the arXiv snapshot.
     */
    static CorpusFormat sniff(byte[] head, int length) {
        String s = new String(head, 0, length, StandardCharsets.UTF_8);
        if (s.startsWith("\uFEFF")) {
            s = s.substring(1);
        }
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        String t = s.substring(i);
        if (t.matches("(?s)@\\s*[A-Za-z]+\\s*[{(].*")) {
            return BIBTEX;
        }
        if (t.matches("(?s)\\[\\s*(\\{.*|\\].*|)")) {
            return CSL_JSON;
        }
        if (t.matches("(?s)(---\\s*\\n\\s*)?references\\s*:.*")) {
            return CSL_YAML;
        }
        if (t.startsWith("{")) {
            int eol = t.indexOf('\n');
            String line = (eol < 0 ? t : t.substring(0, eol)).strip();
            if (line.endsWith("}") && line.contains("\"id\"")
                    && (line.contains("\"authors_parsed\"") || line.contains("\"categories\""))) {
                return ARXIV_JSONL;
            }
        }
        return null;
    }
}
